#include "TestSupport.hpp"

#include "app/ComposeCache.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace rollcoach;

namespace {

// One variable of the environment set or unset for a test, and put back after it.
class Variable {
public:
    Variable(const char* name, std::optional<std::string> value) : m_name(name) {
        if (const char* before = std::getenv(name); before != nullptr) {
            m_before = before;
        }
        if (value) {
            setenv(name, value->c_str(), 1);
        } else {
            unsetenv(name);
        }
    }
    ~Variable() {
        if (m_before) {
            setenv(m_name, m_before->c_str(), 1);
        } else {
            unsetenv(m_name);
        }
    }
    Variable(const Variable&) = delete;
    Variable& operator=(const Variable&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_before;
};

std::string chosenFolder() {
    const char* value = std::getenv("XCOMPOSECACHE");
    return value != nullptr ? value : "";
}

fs::path freshFolder(const std::string& name) {
    const fs::path folder =
        fs::temp_directory_path() / ("rollcoach-compose-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

} // namespace

TEST_CASE("the compose table is kept in rollcoach's cache folder, the user's alone") {
    const fs::path home = freshFolder("home");
    const Variable homeVariable("HOME", home.string());
    const Variable chosen("XCOMPOSECACHE", std::nullopt);
    const fs::path folder = home / ".cache" / "rollcoach" / "x11-compose";
    if (fs::is_directory("/var/cache/libx11/compose")) {
        // The system keeps it: nothing to do, and nothing done.
        keepComposeTable(folder.string(), true);
        CHECK(chosenFolder().empty());
        return;
    }
    keepComposeTable(folder.string(), true);
    CHECK(chosenFolder() == folder.string());
    struct stat info {};
    REQUIRE(stat(folder.c_str(), &info) == 0);
    CHECK(S_ISDIR(info.st_mode));
    // libX11 trusts no folder that others may write to.
    CHECK((info.st_mode & 0777) == 0700);
    fs::remove_all(home);
}

TEST_CASE("the compose table stays where the person or X keeps it") {
    const fs::path home = freshFolder("kept");
    const Variable homeVariable("HOME", home.string());
    const fs::path ours = home / "cache" / "x11-compose";
    SUBCASE("a folder chosen with XCOMPOSECACHE") {
        const Variable chosen("XCOMPOSECACHE", "/somewhere/of/theirs");
        keepComposeTable(ours.string(), true);
        CHECK(chosenFolder() == "/somewhere/of/theirs");
    }
    SUBCASE("~/.compose-cache, which libX11 uses when it is there") {
        const Variable chosen("XCOMPOSECACHE", std::nullopt);
        fs::create_directories(home / ".compose-cache");
        keepComposeTable(ours.string(), true);
        CHECK(chosenFolder().empty());
    }
    SUBCASE("no cache at all for root, or under another's rights: no folder is made") {
        const Variable chosen("XCOMPOSECACHE", std::nullopt);
        keepComposeTable(ours.string(), false);
        CHECK(chosenFolder().empty());
        CHECK_FALSE(fs::exists(ours));
    }
    SUBCASE("a folder whose path has \"=\", which XCOMPOSECACHE cannot name") {
        const Variable chosen("XCOMPOSECACHE", std::nullopt);
        keepComposeTable((home / "a=b" / "x11-compose").string(), true);
        CHECK(chosenFolder().empty());
    }
    SUBCASE("no HOME: libX11 keeps no cache then") {
        const Variable chosen("XCOMPOSECACHE", std::nullopt);
        const Variable noHome("HOME", std::nullopt);
        keepComposeTable(ours.string(), true);
        CHECK(chosenFolder().empty());
        CHECK_FALSE(fs::exists(ours));
    }
    SUBCASE("a folder others can write to is not handed to X") {
        const Variable chosen("XCOMPOSECACHE", std::nullopt);
        fs::create_directories(ours);
        chmod(ours.c_str(), 0777);
        if (!fs::is_directory("/var/cache/libx11/compose")) {
            keepComposeTable(ours.string(), true);
            CHECK(chosenFolder().empty());
        }
    }
    fs::remove_all(home);
}
