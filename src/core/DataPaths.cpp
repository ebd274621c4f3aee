#include "DataPaths.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace rollcoach {

namespace fs = std::filesystem;

std::string executableFolder(const std::string& executablePath) {
    std::error_code ec;
    fs::path exe = fs::weakly_canonical(fs::path(executablePath), ec);
    if (ec) {
        exe = fs::path(executablePath);
    }
    return exe.parent_path().string();
}

DataPaths findDataPaths(const std::string& executablePath, std::vector<std::string>& tried) {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("ROLLCOACH_DATA_DIR"); env != nullptr && *env != '\0') {
        candidates.emplace_back(env);
    }
    if (!executablePath.empty()) {
        candidates.push_back(
            (fs::path(executableFolder(executablePath)).parent_path() / "share" / "rollcoach")
                .string());
    }
#if defined(ROLLCOACH_SOURCE_DIR) && defined(ROLLCOACH_BUILD_DIR)
    // Only the binary still in its build tree uses the source tree: an installed copy must find
    // its own data, not whatever a checkout on the same machine holds now.
    std::error_code same;
    if (!executablePath.empty() &&
        fs::equivalent(executableFolder(executablePath), ROLLCOACH_BUILD_DIR, same)) {
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
