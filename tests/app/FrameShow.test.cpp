#include "AppHarness.hpp"

#include "app/FrameShow.hpp"
#include "app/screens/SessionScreen.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Session.hpp"

#include <algorithm>
#include <stdexcept>

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
    SUBCASE("the ball's old and new places, as one box") {
        CHECK(changedArea(last, keyed("a", {{110, 104, 40, 40}}), size) ==
              sf::IntRect(100, 100, 50, 44));
    }
    SUBCASE("two things apart: one box holding both") {
        CHECK(changedArea(last, keyed("a", {{110, 104, 40, 40}, {300, 200, 100, 80}}), size) ==
              sf::IntRect(100, 100, 300, 180));
    }
    SUBCASE("inside the window, in whole pixels") {
        CHECK(changedArea(keyed("a", {{-20.5f, 590.2f, 40, 40}}),
                          keyed("a", {{-20.5f, 590.2f, 40, 40}}),
                          size) == sf::IntRect(0, 590, 20, 10));
    }
    SUBCASE("anything still changed: whole") {
        CHECK_FALSE(changedArea(last, keyed("b", {{100, 100, 40, 40}}), size));
    }
    SUBCASE("a frame that says nothing of what moves: whole") {
        CHECK_FALSE(changedArea(last, keyed("a", {}), size));
        CHECK_FALSE(changedArea(keyed("a", {}), last, size));
        CHECK_FALSE(changedArea(FrameKey{}, FrameKey{}, size));
    }
    SUBCASE("what moved spans most of the window: whole") {
        CHECK_FALSE(changedArea(last, keyed("a", {{750, 560, 40, 40}}), size));
    }
    SUBCASE("outside the window: whole") {
        CHECK_FALSE(
            changedArea(keyed("a", {{900, 700, 10, 10}}), keyed("a", {{900, 700, 10, 10}}), size));
    }
}

TEST_CASE("a frame drawn in part changes nothing outside that part, even when drawing throws") {
    sf::RenderTexture target;
    REQUIRE(target.create(64, 48));
    target.clear(sf::Color::Red);
    FrameShow::drawIn(target, sf::IntRect(10, 20, 20, 10),
                      [](sf::RenderTarget& t) { t.clear(sf::Color::Blue); });
    target.display();
    const sf::Image once = target.getTexture().copyToImage();
    CHECK(once.getPixel(10, 20) == sf::Color::Blue);
    CHECK(once.getPixel(29, 29) == sf::Color::Blue);
    CHECK(once.getPixel(9, 20) == sf::Color::Red);
    CHECK(once.getPixel(30, 20) == sf::Color::Red);
    CHECK(once.getPixel(10, 19) == sf::Color::Red);
    CHECK(once.getPixel(10, 30) == sf::Color::Red);
    // A draw that fails part-way leaves no limit behind: the next frame is drawn whole.
    CHECK_THROWS(FrameShow::drawIn(target, sf::IntRect(0, 0, 4, 4), [](sf::RenderTarget& t) {
        t.clear(sf::Color::Green);
        throw std::runtime_error("drawing failed");
    }));
    FrameShow::drawIn(target, std::nullopt, [](sf::RenderTarget& t) { t.clear(sf::Color::White); });
    target.display();
    const sf::Image whole = target.getTexture().copyToImage();
    CHECK(whole.getPixel(0, 0) == sf::Color::White);
    CHECK(whole.getPixel(63, 47) == sf::Color::White);
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
        {"wall-tennis-ball.yaml", {1920, 1080}, 95, 8},
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
        bool warned = false;
        for (int tick = 0; tick < static_cast<int>(c.forS * 60); ++tick) {
            screen.update(1.0 / 60);
            FrameKey key = screen.frameKey(c.size);
            if (!key.key.empty() && key.key == last.key) {
                continue;
            }
            const std::optional<sf::IntRect> area = changedArea(last, key, c.size);
            FrameShow::drawIn(parts, area, [&](sf::RenderTarget& t) { screen.draw(t); });
            parts.display();
            screen.draw(whole);
            whole.display();
            ++drawn;
            warned = warned || !screen.snapshot().warning.empty();
            if (area) {
                ++inParts;
                INFO("frame " << drawn << " at tick " << tick);
                REQUIRE(differing(parts.getTexture().copyToImage(),
                                  whole.getTexture().copyToImage()) == 0);
            }
            last = std::move(key);
        }
        // Most frames are drawn in part.
        CHECK(inParts > drawn / 2);
        if (std::string(c.file).rfind("sweep", 0) == 0) {
            CHECK(warned);
        }
    }
}
