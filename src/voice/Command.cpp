#include "Command.hpp"

namespace rollcoach {

namespace {

constexpr const char* kWords[] = {"pause", "resume", "next", "back", "stop"};

} // namespace

const char* commandWord(VoiceCommand command) {
    return kWords[static_cast<int>(command)];
}

std::optional<VoiceCommand> commandFromWord(const std::string& word) {
    for (int i = 0; i < 5; ++i) {
        if (word == kWords[i]) {
            return static_cast<VoiceCommand>(i);
        }
    }
    return std::nullopt;
}

} // namespace rollcoach
