#include "TestSupport.hpp"

#include "core/Posture.hpp"
#include "core/RoutineLoader.hpp"
#include "core/TextFile.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kPosturesPath = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/postures.yaml";

std::string posturesText() {
    return readTextFile(kPosturesPath, 1024 * 1024).text;
}

// The message a broken copy of the file fails with.
std::string failure(const std::string& text) {
    try {
        Postures::parse(text, "postures.yaml");
    } catch (const DataFileError& error) {
        return error.what();
    }
    return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::vector<Routine> shippedRoutines() {
    std::vector<Routine> out;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
        RoutineLoad load = loadRoutineFile(entry.path().string(), referenceBody());
        REQUIRE(load.routine.has_value());
        out.push_back(*load.routine);
    }
    return out;
}

double distance(PicturePoint a, PicturePoint b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

TEST_CASE("every drill has its posture, and every motion of the shipped routines its keys") {
    const Postures postures = Postures::load(kPosturesPath);
    const std::vector<Routine> routines = shippedRoutines();
    REQUIRE(routines.size() >= 4);
    for (const Routine& routine : routines) {
        CAPTURE(routine.title);
        const Posture& posture = postures.of(routine.drill);
        CHECK(posture.drill == routine.drill);
        CHECK(!posture.figures.empty());
        CHECK(!posture.props.empty());
        for (const Step& step : routine.steps) {
            CAPTURE(step.name);
            const auto motion = posture.motions.find(step.motion.pattern);
            // Named in the file: "still" on purpose, or keys.
            REQUIRE(motion != posture.motions.end());
            const PostureFrame frame =
                posture.frame(step.motion.pattern, posturePeriodS(step), 1.3);
            CHECK(!frame.items.empty());
            CHECK(frame.contactRadius > 0);
            // The picture stays inside its frame.
            for (const PostureFrame::Item& item : frame.items) {
                if (item.prop == nullptr) {
                    for (const PicturePoint& p : {item.segment.from, item.segment.to}) {
                        CHECK(p.x >= 0);
                        CHECK(p.x <= posture.width);
                        CHECK(p.y >= 0);
                        CHECK(p.y <= 10);
                    }
                }
            }
        }
    }
}

TEST_CASE("a step that moves the body moves the picture, a hold keeps it still") {
    const Postures postures = Postures::load(kPosturesPath);
    const Posture& wall = postures.of(Drill::Wall);
    // Knees bending in "up and down": the hips are lower half a period in.
    auto hip = [&](std::optional<Pattern> pattern, double seconds) {
        const PostureFrame frame = wall.frame(pattern, 8, seconds);
        for (const PostureFrame::Item& item : frame.items) {
            if (item.prop == nullptr && item.segment.shape == SegmentShape::Trunk) {
                return item.segment.from;
            }
        }
        FAIL("no trunk");
        return PicturePoint{};
    };
    CHECK(hip(Pattern::Vertical, 4).y > hip(Pattern::Vertical, 0).y + 0.3);
    CHECK(distance(hip(Pattern::Vertical, 8), hip(Pattern::Vertical, 0)) < 1e-6);
    CHECK(distance(hip(Pattern::Hold, 4), hip(Pattern::Hold, 0)) < 1e-9);
    CHECK(distance(hip(std::nullopt, 3), hip(Pattern::Hold, 0)) < 1e-9);

    // The pressure point's fingertip moves with its circles, on the upper back.
    const Posture& self = postures.of(Drill::SelfPress);
    const PostureFrame still = self.frame(std::nullopt, 0, 0);
    const PostureFrame circling = self.frame(Pattern::Friction, 1.5, 0.5);
    CHECK(distance(still.contact, circling.contact) > 0.05);
}

TEST_CASE("the self-press hand reaches over the shoulder to the upper back") {
    const Postures postures = Postures::load(kPosturesPath);
    const PostureFrame frame = postures.of(Drill::SelfPress).frame(std::nullopt, 0, 0);
    PicturePoint hip;
    PicturePoint neck;
    for (const PostureFrame::Item& item : frame.items) {
        if (item.prop == nullptr && item.segment.shape == SegmentShape::Trunk) {
            hip = item.segment.from;
            neck = item.segment.to;
        }
    }
    // Facing left: the back is to the right of the trunk's line, the finger below the
    // shoulder's top and above the middle of the back.
    CHECK(frame.contact.x > neck.x + 0.4);
    CHECK(frame.contact.y > neck.y);
    CHECK(frame.contact.y < (neck.y + hip.y) / 2);
}

TEST_CASE("a broken posture file names the place and the problem") {
    const std::string good = posturesText();
    REQUIRE(failure(good).empty());

    CHECK(failure(replaced(good, "  lying:\n", "  sitting:\n")).find("unknown drill \"sitting\"") !=
          std::string::npos);
    const std::string noDrill = failure(replaced(good, "  self-press:\n", "  wall-again:\n"));
    CHECK(noDrill.find("unknown drill") != std::string::npos);

    const std::string prop = failure(replaced(good, "{kind: wall,", "{kind: sofa,"));
    CHECK(prop.find("postures.yaml:") == 0);
    CHECK(prop.find("unknown prop \"sofa\"") != std::string::npos);

    const std::string joint =
        failure(replaced(good, "from: knee, to: hip", "from: elbow, to: hip"));
    CHECK(joint.find("joint \"elbow\" is not placed yet") != std::string::npos);
    // Line and column of the very word.
    const std::size_t line =
        1 + static_cast<std::size_t>(
                std::count(good.begin(), good.begin() + good.find("from: knee, to: hip"), '\n'));
    CHECK(joint.find("postures.yaml:" + std::to_string(line) + ":") == 0);

    CHECK(failure(replaced(good, "angles: {shin: 116", "angles: {shinbone: 116"))
              .find("no segment named \"shinbone\"") != std::string::npos);
    CHECK(failure(replaced(good, "      vertical:\n        - {at: 0}\n        - at: 0.5",
                           "      vertical:\n        - {at: 0}\n        - at: 1.5"))
              .find("\"at\" is a share") != std::string::npos);
    CHECK(failure(replaced(good, "      hold: still\n", "      wobble: still\n"))
              .find("unknown motion \"wobble\"") != std::string::npos);
    CHECK(failure(replaced(good, "length: 2.3, angle_deg: 98", "length: -2.3, angle_deg: 98"))
              .find("must be more than 0") != std::string::npos);
    CHECK(failure("format: 1\npostures:\n  wall: [1\n").find("postures.yaml:") == 0);
    CHECK(failure("").find("empty") != std::string::npos);
}
