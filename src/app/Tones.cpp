#include "Tones.hpp"

#include "core/Translate.hpp"
#include "modules/ModuleLoader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <sstream>
#include <utility>

namespace rollcoach {

namespace {

constexpr unsigned kSampleRate = 44100;

// A sum of sine notes, each with a soft attack and an exponential fade.
std::vector<std::int16_t> synthesise(const std::vector<std::pair<double, double>>& notes,
                                     double noteSeconds, double volume) {
    std::vector<std::int16_t> samples;
    for (const auto& [frequency, delay] : notes) {
        const std::size_t start = static_cast<std::size_t>(delay * kSampleRate);
        const std::size_t length = static_cast<std::size_t>(noteSeconds * kSampleRate);
        if (samples.size() < start + length) {
            samples.resize(start + length, 0);
        }
        for (std::size_t i = 0; i < length; ++i) {
            const double t = static_cast<double>(i) / kSampleRate;
            const double attack = std::min(1.0, t / 0.01);
            const double envelope = attack * std::exp(-4.0 * t / noteSeconds);
            const double value = std::sin(2 * 3.14159265358979 * frequency * t) * envelope;
            const double mixed = samples[start + i] + value * volume * 32767;
            samples[start + i] = static_cast<std::int16_t>(std::clamp(mixed, -32767.0, 32767.0));
        }
    }
    return samples;
}

} // namespace

std::vector<std::vector<std::int16_t>> toneSamples() {
    const std::vector<std::vector<std::pair<double, double>>> notes = {
        {{660, 0}, {990, 0.12}},             // new step: a bright two-note chime
        {{880, 0}},                          // countdown beat: one short tick
        {{523, 0}, {659, 0.15}, {784, 0.3}}, // switch: a rising triad
        {{784, 0}, {659, 0.2}, {523, 0.4}},  // end: the triad falling
    };
    const double lengths[] = {0.45, 0.18, 0.5, 0.7};
    std::vector<std::vector<std::int16_t>> sounds;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        sounds.push_back(synthesise(notes[i], lengths[i], 0.35));
    }
    return sounds;
}

std::vector<std::string> soundModulePaths(const std::string& programFolder) {
    return modulePaths(programFolder, kSoundModuleName);
}

bool onlyNullSoundOutput(const char* drivers) {
    // A comma-separated list; "-name" leaves a driver out, and a trailing comma lets OpenAL go
    // on to the drivers not listed.
    if (drivers == nullptr) {
        return false;
    }
    const std::string list = drivers;
    if (list.find_last_not_of(" \t") == std::string::npos || list.back() == ',') {
        return false;
    }
    bool null = false;
    std::istringstream entries(list);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        const auto first = entry.find_first_not_of(" \t");
        if (first == std::string::npos) {
            continue;
        }
        entry = entry.substr(first, entry.find_last_not_of(" \t") - first + 1);
        if (entry[0] == '-') {
            continue;
        }
        if (entry != "null") {
            return false;
        }
        null = true;
    }
    return null;
}

Tones::Tones(std::ostream& notices, bool muted, std::vector<std::string> modules)
    : m_notices(notices), m_modules(std::move(modules)), m_muted(muted) {}

void Tones::prepare() {
    if (m_prepared || m_modules.empty()) {
        return;
    }
    m_prepared = true;
    // Mixing for a null output would cost a context of 256 voices (8.5 MiB) and a mixing
    // thread, for nothing anyone can hear.
    if (onlyNullSoundOutput(std::getenv("ALSOFT_DRIVERS"))) {
        m_notices << "rollcoach: "
                  << _("no sound device (ALSOFT_DRIVERS=null): cues will be silent") << "\n";
        return;
    }
    // The module stays loaded to the end: SFML's audio library keeps its device in globals
    // that are released at exit.
    std::string why;
    const auto open = loadModuleEntry<OpenSoundPlayer>(m_modules, kOpenSoundPlayerSymbol, why);
    if (open == nullptr) {
        m_notices << "rollcoach: " << rollcoach::fillIn(_("cues will be silent: {0}"), why) << "\n";
        return;
    }
    m_player.reset(open(toneSamples(), kSampleRate, why));
    if (m_player == nullptr) {
        m_notices << "rollcoach: " << rollcoach::fillIn(_("{0}: cues will be silent"), why) << "\n";
    }
}

Tones::~Tones() = default;

void Tones::play(Kind kind) {
    if (m_muted) {
        return;
    }
    prepare();
    if (m_player != nullptr) {
        m_player->play(static_cast<std::size_t>(kind));
    }
}

} // namespace rollcoach
