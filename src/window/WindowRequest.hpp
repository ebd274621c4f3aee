#pragma once

#include "core/Routine.hpp"

#include <optional>
#include <string>

namespace rollcoach {

/// What the person asked to see, as the command line understood it: the routine list, a
/// session, a picture of a moment, or the placement explorer. `main` hands it from the
/// command line to the window, so neither front end needs the other.
struct WindowRequest {
    enum class Mode { Browse, Run, Render, Explore, Edit };
    Mode mode = Mode::Browse;
    std::string routineFile;
    /// edit: the drill of a new routine (wall, lying, partner, self-press)
    std::string drill = "wall";
    std::optional<Side> firstSide;
    double speed = 1.0;
    bool autostart = false;
    long frames = 0; ///< 0: run until closed; else exit after this many frame ticks
    double atS = 0;  ///< render
    /// render: the session screen at a moment, the progress screen of the routine's title, or
    /// the body screen with the routine on the body; the help.
    enum class Picture { Session, Progress, Body, Help, Edit, Setup };
    Picture picture = Picture::Session;
    unsigned width = 1280;
    unsigned height = 720;
    std::string outFile; ///< render
    /// render --screen edit: the step shown (from 1), and where its chosen place is put
    /// (--place X,Y in centimetres), as a drag would put it; nothing is saved.
    std::size_t editStep = 1;
    std::optional<Point> editPlace;
    bool mute = false;
    bool listen = false;        ///< take voice commands from the microphone
    bool paused = false;        ///< start the session paused (benchmarks); render: paused
    bool askingToLeave = false; ///< render: the leave question showing
    double startAtS = 0;        ///< start this many seconds into the session
    /// Any key or gamepad button toggles pause (X stays the pain stop).
    bool bigButton = false;
    /// Open full screen at the desktop's resolution (F toggles it).
    bool fullScreen = false;
};

} // namespace rollcoach
