#include "ProgressScreen.hpp"

#include "app/Drawing.hpp"
#include "app/Palette.hpp"
#include "core/PrintableText.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

namespace rollcoach {

namespace {

// Before and after are told apart by shape (a ring, a disc) as well as by colour.
const sf::Color kBefore = palette::chartBefore;
const sf::Color kAfter = palette::accent;
const sf::Color kGrid = palette::chartGrid;
const sf::Color kLink = palette::chartLink;
// A session stopped for pain: marked, never a success.
const sf::Color kPain = palette::pain;

// More points than this and the dates crowd even on a wide screen.
constexpr std::size_t kMostPoints = 10;

// One side in a sentence: what the chart shows, said.
std::string sideSentence(const SideProgress& side) {
    const bool left = side.side == Side::Left;
    const SideSummary& s = side.summary;
    if (side.sessions.empty()) {
        return left ? _("Left side: no ratings yet.") : _("Right side: no ratings yet.");
    }
    const unsigned long count = static_cast<unsigned long>(s.sessions);
    std::string line =
        left ? plural(count, "Left side: {0} session, on average {1} before and {2} after",
                      "Left side: {0} sessions, on average {1} before and {2} after",
                      ratingText(s.averageBefore), ratingText(s.averageAfter))
             : plural(count, "Right side: {0} session, on average {1} before and {2} after",
                      "Right side: {0} sessions, on average {1} before and {2} after",
                      ratingText(s.averageBefore), ratingText(s.averageAfter));
    if (!s.averageChange) {
        return line + _("; none rated both before and after yet.");
    }
    line += changeMatters(*s.averageChange)
                ? rollcoach::fillIn(_(", a change of {0}, one that matters"),
                                    changeText(s.averageChange))
                : rollcoach::fillIn(_(", a change of {0}"), changeText(s.averageChange));
    return line + ". " +
           // TRANSLATORS: {0} is how many sessions were rated before and after, {1} how many of
           // them dropped.
           plural(static_cast<unsigned long>(s.paired), "{1} of {0} dropped by 2 points or more.",
                  "{1} of {0} dropped by 2 points or more.", s.mattered);
}

std::string emptySideText(const SideProgress& side) {
    return side.side == Side::Left
               ? _("No ratings for the left side yet: the charts show a side once a session has "
                   "a rating for it.")
               : _("No ratings for the right side yet: the charts show a side once a session has "
                   "a rating for it.");
}

} // namespace

std::string shortDate(const Date& day) {
    // TRANSLATORS: the months, short, under a chart's dates: "30 Sep".
    static const char* const months[] = {N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"),
                                         N_("May"), N_("Jun"), N_("Jul"), N_("Aug"),
                                         N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec")};
    // TRANSLATORS: a date under a chart: {0} the day, {1} the month, short: "30 Sep".
    return rollcoach::fillIn(_("{0} {1}"), day.day, _(months[std::clamp(day.month, 1, 12) - 1]));
}

ProgressScreen::ProgressScreen(AppResources& app, const std::string& routine) : m_app(app) {
    reload(routine, true);
}

// A read under way is not waited for: leaving the screen never waits on a history that is
// slow to read (one another program holds locked waits up to its busy timeout). The thread
// holds nothing of the screen's, and what it reads is dropped with the future.
ProgressScreen::~ProgressScreen() = default;

void ProgressScreen::shown() {
    if (!reading()) {
        reload(routineKeyShown(), false);
    }
    layout(m_size);
}

void ProgressScreen::reload(const std::string& routine, bool speak) {
    m_sessions.clear();
    m_routines.clear();
    m_readProblem.clear();
    m_wanted = routine;
    m_speakWhenRead = speak;
    if (m_app.history == nullptr) {
        // No history file at all is no sessions yet; one that cannot be used says why.
        m_readProblem = m_app.historyProblem;
        showRead({});
        return;
    }
    // A connection of its own on the reading thread: the window's stays the window's, and a
    // session's records written meanwhile are seen whole or not at all.
    std::packaged_task<HistoryRead()> task([file = m_app.history->path()] {
        HistoryRead read;
        try {
            // Years of daily sessions; the check-ins are what is needed.
            read.sessions = History::openToRead(file)->sessions(10000, true);
        } catch (const HistoryError& error) {
            read.problem = error.what();
        }
        return read;
    });
    m_reading = task.get_future();
    std::thread(std::move(task)).detach();
    m_index = 0;
    m_progress = {};
    m_message = _("Reading your history…");
    m_summary.clear();
}

ScreenRequest ProgressScreen::update(double /*seconds*/) {
    if (reading() && m_reading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        showRead(m_reading.get());
        layout(m_size);
    }
    return {};
}

void ProgressScreen::waitForHistory() {
    if (reading()) {
        showRead(m_reading.get());
        layout(m_size);
    }
}

void ProgressScreen::showRead(HistoryRead read) {
    m_sessions = std::move(read.sessions);
    if (!read.problem.empty()) {
        m_readProblem = read.problem;
    }
    // Newest first: the first routine met is the one used last, and its title the latest.
    for (const SessionRecord& r : m_sessions) {
        if (std::none_of(m_routines.begin(), m_routines.end(),
                         [&](const RoutineSeen& seen) { return seen.key == r.routineKey; })) {
            m_routines.push_back({r.routineKey, r.routineTitle});
        }
    }
    const auto wanted =
        std::find_if(m_routines.begin(), m_routines.end(), [&](const RoutineSeen& seen) {
            return seen.key == m_wanted || seen.title == m_wanted;
        });
    choose(wanted == m_routines.end() ? 0 : static_cast<std::size_t>(wanted - m_routines.begin()),
           m_speakWhenRead);
}

std::string ProgressScreen::routineShown() const {
    return m_index < m_routines.size() ? m_routines[m_index].title : std::string();
}

std::string ProgressScreen::routineKeyShown() const {
    return m_index < m_routines.size() ? m_routines[m_index].key : std::string();
}

void ProgressScreen::choose(std::size_t index, bool speak) {
    m_index = std::min(index, m_routines.empty() ? 0 : m_routines.size() - 1);
    const std::string key = routineKeyShown();
    m_progress = {};
    m_message.clear();
    if (!m_readProblem.empty()) {
        m_message =
            rollcoach::fillIn(_("Progress comes from the history of your sessions, which cannot be "
                                "read: {0}"),
                              m_readProblem);
    } else if (m_routines.empty()) {
        m_message = _("No sessions yet. A session asks how tense each side is before and after "
                      "working it (press 0-9, T for 10): those ratings show here, by date.");
    } else {
        ProgressQuery query;
        query.routineKey = key;
        query.now = m_app.workspace.now();
        m_progress = tensionProgress(m_sessions, query);
        if (m_progress.empty()) {
            int count = 0;
            int cutShort = 0;
            for (const SessionRecord& r : m_sessions) {
                if (r.routineKey == key) {
                    ++count;
                    cutShort += r.how == "interrupted" ? 1 : 0;
                }
            }
            const unsigned long sessions = static_cast<unsigned long>(count);
            m_message = cutShort == count
                            ? plural(sessions,
                                     "The one session of this routine ended before a tension "
                                     "rating was given, so there is nothing to chart yet. Next "
                                     "time, press 0-9 (T for 10) when a side starts and ends.",
                                     "The {0} sessions of this routine ended before a tension "
                                     "rating was given, so there is nothing to chart yet. Next "
                                     "time, press 0-9 (T for 10) when a side starts and ends.")
                            : plural(sessions,
                                     "The one session of this routine has no tension ratings yet. "
                                     "Next time, press 0-9 (T for 10) when the session asks how "
                                     "tense a side is.",
                                     "The {0} sessions of this routine have no tension ratings "
                                     "yet. Next time, press 0-9 (T for 10) when the session asks "
                                     "how tense a side is.");
        }
    }
    const std::string title = routineShown();
    m_summary = (title.empty() ? std::string(_("Progress."))
                               : rollcoach::fillIn(_("Progress for {0}."), title)) +
                " ";
    m_summary += m_message.empty()
                     ? sideSentence(m_progress.left) + " " + sideSentence(m_progress.right)
                     : m_message;
    const bool quiet = m_app.workspace.settings.speech == SpeechAmount::Off;
    if (speak && !quiet) {
        m_app.speech.say(m_summary, Cue::Weight::Step);
    }
}

void ProgressScreen::layout(sf::Vector2u size) {
    m_size = size;
    shrinkToFit([&](float t) { return arrange(size, t); });
}

bool ProgressScreen::arrange(sf::Vector2u size, float t) {
    LayoutStart start(size, t, m_lenient, {0.7f, 40, 14});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap, width = start.width;
    auto px = [&start](float units) { return start.px(units); };
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    const bool tall = start.tall;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;
    std::vector<ScreenButton> buttons;
    sf::VertexArray shapes(sf::Triangles);

    // The buttons along the bottom, left to right, each as wide as its label.
    std::vector<std::pair<std::string, std::string>> labels = {
        {"button back", _("Back  (Esc)")}}; // untranslated: a box's name
    if (m_routines.size() > 1) {
        labels.push_back(
            {"button previous", _("◀ Other routine  (←)")});          // untranslated: a box's name
        labels.push_back({"button next", _("Other routine ▶  (→)")}); // untranslated: a box's name
    }
    const unsigned buttonSize = px(28);
    const float pad = 12 * u * k;
    const float buttonHeight = measureText(regular, "Ag", buttonSize).y + 2 * pad;
    const float buttonTop = c.h - m - buttonHeight;
    float x = m;
    for (const auto& [name, label] : labels) {
        const sf::Vector2f text = measureText(regular, label, buttonSize);
        const sf::FloatRect box(x, buttonTop, text.x + 2 * pad, buttonHeight);
        if (box.left + box.width > m + width && !m_lenient) {
            return false;
        }
        buttons.push_back({name, box});
        boxes.add(name, box);
        texts.push_back({label,
                         &regular,
                         buttonSize,
                         palette::text,
                         {box.left + pad, box.top + pad, text.x + 1, text.y}});
        x += box.width + gap;
    }

    TextColumn top(boxes, texts, {m, m, width, buttonTop - gap - m}, gap);
    std::string routine = routineShown().empty() ? "" : routineShown();
    if (m_routines.size() > 1) {
        routine +=
            "   " + rollcoach::fillIn(_("({0} of {1} routines)"), m_index + 1, m_routines.size());
    }
    if (!top.add("title", bold, _("Progress"), px(56), palette::text) ||
        (!routine.empty() && !top.add("routine", bold, routine, px(34), palette::accent))) {
        return false;
    }
    if (!m_message.empty()) {
        if (!top.add("message", regular, m_message, px(34), palette::text)) {
            return false;
        }
        m_boxes = boxes;
        m_texts = texts;
        m_buttons = buttons;
        m_panels.clear();
        m_shapes = shapes;
        m_edge = 3 * u;
        return true;
    }
    if (!top.add("caption", regular,
                 _("Tension from 0 (none) to 10, before and after working each side, by date. "
                   "A drop of 2 points or more is a change that matters."),
                 px(26), palette::dimText)) {
        return false;
    }

    // The legend, on a line of its own: shapes drawn beside their words, each item measured.
    const unsigned legendSize = px(26);
    const float legendHeight = measureText(regular, "Ag", legendSize).y;
    sf::FloatRect legend;
    if (!top.block("legend", legendHeight, legend)) {
        return false;
    }
    {
        const float r = legendHeight * 0.32f;
        float lx = legend.left;
        const float cy = legend.top + legendHeight * 0.55f;
        auto item = [&](const std::string& words, int marker) {
            if (marker == 0) {
                fillRing(shapes, {lx + r, cy}, r * 0.55f, r, 24, kBefore);
            } else if (marker == 1) {
                fillRing(shapes, {lx + r, cy}, 0, r, 24, kAfter);
            }
            const float wordsLeft = marker < 2 ? lx + 2 * r + 8 * u * k : lx;
            const MeasuredFont& font = marker == 2 ? bold : regular;
            const sf::Vector2f size = measureText(font, words, legendSize);
            texts.push_back({words,
                             &font,
                             legendSize,
                             marker == 2 ? palette::accent : palette::text,
                             {wordsLeft, legend.top, size.x + 1, size.y}});
            lx = wordsLeft + size.x + 28 * u * k;
        };
        item(_("before"), 0);
        item(_("after"), 1);
        item(_("★ a change that matters"), 2);
        if (lx - 28 * u * k > legend.left + legend.width && !m_lenient) {
            return false;
        }
    }

    // The two sides, beside each other, or one above the other on a tall screen.
    const float chartsTop = top.y();
    const float chartsHeight = buttonTop - gap - chartsTop;
    std::vector<sf::FloatRect> panels;
    if (tall) {
        // A side with no ratings holds only its words: the other side's chart takes the rest.
        const SideProgress* both[2] = {&m_progress.left, &m_progress.right};
        float h[2] = {(chartsHeight - gap) / 2, (chartsHeight - gap) / 2};
        for (int i = 0; i < 2; ++i) {
            if (both[i]->sessions.empty() && !both[1 - i]->sessions.empty()) {
                const float pad = 16 * u * k;
                h[i] = 2 * pad + measureText(bold, "Ag", px(32)).y + pad / 2 +
                       measureText(regular, emptySideText(*both[i]), px(28), width - 2 * pad).y;
                h[1 - i] = chartsHeight - gap - h[i];
            }
        }
        panels = {{m, chartsTop, width, h[0]}, {m, chartsTop + h[0] + gap, width, h[1]}};
    } else {
        const float w = (width - gap) / 2;
        panels = {{m, chartsTop, w, chartsHeight}, {m + w + gap, chartsTop, w, chartsHeight}};
    }
    const SideProgress* sides[2] = {&m_progress.left, &m_progress.right};
    for (int i = 0; i < 2; ++i) {
        if (panels[i].height < (sides[i]->sessions.empty() ? 40 : 120) * u * k && !m_lenient) {
            return false;
        }
        boxes.add(std::string("chart ") + sideName(sides[i]->side), panels[i]);
        if (!arrangeSide(*sides[i], panels[i], u, k, shapes, texts) && !m_lenient) {
            return false;
        }
    }
    m_boxes = boxes;
    m_texts = texts;
    m_buttons = buttons;
    m_panels = panels;
    m_shapes = shapes;
    m_edge = 3 * u;
    return true;
}

bool ProgressScreen::arrangeSide(const SideProgress& side, sf::FloatRect panel, float u, float k,
                                 sf::VertexArray& shapes, std::vector<PlacedText>& texts) {
    const Canvas c = Canvas::of(m_size);
    auto px = [&](float units) { return onGrid(c.px(units * k)); };
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    const float pad = 16 * u * k;
    const float inner = panel.width - 2 * pad;
    float y = panel.top + pad;
    auto put = [&](const std::string& text, const MeasuredFont& font, unsigned size,
                   sf::Color colour, float left, float top, float wrap) {
        const sf::Vector2f m = measureText(font, text, size, wrap);
        texts.push_back({text, &font, size, colour, {left, top, wrap > 0 ? wrap : m.x + 1, m.y}});
        return m;
    };
    const std::string heading = side.side == Side::Left ? _("Left side") : _("Right side");
    // The line's height, not the text's: "Left" and "Right" then start their charts level.
    put(heading, bold, px(32), palette::text, panel.left + pad, y, 0);
    y += measureText(bold, "Ag", px(32)).y + pad / 2;
    if (side.sessions.empty()) {
        const sf::Vector2f m =
            put(emptySideText(side), regular, px(28), palette::dimText, panel.left + pad, y, inner);
        return y + m.y <= panel.top + panel.height - pad;
    }

    // The summary at the bottom of the panel, the dates and changes above it.
    const SideSummary& s = side.summary;
    std::string summary =
        rollcoach::fillIn(_("Average {0} before, {1} after"), ratingText(s.averageBefore),
                          ratingText(s.averageAfter));
    if (s.averageChange) {
        summary += changeMatters(*s.averageChange)
                       ? rollcoach::fillIn(_(": {0} ★ a change that matters."),
                                           changeText(s.averageChange))
                       : rollcoach::fillIn(_(": {0}."), changeText(s.averageChange));
        // TRANSLATORS: {0} is how many sessions were rated before and after, {1} how many of
        // them dropped.
        summary += " " + plural(static_cast<unsigned long>(s.paired),
                                "{1} of {0} session with a drop of 2 or more.",
                                "{1} of {0} sessions with a drop of 2 or more.", s.mattered);
    } else {
        summary += _(". No session rated both before and after yet.");
    }
    for (const SideSession& session : side.sessions) {
        if (session.painStop) {
            summary += " " + rollcoach::fillIn(_("Stopped for pain {0}: {1}."),
                                               shortDate(localDate(session.startedAt)),
                                               painStopWhere(*session.painStop));
        }
    }
    const unsigned summarySize = px(24);
    // Room for two lines at least, so both sides' charts stand on the same baseline.
    const float summaryHeight = std::max(measureText(regular, summary, summarySize, inner).y,
                                         measureText(regular, "Ag\nAg", summarySize, inner).y);
    const float summaryTop = panel.top + panel.height - pad - summaryHeight;
    put(summary, regular, summarySize, palette::text, panel.left + pad, summaryTop, inner);

    const unsigned labelSize = px(22);
    const float labelHeight = measureText(regular, "Ag", labelSize).y;
    const float axisWidth = measureText(regular, "10", labelSize).x;
    const float dateWidth =
        std::max(measureText(regular, shortDate(Date{2024, 9, 30}), labelSize).x,
                 measureText(bold, "-10 ★", labelSize).x);
    const float plotLeft = panel.left + pad + axisWidth + 10 * u * k;
    const float plotWidth = panel.left + panel.width - pad - plotLeft;
    const float labelsTop = summaryTop - pad / 2 - 2 * labelHeight;
    const float plotTop = y + labelHeight / 2;
    const float plotHeight = labelsTop - pad / 2 - plotTop;
    if (plotHeight < 60 * u * k || plotWidth < dateWidth * 2) {
        return false;
    }
    const sf::FloatRect plot(plotLeft, plotTop, plotWidth, plotHeight);

    // The axis: a line and a label at every second point of the scale.
    const float thin = std::max(1.f, 2 * u);
    for (int v = 0; v <= 10; v += 2) {
        const float gy = plot.top + plot.height * (1.f - static_cast<float>(v) / 10.f);
        fillRectangle(shapes, {plot.left, gy - thin / 2, plot.width, thin}, kGrid);
        const std::string label = std::to_string(v);
        const float lw = measureText(regular, label, labelSize).x;
        put(label, regular, labelSize, palette::dimText, plotLeft - 10 * u * k - lw,
            gy - labelHeight * 0.6f, 0);
    }

    // The last sessions, as many as their dates have room for.
    const std::size_t room = static_cast<std::size_t>(plot.width / (dateWidth * 1.15f));
    const std::size_t shown = std::min({side.sessions.size(), room, kMostPoints});
    const std::size_t first = side.sessions.size() - shown;
    const float slot = plot.width / static_cast<float>(shown);
    const float r = std::max(5.f, std::min(14 * u * k, slot / 5));
    auto yOf = [&](double v) {
        return plot.top + plot.height * (1.f - static_cast<float>(std::clamp(v, 0.0, 10.0) / 10.0));
    };
    for (std::size_t i = 0; i < shown; ++i) {
        const SideSession& session = side.sessions[first + i];
        const float cx = plot.left + slot * (static_cast<float>(i) + 0.5f);
        // Before a little to the left of after, so an unchanged rating shows both marks.
        const float bx = cx - r * 0.9f;
        const float ax = cx + r * 0.9f;
        if (session.before && session.after) {
            strokeLine(shapes, {{bx, yOf(*session.before)}, {ax, yOf(*session.after)}},
                       std::max(2.f, 4 * u), kLink);
        }
        if (session.before) {
            // A hollow ring: the panel's colour inside, so no line shows through it.
            fillRing(shapes, {bx, yOf(*session.before)}, 0, r, 24, palette::panel);
            fillRing(shapes, {bx, yOf(*session.before)}, r * 0.55f, r, 24, kBefore);
        }
        if (session.after) {
            fillRing(shapes, {ax, yOf(*session.after)}, 0, r, 24, kAfter);
        }
        const std::string date = shortDate(localDate(session.startedAt));
        const float dw = measureText(regular, date, labelSize).x;
        put(date, regular, labelSize, palette::dimText, cx - dw / 2, labelsTop, 0);
        // A session stopped for pain says so where its change would be: never a star.
        const std::string change =
            session.painStop ? std::string(_("PAIN"))
                             : changeText(session.change()) + (session.matters() ? " ★" : "");
        const MeasuredFont& font = session.matters() || session.painStop ? bold : regular;
        const float cw = measureText(font, change, labelSize).x;
        put(change, font, labelSize,
            session.painStop    ? kPain
            : session.matters() ? palette::accent
                                : palette::dimText,
            cx - cw / 2, labelsTop + labelHeight, 0);
    }
    if (shown < side.sessions.size()) {
        // Said where the dates start, so a shortened chart is never taken for the whole.
        const std::string more =
            rollcoach::fillIn(_("the last {0} of {1}"), shown, side.sessions.size());
        const sf::Vector2f m = measureText(regular, more, labelSize);
        put(more, regular, labelSize, palette::dimText, panel.left + panel.width - pad - m.x,
            panel.top + pad, 0);
    }
    return true;
}

ScreenRequest ProgressScreen::handle(const sf::Event& event) {
    const auto other = [&](int step) {
        if (m_routines.size() > 1) {
            const std::size_t n = m_routines.size();
            choose((m_index + (step < 0 ? n - 1 : 1)) % n, true);
            layout(m_size);
        }
    };
    if (event.type == sf::Event::KeyPressed) {
        switch (event.key.code) {
        case sf::Keyboard::Left:
        case sf::Keyboard::Up:
            other(-1);
            return {};
        case sf::Keyboard::Right:
        case sf::Keyboard::Down:
            other(1);
            return {};
        case sf::Keyboard::M:
            toggleMute(m_app);
            return {};
        case sf::Keyboard::Escape:
        case sf::Keyboard::Backspace:
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space:
        case sf::Keyboard::P:
            return {ScreenRequest::Kind::Back, {}, std::nullopt};
        default:
            return {};
        }
    }
    if (event.type == sf::Event::MouseButtonPressed) {
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        for (const ScreenButton& button : m_buttons) {
            if (!button.box.contains(at)) {
                continue;
            }
            if (button.name == "button back") { // untranslated: a box's name
                return {ScreenRequest::Kind::Back, {}, std::nullopt};
            }
            other(button.name == "button previous" ? -1 : 1); // untranslated: a box's name
            return {};
        }
    }
    return {};
}

void ProgressScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    for (const sf::FloatRect& panel : m_panels) {
        drawPanel(target, panel, palette::panel);
    }
    for (const ScreenButton& button : m_buttons) {
        drawPanel(target, button.box, palette::panel, palette::accent, m_edge);
    }
    drawShapes(target, m_shapes);
    drawPlaced(target, m_texts);
}

std::vector<std::string> ProgressScreen::textsShown() const {
    std::vector<std::string> shown;
    for (const PlacedText& text : m_texts) {
        shown.push_back(text.text);
    }
    return shown;
}

} // namespace rollcoach
