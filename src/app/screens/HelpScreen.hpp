// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Screen.hpp"
#include "app/Widgets.hpp"

#include <string>
#include <vector>

namespace rollcoach {

/// One part of the help: a heading and its lines ("Space: pause and resume").
struct HelpSection {
    std::string heading;
    std::vector<std::string> lines;
};

/// Everything the help shows: the keys, media keys, gamepad buttons, voice commands and where
/// the person's files and the app's own are. Over the editor (`editor`), every key of the
/// editor instead of a session's keys, buttons and words, which do nothing there.
std::vector<HelpSection> helpSections(const Workspace& workspace, bool editor = false);

/// Whether an event asks for the help: F1, H, or a typed "?" (whatever the keyboard's layout).
bool isHelpKey(const sf::Event& event);

/// The help, over any screen: F1 or ? shows it, any key or click closes it.
class HelpScreen : public Screen {
public:
    explicit HelpScreen(AppResources& app, bool editor = false);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

    /// The smallest text size laid out, in pixels.
    unsigned smallestText() const { return m_smallest; }
    /// Every text laid out, in order.
    const std::vector<PlacedText>& texts() const { return m_texts; }

private:
    bool arrange(sf::Vector2u size, float t);

    AppResources& m_app;
    std::vector<HelpSection> m_sections;
    std::vector<PlacedText> m_texts;
    std::vector<sf::FloatRect> m_panels;
    float m_edge = 4;
    unsigned m_smallest = 0;
};

} // namespace rollcoach
