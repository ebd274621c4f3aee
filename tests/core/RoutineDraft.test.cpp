#include "TestSupport.hpp"

#include "core/EveryBody.hpp"
#include "core/RoutineDraft.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kModelPath = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";

BodyModel bodyFor(const BodyProfile& profile) {
    return BodyModel::load(kModelPath, profile);
}

std::string readAll(const std::string& path) {
    return readTextFile(path, 1 << 20).text;
}

void checkSamePoint(Point a, Point b) {
    CHECK(a.xCm == doctest::Approx(b.xCm).epsilon(1e-12));
    CHECK(a.yCm == doctest::Approx(b.yCm).epsilon(1e-12));
}

// Two routines the same as the session sees them (where each was written aside).
void checkSameRoutine(const Routine& a, const Routine& b) {
    CHECK(a.title == b.title);
    CHECK(a.drill == b.drill);
    CHECK(a.ball.kind == b.ball.kind);
    CHECK(a.ball.diameterCm == b.ball.diameterCm);
    CHECK(a.tool == b.tool);
    CHECK(a.target == b.target);
    CHECK(a.setup == b.setup);
    CHECK(a.schedule.rounds == b.schedule.rounds);
    CHECK(a.schedule.firstSide == b.schedule.firstSide);
    CHECK(a.schedule.switchS == b.schedule.switchS);
    CHECK(a.schedule.leadInS == b.schedule.leadInS);
    CHECK(a.schedule.days == b.schedule.days);
    CHECK(a.schedule.minuteOfDay == b.schedule.minuteOfDay);
    REQUIRE(a.steps.size() == b.steps.size());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        const Step& s = a.steps[i];
        const Step& t = b.steps[i];
        CAPTURE(i);
        CHECK(s.name == t.name);
        CHECK(s.durationS == t.durationS);
        CHECK(s.cue == t.cue);
        CHECK(s.tool == t.tool);
        CHECK(s.target == t.target);
        CHECK(s.bothSides == t.bothSides);
        REQUIRE(s.place.size() == t.place.size());
        for (std::size_t p = 0; p < s.place.size(); ++p) {
            checkSamePoint(s.place[p].at, t.place[p].at);
            CHECK(s.place[p].byAnatomy == t.place[p].byAnatomy);
        }
        CHECK(s.motion.pattern == t.motion.pattern);
        CHECK(s.motion.amplitudeCm == doctest::Approx(t.motion.amplitudeCm).epsilon(1e-12));
        CHECK(s.motion.periodS == t.motion.periodS);
        CHECK(s.motion.repeat == t.motion.repeat);
        REQUIRE(s.motion.points.size() == t.motion.points.size());
        for (std::size_t p = 0; p < s.motion.points.size(); ++p) {
            checkSamePoint(s.motion.points[p], t.motion.points[p]);
        }
        REQUIRE(s.motion.returnPoints.size() == t.motion.returnPoints.size());
        for (std::size_t p = 0; p < s.motion.returnPoints.size(); ++p) {
            checkSamePoint(s.motion.returnPoints[p], t.motion.returnPoints[p]);
        }
    }
}

std::vector<std::string> shippedAndGoodRoutines() {
    std::vector<std::string> files;
    for (const char* dir : {"/routines", "/tests/data/good"}) {
        for (const auto& entry :
             std::filesystem::directory_iterator(std::string(ROLLCOACH_SOURCE_DIR) + dir)) {
            if (entry.path().extension() == ".yaml") {
                files.push_back(entry.path().string());
            }
        }
    }
    return files;
}

RoutineDraft wallDraft() {
    return RoutineDraft(templateDraft("wall", "My wall drill", referenceBody()));
}

} // namespace

TEST_CASE("a routine draft writes every shipped routine back as the loader read it") {
    const auto files = shippedAndGoodRoutines();
    REQUIRE(files.size() >= 5);
    for (const BodyProfile& profile :
         {BodyProfile{"men"}, BodyProfile{"women"}, BodyProfile{"men", 50.0, 200.0}}) {
        const BodyModel body = bodyFor(profile);
        for (const std::string& file : files) {
            CAPTURE(file);
            CAPTURE(body.describe());
            const std::string text = readAll(file);
            const RoutineLoad original = parseRoutine(text, body);
            REQUIRE(original.routine);
            const DraftRead read = readDraft(text, body);
            REQUIRE(read.draft);
            const std::string written = writeRoutineYaml(*read.draft);
            const RoutineLoad again = parseRoutine(written, body);
            INFO(written);
            REQUIRE(again.diagnostics.empty());
            REQUIRE(again.routine);
            checkSameRoutine(*original.routine, *again.routine);
            // Written once more, the text does not change.
            CHECK(writeRoutineYaml(*readDraft(written, body).draft) == written);
        }
    }
}

TEST_CASE("a routine draft of a file with errors is not read, with the loader's errors") {
    const DraftRead read = readDraft("format: 1\ntitle: x\n", referenceBody());
    CHECK_FALSE(read.draft);
    CHECK_FALSE(read.diagnostics.empty());
}

TEST_CASE("a routine draft's text keeps quotes, colons, line breaks and any script") {
    RoutineDraft draft = wallDraft();
    for (const std::string& title :
         {std::string("Yes"), std::string("40"), std::string("Ball: \"tennis\" # not a comment"),
          std::string("  spaced  "), std::string("Ωμοπλάτη 肩甲骨"), std::string("null"),
          std::string("- dash"), std::string("back\\slash")}) {
        CAPTURE(title);
        CHECK(draft.setField(DraftField::Title, 0, title).empty());
        const RoutineLoad load = parseRoutine(draft.yaml(), referenceBody());
        REQUIRE(load.routine);
        CHECK(load.routine->title == title);
    }
    draft.setField(DraftField::Cue, 0, "Line one\nline two");
    const RoutineLoad load = parseRoutine(draft.yaml(), referenceBody());
    REQUIRE(load.routine);
    CHECK(load.routine->steps[0].cue == "Line one\nline two");
}

TEST_CASE("a place dropped on the body is stored by anatomy and resolves where it was dropped") {
    for (const BodyProfile& profile :
         {BodyProfile{"men"}, BodyProfile{"women"}, BodyProfile{"men", 30.0, 145.0},
          BodyProfile{"women", 50.0, 200.0}}) {
        const BodyModel body = bodyFor(profile);
        CAPTURE(body.describe());
        for (double x = -22; x <= 22; x += 1.37) {
            for (double y = -8; y <= 45; y += 2.91) {
                const PlaceSpec place = placeByAnatomy({x, y}, body);
                CHECK(place.byAnatomy());
                const auto at = resolvePlace(place, body);
                REQUIRE(at);
                CHECK(std::abs(at->xCm - x) <= 0.05);
                CHECK(std::abs(at->yCm - y) <= 0.05);
            }
        }
    }
}

TEST_CASE("a place near the spine keeps its distance from the midline on every body") {
    const PlaceSpec place = placeByAnatomy({4.2, 12}, referenceBody());
    REQUIRE(place.xCm);
    CHECK(*place.xCm == doctest::Approx(4.2));
    CHECK_FALSE(place.dxCm);
    const BodyModel narrow = bodyFor({"women", 30.0, 150.0});
    CHECK(resolvePlace(place, narrow)->xCm == doctest::Approx(4.2));
    // Far out, across the midline: the mirror image of a place on the working side.
    const PlaceSpec across = placeByAnatomy({-16, 3}, referenceBody());
    CHECK(across.otherSide);
    CHECK(across.form == PlaceSpec::Form::At);
}

TEST_CASE("a dragged ball is stored in the draft and the loader puts it where it was dropped") {
    const BodyModel women = bodyFor({"women"});
    RoutineDraft draft(templateDraft("wall", "Mine", women));
    const Routine before = *parseRoutine(draft.yaml(), women).routine;
    const Point drop{6.4, 17.3};
    draft.movePlace(1, 0, {8, 12}, women, true);
    draft.movePlace(1, 0, drop, women, true);
    CHECK(draft.canUndo());
    const RoutineLoad load = parseRoutine(draft.yaml(), women);
    REQUIRE(load.routine);
    const Step& step = load.routine->steps[1];
    CHECK(step.place[0].byAnatomy);
    CHECK(std::abs(step.place[0].at.xCm - drop.xCm) <= 0.05);
    CHECK(std::abs(step.place[0].at.yCm - drop.yCm) <= 0.05);
    // The sweep keeps its size on this body, now that it is written for the reference body.
    CHECK(step.motion.amplitudeCm == doctest::Approx(before.steps[1].motion.amplitudeCm));
    // One drag, one undo.
    REQUIRE(draft.undo());
    CHECK_FALSE(draft.canUndo());
    CHECK_FALSE(draft.modified());
    CHECK(parseRoutine(draft.yaml(), women).routine->steps[1].place[0].at.yCm ==
          doctest::Approx(before.steps[1].place[0].at.yCm));
}

TEST_CASE("a ball placed in centimetres keeps its sweep when it is dragged on another body") {
    const BodyModel women = bodyFor({"women"});
    const DraftRead read = readDraft(
        "format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n  - name: S\n    duration_s: 30\n"
        "    place: [{x_cm: 7.5, y_cm: 10}]\n    motion: {pattern: vertical, amplitude_cm: 4, "
        "period_s: 8}\n",
        women);
    REQUIRE(read.draft);
    RoutineDraft draft(*read.draft);
    draft.movePlace(0, 0, {7, 12}, women);
    const Routine routine = *parseRoutine(draft.yaml(), women).routine;
    CHECK(routine.steps[0].place[0].byAnatomy);
    CHECK(routine.steps[0].motion.amplitudeCm == doctest::Approx(4));
}

TEST_CASE("a path moves with the first ball") {
    RoutineDraft draft = wallDraft();
    const BodyModel& body = referenceBody();
    while (draft.routine().steps[0].motion.pattern != Pattern::Path) {
        draft.cycleField(DraftField::Pattern, 0, 1, body);
    }
    const Routine before = *parseRoutine(draft.yaml(), body).routine;
    const Point p0 = before.steps[0].place[0].at;
    const Point q0 = before.steps[0].motion.points[0];
    draft.movePlace(0, 0, {p0.xCm + 2, p0.yCm + 3}, body);
    const Routine after = *parseRoutine(draft.yaml(), body).routine;
    CHECK(after.steps[0].motion.points[0].xCm == doctest::Approx(q0.xCm + 2).epsilon(0.01));
    CHECK(after.steps[0].motion.points[0].yCm == doctest::Approx(q0.yCm + 3).epsilon(0.01));
}

TEST_CASE("steps are added, duplicated, deleted and reordered, each undone and redone") {
    RoutineDraft draft = wallDraft();
    const std::string start = draft.yaml();
    REQUIRE(draft.routine().steps.size() == 2);
    CHECK_FALSE(draft.modified());

    draft.addStep(1);
    REQUIRE(draft.routine().steps.size() == 3);
    CHECK(draft.routine().steps[2].name == "Step 3");
    CHECK(draft.modified());
    draft.duplicateStep(0);
    REQUIRE(draft.routine().steps.size() == 4);
    CHECK(draft.routine().steps[1].name == "Hold");
    CHECK(draft.moveStep(3, -3));
    CHECK(draft.routine().steps[0].name == "Step 3");
    CHECK_FALSE(draft.moveStep(0, -1));
    draft.deleteStep(0);
    CHECK(draft.routine().steps.size() == 3);

    for (int i = 0; i < 4; ++i) {
        CHECK(draft.undo());
    }
    CHECK_FALSE(draft.undo());
    CHECK(draft.yaml() == start);
    CHECK_FALSE(draft.modified());
    CHECK(draft.redo());
    CHECK(draft.routine().steps.size() == 3);
    CHECK(draft.modified());
    // A new change drops what could be redone.
    draft.setField(DraftField::Duration, 0, "25");
    CHECK_FALSE(draft.canRedo());

    // The last step stays: a routine needs one.
    RoutineDraft one = wallDraft();
    one.deleteStep(0);
    one.deleteStep(0);
    CHECK(one.routine().steps.size() == 1);
}

TEST_CASE("typing into a field is one undo, and a change that changes nothing is none") {
    RoutineDraft draft = wallDraft();
    std::string typed;
    for (const char c : std::string("Shoulder")) {
        typed += c;
        draft.setField(DraftField::StepName, 0, typed, true);
    }
    CHECK(draft.routine().steps[0].name == "Shoulder");
    draft.endRun();
    draft.setField(DraftField::Duration, 0, "4", true);
    draft.setField(DraftField::Duration, 0, "45", true);
    CHECK(draft.routine().steps[0].durationS == 45);
    draft.undo();
    CHECK(draft.routine().steps[0].durationS == 30);
    CHECK(draft.routine().steps[0].name == "Shoulder");
    draft.undo();
    CHECK(draft.routine().steps[0].name == "Hold");
    CHECK_FALSE(draft.canUndo());
    draft.setField(DraftField::Duration, 0, "30");
    CHECK_FALSE(draft.canUndo());
    CHECK_FALSE(draft.modified());
}

TEST_CASE("the format's limits are reported as they are typed") {
    const DraftRoutine routine = templateDraft("wall", "x", referenceBody());
    CHECK(fieldProblem(routine, 0, DraftField::Title, std::string(500, 'a')).empty());
    CHECK(fieldProblem(routine, 0, DraftField::Title, std::string(501, 'a')) ==
          "501 characters: at most 500");
    // Characters, not bytes.
    std::string greek;
    for (int i = 0; i < 500; ++i) {
        greek += "α";
    }
    CHECK(fieldProblem(routine, 0, DraftField::Cue, greek).empty());
    CHECK_FALSE(fieldProblem(routine, 0, DraftField::StepName, " \xC2\xA0").empty());
    CHECK(fieldProblem(routine, 0, DraftField::Cue, "").empty());
    CHECK_FALSE(fieldProblem(routine, 0, DraftField::Cue, "bell\x07").empty());
    CHECK(fieldProblem(routine, 0, DraftField::Duration, "0") == "1-1800 s");
    CHECK(fieldProblem(routine, 0, DraftField::Duration, "1801") == "1-1800 s");
    CHECK(fieldProblem(routine, 0, DraftField::Duration, "1800").empty());
    CHECK(fieldProblem(routine, 0, DraftField::Duration, "abc") == "a number, 1-1800 s");
    CHECK(fieldProblem(routine, 0, DraftField::Duration, "nan") == "a number, 1-1800 s");
    CHECK(fieldProblem(routine, 0, DraftField::Rounds, "2.5") == "a whole number, 1-20 rounds");
    CHECK(fieldProblem(routine, 1, DraftField::Amplitude, "0") == "over 0, up to 15 cm");
    CHECK(fieldProblem(routine, 0, DraftField::Days, "mon fri").empty());
    CHECK_FALSE(fieldProblem(routine, 0, DraftField::Days, "mon funday").empty());

    // A number out of range is not taken; text over its limit is kept, and the file says no.
    RoutineDraft draft(routine);
    CHECK_FALSE(draft.setField(DraftField::Duration, 0, "0").empty());
    CHECK(draft.routine().steps[0].durationS == 30);
    draft.setField(DraftField::Title, 0, std::string(501, 'a'));
    CHECK(draft.routine().title.size() == 501);
    CHECK_FALSE(draft.check(referenceBody()).routine);
}

TEST_CASE("fields follow the drill and the motion") {
    RoutineDraft draft = wallDraft();
    auto has = [](const std::vector<FieldView>& fields, DraftField field) {
        return std::any_of(fields.begin(), fields.end(),
                           [field](const FieldView& view) { return view.field == field; });
    };
    CHECK(has(routineFields(draft.routine()), DraftField::Ball));
    CHECK_FALSE(has(routineFields(draft.routine()), DraftField::Tool));
    CHECK(has(stepFields(draft.routine(), 1), DraftField::Amplitude));
    CHECK_FALSE(has(stepFields(draft.routine(), 0), DraftField::Amplitude));
    draft.cycleField(DraftField::Drill, 0, 2, referenceBody());
    CHECK(draft.routine().drill == Drill::Partner);
    CHECK(has(routineFields(draft.routine()), DraftField::Tool));
    CHECK(has(stepFields(draft.routine(), 0), DraftField::StepTool));
    while (draft.routine().steps[0].motion.pattern != Pattern::Strip) {
        draft.cycleField(DraftField::Pattern, 0, 1, referenceBody());
    }
    CHECK(has(stepFields(draft.routine(), 0), DraftField::Repeat));
    const RoutineLoad load = draft.check(referenceBody());
    INFO(draft.yaml());
    CHECK(load.routine);
    // Back to a ball: the hand's motions go.
    draft.cycleField(DraftField::Drill, 0, -2, referenceBody());
    CHECK(draft.routine().steps[0].motion.pattern == Pattern::Hold);
    CHECK(draft.check(referenceBody()).routine);
}

TEST_CASE("every drill's starting routine saves as it is, on the average man and woman") {
    for (const BodyProfile& profile : {BodyProfile{"men"}, BodyProfile{"women"}}) {
        const BodyModel body = bodyFor(profile);
        for (const std::string drill : {"wall", "lying", "partner", "self-press"}) {
            CAPTURE(drill);
            if (drill == "partner" && profile.name == "women") {
                continue; // its strokes reach the shoulder's edge of narrower bodies
            }
            const RoutineDraft draft(templateDraft(drill, "New routine", body));
            CHECK(draft.routine().drill == (drill == "wall"      ? Drill::Wall
                                            : drill == "lying"   ? Drill::Lying
                                            : drill == "partner" ? Drill::Partner
                                                                 : Drill::SelfPress));
            const RoutineLoad load = draft.check(body);
            REQUIRE(load.routine);
            CHECK(load.diagnostics.empty());
            CHECK_FALSE(draft.modified());
        }
    }
    // The ball drills', placed by anatomy, fit every body: `rollcoach edit new.yaml` saves one that
    // runs anywhere.
    for (const std::string drill : {"wall", "lying"}) {
        CAPTURE(drill);
        const RoutineDraft draft(templateDraft(drill, "New routine", referenceBody()));
        const auto check = checkOnEveryBody(draft.yaml(), readAll(kModelPath), kModelPath,
                                            acceptedBodies(referenceBody(), 5, 15));
        for (const BodyProblem& problem : check.problems) {
            MESSAGE(problem.diagnostic.message << " on " << problem.which);
        }
        CHECK(check.fitsEveryBody());
    }
}

TEST_CASE("a ball placed on the spine shows as a warning of the draft, and on every body") {
    RoutineDraft draft = wallDraft();
    draft.movePlace(0, 0, {1, 10}, referenceBody());
    const RoutineLoad load = draft.check(referenceBody());
    REQUIRE(load.routine);
    bool spine = false;
    for (const Diagnostic& d : load.diagnostics) {
        spine = spine || d.message.find("spine") != std::string::npos;
    }
    CHECK(spine);
    const auto check = checkOnEveryBody(draft.yaml(), readAll(kModelPath), kModelPath,
                                        acceptedBodies(referenceBody(), 10, 25));
    CHECK_FALSE(check.fitsEveryBody());
}

TEST_CASE("balls, hands and fingers are added and removed within the format's limits") {
    RoutineDraft draft = wallDraft();
    CHECK(draft.addPlace(0, referenceBody()));
    REQUIRE(draft.routine().steps[0].place.size() == 2);
    const Routine routine = *parseRoutine(draft.yaml(), referenceBody()).routine;
    CHECK(routine.steps[0].place[1].at.xCm == doctest::Approx(-routine.steps[0].place[0].at.xCm));
    CHECK(draft.addPlace(0, referenceBody()));
    CHECK(draft.addPlace(0, referenceBody()));
    CHECK_FALSE(draft.addPlace(0, referenceBody()));
    CHECK(draft.removePlace(0));
    CHECK(draft.removePlace(0));
    CHECK(draft.removePlace(0));
    CHECK_FALSE(draft.removePlace(0));
}
