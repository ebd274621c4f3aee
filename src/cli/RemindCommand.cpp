#include "Remind.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {

Subcommand addRemindCommand(CLI::App& app) {
    auto remind = std::make_shared<RemindRequest>();
    CLI::App* command = app.add_subcommand(
        "remind", _("a desktop notification when a routine is due now and not done"));
    CLI::Option* install = command->add_flag(
        "--install", remind->install,
        _("install a systemd user timer that reminds at the routines' days and time"));
    CLI::Option* autostart = command->add_flag(
        "--autostart", remind->autostart,
        _("with --install: an XDG autostart entry instead, for desktops without systemd"));
    CLI::Option* uninstall = command->add_flag("--uninstall", remind->uninstall,
                                               _("remove the timer or the autostart entry"));
    CLI::Option* keepRunning = command->add_flag("--keep-running", remind->keepRunning,
                                                 _("stay running and remind at each due time"));
    command
        ->add_option("--wait", remind->waitS,
                     _("how long a reminder waits for Start or Later, in seconds (default 1800)"))
        ->check(CLI::Range(0, 86400));
    install->excludes(uninstall);
    keepRunning->excludes(install)->excludes(uninstall);
    autostart->needs(install);
    return {command, [remind](CommandContext& context) {
                return remindCommand(*remind, context.workspace, context.out, context.err);
            }};
}

} // namespace rollcoach
