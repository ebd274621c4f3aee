#pragma once

#include "voice/Recognizer.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rollcoach {

/// Recognises the command words (and the numbers zero to ten) in 16 kHz mono audio, offline,
/// with PocketSphinx.
///
/// There is no wake word, so the recogniser is built to say nothing rather than guess: the
/// audio is cut into utterances at pauses; an utterance longer than about a second is not a
/// command (it is a sentence); a short one is decoded against a search that holds the
/// words and, beside them, any sequence of phones, and is taken only when a command word
/// explains the sound better than free phones do.
class CommandRecognizer : public Recognizer {
public:
    /// Loads the acoustic model and dictionary from `modelDir` (holding en-us/ and
    /// cmudict-en-us.dict). ok() says whether that worked and error() why not.
    explicit CommandRecognizer(const std::string& modelDir = defaultModelDir(),
                               RecognizerLimits limits = {});
    ~CommandRecognizer() override;
    CommandRecognizer(const CommandRecognizer&) = delete;
    CommandRecognizer& operator=(const CommandRecognizer&) = delete;

    bool ok() const { return m_decoder != nullptr; }
    const std::string& error() const { return m_error; }

    /// Listens to more audio; returns the commands whose utterance ended in it.
    std::vector<HeardCommand> feed(const std::int16_t* samples, std::size_t count) override;
    /// Passes over audio not to be listened to (while rollcoach itself speaks): the clock
    /// runs on, and an utterance under way is dropped.
    void skip(std::size_t count) override;
    /// The audio has ended: decides on an utterance still open.
    std::vector<HeardCommand> finish() override;
    /// Called with every utterance decided on, accepted or not.
    void onUtterance(std::function<void(const Utterance&)> report) override {
        m_report = std::move(report);
    }

    /// Where Debian's pocketsphinx-en-us puts the model.
    static std::string defaultModelDir();

private:
    struct Decoder;
    void frame(const std::int16_t* samples);
    void close(std::vector<HeardCommand>& heard);
    void decide(std::vector<HeardCommand>& heard);

    RecognizerLimits m_limits;
    std::string m_error;
    std::unique_ptr<Decoder> m_decoder;
    std::function<void(const Utterance&)> m_report;

    // The endpointer: 10 ms frames, a noise floor that follows the quietest sound, and an
    // utterance from the first loud frame to the last one before a pause.
    std::vector<std::int16_t> m_pending;
    std::vector<std::int16_t> m_history;
    std::vector<std::int16_t> m_utterance;
    std::size_t m_frames = 0;
    double m_floorDb = -1;
    bool m_inUtterance = false;
    std::size_t m_startFrame = 0;
    std::size_t m_loudFrames = 0;
    std::size_t m_lastLoudFrame = 0;
    std::size_t m_runOfLoud = 0;
};

} // namespace rollcoach
