// A reference point for rollcoach's benchmarks, beside the bare baseline: what any SFML program
// pays to play sound, with nothing of rollcoach in it. The baseline's cleared window, while a
// tone plays in a loop.
//
//   rollcoach-reference-tone [--frames N]
#include "BareWindow.hpp"

#include <SFML/Audio.hpp>
#include <SFML/Graphics.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
    long frames = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            frames = std::atol(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: %s [--frames N]\n", argv[0]);
            return 2;
        }
    }
    std::vector<sf::Int16> samples(44100);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        samples[i] = static_cast<sf::Int16>(8000 * std::sin(2 * 3.14159265 * 660 * i / 44100.0));
    }
    sf::SoundBuffer buffer;
    buffer.loadFromSamples(samples.data(), samples.size(), 1, 44100);
    sf::Sound sound(buffer);
    sound.setLoop(true);
    sound.play();
    runBareWindow("reference", 1280, 720, frames, [](sf::RenderWindow&, long) {});
    return 0;
}
