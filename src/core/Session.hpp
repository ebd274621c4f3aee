#pragma once

#include "BodyModel.hpp"
#include "Clock.hpp"
#include "History.hpp"
#include "Routine.hpp"
#include "SafetyCheck.hpp"
#include "SessionCommand.hpp"
#include "SessionRecorder.hpp"
#include "SessionRunner.hpp"
#include "Timeline.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// Where a session's routine came from: the file, and the hash of the very text it was read
/// from.
struct RoutineSource {
    std::string file;
    std::string hash;
};

/// How a session stands.
enum class SessionState {
    Going,          ///< running or paused
    Finished,       ///< ran to its end
    StoppedForPain, ///< sharp pain, numbness or tingling
    Left,           ///< the person left it (and confirmed)
};

/// How a session starts: given when it is built, not applied after.
struct SessionOptions {
    double startAtS = 0; ///< this many seconds in; the steps passed over count as skipped
    bool paused = false; ///< paused from the start
    bool muted = false;  ///< sounds and speech off (a Mute command turns them back on)
};

/// The tension question for a check-in, written ("... Press 0-9 (T for 10)") or spoken
/// ("... Press 0 to 9."): the one place it is worded. In a partner massage the one giving it
/// asks the one lying face down ("Ask how tense the left side is ...").
std::string tensionQuestion(const CheckIn& checkIn, bool spoken = false, bool partner = false);

/// The question shown after a first Leave.
extern const char* const kLeaveQuestion;

/// A rating as it is shown and said once given: "Left, before: 5", or when it replaces one
/// given before, "Left, before: now 4".
std::string answerText(const CheckIn& checkIn, bool changed = false);

/// The last side's question on the end screen, worded for it ("Before you go: how tense is
/// your right side now? Press 0-9 (T for 10)").
std::string endQuestion(const CheckIn& checkIn, bool partner = false);

/// One ball as a screen shows it at a moment.
struct BallOnScreen {
    Point at;                 ///< absolute frame: x toward the person's right
    Point inRoutineFrame;     ///< x toward the working side
    PlacementVerdict verdict; ///< where it is shown now (in a switch: where it goes next)
};

/// Everything a session screen shows at one moment, decided by the session; drawing only
/// reads it.
struct SessionSnapshot {
    SessionState state = SessionState::Going;
    bool paused = false;
    bool askingToLeave = false; ///< Esc was pressed once: a second key confirms

    Moment moment;
    bool switching = false;    ///< moving the ball(s) to the other side
    bool gettingReady = false; ///< before the first step
    int resumingIn = 0;        ///< after a pause, the count before the clock runs on: 3, 2, 1
    int countdown = 0;         ///< the last seconds before a switch or the first step: 3, 2, 1
    Side side = Side::Left;    ///< the side being worked, or, during a switch, the one coming
    int round = 1;
    int rounds = 1;
    std::size_t stepNumber = 0; ///< 1-based; during a switch, 0
    std::size_t stepsPerSide = 0;
    const Step* step = nullptr;      ///< the step now, or, during a switch, the first one next
    std::size_t ballCount = 1;       ///< the most balls any step uses
    std::optional<Side> sideAfter;   ///< the side after this one; none on the last side
    double shownProgress = 0;        ///< 0..1 through the segment, in whole seconds
    std::vector<BallOnScreen> balls; ///< as drawn now

    // The worst of every ball's verdict, for the body's zones and the warning box.
    Closeness spine = Closeness::Safe;
    Closeness neck = Closeness::Safe;
    Closeness worst = Closeness::Safe;
    std::string warning; ///< headline of the worst verdict, "" if safe

    std::vector<std::vector<Point>> trails; ///< per ball, recent positions (absolute)
    std::vector<Point> guide;               ///< one period of the first ball's motion

    // By hand (partner and self-press drills).
    bool bothSides = false;   ///< a step for both sides at once
    std::optional<Tool> tool; ///< what presses now; none for a ball
    double contactRadiusCm = 0;
    std::string target;         ///< the muscle shaded now
    int repetition = 0;         ///< strokes and strips: which one now, from 1 (0: none)
    int repetitions = 0;        ///< and how many in the step
    std::string repetitionText; ///< "Stroke 3 of 5", "" for none
    bool handLifted = false;    ///< a strip's way back to its start, lifted off the back
    /// The first contact's pressed way (a stroke's or strip's path, the line a knead's or
    /// friction's circles travel), each contact's own copy, absolute.
    std::vector<std::vector<Point>> pressedPaths;
    std::vector<std::vector<Point>> returnPaths; ///< a stroke's light way back, per contact
    double circleRadiusCm = 0;                   ///< kneading and frictions: the circles' size
    std::vector<Point> circleCentres;            ///< and where each contact's circle is now

    std::optional<CheckIn> tensionPrompt; ///< the tension question showing, if any
    /// The question showing, in words: the leave question, else the tension question; "".
    std::string prompt;
    /// The last rating given while its question is still open, in words ("Left, before: 5");
    /// another number changes it until the question closes. "" for none.
    std::string answer;
    /// Said when a number came with no question open, for a few seconds: "" when none.
    std::string notice;
    bool muted = false; ///< sounds and speech are off

    // What a media player shows of the session.
    std::string title;        ///< the step, "Switch to the left side" or "Get ready"
    std::string routineTitle; ///< the routine
    std::string sideTitle;    ///< "Left side"
};

/// What the end screen reports, from the session.
struct SessionSummary {
    std::string title;
    std::string key; ///< Routine::key: how the history knows the routine
    SessionState state = SessionState::Finished;
    std::string outcome;     ///< as the history shows it: "finished", "partial" or "stopped"
    double leftS = 0;        ///< on the left side alone
    double rightS = 0;       ///< on the right side alone
    double plannedS = 0;     ///< per side alone
    double bothS = 0;        ///< steps for both sides at once, counted once
    double plannedBothS = 0; ///< and as planned
    bool worked = true;      ///< false: left before any time on a side, so not kept as a session
    std::optional<CheckIn> tensionPrompt; ///< the last side's rating, until given
    std::string prompt;                   ///< its question in words, "" when none
    std::string answer; ///< the rating given on the end screen ("Right, after: 3"), changeable
    std::string historyProblem; ///< why history is not saved ("" if it is)
};

/// One session of a routine: its timeline, the runner over it, the tension check-ins and the
/// record of what was done. Commands go in, cues and a snapshot come out. It is handed the
/// time that passes and never reads a clock; the wall clock it is given only stamps the
/// history.
class Session {
public:
    /// `history` may be null (a picture of a moment, or no usable history: `historyProblem`
    /// then says why). The body must outlive the session.
    Session(Routine routine, RoutineSource source, Side firstSide, const BodyModel& body,
            const Clock& clock, History* history, std::string historyProblem = {},
            SessionOptions options = {});
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Carries out a command from whatever way in it came; the cues it brings. The leave
    /// question is the session's: while it shows, Leave or Confirm leaves and anything but
    /// the pain stop answers "stay" and does nothing more. A rating (also on the end screen)
    /// counts only while the tension question shows.
    std::vector<Cue> apply(const SessionCommand& command);
    bool muted() const { return m_muted; }

    /// Moves the session on by `seconds` of session time (nothing while paused). The first
    /// call also names the step in progress.
    std::vector<Cue> advance(double seconds);
    /// Jumps to a moment, crediting nothing: the steps passed over count as skipped.
    void skipTo(double seconds);
    std::vector<Cue> next();
    std::vector<Cue> previous();
    /// Pausing stops the clock at once; resuming counts 3, 2, 1 before it runs on, so the
    /// person can settle back onto the ball.
    std::vector<Cue> pause();
    std::vector<Cue> resume();
    std::vector<Cue> togglePause() { return m_runner.paused() ? resume() : pause(); }

    /// Gives the tension rating the prompt showing asks for (also on the end screen), or,
    /// with every open question answered, changes the last answer while its question is
    /// open; false when no question is open or the rating is out of 0-10.
    bool rate(int rating) { return rateAloud(rating).front().kind == Cue::Kind::Answered; }
    /// The same, with what is said of it: the answer ("Left, before: 5", "Left, before: now
    /// 4"), or "No question open now": a rating is never dropped in silence.
    std::vector<Cue> rateAloud(int rating);

    /// Whether a cue is still worth saying when its turn to be spoken comes: a stroke's count
    /// while that stroke lasts, a step's name while the step does, a question while it is
    /// open and unanswered, an answer while it stands.
    bool stillDue(const Cue& cue) const;

    /// Ends the session at once: sharp pain, numbness or tingling.
    std::vector<Cue> stopForPain();
    /// Asks before leaving: a second command confirms (leave) or cancels (stay).
    void askToLeave();
    void stay();
    std::vector<Cue> leave();
    /// Ends the session at once without a word, as leaving does: the part of the step in
    /// progress that was done counts. For an end from outside (the window closed, the
    /// program told to stop); `reason` says which.
    void endNow(const std::string& reason);

    /// Tries again to write to the history what a busy history could not take (see
    /// SessionRecorder::retry); the count of records still waiting.
    std::size_t retryHistory(bool wait = false) {
        m_recorder.retry(wait);
        return m_recorder.waiting();
    }
    /// A history opened after the session began: all the session kept is written to it.
    void attachHistory(History* history) { m_recorder.attach(history); }
    const SessionRecorder& recorder() const { return m_recorder; }

    SessionState state() const { return m_state; }
    bool over() const { return m_state != SessionState::Going; }
    bool paused() const { return m_runner.paused(); }
    bool askingToLeave() const { return m_askingToLeave; }
    double elapsedS() const { return m_runner.elapsedS(); }

    SessionSnapshot snapshot() const;
    SessionSummary summary() const;

    const Routine& routine() const { return m_routine; }
    const Timeline& timeline() const { return m_timeline; }
    const SessionRunner& runner() const { return m_runner; }
    double doneOnSide(Side side) const { return m_runner.doneOnSide(side); }
    /// A side's time as the history keeps it: its own, and half of the steps for both sides.
    double recordedOn(Side side) const;

    /// When a tension question is open: from segment `from` to `to` (both included); `to` is
    /// kToTheEnd for a question still open on the end screen.
    struct QuestionWindow {
        CheckIn question;
        std::size_t from = 0;
        std::size_t to = 0;
    };
    static constexpr std::size_t kToTheEnd = static_cast<std::size_t>(-1);
    /// Seconds of the count after a pause.
    static constexpr double kResumeCountS = 3;
    /// Seconds "No question open now" shows after a number that answered nothing.
    static constexpr double kNoticeS = 4;

private:
    std::optional<CheckIn> promptDue() const;
    /// The question to ask now: the first open one not answered (an index in m_questions).
    std::optional<std::size_t> questionDue() const;
    /// Whether a question may be answered (or its answer changed) now.
    bool isOpen(std::size_t question) const;
    /// The last answer given, while its question is open.
    std::optional<std::size_t> changeable() const;
    /// The end's words: time on each side and how the ratings went.
    std::string doneText() const;
    /// Adds the cues for what has just come up (a warning, the tension question) and the
    /// words of every cue.
    std::vector<Cue> told(std::vector<Cue> cues);
    void addWords(Cue& cue) const;
    /// What the balls shown at `m` are judged: each ball, the worst per zone and in all.
    struct Shown {
        std::vector<PlacementVerdict> verdicts; ///< one per ball shown
        Closeness spine = Closeness::Safe;
        Closeness neck = Closeness::Safe;
        Closeness worst = Closeness::Safe;
        std::string warning;
    };
    Shown judgeShown(const Moment& m) const;
    /// The step whose place is shown at `m`: during a switch, the one next.
    std::size_t shownStep(const Moment& m) const;
    std::string warningNow() const;
    void noteProgress();
    void recordStep(std::size_t segment);
    void end(SessionState state, const std::string& how, const std::string& reason);

    Routine m_routine; // the timeline points into it: declared first
    RoutineSource m_source;
    Timeline m_timeline;
    SessionRunner m_runner;
    const BodyModel& m_body;
    SafetyCheck m_check;
    SessionRecorder m_recorder;
    SessionState m_state = SessionState::Going;
    bool m_askingToLeave = false;
    bool m_muted = false;
    bool m_begun = false;
    std::size_t m_lastSegment = 0;
    std::vector<double> m_recorded; // per segment, seconds already written to the history
    double m_resumeLeftS = 0;       // of the count after a pause
    std::string m_lastWarning;      // announced in m_warnedSegment
    std::size_t m_warnedSegment = static_cast<std::size_t>(-1);
    std::string m_lastPrompt;     // the tension question last announced
    std::string m_lastRepetition; // the stroke or strip last counted aloud
    bool startsSide(std::size_t segment) const;
    std::vector<QuestionWindow> m_questions; // in the order they are asked
    std::vector<int> m_ratings;              // per question, -1 until answered
    std::optional<std::size_t> m_lastAnswered;
    double m_noticeLeftS = 0; // of "No question open now" on screen
};

} // namespace rollcoach
