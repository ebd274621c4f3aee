#pragma once

#include "Diagnostic.hpp"
#include "Routine.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// The user's settings file ($XDG_CONFIG_HOME/rollcoach/settings.yaml).
/// How much of a session is spoken: nothing, the essentials (sides, steps, switches, counts,
/// warnings, the end), or everything shown on screen too (cue texts, the tension question).
enum class SpeechAmount { Off, Brief, Full };

/// The bodies accepted, as assets/body.yaml gives them ("accepted"): the settings and the
/// command line check against the same figures, and a test holds them to the file's.
constexpr double kShoulderWidthRangeCm[2] = {30, 50};
constexpr double kHeightRangeCm[2] = {145, 200};

/// The largest settings file read: a few lines are expected.
constexpr std::size_t kMaxSettingsBytes = 64 * 1024;

struct Settings {
    int sessionMinuteOfDay = 18 * 60; ///< `time: "18:00"`: when sessions are due
    std::optional<std::string> body;  ///< `body: men|women`
    std::optional<double> shoulderWidthCm;
    std::optional<double> heightCm; ///< `height_cm: 170`
    bool bodyAsked = false;         ///< `body_asked: true`: the body screen was offered once
    SpeechAmount speech = SpeechAmount::Full; ///< `speech: off|brief|full`
    int speechWordsPerMinute = 150;           ///< `speech_rate: 150` (80 to 400)
    bool bigButton = false; ///< `big_button: true`: any key or button toggles pause
    bool listen = false;    ///< `listen: true`: sessions take voice commands (opt-in)
    /// `language: de`: the language shown and spoken, over the locale's (main applies it)
    std::optional<std::string> language;
};

/// Reads settings; problems are diagnostics and leave the defaults in place.
Settings parseSettings(const std::string& text, Diagnostics& diagnostics);

/// Reads the settings file: none at all gives the defaults silently; one that cannot be read
/// (a folder, a FIFO, too large, unreadable) is one diagnostic, and the defaults.
Settings loadSettings(const std::string& path, Diagnostics& diagnostics);

/// A calendar day.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    std::int64_t daysSinceEpoch() const;
    static Date fromDaysSinceEpoch(std::int64_t days);
    Weekday weekday() const;
    Date plusDays(int days) const { return fromDaysSinceEpoch(daysSinceEpoch() + days); }
    std::string iso() const; ///< 2026-11-23
    bool operator==(const Date& o) const {
        return year == o.year && month == o.month && day == o.day;
    }
    bool operator!=(const Date& o) const { return !(*this == o); }
};

/// One planned session.
struct PlannedSession {
    Date date;
    int minuteOfDay = 0;
    std::string routineFile;
    std::string title;
    double totalS = 0;
    std::string key; ///< Routine::key: how the history knows the routine
};

/// The most days any plan covers: ten years and a day, more than the longest count any
/// command asks for (progress over 520 weeks), so no date or count can make a plan run away.
constexpr int kMaxPlanDays = 3661;

/// Sessions due from `first` for `days` days (at most kMaxPlanDays, and none after
/// 9999-12-31): each routine on the weekdays its schedule names.
std::vector<PlannedSession> weeklyPlan(const std::vector<std::pair<std::string, Routine>>& routines,
                                       Date first, int days, const Settings& settings);

/// The plan as an iCalendar file (RFC 5545): CRLF line endings, lines folded at 75 octets,
/// a UID and DTSTAMP on every event. Times are floating local times.
std::string iCalendar(const std::vector<PlannedSession>& sessions, std::int64_t stampUtc,
                      const std::string& description);

} // namespace rollcoach
