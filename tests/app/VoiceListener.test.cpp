#include "TestSupport.hpp"

#include "app/VoiceListener.hpp"
#include "voice/Audio.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;

TEST_CASE("voice: each word is a session command, and stop is the pain stop") {
    using Kind = SessionCommand::Kind;
    CHECK(sessionCommandFor(VoiceCommand::Pause) == SessionCommand::of(Kind::Pause));
    CHECK(sessionCommandFor(VoiceCommand::Resume) == SessionCommand::of(Kind::Resume));
    CHECK(sessionCommandFor(VoiceCommand::Next) == SessionCommand::of(Kind::Next));
    CHECK(sessionCommandFor(VoiceCommand::Back) == SessionCommand::of(Kind::Back));
    CHECK(sessionCommandFor(VoiceCommand::Stop) == SessionCommand::of(Kind::StopForPain));
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
