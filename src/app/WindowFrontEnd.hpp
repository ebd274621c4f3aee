#pragma once

#include "core/Workspace.hpp"
#include "window/WindowRequest.hpp"

#include <iosfwd>

namespace sf {
class RenderWindow;
class Event;
} // namespace sf

namespace rollcoach {

/// Opens the window, or opens it again: full screen at the desktop's resolution, or a
/// resizable 1280x720 window.
void openWindow(sf::RenderWindow& window, bool fullScreen);

/// F and F11 toggle full screen, on every screen.
bool isFullScreenKey(const sf::Event& event);

/// Opens the window (list, session, explorer) or renders a frame, as the request says.
int runWindow(const WindowRequest& request, const Workspace& workspace, std::ostream& out,
              std::ostream& err);

} // namespace rollcoach
