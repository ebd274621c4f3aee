#include "GlobalOptions.hpp"

#include "Subcommand.hpp"
#include "core/BodyModel.hpp"
#include "core/DataPaths.hpp"
#include "core/Language.hpp"
#include "core/PrintableText.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Translate.hpp"

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace rollcoach {
namespace {

// A measurement of the body in a range, said in centimetres: "must be from 30 to 50 cm".
// The sentence has {0} and {1} for the range and {2} for what was given.
CLI::Validator bodyRange(const double (&range)[2], const char* sentence) {
    return CLI::Validator(
        [range, sentence](std::string& input) -> std::string {
            const double value = std::strtod(input.c_str(), nullptr);
            if (!(value >= range[0] && value <= range[1])) {
                return rollcoach::fillIn(_(sentence), range[0], range[1], printable(input));
            }
            return {};
        },
        "CM");
}

// A folder from the environment, else one under the home folder.
std::string fromEnvironment(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
        return std::string(value);
    }
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/" + fallback;
}

} // namespace

void addGlobalOptions(CLI::App& app, Workspace& workspace, GlobalOptions& options) {
    options.body =
        app.add_option("--body", workspace.bodyProfile,
                       _("whose body the model is scaled for: men or women (default men)"))
            ->check(CLI::IsMember({"men", "women"}));
    // The ranges are the body model's (assets/body.yaml), which refuses anything else.
    options.shoulderWidth =
        app.add_option("--shoulder-width-cm", workspace.shoulderWidthCm,
                       _("your shoulder width (acromion to acromion), 30-50 cm"))
            ->check(finiteNumber())
            ->check(bodyRange(kShoulderWidthRangeCm,
                              N_("a shoulder width (acromion to acromion) must be from {0} to {1} "
                                 "cm, got {2}")));
    options.height =
        app.add_option("--height-cm", workspace.heightCm, _("your height, 145-200 cm"))
            ->check(finiteNumber())
            ->check(bodyRange(kHeightRangeCm, N_("a height must be from {0} to {1} cm, got {2}")));
    app.add_option("--data-dir", options.dataDir,
                   _("folder for the history and your routines (default "
                     "$XDG_DATA_HOME/rollcoach)"));
    app.add_flag("--fullscreen", options.fullScreen, _("open the window full screen (F toggles)"));
    // Read by main before any text is made (languageArgument); here so that it is accepted.
    app.add_option("--language", options.language,
                   _("the language shown and spoken, such as de or es (default: the locale's, or "
                     "language: in settings.yaml)"))
        ->check([](const std::string& name) {
            return isLanguageName(name)
                       ? std::string()
                       : rollcoach::fillIn(_("not a language name: {0} (such as de or es)"),
                                           printable(name));
        });
}

void settleWorkspace(Workspace& workspace, const GlobalOptions& options, std::ostream& err) {
    workspace.dataDir = options.dataDir.empty()
                            ? fromEnvironment("XDG_DATA_HOME", ".local/share") + "/rollcoach"
                            : options.dataDir;
    workspace.settingsFile =
        fromEnvironment("XDG_CONFIG_HOME", ".config") + "/rollcoach/settings.yaml";
    workspace.stateDir = fromEnvironment("XDG_STATE_HOME", ".local/state") + "/rollcoach";
    workspace.cacheDir = fromEnvironment("XDG_CACHE_HOME", ".cache") + "/rollcoach";
    // The core reads no environment: where the program and its data are is handed in.
    const char* searchPath = std::getenv("PATH");
    const std::string path = searchPath != nullptr ? searchPath : "/bin:/usr/bin";
    const char* givenData = std::getenv("ROLLCOACH_DATA_DIR");
    workspace.programFolder = executableFolder(workspace.executablePath, path);
    workspace.paths = findDataPaths(workspace.executablePath, workspace.pathsTried,
                                    givenData != nullptr ? givenData : "", path);
    Diagnostics problems;
    workspace.settings = loadSettings(workspace.settingsFile, problems);
    for (const Diagnostic& problem : problems) {
        err << formatDiagnostic(workspace.settingsFile, problem) << "\n";
    }
    // The command line wins over the settings file for whose body is modelled.
    if (options.body->count() == 0 && workspace.settings.body) {
        workspace.bodyProfile = *workspace.settings.body;
    }
    if (options.shoulderWidth->count() == 0 && workspace.settings.shoulderWidthCm) {
        workspace.shoulderWidthCm = workspace.settings.shoulderWidthCm;
    }
    if (options.height->count() == 0 && workspace.settings.heightCm) {
        workspace.heightCm = workspace.settings.heightCm;
    }
}

} // namespace rollcoach
