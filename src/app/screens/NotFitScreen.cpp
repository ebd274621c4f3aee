#include "NotFitScreen.hpp"

#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/BodyChoice.hpp"
#include "core/Translate.hpp"

namespace rollcoach {

NotFitScreen::NotFitScreen(AppResources& app, std::string file, std::string title,
                           std::string reason)
    : m_app(app), m_file(std::move(file)), m_title(std::move(title)), m_reason(std::move(reason)) {}

void NotFitScreen::layout(sf::Vector2u size) {
    m_size = size;
    shrinkToFit([&](float t) { return arrange(t); });
}

bool NotFitScreen::arrange(float t) {
    LayoutStart start(m_size, t, m_lenient, {0.7f, 50, 20});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap, width = start.width;
    auto px = [&start](float units) { return start.px(units); };
    const float pad = 14 * u * k;
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;
    const std::string keys = _("B sets your body  ·  Esc goes back  ·  Gamepad: A sets your body");
    const float footer = c.h - m - measureText(regular, keys, px(26), width).y;
    TextColumn bottom(boxes, texts, {m, footer, width, c.h - m - footer}, gap);
    if (!bottom.add("keys", regular, keys, px(26), palette::dimText)) {
        return false;
    }
    TextColumn column(boxes, texts, {m, m, width, footer - gap - m}, gap);
    if (!column.add("title", bold, m_title, px(56), palette::text) ||
        !column.add("reason", bold, notFitText(m_reason), px(36), palette::warningOn) ||
        !column.add(
            "body", regular,
            rollcoach::fillIn(_("Checked for your body: {0}."), m_app.body.describeInWords()),
            px(30), palette::text) ||
        !column.add("advice", regular, _(kNotFitAdvice), px(30), palette::text)) {
        return false;
    }
    const unsigned size = px(32);
    const std::string setBody = _("Set your body  (B)");
    const std::string goBack = _("Back  (Esc)");
    const sf::Vector2f a = measureText(bold, setBody, size);
    const sf::Vector2f b = measureText(bold, goBack, size);
    sf::FloatRect row;
    if (!column.block("buttons", a.y + 2 * pad, row)) {
        return false;
    }
    const sf::FloatRect body(row.left, row.top, a.x + 4 * pad, row.height);
    const sf::FloatRect back(body.left + body.width + 2 * pad, row.top, b.x + 4 * pad, row.height);
    if (back.left + back.width > row.left + row.width && !m_lenient) {
        return false;
    }
    m_buttons = {{"body", body}, {"back", back}};
    texts.push_back({setBody,
                     &bold,
                     size,
                     palette::background,
                     {body.left + 2 * pad, body.top + pad, a.x + 1, a.y}});
    texts.push_back(
        {goBack, &bold, size, palette::text, {back.left + 2 * pad, back.top + pad, b.x + 1, b.y}});
    m_boxes = boxes;
    m_texts = texts;
    m_edge = 3 * u;
    return true;
}

ScreenRequest NotFitScreen::handle(const sf::Event& event) {
    const ScreenRequest body{ScreenRequest::Kind::Body, m_file, std::nullopt};
    const ScreenRequest back{ScreenRequest::Kind::Back, {}, std::nullopt};
    if (event.type == sf::Event::KeyPressed) {
        if (event.key.code == sf::Keyboard::B) {
            return body;
        }
        if (event.key.code == sf::Keyboard::Escape) {
            return back;
        }
    } else if (event.type == sf::Event::MouseButtonPressed) {
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        for (const auto& [name, box] : m_buttons) {
            if (box.contains(at)) {
                return name == "body" ? body : back;
            }
        }
    } else if (event.type == sf::Event::JoystickButtonPressed) {
        if (const auto input = m_controls.map(event)) {
            if (input->kind == SessionCommand::Kind::TogglePause) {
                return body;
            }
            if (input->kind == SessionCommand::Kind::Leave) {
                return back;
            }
        }
    }
    return {};
}

void NotFitScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    for (const auto& [name, box] : m_buttons) {
        drawPanel(target, box, name == "body" ? palette::accent : palette::panel,
                  name == "body" ? std::nullopt : std::optional<sf::Color>(palette::dimText),
                  m_edge);
    }
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
