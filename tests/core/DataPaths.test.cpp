#include "TestSupport.hpp"

#include "core/DataPaths.hpp"

#include <cstdlib>
#include <fstream>
#include <optional>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// What main would hand in: the core reads no environment.
std::string fromEnvironment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

namespace fs = std::filesystem;

void touch(const fs::path& path) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x\n";
    REQUIRE(fs::is_regular_file(path));
}

// Sets $ROLLCOACH_DATA_DIR (or unsets it) for one test, and puts back what was there.
class DataDirVariable {
public:
    explicit DataDirVariable(const std::optional<std::string>& value) {
        if (const char* old = std::getenv(kName)) {
            m_old = old;
        }
        set(value);
    }
    ~DataDirVariable() { set(m_old); }
    DataDirVariable(const DataDirVariable&) = delete;
    DataDirVariable& operator=(const DataDirVariable&) = delete;

private:
    static constexpr const char* kName = "ROLLCOACH_DATA_DIR";
    static void set(const std::optional<std::string>& value) {
        if (value) {
            setenv(kName, value->c_str(), 1);
        } else {
            unsetenv(kName);
        }
    }
    std::optional<std::string> m_old;
};

// An installed copy: <prefix>/bin/rollcoach and <prefix>/share/rollcoach/app/assets/body.yaml.
struct Installed {
    TempPath prefix{"install"};
    fs::path binary = prefix.path / "bin" / "rollcoach";
    fs::path data = prefix.path / "share" / "rollcoach" / "app";
    Installed() {
        touch(binary);
        touch(data / "assets" / "body.yaml");
    }
};

} // namespace

TEST_CASE("executableFolder resolves a link to the binary, and a link to its folder") {
    const TempPath root("exe");
    const fs::path real = root.path / "real" / "bin";
    touch(real / "rollcoach");
    fs::create_directories(root.path / "links");
    fs::create_symlink(real / "rollcoach", root.path / "links" / "rollcoach");
    fs::create_directory_symlink(real, root.path / "bin-link");
    const std::string expected = fs::canonical(real).string();

    CHECK(executableFolder((root.path / "links" / "rollcoach").string()) == expected);
    CHECK(executableFolder((root.path / "bin-link" / "rollcoach").string()) == expected);
    CHECK(executableFolder((real / ".." / "bin" / "rollcoach").string()) == expected);
    CHECK(executableFolder((real / "rollcoach").string()) == expected);
}

TEST_CASE("executableFolder of a path that does not exist is its folder as written") {
    CHECK(executableFolder("/nonexistent-rollcoach/bin/rollcoach") == "/nonexistent-rollcoach/bin");
    CHECK(executableFolder("/nonexistent-rollcoach/bin/../lib/rollcoach") ==
          "/nonexistent-rollcoach/lib");
}

TEST_CASE("findDataPaths: $ROLLCOACH_DATA_DIR wins when it holds the body model") {
    const Installed installed;
    const TempPath own("own-data");
    touch(own.path / "assets" / "body.yaml");
    const DataDirVariable variable(own.path.string());
    std::vector<std::string> tried;
    const DataPaths paths =
        findDataPaths(installed.binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"),
                      fromEnvironment("PATH"));
    CHECK(paths.dataDir == own.path.string());
    CHECK(tried == std::vector<std::string>{own.path.string()});
    CHECK(paths.bodyModel() == own.path.string() + "/assets/body.yaml");
    CHECK(paths.assetsDir() == own.path.string() + "/assets");
    CHECK(paths.routinesDir() == own.path.string() + "/routines");
}

TEST_CASE("findDataPaths: the installed share/rollcoach/app beside the binary's folder") {
    const Installed installed;
    const std::string data = fs::canonical(installed.data).string();
    SUBCASE("called by its installed path") {
        const DataDirVariable variable(std::nullopt);
        std::vector<std::string> tried;
        CHECK(findDataPaths(installed.binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"),
                            fromEnvironment("PATH"))
                  .dataDir == data);
        CHECK(tried == std::vector<std::string>{data});
    }
    SUBCASE("called through a link in another folder") {
        const TempPath home("home-bin");
        fs::create_symlink(installed.binary, home.path / "rollcoach");
        const DataDirVariable variable(std::nullopt);
        std::vector<std::string> tried;
        CHECK(findDataPaths((home.path / "rollcoach").string(), tried,
                            fromEnvironment("ROLLCOACH_DATA_DIR"), fromEnvironment("PATH"))
                  .dataDir == data);
    }
    SUBCASE("after a $ROLLCOACH_DATA_DIR without a body model, which is tried first") {
        const TempPath empty("empty-data");
        const DataDirVariable variable(empty.path.string());
        std::vector<std::string> tried;
        CHECK(findDataPaths(installed.binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"),
                            fromEnvironment("PATH"))
                  .dataDir == data);
        CHECK(tried == std::vector<std::string>{empty.path.string(), data});
    }
    SUBCASE("a body model that is a folder does not count") {
        const TempPath odd("folder-model");
        fs::create_directories(odd.path / "assets" / "body.yaml");
        const DataDirVariable variable(odd.path.string());
        std::vector<std::string> tried;
        CHECK(findDataPaths(installed.binary.string(), tried, fromEnvironment("ROLLCOACH_DATA_DIR"),
                            fromEnvironment("PATH"))
                  .dataDir == data);
    }
}

TEST_CASE("findDataPaths: an empty variable is ignored, and an installed binary never looks in the "
          "source tree") {
    const TempPath bare("bare-install");
    touch(bare.path / "bin" / "rollcoach");
    const DataDirVariable variable(std::string{});
    std::vector<std::string> tried;
    const DataPaths paths =
        findDataPaths((bare.path / "bin" / "rollcoach").string(), tried,
                      fromEnvironment("ROLLCOACH_DATA_DIR"), fromEnvironment("PATH"));
    CHECK(paths.dataDir.empty());
    CHECK(tried == std::vector<std::string>{
                       (fs::canonical(bare.path) / "share" / "rollcoach" / "app").string()});
}

TEST_CASE("routineFilesIn lists .yaml and .yml files only, sorted by name") {
    const TempPath folder("routines");
    for (const char* name :
         {"c.yml", "a.yaml", "b.yaml", "notes.txt", "a.yaml.bak", "yaml", "d.json"}) {
        touch(folder.path / name);
    }
    fs::create_directories(folder.path / "folder.yaml");
    touch(folder.path / "nested" / "inner.yaml");
    const std::string dir = folder.path.string();
    CHECK(routineFilesIn(dir) ==
          std::vector<std::string>{dir + "/a.yaml", dir + "/b.yaml", dir + "/c.yml"});
}

TEST_CASE("routineFilesIn lists a dangling link and still every file after it") {
    const TempPath folder("dangling");
    fs::create_symlink(folder.path / "gone.yaml", folder.path / "m.yaml");
    for (const char* name : {"a.yaml", "k.yaml", "z.yaml"}) {
        touch(folder.path / name);
    }
    const std::string dir = folder.path.string();
    CHECK(routineFilesIn(dir) == std::vector<std::string>{dir + "/a.yaml", dir + "/k.yaml",
                                                          dir + "/m.yaml", dir + "/z.yaml"});
}

TEST_CASE("routineFilesIn of a missing folder, or of a file, is empty") {
    const TempPath missing("no-routines", false);
    CHECK(routineFilesIn(missing.path.string()).empty());
    CHECK(routineFilesIn("").empty());
    const TempPath folder("routine-file");
    touch(folder.path / "only.yaml");
    CHECK(routineFilesIn((folder.path / "only.yaml").string()).empty());
}
