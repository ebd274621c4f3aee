#include "Remind.hpp"

#include "Sessions.hpp"
#include "core/DataPaths.hpp"
#include "core/PrintableText.hpp"
#include "core/Reminder.hpp"
#include "core/TextFile.hpp"
#include "core/Translate.hpp"
#include "modules/DesktopModules.hpp"
#include "modules/ModuleLoader.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <ostream>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace rollcoach {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTimerName = "rollcoach-remind.timer";
constexpr const char* kServiceName = "rollcoach-remind.service";
constexpr const char* kAutostartName = "rollcoach-remind.desktop";

// An XDG base folder: the variable when it names an absolute folder (the spec has a relative
// one ignored), else the fallback under an absolute HOME; empty when neither gives a place,
// so nothing is written into (or read from) whatever folder the command runs in.
fs::path xdgFolder(const char* variable, const char* fallback) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value == '/') {
        return value;
    }
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home == '/') {
        return fs::path(home) / fallback;
    }
    return {};
}

fs::path configFolder() {
    return xdgFolder("XDG_CONFIG_HOME", ".config");
}

fs::path unitFolder() {
    const fs::path config = configFolder();
    return config.empty() ? config : config / "systemd" / "user";
}

fs::path autostartFile() {
    const fs::path config = configFolder();
    return config.empty() ? config : config / "autostart" / kAutostartName;
}

fs::path snoozeFile() {
    const fs::path state = xdgFolder("XDG_STATE_HOME", ".local/state");
    return state.empty() ? state : state / "rollcoach" / "remind-snooze";
}

// Said when there is no folder to install into.
void sayNoConfigFolder(std::ostream& err) {
    const char* home = std::getenv("HOME");
    err << "rollcoach: error: "
        << (home == nullptr || *home == '\0'
                ? std::string(_("HOME is not set and XDG_CONFIG_HOME names no absolute folder, so "
                                "there is no place for the reminder's files; set HOME or "
                                "XDG_CONFIG_HOME to an absolute path"))
                : rollcoach::fillIn(
                      _("HOME is \"{0}\", not an absolute path, and XDG_CONFIG_HOME names no "
                        "absolute folder, so there is no place for the reminder's files; set "
                        "HOME or XDG_CONFIG_HOME to an absolute path"),
                      printable(home)))
        << "\n";
}

// The binary that is running, so a timer or a Start runs this very rollcoach.
std::string thisExecutable(const Workspace& workspace) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !self.empty()) {
        return self.string();
    }
    return fs::absolute(workspace.executablePath, ec).string();
}

// Runs a program with its output discarded; its exit status, or -1 when it could not run.
int runQuietly(const std::vector<std::string>& args) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return -1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool systemctl(const std::vector<std::string>& args) {
    std::vector<std::string> command = {"systemctl", "--user"};
    command.insert(command.end(), args.begin(), args.end());
    return runQuietly(command) == 0;
}

// A systemd user instance answers `systemctl --user`; without one a timer would never run.
bool hasUserInstance() {
    return systemctl({"show-environment"});
}

// Starts the session in a process of its own that outlives this one.
bool startDetached(const std::vector<std::string>& args, std::string& why) {
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) {
        why = std::strerror(spawned);
        return false;
    }
    return true;
}

// Started from the timer's service, the session runs as a unit of its own in the user's
// systemd instance, so it lives on when the reminder's service ends; the display it needs
// goes with it. Anywhere else it is a process of its own.
bool startSession(const std::vector<std::string>& command, std::string& why) {
    const char* invocation = std::getenv("INVOCATION_ID");
    if (invocation != nullptr && *invocation != '\0') {
        std::vector<std::string> unit = {"systemd-run", "--user", "--quiet", "--collect"};
        for (const char* name :
             {"DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "XDG_CURRENT_DESKTOP"}) {
            const char* value = std::getenv(name);
            if (value != nullptr && *value != '\0') {
                unit.push_back(std::string("--setenv=") + name + "=" + value);
            }
        }
        unit.push_back("--");
        unit.insert(unit.end(), command.begin(), command.end());
        if (runQuietly(unit) == 0) {
            return true;
        }
    }
    return startDetached(command, why);
}

bool writeOrSay(const fs::path& file, const std::string& text, std::ostream& err) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::string why;
    if (ec) {
        why = ec.message();
    } else if (writeFileAtomically(file.string(), text, why)) {
        return true;
    }
    err << "rollcoach: error: " << printable(file.string()) << ": "
        << rollcoach::fillIn(_("cannot write it: {0}"), why) << "\n";
    return false;
}

// The unit to write: a fresh one, or the one installed with only rollcoach's line for `key`
// replaced, so the person's own lines stay.
std::string ownedUnit(const fs::path& file, const std::string& fresh, const std::string& section,
                      const std::string& key, const std::string& value) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return fresh;
    }
    const TextFile installed = readTextFile(file.string(), 64 * 1024);
    if (!installed.error.empty()) {
        return fresh;
    }
    return replaceUnitKey(installed.text, section, key, value);
}

// The timer's times on one line: "Mon,Wed *-*-* 07:00:00; Tue *-*-* 18:30:00".
std::string calendarWords(std::string calendar) {
    std::replace(calendar.begin(), calendar.end(), '\n', ';');
    std::string out;
    for (const char c : calendar) {
        out += c;
        if (c == ';') {
            out += ' ';
        }
    }
    return out;
}

std::string calendarNow(const Workspace& workspace, const BodyModel& body) {
    return timerCalendar(
        plannedRoutines(loadRoutineLibrary(workspace, body, PlacementCheck::ErrorsOnly)),
        workspace.settings);
}

int install(const RemindRequest& request, const Workspace& workspace, const BodyModel& body,
            std::ostream& out, std::ostream& err) {
    const std::string calendar = calendarNow(workspace, body);
    if (calendar.empty()) {
        err << "rollcoach: error: "
            << _("no routine names days in its schedule, so there is nothing to remind of; add "
                 "`days:` to a routine's schedule")
            << "\n";
        return 1;
    }
    if (configFolder().empty()) {
        sayNoConfigFolder(err);
        return 1;
    }
    const std::string executable = thisExecutable(workspace);
    // The timer runs in another folder than this command: a relative path would name
    // another place there.
    std::error_code ec;
    const std::string dataDir = fs::absolute(workspace.dataDir, ec).lexically_normal().string();
    if (ec) {
        err << "rollcoach: error: " << printable(workspace.dataDir) << ": "
            << rollcoach::fillIn(_("cannot make the data folder's path absolute: {0}"),
                                 ec.message())
            << "\n";
        return 1;
    }
    if (request.autostart) {
        for (const std::string& path : {executable, dataDir}) {
            if (const std::string problem = desktopEntryProblem(path); !problem.empty()) {
                err << "rollcoach: error: " << printable(path) << ": "
                    << rollcoach::fillIn(
                           _("the path {0}; move it, or use the systemd timer (rollcoach "
                             "remind --install)"),
                           problem)
                    << "\n";
                return 1;
            }
        }
        const fs::path file = autostartFile();
        if (!writeOrSay(file, autostartEntry(executable, dataDir), err)) {
            return 1;
        }
        out << printable(file.string()) << ": "
            << rollcoach::fillIn(
                   _("from the next login, rollcoach stays running and reminds at {0} (remove "
                     "it with rollcoach remind --uninstall)"),
                   calendarWords(calendar))
            << "\n";
        return 0;
    }
    if (!hasUserInstance()) {
        err << "rollcoach: "
            << _("no systemd user instance answers here (systemctl --user), so no timer can run "
                 "the reminders.")
            << "\n"
            << _("Instead, `rollcoach remind --install --autostart` adds an XDG autostart entry: "
                 "at each login rollcoach starts and stays running to remind you.")
            << "\n";
        return 1;
    }
    const fs::path folder = unitFolder();
    if (!writeOrSay(folder / kServiceName,
                    ownedUnit(folder / kServiceName, serviceUnit(executable, dataDir), "Service",
                              "ExecStart", remindExecStart(executable, dataDir)),
                    err) ||
        !writeOrSay(
            folder / kTimerName,
            ownedUnit(folder / kTimerName, timerUnit(calendar), "Timer", "OnCalendar", calendar),
            err)) {
        return 1;
    }
    if (!systemctl({"daemon-reload"}) || !systemctl({"enable", "--now", kTimerName})) {
        err << "rollcoach: error: " << printable((folder / kTimerName).string()) << ": "
            << _("is written, but systemctl --user could not enable it") << "\n";
        return 1;
    }
    out << printable((folder / kTimerName).string()) << ": "
        << rollcoach::fillIn(_("reminders at {0}"), calendarWords(calendar)) << "\n";
    return 0;
}

int uninstall(std::ostream& out, std::ostream& err) {
    if (configFolder().empty()) {
        sayNoConfigFolder(err);
        return 1;
    }
    const fs::path folder = unitFolder();
    const fs::path timer = folder / kTimerName;
    std::error_code ec;
    bool removedAny = false;
    if (fs::exists(timer, ec)) {
        systemctl({"disable", "--now", kTimerName}); // nothing to stop without an instance
    }
    for (const fs::path& file : {timer, folder / kServiceName, autostartFile()}) {
        if (fs::remove(file, ec)) {
            out << rollcoach::fillIn(_("removed {0}"), printable(file.string())) << "\n";
            removedAny = true;
        }
    }
    if (!removedAny) {
        out << _("No reminder was installed.") << "\n";
        return 0;
    }
    systemctl({"daemon-reload"});
    return 0;
}

// A timer written for other days or another time is rewritten: the routines or the settings
// have changed since it was installed.
// Only rollcoach's own line changes: a line the person added (RandomizedDelaySec=, say) stays,
// and a timer whose calendar is still the plan's is left as it is.
void refreshTimer(const Workspace& workspace, const std::string& calendar, std::ostream& out,
                  std::ostream& err) {
    if (unitFolder().empty() || calendar.empty()) {
        return;
    }
    const fs::path timer = unitFolder() / kTimerName;
    const TextFile installed = readTextFile(timer.string(), 64 * 1024);
    if (!installed.error.empty()) {
        return;
    }
    const std::string wanted = replaceUnitKey(installed.text, "Timer", "OnCalendar", calendar);
    if (installed.text == wanted) {
        return;
    }
    const fs::path service = unitFolder() / kServiceName;
    std::error_code ec;
    const std::string executable = thisExecutable(workspace);
    const std::string dataDir = fs::absolute(workspace.dataDir, ec).lexically_normal().string();
    if (writeOrSay(timer, wanted, err) &&
        writeOrSay(service,
                   ownedUnit(service, serviceUnit(executable, dataDir), "Service", "ExecStart",
                             remindExecStart(executable, dataDir)),
                   err)) {
        systemctl({"daemon-reload"});
        out << printable(timer.string()) << ": "
            << rollcoach::fillIn(_("rewritten for reminders at {0}"), calendarWords(calendar))
            << "\n";
    }
}

enum class Answer { Posted, Nothing, Failed };

// What a remind that stays running keeps from one look to the next.
struct Looks {
    std::set<std::string> handled; ///< the routines already answered today
    std::set<std::string> said;    ///< notices of broken routines, said once
};

// One look at what is due, and a reminder if something is; `looks` when rollcoach stays
// running.
Answer remindOnce(const RemindRequest& request, const Workspace& workspace, const BodyModel& body,
                  Looks* looks, std::ostream& out, std::ostream& err) {
    std::set<std::string>* handled = looks ? &looks->handled : nullptr;
    // Routines that do not fit the body are reminded of too, with why; one that cannot be
    // read is said to be left out.
    const auto library = loadRoutineLibrary(workspace, body, PlacementCheck::ErrorsOnly);
    sayBroken(library, err, looks ? &looks->said : nullptr);
    const auto routines = plannedRoutines(library);
    refreshTimer(workspace, timerCalendar(routines, workspace.settings), out, err);
    const std::int64_t now = workspace.now();
    const auto history = historyOrSay(workspace, err);
    bool read = false;
    const auto sessions = recentSessions(history.get(), &read);
    const auto due = dueToday(library, sessions, now, workspace.settings, read);
    const std::int64_t snoozed =
        snoozeFile().empty() ? 0 : parseSnooze(readTextFile(snoozeFile().string(), 4096).text);
    const ReminderDecision decision = decideReminder(due, now, snoozed);
    if (!decision.reminder) {
        if (handled == nullptr) {
            out << rollcoach::fillIn(_("No reminder: {0}."), printable(decision.why)) << "\n";
        }
        return Answer::Nothing;
    }
    const Reminder& reminder = *decision.reminder;
    const std::string key = localDate(now).iso() + " " + reminder.title;
    if (handled != nullptr && handled->count(key) > 0) {
        return Answer::Nothing;
    }
    std::string why;
    const auto post = loadModuleEntry<PostNotification>(
        modulePaths(workspace.programFolder, kNotifyModuleName), kPostNotificationSymbol, why);
    if (post == nullptr) {
        err << "rollcoach: error: " << rollcoach::fillIn(_("no notifications: {0}"), why) << "\n";
        return Answer::Failed;
    }
    NotificationRequest note;
    note.appName = "rollcoach";
    note.summary = reminder.summary;
    note.body = reminder.body;
    note.icon = "rollcoach";
    // "default" is what a click on the notification itself does.
    // With no wait nobody would answer the buttons: the notification is a plain one.
    if (request.waitS > 0) {
        note.actions = {{"default", _("Start")}, {"start", _("Start")}, {"later", _("Later")}};
    }
    note.waitS = request.waitS;
    // The whole exchange, every call to the server included, fits in the wait; a plain
    // notification gets a few seconds to be posted.
    note.deadlineMs = request.waitS > 0 ? request.waitS * 1000 : 5000;
    NotificationResult result;
    if (!post(note, result)) {
        const char* what = _("the notification server refused it");
        switch (result.failure) {
        case NotificationFailure::NoBus:
            what = _("no session bus to reach a desktop notification service on");
            break;
        case NotificationFailure::NoServer:
            what = _("no desktop notification service answers on the session bus");
            break;
        case NotificationFailure::NoAnswer:
            what = _("the notification server did not answer in time");
            break;
        case NotificationFailure::WrongAnswer:
            what = _("the notification server answered wrongly");
            break;
        case NotificationFailure::Refused:
        case NotificationFailure::None:
            break;
        }
        err << "rollcoach: error: "
            << rollcoach::fillIn(_("cannot post a notification ({0}): {1}"), what,
                                 printable(result.error))
            << "\n";
        return Answer::Failed;
    }
    out << rollcoach::fillIn(_("Reminded: {0}"), printable(reminder.summary)) << "\n" << std::flush;
    if (handled != nullptr) {
        handled->insert(key);
    }
    if (result.action == "default" || result.action == "start") {
        const char* custom = std::getenv("ROLLCOACH_START_COMMAND");
        std::vector<std::string> command;
        if (custom != nullptr && *custom != '\0') {
            command = {custom, reminder.routineFile};
        } else {
            command = {thisExecutable(workspace), "--data-dir", workspace.dataDir, "run",
                       reminder.routineFile};
        }
        if (!startSession(command, why)) {
            err << "rollcoach: error: "
                << rollcoach::fillIn(_("cannot start the session: {0}"), why) << "\n";
            return Answer::Failed;
        }
        out << rollcoach::fillIn(_("Started: {0}"), printable(reminder.title)) << "\n";
    } else if (result.action == "later") {
        const std::int64_t until = now + kSnoozeMinutes * 60;
        const fs::path file = snoozeFile();
        if (file.empty()) {
            err << "rollcoach: error: "
                << _("HOME is not an absolute path and XDG_STATE_HOME names no absolute folder, "
                     "so Later cannot be kept")
                << "\n";
            return Answer::Failed;
        }
        if (!writeOrSay(file, snoozeText(until), err)) {
            return Answer::Failed;
        }
        if (handled != nullptr) {
            handled->erase(key); // reminded again when the snooze ends
        }
        char time[16];
        const int minute = localMinuteOfDay(until);
        std::snprintf(time, sizeof time, "%02d:%02d", minute / 60, minute % 60);
        out << rollcoach::fillIn(_("Later: reminded again from {0}"), time) << "\n";
    } else if (result.closed) {
        out << _("Dismissed.") << "\n";
    } else if (result.actionsShown) {
        out << rollcoach::fillIn(_("No answer in {0} s; the reminder was taken down."),
                                 request.waitS)
            << "\n";
    }
    return Answer::Posted;
}

} // namespace

int remindCommand(const RemindRequest& request, const Workspace& workspace, std::ostream& out,
                  std::ostream& err) {
    if (request.uninstall) {
        return uninstall(out, err);
    }
    const auto body = bodyOrSay(workspace, err);
    if (!body) {
        return 1;
    }
    if (request.install) {
        return install(request, workspace, *body, out, err);
    }
    if (!request.keepRunning) {
        return remindOnce(request, workspace, *body, nullptr, out, err) == Answer::Failed ? 1 : 0;
    }
    // The autostart way: a look every minute, each routine reminded of once a day unless put
    // off with Later.
    Looks looks;
    for (;;) {
        remindOnce(request, workspace, *body, &looks, out, err);
        out << std::flush;
        std::this_thread::sleep_for(std::chrono::seconds(60));
    }
}

} // namespace rollcoach
