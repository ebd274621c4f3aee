#include "Sessions.hpp"

#include "core/DataPaths.hpp"
#include "core/PrintableText.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"
#include "core/Timeline.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
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
        err << "rollcoach: notice: history unavailable: " << printable(error.what()) << "\n";
        return nullptr;
    }
}

int historyCommand(bool json, const Workspace& workspace, std::ostream& out, std::ostream& err) {
    auto history = historyOrSay(workspace, err);
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
            item["how"] = outcome(r);
            item["planned_s_per_side"] = r.plannedS;
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
        out << printableJson(document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
            << "\n";
        return 0;
    }
    if (sessions.empty()) {
        out << "No sessions yet.\n";
        return 0;
    }
    double left = 0;
    double right = 0;
    // Titles and stop reasons come from the database, which any program may have written.
    for (const SessionRecord& r : sessions) {
        const std::string title = printable(r.routineTitle);
        const std::string reason = printable(r.stopReason);
        char line[512];
        std::snprintf(line, sizeof line, "%s  %-11s  left %4.0f s  right %4.0f s  %s%s%s\n",
                      isoTime(r.startedAt).c_str(), printable(outcome(r)).c_str(), r.leftS,
                      r.rightS, title.c_str(), reason.empty() ? "" : "  (",
                      reason.empty() ? "" : (reason + ")").c_str());
        out << line;
        left += r.leftS;
        right += r.rightS;
    }
    char total[128];
    std::snprintf(total, sizeof total, "In all: left %.0f s, right %.0f s\n", left, right);
    out << total;
    return 0;
}

std::string dueLine(const DueSession& due) {
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", due.planned.minuteOfDay / 60,
                  due.planned.minuteOfDay % 60);
    std::string line = std::string(time) + "  " + printable(due.planned.title);
    const std::string start = "start on the " + std::string(sideName(due.firstSide.side)) +
                              " side: " + printable(due.firstSide.why);
    switch (due.state) {
    case DayState::Done:
        return line + "  (done today)";
    case DayState::Partial:
        return line + "  (partial today: left " + minutesAndSeconds(due.doneLeftS) + ", right " +
               minutesAndSeconds(due.doneRightS) + " of " + minutesAndSeconds(due.plannedPerSideS) +
               " each)  -  " + start;
    case DayState::Due:
        break;
    }
    return line + "  -  " + start;
}

int nextCommand(const Workspace& workspace, const BodyModel& body, std::ostream& out,
                std::ostream& err) {
    // What is due needs the schedules and which routines are broken, not the warnings.
    const auto routines =
        usableRoutines(loadRoutineLibrary(workspace, body, PlacementCheck::ErrorsOnly));
    const auto history = historyOrSay(workspace, err);
    const auto due =
        dueToday(routines, recentSessions(history.get()), workspace.now(), workspace.settings);
    if (!due.empty()) {
        out << "Due today:\n";
        for (const DueSession& session : due) {
            out << "  " << dueLine(session) << "\n";
        }
        return 0;
    }
    const auto week =
        weeklyPlan(routines, localDate(workspace.now()).plusDays(1), 7, workspace.settings);
    if (week.empty()) {
        out << "Nothing is due: no routine names days in its schedule.\n";
        return 0;
    }
    static const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    out << "Nothing is due today. Next: " << names[static_cast<int>(week.front().date.weekday())]
        << " " << week.front().date.iso() << ", " << printable(week.front().title) << "\n";
    return 0;
}

int calendarCommand(int weeks, const std::string& outFile, const Workspace& workspace,
                    const BodyModel& body, std::ostream& out, std::ostream& err) {
    const auto plan =
        weeklyPlan(usableRoutines(loadRoutineLibrary(workspace, body, PlacementCheck::ErrorsOnly)),
                   localDate(workspace.now()), weeks * 7, workspace.settings);
    const std::string calendar = iCalendar(
        plan, workspace.now(),
        "Self-massage with a ball, one side after the other. Press gently; stop at once on sharp "
        "pain, numbness or tingling. Start it with: rollcoach");
    if (outFile.empty() || outFile == "-") {
        out << calendar;
        return 0;
    }
    // Written beside and renamed over, so a full disk leaves the old calendar whole.
    std::string why;
    if (!writeFileAtomically(outFile, calendar, why)) {
        err << "rollcoach: error: " << printable(outFile) << ": cannot write the calendar: " << why << "\n";
        return 1;
    }
    out << printable(outFile) << ": " << plan.size() << " sessions over " << weeks << " weeks\n";
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

} // namespace

int newRoutineCommand(const std::string& name, const Workspace& workspace, std::ostream& out,
                      std::ostream& err) {
    if (!isRoutineName(name)) {
        err << "rollcoach: error: \"" << printable(name)
            << "\" cannot be a routine name: use letters, digits, dashes and underscores, "
               "starting with a letter or a digit, at most 80\n";
        return 2;
    }
    const fs::path dir = workspace.userRoutinesDir();
    const fs::path file = dir / (name + ".yaml");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        err << "rollcoach: error: " << printable(dir.string())
            << ": cannot create the folder: " << ec.message() << "\n";
        return 1;
    }
    const std::string text =
        "# yaml-language-server: $schema=" + oneLine(workspace.paths.dataDir) +
        "/schema/routine.schema.json\n"
        "# A routine of your own. Positions are centimetres from C7 (the bony bump at the\n"
        "# base of the neck): x_cm toward the side being worked, y_cm down the back.\n"
        "# rollcoach mirrors everything for the other side. Check it with:\n"
        "#   rollcoach validate " +
        oneLine(file.string()) +
        "\n"
        "format: 1\n"
        "title: \"" +
        name +
        "\"\n"
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
    // Created here and now, never through a link and never over an existing file: a
    // dangling link at the path is refused rather than followed to wherever it points.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST) {
            err << "rollcoach: error: " << printable(file.string())
                << ": already exists; choose another name\n";
        } else {
            err << "rollcoach: error: " << printable(file.string())
                << ": cannot create the routine: " << std::strerror(errno) << "\n";
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
        err << "rollcoach: error: " << printable(file.string())
            << ": cannot write the routine: " << std::strerror(error) << "\n";
        return 1;
    }
    out << printable(file.string()) << "\n";
    return 0;
}

} // namespace rollcoach
