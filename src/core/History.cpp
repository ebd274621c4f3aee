#include "History.hpp"
#include "Translate.hpp"

#include "Timeline.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <unordered_map>

namespace rollcoach {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kLedgerDays = 14;

// A failure SQLite reported, with its result code: the code tells a damaged file (moved
// aside) from one that is busy, on a full disk or unwritable (left alone).
class SqliteFailure : public HistoryError {
public:
    SqliteFailure(sqlite3* db, const std::string& prefix, const char* message = nullptr)
        : HistoryError(prefix + (message ? message : sqlite3_errmsg(db))),
          m_code(sqlite3_errcode(db)) {}
    int code() const { return m_code & 0xff; }

private:
    int m_code;
};

// A prepared statement that finalises itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : m_db(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
            throw SqliteFailure(db, "history: ");
        }
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(m_statement, i, v);
        return *this;
    }
    Statement& bind(int i, double v) {
        sqlite3_bind_double(m_statement, i, v);
        return *this;
    }
    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(m_statement, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            throw SqliteFailure(m_db, "history: ");
        }
        return false;
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    double real(int column) const { return sqlite3_column_double(m_statement, column); }
    sqlite3_stmt* statement() const { return m_statement; }
    bool isNull(int column) const {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    std::string text(int column) const {
        const unsigned char* t = sqlite3_column_text(m_statement, column);
        return t ? reinterpret_cast<const char*>(t) : "";
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
};

// Runs SQL that returns no rows; throws HistoryError with SQLite's message.
void execute(sqlite3* db, const char* sql, const std::string& where = {}) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const SqliteFailure failure(db, where.empty() ? "" : where + ": ", message);
        sqlite3_free(message);
        throw failure;
    }
}

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    routine_title TEXT NOT NULL,
    routine_hash TEXT NOT NULL,
    routine_file TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    updated_at INTEGER NOT NULL,
    first_side TEXT NOT NULL CHECK (first_side IN ('left', 'right')),
    how TEXT NOT NULL CHECK (how IN ('running', 'finished', 'stopped', 'interrupted')),
    stop_reason TEXT NOT NULL DEFAULT '',
    left_s REAL NOT NULL DEFAULT 0,
    right_s REAL NOT NULL DEFAULT 0,
    pid INTEGER NOT NULL,
    process_start TEXT NOT NULL DEFAULT '',
    planned_s REAL NOT NULL DEFAULT 0,
    both_s REAL NOT NULL DEFAULT 0,
    routine_key TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS steps (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    round INTEGER NOT NULL,
    side TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    step_name TEXT NOT NULL,
    seconds REAL NOT NULL,
    both_sides INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS check_ins (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    round INTEGER NOT NULL,
    side TEXT NOT NULL,
    moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
    at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions(started_at);
)";

std::string stamp(std::int64_t now) {
    return utcTime(now, "%Y%m%d-%H%M%S");
}

// Moves a file that cannot be used out of the way, keeping it for the user.
std::string moveAside(const std::string& path, const std::string& why, std::int64_t now) {
    std::string target = path + "." + why + "-" + stamp(now);
    for (int n = 2; fs::exists(target); ++n) {
        target = path + "." + why + "-" + stamp(now) + "-" + std::to_string(n);
    }
    std::error_code ec;
    fs::rename(path, target, ec);
    if (ec) {
        throw HistoryError(
            fillIn(_("{0}: cannot move the unusable history aside: {1}"), path, ec.message()));
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        if (fs::exists(path + suffix)) {
            fs::rename(path + suffix, target + suffix, ec);
        }
    }
    return target;
}

// What became of an attempt to open the history file.
enum class Opened {
    Usable,
    Damaged, ///< SQLite says it is no database or a damaged one: move it aside
    Newer,   ///< a later rollcoach wrote it: move it aside, never overwrite it
    Failed,  ///< busy, full disk, I/O error, no permission: an error, the file left alone
};

struct Attempt {
    Opened outcome = Opened::Usable;
    std::string error;
};

// The history's format from the meta table, which must be a whole number.
bool parseFormat(const std::string& text, int& format) {
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    format = std::stoi(text);
    return true;
}

// Whether a table has a column: a history carried over from an older format may have been
// given it already.
bool hasColumn(sqlite3* db, const char* table, const char* column) {
    const std::string sql = std::string("PRAGMA table_info(") + table + ")";
    Statement info(db, sql.c_str());
    while (info.step()) {
        if (info.text(1) == column) {
            return true;
        }
    }
    return false;
}

// Opens and checks a database file. A lock held by another rollcoach is waited on for up to
// `busyTimeoutMs` at every step, the first pragma included.
Attempt tryOpen(const std::string& path, sqlite3*& db, int busyTimeoutMs) {
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        Attempt attempt{Opened::Failed, db ? sqlite3_errmsg(db) : _("cannot open")};
        if (db != nullptr && (sqlite3_errcode(db) & 0xff) == SQLITE_NOTADB) {
            attempt.outcome = Opened::Damaged;
        }
        sqlite3_close(db);
        db = nullptr;
        return attempt;
    }
    sqlite3_busy_timeout(db, busyTimeoutMs);
    Attempt attempt;
    try {
        auto run = [&](const char* sql) { execute(db, sql); };
        run("PRAGMA journal_mode=WAL");
        run("PRAGMA synchronous=NORMAL");
        run("PRAGMA foreign_keys=ON");
        {
            Statement check(db, "PRAGMA quick_check");
            if (!check.step() || check.text(0) != "ok") {
                attempt = {Opened::Damaged, _("the database is damaged")};
            }
        }
        if (attempt.outcome == Opened::Usable) {
            run("BEGIN IMMEDIATE");
            run(kSchema);
            Statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
            int found = History::kSchemaVersion;
            if (!version.step()) {
                run(("INSERT INTO meta VALUES ('schema_version', '" +
                     std::to_string(History::kSchemaVersion) + "')")
                        .c_str());
            } else if (!parseFormat(version.text(0), found)) {
                attempt = {
                    Opened::Failed,
                    fillIn(_("the history's format is not a number (\"{0}\" in its meta table)"),
                           version.text(0))};
            } else if (found > History::kSchemaVersion) {
                attempt = {Opened::Newer,
                           fillIn(_("it was written by a newer version of rollcoach (format {0})"),
                                  version.text(0))};
            } else if (found < 2) {
                // Format 1 kept no planned time, so its sessions cannot tell done from
                // partial; they keep planned_s 0 and count as they were recorded.
                run("ALTER TABLE sessions ADD COLUMN planned_s REAL NOT NULL DEFAULT 0");
                run("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
                found = 2;
            }
            if (attempt.outcome == Opened::Usable && found < 3) {
                // Format 2 counted a step for both sides once for each side; its sessions
                // keep their times as they were recorded.
                if (!hasColumn(db, "sessions", "both_s")) {
                    run("ALTER TABLE sessions ADD COLUMN both_s REAL NOT NULL DEFAULT 0");
                }
                if (!hasColumn(db, "steps", "both_sides")) {
                    run("ALTER TABLE steps ADD COLUMN both_sides INTEGER NOT NULL DEFAULT 0");
                }
                run("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
            }
            if (attempt.outcome == Opened::Usable) {
                // A session's steps and check-ins are found by its id: without these, every
                // screen and command read the whole of both tables once per session. Indices
                // change nothing an older rollcoach reads, so the format stays as it is; a
                // file made before them gains them here.
                run("CREATE INDEX IF NOT EXISTS steps_by_session ON steps(session_id)");
                run("CREATE INDEX IF NOT EXISTS check_ins_by_session ON check_ins(session_id)");
                run("CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions(started_at, id)");
                // The routine as written, whatever language it was shown in. Like the
                // indices, a column an older rollcoach does not read leaves the format as
                // it is; its sessions, and those an older one still writes, have it empty.
                if (!hasColumn(db, "sessions", "routine_key")) {
                    run("ALTER TABLE sessions ADD COLUMN routine_key TEXT NOT NULL DEFAULT ''");
                }
            }
            run(attempt.outcome == Opened::Usable ? "COMMIT" : "ROLLBACK");
        }
    } catch (const SqliteFailure& failure) {
        const bool damaged = failure.code() == SQLITE_NOTADB || failure.code() == SQLITE_CORRUPT;
        attempt = {damaged ? Opened::Damaged : Opened::Failed, failure.what()};
    } catch (const std::exception& error) {
        attempt = {Opened::Failed, error.what()};
    }
    if (attempt.outcome != Opened::Usable) {
        sqlite3_close(db);
        db = nullptr;
    }
    return attempt;
}

// A process's start time in clock ticks since boot (field 22 of /proc/PID/stat), and whether
// it is a zombie: with the pid, this tells a live owner from a dead one whose pid was reused.
bool readProcess(std::int64_t pid, std::string& start, bool& zombie) {
    std::FILE* file = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    if (file == nullptr) {
        return false;
    }
    char buffer[1024];
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    buffer[n] = '\0';
    const char* afterName = std::strrchr(buffer, ')'); // the name may hold spaces
    if (afterName == nullptr) {
        return false;
    }
    zombie = afterName[2] == 'Z' || afterName[2] == 'X';
    const char* field = afterName + 2; // field 3, the state
    for (int i = 3; i < 22 && field != nullptr; ++i) {
        field = std::strchr(field, ' ');
        field = field ? field + 1 : nullptr;
    }
    if (field == nullptr) {
        return false;
    }
    start.assign(field, std::strcspn(field, " "));
    return true;
}

std::string ownStart() {
    std::string start;
    bool zombie = false;
    readProcess(getpid(), start, zombie);
    return start;
}

bool processAlive(std::int64_t pid, const std::string& recordedStart) {
    if (pid <= 0) {
        return false;
    }
    std::string start;
    bool zombie = false;
    if (readProcess(pid, start, zombie)) {
        return !zombie && (recordedStart.empty() || start == recordedStart);
    }
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// The history is a file any program may write. What no session can hold is taken as missing
// where it is read, so that nothing after it prints "inf s", a tension of 99 or a date two
// hundred million years on: a time that is not a number, negative or longer than a day is 0.
double secondsRead(double value) {
    return std::isfinite(value) && value >= 0 && value <= kLongestRecordedS ? value : 0;
}

// A round or a step number beyond any routine's is kept within one.
int countRead(std::int64_t value) {
    return static_cast<int>(std::clamp<std::int64_t>(value, 0, 100000));
}

} // namespace

bool isSaneTime(std::int64_t secondsSinceEpoch) {
    return secondsSinceEpoch >= kEarliestTime && secondsSinceEpoch <= kLatestTime;
}

std::unique_ptr<History> History::open(const std::string& dataDir, std::int64_t now,
                                       std::string& notice, int busyTimeoutMs) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        throw HistoryError(
            fillIn(_("{0}: cannot create the data folder: {1}"), dataDir, ec.message()));
    }
    const std::string path = (fs::path(dataDir) / "history.sqlite").string();
    if (fs::exists(path, ec) && access(path.c_str(), R_OK | W_OK) != 0) {
        throw HistoryError(fillIn(_("{0}: cannot read and write the history file: {1}"), path,
                                  std::strerror(errno)));
    }
    sqlite3* db = nullptr;
    Attempt attempt = tryOpen(path, db, busyTimeoutMs);
    if (attempt.outcome == Opened::Failed) {
        // Busy, a full disk, an I/O error: the file may be perfectly healthy, so it stays.
        if (!fs::exists(path, ec) && access(dataDir.c_str(), W_OK) != 0) {
            throw HistoryError(
                fillIn(_("{0}: the data folder is read-only: history cannot be saved"), dataDir));
        }
        throw HistoryError(path + ": " + attempt.error);
    }
    if (attempt.outcome != Opened::Usable) {
        if (access(dataDir.c_str(), W_OK) != 0) {
            throw HistoryError(
                fillIn(_("{0}: the data folder is read-only: history cannot be saved"), dataDir));
        }
        // Keep the bad file for the user, start afresh beside it.
        const std::string aside =
            moveAside(path, attempt.outcome == Opened::Newer ? "newer" : "corrupt", now);
        notice = fillIn(_("{0}: {1}; it was moved to {2} and a new history started"), path,
                        attempt.error, aside);
        attempt = tryOpen(path, db, busyTimeoutMs);
        if (attempt.outcome != Opened::Usable) {
            throw HistoryError(path + ": " + attempt.error);
        }
    }
    return std::unique_ptr<History>(new History(db, path, busyTimeoutMs));
}

std::unique_ptr<History> History::openToRead(const std::string& path, int busyTimeoutMs) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string why = db != nullptr ? sqlite3_errmsg(db) : _("cannot open");
        sqlite3_close(db);
        throw HistoryError(path + ": " + fillIn(_("cannot read the history: {0}"), why));
    }
    sqlite3_busy_timeout(db, busyTimeoutMs);
    return std::unique_ptr<History>(new History(db, path, busyTimeoutMs));
}

History::~History() {
    sqlite3_close(m_db);
}

void History::setBusyTimeout(int ms) {
    m_busyTimeoutMs = ms;
    sqlite3_busy_timeout(m_db, ms);
}

void History::exec(const std::string& sql) const {
    execute(m_db, sql.c_str(), m_path);
}

std::int64_t History::beginSession(const std::string& title, const std::string& hash,
                                   const std::string& file, std::int64_t startedAt, Side firstSide,
                                   double plannedPerSideS, const std::string& key) {
    // One transaction: a session begun twice (a write tried again) would count twice.
    exec("BEGIN IMMEDIATE");
    try {
        Statement insert(m_db, "INSERT INTO sessions (routine_title, routine_hash, routine_file, "
                               "started_at, updated_at, first_side, how, pid, process_start, "
                               "planned_s, routine_key) VALUES (?, ?, ?, ?, ?, ?, 'running', ?, "
                               "?, ?, ?)"); // untranslated: SQL
        insert.bind(1, title).bind(2, hash).bind(3, file).bind(4, startedAt).bind(5, startedAt);
        insert.bind(6, std::string(sideName(firstSide)))
            .bind(7, static_cast<std::int64_t>(getpid()));
        const std::string& known = key.empty() ? title : key;
        insert.bind(8, ownStart()).bind(9, plannedPerSideS).bind(10, known);
        insert.step();
        const std::int64_t id = sqlite3_last_insert_rowid(m_db);
        // Sessions recorded before keys were kept, under the title shown now or as written,
        // were of this routine: they take its key, and count with it in every language from
        // now on. (Those shown in another language wait for a session in that language.)
        Statement claim(m_db, "UPDATE sessions SET routine_key = ? WHERE routine_key = '' AND "
                              "routine_title IN (?, ?)"); // untranslated: SQL
        claim.bind(1, known).bind(2, title).bind(3, known);
        claim.step();
        exec("COMMIT");
        return id;
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void History::recordStep(std::int64_t session, const StepRecord& step, double leftS, double rightS,
                         std::int64_t now, double bothS) {
    exec("BEGIN IMMEDIATE");
    try {
        Statement insert(m_db, "INSERT INTO steps (session_id, round, side, step_index, "
                               "step_name, seconds, both_sides) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, session).bind(2, static_cast<std::int64_t>(step.round));
        insert.bind(3, std::string(sideName(step.side)));
        insert.bind(4, static_cast<std::int64_t>(step.stepIndex)).bind(5, step.stepName);
        insert.bind(6, step.seconds).bind(7, static_cast<std::int64_t>(step.bothSides ? 1 : 0));
        insert.step();
        Statement update(m_db, "UPDATE sessions SET left_s = ?, right_s = ?, both_s = ?, "
                               "updated_at = ? WHERE id = ?"); // untranslated: SQL
        update.bind(1, leftS).bind(2, rightS).bind(3, bothS).bind(4, now).bind(5, session);
        update.step();
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void History::recordCheckIn(std::int64_t session, const CheckIn& checkIn, std::int64_t now) {
    // An answer changed while its question was open replaces the one before, in one
    // transaction: each question is kept once, with its last answer.
    exec("BEGIN IMMEDIATE");
    try {
        Statement replaced(m_db, "DELETE FROM check_ins WHERE session_id = ? AND round = ? AND "
                                 "side = ? AND moment = ?"); // untranslated: SQL
        replaced.bind(1, session).bind(2, static_cast<std::int64_t>(checkIn.round));
        replaced.bind(3, std::string(sideName(checkIn.side)));
        replaced.bind(4, std::string(checkIn.after ? "after" : "before"));
        replaced.step();
        Statement insert(m_db, "INSERT INTO check_ins VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, session).bind(2, static_cast<std::int64_t>(checkIn.round));
        insert.bind(3, std::string(sideName(checkIn.side)));
        insert.bind(4, std::string(checkIn.after ? "after" : "before"));
        insert.bind(5, static_cast<std::int64_t>(checkIn.rating)).bind(6, now);
        insert.step();
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void History::endSession(std::int64_t session, const std::string& how, const std::string& reason,
                         double leftS, double rightS, std::int64_t now, double bothS) {
    Statement update(m_db,
                     "UPDATE sessions SET how = ?, stop_reason = ?, left_s = ?, right_s = ?, "
                     "both_s = ?, ended_at = ?, updated_at = ? WHERE id = ?"); // untranslated: SQL
    update.bind(1, how).bind(2, reason).bind(3, leftS).bind(4, rightS).bind(5, bothS);
    update.bind(6, now).bind(7, now).bind(8, session);
    update.step();
}

std::vector<SessionRecord> History::sessions(std::size_t limit, bool details) const {
    std::vector<SessionRecord> out;
    // A history no rollcoach that keeps the routine's key has written to yet (read only here)
    // has no such column: its sessions are known by their titles.
    const std::string sql =
        std::string("SELECT id, routine_title, routine_hash, routine_file, started_at, "
                    "ended_at, first_side, how, stop_reason, left_s, right_s, pid, "
                    "updated_at, process_start, planned_s, both_s, ") + // untranslated: SQL
        (hasColumn(m_db, "sessions", "routine_key") ? "routine_key" : "''") +
        " FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?"; // untranslated: SQL
    Statement query(m_db, sql.c_str());
    query.bind(1, static_cast<std::int64_t>(limit));
    m_skipped = 0;
    while (query.step()) {
        SessionRecord r;
        r.id = query.integer(0);
        // A session with no date it can have been on belongs to no day: it is left out, and
        // counted so that the commands can say so.
        if (!isSaneTime(query.integer(4))) {
            ++m_skipped;
            continue;
        }
        r.routineTitle = query.text(1);
        r.routineHash = query.text(2);
        r.routineFile = query.text(3);
        r.startedAt = query.integer(4);
        if (!query.isNull(5)) {
            r.endedAt = query.integer(5);
        }
        r.firstSide = query.text(6) == "right" ? Side::Right : Side::Left;
        r.how = query.text(7);
        r.stopReason = query.text(8);
        r.leftS = secondsRead(query.real(9));
        r.rightS = secondsRead(query.real(10));
        r.plannedS = secondsRead(query.real(14));
        r.bothS = secondsRead(query.real(15));
        r.keyed = !query.text(16).empty();
        r.routineKey = r.keyed ? query.text(16) : r.routineTitle;
        if (r.how == "running" && !processAlive(query.integer(11), query.text(13))) {
            // Its process is gone (killed, power cut): what it wrote is what was done.
            r.how = "interrupted";
            r.endedAt = query.integer(12);
        }
        if (r.endedAt && !isSaneTime(*r.endedAt)) {
            r.endedAt.reset();
        }
        out.push_back(std::move(r));
    }
    if (!details) {
        return out;
    }
    // Two queries for every session's steps and check-ins, not two per session.
    std::unordered_map<std::int64_t, SessionRecord*> byId;
    for (SessionRecord& r : out) {
        byId[r.id] = &r;
    }
    const char* const chosen =
        "(SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?)"; // untranslated: SQL
    const std::string stepsSql =
        std::string(
            "SELECT session_id, round, side, step_index, "
            "step_name, seconds, both_sides FROM steps WHERE session_id IN ") + // untranslated: SQL
        chosen +
        " ORDER BY rowid"; // untranslated: SQL
    Statement steps(m_db, stepsSql.c_str());
    steps.bind(1, static_cast<std::int64_t>(limit));
    while (steps.step()) {
        const auto found = byId.find(steps.integer(0));
        if (found == byId.end()) {
            continue;
        }
        found->second->steps.push_back(
            {countRead(steps.integer(1)), steps.text(2) == "right" ? Side::Right : Side::Left,
             static_cast<std::size_t>(countRead(steps.integer(3))), steps.text(4),
             secondsRead(steps.real(5)), steps.integer(6) != 0});
    }
    const std::string checksSql =
        std::string("SELECT session_id, round, side, moment, rating "
                    "FROM check_ins WHERE session_id IN ") + // untranslated: SQL
        chosen +
        " ORDER BY rowid"; // untranslated: SQL
    Statement checks(m_db, checksSql.c_str());
    checks.bind(1, static_cast<std::int64_t>(limit));
    while (checks.step()) {
        const auto found = byId.find(checks.integer(0));
        if (found == byId.end()) {
            continue;
        }
        // A tension off the 0-10 scale (or no whole number at all) was never given.
        const std::int64_t rating = checks.integer(4);
        if (sqlite3_column_type(checks.statement(), 4) != SQLITE_INTEGER || rating < 0 ||
            rating > 10) {
            continue;
        }
        found->second->checkIns.push_back({checks.text(2) == "right" ? Side::Right : Side::Left,
                                           checks.text(3) == "after", static_cast<int>(rating),
                                           countRead(checks.integer(1))});
    }
    return out;
}

std::string utcTime(std::int64_t secondsSinceEpoch, const char* format) {
    const std::time_t t = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &tm);
    return buffer;
}

bool countsAsDone(const SessionRecord& session) {
    if (session.how != "finished") {
        return false;
    }
    // Sessions from before the planned time was kept count as they were recorded.
    const double needed = kDoneShare * session.plannedS;
    return session.leftS >= needed - 0.5 && session.rightS >= needed - 0.5;
}

std::string outcome(const SessionRecord& session) {
    if (session.how == "finished" && !countsAsDone(session)) {
        return "partial";
    }
    return session.how;
}

bool isOf(const SessionRecord& session, const std::string& key, const std::string& title) {
    if (session.keyed) {
        return session.routineKey == key;
    }
    return session.routineTitle == title || session.routineTitle == key;
}

SideChoice chooseFirstSide(const Routine& routine, const std::vector<SessionRecord>& history,
                           std::int64_t now, bool historyRead) {
    if (routine.schedule.firstSide == FirstSide::Left) {
        return {Side::Left, _("the routine starts there")};
    }
    if (routine.schedule.firstSide == FirstSide::Right) {
        return {Side::Right, _("the routine starts there")};
    }
    // The ledger: every session of the last 14 days, whatever the routine.
    double left = 0;
    double right = 0;
    const SessionRecord* lastUneven = nullptr; // the newest session that left the sides uneven
    for (const SessionRecord& r : history) {   // newest first
        if (!r.didWork()) {
            continue; // left before any time on a side: it counts for nothing
        }
        if (r.startedAt >= now - kLedgerDays * 86400 && r.startedAt <= now) {
            left += r.leftS;
            right += r.rightS;
            if (lastUneven == nullptr && std::abs(r.leftS - r.rightS) >= 1.0) {
                lastUneven = &r;
            }
        }
    }
    if (std::abs(left - right) >= 1.0) {
        const Side behind = left < right ? Side::Left : Side::Right;
        // A full session gives both sides the same time, so a deficit does not shrink by
        // itself; once a later session has started on the side behind, it has been made up
        // for in the order, and plain alternation takes over again.
        bool madeUp = false;
        for (const SessionRecord& r : history) {
            if (&r == lastUneven) {
                break;
            }
            madeUp = madeUp || (r.didWork() && r.firstSide == behind);
        }
        if (!madeUp) {
            return {behind, fillIn(_("it got {0} less over the last 14 days"),
                                   minutesAndSeconds(std::abs(left - right)))};
        }
    }
    for (const SessionRecord& r : history) { // newest first
        if (isOf(r, routine.key, routine.title) && r.didWork()) {
            const Side next = otherSide(r.firstSide);
            return {next, _("it went second last time")};
        }
    }
    return {Side::Left, historyRead ? _("no earlier session") : _("the history could not be read")};
}

} // namespace rollcoach
