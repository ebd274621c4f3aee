#pragma once

#include "cli/CommandLine.hpp"

#include <iosfwd>

namespace rollcoach {

/// Opens the window (list, session, explorer) or renders a frame, as the request says.
int runWindow(const WindowRequest& request, const CommandContext& context, std::ostream& out,
              std::ostream& err);

} // namespace rollcoach
