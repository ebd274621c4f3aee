#pragma once

#include "Screen.hpp"
#include "app/Widgets.hpp"

#include <vector>

namespace rollcoach {

/// After a session: the time each side got, the last side's tension rating, this session's
/// tension before and after, and the way to the progress screen; or, after a stop for pain,
/// what to do now.
class EndScreen : public Screen {
public:
    /// The session must outlive the screen: a rating given here is its last check-in.
    EndScreen(AppResources& app, Session& session);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    /// A command from outside the window (a spoken number): a rating counts here too.
    ScreenRequest control(const SessionCommand& command);
    void draw(sf::RenderTarget& target) const override;

private:
    void readRecent();
    /// Gives a rating and says what became of it: the answer, or that no question is open.
    void rate(int rating);
    bool arrange(sf::Vector2u size, float t);

    AppResources& m_app;
    Session& m_session;
    std::vector<SessionRecord> m_recent;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts; // from layout
    sf::FloatRect m_chart;           // this session's tension; none after a stop for pain
    sf::FloatRect m_progressButton;  // none when there is no room, or after a stop for pain
};

} // namespace rollcoach
