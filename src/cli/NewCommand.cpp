#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {
namespace {

struct NewOptions {
    std::string name;
    std::string drill = "wall";
};

} // namespace

Subcommand addNewCommand(CLI::App& app) {
    auto options = std::make_shared<NewOptions>();
    CLI::App* command =
        app.add_subcommand("new", _("write a commented starting routine into your routine folder"));
    command->add_option("NAME", options->name, _("the routine's name"))->required();
    command
        ->add_option(
            "--drill", options->drill,
            _("the drill to start from: wall, lying, partner or self-press (default wall)"))
        ->check(CLI::IsMember({"wall", "lying", "partner", "self-press"}));
    return {command, [options](CommandContext& context) {
                return newRoutineCommand(options->name, options->drill, context.workspace,
                                         context.out, context.err);
            }};
}

} // namespace rollcoach
