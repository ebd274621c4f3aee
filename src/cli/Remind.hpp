#pragma once

#include "core/Workspace.hpp"

#include <iosfwd>

namespace rollcoach {

/// What `remind` was asked to do.
struct RemindRequest {
    bool install = false;
    bool autostart = false; ///< with install: the XDG autostart entry instead of a timer
    bool uninstall = false;
    bool keepRunning = false; ///< stay and remind at each due time (the autostart way)
    int waitS = 1800;         ///< how long a reminder waits for Start or Later
};

/// `remind`: posts a desktop notification when a routine is due now and not done, with Start
/// (opens the session) and Later (puts it off kSnoozeMinutes); `--install` writes the
/// systemd user timer that runs it at the routines' times, `--uninstall` removes it.
int remindCommand(const RemindRequest& request, const Workspace& workspace, std::ostream& out,
                  std::ostream& err);

} // namespace rollcoach
