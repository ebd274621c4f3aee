#pragma once

#include "core/DataPaths.hpp"
#include "core/Schedule.hpp"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// What the window front end is asked to do; filled in from the command line.
struct WindowRequest {
    enum class Mode { Browse, Run, Render, Explore };
    Mode mode = Mode::Browse;
    std::string routineFile;
    std::optional<std::string> firstSide; ///< "left" / "right"
    double speed = 1.0;
    bool autostart = false;
    long frames = 0; ///< 0: run until closed; else exit after this many frame ticks
    double atS = 0;  ///< render
    std::string size = "1280x720";
    std::string outFile; ///< render
    bool mute = false;
    bool paused = false; ///< start the session paused (benchmarks)
    double startAtS = 0; ///< start this many seconds into the session
};

/// Everything shared by the commands: where the data is and whose body to model.
struct CommandContext {
    std::string executablePath;
    DataPaths paths;                     ///< empty dataDir when not found
    std::vector<std::string> pathsTried; ///< where it was looked for
    Settings settings;                   ///< from settingsFile, read once
    std::string bodyProfile = "men";
    std::optional<double> shoulderWidthCm;
    std::string dataDir; ///< history and the user's routines
    std::string settingsFile;
    std::int64_t now = 0; ///< seconds since the epoch; $ROLLCOACH_NOW overrides the clock

    std::string userRoutinesDir() const { return dataDir + "/routines"; }
};

/// Runs the window front end; supplied by the app so the command line needs no SFML.
using WindowFrontEnd = std::function<int(const WindowRequest&, const CommandContext&,
                                         std::ostream& out, std::ostream& err)>;

/// Parses arguments and runs the command. Exit codes: 0 fine, 1 a problem with a file or
/// the display, 2 a usage error.
int runCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   const WindowFrontEnd& window = {});

} // namespace rollcoach
