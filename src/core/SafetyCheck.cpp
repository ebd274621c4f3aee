#include "SafetyCheck.hpp"

#include "Motion.hpp"
#include "RoutineLoader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rollcoach {
namespace {

// Spacing between the positions looked at along a motion; the check then widens every
// distance by half of it, so a zone is never missed between two samples.
constexpr double kSampleSpacingCm = 0.02;

std::string centimetres(double value) {
    // Round up to half a centimetre: advice should move the ball far enough.
    const double rounded = std::ceil(value * 2 - 1e-9) / 2;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, rounded == std::floor(rounded) ? "%.0f" : "%.1f",
                  std::max(rounded, 0.5));
    return buffer;
}

std::string oneDecimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

Closeness closenessFor(double gap, double clearance) {
    if (gap <= 0) {
        return Closeness::On;
    }
    if (gap <= clearance) {
        return Closeness::Near;
    }
    return Closeness::Safe;
}

} // namespace

const char* zoneName(Zone zone) {
    return zone == Zone::Spine ? "spine" : "neck";
}

std::string PlacementVerdict::headline() const {
    if (!onBody) {
        return "Off the body: move the ball back onto the back";
    }
    if (zones.empty()) {
        return {};
    }
    const ZoneVerdict& first = zones.front();
    std::string text = first.closeness == Closeness::On ? "On the " : "Too close to the ";
    text += zoneName(first.zone);
    text += ": " + first.advice;
    return text;
}

std::string SafetyWarning::message() const {
    std::string text = closeness == Closeness::On ? "on the " : "near the ";
    text += zoneName(zone);
    text += ": step " + std::to_string(stepIndex + 1) + " (\"" + stepName + "\"), " +
            sideName(side) + " side, ball " + std::to_string(ball + 1);
    if (moving) {
        text += ", " + oneDecimal(atS) + " s into the step";
    }
    if (gapCm <= 0) {
        text += ": the ball's contact patch overlaps the " + std::string(zoneName(zone)) + " by " +
                oneDecimal(-gapCm) + " cm";
    } else {
        text += ": the ball's contact patch comes within " + oneDecimal(gapCm) + " cm of the " +
                zoneName(zone);
    }
    text += "; " + advice;
    return text;
}

double SafetyCheck::contactRadiusCm(double ballDiameterCm) const {
    return ballDiameterCm * m_body.contactRadiusRatio;
}

ZoneVerdict SafetyCheck::spineVerdict(Point point, double radius, double margin,
                                      bool withAdvice) const {
    // The spine band runs down the midline from C7; above C7 the neck zone takes over.
    const double x = std::abs(point.xCm);
    const double dx = std::max(0.0, x - m_body.spineHalfWidthCm);
    const double dy = std::max(0.0, -point.yCm);
    ZoneVerdict verdict;
    verdict.zone = Zone::Spine;
    verdict.gapCm = std::hypot(dx, dy) - radius - margin;
    verdict.closeness = closenessFor(verdict.gapCm, m_body.clearanceCm);
    if (withAdvice) {
        const double needed = m_body.spineHalfWidthCm + m_body.clearanceCm + radius + margin;
        verdict.advice = "move the ball " + centimetres(needed - x) + " cm outward";
    }
    return verdict;
}

ZoneVerdict SafetyCheck::neckVerdict(Point point, double radius, double margin,
                                     bool withAdvice) const {
    const double x = std::abs(point.xCm);
    const double dx = std::max(0.0, x - m_body.neckHalfWidthCm);
    const double dy = std::max({0.0, point.yCm, m_body.neckTopCm - point.yCm});
    ZoneVerdict verdict;
    verdict.zone = Zone::Neck;
    verdict.gapCm = std::hypot(dx, dy) - radius - margin;
    verdict.closeness = closenessFor(verdict.gapCm, m_body.clearanceCm);
    if (withAdvice) {
        // Two ways out: down onto the back below C7, or outward past the side of the neck.
        const double reach = m_body.clearanceCm + radius + margin;
        const double down = reach - point.yCm;
        const double outward = m_body.neckHalfWidthCm + reach - x;
        verdict.advice = down <= outward ? "move the ball " + centimetres(down) + " cm down"
                                         : "move the ball " + centimetres(outward) + " cm outward";
    }
    return verdict;
}

PlacementVerdict SafetyCheck::atPoint(Point point, double ballDiameterCm) const {
    PlacementVerdict verdict;
    verdict.onBody = m_body.isOnBody(point);
    const double radius = contactRadiusCm(ballDiameterCm);
    for (const ZoneVerdict& zone :
         {spineVerdict(point, radius, 0, true), neckVerdict(point, radius, 0, true)}) {
        if (zone.closeness != Closeness::Safe) {
            verdict.zones.push_back(zone);
        }
    }
    std::sort(verdict.zones.begin(), verdict.zones.end(),
              [](const ZoneVerdict& a, const ZoneVerdict& b) { return a.gapCm < b.gapCm; });
    if (!verdict.zones.empty()) {
        verdict.worst = verdict.zones.front().closeness;
    }
    return verdict;
}

std::vector<SafetyWarning> SafetyCheck::check(const Routine& routine,
                                              const std::vector<Side>& sides) const {
    std::vector<SafetyWarning> found; // in the routine frame, side filled in below
    const double radius = contactRadiusCm(routine.ball.diameterCm);
    for (std::size_t s = 0; s < routine.steps.size(); ++s) {
        const Step& step = routine.steps[s];
        double spacing = 0;
        const std::vector<double> times = sampleTimes(step, kSampleSpacingCm, &spacing);
        const double margin = spacing / 2;
        const bool moving = step.motion.pattern != Pattern::Hold;
        // Per ball and zone: the worst closeness, when it first occurs, the closest point.
        struct Track {
            Closeness worst = Closeness::Safe;
            double firstAt = 0;
            ZoneVerdict closest;
            Point closestPoint;
            bool any = false;
        };
        std::vector<Track> tracks(step.place.size() * 2);
        std::vector<Point> positions;
        for (double t : times) {
            ballPositions(step, t, positions);
            for (std::size_t b = 0; b < positions.size(); ++b) {
                for (int z = 0; z < 2; ++z) {
                    const ZoneVerdict v = z == 0 ? spineVerdict(positions[b], radius, margin, false)
                                                 : neckVerdict(positions[b], radius, margin, false);
                    Track& track = tracks[b * 2 + static_cast<std::size_t>(z)];
                    if (v.closeness > track.worst) {
                        track.worst = v.closeness;
                        track.firstAt = t;
                    }
                    if (!track.any || v.gapCm < track.closest.gapCm) {
                        track.closest = v;
                        track.closestPoint = positions[b];
                        track.any = true;
                    }
                }
            }
        }
        for (std::size_t b = 0; b < step.place.size(); ++b) {
            for (int z = 0; z < 2; ++z) {
                const Track& track = tracks[b * 2 + static_cast<std::size_t>(z)];
                if (track.worst == Closeness::Safe) {
                    continue;
                }
                SafetyWarning warning;
                warning.zone = z == 0 ? Zone::Spine : Zone::Neck;
                warning.closeness = track.worst;
                warning.stepIndex = s;
                warning.stepName = step.name;
                warning.ball = b;
                warning.moving = moving;
                warning.atS = track.firstAt;
                warning.gapCm = track.closest.gapCm;
                warning.where = track.closestPoint;
                // Advice is worked out once, at the closest point.
                warning.advice = (z == 0 ? spineVerdict(track.closestPoint, radius, margin, true)
                                         : neckVerdict(track.closestPoint, radius, margin, true))
                                     .advice;
                warning.mark = moving ? step.motion.mark : step.place[b].mark;
                found.push_back(warning);
            }
        }
    }
    std::vector<SafetyWarning> warnings;
    for (Side side : sides) {
        for (SafetyWarning warning : found) {
            warning.side = side;
            warnings.push_back(warning);
        }
    }
    return warnings;
}

std::vector<OffBody> SafetyCheck::offBody(const Routine& routine) const {
    std::vector<OffBody> found;
    for (std::size_t s = 0; s < routine.steps.size(); ++s) {
        const Step& step = routine.steps[s];
        const std::vector<double> times = sampleTimes(step, 0.1);
        std::vector<Point> positions;
        for (std::size_t b = 0; b < step.place.size(); ++b) {
            if (!m_body.isOnBody(step.place[b].at)) {
                found.push_back({s, b, false, 0, step.place[b].at, step.place[b].mark});
                continue;
            }
            for (double t : times) {
                ballPositions(step, t, positions);
                const Point p = positions[b];
                if (!m_body.isOnBody(p)) {
                    found.push_back({s, b, true, t, p, step.motion.mark});
                    break;
                }
            }
        }
    }
    return found;
}

void checkPlacements(RoutineLoad& load, const BodyModel& body) {
    if (!load.routine) {
        return;
    }
    const Routine& routine = *load.routine;
    SafetyCheck check(body);
    for (const OffBody& off : check.offBody(routine)) {
        const Step& step = routine.steps[off.stepIndex];
        std::string message = "ball " + std::to_string(off.ball + 1) + " of step " +
                              std::to_string(off.stepIndex + 1) + " (\"" + step.name + "\") ";
        message += off.moving ? "moves off the body " + oneDecimal(off.atS) + " s into the step"
                              : "is placed off the body";
        message += " (at x_cm " + oneDecimal(off.where.xCm) + ", y_cm " +
                   oneDecimal(off.where.yCm) + "): it must stay on the back, shoulders or neck";
        load.diagnostics.push_back({Severity::Error, off.mark, message});
    }
    for (const SafetyWarning& warning : check.check(routine)) {
        load.diagnostics.push_back({Severity::Warning, warning.mark, warning.message()});
    }
    if (hasErrors(load.diagnostics)) {
        load.routine.reset();
    }
}

RoutineLoad openRoutine(const std::string& path, const BodyModel& body) {
    RoutineLoad load = loadRoutineFile(path, body);
    checkPlacements(load, body);
    return load;
}

} // namespace rollcoach
