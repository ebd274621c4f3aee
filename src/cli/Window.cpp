#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <ostream>

namespace rollcoach {

int showWindow(WindowRequest request, CommandContext& context) {
    const Settings& settings = context.workspace.settings;
    // Big-button mode is for every session, whichever way it starts (run, or the list), and
    // listening is opt-in, by the flag or by `listen: true` in the settings.
    request.bigButton = request.bigButton || settings.bigButton;
    request.listen = request.listen || settings.listen;
    request.fullScreen = request.fullScreen || context.fullScreen;
    if (!context.window) {
        context.err << "rollcoach: error: " << _("this build has no window") << "\n";
        return 1;
    }
    return context.window(request, context.workspace, context.out, context.err);
}

} // namespace rollcoach
