#pragma once

#include "Screen.hpp"
#include "app/Drawing.hpp"

namespace rollcoach {

/// Before a session: what is needed, how to get ready, the safety note, and the side to
/// start on, chosen afresh each time the screen shows. A routine that comes on or near the
/// spine or the neck shows where on the body, and starts only with an acknowledging key.
class SetupScreen : public Screen {
public:
    SetupScreen(AppResources& app, Routine routine, RoutineSource source,
                std::optional<Side> forcedSide);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;
    void shown() override {
        chooseSide();
        layout(m_size);
    }

    const SideChoice& firstSide() const { return m_side; }
    /// The placements that come on or near the spine or the neck, for the first side.
    const std::vector<SafetyWarning>& warnings() const { return m_warnings; }
    /// The key that starts a routine with warnings, after reading them.
    static constexpr sf::Keyboard::Key kAcknowledgeKey = sf::Keyboard::A;
    /// The key that opens the body screen, as on the list.
    static constexpr sf::Keyboard::Key kBodyKey = sf::Keyboard::B;
    const std::string& file() const { return m_source.file; }
    /// The session this screen would start now.
    SessionStart start() const { return {m_routine, m_source, m_side.side}; }

private:
    void chooseSide();
    bool arrange(sf::Vector2u size, float t);

    AppResources& m_app;
    Routine m_routine;
    RoutineSource m_source;
    std::optional<Side> m_forcedSide;
    SideChoice m_side;
    std::vector<SafetyWarning> m_warnings;
    BodyDiagram m_diagram; // where the warnings are, when there are any
    sf::FloatRect m_bodyArea;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts; // from layout
    sf::FloatRect m_picture;         // the posture, when there is room for it
    sf::FloatRect m_note;            // the safety note, or the warnings
    unsigned m_iconSize = 0;
    sf::FloatRect m_bodyButton; // opens the body screen
};

} // namespace rollcoach
