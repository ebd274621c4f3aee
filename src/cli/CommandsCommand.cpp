#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <ostream>
#include <sstream>

namespace rollcoach {
namespace {

void describeOptions(const CLI::App& app, const std::string& name, std::ostream& out) {
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& flag : option->get_lnames()) {
            out << "option " << name << " --" << flag << "\t" << option->get_description() << "\n";
        }
    }
}

} // namespace

std::string describeCommandLine(const CLI::App& app) {
    std::ostringstream out;
    describeOptions(app, "rollcoach", out);
    for (const CLI::App* command : app.get_subcommands({})) {
        if (command->get_group().empty()) {
            continue; // hidden, as this one
        }
        out << "command " << command->get_name() << "\t" << command->get_description() << "\n";
        describeOptions(*command, command->get_name(), out);
    }
    return out.str();
}

Subcommand addCommandsCommand(CLI::App& app) {
    CLI::App* command =
        app.add_subcommand("commands", _("print the commands and options, one a line"));
    command->group(""); // hidden from --help: for the documentation's checks
    return {command, [&app](CommandContext& context) {
                context.out << describeCommandLine(app);
                return 0;
            }};
}

} // namespace rollcoach
