#include "VoiceListener.hpp"

#include "Tones.hpp"
#include "core/Translate.hpp"
#include "modules/MicrophoneModule.hpp"
#include "modules/ModuleLoader.hpp"
#include "voice/Audio.hpp"
#include "voice/Recognizer.hpp"

#include <cstdlib>
#include <ostream>

namespace rollcoach {

namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The speaker's last words still ring in the room, and espeak-ng's child ends before its
// sound does: listening starts again this long after.
constexpr std::int64_t kAfterSpeakingMs = 500;

} // namespace

VoiceListener::VoiceListener(std::ostream& notices, std::vector<std::string> voiceModules)
    : m_notices(notices), m_voiceModules(std::move(voiceModules)) {}

VoiceListener::~VoiceListener() {
    m_microphone.reset();
}

void VoiceListener::start(const std::vector<std::string>& modules) {
    if (onlyNullSoundOutput(std::getenv("ALSOFT_DRIVERS"))) {
        m_notices << "rollcoach: " << _("no microphone (ALSOFT_DRIVERS=null): not listening")
                  << "\n";
        return;
    }
    if (!loadModel()) {
        return;
    }
    std::string why;
    const auto open = loadModuleEntry<OpenMicrophone>(modules, kOpenMicrophoneSymbol, why);
    if (open == nullptr) {
        m_notices << "rollcoach: " << rollcoach::fillIn(_("not listening: {0}"), why) << "\n";
        return;
    }
    m_microphone.reset(open(
        kVoiceSampleRate,
        [this](const std::int16_t* samples, std::size_t count) { hear(samples, count); }, why));
    if (m_microphone == nullptr) {
        m_notices << "rollcoach: " << rollcoach::fillIn(_("{0}: not listening"), why) << "\n";
    }
}

bool VoiceListener::loadModel() {
    if (!m_modelTried) {
        m_modelTried = true;
        std::string why;
        m_recognizer = openRecognizer(m_voiceModules, why);
        if (m_recognizer == nullptr) {
            m_notices << "rollcoach: " << rollcoach::fillIn(_("{0}: not listening"), why) << "\n";
        }
    }
    return m_recognizer != nullptr;
}

void VoiceListener::setSpeaking(bool speaking) {
    if (speaking) {
        m_deafUntilMs = nowMs() + kAfterSpeakingMs;
    }
}

void VoiceListener::hear(const std::int16_t* samples, std::size_t count) {
    if (nowMs() < m_deafUntilMs.load()) {
        m_recognizer->skip(count);
        return;
    }
    const std::vector<HeardCommand> heard = m_recognizer->feed(samples, count);
    if (!heard.empty()) {
        std::lock_guard<std::mutex> hold(m_lock);
        for (const HeardCommand& command : heard) {
            m_heard.push_back(command.command);
        }
        m_pending = true;
    }
}

std::vector<VoiceCommand> VoiceListener::take() {
    std::lock_guard<std::mutex> hold(m_lock);
    m_pending = false;
    std::vector<VoiceCommand> taken;
    taken.swap(m_heard);
    return taken;
}

SessionCommand sessionCommandFor(VoiceCommand command) {
    using Kind = SessionCommand::Kind;
    if (const std::optional<int> rating = ratingOf(command)) {
        return SessionCommand::rated(*rating);
    }
    switch (command) {
    case VoiceCommand::Pause:
        return SessionCommand::of(Kind::Pause);
    case VoiceCommand::Resume:
        return SessionCommand::of(Kind::Resume);
    case VoiceCommand::Next:
        return SessionCommand::of(Kind::Next);
    case VoiceCommand::Back:
        return SessionCommand::of(Kind::Back);
    default:
        break;
    }
    return SessionCommand::of(Kind::StopForPain);
}

} // namespace rollcoach
