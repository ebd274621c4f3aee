#pragma once

// The boundary between rollcoach and its sound module, rollcoach-sound.so, which alone links
// SFML's audio library and OpenAL. The window loads the module only when a cue is first to be
// heard, so a muted session never maps the sound libraries at all.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rollcoach {

/// Plays the sounds it was made with, each by its index.
class SoundPlayer {
public:
    virtual ~SoundPlayer() = default;
    virtual void play(std::size_t sound) = 0;
};

/// The module's entry point: opens the default sound device and makes one sound per buffer of
/// mono samples. Returns null, with `why` said in a few words, when there is no device.
using OpenSoundPlayer = SoundPlayer* (*)(const std::vector<std::vector<std::int16_t>>& sounds,
                                         unsigned sampleRate, std::string& why);

constexpr const char* kOpenSoundPlayerSymbol = "rollcoach_open_sound_player";
constexpr const char* kSoundModuleName = "rollcoach-sound.so";

} // namespace rollcoach
