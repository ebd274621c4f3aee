#include "ComposeCache.hpp"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace rollcoach {
namespace {

bool isFolder(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

} // namespace

// Every window opens X's input method, which reads the compose table of the person's
// character type (for en_US.UTF-8, 5,726 lines, a character at a time): 6 to 12 ms of each
// start, and half a MiB of heap, so that dead keys and Compose type "č" or "€" in the
// editor. libX11 keeps the parsed table in a file it maps instead, but only in a folder that
// exists and is the user's alone: $XCOMPOSECACHE, else ~/.compose-cache, after the system's
// own. It makes that file again once a day and whenever the table changes.
bool xKeepsComposeCaches() {
    return geteuid() != 0 && geteuid() == getuid() && getegid() == getgid();
}

void keepComposeTable(const std::string& folder, bool xKeepsCaches) {
    const char* chosen = std::getenv("XCOMPOSECACHE");
    // libX11 reads "FOLDER=NAME" in it: a folder with "=" in its path cannot be named there.
    if (folder.empty() || !xKeepsCaches || (chosen != nullptr && *chosen != '\0') ||
        folder.find('=') != std::string::npos) {
        return;
    }
    // The system's folder and the person's own are used as they are: setting XCOMPOSECACHE
    // would pass over both.
    // libX11 keeps a user's cache only when HOME is set.
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0' || isFolder("/var/cache/libx11/compose") ||
        isFolder(std::string(home) + "/.compose-cache")) {
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(folder).parent_path(), ec);
    // Writable by the user alone, or libX11 will not trust it.
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        return;
    }
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != geteuid() ||
        (info.st_mode & 0022) != 0) {
        return;
    }
    ::setenv("XCOMPOSECACHE", folder.c_str(), 1);
}

} // namespace rollcoach
