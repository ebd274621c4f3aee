// The editing model's commands for the setup lines, the time of day, the motion's points and
// a placement pasted from the explorer, each undone as one.
#include "TestSupport.hpp"

#include "core/Reminder.hpp"
#include "core/RoutineDraft.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Schedule.hpp"

#include <algorithm>
#include <cmath>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

RoutineDraft draftOf(const char* drill) {
    return RoutineDraft(templateDraft(drill, "My routine", referenceBody()));
}

// The draft's file as the loader reads it, with no error.
Routine loaded(const RoutineDraft& draft) {
    RoutineLoad load = parseRoutine(draft.yaml(), referenceBody());
    for (const Diagnostic& d : load.diagnostics) {
        CAPTURE(d.message);
        CHECK(d.severity != Severity::Error);
    }
    REQUIRE(load.routine);
    return *load.routine;
}

bool hasField(const std::vector<FieldView>& fields, DraftField field) {
    return std::any_of(fields.begin(), fields.end(),
                       [field](const FieldView& view) { return view.field == field; });
}

} // namespace

TEST_CASE("setup lines are added, typed, moved and deleted, each undone") {
    RoutineDraft draft = draftOf("wall");
    const std::vector<std::string> start = draft.routine().setup;
    REQUIRE_FALSE(start.empty());

    CHECK(draft.addSetupLine(0, ""));
    REQUIRE(draft.routine().setup.size() == start.size() + 1);
    CHECK(draft.routine().setup[1].empty());
    CHECK(draft.setField(DraftField::SetupLine, 1, "Shoes off", true).empty());
    CHECK(draft.setField(DraftField::SetupLine, 1, "Shoes off, feet apart", true).empty());
    CHECK(draft.routine().setup[1] == "Shoes off, feet apart");
    CHECK(loaded(draft).setup[1] == "Shoes off, feet apart");

    CHECK(draft.moveSetupLine(1, -1));
    CHECK(draft.routine().setup[0] == "Shoes off, feet apart");
    CHECK_FALSE(draft.moveSetupLine(0, -1));
    CHECK(draft.deleteSetupLine(0));
    CHECK(draft.routine().setup == start);

    // delete, move, the typing (one), the new line: four undos back to the start.
    for (int i = 0; i < 4; ++i) {
        CHECK(draft.undo());
    }
    CHECK(draft.routine().setup == start);
    CHECK_FALSE(draft.modified());
    CHECK(draft.redo());
    CHECK(draft.routine().setup.size() == start.size() + 1);

    // Every line is a field of its own, labelled in order.
    std::size_t lines = 0;
    for (const FieldView& view : routineFields(draft.routine())) {
        if (view.field == DraftField::SetupLine) {
            CHECK(view.item == lines);
            CHECK(view.value == draft.routine().setup[lines]);
            ++lines;
        }
    }
    CHECK(lines == draft.routine().setup.size());
}

TEST_CASE("setup lines keep the format's limits") {
    RoutineDraft draft = draftOf("wall");
    while (draft.routine().setup.size() < kMaxDraftSetup) {
        REQUIRE(draft.addSetupLine(99, "More"));
    }
    CHECK_FALSE(draft.addSetupLine(0, "One too many"));
    CHECK(loaded(draft).setup.size() == kMaxDraftSetup);
    CHECK_FALSE(fieldProblem(draft.routine(), 0, DraftField::SetupLine, " ").empty());
    CHECK_FALSE(
        fieldProblem(draft.routine(), 0, DraftField::SetupLine, std::string(501, 'a')).empty());
    CHECK(fieldProblem(draft.routine(), 0, DraftField::SetupLine, "Feet apart").empty());

    // With no lines, the one row typed into becomes the first line.
    DraftRoutine none = templateDraft("wall", "Bare", referenceBody());
    none.setup.clear();
    RoutineDraft bare(none);
    const auto fields = routineFields(bare.routine());
    REQUIRE(hasField(fields, DraftField::SetupLine));
    bare.setField(DraftField::SetupLine, 0, "Stand by a wall", true);
    REQUIRE(bare.routine().setup.size() == 1);
    CHECK(loaded(bare).setup == std::vector<std::string>{"Stand by a wall"});
    CHECK(bare.deleteSetupLine(0));
    CHECK(bare.yaml().find("setup:") == std::string::npos);
}

TEST_CASE("the schedule's time of day is edited, written, read back and undone") {
    RoutineDraft draft = draftOf("wall");
    REQUIRE(hasField(routineFields(draft.routine()), DraftField::Time));
    CHECK_FALSE(draft.routine().schedule.minuteOfDay);
    CHECK(draft.yaml().find("time:") == std::string::npos);

    CHECK(draft.setField(DraftField::Time, 0, "7:05").empty());
    CHECK(draft.routine().schedule.minuteOfDay == 7 * 60 + 5);
    CHECK(draft.yaml().find("  time: \"07:05\"\n") != std::string::npos);
    CHECK(loaded(draft).schedule.minuteOfDay == 7 * 60 + 5);
    const DraftRead read = readDraft(draft.yaml(), referenceBody());
    REQUIRE(read.draft);
    CHECK(read.draft->schedule.minuteOfDay == 7 * 60 + 5);

    for (const char* bad : {"24:00", "7:5", "18h30", "-1:00", "noon"}) {
        CAPTURE(bad);
        CHECK_FALSE(draft.setField(DraftField::Time, 0, bad).empty());
        CHECK(draft.routine().schedule.minuteOfDay == 7 * 60 + 5);
    }
    // Empty: the settings' time again.
    CHECK(draft.setField(DraftField::Time, 0, "").empty());
    CHECK_FALSE(draft.routine().schedule.minuteOfDay);
    CHECK(draft.undo());
    CHECK(draft.routine().schedule.minuteOfDay == 7 * 60 + 5);
    CHECK(draft.undo());
    CHECK_FALSE(draft.routine().schedule.minuteOfDay);
}

TEST_CASE("a routine's own time wins over the settings' in the plan, the reminders and the timer") {
    auto routineAt = [](const char* time, const char* days) {
        const std::string text = std::string("format: 1\ntitle: T\ndrill: wall\nball: tennis\n"
                                             "schedule:\n  days: [") +
                                 days + "]\n" + time +
                                 "steps:\n  - name: Hold\n    duration_s: 30\n"
                                 "    place: [{x_cm: 7.5, y_cm: 9}]\n";
        RoutineLoad load = parseRoutine(text, referenceBody());
        REQUIRE(load.routine);
        return *load.routine;
    };
    Settings settings;
    settings.sessionMinuteOfDay = 18 * 60 + 30;
    const Routine early = routineAt("  time: \"07:15\"\n", "mon, wed");
    const Routine plain = routineAt("", "tue, wed");
    const std::vector<std::pair<std::string, Routine>> routines = {{"early.yaml", early},
                                                                   {"plain.yaml", plain}};
    // 2026-11-30 is a Monday.
    const auto plan = weeklyPlan(routines, Date{2026, 11, 30}, 3, settings);
    REQUIRE(plan.size() == 4);
    CHECK(plan[0].routineFile == "early.yaml");
    CHECK(plan[0].minuteOfDay == 7 * 60 + 15);
    CHECK(plan[1].routineFile == "plain.yaml");
    CHECK(plan[1].minuteOfDay == 18 * 60 + 30);
    // Wednesday: both, the earlier first whatever the order of the routines.
    const auto reversed = weeklyPlan({routines[1], routines[0]}, Date{2026, 12, 2}, 1, settings);
    REQUIRE(reversed.size() == 2);
    CHECK(reversed[0].routineFile == "early.yaml");
    CHECK(reversed[1].routineFile == "plain.yaml");
    CHECK(timerCalendar(routines, settings) == "Mon,Wed *-*-* 07:15:00\nTue,Wed *-*-* 18:30:00");
    CHECK(timerCalendar({{"plain.yaml", plain}}, settings) == "Tue,Wed *-*-* 18:30:00");
    // One OnCalendar= line for each.
    const std::string unit = timerUnit(timerCalendar(routines, settings));
    CHECK(unit.find("OnCalendar=Mon,Wed *-*-* 07:15:00\nOnCalendar=Tue,Wed *-*-* 18:30:00\n") !=
          std::string::npos);
    CHECK(replaceUnitKey(unit, "Timer", "OnCalendar", timerCalendar(routines, settings)) == unit);
    CHECK(replaceUnitKey(unit, "Timer", "OnCalendar", "Mon *-*-* 08:00:00")
              .find("OnCalendar=Mon *-*-* 08:00:00\nPersistent") != std::string::npos);

    // The reminder waits for the routine's own time, not the settings'.
    DueSession due;
    due.planned = plan[0];
    due.state = DayState::Due;
    const std::int64_t monday = 1796000000; // any moment: its local minute decides
    const int minute = localMinuteOfDay(monday);
    due.planned.minuteOfDay = minute + 1 <= 1439 ? minute + 1 : minute;
    if (minute < 1439) {
        CHECK_FALSE(decideReminder({due}, monday, 0).reminder);
    }
    due.planned.minuteOfDay = minute;
    CHECK(decideReminder({due}, monday, 0).reminder);
}

TEST_CASE("a bad time of day is an error at its line and column") {
    const std::string text = "format: 1\ntitle: T\ndrill: wall\nball: tennis\n"
                             "schedule:\n  time: \"25:00\"\n"
                             "steps:\n  - name: Hold\n    duration_s: 30\n"
                             "    place: [{x_cm: 7.5, y_cm: 9}]\n";
    const RoutineLoad load = parseRoutine(text, referenceBody());
    CHECK_FALSE(load.routine);
    REQUIRE_FALSE(load.diagnostics.empty());
    CHECK(load.diagnostics.front().mark.line == 6);
    CHECK(load.diagnostics.front().mark.column == 9);
    CHECK(load.diagnostics.front().message.find("\"time\" must be a time of day") !=
          std::string::npos);
    for (const char* bad : {"[18, 30]", "1830", "\"7:5\"", "\"\""}) {
        CAPTURE(bad);
        std::string other = text;
        other.replace(other.find("\"25:00\""), 7, bad);
        CHECK_FALSE(parseRoutine(other, referenceBody()).routine);
    }
    std::string unquoted = text;
    unquoted.replace(unquoted.find("\"25:00\""), 7, "6:45");
    const RoutineLoad good = parseRoutine(unquoted, referenceBody());
    REQUIRE(good.routine);
    CHECK(good.routine->schedule.minuteOfDay == 6 * 60 + 45);
}

TEST_CASE("a path's points are chosen, dragged, added and deleted, each undone") {
    const BodyModel& body = referenceBody();
    RoutineDraft draft = draftOf("wall");
    draft.cycleField(DraftField::Pattern, 0, 4, body); // hold -> path
    REQUIRE(draft.routine().steps[0].motion.pattern == Pattern::Path);
    REQUIRE(draft.routine().steps[0].motion.points.size() == 1);
    const std::string start = draft.yaml();

    // Dragged: the moves of one drag are one undo, and the loader puts it where it was dropped.
    draft.movePoint(0, PointList::Points, 0, {9, 14}, body, true);
    draft.movePoint(0, PointList::Points, 0, {10, 15}, body, true);
    draft.endRun();
    Point at = loaded(draft).steps[0].motion.points[0];
    CHECK(at.xCm == doctest::Approx(10).epsilon(1e-6));
    CHECK(at.yCm == doctest::Approx(15).epsilon(1e-6));
    CHECK(draft.routine().steps[0].motion.points[0].byAnatomy());

    // Added: past the last, then halfway between two.
    CHECK(draft.addPoint(0, PointList::Points, 0, body));
    REQUIRE(draft.routine().steps[0].motion.points.size() == 2);
    CHECK(draft.addPoint(0, PointList::Points, 0, body));
    REQUIRE(draft.routine().steps[0].motion.points.size() == 3);
    const Routine three = loaded(draft);
    const auto& p = three.steps[0].motion.points;
    CHECK(p[1].xCm == doctest::Approx((p[0].xCm + p[2].xCm) / 2).epsilon(1e-3));
    CHECK(p[1].yCm == doctest::Approx((p[0].yCm + p[2].yCm) / 2).epsilon(1e-3));

    // Deleted, down to the one a path needs.
    CHECK(draft.removePoint(0, PointList::Points, 1));
    CHECK(draft.removePoint(0, PointList::Points, 1));
    CHECK_FALSE(draft.removePoint(0, PointList::Points, 0));
    CHECK(draft.routine().steps[0].motion.points.size() == 1);

    for (int i = 0; i < 5; ++i) {
        CHECK(draft.undo());
    }
    CHECK(draft.yaml() == start);

    // A hold takes no points; a stroke's way back takes some, only by hand.
    RoutineDraft hold = draftOf("wall");
    REQUIRE(hold.routine().steps[0].motion.pattern == Pattern::Hold);
    CHECK_FALSE(hold.addPoint(0, PointList::Points, 0, body));
    CHECK_FALSE(hold.addPoint(0, PointList::Return, 0, body));
}

TEST_CASE("a stroke gets a way back, and keeps going up the back when a point is added") {
    const BodyModel& body = referenceBody();
    RoutineDraft draft = draftOf("partner");
    std::size_t stroke = draft.routine().steps.size();
    for (std::size_t i = 0; i < draft.routine().steps.size(); ++i) {
        if (draft.routine().steps[i].motion.pattern == Pattern::Stroke) {
            stroke = i;
            break;
        }
    }
    if (stroke == draft.routine().steps.size()) {
        stroke = 0;
        while (draft.routine().steps[0].motion.pattern != Pattern::Stroke) {
            draft.cycleField(DraftField::Pattern, 0, 1, body);
        }
    }
    const std::size_t before = draft.routine().steps[stroke].motion.points.size();
    const std::size_t back = draft.routine().steps[stroke].motion.returnPoints.size();
    CHECK(draft.addPoint(stroke, PointList::Points, before, body));
    CHECK(draft.addPoint(stroke, PointList::Return, back, body));
    const Routine routine = loaded(draft);
    const auto& points = routine.steps[stroke].motion.points;
    REQUIRE(points.size() == before + 1);
    CHECK(routine.steps[stroke].motion.returnPoints.size() == back + 1);
    // Up the back: the new last point is higher than the one before it.
    const Point last = points.back();
    const Point previous =
        points.size() > 1 ? points[points.size() - 2] : routine.steps[stroke].place.front().at;
    CHECK(last.yCm < previous.yCm);
}

TEST_CASE("a placement copied in the explorer is read, and anything else is refused") {
    const BodyModel& body = referenceBody();
    const PlacementRead plain =
        parsePlacement("{at: scapula-inner-edge, dx_cm: 1, dy_cm: 2}", body);
    REQUIRE(plain.place);
    CHECK(plain.place->form == PlaceSpec::Form::At);
    CHECK(plain.place->at == "scapula-inner-edge");
    CHECK(plain.place->dxCm == 1.0);
    CHECK(plain.place->dyCm == 2.0);
    CHECK_FALSE(plain.place->otherSide);
    const Point edge = *body.anatomyPoint("scapula-inner-edge");
    const Point at = *resolvePlace(*plain.place, body);
    CHECK(at.xCm == doctest::Approx(edge.xCm + 1));
    CHECK(at.yCm == doctest::Approx(edge.yCm + 2));

    const PlacementRead other =
        parsePlacement("  - {at: upper-trapezius, dx_cm: -0.5, dy_cm: 0, side: other}\n", body);
    REQUIRE(other.place);
    CHECK(other.place->otherSide);
    CHECK(resolvePlace(*other.place, body)->xCm < 0);
    CHECK(placementText(*other.place) ==
          "{at: upper-trapezius, dx_cm: -0.5, dy_cm: 0, side: other}");

    CHECK(
        parsePlacement("{between: [neck-side, acromion], fraction: 0.2, dy_cm: 3.4}", body).place);
    CHECK(parsePlacement("{x_cm: 7.5, y_cm: 9}", body).place);
    CHECK(parsePlacement("{at: c7, x_cm: 3, dy_cm: 5}", body).place);

    for (const char* bad :
         {"", "hello", "[1, 2]", "{at: shoulder-blade, dx_cm: 1, dy_cm: 2}",
          "{at: acromion, dx_cm: many}", "{at: acromion, dx_cm: 1e9}", "{at: acromion, tilt: 3}",
          "{at: acromion, dx_cm: 1, x_cm: 2}", "{x_cm: 3}", "{at: acromion, side: left}",
          "{between: [c7, acromion]}", "{dx_cm: 1, dy_cm: 2}", "{at: acromion\n"}) {
        CAPTURE(bad);
        const PlacementRead read = parsePlacement(bad, body);
        CHECK_FALSE(read.place);
        CHECK_FALSE(read.problem.empty());
    }
    CHECK(parsePlacement("{at: shoulder-blade, dx_cm: 1}", body).problem.find("shoulder-blade") !=
          std::string::npos);
}

TEST_CASE("a pasted placement sets the step's place, moves its path with it, and is undone") {
    const BodyModel& body = referenceBody();
    RoutineDraft draft = draftOf("wall");
    draft.cycleField(DraftField::Pattern, 0, 4, body); // a path
    const Routine before = loaded(draft);
    const std::string start = draft.yaml();
    const PlacementRead read = parsePlacement("{at: scapula-top, dx_cm: 1.5, dy_cm: 1}", body);
    REQUIRE(read.place);
    CHECK(draft.setPlace(0, 0, *read.place, body));
    CHECK(placementText(draft.routine().steps[0].place[0]) ==
          "{at: scapula-top, dx_cm: 1.5, dy_cm: 1}");
    const Routine after = loaded(draft);
    const Point top = *body.anatomyPoint("scapula-top");
    CHECK(after.steps[0].place[0].at.xCm == doctest::Approx(top.xCm + 1.5));
    CHECK(after.steps[0].place[0].at.yCm == doctest::Approx(top.yCm + 1));
    // The path keeps its offset from the ball.
    const double dx = after.steps[0].place[0].at.xCm - before.steps[0].place[0].at.xCm;
    CHECK(after.steps[0].motion.points[0].xCm ==
          doctest::Approx(before.steps[0].motion.points[0].xCm + dx).epsilon(1e-3));
    CHECK(draft.undo());
    CHECK(draft.yaml() == start);

    // A place near the spine is pasted as given, and warns as any other.
    const PlacementRead spine = parsePlacement("{at: c7, x_cm: 1, dy_cm: 8}", body);
    REQUIRE(spine.place);
    CHECK(draft.setPlace(0, 0, *spine.place, body));
    const RoutineLoad checked = draft.check(body);
    REQUIRE(checked.routine);
    CHECK(std::any_of(checked.diagnostics.begin(), checked.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

TEST_CASE("a ball of its own size is chosen, sized within 3-15 cm, written and undone") {
    const BodyModel& body = referenceBody();
    RoutineDraft draft = draftOf("wall");
    CHECK_FALSE(hasField(routineFields(draft.routine()), DraftField::BallSize));
    for (std::size_t i = 0; i < body.ballNames().size() && draft.routine().ball.kind != "custom";
         ++i) {
        draft.cycleField(DraftField::Ball, 0, 1, body);
    }
    REQUIRE(draft.routine().ball.kind == "custom");
    CHECK(hasField(routineFields(draft.routine()), DraftField::BallSize));
    CHECK(draft.routine().ball.diameterCm >= 3);
    CHECK(draft.setField(DraftField::BallSize, 0, "9.5").empty());
    CHECK(draft.yaml().find("ball: {diameter_cm: 9.5}") != std::string::npos);
    CHECK(loaded(draft).ball.diameterCm == 9.5);
    CHECK(draft.setField(DraftField::BallSize, 0, "2") == "3-15 cm");
    CHECK(draft.setField(DraftField::BallSize, 0, "16") == "3-15 cm");
    CHECK(draft.routine().ball.diameterCm == 9.5);
    CHECK(draft.undo());
    CHECK(draft.routine().ball.diameterCm != 9.5);
    // Round again: the body model's first ball.
    draft.cycleField(DraftField::Ball, 0, 1, body);
    CHECK(draft.routine().ball.kind == body.ballNames().front());
    CHECK(loaded(draft).ball.kind == body.ballNames().front());
}
