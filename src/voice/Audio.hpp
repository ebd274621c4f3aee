#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rollcoach {

/// The sample rate the recogniser's acoustic model was trained at.
constexpr unsigned kVoiceSampleRate = 16000;

/// Sound as read from a file: 16-bit samples, channels interleaved.
struct PcmSound {
    std::vector<std::int16_t> samples;
    unsigned sampleRate = 0;
    unsigned channels = 0;
};

/// Reads a WAV file held in memory. Only uncompressed 16-bit PCM is taken; anything else gives
/// false and `why` in a few words ("not a WAV file", "8-bit samples: 16-bit PCM needed").
bool parseWav(const std::string& bytes, PcmSound& sound, std::string& why);

/// Reads a WAV file; `why` names what is wrong but not the file, which the caller knows.
bool readWav(const std::string& path, PcmSound& sound, std::string& why);

/// Writes mono 16-bit samples as a WAV file (for tests and for keeping a recording).
bool writeWav(const std::string& path, const std::vector<std::int16_t>& samples,
              unsigned sampleRate);

/// Mixes the channels down to one and resamples to `rate`, with a low-pass filter first when
/// going down so that what the model never heard cannot alias into what it did.
std::vector<std::int16_t> toMono(const PcmSound& sound, unsigned rate = kVoiceSampleRate);

} // namespace rollcoach
