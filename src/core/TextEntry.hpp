#pragma once

#include <cstddef>
#include <string>

namespace rollcoach {

/// A line of text being typed: UTF-8, with a cursor that moves a character at a time (never
/// into the middle of one). Line breaks and control characters typed or pasted become spaces
/// or nothing, so a field holds what can be shown.
class TextEntry {
public:
    TextEntry() = default;
    explicit TextEntry(std::string text) : m_text(std::move(text)), m_cursor(m_text.size()) {}

    const std::string& text() const { return m_text; }
    std::size_t cursor() const { return m_cursor; } ///< in bytes, at a character's start

    /// Typed or pasted text at the cursor.
    void insert(const std::string& utf8);
    /// One character typed, as a code point.
    void insert(char32_t codePoint);
    void backspace();
    void erase(); ///< Delete: the character after the cursor
    void left();
    void right();
    void home() { m_cursor = 0; }
    void end() { m_cursor = m_text.size(); }

private:
    std::string m_text;
    std::size_t m_cursor = 0;
};

/// A code point in UTF-8 ("" for a surrogate or one past U+10FFFF).
std::string utf8Of(char32_t codePoint);

} // namespace rollcoach
