#include "AppHarness.hpp"

#include "app/screens/SessionScreen.hpp"
#include "core/Session.hpp"

#include <algorithm>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const sf::Vector2u kSizes[] = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

// The tallest band across the screen that no element of the layout reaches into.
float widestEmptyBand(const Boxes& boxes, float height) {
    std::vector<std::pair<float, float>> spans;
    for (const auto& [name, box] : boxes.all()) {
        spans.emplace_back(box.top, box.top + box.height);
    }
    std::sort(spans.begin(), spans.end());
    float reached = 0;
    float widest = 0;
    for (const auto& [top, bottom] : spans) {
        widest = std::max(widest, top - reached);
        reached = std::max(reached, bottom);
    }
    return std::max(widest, height - reached);
}

} // namespace

TEST_CASE("the posture stays large while the tension question shows, and a portrait session "
          "screen has no empty band") {
    Harness h;
    for (const char* name : {"wall-tennis-ball", "lying-yoga-tune-up", "partner-upper-back-massage",
                             "self-pressure-point"}) {
        const std::string file = std::string(ROLLCOACH_SOURCE_DIR) + "/routines/" + name + ".yaml";
        RoutineLoad load = loadRoutineFile(file, h.body);
        REQUIRE(load.routine.has_value());
        Session session(*load.routine, {}, Side::Left, h.body, h.clock, nullptr);
        SessionScreen screen(h.app, session);
        screen.update(3); // getting ready: how tense the first side is, asked
        REQUIRE(session.snapshot().gettingReady);
        REQUIRE(session.snapshot().tensionPrompt.has_value());
        for (const sf::Vector2u size : kSizes) {
            INFO(name << " at " << size.x << "x" << size.y);
            screen.layout(size);
            const float screenArea = static_cast<float>(size.x) * static_cast<float>(size.y);
            const sf::FloatRect posture = screen.postureArea();
            const sf::FloatRect prompt = screen.boxes()["prompt"];
            CHECK(posture.width * posture.height > 0.1f * screenArea);
            CHECK_FALSE(posture.intersects(prompt));
            if (size.y > size.x) {
                CHECK(widestEmptyBand(screen.boxes(), static_cast<float>(size.y)) <
                      0.04f * static_cast<float>(size.y));
                // Beside the body, not under the texts.
                CHECK(posture.top < screen.boxes()["side"].top);
            }
        }
    }
}
