#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {

Subcommand addEditCommand(CLI::App& app) {
    auto request = std::make_shared<WindowRequest>();
    CLI::App* command = app.add_subcommand(
        "edit", _("write or change a routine in the window (a shipped one is saved as a copy)"));
    command->add_option("FILE", request->routineFile,
                        _("the routine (a new one, from the --drill template, if not there)"));
    command
        ->add_option("--drill", request->drill,
                     _("a new routine's drill: wall, lying, partner or self-press (default wall)"))
        ->check(CLI::IsMember({"wall", "lying", "partner", "self-press"}));
    return {command, [request](CommandContext& context) {
                WindowRequest edit = *request;
                edit.mode = WindowRequest::Mode::Edit;
                return showWindow(edit, context);
            }};
}

} // namespace rollcoach
