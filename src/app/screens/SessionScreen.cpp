#include "SessionScreen.hpp"

#include "core/Translate.hpp"

#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/Motion.hpp"
#include "core/StopAdvice.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rollcoach {
namespace {

// Arrows beside the balls showing which way a sweep goes, outside the balls so a small
// motion is still plain to see.
void drawMotionArrows(sf::RenderTarget& target, const BodyView& view, const Step& step, Side side,
                      double diameterCm, float width) {
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
                   width, color);
        // The head grows with the shaft, so a thick arrow still reads as an arrow.
        const double cm = width / std::max(0.01f, view.pixelsPerCm());
        const double headLength = std::max(1.2, 3.0 * cm);
        const double headHalf = std::max(0.8, 1.8 * cm);
        const double tip = reach + length + headLength * 0.8;
        fillPolygon(shapes,
                    {along(edge, sign, tip, 0), along(edge, sign, tip - headLength, -headHalf),
                     along(edge, sign, tip - headLength, headHalf)},
                    color);
    }
    drawShapes(target, shapes);
}

// What the hands do, on the body, under them: the pressed way as an arrow with chevrons moving
// along it, a stroke's light return as a thin arrow, the line kneading and frictions travel.
void drawHandMotion(sf::RenderTarget& target, const BodyView& view, const SessionSnapshot& pic,
                    float width) {
    const Step& step = *pic.step;
    const Pattern pattern = step.motion.pattern;
    sf::VertexArray shapes(sf::Triangles);
    const sf::Color strong(255, 255, 255, 215);
    const sf::Color faint(255, 255, 255, 120);
    auto screen = [&](const std::vector<Point>& line) {
        std::vector<sf::Vector2f> out;
        for (const Point& p : line) {
            out.push_back(view.toScreen(p));
        }
        return out;
    };
    const bool repeated = pattern == Pattern::Stroke || pattern == Pattern::Strip;
    for (std::size_t c = 0; c < pic.pressedPaths.size(); ++c) {
        const std::vector<sf::Vector2f> pressed = screen(pic.pressedPaths[c]);
        if (repeated) {
            drawArrowPath(shapes, pressed, width * 0.55f, faint);
            // Chevrons that move along the way the hand presses: which way, at a glance.
            double total = 0;
            for (std::size_t i = 1; i < pressed.size(); ++i) {
                total +=
                    std::hypot(pressed[i].x - pressed[i - 1].x, pressed[i].y - pressed[i - 1].y);
            }
            const float spacing = std::max(width * 6.f, 3.5f * view.pixelsPerCm());
            const float shift = static_cast<float>(
                std::fmod(pic.moment.intoSegmentS * spacing * 0.8, static_cast<double>(spacing)));
            for (float d = shift; d < total - width * 3.f; d += spacing) {
                float left = d;
                for (std::size_t i = 1; i < pressed.size(); ++i) {
                    const sf::Vector2f a = pressed[i - 1];
                    const sf::Vector2f b = pressed[i];
                    const float piece = std::hypot(b.x - a.x, b.y - a.y);
                    if (left <= piece && piece > 0) {
                        const sf::Vector2f dir = (b - a) / piece;
                        const sf::Vector2f tip = a + dir * left;
                        const sf::Vector2f normal(-dir.y, dir.x);
                        const sf::Vector2f back = tip - dir * (width * 1.6f);
                        strokeLine(
                            shapes,
                            {back + normal * (width * 1.5f), tip, back - normal * (width * 1.5f)},
                            width * 0.6f, strong);
                        break;
                    }
                    left -= piece;
                }
            }
        } else if (pressed.size() > 1) {
            // Kneading and frictions travel along their line and back.
            strokeLine(shapes, pressed, width * 0.4f, faint);
        }
        if (c < pic.returnPaths.size() && pic.returnPaths[c].size() > 1) {
            drawArrowPath(shapes, screen(pic.returnPaths[c]), width * 0.3f, palette::faintMark);
        }
    }
    drawShapes(target, shapes);
}

// Over the hands: the circles of kneading and frictions, each with the way it turns, and the
// count of a stroke or strip beside the end of its way.
void drawCirclesAndCount(sf::RenderTarget& target, const BodyView& view, const SessionSnapshot& pic,
                         float width, const sf::Font& font) {
    sf::VertexArray shapes(sf::Triangles);
    const sf::Color strong(255, 255, 255, 235);
    for (const Point& centre : pic.circleCentres) {
        // To scale where that shows; round the pad of the thumb or finger where it would hide
        // under it.
        const float r =
            std::max(static_cast<float>(pic.circleRadiusCm) * view.pixelsPerCm(),
                     static_cast<float>(pic.contactRadiusCm) * view.pixelsPerCm() + width * 0.9f);
        const float line = std::max(2.f, width * 0.3f);
        const sf::Vector2f c = view.toScreen(centre);
        fillRing(shapes, c, std::max(0.f, r - line / 2), r + line / 2, 40, palette::ballShadow);
        fillRing(shapes, c, std::max(0.f, r - line / 4), r + line / 4, 40, strong);
        // A head on the circle's right, pointing down: it turns clockwise on the screen.
        const float head = std::max(line * 2.2f, 5.f);
        fillPolygon(shapes,
                    {{c.x + r, c.y + head},
                     {c.x + r - head * 0.9f, c.y - head * 0.3f},
                     {c.x + r + head * 0.9f, c.y - head * 0.3f}},
                    strong);
    }
    drawShapes(target, shapes);
    if (pic.repetition > 0 && !pic.pressedPaths.empty() && pic.pressedPaths[0].size() > 1) {
        // The count beside the end of the first way, out toward the side of the body: "2/5".
        const sf::Vector2f end = view.toScreen(pic.pressedPaths[0].back());
        const float radius = std::max(16.f, width * 3.2f);
        const float outward = pic.pressedPaths[0].back().xCm < 0 ? -1.f : 1.f;
        const sf::Vector2f at(end.x + outward * radius * 2.0f, end.y + radius * 0.6f);
        sf::VertexArray badge(sf::Triangles);
        fillRing(badge, at, 0, radius, 36, palette::accent);
        drawShapes(target, badge);
        const std::string shown =
            std::to_string(pic.repetition) + "/" + std::to_string(pic.repetitions);
        // Smaller for "12/12" than for "2/5", so it stays inside its circle.
        sf::Text count(shown, font,
                       static_cast<unsigned>(radius * (shown.size() > 3 ? 0.6f : 0.85f)));
        count.setFillColor(palette::background);
        const sf::FloatRect b = count.getLocalBounds();
        count.setOrigin(b.left + b.width / 2, b.top + b.height / 2);
        count.setPosition(at);
        target.draw(count);
    }
}

// Translated where they are shown.
const char* const kGetReadyCue =
    N_("Get into position and breathe out. The clock starts when the count reaches zero.");
const char* const kSwitchCue = N_("Never roll it across the spine. Place it as before, mirrored: "
                                  "same height, same distance from the spine.");
const char* const kSwitchCueBalls = N_("Never roll them across the spine. Place them as before, "
                                       "mirrored: same height, same distance from the spine.");
const char* const kHandSwitchCue = N_("Lift the hands; never slide across the spine. Start again "
                                      "on the other side, mirrored: same height, same distance "
                                      "from the spine.");

// What each key does now: Space resumes a paused session.
std::string keysText(bool muted, bool paused = false) {
    static const char* const kKeys[2][2] = {
        {N_("Space pause  ·  ← → step  ·  M mute  ·  X stop (pain)  ·  Esc leave"),
         N_("Space pause  ·  ← → step  ·  M unmute  ·  X stop (pain)  ·  Esc leave")},
        {N_("Space resume  ·  ← → step  ·  M mute  ·  X stop (pain)  ·  Esc leave"),
         N_("Space resume  ·  ← → step  ·  M unmute  ·  X stop (pain)  ·  Esc leave")}};
    return translate(kKeys[paused ? 1 : 0][muted ? 1 : 0]);
}

// The tension question, with the answer given while that answer can change: alone, or before
// the next question (the other side's "before" at a switch).
std::string promptText(const std::string& question, const std::string& answer) {
    if (answer.empty()) {
        return question;
    }
    if (question.empty()) {
        return rollcoach::fillIn(_("{0}  ·  another number changes it"), answer);
    }
    return answer + "  ·  " + question;
}

std::string liftText(bool many, bool lifted, Side side, bool byHand = false) {
    const bool left = side == Side::Left;
    if (byHand) {
        return lifted ? _("LIFT the hands")
               : left ? _("Hands to the left side, as shown")
                      : _("Hands to the right side, as shown");
    }
    if (lifted) {
        return many ? _("LIFT the balls off your back") : _("LIFT the ball off your back");
    }
    if (many) {
        return left ? _("Place them on your left side, as shown")
                    : _("Place them on your right side, as shown");
    }
    return left ? _("Place it on your left side, as shown")
                : _("Place it on your right side, as shown");
}

// At the start of a step whose place differs from the step before's.
std::string approachText(bool lifted, bool many, bool hands) {
    if (hands) {
        return lifted ? _("Lift the hands and put them down at the new place")
                      : _("Move the hands to the new place, as shown");
    }
    if (many) {
        return lifted ? _("Lift the balls and put them down at the new place")
                      : _("Roll the balls to the new place, as shown");
    }
    return lifted ? _("Lift the ball and put it down at the new place")
                  : _("Roll the ball to the new place, as shown");
}

std::string progressText(int round, int rounds, std::size_t step, std::size_t steps) {
    return rollcoach::fillIn(_("Round {0} of {1}  ·  step {2} of {3}"), round, rounds, step, steps);
}

std::string sessionText(double leftS, std::optional<Side> after) {
    if (!after) {
        return rollcoach::fillIn(_("Session: {0} left  ·  the last side"), clockText(leftS));
    }
    return rollcoach::fillIn(*after == Side::Left ? _("Session: {0} left  ·  then the left side")
                                                  : _("Session: {0} left  ·  then the right side"),
                             clockText(leftS));
}

// The side's name over the clock, in capitals.
std::string sideInCapitals(Side side) {
    return side == Side::Left ? _("LEFT SIDE") : _("RIGHT SIDE");
}

std::string switchHeading(Side side) {
    return side == Side::Left ? _("SWITCH TO LEFT") : _("SWITCH TO RIGHT");
}

bool portrait(sf::Vector2f size) {
    return size.y > size.x * 1.15f;
}

// The panel of texts beside (or, on a portrait screen, below) the body.
sf::FloatRect textPanel(sf::Vector2f size, sf::FloatRect body, float margin) {
    if (portrait(size)) {
        const float top = body.top + body.height + margin;
        return {margin, top, size.x - 2 * margin, size.y - margin - top};
    }
    const float left = body.left + body.width + margin;
    return {left, margin, size.x - margin - left, size.y - 2 * margin};
}

} // namespace

SessionScreen::SessionScreen(AppResources& app, Session& session)
    : m_app(app), m_session(session),
      m_pic(session.snapshot()), m_diagrams{BodyDiagram(app.body, app.fonts.bold),
                                            BodyDiagram(app.body, app.fonts.bold)} {}

sf::FloatRect SessionScreen::bodyArea(sf::Vector2f size) {
    const Canvas c = Canvas::of({static_cast<unsigned>(size.x), static_cast<unsigned>(size.y)});
    const float m = 24 * c.u;
    if (portrait(size)) {
        return {m, m, size.x - 2 * m, (size.y - 2 * m) * 0.4f};
    }
    // The body is about half as wide as it is high: more width would only be empty. Below it,
    // the stop advice.
    return {m, m, std::min(size.x * 0.36f, size.y * 0.58f), (size.y - 2 * m) * 0.84f};
}

float SessionScreen::arrowWidth(sf::Vector2f size) {
    // Seen from two metres: 6 pixels on a 720-line screen, and more on a larger one.
    return 10 * Canvas::of({static_cast<unsigned>(size.x), static_cast<unsigned>(size.y)}).u;
}

bool SessionScreen::arrange(sf::Vector2u size, float big, float t, int level) {
    const Canvas c = Canvas::of(size);
    const float u = c.u;
    const sf::Vector2f full(c.w, c.h);
    const sf::FloatRect body = bodyArea(full);
    const float m = 24 * u;
    const float gap = (8 + 10 * t) * u;
    const sf::FloatRect panel = textPanel(full, body, m);
    const float pw = panel.width;
    // Sizes between the largest and a floor that still reads from across the room; past that
    // floor (level 2 on), smaller still, before anything would overlap.
    const float floor =
        level <= 1 ? 1.f : std::max(0.4f, 1.f - 0.15f * static_cast<float>(level - 1));
    auto size_ = [&](float largest, float smallest) {
        return onGrid(c.px((smallest + (largest - smallest) * t) * floor));
    };
    TextSizes px;
    // The side and the clock, found at a glance from the floor, shrink last.
    px.side = onGrid(c.px((64 + 46 * big) * floor));
    px.clock = onGrid(c.px((80 + 50 * big) * floor));
    px.line = size_(36, 30);
    px.stepName = size_(64, 44);
    px.cue = size_(56, 48);
    px.warning = size_(40, 32);
    px.prompt = size_(38, 32);
    px.keys = size_(32, 28);
    px.stop = size_(34, 28);

    // Every text this session can show in each place: the boxes fit the longest.
    const Routine& routine = m_session.routine();
    const bool many = ballCount(routine) > 1;
    std::vector<std::string> names;
    std::vector<std::string> cues = {_(kSwitchCue), _(kSwitchCueBalls), _(kGetReadyCue),
                                     _(kHandSwitchCue)};
    for (const Step& step : routine.steps) {
        names.push_back(step.name);
        names.push_back(rollcoach::fillIn(_("Next: {0}"), step.name));
        names.push_back(rollcoach::fillIn(_("First: {0}"), step.name));
        cues.push_back(step.cue);
    }
    const int rounds = routine.schedule.rounds;
    std::vector<std::string> lines = {
        progressText(rounds, rounds, routine.steps.size(), routine.steps.size()),
        liftText(many, true, Side::Right), liftText(many, false, Side::Right),
        liftText(many, false, Side::Right, true)};
    for (bool lifted : {false, true}) {
        lines.push_back(approachText(lifted, many, byHand(routine.drill)));
    }
    for (const Step& step : routine.steps) {
        if (step.motion.repeat > 0) {
            // The count of strokes or strips goes before the step's place in the session.
            const std::string most =
                rollcoach::fillIn(_("Stroke {0} of {1}"), step.motion.repeat, step.motion.repeat);
            lines.push_back(
                most + "  ·  " +
                progressText(rounds, rounds, routine.steps.size(), routine.steps.size()));
        }
    }
    const std::vector<std::string> captions = {_("left in this step"), _("until the other side"),
                                               _("until the first step"), _("going on")};
    const double totalS = m_session.timeline().totalS();
    const std::vector<std::string> sessionLines = {sessionText(totalS, Side::Right),
                                                   sessionText(totalS, std::nullopt)};
    std::vector<std::string> warnings = {
        _("Off the body: move the ball back onto the back"),
        rollcoach::fillIn(_("Too close to the spine: {0}"),
                          _("move the fingertips well away from the spine and the neck")),
        // The longest advice the core gives, as it puts it together.
        rollcoach::fillIn(
            _("Too close to the neck: {0}"),
            rollcoach::fillIn(_("move the fingertips {0}"),
                              rollcoach::fillIn(_("{0} and {1}"),
                                                rollcoach::fillIn(_("{0} cm outward"), "10.5"),
                                                rollcoach::fillIn(_("{0} cm down"), "10.5"))))};
    // The tension question, and the answer while it can change; the leave question has a
    // large box of its own.
    std::vector<std::string> prompts;
    const bool partner = routine.drill == Drill::Partner;
    for (Side side : {Side::Left, Side::Right}) {
        for (bool after : {false, true}) {
            // Both together (a moment at a switch) shrink to fit the box; each alone fits.
            prompts.push_back(tensionQuestion(CheckIn{side, after, 0, 1}, false, partner));
            prompts.push_back(promptText("", answerText(CheckIn{side, after, 10, 1})));
            prompts.push_back(_("No question open now"));
        }
    }
    const MeasuredFont& bold = m_app.fonts.bold;
    const MeasuredFont& regular = m_app.fonts.regular;
    auto tallest = [this](const MeasuredFont& font, const std::vector<std::string>& texts,
                          unsigned s, float width) {
        sf::Vector2f most;
        for (const std::string& text : texts) {
            const sf::Vector2f one = m_measure(font, text, s, width);
            most = {std::max(most.x, one.x), std::max(most.y, one.y)};
        }
        return most;
    };

    Boxes boxes;
    boxes.add("body", body);
    sf::FloatRect liftBox;
    {
        // During a switch, what to do with the balls or hands, large on the body (which shows
        // none then): read from the floor at any size, never under 28 pixels.
        const float inset = 16 * u;
        // On a portrait screen the body takes the left of the top, the posture the right.
        const float width = (portrait(full) ? body.width * 0.6f : body.width) - 2 * inset;
        const std::vector<std::string> lifts = {
            liftText(many, true, Side::Right), liftText(many, false, Side::Right),
            liftText(many, true, Side::Right, true), liftText(many, false, Side::Right, true)};
        unsigned liftPx = std::max(28u, onGrid(c.px(44)));
        sf::Vector2f lift = tallest(bold, lifts, liftPx, width - 2 * inset);
        while (liftPx > 28 && (lift.y > body.height * 0.3f || lift.x > width - 2 * inset)) {
            liftPx -= 2;
            lift = tallest(bold, lifts, liftPx, width - 2 * inset);
        }
        px.lift = liftPx;
        const float height = lift.y + 2 * inset;
        // Over the body, not beside it: it is not among the boxes that must not meet.
        liftBox = {body.left + inset, body.top + body.height * 0.62f - height / 2, width, height};
    }
    if (!portrait(full)) {
        // The stop advice under the body, where it is always seen.
        const float top = body.top + body.height + gap;
        const sf::Vector2f stop = tallest(regular, stopAdvices(routine), px.stop, body.width);
        if ((top + stop.y > c.h - m || stop.x > body.width) && !m_lenient) {
            return false;
        }
        boxes.add("stop", {body.left, top, body.width, stop.y});
    }
    float y = panel.top;
    const float bottom = panel.top + panel.height;
    // The side's name; under it the clock, and beside the clock what it counts and where in
    // the session this is. Where that is too wide, one under the other.
    const sf::Vector2f side =
        tallest(bold,
                {switchHeading(Side::Right), switchHeading(Side::Left), sideInCapitals(Side::Right),
                 sideInCapitals(Side::Left), _("BOTH SIDES"), _("GET READY")},
                px.side, 0);
    const sf::Vector2f clock = tallest(bold, {"00:00", _("PAUSED")}, px.clock, 0);
    if ((side.x > pw || clock.x > pw) && !m_lenient) {
        return false;
    }
    boxes.add("side", {panel.left, y, side.x, side.y});
    y += side.y + gap;
    const sf::Vector2f caption = tallest(regular, captions, px.line, 0);
    const float besideX = panel.left + clock.x + 2 * gap;
    const float beside = panel.left + pw - besideX;
    const sf::Vector2f line = tallest(regular, lines, px.line, beside);
    // Paused, the word stands beside the time left (or above it), never in its place.
    const sf::Vector2f paused = m_measure(bold, _("PAUSED"), px.line, 0);
    sf::FloatRect pausedBox;
    if (caption.x <= beside && line.x <= beside && caption.y + gap / 2 + line.y <= clock.y &&
        paused.x <= beside) {
        boxes.add("clock", {panel.left, y, clock.x, clock.y});
        const float top = y + clock.y - line.y - caption.y - gap / 2;
        boxes.add("caption", {besideX, top, beside, caption.y});
        boxes.add("progress", {besideX, top + caption.y + gap / 2, beside, line.y});
        // Paused, the word takes the caption's and the line's place beside the clock.
        pausedBox = {besideX, y, beside, clock.y};
        y += clock.y + gap;
    } else {
        boxes.add("clock", {panel.left, y, clock.x, clock.y});
        y += clock.y + gap;
        if (caption.x > pw && !m_lenient) {
            return false;
        }
        // Beside the clock when it fits there, else in the caption's place.
        pausedBox = paused.x <= beside ? sf::FloatRect(besideX, y - clock.y - gap, beside, clock.y)
                                       : sf::FloatRect(panel.left, y, pw, caption.y);
        boxes.add("caption", {panel.left, y, caption.x, caption.y});
        y += caption.y + gap;
        const sf::Vector2f wrapped = tallest(regular, lines, px.line, pw);
        boxes.add("progress", {panel.left, y, pw, wrapped.y});
        y += wrapped.y + gap;
    }
    const sf::Vector2f name = tallest(bold, names, px.stepName, pw);
    boxes.add("step name", {panel.left, y, pw, name.y}); // untranslated: a box's name
    y += name.y + gap;
    // The cue's box also holds the big 3-2-1 before a switch.
    const sf::Vector2f cue = tallest(regular, cues, px.cue, pw);
    const float cueHeight = std::max(cue.y, static_cast<float>(px.clock));
    boxes.add("cue", {panel.left, y, pw, cueHeight});
    y += cueHeight + gap;
    const float bar = std::max(6.f, 14 * u);
    boxes.add("bar", {panel.left, y, pw, bar});
    y += bar + gap;
    if (level < 1) {
        const sf::Vector2f session = tallest(regular, sessionLines, px.line, pw);
        boxes.add("session", {panel.left, y, pw, session.y});
        y += session.y + gap;
    }
    // The prompt and the warning have places of their own, kept while they do not show, so
    // nothing moves when one appears. The warning comes last, next to the posture: while
    // only the prompt shows, the posture takes the warning's room too and stays large.
    // On a portrait screen they go in the column beside the body, under the posture, where
    // the back's drawing leaves the width empty.
    const bool tall = portrait(full);
    const float split = body.width * 0.6f;
    const float besideWidth = tall ? body.width - split - gap : pw;
    const float pad = 12 * u;
    const sf::Vector2f prompt = tallest(regular, prompts, px.prompt, besideWidth - 2 * pad);
    const float promptHeight = prompt.y + 2 * pad;
    const float icon = px.warning * 1.8f;
    const sf::Vector2f warning = tallest(bold, warnings, px.warning, besideWidth - icon - 3 * pad);
    const float warningHeight = std::max(warning.y, icon) + 2 * pad;
    if (!tall) {
        boxes.add("prompt", {panel.left, y, pw, promptHeight});
        y += promptHeight + gap;
        boxes.add("warning", {panel.left, y, pw, warningHeight});
        y += warningHeight + gap;
    }

    // From the bottom up: the keys, the stop advice on a portrait screen, then the posture
    // picture in what room is left, if there is enough for it to be seen.
    float low = bottom;
    // The keys on one line if a slightly smaller size allows it.
    const std::vector<std::string> keyLines = {keysText(true), keysText(false),
                                               keysText(true, true), keysText(false, true)};
    const unsigned oneLine =
        fittingSize(regular, keyLines, px.keys, px.keys * 5 / 6, {pw, px.keys * 1.5f});
    if (tallest(regular, keyLines, oneLine, pw).y <= oneLine * 1.5f) {
        px.keys = oneLine;
    }
    const sf::Vector2f keys = tallest(regular, keyLines, px.keys, pw);
    low -= keys.y;
    boxes.add("keys", {panel.left, low, pw, keys.y});
    if (portrait(full)) {
        const sf::Vector2f stop = tallest(regular, stopAdvices(routine), px.stop, pw);
        low -= stop.y + gap;
        boxes.add("stop", {panel.left, low, pw, stop.y});
    }
    low -= gap;
    if (y > low && !m_lenient) {
        return false;
    }
    const float room = low - y;
    if (tall) {
        // The room the texts leave goes to the top: the body grows into it, and beside it
        // the posture stands over the warning and the prompt, large.
        const float slack = std::max(0.f, room);
        const float height = body.height + slack;
        const float left = body.left + split + gap;
        const sf::FloatRect promptBox(left, body.top + height - promptHeight, besideWidth,
                                      promptHeight);
        const sf::FloatRect warningBox(left, promptBox.top - gap - warningHeight, besideWidth,
                                       warningHeight);
        const sf::FloatRect postureBox(left, body.top, besideWidth,
                                       warningBox.top - gap - body.top);
        if (postureBox.height < 110 * u && !m_lenient) {
            return false;
        }
        Boxes moved;
        moved.lenient = boxes.lenient;
        moved.add("body", {body.left, body.top, split, height});
        if (postureBox.height > 0) {
            moved.add("posture", postureBox);
        }
        moved.add("warning", warningBox);
        moved.add("prompt", promptBox);
        for (const auto& [name, box] : boxes.all()) {
            // What was placed from the top moves down; the stop advice and the keys stay at
            // the bottom.
            const bool fromTop = box.top + box.height <= y + 0.5f;
            if (name != "body") {
                moved.add(name, {box.left, box.top + (fromTop ? slack : 0), box.width, box.height});
            }
        }
        boxes = moved;
        pausedBox.top += slack; // beside the clock, which moved down
        liftBox.top = body.top + height * 0.62f - liftBox.height / 2;
    } else {
        // The posture picture keeps room of its own: the texts shrink before it is dropped.
        const float posture = 110 * u;
        if (room < posture && !m_lenient) {
            return false;
        }
        if (room > 0) {
            boxes.add("posture", {panel.left, y, pw, room});
        }
    }
    // The leave question: a large box in the middle of the screen, over everything.
    const float leaveWidth = c.w * (portrait(full) ? 0.84f : 0.7f);
    // As large as the side's name where it fits, and never smaller than the step's name.
    unsigned leavePx = std::max(px.stepName, std::min(px.side, px.stepName * 4 / 3));
    sf::Vector2f leave = m_measure(bold, translate(kLeaveQuestion), leavePx, leaveWidth - 4 * pad);
    while (leavePx > px.stepName && leave.y + 4 * pad > c.h * 0.6f) {
        leavePx = std::max(px.stepName, leavePx - 2);
        leave = m_measure(bold, translate(kLeaveQuestion), leavePx, leaveWidth - 4 * pad);
    }
    px.leave = leavePx;
    const float leaveHeight = leave.y + 4 * pad;
    if ((leaveHeight > c.h - 2 * m) && !m_lenient) {
        return false;
    }
    m_leaveBox = {(c.w - leaveWidth) / 2, (c.h - leaveHeight) / 2, leaveWidth, leaveHeight};
    m_liftBox = liftBox;
    m_pausedBox = pausedBox;
    m_boxes = boxes;
    m_px = px;
    return true;
}

void SessionScreen::layout(sf::Vector2u size) {
    arrangeAll(size);
    // The body where the layout put it: on a portrait screen it grows into the room the
    // texts leave. By hand, the muscle changes from step to step and is shaded as each step
    // is drawn.
    const sf::FloatRect area = m_boxes["body"];
    const Routine& routine = m_session.routine();
    const bool hand = byHand(routine.drill);
    m_diagrams[0].prepare(area, Side::Left, hand ? std::string() : routine.target, hand);
    m_diagrams[1].prepare(area, Side::Right, hand ? std::string() : routine.target, hand);
}

void SessionScreen::arrangeAll(sf::Vector2u size) {
    // The largest sizes that fit, the side and the clock kept large longest; then without
    // the less needed lines; then smaller than comfortable: anything but overlap. Smaller
    // sizes never need more room, so each size is found by halving.
    m_measure.clear();
    for (int level = 0; level < 6; ++level) {
        for (float big = 1.f; big >= 0.f; big -= 0.25f) {
            if (!arrange(size, big, 0.f, level)) {
                continue;
            }
            int fits = 0; // in eighths
            int fails = 9;
            while (fails - fits > 1) {
                const int mid = (fits + fails) / 2;
                (arrange(size, big, static_cast<float>(mid) / 8.f, level) ? fits : fails) = mid;
            }
            arrange(size, big, static_cast<float>(fits) / 8.f, level);
            m_measure.clear();
            return;
        }
    }
    // Too small for everything: crowded rather than empty, or stale.
    m_lenient = true;
    arrange(size, 0.f, 0.f, 5);
    m_lenient = false;
    m_measure.clear();
}

void SessionScreen::play(const std::vector<Cue>& cues) {
    // The session decides what is said; this only chooses the sound and how much to say.
    const SpeechAmount amount = m_app.workspace.settings.speech;
    for (const Cue& cue : cues) {
        switch (cue.kind) {
        case Cue::Kind::GetReady:
        case Cue::Kind::StepStarts:
            m_app.tones.play(Tones::Kind::NewStep);
            break;
        case Cue::Kind::SwitchStarts:
            m_app.tones.play(Tones::Kind::Switch);
            break;
        case Cue::Kind::CountdownBeat:
        case Cue::Kind::Resuming:
            m_app.tones.play(Tones::Kind::Beat);
            break;
        case Cue::Kind::Finished:
            m_app.tones.play(Tones::Kind::Finished);
            break;
        default:
            break;
        }
        const std::string& words = amount == SpeechAmount::Full ? cue.words : cue.briefWords;
        if (amount != SpeechAmount::Off && !words.empty()) {
            m_app.speech.say(cue, words);
        }
    }
}

ScreenRequest SessionScreen::afterCommand() {
    m_pic = m_session.snapshot();
    if (m_session.muted() != m_app.tones.muted()) {
        toggleMute(m_app);
    }
    if (m_session.over()) {
        return {ScreenRequest::Kind::SessionOver, {}, std::nullopt};
    }
    return {};
}

ScreenRequest SessionScreen::handle(const sf::Event& event) {
    if (const std::optional<SessionCommand> command = m_controls.map(event)) {
        return control(*command);
    }
    return {};
}

ScreenRequest SessionScreen::control(const SessionCommand& command) {
    play(m_session.apply(command));
    return afterCommand();
}

NowPlaying SessionScreen::nowPlaying() const {
    NowPlaying now;
    now.status = m_pic.state != SessionState::Going ? NowPlaying::Status::Stopped
                 : m_pic.paused                     ? NowPlaying::Status::Paused
                                                    : NowPlaying::Status::Playing;
    now.title = m_pic.title;
    now.artist = m_pic.routineTitle;
    now.album = m_pic.sideTitle;
    now.segment = m_pic.moment.segmentIndex;
    now.lengthS = m_pic.moment.segment->durationS;
    now.positionS = m_pic.moment.intoSegmentS;
    return now;
}

ScreenRequest SessionScreen::update(double seconds) {
    play(m_session.advance(seconds));
    return afterCommand();
}

FrameKey SessionScreen::frameKey(sf::Vector2u size) const {
    const SessionSnapshot& snap = m_pic;
    const Moment& m = snap.moment;
    // The body as drawn: laid out for this size before any frame is keyed.
    const BodyView& view = diagram(snap.side).view();
    FrameKey frame;
    frame.still = stillKey(size);
    frame.key = frame.still;
    for (const BallOnScreen& ball : snap.balls) {
        const sf::Vector2f at = view.toScreen(ball.at);
        // Whole pixels: shapes are drawn without antialiasing, so a half-pixel step barely
        // shows, and a slow sweep then costs half the frames.
        frame.key += "|" + std::to_string(static_cast<int>(std::lround(at.x))) + "," +
                     std::to_string(static_cast<int>(std::lround(at.y)));
    }
    // On a step of a ball drill, what moves between two whole seconds is the balls, their
    // trails and the posture picture; by hand, the hands and their counts move too, and the
    // whole frame is drawn.
    if (byHand(m_session.routine().drill) || snap.switching || snap.gettingReady || snap.paused ||
        snap.askingToLeave || m.lifted || m.approaching) {
        return frame;
    }
    frame.moving = movingAreas(view, Canvas::of(size).u);
    return frame;
}

std::string SessionScreen::stillKey(sf::Vector2u size) const {
    // Everything the session screen shows that can change but the balls' places: the
    // segment, the whole seconds on the clocks, the pause, the prompts, and what a ball's
    // place decides elsewhere on the screen (the warning, the zones' colours, each ball's
    // verdict) or a step's own seconds change between two whole ones.
    const SessionSnapshot& snap = m_pic;
    const Moment& m = snap.moment;
    std::string still = std::to_string(size.x) + "x" + std::to_string(size.y) + "|" +
                        std::to_string(m.segmentIndex) + "|" + clockText(m.segmentLeftS) + "|" +
                        clockText(m.sessionLeftS) + "|" + (snap.paused ? "P" : "") +
                        (snap.askingToLeave ? "L" : "") + (snap.muted ? "M" : "") + "|" +
                        std::to_string(static_cast<int>(m.intoSegmentS));
    if (snap.tensionPrompt) {
        still += "|c" + snap.prompt + std::to_string(snap.tensionPrompt->round);
    }
    still += "|a" + snap.answer + "|n" + snap.notice;
    still += "|" + std::to_string(snap.repetition) + (snap.handLifted ? "L" : "");
    still += "|w" + snap.warning + std::to_string(static_cast<int>(snap.worst)) +
             std::to_string(static_cast<int>(snap.spine)) +
             std::to_string(static_cast<int>(snap.neck)) + "|" + (m.lifted ? "l" : "") +
             (m.approaching ? "a" : "") + (snap.switching ? "s" : "") +
             (snap.gettingReady ? "g" : "") + std::to_string(snap.countdown) +
             std::to_string(snap.resumingIn) + snap.repetitionText;
    for (const BallOnScreen& ball : snap.balls) {
        still += "|v" + std::to_string(static_cast<int>(ball.verdict.worst));
    }
    return still;
}

std::vector<sf::FloatRect> SessionScreen::movingAreas(const BodyView& view, float u) const {
    const SessionSnapshot& snap = m_pic;
    // A ball reaches no farther than this from where it is, its warning ring included (drawBall:
    // 1.45 radii and a ring of at most a quarter radius, or 3 pixels), nor do its trail's dots;
    // whichever is larger, the contact patch or the ball.
    const double radiusCm = std::max(snap.contactRadiusCm, m_session.routine().ball.diameterCm / 2);
    const float reach = static_cast<float>(radiusCm) * view.pixelsPerCm() * 1.7f + 4;
    auto around = [&](Point p) {
        const sf::Vector2f at = view.toScreen(p);
        return sf::FloatRect(std::floor(at.x - reach), std::floor(at.y - reach),
                             std::ceil(2 * reach) + 1, std::ceil(2 * reach) + 1);
    };
    std::vector<sf::FloatRect> areas;
    for (const BallOnScreen& ball : snap.balls) {
        areas.push_back(around(ball.at));
    }
    for (const auto& trail : snap.trails) {
        if (!trail.empty()) {
            sf::FloatRect dots = around(trail.front());
            for (const Point& p : trail) {
                dots = joined(dots, around(p));
            }
            areas.push_back(dots);
        }
    }
    if (const std::optional<PostureShown> posture = postureShown(u)) {
        areas.push_back(postureBounds(posture->picture, *posture->posture, posture->frame));
    }
    return areas;
}

std::optional<SessionScreen::PostureShown> SessionScreen::postureShown(float u) const {
    // The posture in a place of its own, and in the room the warning and the prompt keep
    // while they do not show.
    const sf::FloatRect area = postureArea();
    if (area.width <= 0 || area.height <= 0 || m_app.postures == nullptr) {
        return std::nullopt;
    }
    const SessionSnapshot& pic = m_pic;
    const Posture& picture = m_app.postures->of(m_session.routine().drill);
    // The panel as tall as the picture drawn at the area's width needs, in the middle of the
    // area: a lying posture in a tall column is a wide, low picture, not a small one in an
    // empty panel.
    sf::FloatRect panel = area;
    if (picture.width > 0 && picture.height > 0) {
        const float inner = area.width - 16 * u;
        const float needed =
            inner * static_cast<float>(picture.height) / static_cast<float>(picture.width) + 16 * u;
        if (needed < area.height) {
            panel.top += (area.height - needed) / 2;
            panel.height = needed;
        }
    }
    const bool moving = pic.step != nullptr && !pic.gettingReady && !pic.switching;
    return PostureShown{
        &picture,
        panel,
        {panel.left + 8 * u, panel.top + 8 * u, panel.width - 16 * u, panel.height - 16 * u},
        moving ? picture.frame(pic.step->motion.pattern, posturePeriodS(*pic.step),
                               pic.moment.intoSegmentS)
               : picture.frame(std::nullopt, 0, 0)};
}

sf::FloatRect SessionScreen::postureArea() const {
    const SessionSnapshot& pic = m_pic;
    const Boxes& b = m_boxes;
    // The posture takes the room of the warning next to it while that does not show, and
    // then of the prompt next to that too: beside it on a landscape screen, under it on a
    // portrait one.
    auto joinedTo = [](sf::FloatRect a, sf::FloatRect b) {
        return a.width <= 0 || a.height <= 0 ? b : joined(a, b);
    };
    sf::FloatRect posture = b["posture"];
    if (pic.warning.empty()) {
        posture = joinedTo(posture, b["warning"]);
        // The prompt's box shows the tension question, an answer given, or a notice.
        const bool asking =
            pic.tensionPrompt.has_value() || !pic.answer.empty() || !pic.notice.empty();
        if (!asking) {
            posture = joinedTo(posture, b["prompt"]);
        }
    }
    return posture;
}

std::vector<sf::FloatRect> SessionScreen::placedAreas(const BodyView& view) const {
    std::vector<sf::FloatRect> areas;
    const float radius = static_cast<float>(m_pic.contactRadiusCm) * view.pixelsPerCm();
    for (const BallOnScreen& ball : m_pic.balls) {
        const sf::Vector2f at = view.toScreen(ball.at);
        areas.push_back({at.x - radius, at.y - radius, 2 * radius, 2 * radius});
    }
    return areas;
}

std::vector<sf::FloatRect> SessionScreen::placedAreas() const {
    return placedAreas(diagram(m_pic.side).view());
}

sf::FloatRect SessionScreen::shownLiftBox(const BodyView& view) const {
    // Where no ball shows while it is carried, the box stands where the layout put it. Where
    // the balls or hands do show (placed on the new side), it keeps clear of them: below them
    // if the body has room there, else above them.
    sf::FloatRect box = m_liftBox;
    float highest = std::numeric_limits<float>::max();
    float lowest = std::numeric_limits<float>::lowest();
    for (const sf::FloatRect& placed : placedAreas(view)) {
        highest = std::min(highest, placed.top);
        lowest = std::max(lowest, placed.top + placed.height);
    }
    const sf::FloatRect area = m_boxes["body"];
    const float clear = 8 * std::max(1.f, box.height / 100.f);
    if (lowest > highest && box.top < lowest + clear && box.top + box.height > highest - clear) {
        if (lowest + clear + box.height <= area.top + area.height) {
            box.top = lowest + clear;
        } else if (highest - clear - box.height >= area.top) {
            box.top = highest - clear - box.height;
        }
    }
    return box;
}

sf::FloatRect SessionScreen::liftArea() const {
    return shownLiftBox(diagram(m_pic.side).view());
}

void SessionScreen::draw(sf::RenderTarget& target) const {
    const SessionSnapshot& pic = m_pic;
    const Routine& routine = m_session.routine();
    const Moment& m = pic.moment;
    const bool isStep = !pic.switching && !pic.gettingReady;
    const Canvas c = beginFrame(target);
    const sf::Vector2f size(c.w, c.h);

    // The body, with the zones coloured when a ball is on or near them.
    const BodyDiagram& diagram = this->diagram(pic.side);
    const bool hand = byHand(routine.drill);
    diagram.draw(target, pic.spine, pic.neck, hand ? pic.target : std::string(), pic.side,
                 pic.bothSides);
    const BodyView& view = diagram.view();
    const sf::Color fill = pic.tool       ? toolColor(m_app.body, *pic.tool)
                           : routine.tool ? toolColor(m_app.body, *routine.tool)
                                          : ballColor(m_app.body, routine.ball);

    // The whole path of the motion, under the balls.
    if (pic.guide.size() > 1) {
        std::vector<sf::Vector2f> line;
        for (const Point& p : pic.guide) {
            line.push_back(view.toScreen(p));
        }
        sf::VertexArray guide(sf::Triangles);
        strokeLine(guide, line, std::max(2.f, view.pixelsPerCm() * 0.35f), palette::mark);
        drawShapes(target, guide);
    }
    sf::VertexArray dots(sf::Triangles);
    for (const auto& trail : pic.trails) {
        for (std::size_t k = 0; k < trail.size(); ++k) {
            const float alpha =
                110.f * (1.f - static_cast<float>(k) / static_cast<float>(trail.size()));
            const float r = static_cast<float>(routine.ball.diameterCm / 2) * view.pixelsPerCm() *
                            (0.55f - 0.025f * static_cast<float>(k));
            fillRing(dots, view.toScreen(trail[k]), 0, r, 24,
                     palette::withAlpha(fill, static_cast<sf::Uint8>(alpha)));
        }
    }
    drawShapes(target, dots);
    // Under the balls: a ball is never hidden by the arrow that says where it goes.
    if (isStep) {
        drawMotionArrows(target, view, *pic.step, pic.side, routine.ball.diameterCm,
                         arrowWidth(size));
    }
    if (isStep && hand) {
        drawHandMotion(target, view, pic, arrowWidth(size));
    }
    for (const BallOnScreen& ball : pic.balls) {
        std::optional<sf::Color> ring;
        // Getting ready and in a switch too: the place shown is where the ball goes.
        if (ball.verdict.worst != Closeness::Safe) {
            ring = warningColor(ball.verdict.worst);
        }
        if (hand) {
            // The hand, thumb or fingertip at its place, its patch to scale; a strip's way
            // back to the start is lifted, so drawn see-through.
            const Tool tool = pic.tool ? *pic.tool : Tool::Hands;
            drawTool(target, view, tool, ball.at, pic.contactRadiusCm, ball.at.xCm < 0,
                     ring ? *ring : fill, pic.switching || pic.handLifted, ring,
                     m_session.routine().drill == Drill::SelfPress);
            continue;
        }
        // A ball on a warning turns the warning colour itself, so it cannot be missed.
        // See-through only while carried to the other side: getting ready, it is where it goes.
        drawBall(target, view, ball.at, pic.contactRadiusCm, ring ? *ring : fill, pic.switching,
                 ring);
    }

    if (isStep && hand) {
        drawCirclesAndCount(target, view, pic, arrowWidth(size), m_app.fonts.bold);
    }
    if (pic.switching) {
        // Lift, then place: large on the body, clear of the balls or hands shown.
        const sf::FloatRect box = shownLiftBox(view);
        const float inset = 16 * c.u;
        drawPanel(target, box, palette::panel, palette::accent, 3 * c.u);
        fitLabel(
            m_lift, liftText(pic.ballCount > 1, m.lifted, pic.side, hand), m_px.lift,
            m.lifted ? palette::accent : palette::text,
            {box.left + inset, box.top + inset, box.width - 2 * inset, box.height - 2 * inset});
        m_lift.setPosition(box.left + inset, box.top + (box.height - m_lift.height()) / 2);
        m_lift.draw(target);
    }

    // Every text in the box the layout gave it.
    const Boxes& b = m_boxes;
    const float u = c.u;
    const float pad = 12 * u;
    if (isStep && pic.bothSides) {
        fitLabel(m_side, _("BOTH SIDES"), m_px.side, palette::accent, b["side"]);
    } else if (isStep) {
        fitLabel(m_side, sideInCapitals(pic.side), m_px.side, palette::accent, b["side"]);
    } else if (pic.gettingReady) {
        fitLabel(m_side, _("GET READY"), m_px.side, palette::accent, b["side"]);
    } else {
        fitLabel(m_side, switchHeading(pic.side), m_px.side, palette::accent, b["side"]);
    }
    m_side.draw(target);
    // The text sizes on this screen are few on purpose: each size of each font is a texture
    // of its own glyphs. The clock has a size of its own, the largest: a glance from the floor
    // finds it. Paused, it keeps the time left, and PAUSED stands beside it.
    // After a pause, the count of three before the clock runs on, in the clock's place.
    fitLabel(m_stepTime,
             pic.resumingIn > 0 ? std::to_string(pic.resumingIn) : clockText(m.segmentLeftS),
             m_px.clock, pic.resumingIn > 0 ? palette::accent : palette::text, b["clock"]);
    m_stepTime.draw(target);
    if (pic.paused) {
        const sf::FloatRect box = m_pausedBox;
        fitLabel(m_paused, _("PAUSED"),
                 static_cast<unsigned>(
                     std::max<float>(static_cast<float>(m_px.line),
                                     std::min(box.height * 0.8f, static_cast<float>(m_px.side)))),
                 palette::accent, box);
        m_paused.setPosition(box.left, box.top + (box.height - m_paused.height()) / 2);
        m_paused.draw(target);
    }
    fitLabel(m_stepTimeCaption,
             pic.paused           ? ""
             : pic.resumingIn > 0 ? _("going on")
             : isStep             ? _("left in this step")
             : pic.gettingReady   ? _("until the first step")
                                  : _("until the other side"),
             m_px.line, palette::dimText, b["caption"]);
    m_stepTimeCaption.draw(target);
    // Lifted, never rolled across: the picture shows no ball until its new place.
    if (isStep && m.approaching) {
        // On the way from the step before's place: said as an instruction, like a lift.
        fitLabel(m_progress, approachText(m.lifted, pic.ballCount > 1, hand), m_px.line,
                 palette::accent, b["progress"]);
    } else if (isStep) {
        // Strokes and strips are counted first, in the accent colour: the giver glances for it.
        const std::string where =
            progressText(pic.round, pic.rounds, pic.stepNumber, pic.stepsPerSide);
        fitLabel(m_progress,
                 pic.repetitionText.empty() ? where : pic.repetitionText + "  ·  " + where,
                 m_px.line, pic.repetitionText.empty() ? palette::dimText : palette::accent,
                 b["progress"]);
    } else if (pic.gettingReady) {
        fitLabel(m_progress,
                 pic.side == Side::Left
                     ? (hand                ? _("The left side first: place the hands as shown")
                        : pic.ballCount > 1 ? _("The left side first: place the balls as shown")
                                            : _("The left side first: place the ball as shown"))
                     : (hand                ? _("The right side first: place the hands as shown")
                        : pic.ballCount > 1 ? _("The right side first: place the balls as shown")
                                            : _("The right side first: place the ball as shown")),
                 m_px.line, palette::dimText, b["progress"]);
    } else {
        // The warning colours mean warnings only: lifting is an instruction.
        fitLabel(m_progress, liftText(pic.ballCount > 1, m.lifted, pic.side, hand), m_px.line,
                 m.lifted ? palette::accent : palette::dimText, b["progress"]);
    }
    // Paused, PAUSED stands where the line beside the clock was, when that is where it is.
    if (!pic.paused || !m_pausedBox.intersects(b["progress"])) {
        m_progress.draw(target);
    }
    fitLabel(m_stepName,
             isStep ? pic.step->name
                    : rollcoach::fillIn(pic.gettingReady ? _("First: {0}") : _("Next: {0}"),
                                        pic.step->name),
             m_px.stepName, palette::text, b["step name"]); // untranslated: a box's name
    m_stepName.draw(target);
    if (pic.countdown > 0) {
        // The last seconds before the switch, large enough to read from the floor, in the
        // place of the cue that no longer matters.
        const sf::FloatRect box = b["cue"];
        m_countdown.set(std::to_string(pic.countdown),
                        static_cast<unsigned>(std::min(box.height, 360 * u)), palette::accent);
        m_countdown.setPosition(0, 0);
        const sf::FloatRect digit = m_countdown.bounds();
        m_countdown.setPosition(box.left + (box.width - digit.width) / 2 - digit.left,
                                box.top + (box.height - digit.height) / 2 - digit.top);
        m_countdown.draw(target);
    } else {
        fitLabel(m_cue,
                 isStep              ? pic.step->cue
                 : pic.gettingReady  ? std::string(_(kGetReadyCue))
                 : hand              ? std::string(_(kHandSwitchCue))
                 : pic.ballCount > 1 ? _(kSwitchCueBalls)
                                     : _(kSwitchCue),
                 m_px.cue, palette::text, b["cue"]);
        m_cue.draw(target);
    }
    // The bar moves in whole seconds, like the clock, so a held step costs one frame a second.
    const sf::FloatRect bar = b["bar"];
    drawPanel(target, bar, palette::panel);
    drawPanel(target,
              {bar.left, bar.top, bar.width * static_cast<float>(pic.shownProgress), bar.height},
              palette::accent);
    if (b.has("session")) {
        fitLabel(m_sessionLine, sessionText(m.sessionLeftS, pic.sideAfter), m_px.line,
                 palette::text, b["session"]);
        m_sessionLine.draw(target);
    }

    // A warning: icon, words and colour together.
    if (!pic.warning.empty()) {
        const sf::FloatRect box = b["warning"];
        const sf::Color color = warningColor(pic.worst);
        drawPanel(target, box, palette::warningPanel, color, 5 * u);
        const float icon = static_cast<float>(m_px.warning) * 1.8f;
        drawWarningIcon(target, {box.left + pad + icon / 2, box.top + box.height / 2}, icon, color,
                        m_app.fonts.bold, static_cast<unsigned>(icon * 0.7f));
        fitLabel(m_warning, pic.warning, m_px.warning, palette::text,
                 {box.left + icon + 2 * pad, box.top + pad, box.width - icon - 3 * pad,
                  box.height - 2 * pad});
        m_warning.setPosition(box.left + icon + 2 * pad,
                              box.top + (box.height - m_warning.height()) / 2);
        m_warning.draw(target);
    }
    const bool asking = pic.tensionPrompt.has_value() || !pic.answer.empty() || !pic.notice.empty();
    if (asking) {
        const sf::FloatRect box = b["prompt"];
        drawPanel(target, box, palette::panel, palette::accent, 3 * u);
        const std::string question =
            pic.tensionPrompt
                ? tensionQuestion(*pic.tensionPrompt, false, routine.drill == Drill::Partner)
                : std::string();
        const std::string shown =
            question.empty() && pic.answer.empty() ? pic.notice : promptText(question, pic.answer);
        fitLabel(m_prompt, shown, m_px.prompt, palette::text,
                 {box.left + pad, box.top + pad, box.width - 2 * pad, box.height - 2 * pad});
        m_prompt.setPosition(box.left + pad, box.top + (box.height - m_prompt.height()) / 2);
        m_prompt.draw(target);
    }

    if (const std::optional<PostureShown> posture = postureShown(u)) {
        drawPanel(target, posture->panel, palette::panel);
        drawPosture(target, posture->picture, *posture->posture, posture->frame, fill);
    }
    fitLabel(m_stop, stopAdvice(routine, pic.step), m_px.stop, palette::dimText, b["stop"]);
    m_stop.draw(target);
    fitLabel(m_keys, keysText(pic.muted, pic.paused), m_px.keys, palette::dimText, b["keys"]);
    m_keys.draw(target);

    // The leave question over everything, large and in the middle: read from the floor.
    if (pic.askingToLeave) {
        sf::RectangleShape dim({c.w, c.h});
        dim.setFillColor(palette::withAlpha(palette::shade, 170));
        target.draw(dim);
        const sf::FloatRect box = m_leaveBox;
        drawPanel(target, box, palette::panel, palette::accent, 5 * u);
        fitLabel(
            m_leave, translate(kLeaveQuestion), m_px.leave, palette::text,
            {box.left + 2 * pad, box.top + 2 * pad, box.width - 4 * pad, box.height - 4 * pad});
        m_leave.setPosition(box.left + 2 * pad, box.top + (box.height - m_leave.height()) / 2);
        m_leave.draw(target);
    }
}
} // namespace rollcoach
