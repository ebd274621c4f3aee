#pragma once

#include "core/Session.hpp"
#include "voice/Command.hpp"

#include <atomic>
#include <chrono>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

class Recognizer;
class Microphone;

/// Voice commands during a session (opt-in): the microphone is recorded through the sound
/// module, the recogniser runs on the recording thread, and what it hears waits in a queue
/// for the window's loop, which alone touches the session.
class VoiceListener {
public:
    /// The speech model comes from the first of `voiceModules` (rollcoach-voice.so) that loads.
    VoiceListener(std::ostream& notices, std::vector<std::string> voiceModules);
    ~VoiceListener();
    VoiceListener(const VoiceListener&) = delete;
    VoiceListener& operator=(const VoiceListener&) = delete;

    /// Loads the speech model and opens the microphone from the first of `modules` (the sound
    /// module) that loads.
    /// Any failure is one notice, and the session runs without listening.
    void start(const std::vector<std::string>& modules);
    /// Whether it is listening.
    bool listening() const { return m_microphone != nullptr; }
    /// Called each frame: while rollcoach speaks, and a moment after, nothing is listened to.
    void setSpeaking(bool speaking);
    /// The commands heard since the last call, oldest first.
    std::vector<VoiceCommand> take();
    /// Whether commands wait to be taken.
    bool pending() const { return m_pending.load(); }

    /// Loads the speech model (start() does it first); false, after a notice, when it cannot.
    bool loadModel();
    /// Listens to 16 kHz mono samples as the microphone hands them, on its thread; a
    /// recording may stand in for the microphone.
    void hear(const std::int16_t* samples, std::size_t count);

private:
    std::ostream& m_notices;
    std::vector<std::string> m_voiceModules;
    bool m_modelTried = false;
    std::unique_ptr<Recognizer> m_recognizer;
    std::atomic<std::int64_t> m_deafUntilMs{0};
    std::atomic<bool> m_pending{false};
    std::mutex m_lock;
    std::vector<VoiceCommand> m_heard;
    // Declared last, so that it stops recording before what its thread uses goes.
    std::unique_ptr<Microphone> m_microphone;
};

/// The session command a spoken word gives: "stop" is the pain stop; a number ("zero" to
/// "ten") is a tension rating; "pause" while paused
/// (or "resume" while running) asks for what already is, and does nothing. In big-button mode
/// too a word means what it says: "next" steps, it does not pause.
SessionCommand sessionCommandFor(VoiceCommand command);

} // namespace rollcoach
