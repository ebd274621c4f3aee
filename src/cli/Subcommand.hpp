#pragma once

#include "CommandLine.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

namespace rollcoach {

/// What every command is handed once the arguments are parsed: the settled workspace, the
/// streams, and the window front end (for the commands that open one).
struct CommandContext {
    Workspace& workspace;
    std::ostream& out;
    std::ostream& err;
    const WindowFrontEnd& window;
    bool fullScreen = false; ///< the global --fullscreen
};

/// One subcommand: its definition in the command line, and what it does when chosen.
struct Subcommand {
    CLI::App* definition = nullptr;
    std::function<int(CommandContext&)> run;
};

// Each in a file of its own: the definition of its options and what it does with them.
Subcommand addValidateCommand(CLI::App& app);
Subcommand addPlanCommand(CLI::App& app);
Subcommand addRunCommand(CLI::App& app);
Subcommand addRenderCommand(CLI::App& app);
Subcommand addExploreCommand(CLI::App& app);
Subcommand addEditCommand(CLI::App& app);
Subcommand addHistoryCommand(CLI::App& app);
Subcommand addProgressCommand(CLI::App& app);
Subcommand addNextCommand(CLI::App& app);
Subcommand addCalendarCommand(CLI::App& app);
Subcommand addRemindCommand(CLI::App& app);
Subcommand addReportCommand(CLI::App& app);
Subcommand addNewCommand(CLI::App& app);
Subcommand addListenCommand(CLI::App& app);
/// Hidden: prints the commands and options the definition holds, for the man page, the
/// completion and the README to be checked against.
Subcommand addCommandsCommand(CLI::App& app);

/// A number that is finite: CLI11's ranges compare, and NaN compares false with everything,
/// so "nan" would pass any range; this is checked first.
const CLI::Validator& finiteNumber();

/// Opens the window for a request, with what the settings and the global options add to it
/// (big-button mode, listening, full screen).
int showWindow(WindowRequest request, CommandContext& context);

/// The command line's commands and options as `--help` shows them: one line per command
/// ("command NAME<TAB>help") and per option ("option NAME --flag<TAB>help"), NAME being
/// "rollcoach" for the global ones.
std::string describeCommandLine(const CLI::App& app);

} // namespace rollcoach
