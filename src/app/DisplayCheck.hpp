#pragma once

#include <string>

namespace rollcoach {

/// A connection to the X display, opened before SFML opens its own: SFML aborts the process
/// when it cannot connect, so this check comes first. It stays open while the app runs, so an
/// X server that resets when its last client leaves (Xvfb does) cannot reset between the check
/// and SFML's connection.
class DisplayCheck {
public:
    /// Connects to $DISPLAY.
    DisplayCheck();
    ~DisplayCheck();
    DisplayCheck(const DisplayCheck&) = delete;
    DisplayCheck& operator=(const DisplayCheck&) = delete;

    /// Whether the display could be opened.
    bool available() const { return m_display != nullptr; }
    /// Why not, in a sentence for the user; empty when it could.
    const std::string& why() const { return m_why; }

private:
    void* m_display = nullptr;
    std::string m_why;
};

} // namespace rollcoach
