#pragma once

#include "SoundModule.hpp"

#include <SFML/Graphics/Font.hpp>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace rollcoach {

/// A font, sound or other asset that could not be loaded; the message names the file.
class AssetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Finds font files through fontconfig, one per pattern ($ROLLCOACH_FONT overrides them all).
/// Throws AssetError.
std::vector<std::string> findFontFiles(const std::vector<std::string>& patterns);

/// The fonts of the app, loaded once; every sf::Text points into them.
struct Fonts {
    sf::Font regular;
    sf::Font bold;

    /// The regular and bold font files, found through fontconfig. Touches nothing of SFML,
    /// so it may run on another thread while the window is being made. Throws AssetError.
    static std::vector<std::string> findFiles();
    /// Loads the files findFiles() gave. Throws AssetError naming the file that failed.
    static std::unique_ptr<Fonts> load(const std::vector<std::string>& files);
    static std::unique_ptr<Fonts> load() { return load(findFiles()); }
};

/// The session's sounds, synthesised at start: a chime for a new step, a tick for each
/// beat of the countdown, a rising pair for a switch, a fall for the end. They are played
/// through the sound module (see SoundModule.hpp), loaded from the first of `modules` that
/// loads when sound is first needed. With no module or no sound device they stay silent, after
/// a single notice.
class Tones {
public:
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
    void play(Kind kind);
    /// Unmuting prepares the sounds (once), so the next cue plays at once.
    void setMuted(bool muted) {
        m_muted = muted;
        prepareUnlessMuted();
    }
    bool muted() const { return m_muted; }
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
/// <exe>/../<libdir>/rollcoach (installed).
std::vector<std::string> soundModulePaths(const std::string& executablePath);

/// Whether OpenAL Soft's driver list (ALSOFT_DRIVERS) leaves it only its null output, which
/// mixes every sound and sends it nowhere: then there is no sound device to hear cues on.
bool onlyNullSoundOutput(const char* drivers);

/// The samples of each Tones::Kind, in that order, mono at Tones' sample rate.
std::vector<std::vector<std::int16_t>> toneSamples();

/// Spoken cues through espeak-ng, started with an argument vector (never a shell), so text
/// from a routine is only ever spoken. Silent where espeak-ng is not installed.
class Speech {
public:
    explicit Speech(bool muted);
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    void say(const std::string& text);
    void setMuted(bool muted) { m_muted = muted; }
    bool available() const { return !m_program.empty(); }
    /// Where espeak-ng was found ("" if not); a test may point it at another program.
    void setProgram(const std::string& program) { m_program = program; }

private:
    void reap(bool wait);

    std::string m_program;
    bool m_muted = false;
    int m_child = -1;
};

/// The command line that would speak a text: what Speech hands to posix_spawn.
std::vector<std::string> speechArguments(const std::string& program, const std::string& text);

/// Writes an image as a PNG, fast (zlib level 1): renders are for looking at, not archiving.
bool savePng(const sf::Image& image, const std::string& path, std::string& why);

/// Pixels read from a PNG file, 8-bit RGBA, row after row.
struct Picture {
    unsigned width = 0;
    unsigned height = 0;
    std::vector<std::uint8_t> rgba;
};

/// Reads a PNG without SFML (so it may run on another thread while the window is made);
/// false with the reason in `why` when the file cannot be read.
bool loadPng(const std::string& path, Picture& picture, std::string& why);

/// A connection to the X display, opened before SFML opens its own: SFML aborts the process
/// when it cannot connect, so this check comes first. It stays open while the app runs, so an
/// X server that resets when its last client leaves (Xvfb does) cannot reset between the check
/// and SFML's connection.
class DisplayCheck {
public:
    DisplayCheck();
    ~DisplayCheck();
    DisplayCheck(const DisplayCheck&) = delete;
    DisplayCheck& operator=(const DisplayCheck&) = delete;

    bool available() const { return m_display != nullptr; }
    const std::string& why() const { return m_why; }

private:
    void* m_display = nullptr;
    std::string m_why;
};

} // namespace rollcoach
