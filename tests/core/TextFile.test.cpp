#include "TestSupport.hpp"

#include "core/RoutineLoader.hpp"
#include "core/TextFile.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The names in a folder, to see that nothing was left behind.
std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("a FIFO is refused at once, never waited on") {
    const TempPath dir("fifo");
    const std::string fifo = (dir.path / "routine.yaml").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const HangGuard guard(10);
    const TextFile file = readTextFile(fifo, 1024);
    CHECK(file.error == "is not a regular file (a FIFO)");
    const RoutineLoad load = loadRoutineFile(fifo, referenceBody());
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].message == "is not a regular file (a FIFO)");
}

TEST_CASE("a device and a socket are refused, each named") {
    CHECK(readTextFile("/dev/null", 1024).error == "is not a regular file (a character device)");
    const TempPath dir("socket");
    const std::string path = (dir.path / "s.yaml").string();
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof address.sun_path);
    std::strcpy(address.sun_path, path.c_str());
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    CHECK(readTextFile(path, 1024).error == "is not a regular file (a socket)");
    close(fd);
}

TEST_CASE("a loop of symbolic links is called that, not a missing file") {
    const TempPath dir("loop");
    fs::create_symlink(dir.path / "b.yaml", dir.path / "a.yaml");
    fs::create_symlink(dir.path / "a.yaml", dir.path / "b.yaml");
    const std::string error = readTextFile((dir.path / "a.yaml").string(), 1024).error;
    CHECK(error.find("a loop of symbolic links") != std::string::npos);
    CHECK(error.find(std::strerror(ELOOP)) != std::string::npos);
    CHECK(error.find("no such file") == std::string::npos);
}

TEST_CASE("a file is written whole, replacing the old one, with nothing left beside it") {
    const TempPath dir("atomic");
    const fs::path file = dir.path / "plan.ics";
    std::string why;
    REQUIRE(writeFileAtomically(file.string(), "first", why));
    REQUIRE(writeFileAtomically(file.string(), "second", why));
    CHECK(contents(file) == "second");
    CHECK(namesIn(dir.path) == std::vector<std::string>{"plan.ics"});
}

TEST_CASE("a write never replaces a FIFO or a folder at the path, and says what is there") {
    const TempPath dir("atomic-special");
    const fs::path fifo = dir.path / "plan.ics";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::string why;
    CHECK_FALSE(writeFileAtomically(fifo.string(), "calendar", why));
    CHECK(why == "it is not a regular file (a FIFO)");
    CHECK(fs::is_fifo(fifo));
    const fs::path folder = dir.path / "folder.png";
    fs::create_directories(folder);
    CHECK_FALSE(writeFileAtomically(folder.string(), "picture", why));
    CHECK(why == "it is a folder");
    CHECK(fs::is_directory(folder));
    // Nothing is left beside them either.
    CHECK(namesIn(dir.path) == std::vector<std::string>{"folder.png", "plan.ics"});
}

TEST_CASE("a write that fails part-way keeps the old file and says why") {
    const TempPath dir("atomic-full");
    const fs::path file = dir.path / "plan.ics";
    std::ofstream(file) << "the old calendar";
    std::string why;
    bool written = true;
    {
        // As on a full disk: the new bytes stop fitting after the first kilobyte.
        const FileSizeLimit limit(1024);
        written = writeFileAtomically(file.string(), std::string(64 * 1024, 'x'), why);
    }
    CHECK_FALSE(written);
    CHECK(why == std::strerror(EFBIG));
    CHECK(contents(file) == "the old calendar");
    CHECK(namesIn(dir.path) == std::vector<std::string>{"plan.ics"});
    CHECK_FALSE(writeFileAtomically((dir.path / "no" / "such" / "x").string(), "x", why));
    CHECK(why == std::strerror(ENOENT));
}
