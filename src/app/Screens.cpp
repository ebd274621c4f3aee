#include "Screens.hpp"

#include "Palette.hpp"
#include "cli/Sessions.hpp"
#include "core/Motion.hpp"
#include "core/RoutineLoader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace rollcoach {
namespace {

// One unit of text size: a 1080-pixel-high screen read from two metres away.
float unitFor(const sf::RenderTarget& target) {
    return static_cast<float>(target.getSize().y) / 1080.f;
}

// What every screen starts a frame with: the background, and its measures.
struct Canvas {
    float u; ///< one unit of size: see unitFor
    float w;
    float h;
};

Canvas beginFrame(sf::RenderTarget& target) {
    target.clear(palette::background);
    return {unitFor(target), static_cast<float>(target.getSize().x),
            static_cast<float>(target.getSize().y)};
}

// Mute and unmute sounds and speech together.
void toggleMute(AppResources& app) {
    app.tones.setMuted(!app.tones.muted());
    app.speech.setMuted(app.tones.muted());
}

unsigned px(float unit, float size) {
    return static_cast<unsigned>(std::max(9.f, size * unit));
}

std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

std::string ballLabel(const BodyModel& body, const BallChoice& ball) {
    if (const BallKind* kind = body.findBall(ball.kind)) {
        return kind->label;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f cm ball", ball.diameterCm);
    return buffer;
}

std::size_t ballCount(const Routine& routine) {
    std::size_t count = 1;
    for (const Step& step : routine.steps) {
        count = std::max(count, step.place.size());
    }
    return count;
}

void drawPanel(sf::RenderTarget& target, sf::FloatRect area, sf::Color fill,
               std::optional<sf::Color> border = std::nullopt, float thickness = 0) {
    sf::VertexArray box(sf::Triangles);
    fillRectangle(box, area, fill);
    if (border) {
        // Inside the area, like the rest of the panel.
        const float t = std::min({thickness, area.width / 2, area.height / 2});
        const float inner = area.height - 2 * t;
        fillRectangle(box, {area.left, area.top, area.width, t}, *border);
        fillRectangle(box, {area.left, area.top + area.height - t, area.width, t}, *border);
        fillRectangle(box, {area.left, area.top + t, t, inner}, *border);
        fillRectangle(box, {area.left + area.width - t, area.top + t, t, inner}, *border);
    }
    drawShapes(target, box);
}

// Arrows beside each ball showing which way a sweep goes, outside the ball so a small
// motion is still plain to see.
void drawMotionArrows(sf::RenderTarget& target, const BodyView& view, const Step& step, Side side,
                      double diameterCm) {
    const Pattern pattern = step.motion.pattern;
    if (pattern != Pattern::Horizontal && pattern != Pattern::Vertical) {
        return;
    }
    const bool horizontal = pattern == Pattern::Horizontal;
    const double reach = diameterCm / 2 + 0.6;
    const double length = std::max(1.6, step.motion.amplitudeCm);
    sf::VertexArray shapes(sf::Triangles);
    const sf::Color color(255, 255, 255, 230);
    // The balls move together: one arrow out of each outer edge of the group says it all.
    auto along = [&](Point c, double sign, double d, double across) {
        return horizontal ? view.toScreen({c.xCm + sign * d, c.yCm + across})
                          : view.toScreen({c.xCm + across, c.yCm + sign * d});
    };
    for (double sign : {-1.0, 1.0}) {
        Point edge = onSide(step.place.front().at, side);
        for (const Placement& placement : step.place) {
            const Point c = onSide(placement.at, side);
            const double value = horizontal ? c.xCm : c.yCm;
            const double best = horizontal ? edge.xCm : edge.yCm;
            if (value * sign > best * sign) {
                edge = c;
            }
        }
        strokeLine(shapes, {along(edge, sign, reach, 0), along(edge, sign, reach + length, 0)},
                   std::max(2.f, view.pixelsPerCm() * 0.35f), color);
        const double tip = reach + length + 1.0;
        fillPolygon(shapes,
                    {along(edge, sign, tip, 0), along(edge, sign, tip - 1.2, -0.8),
                     along(edge, sign, tip - 1.2, 0.8)},
                    color);
    }
    drawShapes(target, shapes);
}

const char* const kStopAdvice =
    "Stop at once on sharp pain, numbness or tingling. Press gently; never on the spine or neck.";

} // namespace

void drawText(sf::RenderTarget& target, const sf::Font& font, const std::string& text,
              unsigned size, sf::Color color, sf::Vector2f at, float wrapWidth) {
    Label label(font);
    label.set(text, size, color, wrapWidth);
    label.setPosition(at.x, at.y);
    label.draw(target);
}

// ---------------------------------------------------------------------------------- list

std::vector<RoutineEntry> listRoutines(const AppResources& app) {
    std::vector<RoutineEntry> entries;
    auto add = [&](const std::string& folder, bool shipped) {
        for (const std::string& file : routineFilesIn(folder)) {
            RoutineEntry entry;
            entry.file = file;
            entry.shipped = shipped;
            const RoutineLoad load = openRoutine(file, app.body);
            if (load.routine) {
                entry.routine = load.routine;
                entry.totalS = Timeline(*entry.routine, Side::Left).totalS();
            } else {
                for (const Diagnostic& d : load.diagnostics) {
                    if (d.severity == Severity::Error) {
                        entry.firstError =
                            formatDiagnostic(std::filesystem::path(file).filename().string(), d);
                        break;
                    }
                }
            }
            entries.push_back(std::move(entry));
        }
    };
    add(app.paths.routinesDir(), true);
    add(app.userRoutinesDir, false);
    return entries;
}

ListScreen::ListScreen(AppResources& app) : m_app(app) {
    reload();
}

void ListScreen::reload() {
    m_entries = listRoutines(m_app);
    m_selected = std::min(m_selected, m_entries.empty() ? 0 : m_entries.size() - 1);
    m_dueToday.clear();
    if (m_app.context != nullptr) {
        // What is due comes from the routines just listed: none is loaded twice.
        std::vector<std::pair<std::string, Routine>> usable;
        for (const RoutineEntry& entry : m_entries) {
            if (entry.routine) {
                usable.emplace_back(entry.file, *entry.routine);
            }
        }
        m_dueToday = dueToday(usable, *m_app.context, m_app.history);
    }
}

ScreenRequest ListScreen::handle(const sf::Event& event) {
    auto open = [&]() -> ScreenRequest {
        if (m_selected < m_entries.size() && m_entries[m_selected].routine) {
            return {ScreenRequest::Kind::OpenRoutine, m_entries[m_selected].file};
        }
        return {};
    };
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
            return {ScreenRequest::Kind::Explore, {}};
        case sf::Keyboard::R:
            reload();
            break;
        case sf::Keyboard::Escape:
        case sf::Keyboard::Q:
            return {ScreenRequest::Kind::Quit, {}};
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

void ListScreen::draw(sf::RenderTarget& target) {
    const auto [u, w, h] = beginFrame(target);
    const sf::Font& regular = m_app.fonts.regular;
    const sf::Font& bold = m_app.fonts.bold;
    drawText(target, bold, "rollcoach", px(u, 64), palette::text, {60 * u, 40 * u});
    drawText(target, regular, "Choose a routine. Enter opens it, E opens the placement explorer.",
             px(u, 30), palette::dimText, {60 * u, 125 * u}, w - 120 * u);
    m_rows.clear();
    float y = 190 * u;
    if (!m_dueToday.empty()) {
        std::string due = "Due today:";
        for (const std::string& line : m_dueToday) {
            due += "  " + line + ".";
        }
        Label label(regular);
        label.set(due, px(u, 28), palette::accent, w - 120 * u);
        label.setPosition(60 * u, y - 20 * u);
        label.draw(target);
        y += label.height() + 10 * u;
    }
    const float rowHeight = 120 * u;
    for (std::size_t i = 0; i < m_entries.size() && y + rowHeight < h - 120 * u; ++i) {
        const RoutineEntry& e = m_entries[i];
        const sf::FloatRect row(50 * u, y, w - 100 * u, rowHeight - 14 * u);
        m_rows.push_back(row);
        drawPanel(target, row, i == m_selected ? sf::Color(52, 62, 84) : palette::panel,
                  i == m_selected ? std::optional<sf::Color>(palette::accent) : std::nullopt,
                  4 * u);
        if (e.routine) {
            const Routine& r = *e.routine;
            drawText(target, bold, r.title, px(u, 42), palette::text,
                     {row.left + 24 * u, y + 10 * u});
            std::string details =
                std::string(r.drill == Drill::Wall ? "wall drill" : "lying drill") + "  ·  " +
                std::to_string(ballCount(r)) + " × " + ballLabel(m_app.body, r.ball) + "  ·  " +
                clockText(e.totalS) + "  ·  " + (e.shipped ? "shipped" : "your routine");
            drawText(target, regular, details, px(u, 28), palette::dimText,
                     {row.left + 24 * u, y + 62 * u});
        } else {
            drawText(target, bold,
                     std::filesystem::path(e.file).filename().string() + "  (cannot be used)",
                     px(u, 36), sf::Color(255, 170, 170), {row.left + 24 * u, y + 10 * u});
            drawText(target, regular, e.firstError, px(u, 24), palette::dimText,
                     {row.left + 24 * u, y + 60 * u}, row.width - 48 * u);
        }
        y += rowHeight;
    }
    if (m_entries.empty()) {
        drawText(target, regular, "No routines found in " + m_app.paths.routinesDir(), px(u, 30),
                 palette::text, {60 * u, 220 * u});
    }
    if (!m_app.historyProblem.empty()) {
        drawText(target, regular, "History is not being saved: " + m_app.historyProblem, px(u, 24),
                 sf::Color(255, 170, 170), {60 * u, h - 140 * u}, w - 120 * u);
    }
    drawText(target, regular,
             "Your own routines go in " + m_app.userRoutinesDir + "  (R reloads the list)",
             px(u, 24), palette::dimText, {60 * u, h - 100 * u}, w - 120 * u);
    drawText(target, regular, kStopAdvice, px(u, 24), palette::dimText, {60 * u, h - 60 * u},
             w - 120 * u);
}

// --------------------------------------------------------------------------------- setup

SetupScreen::SetupScreen(AppResources& app, Routine routine, Side firstSide)
    : m_app(app), m_routine(std::move(routine)), m_firstSide(firstSide) {}

ScreenRequest SetupScreen::handle(const sf::Event& event) {
    if (event.type == sf::Event::KeyPressed) {
        if (event.key.code == sf::Keyboard::Escape) {
            return {ScreenRequest::Kind::Back, {}};
        }
        if (event.key.code == sf::Keyboard::M) {
            toggleMute(m_app);
            return {};
        }
        // Any other key starts: the person may be reaching from the floor.
        return {ScreenRequest::Kind::StartSession, {}};
    }
    return {};
}

void SetupScreen::draw(sf::RenderTarget& target) {
    const auto [u, w, h] = beginFrame(target);
    const sf::Font& regular = m_app.fonts.regular;
    const sf::Font& bold = m_app.fonts.bold;
    drawText(target, bold, m_routine.title, px(u, 60), palette::text, {60 * u, 36 * u},
             w - 120 * u);

    const float column = w * 0.56f;
    float y = 130 * u;
    drawText(target, bold, "You need", px(u, 36), palette::accent, {60 * u, y});
    y += 52 * u;
    const std::size_t balls = ballCount(m_routine);
    std::vector<std::string> props = {std::to_string(balls) + " × " +
                                      ballLabel(m_app.body, m_routine.ball)};
    if (m_routine.drill == Drill::Wall) {
        props.emplace_back("a clear stretch of wall");
    } else {
        props.emplace_back("2 big pillows, for under your upper buttocks");
        props.emplace_back("a mat or carpet to lie on");
    }
    for (const std::string& prop : props) {
        drawText(target, regular, "•  " + prop, px(u, 32), palette::text, {80 * u, y},
                 column - 100 * u);
        y += 46 * u;
    }
    y += 20 * u;
    drawText(target, bold, "Get ready", px(u, 36), palette::accent, {60 * u, y});
    y += 52 * u;
    int n = 1;
    for (const std::string& line : m_routine.setup) {
        Label label(regular);
        label.set(std::to_string(n++) + ".  " + line, px(u, 30), palette::text, column - 100 * u);
        label.setPosition(80 * u, y);
        label.draw(target);
        y += label.height() + 16 * u;
    }

    // Right: the posture and the safety note.
    const sf::FloatRect picture(column + 20 * u, 140 * u, w - column - 80 * u, 360 * u);
    drawPanel(target, picture, palette::panel);
    drawPosture(target,
                {picture.left + 20 * u, picture.top + 20 * u, picture.width - 40 * u,
                 picture.height - 40 * u},
                m_routine.drill, ballColor(m_routine.ball));
    const sf::FloatRect note(column + 20 * u, 530 * u, w - column - 80 * u, 250 * u);
    drawPanel(target, note, palette::panel, palette::dimText, 2 * u);
    drawText(target, bold, "Safety", px(u, 32), palette::text,
             {note.left + 20 * u, note.top + 14 * u});
    drawText(target, regular,
             "Press gently: discomfort is fine, pain is not. Stop at once on sharp pain, numbness "
             "or tingling. Keep the ball off the spine and out of the neck.",
             px(u, 27), palette::text, {note.left + 20 * u, note.top + 62 * u},
             note.width - 40 * u);

    drawText(target, bold,
             std::string("You start on the ") + sideName(m_firstSide) + " side" +
                 (m_app.firstSideReason.empty() ? "." : ": " + m_app.firstSideReason + "."),
             px(u, 36), palette::accent, {60 * u, h - 150 * u}, w - 120 * u);
    drawText(target, regular, "Press Space (or any key) to start  ·  M mutes  ·  Esc goes back",
             px(u, 30), palette::dimText, {60 * u, h - 90 * u}, w - 120 * u);
}

// ------------------------------------------------------------------------------- session

std::optional<CheckIn> checkInDue(const Timeline& timeline, const Moment& moment) {
    if (moment.finished || moment.segment == nullptr) {
        return std::nullopt;
    }
    const Segment& segment = *moment.segment;
    if (segment.kind == SegmentKind::Step && *segment.step == 0 && moment.intoSegmentS < 12) {
        return CheckIn{segment.side, false, 0, segment.round};
    }
    if (segment.kind == SegmentKind::Switch && moment.segmentIndex > 0) {
        const Segment& before = timeline.segments()[moment.segmentIndex - 1];
        return CheckIn{before.side, true, 0, before.round};
    }
    return std::nullopt;
}

std::optional<int> ratingForKey(sf::Keyboard::Key key) {
    if (key >= sf::Keyboard::Num0 && key <= sf::Keyboard::Num9) {
        return static_cast<int>(key - sf::Keyboard::Num0);
    }
    if (key >= sf::Keyboard::Numpad0 && key <= sf::Keyboard::Numpad9) {
        return static_cast<int>(key - sf::Keyboard::Numpad0);
    }
    if (key == sf::Keyboard::T) {
        return 10;
    }
    return std::nullopt;
}

namespace {
std::string checkInKey(const CheckIn& c) {
    return std::to_string(c.round) + sideName(c.side) + (c.after ? "after" : "before");
}
} // namespace

SessionScreen::SessionScreen(AppResources& app, Routine routine, Side firstSide, SessionLog* log)
    : m_app(app), m_log(log), m_routine(std::make_unique<Routine>(std::move(routine))),
      m_timeline(*m_routine, firstSide), m_runner(m_timeline), m_check(app.body),
      m_diagram(app.body, app.fonts.bold) {}

void SessionScreen::noteProgress() {
    // Each step left behind (finished, skipped or cut short) is written as it is left, so a
    // session killed later keeps it.
    const std::size_t current = m_runner.finished() ? m_timeline.segments().size()
                                                    : m_timeline.segmentAt(m_runner.elapsedS());
    if (current == m_lastSegment) {
        return;
    }
    const Segment& left = m_timeline.segments()[m_lastSegment];
    if (m_log != nullptr && left.kind == SegmentKind::Step) {
        m_log->stepDone({left.round, left.side, *left.step, m_routine->steps[*left.step].name,
                         m_runner.doneInSegment(m_lastSegment)},
                        m_runner.doneOnSide(Side::Left), m_runner.doneOnSide(Side::Right));
    }
    m_lastSegment = std::min(current, m_timeline.segments().size() - 1);
    if (m_runner.finished() && m_log != nullptr) {
        m_log->end("finished", "", m_runner.doneOnSide(Side::Left),
                   m_runner.doneOnSide(Side::Right));
    }
}

ScreenRequest SessionScreen::stopForSafety() {
    if (m_log != nullptr) {
        m_log->end("stopped", "sharp pain, numbness or tingling", m_runner.doneOnSide(Side::Left),
                   m_runner.doneOnSide(Side::Right));
    }
    m_app.speech.say("Stop. Rest now.");
    return {ScreenRequest::Kind::Stopped, {}};
}

void SessionScreen::seek(double seconds) {
    m_runner.advance(seconds - m_runner.elapsedS());
}

void SessionScreen::play(const std::vector<Cue>& cues) {
    for (const Cue& cue : cues) {
        const Segment& segment = m_timeline.segments()[cue.segment];
        switch (cue.kind) {
        case Cue::Kind::StepStarts:
            m_app.tones.play(Tones::Kind::NewStep);
            m_app.speech.say(std::string(sideName(segment.side)) + " side. " +
                             m_routine->steps[*segment.step].name);
            break;
        case Cue::Kind::SwitchStarts:
            m_app.tones.play(Tones::Kind::Switch);
            m_app.speech.say(std::string("Switch to the ") + sideName(segment.side) + " side");
            break;
        case Cue::Kind::CountdownBeat:
            m_app.tones.play(Tones::Kind::Beat);
            break;
        case Cue::Kind::Finished:
            m_app.tones.play(Tones::Kind::Finished);
            m_app.speech.say("Session done");
            break;
        }
    }
}

ScreenRequest SessionScreen::handle(const sf::Event& event) {
    if (event.type != sf::Event::KeyPressed) {
        return {};
    }
    // A tension rating while the prompt shows: one key, the clock keeps running.
    if (const auto rating = ratingForKey(event.key.code)) {
        if (auto due = checkInDue(m_timeline, m_runner.moment())) {
            const std::string key = checkInKey(*due);
            if (std::find(m_checked.begin(), m_checked.end(), key) == m_checked.end()) {
                due->rating = *rating;
                m_checked.push_back(key);
                if (m_log != nullptr) {
                    m_log->checkIn(*due);
                }
            }
        }
        return {};
    }
    switch (event.key.code) {
    case sf::Keyboard::X:
        return stopForSafety();
    case sf::Keyboard::Space:
    case sf::Keyboard::P:
        m_runner.togglePause();
        break;
    case sf::Keyboard::Right:
    case sf::Keyboard::PageDown:
        play(m_runner.nextStep());
        break;
    case sf::Keyboard::Left:
    case sf::Keyboard::PageUp:
        play(m_runner.previousStep());
        break;
    case sf::Keyboard::M:
        toggleMute(m_app);
        break;
    case sf::Keyboard::Escape:
        noteProgress();
        if (m_log != nullptr) {
            m_log->end("stopped", "stopped by the user", m_runner.doneOnSide(Side::Left),
                       m_runner.doneOnSide(Side::Right));
        }
        return {ScreenRequest::Kind::Back, {}};
    default:
        break;
    }
    noteProgress();
    if (m_runner.finished()) {
        return {ScreenRequest::Kind::Finished, {}};
    }
    return {};
}

ScreenRequest SessionScreen::update(double seconds) {
    play(m_runner.begin());
    play(m_runner.advance(seconds));
    noteProgress();
    if (m_runner.finished()) {
        return {ScreenRequest::Kind::Finished, {}};
    }
    return {};
}

SessionPicture SessionScreen::picture() const {
    SessionPicture picture;
    picture.moment = m_runner.moment();
    picture.paused = m_runner.paused();
    if (auto due = checkInDue(m_timeline, picture.moment)) {
        if (std::find(m_checked.begin(), m_checked.end(), checkInKey(*due)) == m_checked.end()) {
            picture.checkIn = due;
        }
    }
    const Segment& segment = *picture.moment.segment;
    if (segment.kind != SegmentKind::Step) {
        return picture;
    }
    const Step& step = m_routine->steps[*segment.step];
    // The verdict at this very moment, for every ball.
    for (const Point& p : picture.moment.ballsInRoutineFrame) {
        PlacementVerdict verdict = m_check.atPoint(p, m_routine->ball.diameterCm);
        for (const ZoneVerdict& zone : verdict.zones) {
            Closeness& worst = zone.zone == Zone::Spine ? picture.spine : picture.neck;
            worst = std::max(worst, zone.closeness);
        }
        if (verdict.worst > picture.worst) {
            picture.worst = verdict.worst;
            picture.warning = verdict.headline();
        }
        picture.verdicts.push_back(std::move(verdict));
    }
    if (step.motion.pattern != Pattern::Hold) {
        // Where the ball has just been (a fading trail) and the whole of its motion.
        picture.trails.resize(step.place.size());
        for (int k = 1; k <= 12; ++k) {
            const double t = picture.moment.intoSegmentS - 0.12 * k;
            if (t < 0) {
                break;
            }
            const auto positions = ballPositions(step, t);
            for (std::size_t b = 0; b < positions.size(); ++b) {
                picture.trails[b].push_back(onSide(positions[b], segment.side));
            }
        }
        const int samples = 64;
        for (int i = 0; i <= samples; ++i) {
            const double t = step.motion.periodS * i / samples;
            picture.guide.push_back(onSide(ballPositions(step, t).front(), segment.side));
        }
    }
    return picture;
}

std::string SessionScreen::frameKey(sf::Vector2u size) const {
    // Everything the session screen shows that can change: the segment, the whole seconds
    // on the clocks, the pause, the prompt, the warning, and the balls to the pixel.
    const Moment m = m_runner.moment();
    const BodyView view(m_app.body,
                        bodyArea({static_cast<float>(size.x), static_cast<float>(size.y)}));
    std::string key = std::to_string(size.x) + "x" + std::to_string(size.y) + "|" +
                      std::to_string(m.segmentIndex) + "|" + clockText(m.segmentLeftS) + "|" +
                      clockText(m.sessionLeftS) + "|" + (m_runner.paused() ? "P" : "") +
                      (m_app.tones.muted() ? "M" : "") + "|" +
                      std::to_string(static_cast<int>(m.intoSegmentS)) + "|" +
                      std::to_string(m_checked.size());
    if (const auto due = checkInDue(m_timeline, m)) {
        key += "c" + checkInKey(*due);
    }
    for (const Point& p : m.balls) {
        const sf::Vector2f at = view.toScreen(p);
        // Whole pixels: shapes are drawn without antialiasing, so a half-pixel step barely
        // shows, and a slow sweep then costs half the frames.
        key += "|" + std::to_string(static_cast<int>(std::lround(at.x))) + "," +
               std::to_string(static_cast<int>(std::lround(at.y)));
    }
    return key;
}

sf::FloatRect SessionScreen::bodyArea(sf::Vector2f size) {
    return {size.x * 0.02f, size.y * 0.03f, size.x * 0.44f, size.y * 0.94f};
}

void SessionScreen::draw(sf::RenderTarget& target) {
    const SessionPicture pic = picture();
    const Moment& m = pic.moment;
    const Segment& segment = *m.segment;
    const bool isStep = segment.kind == SegmentKind::Step;
    const auto [u, w, h] = beginFrame(target);
    const sf::Vector2f size(w, h);

    // The body, with the zones coloured when a ball is on or near them.
    m_diagram.prepare(bodyArea(size), segment.side, m_routine->target);
    m_diagram.draw(target, pic.spine, pic.neck);
    const BodyView& view = m_diagram.view();
    const sf::Color fill = ballColor(m_routine->ball);

    // The whole path of the motion, under the balls.
    if (pic.guide.size() > 1) {
        std::vector<sf::Vector2f> line;
        for (const Point& p : pic.guide) {
            line.push_back(view.toScreen(p));
        }
        sf::VertexArray guide(sf::Triangles);
        strokeLine(guide, line, std::max(2.f, view.pixelsPerCm() * 0.35f),
                   sf::Color(255, 255, 255, 150));
        drawShapes(target, guide);
    }
    sf::VertexArray dots(sf::Triangles);
    for (const auto& trail : pic.trails) {
        for (std::size_t k = 0; k < trail.size(); ++k) {
            const float alpha =
                110.f * (1.f - static_cast<float>(k) / static_cast<float>(trail.size()));
            const float r = static_cast<float>(m_routine->ball.diameterCm / 2) *
                            view.pixelsPerCm() * (0.55f - 0.025f * static_cast<float>(k));
            fillRing(dots, view.toScreen(trail[k]), 0, r, 24,
                     sf::Color(fill.r, fill.g, fill.b, static_cast<sf::Uint8>(alpha)));
        }
    }
    drawShapes(target, dots);
    for (std::size_t b = 0; b < m.balls.size(); ++b) {
        std::optional<sf::Color> ring;
        if (isStep && b < pic.verdicts.size() && pic.verdicts[b].worst != Closeness::Safe) {
            ring = warningColor(pic.verdicts[b].worst);
        }
        // A ball on a warning turns the warning colour itself, so it cannot be missed.
        drawBall(target, view, m.balls[b], m_routine->ball.diameterCm, ring ? *ring : fill, !isStep,
                 ring);
    }

    if (isStep) {
        drawMotionArrows(target, view, m_routine->steps[*segment.step], segment.side,
                         m_routine->ball.diameterCm);
    }

    // The right-hand panel.
    const float x = size.x * 0.5f;
    const float width = size.x * 0.47f;
    float y = size.y * 0.035f;
    if (isStep) {
        m_side.set(upper(sideName(segment.side)) + " SIDE", px(u, 110), palette::accent);
    } else {
        m_side.set(std::string("SWITCH TO ") + upper(sideName(segment.side)), px(u, 84),
                   palette::accent);
    }
    m_side.setPosition(x, y);
    m_side.draw(target);
    y += 140 * u;
    const int stepsPerSide = static_cast<int>(m_routine->steps.size());
    if (isStep) {
        m_progress.set("Round " + std::to_string(segment.round) + " of " +
                           std::to_string(m_routine->schedule.rounds) + "  ·  step " +
                           std::to_string(*segment.step + 1) + " of " +
                           std::to_string(stepsPerSide),
                       px(u, 32), palette::dimText);
    } else {
        m_progress.set(std::string(ballCount(*m_routine) > 1 ? "Lift the balls and move them"
                                                             : "Lift the ball and move it") +
                           " to your " + sideName(segment.side) + " side",
                       px(u, 32), palette::dimText, width);
    }
    m_progress.setPosition(x, y);
    m_progress.draw(target);
    y += 56 * u;
    if (isStep) {
        const Step& step = m_routine->steps[*segment.step];
        m_stepName.set(step.name, px(u, 60), palette::text, width);
        m_stepName.setPosition(x, y);
        m_stepName.draw(target);
        y += m_stepName.height() + 20 * u;
        m_cue.set(step.cue, px(u, 36), palette::text, width);
        m_cue.setPosition(x, y);
        m_cue.draw(target);
        y += std::max(m_cue.height(), 90 * u) + 26 * u;
    } else {
        const Step& next = m_routine->steps[0];
        m_stepName.set("Next: " + next.name, px(u, 60), palette::text, width);
        m_stepName.setPosition(x, y);
        m_stepName.draw(target);
        y += m_stepName.height() + 20 * u;
        m_cue.set("Place it as before, mirrored: same height, same distance from the spine.",
                  px(u, 36), palette::text, width);
        m_cue.setPosition(x, y);
        m_cue.draw(target);
        y += std::max(m_cue.height(), 90 * u) + 26 * u;
    }
    // The time left in this step, large, with a bar.
    // The text sizes on this screen are few on purpose: each size of each font is a texture
    // of its own glyphs. Six bold (120, 110, 84, 60, 36) and three regular (36, 32, 26) sizes.
    // The clock has a size of its own, the largest: a glance from the floor finds it, and its
    // digits do not share a texture with the side's name, which together would outgrow
    // 256x256 pixels and take a 512x512 texture (1 MiB) once enough digits were shown.
    m_stepTime.set(clockText(m.segmentLeftS), px(u, 120), palette::text);
    m_stepTime.setPosition(x, y);
    m_stepTime.draw(target);
    m_stepTimeCaption.set(isStep ? "left in this step" : "until the other side", px(u, 32),
                          palette::dimText);
    m_stepTimeCaption.setPosition(x + m_stepTime.bounds().width + 30 * u, y + 70 * u);
    m_stepTimeCaption.draw(target);
    y += 150 * u;
    drawPanel(target, {x, y, width, 14 * u}, palette::panel);
    // The bar moves in whole seconds, like the clock beside it, so a held step costs one
    // frame a second.
    const double shownProgress =
        segment.durationS > 0 ? std::floor(m.intoSegmentS) / segment.durationS : 1.0;
    drawPanel(target, {x, y, width * static_cast<float>(shownProgress), 14 * u}, palette::accent);
    y += 40 * u;
    // What comes after this side.
    std::string next;
    const auto& segments = m_timeline.segments();
    for (std::size_t i = m.segmentIndex + 1; i < segments.size(); ++i) {
        if (segments[i].side != segment.side || segments[i].kind == SegmentKind::Switch) {
            next = std::string("then the ") + sideName(segments[i].side) + " side";
            break;
        }
    }
    if (next.empty()) {
        next = "the last side";
    }
    m_sessionLine.set("Session: " + clockText(m.sessionLeftS) + " left  ·  " + next, px(u, 36),
                      palette::text, width);
    m_sessionLine.setPosition(x, y);
    m_sessionLine.draw(target);
    y += m_sessionLine.height() + 30 * u;

    // A warning: icon, words and colour together.
    if (!pic.warning.empty()) {
        const sf::Color color = warningColor(pic.worst);
        const sf::FloatRect box(x, y, width, 120 * u);
        drawPanel(target, box, sf::Color(60, 30, 30), color, 5 * u);
        drawWarningIcon(target, {x + 60 * u, y + 60 * u}, 80 * u, color, m_app.fonts.bold,
                        px(u, 60));
        m_warning.set(pic.warning, px(u, 36), palette::text, width - 140 * u);
        m_warning.setPosition(x + 120 * u, y + 18 * u);
        m_warning.draw(target);
        y += 140 * u;
    }
    if (pic.checkIn) {
        // The box fits its words, however they wrap at this size.
        const float boxWidth = width * 0.62f;
        m_prompt.set(std::string("How tense is your ") + sideName(pic.checkIn->side) + " side " +
                         (pic.checkIn->after ? "now" : "before you start") +
                         "? Press 0-9 (T for 10)",
                     px(u, 32), palette::text, boxWidth - 30 * u);
        drawPanel(target, {x, y, boxWidth, m_prompt.height() + 26 * u}, palette::panel,
                  palette::accent, 3 * u);
        m_prompt.setPosition(x + 15 * u, y + 10 * u);
        m_prompt.draw(target);
    }

    // Posture, bottom right; stop advice and keys along the bottom.
    const sf::FloatRect posture(size.x - size.x * 0.17f - 20 * u, size.y - 300 * u, size.x * 0.17f,
                                size.y * 0.17f);
    drawPanel(target, posture, palette::panel);
    drawPosture(target,
                {posture.left + 10 * u, posture.top + 10 * u, posture.width - 20 * u,
                 posture.height - 20 * u},
                m_routine->drill, fill);
    m_stop.set(kStopAdvice, px(u, 26), palette::dimText, posture.left - x - 30 * u);
    m_stop.setPosition(x, size.y - 70 * u - m_stop.height());
    m_stop.draw(target);
    m_keys.set(std::string("Space pause  ·  ← → step  ·  M ") +
                   (m_app.tones.muted() ? "unmute" : "mute") + "  ·  X stop (pain)  ·  Esc back",
               px(u, 26), palette::dimText);
    m_keys.setPosition(x, size.y - 56 * u);
    m_keys.draw(target);

    if (pic.paused) {
        drawPanel(target, {0, size.y * 0.4f, size.x, 170 * u}, sf::Color(0, 0, 0, 200));
        m_paused.set("PAUSED  ·  press Space to go on", px(u, 60), palette::text);
        const sf::FloatRect b = m_paused.bounds();
        m_paused.setPosition((size.x - b.width) / 2, size.y * 0.4f + 40 * u);
        m_paused.draw(target);
    }
}

// ----------------------------------------------------------------------------------- end

EndScreen::EndScreen(AppResources& app, SessionSummary summary, SessionLog* log)
    : m_app(app), m_summary(std::move(summary)), m_log(log) {
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
    if (!m_asked && !m_summary.stoppedForSafety) {
        if (const auto rating = ratingForKey(event.key.code)) {
            m_asked = true;
            if (m_log != nullptr) {
                m_log->checkIn({m_summary.lastSide, true, *rating, m_summary.rounds});
            }
            if (m_app.history != nullptr) {
                try {
                    m_recent = m_app.history->sessions(30);
                } catch (const HistoryError&) {
                }
            }
            return {};
        }
    }
    return {ScreenRequest::Kind::Back, {}};
}

void EndScreen::drawChart(sf::RenderTarget& target, sf::FloatRect area) {
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
    const float u = unitFor(target);
    drawPanel(target, area, palette::panel);
    drawText(target, m_app.fonts.bold, "Tension, 0-10, before and after each side", px(u, 26),
             palette::text, {area.left + 16 * u, area.top + 10 * u});
    if (series.size() > 8) {
        series.erase(series.begin(), series.end() - 8);
    }
    if (series.empty()) {
        drawText(target, m_app.fonts.regular,
                 "No ratings yet: press 0-9 when a session asks how tense a side is.", px(u, 24),
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
        drawText(target, m_app.fonts.regular, names[k], px(u, 22), palette::text,
                 {x + 28 * u, area.top + area.height - 40 * u});
        x += area.width / 4.f;
    }
}

void EndScreen::draw(sf::RenderTarget& target) {
    const auto [u, w, h] = beginFrame(target);
    const SessionSummary& s = m_summary;
    if (s.stoppedForSafety) {
        drawText(target, m_app.fonts.bold, "Stopped. Rest now.", px(u, 90), palette::text,
                 {80 * u, 70 * u});
        drawText(target, m_app.fonts.regular,
                 "Take the ball away and lie or sit comfortably. Sharp pain, numbness or tingling "
                 "can mean the ball pressed on a nerve or a blood vessel. If it does not ease "
                 "within a few minutes, or comes back, see a doctor or physiotherapist before "
                 "rolling again. Seek urgent help for weakness, numbness that spreads, chest pain "
                 "or trouble breathing.",
                 px(u, 36), palette::text, {80 * u, 200 * u}, w - 160 * u);
    } else {
        const bool complete = s.leftS >= s.plannedS - 0.5 && s.rightS >= s.plannedS - 0.5;
        drawText(target, m_app.fonts.bold, complete ? "Session done" : "Session ended", px(u, 80),
                 palette::text, {80 * u, 50 * u});
        drawText(target, m_app.fonts.regular, s.title, px(u, 36), palette::dimText,
                 {80 * u, 160 * u});
        drawText(target, m_app.fonts.bold,
                 "Left side:  " + clockText(s.leftS) + "  of " + clockText(s.plannedS), px(u, 48),
                 palette::text, {80 * u, 230 * u});
        drawText(target, m_app.fonts.bold,
                 "Right side: " + clockText(s.rightS) + "  of " + clockText(s.plannedS), px(u, 48),
                 palette::text, {80 * u, 300 * u});
        std::string balance = "Both sides got the same time.";
        if (std::abs(s.leftS - s.rightS) > 0.5) {
            balance = std::string("The ") + (s.leftS < s.rightS ? "left" : "right") +
                      " side got less time: the next session starts with it.";
        }
        drawText(target, m_app.fonts.regular, balance, px(u, 34), palette::accent,
                 {80 * u, 380 * u}, w * 0.5f - 100 * u);
        if (!m_asked) {
            drawText(target, m_app.fonts.bold,
                     std::string("How tense is your ") + sideName(s.lastSide) +
                         " side now? Press 0-9 (T for 10)",
                     px(u, 32), palette::text, {80 * u, 470 * u}, w * 0.5f - 100 * u);
        }
        drawChart(target, {w * 0.52f, 230 * u, w * 0.44f, 380 * u});
    }
    const std::string problem = m_log != nullptr ? m_log->problem() : m_app.historyProblem;
    if (!problem.empty()) {
        drawText(target, m_app.fonts.regular, "History could not be saved: " + problem, px(u, 26),
                 sf::Color(255, 170, 170), {80 * u, h - 150 * u}, w - 160 * u);
    }
    drawText(target, m_app.fonts.regular, "Press any other key to go on", px(u, 30),
             palette::dimText, {80 * u, h - 90 * u});
}

// ------------------------------------------------------------------------------- explore

ExploreScreen::ExploreScreen(AppResources& app)
    : m_app(app), m_check(app.body), m_diagram(app.body, app.fonts.bold) {}

PlacementVerdict ExploreScreen::verdict() const {
    const BallKind& ball = m_app.body.balls[m_ballKind];
    return m_check.atPoint(m_ball, ball.diameterCm);
}

ScreenRequest ExploreScreen::handle(const sf::Event& event) {
    const BodyView& view = m_diagram.view();
    switch (event.type) {
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button == sf::Mouse::Left) {
            m_dragging = true;
            m_ball = view.toBody(
                {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
        }
        break;
    case sf::Event::MouseButtonReleased:
        m_dragging = false;
        break;
    case sf::Event::MouseMoved:
        if (m_dragging) {
            m_ball = view.toBody(
                {static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
        }
        break;
    case sf::Event::KeyPressed:
        switch (event.key.code) {
        case sf::Keyboard::Escape:
            return {ScreenRequest::Kind::Back, {}};
        case sf::Keyboard::Left:
            m_ball.xCm -= 0.5;
            break;
        case sf::Keyboard::Right:
            m_ball.xCm += 0.5;
            break;
        case sf::Keyboard::Up:
            m_ball.yCm -= 0.5;
            break;
        case sf::Keyboard::Down:
            m_ball.yCm += 0.5;
            break;
        case sf::Keyboard::B:
            m_ballKind = (m_ballKind + 1) % m_app.body.balls.size();
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

void ExploreScreen::draw(sf::RenderTarget& target) {
    const auto [u, w, h] = beginFrame(target);
    const sf::Vector2f size(w, h);
    const PlacementVerdict v = verdict();
    Closeness spine = Closeness::Safe;
    Closeness neck = Closeness::Safe;
    for (const ZoneVerdict& zone : v.zones) {
        (zone.zone == Zone::Spine ? spine : neck) = zone.closeness;
    }
    m_diagram.prepare(SessionScreen::bodyArea(size), std::nullopt, "");
    m_diagram.draw(target, spine, neck);
    const BallKind& ball = m_app.body.balls[m_ballKind];
    const BallChoice choice{ball.name, ball.diameterCm};
    std::optional<sf::Color> ring;
    if (v.worst != Closeness::Safe) {
        ring = warningColor(v.worst);
    }
    drawBall(target, m_diagram.view(), m_ball, ball.diameterCm, ring ? *ring : ballColor(choice),
             false, ring);

    const float x = size.x * 0.5f;
    const float width = size.x * 0.47f;
    drawText(target, m_app.fonts.bold, "Placement explorer", px(u, 64), palette::text, {x, 40 * u});
    drawText(target, m_app.fonts.regular,
             "Drag the ball with the mouse (or move it with the arrow keys). B changes the ball.",
             px(u, 30), palette::dimText, {x, 130 * u}, width);
    char where[160];
    std::snprintf(where, sizeof where, "%s  ·  x_cm %.1f toward the %s side, y_cm %.1f %s C7",
                  ball.label.c_str(), std::abs(m_ball.xCm), m_ball.xCm < 0 ? "left" : "right",
                  std::abs(m_ball.yCm), m_ball.yCm < 0 ? "above" : "below");
    drawText(target, m_app.fonts.regular, where, px(u, 32), palette::text, {x, 240 * u}, width);
    float y = 340 * u;
    if (v.worst == Closeness::Safe && v.onBody) {
        drawPanel(target, {x, y, width, 120 * u}, palette::panel, palette::safe, 5 * u);
        drawText(target, m_app.fonts.bold, "✓  Clear of the spine and the neck", px(u, 40),
                 palette::text, {x + 30 * u, y + 34 * u}, width - 60 * u);
    } else {
        const sf::Color color = v.onBody ? warningColor(v.worst) : palette::warningNear;
        drawPanel(target, {x, y, width, 150 * u}, sf::Color(60, 30, 30), color, 5 * u);
        drawWarningIcon(target, {x + 60 * u, y + 75 * u}, 80 * u, color, m_app.fonts.bold);
        drawText(target, m_app.fonts.bold, v.headline(), px(u, 38), palette::text,
                 {x + 120 * u, y + 22 * u}, width - 140 * u);
        y += 170 * u;
        for (const ZoneVerdict& zone : v.zones) {
            char line[160];
            if (zone.gapCm <= 0) {
                std::snprintf(line, sizeof line,
                              "On the %s: the contact patch overlaps it by %.1f cm",
                              zoneName(zone.zone), -zone.gapCm);
            } else {
                std::snprintf(line, sizeof line,
                              "Near the %s: %.1f cm from it (keep %.0f cm clear)",
                              zoneName(zone.zone), zone.gapCm, m_app.body.clearanceCm);
            }
            drawText(target, m_app.fonts.regular, line, px(u, 30), palette::text, {x, y}, width);
            y += 50 * u;
        }
    }
    drawText(target, m_app.fonts.regular, kStopAdvice, px(u, 26), palette::dimText,
             {x, size.y - 120 * u}, width);
    drawText(target, m_app.fonts.regular, "Esc goes back", px(u, 26), palette::dimText,
             {x, size.y - 56 * u});
}

} // namespace rollcoach
