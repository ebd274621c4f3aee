#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"

namespace rollcoach {

Subcommand addNextCommand(CLI::App& app) {
    CLI::App* command =
        app.add_subcommand("next", _("what is due today, and which side goes first"));
    return {command, [](CommandContext& context) {
                const auto body = bodyOrSay(context.workspace, context.err);
                if (!body) {
                    return 1;
                }
                return nextCommand(context.workspace, *body, context.out, context.err);
            }};
}

} // namespace rollcoach
