#pragma once

#include "Drawing.hpp"
#include "core/BodyModel.hpp"
#include "core/Routine.hpp"

#include <SFML/Graphics.hpp>

#include <optional>
#include <string>

namespace rollcoach {

/// The measures of a screen: one unit of size (a 1080-pixel-high screen read from two metres
/// away) and the size itself.
struct Canvas {
    float u = 1;
    float w = 0;
    float h = 0;

    static Canvas of(sf::Vector2u size) {
        return {static_cast<float>(size.y) / 1080.f, static_cast<float>(size.x),
                static_cast<float>(size.y)};
    }
    /// A text size in pixels for `size` units, never below what can be read at all.
    unsigned px(float size) const;
};

/// Clears the target to the background colour and gives its measures.
Canvas beginFrame(sf::RenderTarget& target);

/// A filled rectangle, with a border drawn inside it when one is given.
void drawPanel(sf::RenderTarget& target, sf::FloatRect area, sf::Color fill,
               std::optional<sf::Color> border = std::nullopt, float thickness = 0);

/// Text in the app's style, wrapped to `wrapWidth` (0: no wrap).
void drawText(sf::RenderTarget& target, const sf::Font& font, const std::string& text,
              unsigned size, sf::Color color, sf::Vector2f at, float wrapWidth = 0);

/// The text in capitals (ASCII letters only: sides and headings).
std::string upper(std::string text);

/// "tennis ball", or "7.0 cm ball" for a ball given by its size.
std::string ballLabel(const BodyModel& body, const BallChoice& ball);

/// The most balls any step of a routine uses.
std::size_t ballCount(const Routine& routine);

/// What every screen says where it can be seen.
extern const char* const kStopAdvice;

} // namespace rollcoach
