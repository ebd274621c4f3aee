#pragma once

#include "Routine.hpp"

#include <vector>

namespace rollcoach {

/// Where each ball of a step is `seconds` into the step, in the routine's frame (x toward
/// the working side). Motions are periodic and start at the placement:
/// horizontal and vertical sweep place +/- amplitude, a circle goes round the placement,
/// and a path goes from the first ball's place through its points and back.
std::vector<Point> ballPositions(const Step& step, double seconds);
/// The same, into a vector that is reused (no allocation in sampling loops).
void ballPositions(const Step& step, double seconds, std::vector<Point>& positions);

/// A step's motion made ready to be looked at many times: a path is measured once, not at
/// every moment. Gives exactly what ballPositions gives. Refers to the step, which must
/// outlive it.
class StepMotion {
public:
    explicit StepMotion(const Step& step);
    void positionsAt(double seconds, std::vector<Point>& positions) const;

private:
    Point alongPath(double distance) const;
    Point alongReturn(double distance) const;

    const Step& m_step;
    std::vector<double> m_segmentCm; ///< path segments, from the first ball's place
    double m_pathCm = 0;
    std::vector<Point> m_return;    ///< a stroke's way back: last point, return points, place
    std::vector<double> m_returnCm; ///< its segments
    double m_returnPathCm = 0;
};

/// True when a contact moves as the mirror image of the first: by hand, a hand (thumb,
/// finger) across the midline from the first strokes, strips and circles the other side's
/// way, as two hands do. Balls keep their offset from the first.
bool mirrorsFirst(const Step& step, std::size_t contact);

/// For a stroke or a strip: which of its repetitions runs `seconds` into the step, from 1;
/// 0 for every other motion.
int repetitionAt(const Step& step, double seconds);
/// The seconds of one stroke or strip (the step shared by its repetitions); 0 otherwise.
double repetitionS(const Step& step);
/// Share of a stroke's repetition spent on the pressed stroke; the rest is the light return.
constexpr double kStrokeShare = 0.6;
/// Share of a strip's repetition spent pressing along it; the rest lifts back to the start.
constexpr double kStripShare = 0.8;
/// True when, `seconds` into a strip, the thumb is lifted back to the start.
bool liftedAt(const Step& step, double seconds);

/// The first contact's way in one repetition or period: the pressed stroke of a stroke or
/// strip, the line a knead's or friction's circles travel along (just the place when they
/// stay), in the routine frame.
std::vector<Point> pressedPath(const Step& step);
/// A stroke's light way back, from its last point to its place ("": none for other motions).
std::vector<Point> returnPath(const Step& step);

/// The same point on the person's back for a given working side, in the absolute frame:
/// x toward the person's right, which is the viewer's right seen from behind.
Point onSide(Point routinePoint, Side side);

/// Times within one period (or the step, if shorter) at which a motion must be looked at so
/// that nothing between two of them moves a ball more than `spacingCm`. Includes every
/// turning point exactly. `actualSpacingCm` receives the spacing reached (wider than asked
/// only for absurdly long paths, where the number of samples is capped).
std::vector<double> sampleTimes(const Step& step, double spacingCm,
                                double* actualSpacingCm = nullptr);

} // namespace rollcoach
