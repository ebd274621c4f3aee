#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/String.hpp>

#include <cstddef>
#include <cstdint>
#include <unordered_map>

// FreeType's handle, named here so that this header does not pull FreeType's own in.
struct FT_FaceRec_;

namespace sf {
class Font;
}

namespace rollcoach {

/// The sizes of text in one font file, as sf::Text (SFML 2.5) would lay it out, read from the
/// glyphs' metrics alone: nothing is rasterised and no texture is made. sf::Font rasterises
/// every glyph it is asked about, at every size, into a texture of its own; a layout that
/// tries several sizes of every text of a routine would otherwise fill textures with glyphs
/// that are never drawn.
///
/// The glyphs are loaded as SFML loads them (the same hinting, at the same pixel size), so the
/// numbers are the ones sf::Text::getLocalBounds() gives, to the last bit. What was measured is
/// remembered per size and character.
///
/// It reads the loaded sf::Font's own FreeType face: one face per font file, for drawing and
/// measuring alike, not a second one with its own tables and hinting state. Like the font, not
/// for use from two threads at once.
class TextMetrics {
public:
    TextMetrics() = default;
    TextMetrics(const TextMetrics&) = delete;
    TextMetrics& operator=(const TextMetrics&) = delete;

    /// Measures with `font`'s face; the font must be loaded, and outlive this. False when it
    /// has no face.
    bool open(const sf::Font& font);

    /// The box of the text at `size` pixels, relative to its origin: what
    /// sf::Text::getLocalBounds() gives for the same string, font and size (regular style).
    sf::FloatRect bounds(const sf::String& text, unsigned size) const;

    /// The distance from one line's baseline to the next.
    float lineSpacing(unsigned size) const;

private:
    struct Glyph {
        float advance = 0;
        sf::FloatRect bounds;
    };
    const Glyph& glyph(std::uint32_t codePoint, unsigned size) const;
    float kerning(std::uint32_t first, std::uint32_t second, unsigned size) const;
    bool useSize(unsigned size) const;

    FT_FaceRec_* m_face = nullptr;
    bool m_kerning = false;
    mutable std::unordered_map<std::uint64_t, Glyph> m_glyphs;
    mutable std::unordered_map<std::uint64_t, float> m_kernings;
    mutable std::unordered_map<unsigned, float> m_lineSpacings;
};

} // namespace rollcoach
