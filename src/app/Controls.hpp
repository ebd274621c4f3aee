#pragma once

#include <SFML/Window/Event.hpp>
#include <SFML/Window/Joystick.hpp>

#include <array>
#include <optional>

namespace rollcoach {

/// What a key, a gamepad, a clicker or a media key asks of a running session. Every way in
/// ends here, so a gamepad's Start and the keyboard's Esc cannot come to mean different things.
enum class Control {
    TogglePause,
    Play,  ///< resume; nothing when already running
    Pause, ///< pause; nothing when already paused
    Next,
    Previous,
    Mute,        ///< mute or unmute sounds and speech
    Leave,       ///< asks first; a second Leave (or Confirm) leaves
    LeaveNow,    ///< leaves without asking (a media player's Stop)
    Confirm,     ///< yes to the leave question; nothing otherwise
    Dismiss,     ///< a key with no meaning of its own: it answers "stay" to the leave question
    StopForPain, ///< stops at once, even while asking to leave
    Rate,        ///< a tension rating, in ControlInput::rating
};

/// One control with its value.
struct ControlInput {
    Control control = Control::Dismiss;
    int rating = 0; ///< 0-10, for Control::Rate
};

bool operator==(const ControlInput& a, const ControlInput& b);

/// Turns window events (keys, joystick buttons and axes, in big-button mode mouse buttons too)
/// into controls. It remembers where each joystick's axes stand, so a D-pad or stick held over
/// counts once.
class ControlMap {
public:
    explicit ControlMap(bool bigButton = false) : m_bigButton(bigButton) {}
    /// In big-button mode any key, button or press of a D-pad toggles pause, so a single
    /// switch, foot pedal or the biggest button of a gamepad drives the session; X stays the
    /// pain stop.
    void setBigButton(bool on) { m_bigButton = on; }
    bool bigButton() const { return m_bigButton; }

    /// What the event means, or nothing (a key release, a mouse move, a stick at rest).
    std::optional<ControlInput> map(const sf::Event& event);

private:
    std::optional<ControlInput> key(sf::Keyboard::Key code) const;
    std::optional<ControlInput> button(unsigned button) const;
    std::optional<ControlInput> axis(const sf::Event::JoystickMoveEvent& move);

    bool m_bigButton = false;
    // Per joystick, the direction each horizontal axis was last pushed to (-1, 0, 1).
    std::array<std::array<int, 2>, sf::Joystick::Count> m_pushed{};
};

} // namespace rollcoach
