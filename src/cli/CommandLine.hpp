#pragma once

#include "core/Clock.hpp"
#include "core/Workspace.hpp"
#include "window/WindowRequest.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace rollcoach {

/// Runs the window front end; `main` supplies it, so the command line needs no SFML.
using WindowFrontEnd = std::function<int(const WindowRequest&, const Workspace&, std::ostream& out,
                                         std::ostream& err)>;

/// Parses arguments and runs the command, with `clock` as the time for everything it does.
/// Exit codes: 0 fine, 1 a problem with a file or the display, 2 a usage error.
int runCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   const Clock& clock, const WindowFrontEnd& window = {});

} // namespace rollcoach
