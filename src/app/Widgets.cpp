#include "Widgets.hpp"

#include "Palette.hpp"
#include "core/RoutineDraft.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace rollcoach {

sf::FloatRect joined(sf::FloatRect a, sf::FloatRect b) {
    const float left = std::min(a.left, b.left);
    const float top = std::min(a.top, b.top);
    return {left, top, std::max(a.left + a.width, b.left + b.width) - left,
            std::max(a.top + a.height, b.top + b.height) - top};
}

// Translated where it is shown.
const char* const kStopAdvice = N_(
    "Stop at once on sharp pain, numbness or tingling. Press gently; never on the spine or neck.");

unsigned Canvas::px(float size) const {
    return static_cast<unsigned>(std::max(9.f, size * u));
}

bool Boxes::has(const std::string& name) const {
    return std::any_of(m_items.begin(), m_items.end(),
                       [&](const auto& item) { return item.first == name; });
}

sf::FloatRect Boxes::operator[](const std::string& name) const {
    for (const auto& item : m_items) {
        if (item.first == name) {
            return item.second;
        }
    }
    return {};
}

sf::Vector2f measureText(const MeasuredFont& font, const std::string& text, unsigned size,
                         float width) {
    const TextMetrics& metrics = font.metrics();
    const sf::FloatRect b = metrics.bounds(wrapText(metrics, text, size, width), size);
    return {b.left + b.width, b.top + b.height};
}

sf::Vector2f TextMeasures::operator()(const MeasuredFont& font, const std::string& text,
                                      unsigned size, float width) {
    const auto key = std::make_tuple(&font, size, width, text);
    const auto known = m_known.find(key);
    if (known != m_known.end()) {
        return known->second;
    }
    return m_known[key] = measureText(font, text, size, width);
}

unsigned fittingSize(const MeasuredFont& font, const std::vector<std::string>& texts, unsigned size,
                     unsigned minimum, sf::Vector2f box) {
    for (unsigned s = size; s > minimum; s = std::max(minimum, s * 15 / 16)) {
        const bool fits = std::all_of(texts.begin(), texts.end(), [&](const std::string& text) {
            const sf::Vector2f m = measureText(font, text, s, box.x);
            return m.x <= box.x && m.y <= box.y;
        });
        if (fits) {
            return s;
        }
    }
    return minimum;
}

void fitLabel(Label& label, const std::string& text, unsigned size, sf::Color color,
              sf::FloatRect box) {
    // The layout measured the longest texts; this only guards against one it could not know.
    unsigned s = size;
    label.set(text, s, color, box.width);
    while (s > 12 && (label.height() > box.height + 1 || label.bounds().width > box.width + 1)) {
        s = s * 15 / 16;
        label.set(text, s, color, box.width);
    }
    label.setPosition(box.left, box.top);
}

sf::FloatRect placeButton(std::vector<PlacedText>& texts, const MeasuredFont& font,
                          const std::string& label, unsigned size, float pad, float top,
                          float height, float x, bool fromRight) {
    const sf::Vector2f text = measureText(font, label, size);
    const float width = text.x + 2 * pad;
    const sf::FloatRect box(fromRight ? x - width : x, top, width, height);
    texts.push_back(
        {label, &font, size, palette::text, {box.left + pad, box.top + pad, text.x + 1, text.y}});
    return box;
}

void drawPlaced(sf::RenderTarget& target, const std::vector<PlacedText>& texts) {
    for (const PlacedText& t : texts) {
        drawText(target, *t.font, t.text, t.size, t.color, {t.box.left, t.box.top}, t.box.width);
    }
}

bool TextColumn::add(const std::string& name, const MeasuredFont& font, const std::string& text,
                     unsigned size, sf::Color color, float indent) {
    const float width = m_area.width - indent;
    const sf::Vector2f m = measureText(font, text, size, width);
    if ((m_y + m.y > bottom() || m.x > width) && !m_boxes.lenient) {
        return false;
    }
    // Drawn wrapped to the same width it was measured at: the box is the text's own.
    const sf::FloatRect box(m_area.left + indent, m_y, width, m.y);
    m_boxes.add(name, {box.left, box.top, std::max(1.f, m.x), m.y});
    m_texts.push_back({text, &font, size, color, box});
    m_y += m.y + m_gap;
    return true;
}

bool TextColumn::block(const std::string& name, float height, sf::FloatRect& box) {
    if (m_y + height > bottom() && !m_boxes.lenient) {
        return false;
    }
    box = {m_area.left, m_y, m_area.width, height};
    m_boxes.add(name, box);
    m_y += height + m_gap;
    return true;
}

LayoutStart::LayoutStart(sf::Vector2u size, float t, bool lenient, Spacing spacing)
    : c(Canvas::of(size)), k(spacing.smallest + (1 - spacing.smallest) * t),
      m(spacing.margin * c.u * (spacing.marginShrinks ? k : 1.f)), gap(spacing.gap * c.u * k),
      width(c.w - 2 * m), tall(c.h > c.w * 1.15f) {
    boxes.lenient = lenient;
}

sf::FloatRect LayoutStart::besideBody(sf::FloatRect body, float apart) const {
    if (tall) {
        const float top = body.top + body.height + apart;
        return {m, top, c.w - 2 * m, c.h - m - top};
    }
    const float left = body.left + body.width + apart;
    return {left, m, c.w - m - left, c.h - 2 * m};
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

void drawText(sf::RenderTarget& target, const MeasuredFont& font, const std::string& text,
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
    char diameter[32];
    std::snprintf(diameter, sizeof diameter, "%.1f", ball.diameterCm);
    return rollcoach::fillIn(_("{0} cm ball"), diameter);
}

std::size_t ballCount(const Routine& routine) {
    std::size_t count = 1;
    for (const Step& step : routine.steps) {
        count = std::max(count, step.place.size());
    }
    return count;
}

std::string equipmentText(const BodyModel& body, const Routine& routine) {
    if (!routine.tool) {
        return std::to_string(ballCount(routine)) + " × " + ballLabel(body, routine.ball);
    }
    std::string text;
    for (Tool tool : {Tool::Hands, Tool::Thumb, Tool::Fingers}) {
        const bool used =
            std::any_of(routine.steps.begin(), routine.steps.end(), [&](const Step& s) {
                return !s.place.empty() && routine.toolFor(s) == tool;
            });
        if (used) {
            const ToolKind* kind = body.findTool(tool);
            text += (text.empty() ? "" : ", ") + (kind != nullptr ? kind->label : toolName(tool));
        }
    }
    return text.empty() ? std::string(toolName(*routine.tool)) : text;
}

std::string drillLabel(Drill drill) {
    // The editor's words for a drill, in the core: one set of texts.
    return drillWords(drill);
}

} // namespace rollcoach
