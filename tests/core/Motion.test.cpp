#include "TestSupport.hpp"

#include "core/Motion.hpp"

#include <algorithm>
#include <cmath>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr double kPi = 3.14159265358979323846;

Motion sweep(Pattern pattern, double amplitudeCm, double periodS) {
    Motion motion;
    motion.pattern = pattern;
    motion.amplitudeCm = amplitudeCm;
    motion.periodS = periodS;
    return motion;
}

Motion path(std::vector<Point> points, double periodS) {
    Motion motion;
    motion.pattern = Pattern::Path;
    motion.periodS = periodS;
    motion.points = std::move(points);
    return motion;
}

Step stepWith(const std::vector<Point>& places, const Motion& motion, double durationS = 60) {
    Step step;
    step.name = "S";
    step.durationS = durationS;
    for (const Point& p : places) {
        step.place.push_back({p, {}});
    }
    step.motion = motion;
    return step;
}

double distance(Point a, Point b) {
    return std::hypot(a.xCm - b.xCm, a.yCm - b.yCm);
}

void checkAt(const Step& step, double seconds, Point expected) {
    CAPTURE(seconds);
    const std::vector<Point> got = ballPositions(step, seconds);
    REQUIRE(got.size() == step.place.size());
    CHECK(got[0].xCm == doctest::Approx(expected.xCm));
    CHECK(got[0].yCm == doctest::Approx(expected.yCm));
}

// One step of each moving pattern, from the same placement.
std::vector<Step> movingSteps(const std::vector<Point>& places, double durationS = 60) {
    return {stepWith(places, sweep(Pattern::Horizontal, 2, 8), durationS),
            stepWith(places, sweep(Pattern::Vertical, 1.5, 6), durationS),
            stepWith(places, sweep(Pattern::Circle, 3, 10), durationS),
            stepWith(places, path({{12, 10}, {12, 16}, {9, 18}}, 12), durationS)};
}

} // namespace

TEST_CASE("a held ball stays on its placement for the whole step") {
    const Step step = stepWith({{8, 10}, {14, 12}}, Motion{}, 30);
    for (double t : {0.0, 0.25, 7.0, 29.999}) {
        const std::vector<Point> got = ballPositions(step, t);
        REQUIRE(got.size() == 2);
        CHECK(got[0].xCm == 8);
        CHECK(got[0].yCm == 10);
        CHECK(got[1].xCm == 14);
        CHECK(got[1].yCm == 12);
    }
}

TEST_CASE("a horizontal sweep goes out to +A, back through the placement, to -A and back") {
    const Step step = stepWith({{8, 10}}, sweep(Pattern::Horizontal, 2, 8));
    checkAt(step, 0, {8, 10});
    checkAt(step, 2, {10, 10});
    checkAt(step, 4, {8, 10});
    checkAt(step, 6, {6, 10});
    checkAt(step, 8, {8, 10});
    for (double t = 0; t < 8; t += 0.1) {
        const Point p = ballPositions(step, t)[0];
        CHECK(p.yCm == 10);
        CHECK(std::abs(p.xCm - 8) <= 2 + 1e-12);
    }
}

TEST_CASE("a vertical sweep moves down the back first, then up, never sideways") {
    const Step step = stepWith({{8, 10}}, sweep(Pattern::Vertical, 1.5, 6));
    checkAt(step, 0, {8, 10});
    checkAt(step, 1.5, {8, 11.5});
    checkAt(step, 3, {8, 10});
    checkAt(step, 4.5, {8, 8.5});
    for (double t = 0; t < 6; t += 0.1) {
        const Point p = ballPositions(step, t)[0];
        CHECK(p.xCm == 8);
        CHECK(std::abs(p.yCm - 10) <= 1.5 + 1e-12);
    }
}

TEST_CASE("a circle keeps its radius round the placement, from above it toward the working side") {
    const Step step = stepWith({{8, 10}}, sweep(Pattern::Circle, 3, 10));
    checkAt(step, 0, {8, 7});
    checkAt(step, 2.5, {11, 10});
    checkAt(step, 5, {8, 13});
    checkAt(step, 7.5, {5, 10});
    for (double t = 0; t < 10; t += 0.05) {
        CHECK(distance(ballPositions(step, t)[0], {8, 10}) == doctest::Approx(3));
    }
}

TEST_CASE("a path goes from the placement through its points and back, eased at both ends") {
    // Two legs of 4 cm each: the corner is reached halfway out, at a quarter period.
    const Step step = stepWith({{8, 10}}, path({{12, 10}, {12, 14}}, 8));
    checkAt(step, 0, {8, 10});
    checkAt(step, 2, {12, 10});
    checkAt(step, 4, {12, 14});
    checkAt(step, 6, {12, 10});
    checkAt(step, 8, {8, 10});
    for (double t = 0; t < 8; t += 0.05) {
        const Point p = ballPositions(step, t)[0];
        CAPTURE(t);
        // Always on one of the two legs.
        const bool firstLeg =
            std::abs(p.yCm - 10) < 1e-9 && p.xCm >= 8 - 1e-9 && p.xCm <= 12 + 1e-9;
        const bool secondLeg =
            std::abs(p.xCm - 12) < 1e-9 && p.yCm >= 10 - 1e-9 && p.yCm <= 14 + 1e-9;
        CHECK((firstLeg || secondLeg));
    }
    // Eased: it covers less ground in the first tenth of the way out than in the middle tenth.
    const double early = distance(ballPositions(step, 0)[0], ballPositions(step, 0.4)[0]);
    const double middle = distance(ballPositions(step, 1.8)[0], ballPositions(step, 2.2)[0]);
    CHECK(early < middle / 3);
}

TEST_CASE("a path whose points all sit on the placement keeps the ball still") {
    const Step step = stepWith({{8, 10}}, path({{8, 10}, {8, 10}}, 4));
    for (double t : {0.0, 1.0, 2.0, 3.3}) {
        checkAt(step, t, {8, 10});
    }
}

TEST_CASE("every motion repeats itself each period") {
    for (const Step& step : movingSteps({{8, 10}})) {
        CAPTURE(patternName(step.motion.pattern));
        const double period = step.motion.periodS;
        for (double t : {0.0, 0.7, 1.9, 3.25, period / 2, period * 0.9}) {
            const Point first = ballPositions(step, t)[0];
            for (int n : {1, 3}) {
                const Point later = ballPositions(step, t + n * period)[0];
                CHECK(later.xCm == doctest::Approx(first.xCm));
                CHECK(later.yCm == doctest::Approx(first.yCm));
            }
        }
    }
}

TEST_CASE("every moving pattern but the circle starts on the placement") {
    for (const Step& step : movingSteps({{8, 10}})) {
        CAPTURE(patternName(step.motion.pattern));
        const Point start = ballPositions(step, 0)[0];
        if (step.motion.pattern == Pattern::Circle) {
            CHECK(distance(start, {8, 10}) == doctest::Approx(step.motion.amplitudeCm));
        } else {
            CHECK(start.xCm == doctest::Approx(8));
            CHECK(start.yCm == doctest::Approx(10));
        }
    }
}

TEST_CASE("with several balls, each keeps its offset from the first whatever the motion") {
    const std::vector<Point> places = {{8, 10}, {13, 12}, {6, 18}};
    std::vector<Step> steps = movingSteps(places);
    steps.push_back(stepWith(places, Motion{}));
    for (const Step& step : steps) {
        CAPTURE(patternName(step.motion.pattern));
        for (double t = 0; t < 12; t += 0.37) {
            const std::vector<Point> got = ballPositions(step, t);
            REQUIRE(got.size() == 3);
            for (std::size_t i = 1; i < 3; ++i) {
                CHECK(got[i].xCm - got[0].xCm == doctest::Approx(places[i].xCm - places[0].xCm));
                CHECK(got[i].yCm - got[0].yCm == doctest::Approx(places[i].yCm - places[0].yCm));
            }
        }
    }
}

TEST_CASE("the reusing form of ballPositions replaces what the vector held") {
    const Step step = stepWith({{8, 10}, {14, 12}}, sweep(Pattern::Horizontal, 2, 8));
    std::vector<Point> reused(5, Point{99, 99});
    ballPositions(step, 2, reused);
    REQUIRE(reused.size() == 2);
    CHECK(reused[0].xCm == doctest::Approx(10));
    CHECK(reused[1].xCm == doctest::Approx(16));
    ballPositions(step, 6, reused);
    REQUIRE(reused.size() == 2);
    CHECK(reused[0].xCm == doctest::Approx(6));
}

TEST_CASE("onSide keeps the right side as written and mirrors the left across the midline") {
    const Point right = onSide({8, 10}, Side::Right);
    CHECK(right.xCm == 8);
    CHECK(right.yCm == 10);
    const Point left = onSide({8, 10}, Side::Left);
    CHECK(left.xCm == -8);
    CHECK(left.yCm == 10);
    // A placement across the midline lands on the other side of it.
    CHECK(onSide({-1.5, 4}, Side::Left).xCm == 1.5);
    CHECK(onSide({0, -3}, Side::Left).xCm == 0);
    CHECK(onSide({0, -3}, Side::Left).yCm == -3);
}

TEST_CASE("sampleTimes looks at a held ball once") {
    const Step step = stepWith({{8, 10}}, Motion{}, 30);
    double actual = -1;
    CHECK(sampleTimes(step, 0.1, &actual) == std::vector<double>{0.0});
    CHECK(actual == 0);
}

TEST_CASE("sampleTimes: no ball moves further than the spacing between two samples") {
    for (double spacing : {0.05, 0.5, 3.0}) {
        for (const Step& step : movingSteps({{8, 10}, {14, 12}})) {
            CAPTURE(spacing);
            CAPTURE(patternName(step.motion.pattern));
            double actual = -1;
            const std::vector<double> times = sampleTimes(step, spacing, &actual);
            CHECK(actual > 0);
            CHECK(actual <= spacing);
            REQUIRE(times.size() >= 2);
            CHECK(times.front() == 0);
            CHECK(times.back() == step.motion.periodS);
            CHECK(std::adjacent_find(times.begin(), times.end(), std::greater_equal<double>()) ==
                  times.end());
            // Between two samples, every ball stays within the spacing of where it was at the
            // earlier one.
            double widest = 0;
            for (std::size_t i = 0; i + 1 < times.size(); ++i) {
                const std::vector<Point> from = ballPositions(step, times[i]);
                for (int k = 1; k <= 8; ++k) {
                    const double t = times[i] + (times[i + 1] - times[i]) * k / 8;
                    const std::vector<Point> at = ballPositions(step, t);
                    for (std::size_t b = 0; b < at.size(); ++b) {
                        widest = std::max(widest, distance(from[b], at[b]));
                    }
                }
            }
            CHECK(widest <= actual + 1e-9);
        }
    }
}

TEST_CASE("sampleTimes includes every turning point exactly") {
    SUBCASE("sweeps turn at a quarter and three quarters of the period") {
        // A period that no even grid of samples lands on.
        const Step step = stepWith({{8, 10}}, sweep(Pattern::Horizontal, 2, 7.3));
        const std::vector<double> times = sampleTimes(step, 0.7);
        for (double q : {7.3 / 4, 7.3 * 3 / 4, 7.3 / 2, 7.3}) {
            CAPTURE(q);
            CHECK(std::find(times.begin(), times.end(), q) != times.end());
        }
        // The sweep's far ends are reached at samples, not between them.
        double furthest = 0;
        for (double t : times) {
            furthest = std::max(furthest, std::abs(ballPositions(step, t)[0].xCm - 8));
        }
        CHECK(furthest == doctest::Approx(2).epsilon(1e-12));
    }
    SUBCASE("a path turns at each of its corners, going out and coming back") {
        const std::vector<Point> corners = {{12, 10}, {12, 16}, {9, 18}};
        const Step step = stepWith({{8, 10}}, path(corners, 12));
        const std::vector<double> times = sampleTimes(step, 2.0);
        for (const Point& corner : corners) {
            CAPTURE(corner.xCm);
            CAPTURE(corner.yCm);
            int visits = 0;
            for (double t : times) {
                if (distance(ballPositions(step, t)[0], corner) < 1e-9) {
                    ++visits;
                }
            }
            // The far end is reached at least once; the others out and again on the way back.
            CHECK(visits >= (&corner == &corners.back() ? 1 : 2));
        }
    }
}

TEST_CASE("sampleTimes of a step shorter than its period stops at the step's end") {
    const Step step = stepWith({{8, 10}}, sweep(Pattern::Horizontal, 2, 8), 3);
    const std::vector<double> times = sampleTimes(step, 0.1);
    CHECK(times.front() == 0);
    CHECK(times.back() == 3);
    CHECK(std::find(times.begin(), times.end(), 2.0) != times.end());
    CHECK(std::none_of(times.begin(), times.end(), [](double t) { return t > 3; }));
}

TEST_CASE("sampleTimes widens the spacing only when the number of samples is capped") {
    // 15 cm round in a circle is 94 cm: 0.001 cm apart would take 94,000 samples.
    const Step wide = stepWith({{8, 10}}, sweep(Pattern::Circle, 15, 20));
    double actual = 0;
    const std::vector<double> capped = sampleTimes(wide, 0.001, &actual);
    CHECK(actual > 0.001);
    CHECK(actual == doctest::Approx(2 * kPi * 15 / 8000));
    CHECK(capped.size() <= 8000 + 16);
    // A coarse spacing still gets a handful of samples per period, closer than asked.
    const Step small = stepWith({{8, 10}}, sweep(Pattern::Circle, 0.5, 20));
    const std::vector<double> coarse = sampleTimes(small, 50, &actual);
    CHECK(coarse.size() >= 9);
    CHECK(actual == doctest::Approx(2 * kPi * 0.5 / 8));
}
