#pragma once

#include <cstddef>
#include <string>

namespace rollcoach {

/// Text as it may be shown on a terminal: every control character (C0 with tab and newline,
/// DEL, C1), bidirectional override and line separator becomes a visible escape such as
/// `\x1b` or `\u202e`, and a byte that is not UTF-8 becomes `\xNN`. Stored and file text
/// go through it before they are printed, so no title, name or path can move the cursor,
/// recolour or erase what is printed around it.
std::string printable(const std::string& text);

/// Outside text to be laid out among the program's own words (a PDF, not a terminal): made
/// printable, then set apart as a bidirectional isolate (U+2068 first strong isolate ...
/// U+2069 pop directional isolate). A right-to-left title then reads in its own order and takes
/// its direction from its own letters, and the colon or number printed after it stays on the
/// side the sentence puts it, whatever the title's script.
std::string isolated(const std::string& text);

/// JSON text (as nlohmann's dump writes it, control characters below U+0020 already escaped)
/// with DEL, C1 controls, bidirectional overrides and line separators written as `\u` escapes
/// too: the same JSON value, and safe to show on a terminal.
std::string printableJson(const std::string& json);

/// Whether UTF-8 text holds a control character (C0 except tab and newline, DEL, C1).
/// `found` gets the first one's code point and `characterIndex` its 0-based position.
bool findControlCharacter(const std::string& text, char32_t* found = nullptr,
                          std::size_t* characterIndex = nullptr);

/// How many characters (code points) UTF-8 text holds; a stray byte counts as one.
std::size_t countCharacters(const std::string& text);

/// True when the text shows nothing: only spaces, tabs, line breaks, no-break spaces and
/// zero-width characters.
bool looksBlank(const std::string& text);

/// The text with its first letter in capitals ("left side" becomes "Left side", "über" becomes
/// "Über"): UTF-8, for small letters of the Latin, Greek and Cyrillic alphabets; anything else
/// first is left as it is. The one way rollcoach capitalises.
std::string capitalised(std::string text);

} // namespace rollcoach
