#include "TestSupport.hpp"

#include "core/Schedule.hpp"
#include "core/TextFile.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sys/stat.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

Settings settingsFrom(const std::string& text, Diagnostics& problems) {
    problems.clear();
    return parseSettings(text, problems);
}

void checkDefaults(const Settings& settings) {
    CHECK(settings.sessionMinuteOfDay == 18 * 60);
    CHECK_FALSE(settings.body.has_value());
    CHECK_FALSE(settings.shoulderWidthCm.has_value());
    CHECK_FALSE(settings.bigButton);
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// The physical lines of an iCalendar text, each without its CRLF; fails on a bare LF or CR.
std::vector<std::string> physicalLines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        lines.push_back(ics.substr(start, end - start));
        REQUIRE(lines.back().find_first_of("\r\n") == std::string::npos);
        start = end + 2;
    }
    return lines;
}

// Content lines, with folded continuations joined back on (RFC 5545 3.1).
std::vector<std::string> unfolded(const std::string& ics) {
    std::vector<std::string> lines;
    for (const std::string& line : physicalLines(ics)) {
        if (!line.empty() && line[0] == ' ') {
            REQUIRE_FALSE(lines.empty());
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
    }
    return lines;
}

PlannedSession session(Date date, int minuteOfDay, const std::string& title, double totalS) {
    return {date, minuteOfDay, title + ".yaml", title, totalS, title};
}

} // namespace

TEST_CASE("settings: each bad value is a located diagnostic and leaves its default") {
    Diagnostics problems;
    const Settings s =
        settingsFrom("time: \"24:00\"\nbody: giants\nshoulder_width_cm: 70\n", problems);
    REQUIRE(problems.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(problems[i].severity == Severity::Error);
        CHECK(problems[i].mark.line == static_cast<int>(i) + 1);
    }
    // Located at the value, after the key.
    CHECK(problems[0].mark.column == 7);
    CHECK(problems[0].message.find("\"time\"") != std::string::npos);
    CHECK(problems[1].message == "\"body\" must be men or women");
    CHECK(problems[2].message.find("from 30 to 50") != std::string::npos);
    checkDefaults(s);
}

TEST_CASE("settings: times of day from midnight to a minute before the next") {
    Diagnostics problems;
    CHECK(settingsFrom("time: \"0:00\"", problems).sessionMinuteOfDay == 0);
    CHECK(settingsFrom("time: \"23:59\"", problems).sessionMinuteOfDay == 23 * 60 + 59);
    CHECK(settingsFrom("time: \"06:05\"", problems).sessionMinuteOfDay == 6 * 60 + 5);
    CHECK(settingsFrom("time: 7:30", problems).sessionMinuteOfDay == 7 * 60 + 30);
    CHECK(problems.empty());
    for (const char* bad :
         {"\"18:60\"", "\"18\"", "\"18:30pm\"", "\"-1:00\"", "\"\"", "[18, 30]", "{h: 18}"}) {
        CAPTURE(bad);
        const Settings s = settingsFrom(std::string("time: ") + bad + "\n", problems);
        CHECK(problems.size() == 1);
        CHECK(s.sessionMinuteOfDay == 18 * 60);
    }
}

TEST_CASE("settings: a time is plain digits, H:MM or HH:MM, and nothing else") {
    Diagnostics problems;
    for (const char* bad : {"\"+7:-0\"", "\"+7:00\"", "\"7:-0\"", "\"7:5\"", "\"007:00\"",
                            "\"07:000\"", "\" 7:00\"", "\"7:00 \"", "\"7 :00\"", "\"0x7:00\"",
                            "\"7:0a\"", "\":30\"", "\"24:00\"", "\"7:60\"", "\"\u0661:00\""}) {
        CAPTURE(bad);
        const Settings s = settingsFrom(std::string("body: men\ntime: ") + bad + "\n", problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].severity == Severity::Error);
        // Located at the value: line 2, after "time: ".
        CHECK(problems[0].mark.line == 2);
        CHECK(problems[0].mark.column == 7);
        CHECK(problems[0].message.find("HH:MM") != std::string::npos);
        CHECK(s.sessionMinuteOfDay == 18 * 60);
    }
    CHECK(settingsFrom("time: \"7:05\"", problems).sessionMinuteOfDay == 7 * 60 + 5);
    CHECK(settingsFrom("time: 00:00", problems).sessionMinuteOfDay == 0);
    CHECK(problems.empty());
}

TEST_CASE("settings: body and shoulder width, with their limits") {
    Diagnostics problems;
    Settings s = settingsFrom("body: men\nshoulder_width_cm: 38.5\n", problems);
    CHECK(problems.empty());
    CHECK(s.body == "men");
    CHECK(s.shoulderWidthCm == 38.5);
    CHECK(settingsFrom("shoulder_width_cm: 30", problems).shoulderWidthCm == 30.0);
    CHECK(settingsFrom("shoulder_width_cm: 50", problems).shoulderWidthCm == 50.0);
    CHECK(settingsFrom("height_cm: 145", problems).heightCm == 145.0);
    CHECK(settingsFrom("height_cm: 200", problems).heightCm == 200.0);
    CHECK(settingsFrom("body_asked: true", problems).bodyAsked);
    CHECK(problems.empty());
    for (const char* bad : {"29.9", "50.5", "40cm", "nan", ".inf", "wide", "[40]"}) {
        CAPTURE(bad);
        s = settingsFrom(std::string("shoulder_width_cm: ") + bad + "\n", problems);
        CHECK(problems.size() == 1);
        CHECK_FALSE(s.shoulderWidthCm.has_value());
    }
    for (const char* bad : {"144", "201", "1.7", "170cm", "nan", "tall", "[170]"}) {
        CAPTURE(bad);
        s = settingsFrom(std::string("height_cm: ") + bad + "\n", problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].mark.column == 12);
        CHECK(problems[0].message.find("from 145 to 200") != std::string::npos);
        CHECK_FALSE(s.heightCm.has_value());
    }
    // Profiles are named in lower case, as on the command line.
    s = settingsFrom("body: Women\n", problems);
    CHECK(problems.size() == 1);
    CHECK_FALSE(s.body.has_value());
}

TEST_CASE("settings: big_button is true or false, nothing else") {
    Diagnostics problems;
    CHECK(settingsFrom("big_button: true\n", problems).bigButton);
    CHECK(problems.empty());
    CHECK_FALSE(settingsFrom("big_button: false\n", problems).bigButton);
    CHECK(problems.empty());
    for (const char* bad : {"yes", "1", "\"true\"", "[true]", "on"}) {
        CAPTURE(bad);
        const Settings s =
            settingsFrom(std::string("time: \"07:00\"\nbig_button: ") + bad + "\n", problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].mark.line == 2);
        CHECK(problems[0].message == "\"big_button\" must be true or false");
        CHECK_FALSE(s.bigButton);
        CHECK(s.sessionMinuteOfDay == 7 * 60); // the rest of the file still counts
    }
}

TEST_CASE("settings: an empty file keeps every default, a file that is not a map is an error") {
    Diagnostics problems;
    checkDefaults(settingsFrom("", problems));
    CHECK(problems.empty());
    checkDefaults(settingsFrom("# only a comment\n", problems));
    CHECK(problems.empty());
    checkDefaults(settingsFrom("- time\n- body\n", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "settings must be a map of keys");
    CHECK(problems[0].mark.line == 1);
    // A good value next to a bad one is still taken.
    const Settings s = settingsFrom("body: women\ntime: noon\n", problems);
    CHECK(problems.size() == 1);
    CHECK(s.body == "women");
    CHECK(s.sessionMinuteOfDay == 18 * 60);
}

TEST_CASE("a day count and its date agree for every day from 1968 to 2104") {
    // Walk the calendar one day at a time with the month lengths, and compare.
    const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    Date walked{1968, 1, 1};
    std::int64_t count = Date{1968, 1, 1}.daysSinceEpoch();
    CHECK(count == -731);
    int weekday = static_cast<int>(Weekday::Mon); // 1968-01-01 was a Monday
    int mismatches = 0;
    while (walked.year < 2105) {
        if (!(Date::fromDaysSinceEpoch(count) == walked) || walked.daysSinceEpoch() != count ||
            static_cast<int>(walked.weekday()) != weekday) {
            if (++mismatches <= 3) {
                FAIL_CHECK("disagreement at " << walked.iso() << " (day " << count << ")");
            }
        }
        ++count;
        weekday = (weekday + 1) % 7;
        const int length =
            walked.month == 2 && isLeapYear(walked.year) ? 29 : monthDays[walked.month - 1];
        if (++walked.day > length) {
            walked.day = 1;
            if (++walked.month > 12) {
                walked.month = 1;
                ++walked.year;
            }
        }
    }
    CHECK(mismatches == 0);
    CHECK(Date{1970, 1, 1}.daysSinceEpoch() == 0);
    CHECK(Date{2000, 1, 1}.daysSinceEpoch() == 10957);
    CHECK(Date{1900, 1, 1}.daysSinceEpoch() == -25567);
    CHECK(Date{1900, 1, 1}.weekday() == Weekday::Mon);
    CHECK(Date{1600, 3, 1}.weekday() == Weekday::Wed);
}

TEST_CASE("adding days crosses months, years and leap days, forwards and back") {
    CHECK(Date{2024, 2, 28}.plusDays(2) == Date{2024, 3, 1});
    CHECK(Date{2023, 2, 28}.plusDays(1) == Date{2023, 3, 1});
    CHECK(Date{2000, 2, 28}.plusDays(1) == Date{2000, 2, 29});
    CHECK(Date{2100, 2, 28}.plusDays(1) == Date{2100, 3, 1});
    CHECK(Date{2026, 1, 31}.plusDays(1) == Date{2026, 2, 1});
    CHECK(Date{2026, 4, 30}.plusDays(1) == Date{2026, 5, 1});
    CHECK(Date{2024, 1, 1}.plusDays(365) == Date{2024, 12, 31});
    CHECK(Date{2025, 1, 1}.plusDays(365) == Date{2026, 1, 1});
    CHECK(Date{2025, 1, 1}.plusDays(-1) == Date{2024, 12, 31});
    CHECK(Date{2024, 3, 1}.plusDays(-1) == Date{2024, 2, 29});
    CHECK(Date{2100, 3, 1}.plusDays(-1) == Date{2100, 2, 28});
    CHECK(Date{1970, 1, 1}.plusDays(-1) == Date{1969, 12, 31});
    CHECK(Date{1969, 12, 31}.weekday() == Weekday::Wed);
    CHECK(Date{2026, 11, 29}.plusDays(7).weekday() == Weekday::Sun);
}

TEST_CASE("iso dates pad the year, month and day with zeros") {
    CHECK(Date{2026, 1, 9}.iso() == "2026-01-09");
    CHECK(Date{987, 3, 4}.iso() == "0987-03-04");
    CHECK(Date{2026, 12, 31}.iso() == "2026-12-31");
    CHECK(Date{}.iso() == "1970-01-01");
}

TEST_CASE("the weekly plan lists each day's routines in the order given, on their days only") {
    const Routine both = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") +
                                     "schedule: {days: [mon, wed], rounds: 1, switch_s: 10}\n");
    Routine wednesday = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") +
                                    "schedule: {days: [wed], rounds: 3, switch_s: 4}\n");
    wednesday.title = "Wednesday";
    const Routine never = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]"));
    Settings settings;
    settings.sessionMinuteOfDay = 6 * 60 + 15;
    // 2026-11-24 is a Tuesday: the week holds one Wednesday and one Monday, in that order.
    const auto plan =
        weeklyPlan({{"both.yaml", both}, {"wed.yaml", wednesday}, {"never.yaml", never}},
                   Date{2026, 11, 24}, 7, settings);
    REQUIRE(plan.size() == 3);
    CHECK(plan[0].date == Date{2026, 11, 25});
    CHECK(plan[0].routineFile == "both.yaml");
    CHECK(plan[1].date == Date{2026, 11, 25});
    CHECK(plan[1].routineFile == "wed.yaml");
    CHECK(plan[1].title == "Wednesday");
    CHECK(plan[2].date == Date{2026, 11, 30});
    CHECK(plan[2].routineFile == "both.yaml");
    for (const PlannedSession& s : plan) {
        CHECK(s.minuteOfDay == 6 * 60 + 15);
    }
    // Both sides of every round, with a switch between each two sides.
    CHECK(plan[0].totalS == 20 * 2 + 10);
    CHECK(plan[1].totalS == 20 * 6 + 4 * 5);
    // The first day counts, the day after the last does not.
    CHECK(weeklyPlan({{"both.yaml", both}}, Date{2026, 11, 25}, 1, settings).size() == 1);
    CHECK(weeklyPlan({{"both.yaml", both}}, Date{2026, 11, 24}, 1, settings).empty());
    CHECK(weeklyPlan({{"both.yaml", both}}, Date{2026, 11, 24}, 0, settings).empty());
    // No count of days makes a plan run away: at most kMaxPlanDays, two sessions a week.
    const auto endless = weeklyPlan({{"both.yaml", both}}, Date{2026, 11, 24},
                                    std::numeric_limits<int>::max(), settings);
    CHECK(endless.size() <= static_cast<std::size_t>(kMaxPlanDays) * 2 / 7 + 2);
    CHECK(endless.back().date.daysSinceEpoch() - Date{2026, 11, 24}.daysSinceEpoch() <
          kMaxPlanDays);
    // Nor past the last day a four-digit year can name.
    const auto last = weeklyPlan({{"both.yaml", both}}, Date{9999, 12, 1}, 400, settings);
    REQUIRE_FALSE(last.empty());
    CHECK(last.back().date.iso() == "9999-12-29");
    // Over a year boundary and a leap day the weekdays still hold.
    const auto longPlan = weeklyPlan({{"both.yaml", both}}, Date{2027, 12, 20}, 90, settings);
    CHECK(longPlan.size() == 26);
    for (const PlannedSession& s : longPlan) {
        CAPTURE(s.date.iso());
        CHECK((s.date.weekday() == Weekday::Mon || s.date.weekday() == Weekday::Wed));
    }
    CHECK(std::count_if(longPlan.begin(), longPlan.end(), [](const PlannedSession& s) {
              return s.date == Date{2028, 2, 28} || s.date == Date{2028, 3, 1};
          }) == 2);
}

// The part of an event's UID that stands for its routine: its file and title as written,
// hashed.
std::string uidHash(const PlannedSession& s) {
    return routineHash(s.routineFile + '\n' + s.key);
}

TEST_CASE("iCalendar events: local start, length in whole minutes rounded up, stamp in UTC") {
    const std::vector<PlannedSession> plan = {session(Date{2027, 1, 2}, 7 * 60 + 5, "Morning", 95),
                                              session(Date{2027, 1, 3}, 23 * 60 + 59, "Late", 120)};
    const std::vector<std::string> lines = unfolded(iCalendar(plan, 0, "Roll gently."));
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(std::find(lines.begin(), lines.end(), "VERSION:2.0") != lines.end());
    CHECK(lines.back() == "END:VCALENDAR");
    // Each event between its BEGIN and END has one of each property, in this order.
    const std::vector<std::string> expected = {"BEGIN:VEVENT",
                                               "UID:2027-01-02-" + uidHash(plan[0]) + "@rollcoach",
                                               "DTSTAMP:19700101T000000Z",
                                               "DTSTART:20270102T070500",
                                               "DURATION:PT2M",
                                               "SUMMARY:rollcoach: Morning",
                                               "DESCRIPTION:Roll gently.",
                                               "END:VEVENT",
                                               "BEGIN:VEVENT",
                                               "UID:2027-01-03-" + uidHash(plan[1]) + "@rollcoach",
                                               "DTSTAMP:19700101T000000Z",
                                               "DTSTART:20270103T235900",
                                               "DURATION:PT2M",
                                               "SUMMARY:rollcoach: Late",
                                               "DESCRIPTION:Roll gently.",
                                               "END:VEVENT"};
    const auto first = std::find(lines.begin(), lines.end(), "BEGIN:VEVENT");
    REQUIRE(first != lines.end());
    CHECK(std::vector<std::string>(first, lines.end() - 1) == expected);
    // A stamp of a real moment, in UTC with a Z.
    CHECK(iCalendar(plan, 1795000000, "").find("DTSTAMP:20261118T") != std::string::npos);
}

TEST_CASE("iCalendar folds long lines at 75 octets without splitting a UTF-8 character") {
    // Characters of 1 to 4 octets, shifted so that each kind meets the fold in turn.
    for (int shift = 0; shift < 4; ++shift) {
        std::string description(static_cast<std::size_t>(shift), 'x');
        for (int i = 0; i < 20; ++i) {
            description += "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"; // a é € 😀
        }
        CAPTURE(shift);
        const std::string ics =
            iCalendar({session(Date{2027, 1, 4}, 600, "Fold", 60)}, 0, description);
        int continuations = 0;
        for (const std::string& line : physicalLines(ics)) {
            CHECK(line.size() <= 75);
            if (!line.empty() && line[0] == ' ') {
                ++continuations;
                // A continuation never starts in the middle of a character.
                REQUIRE(line.size() > 1);
                CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
            }
            // A line never ends on the lead octet of a character it does not finish.
            if (!line.empty()) {
                const auto last = static_cast<unsigned char>(line.back());
                CHECK(last < 0xC0);
            }
        }
        CHECK(continuations >= 2);
        const std::vector<std::string> lines = unfolded(ics);
        CHECK(std::find(lines.begin(), lines.end(), "DESCRIPTION:" + description) != lines.end());
    }
}

TEST_CASE("iCalendar folds a line of 76 octets, and never one of 75") {
    // "DESCRIPTION:" is 12 octets.
    const std::string fits(63, 'y');
    const std::vector<std::string> one =
        physicalLines(iCalendar({session(Date{2027, 1, 4}, 600, "Fold", 60)}, 0, fits));
    CHECK(std::find(one.begin(), one.end(), "DESCRIPTION:" + fits) != one.end());
    const std::vector<std::string> two =
        physicalLines(iCalendar({session(Date{2027, 1, 4}, 600, "Fold", 60)}, 0, fits + "z"));
    const auto at = std::find(two.begin(), two.end(), "DESCRIPTION:" + fits);
    REQUIRE(at != two.end());
    REQUIRE(at + 1 != two.end());
    CHECK(*(at + 1) == " z");
}

TEST_CASE("iCalendar text escapes backslashes and newlines and drops carriage returns") {
    const std::vector<std::string> lines = unfolded(
        iCalendar({session(Date{2027, 1, 4}, 600, "Back\\slash", 60)}, 0, "one\r\ntwo\\three"));
    CHECK(std::find(lines.begin(), lines.end(), "DESCRIPTION:one\\ntwo\\\\three") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "SUMMARY:rollcoach: Back\\\\slash") != lines.end());
}

TEST_CASE("an empty plan is a calendar with no events") {
    const std::string ics = iCalendar({}, 0, "unused");
    const std::vector<std::string> lines = physicalLines(ics);
    CHECK(lines == std::vector<std::string>{"BEGIN:VCALENDAR", "VERSION:2.0",
                                            "PRODID:-//rollcoach//rollcoach//EN",
                                            "CALSCALE:GREGORIAN", "END:VCALENDAR"});
}

TEST_CASE("settings: a width in hexadecimal or spelt as infinity is refused, not read") {
    for (const char* text :
         {"shoulder_width_cm: 0x1e\n", "shoulder_width_cm: 0X1E\n", "shoulder_width_cm: inf\n",
          "shoulder_width_cm: \"38\"\n", "shoulder_width_cm: 3e1x\n"}) {
        CAPTURE(text);
        Diagnostics problems;
        const Settings settings = settingsFrom(text, problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].mark.line == 1);
        CHECK(problems[0].mark.column == 20);
        CHECK_FALSE(settings.shoulderWidthCm.has_value());
    }
    Diagnostics problems;
    CHECK(settingsFrom("shoulder_width_cm: 3e1\n", problems).shoulderWidthCm == 30.0);
    CHECK(settingsFrom("shoulder_width_cm: +38.5\n", problems).shoulderWidthCm == 38.5);
    CHECK(problems.empty());
}

TEST_CASE("settings: messages speak of the settings file, never of a routine file") {
    Diagnostics problems;
    settingsFrom("time: \"07:00\"\n---\ntime: \"08:00\"\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("a settings file holds one YAML document") == 0);
    settingsFrom(std::string(70 * 1024, '#'), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("routine") == std::string::npos);
}

TEST_CASE("settings file: missing is silent, unreadable is one message and the defaults") {
    const TempPath dir("settings");
    Diagnostics problems;
    checkDefaults(loadSettings((dir.path / "settings.yaml").string(), problems));
    CHECK(problems.empty());

    const std::string fifo = (dir.path / "fifo.yaml").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const std::string folder = (dir.path / "folder.yaml").string();
    std::filesystem::create_directory(folder);
    const std::string large = (dir.path / "large.yaml").string();
    std::ofstream(large) << "time: \"07:00\"\n" << std::string(70 * 1024, '#') << "\n";
    const HangGuard guard(10);
    for (const auto& [file, says] :
         std::vector<std::pair<std::string, std::string>>{{fifo, "is not a regular file (a FIFO)"},
                                                          {folder, "it is a directory"},
                                                          {large, "file too large"}}) {
        CAPTURE(file);
        problems.clear();
        checkDefaults(loadSettings(file, problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message.find(says) != std::string::npos);
        CHECK(problems[0].message.find("defaults") != std::string::npos);
        CHECK(problems[0].message.find("routine") == std::string::npos);
    }
}

TEST_CASE("iCalendar UIDs differ for every routine, whatever its title") {
    std::vector<PlannedSession> sessions;
    for (const auto& [file, title] :
         std::vector<std::pair<std::string, std::string>>{{"/r/a.yaml", "Neck & back"},
                                                          {"/r/b.yaml", "Neck / back"},
                                                          {"/r/c.yaml", "Neck back"},
                                                          {"/r/d.yaml", "Same title"},
                                                          {"/u/d.yaml", "Same title"},
                                                          {"/r/e.yaml", "\xe8\x82\xa9"},
                                                          {"/r/f.yaml", "\xe8\x83\x8c"},
                                                          {"/r/g.yaml", "!!!"}}) {
        PlannedSession s;
        s.date = {2026, 11, 23};
        s.routineFile = file;
        s.title = s.key = title;
        s.totalS = 60;
        sessions.push_back(s);
    }
    // The same routine on the next day is another event too.
    sessions.push_back(sessions.front());
    sessions.back().date = {2026, 11, 24};
    const std::string ics = iCalendar(sessions, 0, "d");
    std::set<std::string> uids;
    for (std::size_t at = ics.find("\r\nUID:"); at != std::string::npos;
         at = ics.find("\r\nUID:", at + 1)) {
        uids.insert(ics.substr(at + 2, ics.find("\r\n", at + 2) - at - 2));
    }
    CHECK(uids.size() == sessions.size());
    // And each UID is the same from one run to the next.
    CHECK(iCalendar(sessions, 0, "d") == ics);
}

TEST_CASE("settings: speech is off, brief or full, and its rate a whole number from 80 to 400") {
    Diagnostics problems;
    Settings s = parseSettings("speech: brief\nspeech_rate: 180\n", problems);
    CHECK(problems.empty());
    CHECK(s.speech == SpeechAmount::Brief);
    CHECK(s.speechWordsPerMinute == 180);
    CHECK(parseSettings("speech: off\n", problems).speech == SpeechAmount::Off);
    CHECK(parseSettings("{}\n", problems).speech == SpeechAmount::Full);
    CHECK(problems.empty());
    for (const char* bad : {"speech: loud\n", "speech_rate: 20\n", "speech_rate: 150.5\n",
                            "speech_rate: fast\n", "speech: [full]\n"}) {
        Diagnostics found;
        const Settings kept = parseSettings(bad, found);
        INFO(bad);
        REQUIRE(found.size() == 1);
        CHECK(found[0].mark.line == 1);
        CHECK(kept.speech == SpeechAmount::Full);
        CHECK(kept.speechWordsPerMinute == 150);
    }
}
