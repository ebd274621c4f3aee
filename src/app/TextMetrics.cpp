#include "TextMetrics.hpp"

#include <SFML/Graphics/Font.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>

namespace rollcoach {
namespace {

float fromFixed(FT_Pos value) {
    return static_cast<float>(value) / static_cast<float>(1 << 6);
}

// One number for a size and a character, or a size and a pair of them: code points take
// 21 bits, and no screen asks for a text of 2^22 pixels.
std::uint64_t key(unsigned size, std::uint32_t a, std::uint32_t b = 0) {
    return (static_cast<std::uint64_t>(size) << 42) | (static_cast<std::uint64_t>(a) << 21) | b;
}

// SFML 2.5 keeps a font's FreeType face private (sf::Font::m_face). An explicit
// instantiation may name a private member, so the member's address is taken in one, and
// handed out through the friend function below.
using FontFaceMember = void* sf::Font::*;
FontFaceMember fontFaceMember();
template <FontFaceMember Member> struct FontFaceAccess {
    friend FontFaceMember fontFaceMember() { return Member; }
};
template struct FontFaceAccess<&sf::Font::m_face>;

} // namespace

bool TextMetrics::open(const sf::Font& font) {
    // sf::Font chose the Unicode character map when it loaded the file; it refuses a font
    // without one.
    m_face = static_cast<FT_Face>(font.*fontFaceMember());
    m_kerning = m_face != nullptr && FT_HAS_KERNING(m_face);
    m_glyphs.clear();
    m_kernings.clear();
    m_lineSpacings.clear();
    return m_face != nullptr;
}

bool TextMetrics::useSize(unsigned size) const {
    if (m_face == nullptr) {
        return false;
    }
    // The face is the font's too, and drawing sets its size: it is looked at each time, as
    // sf::Font does, and set only when it differs.
    if (m_face->size == nullptr || m_face->size->metrics.x_ppem != size) {
        return FT_Set_Pixel_Sizes(m_face, 0, size) == 0;
    }
    return true;
}

const TextMetrics::Glyph& TextMetrics::glyph(std::uint32_t codePoint, unsigned size) const {
    const std::uint64_t k = key(size, codePoint);
    const auto known = m_glyphs.find(k);
    if (known != m_glyphs.end()) {
        return known->second;
    }
    Glyph g;
    // The flags sf::Font loads with: the same hinting gives the same advances and boxes.
    // Without FT_LOAD_RENDER the outline is hinted but never turned into pixels.
    if (useSize(size) &&
        FT_Load_Char(m_face, codePoint, FT_LOAD_TARGET_NORMAL | FT_LOAD_FORCE_AUTOHINT) == 0) {
        const FT_Glyph_Metrics& m = m_face->glyph->metrics;
        g.advance = fromFixed(m.horiAdvance);
        // sf::Font gives a box only to a glyph with pixels to draw.
        if (m.width > 0 && m.height > 0) {
            g.bounds = {fromFixed(m.horiBearingX), -fromFixed(m.horiBearingY), fromFixed(m.width),
                        fromFixed(m.height)};
        }
    }
    return m_glyphs.emplace(k, g).first->second;
}

float TextMetrics::kerning(std::uint32_t first, std::uint32_t second, unsigned size) const {
    if (first == 0 || second == 0 || !m_kerning) {
        return 0;
    }
    const std::uint64_t k = key(size, first, second);
    const auto known = m_kernings.find(k);
    if (known != m_kernings.end()) {
        return known->second;
    }
    float value = 0;
    if (useSize(size)) {
        FT_Vector kern{0, 0};
        FT_Get_Kerning(m_face, FT_Get_Char_Index(m_face, first), FT_Get_Char_Index(m_face, second),
                       FT_KERNING_DEFAULT, &kern);
        // Whole pixels for an outline font, as sf::Font rounds them.
        value =
            FT_IS_SCALABLE(m_face) ? static_cast<float>(kern.x >> 6) : static_cast<float>(kern.x);
    }
    return m_kernings[k] = value;
}

float TextMetrics::lineSpacing(unsigned size) const {
    const auto known = m_lineSpacings.find(size);
    if (known != m_lineSpacings.end()) {
        return known->second;
    }
    const float spacing = useSize(size) ? fromFixed(m_face->size->metrics.height) : 0.f;
    return m_lineSpacings[size] = spacing;
}

sf::FloatRect TextMetrics::bounds(const sf::String& text, unsigned size) const {
    if (text.isEmpty() || m_face == nullptr) {
        return {};
    }
    // The walk of sf::Text's geometry, without its quads: the pen starts a line below the top,
    // whitespace and line breaks move the box too, and the box starts at (size, size).
    const float whitespace = glyph(U' ', size).advance;
    const float spacing = lineSpacing(size);
    float x = 0;
    float y = static_cast<float>(size);
    float minX = static_cast<float>(size);
    float minY = static_cast<float>(size);
    float maxX = 0;
    float maxY = 0;
    std::uint32_t previous = 0;
    for (const sf::Uint32 c : text) {
        if (c == U'\r') {
            continue;
        }
        x += kerning(previous, c, size);
        previous = c;
        if (c == U' ' || c == U'\n' || c == U'\t') {
            minX = std::min(minX, x);
            minY = std::min(minY, y);
            if (c == U' ') {
                x += whitespace;
            } else if (c == U'\t') {
                x += whitespace * 4;
            } else {
                y += spacing;
                x = 0;
            }
            maxX = std::max(maxX, x);
            maxY = std::max(maxY, y);
            continue;
        }
        const Glyph& g = glyph(c, size);
        // Summed in sf::Text's order, so the floats come out the same.
        const float right = g.bounds.left + g.bounds.width;
        const float bottom = g.bounds.top + g.bounds.height;
        minX = std::min(minX, x + g.bounds.left);
        maxX = std::max(maxX, x + right);
        minY = std::min(minY, y + g.bounds.top);
        maxY = std::max(maxY, y + bottom);
        x += g.advance;
    }
    return {minX, minY, maxX - minX, maxY - minY};
}

} // namespace rollcoach
