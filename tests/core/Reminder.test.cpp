#include "TestSupport.hpp"

#include "core/Reminder.hpp"
#include "core/SafetyCheck.hpp"

#include <cstdlib>
#include <ctime>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// 2026-11-23, a Monday, at midnight UTC.
constexpr std::int64_t kMondayMidnight = 1795392000;

std::int64_t mondayAt(int hour, int minute) {
    return kMondayMidnight + hour * 3600 + minute * 60;
}

std::pair<std::string, Routine> shipped(const std::string& name) {
    RoutineLoad load = openRoutine(shippedRoutine(name), referenceBody());
    REQUIRE(load.routine.has_value());
    return {shippedRoutine(name), *load.routine};
}

std::vector<std::pair<std::string, Routine>> bothShipped() {
    return {shipped("wall-tennis-ball.yaml"), shipped("lying-yoga-tune-up.yaml")};
}

struct Utc {
    Utc() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

} // namespace

TEST_CASE("remind: a routine due today is reminded of from its time on, until it is done") {
    const Utc utc;
    Settings settings;
    settings.sessionMinuteOfDay = 18 * 60 + 30;
    const auto routines = bothShipped();

    SUBCASE("before the time: nothing, and when it will be") {
        const auto decision =
            decideReminder(dueToday(routines, {}, mondayAt(12, 0), settings), mondayAt(12, 0), 0);
        CHECK_FALSE(decision.reminder.has_value());
        CHECK(decision.why == "Wall tennis-ball drill is due at 18:30");
    }
    SUBCASE("at the time and after: the routine, its length, the side and the safety line") {
        for (const std::int64_t now : {mondayAt(18, 30), mondayAt(22, 10)}) {
            const auto decision = decideReminder(dueToday(routines, {}, now, settings), now, 0);
            REQUIRE(decision.reminder.has_value());
            const Reminder& r = *decision.reminder;
            CHECK(r.title == "Wall tennis-ball drill");
            CHECK(r.routineFile == shippedRoutine("wall-tennis-ball.yaml"));
            CHECK(r.summary == "Time for the Wall tennis-ball drill");
            CHECK(r.body.find("About 10 minutes, left side first.\n") == 0);
            CHECK(r.body.find("stop at once on sharp pain, numbness or tingling") !=
                  std::string::npos);
            CHECK(r.body.find("Also due") == std::string::npos);
        }
    }
    SUBCASE("done today: nothing") {
        SessionRecord done;
        done.routineTitle = done.routineKey = "Wall tennis-ball drill";
        done.startedAt = mondayAt(18, 0);
        done.endedAt = mondayAt(18, 10);
        done.how = "finished";
        done.leftS = done.rightS = done.plannedS = 280;
        const auto due = dueToday(routines, {done}, mondayAt(19, 0), settings);
        const auto decision = decideReminder(due, mondayAt(19, 0), 0);
        CHECK_FALSE(decision.reminder.has_value());
        CHECK(decision.why == "everything due today is done");
    }
    SUBCASE("partly done today: still reminded, with what was done") {
        SessionRecord partial;
        partial.routineTitle = partial.routineKey = "Wall tennis-ball drill";
        partial.startedAt = mondayAt(18, 0);
        partial.how = "interrupted";
        partial.leftS = 120;
        partial.plannedS = 280;
        const auto due = dueToday(routines, {partial}, mondayAt(19, 0), settings);
        const auto decision = decideReminder(due, mondayAt(19, 0), 0);
        REQUIRE(decision.reminder.has_value());
        CHECK(decision.reminder->body.find("Partly done today: left 2:00, right 0:00 of") == 0);
    }
    SUBCASE("a snooze holds it off until it ends") {
        const std::int64_t now = mondayAt(18, 40);
        const auto due = dueToday(routines, {}, now, settings);
        const auto held = decideReminder(due, now, now + 600);
        CHECK_FALSE(held.reminder.has_value());
        CHECK(held.why == "put off until 18:50");
        CHECK(decideReminder(due, now, now).reminder.has_value());
        CHECK(decideReminder(due, now, now - 60).reminder.has_value());
    }
    SUBCASE("a day with nothing planned: nothing") {
        const std::int64_t sunday = kMondayMidnight - 86400 + 19 * 3600;
        const auto decision = decideReminder(dueToday(routines, {}, sunday, settings), sunday, 0);
        CHECK_FALSE(decision.reminder.has_value());
        CHECK(decision.why == "nothing is due today");
    }
}

TEST_CASE("remind: two routines due at once are both named") {
    const Utc utc;
    auto routines = bothShipped();
    routines[1].second.schedule.days = {Weekday::Mon};
    const auto decision =
        decideReminder(dueToday(routines, {}, mondayAt(19, 0), Settings{}), mondayAt(19, 0), 0);
    REQUIRE(decision.reminder.has_value());
    CHECK(decision.reminder->body.find("Also due: Lying upper-trapezius drill.") !=
          std::string::npos);
}

TEST_CASE("remind: the snooze file reads back, and anything else is no snooze") {
    CHECK(parseSnooze(snoozeText(1795470300)) == 1795470300);
    CHECK(parseSnooze("") == 0);
    CHECK(parseSnooze("snoozed_until: soon\n") == 0);
    CHECK(parseSnooze("snoozed_until: -5\n") == 0);
    CHECK(parseSnooze("snoozed_until: 12 13\n") == 0);
    CHECK(parseSnooze("other: 12\n") == 0);
    CHECK(parseSnooze("snoozed_until: 99999999999999999999999\n") == 0);
}

TEST_CASE("remind: the timer's calendar is the routines' days at the settings' time") {
    Settings settings;
    settings.sessionMinuteOfDay = 18 * 60 + 30;
    CHECK(timerCalendar(bothShipped(), settings) == "Mon,Tue,Wed,Thu,Fri,Sat *-*-* 18:30:00");
    CHECK(timerCalendar({shipped("wall-tennis-ball.yaml")}, settings) ==
          "Mon,Wed,Fri *-*-* 18:30:00");
    settings.sessionMinuteOfDay = 7 * 60 + 5;
    CHECK(timerCalendar({shipped("lying-yoga-tune-up.yaml")}, settings) ==
          "Tue,Thu,Sat *-*-* 07:05:00");
    auto none = bothShipped();
    none[0].second.schedule.days.clear();
    none[1].second.schedule.days.clear();
    CHECK(timerCalendar(none, settings).empty());
    CHECK(timerCalendar({}, settings).empty());
}

TEST_CASE("remind: the units name the calendar and quote the command for systemd") {
    const std::string timer = timerUnit("Mon,Wed,Fri *-*-* 18:30:00");
    CHECK(timer.find("\n[Timer]\nOnCalendar=Mon,Wed,Fri *-*-* 18:30:00\nPersistent=true\n") !=
          std::string::npos);
    CHECK(timer.find("WantedBy=timers.target") != std::string::npos);
    const std::string service = serviceUnit("/opt/roll coach/rollcoach", "/home/a/100%\"data\"");
    CHECK(service.find("ExecStart=\"/opt/roll coach/rollcoach\" --data-dir "
                       "\"/home/a/100%%\\\"data\\\"\" remind\n") != std::string::npos);
    CHECK(serviceUnit("/usr/bin/rollcoach", "").find("ExecStart=\"/usr/bin/rollcoach\" remind\n") !=
          std::string::npos);
    const std::string autostart = autostartEntry("/usr/bin/rollcoach", "");
    CHECK(autostart.find("Exec=\"/usr/bin/rollcoach\" remind --keep-running\n") !=
          std::string::npos);
    CHECK(autostart.find("[Desktop Entry]\nType=Application\n") == 0);
    // The Desktop Entry spec's two layers of escapes: "\\$" for a dollar, four backslashes
    // for one, and '%' doubled.
    CHECK(autostartEntry("/opt/a$b \"c\"/x%y\\z", "")
              .find("Exec=\"/opt/a\\\\$b \\\\\"c\\\\\"/x%%y\\\\\\\\z\" remind --keep-running\n") !=
          std::string::npos);
    CHECK(service.find("KillMode=process\n") != std::string::npos);
}

TEST_CASE("remind: systemd expands nothing in a path: $ and % doubled, controls escaped") {
    CHECK(systemdWord("/home/a$HOME/${HOME}") == "\"/home/a$$HOME/$${HOME}\"");
    CHECK(systemdWord("/a%h/b") == "\"/a%%h/b\"");
    CHECK(systemdWord("/a\\b\"c") == "\"/a\\\\b\\\"c\"");
    CHECK(systemdWord("/a\nb\tc\x7f") == "\"/a\\nb\\x09c\\x7f\"");
    CHECK(serviceUnit("/usr/bin/rollcoach", "/srv/$USER/data")
              .find("ExecStart=\"/usr/bin/rollcoach\" --data-dir \"/srv/$$USER/data\" remind\n") !=
          std::string::npos);
}

TEST_CASE("remind: a path with a line break or a control character cannot be an Exec line") {
    CHECK(desktopEntryProblem("/home/a b/$x%y\\z\"").empty());
    CHECK(desktopEntryProblem("/home/a\nb").find("line break") != std::string::npos);
    CHECK(desktopEntryProblem("/home/a\rb").find("line break") != std::string::npos);
    CHECK(desktopEntryProblem("/home/a\x1b[2Jb").find("control character") != std::string::npos);
    CHECK_FALSE(desktopEntryProblem(std::string("/a\0b", 4)).empty());
}

TEST_CASE("remind: rewriting a unit replaces rollcoach's line and keeps the person's") {
    const std::string installed = timerUnit("Mon *-*-* 18:30:00");
    const std::string mine = installed.substr(0, installed.find("Persistent=true\n")) +
                             "Persistent=true\nRandomizedDelaySec=5min\n# my own note\n" +
                             installed.substr(installed.find("Persistent=true\n") + 16);
    // The same calendar: the text is unchanged, so nothing is written.
    CHECK(replaceUnitKey(mine, "Timer", "OnCalendar", "Mon *-*-* 18:30:00") == mine);
    const std::string moved = replaceUnitKey(mine, "Timer", "OnCalendar", "Tue *-*-* 07:15:00");
    CHECK(moved.find("OnCalendar=Tue *-*-* 07:15:00\n") != std::string::npos);
    CHECK(moved.find("OnCalendar=Mon") == std::string::npos);
    CHECK(moved.find("RandomizedDelaySec=5min\n# my own note\n") != std::string::npos);
    CHECK(moved.find("WantedBy=timers.target") != std::string::npos);
    // Two lines of rollcoach's key become one; a key of the same name elsewhere stays.
    CHECK(replaceUnitKey("[Timer]\nOnCalendar=a\nOnCalendar = b\n[X]\nOnCalendar=c\n", "Timer",
                         "OnCalendar", "d") == "[Timer]\nOnCalendar=d\n[X]\nOnCalendar=c\n");
    // None at all: added to its section, or in a section of its own.
    CHECK(replaceUnitKey("[Timer]\nPersistent=true\n[Install]\n", "Timer", "OnCalendar", "d") ==
          "[Timer]\nPersistent=true\nOnCalendar=d\n[Install]\n");
    CHECK(replaceUnitKey("[Unit]\nA=b", "Timer", "OnCalendar", "d") ==
          "[Unit]\nA=b\n\n[Timer]\nOnCalendar=d\n");
}
