#include "TestSupport.hpp"

#include "cli/Listen.hpp"
#include "voice/Audio.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
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

TEST_CASE("listen: a recording with no speech hears nothing and says so, and a bad file is named") {
    const std::string folder =
        (std::filesystem::temp_directory_path() / ("rollcoach-listen-" + std::to_string(getpid())))
            .string();
    std::filesystem::create_directories(folder);
    // A quiet hum: no utterance, no command, and it says so.
    std::vector<std::int16_t> hum(16000 * 2);
    for (std::size_t i = 0; i < hum.size(); ++i) {
        hum[i] = static_cast<std::int16_t>(30 * std::sin(i * 0.05));
    }
    REQUIRE(writeWav(folder + "/hum.wav", hum, 16000));
    std::ostringstream out;
    std::ostringstream err;
    CHECK(listenCommand(folder + "/hum.wav", false, kVoiceModule, out, err) == 0);
    CHECK(out.str() == "No command heard in 2.0 s of recording.\n");
    CHECK(err.str().empty());
    out.str("");
    CHECK(listenCommand(folder + "/missing.wav", false, kVoiceModule, out, err) == 1);
    CHECK(err.str().rfind(folder + "/missing.wav: error: cannot open", 0) == 0);
    // Without the voice module (a partial install) the recording is not listened to, and
    // the message says what is missing.
    err.str("");
    CHECK(listenCommand(folder + "/hum.wav", false, {folder + "/rollcoach-voice.so"}, out, err) ==
          1);
    CHECK(err.str().rfind("rollcoach: cannot load rollcoach-voice.so; tried:\n  " + folder, 0) ==
          0);
    CHECK(out.str().empty());
    std::filesystem::remove_all(folder);
}

TEST_CASE("listen: a FIFO, a device and a folder are refused before a byte is read") {
    const std::string folder = (std::filesystem::temp_directory_path() /
                                ("rollcoach-listen-s-" + std::to_string(getpid())))
                                   .string();
    std::filesystem::create_directories(folder);
    // No writer ever opens the FIFO: reading it would wait for ever.
    const test::HangGuard guard(20);
    const std::string fifo = folder + "/voice.wav";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::ostringstream out;
    std::ostringstream err;
    CHECK(listenCommand(fifo, false, kVoiceModule, out, err) == 1);
    CHECK(err.str() == fifo + ": error: is not a regular file (a FIFO): a WAV file is needed\n");
    err.str("");
    // /dev/zero would fill the memory if it were read before its header was checked.
    CHECK(listenCommand("/dev/zero", false, kVoiceModule, out, err) == 1);
    CHECK(err.str() ==
          "/dev/zero: error: is not a regular file (a character device): a WAV file is needed\n");
    err.str("");
    CHECK(listenCommand(folder, false, kVoiceModule, out, err) == 1);
    CHECK(err.str() == folder + ": error: is a folder: a WAV file is needed\n");
    CHECK(out.str().empty());
    std::filesystem::remove_all(folder);
}

TEST_CASE("listen: a data chunk the file does not hold all of is an error") {
    const std::string folder = (std::filesystem::temp_directory_path() /
                                ("rollcoach-listen-t-" + std::to_string(getpid())))
                                   .string();
    std::filesystem::create_directories(folder);
    // The header claims 2 s of 16 kHz mono; 0.05 s follow.
    std::string wav = wavHeader(1, 1, 16000, 16);
    wav.replace(wav.size() - 4, 4, std::string("\x00\xfa\x00\x00", 4)); // 64000 bytes
    wav += std::string(1600, '\x01');
    PcmSound sound;
    std::string why;
    CHECK_FALSE(parseWav(wav, sound, why));
    CHECK(why == "the samples are cut short: the data chunk gives 2.00 s, the file holds 0.05 s");
    {
        std::ofstream file(folder + "/short.wav", std::ios::binary);
        file << wav;
    }
    std::ostringstream out;
    std::ostringstream err;
    CHECK(listenCommand(folder + "/short.wav", false, kVoiceModule, out, err) == 1);
    CHECK(err.str() == folder + "/short.wav: error: " + why + "\n");
    // The length a streaming writer leaves unset (0xffffffff) reads to the end of the file.
    CHECK(parseWav(wavHeader(1, 1, 16000, 16) + std::string(1600, '\0'), sound, why));
    CHECK(sound.samples.size() == 800);
    // The length given is kept to, though more bytes (another chunk) follow.
    std::string withList = wavHeader(1, 1, 16000, 16);
    withList.replace(withList.size() - 4, 4, std::string("\x04\x00\x00\x00", 4));
    withList += std::string("\x01\x00\x02\x00", 4) + "LIST" + std::string(4, '\0');
    REQUIRE(parseWav(withList, sound, why));
    CHECK(sound.samples == std::vector<std::int16_t>{1, 2});
    std::filesystem::remove_all(folder);
}

TEST_CASE("listen: a file name is shown with its control characters escaped") {
    const std::string folder = (std::filesystem::temp_directory_path() /
                                ("rollcoach-listen-e-" + std::to_string(getpid())))
                                   .string();
    std::filesystem::create_directories(folder);
    const std::string name = folder + "/\x1b[2J\x1b]0;owned\x07.wav";
    {
        std::ofstream file(name, std::ios::binary);
        file << "not a recording";
    }
    std::ostringstream out;
    std::ostringstream err;
    CHECK(listenCommand(name, false, kVoiceModule, out, err) == 1);
    CHECK(err.str() == folder + "/\\x1b[2J\\x1b]0;owned\\x07.wav: error: not a WAV file\n");
    CHECK(err.str().find('\x1b') == std::string::npos);
    err.str("");
    CHECK(listenCommand(folder + "/\x1b[31mmissing.wav", false, kVoiceModule, out, err) == 1);
    CHECK(err.str().find('\x1b') == std::string::npos);
    std::filesystem::remove_all(folder);
}

TEST_CASE("listen: samples resampled a block at a time are those resampled all at once") {
    PcmSound sound;
    sound.sampleRate = 44100;
    sound.channels = 2;
    for (int i = 0; i < 44100; ++i) {
        const auto s =
            static_cast<std::int16_t>(8000 * std::sin(i * 0.03) + 3000 * std::sin(i * 1.1));
        sound.samples.push_back(s);
        sound.samples.push_back(static_cast<std::int16_t>(-s / 2));
    }
    const std::vector<std::int16_t> whole = toMono(sound);
    CHECK(whole.size() == 16000);
    for (const std::size_t block : {1, 7, 1000, 4096}) {
        MonoResampler mono(44100, 2);
        std::vector<std::int16_t> pieces;
        for (std::size_t at = 0; at < sound.samples.size(); at += block) {
            mono.push(sound.samples.data() + at, std::min(block, sound.samples.size() - at),
                      pieces);
        }
        mono.finish(pieces);
        CHECK(pieces == whole);
    }
    // A whole file is read in blocks of the size asked for, never more.
    std::string wav = wavHeader(1, 2, 44100, 16);
    for (const std::int16_t s : sound.samples) {
        wav.push_back(static_cast<char>(s & 0xff));
        wav.push_back(static_cast<char>((s >> 8) & 0xff));
    }
    WavStream stream;
    std::string why;
    REQUIRE(stream.openBytes(wav, why));
    std::vector<std::int16_t> block;
    std::size_t total = 0;
    do {
        REQUIRE(stream.read(block, 1000, why));
        CHECK(block.size() <= 1000);
        total += block.size();
    } while (!block.empty());
    CHECK(total == sound.samples.size());
}
