#include "BodyScreen.hpp"

#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/Motion.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"
#include "core/Timeline.hpp"
#include "core/Translate.hpp"

#include <algorithm>

namespace rollcoach {
namespace {

constexpr std::size_t kMaxBodyModelBytes = 1024 * 1024;

// Translated where it is shown.
const char* const kMeasuring = N_("Measure from one shoulder tip to the other across the back "
                                  "(acromion to acromion), with a helper and a tape.");

const char* fieldName(BodyField field) {
    switch (field) {
    case BodyField::Sex:
        return "sex";
    case BodyField::ShoulderWidth:
        return "shoulders";
    case BodyField::Height:
        return "height";
    }
    return "";
}

} // namespace

BodyScreen::BodyScreen(AppResources& app, std::string routineFile, bool firstOffer)
    : m_app(app), m_routineFile(std::move(routineFile)), m_firstOffer(firstOffer),
      m_draft(BodyDraft::of(app.workspace)), m_preview(app.body),
      m_diagram(m_preview, app.fonts.bold) {
    const TextFile body = readTextFile(app.workspace.paths.bodyModel(), kMaxBodyModelBytes);
    m_bodyText = body.text;
    if (!m_routineFile.empty()) {
        const TextFile routine = readTextFile(m_routineFile, kMaxRoutineBytes);
        m_routineText = routine.text;
        m_routineProblem = routine.error;
    }
    refresh();
}

void BodyScreen::refresh() {
    try {
        m_preview =
            BodyModel::parse(m_bodyText, m_app.workspace.paths.bodyModel(), m_draft.profile);
    } catch (const DataFileError&) {
        m_preview = m_app.body; // the app's body loaded from the same file: never here
    }
    m_placements.clear();
    m_trail.clear();
    m_fitText.clear();
    m_routine = {};
    if (m_routineFile.empty()) {
        return;
    }
    if (!m_routineProblem.empty()) {
        m_fitText = rollcoach::fillIn(_("The routine cannot be read: {0}."), m_routineProblem);
        return;
    }
    m_routine = routineOnBody(m_routineText, m_preview);
    if (!m_routine.routine) {
        m_fitText = _("The routine has an error of its own: the list says which.");
        return;
    }
    const Routine& r = *m_routine.routine;
    m_fitText = m_routine.fits() ? rollcoach::fillIn(_("{0} fits this body."), r.title)
                                 : rollcoach::fillIn(_("{0} does not fit this body: {1}."), r.title,
                                                     m_routine.notFit);
    m_ballColour = ballColor(m_preview, r.ball);
    // Each step where it starts, and every moment of one side (every half second) as a trail.
    for (const Step& step : r.steps) {
        const Contact contact = Contact::of(m_preview, r, step);
        for (const Placement& p : step.place) {
            const Point at = onSide(p.at, Side::Right);
            m_placements.push_back({at, contact.radiusCm,
                                    !m_preview.patchOnBody(at, contact.radiusCm), r.toolFor(step)});
        }
    }
    const Timeline timeline(r, Side::Right);
    for (double t = 0; t < timeline.totalS(); t += 0.5) {
        const Moment moment = timeline.at(t);
        const Segment* segment = moment.segment;
        if (moment.lifted || segment == nullptr || !segment->step || segment->round != 1 ||
            (segment->side != Side::Right && !segment->bothSides)) {
            continue;
        }
        const double radius = Contact::of(m_preview, r, r.steps[*segment->step]).radiusCm;
        for (const Point& at : moment.balls) {
            m_trail.push_back({at, radius, !m_preview.patchOnBody(at, radius), std::nullopt});
        }
    }
}

void BodyScreen::layout(sf::Vector2u size) {
    m_size = size;
    shrinkToFit([&](float t) { return arrange(t); });
    if (m_bodyArea.width > 0) {
        const bool wholeBack = m_routine.routine && byHand(m_routine.routine->drill);
        m_diagram.prepare(m_bodyArea, Side::Right,
                          m_routine.routine ? m_routine.routine->target : std::string(), wholeBack);
    }
}

bool BodyScreen::arrange(float t) {
    LayoutStart start(m_size, t, m_lenient, {0.7f, 40, 14});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap, width = start.width;
    auto px = [&start](float units) { return start.px(units); };
    const float pad = 12 * u * k;
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    const bool tall = start.tall;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;
    std::vector<std::pair<BodyField, sf::FloatRect>> fields;
    std::vector<std::pair<std::string, sf::FloatRect>> buttons;

    // The footer: the keys, for the keyboard and a gamepad.
    const std::string keys =
        _("Tab: next measure  ·  ← → or + −: change  ·  Enter saves  ·  Esc leaves without "
          "saving  ·  Gamepad: A saves, Start skips, shoulder buttons change, Back: next measure");
    const float footer = c.h - m - measureText(regular, keys, px(26), width).y;
    TextColumn bottom(boxes, texts, {m, footer, width, c.h - m - footer}, gap);
    if (!bottom.add("keys", regular, keys, px(26), palette::dimText)) {
        return false;
    }

    TextColumn top(boxes, texts, {m, m, width, footer - gap - m}, gap);
    if (!top.add("title", bold, _("Your body"), px(60), palette::text) ||
        !top.add("intro", regular,
                 _("The body drawn, and where every routine puts a ball or a hand, are scaled to "
                   "you."),
                 px(28), palette::dimText)) {
        return false;
    }
    // The measures beside the body, or above it on a portrait screen.
    const float column = tall ? width : width * 0.56f;
    const float columnBottom = tall ? top.bottom() : top.bottom();
    TextColumn left(boxes, texts, {m, top.y(), column, columnBottom - top.y()}, gap);

    // A field: its name, its value and its buttons in one framed row.
    const unsigned labelSize = px(32);
    const unsigned valueSize = px(36);
    const float rowHeight = measureText(bold, "Ag", valueSize).y + 2 * pad;
    auto button = [&](const std::string& name, const std::string& label, float right,
                      const sf::FloatRect& row, unsigned size) {
        const sf::Vector2f text = measureText(bold, label, size);
        const float h = row.height - pad;
        const float w = std::max(text.x + 2 * pad, h);
        const sf::FloatRect box(right - w, row.top + pad / 2, w, h);
        buttons.emplace_back(name, box);
        texts.push_back(
            {label,
             &bold,
             size,
             palette::text,
             {box.left + (w - text.x) / 2, box.top + (h - text.y) / 2, text.x + 1, text.y}});
        return box.left;
    };
    auto field = [&](BodyField which, const std::string& label, const std::string& value,
                     bool steps) {
        sf::FloatRect row;
        if (!left.block(std::string("field ") + fieldName(which), rowHeight, row)) {
            return false;
        }
        fields.emplace_back(which, row);
        const sf::Vector2f l = measureText(bold, label, labelSize);
        texts.push_back({label,
                         &bold,
                         labelSize,
                         palette::accent,
                         {row.left + pad, row.top + (row.height - l.y) / 2, l.x + 1, l.y}});
        float x = row.left + row.width - pad / 2;
        const std::string name = fieldName(which);
        if (steps) {
            x = button(name + "+", "+", x, row, valueSize) - pad / 2;
            x = button(name + "-", "−", x, row, valueSize) - pad;
            const sf::Vector2f v = measureText(regular, value, valueSize);
            texts.push_back({value,
                             &regular,
                             valueSize,
                             palette::text,
                             {x - v.x, row.top + (row.height - v.y) / 2, v.x + 1, v.y}});
            x -= v.x;
        } else {
            x = button("women", _("Women"), x, row, labelSize) - pad / 2;
            x = button("men", _("Men"), x, row, labelSize);
        }
        return x > row.left + pad + l.x + pad || m_lenient;
    };
    auto average = [&](const std::optional<double>& given) {
        return given ? std::string() : "  " + std::string(_("(average)"));
    };
    if (!field(BodyField::Sex, _("Body type"), "", false) ||
        !field(BodyField::ShoulderWidth, _("Shoulder width"),
               rollcoach::fillIn(_("{0} cm"), centimetresText(m_preview.shoulderWidthCm)) +
                   average(m_draft.profile.shoulderWidthCm),
               true) ||
        !left.add("measuring", regular, _(kMeasuring), px(24), palette::dimText) ||
        !field(BodyField::Height, _("Height"),
               rollcoach::fillIn(_("{0} cm"), centimetresText(m_preview.heightCm)) +
                   average(m_draft.profile.heightCm),
               true)) {
        return false;
    }
    if (!m_fitText.empty()) {
        const bool fits = m_routine.fits();
        if (!left.add("fit", bold, (fits ? "✓  " : "✗  ") + m_fitText, px(30),
                      fits ? palette::safe : palette::warningOn) ||
            (!fits && m_routine.routine &&
             !left.add("fit advice", regular, // untranslated: a box's name
                       _("Try the measures you took, or ask for a version of the routine placed "
                         "by anatomy."),
                       px(26), palette::text))) {
            return false;
        }
    }
    if (!m_problem.empty() &&
        !left.add("problem", regular, rollcoach::fillIn(_("Not saved: {0}"), m_problem), px(26),
                  palette::warningOn)) {
        return false;
    }
    // Save and Skip (or Back), as large as the fields.
    {
        sf::FloatRect row;
        if (!left.block("buttons", rowHeight, row)) {
            return false;
        }
        const std::string leave =
            m_firstOffer ? _("Skip: keep the average  (S)") : _("Back  (Esc)");
        const std::string saveLabel = _("Save  (Enter)");
        const sf::Vector2f s = measureText(bold, saveLabel, labelSize);
        const sf::Vector2f l = measureText(bold, leave, labelSize);
        const sf::FloatRect save(row.left, row.top, s.x + 4 * pad, row.height);
        const sf::FloatRect skip(save.left + save.width + 2 * pad, row.top, l.x + 4 * pad,
                                 row.height);
        if (skip.left + skip.width > row.left + row.width && !m_lenient) {
            return false;
        }
        buttons.emplace_back("save", save);
        buttons.emplace_back("skip", skip);
        texts.push_back({saveLabel,
                         &bold,
                         labelSize,
                         palette::background,
                         {save.left + 2 * pad, save.top + (row.height - s.y) / 2, s.x + 1, s.y}});
        texts.push_back({leave,
                         &bold,
                         labelSize,
                         palette::text,
                         {skip.left + 2 * pad, skip.top + (row.height - l.y) / 2, l.x + 1, l.y}});
    }
    // The body: beside the measures, or under them; never smaller than can be seen.
    m_bodyArea = tall ? sf::FloatRect(m, left.y(), width, footer - gap - left.y())
                      : sf::FloatRect(m + column + 2 * m, top.y(), width - column - 2 * m,
                                      footer - gap - top.y());
    if ((m_bodyArea.height < 160 * u || m_bodyArea.width < 120 * u) && !m_lenient) {
        return false;
    }
    if (m_bodyArea.height > 0 && m_bodyArea.width > 0) {
        boxes.add("body", m_bodyArea);
    }
    m_boxes = boxes;
    m_texts = texts;
    m_fields = fields;
    m_buttons = buttons;
    m_edge = 4 * u;
    return true;
}

ScreenRequest BodyScreen::save() {
    if (!saveBody(m_app.workspace, m_draft.profile, m_problem)) {
        layout(m_size);
        return {};
    }
    m_problem.clear();
    return {ScreenRequest::Kind::BodyChanged, {}, std::nullopt};
}

ScreenRequest BodyScreen::skip() {
    if (m_firstOffer) {
        // Not offered again, even if the file cannot say so: then it is offered next time.
        std::string why;
        saveBody(m_app.workspace, std::nullopt, why);
    }
    return {ScreenRequest::Kind::Back, {}, std::nullopt};
}

ScreenRequest BodyScreen::press(const std::string& name) {
    auto stepOn = [&](BodyField field, int direction) {
        m_draft.field = field;
        m_draft.step(direction, m_preview);
    };
    if (name == "save") {
        return save();
    }
    if (name == "skip") {
        return skip();
    }
    if (name == "men" || name == "women") {
        m_draft.field = BodyField::Sex;
        m_draft.setSex(name);
    } else if (name == "shoulders+" || name == "shoulders-") {
        stepOn(BodyField::ShoulderWidth, name.back() == '+' ? 1 : -1);
    } else if (name == "height+" || name == "height-") {
        stepOn(BodyField::Height, name.back() == '+' ? 1 : -1);
    } else {
        return {};
    }
    refresh();
    layout(m_size);
    return {};
}

ScreenRequest BodyScreen::handle(const sf::Event& event) {
    if (event.type == sf::Event::MouseButtonPressed) {
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        for (const auto& [name, box] : m_buttons) {
            if (box.contains(at)) {
                return press(name);
            }
        }
        for (const auto& [field, box] : m_fields) {
            if (box.contains(at)) {
                m_draft.field = field;
            }
        }
        return {};
    }
    int change = 0;
    if (event.type == sf::Event::KeyPressed) {
        switch (event.key.code) {
        case sf::Keyboard::Enter:
            return save();
        case sf::Keyboard::Escape:
            return skip();
        case sf::Keyboard::S:
            return m_firstOffer ? skip() : ScreenRequest{};
        case sf::Keyboard::Tab:
            if (event.key.shift) {
                m_draft.previousField();
            } else {
                m_draft.nextField();
            }
            return {};
        case sf::Keyboard::Down:
            m_draft.nextField();
            return {};
        case sf::Keyboard::Up:
            m_draft.previousField();
            return {};
        case sf::Keyboard::Right:
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal: // + without shift on most layouts
            change = 1;
            break;
        case sf::Keyboard::Left:
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen:
            change = -1;
            break;
        case sf::Keyboard::M:
            m_draft.field = BodyField::Sex;
            m_draft.setSex("men");
            change = 0;
            refresh();
            layout(m_size);
            return {};
        case sf::Keyboard::W:
            m_draft.field = BodyField::Sex;
            m_draft.setSex("women");
            refresh();
            layout(m_size);
            return {};
        default:
            return {};
        }
    } else if (event.type == sf::Event::JoystickButtonPressed ||
               event.type == sf::Event::JoystickMoved) {
        // From the floor: A saves, Start skips, the shoulders or the D-pad change the measure,
        // Back goes to the next one.
        const std::optional<SessionCommand> input = m_controls.map(event);
        if (!input) {
            return {};
        }
        switch (input->kind) {
        case SessionCommand::Kind::TogglePause:
            return save();
        case SessionCommand::Kind::Leave:
            return skip();
        case SessionCommand::Kind::Next:
            change = 1;
            break;
        case SessionCommand::Kind::Back:
            change = -1;
            break;
        case SessionCommand::Kind::Mute:
            m_draft.nextField();
            return {};
        default:
            return {};
        }
    }
    if (change != 0) {
        m_draft.step(change, m_preview);
        refresh();
        layout(m_size);
    }
    return {};
}

void BodyScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    for (const auto& [field, box] : m_fields) {
        const bool focused = field == m_draft.field;
        drawPanel(target, box, focused ? palette::focusedPanel : palette::panel,
                  focused ? std::optional<sf::Color>(palette::accent) : std::nullopt, m_edge);
    }
    for (const auto& [name, box] : m_buttons) {
        const bool chosen = name == m_draft.profile.name;
        const bool save = name == "save";
        drawPanel(target, box,
                  save     ? palette::accent
                  : chosen ? palette::chosenPanel
                           : palette::panel,
                  chosen || save ? std::nullopt : std::optional<sf::Color>(palette::dimText),
                  m_edge * 0.5f);
    }
    if (m_bodyArea.width > 0 && m_bodyArea.height > 0) {
        drawPanel(target, m_bodyArea, palette::panel);
        m_diagram.draw(target, Closeness::Safe, Closeness::Safe);
        const BodyView& view = m_diagram.view();
        sf::VertexArray trail(sf::Triangles);
        const float dot = std::max(1.5f, 0.35f * view.pixelsPerCm());
        for (const Mark& mark : m_trail) {
            fillRing(trail, view.toScreen(mark.at), 0, dot, 8,
                     mark.offBody ? palette::warningOn : palette::trail);
        }
        drawShapes(target, trail);
        for (const Mark& mark : m_placements) {
            const std::optional<sf::Color> ring =
                mark.offBody ? std::optional<sf::Color>(palette::warningOn) : std::nullopt;
            if (mark.tool) {
                drawTool(target, view, *mark.tool, mark.at, mark.radiusCm, false,
                         toolColor(m_preview, *mark.tool), false, ring);
            } else {
                drawBall(target, view, mark.at, mark.radiusCm, m_ballColour, false, ring);
            }
        }
    }
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
