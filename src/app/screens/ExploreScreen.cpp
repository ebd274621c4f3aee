#include "ExploreScreen.hpp"

#include "SessionScreen.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace rollcoach {

void ExploreScreen::layout(sf::Vector2u size) {
    m_diagram.prepare(
        SessionScreen::bodyArea({static_cast<float>(size.x), static_cast<float>(size.y)}),
        std::nullopt, "");
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
    return {};
}

void ExploreScreen::draw(sf::RenderTarget& target) const {
    const Canvas c = beginFrame(target);
    const float u = c.u;
    const sf::Vector2f size(c.w, c.h);
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
    drawBall(target, m_diagram.view(), m_ball, ball.diameterCm,
             ring ? *ring : ballColor(m_app.body, choice), false, ring);

    const float x = size.x * 0.5f;
    const float width = size.x * 0.47f;
    drawText(target, m_app.fonts.bold, "Placement explorer", c.px(64), palette::text, {x, 40 * u});
    drawText(target, m_app.fonts.regular,
             "Drag the ball with the mouse (or move it with the arrow keys). B changes the ball.",
             c.px(30), palette::dimText, {x, 130 * u}, width);
    char where[160];
    std::snprintf(where, sizeof where, "%s  ·  x_cm %.1f toward the %s side, y_cm %.1f %s C7",
                  ball.label.c_str(), std::abs(m_ball.xCm), m_ball.xCm < 0 ? "left" : "right",
                  std::abs(m_ball.yCm), m_ball.yCm < 0 ? "above" : "below");
    drawText(target, m_app.fonts.regular, where, c.px(32), palette::text, {x, 240 * u}, width);
    float y = 340 * u;
    if (v.worst == Closeness::Safe && v.onBody) {
        drawPanel(target, {x, y, width, 120 * u}, palette::panel, palette::safe, 5 * u);
        drawText(target, m_app.fonts.bold, "✓  Clear of the spine and the neck", c.px(40),
                 palette::text, {x + 30 * u, y + 34 * u}, width - 60 * u);
    } else {
        const sf::Color color = v.onBody ? warningColor(v.worst) : palette::warningNear;
        drawPanel(target, {x, y, width, 150 * u}, sf::Color(60, 30, 30), color, 5 * u);
        drawWarningIcon(target, {x + 60 * u, y + 75 * u}, 80 * u, color, m_app.fonts.bold);
        drawText(target, m_app.fonts.bold, v.headline(), c.px(38), palette::text,
                 {x + 120 * u, y + 22 * u}, width - 140 * u);
        y += 170 * u;
        for (const ZoneVerdict& zone : v.zones) {
            std::string line = contactText(zone.zone, zone.gapCm);
            line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
            if (zone.gapCm > 0) {
                char keep[64];
                std::snprintf(keep, sizeof keep, " (keep %.0f cm clear)", m_app.body.clearanceCm);
                line += keep;
            }
            drawText(target, m_app.fonts.regular, line, c.px(30), palette::text, {x, y}, width);
            y += 50 * u;
        }
    }
    drawText(target, m_app.fonts.regular, kStopAdvice, c.px(26), palette::dimText,
             {x, size.y - 120 * u}, width);
    drawText(target, m_app.fonts.regular, "Esc goes back", c.px(26), palette::dimText,
             {x, size.y - 56 * u});
}

} // namespace rollcoach
