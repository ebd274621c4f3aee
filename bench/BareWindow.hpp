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

/// The reference points' window: the bare window that also draws one moving circle and one
/// line of `line` in `font` each frame, the least any drawing program draws.
inline void runDrawingWindow(const sf::Font& font, const std::string& line, long frames) {
    sf::Text text(line, font, 32);
    text.setPosition(40, 40);
    sf::CircleShape ball(30);
    ball.setFillColor(sf::Color(230, 200, 60));
    runBareWindow("reference", 1280, 720, frames, [&](sf::RenderWindow& window, long frame) {
        ball.setPosition(600 + 200 * std::sin(frame / 60.0), 400);
        window.draw(ball);
        window.draw(text);
    });
}
