#pragma once

// The microphone lives in the sound module, rollcoach-sound.so, beside the cues' player: only
// it links SFML's audio library and OpenAL, and only a session that listens opens it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace rollcoach {

/// Records from the default microphone while it lives.
class Microphone {
public:
    virtual ~Microphone() = default;
};

/// Called on the recording thread with each new run of mono samples.
using MicrophoneSamples = std::function<void(const std::int16_t* samples, std::size_t count)>;

/// The module's entry point: starts recording at `sampleRate`. Returns null, with `why` said
/// in a few words, when there is no microphone.
using OpenMicrophone = Microphone* (*)(unsigned sampleRate, MicrophoneSamples samples,
                                       std::string& why);

constexpr const char* kOpenMicrophoneSymbol = "rollcoach_open_microphone";

} // namespace rollcoach
