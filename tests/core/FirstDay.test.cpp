// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/PlanKept.hpp"
#include "core/Workspace.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kMonday = 1795435200; // 2026-11-23 12:00 UTC, a Monday
constexpr std::int64_t kDay = 86400;

void utc() {
    setenv("TZ", "UTC", 1);
    tzset();
}

Routine everyDay(const std::string& title) {
    Routine r;
    r.title = r.key = title;
    r.schedule.days = {Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu,
                       Weekday::Fri, Weekday::Sat, Weekday::Sun};
    return r;
}

SessionRecord finished(const std::string& title, std::int64_t started) {
    SessionRecord r;
    r.routineTitle = title;
    r.routineKey = title;
    r.startedAt = started;
    r.endedAt = started + 600;
    r.how = "finished";
    r.leftS = 100;
    r.rightS = 100;
    r.plannedS = 100;
    return r;
}

} // namespace

TEST_CASE("a new person's week: nothing before today is missed, today is still due") {
    utc();
    const std::vector<std::pair<std::string, Routine>> routines = {{"a.yaml", everyDay("A")}};
    const std::int64_t thursday = kMonday + 3 * kDay;
    const auto week = weekKept(routines, {}, thursday, Settings{});
    // Thursday to Sunday only: Monday to Wednesday came before they began.
    REQUIRE(week.size() == 4);
    CHECK(week.front().day == localDate(thursday));
    for (const PlannedDayState& day : week) {
        CHECK(day.state == PlanState::StillDue);
    }
    CHECK(summarisePlanKept(week).missed == 0);
    CHECK(overdueSessions(routines, {}, thursday, Settings{}).empty());
    CHECK(weekEncouragement(summarisePlanKept(week)).empty());
}

TEST_CASE("the plan is owed from the first session in the history, not before") {
    utc();
    const std::vector<std::pair<std::string, Routine>> routines = {{"a.yaml", everyDay("A")}};
    const std::int64_t friday = kMonday + 4 * kDay;
    // First used on Tuesday; Wednesday and Thursday passed without a session.
    const std::vector<SessionRecord> history = {finished("A", kMonday + kDay)};
    CHECK(firstDay(history, friday) == localDate(kMonday + kDay));
    const auto week = weekKept(routines, history, friday, Settings{});
    REQUIRE(week.size() == 6); // Tuesday to Sunday
    CHECK(week[0].state == PlanState::Done);
    CHECK(week[1].state == PlanState::Missed);
    CHECK(week[2].state == PlanState::Missed);
    CHECK(week[3].state == PlanState::StillDue);
    const auto overdue = overdueSessions(routines, history, friday, Settings{});
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].since == localDate(kMonday + 2 * kDay));
    // A session dated after now says nothing of when they began.
    CHECK(firstDay({finished("A", friday + kDay)}, friday) == localDate(friday));
}

TEST_CASE("a copy of a shipped routine in the person's folder is listed once") {
    TempPath data("first-day-library");
    fs::create_directories(data.path / "routines");
    fs::copy_file(fs::path(ROLLCOACH_SOURCE_DIR) / "routines" / "wall-tennis-ball.yaml",
                  data.path / "routines" / "wall-tennis-ball.yaml");
    // Edited by the person: their own, listed beside the shipped one.
    {
        std::ifstream in(fs::path(ROLLCOACH_SOURCE_DIR) / "routines" / "lying-yoga-tune-up.yaml");
        std::ofstream out(data.path / "routines" / "lying-yoga-tune-up.yaml");
        out << in.rdbuf() << "# my change\n";
    }
    FixedClock clock(kMonday);
    Workspace workspace;
    workspace.paths = DataPaths{ROLLCOACH_SOURCE_DIR};
    workspace.dataDir = data.path.string();
    workspace.clock = &clock;
    const auto library = loadRoutineLibrary(workspace, referenceBody(), PlacementCheck::ErrorsOnly);
    const auto named = [&](const std::string& name, bool shipped) {
        return std::count_if(library.begin(), library.end(), [&](const RoutineEntry& e) {
            return e.shipped == shipped && fs::path(e.file).filename() == name;
        });
    };
    CHECK(named("wall-tennis-ball.yaml", true) == 1);
    CHECK(named("wall-tennis-ball.yaml", false) == 0);
    CHECK(named("lying-yoga-tune-up.yaml", true) == 1);
    CHECK(named("lying-yoga-tune-up.yaml", false) == 1);

    SUBCASE("the person's folder being the shipped one lists each routine once") {
        Workspace same = workspace;
        same.dataDir = ROLLCOACH_SOURCE_DIR;
        const auto once = loadRoutineLibrary(same, referenceBody(), PlacementCheck::ErrorsOnly);
        CHECK(once.size() ==
              routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines").size());
    }
}
