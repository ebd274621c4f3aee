#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/String.hpp>

#include <cstddef>
#include <cstdint>
#include <unordered_map>

// FreeType's handles, named here so that this header does not pull FreeType's own in.
struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace rollcoach {

/// The sizes of text in one font file, as sf::Text (SFML 2.5) would lay it out, read from the
/// glyphs' metrics alone: nothing is rasterised and no texture is made. sf::Font rasterises
/// every glyph it is asked about, at every size, into a texture of its own; a layout that
/// tries several sizes of every text of a routine would otherwise fill textures with glyphs
/// that are never drawn.
///
/// The glyphs are loaded as SFML loads them (the same hinting, at the same pixel size), so the
/// numbers are the ones sf::Text::getLocalBounds() gives, to the last bit. What was measured is
/// remembered per size and character. Not for use from two threads at once.
class TextMetrics {
public:
    TextMetrics() = default;
    ~TextMetrics();
    TextMetrics(const TextMetrics&) = delete;
    TextMetrics& operator=(const TextMetrics&) = delete;

    /// Reads a font file's contents, which must stay where they are while this is used; false
    /// when FreeType cannot read it or it has no Unicode characters.
    bool open(const void* data, std::size_t size);

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

    FT_LibraryRec_* m_library = nullptr;
    FT_FaceRec_* m_face = nullptr;
    bool m_kerning = false;
    mutable unsigned m_size = 0;
    mutable std::unordered_map<std::uint64_t, Glyph> m_glyphs;
    mutable std::unordered_map<std::uint64_t, float> m_kernings;
    mutable std::unordered_map<unsigned, float> m_lineSpacings;
};

} // namespace rollcoach
