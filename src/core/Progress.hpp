#pragma once

#include "History.hpp"
#include "Routine.hpp"
#include "Translate.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// In pain research a drop of about 2 points on a 0-10 scale is the smallest change a person
/// notices as worth having; a smaller one may be only the day-to-day spread of a rating.
constexpr double kChangeThatMatters = 2.0;

/// Whether an after-minus-before change is a drop that matters (see kChangeThatMatters).
bool changeMatters(double change);

/// Which sessions a progress view covers. Times are handed in: it reads no clock.
struct ProgressQuery {
    /// Only sessions of this routine: those recorded from the same file, or of the routine
    /// with this key (Routine::key), in any language. Either may be empty.
    std::string routineFile;
    std::string routineKey;
    /// Only sessions started in the last `weeks` weeks before `now`; all of them when unset.
    std::optional<int> weeks;
    std::int64_t now = 0;
};

/// Why a session stopped at once, as the history keeps it.
/// Kept in the history in these words; shown in the language through stopReasonWords.
constexpr const char* kPainStopReason = N_("sharp pain, numbness or tingling");

/// Why a session stopped, as the history keeps it (in English), in the language.
std::string stopReasonWords(const std::string& stored);

/// A session stopped for sharp pain, numbness or tingling, and where it was.
struct PainStop {
    std::int64_t at = 0; ///< when the session started
    std::optional<std::int64_t> stoppedAt;
    std::string title;
    std::string key;                ///< Routine::key
    std::optional<StepRecord> step; ///< the step in progress, when one was recorded
    double workedS = 0;             ///< time on the back before the stop
};

/// Whether a session was stopped for pain.
bool isPainStop(const SessionRecord& session);
/// Where a session was stopped for pain; none for any other session.
std::optional<PainStop> painStopOf(const SessionRecord& session);
/// "left side, step "Press" (round 1), after 4:10 of work": where a pain stop came. Titles
/// and step names are as stored; `isolate` wraps them as bidirectional isolates.
std::string painStopWhere(const PainStop& stop, bool isolate = false);

/// One session's tension on one side: each the average over the rounds rated.
struct SideSession {
    std::int64_t startedAt = 0; ///< seconds since the epoch, UTC
    std::string routineTitle;
    std::optional<double> before;
    std::optional<double> after;
    std::optional<PainStop> painStop; ///< the session was stopped for pain

    /// After minus before; unset unless both were rated.
    std::optional<double> change() const;
    /// True when the change is a drop that matters; never for a session stopped for pain,
    /// whatever its ratings say.
    bool matters() const;
};

/// A side's sessions taken together. The averages are over the sessions that have that
/// rating (the change over those with both), so a rating given only before does not hide
/// the others; each is unset when no session has it.
struct SideSummary {
    int sessions = 0; ///< with any rating on this side
    int paired = 0;   ///< with a rating both before and after
    int mattered = 0; ///< with a drop that matters
    std::optional<double> averageBefore;
    std::optional<double> averageAfter;
    std::optional<double> averageChange;
};

/// The tension trend of one side, oldest session first.
struct SideProgress {
    Side side = Side::Left;
    std::vector<SideSession> sessions;
    SideSummary summary;
};

/// Both sides' trends.
struct Progress {
    SideProgress left{Side::Left, {}, {}};
    SideProgress right{Side::Right, {}, {}};
    std::vector<PainStop> painStops; ///< every session stopped for pain, oldest first

    bool empty() const { return left.sessions.empty() && right.sessions.empty(); }
    const SideProgress& of(Side side) const { return side == Side::Left ? left : right; }
};

/// A rating as a person reads it: "6", "5.5" ("5,5" in German); "-" when not given. Machine
/// formats (CSV, JSON) write their own.
std::string ratingText(const std::optional<double>& value);
/// A change with its sign, so a drop and a rise read apart: "-3", "+1", "0"; "-" when unset.
std::string changeText(const std::optional<double>& value);

/// The per-side tension trend from the history's sessions (in any order; check-ins needed).
/// Sessions of any outcome count: a rating given before a pain stop is still a rating; a
/// session left before any time on a side counts for nothing.
/// A rating outside 0-10, which only another program could have stored, is left out.
Progress tensionProgress(const std::vector<SessionRecord>& history, const ProgressQuery& query);

} // namespace rollcoach
