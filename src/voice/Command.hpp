#pragma once

#include <optional>
#include <string>

namespace rollcoach {

/// What a user may say to a session: one word each. The numbers answer the tension
/// question ("five"), as the keys 0-9 and T do.
enum class VoiceCommand {
    Pause,
    Resume,
    Next,
    Back,
    Stop,
    Zero,
    One,
    Two,
    Three,
    Four,
    Five,
    Six,
    Seven,
    Eight,
    Nine,
    Ten,
};

/// How many words there are.
constexpr int kVoiceCommandCount = static_cast<int>(VoiceCommand::Ten) + 1;

/// The word that gives a command ("pause", "five", ...).
const char* commandWord(VoiceCommand command);

/// The rating a number word gives (0-10); nullopt for the other words.
std::optional<int> ratingOf(VoiceCommand command);

/// The command a word gives, if it gives one.
std::optional<VoiceCommand> commandFromWord(const std::string& word);

/// A command recognised in a stream of audio, and when it began.
struct HeardCommand {
    VoiceCommand command;
    /// Seconds from the start of the audio fed to the recogniser.
    double seconds = 0;
};

} // namespace rollcoach
