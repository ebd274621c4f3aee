#include "ExploreScreen.hpp"

#include "SessionScreen.hpp"
#include "app/Palette.hpp"
#include "app/Speech.hpp"
#include "app/Widgets.hpp"
#include "core/PrintableText.hpp"
#include "core/SessionRunner.hpp"
#include "core/Translate.hpp"

#include <SFML/Window/Clipboard.hpp>

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
    m_advice = advice(); // a search for the nearest safe place: once per move, not per frame
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

    const std::string keys = _("C copies the spot  ·  Esc goes back");
    const float footer = panel.top + panel.height -
                         measureText(regular, _(kStopAdvice), px(26), panel.width).y - gap -
                         measureText(regular, keys, px(26), panel.width).y;
    TextColumn bottom(boxes, texts,
                      {panel.left, footer, panel.width, panel.top + panel.height - footer}, gap);
    if (!bottom.add("stop", regular, _(kStopAdvice), px(26), palette::dimText) ||
        !bottom.add("keys", regular, keys, px(26), palette::dimText)) {
        return false;
    }
    TextColumn column(boxes, texts, {panel.left, panel.top, panel.width, footer - gap - panel.top},
                      gap);
    const PlacementVerdict v = verdict();
    const SpotAdvice& said = m_advice;
    // Where the ball is by anatomy, never by coordinates: the words a person uses.
    const std::string where =
        fillIn(_("{0}  ·  {1}"), said.where, ballLabel(m_app.body, {ball().name, 0}));
    if (!column.add("title", bold, _("Placement explorer"), px(64), palette::text) ||
        !column.add("hint", regular,
                    _("Drag the ball with the mouse (or move it with the arrow keys). B changes "
                      "the ball."),
                    px(30), palette::dimText) ||
        !column.add("where", regular, where, px(32), palette::text)) {
        return false;
    }
    // The verdict in a box: a tick, or the warning icon and what to do.
    const bool safe = said.safe;
    const float pad = 16 * u * k;
    m_iconSize = px(40);
    const float icon = safe ? 0 : static_cast<float>(m_iconSize) * 1.6f;
    const std::string headline = safe ? "✓  " + said.headline : said.headline;
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
                char keep[32];
                std::snprintf(keep, sizeof keep, "%.0f", m_app.body.clearanceCm);
                line += " " + rollcoach::fillIn(_("(keep {0} cm clear)"), keep);
            }
            if (!column.add("zone " + std::to_string(i + 1), regular, line, px(30),
                            palette::text)) {
                return false;
            }
        }
    }
    // Keeping a spot found: a button as wide as its label, then what was copied.
    const std::string label = _("Copy this spot  (C)");
    const sf::Vector2f labelSize = measureText(regular, label, px(30));
    sf::FloatRect button;
    if (labelSize.x + 2 * pad > panel.width ||
        !column.block("button copy", labelSize.y + 2 * pad, button)) { // untranslated: a box's name
        return false;
    }
    button.width = labelSize.x + 2 * pad;
    m_copyButton = button;
    texts.push_back({label,
                     &regular,
                     px(30),
                     palette::text,
                     {button.left + pad, button.top + pad, labelSize.x, labelSize.y}});
    if (!m_copied.empty() &&
        !column.add("copied", regular, fillIn(_("Copied: {0}"), m_copied), px(28), palette::safe)) {
        return false;
    }
    m_boxes = boxes;
    m_texts = texts;
    return true;
}

ExploreScreen::ExploreScreen(AppResources& app)
    : m_app(app), m_check(app.body), m_diagram(app.body, app.fonts.bold), m_advice(advice()) {}

PlacementVerdict ExploreScreen::verdict() const {
    return m_check.atPoint(m_ball, ball().diameterCm);
}

SpotAdvice ExploreScreen::advice() const {
    return spotAdvice(m_ball, Contact::ball(m_app.body, ball().diameterCm), m_app.body);
}

void ExploreScreen::sayAdvice() {
    const std::string& headline = m_advice.headline;
    if (headline != m_said) {
        m_said = headline;
        m_app.speech.say(headline, m_advice.safe ? Cue::Weight::Step : Cue::Weight::Warning);
    }
}

std::string ExploreScreen::copySpot() {
    m_copied = placementText(m_ball, m_app.body);
    sf::Clipboard::setString(sf::String::fromUtf8(m_copied.begin(), m_copied.end()));
    m_app.speech.say(_("Copied the spot to the clipboard, as a routine's placement."),
                     Cue::Weight::Step);
    arrange();
    return m_copied;
}

ScreenRequest ExploreScreen::handle(const sf::Event& event) {
    const BodyView& view = m_diagram.view();
    switch (event.type) {
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button == sf::Mouse::Left &&
            m_copyButton.contains(static_cast<float>(event.mouseButton.x),
                                  static_cast<float>(event.mouseButton.y))) {
            copySpot();
            return {};
        }
        if (event.mouseButton.button == sf::Mouse::Left) {
            m_dragging = true;
            m_ball = view.toBody(
                {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
        }
        break;
    case sf::Event::MouseButtonReleased:
        if (m_dragging) {
            m_dragging = false;
            m_copied.clear(); // a new spot: what was copied is no longer it
            arrange();
            sayAdvice();
            return {};
        }
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
        case sf::Keyboard::C:
            copySpot();
            return {};
        default:
            arrange();
            return {};
        }
        m_copied.clear();
        arrange();
        sayAdvice();
        return {};
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

    const bool safe = m_advice.safe;
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
    drawPanel(target, m_copyButton, palette::panel, palette::accent, 3 * u);
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
