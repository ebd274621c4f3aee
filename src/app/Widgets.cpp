#include "Widgets.hpp"

#include "Palette.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace rollcoach {

const char* const kStopAdvice =
    "Stop at once on sharp pain, numbness or tingling. Press gently; never on the spine or neck.";

unsigned Canvas::px(float size) const {
    return static_cast<unsigned>(std::max(9.f, size * u));
}

Canvas beginFrame(sf::RenderTarget& target) {
    target.clear(palette::background);
    return Canvas::of(target.getSize());
}

void drawPanel(sf::RenderTarget& target, sf::FloatRect area, sf::Color fill,
               std::optional<sf::Color> border, float thickness) {
    sf::VertexArray box(sf::Triangles);
    fillRectangle(box, area, fill);
    if (border) {
        // Inside the area, like the rest of the panel.
        const float t = std::min({thickness, area.width / 2, area.height / 2});
        const float inner = area.height - 2 * t;
        fillRectangle(box, {area.left, area.top, area.width, t}, *border);
        fillRectangle(box, {area.left, area.top + area.height - t, area.width, t}, *border);
        fillRectangle(box, {area.left, area.top + t, t, inner}, *border);
        fillRectangle(box, {area.left + area.width - t, area.top + t, t, inner}, *border);
    }
    drawShapes(target, box);
}

void drawText(sf::RenderTarget& target, const sf::Font& font, const std::string& text,
              unsigned size, sf::Color color, sf::Vector2f at, float wrapWidth) {
    Label label(font);
    label.set(text, size, color, wrapWidth);
    label.setPosition(at.x, at.y);
    label.draw(target);
}

std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

std::string ballLabel(const BodyModel& body, const BallChoice& ball) {
    if (const BallKind* kind = body.findBall(ball.kind)) {
        return kind->label;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f cm ball", ball.diameterCm);
    return buffer;
}

std::size_t ballCount(const Routine& routine) {
    std::size_t count = 1;
    for (const Step& step : routine.steps) {
        count = std::max(count, step.place.size());
    }
    return count;
}

} // namespace rollcoach
