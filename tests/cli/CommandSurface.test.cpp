#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// The command line as its one definition holds it: command -> its options ("rollcoach" for
// the global ones).
std::map<std::string, std::set<std::string>> definedSurface() {
    std::ostringstream out;
    std::ostringstream err;
    const FixedClock clock(1795435200);
    REQUIRE(runCommandLine({"rollcoach", "commands"}, out, err, clock) == 0);
    std::map<std::string, std::set<std::string>> surface;
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line.substr(0, line.find('\t')));
        std::string kind;
        std::string command;
        std::string option;
        words >> kind >> command >> option;
        if (kind == "command") {
            surface[command];
        } else if (kind == "option") {
            surface[command].insert(option);
        }
    }
    return surface;
}

std::string readSource(const std::string& file) {
    std::ifstream in(std::string(ROLLCOACH_SOURCE_DIR) + "/" + file);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The man page without its escapes: "\-\-first\-side" reads "--first-side".
std::string manText() {
    std::string text = readSource("docs/rollcoach.1");
    text = std::regex_replace(text, std::regex(R"(\\f[BIRP])"), "");
    text = std::regex_replace(text, std::regex(R"(\\-)"), "-");
    return text;
}

bool hasWord(const std::string& text, const std::string& word) {
    return std::regex_search(text, std::regex("(^|[^-\\w])" +
                                              std::regex_replace(word, std::regex("-"), "\\-") +
                                              "($|[^-\\w])"));
}

// Each command's entry in the man page: from its heading to the next command's, or to the
// next section.
std::map<std::string, std::string> manEntries(const std::string& man,
                                              const std::set<std::string>& commands) {
    std::vector<std::pair<std::size_t, std::string>> starts;
    for (const std::string& command : commands) {
        std::smatch found;
        if (std::regex_search(man, found,
                              std::regex("\\n\\.TP\\n\\.B[IR]? \"?" + command + "( |\"|\\n)"))) {
            starts.emplace_back(static_cast<std::size_t>(found.position(0)), command);
        }
    }
    std::sort(starts.begin(), starts.end());
    std::map<std::string, std::string> entries;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        std::size_t end = i + 1 < starts.size() ? starts[i + 1].first : man.size();
        end = std::min(end, man.find("\n.SH", starts[i].first));
        entries[starts[i].second] = man.substr(starts[i].first, end - starts[i].first);
    }
    return entries;
}

} // namespace

TEST_CASE("the man page describes every command and option the command line defines") {
    const auto surface = definedSurface();
    REQUIRE(surface.count("run") == 1);
    CHECK(surface.at("run").count("--big-button") == 1);
    CHECK(surface.at("rollcoach").count("--version") == 1);
    const std::string man = manText();
    std::set<std::string> commands;
    for (const auto& [command, options] : surface) {
        if (command != "rollcoach") {
            commands.insert(command);
        }
    }
    const auto entries = manEntries(man, commands);
    const std::string globals = man.substr(man.find(".SH GLOBAL OPTIONS"));
    for (const auto& [command, options] : surface) {
        if (command == "rollcoach") {
            for (const std::string& option : options) {
                CHECK_MESSAGE(hasWord(globals, option), "the man page's global options miss ",
                              option);
            }
            continue;
        }
        REQUIRE_MESSAGE(entries.count(command) == 1, "the man page misses the command ", command);
        for (const std::string& option : options) {
            if (option != "--help") {
                CHECK_MESSAGE(hasWord(entries.at(command), option), "the man page's ", command,
                              " misses ", option);
            }
        }
    }
}

TEST_CASE("the bash completion offers every command and option the command line defines") {
    const auto surface = definedSurface();
    const std::string completion = readSource("packaging/rollcoach.bash-completion");
    std::smatch found;
    REQUIRE(std::regex_search(completion, found, std::regex("local commands=\"([^\"]*)\"")));
    const std::string commandList = " " + found[1].str() + " ";
    REQUIRE(std::regex_search(completion, found, std::regex("local global=\"([^\"]*)\"")));
    const std::string globalList = " " + found[1].str() + " ";
    // "run) options="..." ;;" and "explore | next) options="" ;;"
    std::map<std::string, std::string> offered;
    const std::regex caseLine(R"re(\n\s*([a-z| ]+)\) options="([^"]*)")re");
    for (auto it = std::sregex_iterator(completion.begin(), completion.end(), caseLine);
         it != std::sregex_iterator(); ++it) {
        std::istringstream names((*it)[1].str());
        std::string name;
        while (names >> name) {
            if (name != "|") {
                offered[name] = " " + (*it)[2].str() + " --help ";
            }
        }
    }
    for (const auto& [command, options] : surface) {
        if (command == "rollcoach") {
            for (const std::string& option : options) {
                CHECK_MESSAGE(globalList.find(" " + option + " ") != std::string::npos,
                              "the completion's global options miss ", option);
            }
            continue;
        }
        CHECK_MESSAGE(commandList.find(" " + command + " ") != std::string::npos,
                      "the completion misses the command ", command);
        REQUIRE_MESSAGE(offered.count(command) == 1, "the completion has no options for ", command);
        for (const std::string& option : options) {
            CHECK_MESSAGE(offered.at(command).find(" " + option + " ") != std::string::npos,
                          "the completion's ", command, " misses ", option);
        }
    }
}

TEST_CASE("README's command table names every command and option the command line defines") {
    const auto surface = definedSurface();
    const std::string readme = readSource("README.md");
    for (const auto& [command, options] : surface) {
        std::string rows;
        std::istringstream lines(readme);
        std::string line;
        const std::string start =
            command == "rollcoach" ? "| `rollcoach" : "| `rollcoach " + command + " ";
        const std::string bare = "| `rollcoach " + command + "`";
        while (std::getline(lines, line)) {
            if (line.rfind(start, 0) == 0 || line.rfind(bare, 0) == 0) {
                rows += line + "\n";
            }
        }
        REQUIRE_MESSAGE(!rows.empty(), "README's table misses the command ", command);
        for (const std::string& option : options) {
            if (option == "--help" || option == "--version") {
                continue; // every command has them; the table does not repeat them
            }
            CHECK_MESSAGE(hasWord(rows, option), "README's table for ", command, " misses ",
                          option);
        }
    }
}

TEST_CASE("the hidden commands command stays out of --help") {
    std::ostringstream out;
    std::ostringstream err;
    const FixedClock clock(1795435200);
    REQUIRE(runCommandLine({"rollcoach", "--help"}, out, err, clock) == 0);
    CHECK(out.str().find("listen") != std::string::npos);
    CHECK(out.str().find("  commands ") == std::string::npos);
    CHECK(out.str().find("one a line") == std::string::npos);
}
