#pragma once

#include "History.hpp"
#include "Routine.hpp"
#include "Schedule.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// How a planned session went. Partial follows the session's own rule (countsAsDone): some
/// time was spent on it that day, but it did not count as done.
enum class PlanState { Done, Partial, Missed, StillDue };

/// "done", "partial", "missed", "still due": the words shown and printed.
const char* planStateName(PlanState state);

/// One planned session (a routine on one of its `days`) and how it went.
struct PlannedDayState {
    std::string routineFile;
    std::string routineTitle;
    Date day;
    PlanState state = PlanState::StillDue;
    std::string routineKey; ///< Routine::key: how the history knows the routine
};

/// The person's first day with rollcoach: the local day of the first session in the history
/// (up to `now`), or today when there is none. Nothing planned before it is owed.
Date firstDay(const std::vector<SessionRecord>& history, std::int64_t now);

/// Each planned session (routine days) on the days from `first` for `days` days, and how it
/// went, from the history (any order). Days after today (from `now`) are StillDue, today is
/// StillDue until done or partial, past days without a session are Missed. A session counts
/// for its routine (in any language: Routine::key) on the local day it started. Days before the
/// person's first day (firstDay) are left out: nobody missed a session before they began.
std::vector<PlannedDayState> planKept(const std::vector<std::pair<std::string, Routine>>& routines,
                                      const std::vector<SessionRecord>& history, Date first,
                                      int days, std::int64_t now, const Settings& settings);

/// The Monday of the week that holds `day` (weeks start on Monday, like the routines' days).
Date weekStart(Date day);

/// The plan kept over the week (Monday to Sunday) that holds `now`.
std::vector<PlannedDayState> weekKept(const std::vector<std::pair<std::string, Routine>>& routines,
                                      const std::vector<SessionRecord>& history, std::int64_t now,
                                      const Settings& settings);

/// Adherence summary: how many planned sessions are in each state.
struct PlanKeptSummary {
    int done = 0;
    int partial = 0;
    int missed = 0;
    int stillDue = 0;

    int planned() const { return done + partial + missed + stillDue; }
    /// Something was done, but not all that has come due so far.
    bool partlyKept() const { return (done + partial) > 0 && (partial + missed) > 0; }
};

PlanKeptSummary summarisePlanKept(const std::vector<PlannedDayState>& plan);

/// The week in one line: "This week: 2 done, 1 partial, 1 missed, 3 still due." Only the
/// states there are; "" when nothing is planned.
std::string weekInWords(const PlanKeptSummary& summary);

/// A kind word on the week so far, never a reproach: a week done in part is praised for what
/// was done, and missed sessions are never to be made up. "" when there is nothing to say.
std::string weekEncouragement(const PlanKeptSummary& summary);

/// "Mon", "Tue", ...: a day as the week at a glance and `next` name it, in the language.
const char* shortDayName(Weekday day);

/// A routine missed on an earlier planned day and not taken up since.
struct OverdueSession {
    std::string routineFile;
    std::string routineTitle;
    Date since; ///< the first planned day missed after its last session
};

/// The routines of the week that holds `now` that are overdue: planned on an earlier day of
/// the week, missed, and with no session of them (any time spent) since that day. Each
/// routine once, in the order of `routines`.
std::vector<OverdueSession>
overdueSessions(const std::vector<std::pair<std::string, Routine>>& routines,
                const std::vector<SessionRecord>& history, std::int64_t now,
                const Settings& settings);

} // namespace rollcoach
