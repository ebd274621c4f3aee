#include "TestSupport.hpp"

#include "core/BodyModel.hpp"
#include "core/TextFile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kModelPath = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";

std::string realModelText() {
    const TextFile file = readTextFile(kModelPath, 1024 * 1024);
    REQUIRE(file.error.empty());
    return file.text;
}

// The real model with one value changed, and where the new value starts: a broken model that
// differs from a good one in a single place, so the error can only be about that place.
struct EditedModel {
    std::string text;
    int line = 0;
    int column = 0;
};

EditedModel withValue(const std::string& before, const std::string& oldValue,
                      const std::string& newValue) {
    EditedModel edited{realModelText()};
    const std::string whole = before + oldValue;
    const std::size_t at = edited.text.find(whole);
    REQUIRE(at != std::string::npos);
    REQUIRE(edited.text.find(whole, at + 1) == std::string::npos);
    const std::size_t valueAt = at + before.size();
    edited.text.replace(valueAt, oldValue.size(), newValue);
    edited.line =
        1 + static_cast<int>(std::count(edited.text.begin(), edited.text.begin() + valueAt, '\n'));
    const std::size_t lineStart = edited.text.rfind('\n', valueAt);
    edited.column =
        static_cast<int>(valueAt - (lineStart == std::string::npos ? 0 : lineStart + 1)) + 1;
    return edited;
}

std::string errorOf(const std::string& text, const std::string& fileName,
                    const BodyProfile& profile = {}) {
    try {
        BodyModel::parse(text, fileName, profile);
    } catch (const DataFileError& error) {
        return error.what();
    }
    FAIL("the model was accepted");
    return {};
}

std::string located(const EditedModel& edited, const std::string& message) {
    return "body.yaml:" + std::to_string(edited.line) + ":" + std::to_string(edited.column) +
           ": error: " + message;
}

} // namespace

TEST_CASE("the shipped body model lists its balls, muscles and profiles in file order") {
    const BodyModel& body = referenceBody();
    CHECK(body.profileName == "men");
    CHECK(body.ballNames() ==
          std::vector<std::string>{"tennis", "yoga-tune-up", "yoga-tune-up-plus"});
    CHECK(body.muscleNames() == std::vector<std::string>{"upper-trapezius", "rhomboids"});
    CHECK(body.profileNames() == std::vector<std::string>{"men", "women"});
    // The men's profile is the reference: figures come through unscaled.
    CHECK(body.shoulderWidthCm == doctest::Approx(41.6));
    CHECK(body.neckHalfWidthCm == doctest::Approx(6.0));
    CHECK(body.spineHalfWidthCm == doctest::Approx(2.5));
    CHECK(body.neckTopCm == doctest::Approx(-14));
    CHECK(body.contactRadiusRatio == doctest::Approx(0.3));
    CHECK(body.clearanceCm == doctest::Approx(1.0));
    CHECK(body.thoracicLevelCm == doctest::Approx(2.5));
    CHECK(body.spineBottomCm == doctest::Approx(48));
    CHECK(body.acromion.xCm == doctest::Approx(20.8));
    CHECK(body.acromion.yCm == doctest::Approx(7.7));
    CHECK(body.head.center.yCm == doctest::Approx(-23));
    CHECK(body.head.radiusXCm == doctest::Approx(7.5));
    CHECK(body.head.radiusYCm == doctest::Approx(10));
    REQUIRE(body.outline.size() == 14);
    CHECK(body.outline.front().xCm == 0);
    CHECK(body.outline.front().yCm == doctest::Approx(-14));
    CHECK(body.outline.back().yCm == doctest::Approx(48));
    CHECK(body.scapula.size() == 7);
    CHECK(body.scapulaSpine.size() == 2);
}

TEST_CASE("balls and muscles are found by their exact name, or not at all") {
    const BodyModel& body = referenceBody();
    const BallKind* tennis = body.findBall("tennis");
    REQUIRE(tennis != nullptr);
    CHECK(tennis->label == "tennis ball");
    CHECK(tennis->diameterCm == doctest::Approx(6.7));
    const BallKind* plus = body.findBall("yoga-tune-up-plus");
    REQUIRE(plus != nullptr);
    CHECK(plus->diameterCm == doctest::Approx(7.0));
    CHECK(body.findBall("yoga-tune-up")->diameterCm == doctest::Approx(6.35));
    // Routines name balls exactly; a near miss is for the suggestion, not the lookup.
    CHECK(body.findBall("Tennis") == nullptr);
    CHECK(body.findBall("tennis ball") == nullptr);
    CHECK(body.findBall("") == nullptr);

    const Muscle* rhomboids = body.findMuscle("rhomboids");
    REQUIRE(rhomboids != nullptr);
    CHECK(rhomboids->label == "rhomboids");
    CHECK(rhomboids->outline.size() == 5);
    CHECK(body.findMuscle("upper-trapezius")->outline.size() == 9);
    CHECK(body.findMuscle("trapezius") == nullptr);
}

TEST_CASE("the women's profile scales widths by shoulder width and lengths by height, never the "
          "safety margins") {
    const BodyModel& men = referenceBody();
    const BodyModel women = BodyModel::load(kModelPath, {"women", std::nullopt});
    const double across = 36.5 / 41.6;
    const double down = 162.9 / 175.6;
    CHECK(women.profileName == "women");
    CHECK(women.sex == "women");
    CHECK(women.shoulderWidthCm == doctest::Approx(36.5));
    CHECK(women.heightCm == doctest::Approx(162.9));
    CHECK(women.widthScale == doctest::Approx(across));
    CHECK(women.lengthScale == doctest::Approx(down));
    CHECK(women.neckHalfWidthCm == doctest::Approx(5.0));
    CHECK(women.thoracicLevelCm == doctest::Approx(men.thoracicLevelCm * down));
    CHECK(women.spineBottomCm == doctest::Approx(men.spineBottomCm * down));
    CHECK(women.neckTopCm == doctest::Approx(men.neckTopCm * down));
    CHECK(women.acromion.xCm == doctest::Approx(men.acromion.xCm * across));
    CHECK(women.acromion.yCm == doctest::Approx(men.acromion.yCm * down));
    CHECK(women.head.center.yCm == doctest::Approx(men.head.center.yCm * down));
    CHECK(women.head.radiusXCm == doctest::Approx(men.head.radiusXCm * across));
    CHECK(women.head.radiusYCm == doctest::Approx(men.head.radiusYCm * down));
    auto allScaled = [&](const std::vector<Point>& got, const std::vector<Point>& reference) {
        REQUIRE(got.size() == reference.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].xCm == doctest::Approx(reference[i].xCm * across));
            CHECK(got[i].yCm == doctest::Approx(reference[i].yCm * down));
        }
    };
    allScaled(women.outline, men.outline);
    allScaled(women.scapula, men.scapula);
    allScaled(women.scapulaSpine, men.scapulaSpine);
    REQUIRE(women.muscles.size() == men.muscles.size());
    for (std::size_t i = 0; i < men.muscles.size(); ++i) {
        allScaled(women.muscles[i].outline, men.muscles[i].outline);
    }
    // Margins and balls are the same for everyone: a smaller body does not make a ball smaller
    // or the spine less fragile.
    CHECK(women.spineHalfWidthCm == men.spineHalfWidthCm);
    CHECK(women.contactRadiusRatio == men.contactRadiusRatio);
    CHECK(women.clearanceCm == men.clearanceCm);
    CHECK(women.findBall("tennis")->diameterCm == men.findBall("tennis")->diameterCm);
}

TEST_CASE("a shoulder width of one's own scales the body across and interpolates the neck zone") {
    const BodyModel mid = BodyModel::load(kModelPath, {"men", 39.05});
    CHECK(mid.profileName == "men, shoulders 39 cm, height 175.6 cm");
    CHECK(mid.shoulderWidthCm == 39.05);
    CHECK(mid.acromion.xCm == doctest::Approx(20.8 * 39.05 / 41.6));
    // The height is the average man's: lengths down the back stay.
    CHECK(mid.acromion.yCm == doctest::Approx(7.7));
    // Halfway between the two measured profiles' widths, halfway between their necks.
    CHECK(mid.neckHalfWidthCm == doctest::Approx(5.5));
    CHECK(BodyModel::load(kModelPath, {"men", 36.5}).neckHalfWidthCm == doctest::Approx(5.0));
    CHECK(BodyModel::load(kModelPath, {"men", 41.6}).neckHalfWidthCm == doctest::Approx(6.0));
    // Below the narrower profile the neck zone stays at its size rather than shrinking; above
    // the wider one it keeps growing.
    CHECK(BodyModel::load(kModelPath, {"men", 30.0}).neckHalfWidthCm == doctest::Approx(5.0));
    CHECK(BodyModel::load(kModelPath, {"men", 50.0}).neckHalfWidthCm > 6.0);
    // The width wins over the profile's average it comes with; the height is the profile's.
    const BodyModel named = BodyModel::load(kModelPath, {"women", 41.6});
    CHECK(named.shoulderWidthCm == doctest::Approx(41.6));
    CHECK(named.acromion.xCm == doctest::Approx(20.8));
    CHECK(named.heightCm == doctest::Approx(162.9));
}

TEST_CASE(
    "a height of one's own scales the back's length, the blades and the neck, not its width") {
    const BodyModel& men = referenceBody();
    const BodyModel tall = BodyModel::load(kModelPath, {"men", std::nullopt, 195.0});
    const double down = 195.0 / 175.6;
    CHECK(tall.profileName == "men, shoulders 41.6 cm, height 195 cm");
    CHECK(tall.spineBottomCm == doctest::Approx(men.spineBottomCm * down));
    CHECK(tall.neckTopCm == doctest::Approx(men.neckTopCm * down));
    CHECK(tall.scapula.back().yCm == doctest::Approx(men.scapula.back().yCm * down));
    CHECK(tall.acromion.xCm == doctest::Approx(men.acromion.xCm));
    // Named places scale with the body; the side of the neck follows its keep-out zone.
    CHECK(tall.anatomyPoint("scapula-bottom")->yCm ==
          doctest::Approx(men.anatomyPoint("scapula-bottom")->yCm * down));
    CHECK(tall.anatomyPoint("neck-base")->xCm == doctest::Approx(tall.neckHalfWidthCm));
    CHECK_FALSE(tall.anatomyPoint("elbow").has_value());
}

TEST_CASE("a shoulder width outside 30 to 50 cm, a height outside 145 to 200 cm, or not a number, "
          "is refused") {
    CHECK_NOTHROW(BodyModel::load(kModelPath, {"men", 30.0}));
    CHECK_NOTHROW(BodyModel::load(kModelPath, {"men", 50.0}));
    CHECK_NOTHROW(BodyModel::load(kModelPath, {"women", 30.0, 145.0}));
    CHECK_NOTHROW(BodyModel::load(kModelPath, {"women", 50.0, 200.0}));
    for (double width : {29.9, 50.1, 0.0, -40.0, std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::infinity()}) {
        CAPTURE(width);
        try {
            BodyModel::load(kModelPath, {"men", width});
            FAIL("accepted");
        } catch (const DataFileError& error) {
            CHECK(std::string(error.what())
                      .rfind("rollcoach: error: shoulder width must be between 30 and 50 cm", 0) ==
                  0);
        }
    }
    for (double height : {144.9, 200.1, 0.0, 1e9, std::numeric_limits<double>::quiet_NaN()}) {
        CAPTURE(height);
        try {
            BodyModel::load(kModelPath, {"men", std::nullopt, height});
            FAIL("accepted");
        } catch (const DataFileError& error) {
            CHECK(std::string(error.what())
                      .rfind("rollcoach: error: height must be between 145 and 200 cm", 0) == 0);
        }
    }
    CHECK_THROWS_WITH_AS(BodyModel::load(kModelPath, {"children", std::nullopt}),
                         "rollcoach: error: unknown body type \"children\": use men or women",
                         DataFileError);
}

TEST_CASE("a contact patch is on the body only when all of it is, across the midline too") {
    const BodyModel& body = referenceBody();
    // Across the midline the back goes on: a patch over the spine is on the body.
    CHECK(body.patchOnBody({0, 20}, 3));
    CHECK(body.patchOnBody({10, 20}, 3));
    // Centre on the body, edge over the background above the shoulder.
    CHECK(body.isOnBody({10, 1}));
    CHECK_FALSE(body.patchOnBody({10, 1}, 2));
    CHECK(body.patchOnBody({10, 4.5}, 2));
    CHECK_FALSE(body.patchOnBody({30, 10}, 1));
}

TEST_CASE("how far inside the outline a point lies agrees with every patch, over a grid") {
    const BodyModel& body = referenceBody();
    // The midline is no edge: the back goes on across it, to the sides well beyond 10 cm.
    CHECK(body.insideByCm({0, 20}) > 15);
    // Beside the neck, a centimetre or two out from its side.
    CHECK(body.insideByCm({-7, -10}) < -1);
    CHECK(body.insideByCm({-7, -10}) > -2);
    int checked = 0;
    for (double x = -26; x <= 26; x += 0.37) {
        for (double y = -18; y <= 52; y += 0.41) {
            const double inside = body.insideByCm({x, y});
            CHECK((inside > 0) == body.isOnBody({x, y}));
            for (double radius : {0.5, 1.5, 3.0}) {
                if (std::abs(inside - radius) > 1e-9) {
                    INFO(x << ", " << y << " r " << radius << ": " << inside);
                    CHECK(body.patchOnBody({x, y}, radius) == (inside > radius));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 20000);
}

TEST_CASE("on the body: the back, both shoulders and the neck, not beside or above them") {
    const BodyModel& body = referenceBody();
    CHECK(body.isOnBody({0, 10}));
    CHECK(body.isOnBody({10, 10}));
    CHECK(body.isOnBody({-10, 10}));
    CHECK(body.isOnBody({22, 11}));
    CHECK(body.isOnBody({-22, 11}));
    CHECK_FALSE(body.isOnBody({23, 11}));
    CHECK_FALSE(body.isOnBody({-23, 11}));
    // The neck is narrow: 5.4 to 5.8 cm from the midline.
    CHECK(body.isOnBody({5, -10}));
    CHECK(body.isOnBody({-5, -10}));
    CHECK_FALSE(body.isOnBody({7, -10}));
    CHECK_FALSE(body.isOnBody({0, -15}));
    CHECK_FALSE(body.isOnBody({0, 49}));
    // A narrower body has less room at the shoulder tip.
    const BodyModel women = BodyModel::load(kModelPath, {"women", std::nullopt});
    CHECK_FALSE(women.isOnBody({22, 11}));
}

TEST_CASE("polygonContains follows the even-odd rule, notches included") {
    // A U: two uprights joined at the bottom, open at the top between x 2 and 4.
    const std::vector<Point> u = {{0, 0}, {2, 0}, {2, 4}, {4, 4}, {4, 0}, {6, 0}, {6, 6}, {0, 6}};
    CHECK(polygonContains(u, {1, 1}));
    CHECK(polygonContains(u, {5, 1}));
    CHECK(polygonContains(u, {3, 5}));
    CHECK_FALSE(polygonContains(u, {3, 1}));
    CHECK_FALSE(polygonContains(u, {7, 3}));
    CHECK_FALSE(polygonContains(u, {-1, 3}));
    CHECK_FALSE(polygonContains(u, {3, 7}));
}

TEST_CASE("a broken value in the body model is an error at its file, line and column") {
    SUBCASE("a number that is not one") {
        const EditedModel edited = withValue("    diameter_cm: ", "6.7", "big");
        CHECK(errorOf(edited.text, "body.yaml") ==
              located(edited, "expected a number, got \"big\""));
    }
    SUBCASE("an unknown format") {
        const EditedModel edited = withValue("\nformat: ", "1", "2");
        CHECK(errorOf(edited.text, "body.yaml") == located(edited, "unknown body model format"));
    }
    SUBCASE("a label that is a list") {
        const EditedModel edited = withValue("    label: ", "rhomboids", "[a, b]");
        CHECK(errorOf(edited.text, "body.yaml") == located(edited, "expected text for \"label\""));
    }
    SUBCASE("a point that is not a map") {
        const EditedModel edited =
            withValue("below C7 (ANSUR II).\n  acromion: ", "{x_cm: 20.8, y_cm: 7.7}", "20.8");
        CHECK(errorOf(edited.text, "body.yaml") ==
              located(edited, "expected a map holding \"x_cm\""));
    }
    SUBCASE("an outline of a single point") {
        const EditedModel edited = withValue(
            "  scapula_spine:\n    ", "- {x_cm: 6.5, y_cm: 7.8}\n    - {x_cm: 20.8, y_cm: 7.7}",
            "- {x_cm: 6.5, y_cm: 7.8}");
        CHECK(errorOf(edited.text, "body.yaml") == located(edited, "expected a list of points"));
    }
    SUBCASE("a neck width that is not a number, in the profile asked for") {
        const EditedModel edited = withValue("    neck_half_width_cm: ", "5.0", "narrow");
        CHECK(errorOf(edited.text, "body.yaml", {"women", std::nullopt}) ==
              located(edited, "expected a number, got \"narrow\""));
    }
}

TEST_CASE("a missing key in the body model is named, at the map that lacks it") {
    std::string text = realModelText();
    const std::string removed = "  clearance_cm: 1.0\n";
    const std::size_t at = text.find(removed);
    REQUIRE(at != std::string::npos);
    text.erase(at, removed.size());
    // The safety map starts at its first key, below the comments that open it.
    const std::size_t firstKey = text.find("  spine_half_width_cm:");
    REQUIRE(firstKey != std::string::npos);
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + firstKey, '\n'));
    CHECK(errorOf(text, "body.yaml") ==
          "body.yaml:" + std::to_string(line) + ":3: error: missing key \"clearance_cm\"");
}

TEST_CASE("a broken body model file is named with its path and line when loaded") {
    const std::string outline = dataFile("body/outline-point-without-y.yaml");
    CHECK_THROWS_WITH_AS(BodyModel::load(outline),
                         (outline + ":22:7: error: missing key \"y_cm\"").c_str(), DataFileError);
    const std::string syntax = dataFile("body/yaml-syntax-error.yaml");
    try {
        BodyModel::load(syntax);
        FAIL("a file that is not YAML was accepted");
    } catch (const DataFileError& error) {
        // The wording after "YAML syntax:" is the YAML library's own.
        const std::string message = error.what();
        CHECK(message.rfind(syntax + ":4:", 0) == 0);
        CHECK(message.find(": error: YAML syntax: ") != std::string::npos);
    }
}

TEST_CASE("a body model that cannot be read, or is empty, says so with its name") {
    CHECK_THROWS_WITH_AS(BodyModel::load("/nonexistent/body.yaml"),
                         "/nonexistent/body.yaml: error: cannot read file: no such file",
                         DataFileError);
    const TempPath folder("body-model");
    CHECK_THROWS_WITH_AS(
        BodyModel::load(folder.path.string()),
        (folder.path.string() + ": error: cannot read file: it is a directory").c_str(),
        DataFileError);
    CHECK_THROWS_WITH_AS(BodyModel::parse("# nothing but a comment\n", "empty.yaml"),
                         "empty.yaml: error: the body model is empty", DataFileError);
}

TEST_CASE("ball colours and each drill's props come from the model file") {
    const BodyModel& body = referenceBody();
    const Colour tennis = body.ballColour(BallChoice{"tennis", 6.7});
    CHECK(tennis.r == 206);
    CHECK(tennis.g == 226);
    CHECK(tennis.b == 60);
    const Colour custom = body.ballColour(BallChoice{"custom", 8});
    CHECK(custom.r == body.otherBallColour.r);
    CHECK(custom.b == body.otherBallColour.b);
    CHECK(body.props(Drill::Wall) == std::vector<std::string>{"a clear stretch of wall"});
    REQUIRE(body.props(Drill::Lying).size() == 2);
    CHECK(body.props(Drill::Lying)[0].find("pillows") != std::string::npos);
    std::string text =
        readTextFile(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml", 1 << 20).text;
    const std::string good = "colour: [206, 226, 60]";
    REQUIRE(text.find(good) != std::string::npos);
    text.replace(text.find(good), good.size(), "colour: [206, 300, 60]");
    CHECK_THROWS_WITH_AS(BodyModel::parse(text, "body.yaml"),
                         doctest::Contains("expected a whole number from 0 to 255"), DataFileError);
}
