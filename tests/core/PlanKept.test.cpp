#include "TestSupport.hpp"

#include "core/PlanKept.hpp"

#include <cstdlib>
#include <ctime>

using namespace rollcoach;

namespace {

constexpr std::int64_t kMonday = 1795435200; // 2026-11-23 12:00 UTC, a Monday
constexpr std::int64_t kDay = 86400;

void utc() {
    setenv("TZ", "UTC", 1);
    tzset();
}

Routine routine(const std::string& title, std::vector<Weekday> days) {
    Routine r;
    r.title = r.key = title;
    r.schedule.days = std::move(days);
    return r;
}

SessionRecord session(const std::string& title, std::int64_t started, const std::string& how,
                      double leftS, double rightS, double plannedS = 100) {
    SessionRecord r;
    r.routineTitle = title;
    r.routineKey = title;
    r.routineFile = title + ".yaml";
    r.startedAt = started;
    r.how = how;
    r.leftS = leftS;
    r.rightS = rightS;
    r.plannedS = plannedS;
    return r;
}

using Routines = std::vector<std::pair<std::string, Routine>>;

} // namespace

TEST_CASE("plan kept: done, partial, missed and still due across a week") {
    utc();
    const Routines routines = {
        {"wall.yaml", routine("Wall", {Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu})}};
    const std::int64_t wednesday = kMonday + 2 * kDay;
    const std::vector<SessionRecord> history = {
        session("Wall", kMonday + 3600, "finished", 100, 100),             // done
        session("Wall", kMonday + kDay + 60, "finished", 100, 40),         // partial: a side short
        session("Wall", kMonday + kDay + 7200, "interrupted", 0, 0),       // nothing: not counted
        session("Other", kMonday + 2 * kDay - 3600, "finished", 100, 100), // another routine
    };
    const auto week = planKept(routines, history, Date{2026, 11, 23}, 7, wednesday, Settings{});
    REQUIRE(week.size() == 4);
    CHECK(week[0].day == Date{2026, 11, 23});
    CHECK(week[0].routineFile == "wall.yaml");
    CHECK(week[0].routineTitle == "Wall");
    CHECK(week[0].state == PlanState::Done);
    CHECK(week[1].state == PlanState::Partial);
    CHECK(week[2].state == PlanState::StillDue); // today, nothing yet
    CHECK(week[3].state == PlanState::StillDue); // tomorrow
    const PlanKeptSummary s = summarisePlanKept(week);
    CHECK(s.done == 1);
    CHECK(s.partial == 1);
    CHECK(s.missed == 0);
    CHECK(s.stillDue == 2);
    CHECK(s.planned() == 4);
    CHECK(s.partlyKept());
    CHECK(std::string(planStateName(PlanState::StillDue)) == "still due");
    CHECK(std::string(planStateName(PlanState::Missed)) == "missed");

    // A day later, for someone who began the Sunday before: Monday and Wednesday were
    // missed, and today is done.
    const std::vector<SessionRecord> later = {
        session("Wall", wednesday + kDay, "finished", 90, 90),
        session("Other", kMonday - kDay, "finished", 100, 100)};
    const auto thursday = planKept(routines, later, Date{2026, 11, 23}, 7, wednesday + kDay, {});
    REQUIRE(thursday.size() == 4);
    CHECK(thursday[0].state == PlanState::Missed);
    CHECK(thursday[2].state == PlanState::Missed);
    CHECK(thursday[3].state == PlanState::Done);
}

TEST_CASE("plan kept: today is still due until a session with time in it") {
    utc();
    const Routines routines = {{"wall.yaml", routine("Wall", {Weekday::Mon})}};
    CHECK(planKept(routines, {}, Date{2026, 11, 23}, 1, kMonday, {})[0].state ==
          PlanState::StillDue);
    // Stopped before the first step: nothing done, still due.
    const std::vector<SessionRecord> stopped = {session("Wall", kMonday - 60, "stopped", 0, 0)};
    CHECK(planKept(routines, stopped, Date{2026, 11, 23}, 1, kMonday, {})[0].state ==
          PlanState::StillDue);
    // Stopped part-way: partial, as the session's rule says.
    const std::vector<SessionRecord> some = {session("Wall", kMonday - 60, "stopped", 30, 0)};
    CHECK(planKept(routines, some, Date{2026, 11, 23}, 1, kMonday, {})[0].state ==
          PlanState::Partial);
    // A session dated after `now` (a clock set back) counts for nothing yet.
    const std::vector<SessionRecord> future = {session("Wall", kMonday + 60, "finished", 100, 100)};
    CHECK(planKept(routines, future, Date{2026, 11, 23}, 1, kMonday, {})[0].state ==
          PlanState::StillDue);
}

TEST_CASE("plan kept: no routine with days, no plan") {
    utc();
    const Routines routines = {{"wall.yaml", routine("Wall", {})}};
    CHECK(planKept(routines, {}, Date{2026, 11, 23}, 7, kMonday, {}).empty());
    CHECK(planKept({}, {}, Date{2026, 11, 23}, 7, kMonday, {}).empty());
    CHECK(summarisePlanKept({}).planned() == 0);
    CHECK_FALSE(summarisePlanKept({}).partlyKept());
}

TEST_CASE("the week starts on Monday") {
    CHECK(weekStart(Date{2026, 11, 23}) == Date{2026, 11, 23});
    CHECK(weekStart(Date{2026, 11, 29}) == Date{2026, 11, 23}); // Sunday
    CHECK(weekStart(Date{2026, 12, 2}) == Date{2026, 11, 30});
    CHECK(weekStart(Date{2027, 1, 1}) == Date{2026, 12, 28}); // across the year
    utc();
    const Routines routines = {{"wall.yaml", routine("Wall", {Weekday::Mon, Weekday::Sun})}};
    // Someone who began last week.
    const std::vector<SessionRecord> before = {
        session("Wall", kMonday - 7 * kDay, "finished", 100, 100)};
    const auto week = weekKept(routines, before, kMonday + 3 * kDay, {});
    REQUIRE(week.size() == 2);
    CHECK(week[0].day == Date{2026, 11, 23});
    CHECK(week[0].state == PlanState::Missed);
    CHECK(week[1].day == Date{2026, 11, 29});
    CHECK(week[1].state == PlanState::StillDue);
}

TEST_CASE("overdue: a missed day of this week not taken up since") {
    utc();
    const Routines routines = {
        {"wall.yaml", routine("Wall", {Weekday::Mon, Weekday::Tue, Weekday::Fri})},
        {"lying.yaml", routine("Lying", {Weekday::Tue})},
    };
    const std::int64_t thursday = kMonday + 3 * kDay;
    // Wall: Monday done, Tuesday missed; Lying: Tuesday missed but done on Wednesday.
    const std::vector<SessionRecord> history = {
        session("Lying", kMonday + 2 * kDay, "stopped", 20, 0),
        session("Wall", kMonday, "finished", 100, 100),
    };
    const auto overdue = overdueSessions(routines, history, thursday, {});
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].routineFile == "wall.yaml");
    CHECK(overdue[0].routineTitle == "Wall");
    CHECK(overdue[0].since == Date{2026, 11, 24});
    // Nothing at all this week, for someone who began last week: overdue since its first
    // planned day.
    const std::vector<SessionRecord> lastWeek = {
        session("Other", kMonday - 7 * kDay, "finished", 100, 100)};
    const auto none = overdueSessions(routines, lastWeek, thursday, {});
    REQUIRE(none.size() == 2);
    CHECK(none[0].since == Date{2026, 11, 23});
    CHECK(none[1].since == Date{2026, 11, 24});
    // On Monday nothing can be overdue yet: last week's misses stay in last week.
    CHECK(overdueSessions(routines, lastWeek, kMonday, {}).empty());
    // Nor for someone new: nothing before their first day is owed.
    CHECK(overdueSessions(routines, {}, thursday, {}).empty());
}

TEST_CASE("the week in words, and a kind word for a week done in part") {
    PlanKeptSummary s;
    CHECK(weekInWords(s).empty());
    CHECK(weekEncouragement(s).empty());
    s.stillDue = 3;
    CHECK(weekInWords(s) == "This week: 3 still due.");
    CHECK(weekEncouragement(s).empty()); // nothing has come due yet
    s.done = 2;
    CHECK(weekInWords(s) == "This week: 2 done, 3 still due.");
    CHECK(weekEncouragement(s) == "Every session so far is done. Well kept.");
    s.partial = 1;
    s.missed = 1;
    CHECK(weekInWords(s) == "This week: 2 done, 1 partial, 1 missed, 3 still due.");
    CHECK(weekEncouragement(s) ==
          "Part of the week is done, and every session counts, short ones too.");
    const PlanKeptSummary missedOnly{0, 0, 2, 1};
    CHECK(weekEncouragement(missedOnly) ==
          "The next session counts as much as any: there is nothing to make up.");
    // No word of blame, whatever the week.
    for (const PlanKeptSummary& week : {s, missedOnly}) {
        for (const char* word : {"fail", "should", "behind", "only"}) {
            CHECK(weekEncouragement(week).find(word) == std::string::npos);
        }
    }
    CHECK(std::string(shortDayName(Weekday::Tue)) == "Tue");
}
