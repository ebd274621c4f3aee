#pragma once

#include <SFML/System/Vector2.hpp>

#include <functional>
#include <string>

namespace rollcoach {

/// A connection to the X display, opened before SFML opens its own, and proof that OpenGL can
/// draw on it. SFML aborts the process when it cannot connect, and crashes when the display
/// has no GLX (an 8-bit display has none), so the display is looked at before any SFML object.
/// The connection stays open while the app runs, so an X server that resets when its last
/// client leaves (Xvfb does) cannot reset between the check and SFML's connection.
///
/// Looking costs no OpenGL: only the X server is asked (loading the OpenGL driver for a
/// connection of its own took 18 ms of start-up, and SFML loads it again for its own). Whether
/// a context can be made is then seen on SFML's own first context, with X errors noted instead
/// of ending the program, as Xlib's default handler would.
class DisplayCheck {
public:
    /// Connects to $DISPLAY and asks its server for the GLX extension and a visual to draw in.
    DisplayCheck();
    ~DisplayCheck();
    DisplayCheck(const DisplayCheck&) = delete;
    DisplayCheck& operator=(const DisplayCheck&) = delete;

    /// Whether the display could be opened and offers OpenGL.
    bool available() const { return m_display != nullptr && m_why.empty(); }
    /// Why not, in a sentence for the user; empty when it could.
    const std::string& why() const { return m_why; }

    /// The default screen's size in pixels (what the server told on connecting); 0x0 when
    /// no display could be opened.
    sf::Vector2u screenSize() const;

    /// Runs `makeContext` (SFML's first window or context, which must end with a context made
    /// current) with X errors noted; false, with why(), when it failed.
    bool confirm(const std::function<bool()>& makeContext);

    /// Runs `work` with X errors noted rather than ending the program, as Xlib's default
    /// handler would; false when one came. X's error handler is the program's: no other
    /// thread may be using Xlib meanwhile.
    static bool withErrorsNoted(const std::function<void()>& work);

private:
    void* m_display = nullptr;
    std::string m_why;
};

} // namespace rollcoach
