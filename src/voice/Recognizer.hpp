#pragma once

// The recogniser of the five command words, as both front ends use it. Its code is the voice
// module's (modules/VoiceModule.hpp), loaded only when something is to be listened to.

#include "Command.hpp"
#include "modules/VoiceModule.hpp"

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

/// What the recogniser takes as a command.
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

/// Recognises the command words and the numbers in 16 kHz mono audio, offline.
class Recognizer {
public:
    virtual ~Recognizer() = default;
    /// Listens to more audio; returns the commands whose utterance ended in it.
    virtual std::vector<HeardCommand> feed(const std::int16_t* samples, std::size_t count) = 0;
    /// Passes over audio not to be listened to (while rollcoach itself speaks): the clock
    /// runs on, and an utterance under way is dropped.
    virtual void skip(std::size_t count) = 0;
    /// The audio has ended: decides on an utterance still open.
    virtual std::vector<HeardCommand> finish() = 0;
    /// Called with every utterance decided on, accepted or not.
    virtual void onUtterance(std::function<void(const Utterance&)> report) = 0;
};

/// Loads the voice module from the first of `modules` that loads, and the speech model with
/// it. Null, with `why` said in a few words, when either cannot be loaded.
std::unique_ptr<Recognizer> openRecognizer(const std::vector<std::string>& modules,
                                           std::string& why, RecognizerLimits limits = {});

} // namespace rollcoach
