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

    CHECK(data.first.iso() == "2026-11-10");
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

    // Two weeks from Tuesday the 10th: Mon/Wed/Fri wall and Tue/Thu/Sat lying, six each; the
    // wall drill on Monday the 23rd is still due.
    const Adherence& a = data.adherence;
    CHECK(a.planned == 12);
    CHECK(a.done == 1);
    CHECK(a.partial == 2);
    CHECK(a.stillDue == 1);
    CHECK(a.missed == 8);
    CHECK(a.unplanned == 1);

    const ReportDocument doc = reportDocument(data);
    CHECK(doc.period.find("2026-11-10 to 2026-11-23") != std::string::npos);
    REQUIRE(doc.opening.size() == 2);
    CHECK(hasLine(doc.opening[0].lines,
                  isolated(kWall) + ": 3 sessions (2 done, 1 stopped early), 20 min 40 s in all"));
    CHECK(hasLine(doc.opening[0].lines,
                  isolated(kLying) + ": 1 session (1 partial), 3 min 10 s in all"));
    CHECK(doc.opening[1].lines.front() == "Left side 13 min, right side 10 min 50 s.");
    REQUIRE(doc.closing.size() == 2);
    CHECK(doc.closing[0].lines.front() ==
          "12 planned: 1 done, 2 partial, 8 missed, 1 still due today (9% done of those past).");
    CHECK(hasLine(doc.closing[0].lines, "Week from 2026-11-10: 6 planned"));
    CHECK(hasLine(doc.closing[0].lines, "1 session on a day the plan did not name."));
    CHECK(hasLine(doc.closing[1].lines, "2026-11-18 20:00  " + isolated(kWall) +
                                            ": left side, round 1, step \"" + isolated("Circles") +
                                            "\""));
    // No ratings at all: each chart says so in words.
    REQUIRE(doc.charts.size() == 2);
    CHECK(doc.charts[0].points.empty());
    CHECK(doc.charts[0].emptyNote == "No tension ratings for the left side in this period.");
    CHECK(doc.charts[0].dateLabels.front().second == "2026-11-10");
    CHECK(doc.charts[0].dateLabels.back().second == "2026-11-23");
}

TEST_CASE("report: an empty history gives words everywhere, and the plan all missed") {
    const Utc utc;
    const ReportData data = gatherReport({}, bothShipped(), 1, kMondayEvening, Settings{});
    const ReportDocument doc = reportDocument(data);
    CHECK(doc.opening[0].lines == std::vector<std::string>{"No sessions in this period."});
    CHECK(doc.opening[1].lines.front() == "Left side 0 s, right side 0 s.");
    for (const ReportChart& chart : doc.charts) {
        CHECK(chart.points.empty());
        CHECK(chart.emptyNote == "No sessions in this period, so no ratings to draw.");
        CHECK_FALSE(chart.summary.empty());
    }
    CHECK(doc.closing[0].lines.front() ==
          "6 planned: 0 done, 0 partial, 5 missed, 1 still due today (0% done of those past).");
    CHECK(doc.closing[1].lines == std::vector<std::string>{"None in this period."});
    CHECK(reportCsv(data).find("\n") == reportCsv(data).size() - 1); // the header alone

    // Over an hour, time reads in hours and minutes.
    std::vector<SessionRecord> long_;
    for (int i = 0; i < 14; ++i) {
        long_.push_back(session(kWall, kMondayEvening - i * kDay, "finished", 280, 250));
    }
    const ReportDocument hours = reportDocument(gatherReport(long_, {}, 2, kMondayEvening, {}));
    CHECK(hours.opening[1].lines.front() == "Left side 1 h 5 min, right side 58 min 20 s.");

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
    CHECK(doc.opening[0].lines.front() ==
          isolated(kWall) + ": 2 sessions (2 interrupted), 1 min 30 s in all");
    CHECK(doc.opening[1].lines.front() == "Left side 1 min 30 s, right side 0 s.");
    // Counted from the first session: the days before rollcoach was used are not missed.
    CHECK(doc.closing[0].lines[0] ==
          "7 planned: 0 done, 1 partial, 5 missed, 1 still due today (0% done of those past).");
    CHECK(doc.closing[0].lines[1] ==
          "Counted from 2026-11-16, the day of the first session recorded.");
    CHECK(doc.closing[0].lines[2] ==
          "Week from 2026-11-10: 1 planned, 0 done, 1 partial, 0 missed");
    CHECK(doc.charts[1].emptyNote == "No tension ratings for the right side in this period.");
}

TEST_CASE("report: ratings on one side only draw that side and say so for the other") {
    const Utc utc;
    auto rated = session(kWall, kMondayEvening - 2 * kDay, "finished", 280, 280);
    rated.checkIns = {{Side::Left, false, 6, 1}, {Side::Left, true, 3, 1}};
    const ReportData data = gatherReport({rated}, bothShipped(), 4, kMondayEvening, Settings{});
    const ReportDocument doc = reportDocument(data);
    REQUIRE(doc.charts[0].points.size() == 1);
    CHECK(*doc.charts[0].points[0].before == 6);
    CHECK(*doc.charts[0].points[0].after == 3);
    CHECK(doc.charts[0].points[0].x > 0.9);
    CHECK(doc.charts[0].points[0].x < 1.0);
    CHECK(doc.charts[0].summary.find("1 session rated; on average 6 before, 3 after; change -3") ==
          0 + std::string("Left side: ").size());
    CHECK(doc.charts[1].points.empty());
    CHECK(doc.charts[1].emptyNote == "No tension ratings for the right side in this period.");
    const std::string csv = reportCsv(data);
    CHECK(csv.find(",6,3,,,") != std::string::npos);
}

TEST_CASE("report: CSV rows quote what needs quoting and defuse formulas") {
    const Utc utc;
    auto odd = session("=cmd|' /C calc'!A0, \"quoted\"", kMondayEvening - kDay, "stopped", 10, 0);
    odd.stopReason = "sharp pain, numbness or tingling";
    odd.steps.push_back({2, Side::Right, 0, "Hold, then \"roll\"", 5});
    const std::string csv = reportCsv(gatherReport({odd}, {}, 1, kMondayEvening, Settings{}));
    CHECK(csv.find("date,started,routine,outcome,first_side,left_s,right_s,planned_s_per_side,"
                   "left_before,left_after,right_before,right_after,stop_reason,stopped_at\n") ==
          0);
    CHECK(csv.find(",\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",stopped,left,10.0,0.0,280.0,,,,,"
                   "\"sharp pain, numbness or tingling\",\"right round 2: Hold, then "
                   "\"\"roll\"\"\"\n") != std::string::npos);
}
