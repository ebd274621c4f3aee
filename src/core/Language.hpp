// Which language rollcoach speaks, and the things that follow from it: numbers and dates as a
// person reads them, and the voice that speaks. The core reads no environment and sets no
// locale: main chooses the language (the locale, a `language:` setting, `--language`) and
// binds the catalog; what here follows the language asks the catalog in use.
#pragma once

#include <string>
#include <vector>

namespace rollcoach {

struct Date;

/// Whether a name can be a language for the catalog: "de", "es", "pt_BR", "sr@latin" (two or
/// three lower-case letters, an optional _ and region, an optional @variant).
bool isLanguageName(const std::string& name);

/// The value of `--language NAME` or `--language=NAME` among the program's arguments, so the
/// catalog is chosen before any text is made; "" when there is none.
std::string languageArgument(const std::vector<std::string>& args);

/// The languages the person reads, most wanted first ("de_DE", "de"), as main found them (the
/// `language:` setting or --language, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG). A routine's
/// own translations (title_de) are chosen by them. Empty until main sets them: texts as written.
void setPreferredLanguages(const std::vector<std::string>& languages);
const std::vector<std::string>& preferredLanguages();

/// The languages named by a locale or a LANGUAGE value ("de_DE.UTF-8", "de:es"), each with
/// its language alone after it ("de_DE", "de"); none for "C" and "POSIX".
std::vector<std::string> languagesOfLocale(const std::string& value);

/// The language of the catalog texts come from ("de", "es"), as its header names it; "en" when
/// no catalog is in use and texts are as written.
std::string catalogLanguage();

/// The espeak-ng voice for that language ("de", "es", "en"): spoken cues sound in the language
/// they are written in.
std::string speechVoiceFor(const std::string& language);

/// The language voice commands are heard in. The recogniser has an English model alone, so
/// the five command words stay English whatever language is shown.
std::string voiceCommandLanguage();

/// A number as a person reads it in the language: "2.5" in English, "2,5" in German and
/// Spanish, with `digits` decimals (trailing zeros kept). Machine formats (JSON, CSV,
/// iCalendar) never use this.
std::string humanDecimal(double value, int digits);

/// The weekday's name ("Monday"), Monday = 0, in the language.
std::string weekdayLongName(int mondayBased);

/// The short weekday name ("Mon"), Monday = 0, in the language.
std::string weekdayShortName(int mondayBased);

/// The month's name ("November"), January = 1, in the language.
std::string monthName(int month);

/// The month's short name ("Nov"), January = 1, in the language.
std::string monthShortName(int month);

/// A date as a person reads it in the language: "Monday 23 November 2026" in English,
/// "Montag, 23. November 2026" in German.
std::string humanDate(const Date& date);

/// A date without its year: "Monday 23 November".
std::string humanDayAndMonth(const Date& date);

/// A date short, as a table or a chart's axis gives it: "23 Nov" in English, "23. Nov" in
/// German, "23 nov" in Spanish; with its year, "23 Nov 2026".
std::string shortDate(const Date& date, bool withYear = false);

} // namespace rollcoach
