#pragma once

#include "core/Workspace.hpp"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace rollcoach {

/// The options before any command: whose body, where the data goes, full screen.
struct GlobalOptions {
    CLI::Option* body = nullptr;
    CLI::Option* shoulderWidth = nullptr;
    CLI::Option* height = nullptr;
    std::string dataDir;
    bool fullScreen = false;
    std::string language; ///< `--language de`: main has chosen the catalog by it already
};

/// Adds the global options to the command line; what they set goes into `workspace` and
/// `options`.
void addGlobalOptions(CLI::App& app, Workspace& workspace, GlobalOptions& options);

/// Settles the workspace once the arguments are parsed: where the history, the routines and
/// the settings live (from the XDG folders), rollcoach's own data, and the settings, which
/// the command line overrides. A problem in the settings is reported and the defaults stand.
void settleWorkspace(Workspace& workspace, const GlobalOptions& options, std::ostream& err);

} // namespace rollcoach
