#include "Motion.hpp"

#include <algorithm>
#include <cmath>

namespace rollcoach {
namespace {

constexpr double kPi = 3.14159265358979323846;
// Enough for a 0.02 cm spacing on any sane motion (a 15 cm circle needs about 7,400);
// longer hostile paths get a wider spacing, which the check widens its margins by.
constexpr std::size_t kMaxSamples = 8000;

double pathLength(const Step& step) {
    double length = 0;
    Point previous = step.place.front().at;
    for (const Point& p : step.motion.points) {
        length += std::hypot(p.xCm - previous.xCm, p.yCm - previous.yCm);
        previous = p;
    }
    return length;
}

// Eased there-and-back progress along the path: 0 at the start, 1 at the far end at half a
// period, back to 0; smooth at both ends as a hand would move it.
double pathProgress(double seconds, double period) {
    return (1 - std::cos(2 * kPi * seconds / period)) / 2;
}

} // namespace

std::vector<Point> ballPositions(const Step& step, double seconds) {
    std::vector<Point> positions;
    ballPositions(step, seconds, positions);
    return positions;
}

void ballPositions(const Step& step, double seconds, std::vector<Point>& positions) {
    StepMotion(step).positionsAt(seconds, positions);
}

StepMotion::StepMotion(const Step& step) : m_step(step) {
    if (step.motion.pattern != Pattern::Path || step.place.empty()) {
        return;
    }
    Point previous = step.place.front().at;
    for (const Point& p : step.motion.points) {
        m_segmentCm.push_back(std::hypot(p.xCm - previous.xCm, p.yCm - previous.yCm));
        m_pathCm += m_segmentCm.back();
        previous = p;
    }
}

Point StepMotion::alongPath(double distance) const {
    Point previous = m_step.place.front().at;
    for (std::size_t i = 0; i < m_segmentCm.size(); ++i) {
        const Point& p = m_step.motion.points[i];
        const double segment = m_segmentCm[i];
        if (distance <= segment && segment > 0) {
            const double f = distance / segment;
            return {previous.xCm + (p.xCm - previous.xCm) * f,
                    previous.yCm + (p.yCm - previous.yCm) * f};
        }
        distance -= segment;
        previous = p;
    }
    return previous;
}

void StepMotion::positionsAt(double seconds, std::vector<Point>& positions) const {
    positions.clear();
    const Step& step = m_step;
    const Motion& motion = step.motion;
    Point offset;
    switch (motion.pattern) {
    case Pattern::Hold:
        break;
    case Pattern::Horizontal:
        offset.xCm = motion.amplitudeCm * std::sin(2 * kPi * seconds / motion.periodS);
        break;
    case Pattern::Vertical:
        offset.yCm = motion.amplitudeCm * std::sin(2 * kPi * seconds / motion.periodS);
        break;
    case Pattern::Circle: {
        // Round the placement, starting above it and going toward the working side.
        const double angle = 2 * kPi * seconds / motion.periodS;
        offset.xCm = motion.amplitudeCm * std::sin(angle);
        offset.yCm = -motion.amplitudeCm * std::cos(angle);
        break;
    }
    case Pattern::Path: {
        const Point at = alongPath(m_pathCm * pathProgress(seconds, motion.periodS));
        offset = {at.xCm - step.place.front().at.xCm, at.yCm - step.place.front().at.yCm};
        break;
    }
    }
    for (const Placement& placement : step.place) {
        positions.push_back({placement.at.xCm + offset.xCm, placement.at.yCm + offset.yCm});
    }
}

Point onSide(Point routinePoint, Side side) {
    return {side == Side::Right ? routinePoint.xCm : -routinePoint.xCm, routinePoint.yCm};
}

std::vector<double> sampleTimes(const Step& step, double spacingCm, double* actualSpacingCm) {
    const Motion& motion = step.motion;
    if (actualSpacingCm != nullptr) {
        *actualSpacingCm = 0;
    }
    if (motion.pattern == Pattern::Hold) {
        return {0.0};
    }
    const double span = std::min(step.durationS, motion.periodS);
    // How far a ball travels in one period.
    double travel = 0;
    switch (motion.pattern) {
    case Pattern::Horizontal:
    case Pattern::Vertical:
        travel = 4 * motion.amplitudeCm;
        break;
    case Pattern::Circle:
        travel = 2 * kPi * motion.amplitudeCm;
        break;
    case Pattern::Path:
        travel = 2 * pathLength(step);
        break;
    case Pattern::Hold:
        break;
    }
    // Even spacing in time bounds spacing in distance by the fastest speed: pi/2 times the
    // mean for the sine-eased sweeps and paths; the mean itself round a circle.
    const double fastest = motion.pattern == Pattern::Circle ? travel : travel * kPi / 2;
    std::size_t count = static_cast<std::size_t>(std::ceil(fastest / std::max(spacingCm, 1e-3)));
    count = std::clamp<std::size_t>(count, 8, kMaxSamples);
    if (actualSpacingCm != nullptr) {
        *actualSpacingCm = fastest / static_cast<double>(count);
    }
    std::vector<double> times;
    times.reserve(count + 16);
    const double dt = motion.periodS / static_cast<double>(count);
    for (std::size_t i = 0; i <= count; ++i) {
        const double t = dt * static_cast<double>(i);
        if (t > span) {
            break;
        }
        times.push_back(t);
    }
    // Turning points: quarter periods for sweeps and circles, path corners.
    for (int q = 1; q <= 4; ++q) {
        times.push_back(motion.periodS * q / 4);
    }
    if (motion.pattern == Pattern::Path) {
        const double length = pathLength(step);
        double reached = 0;
        Point previous = step.place.front().at;
        for (const Point& p : motion.points) {
            reached += std::hypot(p.xCm - previous.xCm, p.yCm - previous.yCm);
            previous = p;
            if (length > 0) {
                const double s = std::clamp(reached / length, 0.0, 1.0);
                const double t = motion.periodS * std::acos(1 - 2 * s) / (2 * kPi);
                times.push_back(t);
                times.push_back(motion.periodS - t);
            }
        }
    }
    times.push_back(span);
    times.erase(
        std::remove_if(times.begin(), times.end(), [span](double t) { return t < 0 || t > span; }),
        times.end());
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

} // namespace rollcoach
