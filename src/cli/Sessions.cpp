#include "Sessions.hpp"

#include "core/DataPaths.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace rollcoach {

namespace fs = std::filesystem;

std::optional<BodyModel> loadBody(const CommandContext& context, std::ostream& err) {
    if (context.paths.dataDir.empty()) {
        err << "rollcoach: error: cannot find the data folder (assets/body.yaml); looked in:";
        for (const std::string& dir : context.pathsTried) {
            err << ' ' << dir;
        }
        err << "\n";
        return std::nullopt;
    }
    try {
        return BodyModel::load(context.paths.bodyModel(),
                               BodyProfile{context.bodyProfile, context.shoulderWidthCm});
    } catch (const DataFileError& error) {
        err << error.what() << "\n";
        return std::nullopt;
    }
}

std::unique_ptr<History> openHistory(const CommandContext& context, std::ostream& err,
                                     std::string* problem) {
    try {
        std::string notice;
        auto history = History::open(context.dataDir, context.now, notice);
        if (!notice.empty()) {
            err << "rollcoach: notice: " << notice << "\n";
        }
        return history;
    } catch (const HistoryError& error) {
        if (problem != nullptr) {
            *problem = error.what();
            err << "rollcoach: notice: history will not be saved: " << error.what() << "\n";
        } else {
            err << "rollcoach: notice: history unavailable: " << error.what() << "\n";
        }
        return nullptr;
    }
}

SideChoice firstSideFor(const Routine& routine, const std::optional<std::string>& forced,
                        const History* history, std::int64_t now) {
    if (forced) {
        return {*parseSide(*forced), "chosen with --first-side"};
    }
    std::vector<SessionRecord> sessions;
    if (history != nullptr && routine.schedule.firstSide == FirstSide::Auto) {
        try {
            sessions = history->sessions(500, false);
        } catch (const HistoryError&) {
            // An unreadable history leaves the routine's default.
        }
    }
    return chooseFirstSide(routine, sessions, now);
}

Date localDate(std::int64_t secondsSinceEpoch) {
    const std::time_t t = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm tm{};
    localtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::vector<std::pair<std::string, Routine>> usableRoutines(const CommandContext& context,
                                                            const BodyModel& body) {
    std::vector<std::pair<std::string, Routine>> routines;
    for (const std::string& dir : {context.paths.routinesDir(), context.userRoutinesDir()}) {
        for (const std::string& file : routineFilesIn(dir)) {
            RoutineLoad load = openRoutine(file, body);
            if (load.routine) {
                routines.emplace_back(file, *load.routine);
            }
        }
    }
    return routines;
}

int historyCommand(bool json, const CommandContext& context, std::ostream& out, std::ostream& err) {
    auto history = openHistory(context, err);
    if (!history) {
        return 1;
    }
    const std::vector<SessionRecord> sessions = history->sessions();
    if (json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const SessionRecord& r : sessions) {
            nlohmann::ordered_json item;
            item["routine"] = r.routineTitle;
            item["started"] = isoTime(r.startedAt);
            item["ended"] = r.endedAt ? nlohmann::ordered_json(isoTime(*r.endedAt)) : nullptr;
            item["how"] = r.how;
            item["first_side"] = sideName(r.firstSide);
            item["seconds"] = {{"left", r.leftS}, {"right", r.rightS}};
            item["stop_reason"] = r.stopReason;
            item["routine_hash"] = r.routineHash;
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
            list.push_back(std::move(item));
        }
        nlohmann::ordered_json document;
        document["sessions"] = std::move(list);
        out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (sessions.empty()) {
        out << "No sessions yet.\n";
        return 0;
    }
    double left = 0;
    double right = 0;
    for (const SessionRecord& r : sessions) {
        char line[512];
        std::snprintf(line, sizeof line, "%s  %-11s  left %4.0f s  right %4.0f s  %s%s%s\n",
                      isoTime(r.startedAt).c_str(), r.how.c_str(), r.leftS, r.rightS,
                      r.routineTitle.c_str(), r.stopReason.empty() ? "" : "  (",
                      r.stopReason.empty() ? "" : (r.stopReason + ")").c_str());
        out << line;
        left += r.leftS;
        right += r.rightS;
    }
    char total[128];
    std::snprintf(total, sizeof total, "In all: left %.0f s, right %.0f s\n", left, right);
    out << total;
    return 0;
}

std::vector<std::string> dueToday(const std::vector<std::pair<std::string, Routine>>& routines,
                                  const CommandContext& context, const History* history) {
    const Date today = localDate(context.now);
    std::vector<SessionRecord> sessions;
    if (history != nullptr) {
        try {
            sessions = history->sessions(500, false);
        } catch (const HistoryError&) {
        }
    }
    std::vector<std::string> lines;
    for (const PlannedSession& due : weeklyPlan(routines, today, 1, context.settings)) {
        const auto routine = std::find_if(routines.begin(), routines.end(), [&](const auto& entry) {
            return entry.first == due.routineFile;
        });
        bool done = false;
        for (const SessionRecord& r : sessions) {
            done = done || (r.routineTitle == due.title && r.how == "finished" &&
                            localDate(r.startedAt) == today);
        }
        const SideChoice side = chooseFirstSide(routine->second, sessions, context.now);
        char time[16];
        std::snprintf(time, sizeof time, "%02d:%02d", due.minuteOfDay / 60, due.minuteOfDay % 60);
        lines.push_back(std::string(time) + "  " + due.title +
                        (done ? "  (done today)"
                              : "  -  start on the " + std::string(sideName(side.side)) +
                                    " side: " + side.why));
    }
    return lines;
}

int nextCommand(const CommandContext& context, const BodyModel& body, std::ostream& out,
                std::ostream& err) {
    const auto routines = usableRoutines(context, body);
    const auto history = openHistory(context, err);
    const std::vector<std::string> lines = dueToday(routines, context, history.get());
    if (!lines.empty()) {
        out << "Due today:\n";
        for (const std::string& line : lines) {
            out << "  " << line << "\n";
        }
        return 0;
    }
    const auto week = weeklyPlan(routines, localDate(context.now).plusDays(1), 7, context.settings);
    if (week.empty()) {
        out << "Nothing is due: no routine names days in its schedule.\n";
        return 0;
    }
    static const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    out << "Nothing is due today. Next: " << names[static_cast<int>(week.front().date.weekday())]
        << " " << week.front().date.iso() << ", " << week.front().title << "\n";
    return 0;
}

int calendarCommand(int weeks, const std::string& outFile, const CommandContext& context,
                    const BodyModel& body, std::ostream& out, std::ostream& err) {
    const auto plan = weeklyPlan(usableRoutines(context, body), localDate(context.now), weeks * 7,
                                 context.settings);
    const std::string calendar = iCalendar(
        plan, context.now,
        "Self-massage with a ball, one side after the other. Press gently; stop at once on sharp "
        "pain, numbness or tingling. Start it with: rollcoach");
    if (outFile.empty() || outFile == "-") {
        out << calendar;
        return 0;
    }
    std::ofstream file(outFile, std::ios::binary);
    file << calendar;
    file.close();
    if (!file) {
        err << "rollcoach: error: " << outFile << ": cannot write the calendar\n";
        return 1;
    }
    out << outFile << ": " << plan.size() << " sessions over " << weeks << " weeks\n";
    return 0;
}

int newRoutineCommand(const std::string& name, const CommandContext& context, std::ostream& out,
                      std::ostream& err) {
    if (name.empty() || name.find('/') != std::string::npos || name.front() == '.' ||
        name.size() > 80) {
        err << "rollcoach: error: \"" << name
            << "\" cannot be a routine name: use letters, digits and dashes\n";
        return 2;
    }
    const fs::path dir = context.userRoutinesDir();
    const fs::path file = dir / (name + ".yaml");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        err << "rollcoach: error: " << dir.string()
            << ": cannot create the folder: " << ec.message() << "\n";
        return 1;
    }
    if (fs::exists(file, ec)) {
        err << "rollcoach: error: " << file.string() << ": already exists; choose another name\n";
        return 1;
    }
    std::ofstream outFile(file);
    std::vector<std::string> tried;
    const DataPaths paths = findDataPaths(context.executablePath, tried);
    outFile
        << "# yaml-language-server: $schema=" << paths.dataDir
        << "/schema/routine.schema.json\n"
           "# A routine of your own. Positions are centimetres from C7 (the bony bump at the\n"
           "# base of the neck): x_cm toward the side being worked, y_cm down the back.\n"
           "# rollcoach mirrors everything for the other side. Check it with:\n"
           "#   rollcoach validate "
        << file.string()
        << "\n"
           "format: 1\n"
           "title: "
        << name
        << "\n"
           "drill: wall            # wall (standing, back to a wall) or lying (face up)\n"
           "ball: tennis           # tennis, yoga-tune-up, yoga-tune-up-plus or {diameter_cm: 7}\n"
           "setup:\n"
           "  - Stand with your back to a wall, the ball between shoulder blade and spine.\n"
           "schedule:\n"
           "  rounds: 1\n"
           "  first_side: auto     # alternates between sessions\n"
           "  switch_s: 8\n"
           "  days: [mon, thu]\n"
           "steps:\n"
           "  - name: Hold\n"
           "    duration_s: 30\n"
           "    cue: Lean in gently and breathe.\n"
           "    place:\n"
           "      - {x_cm: 7.5, y_cm: 9}   # beside the spine, never on it\n"
           "    motion: hold\n"
           "  - name: Up and down\n"
           "    duration_s: 40\n"
           "    cue: Bend and straighten your knees slowly.\n"
           "    place:\n"
           "      - {x_cm: 7.5, y_cm: 11}\n"
           "    motion: {pattern: vertical, amplitude_cm: 4, period_s: 8}\n";
    outFile.close();
    if (!outFile) {
        err << "rollcoach: error: " << file.string() << ": cannot write the routine\n";
        return 1;
    }
    out << file.string() << "\n";
    return 0;
}

} // namespace rollcoach
