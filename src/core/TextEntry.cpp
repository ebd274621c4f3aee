#include "TextEntry.hpp"

namespace rollcoach {

namespace {

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

std::string utf8Of(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return "";
        }
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c <= 0x10FFFF) {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

void TextEntry::insert(const std::string& utf8) {
    std::string clean;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c == '\r' && i + 1 < utf8.size() && utf8[i + 1] == '\n') {
            continue; // a Windows line break is one space
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            clean += ' ';
        } else if (c < 0x20 || c == 0x7F) {
            continue;
        } else if (c == 0xC2 && i + 1 < utf8.size() &&
                   static_cast<unsigned char>(utf8[i + 1]) < 0xA0) {
            ++i; // a C1 control character
        } else {
            clean += static_cast<char>(c);
        }
    }
    m_text.insert(m_cursor, clean);
    m_cursor += clean.size();
}

void TextEntry::insert(char32_t codePoint) {
    insert(utf8Of(codePoint));
}

void TextEntry::left() {
    while (m_cursor > 0) {
        --m_cursor;
        if (!continuation(m_text[m_cursor])) {
            break;
        }
    }
}

void TextEntry::right() {
    if (m_cursor < m_text.size()) {
        ++m_cursor;
        while (m_cursor < m_text.size() && continuation(m_text[m_cursor])) {
            ++m_cursor;
        }
    }
}

void TextEntry::backspace() {
    const std::size_t end = m_cursor;
    left();
    m_text.erase(m_cursor, end - m_cursor);
}

void TextEntry::erase() {
    const std::size_t start = m_cursor;
    right();
    m_text.erase(start, m_cursor - start);
    m_cursor = start;
}

} // namespace rollcoach
