#pragma once

#include "Drawing.hpp"
#include "core/BodyModel.hpp"
#include "core/Routine.hpp"

#include <SFML/Graphics.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace rollcoach {

/// The smallest box holding both.
sf::FloatRect joined(sf::FloatRect a, sf::FloatRect b);

/// The measures of a screen: one unit of size (a 1920x1080 screen read from two metres away)
/// and the size itself. The unit follows the height, so text keeps its size as seen from the
/// floor, but never outgrows the width: a portrait screen would otherwise fit a few words a line.
struct Canvas {
    float u = 1;
    float w = 0;
    float h = 0;

    static Canvas of(sf::Vector2u size) {
        const float w = static_cast<float>(size.x);
        const float h = static_cast<float>(size.y);
        return {std::min(h / 1080.f, w / 1200.f), w, h};
    }
    /// A text size in pixels for `size` units, never below what can be read at all.
    unsigned px(float size) const;
};

/// Where a screen's layout put each of its elements, by name. Drawing puts each thing in its
/// box; a test checks that no two boxes meet and that all of them are inside the window.
class Boxes {
public:
    void clear() { m_items.clear(); }
    void add(const std::string& name, sf::FloatRect box) { m_items.emplace_back(name, box); }
    bool has(const std::string& name) const;
    /// The box of an element; an empty one when the layout left it out.
    sf::FloatRect operator[](const std::string& name) const;
    const std::vector<std::pair<std::string, sf::FloatRect>>& all() const { return m_items; }
    /// Set for a window too small for everything: texts are placed even where they overflow,
    /// since a crowded screen beats an empty one.
    bool lenient = false;

private:
    std::vector<std::pair<std::string, sf::FloatRect>> m_items;
};

/// The width and height of text wrapped to `width` (0: no wrap), as a Label draws it. Read
/// from the font's metrics: nothing is rasterised.
sf::Vector2f measureText(const MeasuredFont& font, const std::string& text, unsigned size,
                         float width = 0);

/// measureText, remembering what it measured: a layout that tries many sizes measures the
/// same texts at the same sizes over and over.
class TextMeasures {
public:
    sf::Vector2f operator()(const MeasuredFont& font, const std::string& text, unsigned size,
                            float width = 0);
    void clear() { m_known.clear(); }

private:
    std::map<std::tuple<const MeasuredFont*, unsigned, float, std::string>, sf::Vector2f> m_known;
};

/// The largest size from `size` down to `minimum` at which every one of the texts, wrapped to
/// the box's width, fits its height; `minimum` when none does.
unsigned fittingSize(const MeasuredFont& font, const std::vector<std::string>& texts, unsigned size,
                     unsigned minimum, sf::Vector2f box);

/// Sets a label to the text at `size`, smaller if need be (down to a size still read at all)
/// so that it fits the box, and places it at the box's corner.
void fitLabel(Label& label, const std::string& text, unsigned size, sf::Color color,
              sf::FloatRect box);

/// A text as a layout placed it: drawn at its box's corner, wrapped to its box's width.
struct PlacedText {
    std::string text;
    const MeasuredFont* font = nullptr;
    unsigned size = 0;
    sf::Color color;
    sf::FloatRect box;
};
void drawPlaced(sf::RenderTarget& target, const std::vector<PlacedText>& texts);

/// A button in a row of buttons: its label measured at `size` with `pad` around it, its box
/// starting at `x` (or ending at `x` when `fromRight`), and its label added to `texts`. The
/// caller decides whether the box still fits its row.
sf::FloatRect placeButton(std::vector<PlacedText>& texts, const MeasuredFont& font,
                          const std::string& label, unsigned size, float pad, float top,
                          float height, float x, bool fromRight = false);

/// Lays texts out one under another down a column, each measured as it will be drawn.
class TextColumn {
public:
    TextColumn(Boxes& boxes, std::vector<PlacedText>& texts, sf::FloatRect area, float gap)
        : m_boxes(boxes), m_texts(texts), m_area(area), m_y(area.top), m_gap(gap) {}
    /// A text under the last one, `indent` in from the column's edge; false, and nothing
    /// added, when it would pass the column's bottom or edge.
    bool add(const std::string& name, const MeasuredFont& font, const std::string& text,
             unsigned size, sf::Color color, float indent = 0);
    /// Room for something else: its box, under the last one; false when there is none.
    bool block(const std::string& name, float height, sf::FloatRect& box);
    float y() const { return m_y; }
    float bottom() const { return m_area.top + m_area.height; }

private:
    Boxes& m_boxes;
    std::vector<PlacedText>& m_texts;
    sf::FloatRect m_area;
    float m_y;
    float m_gap;
};

/// A text size on a coarse grid: each size of each font that is drawn rasterises its glyphs
/// anew and keeps them in a texture of its own, so the fewer sizes the screens draw with, the
/// quicker a resize and the less memory.
inline unsigned onGrid(unsigned px) {
    return px >= 24 ? px / 4 * 4 : std::max(2u, px / 2 * 2);
}

/// How a screen spaces its layout, in design units: the scale of its tightest try (`smallest`,
/// at t = 0; below that as shrinkToFit goes on), its margin and the gap between texts.
struct Spacing {
    float smallest = 0.7f;
    float margin = 40;
    float gap = 14;
    bool marginShrinks = true; ///< false: the margin keeps its size at every try
};

/// What every screen's layout starts from, at one try (t = 1 the roomiest): the canvas, the
/// try's scale, the margin and the width inside it, whether the window stands upright, and the
/// boxes and texts placed so far.
struct LayoutStart {
    LayoutStart(sf::Vector2u size, float t, bool lenient, Spacing spacing = {});
    Canvas c;
    float k = 1;     ///< the try's scale of every size
    float m = 0;     ///< the margin
    float gap = 0;   ///< between one text and the next
    float width = 0; ///< inside the margins
    bool tall =
        false; ///< portrait: what stands beside the body on a landscape screen goes under it
    Boxes boxes;
    std::vector<PlacedText> texts;

    /// A text size of `units` at the try's scale, on the grid of sizes.
    unsigned px(float units) const { return onGrid(c.px(units * k)); }
    /// Where the texts go beside `body` (`apart` from it) on a landscape screen, or under it
    /// on a portrait one, to the margins.
    sf::FloatRect besideBody(sf::FloatRect body, float apart) const;
};

/// Clears the target to the background colour and gives its measures.
Canvas beginFrame(sf::RenderTarget& target);

/// A filled rectangle, with a border drawn inside it when one is given.
void drawPanel(sf::RenderTarget& target, sf::FloatRect area, sf::Color fill,
               std::optional<sf::Color> border = std::nullopt, float thickness = 0);

/// Text in the app's style, wrapped to `wrapWidth` (0: no wrap).
void drawText(sf::RenderTarget& target, const MeasuredFont& font, const std::string& text,
              unsigned size, sf::Color color, sf::Vector2f at, float wrapWidth = 0);

/// The text in capitals (ASCII letters only: sides and headings).
std::string upper(std::string text);

/// "tennis ball", or "7.0 cm ball" for a ball given by its size.
std::string ballLabel(const BodyModel& body, const BallChoice& ball);

/// The most balls any step of a routine uses.
std::size_t ballCount(const Routine& routine);
/// What a routine presses with, as the list and the setup screen say it: "2 × tennis ball",
/// or by hand the tools its steps use: "hands, thumb, fingertips".
std::string equipmentText(const BodyModel& body, const Routine& routine);
/// "wall drill", "lying drill", "partner massage", "self-press drill".
std::string drillLabel(Drill drill);

/// What every screen says where it can be seen.
extern const char* const kStopAdvice;

} // namespace rollcoach
