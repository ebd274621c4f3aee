#include "PlanKept.hpp"
#include "Translate.hpp"

#include "Workspace.hpp"

#include <algorithm>
#include <optional>

namespace rollcoach {

namespace {

// Some time spent: a session stopped or cut off before its first step left nothing done.
bool spentTime(const SessionRecord& r) {
    return r.didWork();
}

} // namespace

Date firstDay(const std::vector<SessionRecord>& history, std::int64_t now) {
    std::int64_t first = localDate(now).daysSinceEpoch();
    for (const SessionRecord& r : history) {
        if (r.startedAt <= now) {
            first = std::min(first, localDate(r.startedAt).daysSinceEpoch());
        }
    }
    return Date::fromDaysSinceEpoch(first);
}

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
    return _("still due");
}

std::vector<PlannedDayState> planKept(const std::vector<std::pair<std::string, Routine>>& routines,
                                      const std::vector<SessionRecord>& history, Date first,
                                      int days, std::int64_t now, const Settings& settings) {
    const std::int64_t today = localDate(now).daysSinceEpoch();
    const std::int64_t start = firstDay(history, now).daysSinceEpoch();
    std::vector<PlannedDayState> kept;
    for (const PlannedSession& planned : weeklyPlan(routines, first, days, settings)) {
        PlannedDayState state{planned.routineFile, planned.title, planned.date, PlanState::StillDue,
                              planned.key};
        const std::int64_t day = planned.date.daysSinceEpoch();
        if (day < start) {
            continue; // before the person started: nothing was owed then
        }
        if (day <= today) {
            bool done = false;
            bool partial = false;
            for (const SessionRecord& r : history) {
                // A session still running, or one dated after `now`, says nothing yet.
                if (!isOf(r, planned.key, planned.title) || r.startedAt > now ||
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

std::string weekInWords(const PlanKeptSummary& summary) {
    if (summary.planned() == 0) {
        return {};
    }
    std::string line;
    auto add = [&](int count, const char* name) {
        if (count > 0) {
            line += (line.empty() ? "" : ", ") + std::to_string(count) + " " + name;
        }
    };
    add(summary.done, "done");
    add(summary.partial, "partial");
    add(summary.missed, "missed");
    add(summary.stillDue, _("still due"));
    return fillIn(_("This week: {0}."), line);
}

std::string weekEncouragement(const PlanKeptSummary& summary) {
    const int someDone = summary.done + summary.partial;
    if (summary.planned() == 0 || (someDone == 0 && summary.missed == 0)) {
        return {};
    }
    if (summary.partial == 0 && summary.missed == 0) {
        return _("Every session so far is done. Well kept.");
    }
    if (someDone > 0) {
        return _("Part of the week is done, and every session counts, short ones too.");
    }
    // Nothing done yet: the next session is a fresh start, with nothing owed.
    return _("The next session counts as much as any: there is nothing to make up.");
}

const char* shortDayName(Weekday day) {
    // TRANSLATORS: short weekday names, as the week at a glance shows them.
    static const char* const names[] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
                                        N_("Fri"), N_("Sat"), N_("Sun")};
    return translate(names[static_cast<int>(day)]);
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
            if (isOf(r, routine.key, routine.title) && r.startedAt <= now && spentTime(r)) {
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
