#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {
namespace {

struct ProgressOptions {
    std::string routine;
    std::optional<int> weeks;
    bool json = false;
};

} // namespace

Subcommand addProgressCommand(CLI::App& app) {
    auto options = std::make_shared<ProgressOptions>();
    CLI::App* command = app.add_subcommand(
        "progress", _("each side's tension before and after each session, and the change"));
    command->add_option("--routine", options->routine,
                        _("only this routine: its file or its title"));
    command->add_option("--weeks", options->weeks, _("only the last N weeks (1-520)"))
        ->check(CLI::Range(1, 520));
    command->add_flag("--json", options->json, _("print the progress as JSON"));
    return {command, [options](CommandContext& context) {
                return progressCommand(options->routine, options->weeks, options->json,
                                       context.workspace, context.out, context.err);
            }};
}

} // namespace rollcoach
