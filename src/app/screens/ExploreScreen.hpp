#pragma once

#include "Screen.hpp"
#include "app/Drawing.hpp"
#include "app/Widgets.hpp"

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
        arrange();
    }
    PlacementVerdict verdict() const;

private:
    // Lays the texts out for the ball where it is now: they change as it moves.
    void arrange();
    bool arrange(float t);

    AppResources& m_app;
    SafetyCheck m_check;
    BodyDiagram m_diagram;
    Point m_ball{7.5, 9};
    std::size_t m_ballKind = 0;
    bool m_dragging = false;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts; // from layout
    sf::FloatRect m_verdictBox;
    unsigned m_iconSize = 0;
};

} // namespace rollcoach
