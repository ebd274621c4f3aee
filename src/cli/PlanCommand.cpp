#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/PlanJson.hpp"
#include "core/PrintableText.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Timeline.hpp"
#include "core/Translate.hpp"

#include <memory>
#include <ostream>

namespace rollcoach {
namespace {

struct PlanOptions {
    std::string file;
    std::optional<std::string> firstSide;
    bool json = false;
    double everyS = 0;
};

int plan(const PlanOptions& options, CommandContext& context) {
    const Workspace& workspace = context.workspace;
    const auto body = bodyOrSay(workspace, context.err);
    if (!body) {
        return 1;
    }
    const RoutineLoad load = openRoutine(options.file, *body);
    for (const Diagnostic& diagnostic : load.diagnostics) {
        context.err << formatDiagnostic(options.file, diagnostic) << "\n";
    }
    if (!load.routine) {
        return 1;
    }
    const Routine& routine = *load.routine;
    // The history is only read when it decides the side.
    std::unique_ptr<History> history;
    if (!options.firstSide && routine.schedule.firstSide == FirstSide::Auto) {
        history = historyOrSay(workspace, context.err);
    }
    bool read = false;
    const std::vector<SessionRecord> sessions = recentSessions(history.get(), &read);
    const SideChoice side =
        firstSideFor(routine, options.firstSide ? parseSide(*options.firstSide) : std::nullopt,
                     sessions, workspace.now(), read);
    const Timeline timeline(routine, side.side, &*body);
    if (options.json) {
        context.out << planJson(timeline, side.why, options.everyS, &*body);
    } else {
        context.out << planText(timeline)
                    << rollcoach::fillIn(side.side == Side::Left ? _("First side: left ({0})")
                                                                 : _("First side: right ({0})"),
                                         printable(side.why))
                    << "\n";
    }
    return 0;
}

} // namespace

Subcommand addPlanCommand(CLI::App& app) {
    auto options = std::make_shared<PlanOptions>();
    CLI::App* command = app.add_subcommand("plan", _("print the session's timeline"));
    command->add_option("FILE", options->file, _("routine file"))->required();
    command->add_option("--first-side", options->firstSide, _("side to start on"))
        ->check(CLI::IsMember({"left", "right"}));
    CLI::Option* json = command->add_flag("--json", options->json, _("print the plan as JSON"));
    command
        ->add_option("--every", options->everyS,
                     _("with --json: add the balls as drawn every SECONDS (0.05 to 600)"))
        ->check(finiteNumber())
        ->check(CLI::Range(0.05, 600.0));
    return {command, [options, json, command](CommandContext& context) {
                if (command->count("--every") > 0 && json->count() == 0) {
                    // clang-format off
                    context.err << "rollcoach: usage error: " << _("--every needs --json") << "\n"; // untranslated: prefix
                    // clang-format on
                    return 2;
                }
                return plan(*options, context);
            }};
}

} // namespace rollcoach
