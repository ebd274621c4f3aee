#include "Clock.hpp"
#include "Translate.hpp"

#include "PrintableText.hpp"

namespace rollcoach {

bool parseNow(const std::string& variable, const std::string& text, std::int64_t& seconds,
              std::string& why) {
    const std::string shown = variable + "=\"" + printable(text) + "\"";
    const std::string range =
        fillIn(_("whole seconds since 1970-01-01 00:00 UTC, from {0} to {1} (9999-12-31)"),
               std::to_string(kEarliestNow), std::to_string(kLatestNow));
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        why = fillIn(_("{0}: not a time: give {1}"), shown, range);
        return false;
    }
    // Digits only: add them up, stopping as soon as the value is past the range, so no
    // length of number can overflow.
    std::int64_t value = 0;
    for (const char c : text) {
        value = value * 10 + (c - '0');
        if (value > kLatestNow) {
            why = fillIn(_("{0}: out of range: give {1}"), shown, range);
            return false;
        }
    }
    seconds = value;
    return true;
}

} // namespace rollcoach
