#pragma once

#include <iosfwd>
#include <string>

namespace rollcoach {

/// `rollcoach listen --from FILE.wav`: prints each command recognised in a recording, one a
/// line ("12.4 s: pause"); with `verbose`, every utterance and why one was not taken. Exit 1
/// when the file cannot be read or is not 16-bit PCM WAV, or the speech model is missing.
int listenCommand(const std::string& wavFile, bool verbose, std::ostream& out, std::ostream& err);

} // namespace rollcoach
