#pragma once

#include "Screen.hpp"
#include "app/Controls.hpp"
#include "app/Drawing.hpp"
#include "app/MediaPlayer.hpp"

#include <array>

namespace rollcoach {

/// The session as it runs: where the balls go and how they move, the time left, the side,
/// warnings and the tension prompt. It turns keys into the session's commands, plays its cues
/// and draws its snapshot.
class SessionScreen : public Screen {
public:
    /// The session must outlive the screen.
    SessionScreen(AppResources& app, Session& session);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    /// Hands one command to the session, from whatever it came (a key, a gamepad, a media
    /// key, a spoken word), and plays what it brings.
    ScreenRequest control(const SessionCommand& command);
    /// Any key or button toggles pause (X stays the pain stop).
    void setBigButton(bool on) { m_controls.setBigButton(on); }
    /// What a media player shows of the session now.
    NowPlaying nowPlaying() const;
    /// The session as the next frame shows it: taken once per frame, after the update, and
    /// after each command.
    const SessionSnapshot& snapshot() const { return m_pic; }
    ScreenRequest update(double seconds) override;
    void draw(sf::RenderTarget& target) const override;
    bool animating() const override { return !m_session.paused() && !m_session.over(); }
    /// The balls to the pixel; on a step of a ball drill, what moves: the balls with their
    /// trails, and the posture picture.
    FrameKey frameKey(sf::Vector2u size) const override;

    /// Where the body is drawn for a target of this size.
    static sf::FloatRect bodyArea(sf::Vector2f size);
    /// Where the posture is drawn now: its own place, and the warning's and the prompt's
    /// while they do not show.
    sf::FloatRect postureArea() const;
    /// How thick the motion arrows are drawn on a target of this size, in pixels.
    static float arrowWidth(sf::Vector2f size);
    /// The body as drawn for a side (after layout).
    const BodyDiagram& diagram(Side side) const { return m_diagrams[side == Side::Left ? 0 : 1]; }

    /// The text sizes the layout chose, in pixels.
    struct TextSizes {
        unsigned side = 0, clock = 0, line = 0, stepName = 0, cue = 0, warning = 0, prompt = 0,
                 keys = 0, stop = 0, lift = 0, leave = 0;
    };
    const TextSizes& textSizes() const { return m_px; }
    /// Where PAUSED stands (beside the clock, or under it), the leave question's large box,
    /// and the lift instruction's box over the body, as laid out.
    sf::FloatRect pausedArea() const { return m_pausedBox; }
    sf::FloatRect leaveArea() const { return m_leaveBox; }
    /// Where the switch's lift text is drawn: clear of the balls or hands shown.
    sf::FloatRect liftArea() const;
    /// The balls' or hands' contact patches on screen, as drawn now.
    std::vector<sf::FloatRect> placedAreas() const;

private:
    // The posture picture as drawn now: its panel, where the picture goes in it, and the
    // frame of its motion.
    struct PostureShown {
        const Posture* posture = nullptr;
        sf::FloatRect panel;
        sf::FloatRect picture;
        PostureFrame frame;
    };
    /// None when no posture shows. `u`: the canvas's unit.
    std::optional<PostureShown> postureShown(float u) const;
    // The frame key's parts: all but the balls' places, and where what moves is drawn.
    std::string stillKey(sf::Vector2u size) const;
    std::vector<sf::FloatRect> movingAreas(const BodyView& view, float u) const;
    std::vector<sf::FloatRect> placedAreas(const BodyView& view) const;
    sf::FloatRect shownLiftBox(const BodyView& view) const;
    void play(const std::vector<Cue>& cues);
    ScreenRequest afterCommand();
    bool arrange(sf::Vector2u size, float big, float t, int level);
    // The largest sizes that fit, as layout() settles them.
    void arrangeAll(sf::Vector2u size);

    AppResources& m_app;
    Session& m_session;
    ControlMap m_controls;
    SessionSnapshot m_pic;                 // what the session shows now
    std::array<BodyDiagram, 2> m_diagrams; // one per working side, laid out once per size
    TextSizes m_px;
    // Drawn over the rest, so not among the boxes that must not meet: the lift instruction
    // over the body during a switch, the leave question over everything, and PAUSED in the
    // place of what the clock counts.
    sf::FloatRect m_liftBox, m_leaveBox, m_pausedBox;
    TextMeasures m_measure; // during a layout
    // Bold for what must be read from across the room, regular for the rest. Labels keep
    // their laid-out text between frames; drawing only refreshes that cache.
    mutable Label m_side{m_app.fonts.bold}, m_stepName{m_app.fonts.bold},
        m_stepTime{m_app.fonts.bold}, m_warning{m_app.fonts.bold}, m_countdown{m_app.fonts.bold},
        m_paused{m_app.fonts.bold}, m_leave{m_app.fonts.bold}, m_lift{m_app.fonts.bold};
    mutable Label m_progress{m_app.fonts.regular}, m_cue{m_app.fonts.regular},
        m_stepTimeCaption{m_app.fonts.regular}, m_sessionLine{m_app.fonts.regular},
        m_stop{m_app.fonts.regular}, m_keys{m_app.fonts.regular}, m_prompt{m_app.fonts.regular};
};

} // namespace rollcoach
