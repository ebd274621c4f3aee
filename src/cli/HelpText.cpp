#include "HelpText.hpp"

#include "core/Translate.hpp"

#include <regex>
#include <sstream>

namespace rollcoach {

namespace {

// The names CLI11 gives its own groups.
std::string groupName(const std::string& group) {
    if (group == "Options") {
        return _("Options");
    }
    if (group == "Subcommands") {
        return _("Subcommands");
    }
    return group;
}

// A word of a value kind: a kind CLI11 names, or a word of a range ("INT in [1 - 520]").
std::string kindWord(const std::string& word) {
    static const char* const kinds[][2] = {
        // TRANSLATORS: the kinds of value an option takes, as --help shows them after the option;
        // capitals, one word each.
        {"TEXT", N_("TEXT")},
        {"INT", N_("INT")},
        {"UINT", N_("UINT")},
        {"FLOAT", N_("FLOAT")},
        {"NUMBER", N_("NUMBER")},
        {"CM", N_("CM")},
        {"BOOLEAN", N_("BOOLEAN")},
        {"FILE", N_("FILE")},
        {"DIR", N_("DIR")},
        // TRANSLATORS: as in "INT in [1 - 520]", a value kind in a range, in --help.
        {"in", N_("in")}};
    for (const auto& kind : kinds) {
        if (word == kind[0]) {
            return _(kind[1]);
        }
    }
    return word;
}

} // namespace

std::string translatedTypeName(const std::string& kind) {
    // Words are letters; everything else (":", "[1 - 520]", "{left,right}") is kept, and so
    // is what is inside braces: the values themselves are given as they are.
    std::string out;
    std::string word;
    int braces = 0;
    const auto endWord = [&] {
        out += braces > 0 ? word : kindWord(word);
        word.clear();
    };
    for (const char c : kind) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (letter) {
            word += c;
            continue;
        }
        endWord();
        braces += c == '{' ? 1 : c == '}' && braces > 0 ? -1 : 0;
        out += c;
    }
    endWord();
    return out;
}

TranslatedHelp::TranslatedHelp() {
    // TRANSLATORS: --help's first line: "Usage: rollcoach [OPTIONS] [SUBCOMMAND]".
    label("Usage", _("Usage"));
    // TRANSLATORS: in --help's first line, "Usage: rollcoach [OPTIONS] [SUBCOMMAND]".
    label("OPTIONS", _("OPTIONS"));
    // TRANSLATORS: in --help's first line, "Usage: rollcoach [OPTIONS] [SUBCOMMAND]".
    label("SUBCOMMAND", _("SUBCOMMAND"));
    label("SUBCOMMANDS", _("SUBCOMMANDS"));
    // TRANSLATORS: --help's heading over the arguments given without an option name (FILE).
    label("Positionals", _("Positionals"));
    // TRANSLATORS: after an argument in --help that must be given.
    label("REQUIRED", _("REQUIRED"));
    // TRANSLATORS: in --help, "Needs: --install": the option works only with that one.
    label("Needs", _("Needs"));
    // TRANSLATORS: in --help, "Excludes: --uninstall": the option cannot go with that one.
    label("Excludes", _("Excludes"));
    // TRANSLATORS: in --help, the environment variable an option can be set by.
    label("Env", _("Env"));
}

std::string TranslatedHelp::make_group(std::string group, bool is_positional,
                                       std::vector<const CLI::Option*> opts) const {
    return CLI::Formatter::make_group(groupName(group), is_positional, std::move(opts));
}

// CLI11's own, with the groups' names translated.
std::string TranslatedHelp::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const {
    std::stringstream out;
    std::vector<std::string> groups;
    for (const CLI::App* command : app->get_subcommands({})) {
        if (command->get_name().empty()) {
            if (!command->get_group().empty()) {
                out << make_expanded(command);
            }
            continue;
        }
        const std::string group = command->get_group();
        bool seen = group.empty();
        for (const std::string& known : groups) {
            seen = seen || CLI::detail::to_lower(known) == CLI::detail::to_lower(group);
        }
        if (!seen) {
            groups.push_back(group);
        }
    }
    for (const std::string& group : groups) {
        out << "\n" << groupName(group) << ":\n";
        const std::vector<const CLI::App*> inGroup =
            app->get_subcommands([&group](const CLI::App* command) {
                return CLI::detail::to_lower(command->get_group()) == CLI::detail::to_lower(group);
            });
        for (const CLI::App* command : inGroup) {
            if (command->get_name().empty()) {
                continue;
            }
            if (mode != CLI::AppFormatMode::All) {
                out << make_subcommand(command);
            } else {
                out << command->help(command->get_name(), CLI::AppFormatMode::Sub) << "\n";
            }
        }
    }
    return out.str();
}

// CLI11's own, with the value kinds translated.
std::string TranslatedHelp::make_option_opts(const CLI::Option* opt) const {
    std::stringstream out;
    if (!opt->get_option_text().empty()) {
        out << " " << opt->get_option_text();
        return out.str();
    }
    if (opt->get_type_size() != 0) {
        if (!opt->get_type_name().empty()) {
            out << " " << translatedTypeName(opt->get_type_name());
        }
        if (!opt->get_default_str().empty()) {
            out << "=" << opt->get_default_str();
        }
        if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) {
            out << " ...";
        } else if (opt->get_expected_min() > 1) {
            out << " x " << opt->get_expected();
        }
        if (opt->get_required()) {
            out << " " << get_label("REQUIRED");
        }
    }
    if (!opt->get_envname().empty()) {
        out << " (" << get_label("Env") << ":" << opt->get_envname() << ")";
    }
    if (!opt->get_needs().empty()) {
        out << " " << get_label("Needs") << ":";
        for (const CLI::Option* other : opt->get_needs()) {
            out << " " << other->get_name();
        }
    }
    if (!opt->get_excludes().empty()) {
        out << " " << get_label("Excludes") << ":";
        for (const CLI::Option* other : opt->get_excludes()) {
            out << " " << other->get_name();
        }
    }
    return out.str();
}

namespace {

// One shape of CLI11's messages: the pattern, and the English sentence with {0}, {1}... for
// what the pattern's groups caught.
struct ErrorShape {
    const char* pattern;
    const char* sentence;
};

// A range's ends as CLI11 writes them (std::to_string: "0.010000"), without the zeros.
std::string shortNumber(const std::string& text) {
    if (text.find('.') == std::string::npos) {
        return text;
    }
    std::string out = text;
    while (!out.empty() && out.back() == '0') {
        out.pop_back();
    }
    if (!out.empty() && out.back() == '.') {
        out.pop_back();
    }
    return out;
}

} // namespace

std::string translatedParseError(const std::string& message) {
    static const ErrorShape shapes[] = {
        {"A subcommand is required", N_("A command is required")}, // untranslated: CLI11's words
        // TRANSLATORS: {0} is an option or argument, as --from or FILE.
        {"(.+) is required", N_("{0} is required")},      // untranslated: CLI11's words
        {"The following argument was not expected: (.+)", // untranslated: CLI11's words
         N_("The following argument was not expected: {0}")},
        {"The following arguments were not expected: (.+)", // untranslated: CLI11's words
         N_("The following arguments were not expected: {0}")},
        // TRANSLATORS: {0} and {1} are options: "--autostart requires --install".
        {"(\\S+) requires (\\S+)", N_("{0} requires {1}")},
        // TRANSLATORS: {0} and {1} are options: "--install excludes --uninstall".
        // clang-format off
        {"(\\S+) excludes (\\S+)", N_("{0} excludes {1}")},
        {"(.+) not found", N_("{0} not found")}, // untranslated: CLI11's words
        {"Could not convert: (.+) = (.*)", N_("Could not convert: {0} = {1}")}, // untranslated: CLI11's words
        {"The value (.+) is not an allowed value for (.+)", // untranslated: CLI11's words
         N_("The value {0} is not an allowed value for {1}")},
        {"(.+): too many inputs for a flag", N_("{0}: too many inputs for a flag")}, // untranslated: CLI11's words
        {"(.+): Should be true/false or a number", N_("{0}: Should be true/false or a number")}, // untranslated: CLI11's words
        {"Expected exactly (\\d+) arguments to (.+), got (\\d+)", // untranslated: CLI11's words
         N_("Expected exactly {0} arguments to {1}, got {2}")},
        {"Expected at least (\\d+) arguments to (.+), got (\\d+)", // untranslated: CLI11's words
         N_("Expected at least {0} arguments to {1}, got {2}")},
        {"(.+): (\\d+) required (.+) missing", N_("{0}: {1} required {2} missing")},
        {"(.+): Value (.+) not in range (\\S+) to (\\S+)", // untranslated: CLI11's words
         // TRANSLATORS: {0} is an option, {1} what was given, {2} and {3} the range's ends.
         N_("{0}: Value {1} not in range {2} to {3}")},
        // TRANSLATORS: {0} is an option, {1} what was given, {2} the values it takes.
        {"(.+): (.*) not in (\\{.*\\})", N_("{0}: {1} not in {2}")}, // untranslated: CLI11's words
        // TRANSLATORS: {0} is an option, {1} what was given, {2} the kind of value it takes.
        {"(.+): Failed parsing (.*) as a (.+)", N_("{0}: Failed parsing {1} as a {2}")}, // untranslated: CLI11's words
        {"(.+): Value (.*) could not be converted", N_("{0}: Value {1} could not be converted")}, // untranslated: CLI11's words
    };
    // clang-format on
    for (const ErrorShape& shape : shapes) {
        std::smatch found;
        if (!std::regex_match(message, found, std::regex(shape.pattern))) {
            continue;
        }
        std::string parts[4];
        for (std::size_t i = 1; i < found.size() && i <= 4; ++i) {
            parts[i - 1] = found[i].str();
        }
        // clang-format off
        if (std::string(shape.sentence).find("not in range") != std::string::npos) { // untranslated: CLI11's words
            // clang-format on
            parts[2] = shortNumber(parts[2]);
            parts[3] = shortNumber(parts[3]);
        }
        // clang-format off
        if (std::string(shape.sentence).find("Failed parsing") != std::string::npos) { // untranslated: CLI11's words
            // clang-format on
            parts[2] = translatedTypeName(parts[2]);
        }
        return rollcoach::fillIn(_(shape.sentence), parts[0], parts[1], parts[2], parts[3]);
    }
    return message;
}

} // namespace rollcoach
