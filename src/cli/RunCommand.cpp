#include "Subcommand.hpp"
#include "core/Routine.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {

Subcommand addRunCommand(CLI::App& app) {
    auto request = std::make_shared<WindowRequest>();
    auto side = std::make_shared<std::optional<std::string>>();
    request->mode = WindowRequest::Mode::Run;
    CLI::App* command = app.add_subcommand("run", _("open a session on a routine"));
    command->add_option("FILE", request->routineFile, _("routine file"))->required();
    command->add_option("--first-side", *side, _("side to start on"))
        ->check(CLI::IsMember({"left", "right"}));
    command
        ->add_option("--speed", request->speed, _("run the session clock this many times faster"))
        ->check(finiteNumber())
        ->check(CLI::Range(0.01, 1000.0));
    command->add_flag("--autostart", request->autostart, _("start the timer without a key press"));
    command
        ->add_option("--frames", request->frames,
                     _("exit after this many frames and print frame-time statistics"))
        ->check(CLI::Range(1L, 100000000L));
    command->add_flag("--mute", request->mute, _("no sounds and no speech"));
    // Read from across the room: full screen from the start (F toggles it at any time).
    command->add_flag("--fullscreen", request->fullScreen, _("open full screen (F toggles)"));
    command->add_flag("--listen", request->listen,
                      // TRANSLATORS: the five voice command words are English and stay English:
                      // they are what the recogniser knows.
                      _("take voice commands: pause, resume, next, back, stop (the pain stop)"));
    command->add_flag("--paused", request->paused,
                      _("start the session paused (with --autostart)"));
    command->add_flag("--big-button", request->bigButton,
                      _("any key or gamepad button pauses and resumes (X still stops for pain)"));
    command
        ->add_option("--start-at", request->startAtS,
                     _("start this many seconds into the session (with --autostart)"))
        ->check(finiteNumber())
        ->check(CLI::Range(0.0, 1e6));
    return {command, [request, side](CommandContext& context) {
                WindowRequest run = *request;
                if (*side) {
                    run.firstSide = parseSide(**side);
                }
                return showWindow(run, context);
            }};
}

} // namespace rollcoach
