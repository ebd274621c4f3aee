#include "SessionScreen.hpp"

#include "app/Palette.hpp"
#include "app/Widgets.hpp"
#include "core/Motion.hpp"

#include <algorithm>
#include <cmath>

namespace rollcoach {
namespace {

// Arrows beside the balls showing which way a sweep goes, outside the balls so a small
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

std::string promptText(const CheckIn& checkIn) {
    return std::string("How tense is your ") + sideName(checkIn.side) + " side " +
           (checkIn.after ? "now" : "before you start") + "? Press 0-9 (T for 10)";
}

} // namespace

SessionScreen::SessionScreen(AppResources& app, Session& session)
    : m_app(app), m_session(session), m_diagrams{BodyDiagram(app.body, app.fonts.bold),
                                                 BodyDiagram(app.body, app.fonts.bold)} {}

sf::FloatRect SessionScreen::bodyArea(sf::Vector2f size) {
    return {size.x * 0.02f, size.y * 0.03f, size.x * 0.44f, size.y * 0.94f};
}

void SessionScreen::layout(sf::Vector2u size) {
    const sf::FloatRect area = bodyArea({static_cast<float>(size.x), static_cast<float>(size.y)});
    m_diagrams[0].prepare(area, Side::Left, m_session.routine().target);
    m_diagrams[1].prepare(area, Side::Right, m_session.routine().target);
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
            m_app.speech.say(words, static_cast<int>(cue.weight));
        }
    }
}

ScreenRequest SessionScreen::afterCommand() const {
    if (m_session.over()) {
        return {ScreenRequest::Kind::SessionOver, {}, std::nullopt};
    }
    return {};
}

ScreenRequest SessionScreen::handle(const sf::Event& event) {
    if (const std::optional<ControlInput> input = m_controls.map(event)) {
        return control(*input);
    }
    return {};
}

ScreenRequest SessionScreen::control(ControlInput input) {
    // The pain stop is never asked about and never waits.
    if (input.control == Control::StopForPain) {
        play(m_session.stopForPain());
        return afterCommand();
    }
    // A media player's Stop is a deliberate press of a key made for it: it leaves at once.
    if (input.control == Control::LeaveNow) {
        play(m_session.leave());
        return afterCommand();
    }
    if (m_session.askingToLeave()) {
        if (input.control == Control::Leave || input.control == Control::Confirm) {
            play(m_session.leave());
            return afterCommand();
        }
        // Anything else stays, and does nothing more.
        m_session.stay();
        return {};
    }
    switch (input.control) {
    case Control::TogglePause:
        play(m_session.togglePause());
        break;
    case Control::Play:
        play(m_session.resume());
        break;
    case Control::Pause:
        play(m_session.pause());
        break;
    case Control::Next:
        play(m_session.next());
        break;
    case Control::Previous:
        play(m_session.previous());
        break;
    case Control::Mute:
        toggleMute(m_app);
        break;
    case Control::Leave:
        m_session.askToLeave();
        break;
    case Control::Rate:
        // Only while the prompt shows; the clock keeps running.
        m_session.rate(input.rating);
        break;
    case Control::Confirm:
    case Control::Dismiss:
    case Control::LeaveNow:
    case Control::StopForPain:
        break;
    }
    return afterCommand();
}

NowPlaying SessionScreen::nowPlaying() const {
    // Asked every tick: the moment alone, not the whole snapshot drawing needs.
    const Moment m = m_session.timeline().at(m_session.elapsedS());
    const Segment& segment = *m.segment;
    NowPlaying now;
    now.status = m_session.over()     ? NowPlaying::Status::Stopped
                 : m_session.paused() ? NowPlaying::Status::Paused
                                      : NowPlaying::Status::Playing;
    if (segment.kind == SegmentKind::Step && segment.step) {
        now.title = m_session.routine().steps[*segment.step].name;
    } else if (segment.kind == SegmentKind::Switch) {
        now.title = std::string("Switch to the ") + sideName(segment.side) + " side";
    } else {
        now.title = "Get ready";
    }
    std::string side = sideName(segment.side);
    side[0] = static_cast<char>(side[0] - 'a' + 'A');
    now.artist = m_session.routine().title;
    now.album = side + " side";
    now.segment = m.segmentIndex;
    now.lengthS = segment.durationS;
    now.positionS = m.intoSegmentS;
    return now;
}

ScreenRequest SessionScreen::update(double seconds) {
    play(m_session.advance(seconds));
    return afterCommand();
}

std::string SessionScreen::frameKey(sf::Vector2u size) const {
    // Everything the session screen shows that can change: the segment, the whole seconds
    // on the clocks, the pause, the prompts, and the balls to the pixel.
    const SessionSnapshot snap = m_session.snapshot();
    const Moment& m = snap.moment;
    const BodyView view(m_app.body,
                        bodyArea({static_cast<float>(size.x), static_cast<float>(size.y)}));
    std::string key = std::to_string(size.x) + "x" + std::to_string(size.y) + "|" +
                      std::to_string(m.segmentIndex) + "|" + clockText(m.segmentLeftS) + "|" +
                      clockText(m.sessionLeftS) + "|" + (snap.paused ? "P" : "") +
                      (snap.askingToLeave ? "L" : "") + (m_app.tones.muted() ? "M" : "") + "|" +
                      std::to_string(static_cast<int>(m.intoSegmentS));
    if (snap.tensionPrompt) {
        key += "|c" + promptText(*snap.tensionPrompt) + std::to_string(snap.tensionPrompt->round);
    }
    for (const BallOnScreen& ball : snap.balls) {
        const sf::Vector2f at = view.toScreen(ball.at);
        // Whole pixels: shapes are drawn without antialiasing, so a half-pixel step barely
        // shows, and a slow sweep then costs half the frames.
        key += "|" + std::to_string(static_cast<int>(std::lround(at.x))) + "," +
               std::to_string(static_cast<int>(std::lround(at.y)));
    }
    return key;
}

void SessionScreen::draw(sf::RenderTarget& target) const {
    const SessionSnapshot pic = m_session.snapshot();
    const Routine& routine = m_session.routine();
    const Moment& m = pic.moment;
    const bool isStep = !pic.switching && !pic.gettingReady;
    const Canvas c = beginFrame(target);
    const float u = c.u;
    const sf::Vector2f size(c.w, c.h);

    // The body, with the zones coloured when a ball is on or near them.
    const BodyDiagram& diagram = this->diagram(pic.side);
    diagram.draw(target, pic.spine, pic.neck);
    const BodyView& view = diagram.view();
    const sf::Color fill = ballColor(m_app.body, routine.ball);

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
            const float r = static_cast<float>(routine.ball.diameterCm / 2) * view.pixelsPerCm() *
                            (0.55f - 0.025f * static_cast<float>(k));
            fillRing(dots, view.toScreen(trail[k]), 0, r, 24,
                     sf::Color(fill.r, fill.g, fill.b, static_cast<sf::Uint8>(alpha)));
        }
    }
    drawShapes(target, dots);
    for (const BallOnScreen& ball : pic.balls) {
        std::optional<sf::Color> ring;
        if (isStep && ball.verdict.worst != Closeness::Safe) {
            ring = warningColor(ball.verdict.worst);
        }
        // A ball on a warning turns the warning colour itself, so it cannot be missed.
        drawBall(target, view, ball.at, routine.ball.diameterCm, ring ? *ring : fill, pic.switching,
                 ring);
    }
    if (isStep) {
        drawMotionArrows(target, view, *pic.step, pic.side, routine.ball.diameterCm);
    }

    // The right-hand panel.
    const float x = size.x * 0.5f;
    const float width = size.x * 0.47f;
    float y = size.y * 0.035f;
    if (pic.gettingReady) {
        m_side.set("GET READY", c.px(110), palette::accent);
    } else if (isStep) {
        m_side.set(upper(sideName(pic.side)) + " SIDE", c.px(110), palette::accent);
    } else {
        m_side.set(std::string("SWITCH TO ") + upper(sideName(pic.side)), c.px(84),
                   palette::accent);
    }
    m_side.setPosition(x, y);
    m_side.draw(target);
    y += 140 * u;
    if (pic.gettingReady) {
        m_progress.set(std::string("The ") + sideName(pic.side) + " side first: place " +
                           (pic.ballCount > 1 ? "the balls" : "the ball") + " as shown",
                       c.px(32), palette::dimText, width);
    } else if (isStep) {
        m_progress.set("Round " + std::to_string(pic.round) + " of " + std::to_string(pic.rounds) +
                           "  ·  step " + std::to_string(pic.stepNumber) + " of " +
                           std::to_string(pic.stepsPerSide),
                       c.px(32), palette::dimText);
    } else {
        // Lifted, never rolled across: the picture shows no ball until its new place.
        const bool many = pic.ballCount > 1;
        m_progress.set(
            pic.moment.lifted
                ? std::string(many ? "LIFT the balls off your back" : "LIFT the ball off your back")
                : std::string(many ? "Place them" : "Place it") + " on your " + sideName(pic.side) +
                      " side, as shown",
            c.px(32), pic.moment.lifted ? palette::accent : palette::dimText, width);
    }
    m_progress.setPosition(x, y);
    m_progress.draw(target);
    y += 56 * u;
    m_stepName.set(isStep ? pic.step->name
                          : (pic.gettingReady ? "First: " : "Next: ") + pic.step->name,
                   c.px(60), palette::text, width);
    m_stepName.setPosition(x, y);
    m_stepName.draw(target);
    y += m_stepName.height() + 20 * u;
    m_cue.set(isStep             ? pic.step->cue
              : pic.gettingReady ? "Get into position and breathe out. The clock starts when "
                                   "the count reaches zero."
                                 : "Never roll it across the spine. Place it as before, "
                                   "mirrored: same height, same distance from the spine.",
              c.px(36), palette::text, width);
    m_cue.setPosition(x, y);
    m_cue.draw(target);
    y += std::max(m_cue.height(), 90 * u) + 26 * u;
    // The time left in this step, large, with a bar.
    // The text sizes on this screen are few on purpose: each size of each font is a texture
    // of its own glyphs. The clock has a size of its own, the largest: a glance from the floor
    // finds it, and its digits do not share a texture with the side's name, which together
    // would outgrow 256x256 pixels and take a 512x512 texture (1 MiB).
    m_stepTime.set(clockText(m.segmentLeftS), c.px(120), palette::text);
    m_stepTime.setPosition(x, y);
    m_stepTime.draw(target);
    m_stepTimeCaption.set(isStep             ? "left in this step"
                          : pic.gettingReady ? "until the first step"
                                             : "until the other side",
                          c.px(32), palette::dimText);
    m_stepTimeCaption.setPosition(x + m_stepTime.bounds().width + 30 * u, y + 70 * u);
    m_stepTimeCaption.draw(target);
    y += 150 * u;
    drawPanel(target, {x, y, width, 14 * u}, palette::panel);
    // The bar moves in whole seconds, like the clock beside it, so a held step costs one
    // frame a second.
    drawPanel(target, {x, y, width * static_cast<float>(pic.shownProgress), 14 * u},
              palette::accent);
    y += 40 * u;
    const std::string next = pic.sideAfter
                                 ? std::string("then the ") + sideName(*pic.sideAfter) + " side"
                                 : std::string("the last side");
    m_sessionLine.set("Session: " + clockText(m.sessionLeftS) + " left  ·  " + next, c.px(36),
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
                        c.px(60));
        m_warning.set(pic.warning, c.px(36), palette::text, width - 140 * u);
        m_warning.setPosition(x + 120 * u, y + 18 * u);
        m_warning.draw(target);
        y += 140 * u;
    }
    if (pic.askingToLeave || pic.tensionPrompt) {
        // The box fits its words, however they wrap at this size.
        const float boxWidth = width * 0.62f;
        m_prompt.set(pic.askingToLeave
                         ? "Leave this session? Press Esc again to leave, any other key to stay"
                         : promptText(*pic.tensionPrompt),
                     c.px(32), palette::text, boxWidth - 30 * u);
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
                routine.drill, fill);
    m_stop.set(kStopAdvice, c.px(26), palette::dimText, posture.left - x - 30 * u);
    m_stop.setPosition(x, size.y - 70 * u - m_stop.height());
    m_stop.draw(target);
    m_keys.set(std::string("Space pause  ·  ← → step  ·  M ") +
                   (m_app.tones.muted() ? "unmute" : "mute") + "  ·  X stop (pain)  ·  Esc leave",
               c.px(26), palette::dimText);
    m_keys.setPosition(x, size.y - 56 * u);
    m_keys.draw(target);

    if (pic.paused || pic.resumingIn > 0) {
        drawPanel(target, {0, size.y * 0.4f, size.x, 170 * u}, sf::Color(0, 0, 0, 200));
        m_paused.set(pic.paused ? std::string("PAUSED  ·  press Space to go on")
                                : "Going on in " + std::to_string(pic.resumingIn),
                     c.px(60), palette::text);
        const sf::FloatRect b = m_paused.bounds();
        m_paused.setPosition((size.x - b.width) / 2, size.y * 0.4f + 40 * u);
        m_paused.draw(target);
    }
}

} // namespace rollcoach
