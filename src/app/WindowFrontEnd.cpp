#include "WindowFrontEnd.hpp"

#include "Coach.hpp"
#include "ComposeCache.hpp"
#include "DisplayCheck.hpp"
#include "DisplayOpening.hpp"
#include "Fonts.hpp"
#include "FrameShow.hpp"
#include "MediaPlayer.hpp"
#include "Png.hpp"
#include "RenderFrontEnd.hpp"
#include "Speech.hpp"
#include "StopSignals.hpp"
#include "Tones.hpp"
#include "VoiceListener.hpp"
#include "WindowPlace.hpp"
#include "core/DataPaths.hpp"
#include "core/EveryBody.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Timeline.hpp"
#include "core/Translate.hpp"
#include "modules/ModuleLoader.hpp"
#include "voice/Recognizer.hpp"

#include <SFML/Graphics.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <future>
#include <numeric>
#include <ostream>
#include <sstream>

namespace rollcoach {
namespace {

// Loads the routine named on the command line, printing its problems; nullopt when it
// cannot be used. With `keepNotFit`, one that does not fit this body is kept without its
// routine, so the window can say why and offer the body screen.
std::optional<RoutineEntry> loadGiven(const std::string& file, const BodyModel& body,
                                      bool keepNotFit, std::ostream& err) {
    RoutineLoad load = openRoutine(file, body);
    for (const Diagnostic& d : load.diagnostics) {
        err << formatDiagnostic(file, d) << "\n";
    }
    if (!load.routine) {
        if (keepNotFit && !notFitReason(load.diagnostics).empty()) {
            return RoutineEntry{file,         false, std::nullopt, load.hash, load.diagnostics, 0,
                                std::nullopt, {}};
        }
        return std::nullopt;
    }
    return RoutineEntry{
        file, false, std::move(load.routine), load.hash, load.diagnostics, 0, std::nullopt, {}};
}

// Statistics of a series of times: "mean 1.20 ms  median ...".
std::string summarise(std::vector<double> ms) {
    if (ms.empty()) {
        return "none";
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    auto at = [&](double q) {
        return ms[std::min(ms.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    char line[160];
    // clang-format off
    std::snprintf(line, sizeof line, "mean %.2f ms  median %.2f ms  p95 %.2f ms  max %.2f ms", mean, // untranslated: benchmark figures
                  at(0.5), at(0.95), ms.back());
    // clang-format on
    return line;
}

void printFrameStatistics(long ticks, const std::vector<double>& drawMs,
                          const std::vector<double>& intervalMs, std::ostream& out) {
    // clang-format off
    out << "frames " << ticks << " (" << drawMs.size() << " drawn; the others showed nothing new)\n" // untranslated: benchmark figures
        << "  draw (building and submitting a frame): " << summarise(drawMs) << "\n" // untranslated: benchmark figures
        << "  frame interval (with the 60 fps limit): " << summarise(intervalMs) << "\n"; // untranslated: benchmark figures
    // clang-format on
}

// What start-up reads from disk without SFML. It is read on a thread of its own while the
// window and its GL context are made, the longest part of start-up: fontconfig alone reads a
// hundred configuration files to find the fonts, and the postures are a YAML file of their own.
struct WindowAssets {
    std::vector<std::string> fontFiles;
    Picture icon; // empty when it cannot be read: the window keeps its default icon
    std::unique_ptr<History> history;
    std::string historyProblem;
    std::string historyNotices; // printed by the main thread, after the wait
    std::optional<Postures> postures;
    std::string posturesProblem; // why they could not be read: the window does not open
};

WindowAssets readWindowAssets(const Workspace& workspace, bool withHistory) {
    WindowAssets assets;
    try {
        assets.postures = Postures::load(workspace.paths.postures());
    } catch (const DataFileError& error) {
        assets.posturesProblem = error.what();
    }
    assets.fontFiles = Fonts::findFiles();
    std::string why;
    loadPng(workspace.paths.assetsDir() + "/icon-64.png", assets.icon, why);
    if (withHistory) {
        try {
            std::string notice;
            assets.history = openHistory(workspace, notice);
            if (!notice.empty()) {
                assets.historyNotices = "rollcoach: notice: " + notice + "\n";
            }
        } catch (const HistoryError& error) {
            assets.historyProblem = error.what();
            assets.historyNotices =
                "rollcoach: notice: " +
                rollcoach::fillIn(_("history cannot be saved for now: {0}; tried again while the "
                                    "window is open"),
                                  assets.historyProblem) +
                "\n";
        }
    }
    return assets;
}

// Opens the window as it was left: full-screen, or at its size (no larger than the screen)
// in the middle of the screen. Without a window manager to place it, SFML would put it at a
// fixed offset, half off a 1920x1080 screen. The screen's size comes from the display check's
// connection, which has it for free: SFML's desktop mode asks XRandR, tens of milliseconds of
// start-up. Full screen needs a mode SFML knows, so only it asks.
// The size a window left at `place` opens at: its own, no larger than the screen.
sf::Vector2u windowedSize(const WindowPlace& place, sf::Vector2u screen) {
    return {std::min(place.width, screen.x), std::min(place.height, screen.y)};
}

void openWindow(sf::RenderWindow& window, const WindowPlace& place, sf::Vector2u screen) {
    if (place.fullScreen) {
        window.create(sf::VideoMode::getDesktopMode(), "rollcoach", sf::Style::Fullscreen);
    } else {
        const sf::Vector2u size = windowedSize(place, screen);
        window.create(sf::VideoMode(size.x, size.y), "rollcoach",
                      sf::Style::Titlebar | sf::Style::Close | sf::Style::Resize);
        window.setPosition(
            {static_cast<int>(screen.x - size.x) / 2, static_cast<int>(screen.y - size.y) / 2});
    }
    window.setFramerateLimit(60);
    window.setKeyRepeatEnabled(false);
}

void showIcon(sf::RenderWindow& window, const Picture& icon) {
    if (!icon.rgba.empty()) {
        window.setIcon(icon.width, icon.height, icon.rgba.data());
    }
}

// How the window opens and is left. A scripted run (--frames N: the tests, the benchmark)
// neither reads nor writes it, so it opens the same way wherever it runs.
struct WindowMemory {
    WindowPlace place;
    std::string file;    ///< "" when not remembered
    std::string former;  ///< where earlier versions kept it, read while `file` is not there
    sf::Vector2u screen; ///< the size of the screen it opens on
};

// The window's size before it opens: the one openWindow() gives it, unless a window manager
// has its own idea.
sf::Vector2u expectedSize(const WindowMemory& memory) {
    return memory.place.fullScreen ? memory.screen : windowedSize(memory.place, memory.screen);
}

// `coach` has started, laid out for the size the window was expected to have.
int runWindowLoop(AppResources& app, const WindowRequest& request, Coach& coach,
                  const StopSignals& signals, sf::RenderWindow& window, WindowMemory& memory,
                  const Picture& icon, std::ostream& out, std::ostream& err) {
    if (window.getSize() != expectedSize(memory)) {
        coach.resize(window.getSize());
    }
    // Media keys and headset buttons, through the session bus, while a session shows.
    MediaPlayer media(err, modulePaths(app.workspace.programFolder, kMediaPlayerModuleName));

    // Voice commands, when asked for: heard on the microphone's thread, acted on here. The
    // microphone opens with the first session, not for the list.
    VoiceListener voice(err, modulePaths(app.workspace.programFolder, kVoiceModuleName));
    bool voiceStarted = false;

    using Clock = std::chrono::steady_clock;
    const auto tick = kFrameTime;
    auto last = Clock::now();
    auto nextTick = last;
    std::vector<double> frameMs;
    std::vector<double> intervalMs;
    auto lastFrame = Clock::now();
    FrameShow frameShow(window);
    FrameKey lastKey;
    const Screen* lastDrawn = nullptr;
    long ticks = 0;
    bool redraw = true;
    bool running = true;
    bool audioDue = false;
    // A busy history is tried again twice a second, never at every frame.
    auto lastRetry = Clock::now();
    auto retryHistory = [&] {
        const auto now = Clock::now();
        if (now - lastRetry < std::chrono::milliseconds(500)) {
            return false;
        }
        lastRetry = now;
        const bool changed = coach.retryHistory();
        redraw = redraw || changed;
        return changed;
    };
    while (running && window.isOpen()) {
        if (signals.received() != 0) {
            // As a Stop: the part done is recorded, then the window closes.
            // clang-format off
            coach.endSession("ended by " + StopSignals::name(signals.received())); // untranslated: a stop reason kept
            // clang-format on
            break;
        }
        retryHistory();
        if (audioDue) {
            // The first frame is up: now the audio device, before any cue can play. (A run of
            // one frame never plays a cue, so it never opens the device.)
            app.tones.prepareUnlessMuted();
            audioDue = false;
            last = Clock::now();
        }
        Screen* screen = coach.current();
        // A line that waited behind a more important one is spoken once that one is over.
        app.speech.poll();
        const bool animate = screen->animating() || request.frames > 0;
        sf::Event event;
        bool gotEvent = false;
        if (animate) {
            gotEvent = window.pollEvent(event);
        } else {
            // Nothing moves on this screen: sleep until something happens. SFML 2.5's
            // waitEvent wakes every 10 ms to poll joysticks; looking every 50 ms costs a fifth
            // of that and still answers a key within a blink.
            while (!(gotEvent = window.pollEvent(event)) && window.isOpen() && !media.answer() &&
                   !voice.pending() && signals.received() == 0 && !retryHistory()) {
                if (voice.listening()) {
                    voice.setSpeaking(app.speech.speaking());
                }
                sf::sleep(sf::milliseconds(50));
            }
            last = Clock::now();
            nextTick = last;
        }
        while (gotEvent && running) {
            if (event.type == sf::Event::Closed) {
                // Unsaved work is asked about first; closing again while asked closes.
                if (!coach.askBeforeClosing()) {
                    running = false;
                    break;
                }
                redraw = true;
                gotEvent = window.pollEvent(event);
                continue;
            }
            if (isFullScreenKey(event) && !coach.typing()) {
                // Full screen and back, on any screen; the windowed size is kept for after. A
                // new window at the new size: every screen lays itself out again for it.
                memory.place.fullScreen = !memory.place.fullScreen;
                openWindow(window, memory.place, memory.screen);
                showIcon(window, icon);
                const sf::Vector2u size = window.getSize();
                window.setView(sf::View(
                    sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
                coach.resize(size);
                frameShow = FrameShow(window);
                redraw = true;
                gotEvent = window.pollEvent(event);
                continue;
            }
            if (event.type == sf::Event::Resized) {
                window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                                      static_cast<float>(event.size.height))));
                coach.resize({event.size.width, event.size.height});
                if (!memory.place.fullScreen) {
                    memory.place.width = std::max(event.size.width, WindowPlace::kMinWidth);
                    memory.place.height = std::max(event.size.height, WindowPlace::kMinHeight);
                }
            }
            if (!coach.help(event)) {
                running = coach.follow(coach.current()->handle(event));
            }
            redraw = true;
            if (!running) {
                break;
            }
            gotEvent = window.pollEvent(event);
        }
        if (request.listen && !voiceStarted && coach.session() != nullptr) {
            voice.start(soundModulePaths(app.workspace.programFolder));
            voiceStarted = true;
        }
        if (voice.listening()) {
            voice.setSpeaking(app.speech.speaking());
            for (const VoiceCommand command : voice.take()) {
                coach.closeHelp(); // a spoken stop is never lost under the help
                Session* session = coach.session();
                if (session == nullptr || session->over() || !running) {
                    break;
                }
                running = coach.control(sessionCommandFor(command));
                redraw = true;
            }
        }
        if (!running) {
            break;
        }
        media.answer();
        for (const SessionCommand& command : media.take()) {
            running = running && coach.control(command);
            redraw = true;
        }
        if (!running) {
            break;
        }
        const auto now = Clock::now();
        const double seconds = std::chrono::duration<double>(now - last).count();
        last = now;
        // Time starts with the first frame shown: nothing is due before it.
        if (coach.current()->animating() && !frameMs.empty()) {
            running = coach.follow(coach.current()->update(seconds * request.speed));
        }
        if (!running) {
            break;
        }
        media.show(coach.nowPlaying());
        // Draw only what changed: a held ball and a clock that ticks once a second need a
        // frame a second, not sixty.
        screen = coach.current();
        FrameKey key = screen->frameKey(window.getSize());
        if (redraw || key.key.empty() || key.key != lastKey.key || screen != lastDrawn) {
            // Where what was drawn stays, a frame in which only a ball moved is drawn again
            // around the ball alone.
            const bool kept = frameShow.keepsFrame(window);
            const std::optional<sf::IntRect> area =
                redraw || screen != lastDrawn || !kept
                    ? std::nullopt
                    : changedArea(lastKey, key, window.getSize());
            const auto drawStart = Clock::now();
            FrameShow::drawIn(window, area,
                              [&](sf::RenderTarget& target) { screen->draw(target); });
            frameMs.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - drawStart).count());
            frameShow.show(window); // also waits out the frame limit
            const auto shown = Clock::now();
            if (frameMs.size() > 1) {
                intervalMs.push_back(
                    std::chrono::duration<double, std::milli>(shown - lastFrame).count());
            }
            lastFrame = shown;
            nextTick = shown;
            redraw = false;
            lastKey = std::move(key);
            lastDrawn = screen;
            if (frameMs.size() == 1) {
                audioDue = true;
                // Nothing shows it before the first frame is up: the window manager's icon
                // waits until then (2 ms of start-up).
                showIcon(window, icon);
            }
        } else if (animate) {
            nextTick += tick;
            const auto wait = nextTick - Clock::now();
            if (wait > std::chrono::microseconds(0)) {
                sf::sleep(sf::microseconds(static_cast<sf::Int64>(
                    std::chrono::duration_cast<std::chrono::microseconds>(wait).count())));
            } else {
                nextTick = Clock::now();
            }
        }
        ++ticks;
        if (request.frames > 0 && ticks >= request.frames) {
            break;
        }
    }
    window.close();
    const bool saved = coach.finish();
    const bool fits = !coach.givenDoesNotFit();
    if (!memory.file.empty()) {
        std::string why;
        if (!saveWindowPlaceMoving(memory.file, memory.former, memory.place, why)) {
            err << "rollcoach: notice: "
                << rollcoach::fillIn(_("the window's size was not remembered: {0}"), why) << "\n";
        }
    }
    if (request.frames > 0) {
        printFrameStatistics(ticks, frameMs, intervalMs, out);
    }
    if (const int signal = signals.received(); signal != 0) {
        err << "rollcoach: " << rollcoach::fillIn(_("stopped by {0}"), StopSignals::name(signal))
            << "\n";
        return 128 + signal;
    }
    return saved && fits ? 0 : 1;
}

} // namespace

void openWindow(sf::RenderWindow& window, bool fullScreen) {
    WindowPlace place;
    place.fullScreen = fullScreen;
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    openWindow(window, place, {desktop.width, desktop.height});
}

bool isFullScreenKey(const sf::Event& event) {
    return event.type == sf::Event::KeyPressed &&
           (event.key.code == sf::Keyboard::F || event.key.code == sf::Keyboard::F11);
}

int runWindow(const WindowRequest& request, const Workspace& workspace, std::ostream& out,
              std::ostream& err) {
    const bool render = request.mode == WindowRequest::Mode::Render;
    if (!render) {
        keepComposeTable(workspace.cacheDir.empty() ? "" : workspace.cacheDir + "/x11-compose");
    }
    // The display is looked at, and OpenGL made ready, while the files are read here.
    DisplayOpening opening(!render);
    std::string why;
    const std::optional<BodyModel> body = loadBody(workspace, why);
    if (!body) {
        err << why << "\n";
        opening.finishOrEnd(out, err, 1);
        return 1;
    }
    // The routine is checked before the display's verdict is heard, so a broken file is
    // reported even headless, and even when the display does not answer.
    std::optional<RoutineEntry> given;
    // The editor opens its file itself: one that is not there yet is a new routine.
    if (!request.routineFile.empty() && request.mode != WindowRequest::Mode::Edit) {
        const bool keepNotFit = !render || request.picture == WindowRequest::Picture::Body ||
                                request.picture == WindowRequest::Picture::Edit;
        given = loadGiven(request.routineFile, *body, keepNotFit, err);
        if (!given) {
            opening.finishOrEnd(out, err, 1);
            return 1;
        }
        // A moment past the end would show the last step's last second as if it went on,
        // and a session started there would record nothing: a usage error, with the length.
        const bool session = render ? request.picture == WindowRequest::Picture::Session
                                    : request.mode == WindowRequest::Mode::Run && request.autostart;
        const double at = render ? request.atS : request.startAtS;
        if (session && given->routine) {
            const double totalS = Timeline(*given->routine, Side::Left).totalS();
            // A session started at its very end is over before it begins: nothing to record.
            if (render ? at > totalS : at >= totalS) {
                err << "rollcoach: error: "
                    << rollcoach::fillIn(_("{0} {1} is past the end of the session, which is {2} "
                                           "long"),
                                         render ? "--at" : "--start-at", at,
                                         minutesAndSeconds(totalS))
                    << "\n";
                opening.finishOrEnd(out, err, 2);
                return 2;
            }
        }
    }
    DisplayCheck& display = opening.check();
    if (!display.available()) {
        err << "rollcoach: error: " << display.why() << "\n";
        return 1;
    }
    // A render of a session is a picture of a moment: it never touches the history. One of
    // the progress screen reads the history there is, and makes none.
    std::error_code ec;
    const bool readHistory =
        !render || (request.picture == WindowRequest::Picture::Progress &&
                    std::filesystem::exists(workspace.dataDir + "/history.sqlite", ec));
    std::future<WindowAssets> reading =
        std::async(std::launch::async, readWindowAssets, std::cref(workspace), readHistory);
    const bool quiet = render || request.mute;
    Tones tones(err, quiet,
                render ? std::vector<std::string>{} : soundModulePaths(workspace.programFolder));
    Speech speech(quiet || workspace.settings.speech == SpeechAmount::Off,
                  workspace.settings.speechWordsPerMinute, voiceForLocale());
    // Asked for and impossible: said once, here and in the window, rather than left silent.
    std::string speechProblem;
    if (!quiet && workspace.settings.speech != SpeechAmount::Off && !speech.available()) {
        speechProblem = speechMissingNotice();
        err << "rollcoach: notice: " << speechProblem << "\n";
    }
    WindowMemory memory;
    if (!render) {
        if (request.frames == 0 && !workspace.stateDir.empty()) {
            memory.file = windowStateFile(workspace.stateDir);
            memory.former =
                workspace.settingsFile.empty() ? "" : windowPlaceFile(workspace.settingsFile);
            memory.place = loadWindowPlace(memory.file, memory.former);
        }
        // --fullscreen wins over how the window was left.
        memory.place.fullScreen = memory.place.fullScreen || request.fullScreen;
        memory.screen = display.screenSize();
    }
    // Fonts, screens and the first layout need nothing of OpenGL: they are made while it is
    // made ready on the display's thread.
    WindowAssets assets;
    std::unique_ptr<Fonts> fonts;
    try {
        assets = reading.get();
        fonts = Fonts::load(assets.fontFiles);
    } catch (const AssetError& error) {
        err << "rollcoach: error: " << error.what() << "\n";
        opening.finishOrEnd(out, err, 1);
        return 1;
    }
    err << assets.historyNotices;
    if (!assets.postures) {
        err << "rollcoach: error: " << assets.posturesProblem << "\n";
        opening.finishOrEnd(out, err, 1);
        return 1;
    }
    // The body screen may set a new body and settings: the window works on its own copies.
    Workspace ownWorkspace = workspace;
    BodyModel ownBody = *body;
    AppResources app{ownBody,
                     ownWorkspace,
                     *fonts,
                     tones,
                     speech,
                     assets.history.get(),
                     assets.historyProblem,
                     speechProblem};
    app.postures = &*assets.postures;
    if (render) {
        display.confirm([] {
            sf::Context context;
            return context.setActive(true);
        });
        if (!display.available()) {
            err << "rollcoach: error: " << display.why() << "\n";
            return 1;
        }
        return renderMoment(app, request, *given, out, err);
    }
    // A session made here records nothing until time is spent on a side, so a window that
    // then cannot open leaves no trace of it.
    Coach coach(app, request, given, err);
    if (!coach.start(expectedSize(memory))) {
        opening.finishOrEnd(out, err, 1);
        return 1;
    }
    coach.current(); // the first layout
    sf::RenderWindow* window = nullptr;
    std::optional<sf::RenderWindow>& prepared = opening.window();
    display.confirm([&] {
        if (!prepared) {
            return false;
        }
        window = &*prepared;
        openWindow(*window, memory.place, memory.screen);
        return window->isOpen() && window->setActive(true);
    });
    if (!display.available()) {
        err << "rollcoach: error: " << display.why() << "\n";
        return 1;
    }
    // Caught before the session's time starts, so no moment of it is left to the default
    // action; not sooner, so a stop while the display is made ready ends the program at once.
    const StopSignals signals;
    return runWindowLoop(app, request, coach, signals, *window, memory, assets.icon, out, err);
}

} // namespace rollcoach
