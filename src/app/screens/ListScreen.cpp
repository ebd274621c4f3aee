#include "ListScreen.hpp"

#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/BodyChoice.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <filesystem>

namespace rollcoach {
namespace {

// One line of what is due: "18:00  Wall drill: start on the left side".
std::string dueText(const DueSession& due) {
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", due.planned.minuteOfDay / 60,
                  due.planned.minuteOfDay % 60);
    std::string line = std::string(time) + "  " + due.planned.title;
    const bool left = due.firstSide.side == Side::Left;
    switch (due.state) {
    case DayState::Done:
        return line + " " + _("(done today)");
    case DayState::Partial:
        return line + " " +
               rollcoach::fillIn(
                   left ? _("(partial today: left {0}, right {1} of {2}): start on the left side")
                        : _("(partial today: left {0}, right {1} of {2}): start on the right side"),
                   clockText(due.doneLeftS), clockText(due.doneRightS),
                   clockText(due.plannedPerSideS));
    case DayState::Due:
        break;
    }
    return line + rollcoach::fillIn(left ? _(": start on the left side, {0}")
                                         : _(": start on the right side, {0}"),
                                    due.firstSide.why);
}

} // namespace

ListScreen::ListScreen(AppResources& app) : m_app(app) {
    reload();
    // The list opens on what is due today, the first not yet done.
    for (const DueSession& due : m_due) {
        if (due.state == DayState::Done) {
            continue;
        }
        const auto entry =
            std::find_if(m_entries.begin(), m_entries.end(),
                         [&](const RoutineEntry& e) { return e.file == due.planned.routineFile; });
        if (entry != m_entries.end()) {
            m_selected = static_cast<std::size_t>(entry - m_entries.begin());
            break;
        }
    }
}

void ListScreen::shown() {
    // A session may have ended since: what is due and which side goes first have changed.
    reload();
    layout(m_size);
}

void ListScreen::reload() {
    m_entries = loadRoutineLibrary(m_app.workspace, m_app.body);
    m_selected = std::min(m_selected, m_entries.empty() ? 0 : m_entries.size() - 1);
    // A routine that does not fit this body keeps its title and says why.
    m_notFit.assign(m_entries.size(), {});
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const RoutineEntry& e = m_entries[i];
        if (e.routine) {
            continue;
        }
        if (!e.notFit.empty()) {
            m_notFit[i] = {e.unfit ? e.unfit->title
                                   : std::filesystem::path(e.file).filename().string(),
                           e.notFit};
        }
    }
    const auto routines = usableRoutines(m_entries);
    bool read = false;
    const auto history = recentSessions(m_app, read);
    m_due = rollcoach::dueToday(routines, history, m_app.workspace.now(), m_app.workspace.settings,
                                read);
    m_week = weekKept(routines, history, m_app.workspace.now(), m_app.workspace.settings);
}

void ListScreen::layout(sf::Vector2u size) {
    m_size = size;
    shrinkToFit([&](float t) { return arrange(size, t); });
}

bool ListScreen::arrange(sf::Vector2u size, float t) {
    LayoutStart start(size, t, m_lenient, {0.7f, 50, 14});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap, width = start.width;
    auto px = [&start](float units) { return start.px(units); };
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;

    // The footer, from the bottom up.
    const std::string problem =
        m_app.historyProblem.empty()
            ? ""
            : rollcoach::fillIn(_("History is not being saved: {0}"), m_app.historyProblem);
    const std::string own = rollcoach::fillIn(
        _("Your own routines go in {0}  (R reloads the list)"), m_app.workspace.userRoutinesDir());
    const std::string& speech = m_app.speechProblem;
    float footer = c.h - m - measureText(regular, _(kStopAdvice), px(26), width).y - gap -
                   measureText(regular, own, px(24), width).y;
    if (!problem.empty()) {
        footer -= measureText(regular, problem, px(24), width).y + gap;
    }
    if (!speech.empty()) {
        footer -= measureText(regular, speech, px(24), width).y + gap;
    }
    TextColumn bottom(boxes, texts, {m, footer, width, c.h - m - footer}, gap);
    // clang-format off
    if ((!problem.empty() &&
         !bottom.add("history problem", regular, problem, px(24), palette::problemText)) || // untranslated: a box's name
        (!speech.empty() &&
         !bottom.add("speech problem", regular, speech, px(24), palette::warningNear)) || // untranslated: a box's name
        !bottom.add("own routines", regular, own, px(24), palette::dimText) || // untranslated: a box's name
        !bottom.add("stop", regular, _(kStopAdvice), px(26), palette::dimText)) {
        // clang-format on
        return false;
    }

    TextColumn top(boxes, texts, {m, m, width, footer - gap - m}, gap);
    if (!top.add("title", bold, "rollcoach", px(64), palette::text) ||
        !top.add("hint", regular,
                 _("Choose a routine. Enter opens it, B sets your body, P shows your progress, E "
                   "opens the placement explorer, N writes a new routine, C edits the chosen one "
                   "(a shipped one as a copy), F toggles full screen, F1 or ? shows every key."),
                 px(30), palette::dimText)) {
        return false;
    }
    // The keys' buttons, for a mouse or a touch screen.
    std::vector<std::pair<std::string, sf::FloatRect>> buttons;
    {
        const unsigned size = px(28);
        const float pad = 12 * u * k;
        const float height = measureText(regular, "Ag", size).y + 2 * pad;
        sf::FloatRect row;
        if (!top.block("buttons", height, row)) {
            return false;
        }
        float x = row.left;
        for (const auto& [name, label] :
             {std::pair<std::string, std::string>{"progress", _("Progress  (P)")},
              {"explore", _("Placement explorer  (E)")},
              {"body", _("Your body  (B)")}}) {
            const sf::FloatRect box =
                placeButton(texts, regular, label, size, pad, row.top, height, x);
            if (box.left + box.width > row.left + row.width && !m_lenient) {
                return false;
            }
            buttons.emplace_back(name, box);
            x += box.width + gap;
        }
        // Writing routines, at the row's other end.
        float right = row.left + row.width;
        for (const auto& [name, label] :
             {std::pair<std::string, std::string>{"copy", _("Edit  (C)")},
              {"new", _("New  (N)")}}) {
            const sf::FloatRect box =
                placeButton(texts, regular, label, size, pad, row.top, height, right, true);
            if (box.left < x && !m_lenient) {
                return false;
            }
            buttons.emplace_back(name, box);
            right = box.left - gap;
        }
    }
    // This week at a glance: each day, and how each session planned on it went, in words.
    std::vector<sf::FloatRect> days;
    const Date today = localDate(m_app.workspace.now());
    if (!m_week.empty()) {
        const unsigned size = px(24);
        const float line = measureText(regular, "Ag", size).y;
        const float pad = 8 * u * k;
        // Each day's sessions by how they went, one line a state: "2 missed", never "missed"
        // twice.
        const auto statesOn = [&](Date day) {
            std::vector<std::pair<PlanState, int>> states;
            for (const PlannedDayState& p : m_week) {
                if (p.day != day) {
                    continue;
                }
                const auto same = std::find_if(states.begin(), states.end(),
                                               [&](const auto& s) { return s.first == p.state; });
                if (same == states.end()) {
                    states.emplace_back(p.state, 1);
                } else {
                    ++same->second;
                }
            }
            return states;
        };
        std::size_t most = 1;
        for (int d = 0; d < 7; ++d) {
            most = std::max(most, statesOn(weekStart(today).plusDays(d)).size());
        }
        sf::FloatRect week;
        if (!top.block("week", 2 * pad + line * static_cast<float>(most + 1) + pad / 2, week)) {
            return false;
        }
        const float cell = (week.width - 6 * pad) / 7;
        for (int d = 0; d < 7; ++d) {
            const Date day = weekStart(today).plusDays(d);
            const sf::FloatRect box(week.left + static_cast<float>(d) * (cell + pad), week.top,
                                    cell, week.height);
            days.push_back(box);
            float y = box.top + pad;
            auto put = [&](const std::string& text, const MeasuredFont& font, sf::Color colour) {
                const sf::Vector2f m = measureText(font, text, size);
                texts.push_back({text, &font, size, colour, {box.left + pad, y, m.x + 1, m.y}});
                y += line;
                return m.x <= cell - 2 * pad;
            };
            bool fits =
                put(std::string(shortDayName(day.weekday())) + " " + std::to_string(day.day),
                    day == today ? bold : regular, day == today ? palette::text : palette::dimText);
            const auto states = statesOn(day);
            for (const auto& [state, count] : states) {
                const bool quiet = state == PlanState::Missed;
                // TRANSLATORS: {0} is how many sessions, {1} how they went: "2 missed".
                fits = put(count > 1 ? rollcoach::fillIn(_("{0} {1}"), count, planStateName(state))
                                     : std::string(planStateName(state)),
                           state == PlanState::Done ? bold : regular,
                           quiet ? palette::dimText : palette::accent) &&
                       fits;
            }
            if (states.empty()) {
                // TRANSLATORS: a day of the week with nothing planned.
                fits = put(_("rest"), regular, palette::dimText) && fits;
            }
            if (!fits && !m_lenient) {
                return false;
            }
        }
        const PlanKeptSummary summary = summarisePlanKept(m_week);
        const std::string encouragement = weekEncouragement(summary);
        if (!top.add("week words", regular, // untranslated: a box's name
                     weekInWords(summary) + (encouragement.empty() ? "" : "  " + encouragement),
                     px(26), palette::text)) {
            return false;
        }
    }
    if (!m_due.empty()) {
        std::string due = _("Due today:");
        for (const DueSession& session : m_due) {
            due += "  " + dueText(session) + ".";
        }
        if (!top.add("due", regular, due, px(28), palette::accent)) {
            return false;
        }
    }
    if (m_entries.empty() && !top.add("none", regular,
                                      rollcoach::fillIn(_("No routines found in {0}"),
                                                        m_app.workspace.paths.routinesDir()),
                                      px(30), palette::text)) {
        return false;
    }
    // One row per routine, as many as there is room for; each row's texts inside it.
    std::vector<sf::FloatRect> rows;
    const float pad = 14 * u * k;
    const float inner = width - 2 * pad;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const RoutineEntry& e = m_entries[i];
        std::vector<PlacedText> rowTexts;
        float y = pad;
        auto line = [&](const MeasuredFont& font, const std::string& text, unsigned s,
                        sf::Color colour, float w) {
            const sf::Vector2f size = measureText(font, text, s, w);
            rowTexts.push_back({text, &font, s, colour, {pad, y, w, size.y}});
            y += size.y + gap / 2;
        };
        if (e.routine) {
            const Routine& r = *e.routine;
            float titleWidth = inner;
            if (e.hasSafetyWarnings()) {
                // Flagged before it is opened: the setup screen shows where and why.
                const std::string flag = _("⚠ spine or neck");
                const sf::Vector2f f = measureText(bold, flag, px(30));
                titleWidth -= f.x + 2 * pad;
                rowTexts.push_back(
                    {flag, &bold, px(30), palette::warningNear, {pad + inner - f.x, y, f.x, f.y}});
            }
            line(bold, r.title, px(42), palette::text, titleWidth);
            line(regular,
                 drillLabel(r.drill) + "  ·  " + equipmentText(m_app.body, r) + "  ·  " +
                     clockText(e.totalS) + "  ·  " + (e.shipped ? _("shipped") : _("your routine")),
                 px(28), palette::dimText, inner);
        } else if (!m_notFit[i].second.empty()) {
            // Never dropped in silence: which routine, why, and what to do.
            line(bold, rollcoach::fillIn(_("{0}  (does not fit your body)"), m_notFit[i].first),
                 px(36), palette::problemText, inner);
            line(regular, notFitText(m_notFit[i].second) + " " + _(kNotFitAdvice), px(26),
                 palette::text, inner);
        } else {
            line(bold,
                 rollcoach::fillIn(_("{0}  (cannot be used)"),
                                   std::filesystem::path(e.file).filename().string()),
                 px(36), palette::problemText, inner);
            line(regular, e.firstError(), px(24), palette::dimText, inner);
        }
        sf::FloatRect row;
        if (!top.block("row " + std::to_string(i + 1), y - gap / 2 + pad, row)) {
            // Not all rows fit: smaller, or else as many as fit.
            if (t > -0.5f + 1e-3f) {
                return false;
            }
            break;
        }
        rows.push_back(row);
        for (PlacedText& text : rowTexts) {
            text.box.left += row.left;
            text.box.top += row.top;
            texts.push_back(text);
        }
    }
    m_rows = rows;
    m_days = days;
    m_today = static_cast<int>(today.weekday());
    m_buttons = buttons;
    m_boxes = boxes;
    m_texts = texts;
    m_edge = 4 * u;
    return true;
}

ScreenRequest ListScreen::open() const {
    if (m_selected < m_entries.size() &&
        (m_entries[m_selected].routine || !m_notFit[m_selected].second.empty())) {
        return {ScreenRequest::Kind::OpenRoutine, m_entries[m_selected].file, std::nullopt};
    }
    return {};
}

ScreenRequest ListScreen::editCopy() const {
    // The editor saves a shipped routine as a copy in the person's folder, never over it.
    if (m_selected < m_entries.size() && m_entries[m_selected].routine) {
        return {ScreenRequest::Kind::Edit, m_entries[m_selected].file, std::nullopt};
    }
    return {};
}

ScreenRequest ListScreen::bodyScreen() const {
    // With the selected routine on the body, so the person sees whether it fits.
    return {ScreenRequest::Kind::Body,
            m_selected < m_entries.size() ? m_entries[m_selected].file : std::string(),
            std::nullopt};
}

ScreenRequest ListScreen::handle(const sf::Event& event) {
    if (event.type == sf::Event::KeyPressed) {
        switch (event.key.code) {
        case sf::Keyboard::Up:
            m_selected = m_selected == 0 ? 0 : m_selected - 1;
            break;
        case sf::Keyboard::Down:
            if (m_selected + 1 < m_entries.size()) {
                ++m_selected;
            }
            break;
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space:
            return open();
        case sf::Keyboard::E:
            return {ScreenRequest::Kind::Explore, {}, std::nullopt};
        case sf::Keyboard::P:
            return {ScreenRequest::Kind::Progress, {}, std::nullopt};
        case sf::Keyboard::N:
            return {ScreenRequest::Kind::Edit, {}, std::nullopt};
        case sf::Keyboard::C:
            return editCopy();
        case sf::Keyboard::B:
            return bodyScreen();
        case sf::Keyboard::R:
            reload();
            layout(m_size);
            break;
        case sf::Keyboard::Escape:
        case sf::Keyboard::Q:
            return {ScreenRequest::Kind::Quit, {}, std::nullopt};
        default:
            break;
        }
    } else if (event.type == sf::Event::MouseButtonPressed) {
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        for (const auto& [name, box] : m_buttons) {
            if (box.contains(at)) {
                if (name == "body") {
                    return bodyScreen();
                }
                if (name == "new") {
                    return {ScreenRequest::Kind::Edit, {}, std::nullopt};
                }
                if (name == "copy") {
                    return editCopy();
                }
                return {name == "progress" ? ScreenRequest::Kind::Progress
                                           : ScreenRequest::Kind::Explore,
                        {},
                        std::nullopt};
            }
        }
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].contains(at)) {
                const bool again = m_selected == i;
                m_selected = i;
                if (again) {
                    return open();
                }
            }
        }
    }
    return {};
}

void ListScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        drawPanel(target, m_rows[i], i == m_selected ? palette::focusedPanel : palette::panel,
                  i == m_selected ? std::optional<sf::Color>(palette::accent) : std::nullopt,
                  m_edge);
    }
    for (const auto& button : m_buttons) {
        drawPanel(target, button.second, palette::panel, palette::accent, m_edge * 0.75f);
    }
    for (std::size_t d = 0; d < m_days.size(); ++d) {
        const bool today = static_cast<int>(d) == m_today;
        drawPanel(target, m_days[d], palette::panel,
                  today ? std::optional<sf::Color>(palette::text) : std::nullopt, m_edge * 0.75f);
    }
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
