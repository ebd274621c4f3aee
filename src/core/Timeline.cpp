#include "Timeline.hpp"

#include "Motion.hpp"

#include <algorithm>
#include <cmath>

namespace rollcoach {

Timeline::Timeline(const Routine& routine, Side firstSide)
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
