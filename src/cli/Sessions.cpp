#include "Sessions.hpp"

#include "core/DataPaths.hpp"
#include "core/PlanKept.hpp"
#include "core/PrintableText.hpp"
#include "core/Progress.hpp"
#include "core/RoutineLoader.hpp"
#include "core/RoutineTemplate.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"
#include "core/Timeline.hpp"
#include "core/Translate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <ostream>
#include <unistd.h>

namespace rollcoach {

namespace fs = std::filesystem;

std::optional<BodyModel> bodyOrSay(const Workspace& workspace, std::ostream& err) {
    std::string why;
    auto body = loadBody(workspace, why);
    if (!body) {
        err << printable(why) << "\n";
    }
    return body;
}

std::unique_ptr<History> historyOrSay(const Workspace& workspace, std::ostream& err) {
    try {
        std::string notice;
        auto history = openHistory(workspace, notice);
        if (!notice.empty()) {
            err << "rollcoach: notice: " << printable(notice) << "\n";
        }
        return history;
    } catch (const HistoryError& error) {
        err << "rollcoach: notice: "
            << rollcoach::fillIn(_("history unavailable: {0}"), printable(error.what())) << "\n";
        return nullptr;
    }
}

namespace {

// "tension left 6→3, right 5→4": each side's before and after, round by round, so the
// history shows at a glance what a session did; a rating not given is "-".
std::string tensionLine(const std::vector<CheckIn>& checkIns) {
    std::string line;
    for (const Side side : {Side::Left, Side::Right}) {
        std::map<int, std::pair<std::string, std::string>> rounds;
        for (const CheckIn& c : checkIns) {
            if (c.side == side) {
                auto& pair = rounds[c.round];
                (c.after ? pair.second : pair.first) = std::to_string(c.rating);
            }
        }
        if (rounds.empty()) {
            continue;
        }
        std::string ratings;
        for (const auto& [round, pair] : rounds) {
            ratings += " " + (pair.first.empty() ? "-" : pair.first) + "\u2192" +
                       (pair.second.empty() ? "-" : pair.second);
        }
        const std::string sideText =
            // TRANSLATORS: {0} is the side's ratings, before and after: " 6→3".
            rollcoach::fillIn(side == Side::Left ? _("left{0}") : _("right{0}"), ratings);
        line =
            line.empty() ? rollcoach::fillIn(_("tension {0}"), sideText) : line + ", " + sideText;
    }
    return line;
}

} // namespace

void sayLeftOut(const History& history, std::ostream& err) {
    if (const std::size_t skipped = history.skippedSessions(); skipped > 0) {
        err << "rollcoach: note: " << printable(history.path()) << ": "
            << plural(skipped,
                      "{0} session has a start that is no date (written by another program) and "
                      "is left out",
                      "{0} sessions have a start that is no date (written by another program) "
                      "and are left out")
            << "\n";
    }
}

int historyCommand(bool json, const Workspace& workspace, std::ostream& out, std::ostream& err) {
    auto history = historyOrSay(workspace, err);
    if (!history) {
        return 1;
    }
    // Every session: "In all" and the JSON are the whole history, not its newest part.
    const std::vector<SessionRecord> sessions = history->sessions(History::kEverySession);
    sayLeftOut(*history, err);
    if (json) {
        // Written session by session, as `{"sessions": [...]}` dumped with an indent of 2
        // would be: a history of years is tens of megabytes, never held as one document.
        out << "{\n  \"sessions\": [";
        bool first = true;
        for (const SessionRecord& r : sessions) {
            nlohmann::ordered_json item;
            item["routine"] = r.routineTitle;
            item["started"] = isoTime(r.startedAt);
            item["ended"] = r.endedAt ? nlohmann::ordered_json(isoTime(*r.endedAt)) : nullptr;
            item["how"] = outcome(r);
            item["planned_s_per_side"] = r.plannedS;
            item["first_side"] = sideName(r.firstSide);
            // A step for both sides at once counts once: half of it in each side's time.
            item["seconds"] = {{"left", r.leftS},
                               {"right", r.rightS},
                               {"both_sides", r.bothS},
                               {"in_all", r.totalS()}};
            item["stop_reason"] = r.stopReason;
            item["routine_hash"] = r.routineHash;
            item["routine_key"] = r.routineKey;
            nlohmann::ordered_json steps = nlohmann::ordered_json::array();
            for (const StepRecord& s : r.steps) {
                steps.push_back({{"round", s.round},
                                 {"side", sideName(s.side)},
                                 {"step", s.stepName},
                                 {"seconds", s.seconds}});
            }
            item["steps"] = std::move(steps);
            nlohmann::ordered_json checks = nlohmann::ordered_json::array();
            for (const CheckIn& c : r.checkIns) {
                checks.push_back({{"round", c.round},
                                  {"side", sideName(c.side)},
                                  {"when", c.after ? "after" : "before"},
                                  {"tension", c.rating}});
            }
            item["check_ins"] = std::move(checks);
            const std::string text =
                item.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
            // Inside the document, every line of a session is indented four spaces more (a
            // line break inside a string is written "\n", so each one here ends a line).
            std::string shifted = first ? "\n    " : ",\n    ";
            shifted.reserve(text.size() + text.size() / 4);
            for (const char c : text) {
                shifted += c;
                if (c == '\n') {
                    shifted += "    ";
                }
            }
            out << printableJson(shifted);
            first = false;
        }
        out << (first ? "]\n}\n" : "\n  ]\n}\n");
        return 0;
    }
    if (sessions.empty()) {
        out << _("No sessions yet.") << "\n";
        return 0;
    }
    double left = 0;
    double right = 0;
    double both = 0;
    // Titles and stop reasons come from the database, which any program may have written.
    for (const SessionRecord& r : sessions) {
        const std::string title = printable(r.routineTitle);
        const std::string reason = printable(r.stopReason);
        char line[256];
        char leftSeconds[16];
        char rightSeconds[16];
        std::snprintf(leftSeconds, sizeof leftSeconds, "%4.0f", r.leftS);
        std::snprintf(rightSeconds, sizeof rightSeconds, "%4.0f", r.rightS);
        std::snprintf(
            line, sizeof line, "%s  %-11s  %s  ", isoTime(r.startedAt).c_str(),
            printable(outcome(r)).c_str(),
            rollcoach::fillIn(_("left {0} s  right {1} s"), leftSeconds, rightSeconds).c_str());
        // Ratings are whole numbers, so nothing stored can reach the terminal through them.
        const std::string tension = tensionLine(r.checkIns);
        if (r.bothS > 0) {
            // Steps for both sides at once count once, beside each side's own time.
            char bothSeconds[16];
            std::snprintf(bothSeconds, sizeof bothSeconds, "%4.0f", r.bothS);
            out << line
                << rollcoach::fillIn(_("of which both sides {0} s  ({1} in all)"), bothSeconds,
                                     minutesAndSeconds(r.totalS()))
                << "  ";
            line[0] = '\0';
        }
        out << line << title << (reason.empty() ? "" : "  (" + reason + ")")
            << (tension.empty() ? "" : "  " + tension) << "\n";
        left += r.leftS;
        right += r.rightS;
        both += r.bothS;
    }
    // Whole seconds, rounded as printf rounds them.
    const auto seconds = [](double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.0f", value);
        return std::string(text);
    };
    if (both > 0) {
        out << rollcoach::fillIn(
            _("In all: left {0} s, right {1} s ({2}), of which both sides at once {3} s, "
              "half in each side's time"),
            seconds(left), seconds(right), minutesAndSeconds(left + right), seconds(both));
    } else {
        out << rollcoach::fillIn(_("In all: left {0} s, right {1} s"), seconds(left),
                                 seconds(right));
    }
    out << "\n";
    return 0;
}

namespace {

nlohmann::ordered_json jsonRating(const std::optional<double>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// Where a session was stopped for pain: the side, the step and the time; null for none.
nlohmann::ordered_json jsonPainStop(const std::optional<PainStop>& stop) {
    if (!stop) {
        return nullptr;
    }
    nlohmann::ordered_json item;
    item["started"] = isoTime(stop->at);
    item["stopped"] = stop->stoppedAt ? nlohmann::ordered_json(isoTime(*stop->stoppedAt)) : nullptr;
    if (stop->step) {
        item["side"] = stop->step->bothSides ? "both" : sideName(stop->step->side);
        item["round"] = stop->step->round;
        item["step"] = stop->step->stepName;
        item["into_step_s"] = stop->step->seconds;
    } else {
        item["side"] = nullptr;
        item["round"] = nullptr;
        item["step"] = nullptr;
        item["into_step_s"] = nullptr;
    }
    item["worked_s"] = stop->workedS;
    item["where"] = painStopWhere(*stop);
    return item;
}

void printSide(const SideProgress& side, std::ostream& out) {
    const bool left = side.side == Side::Left;
    out << (left ? _("Left side") : _("Right side")) << "\n";
    if (side.sessions.empty()) {
        out << "  " << _("No ratings for this side.") << "\n";
        return;
    }
    // TRANSLATORS: the heading of a table's columns; keep the words under the columns' widths:
    // date 10, before 6, after 5, change 6, two spaces between.
    out << "  " << _("date        before  after  change") << "\n";
    for (const SideSession& session : side.sessions) {
        char line[128];
        std::snprintf(line, sizeof line, "  %-10s  %6s  %5s  %6s %s ",
                      localDate(session.startedAt).iso().c_str(),
                      ratingText(session.before).c_str(), ratingText(session.after).c_str(),
                      changeText(session.change()).c_str(), session.matters() ? "*" : " ");
        // The title comes from the database, which any program may have written.
        out << line << printable(session.routineTitle) << "\n";
        if (session.painStop) {
            out << "              "
                << rollcoach::fillIn(_("STOPPED FOR PAIN: {0}"),
                                     printable(painStopWhere(*session.painStop)))
                << "\n";
        }
    }
    const SideSummary& s = side.summary;
    const unsigned long rated = static_cast<unsigned long>(s.sessions);
    out << "  "
        << (left ? plural(rated, "Left: {0} session rated; on average {1} before, {2} after",
                          "Left: {0} sessions rated; on average {1} before, {2} after",
                          ratingText(s.averageBefore), ratingText(s.averageAfter))
                 : plural(rated, "Right: {0} session rated; on average {1} before, {2} after",
                          "Right: {0} sessions rated; on average {1} before, {2} after",
                          ratingText(s.averageBefore), ratingText(s.averageAfter)));
    if (s.averageChange) {
        out << rollcoach::fillIn(
            _(", a change of {0} over {1} rated before and after; {2} with a drop that "
              "matters"),
            changeText(s.averageChange), s.paired, s.mattered);
    } else {
        out << _("; no session rated both before and after");
    }
    out << ".\n";
}

} // namespace

int progressCommand(const std::string& routine, std::optional<int> weeks, bool json,
                    const Workspace& workspace, std::ostream& out, std::ostream& err) {
    auto history = historyOrSay(workspace, err);
    if (!history) {
        return 1;
    }
    ProgressQuery query;
    query.weeks = weeks;
    query.now = workspace.now();
    std::string routineShown;
    std::vector<SessionRecord> sessions;
    try {
        sessions = history->sessions(History::kEverySession, true);
    } catch (const HistoryError& error) {
        err << "rollcoach: error: "
            << rollcoach::fillIn(_("cannot read the history: {0}"), printable(error.what()))
            << "\n";
        return 1;
    }
    sayLeftOut(*history, err);
    if (!routine.empty()) {
        // A file matches the sessions started from it and, when it loads, those of its
        // routine in any language (the history keeps the path as given, so a moved file is
        // still found); a name that is no file is taken as a title.
        std::error_code ec;
        if (fs::is_regular_file(routine, ec)) {
            query.routineFile = routine;
            routineShown = routine;
            std::string why;
            if (const auto body = loadBody(workspace, why)) {
                if (const auto load = openRoutine(routine, *body); load.routine) {
                    query.routineKey = load.routine->key;
                    routineShown = load.routine->title;
                }
            }
        } else {
            // A title it was shown with in any language names the routine in all of them.
            const auto known =
                std::find_if(sessions.begin(), sessions.end(), [&](const SessionRecord& r) {
                    return r.routineTitle == routine || r.routineKey == routine;
                });
            if (known == sessions.end()) {
                err << "rollcoach: error: " << printable(routine) << ": "
                    << _("no such routine file, and no session of a routine with that title")
                    << "\n";
                return 1;
            }
            query.routineKey = known->routineKey;
            routineShown = routine;
        }
    }
    const Progress progress = tensionProgress(sessions, query);
    if (json) {
        nlohmann::ordered_json document;
        document["weeks"] = weeks ? nlohmann::ordered_json(*weeks) : nullptr;
        document["routine"] = routine.empty() ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(routineShown);
        document["change_that_matters"] = kChangeThatMatters;
        nlohmann::ordered_json sides;
        for (const SideProgress* side : {&progress.left, &progress.right}) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const SideSession& session : side->sessions) {
                list.push_back({{"date", localDate(session.startedAt).iso()},
                                {"started", isoTime(session.startedAt)},
                                {"routine", session.routineTitle},
                                {"before", jsonRating(session.before)},
                                {"after", jsonRating(session.after)},
                                {"change", jsonRating(session.change())},
                                {"matters", session.matters()},
                                {"pain_stop", jsonPainStop(session.painStop)}});
            }
            const SideSummary& s = side->summary;
            nlohmann::ordered_json summary = {{"sessions", s.sessions},
                                              {"rated_before_and_after", s.paired},
                                              {"changes_that_matter", s.mattered},
                                              {"average_before", jsonRating(s.averageBefore)},
                                              {"average_after", jsonRating(s.averageAfter)},
                                              {"average_change", jsonRating(s.averageChange)}};
            sides[sideName(side->side)] = {{"sessions", std::move(list)},
                                           {"summary", std::move(summary)}};
        }
        document["sides"] = std::move(sides);
        nlohmann::ordered_json stops = nlohmann::ordered_json::array();
        for (const PainStop& stop : progress.painStops) {
            nlohmann::ordered_json item = jsonPainStop(stop);
            item["routine"] = stop.title;
            stops.push_back(std::move(item));
        }
        document["pain_stops"] = std::move(stops);
        out << printableJson(document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
            << "\n";
        return 0;
    }
    // What the figures cover, said after the first sentence: " for Neck, in the last 4 weeks".
    std::string scope;
    if (!routine.empty()) {
        scope += rollcoach::fillIn(_(" for {0}"), printable(routineShown));
    }
    if (weeks) {
        scope += plural(static_cast<unsigned long>(*weeks), " in the last {0} week",
                        " in the last {0} weeks");
    }
    if (progress.empty()) {
        out << rollcoach::fillIn(
                   // TRANSLATORS: {0} is what the figures cover, maybe nothing: " for Neck in the
                   // last 4 weeks".
                   _("No tension ratings yet{0}. When a side starts and ends, a session asks how "
                     "tense it is: press 0-9 (T for 10)."),
                   scope)
            << "\n";
        return 0;
    }
    out << rollcoach::fillIn(
               // TRANSLATORS: {0} is what the figures cover, maybe nothing: " for Neck in the last
               // 4 weeks".
               _("Tension from 0 (none) to 10, before and after working each side{0}. * marks a "
                 "drop of 2 points or more, the smallest change that matters to a person."),
               scope)
        << "\n\n";
    printSide(progress.left, out);
    out << "\n";
    printSide(progress.right, out);
    return 0;
}

std::string dueLine(const DueSession& due) {
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", due.planned.minuteOfDay / 60,
                  due.planned.minuteOfDay % 60);
    std::string line = std::string(time) + "  " + printable(due.planned.title);
    const std::string start =
        rollcoach::fillIn(due.firstSide.side == Side::Left ? _("start on the left side: {0}")
                                                           : _("start on the right side: {0}"),
                          printable(due.firstSide.why));
    switch (due.state) {
    case DayState::Done:
        return line + "  " + _("(done today)");
    case DayState::Partial:
        return line + "  " +
               rollcoach::fillIn(_("(partial today: left {0}, right {1} of {2} each)"),
                                 minutesAndSeconds(due.doneLeftS),
                                 minutesAndSeconds(due.doneRightS),
                                 minutesAndSeconds(due.plannedPerSideS)) +
               "  -  " + start;
    case DayState::Due:
        break;
    }
    if (!due.notFit.empty()) {
        // Due all the same: said, with why and what to do, rather than left out.
        return line + "  -  " +
               rollcoach::fillIn(_("does not fit your body: {0}; {1}"), printable(due.notFit),
                                 notFitAdvice());
    }
    return line + "  -  " + start;
}

// A routine of the person's that cannot be read is left out of what is due and of the
// calendar, and said to be, with its first error: a plan that silently lacks it would look
// complete. (A routine that does not fit the body stays in, marked.)
void sayBroken(const std::vector<RoutineEntry>& library, std::ostream& err,
               std::set<std::string>* said) {
    for (const RoutineEntry& entry : library) {
        if (!entry.routine && entry.notFit.empty()) {
            const std::string line = rollcoach::fillIn(
                _("{0} is left out: {1}"), printable(entry.file), printable(entry.firstError()));
            if (said == nullptr || said->insert(line).second) {
                err << "rollcoach: notice: " << line << "\n";
            }
        }
    }
}

int nextCommand(const Workspace& workspace, const BodyModel& body, std::ostream& out,
                std::ostream& err) {
    // What is due needs the schedules and which routines are broken, not the warnings. A
    // routine that does not fit the body is due all the same, and said to be so.
    const auto library = loadRoutineLibrary(workspace, body, PlacementCheck::ErrorsOnly);
    sayBroken(library, err);
    const auto routines = plannedRoutines(library);
    const auto history = historyOrSay(workspace, err);
    bool read = false;
    const auto sessions = recentSessions(history.get(), &read);
    const auto due = dueToday(library, sessions, workspace.now(), workspace.settings, read);
    // Missed on an earlier day of this week and not taken up since: said after what is due,
    // as a fact with its day, never as a debt.
    const auto sayOverdue = [&] {
        for (const OverdueSession& late :
             overdueSessions(routines, sessions, workspace.now(), workspace.settings)) {
            out << rollcoach::fillIn(_("Overdue since {0} {1}: {2}"),
                                     shortDayName(late.since.weekday()), late.since.iso(),
                                     printable(late.routineTitle))
                << "\n";
        }
    };
    if (!due.empty()) {
        out << _("Due today:") << "\n";
        for (const DueSession& session : due) {
            out << "  " << dueLine(session) << "\n";
        }
        sayOverdue();
        return 0;
    }
    const auto week =
        weeklyPlan(routines, localDate(workspace.now()).plusDays(1), 7, workspace.settings);
    if (week.empty()) {
        out << _("Nothing is due: no routine names days in its schedule.") << "\n";
        return 0;
    }
    static const char* const names[] = {N_("Monday"),   N_("Tuesday"), N_("Wednesday"),
                                        N_("Thursday"), N_("Friday"),  N_("Saturday"),
                                        N_("Sunday")};
    out << rollcoach::fillIn(_("Nothing is due today. Next: {0} {1}, {2}"),
                             _(names[static_cast<int>(week.front().date.weekday())]),
                             week.front().date.iso(), printable(week.front().title));
    const std::string notFit = notFitFor(library, week.front().routineFile);
    if (!notFit.empty()) {
        out << " "
            << rollcoach::fillIn(_("(it does not fit your body: {0}; {1})"), printable(notFit),
                                 notFitAdvice());
    }
    out << "\n";
    sayOverdue();
    return 0;
}

int calendarCommand(int weeks, const std::string& outFile, const Workspace& workspace,
                    const BodyModel& body, std::ostream& out, std::ostream& err) {
    const auto library = loadRoutineLibrary(workspace, body, PlacementCheck::ErrorsOnly);
    sayBroken(library, err);
    auto plan = weeklyPlan(plannedRoutines(library), localDate(workspace.now()), weeks * 7,
                           workspace.settings);
    // A routine that does not fit the body stays in the calendar, marked, so it is not lost.
    for (PlannedSession& session : plan) {
        if (!notFitFor(library, session.routineFile).empty()) {
            session.title += " ";
            session.title += _("(does not fit your body as set: see rollcoach next)");
        }
    }
    const std::string calendar = iCalendar(
        plan, workspace.now(),
        _("Self-massage with a ball, one side after the other. Press gently; stop at once on "
          "sharp pain, numbness or tingling. Start it with: rollcoach"));
    if (outFile.empty() || outFile == "-") {
        out << calendar;
        return 0;
    }
    // Written beside and renamed over, so a full disk leaves the old calendar whole.
    std::string why;
    if (!writeFileAtomically(outFile, calendar, why)) {
        err << "rollcoach: error: " << printable(outFile) << ": "
            << rollcoach::fillIn(_("cannot write the calendar: {0}"), why) << "\n";
        return 1;
    }
    const std::string sessionsText = plural(plan.size(), "{0} session", "{0} sessions");
    out << printable(outFile)
        << ": "
        // TRANSLATORS: {0} is the number of weeks, {1} "3 sessions" as said just above.
        << plural(static_cast<unsigned long>(weeks), "{1} over {0} week", "{1} over {0} weeks",
                  sessionsText)
        << "\n";
    return 0;
}

namespace {

// A routine name: letters, digits, dashes and underscores, starting with a letter or a digit,
// so it is a plain file name and a title YAML reads as text, whatever the shell passed.
bool isRoutineName(const std::string& name) {
    if (name.empty() || name.size() > 80 || !std::isalnum(static_cast<unsigned char>(name[0]))) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

// A path for a comment line: a line break in it would end the comment.
std::string oneLine(std::string text) {
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, '?');
    return text;
}

// Lines of text as YAML comments, "# " before each.
std::string commentLines(const std::string& text) {
    std::string out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t end = std::min(text.find('\n', from), text.size());
        out += "# " + oneLine(text.substr(from, end - from)) + "\n";
        from = end + 1;
    }
    return out;
}

} // namespace

int newRoutineCommand(const std::string& name, const std::string& drill, const Workspace& workspace,
                      std::ostream& out, std::ostream& err) {
    if (!isRoutineName(name)) {
        err << "rollcoach: error: "
            << rollcoach::fillIn(
                   _("\"{0}\" cannot be a routine name: use letters, digits, dashes and "
                     "underscores, starting with a letter or a digit, at most 80"),
                   printable(name))
            << "\n";
        return 2;
    }
    const fs::path dir = workspace.userRoutinesDir();
    const fs::path file = dir / (name + ".yaml");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        err << "rollcoach: error: " << printable(dir.string()) << ": "
            << rollcoach::fillIn(_("cannot create the folder: {0}"), ec.message()) << "\n";
        return 1;
    }
    const std::string text =
        "# yaml-language-server: $schema=" + oneLine(workspace.paths.dataDir) +
        "/schema/routine.schema.json\n" +
        // TRANSLATORS: comment lines at the top of a new routine file; x_cm, y_cm and C7 stay.
        commentLines(_("A routine of your own. Positions are centimetres from C7 (the bony bump "
                       "at the\nbase of the neck): x_cm toward the side being worked, y_cm down "
                       "the back.\nrollcoach mirrors everything for the other side. Check it "
                       "with:")) +
        "#   rollcoach validate " + oneLine(file.string()) + // untranslated: a command
        "\n"
        "format: 1\n"
        "title: \"" +
        name + "\"\n" + routineTemplateBody(drill);
    // Created here and now, never through a link and never over an existing file: a
    // dangling link at the path is refused rather than followed to wherever it points.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST) {
            err << "rollcoach: error: " << printable(file.string()) << ": "
                << _("already exists; choose another name") << "\n";
        } else {
            err << "rollcoach: error: " << printable(file.string()) << ": "
                << rollcoach::fillIn(_("cannot create the routine: {0}"), std::strerror(errno))
                << "\n";
        }
        return 1;
    }
    std::size_t done = 0;
    int error = 0;
    while (done < text.size() && error == 0) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno != EINTR) {
            error = errno;
        } else if (n > 0) {
            done += static_cast<std::size_t>(n);
        }
    }
    if (::close(fd) != 0 && error == 0) {
        error = errno;
    }
    if (error != 0) {
        // Half a routine would only fail to validate: leave nothing.
        ::unlink(file.c_str());
        err << "rollcoach: error: " << printable(file.string()) << ": "
            << rollcoach::fillIn(_("cannot write the routine: {0}"), std::strerror(error)) << "\n";
        return 1;
    }
    out << printable(file.string()) << "\n";
    return 0;
}

} // namespace rollcoach
