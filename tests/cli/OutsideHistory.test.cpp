#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"
#include "core/History.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <regex>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr std::int64_t kMonday = 1795435200; // 2026-11-23 12:00 UTC

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

// A history another program wrote: what rollcoach would never store, stored.
struct ForeignHistory : TempPath {
    ForeignHistory() : TempPath("foreign") {
        setenv("TZ", "UTC", 1);
        std::string notice;
        auto history = History::open(path.string(), kMonday, notice);
        history.reset();
        REQUIRE(sqlite3_open((path / "history.sqlite").c_str(), &m_db) == SQLITE_OK);
        // The other program's tables take anything: no CHECK keeps its values within
        // rollcoach's (and SQLite's quick check, which the history runs, is then content).
        exec("DROP TABLE check_ins");
        exec("CREATE TABLE check_ins (session_id INTEGER, round INTEGER, side TEXT, "
             "moment TEXT, rating INTEGER, at INTEGER)");
        exec("DROP INDEX sessions_started");
        exec("DROP TABLE sessions");
        exec("CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, routine_title TEXT, "
             "routine_hash TEXT, routine_file TEXT, started_at INTEGER, ended_at INTEGER, "
             "updated_at INTEGER, first_side TEXT, how TEXT, stop_reason TEXT, left_s REAL, "
             "right_s REAL, pid INTEGER, process_start TEXT, planned_s REAL, both_s REAL)");
    }
    ~ForeignHistory() { sqlite3_close(m_db); }

    void exec(const std::string& sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
        INFO(sql);
        INFO((message ? message : ""));
        sqlite3_free(message);
        REQUIRE(rc == SQLITE_OK);
    }

    // A session of `how`, started a day before the clock unless told, with these seconds.
    std::int64_t add(const std::string& title, const std::string& how, const std::string& left,
                     const std::string& right, std::int64_t started = kMonday - 86400,
                     const std::string& ended = "NULL") {
        exec("INSERT INTO sessions (routine_title, routine_hash, routine_file, started_at, "
             "updated_at, first_side, how, stop_reason, left_s, right_s, pid, process_start, "
             "planned_s, ended_at) VALUES (" +
             quoted(title) + ", 'h', 'f.yaml', " + std::to_string(started) + ", " +
             std::to_string(started) + ", 'left', " + quoted(how) + ", '', " + left + ", " + right +
             ", 0, '', 60, " + ended + ")");
        return sqlite3_last_insert_rowid(m_db);
    }

    Result run(std::vector<std::string> args) const {
        args.insert(args.begin(),
                    {std::string(ROLLCOACH_BUILD_DIR) + "/rollcoach", "--data-dir", path.string()});
        std::ostringstream out;
        std::ostringstream err;
        const FixedClock clock(kMonday);
        const int code = runCommandLine(args, out, err, clock);
        return {code, out.str(), err.str()};
    }

    static std::string quoted(const std::string& text) {
        std::string q = "'";
        for (const char c : text) {
            q += c;
            if (c == '\'') {
                q += '\'';
            }
        }
        return q + "'";
    }

private:
    sqlite3* m_db = nullptr;
};

// The fields of a CSV text as RFC 4180 reads them, row by row.
std::vector<std::vector<std::string>> csvRows(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else {
            rows.back().back() += c;
        }
    }
    rows.pop_back(); // after the last line break
    return rows;
}

} // namespace

TEST_CASE("history from elsewhere: every CSV field is defused and no row splits") {
    ForeignHistory data;
    const std::vector<std::string> hostile = {"=HYPERLINK(\"http://x\")",
                                              "+1+1",
                                              "-2+3",
                                              "@SUM(A1)",
                                              "\tstarts with a tab",
                                              "\rstarts with a return",
                                              "a, \"quoted\"\nsecond line"};
    for (const std::string& how : hostile) {
        data.add(how, how, "30", "30");
    }
    const Result result = data.run({"report", "--csv", "-"});
    REQUIRE(result.code == 0);
    const auto rows = csvRows(result.out);
    REQUIRE(rows.size() == 1 + hostile.size());
    for (const auto& row : rows) {
        CHECK(row.size() == rows.front().size());
        for (const std::string& field : row) {
            CAPTURE(field);
            if (!field.empty()) {
                CHECK(std::string("=+-@\t\r").find(field[0]) == std::string::npos);
            }
            CHECK(field.find('\r') == std::string::npos);
        }
    }
    // The routine (column 3) and the outcome (column 4) keep their text after the quote.
    bool sawFormula = false;
    for (const auto& row : rows) {
        sawFormula = sawFormula || (row[2] == "'=HYPERLINK(\"http://x\")" &&
                                    row[3] == "'=HYPERLINK(\"http://x\")");
    }
    CHECK(sawFormula);
}

TEST_CASE("history from elsewhere: impossible times and ratings are taken as missing") {
    ForeignHistory data;
    const std::int64_t inf = data.add("Endless", "finished", "9e999", "-9e999");
    data.add("Below nothing", "finished", "-1e308 * 10", "-5");
    data.add("Far future", "finished", "30", "30", 9223372036854775807LL);
    data.add("Far past", "finished", "30", "30", -9223372036854775807LL);
    data.add("Ends never", "finished", "30", "30", kMonday - 7200, "9223372036854775807");
    data.exec("INSERT INTO check_ins VALUES (" + std::to_string(inf) +
              ", 1, 'left', 'before', 99, 0), (" + std::to_string(inf) +
              ", 1, 'left', 'after', -5, 0), (" + std::to_string(inf) +
              ", 1, 'right', 'before', 4, 0), (" + std::to_string(inf) +
              ", 1, 'right', 'after', 2.5, 0)");
    data.exec("INSERT INTO steps VALUES (" + std::to_string(inf) +
              ", 1, 'left', 0, 'Hold', 9e999, 0), (" + std::to_string(inf) +
              ", 99999999999, 'left', 99999999999, 'Roll', -1, 0)");

    std::string notice;
    const auto history = History::open(data.path.string(), kMonday, notice);
    const auto sessions = history->sessions();
    CHECK(history->skippedSessions() == 2);
    REQUIRE(sessions.size() == 3);
    for (const SessionRecord& r : sessions) {
        CAPTURE(r.routineTitle);
        CHECK(r.leftS == 0.0 + (r.routineTitle == "Ends never" ? 30 : 0));
        CHECK(r.rightS == 0.0 + (r.routineTitle == "Ends never" ? 30 : 0));
        CHECK_FALSE(r.endedAt.has_value());
        for (const CheckIn& c : r.checkIns) {
            CHECK(c.rating == 4);
        }
        for (const StepRecord& s : r.steps) {
            CHECK(s.seconds == 0);
            CHECK(s.round <= 100000);
        }
    }

    const Result json = data.run({"history", "--json"});
    REQUIRE(json.code == 0);
    CHECK(json.err.find("2 sessions have a start that is no date") != std::string::npos);
    const auto document = nlohmann::json::parse(json.out);
    const std::regex iso("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    for (const auto& item : document["sessions"]) {
        CHECK(std::regex_match(item["started"].get<std::string>(), iso));
        CHECK((item["ended"].is_null() || std::regex_match(item["ended"].get<std::string>(), iso)));
        CHECK(item["seconds"]["left"].get<double>() >= 0);
        for (const auto& check : item["check_ins"]) {
            CHECK(check["tension"].get<int>() >= 0);
            CHECK(check["tension"].get<int>() <= 10);
        }
    }

    const Result text = data.run({"history"});
    REQUIRE(text.code == 0);
    for (const char* bad : {"inf", "nan", "99", "-5", "-2192"}) {
        CAPTURE(bad);
        CHECK(text.out.find(bad) == std::string::npos);
    }

    const Result csv = data.run({"report", "--csv", "-"});
    REQUIRE(csv.code == 0);
    for (const char* bad : {"inf", "nan", "99", "-5"}) {
        CAPTURE(bad);
        CHECK(csv.out.find(bad) == std::string::npos);
    }

    const Result progress = data.run({"progress", "--json"});
    REQUIRE(progress.code == 0);
    const auto sides = nlohmann::json::parse(progress.out)["sides"];
    // Its times are no times, read as none: a session with no time on a side counts for
    // nothing, so its one good rating (kept in the history, above) is no session's.
    CHECK(sides["left"]["sessions"].empty());
    CHECK(sides["right"]["sessions"].empty());
}
