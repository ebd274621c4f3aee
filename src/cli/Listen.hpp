#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace rollcoach {

/// `rollcoach listen --from FILE.wav`: prints each command recognised in a recording, one a
/// line ("12.4 s: pause"); with `verbose`, every utterance and why one was not taken. Exit 1
/// when the file cannot be read or is not 16-bit PCM WAV, or the voice module (the first of
/// `voiceModules` that loads) or its speech model is missing.
int listenCommand(const std::string& wavFile, bool verbose,
                  const std::vector<std::string>& voiceModules, std::ostream& out,
                  std::ostream& err);

} // namespace rollcoach
