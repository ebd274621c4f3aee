#include "SessionRunner.hpp"

#include <algorithm>
#include <utility>

namespace rollcoach {

Cue SessionRunner::startCue(std::size_t segment) const {
    const Segment& s = m_timeline.segments()[segment];
    Cue cue;
    cue.kind = s.kind == SegmentKind::Step     ? Cue::Kind::StepStarts
               : s.kind == SegmentKind::Switch ? Cue::Kind::SwitchStarts
                                               : Cue::Kind::GetReady;
    cue.segment = segment;
    return cue;
}

void SessionRunner::count(double from, double to) {
    // Credit the time actually spent in each segment, for the per-side totals.
    const auto& segments = m_timeline.segments();
    if (m_donePerSegment.empty()) {
        m_donePerSegment.assign(segments.size(), 0.0);
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const double overlap =
            std::min(to, segments[i].endS()) - std::max(from, segments[i].startS);
        if (overlap > 0) {
            m_donePerSegment[i] = std::min(segments[i].durationS, m_donePerSegment[i] + overlap);
        }
    }
}

std::vector<Cue> SessionRunner::begin() {
    if (std::exchange(m_begun, true) || finished()) {
        return {};
    }
    return {startCue(m_timeline.segmentAt(m_elapsedS))};
}

std::vector<Cue> SessionRunner::advance(double seconds) {
    std::vector<Cue> cues;
    if (m_paused || finished() || !(seconds > 0)) {
        return cues;
    }
    const double from = m_elapsedS;
    const double to = std::min(from + seconds, m_timeline.totalS());
    const auto& segments = m_timeline.segments();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        if (i > 0 && s.startS > from && s.startS <= to) {
            cues.push_back(startCue(i));
        }
        // The beats before a switch fall in the last seconds of the step that precedes it;
        // the get-ready counts into the first step the same way.
        if (i + 1 < segments.size() &&
            (segments[i + 1].kind == SegmentKind::Switch || s.kind == SegmentKind::GetReady)) {
            for (int beat = kCountdownBeats; beat >= 1; --beat) {
                const double at = s.endS() - beat;
                if (at >= s.startS && at > from && at <= to) {
                    Cue cue;
                    cue.kind = Cue::Kind::CountdownBeat;
                    cue.segment = i;
                    cue.beat = beat;
                    cues.push_back(cue);
                }
            }
        }
    }
    std::sort(cues.begin(), cues.end(), [&](const Cue& a, const Cue& b) {
        auto when = [&](const Cue& c) {
            return c.kind == Cue::Kind::CountdownBeat ? segments[c.segment].endS() - c.beat
                                                      : segments[c.segment].startS;
        };
        return when(a) < when(b);
    });
    count(from, to);
    m_elapsedS = to;
    if (finished()) {
        Cue cue;
        cue.kind = Cue::Kind::Finished;
        cue.segment = segments.size() - 1;
        cues.push_back(cue);
    }
    return cues;
}

std::vector<Cue> SessionRunner::jumpTo(std::size_t segment) {
    const auto& segments = m_timeline.segments();
    if (segment >= segments.size()) {
        m_elapsedS = m_timeline.totalS();
        Cue cue;
        cue.kind = Cue::Kind::Finished;
        cue.segment = segments.size() - 1;
        return {cue};
    }
    m_elapsedS = segments[segment].startS;
    return {startCue(segment)};
}

void SessionRunner::skipTo(double seconds) {
    if (!(seconds >= 0)) { // also refuses NaN
        seconds = 0;
    }
    m_elapsedS = std::min(seconds, m_timeline.totalS());
}

std::vector<Cue> SessionRunner::nextStep() {
    if (finished()) {
        return {};
    }
    return jumpTo(m_timeline.segmentAt(m_elapsedS) + 1);
}

std::vector<Cue> SessionRunner::previousStep() {
    const std::size_t current = m_timeline.segmentAt(m_elapsedS);
    const double into = m_elapsedS - m_timeline.segments()[current].startS;
    if ((into > kRestartWindowS && !finished()) || current == 0) {
        return jumpTo(current);
    }
    return jumpTo(current - (finished() ? 0 : 1));
}

double SessionRunner::doneOnSide(Side side) const {
    double total = 0;
    const auto& segments = m_timeline.segments();
    for (std::size_t i = 0; i < m_donePerSegment.size(); ++i) {
        if (segments[i].kind == SegmentKind::Step && segments[i].side == side &&
            !segments[i].bothSides) {
            total += m_donePerSegment[i];
        }
    }
    return total;
}

double SessionRunner::doneOnBothSides() const {
    double total = 0;
    const auto& segments = m_timeline.segments();
    for (std::size_t i = 0; i < m_donePerSegment.size(); ++i) {
        if (segments[i].kind == SegmentKind::Step && segments[i].bothSides) {
            total += m_donePerSegment[i];
        }
    }
    return total;
}

} // namespace rollcoach
