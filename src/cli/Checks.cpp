#include "Subcommand.hpp"
#include "core/PrintableText.hpp"
#include "core/Translate.hpp"

#include <cmath>
#include <cstdlib>

namespace rollcoach {

const CLI::Validator& finiteNumber() {
    static const CLI::Validator check(
        [](std::string& input) -> std::string {
            const char* begin = input.c_str();
            char* end = nullptr;
            const double value = std::strtod(begin, &end);
            if (end == begin || *end != '\0' || !std::isfinite(value)) {
                return rollcoach::fillIn(_("must be a finite number, got {0}"), printable(input));
            }
            return {};
        },
        "NUMBER");
    return check;
}

} // namespace rollcoach
