#include "EndScreen.hpp"

#include "app/Drawing.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"

#include <cmath>

namespace rollcoach {

EndScreen::EndScreen(AppResources& app, Session& session) : m_app(app), m_session(session) {
    readRecent();
}

void EndScreen::readRecent() {
    m_recent.clear();
    if (m_app.history != nullptr) {
        try {
            m_recent = m_app.history->sessions(30);
        } catch (const HistoryError&) {
            m_recent.clear();
        }
    }
}

ScreenRequest EndScreen::handle(const sf::Event& event) {
    if (event.type != sf::Event::KeyPressed) {
        return {};
    }
    if (const auto rating = ratingForKey(event.key.code)) {
        if (m_session.rate(*rating)) {
            readRecent();
            layout(m_size); // the prompt has gone
            return {};
        }
    }
    return {ScreenRequest::Kind::Back, {}, std::nullopt};
}

void EndScreen::drawChart(sf::RenderTarget& target, sf::FloatRect area) const {
    // Tension before and after each side over recent sessions: the average of each session's
    // ratings, oldest on the left.
    struct Point4 {
        double value[4] = {-1, -1, -1, -1}; // left before, left after, right before, right after
    };
    std::vector<Point4> series;
    for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it) {
        if (it->checkIns.empty()) {
            continue;
        }
        Point4 p;
        double sum[4] = {0, 0, 0, 0};
        int count[4] = {0, 0, 0, 0};
        for (const CheckIn& c : it->checkIns) {
            const int k = (c.side == Side::Left ? 0 : 2) + (c.after ? 1 : 0);
            sum[k] += c.rating;
            ++count[k];
        }
        for (int k = 0; k < 4; ++k) {
            p.value[k] = count[k] ? sum[k] / count[k] : -1;
        }
        series.push_back(p);
    }
    const Canvas c = Canvas::of(target.getSize());
    const float u = c.u;
    drawPanel(target, area, palette::panel);
    drawText(target, m_app.fonts.bold, "Tension, 0-10, before and after each side", c.px(26),
             palette::text, {area.left + 16 * u, area.top + 10 * u});
    if (series.size() > 8) {
        series.erase(series.begin(), series.end() - 8);
    }
    if (series.empty()) {
        drawText(target, m_app.fonts.regular,
                 "No ratings yet: press 0-9 when a session asks how tense a side is.", c.px(24),
                 palette::dimText, {area.left + 16 * u, area.top + 60 * u}, area.width - 32 * u);
        return;
    }
    const sf::Color colours[4] = {sf::Color(120, 170, 255), sf::Color(190, 215, 255),
                                  sf::Color(240, 170, 90), sf::Color(250, 215, 170)};
    const float chartTop = area.top + 60 * u;
    const float chartHeight = area.height - 110 * u;
    const float groupWidth = (area.width - 32 * u) / static_cast<float>(series.size());
    const float bar = groupWidth / 5.f;
    for (std::size_t i = 0; i < series.size(); ++i) {
        for (int k = 0; k < 4; ++k) {
            if (series[i].value[k] < 0) {
                continue;
            }
            const float h = chartHeight * static_cast<float>(series[i].value[k] / 10.0);
            drawPanel(target,
                      {area.left + 16 * u + groupWidth * static_cast<float>(i) +
                           bar * static_cast<float>(k),
                       chartTop + chartHeight - h, bar * 0.9f, std::max(h, 2.f)},
                      colours[k]);
        }
    }
    const char* names[4] = {"left before", "left after", "right before", "right after"};
    float x = area.left + 16 * u;
    for (int k = 0; k < 4; ++k) {
        drawPanel(target, {x, area.top + area.height - 36 * u, 20 * u, 20 * u}, colours[k]);
        drawText(target, m_app.fonts.regular, names[k], c.px(22), palette::text,
                 {x + 28 * u, area.top + area.height - 40 * u});
        x += area.width / 4.f;
    }
}

void EndScreen::layout(sf::Vector2u size) {
    m_size = size;
    shrinkToFit([&](float t) { return arrange(size, t); });
}

bool EndScreen::arrange(sf::Vector2u size, float t) {
    const Canvas c = Canvas::of(size);
    const float u = c.u;
    const float k = 0.7f + 0.3f * t;
    auto px = [&](float units) { return onGrid(c.px(units * k)); };
    const float m = 50 * u * k;
    const float gap = 16 * u * k;
    const float width = c.w - 2 * m;
    const sf::Font& regular = m_app.fonts.regular;
    const sf::Font& bold = m_app.fonts.bold;
    const bool tall = c.h > c.w * 1.15f;
    const SessionSummary s = m_session.summary();
    Boxes boxes;
    boxes.lenient = m_lenient;
    std::vector<PlacedText> texts;

    // The footer, from the bottom up.
    const std::string problem = !s.historyProblem.empty() ? s.historyProblem : m_app.historyProblem;
    const std::string keys = "Press any other key to go on";
    float footer = c.h - m - measureText(regular, keys, px(30), width).y;
    if (!problem.empty()) {
        footer -=
            measureText(regular, "History could not be saved: " + problem, px(26), width).y + gap;
    }
    TextColumn bottom(boxes, texts, {m, footer, width, c.h - m - footer}, gap);
    if (!problem.empty() &&
        !bottom.add("history problem", regular, "History could not be saved: " + problem, px(26),
                    sf::Color(255, 170, 170))) {
        return false;
    }
    if (!bottom.add("keys", regular, keys, px(30), palette::dimText)) {
        return false;
    }
    m_chart = {};
    if (s.state == SessionState::StoppedForPain) {
        TextColumn column(boxes, texts, {m, m, width, footer - gap - m}, gap * 2);
        const bool fits =
            column.add("heading", bold, "Stopped. Rest now.", px(90), palette::text) &&
            column.add(
                "advice", regular,
                "Take the ball away and lie or sit comfortably. Sharp pain, numbness or "
                "tingling can mean the ball pressed on a nerve or a blood vessel. If it does "
                "not ease within a few minutes, or comes back, see a doctor or "
                "physiotherapist before rolling again. Seek urgent help for weakness, "
                "numbness that spreads, chest pain or trouble breathing.",
                px(36), palette::text);
        if (!fits) {
            return false;
        }
    } else {
        const char* heading = s.outcome == "finished"  ? "Session done"
                              : s.outcome == "partial" ? "Session done in part"
                                                       : "Session ended";
        const float column = tall ? width : width * 0.5f;
        TextColumn left(boxes, texts, {m, m, column, footer - gap - m}, gap);
        std::string balance = "Both sides got the same time.";
        if (std::abs(s.leftS - s.rightS) > 0.5) {
            balance = std::string("The ") + (s.leftS < s.rightS ? "left" : "right") +
                      " side got less time: the next session starts with it.";
        }
        bool fits = left.add("heading", bold, heading, px(80), palette::text) &&
                    left.add("title", regular, s.title, px(36), palette::dimText) &&
                    left.add("left side", bold,
                             "Left side:  " + clockText(s.leftS) + "  of " + clockText(s.plannedS),
                             px(48), palette::text) &&
                    left.add("right side", bold,
                             "Right side: " + clockText(s.rightS) + "  of " + clockText(s.plannedS),
                             px(48), palette::text) &&
                    left.add("balance", regular, balance, px(34), palette::accent);
        if (fits && s.tensionPrompt) {
            fits = left.add("prompt", bold,
                            std::string("How tense is your ") + sideName(s.tensionPrompt->side) +
                                " side now? Press 0-9 (T for 10)",
                            px(32), palette::text);
        }
        if (!fits) {
            return false;
        }
        // The chart beside (or under) the numbers, as large as the room allows.
        const sf::FloatRect room =
            tall ? sf::FloatRect(m, left.y(), width, footer - gap - left.y())
                 : sf::FloatRect(m + column + m, m, width - column - m, footer - gap - m);
        if (room.height >= 200 * u && room.width >= 300 * u) {
            m_chart = {room.left, room.top, room.width, std::min(room.height, room.width * 0.8f)};
            boxes.add("chart", m_chart);
        }
    }
    m_boxes = boxes;
    m_texts = texts;
    return true;
}

void EndScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    drawPlaced(target, m_texts);
    if (m_chart.width > 0) {
        drawChart(target, m_chart);
    }
}

} // namespace rollcoach
