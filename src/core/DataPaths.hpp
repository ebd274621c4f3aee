#pragma once

#include <string>
#include <vector>

namespace rollcoach {

/// Where rollcoach's own files are: the body model, sounds and the shipped routines.
struct DataPaths {
    std::string dataDir; ///< holds assets/ and routines/
    std::string bodyModel() const { return dataDir + "/assets/body.yaml"; }
    std::string postures() const { return dataDir + "/assets/postures.yaml"; }
    std::string assetsDir() const { return dataDir + "/assets"; }
    std::string routinesDir() const { return dataDir + "/routines"; }
};

/// The folder that holds the binary, with symbolic links resolved (taken as given where they
/// cannot be); a bare name is looked up on $PATH first. Installed files are found from it.
std::string executableFolder(const std::string& executablePath);

/// Finds the data folder: $ROLLCOACH_DATA_DIR, then <exe>/../share/rollcoach/app (installed),
/// then, for a binary in the build folder it was built in, the source tree it was built from.
/// Empty dataDir when none holds the body model; `tried` then lists where it looked.
DataPaths findDataPaths(const std::string& executablePath, std::vector<std::string>& tried);

/// Where to load one of rollcoach's modules from (rollcoach-sound.so, ...), in order: beside
/// the binary (a build folder), then the installed library folder.
std::vector<std::string> modulePaths(const std::string& executablePath, const std::string& module);

/// Loads the first of `paths` that loads (each module stays loaded for the rest of the
/// program: the libraries behind them keep state in globals) and finds `symbol` in it. Null,
/// with `why` in a sentence, when none loads ("cannot load M; tried: ...") or it lacks the
/// symbol.
void* loadModuleSymbol(const std::vector<std::string>& paths, const char* symbol, std::string& why);

/// The routine files (*.yaml, *.yml) in a folder, sorted by name; none if it does not exist.
std::vector<std::string> routineFilesIn(const std::string& folder);

} // namespace rollcoach
