#include "Timeline.hpp"

#include "Motion.hpp"
#include "SafetyCheck.hpp"

#include <algorithm>
#include <cmath>

namespace rollcoach {
namespace {

// From 0 to 1 with no sudden start or stop.
double smoothStep(double share) {
    share = std::clamp(share, 0.0, 1.0);
    return share * share * (3 - 2 * share);
}

std::vector<Point> absolutePositions(const Step& step, double seconds, Side side) {
    std::vector<Point> out = ballPositions(step, seconds);
    for (Point& p : out) {
        p = onSide(p, side);
    }
    return out;
}

// Where the balls are `seconds` into a slide: from where they were toward where the step's
// own motion has them by then, eased at both ends.
std::vector<Point> slideAt(const Step& step, Side side, const Timeline::Approach& approach,
                           double seconds) {
    std::vector<Point> to = absolutePositions(step, seconds, side);
    const double f = smoothStep(seconds / approach.durationS);
    for (std::size_t b = 0; b < to.size(); ++b) {
        to[b] = {approach.from[b].xCm + (to[b].xCm - approach.from[b].xCm) * f,
                 approach.from[b].yCm + (to[b].yCm - approach.from[b].yCm) * f};
    }
    return to;
}

bool clear(const SafetyCheck& check, Point routinePoint, const Contact& contact) {
    const PlacementVerdict verdict = check.atPoint(routinePoint, contact);
    return verdict.onBody && verdict.worst == Closeness::Safe;
}

// How the balls get from the end of one step to the start of the next.
Timeline::Approach approachBetween(const Routine& routine, const Segment& before,
                                   const Segment& segment, const BodyModel* body) {
    Timeline::Approach approach;
    const Step& last = routine.steps[*before.step];
    const Step& step = routine.steps[*segment.step];
    const std::vector<Point> from = absolutePositions(last, last.durationS, before.side);
    const std::vector<Point> to = absolutePositions(step, 0, segment.side);
    if (from.empty() || to.empty()) {
        return approach; // hands off the back before or after: they are put down, or lifted
    }
    const double liftS = std::min(Timeline::kShortestMoveS, 0.3 * step.durationS);
    if (from.size() != to.size()) {
        approach.durationS = liftS;
        approach.lifted = true;
        return approach;
    }
    double distance = 0;
    for (std::size_t b = 0; b < to.size(); ++b) {
        distance = std::max(distance, std::hypot(to[b].xCm - from[b].xCm, to[b].yCm - from[b].yCm));
    }
    if (distance < 0.05) {
        return approach;
    }
    approach.from = from;
    approach.durationS = std::max(Timeline::kShortestMoveS, distance / Timeline::kSlideCmPerS);
    if (body == nullptr || approach.durationS > 0.4 * step.durationS) {
        approach.durationS = liftS;
        approach.lifted = true;
        return approach;
    }
    const SafetyCheck check(*body);
    const Contact leaving = Contact::of(*body, routine, last);
    const Contact arriving = Contact::of(*body, routine, step);
    // A place the routine itself puts too close is warned about at once, with no slide.
    for (std::size_t b = 0; b < to.size(); ++b) {
        if (!clear(check, onSide(from[b], before.side), leaving) ||
            !clear(check, onSide(to[b], segment.side), arriving)) {
            approach.durationS = 0;
            return approach;
        }
    }
    // Every position of the slide, close together; what lies between two is covered by
    // widening the contact by half the widest gap between them.
    const int samples = static_cast<int>(std::ceil(approach.durationS * 240));
    std::vector<std::vector<Point>> positions;
    double widest = 0;
    for (int i = 0; i <= samples; ++i) {
        positions.push_back(
            slideAt(step, segment.side, approach, approach.durationS * i / samples));
        if (i > 0) {
            for (std::size_t b = 0; b < to.size(); ++b) {
                const Point a = positions[positions.size() - 2][b];
                const Point c = positions.back()[b];
                widest = std::max(widest, std::hypot(c.xCm - a.xCm, c.yCm - a.yCm));
            }
        }
    }
    Contact contact = arriving;
    contact.radiusCm = std::max(leaving.radiusCm, arriving.radiusCm) + widest / 2;
    contact.fingerFriction = leaving.fingerFriction && arriving.fingerFriction;
    for (const std::vector<Point>& moment : positions) {
        for (const Point& p : moment) {
            if (!clear(check, onSide(p, segment.side), contact)) {
                // Sliding would cross a zone: lifted across instead, never carried over it.
                approach.durationS = liftS;
                approach.lifted = true;
                approach.from.clear();
                return approach;
            }
        }
    }
    return approach;
}

} // namespace

Timeline::Timeline(const Routine& routine, Side firstSide, const BodyModel* body)
    : m_routine(routine), m_firstSide(firstSide) {
    double t = 0;
    auto add = [&](SegmentKind kind, double duration, Side side, int round,
                   std::optional<std::size_t> step, bool both = false) {
        m_segments.push_back({kind, t, duration, side, round, step, both});
        t += duration;
    };
    if (routine.schedule.leadInS > 0) {
        add(SegmentKind::GetReady, routine.schedule.leadInS, firstSide, 1, std::nullopt);
    }
    // Steps for both sides open and close a round; the loader keeps them out of the middle.
    const auto& steps = routine.steps;
    std::size_t opening = 0;
    while (opening < steps.size() && steps[opening].bothSides) {
        ++opening;
    }
    std::size_t closing = steps.size();
    while (closing > opening && steps[closing - 1].bothSides) {
        --closing;
    }
    for (int round = 1; round <= routine.schedule.rounds; ++round) {
        for (std::size_t s = 0; s < opening; ++s) {
            add(SegmentKind::Step, steps[s].durationS, firstSide, round, s, true);
        }
        Side side = firstSide;
        for (int half = 0; half < 2 && opening < closing; ++half) {
            // The hands (or balls) move across only from a step of the other side.
            if (!m_segments.empty() && m_segments.back().kind == SegmentKind::Step &&
                !m_segments.back().bothSides) {
                add(SegmentKind::Switch, routine.schedule.switchS, side, round, std::nullopt);
            }
            for (std::size_t s = opening; s < closing; ++s) {
                add(SegmentKind::Step, steps[s].durationS, side, round, s);
            }
            side = otherSide(side);
        }
        for (std::size_t s = closing; s < steps.size(); ++s) {
            add(SegmentKind::Step, steps[s].durationS, firstSide, round, s, true);
        }
    }
    m_totalS = t;
    m_approaches.resize(m_segments.size());
    for (std::size_t i = 1; i < m_segments.size(); ++i) {
        if (m_segments[i].kind == SegmentKind::Step &&
            m_segments[i - 1].kind == SegmentKind::Step) {
            m_approaches[i] = approachBetween(routine, m_segments[i - 1], m_segments[i], body);
        }
    }
}

std::size_t Timeline::segmentAt(double seconds) const {
    // The first segment whose end lies beyond the time.
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), seconds,
                               [](double t, const Segment& s) { return t < s.endS(); });
    if (it == m_segments.end()) {
        return m_segments.size() - 1;
    }
    return static_cast<std::size_t>(it - m_segments.begin());
}

double Timeline::secondsOnSide(Side side) const {
    double total = 0;
    for (const Segment& segment : m_segments) {
        if (segment.kind == SegmentKind::Step && segment.side == side && !segment.bothSides) {
            total += segment.durationS;
        }
    }
    return total;
}

double Timeline::secondsOnBothSides() const {
    double total = 0;
    for (const Segment& segment : m_segments) {
        if (segment.kind == SegmentKind::Step && segment.bothSides) {
            total += segment.durationS;
        }
    }
    return total;
}

Moment Timeline::at(double seconds) const {
    Moment moment;
    if (!std::isfinite(seconds)) {
        seconds = 0;
    }
    seconds = std::clamp(seconds, 0.0, m_totalS);
    moment.finished = seconds >= m_totalS;
    moment.segmentIndex = segmentAt(seconds);
    const Segment& segment = m_segments[moment.segmentIndex];
    moment.segment = &segment;
    moment.intoSegmentS = std::clamp(seconds - segment.startS, 0.0, segment.durationS);
    moment.progress = segment.durationS > 0 ? moment.intoSegmentS / segment.durationS : 1.0;
    moment.segmentLeftS = segment.durationS - moment.intoSegmentS;
    moment.sessionLeftS = m_totalS - seconds;

    if (segment.kind == SegmentKind::Step) {
        const Step& step = m_routine.steps[*segment.step];
        const Approach& approach = m_approaches[moment.segmentIndex];
        if (moment.intoSegmentS < approach.durationS) {
            moment.approaching = true;
            if (approach.lifted) {
                moment.lifted = true;
                return moment;
            }
            moment.balls = slideAt(step, segment.side, approach, moment.intoSegmentS);
            for (const Point& p : moment.balls) {
                moment.ballsInRoutineFrame.push_back(onSide(p, segment.side));
            }
            return moment;
        }
        moment.ballsInRoutineFrame = ballPositions(step, moment.intoSegmentS);
        for (const Point& p : moment.ballsInRoutineFrame) {
            moment.balls.push_back(onSide(p, segment.side));
        }
        return moment;
    }

    if (segment.kind == SegmentKind::GetReady) {
        // Where the balls go for the first step, shown while the person gets into place.
        moment.ballsInRoutineFrame = ballPositions(m_routine.steps.front(), 0);
        for (const Point& p : moment.ballsInRoutineFrame) {
            moment.balls.push_back(onSide(p, segment.side));
        }
        return moment;
    }

    // A switch lifts the balls off the back: never carried across the spine, which is the
    // very move the session forbids. They are off the body for the first part of the switch,
    // then shown where the first step of the other side places them.
    const Segment& after = m_segments[moment.segmentIndex + 1];
    moment.lifted = moment.intoSegmentS < kLiftedShare * segment.durationS;
    if (moment.lifted) {
        return moment;
    }
    moment.ballsInRoutineFrame = ballPositions(m_routine.steps[*after.step], 0);
    for (const Point& p : moment.ballsInRoutineFrame) {
        moment.balls.push_back(onSide(p, after.side));
    }
    return moment;
}

std::string minutesAndSeconds(double seconds) {
    const long whole = std::lround(std::max(0.0, seconds));
    const long rest = whole % 60;
    return std::to_string(whole / 60) + (rest < 10 ? ":0" : ":") + std::to_string(rest);
}

} // namespace rollcoach
