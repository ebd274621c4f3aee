#pragma once

#include "Screen.hpp"
#include "app/Controls.hpp"
#include "app/Drawing.hpp"

#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// A routine that does not fit the person's body: which, why, for which body it was checked,
/// and what to do, with the body screen one key (B) or click away.
class NotFitScreen : public Screen {
public:
    NotFitScreen(AppResources& app, std::string file, std::string title, std::string reason);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

    const std::string& file() const { return m_file; }
    const std::string& reason() const { return m_reason; }

private:
    bool arrange(float t);

    AppResources& m_app;
    std::string m_file;
    std::string m_title;
    std::string m_reason;
    ControlMap m_controls;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts;
    std::vector<std::pair<std::string, sf::FloatRect>> m_buttons;
    float m_edge = 4;
};

} // namespace rollcoach
