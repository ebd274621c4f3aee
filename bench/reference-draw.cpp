// A reference point for rollcoach's benchmarks, beside the bare baseline: what any SFML program
// pays to draw at all, with nothing of rollcoach in it. It links only what drawing needs (no
// audio library is mapped), has the baseline's window size and frame limit, and draws one
// circle and one line of text each frame.
//
//   rollcoach-reference-draw FONT.ttf [--frames N]
#include "BareWindow.hpp"

#include <SFML/Graphics.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    long frames = 0;
    std::string font;
    bool usable = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            frames = std::atol(argv[++i]);
        } else if (font.empty() && argv[i][0] != '-') {
            font = argv[i];
        } else {
            usable = false;
        }
    }
    if (!usable || font.empty()) {
        std::fprintf(stderr, "usage: %s FONT.ttf [--frames N]\n", argv[0]);
        return 2;
    }
    sf::Font typeface;
    if (!typeface.loadFromFile(font)) {
        return 1;
    }
    runDrawingWindow(typeface, "Lean in gently 0:35", frames);
    return 0;
}
