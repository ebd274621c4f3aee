#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"
#include "core/History.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

constexpr std::int64_t kMonday = 1795435200; // 2026-11-23 12:00 UTC

Result run(std::vector<std::string> args, const std::string& dataDir = "") {
    args.insert(args.begin(), "rollcoach");
    if (!dataDir.empty()) {
        args.insert(args.begin() + 1, {"--data-dir", dataDir});
    }
    std::ostringstream out;
    std::ostringstream err;
    const FixedClock clock(kMonday);
    const int code = runCommandLine(args, out, err, clock);
    return {code, out.str(), err.str()};
}

// Nothing a terminal would act on: no C0 but newline, no DEL, no C1 (as UTF-8).
bool terminalSafe(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F) {
            return false;
        }
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("history written by another program prints its control characters escaped") {
    TempPath dir("trusted-history", false);
    const std::string title = "Wall drill\x1b[2K\r\xc2\x9b"
                              "31m";
    const std::string reason = "\x1b]0;owned\a stopped";
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto id = history->beginSession(title, "h", "f\x1b.yaml", kMonday - 3600, Side::Left);
        history->recordStep(id, {1, Side::Left, 0, "Step\x1b[1A\x7f", 30}, 30, 0, kMonday - 3500);
        history->endSession(id, "stopped", reason, 30, 0, kMonday - 3400);
    }
    const Result text = run({"history"}, dir.path.string());
    REQUIRE(text.code == 0);
    CHECK(terminalSafe(text.out));
    CHECK(text.out.find("Wall drill\\x1b[2K\\x0d\\u009b31m") != std::string::npos);
    CHECK(text.out.find("\\x1b]0;owned\\x07 stopped") != std::string::npos);

    const Result json = run({"history", "--json"}, dir.path.string());
    REQUIRE(json.code == 0);
    CHECK(terminalSafe(json.out));
    // Escaped for the terminal, the JSON still carries the very text that was stored.
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["sessions"][0]["routine"] == title);
    CHECK(parsed["sessions"][0]["stop_reason"] == reason);
    CHECK(parsed["sessions"][0]["steps"][0]["step"] == "Step\x1b[1A\x7f");
}

TEST_CASE("progress prints a stored title's control characters escaped") {
    TempPath dir("trusted-progress", false);
    const std::string title = "Wall drill\x1b[2K\r\xc2\x9b"
                              "31m";
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto id = history->beginSession(title, "h", "f.yaml", kMonday - 3600, Side::Left);
        history->recordCheckIn(id, {Side::Left, false, 6, 1}, kMonday - 3590);
        history->recordCheckIn(id, {Side::Left, true, 3, 1}, kMonday - 3500);
        history->endSession(id, "finished", "", 30, 0, kMonday - 3400);
    }
    const Result text = run({"progress"}, dir.path.string());
    REQUIRE(text.code == 0);
    CHECK(terminalSafe(text.out));
    CHECK(text.out.find("Wall drill\\x1b[2K\\x0d\\u009b31m") != std::string::npos);
    const Result json = run({"progress", "--json"}, dir.path.string());
    REQUIRE(json.code == 0);
    CHECK(terminalSafe(json.out));
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["sides"]["left"]["sessions"][0]["routine"] == title);
    CHECK(parsed["sides"]["left"]["sessions"][0]["change"] == -3.0);
}

TEST_CASE("validate, plan and new never print a file's control characters raw") {
    TempPath dir("trusted-files", false);
    std::filesystem::create_directories(dir.path);
    const std::string file = (dir.path / "evil\x1b[2K.yaml").string();
    std::ofstream(file) << "format: 1\ntitle: \"T\\e[2K\"\ndrill: wall\nball: tennis\nsteps:\n"
                           "  - name: \"On \\e[1A\\e[2K spine\"\n    duration_s: 20\n"
                           "    place: [{x_cm: 0, y_cm: 10}]\n";
    const Result validate = run({"validate", file});
    CHECK(validate.code == 1);
    CHECK(terminalSafe(validate.out));
    CHECK(validate.out.find("evil\\x1b[2K.yaml:6:11: error: text holds a control character") !=
          std::string::npos);
    const Result plan = run({"plan", file});
    CHECK(plan.code == 1);
    CHECK(terminalSafe(plan.err));
    CHECK(terminalSafe(run({"validate", dir.path.string() + "/no\x1b[2Ksuch.yaml"}).out));

    const Result made = run({"new", "a\x1b[2Kb"}, dir.path.string());
    CHECK(made.code == 2);
    CHECK(terminalSafe(made.err));
}

TEST_CASE("numbers on the command line: NaN, infinity and trailing junk are usage errors") {
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    for (const char* bad : {"nan", "NaN", "inf", "-inf", "1e999", "2x"}) {
        INFO(bad);
        for (const Result& r :
             {run({"run", wall, "--speed", bad}), run({"run", wall, "--start-at", bad}),
              run({"render", wall, "--at", bad, "--out", "x.png"}),
              run({"--shoulder-width-cm", bad, "validate", wall})}) {
            CHECK(r.code == 2);
            CHECK(r.err.find("usage error") != std::string::npos);
        }
    }
    CHECK(run({"run", wall, "--speed", "nan"}).err.find("finite number") != std::string::npos);
    for (const char* size : {"1280x720junk", "1280x720 ", " 1280x720", "+1280x720", "1280x", "x720",
                             "1280X720", "1280x-720", "99999999999x720"}) {
        INFO(size);
        const Result r = run({"render", wall, "--at", "1", "--size", size, "--out", "x.png"});
        CHECK(r.code == 2);
        CHECK(r.err.find("--size must be WxH") != std::string::npos);
    }
}
