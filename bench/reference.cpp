// Reference points for rollcoach's benchmarks, beside the bare baseline: what any SFML program
// pays for drawing at all, and for sound, with nothing of rollcoach in it. The same window size
// and frame limit as the baseline.
//
//   rollcoach-reference --draw FONT.ttf [--frames N]   one circle and one line of text each frame
//   rollcoach-reference --tone [--frames N]            a cleared window while a tone plays
#include "BareWindow.hpp"

#include <SFML/Audio.hpp>
#include <SFML/Graphics.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    long frames = 0;
    std::string font;
    bool tone = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            frames = std::atol(argv[++i]);
        } else if (std::strcmp(argv[i], "--draw") == 0 && i + 1 < argc) {
            font = argv[++i];
        } else if (std::strcmp(argv[i], "--tone") == 0) {
            tone = true;
        } else {
            std::fprintf(stderr, "usage: %s (--draw FONT.ttf | --tone) [--frames N]\n", argv[0]);
            return 2;
        }
    }
    if (font.empty() == !tone) {
        std::fprintf(stderr, "%s: give one of --draw FONT.ttf or --tone\n", argv[0]);
        return 2;
    }
    sf::Font typeface;
    if (!font.empty() && !typeface.loadFromFile(font)) {
        return 1;
    }
    sf::Text text("Lean in gently 0:35", typeface, 32);
    text.setPosition(40, 40);
    sf::CircleShape ball(30);
    ball.setFillColor(sf::Color(230, 200, 60));

    // Audio objects open the device when they are made, so only the tone run makes them.
    std::unique_ptr<sf::SoundBuffer> buffer;
    std::unique_ptr<sf::Sound> sound;
    if (tone) {
        std::vector<sf::Int16> samples(44100);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            samples[i] =
                static_cast<sf::Int16>(8000 * std::sin(2 * 3.14159265 * 660 * i / 44100.0));
        }
        buffer = std::make_unique<sf::SoundBuffer>();
        buffer->loadFromSamples(samples.data(), samples.size(), 1, 44100);
        sound = std::make_unique<sf::Sound>(*buffer);
        sound->setLoop(true);
        sound->play();
    }
    runBareWindow("reference", 1280, 720, frames, [&](sf::RenderWindow& window, long frame) {
        if (!font.empty()) {
            ball.setPosition(600 + 200 * std::sin(frame / 60.0), 400);
            window.draw(ball);
            window.draw(text);
        }
    });
    return 0;
}
