#pragma once

#include "Screen.hpp"
#include "app/Widgets.hpp"

#include <vector>

namespace rollcoach {

/// After a session: the time each side got, the last side's tension rating, and recent
/// ratings; or, after a stop for pain, what to do now.
class EndScreen : public Screen {
public:
    /// The session must outlive the screen: a rating given here is its last check-in.
    EndScreen(AppResources& app, Session& session);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void drawChart(sf::RenderTarget& target, sf::FloatRect area) const;
    void readRecent();
    bool arrange(sf::Vector2u size, float t);

    AppResources& m_app;
    Session& m_session;
    std::vector<SessionRecord> m_recent;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts; // from layout
    sf::FloatRect m_chart;           // none after a stop for pain
};

} // namespace rollcoach
