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

// Smooth start and stop over a stretch, as a hand moves: 0 to 1.
double eased(double share) {
    share = std::clamp(share, 0.0, 1.0);
    return (1 - std::cos(kPi * share)) / 2;
}

double polylineLength(const std::vector<Point>& line) {
    double length = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        length += std::hypot(line[i].xCm - line[i - 1].xCm, line[i].yCm - line[i - 1].yCm);
    }
    return length;
}

} // namespace

bool mirrorsFirst(const Step& step, std::size_t contact) {
    if (!isHandMotion(step.motion.pattern) || contact == 0 || contact >= step.place.size()) {
        return false;
    }
    const double first = step.place.front().at.xCm;
    const double own = step.place[contact].at.xCm;
    return (first > 0 && own < 0) || (first < 0 && own > 0);
}

double repetitionS(const Step& step) {
    const Motion& motion = step.motion;
    if ((motion.pattern != Pattern::Stroke && motion.pattern != Pattern::Strip) ||
        motion.repeat <= 0) {
        return 0;
    }
    return step.durationS / motion.repeat;
}

int repetitionAt(const Step& step, double seconds) {
    const double each = repetitionS(step);
    if (each <= 0) {
        return 0;
    }
    const int index = static_cast<int>(std::floor(std::max(0.0, seconds) / each + 1e-9));
    return std::clamp(index + 1, 1, step.motion.repeat);
}

bool liftedAt(const Step& step, double seconds) {
    const double each = repetitionS(step);
    if (step.motion.pattern != Pattern::Strip || each <= 0) {
        return false;
    }
    const double into = std::fmod(std::max(0.0, seconds), each);
    return into >= kStripShare * each;
}

std::vector<Point> pressedPath(const Step& step) {
    std::vector<Point> path;
    if (step.place.empty()) {
        return path;
    }
    path.push_back(step.place.front().at);
    for (const Point& p : step.motion.points) {
        path.push_back(p);
    }
    return path;
}

std::vector<Point> returnPath(const Step& step) {
    if (step.motion.pattern != Pattern::Stroke || step.place.empty()) {
        return {};
    }
    std::vector<Point> path;
    path.push_back(step.motion.points.empty() ? step.place.front().at : step.motion.points.back());
    for (const Point& p : step.motion.returnPoints) {
        path.push_back(p);
    }
    path.push_back(step.place.front().at);
    return path;
}

std::vector<Point> ballPositions(const Step& step, double seconds) {
    std::vector<Point> positions;
    ballPositions(step, seconds, positions);
    return positions;
}

void ballPositions(const Step& step, double seconds, std::vector<Point>& positions) {
    StepMotion(step).positionsAt(seconds, positions);
}

StepMotion::StepMotion(const Step& step) : m_step(step) {
    if (step.place.empty() || step.motion.pattern == Pattern::Hold ||
        step.motion.pattern == Pattern::Horizontal || step.motion.pattern == Pattern::Vertical ||
        step.motion.pattern == Pattern::Circle) {
        return;
    }
    m_return = returnPath(step);
    for (std::size_t i = 1; i < m_return.size(); ++i) {
        m_returnCm.push_back(std::hypot(m_return[i].xCm - m_return[i - 1].xCm,
                                        m_return[i].yCm - m_return[i - 1].yCm));
        m_returnPathCm += m_returnCm.back();
    }
    Point previous = step.place.front().at;
    for (const Point& p : step.motion.points) {
        m_segmentCm.push_back(std::hypot(p.xCm - previous.xCm, p.yCm - previous.yCm));
        m_pathCm += m_segmentCm.back();
        previous = p;
    }
}

Point StepMotion::alongReturn(double distance) const {
    for (std::size_t i = 0; i < m_returnCm.size(); ++i) {
        const double segment = m_returnCm[i];
        if (distance <= segment && segment > 0) {
            const double f = distance / segment;
            const Point& a = m_return[i];
            const Point& b = m_return[i + 1];
            return {a.xCm + (b.xCm - a.xCm) * f, a.yCm + (b.yCm - a.yCm) * f};
        }
        distance -= segment;
    }
    return m_return.empty() ? Point{} : m_return.back();
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
    case Pattern::Stroke:
    case Pattern::Strip: {
        // Each repetition presses along the path, then comes back: a stroke lightly along its
        // return, a strip lifted (shown waiting at the start).
        const double each = repetitionS(step);
        const double into = each > 0 ? std::fmod(std::max(0.0, seconds), each) : 0;
        const double share = motion.pattern == Pattern::Stroke ? kStrokeShare : kStripShare;
        Point at = step.place.front().at;
        if (into < share * each) {
            at = alongPath(m_pathCm * eased(into / (share * each)));
        } else if (motion.pattern == Pattern::Stroke) {
            at = alongReturn(m_returnPathCm * eased((into - share * each) / ((1 - share) * each)));
        }
        offset = {at.xCm - step.place.front().at.xCm, at.yCm - step.place.front().at.yCm};
        break;
    }
    case Pattern::Knead:
    case Pattern::Friction: {
        // Circles of the amplitude, their centre going along the points and back once over
        // the step: the hands or thumb work over the area, not on one spot.
        const Point centre =
            alongPath(m_pathCm * pathProgress(std::clamp(seconds, 0.0, step.durationS),
                                              std::max(step.durationS, 1e-9)));
        const double angle = 2 * kPi * seconds / motion.periodS;
        offset = {centre.xCm - step.place.front().at.xCm + motion.amplitudeCm * std::sin(angle),
                  centre.yCm - step.place.front().at.yCm - motion.amplitudeCm * std::cos(angle)};
        break;
    }
    }
    for (std::size_t i = 0; i < step.place.size(); ++i) {
        const Point& at = step.place[i].at;
        const double dx = mirrorsFirst(step, i) ? -offset.xCm : offset.xCm;
        positions.push_back({at.xCm + dx, at.yCm + offset.yCm});
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
    if (motion.pattern == Pattern::Hold || step.place.empty()) {
        return {0.0};
    }
    if (isHandMotion(motion.pattern)) {
        // One repetition for strokes and strips; the whole step for circles whose centre
        // travels. Spacing in time bounds spacing in distance by the fastest speed.
        const bool repeated = motion.pattern == Pattern::Stroke || motion.pattern == Pattern::Strip;
        const double span = repeated ? repetitionS(step) : step.durationS;
        double fastest = 0; // centimetres over the span at the fastest speed
        if (repeated) {
            const double share = motion.pattern == Pattern::Stroke ? kStrokeShare : kStripShare;
            fastest = kPi / 2 * pathLength(step) / share;
            if (motion.pattern == Pattern::Stroke) {
                fastest += kPi / 2 * polylineLength(returnPath(step)) / (1 - share);
            }
        } else {
            const double circling = 2 * kPi * motion.amplitudeCm / motion.periodS;
            const double centre = kPi * pathLength(step) / std::max(step.durationS, 1e-9);
            fastest = (circling + centre) * span;
        }
        std::size_t count =
            static_cast<std::size_t>(std::ceil(fastest / std::max(spacingCm, 1e-3)));
        count = std::clamp<std::size_t>(count, 8, kMaxSamples);
        if (actualSpacingCm != nullptr) {
            *actualSpacingCm = fastest / static_cast<double>(count);
        }
        std::vector<double> times;
        times.reserve(count + 1);
        for (std::size_t i = 0; i <= count; ++i) {
            times.push_back(span * static_cast<double>(i) / static_cast<double>(count));
        }
        return times;
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
    case Pattern::Stroke:
    case Pattern::Knead:
    case Pattern::Strip:
    case Pattern::Friction:
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
    const std::size_t even = times.size(); // in order already: only the turning points are not
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
    std::sort(times.begin() + static_cast<std::ptrdiff_t>(even), times.end());
    std::inplace_merge(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(even),
                       times.end());
    times.erase(
        std::remove_if(times.begin(), times.end(), [span](double t) { return t < 0 || t > span; }),
        times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

} // namespace rollcoach
