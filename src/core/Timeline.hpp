#pragma once

#include "Routine.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

struct BodyModel;

enum class SegmentKind { GetReady, Step, Switch };

/// One stretch of a session: getting ready before the first step, a step on one side, or the
/// pause to move the ball(s) across.
struct Segment {
    SegmentKind kind = SegmentKind::Step;
    double startS = 0;
    double durationS = 0;
    Side side = Side::Left;          ///< for a switch or the get-ready: the side coming next
    int round = 1;                   ///< 1-based
    std::optional<std::size_t> step; ///< index into the routine's steps; none otherwise
    bool bothSides = false;          ///< a step for both sides at once (side: the first side)

    double endS() const { return startS + durationS; }
};

/// What the session looks like at one moment.
struct Moment {
    std::size_t segmentIndex = 0;
    const Segment* segment = nullptr;
    double intoSegmentS = 0;
    double progress = 0; ///< 0..1 through the segment
    double segmentLeftS = 0;
    double sessionLeftS = 0;
    bool finished = false;
    bool lifted = false; ///< off the back (a switch, or between two places): none drawn
    /// At the start of a step, the balls on their way from where the step before left them.
    bool approaching = false;
    std::vector<Point> balls;               ///< absolute frame: x toward the person's right
    std::vector<Point> ballsInRoutineFrame; ///< x toward the working side
};

/// The ordered segments of a session: a get-ready (unless the routine's lead-in is 0), then
/// each round works every step on the first side, then every step on the other, with a
/// switch between sides. Steps for both sides at once (`sides: both`) open and close each
/// round, once. Pure: it is handed the time.
class Timeline {
public:
    /// Given the body, the balls slide from one step's place to the next where the way
    /// between is clear of the spine and the neck, and are lifted across where it is not;
    /// without one, they are lifted whenever the place changes.
    Timeline(const Routine& routine, Side firstSide, const BodyModel* body = nullptr);

    const std::vector<Segment>& segments() const { return m_segments; }
    double totalS() const { return m_totalS; }
    Side firstSide() const { return m_firstSide; }
    const Routine& routine() const { return m_routine; }

    /// The session at `seconds` from its start (clamped to the session).
    Moment at(double seconds) const;

    /// Index of the segment holding `seconds`.
    std::size_t segmentAt(double seconds) const;

    /// The share of a switch during which the balls are lifted off the back; for the rest
    /// they are shown at their place on the other side.
    static constexpr double kLiftedShare = 0.4;

    /// How the balls get from the place the step before left them to the place of a step,
    /// over its first seconds: a slide (no jump on the screen), or lifted off and put down.
    struct Approach {
        double durationS = 0; ///< 0: nothing to do (the same place, or nothing before)
        bool lifted = false;
        std::vector<Point> from; ///< absolute frame
    };
    /// The approach of a segment (none for a switch, the get-ready or a first step).
    const Approach& approach(std::size_t segment) const { return m_approaches[segment]; }
    /// A slide goes no faster than this on average: a hand can follow it.
    static constexpr double kSlideCmPerS = 6;
    /// The shortest slide, and the time a lift takes where a slide would cross a zone.
    static constexpr double kShortestMoveS = 1;

    /// Seconds of steps given to a side alone over the whole session: steps for both sides
    /// at once are not in it (see secondsOnBothSides).
    double secondsOnSide(Side side) const;
    /// Seconds of steps for both sides at once, counted once.
    double secondsOnBothSides() const;

private:
    const Routine& m_routine;
    Side m_firstSide;
    std::vector<Segment> m_segments;
    std::vector<Approach> m_approaches; ///< one per segment
    double m_totalS = 0;
};

/// "4:05" for a number of seconds, rounded to the nearest second.
std::string minutesAndSeconds(double seconds);

} // namespace rollcoach
