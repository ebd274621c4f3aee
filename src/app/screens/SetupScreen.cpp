#include "SetupScreen.hpp"

#include "app/Drawing.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/Motion.hpp"
#include "core/SafetyCheck.hpp"

#include <algorithm>

namespace rollcoach {

SetupScreen::SetupScreen(AppResources& app, Routine routine, RoutineSource source,
                         std::optional<Side> forcedSide)
    : m_app(app), m_routine(std::move(routine)), m_source(std::move(source)),
      m_forcedSide(forcedSide), m_diagram(app.body, app.fonts.bold) {
    chooseSide();
}

void SetupScreen::chooseSide() {
    m_side =
        firstSideFor(m_routine, m_forcedSide, recentSessions(m_app.history), m_app.workspace.now());
    m_warnings = SafetyCheck(m_app.body).check(m_routine, {m_side.side});
    if (m_bodyArea.width > 0) {
        m_diagram.prepare(m_bodyArea, m_side.side, m_routine.target);
    }
}

void SetupScreen::layout(sf::Vector2u size) {
    const Canvas c = Canvas::of(size);
    const float column = c.w * 0.56f;
    m_bodyArea = {column + 20 * c.u, 140 * c.u, c.w - column - 80 * c.u, 360 * c.u};
    m_diagram.prepare(m_bodyArea, m_side.side, m_routine.target);
}

ScreenRequest SetupScreen::handle(const sf::Event& event) {
    if (event.type == sf::Event::KeyPressed) {
        if (event.key.code == sf::Keyboard::Escape) {
            return {ScreenRequest::Kind::Back, {}, std::nullopt};
        }
        if (event.key.code == sf::Keyboard::M) {
            toggleMute(m_app);
            return {};
        }
        if (!m_warnings.empty()) {
            // A routine that puts a ball on or near the spine or neck starts only on purpose.
            if (event.key.code == kAcknowledgeKey) {
                return {ScreenRequest::Kind::StartSession, {}, start()};
            }
            return {};
        }
        // Any other key starts: the person may be reaching from the floor.
        return {ScreenRequest::Kind::StartSession, {}, start()};
    }
    return {};
}

void SetupScreen::draw(sf::RenderTarget& target) const {
    const Canvas c = beginFrame(target);
    const float u = c.u;
    const float w = c.w;
    const float h = c.h;
    const sf::Font& regular = m_app.fonts.regular;
    const sf::Font& bold = m_app.fonts.bold;
    drawText(target, bold, m_routine.title, c.px(60), palette::text, {60 * u, 36 * u}, w - 120 * u);

    const float column = w * 0.56f;
    float y = 130 * u;
    drawText(target, bold, "You need", c.px(36), palette::accent, {60 * u, y});
    y += 52 * u;
    std::vector<std::string> props = {std::to_string(ballCount(m_routine)) + " × " +
                                      ballLabel(m_app.body, m_routine.ball)};
    for (const std::string& prop : m_app.body.props(m_routine.drill)) {
        props.push_back(prop);
    }
    for (const std::string& prop : props) {
        drawText(target, regular, "•  " + prop, c.px(32), palette::text, {80 * u, y},
                 column - 100 * u);
        y += 46 * u;
    }
    y += 20 * u;
    drawText(target, bold, "Get ready", c.px(36), palette::accent, {60 * u, y});
    y += 52 * u;
    int n = 1;
    for (const std::string& line : m_routine.setup) {
        Label label(regular);
        label.set(std::to_string(n++) + ".  " + line, c.px(30), palette::text, column - 100 * u);
        label.setPosition(80 * u, y);
        label.draw(target);
        y += label.height() + 16 * u;
    }

    if (m_warnings.empty()) {
        // Right: the posture and the safety note.
        const sf::FloatRect picture(column + 20 * u, 140 * u, w - column - 80 * u, 360 * u);
        drawPanel(target, picture, palette::panel);
        drawPosture(target,
                    {picture.left + 20 * u, picture.top + 20 * u, picture.width - 40 * u,
                     picture.height - 40 * u},
                    m_routine.drill, ballColor(m_app.body, m_routine.ball));
        const sf::FloatRect note(column + 20 * u, 530 * u, w - column - 80 * u, 250 * u);
        drawPanel(target, note, palette::panel, palette::dimText, 2 * u);
        drawText(target, bold, "Safety", c.px(32), palette::text,
                 {note.left + 20 * u, note.top + 14 * u});
        drawText(target, regular,
                 "Press gently: discomfort is fine, pain is not. Stop at once on sharp pain, "
                 "numbness or tingling. Keep the ball off the spine and out of the neck.",
                 c.px(27), palette::text, {note.left + 20 * u, note.top + 62 * u},
                 note.width - 40 * u);
    } else {
        // Right: where on the body this routine comes too close, and what the file says.
        drawPanel(target, m_bodyArea, palette::panel);
        Closeness spine = Closeness::Safe;
        Closeness neck = Closeness::Safe;
        for (const SafetyWarning& warning : m_warnings) {
            (warning.zone == Zone::Spine ? spine : neck) =
                std::max(warning.zone == Zone::Spine ? spine : neck, warning.closeness);
        }
        m_diagram.draw(target, spine, neck);
        for (const SafetyWarning& warning : m_warnings) {
            const sf::Color colour = warningColor(warning.closeness);
            drawBall(target, m_diagram.view(), onSide(warning.where, m_side.side),
                     m_routine.ball.diameterCm, colour, false, colour);
        }
        const sf::FloatRect note(column + 20 * u, 520 * u, w - column - 80 * u, h - 700 * u);
        drawPanel(target, note, sf::Color(60, 30, 30), palette::warningOn, 4 * u);
        drawWarningIcon(target, {note.left + 44 * u, note.top + 44 * u}, 56 * u, palette::warningOn,
                        bold, c.px(40));
        std::string text = "This routine puts the ball on or near the spine or the neck:";
        for (std::size_t i = 0; i < m_warnings.size() && i < 3; ++i) {
            const SafetyWarning& warning = m_warnings[i];
            text += std::string("\n•  ") + m_routine.steps[warning.stepIndex].name + ": " +
                    (warning.closeness == Closeness::On ? "on the " : "near the ") +
                    zoneName(warning.zone) + "; " + warning.advice;
        }
        if (m_warnings.size() > 3) {
            text += "\n•  and " + std::to_string(m_warnings.size() - 3) + " more";
        }
        drawText(target, regular, text, c.px(27), palette::text,
                 {note.left + 90 * u, note.top + 16 * u}, note.width - 110 * u);
    }

    drawText(target, bold,
             std::string("You start on the ") + sideName(m_side.side) + " side" +
                 (m_side.why.empty() ? "." : ": " + m_side.why + "."),
             c.px(36), palette::accent, {60 * u, h - 150 * u}, w - 120 * u);
    if (m_warnings.empty()) {
        drawText(target, regular, "Press Space (or any key) to start  ·  M mutes  ·  Esc goes back",
                 c.px(30), palette::dimText, {60 * u, h - 90 * u}, w - 120 * u);
    } else {
        drawText(target, bold, "Press A to start anyway, knowing the warnings  ·  Esc goes back",
                 c.px(30), palette::warningNear, {60 * u, h - 90 * u}, w - 120 * u);
    }
}

} // namespace rollcoach
