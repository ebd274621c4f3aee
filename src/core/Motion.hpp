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

    const Step& m_step;
    std::vector<double> m_segmentCm; ///< path segments, from the first ball's place
    double m_pathCm = 0;
};

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
