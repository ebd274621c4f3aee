#include "TestSupport.hpp"

#include "app/VoiceListener.hpp"
#include "core/Clock.hpp"
#include "voice/Audio.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

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

TEST_CASE("voice: a number word is the rating, and a spoken number answers the question") {
    CHECK(sessionCommandFor(VoiceCommand::Zero) == SessionCommand::rated(0));
    CHECK(sessionCommandFor(VoiceCommand::Five) == SessionCommand::rated(5));
    CHECK(sessionCommandFor(VoiceCommand::Ten) == SessionCommand::rated(10));
    REQUIRE(commandFromWord("seven"));
    CHECK(*commandFromWord("seven") == VoiceCommand::Seven);
    CHECK_FALSE(ratingOf(VoiceCommand::Next));

    const std::string folder = std::filesystem::temp_directory_path() /
                               ("rollcoach-voice-number-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    const std::string wav = folder + "/five.wav";
    const std::string speak = "espeak-ng -w '" + wav + "' -v en-us -s 150 five 2>/dev/null";
    if (std::system(speak.c_str()) != 0) {
        std::filesystem::remove_all(folder);
        MESSAGE("espeak-ng is not installed: nothing to say the number");
        return;
    }
    PcmSound sound;
    std::string why;
    REQUIRE(readWav(wav, sound, why));
    std::vector<std::int16_t> samples = toMono(sound);
    samples.resize(samples.size() + kVoiceSampleRate, 0);
    std::ostringstream notices;
    VoiceListener voice(notices, {ROLLCOACH_BUILD_DIR "/rollcoach-voice.so"});
    REQUIRE(voice.loadModel());
    for (std::size_t at = 0; at < samples.size(); at += 1600) {
        voice.hear(samples.data() + at, std::min<std::size_t>(1600, samples.size() - at));
    }
    const std::vector<VoiceCommand> heard = voice.take();
    REQUIRE(heard.size() == 1);
    CHECK(heard.front() == VoiceCommand::Five);

    // The word becomes the rate command, and a session 14 s into a side keeps it.
    FixedClock clock{kTestMonday};
    std::string notice;
    auto history = History::open(folder, kTestMonday, notice);
    {
        Session session(routineFrom(twoStepRoutine(10)), RoutineSource{"r.yaml", "cafe"},
                        Side::Left, referenceBody(), clock, history.get());
        session.advance(24);
        const std::vector<Cue> cues = session.apply(sessionCommandFor(heard.front()));
        REQUIRE_FALSE(cues.empty());
        CHECK(cues.front().words == "Left, before: 5");
        session.advance(200);
    }
    const SessionRecord r = history->sessions(1).at(0);
    REQUIRE(r.checkIns.size() == 1);
    CHECK(r.checkIns[0].rating == 5);
    history.reset();
    std::filesystem::remove_all(folder);
}
