#include "Listen.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"
#include "modules/ModuleLoader.hpp"
#include "voice/Recognizer.hpp"

#include <memory>

namespace rollcoach {
namespace {

struct ListenOptions {
    std::string file;
    bool verbose = false;
};

} // namespace

Subcommand addListenCommand(CLI::App& app) {
    auto options = std::make_shared<ListenOptions>();
    CLI::App* command = app.add_subcommand(
        "listen", _("print the voice commands recognised in a recording (16-bit PCM WAV)"));
    command->add_option("--from", options->file, _("WAV file to listen to"))->required();
    command->add_flag("--verbose", options->verbose,
                      _("also print every utterance and why it was not taken"));
    return {command, [options](CommandContext& context) {
                return listenCommand(options->file, options->verbose,
                                     modulePaths(context.workspace.programFolder, kVoiceModuleName),
                                     context.out, context.err);
            }};
}

} // namespace rollcoach
