#include "TestSupport.hpp"

#include "app/VoiceListener.hpp"
#include "voice/Audio.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

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

TEST_CASE("voice: a word is heard, but not while rollcoach speaks") {
    const std::string folder =
        std::filesystem::temp_directory_path() / ("rollcoach-voice-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    const std::string wav = folder + "/next.wav";
    const std::string speak = "espeak-ng -w '" + wav + "' -v en-us -s 150 next 2>/dev/null";
    if (std::system(speak.c_str()) != 0) {
        MESSAGE("espeak-ng is not installed: nothing to say the word");
        return;
    }
    PcmSound sound;
    std::string why;
    REQUIRE(readWav(wav, sound, why));
    std::vector<std::int16_t> samples = toMono(sound);
    samples.resize(samples.size() + kVoiceSampleRate, 0); // a second of quiet after the word
    std::filesystem::remove_all(folder);

    std::ostringstream notices;
    VoiceListener voice(notices, {ROLLCOACH_BUILD_DIR "/rollcoach-voice.so"});
    REQUIRE(voice.loadModel());
    // The microphone hands over a tenth of a second at a time.
    auto hearAll = [&] {
        for (std::size_t at = 0; at < samples.size(); at += 1600) {
            voice.hear(samples.data() + at, std::min<std::size_t>(1600, samples.size() - at));
        }
    };
    hearAll();
    CHECK(voice.pending());
    CHECK(voice.take() == std::vector<VoiceCommand>{VoiceCommand::Next});
    CHECK_FALSE(voice.pending());

    voice.setSpeaking(true);
    hearAll();
    CHECK_FALSE(voice.pending());
    CHECK(voice.take().empty());
    CHECK(notices.str().empty());
}
