#include "Session.hpp"

#include "Motion.hpp"
#include "PrintableText.hpp"
#include "Translate.hpp"

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

// "Stroke 3 of 5", "Strip 2 of 6"; "" for a motion that is not counted.
std::string repetitionText(const Step& step, double seconds) {
    const int repetition = repetitionAt(step, seconds);
    if (repetition == 0) {
        return {};
    }
    return std::string(step.motion.pattern == Pattern::Stroke ? "Stroke " : "Strip ") +
           std::to_string(repetition) + " of " + std::to_string(step.motion.repeat);
}

} // namespace

const char* const kLeaveQuestion =
    "Leave this session? Press Esc again to leave, any other key to stay";

std::string tensionQuestion(const CheckIn& checkIn, bool spoken, bool partner) {
    const std::string when = checkIn.after ? "now" : "before you start";
    if (partner) {
        return std::string("Ask how tense the ") + sideName(checkIn.side) + " side is " + when +
               (spoken ? ". Press 0 to 9." : ". Press 0-9 (T for 10)");
    }
    return std::string("How tense is your ") + sideName(checkIn.side) + " side " + when +
           (spoken ? "? Press 0 to 9." : "? Press 0-9 (T for 10)");
}

bool Session::startsSide(std::size_t segment) const {
    // A side starts at its first step: the session's first, or one after a switch or the
    // get-ready. Steps for both sides before it belong to the side that comes first.
    const auto& segments = m_timeline.segments();
    const Segment& s = segments[segment];
    if (s.kind != SegmentKind::Step) {
        return false;
    }
    return segment == 0 || segments[segment - 1].kind != SegmentKind::Step;
}

Session::Session(Routine routine, RoutineSource source, Side firstSide, const BodyModel& body,
                 const Clock& clock, History* history, std::string historyProblem,
                 SessionOptions options)
    : m_routine(std::move(routine)), m_source(std::move(source)),
      m_timeline(m_routine, firstSide, &body), m_runner(m_timeline), m_body(body), m_check(body),
      m_recorder(history, clock, std::move(historyProblem)), m_muted(options.muted) {
    m_recorder.begin(m_routine.title, m_source.hash, m_source.file, firstSide,
                     m_timeline.secondsOnSide(firstSide) + m_timeline.secondsOnBothSides() / 2);
    // A side's "before" is open from the moment it can be asked (the get-ready, or the
    // switch to it) until its first step ends; its "after" from the end of its last step
    // until the next side's first step ends, or, for the last side, on the end screen. By
    // hand, steps for both sides open and close a round: both sides' "before" come before
    // any work, and both "after" at the end.
    const auto& segments = m_timeline.segments();
    const std::size_t n = segments.size();
    for (int round = 1; round <= m_routine.schedule.rounds; ++round) {
        std::size_t roundFrom = n;
        std::size_t roundTo = 0;
        std::optional<std::size_t> firstBoth;
        std::optional<std::size_t> closingBoth;
        struct Half {
            Side side;
            std::size_t first = 0, last = 0, from = 0;
        };
        std::vector<Half> halves;
        for (std::size_t i = 0; i < n; ++i) {
            const Segment& s = segments[i];
            if (s.round != round) {
                continue;
            }
            roundFrom = std::min(roundFrom, i);
            roundTo = std::max(roundTo, i);
            if (s.kind != SegmentKind::Step) {
                continue;
            }
            if (s.bothSides) {
                if (halves.empty() && !firstBoth) {
                    firstBoth = i;
                } else if (!halves.empty() && !closingBoth) {
                    closingBoth = i;
                }
                continue;
            }
            if (halves.empty() || halves.back().side != s.side) {
                std::size_t from = i;
                while (from > roundFrom && segments[from - 1].kind != SegmentKind::Step) {
                    --from; // the switch or the get-ready before it
                }
                halves.push_back({s.side, i, i, from});
            }
            halves.back().last = i;
        }
        const bool lastRound = round == m_routine.schedule.rounds;
        // The round's last side is asked "after" until the next round's first step ends,
        // as any side is until the next side's first step ends.
        std::size_t end = roundTo;
        for (std::size_t i = roundTo + 1; !lastRound && i < n; ++i) {
            if (segments[i].kind == SegmentKind::Step && !segments[i].bothSides) {
                end = i;
                break;
            }
        }
        if (lastRound) {
            end = kToTheEnd;
        }
        for (std::size_t h = 0; h < halves.size(); ++h) {
            const Half& half = halves[h];
            QuestionWindow before{{half.side, false, 0, round}, half.from, half.first};
            if (firstBoth) {
                before.from = roundFrom;
                before.to = *firstBoth;
            }
            m_questions.push_back(before);
        }
        for (std::size_t h = 0; h < halves.size(); ++h) {
            const Half& half = halves[h];
            QuestionWindow after{{half.side, true, 0, round}, half.last + 1, end};
            if (closingBoth) {
                after.from = *closingBoth;
            } else if (h + 1 < halves.size()) {
                after.to = halves[h + 1].first;
            }
            m_questions.push_back(after);
        }
    }
    // Asked in time order: an "after" that opens before a "before" comes first.
    std::stable_sort(m_questions.begin(), m_questions.end(),
                     [](const QuestionWindow& a, const QuestionWindow& b) {
                         // At a switch, the side just worked comes first.
                         return a.from < b.from ||
                                (a.from == b.from && a.question.after && !b.question.after);
                     });
    if (options.startAtS > 0) {
        skipTo(options.startAtS);
    }
    if (options.paused) {
        pause();
    }
}

double Session::recordedOn(Side side) const {
    // A step for both sides at once counts once: half of it is each side's.
    return m_runner.doneOnSide(side) + m_runner.doneOnBothSides() / 2;
}

std::vector<Cue> Session::apply(const SessionCommand& command) {
    using Kind = SessionCommand::Kind;
    // Muting and rating mean the same on the end screen as during the session.
    if (command.kind == Kind::Mute) {
        m_muted = !m_muted;
        return {};
    }
    if (command.kind == Kind::Rate) {
        rate(command.rating);
        return {};
    }
    if (over()) {
        return {};
    }
    // The pain stop is never asked about and never waits; a media player's Stop is a
    // deliberate press of a key made for it: it leaves at once.
    if (command.kind == Kind::StopForPain) {
        return stopForPain();
    }
    if (command.kind == Kind::LeaveNow) {
        return leave();
    }
    if (m_askingToLeave) {
        if (command.kind == Kind::Leave || command.kind == Kind::Confirm) {
            return leave();
        }
        stay();
        return {};
    }
    switch (command.kind) {
    case Kind::TogglePause:
        return togglePause();
    case Kind::Pause:
        return pause();
    case Kind::Resume:
        return resume();
    case Kind::Next:
        return next();
    case Kind::Back:
        return previous();
    case Kind::Leave:
        askToLeave();
        return {};
    default:
        return {};
    }
}

namespace {

Cue cueOf(Cue::Kind kind, std::size_t segment, int beat = 0) {
    Cue cue;
    cue.kind = kind;
    cue.segment = segment;
    cue.beat = beat;
    return cue;
}

} // namespace

std::vector<Cue> Session::advance(double seconds) {
    if (over()) {
        return {};
    }
    std::vector<Cue> cues;
    if (!m_begun) {
        m_begun = true;
        cues = m_runner.begin();
    }
    if (m_resumeLeftS > 0 && !m_runner.paused() && seconds > 0) {
        // The count after a pause runs first; the session's clock waits for it.
        const double before = m_resumeLeftS;
        m_resumeLeftS = std::max(0.0, before - seconds);
        for (int beat = static_cast<int>(kResumeCountS) - 1; beat >= 1; --beat) {
            if (before > beat && m_resumeLeftS <= beat) {
                cues.push_back(cueOf(Cue::Kind::Resuming, m_lastSegment, beat));
            }
        }
        seconds = m_resumeLeftS > 0 ? 0 : seconds - before;
    }
    for (const Cue& cue : m_runner.advance(seconds)) {
        cues.push_back(cue);
    }
    noteProgress();
    return told(std::move(cues));
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
    return told(std::move(cues));
}

std::vector<Cue> Session::previous() {
    if (over()) {
        return {};
    }
    m_begun = true;
    std::vector<Cue> cues = m_runner.previousStep();
    noteProgress();
    return told(std::move(cues));
}

std::vector<Cue> Session::pause() {
    if (over() || m_runner.paused()) {
        return {};
    }
    m_runner.setPaused(true);
    m_resumeLeftS = 0;
    return told({cueOf(Cue::Kind::Paused, m_lastSegment)});
}

std::vector<Cue> Session::resume() {
    if (over() || !m_runner.paused()) {
        return {};
    }
    m_runner.setPaused(false);
    m_resumeLeftS = kResumeCountS;
    return told({cueOf(Cue::Kind::Resuming, m_lastSegment, static_cast<int>(kResumeCountS))});
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
    m_recorder.stepDone(
        {s.round, s.side, *s.step, m_routine.steps[*s.step].name, seconds, s.bothSides},
        recordedOn(Side::Left), recordedOn(Side::Right), m_runner.doneOnBothSides());
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
    if (m_runner.doneOnSide(Side::Left) + m_runner.doneOnSide(Side::Right) +
            m_runner.doneOnBothSides() >
        0) {
        m_recorder.release();
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
    // A pain stop is kept however early it came; a session left before any time on a side
    // is not kept at all.
    m_recorder.end(how, reason, recordedOn(Side::Left), recordedOn(Side::Right),
                   m_runner.doneOnBothSides(), state == SessionState::StoppedForPain);
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
    return told({cueOf(Cue::Kind::StoppedForPain, segment)});
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
    endNow("stopped by the user");
    return told({cueOf(Cue::Kind::Left, m_lastSegment)});
}

void Session::endNow(const std::string& reason) {
    if (over()) {
        return;
    }
    noteProgress();
    // What was done of the step in progress counts.
    if (!m_runner.finished()) {
        recordStep(m_lastSegment);
    }
    end(SessionState::Left, "stopped", reason);
}

bool Session::answered(const CheckIn& checkIn) const {
    return std::any_of(m_answered.begin(), m_answered.end(),
                       [&](const CheckIn& a) { return sameCheckIn(a, checkIn); });
}

std::optional<CheckIn> Session::promptDue() const {
    if (m_state == SessionState::StoppedForPain) {
        return std::nullopt;
    }
    const std::size_t segments = m_timeline.segments().size();
    std::size_t now = m_runner.finished() || over() ? segments : m_runner.moment().segmentIndex;
    if (over() && !m_runner.finished()) {
        // Left part-way: the end screen asks how the side worked last feels now.
        std::size_t last = std::min(m_lastSegment, segments - 1);
        for (const QuestionWindow& w : m_questions) {
            if (w.question.after && w.from <= last + 1 && !answered(w.question) &&
                m_timeline.segments()[last].kind != SegmentKind::GetReady) {
                return w.question;
            }
        }
        return std::nullopt;
    }
    for (const QuestionWindow& w : m_questions) {
        const bool open = w.from <= now && (now <= w.to || w.to == kToTheEnd);
        if (open && !answered(w.question)) {
            return w.question;
        }
    }
    return std::nullopt;
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
    snap.muted = m_muted;
    snap.prompt = m_askingToLeave      ? std::string(kLeaveQuestion)
                  : snap.tensionPrompt ? tensionQuestion(*snap.tensionPrompt, false,
                                                         m_routine.drill == Drill::Partner)
                                       : std::string();
    snap.rounds = m_routine.schedule.rounds;
    snap.stepsPerSide = m_routine.steps.size();
    snap.ballCount = mostBalls(m_routine);
    const Moment& m = snap.moment;
    const Segment& segment = *m.segment;
    snap.switching = segment.kind == SegmentKind::Switch;
    snap.gettingReady = segment.kind == SegmentKind::GetReady;
    snap.side = segment.side;
    snap.round = segment.round;
    snap.stepNumber = segment.step ? *segment.step + 1 : 0;
    // During a switch, the step that comes next on the other side: by hand, steps for both
    // sides may come first, so it is not always the first step.
    std::size_t shownStep = segment.step ? *segment.step : 0;
    if (!segment.step && segment.kind == SegmentKind::Switch &&
        m.segmentIndex + 1 < m_timeline.segments().size() &&
        m_timeline.segments()[m.segmentIndex + 1].step) {
        shownStep = *m_timeline.segments()[m.segmentIndex + 1].step;
    }
    snap.step = &m_routine.steps[shownStep];
    if (segment.kind == SegmentKind::Step) {
        snap.title = snap.step->name;
    } else if (segment.kind == SegmentKind::Switch) {
        snap.title = std::string("Switch to the ") + sideName(segment.side) + " side";
    } else {
        snap.title = "Get ready";
    }
    snap.routineTitle = m_routine.title;
    snap.sideTitle = capitalised(sideName(segment.side)) + " side";
    snap.resumingIn = static_cast<int>(std::ceil(m_resumeLeftS - 1e-9));
    const auto& all = m_timeline.segments();
    const bool countsInto =
        m.segmentIndex + 1 < all.size() && (all[m.segmentIndex + 1].kind == SegmentKind::Switch ||
                                            segment.kind == SegmentKind::GetReady);
    // The same seconds as the runner's beats: the beat for 3 sounds 3 s before the end.
    const int left = static_cast<int>(std::ceil(m.segmentLeftS - 1e-6));
    if (countsInto && !m.finished && left >= 1 && left <= SessionRunner::kCountdownBeats &&
        segment.endS() - left >= segment.startS) {
        snap.countdown = left;
    }
    snap.shownProgress =
        segment.durationS > 0 ? std::min(1.0, std::floor(m.intoSegmentS) / segment.durationS) : 1.0;
    const auto& segments = m_timeline.segments();
    for (std::size_t i = m.segmentIndex + 1; i < segments.size(); ++i) {
        if (segments[i].bothSides) {
            continue;
        }
        if (segments[i].side != segment.side || segments[i].kind == SegmentKind::Switch) {
            snap.sideAfter = segments[i].side;
            break;
        }
    }
    const Contact contact = Contact::of(m_body, m_routine, *snap.step);
    snap.bothSides = segment.bothSides;
    snap.tool = m_routine.toolFor(*snap.step);
    snap.contactRadiusCm = contact.radiusCm;
    // A rest with the hands off the back works no muscle.
    snap.target = snap.step->place.empty() ? std::string() : m_routine.targetFor(*snap.step);
    for (std::size_t b = 0; b < m.balls.size(); ++b) {
        BallOnScreen ball;
        ball.at = m.balls[b];
        ball.inRoutineFrame = b < m.ballsInRoutineFrame.size() ? m.ballsInRoutineFrame[b] : Point{};
        if (!snap.switching) {
            ball.verdict = m_check.atPoint(ball.inRoutineFrame, contact);
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
    if (segment.kind == SegmentKind::Step && snap.worst == Closeness::Safe) {
        // A stroke pressing down the back is shown as it runs, like a place too close.
        const std::string direction = strokeDirectionWarning(*snap.step);
        if (!direction.empty()) {
            snap.worst = Closeness::Near;
            snap.warning = direction;
        }
    }
    if (segment.kind == SegmentKind::Step && isHandMotion(snap.step->motion.pattern) &&
        !snap.step->place.empty()) {
        // What the hands do, drawn on the body: the pressed way as an arrow, a stroke's
        // light return, the circles' size, and which stroke or strip this is.
        const Step& step = *snap.step;
        const Point first = step.place.front().at;
        const std::vector<Point> pressed = pressedPath(step);
        const std::vector<Point> back = returnPath(step);
        for (std::size_t c = 0; c < step.place.size(); ++c) {
            // Each contact's own copy of the way: shifted, or mirrored across the midline.
            const Point own = step.place[c].at;
            const bool mirror = mirrorsFirst(step, c);
            auto copy = [&](const std::vector<Point>& line) {
                std::vector<Point> out;
                for (const Point& p : line) {
                    const double dx = p.xCm - first.xCm;
                    const Point at{own.xCm + (mirror ? -dx : dx), own.yCm + p.yCm - first.yCm};
                    out.push_back(onSide(at, segment.side));
                }
                return out;
            };
            snap.pressedPaths.push_back(copy(pressed));
            snap.returnPaths.push_back(copy(back));
        }
        snap.circleRadiusCm =
            step.motion.pattern == Pattern::Knead || step.motion.pattern == Pattern::Friction
                ? step.motion.amplitudeCm
                : 0;
        if (snap.circleRadiusCm > 0) {
            // The circle a contact goes round now: its place with the circling taken out.
            Step still = step;
            still.motion.amplitudeCm = 0;
            std::vector<Point> centres;
            StepMotion(still).positionsAt(m.intoSegmentS, centres);
            for (const Point& p : centres) {
                snap.circleCentres.push_back(onSide(p, segment.side));
            }
        }
        snap.repetition = repetitionAt(step, m.intoSegmentS);
        snap.repetitions = snap.repetition > 0 ? step.motion.repeat : 0;
        snap.repetitionText = repetitionText(step, m.intoSegmentS);
        snap.handLifted = liftedAt(step, m.intoSegmentS);
    }
    if (segment.kind == SegmentKind::Step && snap.step->motion.pattern != Pattern::Hold &&
        !snap.step->place.empty() && !isHandMotion(snap.step->motion.pattern) && !m.approaching) {
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
        // A period, or for the hand motions their own cycle: one stroke or strip, the step.
        const double cycle = repetitionS(step) > 0               ? repetitionS(step)
                             : isHandMotion(step.motion.pattern) ? step.durationS
                                                                 : step.motion.periodS;
        for (int i = 0; i <= samples; ++i) {
            const double t = cycle * i / samples;
            snap.guide.push_back(onSide(ballPositions(step, t).front(), segment.side));
        }
    }
    return snap;
}

std::string Session::warningNow() const {
    const Moment m = m_runner.moment();
    if (m.segment == nullptr || m.segment->kind != SegmentKind::Step) {
        return {};
    }
    std::string warning;
    Closeness worst = Closeness::Safe;
    const Contact contact = Contact::of(m_body, m_routine, m_routine.steps[*m.segment->step]);
    for (const Point& p : m.ballsInRoutineFrame) {
        const PlacementVerdict verdict = m_check.atPoint(p, contact);
        if (verdict.worst > worst) {
            worst = verdict.worst;
            warning = verdict.headline();
        }
    }
    if (warning.empty()) {
        warning = strokeDirectionWarning(m_routine.steps[*m.segment->step]);
    }
    return warning;
}

std::vector<Cue> Session::told(std::vector<Cue> cues) {
    // What has just come up is said too: a warning once per step it shows in, and each
    // tension question as it appears.
    const std::size_t segment = m_timeline.segmentAt(m_runner.elapsedS());
    if (!over()) {
        const std::string warning = warningNow();
        if (!warning.empty() && (warning != m_lastWarning || segment != m_warnedSegment)) {
            if (segment != m_warnedSegment) {
                Cue cue = cueOf(Cue::Kind::Warning, segment);
                cue.words = warning;
                cues.push_back(cue);
            }
            m_warnedSegment = segment;
        }
        m_lastWarning = warning;
    }
    // Strokes and strips are counted aloud as each starts.
    if (!over()) {
        const Moment m = m_runner.moment();
        std::string counted;
        if (m.segment != nullptr && m.segment->kind == SegmentKind::Step && !m.finished) {
            const Step& step = m_routine.steps[*m.segment->step];
            counted = repetitionText(step, m.intoSegmentS);
            if (!counted.empty()) {
                counted = std::to_string(segment) + ":" + counted;
            }
        }
        if (!counted.empty() && counted != m_lastRepetition) {
            Cue cue = cueOf(Cue::Kind::Repetition, segment);
            cue.words = repetitionText(m_routine.steps[*m.segment->step], m.intoSegmentS);
            cues.push_back(cue);
        }
        m_lastRepetition = counted;
    }
    const std::optional<CheckIn> prompt = promptDue();
    const std::string promptKey = prompt ? std::to_string(prompt->round) + sideName(prompt->side) +
                                               (prompt->after ? "after" : "before")
                                         : std::string();
    if (prompt && promptKey != m_lastPrompt) {
        Cue cue = cueOf(Cue::Kind::TensionAsked, segment);
        cue.words = tensionQuestion(*prompt, true, m_routine.drill == Drill::Partner);
        cues.push_back(cue);
    }
    m_lastPrompt = promptKey;
    for (Cue& cue : cues) {
        addWords(cue);
    }
    return cues;
}

void Session::addWords(Cue& cue) const {
    const auto& segments = m_timeline.segments();
    const Segment& s = segments[std::min(cue.segment, segments.size() - 1)];
    const std::string side = std::string(sideName(s.side));
    const bool many = mostBalls(m_routine) > 1;
    std::string theBall = many ? "the balls" : "the ball";
    if (m_routine.tool) {
        theBall = *m_routine.tool == Tool::Thumb ? "your thumbs" : "your hands";
    }
    switch (cue.kind) {
    case Cue::Kind::GetReady:
        cue.weight = Cue::Weight::Step;
        cue.briefWords = "Get ready. The " + side + " side first.";
        cue.words = "Get ready: " + m_routine.title + ". The " + side + " side first. Place " +
                    theBall + " as shown, for " + m_routine.steps.front().name + ".";
        break;
    case Cue::Kind::StepStarts: {
        const Step& step = m_routine.steps[*s.step];
        cue.weight = Cue::Weight::Step;
        const std::string upper = capitalised(s.bothSides ? std::string("both") : side);
        cue.briefWords = upper + (s.bothSides ? " sides. " : " side. ") + step.name + ".";
        cue.words = cue.briefWords + (step.cue.empty() ? "" : " " + step.cue);
        // What the picture shows as it starts: the way from the step before's place.
        const Timeline::Approach& approach =
            m_timeline.approach(std::min(cue.segment, segments.size() - 1));
        if (approach.durationS > 0) {
            cue.words +=
                " " + (approach.lifted ? fill(_("Lift {0} across to the new place."), theBall)
                                       : fill(_("Move {0} to the new place."), theBall));
        }
        break;
    }
    case Cue::Kind::SwitchStarts:
        cue.weight = Cue::Weight::Step;
        cue.words = "Lift " + theBall +
                    (m_routine.drill == Drill::Partner ? "" : " off your back") +
                    ", and switch to the " + side + " side.";
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::CountdownBeat:
    case Cue::Kind::Resuming:
        cue.weight = Cue::Weight::Step;
        cue.words = std::to_string(cue.beat);
        if (cue.kind == Cue::Kind::Resuming && cue.beat == static_cast<int>(kResumeCountS)) {
            cue.words = "Going on in " + cue.words;
        }
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Finished:
        cue.weight = Cue::Weight::Step;
        cue.words = "Session done.";
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::StoppedForPain:
        cue.weight = Cue::Weight::Stop;
        cue.words = "Stop. Rest now. Take " + theBall + " away.";
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Left:
        cue.weight = Cue::Weight::Step;
        cue.words = "Session ended.";
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Paused:
        cue.weight = Cue::Weight::Step;
        cue.words = "Paused.";
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Warning:
        cue.weight = Cue::Weight::Warning;
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::TensionAsked:
        cue.weight = Cue::Weight::Detail;
        cue.briefWords.clear();
        break;
    case Cue::Kind::Repetition:
        // Counts are said in brief speech too, but never over a step's name or a warning.
        cue.weight = Cue::Weight::Detail;
        cue.briefWords = cue.words;
        break;
    }
}

SessionSummary Session::summary() const {
    SessionSummary summary;
    summary.title = m_routine.title;
    summary.state = m_state;
    summary.leftS = m_runner.doneOnSide(Side::Left);
    summary.rightS = m_runner.doneOnSide(Side::Right);
    summary.plannedS = m_timeline.secondsOnSide(Side::Left);
    summary.bothS = m_runner.doneOnBothSides();
    summary.plannedBothS = m_timeline.secondsOnBothSides();
    summary.worked = m_recorder.released() || summary.leftS + summary.rightS + summary.bothS > 0;
    SessionRecord record;
    record.how = m_state == SessionState::Finished ? "finished" : "stopped";
    record.leftS = recordedOn(Side::Left);
    record.rightS = recordedOn(Side::Right);
    record.plannedS = summary.plannedS + summary.plannedBothS / 2;
    record.bothS = summary.bothS;
    summary.outcome = outcome(record);
    summary.tensionPrompt = over() ? promptDue() : std::nullopt;
    summary.prompt = summary.tensionPrompt ? tensionQuestion(*summary.tensionPrompt, false,
                                                             m_routine.drill == Drill::Partner)
                                           : "";
    summary.historyProblem = m_recorder.problem();
    return summary;
}

} // namespace rollcoach
