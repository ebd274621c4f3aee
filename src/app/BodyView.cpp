#include "BodyView.hpp"

#include <algorithm>

namespace rollcoach {

BodyView::BodyView(const BodyModel& body, sf::FloatRect area, bool wholeBack)
    : m_spineBandCm(static_cast<float>(body.spineHalfWidthCm + body.clearanceCm)) {
    // Everything drawn: the head above, the widest shoulder out, the spine's end below.
    double halfWidth = body.head.radiusXCm;
    double bottom =
        wholeBack ? std::max(body.spineBottomCm, body.sacrumBottomCm) : body.spineBottomCm;
    for (const Point& p : body.outline) {
        halfWidth = std::max(halfWidth, p.xCm);
        bottom = std::max(bottom, p.yCm);
    }
    const double top = body.head.center.yCm - body.head.radiusYCm;
    const double margin = 1.5;
    const double width = 2 * (halfWidth + margin);
    const double height = bottom - top + 2 * margin;
    m_scale = static_cast<float>(std::min(area.width / width, area.height / height));
    const float usedHeight = static_cast<float>(height) * m_scale;
    m_origin.x = area.left + area.width / 2;
    m_origin.y =
        area.top + (area.height - usedHeight) / 2 + static_cast<float>(margin - top) * m_scale;
}

} // namespace rollcoach
