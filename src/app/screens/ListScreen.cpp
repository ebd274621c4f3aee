#include "ListScreen.hpp"

#include "app/Palette.hpp"
#include "app/Widgets.hpp"

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
    switch (due.state) {
    case DayState::Done:
        return line + " (done today)";
    case DayState::Partial:
        return line + " (partial today: left " + clockText(due.doneLeftS) + ", right " +
               clockText(due.doneRightS) + " of " + clockText(due.plannedPerSideS) +
               "): start on the " + sideName(due.firstSide.side) + " side";
    case DayState::Due:
        break;
    }
    return line + ": start on the " + sideName(due.firstSide.side) + " side, " + due.firstSide.why;
}

} // namespace

ListScreen::ListScreen(AppResources& app) : m_app(app) {
    reload();
}

void ListScreen::shown() {
    // A session may have ended since: what is due and which side goes first have changed.
    reload();
    layout(m_size);
}

void ListScreen::reload() {
    m_entries = loadRoutineLibrary(m_app.workspace, m_app.body);
    m_selected = std::min(m_selected, m_entries.empty() ? 0 : m_entries.size() - 1);
    m_due = rollcoach::dueToday(usableRoutines(m_entries), recentSessions(m_app.history),
                                m_app.workspace.now(), m_app.workspace.settings);
}

void ListScreen::layout(sf::Vector2u size) {
    m_size = size;
    const Canvas c = Canvas::of(size);
    const float u = c.u;
    float y = 190 * u;
    if (!m_due.empty()) {
        std::string due = "Due today:";
        for (const DueSession& session : m_due) {
            due += "  " + dueText(session) + ".";
        }
        m_dueLabel.set(due, c.px(28), palette::accent, c.w - 120 * u);
        m_dueLabel.setPosition(60 * u, y - 20 * u);
        y += m_dueLabel.height() + 10 * u;
    }
    m_rows.clear();
    const float rowHeight = 120 * u;
    for (std::size_t i = 0; i < m_entries.size() && y + rowHeight < c.h - 120 * u; ++i) {
        m_rows.emplace_back(50 * u, y, c.w - 100 * u, rowHeight - 14 * u);
        y += rowHeight;
    }
}

ScreenRequest ListScreen::open() const {
    if (m_selected < m_entries.size() && m_entries[m_selected].routine) {
        return {ScreenRequest::Kind::OpenRoutine, m_entries[m_selected].file, std::nullopt};
    }
    return {};
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
    const Canvas c = beginFrame(target);
    const float u = c.u;
    const float w = c.w;
    const float h = c.h;
    const sf::Font& regular = m_app.fonts.regular;
    const sf::Font& bold = m_app.fonts.bold;
    drawText(target, bold, "rollcoach", c.px(64), palette::text, {60 * u, 40 * u});
    drawText(target, regular, "Choose a routine. Enter opens it, E opens the placement explorer.",
             c.px(30), palette::dimText, {60 * u, 125 * u}, w - 120 * u);
    if (!m_due.empty()) {
        m_dueLabel.draw(target);
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const RoutineEntry& e = m_entries[i];
        const sf::FloatRect& row = m_rows[i];
        drawPanel(target, row, i == m_selected ? sf::Color(52, 62, 84) : palette::panel,
                  i == m_selected ? std::optional<sf::Color>(palette::accent) : std::nullopt,
                  4 * u);
        if (e.routine) {
            const Routine& r = *e.routine;
            drawText(target, bold, r.title, c.px(42), palette::text,
                     {row.left + 24 * u, row.top + 10 * u});
            std::string details =
                std::string(r.drill == Drill::Wall ? "wall drill" : "lying drill") + "  ·  " +
                std::to_string(ballCount(r)) + " × " + ballLabel(m_app.body, r.ball) + "  ·  " +
                clockText(e.totalS) + "  ·  " + (e.shipped ? "shipped" : "your routine");
            drawText(target, regular, details, c.px(28), palette::dimText,
                     {row.left + 24 * u, row.top + 62 * u}, row.width - 48 * u);
            if (e.hasSafetyWarnings()) {
                // Flagged before it is opened: the setup screen shows where and why.
                Label flag(bold);
                flag.set("⚠ spine or neck", c.px(30), palette::warningNear);
                flag.setPosition(row.left + row.width - flag.bounds().width - 24 * u,
                                 row.top + 16 * u);
                flag.draw(target);
            }
        } else {
            drawText(target, bold,
                     std::filesystem::path(e.file).filename().string() + "  (cannot be used)",
                     c.px(36), sf::Color(255, 170, 170), {row.left + 24 * u, row.top + 10 * u});
            drawText(target, regular, e.firstError(), c.px(24), palette::dimText,
                     {row.left + 24 * u, row.top + 60 * u}, row.width - 48 * u);
        }
    }
    if (m_entries.empty()) {
        drawText(target, regular, "No routines found in " + m_app.workspace.paths.routinesDir(),
                 c.px(30), palette::text, {60 * u, 220 * u});
    }
    if (!m_app.historyProblem.empty()) {
        drawText(target, regular, "History is not being saved: " + m_app.historyProblem, c.px(24),
                 sf::Color(255, 170, 170), {60 * u, h - 140 * u}, w - 120 * u);
    }
    drawText(target, regular,
             "Your own routines go in " + m_app.workspace.userRoutinesDir() +
                 "  (R reloads the list)",
             c.px(24), palette::dimText, {60 * u, h - 100 * u}, w - 120 * u);
    drawText(target, regular, kStopAdvice, c.px(24), palette::dimText, {60 * u, h - 60 * u},
             w - 120 * u);
}

} // namespace rollcoach
