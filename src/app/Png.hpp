#pragma once

#include <SFML/Graphics/Image.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rollcoach {

/// Writes an image as a PNG, fast (zlib level 1): renders are for looking at, not archiving.
bool savePng(const sf::Image& image, const std::string& path, std::string& why);

/// Pixels read from a PNG file, 8-bit RGBA, row after row.
struct Picture {
    unsigned width = 0;
    unsigned height = 0;
    std::vector<std::uint8_t> rgba;
};

/// Reads a PNG without SFML (so it may run on another thread while the window is made);
/// false with the reason in `why` when the file cannot be read.
bool loadPng(const std::string& path, Picture& picture, std::string& why);

} // namespace rollcoach
