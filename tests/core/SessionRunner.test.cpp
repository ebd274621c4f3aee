#include "TestSupport.hpp"

#include "core/SessionRunner.hpp"

using namespace rollcoach;
using namespace rollcoach::test;

namespace {
const char* const kRoutine = R"(format: 1
title: T
drill: wall
ball: tennis
schedule: {rounds: 1, switch_s: 5, lead_in_s: 0}
steps:
  - {name: A, duration_s: 10, place: [{x_cm: 8, y_cm: 10}]}
  - {name: B, duration_s: 10, place: [{x_cm: 8, y_cm: 12}]}
)";

std::vector<Cue::Kind> kinds(const std::vector<Cue>& cues) {
    std::vector<Cue::Kind> out;
    for (const Cue& c : cues) {
        out.push_back(c.kind);
    }
    return out;
}
} // namespace

TEST_CASE("cues: a new step, three beats before the switch, the switch, the end") {
    const Routine routine = routineFrom(kRoutine);
    const Timeline timeline(routine, Side::Left);
    SessionRunner runner(timeline);
    CHECK(runner.advance(9.5).empty());
    CHECK(kinds(runner.advance(1)) == std::vector<Cue::Kind>{Cue::Kind::StepStarts});
    std::vector<Cue> beats = runner.advance(9.0); // 10.5 -> 19.5: beats at 17, 18, 19
    REQUIRE(beats.size() == 3);
    CHECK(beats[0].beat == 3);
    CHECK(beats[2].beat == 1);
    CHECK(kinds(runner.advance(1)) == std::vector<Cue::Kind>{Cue::Kind::SwitchStarts});
    const auto end = runner.advance(100);
    CHECK(end.back().kind == Cue::Kind::Finished);
    CHECK(runner.finished());
    CHECK(runner.doneOnSide(Side::Left) == 20);
    CHECK(runner.doneOnSide(Side::Right) == 20);
}

TEST_CASE("pause stops the clock, and next and previous move between steps") {
    const Routine routine = routineFrom(kRoutine);
    const Timeline timeline(routine, Side::Left);
    SessionRunner runner(timeline);
    runner.advance(3);
    runner.togglePause();
    CHECK(runner.advance(50).empty());
    CHECK(runner.elapsedS() == 3);
    runner.togglePause();
    // Next: the start of step B.
    const auto next = runner.nextStep();
    REQUIRE(next.size() == 1);
    CHECK(next[0].kind == Cue::Kind::StepStarts);
    CHECK(runner.elapsedS() == 10);
    // Previous just after a start: back to step A; further in: restart the step.
    runner.previousStep();
    CHECK(runner.elapsedS() == 0);
    runner.advance(5);
    runner.previousStep();
    CHECK(runner.elapsedS() == 0);
    // Time spent counts (3 s, then 5 s again after going back); skipped time does not.
    runner.nextStep();
    runner.nextStep();
    CHECK(runner.moment().segment->kind == SegmentKind::Switch);
    CHECK(runner.doneOnSide(Side::Left) == doctest::Approx(8));
}

TEST_CASE("the session opens by naming the step in progress, once") {
    const Routine routine = routineFrom(kRoutine);
    const Timeline timeline(routine, Side::Left);
    SessionRunner runner(timeline);
    const std::vector<Cue> opening = runner.begin();
    REQUIRE(opening.size() == 1);
    CHECK(opening[0].kind == Cue::Kind::StepStarts);
    CHECK(opening[0].segment == 0);
    CHECK(runner.begin().empty());

    // Started further in (the window's --start-at), it names where the session stands.
    SessionRunner later(timeline);
    later.advance(22); // into the switch
    const std::vector<Cue> resumed = later.begin();
    REQUIRE(resumed.size() == 1);
    CHECK(resumed[0].kind == Cue::Kind::SwitchStarts);
    CHECK(resumed[0].segment == timeline.segmentAt(22));

    SessionRunner done(timeline);
    done.advance(1000);
    CHECK(done.begin().empty());
}
