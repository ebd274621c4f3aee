#include "CommandLine.hpp"

#include "Listen.hpp"
#include "Remind.hpp"
#include "ReportCommand.hpp"
#include "Sessions.hpp"
#include "StandardOutput.hpp"
#include "core/BodyModel.hpp"
#include "core/DataPaths.hpp"
#include "core/EveryBody.hpp"
#include "core/PlanJson.hpp"
#include "core/PrintableText.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"
#include "core/Timeline.hpp"
#include "voice/Recognizer.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#ifndef ROLLCOACH_VERSION
#define ROLLCOACH_VERSION "0.0.0"
#endif

namespace rollcoach {
namespace {

// CLI11's ranges compare, and NaN compares false with everything, so "nan" would pass any
// range; this is checked first.
const CLI::Validator kFiniteNumber(
    [](std::string& input) -> std::string {
        double value = 0;
        const char* begin = input.c_str();
        char* end = nullptr;
        value = std::strtod(begin, &end);
        if (end == begin || *end != '\0' || !std::isfinite(value)) {
            return "must be a finite number, got " + printable(input);
        }
        return {};
    },
    "NUMBER");

// A measurement of the body in a range, said in centimetres: "must be from 30 to 50 cm".
CLI::Validator bodyRange(const double (&range)[2], const std::string& what) {
    return CLI::Validator(
        [range, what](std::string& input) -> std::string {
            const double value = std::strtod(input.c_str(), nullptr);
            if (!(value >= range[0] && value <= range[1])) {
                char text[96];
                std::snprintf(text, sizeof text, "%s must be from %g to %g cm, got ", what.c_str(),
                              range[0], range[1]);
                return text + printable(input);
            }
            return {};
        },
        "CM");
}

// "WxH" with nothing before, between or after the two whole numbers.
bool parseSize(const std::string& text, unsigned& width, unsigned& height) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto [afterWidth, widthError] = std::from_chars(begin, end, width);
    if (widthError != std::errc() || afterWidth == end || *afterWidth != 'x') {
        return false;
    }
    const auto [afterHeight, heightError] = std::from_chars(afterWidth + 1, end, height);
    return heightError == std::errc() && afterHeight == end;
}

// Every file on every body the model accepts: one line per problem, naming the bodies.
int validateOnEveryBody(const std::vector<std::string>& files, bool strict, const BodyModel& body,
                        const Workspace& workspace, std::ostream& out, std::ostream& err) {
    const std::string bodyFile = workspace.paths.bodyModel();
    const TextFile bodyText = readTextFile(bodyFile, 1024 * 1024);
    if (!bodyText.error.empty()) {
        err << printable(bodyFile) << ": error: " << printable(bodyText.error) << "\n";
        return 1;
    }
    const std::vector<BodyProfile> bodies = acceptedBodies(body);
    bool failed = false;
    for (const std::string& file : files) {
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
            shown.message += " (on " + std::to_string(problem.bodies) + " of " +
                             std::to_string(check.bodiesChecked) + " bodies: " + problem.which +
                             ")";
            out << formatDiagnostic(file, shown) << "\n";
            errors = errors || shown.severity == Severity::Error;
            warnings = warnings || shown.severity == Severity::Warning;
        }
        if (check.fitsEveryBody()) {
            out << printable(file) << ": fits every body: " << check.bodiesChecked
                << " checked, shoulders " << body.minShoulderWidthCm << "-"
                << body.maxShoulderWidthCm << " cm, heights " << body.minHeightCm << "-"
                << body.maxHeightCm << " cm, men and women\n";
        }
        failed = failed || errors || (strict && warnings);
    }
    return failed ? 1 : 0;
}

int validate(const std::vector<std::string>& files, bool strict, bool everyBody,
             const Workspace& workspace, std::ostream& out, std::ostream& err) {
    const auto body = bodyOrSay(workspace, err);
    if (!body) {
        return 1;
    }
    if (everyBody) {
        return validateOnEveryBody(files, strict, *body, workspace, out, err);
    }
    bool failed = false;
    for (const std::string& file : files) {
        const RoutineLoad load = openRoutine(file, *body);
        for (const Diagnostic& diagnostic : load.diagnostics) {
            out << formatDiagnostic(file, diagnostic) << "\n";
        }
        failed = failed || hasErrors(load.diagnostics) || (strict && hasWarnings(load.diagnostics));
    }
    return failed ? 1 : 0;
}

int plan(const std::string& file, const std::optional<std::string>& firstSide, bool json,
         double everyS, const Workspace& workspace, std::ostream& out, std::ostream& err) {
    const auto body = bodyOrSay(workspace, err);
    if (!body) {
        return 1;
    }
    const RoutineLoad load = openRoutine(file, *body);
    for (const Diagnostic& diagnostic : load.diagnostics) {
        err << formatDiagnostic(file, diagnostic) << "\n";
    }
    if (!load.routine) {
        return 1;
    }
    const Routine& routine = *load.routine;
    // The history is only read when it decides the side.
    std::unique_ptr<History> history;
    if (!firstSide && routine.schedule.firstSide == FirstSide::Auto) {
        history = historyOrSay(workspace, err);
    }
    const SideChoice side = firstSideFor(routine, firstSide ? parseSide(*firstSide) : std::nullopt,
                                         recentSessions(history.get()), workspace.now());
    const Timeline timeline(routine, side.side);
    if (json) {
        out << planJson(timeline, side.why, everyS, &*body);
    } else {
        out << planText(timeline) << "First side: " << sideName(side.side) << " ("
            << printable(side.why) << ")\n";
    }
    return 0;
}

int runCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const Clock& clock, const WindowFrontEnd& window) {
    CLI::App app{"rollcoach: a coach for self-massage with a ball, one side after the other.\n"
                 "Stop at once on sharp pain, numbness or tingling.",
                 "rollcoach"};
    app.set_version_flag("--version", std::string("rollcoach ") + ROLLCOACH_VERSION);
    app.require_subcommand(0, 1);
    app.fallthrough();

    Workspace workspace;
    workspace.clock = &clock;
    workspace.executablePath = args.empty() ? std::string() : args.front();
    CLI::Option* bodyOption =
        app.add_option("--body", workspace.bodyProfile,
                       "whose body the model is scaled for: men or women (default men)")
            ->check(CLI::IsMember({"men", "women"}));
    // The ranges are the body model's (assets/body.yaml), which refuses anything else.
    CLI::Option* shoulderOption =
        app.add_option("--shoulder-width-cm", workspace.shoulderWidthCm,
                       "your shoulder width (acromion to acromion), 30-50 cm")
            ->check(kFiniteNumber)
            ->check(bodyRange(kShoulderWidthRangeCm, "a shoulder width (acromion to acromion)"));
    CLI::Option* heightOption =
        app.add_option("--height-cm", workspace.heightCm, "your height, 145-200 cm")
            ->check(kFiniteNumber)
            ->check(bodyRange(kHeightRangeCm, "a height"));
    std::string dataDir;
    app.add_option("--data-dir", dataDir,
                   "folder for the history and your routines (default "
                   "$XDG_DATA_HOME/rollcoach)");

    std::vector<std::string> validateFiles;
    bool strict = false;
    CLI::App* validateCommand =
        app.add_subcommand("validate", "check routine files; one line per problem");
    validateCommand->add_option("FILE", validateFiles, "routine files")->required();
    validateCommand->add_flag("--strict", strict, "fail on warnings too");
    bool everyBody = false;
    validateCommand->add_flag("--every-body", everyBody,
                              "check on every body rollcoach accepts (men and women, every "
                              "shoulder width and height) and name the bodies a problem shows on");

    std::string planFile;
    std::optional<std::string> planSide;
    bool planAsJson = false;
    CLI::App* planCommand = app.add_subcommand("plan", "print the session's timeline");
    planCommand->add_option("FILE", planFile, "routine file")->required();
    planCommand->add_option("--first-side", planSide, "side to start on")
        ->check(CLI::IsMember({"left", "right"}));
    planCommand->add_flag("--json", planAsJson, "print the plan as JSON");
    double planEvery = 0;
    CLI::Option* everyOption =
        planCommand
            ->add_option("--every", planEvery,
                         "with --json: add the balls as drawn every SECONDS (0.05 to 600)")
            ->check(CLI::Range(0.05, 600.0));

    WindowRequest request;
    std::optional<std::string> runSide;
    std::string renderSize = "1280x720";
    CLI::App* runCommand = app.add_subcommand("run", "open a session on a routine");
    runCommand->add_option("FILE", request.routineFile, "routine file")->required();
    runCommand->add_option("--first-side", runSide, "side to start on")
        ->check(CLI::IsMember({"left", "right"}));
    runCommand->add_option("--speed", request.speed, "run the session clock this many times faster")
        ->check(kFiniteNumber)
        ->check(CLI::Range(0.01, 1000.0));
    runCommand->add_flag("--autostart", request.autostart, "start the timer without a key press");
    runCommand
        ->add_option("--frames", request.frames,
                     "exit after this many frames and print frame-time statistics")
        ->check(CLI::Range(1L, 100000000L));
    runCommand->add_flag("--mute", request.mute, "no sounds and no speech");
    // Read from across the room: full screen from the start (F toggles it at any time).
    runCommand->add_flag("--fullscreen", request.fullScreen, "open full screen (F toggles)");
    app.add_flag("--fullscreen", request.fullScreen, "open the window full screen (F toggles)");
    runCommand->add_flag("--listen", request.listen,
                         "take voice commands: pause, resume, next, back, stop (the pain stop)");
    runCommand->add_flag("--paused", request.paused, "start the session paused (with --autostart)");
    runCommand->add_flag("--big-button", request.bigButton,
                         "any key or gamepad button pauses and resumes (X still stops for pain)");
    runCommand
        ->add_option("--start-at", request.startAtS,
                     "start this many seconds into the session (with --autostart)")
        ->check(kFiniteNumber)
        ->check(CLI::Range(0.0, 1e6));

    std::string renderSide;
    std::string renderScreen = "session";
    CLI::App* renderCommand = app.add_subcommand(
        "render",
        "draw the session screen at a moment, the progress screen or the body screen, to a PNG");
    renderCommand->add_option("FILE", request.routineFile, "routine file")->required();
    CLI::Option* atOption =
        renderCommand->add_option("--at", request.atS, "seconds into the session")
            ->check(kFiniteNumber)
            ->check(CLI::Range(0.0, 1e6));
    renderCommand
        ->add_option("--screen", renderScreen,
                     "session (at --at seconds), progress (the routine's tension by date), "
                     "body (your body, with the routine on it), help (every key, and where "
                     "files are) or edit (the routine in the editor)")
        ->check(CLI::IsMember({"session", "progress", "body", "help", "edit"}));
    renderCommand->add_option("--side", runSide, "the first side")
        ->check(CLI::IsMember({"left", "right"}));
    renderCommand->add_option("--size", renderSize, "image size, WxH (default 1280x720)");
    renderCommand->add_option("--out", request.outFile, "PNG file to write")->required();

    CLI::App* exploreCommand = app.add_subcommand(
        "explore", "drag a ball over the body and see whether the place is safe");

    CLI::App* editCommand = app.add_subcommand(
        "edit", "write or change a routine in the window (a shipped one is saved as a copy)");
    editCommand->add_option("FILE", request.routineFile,
                            "the routine (a new one, from the --drill template, if not there)");
    editCommand
        ->add_option("--drill", request.drill,
                     "a new routine's drill: wall, lying, partner or self-press (default wall)")
        ->check(CLI::IsMember({"wall", "lying", "partner", "self-press"}));

    bool historyAsJson = false;
    CLI::App* historyCommandLine =
        app.add_subcommand("history", "list past sessions, newest first");
    historyCommandLine->add_flag("--json", historyAsJson, "print the history as JSON");

    std::string progressRoutine;
    std::optional<int> progressWeeks;
    bool progressAsJson = false;
    CLI::App* progressCommandLine = app.add_subcommand(
        "progress", "each side's tension before and after each session, and the change");
    progressCommandLine->add_option("--routine", progressRoutine,
                                    "only this routine: its file or its title");
    progressCommandLine->add_option("--weeks", progressWeeks, "only the last N weeks (1-520)")
        ->check(CLI::Range(1, 520));
    progressCommandLine->add_flag("--json", progressAsJson, "print the progress as JSON");

    CLI::App* nextCommandLine =
        app.add_subcommand("next", "what is due today, and which side goes first");

    int weeks = 4;
    std::string calendarOut;
    CLI::App* calendarCommandLine =
        app.add_subcommand("calendar", "write the weekly plan as an iCalendar file");
    calendarCommandLine->add_option("--weeks", weeks, "how many weeks (default 4)")
        ->check(CLI::Range(1, 104));
    calendarCommandLine->add_option("--out", calendarOut,
                                    "the .ics file to write (default: print)");

    RemindRequest remind;
    CLI::App* remindCommandLine = app.add_subcommand(
        "remind", "a desktop notification when a routine is due now and not done");
    CLI::Option* installOption = remindCommandLine->add_flag(
        "--install", remind.install,
        "install a systemd user timer that reminds at the routines' days and time");
    CLI::Option* autostartOption = remindCommandLine->add_flag(
        "--autostart", remind.autostart,
        "with --install: an XDG autostart entry instead, for desktops without systemd");
    CLI::Option* uninstallOption = remindCommandLine->add_flag(
        "--uninstall", remind.uninstall, "remove the timer or the autostart entry");
    CLI::Option* keepRunningOption = remindCommandLine->add_flag(
        "--keep-running", remind.keepRunning, "stay running and remind at each due time");
    remindCommandLine
        ->add_option("--wait", remind.waitS,
                     "how long a reminder waits for Start or Later, in seconds (default 1800)")
        ->check(CLI::Range(0, 86400));
    installOption->excludes(uninstallOption);
    keepRunningOption->excludes(installOption)->excludes(uninstallOption);
    autostartOption->needs(installOption);

    int reportWeeks = 4;
    std::string reportOut;
    std::string reportCsvFile;
    CLI::App* reportCommandLine = app.add_subcommand(
        "report", "a PDF report of the last weeks for a physiotherapist, and the raw rows as CSV");
    reportCommandLine->add_option("--weeks", reportWeeks, "how many weeks (default 4, 1-52)")
        ->check(CLI::Range(1, 52));
    reportCommandLine->add_option("--out", reportOut, "the PDF file to write");
    reportCommandLine->add_option("--csv", reportCsvFile,
                                  "a CSV file of one row per session ('-' prints it)");

    std::string newName;
    CLI::App* newCommandLine =
        app.add_subcommand("new", "write a commented starting routine into your routine folder");
    newCommandLine->add_option("NAME", newName, "the routine's name")->required();
    std::string newDrill = "wall";
    newCommandLine
        ->add_option("--drill", newDrill,
                     "the drill to start from: wall, lying, partner or self-press (default wall)")
        ->check(CLI::IsMember({"wall", "lying", "partner", "self-press"}));

    std::string listenFile;
    bool listenVerbose = false;
    CLI::App* listenCommandLine = app.add_subcommand(
        "listen", "print the voice commands recognised in a recording (16-bit PCM WAV)");
    listenCommandLine->add_option("--from", listenFile, "WAV file to listen to")->required();
    listenCommandLine->add_flag("--verbose", listenVerbose,
                                "also print every utterance and why it was not taken");

    std::vector<const char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(arg.c_str());
    }
    if (argv.empty()) {
        argv.push_back("rollcoach");
    }
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion&) {
        out << "rollcoach " << ROLLCOACH_VERSION << "\n";
        return 0;
    } catch (const CLI::ParseError& error) {
        err << "rollcoach: usage error: " << printable(error.what()) << "\n"
            << "Run 'rollcoach --help' for the commands and options.\n";
        return 2;
    }

    // Where the history, the user's routines and the settings live.
    auto fromEnvironment = [](const char* name, const char* fallback) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return std::string(value);
        }
        const char* home = std::getenv("HOME");
        return std::string(home ? home : ".") + "/" + fallback;
    };
    workspace.dataDir =
        dataDir.empty() ? fromEnvironment("XDG_DATA_HOME", ".local/share") + "/rollcoach" : dataDir;
    workspace.settingsFile =
        fromEnvironment("XDG_CONFIG_HOME", ".config") + "/rollcoach/settings.yaml";
    workspace.stateDir = fromEnvironment("XDG_STATE_HOME", ".local/state") + "/rollcoach";
    workspace.paths = findDataPaths(workspace.executablePath, workspace.pathsTried);
    // Settings are read once; a problem in them is reported and the defaults stand.
    Diagnostics problems;
    workspace.settings = loadSettings(workspace.settingsFile, problems);
    for (const Diagnostic& problem : problems) {
        err << formatDiagnostic(workspace.settingsFile, problem) << "\n";
    }
    // The command line wins over the settings file for whose body is modelled.
    if (bodyOption->count() == 0 && workspace.settings.body) {
        workspace.bodyProfile = *workspace.settings.body;
    }
    if (shoulderOption->count() == 0 && workspace.settings.shoulderWidthCm) {
        workspace.shoulderWidthCm = workspace.settings.shoulderWidthCm;
    }
    if (heightOption->count() == 0 && workspace.settings.heightCm) {
        workspace.heightCm = workspace.settings.heightCm;
    }
    // Big-button mode is for every session, whichever way it starts (run, or the list).
    request.bigButton = request.bigButton || workspace.settings.bigButton;

    // Listening is opt-in, by the flag or by `listen: true` in the settings.
    request.listen = request.listen || workspace.settings.listen;
    if (*listenCommandLine) {
        return listenCommand(listenFile, listenVerbose,
                             modulePaths(workspace.executablePath, kVoiceModuleName), out, err);
    }
    if (*validateCommand) {
        return validate(validateFiles, strict, everyBody, workspace, out, err);
    }
    if (*planCommand) {
        if (everyOption->count() > 0 && !(planEvery >= 0.05 && planEvery <= 600)) {
            // NaN passes a range check: every comparison with it is false.
            err << "rollcoach: usage error: --every: SECONDS must be a number from 0.05 to 600\n";
            return 2;
        }
        if (everyOption->count() > 0 && !planAsJson) {
            err << "rollcoach: usage error: --every needs --json\n";
            return 2;
        }
        return plan(planFile, planSide, planAsJson, planEvery, workspace, out, err);
    }
    if (*historyCommandLine) {
        return historyCommand(historyAsJson, workspace, out, err);
    }
    if (*progressCommandLine) {
        return progressCommand(progressRoutine, progressWeeks, progressAsJson, workspace, out, err);
    }
    if (*remindCommandLine) {
        return remindCommand(remind, workspace, out, err);
    }
    if (*reportCommandLine) {
        if (reportOut.empty() && reportCsvFile.empty()) {
            err << "rollcoach: usage error: report needs --out FILE.pdf, --csv FILE, or both\n";
            return 2;
        }
        return reportCommand(reportWeeks, reportOut, reportCsvFile, workspace, out, err);
    }
    if (*newCommandLine) {
        return newRoutineCommand(newName, newDrill, workspace, out, err);
    }
    if (*nextCommandLine || *calendarCommandLine) {
        const auto body = bodyOrSay(workspace, err);
        if (!body) {
            return 1;
        }
        return *nextCommandLine ? nextCommand(workspace, *body, out, err)
                                : calendarCommand(weeks, calendarOut, workspace, *body, out, err);
    }
    if (runSide) {
        request.firstSide = parseSide(*runSide);
    }
    if (*runCommand) {
        request.mode = WindowRequest::Mode::Run;
    } else if (*renderCommand) {
        request.mode = WindowRequest::Mode::Render;
        if (renderScreen == "progress") {
            request.picture = WindowRequest::Picture::Progress;
        } else if (renderScreen == "body") {
            request.picture = WindowRequest::Picture::Body;
        } else if (renderScreen == "help") {
            request.picture = WindowRequest::Picture::Help;
        } else if (renderScreen == "edit") {
            request.picture = WindowRequest::Picture::Edit;
        } else if (atOption->count() == 0) {
            err << "rollcoach: usage error: --at is required: the moment of the session to draw\n"
                << "Run 'rollcoach --help' for the commands and options.\n";
            return 2;
        }
        unsigned w = 0;
        unsigned h = 0;
        if (!parseSize(renderSize, w, h) || w < 160 || h < 120 || w > 8192 || h > 8192) {
            err << "rollcoach: usage error: --size must be WxH, e.g. 1920x1080 (160x120 to "
                   "8192x8192)\n";
            return 2;
        }
        request.width = w;
        request.height = h;
    } else if (*exploreCommand) {
        request.mode = WindowRequest::Mode::Explore;
    } else if (*editCommand) {
        request.mode = WindowRequest::Mode::Edit;
    }
    if (!window) {
        err << "rollcoach: error: this build has no window\n";
        return 1;
    }
    return window(request, workspace, out, err);
}

} // namespace

int runCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   const Clock& clock, const WindowFrontEnd& window) {
    const int status = runCommand(args, out, err, clock, window);
    // Every command's output goes out here at the latest: a full disk or a closed file behind
    // standard output is an error, not a silent loss of what was printed.
    const std::string failure = outputFailure(out);
    if (!failure.empty()) {
        err << "rollcoach: error: cannot write to standard output: " << failure << "\n";
        return status != 0 ? status : 1;
    }
    return status;
}

} // namespace rollcoach
