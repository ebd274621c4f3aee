#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Session.hpp"

#include <cmath>
#include <utility>
#include <vector>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// Two steps of 20 s a side and a 5 s switch: the switch starts at 40 s.
const char* const kTwoSteps = R"(format: 1
title: Two steps
drill: wall
ball: tennis
schedule: {rounds: 1, first_side: left, switch_s: 5, lead_in_s: 0}
steps:
  - name: Hold
    duration_s: 20
    place: [{x_cm: 8, y_cm: 10}]
    motion: hold
  - name: Sweep
    duration_s: 20
    place: [{x_cm: 8, y_cm: 12}]
    motion: {pattern: vertical, amplitude_cm: 2, period_s: 8}
)";

} // namespace

TEST_CASE("the snapshot counts 3, 2, 1 in the seconds the beats sound before a switch, only then") {
    FixedClock clock{1'790'000'000};
    Session session(routineFrom(kTwoSteps), {}, Side::Left, referenceBody(), clock, nullptr);
    // The beats: each second the count shows starts with its beat.
    std::vector<std::pair<double, int>> beats;
    double at = 0;
    const double step = 0.25;
    int shown = 0;
    while (at < 60) {
        for (const Cue& cue : session.advance(step)) {
            if (cue.kind == Cue::Kind::CountdownBeat) {
                beats.emplace_back(at + step, cue.beat);
            }
        }
        at += step;
        const int now = session.snapshot().countdown;
        if (now != shown && now != 0) {
            // A new number shows exactly when its beat sounds.
            REQUIRE_FALSE(beats.empty());
            CHECK(beats.back().first == doctest::Approx(at));
            CHECK(beats.back().second == now);
        }
        shown = now;
        if (at >= 37 && at < 40) {
            CHECK(session.snapshot().countdown == static_cast<int>(std::ceil(40 - at - 1e-9)));
        } else {
            // Not before the first step's end (the next segment is a step), nor in the switch,
            // nor on the last side.
            CHECK(session.snapshot().countdown == 0);
        }
    }
    CHECK(beats.size() == 3);
}
