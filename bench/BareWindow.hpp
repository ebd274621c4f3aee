#pragma once
// The window every benchmark program shows: rollcoach's size and frame limit, cleared and
// displayed each frame. `drawExtra(frame)` draws between the clear and the display.
#include <SFML/Graphics.hpp>

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
