#include "TestSupport.hpp"

#include "core/PrintableText.hpp"
#include "core/Report.hpp"
#include "core/SafetyCheck.hpp"

#include <cstdlib>
#include <ctime>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// 2026-11-23, a Monday, at 20:00 UTC.
constexpr std::int64_t kMondayEvening = 1795392000 + 20 * 3600;
constexpr std::int64_t kDay = 86400;

struct Utc {
    Utc() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

std::vector<std::pair<std::string, Routine>> bothShipped() {
    std::vector<std::pair<std::string, Routine>> routines;
    for (const char* name : {"wall-tennis-ball.yaml", "lying-yoga-tune-up.yaml"}) {
        RoutineLoad load = openRoutine(shippedRoutine(name), referenceBody());
        REQUIRE(load.routine.has_value());
        routines.emplace_back(shippedRoutine(name), *load.routine);
    }
    return routines;
}

SessionRecord session(const std::string& title, std::int64_t at, const std::string& how,
                      double left, double right, double planned = 280) {
    SessionRecord r;
    r.routineTitle = title;
    r.routineKey = title;
    r.startedAt = at;
    r.endedAt = at + 600;
    r.how = how;
    r.leftS = left;
    r.rightS = right;
    r.plannedS = planned;
    return r;
}

bool hasLine(const std::vector<std::string>& lines, const std::string& text) {
    for (const std::string& line : lines) {
        if (line.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

bool hasLine(const std::vector<ReportLine>& lines, const std::string& text) {
    for (const ReportLine& line : lines) {
        if (line.text.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

const std::string kWall = "Wall tennis-ball drill";
const std::string kLying = "Lying upper-trapezius drill";

} // namespace

TEST_CASE("report: routines done, time per side, pain stops and the plan kept") {
    const Utc utc;
    std::vector<SessionRecord> history;
    history.push_back(session(kWall, kMondayEvening - 7 * kDay, "finished", 280, 280)); // Mon
    history.push_back(
        session(kLying, kMondayEvening - 6 * kDay, "finished", 100, 90));     // Tue, partial
    auto pain = session(kWall, kMondayEvening - 5 * kDay, "stopped", 120, 0); // Wed
    pain.stopReason = "sharp pain, numbness or tingling";
    pain.steps.push_back({1, Side::Left, 2, "Circles", 40});
    history.push_back(pain);
    history.push_back(
        session(kWall, kMondayEvening - 2 * kDay, "finished", 280, 280)); // Sat: unplanned
    history.push_back(session(kWall, kMondayEvening - 40 * kDay, "finished", 280, 280)); // before
    const ReportData data = gatherReport(history, bothShipped(), 2, kMondayEvening, Settings{});

    // Two weeks as the app counts them: last week from its Monday, and this week so far.
    CHECK(data.first.iso() == "2026-11-16");
    CHECK(data.last.iso() == "2026-11-23");
    REQUIRE(data.sessions.size() == 4);
    CHECK(data.sessions.front().startedAt < data.sessions.back().startedAt);
    REQUIRE(data.routines.size() == 2);
    CHECK(data.routines[0].title == kWall);
    CHECK(data.routines[0].sessions == 3);
    CHECK(data.routines[0].done == 2);
    CHECK(data.routines[0].stopped == 1);
    CHECK(data.routines[1].partial == 1);
    CHECK(data.leftS == doctest::Approx(780));
    CHECK(data.rightS == doctest::Approx(650));
    REQUIRE(data.painStops.size() == 1);
    REQUIRE(data.painStops[0].step.has_value());
    CHECK(data.painStops[0].step->stepName == "Circles");

    // From Monday the 16th: Mon/Wed/Fri wall and Tue/Thu/Sat lying; the wall drill on Monday
    // the 23rd is still due.
    const Adherence& a = data.adherence;
    CHECK(a.planned == 7);
    CHECK(a.done == 1);
    CHECK(a.partial == 2);
    CHECK(a.stillDue == 1);
    CHECK(a.missed == 3);
    CHECK(a.unplanned == 1);

    const ReportDocument doc = reportDocument(data);
    CHECK(doc.period.find("from Monday 16 November 2026 to Monday 23 November 2026") !=
          std::string::npos);
    REQUIRE(doc.opening.size() == 2);
    CHECK(hasLine(doc.opening[0].lines,
                  isolated(kWall) + ": 3 sessions (2 done, 1 stopped early), 21 min in all"));
    CHECK(hasLine(doc.opening[0].lines,
                  isolated(kLying) + ": 1 session (1 partial), 3 min 10 s in all"));
    CHECK(doc.opening[1].lines.front() == "Left side 13 min, right side 11 min.");
    REQUIRE(doc.closing.size() == 2);
    CHECK(doc.closing[0].lines.front() ==
          "7 planned: 1 done, 2 partial, 3 missed, 1 still due today (17% done of those past).");
    CHECK(hasLine(doc.closing[0].lines, "Week from 16 Nov: 6 planned"));
    CHECK(hasLine(doc.closing[0].lines, "1 session on a day the plan did not name."));
    const std::string where =
        "left side, step \"" + isolated("Circles") + "\" (round 1), after 2:00 of work";
    CHECK(hasLine(doc.closing[1].lines, "18 Nov 20:00  " + isolated(kWall) + ": " + where));
    // Per routine, the pain stop beside its session, with the side, the step and the time.
    REQUIRE(doc.routines.size() == 2);
    const ReportRoutine& wall = doc.routines[0];
    CHECK(wall.heading == isolated(kWall));
    CHECK(hasLine(wall.lines, "18 Nov 20:00  STOPPED FOR PAIN: " + where));
    // The drawing marks a pain stop by its flag, never by its words: the stop's line alone.
    REQUIRE(wall.lines.size() == 2);
    CHECK_FALSE(wall.lines[0].painStop);
    CHECK(wall.lines[1].painStop);
    REQUIRE(wall.sessions.size() == 3);
    CHECK(wall.sessions[1].text.find("STOPPED FOR PAIN") != std::string::npos);
    CHECK(wall.sessions[1].painStop);
    CHECK(wall.sessions[0].text.find(" done, ") != std::string::npos);
    CHECK_FALSE(wall.sessions[0].painStop);
    CHECK_FALSE(wall.sessions[2].painStop);
    // No ratings at all: each chart says so in words; its axis spans the days with sessions.
    REQUIRE(wall.charts.size() == 2);
    CHECK(wall.charts[0].points.empty());
    CHECK(wall.charts[0].emptyNote == "No tension ratings for the left side in this period.");
    CHECK(wall.charts[0].dateLabels.front().second == "16 Nov");
    CHECK(wall.charts[0].dateLabels.back().second == "21 Nov");
    CHECK(wall.charts[0].heading.find("NRS 0-10") != std::string::npos);
}

TEST_CASE("report: --name and --note on the first page, a session left early nowhere") {
    const Utc utc;
    std::vector<SessionRecord> history;
    history.push_back(session(kWall, kMondayEvening - 2 * kDay, "finished", 280, 280));
    history.push_back(session(kWall, kMondayEvening - kDay, "stopped", 0, 0)); // left in get-ready
    history.back().checkIns = {{Side::Left, false, 9, 1}};
    ReportData data = gatherReport(history, bothShipped(), 4, kMondayEvening, Settings{});
    CHECK(data.sessions.size() == 1);
    data.name = "Dana Levi";
    data.note = "Sore after desk work";
    const ReportDocument doc = reportDocument(data);
    REQUIRE(doc.about.size() == 2);
    CHECK(doc.about[0] == "For: " + isolated("Dana Levi"));
    CHECK(doc.about[1] == "Note: " + isolated("Sore after desk work"));
    CHECK(doc.routines.at(0).charts.at(0).points.empty()); // the 9 is no session's
}

TEST_CASE("report: before and after averaged over the same sessions") {
    const Utc utc;
    auto both = session(kWall, kMondayEvening - 3 * kDay, "finished", 280, 280);
    both.checkIns = {{Side::Left, false, 6, 1}, {Side::Left, true, 4, 1}};
    auto beforeOnly = session(kWall, kMondayEvening - 2 * kDay, "finished", 280, 280);
    beforeOnly.checkIns = {{Side::Left, false, 10, 1}};
    const ReportDocument doc =
        reportDocument(gatherReport({both, beforeOnly}, bothShipped(), 4, kMondayEvening, {}));
    const ReportChart& left = doc.routines.at(0).charts.at(0);
    CHECK(left.points.size() == 2);
    CHECK(left.summary.find("1 session rated before and after: on average 6 before, 4 after, a "
                            "change of -2") != std::string::npos);
    CHECK(left.summary.find("1 session rated only before or only after") != std::string::npos);
}

TEST_CASE("report: an empty history gives words everywhere, and nothing missed before it") {
    const Utc utc;
    const ReportData data = gatherReport({}, bothShipped(), 1, kMondayEvening, Settings{});
    const ReportDocument doc = reportDocument(data);
    CHECK(doc.opening[0].lines == std::vector<std::string>{"No sessions in this period."});
    CHECK(doc.opening[1].lines.front() == "Left side 0 s, right side 0 s.");
    CHECK(doc.routines.empty());
    // Nothing is owed before the first session: with none, only today is planned.
    CHECK(doc.closing[0].lines.front() ==
          "1 planned: 0 done, 0 partial, 0 missed, 1 still due today.");
    CHECK(doc.closing[1].lines == std::vector<std::string>{"None in this period."});
    CHECK(reportCsv(data).find("\n") == reportCsv(data).size() - 1); // the header alone

    // Over an hour, time reads in hours and minutes.
    std::vector<SessionRecord> long_;
    for (int i = 0; i < 14; ++i) {
        long_.push_back(session(kWall, kMondayEvening - i * kDay, "finished", 280, 250));
    }
    const ReportDocument hours = reportDocument(gatherReport(long_, {}, 4, kMondayEvening, {}));
    CHECK(hours.opening[1].lines.front() == "Left side 1 h 5 min, right side 58 min.");

    // No routine with days: the plan says why there is none.
    auto routines = bothShipped();
    for (auto& entry : routines) {
        entry.second.schedule.days.clear();
    }
    const ReportDocument none = reportDocument(gatherReport({}, routines, 1, kMondayEvening, {}));
    CHECK(none.closing[0].lines.front().find("No sessions were planned") == 0);
}

TEST_CASE("report: only interrupted sessions count their time and nothing as done") {
    const Utc utc;
    std::vector<SessionRecord> history = {
        session(kWall, kMondayEvening - 7 * kDay, "interrupted", 90, 0),
        session(kWall, kMondayEvening - 5 * kDay, "interrupted", 0, 0),
    };
    history[1].endedAt.reset();
    const ReportDocument doc =
        reportDocument(gatherReport(history, bothShipped(), 2, kMondayEvening, Settings{}));
    // The one with no time on a side counts for nothing.
    CHECK(doc.opening[0].lines.front() ==
          isolated(kWall) + ": 1 session (1 interrupted), 1 min 30 s in all");
    CHECK(doc.opening[1].lines.front() == "Left side 1 min 30 s, right side 0 s.");
    CHECK(doc.closing[0].lines[0] ==
          "7 planned: 0 done, 1 partial, 5 missed, 1 still due today (0% done of those past).");
    CHECK(doc.closing[0].lines[1] == "Week from 16 Nov: 6 planned, 0 done, 1 partial, 5 missed");
    CHECK(doc.routines.at(0).charts[1].emptyNote ==
          "No tension ratings for the right side in this period.");
}

TEST_CASE("report: ratings on one side only draw that side and say so for the other") {
    const Utc utc;
    auto rated = session(kWall, kMondayEvening - 2 * kDay, "finished", 280, 280);
    rated.checkIns = {{Side::Left, false, 6, 1}, {Side::Left, true, 3, 1}};
    const ReportData data = gatherReport({rated}, bothShipped(), 4, kMondayEvening, Settings{});
    const ReportDocument doc = reportDocument(data);
    const auto& charts = doc.routines.at(0).charts;
    REQUIRE(charts[0].points.size() == 1);
    CHECK(*charts[0].points[0].before == 6);
    CHECK(*charts[0].points[0].after == 3);
    // The axis spans the days with sessions: one day, in the middle.
    CHECK(charts[0].points[0].x == doctest::Approx(0.5));
    CHECK(charts[0].summary.find("1 session rated before and after: on average 6 before, 3 "
                                 "after, a change of -3") != std::string::npos);
    CHECK(charts[1].points.empty());
    CHECK(charts[1].emptyNote == "No tension ratings for the right side in this period.");
    const std::string csv = reportCsv(data);
    CHECK(csv.find(",6,3,,,") != std::string::npos);
}

TEST_CASE("report: CSV rows quote what needs quoting and defuse formulas") {
    const Utc utc;
    auto odd = session("=cmd|' /C calc'!A0, \"quoted\"", kMondayEvening - kDay, "stopped", 10, 0);
    odd.stopReason = "sharp pain, numbness or tingling";
    odd.steps.push_back({2, Side::Right, 0, "Hold, then \"roll\"", 5});
    const std::string csv = reportCsv(gatherReport({odd}, {}, 2, kMondayEvening, Settings{}));
    CHECK(csv.find("date,started,routine,outcome,first_side,left_s,right_s,planned_s_per_side,"
                   "left_before,left_after,right_before,right_after,stop_reason,stopped_at,"
                   "both_sides_s,pain_stop\n") == 0);
    // A pain stop is marked, with the side, the step and the time.
    CHECK(csv.find(",\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",stopped,left,10.0,0.0,280.0,,,,,"
                   "\"sharp pain, numbness or tingling\",\"right side, step \"\"Hold, then "
                   "\"\"roll\"\"\"\" (round 2), after 0:10 of work\",0.0,yes\n") !=
          std::string::npos);
}
