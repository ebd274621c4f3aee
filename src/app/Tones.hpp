#pragma once

#include "modules/SoundModule.hpp"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace rollcoach {

/// The session's sounds, synthesised at start: a chime for a new step, a tick for each
/// beat of the countdown, a rising pair for a switch, a fall for the end. They are played
/// through the sound module (see SoundModule.hpp), loaded from the first of `modules` that
/// loads when sound is first needed. With no module or no sound device they stay silent, after
/// a single notice.
class Tones {
public:
    /// The cues, in the order toneSamples() makes their sounds.
    enum class Kind { NewStep, Beat, Switch, Finished };

    /// With no `modules` no audio device is ever opened (renders, tests).
    Tones(std::ostream& notices, bool muted, std::vector<std::string> modules = {});
    /// Loads the sound module, opens the audio device and makes the sounds; done once, after
    /// the first frame is up, so the window appears without waiting for it. play() does it if
    /// still needed.
    void prepare();
    ~Tones();
    Tones(const Tones&) = delete;
    Tones& operator=(const Tones&) = delete;
    /// Plays a cue unless muted, preparing the sounds first if that is still to be done.
    void play(Kind kind);
    /// Unmuting prepares the sounds (once), so the next cue plays at once.
    void setMuted(bool muted) {
        m_muted = muted;
        prepareUnlessMuted();
    }
    /// Whether cues are muted.
    bool muted() const { return m_muted; }
    /// Whether a sound device is open: false before prepare() and when it failed.
    bool available() const { return m_player != nullptr; }
    /// Prepares the sounds unless muted: a muted session loads no sound library at all.
    void prepareUnlessMuted() {
        if (!m_muted) {
            prepare();
        }
    }

private:
    std::ostream& m_notices;
    std::vector<std::string> m_modules;
    bool m_prepared = false;
    bool m_muted = false;
    std::unique_ptr<SoundPlayer> m_player;
};

/// Where the sound module may be, first to last: beside the binary (a build tree), then in
/// <folder>/../<libdir>/rollcoach (installed). `programFolder` holds the binary.
std::vector<std::string> soundModulePaths(const std::string& programFolder);

/// Whether OpenAL Soft's driver list (ALSOFT_DRIVERS) leaves it only its null output, which
/// mixes every sound and sends it nowhere: then there is no sound device to hear cues on.
bool onlyNullSoundOutput(const char* drivers);

/// The samples of each Tones::Kind, in that order, mono at Tones' sample rate.
std::vector<std::vector<std::int16_t>> toneSamples();

} // namespace rollcoach
