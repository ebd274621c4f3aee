#pragma once

#include "Screen.hpp"

#include <vector>

namespace rollcoach {

/// After a session: the time each side got, the last side's tension rating, and recent
/// ratings; or, after a stop for pain, what to do now.
class EndScreen : public Screen {
public:
    /// The session must outlive the screen: a rating given here is its last check-in.
    EndScreen(AppResources& app, Session& session);
    void layout(sf::Vector2u) override {}
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void drawChart(sf::RenderTarget& target, sf::FloatRect area) const;
    void readRecent();

    AppResources& m_app;
    Session& m_session;
    std::vector<SessionRecord> m_recent;
};

} // namespace rollcoach
