#include "TestSupport.hpp"

#include "cli/Listen.hpp"
#include "voice/Audio.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;

namespace {

// The 44 bytes before the samples of a WAV file; the sizes in it are left 0, as a writer that
// streams leaves them.
std::string wavHeader(unsigned format, unsigned channels, unsigned rate, unsigned bits) {
    std::string b;
    auto put = [&b](unsigned v, int bytes) {
        for (int i = 0; i < bytes; ++i) {
            b.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
        }
    };
    b += "RIFF";
    put(0, 4);
    b += "WAVEfmt ";
    put(16, 4);
    put(format, 2);
    put(channels, 2);
    put(rate, 4);
    put(rate * channels * bits / 8, 4);
    put(channels * bits / 8, 2);
    put(bits, 2);
    b += "data";
    put(0xffffffff, 4);
    return b;
}

const std::vector<std::string> kVoiceModule = {ROLLCOACH_BUILD_DIR "/rollcoach-voice.so"};

} // namespace

TEST_CASE("listen: WAV input is 16-bit PCM, any rate and channels, else a clear reason") {
    PcmSound sound;
    std::string why;
    CHECK_FALSE(parseWav("hello", sound, why));
    CHECK(why == "not a WAV file");
    CHECK_FALSE(parseWav(wavHeader(1, 1, 16000, 8), sound, why));
    CHECK(why == "8-bit samples: 16-bit PCM needed");
    CHECK_FALSE(parseWav(wavHeader(3, 1, 16000, 32), sound, why));
    CHECK(why == "floating-point samples: 16-bit PCM needed");
    REQUIRE(parseWav(wavHeader(1, 2, 44100, 16) + std::string(44100 * 4, '\0'), sound, why));
    CHECK(sound.channels == 2);
    // A second of stereo at 44.1 kHz is a second of mono at 16 kHz.
    CHECK(toMono(sound).size() == 16000);
}

TEST_CASE("listen: a recording with no speech hears nothing, and a bad file is named") {
    const std::string folder =
        (std::filesystem::temp_directory_path() / ("rollcoach-listen-" + std::to_string(getpid())))
            .string();
    std::filesystem::create_directories(folder);
    // A quiet hum: no utterance, so nothing to print.
    std::vector<std::int16_t> hum(16000 * 2);
    for (std::size_t i = 0; i < hum.size(); ++i) {
        hum[i] = static_cast<std::int16_t>(30 * std::sin(i * 0.05));
    }
    REQUIRE(writeWav(folder + "/hum.wav", hum, 16000));
    std::ostringstream out;
    std::ostringstream err;
    CHECK(listenCommand(folder + "/hum.wav", false, kVoiceModule, out, err) == 0);
    CHECK(out.str().empty());
    CHECK(err.str().empty());
    out.str("");
    CHECK(listenCommand(folder + "/missing.wav", false, kVoiceModule, out, err) == 1);
    CHECK(err.str().rfind(folder + "/missing.wav: error: cannot open", 0) == 0);
    // Without the voice module (a partial install) the recording is not listened to, and
    // the message says what is missing.
    err.str("");
    CHECK(listenCommand(folder + "/hum.wav", false, {folder + "/rollcoach-voice.so"}, out, err) ==
          1);
    CHECK(err.str().rfind("rollcoach: cannot load the voice module rollcoach-voice.so (", 0) == 0);
    CHECK(out.str().empty());
    std::filesystem::remove_all(folder);
}
