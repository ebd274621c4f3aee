#pragma once

#include "screens/Screen.hpp"

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>

#include <chrono>
#include <optional>

namespace rollcoach {

/// A frame's time at 60 frames a second, the window's frame limit.
inline constexpr std::chrono::microseconds kFrameTime{16667};

/// Where the window must be drawn again for frame `next` after `last` was drawn: one box
/// holding what moved in both, in the window's pixels (whole ones, inside the window). None
/// when it must be drawn whole: the still parts differ, either frame says nothing of what
/// moves, or what moved spans most of the window anyway.
///
/// One box, not one per thing that moved: each box drawn costs the whole scene's shapes once
/// more, and under llvmpipe another pass costs more CPU and memory than the pixels between.
std::optional<sf::IntRect> changedArea(const FrameKey& last, const FrameKey& next,
                                       sf::Vector2u size);

/// Shows the frames drawn in the window. Where OpenGL draws in software (llvmpipe, on a
/// machine without a graphics driver) and can copy a part of the frame it draws into to the
/// window (GLX_MESA_copy_sub_buffer), frames are shown that way, and what was drawn stays: a
/// frame in which only a ball moved is then drawn again only around the ball. Elsewhere each
/// frame is swapped in as SFML does, and is drawn whole: on a graphics card a whole frame costs
/// the CPU little, and a swap keeps the frames in step with the screen, which a copy does not.
class FrameShow {
public:
    /// With the window's context active.
    explicit FrameShow(sf::RenderWindow& window);
    /// Called before each frame is drawn: true when the window still holds the last frame
    /// shown, at its present size, so a part of it can be drawn again.
    bool keepsFrame(sf::RenderWindow& window);
    /// Draws with `draw(target)` only inside `area`, in the target's pixels; all of the
    /// target without one.
    template <typename Draw>
    static void drawIn(sf::RenderTarget& target, std::optional<sf::IntRect> area, Draw draw) {
        if (!area) {
            draw(target);
            return;
        }
        struct Limit {
            sf::RenderTarget& target;
            ~Limit() { limitTo(target, std::nullopt); }
        } limit{target};
        limitTo(target, area);
        draw(target);
    }
    /// Shows the frame drawn; at most 60 frames a second, as SFML's frame limit.
    void show(sf::RenderWindow& window);

private:
    static void limitTo(sf::RenderTarget& target, std::optional<sf::IntRect> area);

    using CopySubBuffer = void (*)(void*, unsigned long, int, int, int, int);
    CopySubBuffer m_copy = nullptr;
    bool m_kept = false;        // the frame drawn into is the last one shown
    sf::Vector2u m_shownSize;   // the window's size when it was shown
    sf::Vector2u m_drawingSize; // and when the frame being drawn was begun
    sf::Clock m_sinceShown;
};

} // namespace rollcoach
