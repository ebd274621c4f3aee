#pragma once

#include "Diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// A point on the back in the body frame: centimetres from C7, x toward the working side,
/// y down the back.
struct Point {
    double xCm = 0;
    double yCm = 0;
};

enum class Drill { Wall, Lying };
enum class Side { Left, Right };
enum class FirstSide { Left, Right, Auto };

Side otherSide(Side side);
const char* sideName(Side side);    ///< "left" / "right"
const char* drillName(Drill drill); ///< "wall" / "lying"
std::optional<Side> parseSide(const std::string& text);

/// The ball (or kind of ball) a routine uses.
struct BallChoice {
    std::string kind; ///< "tennis", "yoga-tune-up", "yoga-tune-up-plus", or "custom"
    double diameterCm = 0;
};

/// A placement on the back, with where it was written.
struct Placement {
    Point at;
    SourceMark mark;
};

enum class Pattern { Hold, Horizontal, Vertical, Circle, Path };
const char* patternName(Pattern pattern);

/// How the balls move during a step. Path points are where the first ball goes; any
/// other ball keeps its offset from the first.
struct Motion {
    Pattern pattern = Pattern::Hold;
    double amplitudeCm = 0;
    double periodS = 0;
    std::vector<Point> points;
    SourceMark mark;
};

struct Step {
    std::string name;
    double durationS = 0;
    std::string cue;
    std::vector<Placement> place;
    Motion motion;
    SourceMark mark;
};

enum class Weekday { Mon, Tue, Wed, Thu, Fri, Sat, Sun };
const char* weekdayName(Weekday day);

struct Schedule {
    int rounds = 1;
    FirstSide firstSide = FirstSide::Auto;
    double switchS = 5;
    double leadInS = 10; ///< seconds to get ready before the first step (0: none)
    std::vector<Weekday> days;
};

/// A drill as a routine file describes it, for one side (the app mirrors it for the other).
struct Routine {
    int format = 1;
    std::string title;
    Drill drill = Drill::Wall;
    BallChoice ball;
    std::string target; ///< optional: the muscle worked, as named in the body model
    std::vector<std::string> setup;
    Schedule schedule;
    std::vector<Step> steps;

    double sideSeconds() const; ///< the time of one side in one round
};

} // namespace rollcoach
