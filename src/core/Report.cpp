#include "Report.hpp"

#include "PrintableText.hpp"
#include "Workspace.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

namespace rollcoach {

namespace {

constexpr const char* kPainReason = "sharp pain, numbness or tingling";

bool isPainStop(const SessionRecord& r) {
    return r.how == "stopped" && r.stopReason == kPainReason;
}

bool didSomeWork(const SessionRecord& r) {
    return r.leftS + r.rightS > 0;
}

// "12 min 30 s", "40 s", "0 s", "1 h 46 min": time on a side as a person says it.
std::string duration(double seconds) {
    const long whole = std::lround(std::max(0.0, seconds));
    if (whole < 60) {
        return std::to_string(whole) + " s";
    }
    const long minutes = whole / 60;
    const long rest = whole % 60;
    if (minutes >= 60) {
        // Over an hour, to the minute.
        const long rounded = (whole + 30) / 60;
        return std::to_string(rounded / 60) + " h " + std::to_string(rounded % 60) + " min";
    }
    return std::to_string(minutes) + " min" + (rest != 0 ? " " + std::to_string(rest) + " s" : "");
}

std::string plural(int count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string localStamp(std::int64_t at) {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

// The average rating of a side, before or after, over the rounds rated.
std::optional<double> averageRating(const SessionRecord& r, Side side, bool after) {
    int count = 0;
    double sum = 0;
    for (const CheckIn& c : r.checkIns) {
        if (c.side == side && c.after == after && c.rating >= 0 && c.rating <= 10) {
            sum += c.rating;
            ++count;
        }
    }
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}

} // namespace

Adherence planAdherence(const std::vector<std::pair<std::string, Routine>>& routines,
                        const std::vector<SessionRecord>& history, Date first, int days,
                        std::int64_t now, const Settings& settings) {
    Adherence adherence;
    const std::int64_t today = localDate(now).daysSinceEpoch();
    std::int64_t from = first.daysSinceEpoch();
    std::optional<std::int64_t> earliest;
    for (const SessionRecord& r : history) {
        const std::int64_t day = localDate(r.startedAt).daysSinceEpoch();
        earliest = earliest ? std::min(*earliest, day) : day;
    }
    if (earliest && *earliest > from) {
        // In 64 bits: a history dated far from `first` must not wrap the count of days.
        const std::int64_t before = *earliest - from;
        days = before >= days ? 0 : days - static_cast<int>(before);
        from = *earliest;
    }
    adherence.from = Date::fromDaysSinceEpoch(from);
    if (days <= 0) {
        return adherence;
    }
    for (PlannedDayState& day : planKept(routines, history, adherence.from, days, now, settings)) {
        if (day.day.daysSinceEpoch() > today) {
            continue; // not yet come
        }
        ++adherence.planned;
        switch (day.state) {
        case PlanState::Done:
            ++adherence.done;
            break;
        case PlanState::Partial:
            ++adherence.partial;
            break;
        case PlanState::Missed:
            ++adherence.missed;
            break;
        case PlanState::StillDue:
            ++adherence.stillDue;
            break;
        }
        adherence.days.push_back(std::move(day));
    }
    for (const SessionRecord& r : history) {
        const std::int64_t day = localDate(r.startedAt).daysSinceEpoch();
        if (day < from || day >= from + days || day > today || !didSomeWork(r)) {
            continue;
        }
        const bool planned =
            std::any_of(adherence.days.begin(), adherence.days.end(), [&](const auto& d) {
                return d.routineTitle == r.routineTitle && d.day.daysSinceEpoch() == day;
            });
        adherence.unplanned += planned ? 0 : 1;
    }
    return adherence;
}

ReportData gatherReport(const std::vector<SessionRecord>& history,
                        const std::vector<std::pair<std::string, Routine>>& routines, int weeks,
                        std::int64_t now, const Settings& settings) {
    ReportData data;
    data.weeks = weeks;
    data.last = localDate(now);
    data.first = data.last.plusDays(1 - 7 * weeks);
    const std::int64_t firstDay = data.first.daysSinceEpoch();
    const std::int64_t lastDay = data.last.daysSinceEpoch();
    for (const SessionRecord& r : history) {
        const std::int64_t day = localDate(r.startedAt).daysSinceEpoch();
        if (day >= firstDay && day <= lastDay) {
            data.sessions.push_back(r);
        }
    }
    std::stable_sort(
        data.sessions.begin(), data.sessions.end(),
        [](const SessionRecord& a, const SessionRecord& b) { return a.startedAt < b.startedAt; });
    for (const SessionRecord& r : data.sessions) {
        auto totals =
            std::find_if(data.routines.begin(), data.routines.end(),
                         [&](const RoutineTotals& t) { return t.title == r.routineTitle; });
        if (totals == data.routines.end()) {
            data.routines.push_back({});
            totals = data.routines.end() - 1;
            totals->title = r.routineTitle;
        }
        ++totals->sessions;
        const std::string how = outcome(r);
        if (how == "finished") {
            ++totals->done;
        } else if (how == "partial") {
            ++totals->partial;
        } else if (how == "stopped") {
            ++totals->stopped;
        } else {
            ++totals->interrupted; // and one still running
        }
        totals->leftS += r.leftS;
        totals->rightS += r.rightS;
        data.leftS += r.leftS;
        data.rightS += r.rightS;
        if (isPainStop(r)) {
            PainStop stop{r.startedAt, r.routineTitle, std::nullopt};
            if (!r.steps.empty()) {
                stop.step = r.steps.back();
            }
            data.painStops.push_back(std::move(stop));
        }
    }
    data.progress = tensionProgress(data.sessions, ProgressQuery{});
    data.adherence = planAdherence(routines, history, data.first, 7 * weeks, now, settings);
    return data;
}

namespace {

ReportChart sideChart(const ReportData& data, const SideProgress& side) {
    ReportChart chart;
    const std::string name = sideName(side.side);
    chart.heading = capitalised(name) + " side: tension from 0 (none) to 10";
    const double days = 7.0 * data.weeks;
    const std::int64_t firstDay = data.first.daysSinceEpoch();
    for (const SideSession& s : side.sessions) {
        const std::int64_t day = localDate(s.startedAt).daysSinceEpoch();
        chart.points.push_back(
            {(static_cast<double>(day - firstDay) + 0.5) / days, s.before, s.after});
    }
    // A date at the start of each week while they fit, else five spread across the period.
    const int total = 7 * data.weeks;
    const int labels = data.weeks <= 6 ? data.weeks + 1 : 5;
    for (int i = 0; i < labels; ++i) {
        const int offset =
            data.weeks <= 6 ? std::min(7 * i, total - 1)
                            : static_cast<int>(
                                  std::lround((total - 1) * static_cast<double>(i) / (labels - 1)));
        chart.dateLabels.push_back({(offset + 0.5) / days, data.first.plusDays(offset).iso()});
    }
    const SideSummary& sum = side.summary;
    if (side.sessions.empty()) {
        chart.emptyNote = data.sessions.empty()
                              ? "No sessions in this period, so no ratings to draw."
                              : "No tension ratings for the " + name + " side in this period.";
        chart.summary = capitalised(name) + " side: no ratings.";
        return chart;
    }
    chart.summary = capitalised(name) + " side: " + plural(sum.sessions, "session", "sessions") +
                    " rated; on average ";
    if (sum.averageBefore && sum.averageAfter) {
        chart.summary +=
            ratingText(sum.averageBefore) + " before, " + ratingText(sum.averageAfter) + " after";
    } else if (sum.averageBefore) {
        chart.summary += ratingText(sum.averageBefore) + " before (none rated after)";
    } else {
        chart.summary += ratingText(sum.averageAfter) + " after (none rated before)";
    }
    if (sum.averageChange) {
        chart.summary += "; change " + changeText(*sum.averageChange) + " over " +
                         std::to_string(sum.paired) + " rated both times, " +
                         std::to_string(sum.mattered) + " with a drop of 2 or more.";
    } else if (sum.averageBefore && sum.averageAfter) {
        chart.summary += "; none rated both before and after.";
    } else {
        chart.summary += ".";
    }
    return chart;
}

} // namespace

ReportDocument reportDocument(const ReportData& data) {
    ReportDocument doc;
    doc.title = "Self-massage report";
    doc.period = "The last " + plural(data.weeks, "week", "weeks") + ": " + data.first.iso() +
                 " to " + data.last.iso() + ". Made by rollcoach.";

    ReportSection done{"Routines done", {}};
    if (data.sessions.empty()) {
        done.lines.push_back("No sessions in this period.");
    }
    for (const RoutineTotals& t : data.routines) {
        std::string outcomes;
        auto add = [&](int count, const char* word) {
            if (count > 0) {
                outcomes += (outcomes.empty() ? "" : ", ") + std::to_string(count) + " " + word;
            }
        };
        add(t.done, "done");
        add(t.partial, "partial");
        add(t.stopped, "stopped early");
        add(t.interrupted, "interrupted");
        done.lines.push_back(isolated(t.title) + ": " + plural(t.sessions, "session", "sessions") +
                             " (" + outcomes + "), " + duration(t.leftS + t.rightS) + " in all");
    }
    doc.opening.push_back(std::move(done));

    ReportSection sides{"Time per side", {}};
    sides.lines.push_back("Left side " + duration(data.leftS) + ", right side " +
                          duration(data.rightS) + ".");
    if (data.routines.size() > 1) {
        for (const RoutineTotals& t : data.routines) {
            sides.lines.push_back(isolated(t.title) + ": left " + duration(t.leftS) + ", right " +
                                  duration(t.rightS));
        }
    }
    if (!data.sessions.empty() && data.leftS + data.rightS <= 0) {
        sides.lines.push_back("No time was recorded on either side: every session ended before "
                              "its first step did.");
    }
    doc.opening.push_back(std::move(sides));

    doc.charts.push_back(sideChart(data, data.progress.left));
    doc.charts.push_back(sideChart(data, data.progress.right));
    doc.chartLegend = "Open circle: before working the side. Filled dot: after. A rating is the "
                      "person's own, given in the session.";

    const Adherence& a = data.adherence;
    ReportSection kept{"The plan kept", {}};
    if (a.planned == 0) {
        kept.lines.push_back("No sessions were planned in the days counted: a routine is planned "
                             "on the days its schedule names.");
    } else {
        std::string line = std::to_string(a.planned) + " planned: " + std::to_string(a.done) +
                           " done, " + std::to_string(a.partial) + " partial, " +
                           std::to_string(a.missed) + " missed";
        if (a.stillDue > 0) {
            line += ", " + std::to_string(a.stillDue) + " still due today";
        }
        const int counted = a.planned - a.stillDue;
        if (counted > 0) {
            line += " (" + std::to_string((100 * a.done + counted / 2) / counted) +
                    "% done of those past)";
        }
        kept.lines.push_back(line + ".");
        if (a.from != data.first) {
            kept.lines.push_back("Counted from " + a.from.iso() +
                                 ", the day of the first session "
                                 "recorded.");
        }
        // A row a week, so a trend shows; over more than eight weeks, a row for each few
        // weeks, so the rows stay eight at most.
        const int perRow = (data.weeks + 7) / 8;
        for (int week = 0; week < data.weeks; week += perRow) {
            const Date from = data.first.plusDays(7 * week);
            const int rowDays = 7 * std::min(perRow, data.weeks - week);
            if (from.plusDays(rowDays - 1).daysSinceEpoch() < a.from.daysSinceEpoch()) {
                continue; // before the first session: nothing was counted
            }
            int counts[4] = {};
            int planned = 0;
            for (const PlannedDayState& day : a.days) {
                const std::int64_t offset = day.day.daysSinceEpoch() - from.daysSinceEpoch();
                if (offset >= 0 && offset < rowDays) {
                    ++counts[static_cast<int>(day.state)];
                    ++planned;
                }
            }
            std::string row =
                (rowDays == 7 ? "Week from " + from.iso()
                              : from.iso() + " to " + from.plusDays(rowDays - 1).iso()) +
                ": " + std::to_string(planned) + " planned, " + std::to_string(counts[0]) +
                " done, " + std::to_string(counts[1]) + " partial, " + std::to_string(counts[2]) +
                " missed";
            if (counts[3] > 0) {
                row += ", " + std::to_string(counts[3]) + " still due";
            }
            kept.lines.push_back(row);
        }
    }
    if (a.unplanned > 0) {
        kept.lines.push_back(plural(a.unplanned, "session", "sessions") +
                             " on a day the plan did not name.");
    }
    kept.lines.push_back("Against the plan as the routines name it today; done means run to the "
                         "end with each side at least three quarters of its time.");
    doc.closing.push_back(std::move(kept));

    ReportSection pain{"Pain stops (sharp pain, numbness or tingling)", {}};
    if (data.painStops.empty()) {
        pain.lines.push_back("None in this period.");
    }
    for (std::size_t i = 0; i < data.painStops.size() && i < kPainStopsListed; ++i) {
        const PainStop& stop = data.painStops[i];
        std::string line = localStamp(stop.at) + "  " + isolated(stop.title) + ": ";
        if (stop.step) {
            line += sideName(stop.step->side) + std::string(" side, round ") +
                    std::to_string(stop.step->round) + ", step \"" + isolated(stop.step->stepName) +
                    "\"";
        } else {
            line += "before the first step was recorded";
        }
        pain.lines.push_back(line);
    }
    if (data.painStops.size() > kPainStopsListed) {
        pain.lines.push_back("and " + std::to_string(data.painStops.size() - kPainStopsListed) +
                             " more (rollcoach report --csv lists them all).");
    }
    doc.closing.push_back(std::move(pain));

    doc.footer = "General guidance, not medical advice. Times and tension ratings as the person's "
                 "own sessions recorded them.";
    return doc;
}

namespace {

// RFC 4180's quoting: a field with a comma, a quote or a line break is quoted, quotes doubled.
// A text field that a spreadsheet would take as a formula gets a leading apostrophe. Rows end
// in a line feed alone, which every spreadsheet and CSV reader takes, and a terminal too.
std::string csvText(const std::string& text) {
    // Stored text is any program's: its control characters are written escaped, as on a
    // terminal, so the rows can be printed with --csv - as they are.
    std::string field = printable(text);
    if (!field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' ||
                           field[0] == '@' || field[0] == '\t' || field[0] == '\r')) {
        field.insert(field.begin(), '\'');
    }
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        return field;
    }
    std::string quoted = "\"";
    for (const char c : field) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string csvNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string csvRating(const std::optional<double>& value) {
    return value ? ratingText(value) : "";
}

} // namespace

std::string reportCsv(const ReportData& data) {
    std::string csv = "date,started,routine,outcome,first_side,left_s,right_s,planned_s_per_side,"
                      "left_before,left_after,right_before,right_after,stop_reason,stopped_at\n";
    for (const SessionRecord& r : data.sessions) {
        std::string stoppedAt;
        if (r.how == "stopped" && !r.steps.empty()) {
            const StepRecord& step = r.steps.back();
            stoppedAt = std::string(sideName(step.side)) + " round " + std::to_string(step.round) +
                        ": " + step.stepName;
        }
        csv += localDate(r.startedAt).iso() + "," + isoTime(r.startedAt) + "," +
               csvText(r.routineTitle) + "," + csvText(outcome(r)) + "," + sideName(r.firstSide) +
               "," + csvNumber(r.leftS) + "," + csvNumber(r.rightS) + "," + csvNumber(r.plannedS) +
               "," + csvRating(averageRating(r, Side::Left, false)) + "," +
               csvRating(averageRating(r, Side::Left, true)) + "," +
               csvRating(averageRating(r, Side::Right, false)) + "," +
               csvRating(averageRating(r, Side::Right, true)) + "," + csvText(r.stopReason) + "," +
               csvText(stoppedAt) + "\n";
    }
    return csv;
}

} // namespace rollcoach
