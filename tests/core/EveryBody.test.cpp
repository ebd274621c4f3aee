#include "TestSupport.hpp"

#include "core/EveryBody.hpp"
#include "core/Language.hpp"
#include "core/Motion.hpp"
#include "core/RoutineLoader.hpp"
#include "core/RoutineTemplate.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"
#include "core/Timeline.hpp"
#include "core/Workspace.hpp"

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libintl.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kModelPath = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";

BodyModel bodyFor(const BodyProfile& profile) {
    return BodyModel::load(kModelPath, profile);
}

std::string modelText() {
    return readTextFile(kModelPath, 1024 * 1024).text;
}

// The places of a step on a body, first ball, as the loader resolves them.
Point firstPlace(const std::string& yaml, const BodyModel& body) {
    RoutineLoad load = parseRoutine(yaml, body);
    for (const Diagnostic& d : load.diagnostics) {
        INFO(formatDiagnostic("<test>", d));
    }
    REQUIRE(load.routine.has_value());
    return load.routine->steps.front().place.front().at;
}

// The errors of a routine on a body, placements checked.
Diagnostics errorsOn(const std::string& routine, const BodyModel& body) {
    RoutineLoad load = parseRoutine(routine, body);
    checkPlacements(load, body);
    Diagnostics errors;
    for (const Diagnostic& d : load.diagnostics) {
        if (d.severity == Severity::Error) {
            errors.push_back(d);
        }
    }
    return errors;
}

} // namespace

TEST_CASE("a place by anatomy resolves for each body: named places, fractions between them, "
          "offsets on the person") {
    const BodyModel& men = referenceBody();
    const BodyModel women = bodyFor({"women"});
    const std::string at = oneStep("tennis", "[{at: scapula-inner-edge}]");
    CHECK(firstPlace(at, men).xCm == doctest::Approx(6.8));
    CHECK(firstPlace(at, men).yCm == doctest::Approx(12));
    CHECK(firstPlace(at, women).xCm == doctest::Approx(6.8 * women.widthScale));
    CHECK(firstPlace(at, women).yCm == doctest::Approx(12 * women.lengthScale));

    // A fraction of the way from one place to another, then centimetres on the person.
    const std::string between =
        oneStep("tennis", "[{between: [scapula-spine-root, scapula-bottom], fraction: 0.5, "
                          "dx_cm: 2, dy_cm: -1}]");
    const Point mid = firstPlace(between, women);
    const Point root = *women.anatomyPoint("scapula-spine-root");
    const Point bottom = *women.anatomyPoint("scapula-bottom");
    CHECK(mid.xCm == doctest::Approx((root.xCm + bottom.xCm) / 2 + 2));
    CHECK(mid.yCm == doctest::Approx((root.yCm + bottom.yCm) / 2 - 1));

    // x_cm in place of the anatomy's own: the same distance from the midline on everyone.
    const std::string level = oneStep("tennis", "[{at: scapula-inner-edge, x_cm: 7.5}]");
    CHECK(firstPlace(level, women).xCm == doctest::Approx(7.5));
    CHECK(firstPlace(level, women).yCm == doctest::Approx(12 * women.lengthScale));

    // The other side of the back, for a second hand.
    const std::string other = "format: 1\ntitle: T\ndrill: partner\ntool: hands\nsteps:\n"
                              "  - name: S\n    duration_s: 20\n    sides: both\n"
                              "    place: [{at: outward-rotators}, {at: outward-rotators, "
                              "side: other}]\n";
    RoutineLoad load = parseRoutine(other, women);
    REQUIRE(load.routine);
    const auto& place = load.routine->steps.front().place;
    CHECK(place[1].at.xCm == doctest::Approx(-place[0].at.xCm));
    CHECK(place[1].at.yCm == doctest::Approx(place[0].at.yCm));
    CHECK(place[0].byAnatomy);

    // The neck's side follows the neck's keep-out zone of the body.
    CHECK(firstPlace(oneStep("tennis", "[{at: neck-base, dy_cm: 6}]"), women).xCm ==
          doctest::Approx(women.neckHalfWidthCm));
}

TEST_CASE("a sweep placed by anatomy scales with the body: across by width, down by height") {
    const BodyModel small = bodyFor({"women", 30.0, 150.0});
    auto amplitude = [&](const std::string& pattern, const std::string& place) {
        RoutineLoad load = parseRoutine(
            oneStep("tennis", place, "{pattern: " + pattern + ", amplitude_cm: 2, period_s: 4}"),
            small);
        REQUIRE(load.routine);
        return load.routine->steps.front().motion.amplitudeCm;
    };
    CHECK(amplitude("horizontal", "[{at: scapula-inner-edge, x_cm: 9}]") ==
          doctest::Approx(2 * small.widthScale));
    CHECK(amplitude("vertical", "[{at: scapula-inner-edge, x_cm: 9}]") ==
          doctest::Approx(2 * small.lengthScale));
    CHECK(amplitude("circle", "[{at: scapula-inner-edge, x_cm: 9}]") ==
          doctest::Approx(2 * std::min(small.widthScale, small.lengthScale)));
    // In centimetres it stays as written.
    CHECK(amplitude("horizontal", "[{x_cm: 9, y_cm: 12}]") == doctest::Approx(2));
}

TEST_CASE("a place by anatomy that is wrong is an error at its line and column") {
    SUBCASE("a misspelt place, with the nearest one") {
        const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{at: scapla-top}]"));
        CHECK(d.message == "unknown place on the body \"scapla-top\": did you mean "
                           "\"scapula-top\"?");
        CHECK(d.mark.line == 8);
        CHECK(d.mark.column == 18);
    }
    SUBCASE("between one place") {
        const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{between: [c7], fraction: 0.5}]"));
        CHECK(d.message.find("names two places") != std::string::npos);
    }
    SUBCASE("a fraction past the far place") {
        const Diagnostic d = onlyDiagnostic(
            oneStep("tennis", "[{between: [c7, acromion], fraction: 1.5, dy_cm: 9}]"));
        CHECK(d.message.find("\"fraction\" is out of range") == 0);
        CHECK(d.mark.column == 49);
    }
    SUBCASE("no fraction") {
        const Diagnostic d = onlyDiagnostic(oneStep("tennis", "[{between: [c7, acromion]}]"));
        CHECK(d.message.find("missing required key \"fraction\"") == 0);
    }
    SUBCASE("both an offset and a distance for one axis") {
        const Diagnostic d =
            onlyDiagnostic(oneStep("tennis", "[{at: scapula-top, dx_cm: 1, x_cm: 8}]"));
        CHECK(d.message.find("not both") != std::string::npos);
    }
    SUBCASE("at and between at once") {
        const Diagnostic d =
            onlyDiagnostic(oneStep("tennis", "[{at: c7, between: [c7, acromion], fraction: 0.5}]"));
        CHECK(d.message.find("by \"at\" or by \"between\", not both") != std::string::npos);
    }
}

TEST_CASE("every shipped routine fits every accepted body: no error, no warning") {
    const std::string model = modelText();
    const auto bodies = acceptedBodies(referenceBody());
    // Both averages, and every width from 30 to 50 cm with every height from 145 to 200 cm.
    CHECK(bodies.size() == 2 + 21 * 12);
    for (const std::string& file :
         routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
        const EveryBodyCheck check =
            checkOnEveryBody(readTextFile(file, kMaxRoutineBytes).text, model, kModelPath, bodies);
        INFO(file);
        for (const BodyProblem& problem : check.problems) {
            INFO(problem.diagnostic.message << " (" << problem.which << ")");
            CHECK(false);
        }
        CHECK(check.fitsEveryBody());
        CHECK(check.bodiesChecked == bodies.size());
    }
}

TEST_CASE("a routine in centimetres for one body is found not to fit others, and they are named") {
    // The old lying drill: fine on the average man, off the shoulder of narrower bodies.
    const std::string routine = oneStep("yoga-tune-up", "[{x_cm: 17.5, y_cm: 8.2}]");
    const EveryBodyCheck check =
        checkOnEveryBody(routine, modelText(), kModelPath, acceptedBodies(referenceBody()));
    REQUIRE(check.problems.size() == 1);
    const BodyProblem& problem = check.problems.front();
    CHECK(problem.diagnostic.severity == Severity::Error);
    CHECK(problem.which.rfind("shoulders up to ", 0) == 0);
    CHECK(problem.bodies > 10);
    CHECK(problem.bodies < check.bodiesChecked);
    CHECK_FALSE(check.fitsEveryBody());
    // And the reason the list and `next` give for such a body.
    RoutineLoad load = openRoutine(dataFile("good") + "/../nothing.yaml", referenceBody());
    CHECK(notFitReason(load.diagnostics).empty());
    RoutineLoad narrow = parseRoutine(routine, bodyFor({"women", 32.0}));
    checkPlacements(narrow, bodyFor({"women", 32.0}));
    CHECK(notFitReason(narrow.diagnostics) ==
          "ball 1 of step 1 (\"S\") is placed off your body as it is set "
          "(women, shoulders 32 cm, height 162.9 cm)");
}

// The hidden danger of a body the routine was not written for: between the places of the
// file, as the session draws them. Every drawn ball, hand, thumb or fingertip, every quarter
// second of the whole session (get-ready, switches and the moves between steps included), on a
// grid of bodies: all of its contact patch on the drawn body, and clear of the spine and the
// neck.
TEST_CASE("every drawn contact of every shipped routine stays on the body and out of the zones, "
          "at every moment, on every body") {
    std::size_t looked = 0;
    for (const BodyProfile& profile : acceptedBodies(referenceBody(), 5, 11)) {
        const BodyModel body = bodyFor(profile);
        const SafetyCheck check(body);
        for (const std::string& file :
             routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
            const RoutineLoad load = openRoutine(file, body);
            REQUIRE(load.routine);
            const Routine& routine = *load.routine;
            // As the session draws them: sliding from one step's place to the next.
            const Timeline timeline(routine, Side::Left, &body);
            for (double t = 0; t <= timeline.totalS(); t += 0.25) {
                const Moment m = timeline.at(t);
                std::optional<std::size_t> step = m.segment->step;
                if (!step && m.segmentIndex + 1 < timeline.segments().size()) {
                    step = timeline.segments()[m.segmentIndex + 1].step;
                }
                if (!step) {
                    step = 0;
                }
                const Contact contact = Contact::of(body, routine, routine.steps[*step]);
                for (const Point& p : m.ballsInRoutineFrame) {
                    ++looked;
                    const PlacementVerdict verdict = check.atPoint(p, contact);
                    if (!verdict.onBody || verdict.worst != Closeness::Safe) {
                        INFO(file << " on " << body.describe() << " at " << t << " s: (" << p.xCm
                                  << ", " << p.yCm << ") " << verdict.headline());
                        CHECK(verdict.onBody);
                        CHECK(verdict.worst == Closeness::Safe);
                    }
                }
            }
        }
    }
    CHECK(looked > 100000);
}

TEST_CASE("a routine that does not fit the body is kept by the library, named as due, with why") {
    TempPath data("unfit-library");
    std::filesystem::create_directories(data.path / "routines");
    std::ofstream(data.path / "routines" / "old.yaml")
        << "format: 1\ntitle: Old lying drill\ndrill: lying\nball: yoga-tune-up\nschedule:\n"
           "  days: [mon, tue, wed, thu, fri, sat, sun]\nsteps:\n  - name: S\n"
           "    duration_s: 20\n    place: [{x_cm: 17.5, y_cm: 8.2}]\n";
    FixedClock clock(1796860800);
    Workspace workspace;
    workspace.paths = DataPaths{ROLLCOACH_SOURCE_DIR};
    workspace.dataDir = data.path.string();
    workspace.clock = &clock;
    const BodyModel women = bodyFor({"women"});
    const auto library = loadRoutineLibrary(workspace, women, PlacementCheck::ErrorsOnly);
    const auto old = std::find_if(library.begin(), library.end(), [](const RoutineEntry& e) {
        return e.file.find("old.yaml") != std::string::npos;
    });
    REQUIRE(old != library.end());
    CHECK_FALSE(old->routine.has_value());
    REQUIRE(old->unfit.has_value());
    CHECK(old->notFit.find("your body as it is set (women") != std::string::npos);
    CHECK(usableRoutines(library).size() + 1 == plannedRoutines(library).size());
    const auto due = dueToday(library, {}, clock.now(), Settings{});
    const auto named = std::find_if(due.begin(), due.end(), [](const DueSession& d) {
        return d.planned.title == "Old lying drill";
    });
    REQUIRE(named != due.end());
    CHECK(named->notFit == old->notFit);
    // On the average man it fits, and is due as any other.
    const auto menLibrary =
        loadRoutineLibrary(workspace, referenceBody(), PlacementCheck::ErrorsOnly);
    for (const DueSession& d : dueToday(menLibrary, {}, clock.now(), Settings{})) {
        CHECK(d.notFit.empty());
    }
}

TEST_CASE("every starting routine, for every drill, fits every accepted body") {
    const std::string model = modelText();
    const auto bodies = acceptedBodies(referenceBody(), 2, 11);
    for (const char* drill : {"wall", "lying", "partner", "self-press"}) {
        const std::string text = "format: 1\ntitle: Mine\n" + routineTemplateBody(drill);
        const EveryBodyCheck check = checkOnEveryBody(text, model, kModelPath, bodies);
        INFO(drill);
        for (const Diagnostic& d : check.fileProblems) {
            INFO(formatDiagnostic("<template>", d));
            CHECK(false);
        }
        for (const BodyProblem& problem : check.problems) {
            INFO(problem.diagnostic.message << " (" << problem.which << ")");
            CHECK(false);
        }
        CHECK(check.fitsEveryBody());
    }
}

TEST_CASE("off the body: the kind and the pieces are carried, each sentence made whole for its "
          "kind") {
    const BodyModel narrow = bodyFor({"women", 32.0});
    SUBCASE("placed off the body") {
        const Diagnostics errors =
            errorsOn(oneStep("yoga-tune-up", "[{x_cm: 17.5, y_cm: 8.2}]"), narrow);
        REQUIRE(errors.size() == 1);
        const Diagnostic& d = errors.front();
        CHECK(d.kind == ProblemKind::PlacedOffBody);
        CHECK(d.offBody.what == "ball 1 of step 1 (\"S\")");
        CHECK(d.offBody.atS.empty());
        CHECK(d.offBody.xCm == "17.5");
        CHECK(d.offBody.yCm == "8.2");
        CHECK(d.offBody.body == "women, shoulders 32 cm, height 162.9 cm");
        CHECK(d.message == "ball 1 of step 1 (\"S\") is placed off the body (at x_cm 17.5, "
                           "y_cm 8.2 on women, shoulders 32 cm, height 162.9 cm): all of its "
                           "contact patch must stay on the back, shoulders or neck");
    }
    SUBCASE("moves off the body, and over its edge") {
        const Diagnostics moving =
            errorsOn(oneStep("tennis", "[{x_cm: 14, y_cm: 12}]",
                             "{pattern: horizontal, amplitude_cm: 12, period_s: 4}"),
                     referenceBody());
        REQUIRE(moving.size() == 1);
        CHECK((moving.front().kind == ProblemKind::MovesOffBody ||
               moving.front().kind == ProblemKind::OverTheEdge));
        CHECK_FALSE(moving.front().offBody.atS.empty());
        CHECK(moving.front().message.find(moving.front().offBody.atS + " s into the step") !=
              std::string::npos);
        CHECK(notFitReason(moving).find(" s into the step as it is set (men, ") !=
              std::string::npos);
        // Not an off-body problem: no reason to give, whatever its words.
        Diagnostic other{Severity::Error, {3, 1}, "moves off the body"};
        CHECK_FALSE(other.isOffBody());
        CHECK(notFitReason(Diagnostics{other}).empty());
    }
}

TEST_CASE("off the body in German: the kind, the every-body flag and whole German sentences") {
    const BodyModel narrow = bodyFor({"women", 32.0});
    const std::string offSome = oneStep("yoga-tune-up", "[{x_cm: 17.5, y_cm: 8.2}]");
    const RealCatalog german("de");
    REQUIRE(std::string(_("every body")) != "every body"); // the catalog is there
    const Diagnostics errors = errorsOn(offSome, narrow);
    REQUIRE(errors.size() == 1);
    const Diagnostic& d = errors.front();
    CHECK(d.kind == ProblemKind::PlacedOffBody);
    CHECK(d.offBody.xCm == "17.5"); // as the routine file writes it
    CHECK(d.message == "Ball 1 von Schritt 1 („S“) liegt außerhalb des Körpers (bei x_cm 17.5, "
                       "y_cm 8.2 für Frauen, Schultern 32 cm, Größe 162,9 cm): die ganze "
                       "Kontaktfläche muss auf Rücken, Schultern oder Nacken bleiben");
    // The person's own body, said in a German sentence of its own, not an English one edited.
    CHECK(notFitReason(errors) == "Ball 1 von Schritt 1 („S“) liegt außerhalb deines Körpers, so "
                                  "wie er eingestellt ist (Frauen, Schultern 32 cm, Größe "
                                  "162,9 cm)");

    const std::string model = modelText();
    const auto bodies = acceptedBodies(referenceBody(), 5, 15);
    // Off some bodies: one problem, not on every body, however German names the bodies.
    const EveryBodyCheck some = checkOnEveryBody(offSome, model, kModelPath, bodies);
    REQUIRE(some.problems.size() == 1);
    CHECK_FALSE(some.problems.front().everyBody);
    CHECK(some.problems.front().bodies < some.bodiesChecked);
    CHECK(some.problems.front().diagnostic.isOffBody());
    // Near the spine on every body: the flag says so, in any language.
    const EveryBodyCheck all =
        checkOnEveryBody(oneStep("tennis", "[{x_cm: 2, y_cm: 12}]"), model, kModelPath, bodies);
    REQUIRE_FALSE(all.problems.empty());
    CHECK(all.problems.front().everyBody);
    CHECK(all.problems.front().bodies == all.bodiesChecked);
    CHECK(all.problems.front().which == _("every body"));
    CHECK(all.problems.front().which.find("every body") == std::string::npos);
}
