#pragma once

// The one loader of rollcoach's optional modules (rollcoach-sound.so, rollcoach-voice.so,
// rollcoach-mpris.so, rollcoach-notify.so, rollcoach-report.so). Each module's C entry point
// is declared beside this file, in a header of its own that the module and its user share.
// The front ends load modules; the core never does.

#include <string>
#include <vector>

namespace rollcoach {

/// Where to load one of rollcoach's modules from, in order: beside the binary (a build
/// folder), then the installed library folder. `programFolder` is the folder that holds the
/// binary (see executableFolder).
std::vector<std::string> modulePaths(const std::string& programFolder, const std::string& module);

/// Loads the first of `paths` that loads (each module stays loaded for the rest of the
/// program: the libraries behind them keep state in globals) and finds `symbol` in it. Null,
/// with `why` in a sentence, when none loads ("cannot load M; tried: ...") or it lacks the
/// symbol.
void* loadModuleSymbol(const std::vector<std::string>& paths, const char* symbol, std::string& why);

/// loadModuleSymbol, as the entry point's own type (the function pointer its header declares).
template <typename Entry>
Entry loadModuleEntry(const std::vector<std::string>& paths, const char* symbol, std::string& why) {
    return reinterpret_cast<Entry>(loadModuleSymbol(paths, symbol, why));
}

} // namespace rollcoach
