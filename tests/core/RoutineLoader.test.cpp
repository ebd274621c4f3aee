#include "TestSupport.hpp"

#include "core/RoutineLoader.hpp"

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const char* const kGood = R"(format: 1
title: Wall drill
drill: wall
ball: tennis
target: rhomboids
setup: [Stand with your back to a wall.]
schedule:
  rounds: 2
  first_side: right
  switch_s: 6
  days: [mon, fri]
steps:
  - name: Hold
    duration_s: 30
    cue: Lean in.
    place:
      - {x_cm: 7.5, y_cm: 9}
  - name: Sweep
    duration_s: 40
    place: [{x_cm: 8, y_cm: 10}]
    motion: {pattern: horizontal, amplitude_cm: 1.5, period_s: 6}
  - name: Path
    duration_s: 20
    place: [{x_cm: 8, y_cm: 8}]
    motion:
      pattern: path
      period_s: 10
      points: [{x_cm: 9, y_cm: 12}, {x_cm: 8, y_cm: 16}]
)";

std::string withStep(const std::string& stepLines) {
    return "format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n" + stepLines;
}

} // namespace

TEST_CASE("a complete routine loads with every key") {
    const Routine routine = routineFrom(kGood);
    CHECK(routine.title == "Wall drill");
    CHECK(routine.drill == Drill::Wall);
    CHECK(routine.ball.kind == "tennis");
    CHECK(routine.ball.diameterCm == doctest::Approx(6.7));
    CHECK(routine.target == "rhomboids");
    REQUIRE(routine.setup.size() == 1);
    CHECK(routine.schedule.rounds == 2);
    CHECK(routine.schedule.firstSide == FirstSide::Right);
    CHECK(routine.schedule.switchS == 6);
    REQUIRE(routine.schedule.days.size() == 2);
    CHECK(routine.schedule.days[1] == Weekday::Fri);
    REQUIRE(routine.steps.size() == 3);
    CHECK(routine.steps[0].cue == "Lean in.");
    CHECK(routine.steps[0].motion.pattern == Pattern::Hold);
    CHECK(routine.steps[0].place[0].at.xCm == 7.5);
    CHECK(routine.steps[0].place[0].mark.line == 17);
    CHECK(routine.steps[1].motion.pattern == Pattern::Horizontal);
    CHECK(routine.steps[1].motion.amplitudeCm == 1.5);
    CHECK(routine.steps[1].motion.periodS == 6);
    CHECK(routine.steps[2].motion.pattern == Pattern::Path);
    CHECK(routine.steps[2].motion.points.size() == 2);
    CHECK(routine.sideSeconds() == 90);
}

TEST_CASE("defaults: one round, auto first side, hold") {
    const Routine routine = routineFrom(oneStep("yoga-tune-up-plus", "[{x_cm: 8, y_cm: 10}]"));
    CHECK(routine.schedule.rounds == 1);
    CHECK(routine.schedule.firstSide == FirstSide::Auto);
    CHECK(routine.ball.diameterCm == doctest::Approx(7.0));
}

TEST_CASE("a ball of one's own size") {
    const Routine routine = routineFrom(oneStep("{diameter_cm: 9}", "[{x_cm: 10, y_cm: 10}]"));
    CHECK(routine.ball.kind == "custom");
    CHECK(routine.ball.diameterCm == 9);
}

TEST_CASE("YAML syntax errors are located") {
    const Diagnostic d = onlyDiagnostic("format: 1\ntitle: [unclosed\ndrill: wall\n");
    CHECK(d.severity == Severity::Error);
    CHECK(d.message.find("YAML syntax") != std::string::npos);
    CHECK(d.mark.line >= 2);
}

TEST_CASE("an unknown key suggests the closest known one, at its line and column") {
    const Diagnostic d = onlyDiagnostic(withStep(
        "  - name: S\n    duration_s: 5\n    place: [{x_cm: 8, y_cm: 10}]\n    motoin: hold\n"));
    CHECK(d.message == "unknown key \"motoin\" in step 1: did you mean \"motion\"?");
    CHECK(d.mark.line == 9);
    CHECK(d.mark.column == 5);
}

TEST_CASE("a misspelt required key gives the suggestion and the missing key") {
    RoutineLoad load =
        parseRoutine(withStep("  - name: S\n    duraton_s: 5\n    place: [{x_cm: 8, y_cm: 10}]\n"),
                     referenceBody());
    REQUIRE(load.diagnostics.size() == 2);
    CHECK(load.diagnostics[0].message == "missing required key \"duration_s\" in step 1 (\"S\")");
    CHECK(load.diagnostics[0].mark.line == 6);
    CHECK(load.diagnostics[1].message ==
          "unknown key \"duraton_s\" in step 1: did you mean \"duration_s\"?");
    CHECK(load.diagnostics[1].mark.line == 7);
    CHECK(load.diagnostics[1].mark.column == 5);
}

TEST_CASE("a top-level unknown key far from any known one lists the known keys") {
    const Diagnostic d =
        onlyDiagnostic(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") + "colour: red\n");
    CHECK(d.message.find("unknown key \"colour\" in the routine (known keys:") == 0);
    CHECK(d.mark.line == 10);
    CHECK(d.mark.column == 1);
}

TEST_CASE("duplicate keys are errors at the second occurrence") {
    const Diagnostic d =
        onlyDiagnostic("format: 1\ntitle: A\ntitle: B\ndrill: wall\nball: tennis\n"
                       "steps:\n  - {name: S, duration_s: 5, place: [{x_cm: 8, y_cm: 10}]}\n");
    CHECK(d.message == "duplicate key \"title\" (first given at line 2)");
    CHECK(d.mark.line == 3);
    CHECK(d.mark.column == 1);
}

TEST_CASE("duplicate keys inside a flow map are found too") {
    const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{x_cm: 8, y_cm: 10, x_cm: 9}]"));
    CHECK(d.message.find("duplicate key \"x_cm\"") == 0);
    CHECK(d.mark.line == 8);
    CHECK(d.mark.column == 33);
}

TEST_CASE("wrong types are located at the value") {
    SUBCASE("text for a number") {
        const Diagnostic d = onlyDiagnostic(
            withStep("  - name: S\n    duration_s: forty\n    place: [{x_cm: 8, y_cm: 10}]\n"));
        CHECK(d.message == "\"duration_s\" must be a number, got \"forty\"");
        CHECK(d.mark.line == 7);
        CHECK(d.mark.column == 17);
    }
    SUBCASE("no value at all, at the key's own line, not at the next line's start") {
        const Diagnostic d = onlyDiagnostic(
            withStep("  - name: S\n    duration_s:\n    place: [{x_cm: 8, y_cm: 10}]\n"));
        CHECK(d.message == "\"duration_s\" must be a number, got nothing");
        CHECK(d.mark.line == 7);
        CHECK(d.mark.column == 5);
    }
    SUBCASE("an explicit null, where it stands") {
        const Diagnostic d = onlyDiagnostic(
            withStep("  - name: S\n    duration_s: ~\n    place: [{x_cm: 8, y_cm: 10}]\n"));
        CHECK(d.mark.line == 7);
        CHECK(d.mark.column == 17);
    }
    SUBCASE("a quoted number") {
        const Diagnostic d = onlyDiagnostic(
            withStep("  - name: S\n    duration_s: \"40\"\n    place: [{x_cm: 8, y_cm: 10}]\n"));
        CHECK(d.message.find("must be a number") != std::string::npos);
    }
    SUBCASE("a list for a title") {
        const Diagnostic d =
            onlyDiagnostic("format: 1\ntitle: [a, b]\ndrill: wall\nball: tennis\n"
                           "steps:\n  - {name: S, duration_s: 5, place: [{x_cm: 8, y_cm: 10}]}\n");
        CHECK(d.message == "\"title\" must be text, got a list");
        CHECK(d.mark.line == 2);
        CHECK(d.mark.column == 8);
    }
    SUBCASE("a map for steps") {
        const Diagnostic d =
            onlyDiagnostic("format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps: {a: 1}\n");
        CHECK(d.message == "\"steps\" must be a list, got a map");
    }
    SUBCASE("a fractional format") {
        const Diagnostic d = onlyDiagnostic("format: 1.5\n");
        CHECK(d.message == "\"format\" must be a whole number, got \"1.5\"");
    }
}

TEST_CASE("missing required keys are reported on the map that lacks them") {
    RoutineLoad load = parseRoutine("format: 1\ntitle: T\n", referenceBody());
    REQUIRE(load.diagnostics.size() == 3);
    for (const Diagnostic& d : load.diagnostics) {
        CHECK(d.mark.line == 1);
        CHECK(d.mark.column == 1);
    }
    CHECK(load.diagnostics[0].message == "missing required key \"drill\" in the routine");
    CHECK(load.diagnostics[1].message == "missing required key \"ball\" in the routine");
    CHECK(load.diagnostics[2].message == "missing required key \"steps\" in the routine");
}

TEST_CASE("empty steps") {
    const Diagnostic d =
        onlyDiagnostic("format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps: []\n");
    CHECK(d.message == "\"steps\" is empty: a routine needs at least one step");
    CHECK(d.mark.line == 5);
    CHECK(d.mark.column == 8);
}

TEST_CASE("unknown drill, ball and pattern, with suggestions") {
    SUBCASE("drill") {
        const Diagnostic d =
            onlyDiagnostic("format: 1\ntitle: T\ndrill: wal\nball: tennis\n"
                           "steps:\n  - {name: S, duration_s: 5, place: [{x_cm: 8, y_cm: 10}]}\n");
        CHECK(d.message == "unknown drill \"wal\": did you mean \"wall\"?");
        CHECK(d.mark.line == 3);
        CHECK(d.mark.column == 8);
    }
    SUBCASE("ball") {
        const Diagnostic d = onlyDiagnostic(oneStep("golf", "[{x_cm: 8, y_cm: 10}]"));
        CHECK(d.message.find(
                  "unknown ball \"golf\": expected tennis, yoga-tune-up or yoga-tune-up-plus") ==
              0);
        CHECK(d.mark.line == 4);
    }
    SUBCASE("pattern") {
        const Diagnostic d = onlyDiagnostic(oneStep(
            "tennis", "[{x_cm: 8, y_cm: 10}]", "{pattern: cirlce, amplitude_cm: 1, period_s: 5}"));
        CHECK(d.message == "unknown motion pattern \"cirlce\": did you mean \"circle\"?");
        CHECK(d.mark.line == 9);
        CHECK(d.mark.column == 23);
    }
}

TEST_CASE("non-finite and out-of-range numbers") {
    SUBCASE("NaN") {
        const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{x_cm: .nan, y_cm: 10}]"));
        CHECK(d.message == "\"x_cm\" must be a finite number, got \".nan\"");
        CHECK(d.mark.line == 8);
        CHECK(d.mark.column == 20);
    }
    SUBCASE("infinity") {
        const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{x_cm: 8, y_cm: -.inf}]"));
        CHECK(d.message.find("must be a finite number") != std::string::npos);
    }
    SUBCASE("huge") {
        const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{x_cm: 1e999, y_cm: 10}]"));
        CHECK(d.message == "\"x_cm\" is out of range: \"1e999\"");
    }
    SUBCASE("zero duration") {
        const Diagnostic d = onlyDiagnostic(
            withStep("  - name: S\n    duration_s: 0\n    place: [{x_cm: 8, y_cm: 10}]\n"));
        CHECK(d.message ==
              "\"duration_s\" is out of range: 0 (must be at least 1 and at most 1800)");
    }
    SUBCASE("negative amplitude") {
        const Diagnostic d =
            onlyDiagnostic(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]",
                                   "{pattern: vertical, amplitude_cm: -2, period_s: 5}"));
        CHECK(d.message.find("\"amplitude_cm\" is out of range: -2") == 0);
    }
    SUBCASE("absurd period") {
        const Diagnostic d =
            onlyDiagnostic(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]",
                                   "{pattern: vertical, amplitude_cm: 2, period_s: 99999}"));
        CHECK(d.message.find("\"period_s\" is out of range") == 0);
    }
    SUBCASE("rounds") {
        const Diagnostic d =
            onlyDiagnostic(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") + "schedule: {rounds: 0}\n");
        CHECK(d.message == "\"rounds\" is out of range: 0 (must be 1 to 20)");
    }
}

TEST_CASE("an unknown format is refused before anything else") {
    const Diagnostic d = onlyDiagnostic("format: 2\ntitle: T\nwhatever: x\n");
    CHECK(d.message == "unknown format 2: this version of rollcoach reads format 1");
    CHECK(d.mark.line == 1);
    CHECK(d.mark.column == 9);
}

TEST_CASE("a missing format") {
    const Diagnostic d = onlyDiagnostic("title: T\n");
    CHECK(d.message.find("missing required key \"format\"") == 0);
}

TEST_CASE("every problem is collected, not just the first") {
    RoutineLoad load = parseRoutine(R"(format: 1
title: ""
drill: floor
ball: tennis
steps:
  - name: A
    duration_s: -1
    place: [{x_cm: 8, y_cm: 10}]
  - name: B
    duration_s: 10
    place: [{x_cm: 8}]
)",
                                    referenceBody());
    REQUIRE(load.diagnostics.size() == 4);
    CHECK(load.diagnostics[0].mark.line == 2);
    CHECK(load.diagnostics[1].mark.line == 3);
    CHECK(load.diagnostics[2].mark.line == 7);
    CHECK(load.diagnostics[3].mark.line == 11);
    CHECK(load.diagnostics[3].message ==
          "missing required key \"y_cm\" in place of step 2 (\"B\")");
}

TEST_CASE("empty file and a scalar document") {
    CHECK(onlyDiagnostic("").message == "the file is empty");
    CHECK(onlyDiagnostic("# only a comment\n").message == "the file is empty");
    CHECK(onlyDiagnostic("hello\n").message.find("a routine must be a map") == 0);
}

TEST_CASE("a file over the size limit is refused before parsing") {
    const std::string huge = "format: 1\ntitle: " + std::string(kMaxRoutineBytes, 'a') + "\n";
    const Diagnostic d = onlyDiagnostic(huge);
    CHECK(d.message.find("file too large") == 0);
}

TEST_CASE("files: missing, a directory, the shipped ones") {
    RoutineLoad missing = loadRoutineFile("/no/such/file.yaml", referenceBody());
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].message == "cannot read file: no such file");
    RoutineLoad directory = loadRoutineFile(ROLLCOACH_TEST_DATA, referenceBody());
    REQUIRE(directory.diagnostics.size() == 1);
    CHECK(directory.diagnostics[0].message == "cannot read file: it is a directory");
    for (const char* name : {"wall-tennis-ball.yaml", "lying-yoga-tune-up.yaml"}) {
        RoutineLoad load = loadRoutineFile(shippedRoutine(name), referenceBody());
        CHECK(load.routine.has_value());
        CHECK(load.diagnostics.empty());
    }
}
