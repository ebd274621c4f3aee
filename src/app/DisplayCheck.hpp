#pragma once

#include <string>

namespace rollcoach {

/// A connection to the X display, opened before SFML opens its own, and proof that OpenGL can
/// draw on it. SFML aborts the process when it cannot connect, and crashes when the display
/// has no GLX or no visual it can draw with (an 8-bit display), so this check comes before
/// any SFML object. The connection stays open while the app runs, so an X server that resets
/// when its last client leaves (Xvfb does) cannot reset between the check and SFML's
/// connection, and the OpenGL driver the check loaded is not unloaded and loaded again for
/// SFML.
class DisplayCheck {
public:
    /// Connects to $DISPLAY and makes (then drops) an OpenGL context on it.
    DisplayCheck();
    ~DisplayCheck();
    DisplayCheck(const DisplayCheck&) = delete;
    DisplayCheck& operator=(const DisplayCheck&) = delete;

    /// Whether the display could be opened and OpenGL can draw on it.
    bool available() const { return m_display != nullptr && m_why.empty(); }
    /// Why not, in a sentence for the user; empty when it could.
    const std::string& why() const { return m_why; }

private:
    void* m_display = nullptr;
    std::string m_why;
};

} // namespace rollcoach
