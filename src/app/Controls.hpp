#pragma once

#include "core/Session.hpp"

#include <SFML/Window/Event.hpp>
#include <SFML/Window/Joystick.hpp>

#include <array>
#include <optional>

namespace rollcoach {

/// Turns window events (keys, joystick buttons and axes, in big-button mode mouse buttons too)
/// into the session's commands. It remembers where each joystick's axes stand, so a D-pad or stick
/// held over counts once.
class ControlMap {
public:
    explicit ControlMap(bool bigButton = false) : m_bigButton(bigButton) {}
    /// In big-button mode any key, button or press of a D-pad toggles pause, so a single
    /// switch, foot pedal or the biggest button of a gamepad drives the session; X stays the
    /// pain stop.
    void setBigButton(bool on) { m_bigButton = on; }
    bool bigButton() const { return m_bigButton; }

    /// What the event means, or nothing (a key release, a mouse move, a stick at rest).
    std::optional<SessionCommand> map(const sf::Event& event);

private:
    std::optional<SessionCommand> key(sf::Keyboard::Key code) const;
    std::optional<SessionCommand> button(unsigned button) const;
    std::optional<SessionCommand> axis(const sf::Event::JoystickMoveEvent& move);

    bool m_bigButton = false;
    // Per joystick, the direction each horizontal axis was last pushed to (-1, 0, 1).
    std::array<std::array<int, 2>, sf::Joystick::Count> m_pushed{};
};

} // namespace rollcoach
