#pragma once

#include "Timeline.hpp"

#include <string>
#include <vector>

namespace rollcoach {

/// Something the person should hear or see announced as the session goes.
struct Cue {
    enum class Kind {
        GetReady,
        StepStarts,
        SwitchStarts,
        CountdownBeat,
        Finished,
        StoppedForPain,
        Left,
        Paused,
        Resuming,     ///< the count after a pause: `beat` 3, 2, 1
        Warning,      ///< a placement on or near the spine or neck has just come up
        TensionAsked, ///< the tension question has just come up
        Repetition,   ///< a stroke or strip starts: "Stroke 3 of 5"; `beat` is its number
        Answered,     ///< a tension rating was given or changed: "Left, before: 5"
        NoQuestion    ///< a rating came when no question was open: it is said, not dropped
    };
    Kind kind = Kind::StepStarts;
    std::size_t segment = 0;
    int beat = 0; ///< 3, 2, 1 for a countdown beat; the stroke, or the rating given
    /// The tension question asked or answered (the session's own numbering); -1 for none.
    int question = -1;
    std::string words; ///< what is said aloud, decided by the session ("" for nothing)
    /// How much it matters: a line is never cut off by a less important one, and a question
    /// is never cut off but by a warning or the stop.
    enum class Weight { Detail, Step, Question, Warning, Stop } weight = Weight::Step;
    std::string briefWords; ///< what is said when speech is brief ("" for nothing)
};

/// Runs a session over a timeline: the loop hands it elapsed time, keys pause it or move
/// between steps, and it says which cues fall due. It never reads a clock.
class SessionRunner {
public:
    explicit SessionRunner(const Timeline& timeline) : m_timeline(timeline) {}

    /// The cue that opens the session: the segment in progress announced as if it had just
    /// started, so the first step is named like every later one. Once only; then empty.
    std::vector<Cue> begin();

    /// Moves the session on by `seconds` (nothing while paused); returns the cues passed.
    std::vector<Cue> advance(double seconds);

    void togglePause() { m_paused = !m_paused; }
    void setPaused(bool paused) { m_paused = paused; }
    /// Moves to a moment without cues and without crediting the time passed over.
    void skipTo(double seconds);
    bool paused() const { return m_paused; }

    /// Jumps to the start of the next segment; returns its cue.
    std::vector<Cue> nextStep();
    /// Restarts the segment, or goes to the previous one when just started.
    std::vector<Cue> previousStep();

    double elapsedS() const { return m_elapsedS; }
    bool finished() const { return m_elapsedS >= m_timeline.totalS(); }
    Moment moment() const { return m_timeline.at(m_elapsedS); }
    const Timeline& timeline() const { return m_timeline; }

    /// Seconds of steps done on a side alone so far (skipped parts are not counted).
    double doneOnSide(Side side) const;
    /// Seconds of steps for both sides at once done so far, counted once.
    double doneOnBothSides() const;
    /// Seconds spent in one segment so far.
    double doneInSegment(std::size_t segment) const {
        return segment < m_donePerSegment.size() ? m_donePerSegment[segment] : 0.0;
    }

    /// Seconds of a countdown before each switch; beats fall on its whole seconds.
    static constexpr int kCountdownBeats = 3;
    /// Within this many seconds of a segment's start, "previous" goes to the one before.
    static constexpr double kRestartWindowS = 2.0;

private:
    std::vector<Cue> jumpTo(std::size_t segment);
    Cue startCue(std::size_t segment) const;
    void count(double from, double to);

    const Timeline& m_timeline;
    double m_elapsedS = 0;
    bool m_paused = false;
    bool m_begun = false;
    std::vector<double> m_donePerSegment;
};

} // namespace rollcoach
