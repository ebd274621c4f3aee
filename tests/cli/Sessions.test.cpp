#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"
#include "core/History.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

// A data folder that does not exist yet: the commands create it.
struct DataDir : TempPath {
    DataDir() : TempPath("cli", false) {}
    FixedClock clock{static_cast<std::int64_t>(std::time(nullptr))};

    Result run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"rollcoach", "--data-dir", path.string()});
        std::ostringstream out;
        std::ostringstream err;
        const int code = runCommandLine(args, out, err, clock);
        return {code, out.str(), err.str()};
    }
};

// 2026-11-23 12:00 UTC, a Monday.
constexpr std::int64_t kMonday = 1795435200;

} // namespace

TEST_CASE("history --json: newest first, in the documented shape") {
    DataDir dir;
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto a =
            history->beginSession("Wall tennis-ball drill", "h", "f", kMonday - 7200, Side::Left);
        history->endSession(a, "finished", "", 280, 280, kMonday - 6000);
        const auto b = history->beginSession("Lying upper-trapezius drill", "h", "f",
                                             kMonday - 3600, Side::Right);
        history->recordStep(b, {1, Side::Right, 0, "Settle in", 30}, 0, 30, kMonday - 3570);
        history->endSession(b, "stopped", "stopped by the user", 0, 30, kMonday - 3560);
    }
    const Result r = dir.run({"history", "--json"});
    REQUIRE(r.code == 0);
    const auto json = nlohmann::json::parse(r.out);
    REQUIRE(json["sessions"].size() == 2);
    const auto& newest = json["sessions"][0];
    CHECK(newest["routine"] == "Lying upper-trapezius drill");
    CHECK(newest["how"] == "stopped");
    CHECK(newest["first_side"] == "right");
    CHECK(newest["seconds"]["left"] == 0.0);
    CHECK(newest["seconds"]["right"] == 30.0);
    CHECK(newest["started"] == "2026-11-23T11:00:00Z");
    CHECK(newest["ended"].is_string());
    CHECK(json["sessions"][1]["how"] == "finished");

    const Result text = dir.run({"history"});
    CHECK(text.out.find("stopped by the user") != std::string::npos);
}

TEST_CASE("plan uses the history for an automatic first side, unless told") {
    DataDir dir;
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto a =
            history->beginSession("Wall tennis-ball drill", "h", "f", kMonday - 86400, Side::Left);
        history->endSession(a, "finished", "", 280, 280, kMonday - 86000);
    }
    dir.clock.set(kMonday);
    const Result automatic = dir.run({"plan", shippedRoutine("wall-tennis-ball.yaml"), "--json"});
    const Result forced = dir.run(
        {"plan", shippedRoutine("wall-tennis-ball.yaml"), "--json", "--first-side", "left"});
    REQUIRE(automatic.code == 0);
    const auto plan = nlohmann::json::parse(automatic.out);
    CHECK(plan["segments"][0]["side"] == "right");
    CHECK(plan["first_side_reason"] == "the right side went second last time");
    CHECK(nlohmann::json::parse(forced.out)["segments"][0]["side"] == "left");
}

TEST_CASE("next says what is due today and which side goes first") {
    DataDir dir;
    dir.clock.set(kMonday);
    setenv("TZ", "UTC", 1);
    tzset();
    const Result monday = dir.run({"next"});
    dir.clock.set(kMonday + 86400 * 6); // Sunday
    const Result sunday = dir.run({"next"});
    CHECK(monday.code == 0);
    CHECK(monday.out.find("Due today:") == 0);
    CHECK(monday.out.find("Wall tennis-ball drill  -  start on the left side") !=
          std::string::npos);
    CHECK(monday.out.find("Lying") == std::string::npos);
    CHECK(sunday.out.find("Nothing is due today. Next: Monday 2026-11-30") == 0);
}

TEST_CASE("calendar writes an iCalendar file") {
    DataDir dir;
    fs::create_directories(dir.path);
    const fs::path ics = dir.path / "plan.ics";
    dir.clock.set(kMonday);
    const Result r = dir.run({"calendar", "--weeks", "2", "--out", ics.string()});
    REQUIRE(r.code == 0);
    std::ifstream in(ics, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string calendar = text.str();
    // Wall on mon/wed/fri and lying on tue/thu/sat, for two weeks: 12 sessions.
    std::size_t events = 0;
    for (std::size_t at = calendar.find("BEGIN:VEVENT"); at != std::string::npos;
         at = calendar.find("BEGIN:VEVENT", at + 1)) {
        ++events;
    }
    CHECK(events == 12);
    CHECK(r.out.find("12 sessions over 2 weeks") != std::string::npos);
    CHECK(dir.run({"calendar", "--weeks", "0"}).code == 2);
}

TEST_CASE("new writes a commented routine that validates, and never overwrites") {
    DataDir dir;
    const Result r = dir.run({"new", "evening-wall"});
    REQUIRE(r.code == 0);
    const std::string file = (dir.path / "routines" / "evening-wall.yaml").string();
    CHECK(r.out == file + "\n");
    CHECK(dir.run({"validate", "--strict", file}).code == 0);
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    CHECK(first.find("# yaml-language-server: $schema=") == 0);
    CHECK(first.find("/schema/routine.schema.json") != std::string::npos);
    const Result again = dir.run({"new", "evening-wall"});
    CHECK(again.code == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(dir.run({"new", "../escape"}).code == 2);
}

TEST_CASE("an unusable data folder: history says why, exit 1") {
    DataDir dir;
    fs::create_directories(dir.path.parent_path());
    std::ofstream(dir.path) << "a file, not a folder";
    const Result r = dir.run({"history"});
    CHECK(r.code == 1);
    CHECK(r.err.find("history unavailable") != std::string::npos);
    fs::remove(dir.path);
}

TEST_CASE("the settings file chooses whose body is modelled, and the command line wins") {
    DataDir dir;
    const TempPath config("config");
    fs::create_directories(config.path / "rollcoach");
    std::ofstream(config.path / "rollcoach" / "settings.yaml") << "body: women\ntime: \"07:30\"\n";
    const std::string routine = (config.path / "beside-neck.yaml").string();
    // Beside the neck: near it on the men's model (6 cm band), clear on the women's (5 cm).
    std::ofstream(routine) << oneStep("yoga-tune-up", "[{x_cm: 8.5, y_cm: 1}]");
    CHECK(dir.run({"validate", "--strict", routine}).code == 1);
    setenv("XDG_CONFIG_HOME", config.path.c_str(), 1);
    const Result women = dir.run({"validate", "--strict", routine});
    const Result men = dir.run({"--body", "men", "validate", "--strict", routine});
    unsetenv("XDG_CONFIG_HOME");
    INFO(women.out << women.err);
    CHECK(women.code == 0);
    CHECK(women.out.empty());
    CHECK(men.code == 1);
    CHECK(men.out.find("near the neck") != std::string::npos);
}
