#include "AppHarness.hpp"

#include "app/screens/ExploreScreen.hpp"
#include "core/RoutineLoader.hpp"

#include <SFML/Window/Clipboard.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace rollcoach;
using namespace rollcoach::test;
namespace fs = std::filesystem;

namespace {

sf::Event keyPress(sf::Keyboard::Key code) {
    sf::Event event;
    event.type = sf::Event::KeyPressed;
    event.key = {code, false, false, false, false};
    return event;
}

sf::Event click(sf::Event::EventType type, sf::Vector2f at) {
    sf::Event event;
    event.type = type;
    event.mouseButton = {sf::Mouse::Left, static_cast<int>(at.x), static_cast<int>(at.y)};
    return event;
}

// What a stand-in for espeak-ng was given, one line per text, once it has written it.
std::string spokenInto(Speech& speech, const fs::path& record, const std::string& expected) {
    for (int i = 0; i < 300; ++i) { // up to 15 s: a busy machine starts programs slowly
        speech.poll(); // a line waits its turn until polled, as the app does every frame
        std::ifstream in(record);
        std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (all.find(expected) != std::string::npos) {
            return all;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream in(record);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("the explorer speaks by anatomy and keeps a spot: C copies it as a placement") {
    Harness h;
    const fs::path record =
        fs::temp_directory_path() / ("rollcoach-explore-speech-" + std::to_string(getpid()));
    const fs::path fake = fs::temp_directory_path() /
                          ("rollcoach-explore-espeak-" + std::to_string(getpid()) + ".sh");
    {
        std::ofstream script(fake);
        script << "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> "
               << record.string() << "\n";
    }
    fs::permissions(fake, fs::perms::owner_all);
    fs::remove(record);
    h.speech.setProgram(fake.string());
    h.speech.setMuted(false);

    ExploreScreen screen(h.app);
    screen.layout({1280, 720});
    screen.placeBall({-5, 10}); // the left side, close beside the spine
    CHECK(screen.advice().headline.find("from the spine: move it") != std::string::npos);
    CHECK(screen.advice().where == "Left side, between the shoulder blade and the spine");
    // A key move comes to rest somewhere new: it is said.
    screen.handle(keyPress(sf::Keyboard::Left));
    screen.handle(keyPress(sf::Keyboard::Left));
    CHECK(spokenInto(h.speech, record, "Safe: between the shoulder blade and the spine")
              .find("Safe: between the shoulder blade and the spine") != std::string::npos);

    CHECK_FALSE(screen.boxes().has("copied"));
    screen.handle(keyPress(sf::Keyboard::C));
    const std::string copied = screen.copied();
    CHECK(copied.rfind("{at: ", 0) == 0);
    CHECK(sf::Clipboard::getString().toAnsiString() == copied);
    CHECK(screen.boxes().has("copied"));
    CHECK(spokenInto(h.speech, record, "Copied").find("Copied") != std::string::npos);

    // Pasted into a routine, it is the spot found (the working side's).
    const std::string yaml = "format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n"
                             "  - name: S\n    duration_s: 20\n    place: [" +
                             copied + "]\n    motion: hold\n";
    const RoutineLoad load = parseRoutine(yaml, h.body);
    REQUIRE(load.routine);
    const Point at = load.routine->steps.front().place.front().at;
    CHECK(std::hypot(at.xCm - 6, at.yCm - 10) < 0.1);

    // The button does the same, and a new spot forgets the old copy.
    screen.placeBall({9, 14});
    CHECK(screen.copied().empty());
    const sf::FloatRect button = screen.copyButton();
    CHECK(screen.boxes()["button copy"].contains(button.left, button.top));
    REQUIRE(button.width > 0);
    const sf::Vector2f middle(button.left + button.width / 2, button.top + button.height / 2);
    screen.handle(click(sf::Event::MouseButtonPressed, middle));
    CHECK(screen.copied() != copied);
    CHECK(sf::Clipboard::getString().toAnsiString() == screen.copied());
    fs::remove(fake);
    fs::remove(record);
}
