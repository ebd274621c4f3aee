#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "cli/StandardOutput.hpp"
#include "core/Clock.hpp"
#include "core/History.hpp"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kMonday = 1795435200; // 2026-11-23 12:00 UTC

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

// A data folder with a session in its history, and the command run with its standard output
// on a device that is always full.
struct FullDisk : TempPath {
    FullDisk() : TempPath("full") {
        std::string notice;
        auto history = History::open(path.string(), kMonday - 3600, notice);
        const std::int64_t id =
            history->beginSession("Wall drill", "abc", "wall.yaml", kMonday - 3600, Side::Left, 60);
        history->recordCheckIn(id, {Side::Left, false, 6, 1}, kMonday - 3500);
        history->recordCheckIn(id, {Side::Left, true, 3, 1}, kMonday - 3400);
        history->endSession(id, "finished", "", 60, 60, kMonday - 3000);
    }

    Result run(std::vector<std::string> args, const char* device = "/dev/full") const {
        args.insert(args.begin(),
                    {std::string(ROLLCOACH_BUILD_DIR) + "/rollcoach", "--data-dir", path.string()});
        const int fd = ::open(device, O_WRONLY | O_CLOEXEC);
        REQUIRE(fd >= 0);
        std::ostringstream err;
        int code = 0;
        {
            StandardOutput buffer(fd);
            std::ostream out(&buffer);
            const FixedClock clock(kMonday);
            code = runCommandLine(args, out, err, clock);
        }
        ::close(fd);
        return {code, "", err.str()};
    }
};

const std::string kFull = "rollcoach: error: cannot write to standard output: No space left on "
                          "device\n";

} // namespace

TEST_CASE("output: every command that prints says so when standard output is full") {
    const FullDisk data;
    const std::string routine = shippedRoutine("wall-tennis-ball.yaml");
    const std::vector<std::vector<std::string>> commands = {{"report", "--csv", "-"},
                                                            {"calendar"},
                                                            {"history", "--json"},
                                                            {"history"},
                                                            {"progress", "--json"},
                                                            {"progress"},
                                                            {"plan", "--json", routine},
                                                            {"plan", routine},
                                                            {"next"},
                                                            {"--help"},
                                                            {"--version"}};
    for (const auto& command : commands) {
        std::string shown;
        for (const std::string& word : command) {
            shown += word + " ";
        }
        CAPTURE(shown);
        const Result result = data.run(command);
        CHECK(result.code == 1);
        CHECK(result.err.size() >= kFull.size());
        CHECK(result.err.substr(result.err.size() - std::min(result.err.size(), kFull.size())) ==
              kFull);
    }
    // The same commands with somewhere to write to succeed.
    const Result fine = data.run({"history", "--json"}, "/dev/null");
    CHECK(fine.code == 0);
    CHECK(fine.err.empty());
}

TEST_CASE("output: a write that fails part way through is reported too") {
    const FullDisk data;
    // More than one block: the first write fails before the end.
    const Result result = data.run({"calendar", "--weeks", "104"});
    CHECK(result.code == 1);
    CHECK(result.err == kFull);
}

TEST_CASE("output: an ordinary stream that fails is reported") {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    std::ostringstream err;
    const FixedClock clock(kMonday);
    CHECK(runCommandLine({"rollcoach", "--version"}, out, err, clock) == 1);
    CHECK(err.str() == "rollcoach: error: cannot write to standard output: the output stream "
                       "failed\n");
}

TEST_CASE("report: --out and --csv naming one file, however spelt, are refused") {
    const FullDisk data;
    const fs::path folder = data.path / "out";
    fs::create_directories(folder);
    const std::string x = (folder / "x").string();
    const std::string message = "name the same file";
    auto refused = [&](const std::string& pdf, const std::string& csv) {
        CAPTURE(pdf);
        CAPTURE(csv);
        const Result result = data.run({"report", "--out", pdf, "--csv", csv}, "/dev/null");
        CHECK(result.code == 2);
        CHECK(result.err.find(message) != std::string::npos);
    };
    // Not there yet: the paths are compared once made absolute and their links followed.
    refused(x, x);
    refused(x, (folder / "." / "x").string());
    refused(x, (folder / ".." / "out" / "x").string());
    fs::create_symlink(folder / "x", folder / "link-to-x");
    refused(x, (folder / "link-to-x").string());
    // There: the same device and inode, through a hard link too.
    {
        std::ofstream file(x);
        file << "old";
    }
    fs::create_hard_link(x, folder / "hard-x");
    refused(x, (folder / "hard-x").string());
    refused((folder / "link-to-x").string(), x);
    // The file is left as it was.
    std::ifstream in(x);
    std::string kept;
    std::getline(in, kept);
    CHECK(kept == "old");
    // Two files are fine.
    const Result both = data.run(
        {"report", "--out", (folder / "r.pdf").string(), "--csv", (folder / "r.csv").string()},
        "/dev/null");
    CHECK(both.code == 0);
    CHECK(both.err.empty());
}
