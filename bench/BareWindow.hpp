#pragma once
// The window every benchmark program shows: rollcoach's size and frame limit, cleared and
// displayed each frame. `drawExtra(frame)` draws between the clear and the display.
#include <SFML/Graphics.hpp>

#include <cmath>
#include <string>

template <typename DrawExtra>
void runBareWindow(const char* title, unsigned width, unsigned height, long frames,
                   DrawExtra drawExtra) {
    sf::RenderWindow window(sf::VideoMode(width, height), title,
                            sf::Style::Titlebar | sf::Style::Close | sf::Style::Resize);
    // Where rollcoach puts its window: in the middle of bench/run.py's 1920x1080 screen. SFML
    // alone opens it at +320+600, a third of it below the screen's edge, where the X server
    // draws nothing, which is not a window anyone would compare with.
    window.setPosition({static_cast<int>(1920 - width) / 2, static_cast<int>(1080 - height) / 2});
    window.setFramerateLimit(60);
    long shown = 0;
    while (window.isOpen()) {
        sf::Event event;
        while (window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) {
                window.close();
            }
        }
        window.clear(sf::Color(24, 28, 38));
        drawExtra(window, shown);
        window.display();
        if (frames > 0 && ++shown >= frames) {
            break;
        }
    }
}

/// The reference points' window: the bare window that also draws one moving circle and a
/// line of `line` in each font rollcoach draws with (its regular and bold faces) each frame,
/// the least any drawing program with those fonts draws. `bold` may be the regular font.
inline void runDrawingWindow(const sf::Font& regular, const sf::Font& bold, const std::string& line,
                             long frames) {
    sf::Text text(line, regular, 32);
    text.setPosition(40, 40);
    sf::Text heading(line, bold, 32);
    heading.setPosition(40, 100);
    sf::CircleShape ball(30);
    ball.setFillColor(sf::Color(230, 200, 60));
    runBareWindow("reference", 1280, 720, frames, [&](sf::RenderWindow& window, long frame) {
        ball.setPosition(600 + 200 * std::sin(frame / 60.0), 400);
        window.draw(ball);
        window.draw(text);
        window.draw(heading);
    });
}
