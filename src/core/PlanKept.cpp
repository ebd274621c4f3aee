#include "PlanKept.hpp"

#include "Workspace.hpp"

#include <algorithm>
#include <optional>

namespace rollcoach {

namespace {

// Some time spent: a session stopped or cut off before its first step left nothing done.
bool spentTime(const SessionRecord& r) {
    return r.leftS + r.rightS > 0;
}

} // namespace

const char* planStateName(PlanState state) {
    switch (state) {
    case PlanState::Done:
        return "done";
    case PlanState::Partial:
        return "partial";
    case PlanState::Missed:
        return "missed";
    case PlanState::StillDue:
        break;
    }
    return "still due";
}

std::vector<PlannedDayState> planKept(const std::vector<std::pair<std::string, Routine>>& routines,
                                      const std::vector<SessionRecord>& history, Date first,
                                      int days, std::int64_t now, const Settings& settings) {
    const std::int64_t today = localDate(now).daysSinceEpoch();
    std::vector<PlannedDayState> kept;
    for (const PlannedSession& planned : weeklyPlan(routines, first, days, settings)) {
        PlannedDayState state{planned.routineFile, planned.title, planned.date,
                              PlanState::StillDue};
        const std::int64_t day = planned.date.daysSinceEpoch();
        if (day <= today) {
            bool done = false;
            bool partial = false;
            for (const SessionRecord& r : history) {
                // A session still running, or one dated after `now`, says nothing yet.
                if (r.routineTitle != planned.title || r.startedAt > now ||
                    localDate(r.startedAt).daysSinceEpoch() != day) {
                    continue;
                }
                if (countsAsDone(r)) {
                    done = true;
                } else if (spentTime(r) && r.how != "running") {
                    partial = true;
                }
            }
            if (done) {
                state.state = PlanState::Done;
            } else if (partial) {
                state.state = PlanState::Partial;
            } else if (day < today) {
                state.state = PlanState::Missed;
            }
        }
        kept.push_back(std::move(state));
    }
    return kept;
}

Date weekStart(Date day) {
    return day.plusDays(-static_cast<int>(day.weekday()));
}

std::vector<PlannedDayState> weekKept(const std::vector<std::pair<std::string, Routine>>& routines,
                                      const std::vector<SessionRecord>& history, std::int64_t now,
                                      const Settings& settings) {
    return planKept(routines, history, weekStart(localDate(now)), 7, now, settings);
}

PlanKeptSummary summarisePlanKept(const std::vector<PlannedDayState>& plan) {
    PlanKeptSummary s;
    for (const PlannedDayState& p : plan) {
        switch (p.state) {
        case PlanState::Done:
            ++s.done;
            break;
        case PlanState::Partial:
            ++s.partial;
            break;
        case PlanState::Missed:
            ++s.missed;
            break;
        case PlanState::StillDue:
            ++s.stillDue;
            break;
        }
    }
    return s;
}

std::vector<OverdueSession>
overdueSessions(const std::vector<std::pair<std::string, Routine>>& routines,
                const std::vector<SessionRecord>& history, std::int64_t now,
                const Settings& settings) {
    const Date today = localDate(now);
    const std::vector<PlannedDayState> week = weekKept(routines, history, now, settings);
    std::vector<OverdueSession> overdue;
    for (const auto& [file, routine] : routines) {
        // The day of the routine's latest session with time spent, this week, up to now.
        std::optional<std::int64_t> lastSession;
        for (const SessionRecord& r : history) {
            if (r.routineTitle == routine.title && r.startedAt <= now && spentTime(r)) {
                const std::int64_t day = localDate(r.startedAt).daysSinceEpoch();
                lastSession = std::max(lastSession.value_or(day), day);
            }
        }
        for (const PlannedDayState& p : week) {
            const std::int64_t day = p.day.daysSinceEpoch();
            if (p.routineFile == file && p.state == PlanState::Missed &&
                day < today.daysSinceEpoch() && (!lastSession || *lastSession < day)) {
                overdue.push_back({file, routine.title, p.day});
                break; // the week is in day order: this is the first one
            }
        }
    }
    return overdue;
}

} // namespace rollcoach
