#pragma once

#include "Routine.hpp"
#include "TextFile.hpp"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace rollcoach {

/// The history database could not be used at all (unwritable folder, full disk, ...).
class HistoryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Seconds spent on one step, on one side, in one round.
struct StepRecord {
    int round = 1;
    Side side = Side::Left;
    std::size_t stepIndex = 0;
    std::string stepName;
    double seconds = 0;
    bool bothSides = false; ///< a step for both sides at once (`side`: the side first)
};

/// A 0-10 tension rating for a side, before or after working it.
struct CheckIn {
    Side side = Side::Left;
    bool after = false;
    int rating = 0;
    int round = 1;
};

/// One session as the history keeps it. `how` is "finished", "stopped", "interrupted", or
/// "running" while a live process still owns it.
struct SessionRecord {
    std::int64_t id = 0;
    std::string routineTitle; ///< as it was shown, in the language of the day
    /// The routine as its file names it (`title`, not `title_de`): what every session of one
    /// routine shares, in any language. The title shown, for sessions recorded before it was
    /// kept (`keyed` false) and not claimed by a session of their routine since.
    std::string routineKey;
    bool keyed = true;
    std::string routineHash;
    std::string routineFile;
    std::int64_t startedAt = 0; ///< seconds since the epoch, UTC
    std::optional<std::int64_t> endedAt;
    Side firstSide = Side::Left;
    std::string how;
    std::string stopReason;
    /// Time on each side. A step for both sides at once counts once: half of it is each
    /// side's, so the two add up to the session's time on the back.
    double leftS = 0;
    double rightS = 0;
    double bothS = 0;    ///< of which on steps for both sides at once (0 before format 3)
    double plannedS = 0; ///< per side; 0 in sessions recorded before it was kept
    std::vector<StepRecord> steps;
    std::vector<CheckIn> checkIns;

    /// The time the session took on the back, a step for both sides counted once.
    double totalS() const { return leftS + rightS; }
    /// A session that ended before any time on a side did nothing, and counts for nothing.
    bool didWork() const { return totalS() > 0; }
};

/// Session history in one SQLite file. Every write is a transaction and the journal is WAL,
/// so a process killed mid-session leaves everything up to its last finished step, and two
/// windows can write at once. A file SQLite finds damaged (or not a database), or one of a
/// newer format, is moved aside (never overwritten) and a new one started; a busy, full or
/// unwritable one is left as it is. Times are handed in: it reads no clock.
class History {
public:
    static constexpr int kSchemaVersion = 3;

    /// How long opening waits for another rollcoach that holds the history locked.
    static constexpr int kBusyTimeoutMs = 5000;

    /// Opens (or creates) `<dataDir>/history.sqlite`. `notice` receives what was done to a bad
    /// file, if anything. Throws HistoryError, naming the file and the reason, when no
    /// database can be used: still locked after `busyTimeoutMs`, a full disk, an I/O error.
    static std::unique_ptr<History> open(const std::string& dataDir, std::int64_t now,
                                         std::string& notice, int busyTimeoutMs = kBusyTimeoutMs);
    /// Opens the history file at `path` to read only, over a connection of its own (one per
    /// thread). Throws HistoryError, naming the file and the reason, when it cannot.
    static std::unique_ptr<History> openToRead(const std::string& path,
                                               int busyTimeoutMs = kBusyTimeoutMs);
    ~History();
    History(const History&) = delete;
    History& operator=(const History&) = delete;

    /// `title` as shown; `key` the routine as its file names it ("": the same as `title`).
    std::int64_t beginSession(const std::string& title, const std::string& hash,
                              const std::string& file, std::int64_t startedAt, Side firstSide,
                              double plannedPerSideS = 0, const std::string& key = {});
    /// Adds a finished (or partly done) step and the side totals so far, in one transaction.
    void recordStep(std::int64_t session, const StepRecord& step, double leftS, double rightS,
                    std::int64_t now, double bothS = 0);
    void recordCheckIn(std::int64_t session, const CheckIn& checkIn, std::int64_t now);
    void endSession(std::int64_t session, const std::string& how, const std::string& reason,
                    double leftS, double rightS, std::int64_t now, double bothS = 0);

    /// No limit: what a listing or a sum over the whole history asks for.
    static constexpr std::size_t kEverySession =
        static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());

    /// Sessions, newest first (at most `limit`); sessions whose process died show as
    /// "interrupted". Without `details`, steps and check-ins are left out: choosing a side
    /// needs only the totals, and a history of years has many thousands of steps.
    std::vector<SessionRecord> sessions(std::size_t limit = 1000, bool details = true) const;

    /// How many sessions the last call to sessions() left out because their start is no
    /// date they can have been on (another program wrote the history).
    std::size_t skippedSessions() const { return m_skipped; }

    const std::string& path() const { return m_path; }

    /// How long a write waits for a lock another program holds before it fails.
    int busyTimeout() const { return m_busyTimeoutMs; }
    void setBusyTimeout(int ms);

private:
    History(sqlite3* db, std::string path, int busyTimeoutMs)
        : m_db(db), m_path(std::move(path)), m_busyTimeoutMs(busyTimeoutMs) {}
    void exec(const std::string& sql) const;

    sqlite3* m_db = nullptr;
    std::string m_path;
    int m_busyTimeoutMs = kBusyTimeoutMs;
    mutable std::size_t m_skipped = 0;
};

/// The longest time a side, or a step, can have been worked in one session as the history
/// reads it: longer is taken as missing (0).
constexpr double kLongestRecordedS = 86400;

/// The times a session can have started or ended at as the history reads it: from 1970 to
/// the end of 9999 (less a day, so that it is no later than 9999 in any time zone).
constexpr std::int64_t kEarliestTime = 0;
constexpr std::int64_t kLatestTime = 253402300799 - 86400;

/// Whether a moment lies within kEarliestTime and kLatestTime.
bool isSaneTime(std::int64_t secondsSinceEpoch);

/// A moment in UTC, formatted with strftime's `format`.
std::string utcTime(std::int64_t secondsSinceEpoch, const char* format);

/// "2026-11-23T20:16:38Z" from seconds since the epoch.
inline std::string isoTime(std::int64_t secondsSinceEpoch) {
    return utcTime(secondsSinceEpoch, "%Y-%m-%dT%H:%M:%SZ");
}

/// A session counts as done for its day when it ran to its end and each side got at least
/// this share of its planned time: skipping through the steps leaves it partial.
constexpr double kDoneShare = 0.75;

/// Whether a session counts as done for its day (see kDoneShare).
bool countsAsDone(const SessionRecord& session);

/// What became of a session, in the words shown: "finished", "partial" (ran to its end with
/// a side short of its time), "stopped", "interrupted" or "running".
std::string outcome(const SessionRecord& session);

/// Whether a session was of the routine known as `key` (Routine::key) and shown as `title`:
/// by the key kept with it, in any language; a session recorded before keys were kept, by the
/// title it was shown with, in the language of today or as the file writes it.
bool isOf(const SessionRecord& session, const std::string& key, const std::string& title);

/// Which side a session starts on, and why, in plain words that do not name the side again
/// ("it went second last time"): they follow "start on the left side: ".
struct SideChoice {
    Side side = Side::Left;
    std::string why;
};

/// The first side for a routine: the routine's own choice if it names one; for `auto`, the
/// side that got less time over the last 14 days, else the side that went second last
/// time, else left. `historyRead` false: the history could not be read, and a left side
/// chosen for want of it says so rather than "no earlier session".
SideChoice chooseFirstSide(const Routine& routine, const std::vector<SessionRecord>& history,
                           std::int64_t now, bool historyRead = true);

} // namespace rollcoach
