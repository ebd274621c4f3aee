#include "TestSupport.hpp"

#include "core/SafetyCheck.hpp"
#include "core/SpotAdvice.hpp"

#include <cmath>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kModelPath = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";

// The narrowest and shortest body accepted, the broadest and tallest, and both averages.
std::vector<BodyModel> someBodies() {
    return {BodyModel::load(kModelPath, {"women", 30.0, 145.0}),
            BodyModel::load(kModelPath, {"women"}), BodyModel::load(kModelPath, {"men"}),
            BodyModel::load(kModelPath, {"men", 50.0, 200.0})};
}

bool startsWith(const std::string& text, const std::string& start) {
    return text.compare(0, start.size(), start) == 0;
}

} // namespace

TEST_CASE("the explorer's words: where the ball is by anatomy, and what to do") {
    const BodyModel& body = referenceBody();
    const Contact tennis = Contact::ball(body, 6.7);

    // Between the blade and the spine, clear of both zones.
    const SpotAdvice safe = spotAdvice({-7.5, 10}, tennis, body);
    CHECK(safe.safe);
    CHECK(safe.headline ==
          "Safe: between the shoulder blade and the spine, at the blade's inner edge");
    CHECK(safe.where ==
          "Left side, between the shoulder blade and the spine, at the blade's inner edge");
    CHECK(spotAdvice({4.5, 12}, Contact::ball(body, 1), body).headline ==
          "Safe: between the shoulder blade and the spine");
    CHECK_FALSE(safe.move);

    // Close beside the spine: how far, and the way to the blade.
    const SpotAdvice near = spotAdvice({5, 10}, tennis, body);
    CHECK_FALSE(near.safe);
    CHECK(near.headline == "0.5 cm from the spine: move it 1.5 cm toward the shoulder blade");
    REQUIRE(near.move);
    CHECK(near.move->xCm == doctest::Approx(1.5));

    // On the spine itself.
    const SpotAdvice on = spotAdvice({1, 12}, tennis, body);
    CHECK(startsWith(on.headline, "On the spine: move it "));
    CHECK(on.headline.find("toward the shoulder blade") != std::string::npos);
    CHECK(on.where == "Right side, on the spine");

    // On the neck: the way out is named, up and down in words too.
    const SpotAdvice neck = spotAdvice({2, -6}, tennis, body);
    CHECK(startsWith(neck.headline, "On the neck: move it "));
    CHECK(neck.where == "Right side, on the neck");

    // Off the body, the way back on; a zone beats it.
    const SpotAdvice off = spotAdvice({30, 20}, tennis, body);
    CHECK(startsWith(off.headline, "Off the body: move it "));
    CHECK(off.headline.find("toward the spine") != std::string::npos);
    CHECK(startsWith(spotAdvice({0, -16}, tennis, body).headline, "On the neck"));

    CHECK(regionName({10, 10}, body) == "on the shoulder blade");
    CHECK(regionName({9, 25}, body) == "below the shoulder blade");
    CHECK(regionName({12, 3}, body) ==
          "on the upper trapezius, between the neck and the shoulder tip");
    CHECK(regionName({7, -0.8}, body) ==
          "on the upper trapezius, between the neck and the shoulder tip");
    CHECK(regionName({4, 3}, body) == "above the shoulder blade");
    CHECK(regionName({12, 1}, body) == "off the body");
    CHECK(regionName({20, 14}, body) == "beside the shoulder blade, toward the arm");
}

TEST_CASE("the explorer is never safe on or near the spine or the neck, and its move, made, is "
          "safe, on narrow and broad bodies") {
    std::size_t looked = 0;
    std::size_t moved = 0;
    for (const BodyModel& body : someBodies()) {
        const SafetyCheck check(body);
        for (const double diameter : {6.35, 6.7}) {
            const Contact contact = Contact::ball(body, diameter);
            for (double x = -26; x <= 26; x += 1.5) {
                for (double y = -16; y <= 50; y += 2) {
                    const Point at{x, y};
                    const SpotAdvice advice = spotAdvice(at, contact, body);
                    const PlacementVerdict verdict = check.atPoint(at, contact);
                    const bool clear = verdict.onBody && verdict.worst == Closeness::Safe;
                    ++looked;
                    INFO(body.describe() << " at (" << x << ", " << y << "): " << advice.headline);
                    CHECK(advice.safe == clear);
                    CHECK(startsWith(advice.headline, "Safe") == clear);
                    if (!verdict.zones.empty()) {
                        // Danger first: the zone is named before anything else.
                        const bool spine = verdict.zones.front().zone == Zone::Spine;
                        CHECK(advice.headline.find(spine ? "spine" : "neck") <
                              advice.headline.find(':'));
                    }
                    if (advice.move) {
                        ++moved;
                        const Point to{x + advice.move->xCm, y + advice.move->yCm};
                        const SpotAdvice after = spotAdvice(to, contact, body);
                        INFO("moved to (" << to.xCm << ", " << to.yCm << "): " << after.headline);
                        CHECK(after.safe);
                    } else if (!clear) {
                        CHECK(advice.headline.find("move it") != std::string::npos);
                    }
                }
            }
        }
    }
    CHECK(looked > 5000);
    CHECK(moved > 1000);
}

TEST_CASE("a kept spot, loaded back through the routine loader, is the same spot on each body") {
    for (const BodyModel& body : someBodies()) {
        for (const Point spot :
             {Point{7.5, 10}, Point{-7.5, 10}, Point{12.3, 3.1}, Point{-14.2, 13.7},
              Point{4.8, 22.4}, Point{9.1, -2.6}, Point{-3, 35}}) {
            const std::string text = placementText(spot, body);
            INFO(body.describe() << ": " << text);
            CHECK(startsWith(text, "{at: "));
            const RoutineLoad load = parseRoutine(oneStep("tennis", "[" + text + "]"), body);
            for (const Diagnostic& d : load.diagnostics) {
                INFO(d.message);
            }
            REQUIRE(load.routine);
            const Point back = load.routine->steps.front().place.front().at;
            // A routine describes its working side: the left spot is the working side's.
            CHECK(std::hypot(back.xCm - std::abs(spot.xCm), back.yCm - spot.yCm) < 0.1);
            CHECK(text.find("side:") == std::string::npos);
        }
    }
    CHECK(placementText({7.5, 12}, referenceBody()) == "{at: scapula-inner-edge, x_cm: 7.5}");
}
