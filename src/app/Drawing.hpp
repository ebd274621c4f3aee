#pragma once

#include "BodyView.hpp"
#include "Fonts.hpp"
#include "core/Posture.hpp"
#include "core/Routine.hpp"
#include "core/SafetyCheck.hpp"

#include <SFML/Graphics.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace rollcoach {

/// Draws triangles made by the functions below. Every shape goes through here, textured with a
/// small white texture: under a software OpenGL (Mesa's llvmpipe, on machines without a GPU)
/// untextured draws need shader variants of their own, compiled with LLVM on the first frame.
/// Textured like text, the first frame compiles 5 shader modules instead of 9, and holds less
/// memory; on a GPU it changes nothing.
void drawShapes(sf::RenderTarget& target, const sf::VertexArray& triangles);

/// Appends a rectangle to a sf::Triangles array.
void fillRectangle(sf::VertexArray& triangles, sf::FloatRect area, sf::Color color);
/// Appends a disc of radius `outer` (or, with `inner` > 0, a ring between the two radii) to a
/// sf::Triangles array.
void fillRing(sf::VertexArray& triangles, sf::Vector2f center, float inner, float outer,
              int segments, sf::Color color);
/// Appends the triangles of a simple polygon (convex or not) to a sf::Triangles array.
void fillPolygon(sf::VertexArray& triangles, const std::vector<sf::Vector2f>& polygon,
                 sf::Color color);
/// Appends a line of a given width along the points to a sf::Triangles array.
void strokeLine(sf::VertexArray& triangles, const std::vector<sf::Vector2f>& points, float width,
                sf::Color color, bool closed = false);

/// The colour the body model gives a routine's ball.
sf::Color ballColor(const BodyModel& body, const BallChoice& ball);
sf::Color warningColor(Closeness closeness);

/// The back view: outline, head, neck, spine with C7 marked, scapulae, the target muscle on
/// the working side, and the keep-out zones, which turn the warning colour when a ball is
/// on or near them. The still parts are built once per layout and reused every frame.
class BodyDiagram {
public:
    BodyDiagram(const BodyModel& body, const sf::Font& font) : m_body(body), m_font(font) {}

    /// Rebuilds the still parts only when the area, side, target or body changed. `wholeBack`
    /// draws the back down to the sacrum, for strokes that start on the lower back.
    void prepare(sf::FloatRect area, std::optional<Side> workingSide, const std::string& target,
                 bool wholeBack = false);
    void draw(sf::RenderTarget& target, Closeness spine, Closeness neck) const;
    /// The same with a muscle that changes from step to step shaded on the working side (both
    /// sides when `both`), over the skin and under the bones.
    void draw(sf::RenderTarget& target, Closeness spine, Closeness neck, const std::string& muscle,
              Side side, bool both) const;
    const BodyView& view() const { return m_view; }

private:
    const BodyModel& m_body;
    const sf::Font& m_font;
    sf::FloatRect m_area;
    std::optional<Side> m_side;
    std::string m_target;
    bool m_wholeBack = false;
    bool m_prepared = false;
    std::tuple<std::string, double, double> m_bodyMeasures; ///< sex, shoulders, height

    BodyView m_view{m_body, {0, 0, 1, 1}};
    sf::VertexArray m_still{sf::Triangles};
    sf::VertexArray m_spineZone{sf::Triangles};
    sf::VertexArray m_neckZone{sf::Triangles};
    sf::VertexArray m_bones{sf::Triangles};
    sf::Text m_c7Label;
};

/// A ball pressed on the back, drawn as the model sees it: its contact patch, to scale, so
/// what is drawn is where the checks put it (a ball under the top of the shoulder is drawn
/// on the shoulder, never over the background). `carried` draws it see-through (lifted).
void drawBall(sf::RenderTarget& target, const BodyView& view, Point at, double contactRadiusCm,
              sf::Color color, bool carried = false, std::optional<sf::Color> ring = std::nullopt);

/// The side view of a drill's posture at one moment (see Posture::frame), as large as the
/// area allows: its props, the people, and the ball, hand or finger in `contact` colour.
void drawPosture(sf::RenderTarget& target, sf::FloatRect area, const Posture& posture,
                 const PostureFrame& frame, sf::Color contact);
/// Where drawPosture() draws that frame in `area`, in whole pixels: a frame drawn again
/// changes nothing outside it and the last frame's.
sf::FloatRect postureBounds(sf::FloatRect area, const Posture& posture, const PostureFrame& frame);

/// The colour the body model gives a tool.
sf::Color toolColor(const BodyModel& body, Tool tool);
/// A hand, a thumb or a fingertip drawn pressing at `at` (absolute frame), its contact patch
/// to scale. `leftHand` turns a hand or a thumb the way a left one lies; `lifted` draws it
/// see-through; `ring` circles it in a warning colour; `fromAbove` brings fingertips down
/// from above, as a hand reaching over the shoulder does.
void drawTool(sf::RenderTarget& target, const BodyView& view, Tool tool, Point at,
              double contactRadiusCm, bool leftHand, sf::Color color, bool lifted = false,
              std::optional<sf::Color> ring = std::nullopt, bool fromAbove = false);
/// The shapes drawTool draws (screen pixels). A hand, thumb or fingertips placed clear of the
/// spine's band (BodyView::spineBandCm) keeps all of itself out of that band, below C7.
sf::VertexArray toolShapes(const BodyView& view, Tool tool, Point at, double contactRadiusCm,
                           bool leftHand, sf::Color color, bool lifted = false,
                           std::optional<sf::Color> ring = std::nullopt, bool fromAbove = false);
/// An arrow along a path (screen pixels): a line with a head at its end.
void drawArrowPath(sf::VertexArray& shapes, const std::vector<sf::Vector2f>& path, float width,
                   sf::Color color);

/// A warning triangle with an exclamation mark (`markSize`: its character size; 0: from size).
void drawWarningIcon(sf::RenderTarget& target, sf::Vector2f center, float size, sf::Color color,
                     const sf::Font& font, unsigned markSize = 0);

/// The text (UTF-8) wrapped to `width` at `size`: a line break where the next word would pass
/// the width, and a word wider than a whole line cut where the line ends. Measured with the
/// metrics alone, so nothing is rasterised.
sf::String wrapText(const TextMetrics& metrics, const std::string& text, unsigned size,
                    float width);

/// Text that is laid out again only when its content, size or width changes. It is measured
/// with the font's metrics; its glyphs are rasterised only when it is drawn.
class Label {
public:
    /// The font is given up front: a label without one would draw nothing.
    explicit Label(const MeasuredFont& font) : m_metrics(&font.metrics()) { m_text.setFont(font); }
    /// Sets the text (UTF-8), its size in pixels and colour, wrapped to `width` (0: no wrap).
    void set(const std::string& text, unsigned size, sf::Color color, float width = 0);
    void setPosition(float x, float y) { m_text.setPosition(x, y); }
    /// The box sf::Text::getGlobalBounds() would give, without rasterising a glyph.
    sf::FloatRect bounds() const { return m_text.getTransform().transformRect(m_bounds); }
    float height() const { return m_bounds.top + m_bounds.height; }
    void draw(sf::RenderTarget& target) const { target.draw(m_text); }

private:
    const TextMetrics* m_metrics;
    sf::Text m_text;
    sf::FloatRect m_bounds;
    std::string m_source;
    unsigned m_size = 0;
    float m_width = -1;
};

/// "3:05" from seconds.
std::string clockText(double seconds);

} // namespace rollcoach
