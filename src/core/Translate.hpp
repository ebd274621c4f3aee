// Every text a person reads or hears goes through the "rollcoach" message catalog, so a
// person whose language has a catalog reads and hears it in that language.
//
//   _("Pause")                     a text, translated
//   C_("short month name", "May")  a text in a context, apart from the same text elsewhere
//   N_("Pause")                    marked for the catalog where it is defined, translated
//                                  where it is shown (tables of texts, data keys)
//   plural(n, "{0} minute", "{0} minutes")   the language's own plural rule (ngettext)
//   fillIn(_("{0} of {1} bodies"), 3, 254)     a whole sentence with its numbers put in, so a
//                                  translation may put them in its own order
//
// The catalog's language is chosen by the front end (main), never here: the core reads no
// environment. Without a catalog every text comes back as written.
#pragma once

#include <libintl.h>

#include <sstream>
#include <string>
#include <string_view>

namespace rollcoach {

inline constexpr const char* kTextDomain = "rollcoach";

inline const char* translate(const char* english) {
    return ::dgettext(kTextDomain, english);
}

inline std::string translate(const std::string& english) {
    return translate(english.c_str());
}

// A text translated in a context, for a word the catalog must keep apart from the same word
// elsewhere ("May" the short month name against "May" the month).
inline const char* translateIn(const char* context, const char* english) {
    const std::string key = std::string(context) + '\004' + english;
    const char* found = ::dgettext(kTextDomain, key.c_str());
    return found == key.c_str() ? english : found;
}

namespace detail {
inline std::string asText(const std::string& value) {
    return value;
}
inline std::string asText(std::string_view value) {
    return std::string(value);
}
inline std::string asText(const char* value) {
    return value;
}
template <typename Value> std::string asText(const Value& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}
} // namespace detail

// Puts the values in place of {0}, {1}, ... A placeholder without a value, or a brace that is
// not a placeholder, stays as it is: a wrong translation shows a wrong word, never crashes.
template <typename... Values>
std::string fillIn(std::string_view pattern, const Values&... values) {
    const std::string texts[] = {std::string(), detail::asText(values)...};
    constexpr std::size_t count = sizeof...(Values);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
            pattern[i + 1] >= '0' && pattern[i + 1] <= '9' &&
            static_cast<std::size_t>(pattern[i + 1] - '0') < count) {
            out += texts[1 + static_cast<std::size_t>(pattern[i + 1] - '0')];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

// The catalog's plural for n (German and Spanish: one and other), with n put in for {0}.
template <typename... Values>
std::string plural(unsigned long n, const char* one, const char* many, const Values&... values) {
    return fillIn(::dngettext(kTextDomain, one, many, n), n, values...);
}

} // namespace rollcoach

#define _(english) ::rollcoach::translate(english)
#define N_(english) english
#define C_(context, english) ::rollcoach::translateIn(context, english)
