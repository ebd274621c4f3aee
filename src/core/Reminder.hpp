#pragma once

#include "Routine.hpp"
#include "Schedule.hpp"
#include "Workspace.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// How long "Later" puts a reminder off.
constexpr int kSnoozeMinutes = 15;

/// A reminder to post: the routine it is for and what the notification says.
struct Reminder {
    std::string routineFile;
    std::string title;
    std::string summary; ///< the notification's first line
    std::string body;    ///< the lines under it
};

/// Why no reminder is posted, in the words `remind` prints.
struct ReminderDecision {
    std::optional<Reminder> reminder;
    std::string why; ///< set when there is no reminder: "nothing is due today", ...
};

/// The local minute of the day (0-1439) of a moment.
int localMinuteOfDay(std::int64_t secondsSinceEpoch);

/// What to remind of at `now`: the first routine due today whose time has come and that is not
/// done (a partial one is still due). Nothing before the settings' time, nothing for a routine
/// done today, and nothing while a "Later" lasts (`snoozedUntil`, 0 for none).
ReminderDecision decideReminder(const std::vector<DueSession>& due, std::int64_t now,
                                std::int64_t snoozedUntil);

/// The snooze file's text ("snoozed_until: 1795470300") and back; a file that does not read
/// as one is no snooze.
std::string snoozeText(std::int64_t until);
std::int64_t parseSnooze(const std::string& text);

/// The systemd OnCalendar= values for the routines' days at their times (a routine's own
/// `time`, else the settings'), one line for each time of day, earliest first, e.g.
/// "Mon,Wed,Fri *-*-* 18:30:00"; empty when no routine names a day.
std::string timerCalendar(const std::vector<std::pair<std::string, Routine>>& routines,
                          const Settings& settings);

/// A word for systemd's command lines (systemd.exec): quoted, with '%' as "%%", '$' as "$$",
/// '\\' and '"' escaped with a backslash and control characters as C escapes, so systemd
/// hands the program the very word, expanding no variable and no specifier in it.
std::string systemdWord(const std::string& word);

/// A unit file with rollcoach's one line for `key` in `section` set to `value`: the line in
/// place of the first such line (any others dropped), at the end of the section when it had
/// none, or in a new section at the end. Every other line, the person's own included, stays
/// as it was.
std::string replaceUnitKey(const std::string& installed, const std::string& section,
                           const std::string& key, const std::string& value);

/// Why a word cannot go into a desktop entry's Exec line (a line break or another control
/// character); "" when it can.
std::string desktopEntryProblem(const std::string& word);

/// The user timer that runs the reminder at `calendar`'s times; catches up a time missed
/// while the computer was off.
std::string timerUnit(const std::string& calendar);

/// The service's command line: `executable` [--data-dir DIR] remind, each path a systemdWord.
std::string remindExecStart(const std::string& executable, const std::string& dataDir);

/// The service the timer starts: `executable` [--data-dir DIR] remind.
std::string serviceUnit(const std::string& executable, const std::string& dataDir);

/// The XDG autostart entry that keeps a reminder running for the session, where there is no
/// systemd user instance. Both paths must pass desktopEntryProblem.
std::string autostartEntry(const std::string& executable, const std::string& dataDir);

} // namespace rollcoach
