#include "Audio.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace rollcoach {

namespace {

std::uint32_t le32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::uint16_t le16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      static_cast<unsigned char>(b[at + 1]) << 8);
}

void put32(std::string& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        b.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
}

void put16(std::string& b, std::uint16_t v) {
    b.push_back(static_cast<char>(v & 0xff));
    b.push_back(static_cast<char>(v >> 8));
}

constexpr double kPi = 3.14159265358979323846;

} // namespace

bool parseWav(const std::string& bytes, PcmSound& sound, std::string& why) {
    if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0) {
        why = "not a WAV file";
        return false;
    }
    bool haveFormat = false;
    std::size_t at = 12;
    while (at + 8 <= bytes.size()) {
        const std::string id = bytes.substr(at, 4);
        const std::uint32_t size = le32(bytes, at + 4);
        const std::size_t body = at + 8;
        // A writer that streamed its output may leave the data size as 0 or ~0: take what is there.
        const std::size_t length = std::min<std::size_t>(size, bytes.size() - body);
        if (id == "fmt ") {
            if (length < 16) {
                why = "a broken format chunk";
                return false;
            }
            std::uint16_t format = le16(bytes, body);
            const std::uint16_t bits = le16(bytes, body + 14);
            // WAVE_FORMAT_EXTENSIBLE names the real format in its sub-format GUID.
            if (format == 0xfffe && length >= 26) {
                format = le16(bytes, body + 24);
            }
            if (format != 1) {
                why = format == 3 ? "floating-point samples: 16-bit PCM needed"
                                  : "compressed audio (format " + std::to_string(format) +
                                        "): 16-bit PCM needed";
                return false;
            }
            if (bits != 16) {
                why = std::to_string(bits) + "-bit samples: 16-bit PCM needed";
                return false;
            }
            sound.channels = le16(bytes, body + 2);
            sound.sampleRate = le32(bytes, body + 4);
            if (sound.channels == 0 || sound.sampleRate < 8000 || sound.sampleRate > 192000) {
                why = "an unusable format (" + std::to_string(sound.channels) + " channels at " +
                      std::to_string(sound.sampleRate) + " Hz)";
                return false;
            }
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat) {
                why = "no format chunk before the samples";
                return false;
            }
            sound.samples.resize(length / 2);
            for (std::size_t i = 0; i < sound.samples.size(); ++i) {
                sound.samples[i] = static_cast<std::int16_t>(le16(bytes, body + 2 * i));
            }
            return true;
        }
        at = body + length + (length & 1);
    }
    why = haveFormat ? "no samples (no data chunk)" : "no format chunk";
    return false;
}

bool readWav(const std::string& path, PcmSound& sound, std::string& why) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        why = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        why = "cannot read it";
        return false;
    }
    return parseWav(bytes.str(), sound, why);
}

bool writeWav(const std::string& path, const std::vector<std::int16_t>& samples,
              unsigned sampleRate) {
    std::string b = "RIFF";
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    put32(b, 36 + dataBytes);
    b += "WAVEfmt ";
    put32(b, 16);
    put16(b, 1);
    put16(b, 1);
    put32(b, sampleRate);
    put32(b, sampleRate * 2);
    put16(b, 2);
    put16(b, 16);
    b += "data";
    put32(b, dataBytes);
    for (const std::int16_t s : samples) {
        put16(b, static_cast<std::uint16_t>(s));
    }
    std::ofstream out(path, std::ios::binary);
    out.write(b.data(), static_cast<std::streamsize>(b.size()));
    return static_cast<bool>(out);
}

std::vector<std::int16_t> toMono(const PcmSound& sound, unsigned rate) {
    const std::size_t channels = std::max(1u, sound.channels);
    const std::size_t frames = sound.samples.size() / channels;
    std::vector<float> mono(frames);
    for (std::size_t f = 0; f < frames; ++f) {
        float sum = 0;
        for (std::size_t c = 0; c < channels; ++c) {
            sum += sound.samples[f * channels + c];
        }
        mono[f] = sum / static_cast<float>(channels);
    }
    std::vector<std::int16_t> out;
    if (sound.sampleRate == rate || sound.sampleRate == 0) {
        out.reserve(frames);
        for (const float s : mono) {
            out.push_back(static_cast<std::int16_t>(s));
        }
        return out;
    }
    // A windowed-sinc interpolator: each output sample is a weighted sum of the input around
    // its position, the sinc's cutoff at the lower of the two Nyquist frequencies.
    const double ratio = static_cast<double>(rate) / sound.sampleRate;
    const double cutoff = std::min(1.0, ratio) * 0.95;
    constexpr int kHalfWidth = 16;
    const double reach = kHalfWidth / cutoff;
    const auto outFrames = static_cast<std::size_t>(static_cast<double>(frames) * ratio);
    out.reserve(outFrames);
    for (std::size_t i = 0; i < outFrames; ++i) {
        const double centre = static_cast<double>(i) / ratio;
        const auto first = static_cast<long>(std::ceil(centre - reach));
        const auto last = static_cast<long>(std::floor(centre + reach));
        double sum = 0;
        for (long j = std::max(0L, first); j <= last && j < static_cast<long>(frames); ++j) {
            const double x = (static_cast<double>(j) - centre) * cutoff;
            const double sinc = x == 0 ? 1.0 : std::sin(kPi * x) / (kPi * x);
            const double window = 0.5 + 0.5 * std::cos(kPi * x / kHalfWidth);
            sum += mono[static_cast<std::size_t>(j)] * sinc * window * cutoff;
        }
        out.push_back(static_cast<std::int16_t>(std::clamp(sum, -32768.0, 32767.0)));
    }
    return out;
}

} // namespace rollcoach
