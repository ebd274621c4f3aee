#include "Listen.hpp"

#include "voice/Audio.hpp"
#include "voice/CommandRecognizer.hpp"

#include <iomanip>
#include <ostream>

namespace rollcoach {

int listenCommand(const std::string& wavFile, bool verbose, std::ostream& out, std::ostream& err) {
    PcmSound sound;
    std::string why;
    if (!readWav(wavFile, sound, why)) {
        err << wavFile << ": error: " << why << "\n";
        return 1;
    }
    CommandRecognizer recognizer;
    if (!recognizer.ok()) {
        err << "rollcoach: " << recognizer.error() << "\n";
        return 1;
    }
    out << std::fixed << std::setprecision(1);
    if (verbose) {
        recognizer.onUtterance([&out](const Utterance& u) {
            out << "  " << std::setprecision(2) << u.seconds << " s, " << u.lengthS
                << " s long: " << (u.heard.empty() ? "(nothing)" : u.heard) << " -> "
                << (u.accepted ? "taken" : u.rejected) << std::setprecision(1) << "\n";
        });
    }
    const std::vector<std::int16_t> samples = toMono(sound);
    std::vector<HeardCommand> heard = recognizer.feed(samples.data(), samples.size());
    for (const HeardCommand& last : recognizer.finish()) {
        heard.push_back(last);
    }
    for (const HeardCommand& command : heard) {
        out << command.seconds << " s: " << commandWord(command.command) << "\n";
    }
    return 0;
}

} // namespace rollcoach
