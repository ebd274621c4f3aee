#include "Sessions.hpp"
#include "Subcommand.hpp"

#include <memory>

namespace rollcoach {

Subcommand addHistoryCommand(CLI::App& app) {
    auto json = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("history", "list past sessions, newest first");
    command->add_flag("--json", *json, "print the history as JSON");
    return {command, [json](CommandContext& context) {
                return historyCommand(*json, context.workspace, context.out, context.err);
            }};
}

} // namespace rollcoach
