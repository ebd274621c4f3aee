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
/// cannot be); a bare name is looked up in `searchPath` (the value of $PATH, handed in: the
/// core reads no environment) first. Installed files are found from it.
std::string executableFolder(const std::string& executablePath,
                             const std::string& searchPath = "/bin:/usr/bin");

/// Finds the data folder: `givenDataDir` ($ROLLCOACH_DATA_DIR, handed in; "" for none), then
/// <exe>/../share/rollcoach/app (installed), then, for a binary in the build folder it was
/// built in, the source tree it was built from. Empty dataDir when none holds the body model;
/// `tried` then lists where it looked.
DataPaths findDataPaths(const std::string& executablePath, std::vector<std::string>& tried,
                        const std::string& givenDataDir = {},
                        const std::string& searchPath = "/bin:/usr/bin");

/// Where the compiled message catalogs are (<folder>/<language>/LC_MESSAGES/rollcoach.mo): the
/// build folder's locale/ for a binary still in the build folder it was built in, else the
/// installed share/locale beside the binary's bin/.
std::string catalogFolder(const std::string& executablePath,
                          const std::string& searchPath = "/bin:/usr/bin");

/// The routine files (*.yaml, *.yml) in a folder, sorted by name; none if it does not exist.
std::vector<std::string> routineFilesIn(const std::string& folder);

} // namespace rollcoach
