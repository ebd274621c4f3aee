#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "cli/HelpText.hpp"
#include "core/Clock.hpp"
#include "core/Translate.hpp"

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

std::string runHelp(std::vector<std::string> args, std::string* errors = nullptr) {
    args.insert(args.begin(), "rollcoach");
    std::ostringstream out;
    std::ostringstream err;
    const FixedClock clock(1795435200);
    runCommandLine(args, out, err, clock);
    if (errors != nullptr) {
        *errors = err.str();
    }
    return out.str();
}

// A German catalog of a few texts, compiled into a folder of its own and made the one in use
// for as long as the object lives; English again after.
class ScratchGerman {
public:
    ScratchGerman() {
        m_root = std::filesystem::temp_directory_path() /
                 ("rollcoach-help-" + std::to_string(::getpid()));
        const std::filesystem::path folder = m_root / "de" / "LC_MESSAGES";
        std::filesystem::create_directories(folder);
        std::ofstream po(m_root / "de.po");
        po << "msgid \"\"\nmsgstr \"\"\n"
              "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
              "\"Language: de\\n\"\n"
              "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n";
        for (const auto& [english, german] : kTexts) {
            po << "msgid \"" << english << "\"\nmsgstr \"" << german << "\"\n\n";
        }
        po.close();
        const std::string compile = "msgfmt -o '" + (folder / "rollcoach.mo").string() + "' '" +
                                    (m_root / "de.po").string() + "'";
        m_ready = std::system(compile.c_str()) == 0;
        m_formerFolder = ::bindtextdomain(kTextDomain, nullptr);
        ::bindtextdomain(kTextDomain, m_root.c_str());
        // The texts are UTF-8, whatever the character set of the test's own locale.
        ::bind_textdomain_codeset(kTextDomain, "UTF-8");
        ::setenv("LANGUAGE", "de", 1);
        // LANGUAGE counts only in a locale other than "C"; C.UTF-8 is always there.
        std::setlocale(LC_MESSAGES, "C.UTF-8");
    }
    ~ScratchGerman() {
        ::unsetenv("LANGUAGE");
        std::setlocale(LC_MESSAGES, "C");
        ::bindtextdomain(kTextDomain, m_formerFolder.c_str());
        std::error_code ec;
        std::filesystem::remove_all(m_root, ec);
    }
    bool ready() const { return m_ready; }

private:
    static constexpr const char* kTexts[][2] = {
        {"Usage", "Aufruf"},
        {"Options", "Optionen"},
        {"Subcommands", "Befehle"},
        {"OPTIONS", "OPTIONEN"},
        {"SUBCOMMAND", "BEFEHL"},
        {"REQUIRED", "PFLICHT"},
        {"TEXT", "TEXT"},
        {"INT", "GANZZAHL"},
        {"in", "in"},
        {"Print this help message and exit", "Diese Hilfe zeigen und beenden"},
        {"open a session on a routine", "eine Sitzung mit einer Routine öffnen"},
        {"{0} is required", "{0} ist erforderlich"},
        {"{0}: Value {1} not in range {2} to {3}", "{0}: Wert {1} nicht zwischen {2} und {3}"},
        {"The following argument was not expected: {0}", "Dieses Argument war nicht erwartet: {0}"},
        {"Run 'rollcoach --help' for the commands and options.",
         "'rollcoach --help' zeigt die Befehle und Optionen."},
    };
    std::filesystem::path m_root;
    std::string m_formerFolder;
    bool m_ready = false;
};

} // namespace

TEST_CASE("help: CLI11's words pass through unchanged without a catalog") {
    CHECK(translatedParseError("--from is required") == "--from is required");
    CHECK(translatedParseError("--weeks: Value 0 not in range 1 to 520") ==
          "--weeks: Value 0 not in range 1 to 520");
    CHECK(translatedParseError("something else entirely") == "something else entirely");
    CHECK(translatedTypeName("INT:INT in [1 - 520]") == "INT:INT in [1 - 520]");
    const std::string help = runHelp({"--help"});
    CHECK(help.find("Usage: rollcoach [OPTIONS] [SUBCOMMAND]") != std::string::npos);
    CHECK(help.find("\nOptions:\n") != std::string::npos);
    CHECK(help.find("\nSubcommands:\n") != std::string::npos);
}

TEST_CASE("help: --help and usage errors in the catalog's language") {
    const ScratchGerman german;
    REQUIRE(german.ready());
    const std::string help = runHelp({"--help"});
    CHECK(help.find("Aufruf: rollcoach [OPTIONEN] [BEFEHL]") != std::string::npos);
    CHECK(help.find("\nOptionen:\n") != std::string::npos);
    CHECK(help.find("\nBefehle:\n") != std::string::npos);
    CHECK(help.find("Diese Hilfe zeigen und beenden") != std::string::npos);
    CHECK(help.find("eine Sitzung mit einer Routine öffnen") != std::string::npos);
    // Option names and the values an option takes stay as they are.
    CHECK(help.find("--body TEXT:{men,women}") != std::string::npos);

    const std::string runHelpText = runHelp({"run", "--help"});
    CHECK(runHelpText.find("FILE TEXT PFLICHT") != std::string::npos);

    std::string err;
    runHelp({"listen"}, &err);
    CHECK(err == "rollcoach: usage error: --from ist erforderlich\n"
                 "'rollcoach --help' zeigt die Befehle und Optionen.\n");
    runHelp({"progress", "--weeks", "0"}, &err);
    CHECK(err.find("--weeks: Wert 0 nicht zwischen 1 und 520") != std::string::npos);
    runHelp({"history", "extra"}, &err);
    CHECK(err.find("Dieses Argument war nicht erwartet: extra") != std::string::npos);
    CHECK(translatedTypeName("INT:INT in [1 - 520]") == "GANZZAHL:GANZZAHL in [1 - 520]");
    // The values in braces are the option's own words: never translated.
    CHECK(translatedTypeName("TEXT:{INT,in}") == "TEXT:{INT,in}");
}
