#pragma once

#include "Diagnostic.hpp"

#include <string>

namespace rollcoach {

/// How the window was left: its size and whether it filled the screen. It is opened that way
/// next time, so a person who made it larger, or full-screen, does not have to again.
struct WindowPlace {
    unsigned width = 1280;
    unsigned height = 720;
    bool fullScreen = false;

    static constexpr unsigned kMinWidth = 480;
    static constexpr unsigned kMinHeight = 270;
    static constexpr unsigned kMaxSide = 16384;
};

/// Reads the window file (`width: 1600`, `height: 900`, `full_screen: false`). A key that
/// is missing or out of bounds keeps its default and, when present but wrong, is a diagnostic.
WindowPlace parseWindowPlace(const std::string& text, Diagnostics& diagnostics);

/// The text parseWindowPlace reads back to the same place.
std::string formatWindowPlace(const WindowPlace& place);

/// The window file beside the settings file: `$XDG_CONFIG_HOME/rollcoach/window.yaml`.
std::string windowPlaceFile(const std::string& settingsFile);

/// Reads the window file: none, or one that cannot be read, gives the defaults (the file is
/// the program's own, written again when the window closes).
WindowPlace loadWindowPlace(const std::string& path);

/// Writes the window file whole (never half-written), making its folder if needed; false with
/// the reason in `why`.
bool saveWindowPlace(const std::string& path, const WindowPlace& place, std::string& why);

} // namespace rollcoach
