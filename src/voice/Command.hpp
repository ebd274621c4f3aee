#pragma once

#include <optional>
#include <string>

namespace rollcoach {

/// What a user may say to a session: one word each.
enum class VoiceCommand { Pause, Resume, Next, Back, Stop };

/// The word that gives a command ("pause", ...).
const char* commandWord(VoiceCommand command);

/// The command a word gives, if it gives one.
std::optional<VoiceCommand> commandFromWord(const std::string& word);

/// A command recognised in a stream of audio, and when it began.
struct HeardCommand {
    VoiceCommand command;
    /// Seconds from the start of the audio fed to the recogniser.
    double seconds = 0;
};

} // namespace rollcoach
