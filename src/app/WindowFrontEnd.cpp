#include "WindowFrontEnd.hpp"

#include "DisplayCheck.hpp"
#include "Fonts.hpp"
#include "Palette.hpp"
#include "Png.hpp"
#include "Screens.hpp"
#include "Speech.hpp"
#include "Tones.hpp"
#include "cli/Sessions.hpp"
#include "core/RoutineLoader.hpp"
#include "core/TextFile.hpp"

#include <SFML/Graphics.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <future>
#include <numeric>
#include <ostream>
#include <sstream>

namespace rollcoach {
namespace {

std::int64_t clockNow() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

// Loads a routine for a session, printing its problems; nullopt when it cannot be used.
std::optional<Routine> loadForSession(const std::string& file, const BodyModel& body,
                                      std::ostream* err) {
    const RoutineLoad load = openRoutine(file, body);
    for (const Diagnostic& d : load.diagnostics) {
        if (err != nullptr) {
            *err << formatDiagnostic(file, d) << "\n";
        }
    }
    return load.routine;
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
    std::snprintf(line, sizeof line, "mean %.2f ms  median %.2f ms  p95 %.2f ms  max %.2f ms", mean,
                  at(0.5), at(0.95), ms.back());
    return line;
}

void printFrameStatistics(long ticks, const std::vector<double>& drawMs,
                          const std::vector<double>& intervalMs, std::ostream& out) {
    out << "frames " << ticks << " (" << drawMs.size() << " drawn; the others showed nothing new)\n"
        << "  draw (building and submitting a frame): " << summarise(drawMs) << "\n"
        << "  frame interval (with the 60 fps limit): " << summarise(intervalMs) << "\n";
}

// The screens of one window: a stack, so Esc goes back to where the person came from.
class Coach {
public:
    Coach(AppResources& app, const WindowRequest& request, const std::optional<Routine>& given,
          std::ostream& err)
        : m_app(app), m_request(request), m_given(given), m_err(err) {}

    bool start() {
        switch (m_request.mode) {
        case WindowRequest::Mode::Browse:
            m_screens.push_back(std::make_unique<ListScreen>(m_app));
            return true;
        case WindowRequest::Mode::Explore:
            m_screens.push_back(std::make_unique<ExploreScreen>(m_app));
            return true;
        case WindowRequest::Mode::Run:
        case WindowRequest::Mode::Render:
            return open(m_request.routineFile, m_request.autostart);
        }
        return false;
    }

    Screen* current() { return m_screens.empty() ? nullptr : m_screens.back().get(); }

    /// Carries out what a screen asked; false when the app should close.
    bool follow(const ScreenRequest& request) {
        switch (request.kind) {
        case ScreenRequest::Kind::None:
            return true;
        case ScreenRequest::Kind::Quit:
            return false;
        case ScreenRequest::Kind::Back:
            m_screens.pop_back();
            if (m_screens.empty() && m_request.mode == WindowRequest::Mode::Run) {
                return false;
            }
            if (m_screens.empty()) {
                return false;
            }
            return true;
        case ScreenRequest::Kind::OpenRoutine:
            if (!open(request.file, false)) {
                return true; // the list shows why
            }
            return true;
        case ScreenRequest::Kind::StartSession:
            startSession();
            return true;
        case ScreenRequest::Kind::Explore:
            m_screens.push_back(std::make_unique<ExploreScreen>(m_app));
            return true;
        case ScreenRequest::Kind::Finished:
        case ScreenRequest::Kind::Stopped: {
            auto* session = dynamic_cast<SessionScreen*>(current());
            const SessionRunner& runner = session->runner();
            SessionSummary summary;
            summary.title = m_routine->title;
            summary.leftS = runner.doneOnSide(Side::Left);
            summary.rightS = runner.doneOnSide(Side::Right);
            summary.plannedS = runner.timeline().secondsOnSide(Side::Left);
            summary.stoppedForSafety = request.kind == ScreenRequest::Kind::Stopped;
            summary.lastSide = runner.timeline().segments().back().side;
            summary.rounds = m_routine->schedule.rounds;
            auto end = std::make_unique<EndScreen>(m_app, summary, m_log.get());
            m_screens.pop_back(); // the session
            m_screens.push_back(std::move(end));
            return true;
        }
        }
        return true;
    }

    SessionScreen* session() { return dynamic_cast<SessionScreen*>(current()); }

private:
    void startSession() {
        m_log = std::make_unique<SessionLog>(m_app.history, m_app.historyProblem);
        const TextFile text = readTextFile(m_file, kMaxRoutineBytes);
        m_log->begin(m_routine->title, routineHash(text.text), m_file, m_firstSide);
        m_screens.push_back(
            std::make_unique<SessionScreen>(m_app, *m_routine, m_firstSide, m_log.get()));
    }

    bool open(const std::string& file, bool straightToSession) {
        // The routine named on the command line was loaded (and reported on) already.
        auto routine = file == m_request.routineFile && m_given
                           ? m_given
                           : loadForSession(file, m_app.body, &m_err);
        if (!routine) {
            return false;
        }
        m_routine = std::make_unique<Routine>(*routine);
        m_file = file;
        const SideChoice side =
            firstSideFor(*m_routine, m_request.firstSide, m_app.history, clockNow());
        m_firstSide = side.side;
        m_app.firstSideReason = side.why;
        m_screens.push_back(std::make_unique<SetupScreen>(m_app, *m_routine, m_firstSide));
        if (straightToSession) {
            startSession();
        }
        return true;
    }

    AppResources& m_app;
    const WindowRequest& m_request;
    const std::optional<Routine>& m_given;
    std::ostream& m_err;
    std::vector<std::unique_ptr<Screen>> m_screens;
    std::unique_ptr<Routine> m_routine;
    std::string m_file;
    Side m_firstSide = Side::Left;
    std::unique_ptr<SessionLog> m_log;
};

int render(AppResources& app, const WindowRequest& request, const Routine& routine,
           std::ostream& out, std::ostream& err) {
    unsigned width = 0;
    unsigned height = 0;
    std::sscanf(request.size.c_str(), "%ux%u", &width, &height);
    const Side first = firstSideFor(routine, request.firstSide, app.history, clockNow()).side;
    SessionScreen screen(app, routine, first);
    screen.seek(request.atS);
    sf::RenderTexture texture;
    if (!texture.create(width, height)) {
        err << "rollcoach: error: cannot create a " << request.size << " image to draw into\n";
        return 1;
    }
    screen.draw(texture);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();
    const std::filesystem::path outPath(request.outFile);
    if (outPath.extension() != ".png") {
        err << "rollcoach: error: " << request.outFile << ": the output must be a .png file\n";
        return 1;
    }
    std::string why;
    if (!savePng(image, request.outFile, why)) {
        err << "rollcoach: error: " << request.outFile << ": cannot write the image: " << why
            << "\n";
        return 1;
    }
    out << request.outFile << "\n";
    return 0;
}

// What start-up reads from disk without SFML. It is read on a thread of its own while the
// window and its GL context are made, the longest part of start-up: fontconfig alone reads a
// hundred configuration files to find the fonts.
struct WindowAssets {
    std::vector<std::string> fontFiles;
    Picture icon; // empty when it cannot be read: the window keeps its default icon
    std::unique_ptr<History> history;
    std::string historyProblem;
    std::string historyNotices; // printed by the main thread, after the wait
};

WindowAssets readWindowAssets(const CommandContext& context, bool withHistory) {
    WindowAssets assets;
    assets.fontFiles = Fonts::findFiles();
    std::string why;
    loadPng(context.paths.assetsDir() + "/icon-64.png", assets.icon, why);
    if (withHistory) {
        std::ostringstream notices;
        assets.history = openHistory(context, notices, &assets.historyProblem);
        assets.historyNotices = notices.str();
    }
    return assets;
}

int runWindowLoop(AppResources& app, const WindowRequest& request,
                  const std::optional<Routine>& given, sf::RenderWindow& window, std::ostream& out,
                  std::ostream& err) {
    Coach coach(app, request, given, err);
    if (!coach.start()) {
        return 1;
    }

    if (auto* session = coach.session()) {
        session->seek(request.startAtS);
        if (request.paused) {
            session->togglePause();
        }
    }

    using Clock = std::chrono::steady_clock;
    const auto tick = std::chrono::microseconds(16667); // 60 a second, as the frame limit
    auto last = Clock::now();
    auto nextTick = last;
    std::vector<double> frameMs;
    std::vector<double> intervalMs;
    auto lastFrame = Clock::now();
    std::string lastKey;
    long ticks = 0;
    bool redraw = true;
    bool running = true;
    bool audioDue = false;
    while (running && window.isOpen()) {
        if (audioDue) {
            // The first frame is up: now the audio device, before any cue can play. (A run of
            // one frame never plays a cue, so it never opens the device.)
            app.tones.prepareUnlessMuted();
            audioDue = false;
            last = Clock::now();
        }
        Screen* screen = coach.current();
        const bool animate = screen->animating() || request.frames > 0;
        sf::Event event;
        bool gotEvent = false;
        if (animate) {
            gotEvent = window.pollEvent(event);
        } else {
            // Nothing moves on this screen: sleep until something happens. SFML 2.5's
            // waitEvent wakes every 10 ms to poll joysticks; looking every 50 ms costs a fifth
            // of that and still answers a key within a blink.
            while (!(gotEvent = window.pollEvent(event)) && window.isOpen()) {
                sf::sleep(sf::milliseconds(50));
            }
            last = Clock::now();
            nextTick = last;
        }
        while (gotEvent && running) {
            if (event.type == sf::Event::Closed) {
                running = false;
                break;
            }
            if (event.type == sf::Event::Resized) {
                window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                                      static_cast<float>(event.size.height))));
            }
            running = coach.follow(coach.current()->handle(event));
            redraw = true;
            if (!running) {
                break;
            }
            gotEvent = window.pollEvent(event);
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
        // Draw only what changed: a held ball and a clock that ticks once a second need a
        // frame a second, not sixty.
        const std::string key = coach.current()->frameKey(window.getSize());
        if (redraw || key.empty() || key != lastKey) {
            const auto drawStart = Clock::now();
            coach.current()->draw(window);
            frameMs.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - drawStart).count());
            window.display(); // also waits out the frame limit
            const auto shown = Clock::now();
            if (frameMs.size() > 1) {
                intervalMs.push_back(
                    std::chrono::duration<double, std::milli>(shown - lastFrame).count());
            }
            lastFrame = shown;
            nextTick = shown;
            redraw = false;
            lastKey = key;
            if (frameMs.size() == 1) {
                audioDue = true;
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
    if (request.frames > 0) {
        printFrameStatistics(ticks, frameMs, intervalMs, out);
    }
    return 0;
}

} // namespace

int runWindow(const WindowRequest& request, const CommandContext& context, std::ostream& out,
              std::ostream& err) {
    const std::optional<BodyModel> body = loadBody(context, err);
    if (!body) {
        return 1;
    }
    // Check the routine before the display, so a broken file is reported even headless.
    std::optional<Routine> given;
    if (!request.routineFile.empty()) {
        given = loadForSession(request.routineFile, *body, &err);
        if (!given) {
            return 1;
        }
    }
    const DisplayCheck display;
    if (!display.available()) {
        err << "rollcoach: error: " << display.why() << "\n";
        return 1;
    }
    // A render is a picture of a moment: it never touches the history.
    const bool render = request.mode == WindowRequest::Mode::Render;
    std::future<WindowAssets> reading =
        std::async(std::launch::async, readWindowAssets, std::cref(context), !render);
    const bool quiet = render || request.mute;
    Tones tones(err, quiet,
                render ? std::vector<std::string>{} : soundModulePaths(context.executablePath));
    Speech speech(quiet);
    std::optional<sf::RenderWindow> window;
    if (!render) {
        window.emplace(sf::VideoMode(1280, 720), "rollcoach",
                       sf::Style::Titlebar | sf::Style::Close | sf::Style::Resize);
        window->setFramerateLimit(60);
        window->setKeyRepeatEnabled(false);
    }
    WindowAssets assets;
    std::unique_ptr<Fonts> fonts;
    try {
        assets = reading.get();
        fonts = Fonts::load(assets.fontFiles);
    } catch (const AssetError& error) {
        err << "rollcoach: error: " << error.what() << "\n";
        return 1;
    }
    err << assets.historyNotices;
    AppResources app{*body,
                     context.paths,
                     *fonts,
                     tones,
                     speech,
                     context.userRoutinesDir(),
                     assets.history.get(),
                     assets.historyProblem,
                     {},
                     &context};
    if (render) {
        return rollcoach::render(app, request, *given, out, err);
    }
    if (!assets.icon.rgba.empty()) {
        window->setIcon(assets.icon.width, assets.icon.height, assets.icon.rgba.data());
    }
    return runWindowLoop(app, request, given, *window, out, err);
}

} // namespace rollcoach
