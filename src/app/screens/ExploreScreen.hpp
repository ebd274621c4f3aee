#pragma once

#include "Screen.hpp"
#include "app/Drawing.hpp"
#include "app/Widgets.hpp"
#include "core/SpotAdvice.hpp"

#include <string>

namespace rollcoach {

/// Drag a ball over the body and see the safety check's verdict live.
class ExploreScreen : public Screen {
public:
    explicit ExploreScreen(AppResources& app);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

    /// Puts the ball at a point (absolute frame), as a drag would.
    void placeBall(Point at) {
        m_ball = at;
        m_copied.clear();
        arrange();
    }
    PlacementVerdict verdict() const;
    /// Where the ball is and what to do, in words: what the screen shows and says.
    SpotAdvice advice() const;
    /// Copies the spot to the clipboard as a routine's placement, says and shows it; the text.
    std::string copySpot();
    /// The placement last copied ("" before any).
    const std::string& copied() const { return m_copied; }
    /// Where the copy button is drawn (its row in the layout may be wider).
    sf::FloatRect copyButton() const { return m_copyButton; }

private:
    // Lays the texts out for the ball where it is now: they change as it moves.
    void arrange();
    bool arrange(float t);
    // Says the verdict when the ball has come to rest somewhere that reads differently.
    void sayAdvice();
    const BallKind& ball() const { return m_app.body.balls[m_ballKind]; }

    AppResources& m_app;
    SafetyCheck m_check;
    BodyDiagram m_diagram;
    Point m_ball{7.5, 9};
    std::size_t m_ballKind = 0;
    bool m_dragging = false;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts; // from layout
    sf::FloatRect m_verdictBox;
    sf::FloatRect m_copyButton;
    SpotAdvice m_advice; // for the ball where it is now
    std::string m_copied;
    std::string m_said; // the verdict last spoken
    unsigned m_iconSize = 0;
};

} // namespace rollcoach
