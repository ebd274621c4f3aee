#include "SpotAdvice.hpp"

#include "RoutineDraft.hpp"
#include "Translate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace rollcoach {
namespace {

// A length as advice gives it: on the half centimetre, "3", "2.5".
std::string halfCentimetres(double value) {
    const double rounded = std::round(std::abs(value) * 2) / 2;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, rounded == std::floor(rounded) ? "%.0f" : "%.1f", rounded);
    return buffer;
}

// Where the shoulder blade's outline crosses the level y: its inner and outer edge there.
struct Across {
    double inner = std::numeric_limits<double>::infinity();
    double outer = -std::numeric_limits<double>::infinity();
    bool any() const { return inner <= outer; }
};

Across scapulaAt(const BodyModel& body, double y) {
    Across across;
    const std::vector<Point>& outline = body.scapula;
    for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
        const Point a = outline[j];
        const Point b = outline[i];
        if ((a.yCm <= y && y <= b.yCm) || (b.yCm <= y && y <= a.yCm)) {
            const double x = a.yCm == b.yCm
                                 ? std::min(a.xCm, b.xCm)
                                 : a.xCm + (b.xCm - a.xCm) * (y - a.yCm) / (b.yCm - a.yCm);
            across.inner = std::min(across.inner, x);
            across.outer = std::max(across.outer, a.yCm == b.yCm ? std::max(a.xCm, b.xCm) : x);
        }
    }
    return across;
}

// Which way "outward" leads from a point, named by what lies there.
std::string outwardPhrase(Point working, double cm, const BodyModel& body) {
    const Across blade = scapulaAt(body, working.yCm);
    if (blade.any() && working.xCm < blade.inner) {
        return fillIn(_("{0} cm toward the shoulder blade"), halfCentimetres(cm));
    }
    if (working.yCm < 0 || (!blade.any() && working.yCm < body.acromion.yCm)) {
        return fillIn(_("{0} cm toward the shoulder tip"), halfCentimetres(cm));
    }
    return fillIn(_("{0} cm away from the spine"), halfCentimetres(cm));
}

// "move it 2 cm toward the shoulder blade and 1 cm down", for a move in the absolute frame.
std::string moveText(Point point, Point move, const BodyModel& body) {
    const Point working{std::abs(point.xCm), point.yCm};
    const double outward = point.xCm < 0 ? -move.xCm : move.xCm;
    std::string across;
    if (outward > 0) {
        across = outwardPhrase(working, outward, body);
    } else if (outward < 0) {
        across = fillIn(_("{0} cm toward the spine"), halfCentimetres(outward));
    }
    std::string down;
    if (move.yCm > 0) {
        down = fillIn(_("{0} cm down"), halfCentimetres(move.yCm));
    } else if (move.yCm < 0) {
        down = fillIn(_("{0} cm up"), halfCentimetres(move.yCm));
    }
    if (!across.empty() && !down.empty()) {
        return fillIn(_("move it {0} and {1}"), across, down);
    }
    return fillIn(_("move it {0}"), across.empty() ? down : across);
}

std::string sideText(Point point) {
    return point.xCm < 0 ? _("Left side") : _("Right side");
}

} // namespace

std::string regionName(Point point, const BodyModel& body) {
    const Point working{std::abs(point.xCm), point.yCm};
    if (!body.isOnBody(point)) {
        return _("off the body");
    }
    if (working.yCm < 0 && working.xCm <= body.neckHalfWidthCm) {
        return _("on the neck");
    }
    if (working.yCm >= 0 && working.xCm <= body.spineHalfWidthCm) {
        return _("on the spine");
    }
    const Muscle* trapezius = body.findMuscle("upper-trapezius");
    if (working.yCm < 0 || (trapezius != nullptr && polygonContains(trapezius->outline, working))) {
        return _("on the upper trapezius, between the neck and the shoulder tip");
    }
    const Across blade = scapulaAt(body, working.yCm);
    // The blade's inner edge is where a ball between the blades usually sits: its patch
    // spans the edge, so it is named as both.
    constexpr double kEdgeCm = 1.5;
    if (blade.any() && std::abs(working.xCm - blade.inner) <= kEdgeCm) {
        return _("between the shoulder blade and the spine, at the blade's inner edge");
    }
    if (polygonContains(body.scapula, working)) {
        return _("on the shoulder blade");
    }
    if (blade.any()) {
        return working.xCm < blade.inner ? _("between the shoulder blade and the spine")
                                         : _("beside the shoulder blade, toward the arm");
    }
    const auto top = body.anatomyPoint("scapula-top");
    if (top && working.yCm < top->yCm) {
        return _("above the shoulder blade");
    }
    return _("below the shoulder blade");
}

SpotAdvice spotAdvice(Point point, const Contact& contact, const BodyModel& body) {
    const SafetyCheck check(body);
    const PlacementVerdict verdict = check.atPoint(point, contact);
    SpotAdvice advice;
    const std::string region = regionName(point, body);
    advice.where = fillIn(_("{0}, {1}"), sideText(point), region);
    advice.safe = verdict.onBody && verdict.worst == Closeness::Safe;
    if (advice.safe) {
        advice.headline = fillIn(_("Safe: {0}"), region);
        return advice;
    }
    advice.move = check.safeMove({point}, point, contact);
    // The spine and the neck are the worse danger: said first, on the body or off it.
    if (!verdict.zones.empty()) {
        const ZoneVerdict& zone = verdict.zones.front();
        const std::string what = advice.move ? moveText(point, *advice.move, body)
                                             : std::string(_("move it well away from the "
                                                             "spine and the neck"));
        const bool spine = zone.zone == Zone::Spine;
        if (zone.closeness == Closeness::On) {
            advice.headline = fillIn(spine ? _("On the spine: {0}") : _("On the neck: {0}"), what);
        } else {
            advice.headline =
                fillIn(spine ? _("{0} cm from the spine: {1}") : _("{0} cm from the neck: {1}"),
                       tenths(std::round(zone.gapCm * 10) / 10), what);
        }
        return advice;
    }
    const std::string what = advice.move ? moveText(point, *advice.move, body)
                                         : std::string(_("move it back onto the back"));
    advice.headline = fillIn(_("Off the body: {0}"), what);
    return advice;
}

std::string placementText(Point point, const BodyModel& body) {
    // Tenths of a centimetre read well and keep the spot within 0.07 cm.
    auto tenth = [](std::optional<double>& value) {
        if (value) {
            const double rounded = std::round(*value * 10) / 10;
            value = rounded == 0 ? 0 : rounded;
        }
    };
    PlaceSpec place = placeByAnatomy({std::abs(point.xCm), point.yCm}, body);
    tenth(place.xCm);
    tenth(place.yCm);
    tenth(place.dxCm);
    tenth(place.dyCm);
    if (place.dxCm && *place.dxCm == 0) {
        place.dxCm.reset();
    }
    if (place.dyCm && *place.dyCm == 0) {
        place.dyCm.reset();
    }
    return placeYaml(place);
}

} // namespace rollcoach
