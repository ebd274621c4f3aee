#include "CommandLine.hpp"

#include "GlobalOptions.hpp"
#include "HelpText.hpp"
#include "StandardOutput.hpp"
#include "Subcommand.hpp"
#include "core/PrintableText.hpp"
#include "core/Translate.hpp"

#include <ostream>

#ifndef ROLLCOACH_VERSION
#define ROLLCOACH_VERSION "0.0.0"
#endif

namespace rollcoach {
namespace {

// What CLI11 throws for --help, --version and a usage error, as rollcoach says it: 0 or 2.
int parseFailure(const CLI::App& app, const CLI::ParseError& error, std::ostream& out,
                 std::ostream& err) {
    if (dynamic_cast<const CLI::CallForHelp*>(&error) != nullptr) {
        out << app.help();
        return 0;
    }
    if (dynamic_cast<const CLI::CallForAllHelp*>(&error) != nullptr) {
        out << app.help("", CLI::AppFormatMode::All);
        return 0;
    }
    if (dynamic_cast<const CLI::CallForVersion*>(&error) != nullptr) {
        out << "rollcoach " << ROLLCOACH_VERSION << "\n";
        return 0;
    }
    // clang-format off
    err << "rollcoach: usage error: " << printable(translatedParseError(error.what())) << "\n" // untranslated: prefix
        << _("Run 'rollcoach --help' for the commands and options.") << "\n";
    // clang-format on
    return 2;
}

int runCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const Clock& clock, const WindowFrontEnd& window) {
    // The descriptions are copied as the options are made: the catalog is chosen before.
    CLI::App app{std::string("rollcoach: ") +
                     _("a coach for self-massage with a ball, one side after the other.") + "\n" +
                     _("Stop at once on sharp pain, numbness or tingling."),
                 "rollcoach"};
    // Set before the commands are added, which take them over from here.
    app.formatter(std::make_shared<TranslatedHelp>());
    app.set_help_flag("-h,--help", _("Print this help message and exit"));
    app.set_version_flag("--version", std::string("rollcoach ") + ROLLCOACH_VERSION,
                         _("Display program version information and exit"));
    app.require_subcommand(0, 1);
    app.fallthrough();

    Workspace workspace;
    workspace.clock = &clock;
    workspace.executablePath = args.empty() ? std::string() : args.front();
    GlobalOptions global;
    addGlobalOptions(app, workspace, global);
    const std::vector<Subcommand> commands = {
        addRunCommand(app),      addRenderCommand(app),   addExploreCommand(app),
        addEditCommand(app),     addValidateCommand(app), addPlanCommand(app),
        addHistoryCommand(app),  addProgressCommand(app), addNextCommand(app),
        addCalendarCommand(app), addRemindCommand(app),   addReportCommand(app),
        addNewCommand(app),      addListenCommand(app),   addCommandsCommand(app)};

    std::vector<const char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(arg.c_str());
    }
    if (argv.empty()) {
        argv.push_back("rollcoach");
    }
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& error) {
        return parseFailure(app, error, out, err);
    }
    settleWorkspace(workspace, global, err);
    CommandContext context{workspace, out, err, window, global.fullScreen};
    for (const Subcommand& command : commands) {
        if (command.definition->parsed()) {
            return command.run(context);
        }
    }
    // No command: the window, on the routine list.
    return showWindow(WindowRequest{}, context);
}

} // namespace

int runCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   const Clock& clock, const WindowFrontEnd& window) {
    const int status = runCommand(args, out, err, clock, window);
    // Every command's output goes out here at the latest: a full disk or a closed file behind
    // standard output is an error, not a silent loss of what was printed.
    const std::string failure = outputFailure(out);
    if (!failure.empty()) {
        err << "rollcoach: error: "
            << rollcoach::fillIn(_("cannot write to standard output: {0}"), failure) << "\n";
        return status != 0 ? status : 1;
    }
    return status;
}

} // namespace rollcoach
