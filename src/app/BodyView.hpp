#pragma once

#include "core/BodyModel.hpp"

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

namespace rollcoach {

/// Maps the body frame (centimetres, absolute: x toward the person's right, seen from
/// behind) onto a rectangle of the screen, keeping the body's proportions.
class BodyView {
public:
    /// `wholeBack`: down to the sacrum, as the drills given by hand need; else to the waist.
    BodyView(const BodyModel& body, sf::FloatRect area, bool wholeBack = false);

    sf::Vector2f toScreen(Point p) const {
        return {m_origin.x + static_cast<float>(p.xCm) * m_scale,
                m_origin.y + static_cast<float>(p.yCm) * m_scale};
    }
    Point toBody(sf::Vector2f pixel) const {
        return {(pixel.x - m_origin.x) / m_scale, (pixel.y - m_origin.y) / m_scale};
    }
    float pixelsPerCm() const { return m_scale; }
    /// Half the width of the band down the spine a placement keeps out of (the spine's zone
    /// and its clearance), in centimetres.
    float spineBandCm() const { return m_spineBandCm; }

private:
    sf::Vector2f m_origin; ///< where C7 is on screen
    float m_scale = 1;
    float m_spineBandCm = 0;
};

} // namespace rollcoach
