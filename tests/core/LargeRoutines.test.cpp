#include "TestSupport.hpp"

#include "core/DataPaths.hpp"

#include "core/Clock.hpp"
#include "core/Motion.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Workspace.hpp"

#include <filesystem>
#include <fstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// As large as the format allows: 100 steps of 30 minutes, four balls, a 50-point path swept
// twice a second, names and cues near the length limit. `offBodyAt` puts one path point of
// the last step off the body.
std::string largestRoutine(bool offBody = false) {
    std::string text = "format: 1\ntitle: Largest\ndrill: wall\nball: tennis\n"
                       "schedule: {rounds: 20, days: [mon, tue, wed, thu, fri, sat, sun]}\n"
                       "steps:\n";
    for (int s = 0; s < 100; ++s) {
        text += "  - name: Step " + std::to_string(s) + " " + std::string(480, 'n') + "\n";
        text += "    duration_s: 1800\n    cue: " + std::string(400, 'c') + "\n";
        text += "    place: [{x_cm: 4, y_cm: 10}, {x_cm: 6, y_cm: 10}, {x_cm: 8, y_cm: 10}, "
                "{x_cm: 10, y_cm: 10}]\n";
        text += "    motion: {pattern: path, period_s: 0.5, points: [";
        for (int k = 0; k < 50; ++k) {
            const bool last = offBody && s == 99 && k == 49;
            text += std::string(k ? ", " : "") + "{x_cm: " +
                    (last    ? "60"
                     : k % 2 ? "4"
                             : "8") +
                    ", y_cm: " + (k % 2 ? "5" : "40") + "}";
        }
        text += "]}\n";
    }
    return text;
}

} // namespace

TEST_CASE("the largest legal routine is checked for leaving the body without sampling it") {
    const std::string text = largestRoutine();
    REQUIRE(text.size() <= kMaxRoutineBytes);
    const Routine routine = routineFrom(text);
    REQUIRE(routine.steps.size() == 100);
    SafetyCheck check(referenceBody());
    CHECK(check.offBody(routine).empty());
    // One look per ball at its place; the paths are cleared as lines, not thousands of points.
    CHECK(check.positionsChecked() == 400);
}

TEST_CASE("a path that leaves the body is still found, at the same moment as before") {
    const Routine routine = [] {
        RoutineLoad load = parseRoutine(largestRoutine(true), referenceBody());
        REQUIRE(load.routine.has_value());
        return *load.routine;
    }();
    SafetyCheck check(referenceBody());
    const double radius = Contact::of(referenceBody(), routine, routine.steps.back()).radiusCm;
    const auto off = check.offBody(routine);
    REQUIRE(off.size() == 4);
    for (const OffBody& ball : off) {
        CHECK(ball.stepIndex == 99);
        CHECK(ball.moving);
        CHECK(ball.atS > 0);
        CHECK(ball.atS < 0.25);
        CHECK_FALSE(referenceBody().patchOnBody(ball.where, radius));
    }
    // Only the last step's balls were sampled.
    CHECK(check.positionsChecked() < 400 + 4 * 8001);

    // The same moment as looking at every sample of every ball.
    const Step& step = routine.steps.back();
    std::vector<Point> positions;
    for (double t : sampleTimes(step, 0.1)) {
        ballPositions(step, t, positions);
        if (!referenceBody().patchOnBody(positions[0], radius)) {
            CHECK(off[0].atS == t);
            break;
        }
    }
}

TEST_CASE("what is due needs no warnings, and still knows a broken routine") {
    TempPath data("large-library");
    std::filesystem::create_directories(data.path / "routines");
    std::ofstream(data.path / "routines" / "large.yaml") << largestRoutine();
    std::ofstream(data.path / "routines" / "off.yaml") << largestRoutine(true);
    std::ofstream(data.path / "routines" / "spine.yaml")
        << "format: 1\ntitle: Spine\ndrill: wall\nball: tennis\nsteps:\n  - name: S\n"
           "    duration_s: 20\n    place: [{x_cm: 0, y_cm: 10}]\n";
    FixedClock clock(1795435200);
    Workspace workspace;
    workspace.paths = DataPaths{ROLLCOACH_SOURCE_DIR};
    workspace.dataDir = data.path.string();
    workspace.clock = &clock;
    for (PlacementCheck what : {PlacementCheck::ErrorsOnly, PlacementCheck::WithWarnings}) {
        const auto entries = loadRoutineLibrary(workspace, referenceBody(), what);
        // The shipped routines come first, then the folder's own, by name.
        const std::size_t shipped =
            routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines").size();
        REQUIRE(entries.size() == shipped + 3);
        CHECK(entries[shipped + 0].routine.has_value());
        CHECK_FALSE(entries[shipped + 1].routine.has_value()); // off.yaml
        CHECK(entries[shipped + 1].firstError().find("off.yaml:") == 0);
        CHECK(entries[shipped + 1].firstError().find("contact patch must stay on the back") !=
              std::string::npos);
        CHECK(entries[shipped + 2].routine.has_value());
        CHECK(entries[shipped + 2].hasSafetyWarnings() == (what == PlacementCheck::WithWarnings));
        CHECK(usableRoutines(entries).size() == shipped + 2);
    }
}
