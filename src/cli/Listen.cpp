#include "Listen.hpp"

#include "voice/Audio.hpp"
#include "voice/Recognizer.hpp"

#include <iomanip>
#include <ostream>

namespace rollcoach {

int listenCommand(const std::string& wavFile, bool verbose,
                  const std::vector<std::string>& voiceModules, std::ostream& out,
                  std::ostream& err) {
    PcmSound sound;
    std::string why;
    if (!readWav(wavFile, sound, why)) {
        err << wavFile << ": error: " << why << "\n";
        return 1;
    }
    const std::unique_ptr<Recognizer> loaded = openRecognizer(voiceModules, why);
    if (loaded == nullptr) {
        err << "rollcoach: " << why << "\n";
        return 1;
    }
    Recognizer& recognizer = *loaded;
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
