#pragma once

#include "screens/Screen.hpp"
#include "window/WindowRequest.hpp"

#include <iosfwd>

namespace rollcoach {

/// Draws the session screen at one moment into a PNG: a front end of its own, beside the
/// window loop. It touches no history: the session it draws is never recorded.
int renderMoment(AppResources& app, const WindowRequest& request, const RoutineEntry& routine,
                 std::ostream& out, std::ostream& err);

} // namespace rollcoach
