#include "TestSupport.hpp"

#include "app/VoiceListener.hpp"

using namespace rollcoach;

TEST_CASE("voice: each command is its session key, and stop is the pain stop") {
    auto key = [](VoiceCommand command, bool paused) {
        const auto event = keyForCommand(command, paused);
        return event ? event->key.code : sf::Keyboard::Unknown;
    };
    CHECK(key(VoiceCommand::Pause, false) == sf::Keyboard::Space);
    CHECK(key(VoiceCommand::Resume, true) == sf::Keyboard::Space);
    // Space toggles: a word that asks for what already is does nothing.
    CHECK_FALSE(keyForCommand(VoiceCommand::Pause, true));
    CHECK_FALSE(keyForCommand(VoiceCommand::Resume, false));
    CHECK(key(VoiceCommand::Next, false) == sf::Keyboard::Right);
    CHECK(key(VoiceCommand::Back, true) == sf::Keyboard::Left);
    CHECK(key(VoiceCommand::Stop, false) == sf::Keyboard::X);
    CHECK(key(VoiceCommand::Stop, true) == sf::Keyboard::X);
}
