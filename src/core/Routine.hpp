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

/// wall and lying use balls; partner (a massage given by someone else, who glances at the
/// screen) and self-press (one's own fingers) use a tool: hands, a thumb or fingers.
enum class Drill { Wall, Lying, Partner, SelfPress };
enum class Side { Left, Right };
enum class FirstSide { Left, Right, Auto };

Side otherSide(Side side);
const char* sideName(Side side);    ///< "left" / "right"
const char* drillName(Drill drill); ///< "wall" / "lying" / "partner" / "self-press"
/// The side as a person reads it, in the language: "left side" / "right side".
std::string sideWords(Side side);
/// The same, starting a sentence or a heading: "Left side" / "Right side".
std::string sideHeading(Side side);
/// True for the drills worked by hand rather than with a ball.
bool byHand(Drill drill);

/// What presses on the back when no ball does.
enum class Tool { Hands, Thumb, Fingers };
const char* toolName(Tool tool); ///< "hands" / "thumb" / "fingers"
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
    bool byAnatomy = false; ///< given by a place on the body, resolved for the person's body
};

enum class Pattern {
    Hold,
    Horizontal,
    Vertical,
    Circle,
    Path,
    Stroke,  ///< effleurage: along a path with pressure, back along a light return, N times
    Knead,   ///< petrissage: circles whose centre travels over an area
    Strip,   ///< sustained pressure from a start to an end, N times
    Friction ///< small circles at a spot or along a line
};
const char* patternName(Pattern pattern);
/// True for the motions given by hand (stroke, knead, strip, friction).
bool isHandMotion(Pattern pattern);

/// How the balls move during a step. Path points are where the first ball goes; any
/// other ball keeps its offset from the first.
struct Motion {
    Pattern pattern = Pattern::Hold;
    double amplitudeCm = 0;
    double periodS = 0;
    std::vector<Point> points;
    std::vector<Point> returnPoints; ///< a stroke's light way back, after its last point
    int repeat = 0;                  ///< strokes and strips: how many in the step
    SourceMark mark;
};

struct Step {
    std::string name;
    double durationS = 0;
    std::string cue;
    std::vector<Placement> place; ///< empty only for a rest with the hands off the back
    Motion motion;
    std::optional<Tool> tool; ///< overrides the routine's tool for this step
    std::string target;       ///< the muscle shaded during this step ("": the routine's)
    bool bothSides = false;   ///< works both sides at once: run once, not once per side
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
    /// `time: "HH:MM"`: the minute of the day sessions are due (0-1439); none: the settings'.
    std::optional<int> minuteOfDay;
};

/// A time of day as H:MM or HH:MM in plain digits, 0:00 to 23:59, as minutes since midnight;
/// none for anything else ("7:5", "+7:00", "24:00", " 7:00").
std::optional<int> parseTimeOfDay(const std::string& text);
/// "07:05" for 425.
std::string timeOfDayText(int minuteOfDay);

/// A drill as a routine file describes it, for one side (the app mirrors it for the other).
struct Routine {
    int format = 1;
    std::string title; ///< in the person's language, where the file gives it
    /// The title as the file writes it (`title`, whatever `title_de` says): how the history
    /// knows the routine in every language.
    std::string key;
    Drill drill = Drill::Wall;
    BallChoice ball;          ///< for wall and lying drills
    std::optional<Tool> tool; ///< for partner and self-press drills, instead of a ball
    std::string target;       ///< optional: the muscle worked, as named in the body model
    std::vector<std::string> setup;
    Schedule schedule;
    std::vector<Step> steps;

    double sideSeconds() const; ///< the time of one side in one round

    /// The tool pressing during a step: the step's own, else the routine's; none for a ball.
    std::optional<Tool> toolFor(const Step& step) const;
    /// The muscle shaded during a step.
    const std::string& targetFor(const Step& step) const;
};

} // namespace rollcoach
