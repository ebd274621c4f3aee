#include "TestSupport.hpp"

#include "core/DataPaths.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// What main would hand in: the core reads no environment.
std::string fromEnvironment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

namespace fs = std::filesystem;

// Sets (or, with no value, unsets) an environment variable for one test and puts it back
// afterwards.
struct EnvironmentVariable {
    std::string name;
    std::optional<std::string> saved;
    EnvironmentVariable(std::string variable, const std::optional<std::string>& value)
        : name(std::move(variable)) {
        if (const char* current = std::getenv(name.c_str())) {
            saved = current;
        }
        if (value) {
            setenv(name.c_str(), value->c_str(), 1);
        } else {
            unsetenv(name.c_str());
        }
    }
    ~EnvironmentVariable() {
        if (saved) {
            setenv(name.c_str(), saved->c_str(), 1);
        } else {
            unsetenv(name.c_str());
        }
    }
    EnvironmentVariable(const EnvironmentVariable&) = delete;
    EnvironmentVariable& operator=(const EnvironmentVariable&) = delete;
};

// The search then starts from the binary's folder alone.
struct WithoutDataDirVariable : EnvironmentVariable {
    WithoutDataDirVariable() : EnvironmentVariable("ROLLCOACH_DATA_DIR", std::nullopt) {}
};

// An install prefix holding bin/rollcoach (a stand-in, never run) and share/rollcoach/app with the
// body model.
struct InstalledPrefix : TempPath {
    fs::path binary;
    fs::path share;
    InstalledPrefix() : TempPath("prefix") {
        fs::create_directories(path / "bin");
        binary = path / "bin" / "rollcoach";
        std::ofstream(binary) << "#!/bin/sh\n";
        fs::permissions(binary, fs::perms::owner_all);
        share = fs::weakly_canonical(path) / "share" / "rollcoach" / "app";
        fs::create_directories(share / "assets");
        fs::copy_file(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml",
                      share / "assets" / "body.yaml");
    }
};

} // namespace

TEST_CASE("a binary outside its build folder, with no share/rollcoach/app, finds no data") {
    WithoutDataDirVariable unset;
    TempPath prefix("prefix");
    fs::create_directories(prefix.path / "bin");
    const fs::path binary = prefix.path / "bin" / "rollcoach";
    std::vector<std::string> tried;
    const DataPaths paths = findDataPaths(
        binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"), fromEnvironment("PATH"));
    CHECK(paths.dataDir.empty());
    // Where it looked is all the user is told, so it must name the install's data folder.
    const fs::path share = fs::weakly_canonical(prefix.path) / "share" / "rollcoach" / "app";
    REQUIRE(tried.size() == 1);
    CHECK(tried[0] == share.string());
}

TEST_CASE(
    "a binary outside its build folder uses its own share/rollcoach/app, never the source tree") {
    WithoutDataDirVariable unset;
    InstalledPrefix prefix;
    std::vector<std::string> tried;
    const DataPaths paths =
        findDataPaths(prefix.binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"),
                      fromEnvironment("PATH"));
    CHECK(paths.dataDir == prefix.share.string());
    CHECK(tried == std::vector<std::string>{prefix.share.string()});
}

TEST_CASE("a binary started by its name alone is looked for on PATH, as the shell found it") {
    WithoutDataDirVariable unset;
    InstalledPrefix prefix;
    EnvironmentVariable path("PATH", "/nonexistent:" + (prefix.path / "bin").string());
    std::vector<std::string> tried;
    const DataPaths paths = findDataPaths("rollcoach", tried, fromEnvironment("ROLLCOACH_DATA_DIR"),
                                          fromEnvironment("PATH"));
    CHECK(paths.dataDir == prefix.share.string());
}

TEST_CASE("a binary in the build folder it was built in finds the source tree") {
    WithoutDataDirVariable unset;
    const fs::path binary = fs::path(ROLLCOACH_BUILD_DIR) / "rollcoach";
    std::vector<std::string> tried;
    const DataPaths paths = findDataPaths(
        binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"), fromEnvironment("PATH"));
    CHECK(paths.dataDir == ROLLCOACH_SOURCE_DIR);
    REQUIRE_FALSE(tried.empty());
    CHECK(tried.back() == ROLLCOACH_SOURCE_DIR);
}
