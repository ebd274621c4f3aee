#include "Reminder.hpp"
#include "Translate.hpp"

#include "Timeline.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace rollcoach {

namespace {

std::string clockTime(int minuteOfDay) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    return text;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// "About 10 minutes": the whole session, both sides and every round, as planned.
std::string aboutMinutes(double seconds) {
    const long minutes = std::max(1L, std::lround(seconds / 60.0));
    return "About " + std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

} // namespace

int localMinuteOfDay(std::int64_t secondsSinceEpoch) {
    const std::time_t t = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm.tm_hour * 60 + tm.tm_min;
}

ReminderDecision decideReminder(const std::vector<DueSession>& due, std::int64_t now,
                                std::int64_t snoozedUntil) {
    ReminderDecision decision;
    if (due.empty()) {
        decision.why = _("nothing is due today");
        return decision;
    }
    const int minute = localMinuteOfDay(now);
    std::vector<const DueSession*> waiting;
    const DueSession* early = nullptr;
    for (const DueSession& session : due) {
        if (session.state == DayState::Done) {
            continue;
        }
        if (minute < session.planned.minuteOfDay) {
            if (early == nullptr || session.planned.minuteOfDay < early->planned.minuteOfDay) {
                early = &session;
            }
            continue;
        }
        waiting.push_back(&session);
    }
    if (waiting.empty()) {
        decision.why = early != nullptr ? fillIn(_("{0} is due at {1}"), early->planned.title,
                                                 clockTime(early->planned.minuteOfDay))
                                        : _("everything due today is done");
        return decision;
    }
    if (snoozedUntil > now) {
        decision.why = fillIn(_("put off until {0}"), clockTime(localMinuteOfDay(snoozedUntil)));
        return decision;
    }
    const DueSession& first = *waiting.front();
    Reminder reminder;
    reminder.routineFile = first.planned.routineFile;
    reminder.title = first.planned.title;
    reminder.summary = fillIn(_("Time for the {0}"), first.planned.title);
    std::string body;
    if (!first.notFit.empty()) {
        // Never dropped in silence: due, and why it cannot start as the body is set.
        body = fillIn(_("It does not fit your body: {0}. To do: {1}.\n"), first.notFit,
                      notFitAdvice());
    }
    if (first.state == DayState::Partial) {
        body = fillIn(_("Partly done today: left {0}, right {1} of {2} each.\n"),
                      minutesAndSeconds(first.doneLeftS), minutesAndSeconds(first.doneRightS),
                      minutesAndSeconds(first.plannedPerSideS));
    }
    // Read at a glance: how long, and where to start; `next` says why that side.
    body += first.firstSide.side == Side::Left
                ? fillIn(_("{0}, left side first.\n"), aboutMinutes(first.planned.totalS))
                : fillIn(_("{0}, right side first.\n"), aboutMinutes(first.planned.totalS));
    for (std::size_t i = 1; i < waiting.size(); ++i) {
        body += waiting[i]->notFit.empty()
                    ? fillIn(_("Also due: {0}.\n"), waiting[i]->planned.title)
                    : fillIn(_("Also due: {0} (it does not fit your body).\n"),
                             waiting[i]->planned.title);
    }
    body += _("Press gently; stop at once on sharp pain, numbness or tingling.");
    reminder.body = body;
    decision.reminder = std::move(reminder);
    return decision;
}

std::string snoozeText(std::int64_t until) {
    return "snoozed_until: " + std::to_string(until) + "\n";
}

std::int64_t parseSnooze(const std::string& text) {
    const std::string key = "snoozed_until:";
    if (text.compare(0, key.size(), key) != 0) {
        return 0;
    }
    const char* begin = text.c_str() + key.size();
    while (*begin == ' ') {
        ++begin;
    }
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(begin, &end, 10);
    if (end == begin || errno == ERANGE || value < 0 || (*end != '\0' && *end != '\n') ||
        (*end == '\n' && end[1] != '\0')) {
        return 0;
    }
    return static_cast<std::int64_t>(value);
}

std::string timerCalendar(const std::vector<std::pair<std::string, Routine>>& routines,
                          const Settings& settings) {
    // One expression for each time of day, with the days due at it: a routine's own time
    // wins over the settings'.
    std::vector<std::pair<int, std::array<bool, 7>>> times;
    for (const auto& entry : routines) {
        const Schedule& schedule = entry.second.schedule;
        if (schedule.days.empty()) {
            continue;
        }
        const int minute = schedule.minuteOfDay.value_or(settings.sessionMinuteOfDay);
        auto at = std::find_if(times.begin(), times.end(),
                               [minute](const auto& time) { return time.first == minute; });
        if (at == times.end()) {
            times.push_back({minute, {}});
            at = times.end() - 1;
        }
        for (const Weekday day : schedule.days) {
            at->second[static_cast<std::size_t>(day)] = true;
        }
    }
    std::sort(times.begin(), times.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    static const char* const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::string calendar;
    for (const auto& time : times) {
        std::string list;
        for (std::size_t i = 0; i < 7; ++i) {
            if (time.second[i]) {
                list += (list.empty() ? "" : ",") + std::string(names[i]);
            }
        }
        calendar +=
            (calendar.empty() ? "" : "\n") + list + " *-*-* " + clockTime(time.first) + ":00";
    }
    return calendar;
}

std::string systemdWord(const std::string& word) {
    // systemd.exec: in a quoted word, C-style escapes for the backslash, the quote and
    // control characters; "%" starts a specifier and "$" a variable, each doubled to stand
    // for itself.
    std::string quoted = "\"";
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '%') {
            quoted += "%%";
        } else if (c == '$') {
            quoted += "$$";
        } else if (c == '\\' || c == '"') {
            quoted += '\\';
            quoted += c;
        } else if (c == '\n') {
            quoted += "\\n";
        } else if (byte < 0x20 || byte == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", byte);
            quoted += escape;
        } else {
            quoted += c;
        }
    }
    return quoted + "\"";
}

std::string replaceUnitKey(const std::string& installed, const std::string& section,
                           const std::string& key, const std::string& value) {
    const std::string header = "[" + section + "]";
    // A value of several lines is one key line each (a timer with several OnCalendar=).
    std::string line;
    std::size_t from = 0;
    while (from <= value.size()) {
        std::size_t end = value.find('\n', from);
        end = end == std::string::npos ? value.size() : end;
        line += (line.empty() ? "" : "\n") + key + "=" + value.substr(from, end - from);
        from = end + 1;
    }
    std::string out;
    bool inSection = false;
    bool sectionSeen = false;
    bool written = false;
    std::size_t start = 0;
    while (start < installed.size()) {
        std::size_t end = installed.find('\n', start);
        end = end == std::string::npos ? installed.size() : end + 1;
        const std::string raw = installed.substr(start, end - start);
        start = end;
        std::string text = raw;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
            text.pop_back();
        }
        const std::size_t first = text.find_first_not_of(" \t");
        const std::string trimmed = first == std::string::npos ? "" : text.substr(first);
        if (!trimmed.empty() && trimmed.front() == '[') {
            if (inSection && !written) {
                out += line + "\n"; // the section had no such line: it goes at its end
                written = true;
            }
            inSection = trimmed.compare(0, header.size(), header) == 0;
            sectionSeen = sectionSeen || inSection;
            out += raw;
            continue;
        }
        const std::size_t equals = trimmed.find('=');
        std::string name = equals == std::string::npos ? "" : trimmed.substr(0, equals);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
            name.pop_back();
        }
        const bool isKey = name == key;
        if (inSection && isKey) {
            if (!written) {
                out += line + "\n";
                written = true;
            }
            continue; // a second one of rollcoach's lines would add to the first
        }
        out += raw;
    }
    if (!out.empty() && out.back() != '\n') {
        out += '\n';
    }
    if (!written) {
        if (!sectionSeen) {
            out += (out.empty() ? "" : "\n") + header + "\n";
        }
        out += line + "\n";
    }
    return out;
}

std::string timerUnit(const std::string& calendar) {
    return "# Written by rollcoach remind --install from the routines' days and the time in\n" // untranslated:
                                                                                               // a
                                                                                               // systemd
                                                                                               // unit
                                                                                               // or
                                                                                               // desktop
                                                                                               // entry
                                                                                               // file
           "# settings.yaml; rollcoach rewrites it when they change.\n" // untranslated: a systemd
                                                                        // unit or desktop entry
                                                                        // file
           "[Unit]\n"
           "Description=rollcoach: a reminder when a self-massage session is due\n" // untranslated:
                                                                                    // a systemd
                                                                                    // unit or
                                                                                    // desktop entry
                                                                                    // file
           "\n"
           "[Timer]\n"
           "OnCalendar=" +
           replaceAll(calendar, "\n", "\nOnCalendar=") +
           "\n"
           "Persistent=true\n"
           "\n"
           "[Install]\n"
           "WantedBy=timers.target\n";
}

namespace {

std::string remindCommand(const std::string& executable, const std::string& dataDir,
                          const char* tail) {
    std::string command = systemdWord(executable);
    if (!dataDir.empty()) {
        command += " --data-dir " + systemdWord(dataDir);
    }
    return command + " " + tail;
}

} // namespace

std::string remindExecStart(const std::string& executable, const std::string& dataDir) {
    return remindCommand(executable, dataDir, "remind");
}

std::string serviceUnit(const std::string& executable, const std::string& dataDir) {
    return "# Written by rollcoach remind --install; removed by rollcoach remind --uninstall.\n" // untranslated: a systemd unit or desktop entry file
           "[Unit]\n"
           "Description=rollcoach: a reminder when a self-massage session is due\n" // untranslated:
                                                                                    // a systemd
                                                                                    // unit or
                                                                                    // desktop entry
                                                                                    // file
           "\n"
           "[Service]\n"
           "Type=exec\n"
           "# A session started from the reminder outlives it.\n" // untranslated: a systemd unit or
                                                                  // desktop entry file
           "KillMode=process\n"
           "ExecStart=" +
           remindExecStart(executable, dataDir) + "\n";
}

namespace {

// A word of a desktop entry's Exec key: quoted, with the quoting's escapes for ", `, $ and the
// backslash, each backslash then escaped again as the key's string value ("\\$", four for a
// backslash, as the Desktop Entry spec says), and '%' doubled (field codes). A control
// character has no way into an Exec key: desktopEntryProblem refuses it first.
std::string desktopWord(const std::string& word) {
    std::string quoted = "\"";
    for (const char c : word) {
        if (c == '"' || c == '`' || c == '$') {
            quoted += "\\\\";
            quoted += c;
        } else if (c == '\\') {
            quoted += "\\\\\\\\";
        } else if (c == '%') {
            quoted += "%%";
        } else {
            quoted += c;
        }
    }
    return quoted + "\"";
}

} // namespace

std::string desktopEntryProblem(const std::string& word) {
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r') {
            return _("holds a line break, which a desktop entry's Exec line cannot hold");
        }
        if (byte < 0x20 || byte == 0x7f) {
            return _("holds a control character, which a desktop entry's Exec line cannot hold");
        }
    }
    return {};
}

std::string autostartEntry(const std::string& executable, const std::string& dataDir) {
    std::string command = desktopWord(executable);
    if (!dataDir.empty()) {
        command += " --data-dir " + desktopWord(dataDir);
    }
    return "[Desktop Entry]\n" // untranslated: a systemd unit or desktop entry file
           "Type=Application\n"
           "Name=rollcoach reminders\n" // untranslated: a systemd unit or desktop entry file
           "Comment=A reminder when a self-massage session is due\n" // untranslated: a systemd unit
                                                                     // or desktop entry file
           "Exec=" +
           command +
           " remind --keep-running\n"
           "NoDisplay=true\n"
           "X-GNOME-Autostart-enabled=true\n";
}

} // namespace rollcoach
