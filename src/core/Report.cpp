#include "Report.hpp"
#include "Language.hpp"
#include "Translate.hpp"

#include "PrintableText.hpp"
#include "Workspace.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

namespace rollcoach {

namespace {

// "12 min 30 s", "40 s", "0 s", "1 h 46 min": time on a side as a person says it.
std::string duration(double seconds) {
    const long whole = std::lround(std::max(0.0, seconds));
    if (whole < 60) {
        return fillIn(_("{0} s"), whole);
    }
    const long minutes = whole / 60;
    const long rest = whole % 60;
    if (whole >= 600) {
        // Ten minutes and more, to the minute: a 19 min 40 s massage is a 20-minute one.
        const long rounded = (whole + 30) / 60;
        if (rounded < 60) {
            return fillIn(_("{0} min"), rounded);
        }
    }
    if (minutes >= 60) {
        // Over an hour, to the minute.
        const long rounded = (whole + 30) / 60;
        return fillIn(_("{0} h {1} min"), rounded / 60, rounded % 60);
    }
    return rest != 0 ? fillIn(_("{0} min {1} s"), minutes, rest) : fillIn(_("{0} min"), minutes);
}

// "3 sessions", in the language's plural.
std::string sessionCount(int count) {
    return plural(static_cast<unsigned long>(std::max(count, 0)), "{0} session", "{0} sessions");
}

// When a session started, as the person reads it: "18 Nov 20:00" ("18. Nov 20:00"), with the
// year when the report's period spans two. The CSV keeps ISO dates.
std::string localStamp(std::int64_t at, bool withYear) {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    char time[16];
    std::strftime(time, sizeof time, "%H:%M", &tm);
    return shortDate(localDate(at), withYear) + " " + time;
}

// How a session ended, in the person's words; the CSV keeps the history's word.
std::string outcomeWords(const std::string& how) {
    // TRANSLATORS: how a session ended, at the start of its line in the report.
    if (how == "finished") {
        return C_("session", "done");
    }
    if (how == "partial") {
        return C_("session", "partial");
    }
    if (how == "stopped") {
        return C_("session", "stopped early");
    }
    if (how == "interrupted") {
        return C_("session", "interrupted");
    }
    return C_("session", "still running");
}

bool spansYears(const ReportData& data) {
    return data.first.year != data.last.year;
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
        if (day < from || day >= from + days || day > today || !r.didWork()) {
            continue;
        }
        const bool planned =
            std::any_of(adherence.days.begin(), adherence.days.end(), [&](const auto& d) {
                return isOf(r, d.routineKey, d.routineTitle) && d.day.daysSinceEpoch() == day;
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
    // Weeks start on Monday, as the app's week does: this week so far and the weeks before.
    data.first = weekStart(data.last).plusDays(-7 * (weeks - 1));
    const std::int64_t firstDay = data.first.daysSinceEpoch();
    const std::int64_t lastDay = data.last.daysSinceEpoch();
    for (const SessionRecord& r : history) {
        const std::int64_t day = localDate(r.startedAt).daysSinceEpoch();
        // A session left before any time on a side counts for nothing; a pain stop always
        // counts.
        if (day >= firstDay && day <= lastDay && (r.didWork() || isPainStop(r))) {
            data.sessions.push_back(r);
        }
    }
    std::stable_sort(
        data.sessions.begin(), data.sessions.end(),
        [](const SessionRecord& a, const SessionRecord& b) { return a.startedAt < b.startedAt; });
    for (const SessionRecord& r : data.sessions) {
        auto totals = std::find_if(data.routines.begin(), data.routines.end(),
                                   [&](const RoutineTotals& t) { return t.key == r.routineKey; });
        if (totals == data.routines.end()) {
            data.routines.push_back({});
            totals = data.routines.end() - 1;
            totals->key = r.routineKey;
        }
        totals->title = r.routineTitle; // oldest first: the newest title stays
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
        if (auto stop = painStopOf(r)) {
            data.painStops.push_back(std::move(*stop));
        }
    }
    data.progress = tensionProgress(data.sessions, ProgressQuery{});
    const int days = static_cast<int>(data.last.daysSinceEpoch() - data.first.daysSinceEpoch()) + 1;
    data.adherence = planAdherence(routines, history, data.first, days, now, settings);
    return data;
}

namespace {

// Where a day sits on a chart whose axis spans the days from `firstDay` to `lastDay`.
double dayX(std::int64_t day, std::int64_t firstDay, std::int64_t lastDay) {
    return (static_cast<double>(day - firstDay) + 0.5) /
           static_cast<double>(lastDay - firstDay + 1);
}

// "6 → 3", "6 → -": a side's tension before and after in one session.
std::string beforeAfter(const SessionRecord& r, Side side) {
    return ratingText(averageRating(r, side, false)) + " \u2192 " +
           ratingText(averageRating(r, side, true));
}

ReportChart sideChart(const SideProgress& side, std::int64_t firstDay, std::int64_t lastDay) {
    ReportChart chart;
    chart.heading = fillIn(_("{0}: tension, NRS 0-10 (0 none, 10 the worst imaginable)"),
                           sideHeading(side.side));
    for (const SideSession& s : side.sessions) {
        const std::int64_t day = localDate(s.startedAt).daysSinceEpoch();
        chart.points.push_back(
            {dayX(day, firstDay, lastDay), s.before, s.after, s.painStop.has_value()});
    }
    // The axis spans the days with sessions: its first and last day and a few between.
    const std::int64_t span = lastDay - firstDay;
    const int labels = static_cast<int>(std::min<std::int64_t>(span + 1, 5));
    for (int i = 0; i < labels; ++i) {
        const std::int64_t offset =
            labels == 1 ? 0
                        : static_cast<std::int64_t>(std::lround(static_cast<double>(span) * i /
                                                                static_cast<double>(labels - 1)));
        const Date day = Date::fromDaysSinceEpoch(firstDay + offset);
        chart.dateLabels.push_back({dayX(firstDay + offset, firstDay, lastDay),
                                    shortDate(day, Date::fromDaysSinceEpoch(firstDay).year !=
                                                       Date::fromDaysSinceEpoch(lastDay).year)});
    }
    if (side.sessions.empty()) {
        chart.emptyNote =
            fillIn(_("No tension ratings for the {0} in this period."), sideWords(side.side));
        chart.summary = fillIn(_("{0}: no ratings."), sideHeading(side.side));
        return chart;
    }
    // Before and after over the same sessions, so the change is the change.
    double before = 0;
    double after = 0;
    int paired = 0;
    int mattered = 0;
    int onlyOne = 0;
    for (const SideSession& s : side.sessions) {
        if (s.before && s.after) {
            before += *s.before;
            after += *s.after;
            ++paired;
            mattered += s.matters() ? 1 : 0;
        } else {
            ++onlyOne;
        }
    }
    chart.summary = fillIn(_("{0}, NRS 0-10: "), sideHeading(side.side));
    if (paired > 0) {
        const double b = before / paired;
        const double a = after / paired;
        chart.summary += fillIn(_("{0} rated before and after: on average {1} before, {2} after, a "
                                  "change of {3}; {4} with a drop of 2 or more."),
                                sessionCount(paired), ratingText(b), ratingText(a),
                                changeText(a - b), std::to_string(mattered));
    } else {
        chart.summary += _("no session rated both before and after.");
    }
    if (onlyOne > 0) {
        chart.summary += fillIn(_(" {0} rated only before or only after, drawn but not averaged."),
                                sessionCount(onlyOne));
    }
    return chart;
}

// One session in a line: when, how it ended (a pain stop with where it came), each side's
// time and its tension before and after.
ReportLine sessionLine(const SessionRecord& r, bool withYear) {
    std::string line = localStamp(r.startedAt, withYear) + "  ";
    const auto stop = painStopOf(r);
    if (stop) {
        line += fillIn(_("STOPPED FOR PAIN: {0}"), painStopWhere(*stop, true));
    } else {
        line += outcomeWords(outcome(r)) + ", " + duration(r.totalS());
    }
    line += fillIn(_("; left {0}, right {1}"), duration(r.leftS), duration(r.rightS));
    if (!r.checkIns.empty()) {
        line += fillIn(_("; tension left {0}, right {1}"), beforeAfter(r, Side::Left),
                       beforeAfter(r, Side::Right));
    }
    return {line, stop.has_value()};
}

// A routine's part: its sessions, their time, pain stops beside them, charts, every session.
ReportRoutine routinePart(const ReportData& data, const RoutineTotals& totals) {
    ReportRoutine part;
    part.heading = isolated(totals.title);
    std::vector<SessionRecord> sessions;
    double both = 0;
    for (const SessionRecord& r : data.sessions) {
        if (r.routineKey == totals.key) {
            sessions.push_back(r);
            both += r.bothS;
        }
    }
    std::string outcomes;
    auto add = [&](int count, const char* word) {
        if (count > 0) {
            outcomes += (outcomes.empty() ? "" : ", ") + fillIn(translate(word), count);
        }
    };
    add(totals.done, N_("{0} done"));
    add(totals.partial, N_("{0} partial"));
    add(totals.stopped, N_("{0} stopped early"));
    add(totals.interrupted, N_("{0} interrupted"));
    part.lines.push_back({fillIn(
        _("{0} ({1}), {2} in all: left {3}, right {4}."), sessionCount(totals.sessions), outcomes,
        duration(totals.leftS + totals.rightS), duration(totals.leftS), duration(totals.rightS))});
    if (both > 0) {
        part.lines.push_back({fillIn(_("Of which {0} on steps for both sides at once, counted "
                                       "once, half in each side's time."),
                                     duration(both))});
    }
    for (const SessionRecord& r : sessions) {
        if (isPainStop(r)) {
            part.lines.push_back(sessionLine(r, spansYears(data)));
        }
    }
    ProgressQuery query;
    query.routineKey = totals.key;
    const Progress progress = tensionProgress(sessions, query);
    const std::int64_t firstDay = localDate(sessions.front().startedAt).daysSinceEpoch();
    const std::int64_t lastDay = localDate(sessions.back().startedAt).daysSinceEpoch();
    part.charts.push_back(sideChart(progress.left, firstDay, lastDay));
    part.charts.push_back(sideChart(progress.right, firstDay, lastDay));
    const std::size_t from =
        sessions.size() > kSessionsListed ? sessions.size() - kSessionsListed : 0;
    if (from > 0) {
        part.sessions.push_back(
            {fillIn(_("{0} earlier sessions are in the rows (rollcoach report --csv)."),
                    std::to_string(from))});
    }
    for (std::size_t i = from; i < sessions.size(); ++i) {
        part.sessions.push_back(sessionLine(sessions[i], spansYears(data)));
    }
    return part;
}

} // namespace

ReportDocument reportDocument(const ReportData& data) {
    ReportDocument doc;
    doc.title = _("Self-massage report");
    doc.period =
        // TRANSLATORS: {1} and {2} are dates as the language writes them ("Monday 16 November
        // 2026"); the weeks start on Monday.
        fillIn(_("The last {0}, from {1} to {2}. Made by rollcoach."),
               plural(static_cast<unsigned long>(std::max(data.weeks, 0)), "{0} week", "{0} weeks"),
               humanDate(data.first), humanDate(data.last));
    if (!data.name.empty()) {
        doc.about.push_back(fillIn(_("For: {0}"), isolated(data.name)));
    }
    if (!data.note.empty()) {
        doc.about.push_back(fillIn(_("Note: {0}"), isolated(data.note)));
    }

    ReportSection done{_("Routines done"), {}};
    if (data.sessions.empty()) {
        done.lines.push_back(_("No sessions in this period."));
    }
    for (const RoutineTotals& t : data.routines) {
        std::string outcomes;
        auto add = [&](int count, const char* word) {
            if (count > 0) {
                outcomes += (outcomes.empty() ? "" : ", ") + fillIn(translate(word), count);
            }
        };
        add(t.done, N_("{0} done"));
        add(t.partial, N_("{0} partial"));
        add(t.stopped, N_("{0} stopped early"));
        add(t.interrupted, N_("{0} interrupted"));
        done.lines.push_back(
            fillIn(_("{0}: {1} ({2}), {3} in all{4}"), isolated(t.title), sessionCount(t.sessions),
                   outcomes, duration(t.leftS + t.rightS),
                   (t.stopped > 0 && std::any_of(data.painStops.begin(), data.painStops.end(),
                                                 [&](const PainStop& p) { return p.key == t.key; })
                        ? _("; stopped for pain, see below")
                        : "")));
    }
    doc.opening.push_back(std::move(done));

    ReportSection sides{_("Time per side"), {}};
    sides.lines.push_back(
        fillIn(_("Left side {0}, right side {1}."), duration(data.leftS), duration(data.rightS)));
    if (data.routines.size() > 1) {
        for (const RoutineTotals& t : data.routines) {
            // TRANSLATORS: {0} a routine's title, {1} and {2} its time on each side.
            sides.lines.push_back(fillIn(_("{0}: left {1}, right {2}"), isolated(t.title),
                                         duration(t.leftS), duration(t.rightS)));
        }
    }
    if (!data.sessions.empty() && data.leftS + data.rightS <= 0) {
        sides.lines.push_back(_("No time was recorded on either side: every session ended before "
                                "its first step did."));
    }
    doc.opening.push_back(std::move(sides));

    for (const RoutineTotals& t : data.routines) {
        doc.routines.push_back(routinePart(data, t));
    }
    doc.chartLegend = _("Tension on the numeric rating scale (NRS), 0 none to 10 the worst "
                        "imaginable, the person's own, given in the session. Open circle: before "
                        "working the side. Filled dot: after. A red cross: stopped for pain. The "
                        "time axis spans the days with sessions.");

    const Adherence& a = data.adherence;
    ReportSection kept{_("The plan kept"), {}};
    if (a.planned == 0) {
        kept.lines.push_back(_("No sessions were planned in the days counted: a routine is planned "
                               "on the days its schedule names."));
    } else {
        std::string line = fillIn(_("{0} planned: {1} done, {2} partial, {3} missed"), a.planned,
                                  a.done, a.partial, a.missed);
        if (a.stillDue > 0) {
            line += fillIn(_(", {0} still due today"), std::to_string(a.stillDue));
        }
        const int counted = a.planned - a.stillDue;
        if (counted > 0) {
            line += fillIn(_(" ({0}% done of those past)"),
                           std::to_string((100 * a.done + counted / 2) / counted));
        }
        kept.lines.push_back(line + ".");
        if (a.from != data.first) {
            kept.lines.push_back(fillIn(
                _("Counted from {0}, the day of the first session recorded."), humanDate(a.from)));
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
            // The dates as the person reads them, with the year when the period spans two.
            const bool years = spansYears(data);
            const std::string days = rowDays == 7
                                         ? fillIn(_("Week from {0}"), shortDate(from, years))
                                         : fillIn(_("{0} to {1}"), shortDate(from, years),
                                                  shortDate(from.plusDays(rowDays - 1), years));
            // TRANSLATORS: a week of the plan: {0} "Week from 16 Nov" or the like, then
            // counts of sessions.
            std::string row = fillIn(_("{0}: {1} planned, {2} done, {3} partial, {4} missed"), days,
                                     planned, counts[0], counts[1], counts[2]);
            if (counts[3] > 0) {
                row += fillIn(_(", {0} still due"), std::to_string(counts[3]));
            }
            kept.lines.push_back(row);
        }
    }
    if (a.unplanned > 0) {
        kept.lines.push_back(
            fillIn(_("{0} on a day the plan did not name."), sessionCount(a.unplanned)));
    }
    kept.lines.push_back(_("Against the plan as the routines name it today; done means run to the "
                           "end with each side at least three quarters of its time."));
    doc.closing.push_back(std::move(kept));

    ReportSection pain{_("Pain stops (sharp pain, numbness or tingling)"), {}};
    if (data.painStops.empty()) {
        pain.lines.push_back(_("None in this period."));
    }
    for (std::size_t i = 0; i < data.painStops.size() && i < kPainStopsListed; ++i) {
        const PainStop& stop = data.painStops[i];
        pain.lines.push_back(localStamp(stop.at, spansYears(data)) + "  " + isolated(stop.title) +
                             ": " + painStopWhere(stop, true));
    }
    if (data.painStops.size() > kPainStopsListed) {
        pain.lines.push_back(fillIn(_("and {0} more (rollcoach report --csv lists them all)."),
                                    std::to_string(data.painStops.size() - kPainStopsListed)));
    }
    doc.closing.push_back(std::move(pain));

    doc.footer =
        _("General guidance, not medical advice. Times and tension ratings as the person's "
          "own sessions recorded them.");
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

// A rating as ratingText gives it, "6" or "5.5", but with a point in every language.
std::string csvRating(const std::optional<double>& value) {
    if (!value) {
        return "";
    }
    std::string shown = csvNumber(*value);
    if (shown.size() > 2 && shown.compare(shown.size() - 2, 2, ".0") == 0) {
        shown.resize(shown.size() - 2);
    }
    return shown == "-0" ? "0" : shown;
}

} // namespace

std::string reportCsv(const ReportData& data) {
    std::string csv = "date,started,routine,outcome,first_side,left_s,right_s,planned_s_per_side,"
                      "left_before,left_after,right_before,right_after,stop_reason,stopped_at,"
                      "both_sides_s,pain_stop\n";
    for (const SessionRecord& r : data.sessions) {
        std::string stoppedAt;
        const std::optional<PainStop> pain = painStopOf(r);
        if (pain) {
            stoppedAt = painStopWhere(*pain);
        } else if (r.how == "stopped" && !r.steps.empty()) {
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
               csvText(stoppedAt) + "," + csvNumber(r.bothS) + "," + (pain ? "yes" : "") + "\n";
    }
    return csv;
}

} // namespace rollcoach
