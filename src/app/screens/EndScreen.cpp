#include "EndScreen.hpp"

#include "ProgressScreen.hpp"
#include "app/Drawing.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/Progress.hpp"
#include "core/Translate.hpp"

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
    if (event.type == sf::Event::MouseButtonPressed) {
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        if (m_progressButton.contains(at)) {
            return {ScreenRequest::Kind::Progress, m_session.summary().key, std::nullopt};
        }
        return {};
    }
    if (event.type != sf::Event::KeyPressed) {
        return {};
    }
    if (event.key.code == sf::Keyboard::P && m_progressButton.width > 0) {
        return {ScreenRequest::Kind::Progress, m_session.summary().key, std::nullopt};
    }
    if (const auto rating = ratingForKey(event.key.code)) {
        // A number is never taken for "go on": it answers, changes the answer, or is told
        // that no question is open.
        rate(*rating);
        return {};
    }
    return {ScreenRequest::Kind::Back, {}, std::nullopt};
}

ScreenRequest EndScreen::control(const SessionCommand& command) {
    if (command.kind == SessionCommand::Kind::Rate) {
        rate(command.rating);
    } else if (command.kind == SessionCommand::Kind::Mute) {
        m_session.apply(command);
        if (m_session.muted() != m_app.tones.muted()) {
            toggleMute(m_app);
        }
    }
    return {};
}

void EndScreen::rate(int rating) {
    const SpeechAmount amount = m_app.workspace.settings.speech;
    for (const Cue& cue : m_session.apply(SessionCommand::rated(rating))) {
        const std::string& words = amount == SpeechAmount::Full ? cue.words : cue.briefWords;
        if (amount != SpeechAmount::Off) {
            m_app.speech.say(cue, words);
        }
    }
    readRecent();
    layout(m_size); // the question, the answer or both have changed
}

void EndScreen::layout(sf::Vector2u size) {
    m_size = size;
    shrinkToFit([&](float t) { return arrange(size, t); });
}

bool EndScreen::arrange(sf::Vector2u size, float t) {
    LayoutStart start(size, t, m_lenient, {0.7f, 50, 16});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap, width = start.width;
    auto px = [&start](float units) { return start.px(units); };
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    const bool tall = start.tall;
    const SessionSummary s = m_session.summary();
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;

    // The footer, from the bottom up.
    const std::string problem = !s.historyProblem.empty() ? s.historyProblem : m_app.historyProblem;
    const std::string keys = _("Press any other key to go on");
    float footer = c.h - m - measureText(regular, keys, px(30), width).y;
    if (!problem.empty()) {
        footer -=
            measureText(regular, rollcoach::fillIn(_("History could not be saved: {0}"), problem),
                        px(26), width)
                .y +
            gap;
    }
    TextColumn bottom(boxes, texts, {m, footer, width, c.h - m - footer}, gap);
    if (!problem.empty() &&
        !bottom.add("history problem", regular, // untranslated: a box's name
                    rollcoach::fillIn(_("History could not be saved: {0}"), problem), px(26),
                    palette::problemText)) {
        return false;
    }
    if (!bottom.add("keys", regular, keys, px(30), palette::dimText)) {
        return false;
    }
    m_chart = {};
    m_progressButton = {};
    if (s.state == SessionState::StoppedForPain) {
        TextColumn column(boxes, texts, {m, m, width, footer - gap - m}, gap * 2);
        const bool fits =
            column.add("heading", bold, _("Stopped. Rest now."), px(90), palette::text) &&
            column.add(
                "advice", regular,
                _("Take the ball away and lie or sit comfortably. Sharp pain, numbness or "
                  "tingling can mean the ball pressed on a nerve or a blood vessel. If it does "
                  "not ease within a few minutes, or comes back, see a doctor or "
                  "physiotherapist before rolling again. Seek urgent help for weakness, "
                  "numbness that spreads, chest pain or trouble breathing."),
                px(36), palette::text);
        if (!fits) {
            return false;
        }
    } else {
        const char* heading = !s.worked                 ? _("Session left before it began")
                              : s.outcome == "finished" ? _("Session done")
                              : s.outcome == "partial"  ? _("Session done in part")
                                                        : _("Session ended");
        const float column = tall ? width : width * 0.5f;
        TextColumn left(boxes, texts, {m, m, column, footer - gap - m}, gap);
        std::string balance = _("Both sides got the same time.");
        if (!s.worked) {
            balance = _("No time on either side, so it is not kept: the history and the next "
                        "session's first side are as they were.");
        } else if (std::abs(s.leftS - s.rightS) > 0.5) {
            balance = s.leftS < s.rightS
                          ? _("The left side got less time: the next session starts with it.")
                          : _("The right side got less time: the next session starts with it.");
        }
        bool fits = left.add("heading", bold, heading, px(80), palette::text) &&
                    left.add("title", regular, s.title, px(36), palette::dimText) &&
                    left.add("left side", bold, // untranslated: a box's name
                             rollcoach::fillIn(_("Left side:  {0}  of {1}"), clockText(s.leftS),
                                               clockText(s.plannedS)),
                             px(48), palette::text) &&
                    left.add("right side", bold, // untranslated: a box's name
                             rollcoach::fillIn(_("Right side: {0}  of {1}"), clockText(s.rightS),
                                               clockText(s.plannedS)),
                             px(48), palette::text);
        if (fits && s.plannedBothS > 0) {
            // Steps for both sides at once count once: the whole is the massage's own length.
            fits = left.add("both sides", bold, // untranslated: a box's name
                            rollcoach::fillIn(_("Both sides: {0}  of {1}"), clockText(s.bothS),
                                              clockText(s.plannedBothS)),
                            px(48), palette::text) &&
                   left.add("in all", regular, // untranslated: a box's name
                            rollcoach::fillIn(_("In all {0} of {1}"),
                                              clockText(s.leftS + s.rightS + s.bothS),
                                              clockText(2 * s.plannedS + s.plannedBothS)),
                            px(34), palette::text);
        }
        fits = fits && left.add("balance", regular, balance, px(34), palette::accent);
        if (fits && !s.answer.empty()) {
            fits =
                left.add("answer", bold, fillIn(_("{0}  ·  another number changes it"), s.answer),
                         px(32), palette::accent);
        }
        if (fits && s.tensionPrompt) {
            fits = left.add("prompt", bold, s.prompt, px(32), palette::text);
        }
        if (!fits) {
            return false;
        }
        // This session's tension beside (or under) the numbers, and the way to the trend.
        const sf::FloatRect room =
            tall ? sf::FloatRect(m, left.y(), width, footer - gap - left.y())
                 : sf::FloatRect(m + column + m, m, width - column - m, footer - gap - m);
        const float pad = 16 * u * k;
        TextColumn right(
            boxes, texts,
            {room.left + pad, room.top + pad, room.width - 2 * pad, room.height - 2 * pad}, gap);
        // clang-format off
        if (room.width > 200 * u && room.height > 120 * u &&
            right.add("tension heading", bold, _("Tension this session, 0-10"), px(34), // untranslated: a box's name
                      palette::text)) {
            // clang-format on
            Progress p;
            if (!m_recent.empty() && m_recent.front().routineKey == s.key) {
                p = tensionProgress({m_recent.front()}, {});
            }
            for (const SideProgress* side : {&p.left, &p.right}) {
                const bool leftSide = side->side == Side::Left;
                std::string line;
                if (side->sessions.empty()) {
                    line = leftSide ? _("Left: not rated") : _("Right: not rated");
                } else {
                    const SideSession& one = side->sessions.front();
                    line = rollcoach::fillIn(leftSide ? _("Left: {0} before, {1} after")
                                                      : _("Right: {0} before, {1} after"),
                                             ratingText(one.before), ratingText(one.after));
                    if (one.change()) {
                        line += "  " + (one.matters()
                                            ? rollcoach::fillIn(_("({0} ★ a change that matters)"),
                                                                changeText(one.change()))
                                            : "(" + changeText(one.change()) + ")");
                    }
                }
                if (!right.add(std::string("tension ") + sideName(side->side), regular, line,
                               px(30), palette::text)) {
                    return false;
                }
            }
            const unsigned size = px(28);
            const std::string label = _("See progress over time  (P)");
            const sf::Vector2f text = measureText(regular, label, size);
            sf::FloatRect button;
            // clang-format off
            if (right.block("button progress", text.y + 2 * pad, button)) { // untranslated: a box's name
                // clang-format on
                texts.push_back({label,
                                 &regular,
                                 size,
                                 palette::text,
                                 {button.left + pad, button.top + pad, text.x + 1, text.y}});
                m_progressButton = button;
                m_chart = {room.left, room.top, room.width, right.y() - room.top + pad - gap};
            }
        }
    }
    m_boxes = boxes;
    m_texts = texts;
    return true;
}

void EndScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    if (m_chart.width > 0) {
        drawPanel(target, m_chart, palette::panel);
        drawPanel(target, m_progressButton, palette::panel, palette::accent,
                  std::max(2.f, m_progressButton.height / 16));
    }
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
