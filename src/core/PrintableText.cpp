#include "PrintableText.hpp"

#include "TextEntry.hpp"

#include <cstdio>

namespace rollcoach {
namespace {

// One UTF-8 sequence at `i`: its code point and length, or length 0 when the bytes there are
// not a well-formed sequence (only the lead byte is then consumed).
struct Decoded {
    char32_t codePoint = 0;
    std::size_t length = 0;
};

Decoded decodeAt(const std::string& text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return {lead, 1};
    }
    std::size_t length = 0;
    char32_t value = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // overlong below U+0800
        high = lead == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        low = lead == 0xF0 ? 0x90 : 0x80;  // overlong below U+10000
        high = lead == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
    } else {
        return {};
    }
    if (i + length > text.size()) {
        return {};
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char c = byte(i + k);
        if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
            return {};
        }
        value = (value << 6) | (c & 0x3Fu);
    }
    return {value, length};
}

bool isControl(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

// Characters that reorder or break what follows them on a terminal line.
bool isInvisibleLayout(char32_t c) {
    return c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

bool isBlankCharacter(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
           c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200D) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

} // namespace

std::string printable(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    char escape[16];
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decodeAt(text, i);
        if (d.length == 0) {
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(text[i]));
            out += escape;
            ++i;
            continue;
        }
        if (d.codePoint < 0x20 || d.codePoint == 0x7F) {
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(d.codePoint));
            out += escape;
        } else if (isControl(d.codePoint) || isInvisibleLayout(d.codePoint)) {
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(d.codePoint));
            out += escape;
        } else {
            out.append(text, i, d.length);
        }
        i += d.length;
    }
    return out;
}

std::string printableJson(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    char escape[16];
    for (std::size_t i = 0; i < json.size();) {
        // Printable ASCII, most of any document, goes across in runs.
        std::size_t run = i;
        while (run < json.size() && static_cast<unsigned char>(json[run]) >= 0x20 &&
               static_cast<unsigned char>(json[run]) < 0x7F) {
            ++run;
        }
        if (run > i) {
            out.append(json, i, run - i);
            i = run;
            continue;
        }
        const Decoded d = decodeAt(json, i);
        if (d.length == 0) {
            out += json[i];
            ++i;
            continue;
        }
        // Outside strings JSON holds only printable ASCII, so these are always inside one.
        if (d.codePoint >= 0x7F && (isControl(d.codePoint) || isInvisibleLayout(d.codePoint))) {
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(d.codePoint));
            out += escape;
        } else {
            out.append(json, i, d.length);
        }
        i += d.length;
    }
    return out;
}

bool findControlCharacter(const std::string& text, char32_t* found, std::size_t* characterIndex) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < text.size(); ++index) {
        const Decoded d = decodeAt(text, i);
        if (d.length == 0) {
            ++i;
            continue;
        }
        if (isControl(d.codePoint)) {
            if (found != nullptr) {
                *found = d.codePoint;
            }
            if (characterIndex != nullptr) {
                *characterIndex = index;
            }
            return true;
        }
        i += d.length;
    }
    return false;
}

std::size_t countCharacters(const std::string& text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        const Decoded d = decodeAt(text, i);
        i += d.length == 0 ? 1 : d.length;
    }
    return count;
}

std::string isolated(const std::string& text) {
    // printable() has escaped any isolate or override inside, so the pair always matches.
    return "\u2068" + printable(text) + "\u2069";
}

bool looksBlank(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decodeAt(text, i);
        if (d.length == 0 || !isBlankCharacter(d.codePoint)) {
            return false;
        }
        i += d.length;
    }
    return true;
}

namespace {

// The capital of a small letter of the Latin, Greek and Cyrillic alphabets (the languages
// rollcoach is translated into, and their neighbours); any other character is its own.
char32_t capitalOf(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) ||
        (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) || (c >= 0x430 && c <= 0x44F)) {
        return c - 0x20;
    }
    if (c == 0xFF) {
        return 0x178;
    }
    if (c >= 0x450 && c <= 0x45F) {
        return c - 0x50;
    }
    // Latin Extended-A pairs a capital and its small letter, in turn; the ranges between
    // 0x139 and 0x148, and after 0x178, start with the capital on an odd code point.
    const bool oddCapital = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    const bool paired =
        (c >= 0x100 && c <= 0x137 && c != 0x131) || (c >= 0x14A && c <= 0x177) || oddCapital;
    if (paired && (c % 2 == 0) == oddCapital) {
        return c - 1;
    }
    return c;
}

} // namespace

std::string capitalised(std::string text) {
    if (text.empty()) {
        return text;
    }
    const Decoded first = decodeAt(text, 0);
    if (first.length == 0) {
        return text;
    }
    const char32_t capital = capitalOf(first.codePoint);
    if (capital != first.codePoint) {
        text.replace(0, first.length, utf8Of(capital));
    }
    return text;
}

} // namespace rollcoach
