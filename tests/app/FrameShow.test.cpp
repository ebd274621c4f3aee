#include "AppHarness.hpp"

#include "app/FrameShow.hpp"
#include "app/screens/SessionScreen.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Session.hpp"

#include <algorithm>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

FrameKey keyed(std::string still, std::vector<sf::FloatRect> moving) {
    FrameKey key;
    key.still = still;
    key.key = still + "|moving";
    key.moving = std::move(moving);
    return key;
}

long area(const std::vector<sf::IntRect>& areas) {
    long all = 0;
    for (const sf::IntRect& a : areas) {
        all += static_cast<long>(a.width) * a.height;
    }
    return all;
}

// Pixels that differ between two pictures of the same size.
long differing(const sf::Image& a, const sf::Image& b) {
    const sf::Uint8* p = a.getPixelsPtr();
    const sf::Uint8* q = b.getPixelsPtr();
    const std::size_t pixels = static_cast<std::size_t>(a.getSize().x) * a.getSize().y;
    long count = 0;
    for (std::size_t i = 0; i < pixels; ++i) {
        count += std::equal(p + 4 * i, p + 4 * i + 4, q + 4 * i) ? 0 : 1;
    }
    return count;
}

} // namespace

TEST_CASE("a frame is drawn again only where something moved, and whole when anything else "
          "changed") {
    const sf::Vector2u size(800, 600);
    const FrameKey last = keyed("a", {{100, 100, 40, 40}});
    SUBCASE("the balls' old and new places, overlapping, as one area") {
        const auto areas = changedAreas(last, keyed("a", {{110, 104, 40, 40}}), size);
        REQUIRE(areas.size() == 1);
        CHECK(areas[0] == sf::IntRect(100, 100, 50, 44));
    }
    SUBCASE("apart, apart") {
        const auto areas =
            changedAreas(last, keyed("a", {{110, 104, 40, 40}, {600, 400, 100, 80}}), size);
        REQUIRE(areas.size() == 2);
        CHECK(area(areas) == 50 * 44 + 100 * 80);
    }
    SUBCASE("inside the window, in whole pixels") {
        const auto areas = changedAreas(keyed("a", {{-20.5f, 590.2f, 40, 40}}),
                                        keyed("a", {{-20.5f, 590.2f, 40, 40}}), size);
        REQUIRE(areas.size() == 1);
        CHECK(areas[0] == sf::IntRect(0, 590, 20, 10));
    }
    SUBCASE("anything still changed: whole") {
        CHECK(changedAreas(last, keyed("b", {{100, 100, 40, 40}}), size).empty());
    }
    SUBCASE("a frame that says nothing of what moves: whole") {
        CHECK(changedAreas(last, keyed("a", {}), size).empty());
        CHECK(changedAreas(keyed("a", {}), last, size).empty());
        CHECK(changedAreas(FrameKey{}, FrameKey{}, size).empty());
    }
    SUBCASE("most of the window moved: whole") {
        CHECK(changedAreas(last, keyed("a", {{0, 0, 700, 500}}), size).empty());
    }
    SUBCASE("many areas: their bounding box") {
        std::vector<sf::FloatRect> spots;
        for (int i = 0; i < 8; ++i) {
            spots.emplace_back(static_cast<float>(10 + 60 * i), 10, 20, 20);
        }
        const auto areas = changedAreas(keyed("a", spots), keyed("a", spots), size);
        REQUIRE(areas.size() == 1);
        CHECK(areas[0] == sf::IntRect(10, 10, 440, 20));
    }
}

// The window draws a session frame again only around what moved when what it drew stays: the
// picture must then be the one a whole frame would be, at every frame, warnings included. The
// session is run as the window runs it, 60 updates a second, drawing a frame whenever its key
// changes, into one target drawn in parts and one drawn whole each time.
TEST_CASE("a session drawn again in parts is, frame by frame, the session drawn whole") {
    Harness h;
    struct Case {
        const char* file;
        sf::Vector2u size;
        double fromS;
        double forS;
    };
    const std::string routines = std::string(ROLLCOACH_SOURCE_DIR) + "/routines/";
    const std::string unsafe = std::string(ROLLCOACH_TEST_DATA) + "/unsafe/";
    const Case cases[] = {
        // A ball sweeping onto the spine: the warning comes and goes with it.
        {"sweep-into-spine.yaml", {800, 600}, 0, 20},
        {"sweep-into-spine.yaml", {1080, 1920}, 12, 8},
        // The wall drill's side to side and up and down, with the step between them.
        {"wall-tennis-ball.yaml", {1280, 720}, 40, 35},
        // Two balls under the lying body.
        {"lying-yoga-tune-up.yaml", {800, 600}, 20, 25},
    };
    for (const Case& c : cases) {
        const std::string file =
            (std::string(c.file).rfind("sweep", 0) == 0 ? unsafe : routines) + c.file;
        INFO(std::string(c.file) << " at " << c.size.x << "x" << c.size.y);
        RoutineLoad load = loadRoutineFile(file, h.body);
        REQUIRE(load.routine.has_value());
        SessionOptions options;
        options.startAtS = c.fromS;
        Session session(*load.routine, {}, Side::Left, h.body, h.clock, nullptr, {}, options);
        SessionScreen screen(h.app, session);
        screen.layoutFor(c.size);
        sf::RenderTexture parts;
        sf::RenderTexture whole;
        REQUIRE(parts.create(c.size.x, c.size.y));
        REQUIRE(whole.create(c.size.x, c.size.y));
        FrameKey last;
        int drawn = 0;
        int inParts = 0;
        long partPixels = 0;
        bool warned = false;
        for (int tick = 0; tick < static_cast<int>(c.forS * 60); ++tick) {
            screen.update(1.0 / 60);
            FrameKey key = screen.frameKey(c.size);
            if (!key.key.empty() && key.key == last.key) {
                continue;
            }
            const std::vector<sf::IntRect> areas = changedAreas(last, key, c.size);
            FrameShow::drawIn(parts, areas, [&](sf::RenderTarget& t) { screen.draw(t); });
            parts.display();
            screen.draw(whole);
            whole.display();
            ++drawn;
            warned = warned || !screen.snapshot().warning.empty();
            if (!areas.empty()) {
                ++inParts;
                partPixels += area(areas);
                INFO("frame " << drawn << " at tick " << tick);
                REQUIRE(differing(parts.getTexture().copyToImage(),
                                  whole.getTexture().copyToImage()) == 0);
            }
            last = std::move(key);
        }
        // The parts are what moved, not the screen: most frames are drawn in parts, and
        // those cover a small share of the screen.
        CHECK(inParts > drawn / 2);
        const long screenPixels = static_cast<long>(c.size.x) * c.size.y;
        CHECK(partPixels < screenPixels * inParts / 5);
        if (std::string(c.file).rfind("sweep", 0) == 0) {
            CHECK(warned);
        }
    }
}
