#include "Subcommand.hpp"
#include "core/Translate.hpp"

namespace rollcoach {

Subcommand addExploreCommand(CLI::App& app) {
    CLI::App* command = app.add_subcommand(
        "explore", _("drag a ball over the body and see whether the place is safe"));
    return {command, [](CommandContext& context) {
                WindowRequest request;
                request.mode = WindowRequest::Mode::Explore;
                return showWindow(request, context);
            }};
}

} // namespace rollcoach
