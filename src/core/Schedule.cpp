#include "Schedule.hpp"

#include "History.hpp"
#include "Language.hpp"
#include "TextFile.hpp"
#include "Translate.hpp"
#include "YamlDocument.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace rollcoach {

namespace {

// A plain decimal number such as 30 or 38.5: strtod would also take "0x1e", "inf" and "nan".
bool decimalNumber(const std::string& text, double& value) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') {
        ++begin;
    }
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    return begin != end && ec == std::errc() && ptr == end && std::isfinite(value);
}

} // namespace

Settings parseSettings(const std::string& text, Diagnostics& diagnostics) {
    Settings settings;
    YamlLimits limits;
    limits.maxBytes = kMaxSettingsBytes;
    limits.holder = _("a settings file");
    YamlDocument document = YamlDocument::parse(text, diagnostics, limits);
    const YamlNode* root = document.root();
    if (root == nullptr) {
        return settings;
    }
    if (root->kind != YamlNode::Kind::Map) {
        diagnostics.push_back({Severity::Error, root->mark, _("settings must be a map of keys")});
        return settings;
    }
    for (const auto& [key, value] : root->entries) {
        const std::string name = key->value;
        if (name == "time") {
            const auto minute =
                value->kind == YamlNode::Kind::Scalar ? parseTimeOfDay(value->value) : std::nullopt;
            if (!minute) {
                diagnostics.push_back(
                    {Severity::Error, value->mark,
                     _("\"time\" must be a time of day as H:MM or HH:MM, 00:00 to 23:59, such as "
                       "\"18:30\"")});
                continue;
            }
            settings.sessionMinuteOfDay = *minute;
        } else if (name == "body") {
            if (value->kind != YamlNode::Kind::Scalar ||
                (value->value != "men" && value->value != "women")) {
                diagnostics.push_back(
                    {Severity::Error, value->mark, _("\"body\" must be men or women")});
                continue;
            }
            settings.body = value->value;
        } else if (name == "shoulder_width_cm") {
            double width = 0;
            if (value->kind != YamlNode::Kind::Scalar || !value->plain ||
                !decimalNumber(value->value, width) ||
                !(width >= kShoulderWidthRangeCm[0] && width <= kShoulderWidthRangeCm[1])) {
                diagnostics.push_back({Severity::Error, value->mark,
                                       _("\"shoulder_width_cm\" must be a number from 30 to 50 "
                                         "(centimetres from shoulder tip to shoulder tip)")});
                continue;
            }
            settings.shoulderWidthCm = width;
        } else if (name == "height_cm") {
            double height = 0;
            if (value->kind != YamlNode::Kind::Scalar || !value->plain ||
                !decimalNumber(value->value, height) ||
                !(height >= kHeightRangeCm[0] && height <= kHeightRangeCm[1])) {
                diagnostics.push_back({Severity::Error, value->mark,
                                       _("\"height_cm\" must be a number from 145 to 200 "
                                         "(your height in centimetres)")});
                continue;
            }
            settings.heightCm = height;
        } else if (name == "body_asked") {
            if (value->kind != YamlNode::Kind::Scalar || !value->plain ||
                (value->value != "true" && value->value != "false")) {
                diagnostics.push_back(
                    {Severity::Error, value->mark, _("\"body_asked\" must be true or false")});
                continue;
            }
            settings.bodyAsked = value->value == "true";
        } else if (name == "speech") {
            const std::string word = value->kind == YamlNode::Kind::Scalar ? value->value : "";
            if (word == "off") {
                settings.speech = SpeechAmount::Off;
            } else if (word == "brief") {
                settings.speech = SpeechAmount::Brief;
            } else if (word == "full") {
                settings.speech = SpeechAmount::Full;
            } else {
                diagnostics.push_back(
                    {Severity::Error, value->mark, _("\"speech\" must be off, brief or full")});
            }
        } else if (name == "speech_rate") {
            double rate = 0;
            if (value->kind != YamlNode::Kind::Scalar || !value->plain ||
                !decimalNumber(value->value, rate) || !(rate >= 80 && rate <= 400) ||
                rate != std::floor(rate)) {
                diagnostics.push_back(
                    {Severity::Error, value->mark,
                     _("\"speech_rate\" must be a whole number of words a minute, 80 to 400")});
                continue;
            }
            settings.speechWordsPerMinute = static_cast<int>(rate);
        } else if (name == "big_button") {
            if (value->kind != YamlNode::Kind::Scalar || !value->plain ||
                (value->value != "true" && value->value != "false")) {
                diagnostics.push_back(
                    {Severity::Error, value->mark, _("\"big_button\" must be true or false")});
                continue;
            }
            settings.bigButton = value->value == "true";
        } else if (name == "listen") {
            if (value->kind != YamlNode::Kind::Scalar || !value->plain ||
                (value->value != "true" && value->value != "false")) {
                diagnostics.push_back(
                    {Severity::Error, value->mark, _("\"listen\" must be true or false")});
                continue;
            }
            settings.listen = value->value == "true";
        } else if (name == "language") {
            if (value->kind != YamlNode::Kind::Scalar || !isLanguageName(value->value)) {
                diagnostics.push_back(
                    {Severity::Error, value->mark,
                     _("\"language\" must name a language, such as de, es or en")});
                continue;
            }
            settings.language = value->value;
        } else {
            diagnostics.push_back(
                {Severity::Error, key->mark,
                 fillIn(
                     _("unknown setting \"{0}\" (known: time, body, shoulder_width_cm, height_cm, "
                       "body_asked, speech, speech_rate, big_button, listen, language)"),
                     name)});
        }
    }
    return settings;
}

Settings loadSettings(const std::string& path, Diagnostics& diagnostics) {
    std::error_code ec;
    // No settings file is the usual case: the defaults, and nothing to say.
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
        return {};
    }
    const TextFile file = readTextFile(path, kMaxSettingsBytes);
    if (!file.error.empty()) {
        diagnostics.push_back(
            {Severity::Error,
             {},
             fillIn(_("{0}; the settings are left at their defaults"), file.error)});
        return {};
    }
    return parseSettings(file.text, diagnostics);
}

// Days from the civil calendar and back (Howard Hinnant's algorithms, proleptic Gregorian).
std::int64_t Date::daysSinceEpoch() const {
    const int y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::fromDaysSinceEpoch(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Weekday Date::weekday() const {
    // 1970-01-01 was a Thursday.
    const std::int64_t days = daysSinceEpoch();
    const std::int64_t index = ((days % 7) + 7 + 3) % 7; // Monday = 0
    return static_cast<Weekday>(index);
}

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::vector<PlannedSession> weeklyPlan(const std::vector<std::pair<std::string, Routine>>& routines,
                                       Date first, int days, const Settings& settings) {
    std::vector<PlannedSession> plan;
    days = std::min(days, kMaxPlanDays);
    for (int i = 0; i < days; ++i) {
        const Date date = first.plusDays(i);
        if (date.year > 9999) {
            break; // no calendar or ISO date has a fifth digit
        }
        const std::size_t dayStart = plan.size();
        for (const auto& [file, routine] : routines) {
            const auto& due = routine.schedule.days;
            if (std::find(due.begin(), due.end(), date.weekday()) == due.end()) {
                continue;
            }
            double total = routine.sideSeconds() * 2 * routine.schedule.rounds +
                           routine.schedule.switchS * (2 * routine.schedule.rounds - 1);
            // The routine's own time, where it gives one, over the settings'.
            plan.push_back({date,
                            routine.schedule.minuteOfDay.value_or(settings.sessionMinuteOfDay),
                            file, routine.title, total, routine.key});
        }
        // A day's sessions in the order of their times: routines may give their own.
        std::stable_sort(plan.begin() + static_cast<std::ptrdiff_t>(dayStart), plan.end(),
                         [](const PlannedSession& a, const PlannedSession& b) {
                             return a.minuteOfDay < b.minuteOfDay;
                         });
    }
    return plan;
}

namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
std::string escapeText(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '\\':
        case ';':
        case ',':
            out += '\\';
            out += c;
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

// RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never inside
// a UTF-8 character.
std::string folded(const std::string& line) {
    std::string out;
    std::size_t lineOctets = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t length = 1;
        const auto c = static_cast<unsigned char>(line[i]);
        if (c >= 0xF0) {
            length = 4;
        } else if (c >= 0xE0) {
            length = 3;
        } else if (c >= 0xC0) {
            length = 2;
        }
        if (lineOctets + length > 75) {
            out += "\r\n ";
            lineOctets = 1;
        }
        out.append(line, i, length);
        lineOctets += length;
        i += length;
    }
    return out + "\r\n";
}

// An event's UID: its date and a hash of the routine's file and title as written, so two
// routines never share one, whatever their titles hold (punctuation only, no ASCII letters,
// the same title), and a calendar made again in another language replaces its events.
std::string eventUid(const PlannedSession& session) {
    return session.date.iso() + "-" + routineHash(session.routineFile + '\n' + session.key) +
           "@rollcoach";
}

} // namespace

std::string iCalendar(const std::vector<PlannedSession>& sessions, std::int64_t stampUtc,
                      const std::string& description) {
    const std::string stamp = utcTime(stampUtc, "%Y%m%dT%H%M%SZ");
    std::string out;
    out += folded("BEGIN:VCALENDAR");
    out += folded("VERSION:2.0");
    out += folded("PRODID:-//rollcoach//rollcoach//EN");
    out += folded("CALSCALE:GREGORIAN");
    for (const PlannedSession& s : sessions) {
        char start[32];
        std::snprintf(start, sizeof start, "%04d%02d%02dT%02d%02d00", s.date.year, s.date.month,
                      s.date.day, s.minuteOfDay / 60, s.minuteOfDay % 60);
        const int minutes = static_cast<int>(std::ceil(s.totalS / 60.0));
        out += folded("BEGIN:VEVENT");
        out += folded("UID:" + eventUid(s));
        out += folded("DTSTAMP:" + stamp);
        out += folded(std::string("DTSTART:") + start);
        out += folded("DURATION:PT" + std::to_string(minutes) + "M");
        out += folded("SUMMARY:" + escapeText("rollcoach: " + s.title));
        out += folded("DESCRIPTION:" + escapeText(description));
        out += folded("END:VEVENT");
    }
    out += folded("END:VCALENDAR");
    return out;
}

} // namespace rollcoach
