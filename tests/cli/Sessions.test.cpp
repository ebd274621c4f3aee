#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"
#include "core/History.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
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
    CHECK(text.out.find("tension") == std::string::npos);
}

namespace {

// Three sessions on different days, rated on both sides (two rounds on the last), and a
// lying session rated on the left before only.
void fillRatedHistory(const DataDir& dir) {
    std::string notice;
    auto history = History::open(dir.path.string(), kMonday, notice);
    auto rated = [&](const std::string& title, std::int64_t at,
                     std::vector<std::pair<CheckIn, int>> checks) {
        const auto id = history->beginSession(title, "h", "wall.yaml", at, Side::Left, 280);
        for (const auto& [check, offset] : checks) {
            history->recordCheckIn(id, check, at + offset);
        }
        history->endSession(id, "finished", "", 280, 280, at + 600);
    };
    const std::string wall = "Wall tennis-ball drill";
    rated(wall, kMonday - 7 * 86400,
          {{{Side::Left, false, 6, 1}, 1},
           {{Side::Left, true, 3, 1}, 2},
           {{Side::Right, false, 5, 1}, 3},
           {{Side::Right, true, 4, 1}, 4}});
    rated(wall, kMonday - 5 * 86400,
          {{{Side::Left, false, 5, 1}, 1},
           {{Side::Left, true, 4, 1}, 2},
           {{Side::Right, false, 6, 1}, 3},
           {{Side::Right, true, 3, 1}, 4}});
    rated(wall, kMonday - 2 * 86400,
          {{{Side::Left, false, 4, 1}, 1},
           {{Side::Left, true, 2, 1}, 2},
           {{Side::Left, false, 3, 2}, 3},
           {{Side::Left, true, 1, 2}, 4},
           {{Side::Right, false, 4, 1}, 5},
           {{Side::Right, true, 4, 1}, 6}});
    rated("Lying upper-trapezius drill", kMonday - 86400, {{{Side::Left, false, 7, 1}, 1}});
}

} // namespace

TEST_CASE("history prints each session's check-ins on its line") {
    DataDir dir;
    fillRatedHistory(dir);
    const Result r = dir.run({"history"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Wall tennis-ball drill  tension left 4\u21922 3\u21921, right 4\u21924\n") !=
          std::string::npos);
    CHECK(r.out.find("Wall tennis-ball drill  tension left 6\u21923, right 5\u21924\n") !=
          std::string::npos);
    // A side rated before only shows what is missing.
    CHECK(r.out.find("Lying upper-trapezius drill  tension left 7\u2192-\n") != std::string::npos);
}

TEST_CASE("progress --json: each side's before, after and change per session, by date") {
    setenv("TZ", "UTC", 1);
    tzset();
    DataDir dir;
    fillRatedHistory(dir);
    dir.clock.set(kMonday);
    const Result r = dir.run({"progress", "--json"});
    REQUIRE(r.code == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["weeks"].is_null());
    CHECK(json["routine"].is_null());
    CHECK(json["change_that_matters"] == 2.0);
    const auto& left = json["sides"]["left"];
    REQUIRE(left["sessions"].size() == 4);
    CHECK(left["sessions"][0]["date"] == "2026-11-16");
    CHECK(left["sessions"][0]["routine"] == "Wall tennis-ball drill");
    CHECK(left["sessions"][0]["before"] == 6.0);
    CHECK(left["sessions"][0]["after"] == 3.0);
    CHECK(left["sessions"][0]["change"] == -3.0);
    CHECK(left["sessions"][0]["matters"] == true);
    CHECK(left["sessions"][1]["matters"] == false);
    // Two rounds are averaged: 3.5 before, 1.5 after.
    CHECK(left["sessions"][2]["before"] == 3.5);
    CHECK(left["sessions"][2]["change"] == -2.0);
    CHECK(left["sessions"][2]["matters"] == true);
    CHECK(left["sessions"][3]["after"].is_null());
    CHECK(left["sessions"][3]["change"].is_null());
    CHECK(left["summary"]["sessions"] == 4);
    CHECK(left["summary"]["rated_before_and_after"] == 3);
    CHECK(left["summary"]["changes_that_matter"] == 2);
    CHECK(left["summary"]["average_change"] == -2.0);
    const auto& right = json["sides"]["right"];
    REQUIRE(right["sessions"].size() == 3);
    CHECK(right["sessions"][1]["change"] == -3.0);
    CHECK(right["summary"]["average_before"] == 5.0);

    const Result week =
        dir.run({"progress", "--json", "--weeks", "1", "--routine", "Wall tennis-ball drill"});
    REQUIRE(week.code == 0);
    const auto recent = nlohmann::json::parse(week.out);
    CHECK(recent["weeks"] == 1);
    CHECK(recent["routine"] == "Wall tennis-ball drill");
    // The lying session of the same week is left out; the first wall one is 7 days back.
    CHECK(recent["sides"]["left"]["sessions"].size() == 3);
}

TEST_CASE("progress: a table per side, a summary line, and a mark for a change that matters") {
    setenv("TZ", "UTC", 1);
    tzset();
    DataDir dir;
    fillRatedHistory(dir);
    dir.clock.set(kMonday);
    const Result r = dir.run({"progress"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Left side\n  date        before  after  change\n") != std::string::npos);
    CHECK(r.out.find("  2026-11-16       6      3      -3 * Wall tennis-ball drill\n") !=
          std::string::npos);
    CHECK(r.out.find("  2026-11-18       5      4      -1   Wall tennis-ball drill\n") !=
          std::string::npos);
    CHECK(r.out.find("  2026-11-21     3.5    1.5      -2 * Wall tennis-ball drill\n") !=
          std::string::npos);
    CHECK(r.out.find("  2026-11-22       7      -       -   Lying upper-trapezius drill\n") !=
          std::string::npos);
    CHECK(r.out.find("  Left: 4 sessions rated; on average 5.4 before, 2.8 after, a change of "
                     "-2 over 3 rated before and after; 2 with a drop that matters.\n") !=
          std::string::npos);
    CHECK(r.out.find("Right side\n") != std::string::npos);
}

TEST_CASE("progress: no ratings, only interrupted sessions, one side only, a wrong routine") {
    DataDir dir;
    dir.clock.set(kMonday);
    const Result empty = dir.run({"progress"});
    CHECK(empty.code == 0);
    CHECK(empty.out.find("No tension ratings yet.") == 0);
    const Result emptyJson = dir.run({"progress", "--json"});
    REQUIRE(emptyJson.code == 0);
    CHECK(nlohmann::json::parse(emptyJson.out)["sides"]["left"]["sessions"].empty());
    CHECK(nlohmann::json::parse(emptyJson.out)["sides"]["right"]["summary"]["average_change"]
              .is_null());
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        // A session left without an end still counts with its rating, once it did some work.
        const auto id =
            history->beginSession("Wall tennis-ball drill", "h", "f", kMonday - 3600, Side::Right);
        history->recordCheckIn(id, {Side::Right, false, 6, 1}, kMonday - 3590);
        history->recordStep(id, {1, Side::Right, 0, "Find the spot", 20}, 0, 20, kMonday - 3570);
    }
    const Result oneSide = dir.run({"progress"});
    CHECK(oneSide.code == 0);
    CHECK(oneSide.out.find("Left side\n  No ratings for this side.\n") != std::string::npos);
    CHECK(oneSide.out.find("no session rated both before and after") != std::string::npos);
    const Result old = dir.run({"progress", "--weeks", "1"});
    CHECK(old.out.find("Right side") != std::string::npos);
    dir.clock.set(kMonday + 30 * 86400);
    const Result later = dir.run({"progress", "--weeks", "2"});
    CHECK(later.out.find("No tension ratings yet in the last 2 weeks.") == 0);
    const Result unknown = dir.run({"progress", "--routine", "no-such.yaml"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("no such routine file") != std::string::npos);
    CHECK(dir.run({"progress", "--weeks", "0"}).code == 2);
}

TEST_CASE("progress --routine FILE: the sessions started from that file or with its title") {
    setenv("TZ", "UTC", 1);
    tzset();
    DataDir dir;
    dir.clock.set(kMonday);
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto a = history->beginSession("Wall tennis-ball drill", "h", "elsewhere/wall.yaml",
                                             kMonday - 3600, Side::Left);
        history->recordCheckIn(a, {Side::Left, false, 5, 1}, kMonday - 3590);
        history->recordStep(a, {1, Side::Left, 0, "Find the spot", 20}, 20, 0, kMonday - 3570);
        const auto b = history->beginSession("Lying upper-trapezius drill", "h", "lying.yaml",
                                             kMonday - 1800, Side::Left);
        history->recordCheckIn(b, {Side::Left, false, 8, 1}, kMonday - 1790);
        history->recordStep(b, {1, Side::Left, 0, "Find the spot", 20}, 20, 0, kMonday - 1770);
    }
    const Result r = dir.run({"progress", "--json", "--routine", wall});
    REQUIRE(r.code == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["routine"] == "Wall tennis-ball drill");
    REQUIRE(json["sides"]["left"]["sessions"].size() == 1);
    CHECK(json["sides"]["left"]["sessions"][0]["before"] == 5.0);
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
    CHECK(plan["first_side_reason"] == "it went second last time");
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

TEST_CASE("next says when a session missed earlier this week is overdue, and since when") {
    DataDir dir;
    setenv("TZ", "UTC", 1);
    tzset();
    // The wall drill is planned Mon, Wed, Fri; the lying one Tue, Thu, Sat. The person began
    // the Sunday before: this week's days are owed.
    {
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto first = history->beginSession("Wall tennis-ball drill", "h", "wall.yaml",
                                                 kMonday - 86400, Side::Left, 100);
        history->endSession(first, "finished", "", 100, 100, kMonday - 86400 + 600);
    }
    dir.clock.set(kMonday + 86400 * 3); // Thursday
    const Result none = dir.run({"next"});
    CHECK(none.code == 0);
    CHECK(none.out.find("Due today:") == 0);
    CHECK(none.out.find("Overdue since Mon 2026-11-23: Wall tennis-ball drill\n") !=
          std::string::npos);
    CHECK(none.out.find("Overdue since Tue 2026-11-24: Lying") != std::string::npos);
    {
        // The wall drill taken up on Tuesday, even in part: Wednesday is what is overdue now.
        std::string notice;
        auto history = History::open(dir.path.string(), kMonday, notice);
        const auto a = history->beginSession("Wall tennis-ball drill", "h", "wall.yaml",
                                             kMonday + 86400, Side::Left, 140);
        history->endSession(a, "stopped", "stopped by the user", 40, 0, kMonday + 86400 + 60);
        // The lying drill, done on Thursday morning: nothing of it is overdue.
        const auto b = history->beginSession("Lying upper-trapezius drill", "h", "lying.yaml",
                                             kMonday + 86400 * 3 - 3600, Side::Left, 0);
        history->endSession(b, "finished", "", 100, 100, kMonday + 86400 * 3 - 3000);
    }
    const Result some = dir.run({"next"});
    CHECK(some.out.find("Overdue since Wed 2026-11-25: Wall tennis-ball drill") !=
          std::string::npos);
    CHECK(some.out.find("Overdue since Mon") == std::string::npos);
    CHECK(some.out.find("Overdue since Tue") == std::string::npos);
    // Sunday: nothing due today, the next one named first, then what is overdue.
    dir.clock.set(kMonday + 86400 * 6);
    const Result sunday = dir.run({"next"});
    CHECK(sunday.out.find("Nothing is due today. Next: Monday 2026-11-30") == 0);
    CHECK(sunday.out.find("Overdue since Wed 2026-11-25: Wall tennis-ball drill") !=
          std::string::npos);
    // Monday morning: a new week, and last week's misses are not carried into it.
    dir.clock.set(kMonday + 86400 * 7);
    CHECK(dir.run({"next"}).out.find("Overdue") == std::string::npos);
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
    // A FIFO (or a device) given as the file is left as it is, not replaced by a file.
    const fs::path fifo = dir.path / "pipe.ics";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const Result intoFifo = dir.run({"calendar", "--out", fifo.string()});
    CHECK(intoFifo.code == 1);
    CHECK(intoFifo.err.find("it is not a regular file (a FIFO)") != std::string::npos);
    CHECK(fs::is_fifo(fifo));
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

TEST_CASE("new --drill starts a routine for each drill, by hand too, that validates strictly") {
    DataDir dir;
    for (const std::string& drill :
         std::vector<std::string>{"wall", "lying", "partner", "self-press"}) {
        const Result r = dir.run({"new", "mine-" + drill, "--drill", drill});
        REQUIRE(r.code == 0);
        const std::string file = (dir.path / "routines" / ("mine-" + drill + ".yaml")).string();
        INFO(drill);
        CHECK(dir.run({"validate", "--strict", file}).code == 0);
        std::ifstream in(file);
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        CHECK(text.find("drill: " + drill) != std::string::npos);
    }
    CHECK(dir.run({"new", "other", "--drill", "floor"}).code == 2);
}

TEST_CASE("plan of the partner massage: both sides at the start and the end, one side then the "
          "other between, the same time each") {
    DataDir dir;
    const std::string file =
        std::string(ROLLCOACH_SOURCE_DIR) + "/routines/partner-upper-back-massage.yaml";
    const Result text = dir.run({"plan", file, "--first-side", "right"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("both sides, round 1: Effleurage") != std::string::npos);
    CHECK(text.out.find("right side, round 1: Strip under the shoulder blade") <
          text.out.find("switch to the left side"));
    CHECK(text.out.find("switch to the left side") <
          text.out.find("left side, round 1: Strip under the shoulder blade"));
    const Result json = dir.run({"plan", file, "--json", "--first-side", "right"});
    REQUIRE(json.code == 0);
    CHECK(json.out.find("\"both_sides\": true") != std::string::npos);
}

TEST_CASE("an unusable data folder: history says why, exit 1") {
    DataDir dir;
    fs::create_directories(dir.path.parent_path());
    std::ofstream(dir.path) << "a file, not a folder";
    const Result r = dir.run({"history"});
    CHECK(r.code == 1);
    CHECK(r.err.find("history unavailable") != std::string::npos);
    // A side chosen for want of the history says so: not "no earlier session".
    dir.clock.set(kMonday);
    const Result plan = dir.run({"plan", shippedRoutine("wall-tennis-ball.yaml")});
    CHECK(plan.code == 0);
    CHECK(plan.out.find("First side: left (the history could not be read)") != std::string::npos);
    CHECK(plan.out.find("no earlier session") == std::string::npos);
    const Result next = dir.run({"next"});
    CHECK(next.out.find("start on the left side: the history could not be read") !=
          std::string::npos);
    CHECK(next.out.find("no earlier session") == std::string::npos);
    fs::remove(dir.path);
}

TEST_CASE("the settings file chooses whose body is modelled, and the command line wins") {
    DataDir dir;
    const TempPath config("config");
    fs::create_directories(config.path / "rollcoach");
    std::ofstream(config.path / "rollcoach" / "settings.yaml") << "body: women\ntime: \"07:30\"\n";
    const std::string routine = (config.path / "beside-neck.yaml").string();
    // Beside the neck: near it on the men's model (6 cm band), clear on the women's (5 cm).
    std::ofstream(routine) << oneStep("yoga-tune-up", "[{x_cm: 7.5, y_cm: 2.2}]");
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

TEST_CASE(
    "a FIFO given as a routine, in the routine folder or as the settings is refused at once") {
    DataDir dir;
    fs::create_directories(dir.path / "routines");
    const std::string fifo = (dir.path / "routines" / "pipe.yaml").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const TempPath config("config-fifo");
    fs::create_directories(config.path / "rollcoach");
    const std::string settings = (config.path / "rollcoach" / "settings.yaml").string();
    REQUIRE(mkfifo(settings.c_str(), 0600) == 0);
    const HangGuard guard(20);

    for (const char* command : {"validate", "plan"}) {
        CAPTURE(command);
        const Result r = dir.run({command, fifo});
        CHECK(r.code == 1);
        CHECK((r.out + r.err).find(fifo + ": error: is not a regular file (a FIFO)") !=
              std::string::npos);
    }
    dir.clock.set(kMonday);
    const Result next = dir.run({"next"});
    CHECK(next.code == 0);
    CHECK(next.out.find("Due today:") == 0);
    // Left out, and said to be: a plan that silently lacked it would look complete.
    const std::string leftOut =
        "rollcoach: notice: " + fifo + " is left out: pipe.yaml: error: is not a regular file";
    CHECK(next.err.find(leftOut) != std::string::npos);
    const Result calendar = dir.run({"calendar", "--weeks", "1"});
    CHECK(calendar.code == 0);
    CHECK(calendar.err.find(leftOut) != std::string::npos);
    dir.clock.set(kMonday - 86400); // a Sunday: nothing due, nothing posted
    const Result remind = dir.run({"remind"});
    CHECK(remind.code == 0);
    CHECK(remind.out == "No reminder: nothing is due today.\n");
    CHECK(remind.err.find(leftOut) != std::string::npos);

    setenv("XDG_CONFIG_HOME", config.path.c_str(), 1);
    const Result withSettings = dir.run({"validate", shippedRoutine("wall-tennis-ball.yaml")});
    unsetenv("XDG_CONFIG_HOME");
    CHECK(withSettings.code == 0);
    CHECK(withSettings.err ==
          settings + ": error: is not a regular file (a FIFO); the settings are left at their "
                     "defaults\n");
}

TEST_CASE("a settings file that cannot be used is reported once, and the defaults stand") {
    DataDir dir;
    const TempPath config("config-bad");
    const fs::path settings = config.path / "rollcoach" / "settings.yaml";
    fs::create_directories(settings); // a folder where the file should be
    setenv("XDG_CONFIG_HOME", config.path.c_str(), 1);
    const Result folder = dir.run({"validate", shippedRoutine("wall-tennis-ball.yaml")});
    fs::remove(settings);
    std::ofstream(settings) << "shoulder_width_cm: 0x1e\n";
    const Result hex = dir.run({"validate", shippedRoutine("wall-tennis-ball.yaml")});
    unsetenv("XDG_CONFIG_HOME");
    CHECK(folder.code == 0);
    CHECK(folder.err == settings.string() +
                            ": error: cannot read file: it is a directory; the settings are left "
                            "at their defaults\n");
    CHECK(hex.code == 0);
    CHECK(hex.err == settings.string() +
                         ":1:20: error: \"shoulder_width_cm\" must be a number from 30 to 50 "
                         "(centimetres from shoulder tip to shoulder tip)\n");
}

TEST_CASE("a loop of symbolic links given as a routine is called that") {
    DataDir dir;
    fs::create_directories(dir.path);
    fs::create_symlink(dir.path / "b.yaml", dir.path / "a.yaml");
    fs::create_symlink(dir.path / "a.yaml", dir.path / "b.yaml");
    const Result r = dir.run({"validate", (dir.path / "a.yaml").string()});
    CHECK(r.code == 1);
    CHECK(r.out.find("a loop of symbolic links") != std::string::npos);
    CHECK(r.out.find("no such file") == std::string::npos);
}

TEST_CASE("calendar --out on a full disk keeps the old calendar and names the error") {
    DataDir dir;
    fs::create_directories(dir.path);
    const fs::path ics = dir.path / "plan.ics";
    std::ofstream(ics) << "the old calendar";
    dir.clock.set(kMonday);
    Result r;
    {
        const FileSizeLimit full(512);
        r = dir.run({"calendar", "--weeks", "8", "--out", ics.string()});
    }
    CHECK(r.code == 1);
    CHECK(r.err == "rollcoach: error: " + ics.string() +
                       ": cannot write the calendar: " + std::strerror(EFBIG) + "\n");
    std::ifstream in(ics);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "the old calendar");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) {
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("new refuses names that break its rule, and what it writes always validates") {
    DataDir dir;
    for (const std::string& name :
         std::vector<std::string>{"two words", "x: y",        "[x",
                                  "*a",        "!t",          "&a",
                                  "#c",        "-dash",       "_under",
                                  "a/b",       "..",          ".",
                                  ".hidden",   "tab\there",   "line\nbreak",
                                  "quote\"s",  "caf\xc3\xa9", "",
                                  "{x}",       "a,b",         std::string(81, 'a')}) {
        CAPTURE(name);
        // After "--", so a name starting with a dash reaches the rule, not the option parser.
        const Result r = dir.run({"new", "--", name});
        CHECK(r.code == 2);
        CHECK(r.err.find("letters, digits, dashes and underscores") != std::string::npos);
    }
    const bool wroteNothing =
        !fs::exists(dir.path / "routines") || fs::is_empty(dir.path / "routines");
    CHECK(wroteNothing);
    for (const std::string& name : std::vector<std::string>{"true", "null", "123", "0x1e", "no",
                                                            "a_b-C9", std::string(80, 'z')}) {
        CAPTURE(name);
        const Result r = dir.run({"new", name});
        REQUIRE(r.code == 0);
        const std::string file = (dir.path / "routines" / (name + ".yaml")).string();
        const Result check = dir.run({"validate", "--strict", file});
        CHECK(check.code == 0);
        CHECK(check.out.empty());
        const Result plan = dir.run({"plan", "--json", file});
        CHECK(plan.out.find("\"title\": \"" + name + "\"") != std::string::npos);
    }
}

TEST_CASE("new never follows a link at the routine's path") {
    DataDir dir;
    fs::create_directories(dir.path / "routines");
    const fs::path target = dir.path / "elsewhere.yaml";
    fs::create_symlink(target, dir.path / "routines" / "mine.yaml");
    const Result r = dir.run({"new", "mine"});
    CHECK(r.code == 1);
    CHECK(r.err.find("already exists") != std::string::npos);
    CHECK_FALSE(fs::exists(target));
}

TEST_CASE("next on a new person's first day: nothing missed or overdue, each routine once") {
    DataDir dir;
    setenv("TZ", "UTC", 1);
    tzset();
    // A Thursday: the wall drill was planned on Monday and Wednesday, before they began.
    dir.clock.set(kMonday + 86400 * 3);
    // A copy of a shipped routine in their own folder, as an older install left it.
    fs::create_directories(dir.path / "routines");
    fs::copy_file(fs::path(ROLLCOACH_SOURCE_DIR) / "routines" / "lying-yoga-tune-up.yaml",
                  dir.path / "routines" / "lying-yoga-tune-up.yaml");
    const Result first = dir.run({"next"});
    CHECK(first.code == 0);
    CHECK(first.out.find("Overdue") == std::string::npos);
    CHECK(first.out.find("missed") == std::string::npos);
    const auto lying = first.out.find("Lying upper-trapezius drill");
    REQUIRE(lying != std::string::npos);
    CHECK(first.out.find("Lying upper-trapezius drill", lying + 1) == std::string::npos);
    // "start on the left side: no earlier session", never the side twice in one sentence.
    CHECK(first.out.find("start on the left side: no earlier session\n") != std::string::npos);
    // The calendar names each routine's day once.
    const Result calendar = dir.run({"calendar", "--weeks", "1"});
    std::size_t events = 0;
    for (std::size_t at = calendar.out.find("BEGIN:VEVENT"); at != std::string::npos;
         at = calendar.out.find("BEGIN:VEVENT", at + 1)) {
        ++events;
    }
    // Thu to Wed: wall Fri, Mon, Wed; lying Thu, Sat, Tue; the partner and self-press drills
    // as their own days give.
    CHECK(calendar.out.find("SUMMARY:rollcoach: Lying upper-trapezius drill") != std::string::npos);
    std::size_t lyingEvents = 0;
    for (std::size_t at = calendar.out.find("SUMMARY:rollcoach: Lying"); at != std::string::npos;
         at = calendar.out.find("SUMMARY:rollcoach: Lying", at + 1)) {
        ++lyingEvents;
    }
    CHECK(lyingEvents == 3);
    CHECK(events >= 6);
}
