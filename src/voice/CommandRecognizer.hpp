#pragma once

#include "Command.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rollcoach {

/// An utterance the recogniser heard, accepted or not: what `listen --verbose` reports so a
/// user can see why a word was not taken.
struct Utterance {
    double seconds = 0;
    double lengthS = 0;
    /// What the recogniser made of it: a command word, or phones ("phone_S phone_T ...").
    std::string heard;
    bool accepted = false;
    /// Why it was rejected ("too long", "too short", "not a command").
    std::string rejected;
};

/// What CommandRecognizer takes as a command.
struct RecognizerLimits {
    /// Longer utterances are speech, not a command. A command word takes 0.4 to 0.7 s even
    /// said slowly; short lines of speech ("Left side. Rest.") take 0.7 s and more.
    double longestS = 0.9;
    /// Shorter ones are clicks and breaths.
    double shortestS = 0.15;
    /// How readily a sound is taken for other speech than a command: the probability each
    /// phone of a free phone sequence is given against the command words, which have 1.
    double phonePenalty = 1e-21;
};

/// Recognises the five command words in 16 kHz mono audio, offline, with PocketSphinx.
///
/// There is no wake word, so the recogniser is built to say nothing rather than guess: the
/// audio is cut into utterances at pauses; an utterance longer than about a second is not a
/// command (it is a sentence); a short one is decoded against a search that holds the five
/// words and, beside them, any sequence of phones, and is taken only when a command word
/// explains the sound better than free phones do.
class CommandRecognizer {
public:
    /// Loads the acoustic model and dictionary from `modelDir` (holding en-us/ and
    /// cmudict-en-us.dict). ok() says whether that worked and error() why not.
    explicit CommandRecognizer(const std::string& modelDir = defaultModelDir(),
                               RecognizerLimits limits = {});
    ~CommandRecognizer();
    CommandRecognizer(const CommandRecognizer&) = delete;
    CommandRecognizer& operator=(const CommandRecognizer&) = delete;

    bool ok() const { return m_decoder != nullptr; }
    const std::string& error() const { return m_error; }

    /// Listens to more audio; returns the commands whose utterance ended in it.
    std::vector<HeardCommand> feed(const std::int16_t* samples, std::size_t count);
    /// Passes over audio not to be listened to (while rollcoach itself speaks): the clock
    /// runs on, and an utterance under way is dropped.
    void skip(std::size_t count);
    /// The audio has ended: decides on an utterance still open.
    std::vector<HeardCommand> finish();
    /// Called with every utterance decided on, accepted or not.
    void onUtterance(std::function<void(const Utterance&)> report) { m_report = std::move(report); }

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
