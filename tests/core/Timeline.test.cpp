#include "TestSupport.hpp"

#include "core/Timeline.hpp"

#include <cmath>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {
const char* const kTwoSteps = R"(format: 1
title: T
drill: wall
ball: tennis
schedule: {rounds: 2, switch_s: 5}
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

TEST_CASE("a switch carries the ball across to its mirrored place") {
    const Routine routine = routineFrom(kTwoSteps);
    const Timeline timeline(routine, Side::Left);
    // The sweep ends at 20 s = 2.5 periods: x back at x0 = 8 (on the left: -8).
    Moment start = timeline.at(30);
    CHECK(start.segment->kind == SegmentKind::Switch);
    CHECK(start.balls[0].xCm == doctest::Approx(-8));
    CHECK(start.balls[0].yCm == doctest::Approx(12));
    Moment middle = timeline.at(32.5);
    CHECK(middle.balls[0].xCm == doctest::Approx(0).epsilon(1e-9));
    CHECK(middle.balls[0].yCm == doctest::Approx(11));
    Moment end = timeline.at(34.999);
    CHECK(end.balls[0].xCm == doctest::Approx(8).epsilon(0.01));
    CHECK(end.balls[0].yCm == doctest::Approx(10).epsilon(0.01));
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
