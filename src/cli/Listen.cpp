#include "Listen.hpp"

#include "core/Language.hpp"
#include "core/PrintableText.hpp"
#include "core/Translate.hpp"
#include "voice/Audio.hpp"
#include "voice/Recognizer.hpp"

#include <cstdio>
#include <iomanip>
#include <ostream>

namespace rollcoach {

int listenCommand(const std::string& wavFile, bool verbose,
                  const std::vector<std::string>& voiceModules, std::ostream& out,
                  std::ostream& err) {
    // The header is checked before the voice module is loaded; the samples are read a block
    // at a time, so a recording of hours takes the memory of a few blocks.
    WavStream wav;
    std::string why;
    if (!wav.open(wavFile, why)) {
        err << printable(wavFile) << ": error: " << why << "\n";
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
            char at[32];
            char length[32];
            std::snprintf(at, sizeof at, "%.2f", u.seconds);
            std::snprintf(length, sizeof length, "%.2f", u.lengthS);
            // TRANSLATORS: {0} when, {1} how long, {2} what was heard, {3} taken or why not.
            out << "  "
                << rollcoach::fillIn(_("{0} s, {1} s long: {2} -> {3}"), at, length,
                                     u.heard.empty() ? std::string(_("(nothing)")) : u.heard,
                                     u.accepted ? std::string(_("taken")) : u.rejected)
                << "\n";
        });
    }
    MonoResampler mono(wav.sampleRate(), wav.channels());
    std::vector<std::int16_t> block;
    std::vector<std::int16_t> samples;
    std::vector<HeardCommand> heard;
    auto hear = [&] {
        for (const HeardCommand& command : recognizer.feed(samples.data(), samples.size())) {
            heard.push_back(command);
        }
        samples.clear();
    };
    std::uint64_t frames = 0;
    do {
        if (!wav.read(block, 1 << 15, why)) {
            err << printable(wavFile) << ": error: " << why << "\n";
            return 1;
        }
        frames += block.size() / wav.channels();
        mono.push(block.data(), block.size(), samples);
        hear();
    } while (!block.empty());
    if (frames == 0) {
        // A header with nothing after it: a try of the microphone that recorded nothing.
        err << printable(wavFile) << ": error: " << _("the recording holds no sound (no samples)")
            << "\n";
        return 1;
    }
    mono.finish(samples);
    hear();
    for (const HeardCommand& last : recognizer.finish()) {
        heard.push_back(last);
    }
    for (const HeardCommand& command : heard) {
        out << command.seconds << " s: " << commandWord(command.command) << "\n";
    }
    if (heard.empty()) {
        // Said, so that a try of the microphone is never met with silence.
        out << rollcoach::fillIn(_("No command heard in {0} s of recording."),
                                 humanDecimal(static_cast<double>(frames) / wav.sampleRate(), 1))
            << "\n";
    }
    return 0;
}

} // namespace rollcoach
