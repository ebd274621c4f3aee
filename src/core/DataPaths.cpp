#include "DataPaths.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace rollcoach {

namespace fs = std::filesystem;

namespace {

// The first executable file of that name in a folder of $PATH, as execvp() finds it; "" if none.
std::string findOnPath(const std::string& name, const std::string& searchPath) {
    std::istringstream dirs(searchPath);
    std::string dir;
    std::error_code ec;
    while (std::getline(dirs, dir, ':')) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (fs::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
    }
    return {};
}

} // namespace

std::string executableFolder(const std::string& executablePath, const std::string& searchPath) {
    fs::path given(executablePath);
    // A name with no slash (as a shell or the desktop entry's Exec=rollcoach passes it) was found
    // on $PATH, not in the current folder.
    if (!executablePath.empty() && executablePath.find('/') == std::string::npos) {
        if (const std::string found = findOnPath(executablePath, searchPath); !found.empty()) {
            given = found;
        }
    }
    std::error_code ec;
    fs::path exe = fs::weakly_canonical(given, ec);
    if (ec) {
        exe = given;
    }
    return exe.parent_path().string();
}

DataPaths findDataPaths(const std::string& executablePath, std::vector<std::string>& tried,
                        const std::string& givenDataDir, const std::string& searchPath) {
    std::vector<std::string> candidates;
    if (!givenDataDir.empty()) {
        candidates.push_back(givenDataDir);
    }
    const std::string folder = executableFolder(executablePath, searchPath);
    if (!executablePath.empty()) {
        // The app's own files, in a folder of their own: installed under ~/.local, the
        // person's routines and history sit in ~/.local/share/rollcoach beside it, and an
        // install never writes among them.
        const fs::path appData(ROLLCOACH_APP_DATA_DIR);
        candidates.push_back(
            (appData.is_absolute() ? appData : fs::path(folder).parent_path() / appData).string());
    }
#if defined(ROLLCOACH_SOURCE_DIR) && defined(ROLLCOACH_BUILD_DIR)
    // Only the binary still in its build tree uses the source tree: an installed copy must find
    // its own data, not whatever a checkout on the same machine holds now.
    std::error_code same;
    if (!executablePath.empty() && fs::equivalent(folder, ROLLCOACH_BUILD_DIR, same)) {
        candidates.emplace_back(ROLLCOACH_SOURCE_DIR);
    }
#endif
    std::error_code ec;
    for (const std::string& dir : candidates) {
        tried.push_back(dir);
        if (fs::is_regular_file(fs::path(dir) / "assets" / "body.yaml", ec)) {
            return {dir};
        }
    }
    return {};
}

std::string catalogFolder(const std::string& executablePath, const std::string& searchPath) {
    const std::string folder = executableFolder(executablePath, searchPath);
#if defined(ROLLCOACH_BUILD_DIR)
    // The build's catalogs are compiled on every build; an installed binary never uses them.
    std::error_code same;
    if (!executablePath.empty() && fs::equivalent(folder, ROLLCOACH_BUILD_DIR, same)) {
        return (fs::path(ROLLCOACH_BUILD_DIR) / "locale").string();
    }
#endif
#if defined(ROLLCOACH_LOCALEDIR)
    const fs::path installed(ROLLCOACH_LOCALEDIR);
#else
    const fs::path installed("share/locale");
#endif
    return (installed.is_absolute() ? installed : fs::path(folder).parent_path() / installed)
        .string();
}

std::vector<std::string> routineFilesIn(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return files;
    }
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        const std::string ext = path.extension().string();
        if ((ext == ".yaml" || ext == ".yml") && !it->is_directory(ec)) {
            files.push_back(path.string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace rollcoach
