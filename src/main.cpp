#include "app/WindowFrontEnd.hpp"
#include "cli/CommandLine.hpp"
#include "cli/StandardOutput.hpp"
#include "core/Clock.hpp"
#include "core/DataPaths.hpp"
#include "core/Language.hpp"
#include "core/Schedule.hpp"
#include "core/Translate.hpp"

#include <chrono>
#include <clocale>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <libintl.h>
#include <malloc.h>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

// The program's one clock. $ROLLCOACH_NOW sets the time at start-up, from which it runs on
// as the system's does, so a session stamped later in the same window is stamped later.
class SystemClock : public rollcoach::Clock {
public:
    explicit SystemClock(std::optional<std::int64_t> start) {
        const std::int64_t system = static_cast<std::int64_t>(std::time(nullptr));
        m_offset = start ? *start - system : 0;
    }
    std::int64_t now() const override {
        return static_cast<std::int64_t>(std::time(nullptr)) + m_offset;
    }

private:
    std::int64_t m_offset;
};

// A folder from the environment, else one under the home folder.
std::string folderFromEnvironment(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
        return value;
    }
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/" + fallback;
}

// Chooses the language before any text is made: the locale's (LANGUAGE, LC_ALL, LC_MESSAGES,
// LANG, as gettext reads them), unless `--language` or the settings' `language:` names one.
// Numbers in files stay as C writes them ("2.5"), whatever the locale: LC_NUMERIC stays "C",
// and a person's decimals come from the catalog (humanDecimal).
void chooseLanguage(const std::vector<std::string>& args) {
    const bool localeFound = std::setlocale(LC_ALL, "") != nullptr;
    std::setlocale(LC_NUMERIC, "C");
    std::string language = rollcoach::languageArgument(args);
    if (language.empty()) {
        // Problems in the settings are told when the command line reads them again.
        rollcoach::Diagnostics ignored;
        const rollcoach::Settings settings = rollcoach::loadSettings(
            folderFromEnvironment("XDG_CONFIG_HOME", ".config") + "/rollcoach/settings.yaml",
            ignored);
        language = settings.language.value_or("");
    }
    if (language.empty() && !localeFound) {
        // A locale that is not installed (LANG=de_DE.UTF-8 without its locale data) leaves
        // the "C" locale, where gettext would ignore it: its language is taken by name.
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            const char* value = std::getenv(name);
            if (value != nullptr && *value != '\0') {
                const std::string given = value;
                language = given.substr(0, given.find_first_of(".:"));
                break;
            }
        }
    }
    // The languages the person reads, for a routine's own translations (title_de).
    std::vector<std::string> languages;
    if (!language.empty()) {
        languages = rollcoach::languagesOfLocale(language);
    } else {
        const char* messages = std::setlocale(LC_MESSAGES, nullptr);
        const bool plain =
            messages == nullptr || std::string(messages) == "C" || std::string(messages) == "POSIX";
        // LANGUAGE counts only where gettext heeds it: not in the "C" locale.
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            const char* value = std::getenv(name);
            if (value != nullptr && *value != '\0' && !(plain && std::string(name) == "LANGUAGE")) {
                languages = rollcoach::languagesOfLocale(value);
                break;
            }
        }
    }
    rollcoach::setPreferredLanguages(languages);
    if (!language.empty() && rollcoach::isLanguageName(language)) {
        // gettext follows LANGUAGE over the locale, except in the "C" locale, where it shows
        // the texts as written; C.UTF-8 lets LANGUAGE through.
        setenv("LANGUAGE", language.c_str(), 1);
        const char* messages = std::setlocale(LC_MESSAGES, nullptr);
        if (messages == nullptr || std::string(messages) == "C" ||
            std::string(messages) == "POSIX") {
            std::setlocale(LC_MESSAGES, "C.UTF-8");
        }
    }
    const char* searchPath = std::getenv("PATH");
    const std::string folder =
        rollcoach::catalogFolder(args.empty() ? std::string() : args[0],
                                 searchPath != nullptr ? searchPath : "/bin:/usr/bin");
    bindtextdomain(rollcoach::kTextDomain, folder.c_str());
    bind_textdomain_codeset(rollcoach::kTextDomain, "UTF-8");
}

} // namespace

int main(int argc, char** argv) {
    // One heap for every thread. The window reads its fonts and history on a thread of its
    // own at start-up; with an arena of its own, what that thread freed (0.6 MiB) would stay
    // resident for the whole session instead of being reused.
    mallopt(M_ARENA_MAX, 1);
    const std::vector<std::string> args(argv, argv + argc);
    chooseLanguage(args);
    // A time that cannot be read is refused before anything is done at a wrong time.
    std::optional<std::int64_t> start;
    if (const char* given = std::getenv("ROLLCOACH_NOW"); given != nullptr && *given != '\0') {
        std::int64_t seconds = 0;
        std::string why;
        if (!rollcoach::parseNow("ROLLCOACH_NOW", given, seconds, why)) {
            std::cerr << "rollcoach: error: " << why << "\n";
            return 2;
        }
        start = seconds;
    }
    // Standard output through a buffer that keeps why a write failed, for the command line
    // to report.
    rollcoach::StandardOutput standardOutput(STDOUT_FILENO);
    std::ostream out(&standardOutput);
    try {
        const SystemClock clock(start);
        return rollcoach::runCommandLine(args, out, std::cerr, clock, rollcoach::runWindow);
    } catch (const std::exception& error) {
        std::cerr << "rollcoach: error: " << error.what() << "\n";
        return 1;
    }
}
