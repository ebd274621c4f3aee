#include "ExploreScreen.hpp"

#include "SessionScreen.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/PrintableText.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace rollcoach {

void ExploreScreen::layout(sf::Vector2u size) {
    m_size = size;
    m_diagram.prepare(
        SessionScreen::bodyArea({static_cast<float>(size.x), static_cast<float>(size.y)}),
        std::nullopt, "");
    arrange();
}

void ExploreScreen::arrange() {
    shrinkToFit([this](float t) { return arrange(t); });
}

bool ExploreScreen::arrange(float t) {
    LayoutStart start(m_size, t, m_lenient, {0.7f, 24, 16, false});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap;
    auto px = [&start](float units) { return start.px(units); };
    const sf::FloatRect body = SessionScreen::bodyArea({c.w, c.h});
    const bool tall = start.tall;
    // Beside the body, or under it on a portrait screen.
    const sf::FloatRect panel = start.besideBody(body, tall ? m : 2 * m);
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;
    boxes.add("body", tall ? body
                           : sf::FloatRect(body.left, body.top, body.width,
                                           c.h - m - body.top)); // the body's column, all of it

    const std::string keys = "Esc goes back";
    const float footer = panel.top + panel.height -
                         measureText(regular, kStopAdvice, px(26), panel.width).y - gap -
                         measureText(regular, keys, px(26), panel.width).y;
    TextColumn bottom(boxes, texts,
                      {panel.left, footer, panel.width, panel.top + panel.height - footer}, gap);
    if (!bottom.add("stop", regular, kStopAdvice, px(26), palette::dimText) ||
        !bottom.add("keys", regular, keys, px(26), palette::dimText)) {
        return false;
    }
    TextColumn column(boxes, texts, {panel.left, panel.top, panel.width, footer - gap - panel.top},
                      gap);
    const PlacementVerdict v = verdict();
    const BallKind& ball = m_app.body.balls[m_ballKind];
    char where[160];
    std::snprintf(where, sizeof where, "%s  ·  x_cm %.1f toward the %s side, y_cm %.1f %s C7",
                  ball.label.c_str(), std::abs(m_ball.xCm), m_ball.xCm < 0 ? "left" : "right",
                  std::abs(m_ball.yCm), m_ball.yCm < 0 ? "above" : "below");
    if (!column.add("title", bold, "Placement explorer", px(64), palette::text) ||
        !column.add("hint", regular,
                    "Drag the ball with the mouse (or move it with the arrow keys). B changes "
                    "the ball.",
                    px(30), palette::dimText) ||
        !column.add("where", regular, where, px(32), palette::text)) {
        return false;
    }
    // The verdict in a box: a tick, or the warning icon and what to do.
    const bool safe = v.worst == Closeness::Safe && v.onBody;
    const float pad = 16 * u * k;
    m_iconSize = px(40);
    const float icon = safe ? 0 : static_cast<float>(m_iconSize) * 1.6f;
    const std::string headline = safe ? "✓  Clear of the spine and the neck" : v.headline();
    const float textWidth = panel.width - icon - 3 * pad;
    const sf::Vector2f words = measureText(bold, headline, px(38), textWidth);
    sf::FloatRect box;
    if (!column.block("verdict", std::max(words.y, icon) + 2 * pad, box)) {
        return false;
    }
    m_verdictBox = box;
    texts.push_back({headline,
                     &bold,
                     px(38),
                     palette::text,
                     {box.left + (safe ? pad : icon + 2 * pad),
                      box.top + (box.height - words.y) / 2, textWidth, words.y}});
    if (!safe) {
        for (std::size_t i = 0; i < v.zones.size(); ++i) {
            const ZoneVerdict& zone = v.zones[i];
            std::string line = capitalised(contactText(zone.zone, zone.gapCm));
            if (zone.gapCm > 0) {
                char keep[64];
                std::snprintf(keep, sizeof keep, " (keep %.0f cm clear)", m_app.body.clearanceCm);
                line += keep;
            }
            if (!column.add("zone " + std::to_string(i + 1), regular, line, px(30),
                            palette::text)) {
                return false;
            }
        }
    }
    m_boxes = boxes;
    m_texts = texts;
    return true;
}

ExploreScreen::ExploreScreen(AppResources& app)
    : m_app(app), m_check(app.body), m_diagram(app.body, app.fonts.bold) {}

PlacementVerdict ExploreScreen::verdict() const {
    const BallKind& ball = m_app.body.balls[m_ballKind];
    return m_check.atPoint(m_ball, ball.diameterCm);
}

ScreenRequest ExploreScreen::handle(const sf::Event& event) {
    const BodyView& view = m_diagram.view();
    switch (event.type) {
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button == sf::Mouse::Left) {
            m_dragging = true;
            m_ball = view.toBody(
                {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
        }
        break;
    case sf::Event::MouseButtonReleased:
        m_dragging = false;
        break;
    case sf::Event::MouseMoved:
        if (m_dragging) {
            m_ball = view.toBody(
                {static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
        }
        break;
    case sf::Event::KeyPressed:
        switch (event.key.code) {
        case sf::Keyboard::Escape:
            return {ScreenRequest::Kind::Back, {}, std::nullopt};
        case sf::Keyboard::Left:
            m_ball.xCm -= 0.5;
            break;
        case sf::Keyboard::Right:
            m_ball.xCm += 0.5;
            break;
        case sf::Keyboard::Up:
            m_ball.yCm -= 0.5;
            break;
        case sf::Keyboard::Down:
            m_ball.yCm += 0.5;
            break;
        case sf::Keyboard::B:
            m_ballKind = (m_ballKind + 1) % m_app.body.balls.size();
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    arrange(); // the verdict and the ball's place read differently now
    return {};
}

void ExploreScreen::draw(sf::RenderTarget& target) const {
    const Canvas c = beginFrame(target);
    const float u = c.u;
    const PlacementVerdict v = verdict();
    Closeness spine = Closeness::Safe;
    Closeness neck = Closeness::Safe;
    for (const ZoneVerdict& zone : v.zones) {
        (zone.zone == Zone::Spine ? spine : neck) = zone.closeness;
    }
    m_diagram.draw(target, spine, neck);
    const BallKind& ball = m_app.body.balls[m_ballKind];
    const BallChoice choice{ball.name, ball.diameterCm};
    std::optional<sf::Color> ring;
    if (v.worst != Closeness::Safe) {
        ring = warningColor(v.worst);
    }
    drawBall(target, m_diagram.view(), m_ball, m_check.contactRadiusCm(ball.diameterCm),
             ring ? *ring : ballColor(m_app.body, choice), false, ring);

    const bool safe = v.worst == Closeness::Safe && v.onBody;
    if (safe) {
        drawPanel(target, m_verdictBox, palette::panel, palette::safe, 5 * u);
    } else {
        const sf::Color color = v.onBody ? warningColor(v.worst) : palette::warningNear;
        drawPanel(target, m_verdictBox, palette::warningPanel, color, 5 * u);
        const float icon = static_cast<float>(m_iconSize) * 1.6f;
        drawWarningIcon(
            target,
            {m_verdictBox.left + 16 * u + icon / 2, m_verdictBox.top + m_verdictBox.height / 2},
            icon, color, m_app.fonts.bold, m_iconSize);
    }
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
