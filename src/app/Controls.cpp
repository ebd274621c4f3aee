#include "Controls.hpp"

#include "screens/Screen.hpp"

#include <cmath>

namespace rollcoach {
namespace {

// Buttons as Linux numbers them for the common (Xbox-style) layout; other pads put their
// buttons in much the same places.
constexpr unsigned kButtonA = 0;
constexpr unsigned kButtonX = 2;
constexpr unsigned kShoulderLeft = 4;
constexpr unsigned kShoulderRight = 5;
constexpr unsigned kBack = 6;
constexpr unsigned kStart = 7;

// An axis counts as pushed past this (of 100), and as back at rest under the second: a stick
// resting a little off centre, or wobbling at the threshold, does not step twice.
constexpr float kPushed = 75;
constexpr float kAtRest = 25;

using Kind = SessionCommand::Kind;

SessionCommand only(Kind kind) {
    return SessionCommand::of(kind);
}

} // namespace

std::optional<SessionCommand> ControlMap::map(const sf::Event& event) {
    switch (event.type) {
    case sf::Event::KeyPressed:
        return key(event.key.code);
    case sf::Event::JoystickButtonPressed:
        return button(event.joystickButton.button);
    case sf::Event::JoystickMoved:
        return axis(event.joystickMove);
    case sf::Event::MouseButtonPressed:
        // Many accessibility switches click: in big-button mode a click is a press too.
        if (m_bigButton) {
            return only(Kind::TogglePause);
        }
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<SessionCommand> ControlMap::key(sf::Keyboard::Key code) const {
    // The pain stop is one key in every mode.
    if (code == sf::Keyboard::X) {
        return only(Kind::StopForPain);
    }
    if (m_bigButton) {
        return only(Kind::TogglePause);
    }
    if (const auto rating = ratingForKey(code)) {
        return SessionCommand::rated(*rating);
    }
    switch (code) {
    case sf::Keyboard::Space:
    case sf::Keyboard::P:
        return only(Kind::TogglePause);
    case sf::Keyboard::Right:
    case sf::Keyboard::PageDown: // a presentation clicker's "next"
        return only(Kind::Next);
    case sf::Keyboard::Left:
    case sf::Keyboard::PageUp:
        return only(Kind::Back);
    case sf::Keyboard::M:
        return only(Kind::Mute);
    case sf::Keyboard::Escape:
        return only(Kind::Leave);
    case sf::Keyboard::Enter:
    case sf::Keyboard::Y:
        return only(Kind::Confirm);
    default:
        return only(Kind::Stay);
    }
}

std::optional<SessionCommand> ControlMap::button(unsigned button) const {
    if (button == kButtonX) {
        return only(Kind::StopForPain);
    }
    if (m_bigButton) {
        return only(Kind::TogglePause);
    }
    switch (button) {
    case kButtonA:
        return only(Kind::TogglePause);
    case kShoulderLeft:
        return only(Kind::Back);
    case kShoulderRight:
        return only(Kind::Next);
    case kBack:
        return only(Kind::Mute);
    case kStart:
        return only(Kind::Leave);
    default:
        return only(Kind::Stay);
    }
}

std::optional<SessionCommand> ControlMap::axis(const sf::Event::JoystickMoveEvent& move) {
    // Left and right on the D-pad, or on the stick of a pad whose D-pad is its X axis (many
    // plain USB pads), step back and forth; up and down mean nothing.
    int slot = -1;
    if (move.axis == sf::Joystick::PovX) {
        slot = 0;
    } else if (move.axis == sf::Joystick::X) {
        slot = 1;
    }
    if (slot < 0 || move.joystickId >= sf::Joystick::Count) {
        return std::nullopt;
    }
    int& pushed = m_pushed[move.joystickId][static_cast<std::size_t>(slot)];
    if (std::fabs(move.position) < kAtRest) {
        pushed = 0;
        return std::nullopt;
    }
    const int direction = move.position > 0 ? 1 : -1;
    if (std::fabs(move.position) < kPushed || pushed == direction) {
        return std::nullopt;
    }
    pushed = direction;
    if (m_bigButton) {
        return only(Kind::TogglePause);
    }
    return only(direction > 0 ? Kind::Next : Kind::Back);
}

} // namespace rollcoach
