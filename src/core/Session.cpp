#include "Session.hpp"

#include "Motion.hpp"

#include <algorithm>
#include <cmath>

namespace rollcoach {
namespace {

std::size_t mostBalls(const Routine& routine) {
    std::size_t count = 1;
    for (const Step& step : routine.steps) {
        count = std::max(count, step.place.size());
    }
    return count;
}

bool sameCheckIn(const CheckIn& a, const CheckIn& b) {
    return a.side == b.side && a.after == b.after && a.round == b.round;
}

} // namespace

Session::Session(Routine routine, RoutineSource source, Side firstSide, const BodyModel& body,
                 const Clock& clock, History* history, std::string historyProblem)
    : m_routine(std::move(routine)), m_source(std::move(source)), m_timeline(m_routine, firstSide),
      m_runner(m_timeline), m_check(body), m_recorder(history, clock, std::move(historyProblem)) {
    m_recorder.begin(m_routine.title, m_source.hash, m_source.file, firstSide,
                     m_timeline.secondsOnSide(firstSide));
}

std::vector<Cue> Session::advance(double seconds) {
    if (over()) {
        return {};
    }
    std::vector<Cue> cues;
    if (!m_begun) {
        m_begun = true;
        cues = m_runner.begin();
    }
    for (const Cue& cue : m_runner.advance(seconds)) {
        cues.push_back(cue);
    }
    noteProgress();
    return cues;
}

void Session::skipTo(double seconds) {
    if (over()) {
        return;
    }
    m_runner.skipTo(seconds);
    noteProgress();
}

std::vector<Cue> Session::next() {
    if (over()) {
        return {};
    }
    m_begun = true;
    std::vector<Cue> cues = m_runner.nextStep();
    noteProgress();
    return cues;
}

std::vector<Cue> Session::previous() {
    if (over()) {
        return {};
    }
    m_begun = true;
    std::vector<Cue> cues = m_runner.previousStep();
    noteProgress();
    return cues;
}

void Session::pause() {
    if (!over()) {
        m_runner.setPaused(true);
    }
}

void Session::resume() {
    if (!over()) {
        m_runner.setPaused(false);
    }
}

void Session::recordStep(std::size_t segment) {
    // The seconds of the step not written yet: a step returned to with "previous" is written
    // again with only the time of the new visit, so nothing counts twice.
    const Segment& s = m_timeline.segments()[segment];
    if (s.kind != SegmentKind::Step) {
        return;
    }
    if (m_recorded.empty()) {
        m_recorded.assign(m_timeline.segments().size(), 0.0);
    }
    const double done = m_runner.doneInSegment(segment);
    const double seconds = done - m_recorded[segment];
    m_recorded[segment] = done;
    m_recorder.stepDone({s.round, s.side, *s.step, m_routine.steps[*s.step].name, seconds},
                        m_runner.doneOnSide(Side::Left), m_runner.doneOnSide(Side::Right));
}

void Session::noteProgress() {
    // Each step left behind (finished, skipped or cut short) is written as it is left, so a
    // session killed later keeps it. Steps passed over are written too, skipped ones with
    // nothing done.
    const auto& segments = m_timeline.segments();
    const std::size_t current =
        m_runner.finished() ? segments.size() : m_timeline.segmentAt(m_runner.elapsedS());
    if (current != m_lastSegment) {
        if (current > m_lastSegment) {
            for (std::size_t i = m_lastSegment; i < std::min(current, segments.size()); ++i) {
                recordStep(i);
            }
        } else {
            recordStep(m_lastSegment);
        }
        m_lastSegment = std::min(current, segments.size() - 1);
    }
    if (m_runner.finished()) {
        end(SessionState::Finished, "finished", "");
    }
}

void Session::end(SessionState state, const std::string& how, const std::string& reason) {
    if (over()) {
        return;
    }
    m_state = state;
    m_askingToLeave = false;
    m_runner.setPaused(false);
    m_recorder.end(how, reason, m_runner.doneOnSide(Side::Left), m_runner.doneOnSide(Side::Right));
}

std::vector<Cue> Session::stopForPain() {
    if (over()) {
        return {};
    }
    const std::size_t segment = m_lastSegment;
    noteProgress();
    // What was done of the step in progress counts.
    if (!m_runner.finished()) {
        recordStep(m_lastSegment);
    }
    end(SessionState::StoppedForPain, "stopped", "sharp pain, numbness or tingling");
    return {{Cue::Kind::StoppedForPain, segment, 0}};
}

void Session::askToLeave() {
    if (!over()) {
        m_askingToLeave = true;
    }
}

void Session::stay() {
    m_askingToLeave = false;
}

std::vector<Cue> Session::leave() {
    if (over()) {
        return {};
    }
    noteProgress();
    if (!m_runner.finished()) {
        recordStep(m_lastSegment);
    }
    end(SessionState::Left, "stopped", "stopped by the user");
    return {{Cue::Kind::Left, m_lastSegment, 0}};
}

bool Session::answered(const CheckIn& checkIn) const {
    return std::any_of(m_answered.begin(), m_answered.end(),
                       [&](const CheckIn& a) { return sameCheckIn(a, checkIn); });
}

std::optional<CheckIn> Session::promptDue() const {
    std::optional<CheckIn> due;
    const Moment moment = m_runner.moment();
    const auto& segments = m_timeline.segments();
    if (m_state == SessionState::StoppedForPain) {
        return std::nullopt;
    }
    if (over()) {
        // On the end screen: how the side worked last feels now.
        const std::size_t last = m_lastSegment;
        const Segment& s = segments[last];
        if (s.kind == SegmentKind::Step) {
            due = CheckIn{s.side, true, 0, s.round};
        } else if (last > 0) {
            due = CheckIn{segments[last - 1].side, true, 0, segments[last - 1].round};
        }
    } else if (!moment.finished && moment.segment != nullptr) {
        const Segment& s = *moment.segment;
        if (s.kind == SegmentKind::Step && *s.step == 0 && moment.intoSegmentS < kBeforePromptS) {
            due = CheckIn{s.side, false, 0, s.round};
        } else if (s.kind == SegmentKind::Switch && moment.segmentIndex > 0) {
            const Segment& before = segments[moment.segmentIndex - 1];
            due = CheckIn{before.side, true, 0, before.round};
        }
    }
    if (due && answered(*due)) {
        return std::nullopt;
    }
    return due;
}

bool Session::rate(int rating) {
    if (rating < 0 || rating > 10) {
        return false;
    }
    std::optional<CheckIn> due = promptDue();
    if (!due) {
        return false;
    }
    due->rating = rating;
    m_answered.push_back(*due);
    m_recorder.checkIn(*due);
    return true;
}

SessionSnapshot Session::snapshot() const {
    SessionSnapshot snap;
    snap.state = m_state;
    snap.paused = m_runner.paused();
    snap.askingToLeave = m_askingToLeave;
    snap.moment = m_runner.moment();
    snap.tensionPrompt = promptDue();
    snap.rounds = m_routine.schedule.rounds;
    snap.stepsPerSide = m_routine.steps.size();
    snap.ballCount = mostBalls(m_routine);
    const Moment& m = snap.moment;
    const Segment& segment = *m.segment;
    snap.switching = segment.kind == SegmentKind::Switch;
    snap.side = segment.side;
    snap.round = segment.round;
    snap.stepNumber = snap.switching ? 0 : *segment.step + 1;
    snap.step = &m_routine.steps[snap.switching ? 0 : *segment.step];
    snap.shownProgress =
        segment.durationS > 0 ? std::min(1.0, std::floor(m.intoSegmentS) / segment.durationS) : 1.0;
    const auto& segments = m_timeline.segments();
    // The same seconds as the runner's beats: the beat for 3 sounds 3 s before the switch.
    const bool beforeSwitch = m.segmentIndex + 1 < segments.size() &&
                              segments[m.segmentIndex + 1].kind == SegmentKind::Switch;
    const int left = static_cast<int>(std::ceil(m.segmentLeftS - 1e-6));
    if (beforeSwitch && !snap.switching && left >= 1 && left <= SessionRunner::kCountdownBeats &&
        segment.endS() - left >= segment.startS) {
        snap.countdown = left;
    }
    for (std::size_t i = m.segmentIndex + 1; i < segments.size(); ++i) {
        if (segments[i].side != segment.side || segments[i].kind == SegmentKind::Switch) {
            snap.sideAfter = segments[i].side;
            break;
        }
    }
    for (std::size_t b = 0; b < m.balls.size(); ++b) {
        BallOnScreen ball;
        ball.at = m.balls[b];
        ball.inRoutineFrame = b < m.ballsInRoutineFrame.size() ? m.ballsInRoutineFrame[b] : Point{};
        if (!snap.switching) {
            ball.verdict = m_check.atPoint(ball.inRoutineFrame, m_routine.ball.diameterCm);
            for (const ZoneVerdict& zone : ball.verdict.zones) {
                Closeness& worst = zone.zone == Zone::Spine ? snap.spine : snap.neck;
                worst = std::max(worst, zone.closeness);
            }
            if (ball.verdict.worst > snap.worst) {
                snap.worst = ball.verdict.worst;
                snap.warning = ball.verdict.headline();
            }
        }
        snap.balls.push_back(std::move(ball));
    }
    if (!snap.switching && snap.step->motion.pattern != Pattern::Hold) {
        // Where the balls have just been (a fading trail) and the whole of the motion.
        const Step& step = *snap.step;
        snap.trails.resize(step.place.size());
        for (int k = 1; k <= 12; ++k) {
            const double t = m.intoSegmentS - 0.12 * k;
            if (t < 0) {
                break;
            }
            const auto positions = ballPositions(step, t);
            for (std::size_t b = 0; b < positions.size(); ++b) {
                snap.trails[b].push_back(onSide(positions[b], segment.side));
            }
        }
        const int samples = 64;
        for (int i = 0; i <= samples; ++i) {
            const double t = step.motion.periodS * i / samples;
            snap.guide.push_back(onSide(ballPositions(step, t).front(), segment.side));
        }
    }
    return snap;
}

SessionSummary Session::summary() const {
    SessionSummary summary;
    summary.title = m_routine.title;
    summary.state = m_state;
    summary.leftS = m_runner.doneOnSide(Side::Left);
    summary.rightS = m_runner.doneOnSide(Side::Right);
    summary.plannedS = m_timeline.secondsOnSide(Side::Left);
    SessionRecord record;
    record.how = m_state == SessionState::Finished ? "finished" : "stopped";
    record.leftS = summary.leftS;
    record.rightS = summary.rightS;
    record.plannedS = summary.plannedS;
    summary.outcome = outcome(record);
    summary.tensionPrompt = over() ? promptDue() : std::nullopt;
    summary.historyProblem = m_recorder.problem();
    return summary;
}

} // namespace rollcoach
