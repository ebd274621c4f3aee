#include "TestSupport.hpp"

#include "core/DataPaths.hpp"
#include "core/EveryBody.hpp"
#include "core/Motion.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Timeline.hpp"

#include <cmath>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {
const char* const kTwoSteps = R"(format: 1
title: T
drill: wall
ball: tennis
schedule: {rounds: 2, switch_s: 5, lead_in_s: 0}
steps:
  - name: Hold
    duration_s: 10
    place: [{x_cm: 8, y_cm: 10}]
  - name: Sweep
    duration_s: 20
    place: [{x_cm: 8, y_cm: 12}]
    motion: {pattern: horizontal, amplitude_cm: 2, period_s: 8}
)";
}

TEST_CASE("sides alternate, with a switch between them") {
    const Routine routine = routineFrom(kTwoSteps);
    const Timeline timeline(routine, Side::Left);
    const auto& s = timeline.segments();
    REQUIRE(s.size() == 11);
    const std::vector<std::pair<SegmentKind, Side>> expected = {
        {SegmentKind::Step, Side::Left},    {SegmentKind::Step, Side::Left},
        {SegmentKind::Switch, Side::Right}, {SegmentKind::Step, Side::Right},
        {SegmentKind::Step, Side::Right},   {SegmentKind::Switch, Side::Left},
        {SegmentKind::Step, Side::Left},    {SegmentKind::Step, Side::Left},
        {SegmentKind::Switch, Side::Right}, {SegmentKind::Step, Side::Right},
        {SegmentKind::Step, Side::Right}};
    for (std::size_t i = 0; i < s.size(); ++i) {
        CHECK(s[i].kind == expected[i].first);
        CHECK(s[i].side == expected[i].second);
    }
    CHECK(s[0].round == 1);
    CHECK(s[6].round == 2);
    CHECK_FALSE(s[2].step.has_value());
    CHECK(*s[4].step == 1);
    CHECK(s[3].startS == 35);
    CHECK(timeline.totalS() == 4 * 30 + 3 * 5);
}

TEST_CASE("both sides get exactly the same time, whichever goes first") {
    const Routine routine = routineFrom(kTwoSteps);
    for (Side first : {Side::Left, Side::Right}) {
        const Timeline timeline(routine, first);
        CHECK(timeline.secondsOnSide(Side::Left) == 60);
        CHECK(timeline.secondsOnSide(Side::Right) == 60);
        CHECK(timeline.segments().front().side == first);
    }
}

TEST_CASE("ball positions at chosen times, mirrored for the left side") {
    const Routine routine = routineFrom(kTwoSteps);
    const Timeline timeline(routine, Side::Right);
    // Right side: the routine frame is the absolute frame.
    Moment m = timeline.at(5);
    CHECK(m.segment->kind == SegmentKind::Step);
    CHECK(m.progress == doctest::Approx(0.5));
    REQUIRE(m.balls.size() == 1);
    CHECK(m.balls[0].xCm == doctest::Approx(8));
    CHECK(m.balls[0].yCm == doctest::Approx(10));
    // A quarter period into the sweep: x0 + A.
    m = timeline.at(10 + 2);
    CHECK(m.balls[0].xCm == doctest::Approx(10));
    CHECK(m.segmentLeftS == doctest::Approx(18));
    CHECK(m.sessionLeftS == doctest::Approx(timeline.totalS() - 12));
    // The same moment on the left side: mirrored.
    m = timeline.at(35 + 10 + 2);
    CHECK(m.segment->side == Side::Left);
    CHECK(m.balls[0].xCm == doctest::Approx(-10));
    CHECK(m.ballsInRoutineFrame[0].xCm == doctest::Approx(10));
    // Three quarters: x0 - A.
    m = timeline.at(35 + 10 + 6);
    CHECK(m.balls[0].xCm == doctest::Approx(-6));
}

TEST_CASE("a switch lifts the ball off the back, then shows it at its place on the other side") {
    const Routine routine = routineFrom(kTwoSteps);
    const Timeline timeline(routine, Side::Left);
    // The switch runs from 30 to 35 s: lifted for its first 2 s, never drawn on the way.
    for (double t : {30.0, 31.0, 31.99}) {
        const Moment lifted = timeline.at(t);
        CHECK(lifted.segment->kind == SegmentKind::Switch);
        CHECK(lifted.lifted);
        CHECK(lifted.balls.empty());
        CHECK(lifted.ballsInRoutineFrame.empty());
    }
    for (double t : {32.0, 33.0, 34.999}) {
        const Moment placed = timeline.at(t);
        CHECK_FALSE(placed.lifted);
        REQUIRE(placed.balls.size() == 1);
        CHECK(placed.balls[0].xCm == doctest::Approx(8));
        CHECK(placed.balls[0].yCm == doctest::Approx(10));
        CHECK(placed.ballsInRoutineFrame[0].xCm == doctest::Approx(8));
    }
}

TEST_CASE("times outside the session are clamped") {
    const Routine routine = routineFrom(kTwoSteps);
    const Timeline timeline(routine, Side::Left);
    CHECK(timeline.at(-4).segmentIndex == 0);
    const Moment end = timeline.at(1e9);
    CHECK(end.finished);
    CHECK(end.segmentIndex == timeline.segments().size() - 1);
    CHECK(end.sessionLeftS == 0);
    CHECK(timeline.at(std::nan("")).segmentIndex == 0);
}

TEST_CASE("segment boundaries belong to the next segment") {
    const Routine routine = routineFrom(kTwoSteps);
    const Timeline timeline(routine, Side::Left);
    CHECK(timeline.segmentAt(9.999) == 0);
    CHECK(timeline.segmentAt(10) == 1);
    CHECK(timeline.segmentAt(30) == 2);
}

TEST_CASE("no ball of a warning-free shipped routine is ever drawn in a warning zone, switches "
          "included") {
    const SafetyCheck check(referenceBody());
    for (const std::string& file :
         routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
        const RoutineLoad load = openRoutine(file, referenceBody());
        REQUIRE(load.routine);
        REQUIRE(load.diagnostics.empty()); // shipped routines are warning-free
        for (Side first : {Side::Left, Side::Right}) {
            const Timeline timeline(*load.routine, first);
            int drawn = 0;
            int lifted = 0;
            for (double t = 0; t <= timeline.totalS(); t += 0.05) {
                const Moment m = timeline.at(t);
                lifted += m.lifted ? 1 : 0;
                REQUIRE(m.balls.size() == m.ballsInRoutineFrame.size());
                for (std::size_t b = 0; b < m.balls.size(); ++b) {
                    const Point p = m.ballsInRoutineFrame[b];
                    // The drawn place and the routine-frame place are the same point.
                    const Side side = m.segment->side;
                    CHECK(onSide(p, side).xCm == doctest::Approx(m.balls[b].xCm));
                    // Judged as what presses there: the ball, or the step's tool in its motion.
                    // During a switch the balls are shown where the next step puts them.
                    const Segment& shown = m.segment->kind == SegmentKind::Switch
                                               ? timeline.segments()[m.segmentIndex + 1]
                                               : *m.segment;
                    const Step& step =
                        shown.step ? load.routine->steps[*shown.step] : load.routine->steps.front();
                    const PlacementVerdict v =
                        check.atPoint(p, Contact::of(referenceBody(), *load.routine, step));
                    INFO(file << " t=" << t << " ball " << b << " at " << p.xCm << "," << p.yCm);
                    REQUIRE(v.worst == Closeness::Safe);
                    REQUIRE(v.onBody);
                    ++drawn;
                }
            }
            CHECK(drawn > 1000);
            CHECK(lifted > 0);
        }
    }
}

TEST_CASE("the balls of a shipped routine are drawn apart, as its words say, never overlapping, "
          "on every body") {
    const std::string model = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";
    for (const BodyProfile& profile : acceptedBodies(referenceBody(), 5, 11)) {
        const BodyModel body = BodyModel::load(model, profile);
        for (const std::string& file :
             routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
            const RoutineLoad load = openRoutine(file, body);
            REQUIRE(load.routine);
            const double diameter = load.routine->ball.diameterCm;
            const Timeline timeline(*load.routine, Side::Left);
            for (double t = 0; t <= timeline.totalS(); t += 0.25) {
                const Moment m = timeline.at(t);
                for (std::size_t a = 0; a < m.balls.size(); ++a) {
                    for (std::size_t b = a + 1; b < m.balls.size(); ++b) {
                        const double apart = std::hypot(m.balls[a].xCm - m.balls[b].xCm,
                                                        m.balls[a].yCm - m.balls[b].yCm);
                        INFO(file << " on " << body.describe() << " t=" << t);
                        // "Close together but not touching": two real balls never overlap.
                        CHECK(apart > diameter);
                    }
                }
            }
        }
    }
}
