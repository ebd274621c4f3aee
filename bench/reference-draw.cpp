// A reference point for rollcoach's benchmarks, beside the bare baseline: what any SFML program
// pays to draw at all, with nothing of rollcoach in it. It links only what drawing needs (no
// audio library is mapped), has the baseline's window size and frame limit, and draws one
// circle and a line of text in each of rollcoach's two fonts each frame: the drawing floor.
//
//   rollcoach-reference-draw REGULAR.ttf [BOLD.ttf] [--frames N]
#include "BareWindow.hpp"

#include <SFML/Graphics.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    long frames = 0;
    std::vector<std::string> fonts;
    bool usable = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            frames = std::atol(argv[++i]);
        } else if (fonts.size() < 2 && argv[i][0] != '-') {
            fonts.push_back(argv[i]);
        } else {
            usable = false;
        }
    }
    if (!usable || fonts.empty()) {
        std::fprintf(stderr, "usage: %s REGULAR.ttf [BOLD.ttf] [--frames N]\n", argv[0]);
        return 2;
    }
    sf::Font regular;
    sf::Font bold;
    if (!regular.loadFromFile(fonts[0]) || (fonts.size() > 1 && !bold.loadFromFile(fonts[1]))) {
        return 1;
    }
    runDrawingWindow(regular, fonts.size() > 1 ? bold : regular, "Lean in gently 0:35", frames);
    return 0;
}
