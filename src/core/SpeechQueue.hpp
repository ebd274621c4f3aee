#pragma once

#include "SessionRunner.hpp"

#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace rollcoach {

/// One line to say: its words, how much it matters, and the session's cue it says, if any
/// (whether that cue is still due decides whether the line is still worth saying).
struct SpokenLine {
    std::string words;
    Cue::Weight weight = Cue::Weight::Step;
    std::optional<Cue> cue;
    bool again = false; ///< said again after a pause: it waits its turn, cutting nothing off
};

/// Which line is spoken when. It is handed whether the speaker is still speaking and asks
/// the session whether a waiting cue is still due; it reads no clock and speaks nothing.
///
/// - A line cuts off the one being spoken only when it matters as much or more, and it is
///   not a question: a question waits its turn and, once begun, is said in full unless a
///   warning or the stop comes (so a step's cue never cuts a question or a warning).
/// - A line that cannot start waits; when its turn comes it is said only if still due (a
///   stroke's count while that stroke lasts), else dropped: speech never falls behind.
/// - The most important waiting line goes first; among equals, the oldest. A question counts
///   as a step's line here, so it follows the get-ready or the switch it came with.
/// - A line cut off by "Paused." is said again once the count after the pause is over.
class SpeechQueue {
public:
    /// What the speaker is to do now: say `line`, first cutting off what it says if `cut`.
    struct Start {
        SpokenLine line;
        bool cut = false;
    };
    using StillDue = std::function<bool(const Cue&)>;

    void add(SpokenLine line);
    /// The line to start now, if any. `speaking`: the speaker is still saying the last line
    /// it was given.
    std::optional<Start> next(bool speaking, const StillDue& stillDue);
    /// Forgets every waiting line (speech muted).
    void clear();
    std::size_t waiting() const { return m_waiting.size(); }

    /// Lines kept waiting at most; older ones of the least weight go first.
    static constexpr std::size_t kMostWaiting = 8;

private:
    std::deque<SpokenLine> m_waiting;
    std::optional<SpokenLine> m_current;    // being spoken
    std::optional<SpokenLine> m_cutByPause; // to be said again after the pause
};

} // namespace rollcoach
