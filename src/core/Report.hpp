#pragma once

#include "History.hpp"
#include "PlanKept.hpp"
#include "Progress.hpp"
#include "Routine.hpp"
#include "Schedule.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// One routine's sessions in a report's period.
struct RoutineTotals {
    std::string title; ///< as its latest session in the period showed it
    std::string key;   ///< Routine::key: one routine in every language
    int sessions = 0;
    int done = 0;        ///< ran to the end with each side's time (countsAsDone)
    int partial = 0;     ///< ran to the end short of time
    int stopped = 0;     ///< stopped before the end (pain, the person, a closed window)
    int interrupted = 0; ///< the program died part-way
    double leftS = 0;
    double rightS = 0;
};

/// The plan kept, counted.
struct Adherence {
    Date from;                         ///< the first day counted
    std::vector<PlannedDayState> days; ///< planned sessions up to today
    int planned = 0;
    int done = 0;
    int partial = 0;
    int missed = 0;
    int stillDue = 0;
    int unplanned = 0; ///< sessions on a day their routine was not planned
};

/// Each planned session from `first` for `days` days, up to today, as planKept finds it, and
/// the sessions done on days their routine was not planned. The count starts no earlier than
/// the first session in the history: days before rollcoach was first used are not missed.
Adherence planAdherence(const std::vector<std::pair<std::string, Routine>>& routines,
                        const std::vector<SessionRecord>& history, Date first, int days,
                        std::int64_t now, const Settings& settings);

/// Everything a report covers: the last `weeks` weeks as the app counts them (from Monday),
/// up to and including today.
struct ReportData {
    std::string name; ///< the person the report is about, as given ("" for none)
    std::string note; ///< a note for the reader, as given
    int weeks = 4;
    Date first;
    Date last;
    std::vector<SessionRecord> sessions; ///< in the period, oldest first
    std::vector<RoutineTotals> routines; ///< by routine, in the order first done
    double leftS = 0;
    double rightS = 0;
    Progress progress;
    Adherence adherence;
    std::vector<PainStop> painStops; ///< oldest first
};

/// Gathers a report from the history (any order; steps and check-ins needed) and the
/// routines the plan is made of.
ReportData gatherReport(const std::vector<SessionRecord>& history,
                        const std::vector<std::pair<std::string, Routine>>& routines, int weeks,
                        std::int64_t now, const Settings& settings);

/// A block of text with a heading.
struct ReportSection {
    std::string heading;
    std::vector<std::string> lines;
};

/// A point of a side's tension chart: x from 0 (the first day with a session) to 1 (the last).
struct ReportChartPoint {
    double x = 0;
    std::optional<double> before;
    std::optional<double> after;
    bool painStop = false; ///< the session was stopped for pain
};

/// One side's tension chart, 0-10, across the days that have sessions.
struct ReportChart {
    std::string heading;
    std::vector<ReportChartPoint> points;
    std::vector<std::pair<double, std::string>> dateLabels; ///< x and the date shown there
    std::string emptyNote; ///< shown in the chart when it has no points
    std::string summary;   ///< the line under the chart
};

/// A line of a routine's part, and whether it is a session stopped for pain, which the drawing
/// sets apart (in bold and red) by this flag, whatever the language of its words.
struct ReportLine {
    std::string text;
    bool painStop = false;
};

/// The report as it is printed: every word decided here, drawn as it is. Titles and step names
/// from the history come as bidirectional isolates (see `isolated`), so they may be in any
/// script; the drawing shapes and wraps them.
/// One routine's part of a report: what was done, its pain stops beside the sessions they
/// belong to, its tension charts and its sessions one a line.
struct ReportRoutine {
    std::string heading;             ///< the routine's title, isolated
    std::vector<ReportLine> lines;   ///< sessions, outcomes, time; pain stops inline
    std::vector<ReportChart> charts; ///< left, then right
    std::vector<ReportLine> sessions;
};

struct ReportDocument {
    std::string title;
    std::string period;
    std::vector<std::string> about;     ///< the person's name and the note, isolated
    std::vector<ReportSection> opening; ///< routines done, time per side
    std::vector<ReportRoutine> routines;
    std::string chartLegend;
    std::vector<ReportSection> closing; ///< adherence, pain stops
    std::string footer;
};

/// At most this many pain stops are listed in the document; the CSV has them all.
constexpr std::size_t kPainStopsListed = 24;
/// At most this many sessions of a routine are listed, the last; the CSV has them all.
constexpr std::size_t kSessionsListed = 24;

ReportDocument reportDocument(const ReportData& data);

/// The raw rows: a header line, then one row per session in the period, oldest first.
std::string reportCsv(const ReportData& data);

} // namespace rollcoach
