// The microphone, through SFML's sound recorder; part of rollcoach-sound.so.

#include "core/Translate.hpp"
#include "modules/MicrophoneModule.hpp"

#include <SFML/Audio.hpp>

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <sstream>
#include <type_traits>
#include <unistd.h>

namespace {

class SfmlMicrophone : public rollcoach::Microphone, private sf::SoundRecorder {
public:
    explicit SfmlMicrophone(rollcoach::MicrophoneSamples samples) : m_samples(std::move(samples)) {
        // Ten times a second: a command is acted on within a tenth of a second of its end.
        setProcessingInterval(sf::milliseconds(100));
    }
    bool open(unsigned sampleRate) { return start(sampleRate); }
    // SFML asks a recorder to stop in its own destructor, while onProcessSamples can still run.
    ~SfmlMicrophone() override { stop(); }

private:
    bool onProcessSamples(const sf::Int16* samples, std::size_t count) override {
        m_samples(samples, count);
        return true;
    }

    rollcoach::MicrophoneSamples m_samples;
};

} // namespace

extern "C" rollcoach::Microphone* rollcoach_open_microphone(unsigned sampleRate,
                                                            rollcoach::MicrophoneSamples samples,
                                                            std::string& why) {
    static_assert(std::is_same_v<rollcoach::OpenMicrophone, decltype(&rollcoach_open_microphone)>);
    // A missing device is reported through sf::err(), and by ALSA and OpenAL straight to the
    // standard error, line after line; the caller gives the user one line instead.
    std::ostringstream said;
    std::streambuf* previous = sf::err().rdbuf(said.rdbuf());
    std::fflush(stderr);
    const int savedStderr = dup(STDERR_FILENO);
    const int devNull = ::open("/dev/null", O_WRONLY);
    if (devNull >= 0) {
        dup2(devNull, STDERR_FILENO);
        close(devNull);
    }
    std::unique_ptr<SfmlMicrophone> microphone;
    if (!sf::SoundRecorder::isAvailable()) {
        why = _("no microphone");
    } else {
        microphone = std::make_unique<SfmlMicrophone>(std::move(samples));
        if (!microphone->open(sampleRate)) {
            why = _("no microphone (none could be opened)");
            microphone.reset();
        }
    }
    std::fflush(stderr);
    if (savedStderr >= 0) {
        dup2(savedStderr, STDERR_FILENO);
        close(savedStderr);
    }
    sf::err().rdbuf(previous);
    return microphone.release();
}
