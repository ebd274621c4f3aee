#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/EveryBody.hpp"
#include "core/PrintableText.hpp"
#include "core/RoutineLoader.hpp"
#include "core/TextFile.hpp"
#include "core/Translate.hpp"

#include <memory>
#include <ostream>

namespace rollcoach {
namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    bool strict = false;
    bool everyBody = false;
};

// Every file on every body the model accepts: one line per problem, naming the bodies.
int validateOnEveryBody(const ValidateOptions& options, const BodyModel& body,
                        const Workspace& workspace, std::ostream& out, std::ostream& err) {
    const std::string bodyFile = workspace.paths.bodyModel();
    const TextFile bodyText = readTextFile(bodyFile, 1024 * 1024);
    if (!bodyText.error.empty()) {
        err << printable(bodyFile) << ": error: " << printable(bodyText.error) << "\n";
        return 1;
    }
    const std::vector<BodyProfile> bodies = acceptedBodies(body);
    bool failed = false;
    for (const std::string& file : options.files) {
        const TextFile text = readTextFile(file, kMaxRoutineBytes);
        if (!text.error.empty()) {
            out << formatDiagnostic(file, {Severity::Error, {}, text.error}) << "\n";
            failed = true;
            continue;
        }
        const EveryBodyCheck check = checkOnEveryBody(text.text, bodyText.text, bodyFile, bodies);
        for (const Diagnostic& diagnostic : check.fileProblems) {
            out << formatDiagnostic(file, diagnostic) << "\n";
        }
        bool errors = hasErrors(check.fileProblems);
        bool warnings = hasWarnings(check.fileProblems);
        for (const BodyProblem& problem : check.problems) {
            Diagnostic shown = problem.diagnostic;
            shown.message +=
                " " + rollcoach::fillIn(_("(on {0} of {1} bodies: {2})"), problem.bodies,
                                        check.bodiesChecked, problem.which);
            out << formatDiagnostic(file, shown) << "\n";
            errors = errors || shown.severity == Severity::Error;
            warnings = warnings || shown.severity == Severity::Warning;
        }
        if (check.fitsEveryBody()) {
            out << printable(file) << ": "
                << rollcoach::fillIn(
                       _("fits every body: {0} checked, shoulders {1}-{2} cm, heights {3}-{4} "
                         "cm, men and women"),
                       check.bodiesChecked, body.minShoulderWidthCm, body.maxShoulderWidthCm,
                       body.minHeightCm, body.maxHeightCm)
                << "\n";
        }
        failed = failed || errors || (options.strict && warnings);
    }
    return failed ? 1 : 0;
}

int validate(const ValidateOptions& options, CommandContext& context) {
    const auto body = bodyOrSay(context.workspace, context.err);
    if (!body) {
        return 1;
    }
    if (options.everyBody) {
        return validateOnEveryBody(options, *body, context.workspace, context.out, context.err);
    }
    bool failed = false;
    for (const std::string& file : options.files) {
        const RoutineLoad load = openRoutine(file, *body);
        for (const Diagnostic& diagnostic : load.diagnostics) {
            context.out << formatDiagnostic(file, diagnostic) << "\n";
        }
        failed = failed || hasErrors(load.diagnostics) ||
                 (options.strict && hasWarnings(load.diagnostics));
    }
    return failed ? 1 : 0;
}

} // namespace

Subcommand addValidateCommand(CLI::App& app) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* command =
        app.add_subcommand("validate", _("check routine files; one line per problem"));
    command->add_option("FILE", options->files, _("routine files"))->required();
    command->add_flag("--strict", options->strict, _("fail on warnings too"));
    command->add_flag("--every-body", options->everyBody,
                      _("check on every body rollcoach accepts (men and women, every "
                        "shoulder width and height) and name the bodies a problem shows on"));
    return {command, [options](CommandContext& context) { return validate(*options, context); }};
}

} // namespace rollcoach
