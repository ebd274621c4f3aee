#pragma once

#include "core/Diagnostic.hpp"

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

/// Where earlier versions kept the window file, beside the settings file:
/// `$XDG_CONFIG_HOME/rollcoach/window.yaml`.
std::string windowPlaceFile(const std::string& settingsFile);

/// The window file in rollcoach's state folder: `$XDG_STATE_HOME/rollcoach/window.yaml`. It is
/// state the program keeps, not a setting the person writes.
std::string windowStateFile(const std::string& stateDir);

/// Reads the window file at `path`; while there is none, the one at its former place
/// (`formerPath`), once: saveWindowPlaceMoving writes the new one and removes the former.
WindowPlace loadWindowPlace(const std::string& path, const std::string& formerPath);

/// saveWindowPlace, then, once written, removes the file at its former place.
bool saveWindowPlaceMoving(const std::string& path, const std::string& formerPath,
                           const WindowPlace& place, std::string& why);

/// Reads the window file: none, or one that cannot be read, gives the defaults (the file is
/// the program's own, written again when the window closes).
WindowPlace loadWindowPlace(const std::string& path);

/// Writes the window file whole (never half-written), making its folder if needed; false with
/// the reason in `why`.
bool saveWindowPlace(const std::string& path, const WindowPlace& place, std::string& why);

} // namespace rollcoach
