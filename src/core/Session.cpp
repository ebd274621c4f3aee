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

// "Stroke 3 of 5", "Strip 2 of 6"; "" for a motion that is not counted.
std::string countText(const Step& step, int repetition) {
    if (repetition == 0) {
        return {};
    }
    return fillIn(step.motion.pattern == Pattern::Stroke ? _("Stroke {0} of {1}")
                                                         : _("Strip {0} of {1}"),
                  repetition, step.motion.repeat);
}

std::string repetitionText(const Step& step, double seconds) {
    return countText(step, repetitionAt(step, seconds));
}

} // namespace

// Marked here, translated where it is shown (a constant is made before the language is chosen).
const char* const kLeaveQuestion =
    N_("Leave this session? Press Esc again to leave, any other key to stay");

std::string tensionQuestion(const CheckIn& checkIn, bool spoken, bool partner) {
    // TRANSLATORS: the tension question's moment: "How tense is your left side now?"
    const std::string when = checkIn.after ? _("now") : _("before you start");
    const std::string side = sideWords(checkIn.side);
    // TRANSLATORS: {0} is "left side" or "right side", {1} "now" or "before you start".
    if (partner) {
        return spoken ? fillIn(_("Ask how tense the {0} is {1}. Press 0 to 9."), side, when)
                      : fillIn(_("Ask how tense the {0} is {1}. Press 0-9 (T for 10)"), side, when);
    }
    return spoken ? fillIn(_("How tense is your {0} {1}? Press 0 to 9."), side, when)
                  : fillIn(_("How tense is your {0} {1}? Press 0-9 (T for 10)"), side, when);
}

std::string answerText(const CheckIn& checkIn, bool changed) {
    // Whole lines per side and moment, so a translation words each its own way.
    static const char* const kGiven[2][2] = {{N_("Left, before: {0}"), N_("Left, after: {0}")},
                                             {N_("Right, before: {0}"), N_("Right, after: {0}")}};
    static const char* const kChanged[2][2] = {
        {N_("Left, before: now {0}"), N_("Left, after: now {0}")},
        {N_("Right, before: now {0}"), N_("Right, after: now {0}")}};
    const int side = checkIn.side == Side::Left ? 0 : 1;
    const int moment = checkIn.after ? 1 : 0;
    return fillIn(translate(changed ? kChanged[side][moment] : kGiven[side][moment]),
                  checkIn.rating);
}

std::string endQuestion(const CheckIn& checkIn, bool partner) {
    static const char* const kOwn[2] = {
        N_("Before you go: how tense is your left side now? Press 0-9 (T for 10)"),
        N_("Before you go: how tense is your right side now? Press 0-9 (T for 10)")};
    static const char* const kPartner[2] = {
        N_("Before you go: ask how tense the left side is now. Press 0-9 (T for 10)"),
        N_("Before you go: ask how tense the right side is now. Press 0-9 (T for 10)")};
    const int side = checkIn.side == Side::Left ? 0 : 1;
    return translate(partner ? kPartner[side] : kOwn[side]);
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
    m_recorder.begin(m_routine.title, m_routine.key, m_source.hash, m_source.file, firstSide,
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
    m_ratings.assign(m_questions.size(), -1);
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
        return rateAloud(command.rating);
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
    // The notice goes after a few seconds as they pass, paused or not.
    m_noticeLeftS = std::max(0.0, m_noticeLeftS - std::max(0.0, seconds));
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
    end(SessionState::StoppedForPain, "stopped", _("sharp pain, numbness or tingling"));
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
    endNow(_("stopped by the user"));
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

bool Session::isOpen(std::size_t question) const {
    if (m_state == SessionState::StoppedForPain || question >= m_questions.size()) {
        return false;
    }
    const QuestionWindow& w = m_questions[question];
    const std::size_t segments = m_timeline.segments().size();
    if (over() && !m_runner.finished()) {
        // Left part-way: the end screen asks how the side worked last feels now.
        const std::size_t last = std::min(m_lastSegment, segments - 1);
        return w.question.after && w.from <= last + 1 &&
               m_timeline.segments()[last].kind != SegmentKind::GetReady;
    }
    const std::size_t now =
        m_runner.finished() || over() ? segments : m_runner.moment().segmentIndex;
    return w.from <= now && (now <= w.to || w.to == kToTheEnd);
}

std::optional<std::size_t> Session::questionDue() const {
    for (std::size_t i = 0; i < m_questions.size(); ++i) {
        if (m_ratings[i] < 0 && isOpen(i)) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<CheckIn> Session::promptDue() const {
    const std::optional<std::size_t> due = questionDue();
    if (!due) {
        return std::nullopt;
    }
    return m_questions[*due].question;
}

std::optional<std::size_t> Session::changeable() const {
    if (m_lastAnswered && isOpen(*m_lastAnswered)) {
        return m_lastAnswered;
    }
    return std::nullopt;
}

std::vector<Cue> Session::rateAloud(int rating) {
    Cue cue = cueOf(Cue::Kind::NoQuestion, m_lastSegment);
    if (rating >= 0 && rating <= 10) {
        // An open question not yet answered takes the number; with every open one answered,
        // the number changes the last answer, while its question is open.
        std::optional<std::size_t> question = questionDue();
        const bool changed = !question && changeable();
        if (changed) {
            question = changeable();
        }
        if (question) {
            CheckIn checkIn = m_questions[*question].question;
            checkIn.rating = rating;
            m_ratings[*question] = rating;
            m_lastAnswered = question;
            m_recorder.checkIn(checkIn); // the history keeps the last answer, once
            cue.kind = Cue::Kind::Answered;
            cue.question = static_cast<int>(*question);
            cue.beat = rating;
            cue.words = answerText(checkIn, changed);
        }
    }
    std::vector<Cue> cues{cue};
    m_noticeLeftS = cue.kind == Cue::Kind::NoQuestion ? kNoticeS : 0;
    if (cue.kind == Cue::Kind::Answered) {
        // The next question, if one opens now (the other side's "before" at a switch).
        cues = told(std::move(cues));
    } else {
        addWords(cues.front());
    }
    return cues;
}

SessionSnapshot Session::snapshot() const {
    SessionSnapshot snap;
    snap.state = m_state;
    snap.paused = m_runner.paused();
    snap.askingToLeave = m_askingToLeave;
    snap.moment = m_runner.moment();
    snap.tensionPrompt = promptDue();
    if (const std::optional<std::size_t> given = changeable()) {
        CheckIn checkIn = m_questions[*given].question;
        checkIn.rating = m_ratings[*given];
        snap.answer = answerText(checkIn);
    }
    if (m_noticeLeftS > 0) {
        snap.notice = _("No question open now");
    }
    snap.muted = m_muted;
    snap.prompt = m_askingToLeave      ? std::string(translate(kLeaveQuestion))
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
    snap.step = &m_routine.steps[shownStep(m)];
    if (segment.kind == SegmentKind::Step) {
        snap.title = snap.step->name;
    } else if (segment.kind == SegmentKind::Switch) {
        snap.title = segment.side == Side::Left ? _("Switch to the left side")
                                                : _("Switch to the right side");
    } else {
        snap.title = _("Get ready");
    }
    snap.routineTitle = m_routine.title;
    snap.sideTitle = sideHeading(segment.side);
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
    Shown shown = judgeShown(m);
    snap.spine = shown.spine;
    snap.neck = shown.neck;
    snap.worst = shown.worst;
    snap.warning = std::move(shown.warning);
    for (std::size_t b = 0; b < m.balls.size(); ++b) {
        BallOnScreen ball;
        ball.at = m.balls[b];
        ball.inRoutineFrame = b < m.ballsInRoutineFrame.size() ? m.ballsInRoutineFrame[b] : Point{};
        ball.verdict = std::move(shown.verdicts[b]);
        snap.balls.push_back(std::move(ball));
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

std::size_t Session::shownStep(const Moment& m) const {
    // During a switch, the step that comes next on the other side: by hand, steps for both
    // sides may come first, so it is not always the first step.
    const Segment& segment = *m.segment;
    const auto& segments = m_timeline.segments();
    if (!segment.step && segment.kind == SegmentKind::Switch &&
        m.segmentIndex + 1 < segments.size() && segments[m.segmentIndex + 1].step) {
        return *segments[m.segmentIndex + 1].step;
    }
    return segment.step ? *segment.step : 0;
}

Session::Shown Session::judgeShown(const Moment& m) const {
    Shown shown;
    if (m.segment == nullptr) {
        return shown;
    }
    const Step& step = m_routine.steps[shownStep(m)];
    const Contact contact = Contact::of(m_body, m_routine, step);
    for (std::size_t b = 0; b < m.balls.size(); ++b) {
        // Every ball shown is judged where it is shown. A switch shows none while the balls
        // are lifted, then where the other side's first step puts them: the place the person
        // is told to put them, warned of before they are put there.
        const Point at = b < m.ballsInRoutineFrame.size() ? m.ballsInRoutineFrame[b] : Point{};
        PlacementVerdict verdict = m_check.atPoint(at, contact);
        for (const ZoneVerdict& zone : verdict.zones) {
            Closeness& worst = zone.zone == Zone::Spine ? shown.spine : shown.neck;
            worst = std::max(worst, zone.closeness);
        }
        if (verdict.worst > shown.worst) {
            shown.worst = verdict.worst;
            shown.warning = verdict.headline();
        }
        shown.verdicts.push_back(std::move(verdict));
    }
    if (m.segment->kind == SegmentKind::Step && shown.worst == Closeness::Safe) {
        // A stroke pressing down the back is shown as it runs, like a place too close.
        const std::string direction = strokeDirectionWarning(step);
        if (!direction.empty()) {
            shown.worst = Closeness::Near;
            shown.warning = direction;
        }
    }
    return shown;
}

std::string Session::warningNow() const {
    // What the warning box shows is what is said: the same judgement, in a switch and while
    // getting ready too.
    return judgeShown(m_runner.moment()).warning;
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
    // Strokes and strips are counted aloud as each starts; the first with the step's name,
    // so it is said as the stroke starts and not after the step's long cue.
    if (!over()) {
        const Moment m = m_runner.moment();
        std::string counted;
        int repetition = 0;
        if (m.segment != nullptr && m.segment->kind == SegmentKind::Step && !m.finished) {
            const Step& step = m_routine.steps[*m.segment->step];
            repetition = repetitionAt(step, m.intoSegmentS);
            counted = repetitionText(step, m.intoSegmentS);
            if (!counted.empty()) {
                counted = std::to_string(segment) + ":" + counted;
            }
        }
        if (!counted.empty() && counted != m_lastRepetition) {
            auto starts = std::find_if(cues.begin(), cues.end(), [&](const Cue& c) {
                return c.kind == Cue::Kind::StepStarts && c.segment == segment;
            });
            if (starts != cues.end()) {
                starts->beat = repetition;
            } else {
                Cue cue = cueOf(Cue::Kind::Repetition, segment, repetition);
                cue.words = repetitionText(m_routine.steps[*m.segment->step], m.intoSegmentS);
                cues.push_back(cue);
            }
        }
        m_lastRepetition = counted;
    }
    const std::optional<std::size_t> asked = questionDue();
    const std::string promptKey = asked ? std::to_string(*asked) : std::string();
    if (asked && promptKey != m_lastPrompt) {
        Cue cue = cueOf(Cue::Kind::TensionAsked, segment);
        cue.question = static_cast<int>(*asked);
        cue.words =
            tensionQuestion(m_questions[*asked].question, true, m_routine.drill == Drill::Partner);
        cues.push_back(cue);
    }
    m_lastPrompt = promptKey;
    for (Cue& cue : cues) {
        addWords(cue);
    }
    return cues;
}

namespace {

// Whole sentences per side, so a translation words each its own way.
const char* sideFirst(Side side) {
    return side == Side::Left ? N_("The left side first.") : N_("The right side first.");
}

} // namespace

std::string Session::doneText() const {
    // "Session done. 12 minutes, both sides. Left went from 6 to 3."
    const double leftS = recordedOn(Side::Left);
    const double rightS = recordedOn(Side::Right);
    const auto minutes = static_cast<unsigned long>(std::lround((leftS + rightS) / 60));
    std::string text = _("Session done.");
    const std::string time = minutes < 1 ? std::string(_("Under a minute"))
                                         : plural(minutes, N_("{0} minute"), N_("{0} minutes"));
    if (leftS > 0 && rightS > 0) {
        text += " " + fillIn(_("{0}, both sides."), time);
    } else if (leftS > 0 || rightS > 0) {
        text +=
            " " + fillIn(leftS > 0 ? _("{0}, the left side only.") : _("{0}, the right side only."),
                         time);
    }
    for (Side side : {Side::Left, Side::Right}) {
        // The side's first "before" and its last "after".
        int before = -1;
        int after = -1;
        for (std::size_t i = 0; i < m_questions.size(); ++i) {
            const CheckIn& q = m_questions[i].question;
            if (q.side != side || m_ratings[i] < 0) {
                continue;
            }
            if (!q.after && before < 0) {
                before = m_ratings[i];
            } else if (q.after) {
                after = m_ratings[i];
            }
        }
        const bool left = side == Side::Left;
        if (before >= 0 && after >= 0) {
            text += " " + fillIn(left ? _("Left went from {0} to {1}.")
                                      : _("Right went from {0} to {1}."),
                                 before, after);
        } else if (before >= 0) {
            text +=
                " " + fillIn(left ? _("Left was {0} before.") : _("Right was {0} before."), before);
        }
    }
    return text;
}

bool Session::stillDue(const Cue& cue) const {
    using Kind = Cue::Kind;
    switch (cue.kind) {
    case Kind::Finished:
    case Kind::Left:
    case Kind::StoppedForPain:
    case Kind::NoQuestion:
        return true;
    case Kind::Answered:
        // A changed answer makes the words of the one before it stale.
        return cue.question >= 0 && static_cast<std::size_t>(cue.question) < m_ratings.size() &&
               m_ratings[static_cast<std::size_t>(cue.question)] == cue.beat;
    case Kind::TensionAsked:
        return cue.question >= 0 && static_cast<std::size_t>(cue.question) < m_ratings.size() &&
               m_ratings[static_cast<std::size_t>(cue.question)] < 0 &&
               isOpen(static_cast<std::size_t>(cue.question));
    case Kind::Paused:
        return !over() && paused();
    case Kind::Resuming:
        return !over() && !paused() && m_resumeLeftS > 0 &&
               static_cast<int>(std::ceil(m_resumeLeftS - 1e-9)) == cue.beat;
    default:
        break;
    }
    if (over()) {
        return false;
    }
    const Moment m = m_runner.moment();
    if (m.segmentIndex != cue.segment) {
        return false;
    }
    switch (cue.kind) {
    case Kind::CountdownBeat:
        return static_cast<int>(std::ceil(m.segmentLeftS - 1e-6)) == cue.beat;
    case Kind::Repetition:
        return m.segment != nullptr && m.segment->step &&
               repetitionAt(m_routine.steps[*m.segment->step], m.intoSegmentS) == cue.beat;
    case Kind::StepStarts:
        // With the first stroke's count in it, only while that stroke lasts.
        return cue.beat == 0 ||
               (m.segment != nullptr && m.segment->step &&
                repetitionAt(m_routine.steps[*m.segment->step], m.intoSegmentS) == cue.beat);
    case Kind::Warning:
        return !warningNow().empty();
    default:
        return true;
    }
}

void Session::addWords(Cue& cue) const {
    const auto& segments = m_timeline.segments();
    const Segment& s = segments[std::min(cue.segment, segments.size() - 1)];
    const bool many = mostBalls(m_routine) > 1;
    const bool hands = m_routine.tool.has_value();
    const bool thumbs = hands && *m_routine.tool == Tool::Thumb;
    const bool left = s.side == Side::Left;
    switch (cue.kind) {
    case Cue::Kind::GetReady: {
        cue.weight = Cue::Weight::Step;
        cue.briefWords = fillIn(_("Get ready. {0}"), _(sideFirst(s.side)));
        const std::string place = thumbs  ? _("Place your thumbs as shown.")
                                  : hands ? _("Place your hands as shown.")
                                  : many  ? _("Place the balls as shown.")
                                          : _("Place the ball as shown.");
        cue.words = fillIn(_("Get ready: {0}. {1} {2} The first step: {3}."), m_routine.title,
                           _(sideFirst(s.side)), place, m_routine.steps.front().name);
        break;
    }
    case Cue::Kind::StepStarts: {
        const Step& step = m_routine.steps[*s.step];
        cue.weight = Cue::Weight::Step;
        const std::string where = s.bothSides ? _("Both sides.")
                                  : left      ? _("Left side.")
                                              : _("Right side.");
        cue.briefWords = fillIn(_("{0} {1}."), where, step.name);
        if (cue.beat > 0) {
            // The first stroke's count, as the stroke starts.
            cue.briefWords += " " + fillIn(_("{0}."), countText(step, cue.beat));
        }
        cue.words = cue.briefWords + (step.cue.empty() ? "" : " " + step.cue);
        // What the picture shows as it starts: the way from the step before's place.
        const Timeline::Approach& approach =
            m_timeline.approach(std::min(cue.segment, segments.size() - 1));
        if (approach.durationS > 0) {
            const std::string move = approach.lifted
                                         ? (thumbs  ? _("Lift your thumbs across to the new place.")
                                            : hands ? _("Lift your hands across to the new place.")
                                            : many  ? _("Lift the balls across to the new place.")
                                                    : _("Lift the ball across to the new place."))
                                         : (thumbs  ? _("Move your thumbs to the new place.")
                                            : hands ? _("Move your hands to the new place.")
                                            : many  ? _("Move the balls to the new place.")
                                                    : _("Move the ball to the new place."));
            cue.words += " " + move;
        }
        break;
    }
    case Cue::Kind::SwitchStarts: {
        cue.weight = Cue::Weight::Step;
        if (m_routine.drill == Drill::Partner) {
            cue.words = left ? _("Lift your hands, and switch to the left side.")
                             : _("Lift your hands, and switch to the right side.");
        } else if (hands) {
            cue.words = left ? _("Lift your hands off your back, and switch to the left side.")
                             : _("Lift your hands off your back, and switch to the right side.");
        } else if (many) {
            cue.words = left ? _("Lift the balls off your back, and switch to the left side.")
                             : _("Lift the balls off your back, and switch to the right side.");
        } else {
            cue.words = left ? _("Lift the ball off your back, and switch to the left side.")
                             : _("Lift the ball off your back, and switch to the right side.");
        }
        cue.briefWords = cue.words;
        break;
    }
    case Cue::Kind::CountdownBeat:
    case Cue::Kind::Resuming:
        cue.weight = Cue::Weight::Step;
        cue.words = std::to_string(cue.beat);
        if (cue.kind == Cue::Kind::Resuming && cue.beat == static_cast<int>(kResumeCountS)) {
            cue.words = fillIn(_("Going on in {0}"), cue.beat);
        }
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Finished:
        cue.weight = Cue::Weight::Step;
        cue.words = doneText();
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::StoppedForPain:
        cue.weight = Cue::Weight::Stop;
        cue.words = thumbs  ? _("Stop. Rest now. Take your thumbs away.")
                    : hands ? _("Stop. Rest now. Take your hands away.")
                    : many  ? _("Stop. Rest now. Take the balls away.")
                            : _("Stop. Rest now. Take the ball away.");
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Left:
        cue.weight = Cue::Weight::Step;
        cue.words = _("Session ended.");
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Paused:
        cue.weight = Cue::Weight::Step;
        cue.words = _("Paused.");
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::Warning:
        cue.weight = Cue::Weight::Warning;
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::TensionAsked:
        // Said in full, never cut off by a step's line: only a warning or the stop cuts it.
        cue.weight = Cue::Weight::Question;
        cue.briefWords.clear();
        break;
    case Cue::Kind::Answered:
        // What was taken, said back at once, in brief speech too.
        cue.weight = Cue::Weight::Question;
        cue.briefWords = cue.words;
        break;
    case Cue::Kind::NoQuestion:
        cue.weight = Cue::Weight::Question;
        cue.words = _("No question open now.");
        cue.briefWords = cue.words;
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
    summary.key = m_routine.key;
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
    summary.prompt = summary.tensionPrompt
                         ? endQuestion(*summary.tensionPrompt, m_routine.drill == Drill::Partner)
                         : "";
    if (const std::optional<std::size_t> given = over() ? changeable() : std::nullopt) {
        CheckIn checkIn = m_questions[*given].question;
        checkIn.rating = m_ratings[*given];
        summary.answer = answerText(checkIn);
    }
    summary.historyProblem = m_recorder.problem();
    return summary;
}

} // namespace rollcoach
