#include "SetupScreen.hpp"

#include "app/Drawing.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/Motion.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Translate.hpp"

#include <algorithm>

namespace rollcoach {

namespace {

// One whole sentence for each place and closeness, so each language words it its own way.
const char* setupWarningPattern(const SafetyWarning& warning) {
    const bool on = warning.closeness == Closeness::On;
    if (warning.zone == Zone::Neck) {
        return on ? _("{0}: on the neck; {1}") : _("{0}: near the neck; {1}");
    }
    return on ? _("{0}: on the spine; {1}") : _("{0}: near the spine; {1}");
}

} // namespace

SetupScreen::SetupScreen(AppResources& app, Routine routine, RoutineSource source,
                         std::optional<Side> forcedSide)
    : m_app(app), m_routine(std::move(routine)), m_source(std::move(source)),
      m_forcedSide(forcedSide), m_diagram(app.body, app.fonts.bold) {
    chooseSide();
}

void SetupScreen::chooseSide() {
    bool read = false;
    const std::vector<SessionRecord> sessions = recentSessions(m_app, read);
    m_side = firstSideFor(m_routine, m_forcedSide, sessions, m_app.workspace.now(), read);
    m_warnings = SafetyCheck(m_app.body).check(m_routine, {m_side.side});
    if (m_bodyArea.width > 0) {
        m_diagram.prepare(m_bodyArea, m_side.side, m_routine.target, byHand(m_routine.drill));
    }
}

void SetupScreen::layout(sf::Vector2u size) {
    m_size = size;
    // The largest sizes at which everything fits; the posture picture goes first.
    bool fits = false;
    for (float t = 1.f; t >= -0.5f && !fits; t -= 0.125f) {
        fits = arrange(size, t);
    }
    if (!fits) {
        // Too small for everything: crowded rather than empty.
        m_lenient = true;
        arrange(size, -0.5f);
        m_lenient = false;
    }
    if (m_bodyArea.width > 0) {
        m_diagram.prepare(m_bodyArea, m_side.side, m_routine.target, byHand(m_routine.drill));
    }
}

bool SetupScreen::arrange(sf::Vector2u size, float t) {
    // From the comfortable sizes down to 55% of them.
    LayoutStart start(size, t, m_lenient, {0.7f, 40, 14});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap;
    auto px = [&start](float units) { return start.px(units); };
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    const bool tall = start.tall;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;

    // The footer, from the bottom up: the keys, and the side to start on.
    const std::string keys =
        m_warnings.empty()
            ? _("Press Space (or any key) to start  ·  M mutes  ·  B: your body  ·  Esc goes back")
            : _("Press A to start anyway, knowing the warnings  ·  B: your body  ·  Esc goes back");
    const bool leftFirst = m_side.side == Side::Left;
    const std::string sideLine =
        m_side.why.empty() ? std::string(leftFirst ? _("You start on the left side.")
                                                   : _("You start on the right side."))
                           : rollcoach::fillIn(leftFirst ? _("You start on the left side: {0}.")
                                                         : _("You start on the right side: {0}."),
                                               m_side.why);
    const float width = start.width;
    // Which body the routine is checked for, and the way to change it, over the keys.
    const std::string bodyLine =
        rollcoach::fillIn(_("Checked for your body: {0}."), m_app.body.describeInWords());
    const std::string bodyButton = _("Change your body  (B)");
    const unsigned buttonSize = px(28);
    const float pad = 10 * u * k;
    const sf::Vector2f buttonText = measureText(bold, bodyButton, buttonSize);
    const sf::Vector2f keysSize =
        measureText(m_warnings.empty() ? regular : bold, keys, px(30), width);
    const sf::Vector2f sideSize = measureText(bold, sideLine, px(36), width);
    const float buttonWidth = buttonText.x + 3 * pad;
    const sf::Vector2f bodySize = measureText(regular, bodyLine, px(28), width - buttonWidth - gap);
    const float bodyRow = std::max(bodySize.y, buttonText.y + 2 * pad);
    const std::string& speech = m_app.speechProblem;
    float footer = c.h - m - keysSize.y - gap - sideSize.y - gap - bodyRow;
    if (!speech.empty()) {
        footer -= measureText(regular, speech, px(26), width).y + gap;
    }
    TextColumn bottom(boxes, texts, {m, footer, width, c.h - m - footer}, gap);
    sf::FloatRect row;
    if (!bottom.block("body row", bodyRow, row)) { // untranslated: a box's name
        return false;
    }
    m_bodyButton = {row.left, row.top + (bodyRow - buttonText.y - 2 * pad) / 2, buttonWidth,
                    buttonText.y + 2 * pad};
    texts.push_back(
        {bodyButton,
         &bold,
         buttonSize,
         palette::text,
         {m_bodyButton.left + 1.5f * pad, m_bodyButton.top + pad, buttonText.x + 1, buttonText.y}});
    texts.push_back({bodyLine,
                     &regular,
                     px(28),
                     palette::text,
                     {row.left + buttonWidth + gap, row.top + (bodyRow - bodySize.y) / 2,
                      width - buttonWidth - gap, bodySize.y}});
    // clang-format off
    if ((!speech.empty() &&
         !bottom.add("speech problem", regular, speech, px(26), palette::warningNear)) || // untranslated: a box's name
        !bottom.add("start side", bold, sideLine, px(36), palette::accent) || // untranslated: a box's name
        !bottom.add("keys", m_warnings.empty() ? regular : bold, keys, px(30),
                    m_warnings.empty() ? palette::dimText : palette::warningNear)) {
        // clang-format on
        return false;
    }

    TextColumn top(boxes, texts, {m, m, width, footer - gap - m}, gap);
    if (!top.add("title", bold, m_routine.title, px(60), palette::text)) {
        return false;
    }
    const float column = tall ? width : width * 0.52f;
    TextColumn left(boxes, texts, {m, top.y(), column, footer - gap - top.y()}, gap);
    // clang-format off
    if (!left.add("you need", bold, _("You need"), px(36), palette::accent)) { // untranslated: a box's name
        // clang-format on
        return false;
    }
    std::vector<std::string> props = {equipmentText(m_app.body, m_routine)};
    for (const std::string& prop : m_app.body.props(m_routine.drill)) {
        props.push_back(prop);
    }
    for (std::size_t i = 0; i < props.size(); ++i) {
        if (!left.add("need " + std::to_string(i + 1), regular, "•  " + props[i], px(32),
                      palette::text, 20 * u)) {
            return false;
        }
    }
    // clang-format off
    if (!left.add("get ready", bold, _("Get ready"), px(36), palette::accent)) { // untranslated: a box's name
        // clang-format on
        return false;
    }
    for (std::size_t i = 0; i < m_routine.setup.size(); ++i) {
        if (!left.add("ready " + std::to_string(i + 1), regular,
                      std::to_string(i + 1) + ".  " + m_routine.setup[i], px(30), palette::text,
                      20 * u)) {
            return false;
        }
    }

    // The other column (under the first on a portrait screen): a picture and a note.
    const sf::FloatRect right = tall
                                    ? sf::FloatRect(m, left.y(), width, footer - gap - left.y())
                                    : sf::FloatRect(m + column + 2 * m, top.y(),
                                                    width - column - 2 * m, footer - gap - top.y());
    const float notePad = 16 * u * k;
    std::vector<PlacedText> noteTexts;
    Boxes noteBoxes;
    float noteHeight = 0;
    if (m_warnings.empty()) {
        const std::string& safety = m_app.body.safety(m_routine.drill);
        const sf::Vector2f head = measureText(bold, _("Safety"), px(32), right.width - 2 * notePad);
        const sf::Vector2f body = measureText(regular, safety, px(28), right.width - 2 * notePad);
        noteHeight = head.y + gap + body.y + 2 * notePad;
        m_iconSize = 0;
        m_note = {right.left, right.top + right.height - noteHeight, right.width, noteHeight};
        noteTexts.push_back(
            {_("Safety"),
             &bold,
             px(32),
             palette::text,
             {m_note.left + notePad, m_note.top + notePad, right.width - 2 * notePad, head.y}});
        noteTexts.push_back({safety,
                             &regular,
                             px(28),
                             palette::text,
                             {m_note.left + notePad, m_note.top + notePad + head.y + gap,
                              right.width - 2 * notePad, body.y}});
    } else {
        std::string text = _("This routine puts the ball on or near the spine or the neck:");
        for (std::size_t i = 0; i < m_warnings.size() && i < 3; ++i) {
            const SafetyWarning& warning = m_warnings[i];
            text += std::string("\n•  ") +
                    // TRANSLATORS: {0} is a step's name, {1} what to do instead.
                    rollcoach::fillIn(setupWarningPattern(warning),
                                      m_routine.steps[warning.stepIndex].name, warning.advice);
        }
        if (m_warnings.size() > 3) {
            text += std::string("\n•  ") +
                    plural(m_warnings.size() - 3, "and {0} more", "and {0} more");
        }
        m_iconSize = px(40);
        const float icon = static_cast<float>(m_iconSize) * 1.4f;
        const float textWidth = right.width - icon - 3 * notePad;
        const sf::Vector2f body = measureText(regular, text, px(27), textWidth);
        noteHeight = std::max(body.y, icon) + 2 * notePad;
        m_note = {right.left, right.top + right.height - noteHeight, right.width, noteHeight};
        noteTexts.push_back(
            {text,
             &regular,
             px(27),
             palette::text,
             {m_note.left + icon + 2 * notePad, m_note.top + notePad, textWidth, body.y}});
    }
    if (noteHeight > right.height) {
        return false;
    }
    boxes.add("note", m_note);
    // The picture in the room above the note: dropped when too small to be seen; the body
    // with the warnings is kept at any size.
    const float room = m_note.top - gap - right.top;
    m_picture = {};
    m_bodyArea = {};
    if (!m_warnings.empty()) {
        if (room < 80 * u) {
            return false;
        }
        m_bodyArea = {right.left, right.top, right.width, room};
        boxes.add("body", m_bodyArea);
    } else if (room >= 120 * u) {
        m_picture = {right.left, right.top, right.width, std::min(room, right.width * 0.8f)};
        boxes.add("posture", m_picture);
    }
    texts.insert(texts.end(), noteTexts.begin(), noteTexts.end());
    m_boxes = boxes;
    m_texts = texts;
    return true;
}

ScreenRequest SetupScreen::handle(const sf::Event& event) {
    const ScreenRequest body{ScreenRequest::Kind::Body, m_source.file, std::nullopt};
    if (event.type == sf::Event::MouseButtonPressed &&
        m_bodyButton.contains(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y))) {
        return body;
    }
    if (event.type == sf::Event::KeyPressed) {
        if (event.key.code == sf::Keyboard::Escape) {
            return {ScreenRequest::Kind::Back, {}, std::nullopt};
        }
        if (event.key.code == kBodyKey) {
            return body;
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
    if (m_picture.width > 0 && m_app.postures != nullptr) {
        drawPanel(target, m_picture, palette::panel);
        const Posture& posture = m_app.postures->of(m_routine.drill);
        drawPosture(target,
                    {m_picture.left + 12 * u, m_picture.top + 12 * u, m_picture.width - 24 * u,
                     m_picture.height - 24 * u},
                    posture, posture.frame(std::nullopt, 0, 0),
                    m_routine.tool ? toolColor(m_app.body, *m_routine.tool)
                                   : ballColor(m_app.body, m_routine.ball));
    }
    if (m_warnings.empty()) {
        drawPanel(target, m_note, palette::panel, palette::dimText, 2 * u);
    } else {
        // Where on the body this routine comes too close, and what the file says.
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
            const Step& step = m_routine.steps[warning.stepIndex];
            if (const std::optional<Tool> tool = m_routine.toolFor(step)) {
                drawTool(target, m_diagram.view(), *tool, onSide(warning.where, m_side.side),
                         Contact::of(m_app.body, m_routine, step).radiusCm,
                         onSide(warning.where, m_side.side).xCm < 0, colour, false, colour);
                continue;
            }
            drawBall(target, m_diagram.view(), onSide(warning.where, m_side.side),
                     Contact::of(m_app.body, m_routine, step).radiusCm, colour, false, colour);
        }
        drawPanel(target, m_note, palette::warningPanel, palette::warningOn, 4 * u);
        const float icon = static_cast<float>(m_iconSize) * 1.4f;
        drawWarningIcon(target, {m_note.left + 16 * u + icon / 2, m_note.top + 16 * u + icon / 2},
                        icon, palette::warningOn, m_app.fonts.bold, m_iconSize);
    }
    drawPanel(target, m_bodyButton, palette::panel, palette::accent, 3 * u);
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
