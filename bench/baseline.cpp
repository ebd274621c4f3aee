// The floor for rollcoach's benchmarks: a bare SFML window of the same size and frame limit
// that clears and displays each frame and does nothing else. What it costs is what SFML, the
// X server connection and the GL context cost.
//
//   rollcoach-baseline [--frames N]           a window; exits after N frames (default: never)
//   rollcoach-baseline --render OUT.png [--size WxH]   one cleared frame to a PNG
#include "BareWindow.hpp"

#include <SFML/Graphics.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    long frames = 0;
    std::string render;
    unsigned width = 1280;
    unsigned height = 720;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            frames = std::atol(argv[++i]);
        } else if (std::strcmp(argv[i], "--render") == 0 && i + 1 < argc) {
            render = argv[++i];
        } else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            std::sscanf(argv[++i], "%ux%u", &width, &height);
        } else {
            std::fprintf(stderr, "usage: %s [--frames N] [--render OUT.png [--size WxH]]\n",
                         argv[0]);
            return 2;
        }
    }
    if (!render.empty()) {
        sf::RenderTexture texture;
        if (!texture.create(width, height)) {
            return 1;
        }
        texture.clear(sf::Color(24, 28, 38));
        texture.display();
        return texture.getTexture().copyToImage().saveToFile(render) ? 0 : 1;
    }
    runBareWindow("baseline", width, height, frames, [](sf::RenderWindow&, long) {});
    return 0;
}
