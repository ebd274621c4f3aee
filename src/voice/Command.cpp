#include "Command.hpp"

namespace rollcoach {

namespace {

constexpr const char* kWords[kVoiceCommandCount] = {
    "pause", "resume", "next", "back", "stop",  "zero",  "one",  "two",
    "three", "four",   "five", "six",  "seven", "eight", "nine", "ten"};

} // namespace

const char* commandWord(VoiceCommand command) {
    return kWords[static_cast<int>(command)];
}

std::optional<VoiceCommand> commandFromWord(const std::string& word) {
    for (int i = 0; i < kVoiceCommandCount; ++i) {
        if (word == kWords[i]) {
            return static_cast<VoiceCommand>(i);
        }
    }
    return std::nullopt;
}

std::optional<int> ratingOf(VoiceCommand command) {
    const int index = static_cast<int>(command);
    if (index < static_cast<int>(VoiceCommand::Zero)) {
        return std::nullopt;
    }
    return index - static_cast<int>(VoiceCommand::Zero);
}

} // namespace rollcoach
