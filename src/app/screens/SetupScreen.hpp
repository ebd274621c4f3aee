#pragma once

#include "Screen.hpp"

namespace rollcoach {

/// Before a session: what is needed, how to get ready, the safety note, and the side to
/// start on, chosen afresh each time the screen shows.
class SetupScreen : public Screen {
public:
    SetupScreen(AppResources& app, Routine routine, RoutineSource source,
                std::optional<Side> forcedSide);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;
    void shown() override { chooseSide(); }

    const SideChoice& firstSide() const { return m_side; }
    /// The session this screen would start now.
    SessionStart start() const { return {m_routine, m_source, m_side.side}; }

private:
    void chooseSide();

    AppResources& m_app;
    Routine m_routine;
    RoutineSource m_source;
    std::optional<Side> m_forcedSide;
    SideChoice m_side;
};

} // namespace rollcoach
