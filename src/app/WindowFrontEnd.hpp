#pragma once

#include "core/WindowRequest.hpp"
#include "core/Workspace.hpp"

#include <iosfwd>

namespace rollcoach {

/// Opens the window (list, session, explorer) or renders a frame, as the request says.
int runWindow(const WindowRequest& request, const Workspace& workspace, std::ostream& out,
              std::ostream& err);

} // namespace rollcoach
