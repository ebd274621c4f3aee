#include "EditorScreen.hpp"

#include "SessionScreen.hpp"
#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/EveryBody.hpp"
#include "core/Motion.hpp"
#include "core/PrintableText.hpp"
#include "core/TextFile.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <unistd.h>

namespace rollcoach {

namespace fs = std::filesystem;

namespace {

bool isShipped(const Workspace& workspace, const std::string& file) {
    std::error_code ec;
    if (file.empty() || !fs::exists(file, ec)) {
        return false;
    }
    // A routine the person cannot write to is kept as it is, wherever it lies.
    if (::access(file.c_str(), W_OK) != 0) {
        return true;
    }
    if (workspace.paths.dataDir.empty()) {
        return false;
    }
    const fs::path folder = fs::weakly_canonical(workspace.paths.routinesDir(), ec);
    const fs::path parent = fs::weakly_canonical(fs::path(file), ec).parent_path();
    return !ec && parent == folder;
}

// A free name in the person's folder: "name.yaml", else "name-2.yaml", ...
std::string freeFile(const std::string& folder, const std::string& stem) {
    std::error_code ec;
    for (int n = 1; n < 1000; ++n) {
        const fs::path path =
            fs::path(folder) / (stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".yaml");
        if (!fs::exists(path, ec)) {
            return path.string();
        }
    }
    return (fs::path(folder) / (stem + ".yaml")).string();
}

// "new-routine.yaml" -> "New routine".
std::string titleFromFile(const std::string& file) {
    std::string stem = file.empty() ? _("My routine") : fs::path(file).stem().string();
    std::replace(stem.begin(), stem.end(), '-', ' ');
    std::replace(stem.begin(), stem.end(), '_', ' ');
    if (stem.empty() || stem.find_first_not_of(' ') == std::string::npos) {
        stem = _("My routine");
    }
    return capitalised(stem);
}

bool control(const sf::Event::KeyEvent& key) {
    return key.control;
}

// Translated where it is shown.
const char* const kKeys =
    N_("Tab: next field · Enter: edit or change it · arrows: move the ball · 1-4: which ball · "
       "P: path point · Ctrl+P, Ctrl+Shift+P: add, delete one · Page Up/Down: step · Insert: new "
       "step · Ctrl+D: duplicate · Ctrl+Delete: delete · Ctrl+Up/Down: reorder · Ctrl+L, "
       "Ctrl+Shift+L: add, delete a setup line · Ctrl+V: paste a placement · Ctrl+Z, Ctrl+Y: undo, "
       "redo · Ctrl+S: save · F1: every key · Esc: back");

// The index a field's row edits: a setup line's own, else the chosen step's.
std::size_t indexFor(const FieldView& view, std::size_t step) {
    return view.field == DraftField::SetupLine ? view.item : step;
}

std::string clipboardText() {
    const sf::String text = sf::Clipboard::getString();
    const auto utf8 = text.toUtf8();
    return std::string(reinterpret_cast<const char*>(utf8.data()), utf8.size());
}

} // namespace

std::string editorSavePath(const Workspace& workspace, const std::string& file) {
    if (file.empty()) {
        return freeFile(workspace.userRoutinesDir(), "my-routine");
    }
    if (isShipped(workspace, file)) {
        return freeFile(workspace.userRoutinesDir(), fs::path(file).stem().string());
    }
    return file;
}

EditorScreen::EditorScreen(AppResources& app, std::string file, const std::string& drill)
    : m_app(app), m_check(app.body), m_file(std::move(file)), m_diagram(app.body, app.fonts.bold) {
    m_shipped = isShipped(app.workspace, m_file);
    m_savePath = editorSavePath(app.workspace, m_file);
    std::error_code ec;
    if (!m_file.empty() && fs::exists(m_file, ec)) {
        const TextFile text = readTextFile(m_file, kMaxRoutineBytes);
        const DraftRead read =
            text.error.empty() ? readDraft(text.text, app.body) : DraftRead{std::nullopt, {}};
        if (read.draft) {
            m_draft.emplace(*read.draft);
            m_status = m_shipped
                           ? rollcoach::fillIn(_("A shipped routine: saving writes a copy, {0}"),
                                               m_savePath)
                           : rollcoach::fillIn(_("Editing {0}"), m_file);
        } else {
            m_openProblem =
                m_file + ": " +
                (!text.error.empty()        ? text.error
                 : read.diagnostics.empty() ? std::string(_("cannot be read"))
                                            : formatDiagnostic(m_file, read.diagnostics.front())
                                                  .substr(m_file.size() + 1));
        }
    } else {
        m_draft.emplace(templateDraft(drill, titleFromFile(m_file), app.body));
        m_status = rollcoach::fillIn(_("A new routine: Ctrl+S saves it as {0}"), m_savePath);
    }
    refresh(true);
}

std::vector<EditorScreen::Row> EditorScreen::rows() const {
    std::vector<Row> out;
    if (!m_draft) {
        return out;
    }
    for (const FieldView& view : routineFields(m_draft->routine(), &m_app.body)) {
        out.push_back({view, false});
    }
    for (const FieldView& view : stepFields(m_draft->routine(), m_step, &m_app.body)) {
        out.push_back({view, true});
    }
    return out;
}

void EditorScreen::refresh(bool everyBody) {
    if (!m_draft) {
        return;
    }
    const auto& steps = m_draft->routine().steps;
    m_step = std::min(m_step, steps.empty() ? 0 : steps.size() - 1);
    const std::size_t places = steps.empty() ? 0 : steps[m_step].place.size();
    m_place = places == 0 ? 0 : std::min(m_place, places - 1);
    if (m_points) {
        const std::size_t count = steps.empty() ? 0 : motionPoints(steps[m_step], *m_points).size();
        if (count == 0) {
            m_points.reset();
            m_point = 0;
        } else {
            m_point = std::min(m_point, count - 1);
        }
    }
    m_row = std::min(m_row, rows().empty() ? 0 : rows().size() - 1);
    RoutineLoad load = m_draft->check(m_app.body);
    m_routine = load.routine;
    m_problems = load.diagnostics;
    m_motionVerdicts.clear();
    if (m_routine) {
        for (const Step& step : m_routine->steps) {
            m_motionVerdicts.emplace_back(step.place.size());
        }
        // The loader's own check, made for the warnings: not made a second time here.
        for (const SafetyWarning& w : load.safety) {
            if (!w.moving || w.stepIndex >= m_motionVerdicts.size() ||
                w.ball >= m_motionVerdicts[w.stepIndex].size()) {
                continue;
            }
            PlacementVerdict& worst = m_motionVerdicts[w.stepIndex][w.ball];
            if (w.closeness > worst.worst) {
                worst = {w.closeness, true, {ZoneVerdict{w.zone, w.closeness, w.gapCm, w.advice}}};
            }
        }
    }
    if (everyBody) {
        // A coarse grid of the accepted bodies: quick enough to follow every drop.
        const TextFile bodyText = readTextFile(m_app.workspace.paths.bodyModel(), 1 << 20);
        m_everyBody.clear();
        if (bodyText.error.empty() && load.routine) {
            const EveryBodyCheck check =
                checkOnEveryBody(m_draft->yaml(), bodyText.text, m_app.workspace.paths.bodyModel(),
                                 acceptedBodies(m_app.body, 5, 15));
            // A problem on every body is the one shown for this body already.
            if (!check.problems.empty() && !check.problems.front().everyBody) {
                const BodyProblem& first = check.problems.front();
                m_everyBody = rollcoach::fillIn(_("Does not fit every body: {0} (on {1})"),
                                                first.diagnostic.message, first.which);
            }
        }
    }
    m_time = 0;
    arrange();
}

Point EditorScreen::placeOf(std::size_t index) const {
    if (m_dragging && m_dragPoint && index == m_place && !m_points) {
        return *m_dragPoint;
    }
    if (m_routine && m_step < m_routine->steps.size() &&
        index < m_routine->steps[m_step].place.size()) {
        return m_routine->steps[m_step].place[index].at;
    }
    if (m_draft && m_step < m_draft->routine().steps.size() &&
        index < m_draft->routine().steps[m_step].place.size()) {
        return resolvePlace(m_draft->routine().steps[m_step].place[index], m_app.body)
            .value_or(Point{});
    }
    return {};
}

std::vector<Point> EditorScreen::pointsOf(PointList list) const {
    if (m_routine && m_step < m_routine->steps.size()) {
        const Motion& motion = m_routine->steps[m_step].motion;
        return list == PointList::Return ? motion.returnPoints : motion.points;
    }
    std::vector<Point> out;
    if (m_draft && m_step < m_draft->routine().steps.size()) {
        for (const PlaceSpec& place : motionPoints(m_draft->routine().steps[m_step], list)) {
            out.push_back(resolvePlace(place, m_app.body).value_or(Point{}));
        }
    }
    return out;
}

Point EditorScreen::chosenAt() const {
    if (!m_points) {
        return placeOf(m_place);
    }
    if (m_dragging && m_dragPoint) {
        return *m_dragPoint;
    }
    const std::vector<Point> points = pointsOf(*m_points);
    return m_point < points.size() ? points[m_point] : placeOf(0);
}

std::optional<std::pair<PointList, std::size_t>> EditorScreen::chosenPoint() const {
    if (!m_points) {
        return std::nullopt;
    }
    return std::make_pair(*m_points, m_point);
}

void EditorScreen::stepPoint(int delta) {
    if (!m_draft || m_draft->routine().steps.empty()) {
        return;
    }
    const DraftStep& step = m_draft->routine().steps[m_step];
    // Every handle in order: the place, the points, the way back.
    std::vector<std::pair<std::optional<PointList>, std::size_t>> handles = {{std::nullopt, 0}};
    for (const PointList list : {PointList::Points, PointList::Return}) {
        for (std::size_t i = 0; i < motionPoints(step, list).size(); ++i) {
            handles.emplace_back(list, i);
        }
    }
    std::size_t at = 0;
    for (std::size_t i = 0; i < handles.size(); ++i) {
        if (handles[i].first == m_points && (!m_points || handles[i].second == m_point)) {
            at = i;
        }
    }
    const long n = static_cast<long>(handles.size());
    const auto next = static_cast<std::size_t>(((static_cast<long>(at) + delta) % n + n) % n);
    m_points = handles[next].first;
    m_point = handles[next].second;
    if (!m_points) {
        m_place = 0;
    }
    arrange();
}

void EditorScreen::chooseStep(std::size_t step) {
    if (!m_draft || step >= m_draft->routine().steps.size()) {
        return;
    }
    m_step = step;
    m_place = 0;
    m_points.reset();
    refresh(false);
}

bool EditorScreen::pastePlacement(const std::string& text) {
    if (!m_draft || m_draft->routine().steps.empty()) {
        return false;
    }
    const PlacementRead read = parsePlacement(text, m_app.body);
    if (!read.place) {
        m_status = fillIn(_("Nothing pasted: {0}"), read.problem);
        arrange();
        return false;
    }
    const bool done = m_points ? m_draft->setPoint(m_step, *m_points, m_point, *read.place)
                               : m_draft->setPlace(m_step, m_place, *read.place, m_app.body);
    m_status = done ? fillIn(_("Pasted {0}"), placementText(*read.place))
                    : _("Nothing pasted: choose a ball or a point first");
    refresh(true);
    return done;
}

void EditorScreen::startSetupLine() {
    const std::vector<Row> all = rows();
    std::size_t after = m_draft->routine().setup.size();
    if (m_row < all.size() && all[m_row].view.field == DraftField::SetupLine &&
        !m_draft->routine().setup.empty()) {
        after = all[m_row].view.item;
    }
    if (!m_draft->addSetupLine(after, "")) {
        m_status = _("A routine has at most 30 setup lines");
        arrange();
        return;
    }
    const std::size_t line = std::min(after + 1, m_draft->routine().setup.size() - 1);
    const std::vector<Row> now = rows();
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (now[i].view.field == DraftField::SetupLine && now[i].view.item == line) {
            m_row = i;
        }
    }
    refresh(false);
    startEntry();
}

PlacementVerdict EditorScreen::verdict(Judged* judged) const {
    Judged scope = Judged::Here;
    PlacementVerdict shown = [&]() -> PlacementVerdict {
        if (!m_draft || m_draft->routine().steps.empty() ||
            m_draft->routine().steps[m_step].place.empty()) {
            return {};
        }
        if (!m_routine || m_step >= m_routine->steps.size()) {
            // Errors in the draft: no routine to move, so the place is judged where it stands.
            if (m_draft->routine().steps[m_step].motion.pattern != Pattern::Hold) {
                scope = Judged::HereOnly;
            }
            const BallKind* ball = m_app.body.findBall(m_draft->routine().ball.kind);
            return m_check.atPoint(chosenAt(), ball != nullptr ? ball->diameterCm : 6.7);
        }
        PlacementVerdict here = m_check.atPoint(
            chosenAt(), Contact::of(m_app.body, *m_routine, m_routine->steps[m_step]));
        if (here.worst != Closeness::Safe || !here.onBody || m_step >= m_motionVerdicts.size()) {
            return here;
        }
        // A place clear where it stands may still be rolled or stroked onto the spine: the
        // motion is judged as a session shows it, so a sweep into the spine is never ticked.
        // A place stands for its own ball; a motion point for every ball that follows it.
        const std::vector<PlacementVerdict>& balls = m_motionVerdicts[m_step];
        const PlacementVerdict* worst = nullptr;
        for (std::size_t b = 0; b < balls.size(); ++b) {
            if ((m_points || b == m_place) && balls[b].worst != Closeness::Safe &&
                (worst == nullptr || balls[b].worst > worst->worst)) {
                worst = &balls[b];
            }
        }
        if (worst == nullptr) {
            return here;
        }
        scope = Judged::Motion;
        return *worst;
    }();
    if (judged != nullptr) {
        *judged = scope;
    }
    return shown;
}

void EditorScreen::layout(sf::Vector2u size) {
    m_size = size;
    arrange();
}

void EditorScreen::arrange() {
    shrinkToFit([this](float t) { return arrange(t); });
}

bool EditorScreen::arrange(float t) {
    LayoutStart start(m_size, t, m_lenient, {0.6f, 20, 10, false});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap;
    auto px = [&start](float units) { return start.px(units); };
    m_edge = 4 * u;
    const bool tall = start.tall;
    // The body takes less room than in a session: the fields need it.
    const sf::FloatRect body =
        tall ? sf::FloatRect(m, m, c.w - 2 * m, c.h * 0.42f)
             : sf::FloatRect(m, m, std::min(c.w * 0.4f, c.h * 0.85f), c.h - 2 * m);
    m_bodyArea = body;
    const sf::FloatRect panel = start.besideBody(body, m);
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;
    std::vector<std::pair<std::string, sf::FloatRect>> buttons;
    std::vector<std::pair<std::size_t, sf::FloatRect>> stepRows;
    std::vector<std::pair<std::size_t, sf::FloatRect>> fieldRows;
    std::vector<PlacedText> questionTexts;
    boxes.add("body", body);

    // Footer: the keys.
    const float footer =
        panel.top + panel.height - measureText(regular, _(kKeys), px(22), panel.width).y;
    TextColumn bottom(boxes, texts,
                      {panel.left, footer, panel.width, panel.top + panel.height - footer}, gap);
    if (!bottom.add("keys", regular, _(kKeys), px(22), palette::dimText)) {
        return false;
    }
    TextColumn column(boxes, texts, {panel.left, panel.top, panel.width, footer - gap - panel.top},
                      gap);
    const std::string heading =
        m_draft && m_draft->modified() ? _("Routine editor  ·  unsaved") : _("Routine editor");
    if (!column.add("title", bold, heading, px(44), palette::text)) {
        return false;
    }
    if (!m_draft) {
        if (!column.add("problem", regular, m_openProblem + "\n" + _("Esc goes back."), px(28),
                        palette::warningNear)) {
            return false;
        }
        m_boxes = boxes;
        m_texts = texts;
        m_buttons.clear();
        return true;
    }
    if (!column.add("status", regular, m_status, px(22), palette::dimText)) {
        return false;
    }
    // Buttons for the mouse.
    {
        const unsigned size = px(24);
        const float pad = 8 * u * k;
        const float height = measureText(regular, "Ag", size).y + 2 * pad;
        sf::FloatRect row;
        if (!column.block("buttons", height, row)) {
            return false;
        }
        float x = row.left;
        for (const auto& [name, label] :
             {std::pair<std::string, std::string>{"save", _("Save (Ctrl+S)")},
              {"undo", _("Undo")},
              {"redo", _("Redo")},
              {"add", _("New step")},
              {"duplicate", _("Duplicate")},
              {"delete", _("Delete step")},
              {"ball", _("+ ball")}}) {
            const sf::FloatRect box =
                placeButton(texts, regular, label, size, pad, row.top, height, x);
            if (box.left + box.width > row.left + row.width) {
                texts.pop_back(); // the label of a button that does not fit
                if (!m_lenient) {
                    return false;
                }
                break;
            }
            buttons.emplace_back(name, box);
            x += box.width + gap;
        }
    }
    // The steps, a few around the chosen one.
    const auto& steps = m_draft->routine().steps;
    const unsigned rowSize = px(24);
    const float line = measureText(regular, "Ag", rowSize).y * 1.25f;
    {
        const std::size_t shown = std::min<std::size_t>(steps.size(), 4);
        const std::size_t first = std::min(m_step >= 1 ? m_step - 1 : 0, steps.size() - shown);
        sf::FloatRect box;
        if (!column.block("steps", line * static_cast<float>(shown) + line, box)) {
            return false;
        }
        texts.push_back({rollcoach::fillIn(_("Steps ({0})"), steps.size()),
                         &bold,
                         rowSize,
                         palette::text,
                         {box.left, box.top, box.width, line}});
        for (std::size_t i = first; i < first + shown; ++i) {
            const DraftStep& step = steps[i];
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%g", step.durationS);
            const sf::FloatRect row(box.left, box.top + line * static_cast<float>(i - first + 1),
                                    box.width, line);
            stepRows.emplace_back(i, row);
            std::string name = std::to_string(i + 1) + ". " + step.name;
            if (name.size() > 60) {
                name = name.substr(0, 57) + "...";
            }
            texts.push_back({name + " · " + rollcoach::fillIn(_("{0} s"), seconds) + " · " +
                                 patternWords(step.motion.pattern),
                             &regular,
                             rowSize,
                             i == m_step ? palette::text : palette::dimText,
                             {row.left + 8 * u, row.top + line * 0.1f, row.width - 8 * u, line}});
        }
    }
    // The verdict on the chosen place, as in the explorer.
    Judged judged = Judged::Here;
    const PlacementVerdict v = verdict(&judged);
    const bool safe = v.worst == Closeness::Safe && v.onBody;
    std::string headline = safe ? _("✓  Clear of the spine and the neck") : v.headline();
    if (safe && judged == Judged::HereOnly) {
        headline = _("Clear where it stands; its motion is judged once the errors are fixed");
    }
    if (judged == Judged::Motion) {
        // TRANSLATORS: {0} is a safety warning's headline, such as "On the spine: move the
        // ball 2 cm outward"; the step's motion, not its place, comes there.
        headline = rollcoach::fillIn(_("In its motion: {0}"), headline);
    }
    if (!v.onBody) {
        headline = _("Off the body: move it onto the back");
    }
    const float pad = 10 * u * k;
    const sf::Vector2f words = measureText(bold, headline, px(28), panel.width - 2 * pad);
    sf::FloatRect verdictBox;
    if (!column.block("verdict", words.y + 2 * pad, verdictBox)) {
        return false;
    }
    m_verdictBox = verdictBox;
    texts.push_back(
        {headline,
         &bold,
         px(28),
         palette::text,
         {verdictBox.left + pad, verdictBox.top + pad, panel.width - 2 * pad, words.y}});
    // What the checks say of the whole routine.
    std::string problems;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const Diagnostic& d : m_problems) {
        (d.severity == Severity::Error ? errors : warnings) += 1;
    }
    if (!m_problems.empty()) {
        // TRANSLATORS: {0} is "1 error" or "2 errors", {1} "1 warning" or "2 warnings", {2}
        // the first problem.
        problems = rollcoach::fillIn(
            _("{0}, {1}. First: {2}"), plural(errors, "{0} error", "{0} errors"),
            plural(warnings, "{0} warning", "{0} warnings"), m_problems.front().message);
    } else {
        problems = _("No errors, no warnings on your body.");
    }
    if (!m_everyBody.empty()) {
        problems += "\n" + m_everyBody;
    }
    if (problems.size() > 400) {
        problems = problems.substr(0, 397) + "...";
    }
    if (!column.add("problems", regular, problems, px(22),
                    m_problems.empty() && m_everyBody.empty() ? palette::dimText
                                                              : palette::warningNear)) {
        return false;
    }
    // The fields: the routine's, then the step's.
    {
        // As many as fit under the rest, scrolled to keep the chosen one in sight.
        const std::vector<Row> all = rows();
        const float room = column.bottom() - column.y();
        const std::size_t fit = room > 0 ? static_cast<std::size_t>(room / line) : 0;
        if (fit < std::min<std::size_t>(all.size(), 6) + 1) {
            return false;
        }
        const std::size_t shown = std::min(all.size(), fit - 1);
        const std::size_t first = fieldsFirst(shown, all.size());
        m_fieldsFirst = first;
        sf::FloatRect box;
        if (!column.block("fields", line * static_cast<float>(shown + 1), box)) {
            return false;
        }
        texts.push_back({shown < all.size() ? fillIn(_("Fields {0}-{1} of {2} (Tab, Shift+Tab)"),
                                                     first + 1, first + shown, all.size())
                                            : std::string(_("Fields (Tab, Shift+Tab)")),
                         &bold,
                         rowSize,
                         palette::text,
                         {box.left, box.top, box.width, line}});
        box.top += line;
        // As wide as the widest label, in whatever language the labels are.
        float labelWidth = 0;
        for (const Row& r : all) {
            labelWidth = std::max(labelWidth, measureText(regular, r.view.label + "  ", rowSize).x);
        }
        for (std::size_t i = first; i < first + shown; ++i) {
            const Row& r = all[i];
            const sf::FloatRect row(box.left, box.top + line * static_cast<float>(i - first),
                                    box.width, line);
            fieldRows.emplace_back(i, row);
            const bool editing = m_entry && i == m_row;
            std::string value = editing ? m_entry->text() : r.view.value;
            if (editing) {
                value.insert(m_entry->cursor(), "|");
            }
            const bool counted = r.view.kind == FieldView::Kind::Text &&
                                 r.view.field != DraftField::Days &&
                                 r.view.field != DraftField::Time &&
                                 !(r.view.field == DraftField::SetupLine && r.view.value.empty() &&
                                   m_draft->routine().setup.empty());
            std::string note = r.view.limit;
            if (counted) {
                note = std::to_string(countCharacters(editing ? m_entry->text() : r.view.value)) +
                       "/500";
            } else if (r.view.kind == FieldView::Kind::Choice) {
                note = _("Enter: change");
            }
            if (editing && !m_entryProblem.empty()) {
                note = m_entryProblem;
            }
            const float noteWidth =
                std::min(measureText(regular, note, rowSize).x, box.width * 0.45f);
            const float valueWidth = box.width - labelWidth - noteWidth - 3 * 8 * u;
            // An empty time or setup row says what it stands for.
            const bool placeholder =
                !editing && value.empty() && i != m_row &&
                (r.view.field == DraftField::Time || r.view.field == DraftField::SetupLine);
            if (placeholder) {
                value = r.view.field == DraftField::Time
                            ? fillIn(_("{0} (settings)"),
                                     timeOfDayText(m_app.workspace.settings.sessionMinuteOfDay))
                            : std::string(_("none: Ctrl+L adds a line"));
            }
            // One line a field: a long value shows its end while it is typed, else its start.
            std::string shown = value;
            while (shown.size() > 1 && measureText(regular, shown, rowSize).x > valueWidth) {
                if (editing) {
                    std::size_t cut = 1;
                    while (cut < shown.size() &&
                           (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) {
                        ++cut;
                    }
                    shown = shown.substr(cut);
                } else {
                    std::size_t cut = shown.size() - 1;
                    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) {
                        --cut;
                    }
                    shown = shown.substr(0, cut);
                }
            }
            const sf::Color labelColour = r.stepField ? palette::accent : palette::dimText;
            texts.push_back({r.view.label,
                             &regular,
                             rowSize,
                             labelColour,
                             {row.left + 8 * u, row.top + line * 0.1f, labelWidth, line}});
            texts.push_back(
                {shown,
                 &regular,
                 rowSize,
                 placeholder ? palette::dimText : palette::text,
                 {row.left + 8 * u + labelWidth, row.top + line * 0.1f, valueWidth + 1, line}});
            if (i == m_row && !note.empty()) {
                texts.push_back(
                    {note,
                     &regular,
                     rowSize,
                     editing && !m_entryProblem.empty() ? palette::warningNear : palette::dimText,
                     {row.left + row.width - noteWidth - 8 * u, row.top + line * 0.1f,
                      noteWidth + 1, line}});
            }
        }
    }
    // A question over everything.
    if (m_question != Question::None) {
        const std::string question =
            m_question == Question::Leave
                ? _("Leave without saving your changes?\nY leaves, N (or Esc) stays, Ctrl+S saves.")
                : plural(warnings,
                         "The routine has {0} warning: {1}\nSave it anyway? Y saves, N (or Esc) "
                         "does not.",
                         "The routine has {0} warnings: {1}\nSave it anyway? Y saves, N (or Esc) "
                         "does not.",
                         m_problems.empty() ? std::string() : m_problems.front().message);
        const float width = std::min(c.w - 2 * m, 900 * u);
        const sf::Vector2f size = measureText(bold, question, px(30), width - 4 * pad);
        m_questionBox =
            sf::FloatRect((c.w - width) / 2, (c.h - size.y) / 2 - 2 * pad, width, size.y + 4 * pad);
        questionTexts.push_back(
            {question,
             &bold,
             px(30),
             palette::text,
             {m_questionBox.left + 2 * pad, m_questionBox.top + 2 * pad, width - 4 * pad, size.y}});
    }
    m_boxes = boxes;
    m_texts = texts;
    m_buttons = buttons;
    m_stepRows = stepRows;
    m_fieldRows = fieldRows;
    m_questionTexts = questionTexts;
    return true;
}

std::size_t EditorScreen::fieldsFirst(std::size_t shown, std::size_t total) const {
    if (shown >= total) {
        return 0;
    }
    std::size_t first = std::min(m_fieldsFirst, total - shown);
    if (m_row < first) {
        first = m_row;
    } else if (m_row >= first + shown) {
        first = m_row + 1 - shown;
    }
    return first;
}

void EditorScreen::dropAt(Point at) {
    if (!m_draft || m_draft->routine().steps.empty()) {
        return;
    }
    if (m_points) {
        m_draft->movePoint(m_step, *m_points, m_point, at, m_app.body);
        refresh(true);
        return;
    }
    if (m_draft->routine().steps[m_step].place.empty()) {
        m_draft->addPlace(m_step, m_app.body);
        m_place = 0;
    }
    m_draft->movePlace(m_step, m_place, at, m_app.body);
    refresh(true);
}

void EditorScreen::startEntry() {
    const std::vector<Row> all = rows();
    if (m_row >= all.size()) {
        return;
    }
    const FieldView& view = all[m_row].view;
    if (view.kind == FieldView::Kind::Choice) {
        m_draft->cycleField(view.field, m_step, 1, m_app.body);
        refresh(true);
        return;
    }
    m_entry.emplace(view.value);
    m_entryProblem.clear();
    m_draft->endRun();
    arrange();
}

void EditorScreen::commitEntry() {
    if (!m_entry) {
        return;
    }
    const std::vector<Row> all = rows();
    if (m_row < all.size()) {
        m_entryProblem = m_draft->setField(all[m_row].view.field, indexFor(all[m_row].view, m_step),
                                           m_entry->text(), true, &m_app.body);
    }
}

ScreenRequest EditorScreen::textKey(const sf::Event::KeyEvent& key) {
    if (control(key) && (key.code == sf::Keyboard::S || key.code == sf::Keyboard::Z ||
                         key.code == sf::Keyboard::Y)) {
        // Saving, undoing and redoing end the typing first: the field then shows the draft.
        m_entry.reset();
        m_entryProblem.clear();
        m_draft->endRun();
        return this->key(key);
    }
    switch (key.code) {
    case sf::Keyboard::Left:
        m_entry->left();
        break;
    case sf::Keyboard::Right:
        m_entry->right();
        break;
    case sf::Keyboard::Home:
        m_entry->home();
        break;
    case sf::Keyboard::End:
        m_entry->end();
        break;
    case sf::Keyboard::BackSpace:
        m_entry->backspace();
        commitEntry();
        break;
    case sf::Keyboard::Delete:
        m_entry->erase();
        commitEntry();
        break;
    case sf::Keyboard::V:
        if (control(key)) {
            m_entry->insert(clipboardText());
            commitEntry();
        }
        break;
    case sf::Keyboard::Enter:
    case sf::Keyboard::Escape:
    case sf::Keyboard::Tab: {
        // A setup line left empty is no line.
        const std::vector<Row> all = rows();
        if (m_row < all.size() && all[m_row].view.field == DraftField::SetupLine &&
            all[m_row].view.item < m_draft->routine().setup.size() && looksBlank(m_entry->text())) {
            m_draft->deleteSetupLine(all[m_row].view.item);
        }
        m_entry.reset();
        m_entryProblem.clear();
        m_draft->endRun();
        if (key.code == sf::Keyboard::Tab) {
            m_row = (m_row + 1) % std::max<std::size_t>(rows().size(), 1);
        }
        refresh(true);
        return {};
    }
    default:
        break;
    }
    refresh(false);
    return {};
}

ScreenRequest EditorScreen::save(bool confirmed) {
    const RoutineLoad load = m_draft->check(m_app.body);
    if (!load.routine) {
        m_status = rollcoach::fillIn(_("Not saved: {0}"),
                                     load.diagnostics.empty()
                                         ? std::string(_("the routine cannot be read"))
                                         : load.diagnostics.front().message);
        arrange();
        return {};
    }
    if (!load.diagnostics.empty() && !confirmed) {
        m_question = Question::SaveWithWarnings;
        arrange();
        return {};
    }
    std::error_code ec;
    fs::create_directories(fs::path(m_savePath).parent_path(), ec);
    std::string why;
    if (!writeFileAtomically(m_savePath, m_draft->yaml(), why)) {
        m_status = rollcoach::fillIn(_("Not saved: {0}: {1}"), m_savePath, why);
    } else {
        m_draft->markSaved();
        m_status = rollcoach::fillIn(
            m_shipped ? _("Saved a copy in your routines: {0}") : _("Saved: {0}"), m_savePath);
    }
    arrange();
    return {};
}

ScreenRequest EditorScreen::leave() {
    if (m_draft && m_draft->modified()) {
        m_question = Question::Leave;
        arrange();
        return {};
    }
    return {ScreenRequest::Kind::Back, {}, std::nullopt};
}

bool EditorScreen::askBeforeClosing() {
    if (!m_draft || !m_draft->modified() || m_question == Question::Leave) {
        return false;
    }
    m_entry.reset();
    m_question = Question::Leave;
    arrange();
    return true;
}

ScreenRequest EditorScreen::press(const std::string& button) {
    if (button == "save") {
        return save(false);
    }
    if (button == "undo") {
        m_draft->undo();
    } else if (button == "redo") {
        m_draft->redo();
    } else if (button == "add") {
        m_draft->addStep(m_step);
        ++m_step;
    } else if (button == "duplicate") {
        m_draft->duplicateStep(m_step);
        ++m_step;
    } else if (button == "delete") {
        m_draft->deleteStep(m_step);
    } else if (button == "ball") {
        if (m_draft->addPlace(m_step, m_app.body)) {
            m_place = m_draft->routine().steps[m_step].place.size() - 1;
        }
    }
    refresh(true);
    return {};
}

ScreenRequest EditorScreen::key(const sf::Event::KeyEvent& key) {
    const bool ctrl = control(key);
    const double stepCm = key.shift ? 0.1 : 0.5;
    auto nudge = [&](double dx, double dy) {
        const Point at = chosenAt();
        dropAt({at.xCm + dx, at.yCm + dy});
    };
    switch (key.code) {
    case sf::Keyboard::Escape:
        return leave();
    case sf::Keyboard::S:
        if (ctrl) {
            return save(false);
        }
        break;
    case sf::Keyboard::Z:
        if (ctrl) {
            key.shift ? m_draft->redo() : m_draft->undo();
            refresh(true);
        }
        break;
    case sf::Keyboard::Y:
        if (ctrl) {
            m_draft->redo();
            refresh(true);
        }
        break;
    case sf::Keyboard::D:
        if (ctrl) {
            return press("duplicate");
        }
        break;
    case sf::Keyboard::N:
    case sf::Keyboard::Insert:
        if (ctrl || key.code == sf::Keyboard::Insert) {
            return press("add");
        }
        break;
    case sf::Keyboard::B:
        if (ctrl && key.shift) {
            m_draft->removePlace(m_step);
            refresh(true);
        } else if (ctrl) {
            return press("ball");
        }
        break;
    case sf::Keyboard::Delete:
        if (ctrl) {
            return press("delete");
        }
        break;
    case sf::Keyboard::P:
        if (ctrl && key.shift) {
            if (m_points && m_draft->removePoint(m_step, *m_points, m_point)) {
                m_point = m_point > 0 ? m_point - 1 : 0;
            } else {
                m_status = _("Choose a path point with P to delete it; a path keeps one");
            }
            refresh(true);
        } else if (ctrl) {
            const PointList list = m_points.value_or(PointList::Points);
            const std::size_t count = motionPoints(m_draft->routine().steps[m_step], list).size();
            const std::size_t after = m_points ? m_point : count;
            if (m_draft->addPoint(m_step, list, after, m_app.body)) {
                m_points = list;
                m_point = std::min(after + 1, count);
            } else {
                // TRANSLATORS: {0} to {4} the motions as the editor names them: path, stroke,
                // strip, knead, friction.
                m_status = fillIn(_("This motion takes no more points: choose {0}, {1}, {2}, {3} "
                                    "or {4}"),
                                  patternWords(Pattern::Path), patternWords(Pattern::Stroke),
                                  patternWords(Pattern::Strip), patternWords(Pattern::Knead),
                                  patternWords(Pattern::Friction));
            }
            refresh(true);
        } else {
            stepPoint(key.shift ? -1 : 1);
        }
        break;
    case sf::Keyboard::L:
        if (ctrl && key.shift) {
            const std::vector<Row> all = rows();
            if (m_row < all.size() && all[m_row].view.field == DraftField::SetupLine &&
                m_draft->deleteSetupLine(all[m_row].view.item)) {
                refresh(true);
            } else {
                m_status = _("Choose a setup line with Tab to delete it");
                arrange();
            }
        } else if (ctrl) {
            startSetupLine();
        }
        break;
    case sf::Keyboard::V:
        if (ctrl) {
            pastePlacement(clipboardText());
        }
        break;
    case sf::Keyboard::Tab:
        if (!rows().empty()) {
            const std::size_t n = rows().size();
            m_row = key.shift ? (m_row + n - 1) % n : (m_row + 1) % n;
        }
        arrange();
        break;
    case sf::Keyboard::Enter:
        startEntry();
        break;
    case sf::Keyboard::PageUp:
        m_step = m_step > 0 ? m_step - 1 : 0;
        m_place = 0;
        m_points.reset();
        refresh(false);
        break;
    case sf::Keyboard::PageDown:
        m_step = std::min(m_step + 1, m_draft->routine().steps.size() - 1);
        m_place = 0;
        m_points.reset();
        refresh(false);
        break;
    case sf::Keyboard::Up:
        if (ctrl) {
            if (m_draft->moveStep(m_step, -1)) {
                --m_step;
            }
            refresh(false);
        } else {
            nudge(0, -stepCm);
        }
        break;
    case sf::Keyboard::Down:
        if (ctrl) {
            if (m_draft->moveStep(m_step, 1)) {
                ++m_step;
            }
            refresh(false);
        } else {
            nudge(0, stepCm);
        }
        break;
    case sf::Keyboard::Left:
        nudge(-stepCm, 0);
        break;
    case sf::Keyboard::Right:
        nudge(stepCm, 0);
        break;
    case sf::Keyboard::Num1:
    case sf::Keyboard::Num2:
    case sf::Keyboard::Num3:
    case sf::Keyboard::Num4: {
        const std::size_t which = static_cast<std::size_t>(key.code - sf::Keyboard::Num1);
        if (which < m_draft->routine().steps[m_step].place.size()) {
            m_place = which;
            m_points.reset();
            arrange();
        }
        break;
    }
    default:
        break;
    }
    return {};
}

ScreenRequest EditorScreen::handle(const sf::Event& event) {
    if (!m_draft) {
        if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape) {
            return {ScreenRequest::Kind::Back, {}, std::nullopt};
        }
        return {};
    }
    if (m_question != Question::None) {
        if (event.type != sf::Event::KeyPressed) {
            return {};
        }
        const Question question = m_question;
        m_question = Question::None;
        const bool yes = event.key.code == sf::Keyboard::Y ||
                         (event.key.code == sf::Keyboard::Enter && question != Question::Leave);
        if (question == Question::Leave && event.key.code == sf::Keyboard::S &&
            control(event.key)) {
            return save(false);
        }
        arrange();
        if (!yes) {
            return {};
        }
        return question == Question::Leave
                   ? ScreenRequest{ScreenRequest::Kind::Back, {}, std::nullopt}
                   : save(true);
    }
    switch (event.type) {
    case sf::Event::TextEntered:
        if (m_entry && event.text.unicode >= 0x20 && event.text.unicode != 0x7F &&
            !sf::Keyboard::isKeyPressed(sf::Keyboard::LControl) &&
            !sf::Keyboard::isKeyPressed(sf::Keyboard::RControl)) {
            m_entry->insert(static_cast<char32_t>(event.text.unicode));
            commitEntry();
            refresh(false);
        }
        return {};
    case sf::Event::KeyPressed:
        if (m_entry) {
            return textKey(event.key);
        }
        return key(event.key);
    case sf::Event::MouseButtonPressed: {
        if (event.mouseButton.button != sf::Mouse::Left) {
            return {};
        }
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        for (const auto& [name, box] : m_buttons) {
            if (box.contains(at)) {
                m_entry.reset();
                return press(name);
            }
        }
        for (const auto& [index, box] : m_stepRows) {
            if (box.contains(at)) {
                m_entry.reset();
                m_step = index;
                m_place = 0;
                m_points.reset();
                refresh(false);
                return {};
            }
        }
        for (const auto& [index, box] : m_fieldRows) {
            if (box.contains(at)) {
                m_entry.reset();
                m_row = index;
                startEntry();
                return {};
            }
        }
        if (m_bodyArea.contains(at) && !m_draft->routine().steps.empty()) {
            m_entry.reset();
            const Point point = m_diagram.view().toBody(at);
            // The nearest of the step's places is picked up; else the chosen one jumps here.
            // A motion point near the pointer is picked up too.
            const auto& places = m_draft->routine().steps[m_step].place;
            double best = 4 * 4;
            auto distance = [&point](Point p) {
                return (p.xCm - point.xCm) * (p.xCm - point.xCm) +
                       (p.yCm - point.yCm) * (p.yCm - point.yCm);
            };
            bool picked = false;
            for (std::size_t i = 0; i < places.size(); ++i) {
                const double d = distance(placeOf(i));
                if (d < best) {
                    best = d;
                    m_place = i;
                    m_points.reset();
                    picked = true;
                }
            }
            for (const PointList list : {PointList::Points, PointList::Return}) {
                const std::vector<Point> points = pointsOf(list);
                for (std::size_t i = 0; i < points.size(); ++i) {
                    const double d = distance(points[i]);
                    if (d < best) {
                        best = d;
                        m_points = list;
                        m_point = i;
                        picked = true;
                    }
                }
            }
            if (!picked && m_points) {
                m_points.reset(); // a click away from everything moves the chosen ball
            }
            m_dragging = true;
            m_dragPoint = point;
            m_draft->endRun();
            if (m_points) {
                m_draft->movePoint(m_step, *m_points, m_point, point, m_app.body, true);
            } else {
                m_draft->movePlace(m_step, m_place, point, m_app.body, true);
            }
            refresh(false);
        }
        return {};
    }
    case sf::Event::MouseMoved:
        if (m_dragging) {
            m_dragPoint = m_diagram.view().toBody(
                {static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
            if (m_points) {
                m_draft->movePoint(m_step, *m_points, m_point, *m_dragPoint, m_app.body, true);
            } else {
                m_draft->movePlace(m_step, m_place, *m_dragPoint, m_app.body, true);
            }
            refresh(false);
        }
        return {};
    case sf::Event::MouseButtonReleased:
        if (m_dragging) {
            m_dragging = false;
            m_dragPoint.reset();
            m_draft->endRun();
            refresh(true);
        }
        return {};
    default:
        return {};
    }
}

ScreenRequest EditorScreen::update(double seconds) {
    m_time += seconds;
    return {};
}

void EditorScreen::draw(sf::RenderTarget& target) const {
    const Canvas c = beginFrame(target);
    const float u = c.u;
    if (!m_draft) {
        drawPlaced(target, m_texts);
        return;
    }
    const DraftRoutine& draft = m_draft->routine();
    const bool wholeBack = byHand(draft.drill);
    const Step* step =
        m_routine && m_step < m_routine->steps.size() ? &m_routine->steps[m_step] : nullptr;
    const std::string muscle = step != nullptr && m_routine ? m_routine->targetFor(*step) : "";
    auto& diagram = const_cast<BodyDiagram&>(m_diagram);
    diagram.prepare(m_bodyArea, Side::Right, muscle, wholeBack);
    Judged judged = Judged::Here;
    const PlacementVerdict v = verdict(&judged);
    Closeness spine = Closeness::Safe;
    Closeness neck = Closeness::Safe;
    for (const ZoneVerdict& zone : v.zones) {
        (zone.zone == Zone::Spine ? spine : neck) = zone.closeness;
    }
    m_diagram.draw(target, spine, neck, muscle, Side::Right, step != nullptr && step->bothSides);
    const BodyView& view = m_diagram.view();
    if (step != nullptr) {
        const Contact contact = Contact::of(m_app.body, *m_routine, *step);
        const std::optional<Tool> tool = m_routine->toolFor(*step);
        const sf::Color colour =
            tool ? toolColor(m_app.body, *tool) : ballColor(m_app.body, m_routine->ball);
        // Where the first one goes: the pressed stroke or the path, and a stroke's way back.
        if (!m_dragging && step->motion.pattern != Pattern::Hold && !step->place.empty()) {
            auto onScreen = [&view](const std::vector<Point>& path) {
                std::vector<sf::Vector2f> out;
                for (const Point& p : path) {
                    out.push_back(view.toScreen(p));
                }
                return out;
            };
            sf::VertexArray shapes(sf::Triangles);
            const float width = 0.6f * view.pixelsPerCm();
            const std::vector<Point> pressed = pressedPath(*step);
            if (pressed.size() > 1) {
                drawArrowPath(shapes, onScreen(pressed), width, palette::mark);
            }
            const std::vector<Point> back = returnPath(*step);
            if (back.size() > 1) {
                drawArrowPath(shapes, onScreen(back), width * 0.5f, palette::faintMark);
            }
            drawShapes(target, shapes);
        }
        // The motion plays while the step is edited, unless a place is being dragged.
        if (!m_dragging && step->motion.pattern != Pattern::Hold) {
            std::vector<Point> moving;
            const double period = std::max(1.0, std::min(step->durationS, 12.0));
            ballPositions(*step, std::fmod(m_time, period), moving);
            for (std::size_t i = 0; i < moving.size(); ++i) {
                if (tool) {
                    drawTool(target, view, *tool, moving[i], contact.radiusCm, moving[i].xCm < 0,
                             colour, true);
                } else {
                    drawBall(target, view, moving[i], contact.radiusCm, colour, true);
                }
            }
        }
        // The motion's points, to pick up and move: the chosen one ringed.
        const float dot = 0.45f * view.pixelsPerCm();
        for (const PointList list : {PointList::Points, PointList::Return}) {
            const std::vector<Point> points = pointsOf(list);
            for (std::size_t i = 0; i < points.size(); ++i) {
                const bool chosen = m_points == list && m_point == i;
                const Point at = chosen ? chosenAt() : points[i];
                sf::CircleShape marker(chosen ? dot * 1.6f : dot);
                marker.setOrigin(marker.getRadius(), marker.getRadius());
                marker.setPosition(view.toScreen(at));
                marker.setFillColor(list == PointList::Points
                                        ? palette::withAlpha(palette::mark, 200)
                                        : palette::withAlpha(palette::mark, 110));
                if (chosen) {
                    const PlacementVerdict each = m_check.atPoint(at, contact);
                    marker.setOutlineColor(each.worst != Closeness::Safe ? warningColor(each.worst)
                                                                         : palette::accent);
                    marker.setOutlineThickness(m_edge);
                }
                target.draw(marker);
            }
        }
        for (std::size_t i = 0; i < step->place.size(); ++i) {
            const Point at = placeOf(i);
            const PlacementVerdict each = m_check.atPoint(at, contact);
            std::optional<sf::Color> ring;
            if (each.worst != Closeness::Safe) {
                ring = warningColor(each.worst);
            } else if (i == m_place && !m_points) {
                ring = palette::accent;
            }
            if (tool) {
                drawTool(target, view, *tool, at, contact.radiusCm, at.xCm < 0, colour, false,
                         ring);
            } else {
                drawBall(target, view, at, contact.radiusCm, colour, false, ring);
            }
        }
    }
    if (step == nullptr && m_step < draft.steps.size() && !byHand(draft.drill)) {
        // A routine with an error still shows where the step's balls are, each ringed by
        // its verdict: a ball on the spine is never drawn as a safe one.
        const BallKind* kind = m_app.body.findBall(draft.ball.kind);
        const double diameter = draft.ball.kind == "custom" ? draft.ball.diameterCm
                                : kind != nullptr           ? kind->diameterCm
                                                            : 6.7;
        const Contact contact = Contact::ball(m_app.body, diameter);
        for (std::size_t i = 0; i < draft.steps[m_step].place.size(); ++i) {
            const Point at = placeOf(i);
            const sf::Vector2f centre = view.toScreen(at);
            const float radius = static_cast<float>(contact.radiusCm) * view.pixelsPerCm() * 2;
            if (!m_bodyArea.contains(centre - sf::Vector2f(radius, radius)) ||
                !m_bodyArea.contains(centre + sf::Vector2f(radius, radius))) {
                continue; // far off the body: the verdict says so, over no other text
            }
            const PlacementVerdict each = m_check.atPoint(at, contact);
            const std::optional<sf::Color> ring =
                !each.onBody                    ? std::optional<sf::Color>(palette::warningNear)
                : each.worst != Closeness::Safe ? std::optional<sf::Color>(warningColor(each.worst))
                : i == m_place                  ? std::optional<sf::Color>(palette::accent)
                                                : std::nullopt;
            drawBall(target, view, at, contact.radiusCm, ballColor(m_app.body, draft.ball), false,
                     ring);
        }
    }
    for (const auto& [name, box] : m_buttons) {
        drawPanel(target, box, palette::panel, palette::accent, m_edge * 0.75f);
    }
    for (const auto& [index, box] : m_stepRows) {
        if (index == m_step) {
            drawPanel(target, box, palette::focusedPanel, palette::accent, m_edge * 0.5f);
        }
    }
    for (const auto& [index, box] : m_fieldRows) {
        if (index == m_row) {
            drawPanel(target, box, palette::focusedPanel,
                      m_entry ? std::optional<sf::Color>(palette::text)
                              : std::optional<sf::Color>(palette::accent),
                      m_edge * 0.5f);
        }
    }
    const bool safe = v.worst == Closeness::Safe && v.onBody;
    // Clear only where it stands, its motion not judged: not the colour of a safe place.
    drawPanel(target, m_verdictBox, safe ? palette::panel : palette::warningPanel,
              safe && judged == Judged::HereOnly ? palette::warningNear
              : safe                             ? palette::safe
              : v.onBody                         ? warningColor(v.worst)
                                                 : palette::warningNear,
              5 * u);
    if (m_question != Question::None) {
        drawPanel(target, {0, 0, c.w, c.h}, palette::shade);
    }
    drawPlaced(target, m_texts);
    if (m_question != Question::None) {
        drawPanel(target, m_questionBox, palette::panel, palette::warningNear, 5 * u);
        drawPlaced(target, m_questionTexts);
    }
}

} // namespace rollcoach
