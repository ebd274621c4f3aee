#include "TestSupport.hpp"

#include "core/History.hpp"
#include "core/Schedule.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards.
struct TempDir : TempPath {
    TempDir() : TempPath("history") {}
};

constexpr std::int64_t kNow = 1795000000; // 2026-11-18

std::unique_ptr<History> openIn(const TempDir& dir, std::string* notice = nullptr) {
    std::string text;
    auto history = History::open(dir.path.string(), kNow, text);
    if (notice != nullptr) {
        *notice = text;
    }
    return history;
}

SessionRecord record(const std::string& title, std::int64_t started, Side first, double left,
                     double right) {
    SessionRecord r;
    r.routineTitle = title;
    r.routineKey = title;
    r.startedAt = started;
    r.firstSide = first;
    r.leftS = left;
    r.rightS = right;
    r.how = "finished";
    return r;
}

} // namespace

TEST_CASE("a session is written as it goes and read back after reopening") {
    TempDir dir;
    std::int64_t id = 0;
    {
        auto history = openIn(dir);
        id = history->beginSession("Wall drill", "abc", "/r/wall.yaml", kNow, Side::Right);
        history->recordCheckIn(id, {Side::Right, false, 6, 1}, kNow + 1);
        history->recordStep(id, {1, Side::Right, 0, "Hold", 30}, 0, 30, kNow + 30);
        history->recordStep(id, {1, Side::Left, 0, "Hold", 30}, 30, 30, kNow + 65);
        history->recordCheckIn(id, {Side::Right, true, 3, 1}, kNow + 66);
        history->endSession(id, "finished", "", 30, 30, kNow + 70);
    }
    auto history = openIn(dir);
    const auto sessions = history->sessions();
    REQUIRE(sessions.size() == 1);
    const SessionRecord& r = sessions[0];
    CHECK(r.id == id);
    CHECK(r.routineTitle == "Wall drill");
    CHECK(r.routineHash == "abc");
    CHECK(r.how == "finished");
    CHECK(r.firstSide == Side::Right);
    CHECK(r.startedAt == kNow);
    CHECK(r.endedAt == kNow + 70);
    CHECK(r.leftS == 30);
    CHECK(r.rightS == 30);
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[1].side == Side::Left);
    CHECK(r.steps[1].stepName == "Hold");
    REQUIRE(r.checkIns.size() == 2);
    CHECK(r.checkIns[0].rating == 6);
    CHECK_FALSE(r.checkIns[0].after);
    CHECK(r.checkIns[1].after);
    CHECK(fs::exists(dir.path / "history.sqlite"));
}

TEST_CASE("sessions come newest first, with the reason a session stopped") {
    TempDir dir;
    auto history = openIn(dir);
    const auto a = history->beginSession("A", "1", "a", kNow - 100, Side::Left);
    history->endSession(a, "finished", "", 10, 10, kNow - 50);
    const auto b = history->beginSession("B", "2", "b", kNow, Side::Left);
    history->endSession(b, "stopped", "sharp pain, numbness or tingling", 5, 0, kNow + 5);
    const auto sessions = history->sessions();
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].routineTitle == "B");
    CHECK(sessions[0].how == "stopped");
    CHECK(sessions[0].stopReason == "sharp pain, numbness or tingling");
}

TEST_CASE("two writers at once lose nothing") {
    TempDir dir;
    auto first = openIn(dir);
    auto second = openIn(dir);
    auto write = [](History* history, const std::string& title) {
        for (int i = 0; i < 25; ++i) {
            const auto id = history->beginSession(title, "h", "f", kNow + i, Side::Left);
            history->recordStep(id, {1, Side::Left, 0, "S", 10}, 10, 0, kNow + i);
            history->endSession(id, "finished", "", 10, 10, kNow + i);
        }
    };
    std::thread one(write, first.get(), "one");
    std::thread two(write, second.get(), "two");
    one.join();
    two.join();
    const auto sessions = openIn(dir)->sessions();
    CHECK(sessions.size() == 50);
    for (const SessionRecord& r : sessions) {
        CHECK(r.steps.size() == 1);
    }
}

TEST_CASE("a writer killed mid-session keeps its finished steps and shows as interrupted") {
    TempDir dir;
    openIn(dir); // create the file before the child writes to it
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::string notice;
        auto history = History::open(dir.path.string(), kNow, notice);
        const auto id = history->beginSession("Killed", "h", "f", kNow, Side::Left);
        history->recordStep(id, {1, Side::Left, 0, "One", 30}, 30, 0, kNow + 30);
        history->recordStep(id, {1, Side::Left, 1, "Two", 40}, 70, 0, kNow + 70);
        raise(SIGKILL); // no destructor, no end: as a power cut would leave it
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    const auto sessions = openIn(dir)->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].how == "interrupted");
    CHECK(sessions[0].steps.size() == 2);
    CHECK(sessions[0].leftS == 70);
    CHECK(sessions[0].endedAt == kNow + 70);
}

TEST_CASE("a session of a live process shows as running") {
    TempDir dir;
    auto history = openIn(dir);
    history->beginSession("Live", "h", "f", kNow, Side::Left);
    CHECK(history->sessions()[0].how == "running");
}

TEST_CASE("a corrupt file is moved aside, kept as it was, and a new history started") {
    TempDir dir;
    const fs::path file = dir.path / "history.sqlite";
    {
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < 4096; ++i) {
            out.put(static_cast<char>((i * 7919) & 0xff));
        }
    }
    std::string notice;
    auto history = openIn(dir, &notice);
    CHECK(notice.find("moved to") != std::string::npos);
    CHECK(history->sessions().empty());
    int aside = 0;
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        if (entry.path().filename().string().rfind("history.sqlite.corrupt-", 0) == 0) {
            ++aside;
            CHECK(fs::file_size(entry.path()) == 4096);
        }
    }
    CHECK(aside == 1);
}

TEST_CASE("a history from a newer version is moved aside, never overwritten") {
    TempDir dir;
    {
        auto history = openIn(dir);
        history->beginSession("Old", "h", "f", kNow, Side::Left);
    }
    {
        // Pretend a later version wrote it.
        std::string notice;
        auto history = History::open(dir.path.string(), kNow, notice);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "history.sqlite").c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr,
                 nullptr);
    sqlite3_close(db);
    std::string notice;
    auto history = openIn(dir, &notice);
    CHECK(notice.find("newer version of rollcoach (format 99)") != std::string::npos);
    CHECK(history->sessions().empty());
    bool kept = false;
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        kept = kept || entry.path().filename().string().rfind("history.sqlite.newer-", 0) == 0;
    }
    CHECK(kept);
}

TEST_CASE("a data folder that cannot be created is a clear error") {
    TempDir dir;
    std::ofstream(dir.path / "file") << "x";
    std::string notice;
    CHECK_THROWS_WITH_AS(History::open((dir.path / "file" / "sub").string(), kNow, notice),
                         doctest::Contains("cannot create the data folder"), HistoryError);
}

TEST_CASE("the first side: the routine's, then the ledger, then alternation") {
    Routine routine = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]"));
    routine.title = routine.key = "Wall";
    // No history: left.
    CHECK(chooseFirstSide(routine, {}, kNow).side == Side::Left);
    // Last time left went first, sides even: right now.
    std::vector<SessionRecord> history = {record("Wall", kNow - 86400, Side::Left, 60, 60)};
    SideChoice choice = chooseFirstSide(routine, history, kNow);
    CHECK(choice.side == Side::Right);
    CHECK(choice.why == "it went second last time");
    // A stopped session left the right side short: it goes first, and says why.
    history.insert(history.begin(), record("Wall", kNow - 3600, Side::Right, 60, 20));
    choice = chooseFirstSide(routine, history, kNow);
    CHECK(choice.side == Side::Right);
    CHECK(choice.why == "it got 0:40 less over the last 14 days");
    // Older than 14 days: no longer counted.
    std::vector<SessionRecord> old = {record("Wall", kNow - 20 * 86400, Side::Right, 90, 10)};
    CHECK(chooseFirstSide(routine, old, kNow).side == Side::Left);
    // Another routine's sessions count in the ledger but not for alternation.
    std::vector<SessionRecord> other = {record("Other", kNow - 100, Side::Left, 50, 50)};
    CHECK(chooseFirstSide(routine, other, kNow).side == Side::Left);
    // A routine that names its side keeps it.
    routine.schedule.firstSide = FirstSide::Left;
    CHECK(chooseFirstSide(routine, history, kNow).side == Side::Left);
}

TEST_CASE("alternation over simulated sessions keeps both sides even") {
    Routine routine = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]"));
    std::vector<SessionRecord> history;
    int starts[2] = {0, 0};
    for (int day = 0; day < 10; ++day) {
        const std::int64_t now = kNow + day * 86400;
        const SideChoice choice = chooseFirstSide(routine, history, now);
        ++starts[choice.side == Side::Left ? 0 : 1];
        // Day 4 is cut short after the first side.
        const double second = day == 4 ? 0 : 20;
        SessionRecord r =
            record(routine.title, now, choice.side, choice.side == Side::Left ? 20 : second,
                   choice.side == Side::Right ? 20 : second);
        history.insert(history.begin(), r);
        if (day == 4) {
            // The side that missed out goes first next.
            CHECK(chooseFirstSide(routine, history, now + 3600).side == otherSide(choice.side));
        }
    }
    CHECK(std::abs(starts[0] - starts[1]) <= 2);
}

TEST_CASE("dates and weekdays") {
    CHECK(Date{2026, 11, 23}.weekday() == Weekday::Mon);
    CHECK(Date{2024, 2, 29}.weekday() == Weekday::Thu);
    CHECK(Date{1970, 1, 1}.weekday() == Weekday::Thu);
    CHECK(Date{2026, 12, 31}.plusDays(1) == Date{2027, 1, 1});
    CHECK(Date{2024, 2, 28}.plusDays(1) == Date{2024, 2, 29});
    CHECK(Date{2026, 11, 23}.iso() == "2026-11-23");
}

TEST_CASE("the weekly plan follows each routine's days") {
    Routine routine = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") +
                                  "schedule: {days: [mon, thu], rounds: 2, switch_s: 5}\n");
    Settings settings;
    settings.sessionMinuteOfDay = 7 * 60 + 30;
    const auto plan = weeklyPlan({{"r.yaml", routine}}, Date{2026, 11, 23}, 14, settings);
    REQUIRE(plan.size() == 4);
    CHECK(plan[0].date == Date{2026, 11, 23});
    CHECK(plan[1].date == Date{2026, 11, 26});
    CHECK(plan[2].date == Date{2026, 11, 30});
    CHECK(plan[0].minuteOfDay == 450);
    CHECK(plan[0].totalS == 20 * 4 + 5 * 3);
}

TEST_CASE("settings: time of day, body, errors located") {
    Diagnostics problems;
    Settings s = parseSettings("time: \"07:45\"\nbody: women\n", problems);
    CHECK(problems.empty());
    CHECK(s.sessionMinuteOfDay == 465);
    CHECK(s.body == "women");
    problems.clear();
    s = parseSettings("time: 25:00\ncolour: red\n", problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].mark.line == 1);
    CHECK(problems[1].message.find("unknown setting \"colour\"") == 0);
    CHECK(s.sessionMinuteOfDay == 18 * 60);
}

TEST_CASE("iCalendar: CRLF, folded lines, UID and DTSTAMP, parsed back") {
    Routine routine = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") +
                                  "schedule: {days: [mon, wed, fri]}\n");
    routine.title = "Wall drill, with a comma; and a semicolon";
    const auto plan = weeklyPlan({{"r.yaml", routine}}, Date{2026, 11, 23}, 7, Settings{});
    const std::string description(300, 'x');
    const std::string ics = iCalendar(plan, 1795000000, description + " é");
    // Every line ends in CRLF and is at most 75 octets.
    std::vector<std::string> physical;
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        physical.push_back(ics.substr(start, end - start));
        CHECK(physical.back().size() <= 75);
        CHECK(physical.back().find('\n') == std::string::npos);
        start = end + 2;
    }
    // Unfold, then read it as a calendar app would.
    std::vector<std::string> lines;
    for (const std::string& line : physical) {
        if (!line.empty() && line[0] == ' ') {
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
    }
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    int events = 0;
    std::vector<std::string> uids;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i] == "BEGIN:VEVENT") {
            ++events;
        }
        if (lines[i].rfind("UID:", 0) == 0) {
            uids.push_back(lines[i]);
        }
        if (lines[i].rfind("SUMMARY:", 0) == 0) {
            CHECK(lines[i] == "SUMMARY:rollcoach: Wall drill\\, with a comma\\; and a semicolon");
        }
        if (lines[i].rfind("DESCRIPTION:", 0) == 0) {
            CHECK(lines[i] == "DESCRIPTION:" + description + " é");
        }
    }
    CHECK(events == 3);
    CHECK(uids.size() == 3);
    CHECK(std::set<std::string>(uids.begin(), uids.end()).size() == 3);
    CHECK(ics.find("DTSTAMP:20261118T") != std::string::npos);
    CHECK(ics.find("DTSTART:20261125T180000\r\n") != std::string::npos);
}

TEST_CASE("a history of format 1 is carried over: its sessions stay and count as recorded") {
    TempDir dir;
    const fs::path file = dir.path / "history.sqlite";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    // The format 1 tables as they were, with one finished session.
    const char* v1 = R"(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, routine_title TEXT NOT NULL,
  routine_hash TEXT NOT NULL, routine_file TEXT NOT NULL, started_at INTEGER NOT NULL,
  ended_at INTEGER, updated_at INTEGER NOT NULL,
  first_side TEXT NOT NULL CHECK (first_side IN ('left', 'right')),
  how TEXT NOT NULL CHECK (how IN ('running', 'finished', 'stopped', 'interrupted')),
  stop_reason TEXT NOT NULL DEFAULT '', left_s REAL NOT NULL DEFAULT 0,
  right_s REAL NOT NULL DEFAULT 0, pid INTEGER NOT NULL, process_start TEXT NOT NULL DEFAULT '');
INSERT INTO sessions (routine_title, routine_hash, routine_file, started_at, ended_at,
  updated_at, first_side, how, left_s, right_s, pid)
  VALUES ('Old', 'h', 'f', 1794000000, 1794000600, 1794000600, 'left', 'finished', 10, 10, 1);
)";
    REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    std::string notice;
    auto history = openIn(dir, &notice);
    CHECK(notice.empty());
    const auto sessions = history->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].plannedS == 0);
    CHECK(countsAsDone(sessions[0]));
    CHECK(sessions[0].routineKey == "Old");
    const auto id = history->beginSession("Neu", "h", "f", kNow, Side::Right, 120, "New");
    history->endSession(id, "finished", "", 30, 30, kNow + 60);
    const auto now = history->sessions();
    CHECK(now[0].plannedS == 120);
    CHECK(outcome(now[0]) == "partial");
    CHECK(now[0].routineTitle == "Neu");
    CHECK(now[0].routineKey == "New");
}

TEST_CASE("a history from before routine keys: its sessions are known by their titles, in the "
          "language of the day or as written, and take the key when their routine runs again") {
    TempDir dir;
    const fs::path file = dir.path / "history.sqlite";
    {
        auto history = openIn(dir);
        history->beginSession("Wall drill", "h", "f", kNow - 2 * 86400, Side::Left, 60);
        history->beginSession("Wandübung", "h", "f", kNow - 86400, Side::Right, 60);
        history->beginSession("Lying drill", "h", "g", kNow - 86400, Side::Right, 60);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "ALTER TABLE sessions DROP COLUMN routine_key", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    sqlite3_close(db);
    // Read as it is, as the progress screen's thread reads it: known by its titles.
    const auto asItIs = History::openToRead(file.string())->sessions();
    REQUIRE(asItIs.size() == 3);
    for (const SessionRecord& r : asItIs) {
        CHECK_FALSE(r.keyed);
        CHECK(r.routineKey == r.routineTitle);
    }
    // The wall drill, shown in German today: both its sessions are its, in either language.
    REQUIRE(asItIs[0].routineTitle == "Lying drill"); // newest first
    CHECK_FALSE(isOf(asItIs[0], "Wall drill", "Wandübung"));
    CHECK(isOf(asItIs[1], "Wall drill", "Wandübung"));
    CHECK(isOf(asItIs[2], "Wall drill", "Wandübung"));
    // Opened to write, it gains the column; a German session of the wall drill claims the
    // sessions shown with its German or its written title, and leaves the lying drill's.
    auto history = openIn(dir);
    history->beginSession("Wandübung", "h", "f", kNow, Side::Left, 60, "Wall drill");
    const auto sessions = history->sessions();
    REQUIRE(sessions.size() == 4);
    int wall = 0;
    for (const SessionRecord& r : sessions) {
        CAPTURE(r.routineTitle);
        if (r.routineTitle == "Lying drill") {
            CHECK_FALSE(r.keyed);
            CHECK_FALSE(isOf(r, "Wall drill", "Wandübung"));
        } else {
            CHECK(r.keyed);
            CHECK(r.routineKey == "Wall drill");
            CHECK(isOf(r, "Wall drill", "Wall drill"));
            ++wall;
        }
    }
    CHECK(wall == 3);
}

namespace {

// Another process holding the history locked (BEGIN EXCLUSIVE) until `release` is called, or
// for `holdMs` when that is not zero.
struct Locker {
    pid_t pid = -1;
    int toChild[2] = {-1, -1};

    Locker(const fs::path& file, int holdMs) {
        int fromChild[2];
        REQUIRE(pipe(fromChild) == 0);
        REQUIRE(pipe(toChild) == 0);
        pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            sqlite3* db = nullptr;
            sqlite3_open(file.c_str(), &db);
            const int rc =
                sqlite3_exec(db, "BEGIN EXCLUSIVE; INSERT INTO meta VALUES ('held', '1')", nullptr,
                             nullptr, nullptr);
            const char state = rc == SQLITE_OK ? 'y' : 'n';
            [[maybe_unused]] auto n = write(fromChild[1], &state, 1);
            if (holdMs > 0) {
                usleep(static_cast<useconds_t>(holdMs) * 1000);
            } else {
                char go = 0;
                n = read(toChild[0], &go, 1);
            }
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(db);
            _exit(0);
        }
        char state = 0;
        REQUIRE(read(fromChild[0], &state, 1) == 1);
        close(fromChild[0]);
        close(fromChild[1]);
        REQUIRE(state == 'y');
    }
    void release() {
        if (pid > 0) {
            [[maybe_unused]] auto n = write(toChild[1], "x", 1);
            waitpid(pid, nullptr, 0);
            pid = -1;
        }
    }
    ~Locker() {
        release();
        close(toChild[0]);
        close(toChild[1]);
    }
};

// Files beside the history whose names say it was moved aside.
int movedAside(const fs::path& dir) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        count += name.find(".corrupt-") != std::string::npos ||
                 name.find(".newer-") != std::string::npos;
    }
    return count;
}

} // namespace

TEST_CASE("a history locked for a moment by another process is waited for, not moved") {
    TempDir dir;
    openIn(dir)->beginSession("Kept", "h", "f", kNow, Side::Left);
    Locker locker(dir.path / "history.sqlite", 700);
    std::string notice;
    auto history = openIn(dir, &notice);
    CHECK(notice.empty());
    REQUIRE(history->sessions().size() == 1);
    CHECK(history->sessions()[0].routineTitle == "Kept");
    CHECK(movedAside(dir.path) == 0);
}

TEST_CASE("a history still locked after the wait is an error naming it, and is not moved") {
    TempDir dir;
    openIn(dir)->beginSession("Kept", "h", "f", kNow, Side::Left);
    const std::string file = (dir.path / "history.sqlite").string();
    Locker locker(file, 0);
    std::string notice;
    const std::string says = file + ": database is locked";
    CHECK_THROWS_WITH_AS(History::open(dir.path.string(), kNow, notice, 50),
                         doctest::Contains(says.c_str()), HistoryError);
    CHECK(notice.empty());
    CHECK(movedAside(dir.path) == 0);
    locker.release();
    auto history = openIn(dir, &notice);
    REQUIRE(history->sessions().size() == 1);
    CHECK(history->sessions()[0].routineTitle == "Kept");
}

TEST_CASE("a history on a full disk is an error naming it, and is not moved") {
    TempDir dir;
    openIn(dir)->beginSession("Kept", "h", "f", kNow, Side::Left);
    const std::string file = (dir.path / "history.sqlite").string();
    std::string notice;
    {
        // Nothing can grow: the journal and the shared-memory index cannot be made.
        const FileSizeLimit full(0);
        const std::string says = file + ": ";
        CHECK_THROWS_WITH_AS(History::open(dir.path.string(), kNow, notice),
                             doctest::Contains(says.c_str()), HistoryError);
    }
    CHECK(notice.empty());
    CHECK(movedAside(dir.path) == 0);
    auto history = openIn(dir, &notice);
    REQUIRE(history->sessions().size() == 1);
    CHECK(history->sessions()[0].routineTitle == "Kept");
}

TEST_CASE("a history whose format is not a number says so, naming the file") {
    TempDir dir;
    openIn(dir)->beginSession("Kept", "h", "f", kNow, Side::Left);
    const std::string file = (dir.path / "history.sqlite").string();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "UPDATE meta SET value = 'x' WHERE key = 'schema_version'", nullptr, nullptr,
                 nullptr);
    sqlite3_close(db);
    std::string notice;
    const std::string says = file + ": the history's format is not a number";
    CHECK_THROWS_WITH_AS(History::open(dir.path.string(), kNow, notice),
                         doctest::Contains(says.c_str()), HistoryError);
    CHECK(movedAside(dir.path) == 0);
}
