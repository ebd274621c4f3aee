#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {

Subcommand addHistoryCommand(CLI::App& app) {
    auto json = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("history", _("list past sessions, newest first"));
    command->add_flag("--json", *json, _("print the history as JSON"));
    return {command, [json](CommandContext& context) {
                return historyCommand(*json, context.workspace, context.out, context.err);
            }};
}

} // namespace rollcoach
