#include "TestSupport.hpp"

#include "app/Drawing.hpp"
#include "app/Fonts.hpp"
#include "app/Widgets.hpp"
#include "core/RoutineLoader.hpp"

#include <SFML/Graphics.hpp>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

// Everything the screens write: the shipped routines' titles, setup lines, step names and
// cues, and the fixed words and numbers of the screens.
std::vector<std::string> appTexts() {
    std::vector<std::string> texts = {"LEFT SIDE",
                                      "RIGHT SIDE",
                                      "GET READY",
                                      "SWITCH TO LEFT",
                                      "SWITCH TO RIGHT",
                                      "12:34",
                                      "0:05",
                                      "10:00",
                                      "C7",
                                      "Ag",
                                      "Ag\nAg",
                                      "30 Sep",
                                      "-10 ★",
                                      "2 × tennis ball",
                                      kStopAdvice,
                                      "History could not be saved: /nonexistent/history.db"};
    for (const auto& entry :
         fs::directory_iterator(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
        if (entry.path().extension() != ".yaml") {
            continue;
        }
        const RoutineLoad load = loadRoutineFile(entry.path().string(), referenceBody());
        REQUIRE_MESSAGE(load.routine, entry.path().string());
        const Routine& r = *load.routine;
        texts.push_back(r.title);
        for (const std::string& line : r.setup) {
            texts.push_back(line);
        }
        for (const Step& step : r.steps) {
            texts.push_back(step.name);
            texts.push_back(step.cue);
        }
    }
    return texts;
}

// Letters, digits, punctuation and whitespace where it moves the box: leading, trailing,
// doubled, alone, and line breaks, empty lines among them.
std::vector<std::string> oddTexts() {
    return {"",
            " ",
            "  ",
            "\n",
            "\n\n",
            " \n ",
            "a",
            ".",
            "-",
            "_",
            "'",
            "abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "0123456789",
            "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
            "AV To Wa yo LT",
            " leading",
            "trailing ",
            "two  spaces",
            "a\tb",
            "line one\nline two",
            "line\n\nafter an empty one\n",
            "\nstarts with a break",
            "crème brûlée — 37 °C · ±2 …"};
}

void checkSame(const MeasuredFont& font, const std::string& text, unsigned size) {
    const sf::String string = sf::String::fromUtf8(text.begin(), text.end());
    const sf::Text drawn(string, font, size);
    const sf::FloatRect expected = drawn.getLocalBounds();
    const sf::FloatRect measured = font.metrics().bounds(string, size);
    INFO("size " << size << ": \"" << text << "\"");
    CHECK(std::abs(measured.left - expected.left) <= 0.01f);
    CHECK(std::abs(measured.top - expected.top) <= 0.01f);
    CHECK(std::abs(measured.width - expected.width) <= 0.01f);
    CHECK(std::abs(measured.height - expected.height) <= 0.01f);
}

} // namespace

TEST_CASE("text metrics give the box sf::Text gives, for every text of the app at every size") {
    // Fonts of their own: the glyph textures sf::Text fills here go with them.
    const std::unique_ptr<Fonts> fonts = Fonts::load();
    std::vector<std::string> texts = oddTexts();
    for (const std::string& text : appTexts()) {
        texts.push_back(text);
    }
    for (const MeasuredFont* font : {&fonts->regular, &fonts->bold}) {
        for (unsigned size = 9; size <= 130; ++size) {
            for (const std::string& text : texts) {
                checkSame(*font, text, size);
            }
        }
    }
}

TEST_CASE("a label measures what it draws: its box is that of sf::Text with its wrapped text") {
    const std::unique_ptr<Fonts> fonts = Fonts::load();
    for (const std::string& text : appTexts()) {
        for (unsigned size : {12u, 26u, 40u, 72u}) {
            for (float width : {0.f, 150.f, 400.f, 900.f}) {
                Label label(fonts->regular);
                label.set(text, size, sf::Color::White, width);
                label.setPosition(31, 17);
                sf::Text drawn(wrapText(fonts->regular.metrics(), text, size, width),
                               fonts->regular, size);
                drawn.setPosition(31, 17);
                const sf::FloatRect expected = drawn.getGlobalBounds();
                const sf::FloatRect measured = label.bounds();
                INFO(size << " px, " << width << " wide: \"" << text << "\"");
                CHECK(std::abs(measured.left - expected.left) <= 0.01f);
                CHECK(std::abs(measured.top - expected.top) <= 0.01f);
                CHECK(std::abs(measured.width - expected.width) <= 0.01f);
                CHECK(std::abs(measured.height - expected.height) <= 0.01f);
                const sf::Vector2f m = measureText(fonts->regular, text, size, width);
                CHECK(std::abs(m.y - label.height()) <= 0.01f);
            }
        }
    }
}
