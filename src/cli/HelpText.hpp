#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace rollcoach {

/// `--help` in the person's language: CLI11's own words ("Usage", "Options", "REQUIRED", the
/// value kinds TEXT and INT) through the message catalog; the descriptions are marked where
/// the options are made.
class TranslatedHelp : public CLI::Formatter {
public:
    TranslatedHelp();
    std::string make_group(std::string group, bool is_positional,
                           std::vector<const CLI::Option*> opts) const override;
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
    std::string make_option_opts(const CLI::Option* opt) const override;
};

/// What CLI11 says of a command line it refuses ("--from is required", "The following
/// argument was not expected: x", "--weeks: Value 0 not in range 1 to 520"), said through
/// the message catalog; a message of another shape comes back as it is.
std::string translatedParseError(const std::string& message);

/// A value kind as --help shows it ("TEXT", "INT:INT in [1 - 520]", "TEXT:{left,right}"),
/// its words through the message catalog.
std::string translatedTypeName(const std::string& kind);

} // namespace rollcoach
