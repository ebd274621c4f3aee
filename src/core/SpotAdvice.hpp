#pragma once

#include "BodyModel.hpp"
#include "SafetyCheck.hpp"

#include <optional>
#include <string>

namespace rollcoach {

/// Where a ball (hand, thumb, fingertip) is on the back and what to do about it, in the words
/// a person uses: by anatomy, never by coordinates. The explorer shows and says it.
struct SpotAdvice {
    /// Clear of the spine and the neck with the body's clearance, and wholly on the body.
    bool safe = false;
    /// "Left side, between the shoulder blade and the spine": where it is, whatever it is.
    std::string where;
    /// Danger first: "3 cm from the spine: move it 2 cm toward the shoulder blade", "On the
    /// neck: move it 4 cm down", "Off the body: ..."; or "Safe: between the shoulder blade and
    /// the spine".
    std::string headline;
    /// The move the headline names, in the absolute frame (x toward the person's right);
    /// none when safe, or when no safe place lies within reach.
    std::optional<Point> move;
};

/// The advice for a contact centred at `point` (absolute frame: either side of the back).
SpotAdvice spotAdvice(Point point, const Contact& contact, const BodyModel& body);

/// Where a point lies on the back, in the person's words, for its own side: "between the
/// shoulder blade and the spine", "on the shoulder blade", "on the spine", "off the body".
std::string regionName(Point point, const BodyModel& body);

/// A found spot as a routine places it (docs/routine-format.md, "Placing by anatomy"): from
/// the nearest named place, "{at: scapula-inner-edge, dx_cm: 1.5, dy_cm: -2}", or with x_cm
/// near the spine. A routine describes its working side and the session mirrors it, so a spot
/// on the left side is written as the same spot of the working side. Loaded back on this body
/// it resolves to within 0.1 cm of the spot (on the working side).
std::string placementText(Point point, const BodyModel& body);

} // namespace rollcoach
