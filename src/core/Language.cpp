#include "Language.hpp"

#include "PlanKept.hpp"
#include "Schedule.hpp"
#include "Translate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace rollcoach {

namespace {

bool lowerLetters(const std::string& text) {
    for (char c : text) {
        if (c < 'a' || c > 'z') {
            return false;
        }
    }
    return true;
}

} // namespace

bool isLanguageName(const std::string& name) {
    std::string rest = name;
    if (const std::size_t at = rest.find('@'); at != std::string::npos) {
        const std::string variant = rest.substr(at + 1);
        if (variant.empty() || variant.size() > 16 || !lowerLetters(variant)) {
            return false;
        }
        rest.resize(at);
    }
    std::string language = rest;
    if (const std::size_t underscore = rest.find('_'); underscore != std::string::npos) {
        const std::string region = rest.substr(underscore + 1);
        if (region.size() != 2 || !std::isupper(static_cast<unsigned char>(region[0])) ||
            !std::isupper(static_cast<unsigned char>(region[1]))) {
            return false;
        }
        language.resize(underscore);
    }
    return (language.size() == 2 || language.size() == 3) && lowerLetters(language);
}

std::string languageArgument(const std::vector<std::string>& args) {
    static const std::string option = "--language";
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--") {
            break; // what follows is not an option
        }
        if (args[i] == option && i + 1 < args.size()) {
            return args[i + 1];
        }
        if (args[i].compare(0, option.size() + 1, option + "=") == 0) {
            return args[i].substr(option.size() + 1);
        }
    }
    return {};
}

namespace {
std::vector<std::string>& preferred() {
    static std::vector<std::string> languages;
    return languages;
}
} // namespace

void setPreferredLanguages(const std::vector<std::string>& languages) {
    preferred() = languages;
}

const std::vector<std::string>& preferredLanguages() {
    return preferred();
}

std::vector<std::string> languagesOfLocale(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(':', start), value.size());
        std::string name = value.substr(start, end - start);
        // de_DE.UTF-8@euro: the codeset goes, the variant stays.
        const std::size_t dot = name.find('.');
        if (dot != std::string::npos) {
            const std::size_t at = name.find('@', dot);
            name = name.substr(0, dot) + (at == std::string::npos ? "" : name.substr(at));
        }
        if (isLanguageName(name)) {
            auto add = [&out](const std::string& language) {
                if (std::find(out.begin(), out.end(), language) == out.end()) {
                    out.push_back(language);
                }
            };
            add(name);
            add(name.substr(0, name.find_first_of("_@")));
        }
        start = end + 1;
    }
    return out;
}

std::string catalogLanguage() {
    // The catalog's header is the translation of "": its "Language:" line names the language
    // the texts come in. Without a catalog the header is "" itself, and the texts are English.
    static const char* const headerKey = "";
    const char* header = ::dgettext(kTextDomain, headerKey);
    if (header == nullptr || *header == '\0') {
        return "en";
    }
    const char* line =
        std::strstr(header, "Language: "); // untranslated: the catalog header's field
    if (line == nullptr) {
        return "en";
    }
    line += std::strlen("Language: "); // untranslated: the catalog header's field
    std::string language;
    while (*line != '\0' && *line != '\n' && *line != ' ') {
        language += *line++;
    }
    return isLanguageName(language) ? language : "en";
}

std::string speechVoiceFor(const std::string& language) {
    std::string name = language.substr(0, language.find('@'));
    std::string code = name.substr(0, name.find('_'));
    const std::string region =
        name.find('_') == std::string::npos ? "" : name.substr(name.find('_') + 1);
    // espeak-ng names English and Portuguese by region; other languages by language alone.
    if ((code == "en" || code == "pt") && !region.empty()) {
        std::string voice = code + "-";
        for (char c : region) {
            voice += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return voice;
    }
    return code.empty() ? "en" : code;
}

std::string voiceCommandLanguage() {
    return "en";
}

std::string humanDecimal(double value, int digits) {
    if (!std::isfinite(value)) {
        return value > 0 ? "∞" : value < 0 ? "-∞" : "?";
    }
    char text[64];
    // LC_NUMERIC stays "C" (main keeps it so), so printf writes a point, which the language's
    // own separator then replaces.
    std::snprintf(text, sizeof text, "%.*f", digits < 0 ? 0 : digits > 6 ? 6 : digits, value);
    std::string out = text;
    // TRANSLATORS: the decimal separator in numbers a person reads ("2.5 cm"): "," in German
    // and Spanish. Machine formats (JSON, CSV, iCalendar) always use ".".
    const std::string separator = C_("decimal separator", ".");
    if (const std::size_t point = out.find('.'); point != std::string::npos) {
        out.replace(point, 1, separator);
    }
    return out;
}

std::string weekdayLongName(int mondayBased) {
    static const char* const names[] = {N_("Monday"),   N_("Tuesday"), N_("Wednesday"),
                                        N_("Thursday"), N_("Friday"),  N_("Saturday"),
                                        N_("Sunday")};
    return _(names[((mondayBased % 7) + 7) % 7]);
}

std::string weekdayShortName(int mondayBased) {
    return shortDayName(static_cast<Weekday>(((mondayBased % 7) + 7) % 7));
}

std::string monthName(int month) {
    static const char* const names[] = {N_("January"), N_("February"), N_("March"),
                                        N_("April"),   N_("May"),      N_("June"),
                                        N_("July"),    N_("August"),   N_("September"),
                                        N_("October"), N_("November"), N_("December")};
    return _(names[((month - 1) % 12 + 12) % 12]);
}

std::string monthShortName(int month) {
    // The short names have a context of their own: "May" is short and long in English, and
    // not in every language.
    switch (((month - 1) % 12 + 12) % 12) {
    case 0:
        // TRANSLATORS: short month names, as the progress chart's axis shows them.
        return C_("short month name", "Jan");
    case 1:
        return C_("short month name", "Feb");
    case 2:
        return C_("short month name", "Mar");
    case 3:
        return C_("short month name", "Apr");
    case 4:
        return C_("short month name", "May");
    case 5:
        return C_("short month name", "Jun");
    case 6:
        return C_("short month name", "Jul");
    case 7:
        return C_("short month name", "Aug");
    case 8:
        return C_("short month name", "Sep");
    case 9:
        return C_("short month name", "Oct");
    case 10:
        return C_("short month name", "Nov");
    default:
        return C_("short month name", "Dec");
    }
}

std::string humanDate(const Date& date) {
    // TRANSLATORS: a date: {0} the weekday, {1} the day of the month, {2} the month's name,
    // {3} the year. German: "{0}, {1}. {2} {3}"; Spanish: "{0}, {1} de {2} de {3}".
    return fillIn(_("{0} {1} {2} {3}"), weekdayLongName(static_cast<int>(date.weekday())), date.day,
                  monthName(date.month), date.year);
}

std::string humanDayAndMonth(const Date& date) {
    // TRANSLATORS: a date without its year: {0} the weekday, {1} the day of the month, {2} the
    // month's name. German: "{0}, {1}. {2}"; Spanish: "{0}, {1} de {2}".
    return fillIn(_("{0} {1} {2}"), weekdayLongName(static_cast<int>(date.weekday())), date.day,
                  monthName(date.month));
}

std::string shortDate(const Date& date, bool withYear) {
    if (withYear) {
        // TRANSLATORS: a short date with its year: {0} the day of the month, {1} the short
        // month name, {2} the year. German: "{0}. {1} {2}"; Spanish: "{0} {1} {2}".
        return fillIn(C_("short date", "{0} {1} {2}"), date.day, monthShortName(date.month),
                      date.year);
    }
    // TRANSLATORS: a short date: {0} the day of the month, {1} the short month name. German:
    // "{0}. {1}"; Spanish: "{0} {1}".
    return fillIn(C_("short date", "{0} {1}"), date.day, monthShortName(date.month));
}

} // namespace rollcoach
