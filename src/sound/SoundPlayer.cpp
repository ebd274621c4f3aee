// rollcoach-sound.so: plays the session's cues through SFML's audio library and OpenAL.
// Built as a module of its own so that only sessions with sound load these libraries.

#include "core/Translate.hpp"
#include "modules/SoundModule.hpp"

#include <SFML/Audio.hpp>

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <sstream>
#include <type_traits>
#include <unistd.h>

namespace {

// OpenAL reports a missing device through sf::err(), and the sound system's C libraries write
// to the standard error directly; both are caught while it is in scope, so the user gets one
// notice instead of a stream of errors.
class QuietErrors {
public:
    QuietErrors() : m_previous(sf::err().rdbuf(m_said.rdbuf())) {
        std::fflush(stderr);
        m_savedStderr = dup(STDERR_FILENO);
        const int devNull = open("/dev/null", O_WRONLY);
        if (devNull >= 0) {
            dup2(devNull, STDERR_FILENO);
            close(devNull);
        }
    }
    ~QuietErrors() {
        std::fflush(stderr);
        if (m_savedStderr >= 0) {
            dup2(m_savedStderr, STDERR_FILENO);
            close(m_savedStderr);
        }
        sf::err().rdbuf(m_previous);
    }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
    std::string said() const { return m_said.str(); }

private:
    std::ostringstream m_said;
    std::streambuf* m_previous;
    int m_savedStderr = -1;
};

class SfmlSoundPlayer : public rollcoach::SoundPlayer {
public:
    bool make(const std::vector<std::vector<std::int16_t>>& sounds, unsigned sampleRate) {
        bool ok = true;
        for (const auto& samples : sounds) {
            m_buffers.push_back(std::make_unique<sf::SoundBuffer>());
            ok = m_buffers.back()->loadFromSamples(samples.data(), samples.size(), 1, sampleRate) &&
                 ok;
            m_sounds.push_back(std::make_unique<sf::Sound>(*m_buffers.back()));
        }
        return ok;
    }
    ~SfmlSoundPlayer() override {
        // Releasing sounds without a device makes OpenAL complain; keep that out of sight.
        QuietErrors quiet;
        m_sounds.clear();
        m_buffers.clear();
    }
    void play(std::size_t sound) override {
        if (sound < m_sounds.size()) {
            m_sounds[sound]->play();
        }
    }

private:
    std::vector<std::unique_ptr<sf::SoundBuffer>> m_buffers;
    std::vector<std::unique_ptr<sf::Sound>> m_sounds;
};

} // namespace

extern "C" rollcoach::SoundPlayer*
rollcoach_open_sound_player(const std::vector<std::vector<std::int16_t>>& sounds,
                            unsigned sampleRate, std::string& why) {
    static_assert(
        std::is_same_v<rollcoach::OpenSoundPlayer, decltype(&rollcoach_open_sound_player)>);
    auto player = std::make_unique<SfmlSoundPlayer>();
    QuietErrors quiet;
    const bool made = player->make(sounds, sampleRate);
    const std::string said = quiet.said();
    if (!made || said.find("Failed to") != std::string::npos || // untranslated: OpenAL's words
        said.find("OpenAL call failed") != std::string::npos) { // untranslated: OpenAL's words
        why = _("no sound device");
        return nullptr;
    }
    return player.release();
}
