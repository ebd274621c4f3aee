#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/BodyView.hpp"
#include "app/Coach.hpp"
#include "app/Drawing.hpp"
#include "app/Fonts.hpp"
#include "app/Palette.hpp"
#include "app/Png.hpp"
#include "app/Speech.hpp"
#include "app/Tones.hpp"
#include "app/VoiceListener.hpp"
#include "app/screens/EndScreen.hpp"
#include "app/screens/ExploreScreen.hpp"
#include "app/screens/ListScreen.hpp"
#include "app/screens/ProgressScreen.hpp"
#include "app/screens/SessionScreen.hpp"
#include "app/screens/SetupScreen.hpp"
#include "core/Clock.hpp"
#include "core/DataPaths.hpp"
#include "core/History.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Timeline.hpp"

#include <SFML/Graphics.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <csignal>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

extern char** environ;

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

struct Run {
    int code = -1;
    std::string output;
};

// Strings as posix_spawn takes them: a null-terminated array of pointers into them.
struct CStrings {
    std::vector<std::string> strings;
    std::vector<char*> pointers;
    explicit CStrings(std::vector<std::string> from) : strings(std::move(from)) {
        for (std::string& s : strings) {
            pointers.push_back(s.data());
        }
        pointers.push_back(nullptr);
    }
    char** data() { return pointers.data(); }
};

// The real binary's argument vector.
CStrings rollcoachArgv(const std::vector<std::string>& args) {
    std::vector<std::string> strings = {ROLLCOACH_BINARY};
    strings.insert(strings.end(), args.begin(), args.end());
    return CStrings(std::move(strings));
}

// Runs the real binary with an argument vector and extra environment settings. With a limit,
// a run still going after that many seconds is killed (and its code tells of SIGKILL), so a
// window that should never have opened cannot hang the suite.
Run runRollcoach(const std::vector<std::string>& args,
                 const std::vector<std::string>& environment = {},
                 const std::vector<std::string>& unset = {}, int limitS = 0) {
    const fs::path log =
        fs::temp_directory_path() / ("rollcoach-test-" + std::to_string(getpid()) + ".log");
    CStrings argv = rollcoachArgv(args);
    std::vector<std::string> envStrings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        if (std::find(unset.begin(), unset.end(), name) == unset.end()) {
            envStrings.push_back(entry);
        }
    }
    envStrings.insert(envStrings.end(), environment.begin(), environment.end());
    CStrings envp(std::move(envStrings));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    Run run;
    if (posix_spawn(&pid, argv.data()[0], &actions, nullptr, argv.data(), envp.data()) == 0) {
        int status = 0;
        if (limitS > 0) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limitS);
            while (waitpid(pid, &status, WNOHANG) == 0) {
                if (std::chrono::steady_clock::now() > deadline) {
                    kill(pid, SIGKILL);
                    waitpid(pid, &status, 0);
                    break;
                }
                sf::sleep(sf::milliseconds(20));
            }
        } else {
            waitpid(pid, &status, 0);
        }
        run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    run.output = text.str();
    fs::remove(log);
    return run;
}

// Starts the real binary and returns at once; the caller waits for it.
pid_t startRollcoach(const std::vector<std::string>& args) {
    CStrings argv = rollcoachArgv(args);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv.data()[0], nullptr, nullptr, argv.data(), environ) == 0);
    return pid;
}

// The colour the body model gives a kind of ball.
sf::Color ballColour(const std::string& kind) {
    return ballColor(referenceBody(), BallChoice{kind, 0});
}

fs::path tempPng(const std::string& name) {
    return fs::temp_directory_path() /
           ("rollcoach-" + std::to_string(getpid()) + "-" + name + ".png");
}

sf::Image renderAt(const std::string& routine, double at, const std::string& side,
                   const std::string& size = "1280x720") {
    const fs::path out = tempPng("frame");
    const Run run = runRollcoach({"render", routine, "--at", std::to_string(at), "--side", side,
                                  "--size", size, "--out", out.string()});
    INFO(run.output);
    REQUIRE(run.code == 0);
    sf::Image image;
    REQUIRE(image.loadFromFile(out.string()));
    fs::remove(out);
    return image;
}

int countColour(const sf::Image& image, sf::Color colour) {
    int count = 0;
    for (unsigned y = 0; y < image.getSize().y; ++y) {
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            if (image.getPixel(x, y) == colour) {
                ++count;
            }
        }
    }
    return count;
}

// Where the core puts ball `b` at time t, in the pixels of an image of this size.
sf::Vector2f expectedBallPixel(const std::string& file, double t, Side first, sf::Vector2f size,
                               std::size_t b = 0) {
    const RoutineLoad load = openRoutine(file, referenceBody());
    REQUIRE(load.routine);
    const Timeline timeline(*load.routine, first);
    const Moment moment = timeline.at(t);
    const BodyView view(referenceBody(), SessionScreen::bodyArea(size));
    return view.toScreen(moment.balls.at(b));
}

std::string writeTemp(const std::string& name, const std::string& text) {
    const fs::path path =
        fs::temp_directory_path() / ("rollcoach-" + std::to_string(getpid()) + "-" + name);
    std::ofstream(path) << text;
    return path.string();
}

} // namespace

TEST_CASE("a rendered frame has the ball where the core says, mirrored for the other side") {
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    for (const char* side : {"left", "right"}) {
        const Side first = *parseSide(side);
        for (double t : {5.0, 47.5, 100.0}) {
            const sf::Image image = renderAt(wall, t, side);
            const sf::Vector2f p = expectedBallPixel(wall, t, first, {1280, 720});
            INFO("side " << side << " t " << t << " pixel " << p.x << "," << p.y);
            CHECK(image.getPixel(static_cast<unsigned>(p.x), static_cast<unsigned>(p.y)) ==
                  ballColour("tennis"));
            // The mirrored place on the other side has no ball.
            const float mirroredX = 2 * (SessionScreen::bodyArea({1280, 720}).left +
                                         SessionScreen::bodyArea({1280, 720}).width / 2) -
                                    p.x;
            CHECK(image.getPixel(static_cast<unsigned>(mirroredX), static_cast<unsigned>(p.y)) !=
                  ballColour("tennis"));
        }
    }
}

TEST_CASE("a rendered frame of the partner massage has both hands where the core says") {
    const std::string partner = shippedRoutine("partner-upper-back-massage.yaml");
    const RoutineLoad load = openRoutine(partner, referenceBody());
    REQUIRE(load.routine);
    for (double t : {16.0, 22.0, 200.0}) {
        const sf::Image image = renderAt(partner, t, "left");
        const Timeline timeline(*load.routine, Side::Left);
        const Moment moment = timeline.at(t);
        REQUIRE(moment.balls.size() == 2);
        // The diagram of a drill given by hand reaches down to the sacrum.
        const BodyView view(referenceBody(), SessionScreen::bodyArea({1280, 720}), true);
        for (const Point& hand : moment.balls) {
            const sf::Vector2f p = view.toScreen(hand);
            INFO("t " << t << " pixel " << p.x << "," << p.y);
            CHECK(image.getPixel(static_cast<unsigned>(p.x), static_cast<unsigned>(p.y)) ==
                  sf::Color(236, 186, 150));
        }
    }
}

TEST_CASE("the left side is drawn on the viewer's left, seen from behind") {
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    const sf::Vector2f left = expectedBallPixel(wall, 5, Side::Left, {1280, 720});
    const sf::FloatRect body = SessionScreen::bodyArea({1280, 720});
    CHECK(left.x < body.left + body.width / 2);
}

TEST_CASE("both balls of the lying drill are drawn, at a larger size too") {
    const std::string lying = shippedRoutine("lying-yoga-tune-up.yaml");
    const sf::Image image = renderAt(lying, 200, "right", "1920x1080");
    for (std::size_t b = 0; b < 2; ++b) {
        const sf::Vector2f p = expectedBallPixel(lying, 200, Side::Right, {1920, 1080}, b);
        CHECK(image.getPixel(static_cast<unsigned>(p.x), static_cast<unsigned>(p.y)) ==
              ballColour("yoga-tune-up"));
    }
}

TEST_CASE("the warning colour shows for an unsafe routine and never for a safe one") {
    const std::string unsafe = writeTemp("unsafe.yaml", R"(format: 1
title: Too wide
drill: wall
ball: tennis
steps:
  - name: Wide sweep
    duration_s: 30
    place: [{x_cm: 8, y_cm: 10}]
    motion: {pattern: horizontal, amplitude_cm: 5, period_s: 8}
)");
    // After 10 s to get ready, 6 s into the sweep it is at x0 - A = 3 cm: on the spine.
    const sf::Image bad = renderAt(unsafe, 16, "left");
    CHECK(countColour(bad, palette::warningOn) > 500);
    // At 2 s into it, x0 + A: safe, no warning colour at all.
    const sf::Image fine = renderAt(unsafe, 12, "left");
    CHECK(countColour(fine, palette::warningOn) == 0);
    CHECK(countColour(fine, palette::warningNear) == 0);
    for (double t : {10.0, 60.0, 150.0, 300.0}) {
        const sf::Image shipped = renderAt(shippedRoutine("wall-tennis-ball.yaml"), t, "right");
        CHECK(countColour(shipped, palette::warningOn) == 0);
        CHECK(countColour(shipped, palette::warningNear) == 0);
    }
    const std::string near = writeTemp("near.yaml", oneStep("tennis", "[{x_cm: 5.2, y_cm: 12}]"));
    const sf::Image amber = renderAt(near, 3, "right");
    CHECK(countColour(amber, palette::warningNear) > 500);
    CHECK(countColour(amber, palette::warningOn) == 0);
    fs::remove(unsafe);
    fs::remove(near);
}

TEST_CASE("no display: a clear message and exit 1, never an abort") {
    const Run unset =
        runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml")}, {}, {"DISPLAY"});
    CHECK(unset.code == 1);
    CHECK(unset.output.find("rollcoach: error: no display") != std::string::npos);
    const Run bogus = runRollcoach({}, {"DISPLAY=:4242"}, {"DISPLAY"});
    CHECK(bogus.code == 1);
    CHECK(bogus.output.find("cannot open the display \":4242\"") != std::string::npos);
    const Run render = runRollcoach({"render", shippedRoutine("wall-tennis-ball.yaml"), "--at", "1",
                                     "--out", tempPng("x").string()},
                                    {}, {"DISPLAY"});
    CHECK(render.code == 1);
}

TEST_CASE("a moment past the session's end is a usage error that names the session's length") {
    // The wall drill is 9:54 long: its last second is a moment of it, one past is not.
    const fs::path png = tempPng("past-end");
    const Run last = runRollcoach(
        {"render", shippedRoutine("wall-tennis-ball.yaml"), "--at", "594", "--out", png.string()});
    CHECK(last.code == 0);
    const Run past = runRollcoach({"render", shippedRoutine("wall-tennis-ball.yaml"), "--at",
                                   "594.5", "--out", tempPng("past-end-2").string()});
    CHECK(past.code == 2);
    CHECK(past.output.find("--at 594.5 is past the end of the session, which is 9:54 long") !=
          std::string::npos);
    const Run started = runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml"), "--autostart",
                                      "--mute", "--start-at", "1000", "--frames", "2"});
    CHECK(started.code == 2);
    CHECK(started.output.find("--start-at 1000 is past the end of the session") !=
          std::string::npos);
}

TEST_CASE("a broken routine is told at once, even on a display that never answers") {
    // A display that takes the connection and then says nothing, as a stalled remote one
    // does: X's socket for a display number no server uses.
    fs::create_directories("/tmp/.X11-unix");
    const int number = 5000 + static_cast<int>(getpid() % 4000);
    const std::string socketPath = "/tmp/.X11-unix/X" + std::to_string(number);
    const int server = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(server >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socketPath.c_str(), sizeof(address.sun_path) - 1);
    unlink(socketPath.c_str());
    REQUIRE(bind(server, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    REQUIRE(listen(server, 4) == 0);
    const fs::path broken = fs::temp_directory_path() / "rollcoach-broken-silent-display.yaml";
    std::ofstream(broken) << "format: 1\ntitle: Broken\ndrill: wal\n";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"run", broken.string(), "--mute"},
          std::vector<std::string>{"render", broken.string(), "--at", "1", "--out",
                                   tempPng("silent").string()}}) {
        // Killed after 60 s, as a command that waits on the display for ever would be.
        const Run run = runRollcoach(args, {"DISPLAY=:" + std::to_string(number)}, {"DISPLAY"}, 60);
        INFO(args[0] << ": " << run.output);
        CHECK(run.code == 1);
        CHECK(run.output.find(broken.string() + ":3:8: error: unknown drill \"wal\"") !=
              std::string::npos);
    }
    close(server);
    unlink(socketPath.c_str());
    fs::remove(broken);
}

namespace {

// A program's full path, found on $PATH; empty when it is not installed.
std::string findProgram(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream folders(path != nullptr ? path : "");
    for (std::string folder; std::getline(folders, folder, ':');) {
        const fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
        if (access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
    }
    return {};
}

// An X server of the test's own, for displays the one the tests run on is not: without GLX,
// in 8-bit colour. Xvfb picks a free display number and writes it to a pipe once it takes
// connections, so tests running side by side never race for a number.
class OwnXServer {
public:
    explicit OwnXServer(const std::vector<std::string>& options) {
        const std::string xvfb = findProgram("Xvfb");
        if (xvfb.empty()) {
            return;
        }
        m_installed = true;
        int ready[2];
        REQUIRE(pipe2(ready, O_CLOEXEC) == 0);
        std::vector<std::string> args = {xvfb, "-displayfd", "3", "-nolisten", "tcp"};
        args.insert(args.end(), options.begin(), options.end());
        CStrings argv(std::move(args));
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        posix_spawn_file_actions_adddup2(&actions, ready[1], 3);
        const int spawned =
            posix_spawn(&m_pid, argv.data()[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(ready[1]);
        if (spawned != 0) {
            m_pid = -1;
            close(ready[0]);
            return;
        }
        // The number, then a newline; nothing (end of file) if the server gave up.
        std::string number;
        pollfd wait{ready[0], POLLIN, 0};
        char c = 0;
        while (poll(&wait, 1, 10000) > 0 && read(ready[0], &c, 1) == 1 && c != '\n') {
            number += c;
        }
        close(ready[0]);
        if (!number.empty()) {
            m_display = ":" + number;
        }
    }
    ~OwnXServer() {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            int status = 0;
            waitpid(m_pid, &status, 0);
        }
    }
    OwnXServer(const OwnXServer&) = delete;
    OwnXServer& operator=(const OwnXServer&) = delete;

    bool installed() const { return m_installed; }
    /// ":N", or empty when the server did not start.
    const std::string& display() const { return m_display; }

private:
    bool m_installed = false;
    pid_t m_pid = -1;
    std::string m_display;
};

// Each command that opens a window, as a user would type it.
std::vector<std::vector<std::string>> windowCommands(const std::string& png) {
    const std::string routine = shippedRoutine("wall-tennis-ball.yaml");
    return {{"run", routine, "--autostart", "--frames", "5", "--mute"},
            {"render", routine, "--at", "5", "--out", png},
            {"explore"},
            {}};
}

// Every window command on this display exits 1 with the message, before SFML can crash; the
// commands that need no display still work there.
void checkRefused(const std::string& display, const std::string& because) {
    const fs::path png = tempPng("refused");
    for (const std::vector<std::string>& args : windowCommands(png.string())) {
        // A window that opened anyway has no end of its own (the list, the explorer).
        const Run run = runRollcoach(args, {"DISPLAY=" + display}, {"DISPLAY"}, 60);
        INFO("rollcoach " << (args.empty() ? std::string("(the list)") : args[0]) << ": exit "
                          << run.code << " (128 + N is signal N)\n"
                          << run.output);
        CHECK(run.code == 1);
        CHECK(run.output.find("rollcoach: error: the display " + display +
                              " has no OpenGL (GLX): ") != std::string::npos);
        CHECK(run.output.find(because) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(png));
    const std::string routine = shippedRoutine("wall-tennis-ball.yaml");
    CHECK(runRollcoach({"validate", routine}, {"DISPLAY=" + display}, {"DISPLAY"}, 60).code == 0);
    CHECK(runRollcoach({"plan", routine, "--first-side", "left"}, {"DISPLAY=" + display},
                       {"DISPLAY"}, 60)
              .code == 0);
}

} // namespace

TEST_CASE("a display without OpenGL: every window command says so and exits 1, never a crash") {
    const OwnXServer server({"-extension", "GLX"});
    if (!server.installed()) {
        MESSAGE("skipped: Xvfb is not installed");
        return;
    }
    REQUIRE_FALSE(server.display().empty());
    checkRefused(server.display(), "the X server does not offer the GLX extension");
}

TEST_CASE("an 8-bit display: every window command says so and exits 1, never a crash") {
    const OwnXServer server({"-screen", "0", "1280x720x8"});
    if (!server.installed()) {
        MESSAGE("skipped: Xvfb is not installed");
        return;
    }
    REQUIRE_FALSE(server.display().empty());
    checkRefused(server.display(), "8-bit colour");
}

TEST_CASE("a 16-bit display is not refused: a frame renders on it") {
    const OwnXServer server({"-screen", "0", "1280x720x16"});
    if (!server.installed()) {
        MESSAGE("skipped: Xvfb is not installed");
        return;
    }
    REQUIRE_FALSE(server.display().empty());
    const fs::path png = tempPng("sixteen");
    const Run run = runRollcoach(
        {"render", shippedRoutine("wall-tennis-ball.yaml"), "--at", "5", "--out", png.string()},
        {"DISPLAY=" + server.display()}, {"DISPLAY"}, 60);
    INFO(run.output);
    CHECK(run.code == 0);
    CHECK(fs::exists(png));
    fs::remove(png);
}

TEST_CASE("window command-line errors") {
    CHECK(runRollcoach({"render", shippedRoutine("wall-tennis-ball.yaml"), "--at", "1"}).code == 2);
    CHECK(runRollcoach({"render", shippedRoutine("wall-tennis-ball.yaml"), "--at", "1", "--size",
                        "big", "--out", "x.png"})
              .code == 2);
    CHECK(runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml"), "--speed", "-3"}).code ==
          2);
    const Run missing = runRollcoach({"run", "/no/such/routine.yaml"});
    CHECK(missing.code == 1);
    CHECK(missing.output.find("/no/such/routine.yaml: error: cannot read file") !=
          std::string::npos);
}

TEST_CASE("a session runs to its end in the window, sped up, with frame statistics") {
    const Run run = runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml"), "--autostart",
                                  "--speed", "200", "--frames", "30"},
                                 {"ALSOFT_DRIVERS=null"});
    INFO(run.output);
    CHECK(run.code == 0);
    CHECK(run.output.find("frames 30") != std::string::npos);
}

namespace {
// What `rollcoach run FILE [--autostart] [--big-button]` hands the window for a shipped
// routine: the request, and the routine loaded for it.
struct RunOf {
    WindowRequest request;
    std::optional<RoutineEntry> given;
    RunOf(const BodyModel& body, const std::string& shipped, bool autostart,
          bool bigButton = false) {
        request.mode = WindowRequest::Mode::Run;
        request.routineFile = shippedRoutine(shipped);
        request.autostart = autostart;
        request.bigButton = bigButton;
        RoutineLoad load = openRoutine(request.routineFile, body);
        given = RoutineEntry{request.routineFile, true, load.routine, load.hash,
                             load.diagnostics,    0,    std::nullopt, {}};
    }
};

sf::Event key(sf::Keyboard::Key code) {
    sf::Event event;
    event.type = sf::Event::KeyPressed;
    event.key = {code, false, false, false, false};
    return event;
}

sf::Event button(unsigned number, unsigned joystick = 0) {
    sf::Event event;
    event.type = sf::Event::JoystickButtonPressed;
    event.joystickButton = {joystick, number};
    return event;
}

sf::Event axis(sf::Joystick::Axis which, float position, unsigned joystick = 0) {
    sf::Event event;
    event.type = sf::Event::JoystickMoved;
    event.joystickMove = {joystick, which, position};
    return event;
}

// The step the session is on, by name ("" during a switch).
std::string stepNow(const Session& session) {
    const SessionSnapshot snap = session.snapshot();
    return snap.switching ? "" : snap.step->name;
}

Routine twoSteps() {
    return routineFrom("format: 1\ntitle: Two\ndrill: wall\nball: tennis\ntarget: rhomboids\n"
                       "schedule: {rounds: 1, switch_s: 5, lead_in_s: 0}\nsteps:\n"
                       "  - {name: One, duration_s: 30, place: [{x_cm: 8, y_cm: 10}]}\n"
                       "  - {name: Two, duration_s: 30, place: [{x_cm: 8, y_cm: 12}]}\n");
}

} // namespace

TEST_CASE("keys drive the session: pause, next, previous, mute, leave after asking, pain stop") {
    Harness h;
    Session session(
        routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]") + "schedule: {lead_in_s: 0}\n"), {},
        Side::Right, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.layout({1280, 720});
    screen.update(4);
    CHECK(session.elapsedS() == 4);
    screen.handle(key(sf::Keyboard::Space));
    CHECK(session.paused());
    CHECK_FALSE(screen.animating());
    screen.update(10);
    CHECK(session.elapsedS() == 4);
    screen.handle(key(sf::Keyboard::Space));
    CHECK_FALSE(session.paused());
    screen.handle(key(sf::Keyboard::Right));
    CHECK(session.snapshot().switching);
    screen.handle(key(sf::Keyboard::PageDown)); // a presentation clicker's "next"
    CHECK(session.snapshot().side == Side::Left);
    screen.handle(key(sf::Keyboard::Left));
    CHECK(session.snapshot().switching);
    CHECK_FALSE(h.tones.muted());
    screen.handle(key(sf::Keyboard::M));
    CHECK(h.tones.muted());
    // Esc asks; another key stays; Esc twice leaves.
    CHECK(screen.handle(key(sf::Keyboard::Escape)).kind == ScreenRequest::Kind::None);
    CHECK(session.askingToLeave());
    CHECK(screen.handle(key(sf::Keyboard::Space)).kind == ScreenRequest::Kind::None);
    CHECK_FALSE(session.askingToLeave());
    CHECK_FALSE(session.paused()); // the key that cancelled did nothing else
    screen.handle(key(sf::Keyboard::Escape));
    CHECK(screen.handle(key(sf::Keyboard::Escape)).kind == ScreenRequest::Kind::SessionOver);
    CHECK(session.state() == SessionState::Left);

    Session painful(routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]")), {}, Side::Right,
                    h.body, h.clock, nullptr);
    SessionScreen painScreen(h.app, painful);
    painScreen.handle(key(sf::Keyboard::Escape)); // even while asking to leave
    CHECK(painScreen.handle(key(sf::Keyboard::X)).kind == ScreenRequest::Kind::SessionOver);
    CHECK(painful.state() == SessionState::StoppedForPain);
}

TEST_CASE("a gamepad drives the session: A pauses, shoulders and D-pad step, Back mutes, Start "
          "asks then leaves, X stops for pain") {
    Harness h;
    Session session(twoSteps(), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.layout({1280, 720});
    screen.update(2);
    screen.handle(button(0)); // A
    CHECK(session.paused());
    screen.handle(button(0, 3)); // any pad
    CHECK_FALSE(session.paused());
    screen.handle(button(5)); // right shoulder
    CHECK(stepNow(session) == "Two");
    screen.handle(button(4)); // left shoulder
    CHECK(stepNow(session) == "One");
    // The D-pad: one step per press, however long it is held or how it wobbles.
    screen.handle(axis(sf::Joystick::PovX, 100));
    screen.handle(axis(sf::Joystick::PovX, 80));
    screen.handle(axis(sf::Joystick::PovX, 100));
    CHECK(stepNow(session) == "Two");
    screen.handle(axis(sf::Joystick::PovX, 0));
    screen.handle(axis(sf::Joystick::PovX, -100));
    CHECK(stepNow(session) == "One");
    screen.handle(axis(sf::Joystick::PovX, 0));
    // A pad whose D-pad is its X axis; a stick resting a little off centre does nothing, and
    // up and down mean nothing.
    screen.handle(axis(sf::Joystick::X, 40));
    screen.handle(axis(sf::Joystick::PovY, 100));
    screen.handle(axis(sf::Joystick::Y, -100));
    CHECK(stepNow(session) == "One");
    screen.handle(axis(sf::Joystick::X, 100));
    CHECK(stepNow(session) == "Two");
    CHECK_FALSE(h.tones.muted());
    screen.handle(button(6)); // Back
    CHECK(h.tones.muted());
    // Start asks; B (a button with no meaning of its own) stays; Start twice leaves.
    CHECK(screen.handle(button(7)).kind == ScreenRequest::Kind::None);
    CHECK(session.askingToLeave());
    screen.handle(button(1));
    CHECK_FALSE(session.askingToLeave());
    screen.handle(button(7));
    CHECK(screen.handle(button(7)).kind == ScreenRequest::Kind::SessionOver);
    CHECK(session.state() == SessionState::Left);

    Session painful(twoSteps(), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen painScreen(h.app, painful);
    painScreen.handle(button(7)); // even while asking to leave
    CHECK(painScreen.handle(button(2)).kind == ScreenRequest::Kind::SessionOver);
    CHECK(painful.state() == SessionState::StoppedForPain);
}

TEST_CASE("a presentation clicker's Page Down and Page Up step forward and back") {
    Harness h;
    Session session(twoSteps(), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.update(1);
    screen.handle(key(sf::Keyboard::PageDown));
    CHECK(stepNow(session) == "Two");
    screen.handle(key(sf::Keyboard::PageDown));
    CHECK(session.snapshot().switching);
    screen.handle(key(sf::Keyboard::PageUp));
    CHECK(stepNow(session) == "Two");
    screen.handle(key(sf::Keyboard::PageUp));
    CHECK(stepNow(session) == "One");
    CHECK_FALSE(session.paused());
}

TEST_CASE("a hand, thumb or fingertips placed clear of the spine is drawn clear of it, at every "
          "moment of the by-hand routines, on a narrow and a broad body") {
    const std::string model = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";
    for (const BodyProfile& profile :
         {BodyProfile{"women", 30.0}, BodyProfile{}, BodyProfile{"men", 50.0}}) {
        const BodyModel body = BodyModel::load(model, profile);
        for (const char* file : {"partner-upper-back-massage.yaml", "self-pressure-point.yaml"}) {
            CAPTURE(file);
            CAPTURE(profile.shoulderWidthCm.value_or(0));
            const RoutineLoad load = openRoutine(shippedRoutine(file), body);
            REQUIRE(load.routine);
            FixedClock clock(0);
            Session session(*load.routine, {}, Side::Left, body, clock, nullptr);
            const BodyView view(body, {0, 0, 600, 900}, true);
            const float midline = view.toScreen({0, 0}).x;
            const float c7 = view.toScreen({0, 0}).y;
            const float band = view.spineBandCm() * view.pixelsPerCm();
            int drawn = 0;
            while (!session.over()) {
                const SessionSnapshot snap = session.snapshot();
                for (const BallOnScreen& ball : snap.balls) {
                    if (ball.verdict.worst != Closeness::Safe) {
                        continue;
                    }
                    const sf::VertexArray shapes =
                        toolShapes(view, snap.tool ? *snap.tool : Tool::Hands, ball.at,
                                   snap.contactRadiusCm, ball.at.xCm < 0, sf::Color::White, false,
                                   std::nullopt, load.routine->drill == Drill::SelfPress);
                    ++drawn;
                    for (std::size_t v = 0; v < shapes.getVertexCount(); ++v) {
                        const sf::Vector2f p = shapes[v].position;
                        if (p.y > c7 && std::abs(p.x - midline) < band - 0.5f) {
                            CAPTURE(session.elapsedS());
                            CAPTURE(ball.at.xCm);
                            CAPTURE(ball.at.yCm);
                            FAIL_CHECK("a hand drawn on the spine's band");
                            break;
                        }
                    }
                }
                session.advance(0.5);
            }
            CHECK(drawn > 100);
        }
        // And over a grid of places, each tool, either hand, from below and from above: a
        // patch clear of the band keeps the whole of the hand clear of it.
        const BodyView view(body, {0, 0, 600, 900}, true);
        const float midline = view.toScreen({0, 0}).x;
        const float c7 = view.toScreen({0, 0}).y;
        const float band = view.spineBandCm();
        for (const ToolKind& kind : body.tools) {
            const Tool tool = kind.name == "hands"   ? Tool::Hands
                              : kind.name == "thumb" ? Tool::Thumb
                                                     : Tool::Fingers;
            const double r = kind.contactRadiusCm;
            for (double x = band + r; x <= 14; x += 0.25) {
                for (double y = -6; y <= 28; y += 1) {
                    for (const double sign : {-1.0, 1.0}) {
                        for (const bool above : {false, true}) {
                            for (const bool leftHand : {false, true}) {
                                const Point at{sign * x, y};
                                const sf::VertexArray shapes =
                                    toolShapes(view, tool, at, r, leftHand, sf::Color::White, false,
                                               std::nullopt, above);
                                for (std::size_t v = 0; v < shapes.getVertexCount(); ++v) {
                                    const sf::Vector2f p = shapes[v].position;
                                    if (p.y > c7 && std::abs(p.x - midline) <
                                                        band * view.pixelsPerCm() - 0.5f) {
                                        CAPTURE(kind.name);
                                        CAPTURE(at.xCm);
                                        CAPTURE(at.yCm);
                                        CAPTURE(above);
                                        CAPTURE(leftHand);
                                        FAIL_CHECK("a hand drawn on the spine's band");
                                        break;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("big-button mode: any key, button, click or D-pad press toggles pause, X still stops") {
    Harness h;
    const RunOf run(h.body, "wall-tennis-ball.yaml", true, true);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    Session* session = coach.session();
    REQUIRE(session != nullptr);
    coach.follow(coach.current()->update(3));
    const std::string step = stepNow(*session);
    sf::Event click;
    click.type = sf::Event::MouseButtonPressed;
    click.mouseButton = {sf::Mouse::Left, 10, 10};
    // Keys that mean something else in the usual mode: they pause and resume here, and
    // nothing else happens (no step, no mute, no question, no rating).
    bool paused = false;
    for (const sf::Event& press :
         {key(sf::Keyboard::Space), key(sf::Keyboard::Right), key(sf::Keyboard::PageDown),
          key(sf::Keyboard::M), key(sf::Keyboard::Escape), key(sf::Keyboard::Num5),
          key(sf::Keyboard::LShift), button(0), button(5), button(7), button(11, 2), click,
          axis(sf::Joystick::PovX, 100)}) {
        CHECK(coach.follow(coach.current()->handle(press)));
        paused = !paused;
        CHECK(session->paused() == paused);
    }
    CHECK(stepNow(*session) == step);
    CHECK_FALSE(h.tones.muted());
    CHECK_FALSE(session->askingToLeave());
    // A key release, a mouse move or a stick at rest is no press.
    sf::Event release = key(sf::Keyboard::Space);
    release.type = sf::Event::KeyReleased;
    coach.follow(coach.current()->handle(release));
    coach.follow(coach.current()->handle(axis(sf::Joystick::PovX, 0)));
    CHECK(session->paused() == paused);
    // A spoken word says what it means, in big-button mode too: "next" steps, it does not pause.
    const bool before = session->paused();
    const double at = session->elapsedS();
    CHECK(coach.control(sessionCommandFor(VoiceCommand::Next)));
    CHECK(session->paused() == before);
    CHECK(session->elapsedS() > at);
    // X, on the keyboard or the pad, is the pain stop in every mode.
    coach.follow(coach.current()->handle(key(sf::Keyboard::X)));
    CHECK(session->state() == SessionState::StoppedForPain);
}

TEST_CASE("a history that could not be opened at the start is opened once it can be, and the "
          "session going is written to it whole") {
    TempPath data("reopen");
    Harness h;
    h.workspace.dataDir = data.path.string();
    h.app.historyProblem = "history.sqlite: database is locked"; // as the start found it
    const RunOf run(h.body, "wall-tennis-ball.yaml", true);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    Session* session = coach.session();
    REQUIRE(session != nullptr);
    for (int s = 0; s < 90; ++s) {
        h.clock.advance(1);
        coach.follow(coach.current()->update(1));
    }
    CHECK_FALSE(session->summary().historyProblem.empty());
    CHECK_FALSE(coach.retryHistory()); // the history is tried again, on a thread
    coach.waitForHistory();
    REQUIRE(h.app.history != nullptr);
    CHECK(h.app.historyProblem.empty());
    CHECK(session->summary().historyProblem.empty());
    const std::vector<SessionRecord> sessions = h.app.history->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].how == "running");
    CHECK(sessions[0].startedAt == 1'790'000'000);
    CHECK_FALSE(sessions[0].steps.empty());
    CHECK(sessions[0].leftS + sessions[0].rightS > 0);
    CHECK(err.str().empty());
}

TEST_CASE("a media player's controls: play, pause, next, previous, stop leaves at once") {
    Harness h;
    Session session(twoSteps(), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.update(4);
    NowPlaying now = screen.nowPlaying();
    CHECK(now.status == NowPlaying::Status::Playing);
    CHECK(now.title == "One");
    CHECK(now.artist == "Two");
    CHECK(now.album == "Left side");
    CHECK(now.lengthS == 30);
    CHECK(now.positionS == doctest::Approx(4));
    // Play and Pause set, whatever they find; PlayPause toggles.
    screen.control(SessionCommand::of(SessionCommand::Kind::Resume));
    CHECK_FALSE(session.paused());
    screen.control(SessionCommand::of(SessionCommand::Kind::Pause));
    screen.control(SessionCommand::of(SessionCommand::Kind::Pause));
    CHECK(session.paused());
    CHECK(screen.nowPlaying().status == NowPlaying::Status::Paused);
    CHECK_FALSE(screen.nowPlaying().sameAs(now));
    screen.control(SessionCommand::of(SessionCommand::Kind::TogglePause));
    CHECK_FALSE(session.paused());
    screen.control(SessionCommand::of(SessionCommand::Kind::Next));
    CHECK(screen.nowPlaying().title == "Two");
    screen.control(SessionCommand::of(SessionCommand::Kind::Next));
    CHECK(screen.nowPlaying().title == "Switch to the right side");
    CHECK(screen.nowPlaying().album == "Right side");
    screen.control(SessionCommand::of(SessionCommand::Kind::Back));
    CHECK(screen.nowPlaying().title == "Two");
    // Stop leaves without asking, even with the question showing.
    screen.control(SessionCommand::of(SessionCommand::Kind::Leave));
    REQUIRE(session.askingToLeave());
    CHECK(screen.control(SessionCommand::of(SessionCommand::Kind::LeaveNow)).kind ==
          ScreenRequest::Kind::SessionOver);
    CHECK(session.state() == SessionState::Left);
    CHECK(screen.nowPlaying().status == NowPlaying::Status::Stopped);
}

TEST_CASE("the coach hands media keys to the session screen only, and says what plays") {
    Harness h;
    const RunOf run(h.body, "wall-tennis-ball.yaml", false);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    // The setup screen: nothing plays, and a media key does nothing.
    CHECK_FALSE(coach.nowPlaying().has_value());
    CHECK(coach.control(SessionCommand::of(SessionCommand::Kind::LeaveNow)));
    CHECK(coach.session() == nullptr);
    coach.follow(coach.current()->handle(key(sf::Keyboard::Space)));
    REQUIRE(coach.session() != nullptr);
    REQUIRE(coach.nowPlaying().has_value());
    CHECK(coach.nowPlaying()->title == "Get ready");
    CHECK(coach.nowPlaying()->artist == "Wall tennis-ball drill");
    CHECK(coach.control(SessionCommand::of(SessionCommand::Kind::Next)));
    CHECK(coach.nowPlaying()->title == "Find the spot");
    // Stop: the end screen, where nothing plays any more.
    CHECK(coach.control(SessionCommand::of(SessionCommand::Kind::LeaveNow)));
    CHECK(coach.session()->state() == SessionState::Left);
    CHECK_FALSE(coach.nowPlaying().has_value());
}

TEST_CASE("no D-Bus session bus: one notice, and the session runs") {
    TempPath runtime("no-bus");
    fs::create_directories(runtime.path);
    for (const std::vector<std::string>& environment :
         {std::vector<std::string>{"XDG_RUNTIME_DIR=" + runtime.path.string()},
          std::vector<std::string>{"XDG_RUNTIME_DIR=" + runtime.path.string(),
                                   "DBUS_SESSION_BUS_ADDRESS=unix:path=" +
                                       (runtime.path / "no-such-bus").string()}}) {
        const Run run = runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml"), "--autostart",
                                      "--mute", "--speed", "200", "--frames", "30"},
                                     environment, {"DBUS_SESSION_BUS_ADDRESS"}, 60);
        INFO(run.output);
        CHECK(run.code == 0);
        const std::string notice =
            "rollcoach: notice: no D-Bus session bus: media keys will not control the session\n";
        const auto at = run.output.find(notice);
        CHECK(at != std::string::npos);
        CHECK(run.output.find(notice, at + 1) == std::string::npos);
        CHECK(run.output.find("frames 30") != std::string::npos);
    }
}

TEST_CASE("digit keys rate the side the prompt asks about, on the session and the end screen") {
    Harness h;
    Session session(routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]")), {}, Side::Left, h.body,
                    h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.update(1);
    REQUIRE(session.snapshot().tensionPrompt.has_value());
    screen.handle(key(sf::Keyboard::Num6));
    CHECK_FALSE(session.snapshot().tensionPrompt.has_value());
    screen.handle(key(sf::Keyboard::Right)); // from getting ready to the first step
    CHECK_FALSE(session.snapshot().tensionPrompt.has_value()); // answered already
    screen.handle(key(sf::Keyboard::Right));
    screen.handle(key(sf::Keyboard::Right));
    CHECK(screen.handle(key(sf::Keyboard::Right)).kind == ScreenRequest::Kind::SessionOver);
    EndScreen end(h.app, session);
    REQUIRE(session.summary().tensionPrompt.has_value());
    CHECK(session.summary().tensionPrompt->side == Side::Right);
    CHECK(end.handle(key(sf::Keyboard::T)).kind == ScreenRequest::Kind::None);
    CHECK_FALSE(session.summary().tensionPrompt.has_value());
    CHECK(session.summary().answer == "Right, after: 10");
    // A number changes the answer while the end screen shows; it never leaves it.
    CHECK(end.handle(key(sf::Keyboard::Num3)).kind == ScreenRequest::Kind::None);
    CHECK(session.summary().answer == "Right, after: 3");
    CHECK(end.handle(key(sf::Keyboard::Space)).kind == ScreenRequest::Kind::Back);
}

TEST_CASE("the explorer judges a dragged ball live") {
    Harness h;
    ExploreScreen screen(h.app);
    screen.placeBall({8, 10});
    CHECK(screen.verdict().worst == Closeness::Safe);
    screen.placeBall({-1, 10});
    CHECK(screen.verdict().worst == Closeness::On);
    screen.placeBall({7, -3});
    CHECK(screen.verdict().zones.at(0).zone == Zone::Neck);
}

TEST_CASE("the list screen lays out a row per routine and opens the one clicked twice") {
    Harness h;
    ListScreen list(h.app);
    list.layout({1280, 720});
    // Every shipped routine, and no routine of one's own in this data folder.
    REQUIRE(list.entries().size() ==
            routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines").size());
    // The rows are found where they are drawn: the second row's middle, at 1280x720.
    sf::Event click;
    click.type = sf::Event::MouseButtonPressed;
    click.mouseButton = {sf::Mouse::Left, 640, 0};
    // Find the second row by scanning down the middle of the screen.
    ScreenRequest opened;
    for (int y = 0; y < 720 && opened.kind == ScreenRequest::Kind::None; y += 4) {
        click.mouseButton.y = y;
        opened = list.handle(click);
    }
    CHECK(opened.kind == ScreenRequest::Kind::OpenRoutine);
    CHECK(opened.file == list.entries()[0].file);
    CHECK(list.handle(key(sf::Keyboard::Down)).kind == ScreenRequest::Kind::None);
    const ScreenRequest second = list.handle(key(sf::Keyboard::Enter));
    CHECK(second.file == list.entries()[1].file);
}

TEST_CASE("speech hands a cue to espeak-ng as one argument, never through a shell") {
    const std::string cue =
        "Lean in $(touch /tmp/rollcoach-pwned) `id` \"quoted\" 'single'; rm -rf x";
    const auto args = speechArguments("/usr/bin/espeak-ng", cue);
    REQUIRE(args.size() == 5);
    CHECK(args[3] == "--");
    CHECK(args[4] == cue);
    // A stand-in for espeak-ng records exactly what it was given.
    const fs::path record =
        fs::temp_directory_path() / ("rollcoach-speech-" + std::to_string(getpid()));
    const std::string fake = writeTemp(
        "fake-espeak.sh",
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + record.string() + "\n");
    fs::permissions(fake, fs::perms::owner_all);
    fs::remove("/tmp/rollcoach-pwned");
    {
        Speech speech(false);
        speech.setProgram(fake);
        speech.say(cue);
    } // waits for the child
    std::ifstream in(record);
    std::string line;
    std::vector<std::string> got;
    while (std::getline(in, line)) {
        got.push_back(line);
    }
    REQUIRE(got.size() == 4);
    CHECK(got[3] == cue);
    CHECK_FALSE(fs::exists("/tmp/rollcoach-pwned"));
    fs::remove(record);
    fs::remove(fake);
}

TEST_CASE("no sound device: one notice, no stream of errors, the session still runs") {
    const Run run = runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml"), "--autostart",
                                  "--speed", "300", "--frames", "20"},
                                 {"ALSOFT_DRIVERS=no-such-driver"}, {"ALSOFT_DRIVERS"});
    INFO(run.output);
    CHECK(run.code == 0);
    const auto first = run.output.find("no sound device");
    REQUIRE(first != std::string::npos);
    CHECK(run.output.find("no sound device", first + 1) == std::string::npos);
    CHECK(run.output.find("OpenAL") == std::string::npos);
    CHECK(run.output.find("ALSA") == std::string::npos);
    CHECK(run.output.find("frames 20") != std::string::npos);
}

namespace {
// The loudest sample of a WAV file as OpenAL Soft's wave writer writes it (16-bit, or 32-bit
// integer or float), from 0 to 1; -1 when there is no such file.
double loudestSample(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto fmt = bytes.find("fmt ");
    const auto data = bytes.find("data");
    if (!in || fmt == std::string::npos || data == std::string::npos || bytes.size() < fmt + 48) {
        return -1;
    }
    auto u16 = [&](std::size_t at) {
        return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
               static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8;
    };
    unsigned format = u16(fmt + 8);
    const unsigned bits = u16(fmt + 22);
    if (format == 0xFFFE) {
        format = u16(fmt + 32); // the extensible format's sub-format
    }
    double loudest = 0;
    for (std::size_t at = data + 8; at + bits / 8 <= bytes.size(); at += bits / 8) {
        double value = 0;
        if (bits == 16) {
            std::int16_t sample;
            std::memcpy(&sample, &bytes[at], 2);
            value = sample / 32768.0;
        } else if (bits == 32 && format == 3) {
            float sample;
            std::memcpy(&sample, &bytes[at], 4);
            value = sample;
        } else if (bits == 32) {
            std::int32_t sample;
            std::memcpy(&sample, &bytes[at], 4);
            value = sample / 2147483648.0;
        }
        loudest = std::max(loudest, std::abs(value));
    }
    return loudest;
}
} // namespace

TEST_CASE("the session's cues reach the sound device, and a muted session loads no sound at all") {
    // OpenAL Soft's wave writer stands in for a sound card: it writes what it plays to a file.
    const fs::path dir =
        fs::temp_directory_path() / ("rollcoach-heard-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path wav = dir / "heard.wav";
    std::ofstream(dir / "alsoft.conf") << "[wave]\nfile = " << wav.string() << "\n";
    const std::vector<std::string> environment = {"ALSOFT_DRIVERS=wave",
                                                  "ALSOFT_CONF=" + (dir / "alsoft.conf").string()};
    const std::vector<std::string> session = {
        "--data-dir",  (dir / "data").string(),
        "run",         shippedRoutine("wall-tennis-ball.yaml"),
        "--autostart", "--frames",
        "60"};

    const Run heard = runRollcoach(session, environment, {"ALSOFT_DRIVERS"});
    INFO(heard.output);
    CHECK(heard.code == 0);
    CHECK(heard.output.find("sound") == std::string::npos);
    // The opening chime, at a third of full scale.
    CHECK(loudestSample(wav) > 0.2);

    fs::remove(wav);
    std::vector<std::string> muted = session;
    muted.push_back("--mute");
    const Run quiet = runRollcoach(muted, environment, {"ALSOFT_DRIVERS"});
    CHECK(quiet.code == 0);
    CHECK_FALSE(fs::exists(wav));
    fs::remove_all(dir);
}

TEST_CASE("OpenAL's null output alone counts as no sound device") {
    CHECK(onlyNullSoundOutput("null"));
    CHECK(onlyNullSoundOutput(" null "));
    CHECK(onlyNullSoundOutput("-alsa,null"));
    CHECK_FALSE(onlyNullSoundOutput(nullptr));
    CHECK_FALSE(onlyNullSoundOutput(""));
    CHECK_FALSE(onlyNullSoundOutput("null,")); // then every driver not listed
    CHECK_FALSE(onlyNullSoundOutput("pulse,null"));
    CHECK_FALSE(onlyNullSoundOutput("wave"));

    const Run run = runRollcoach({"run", shippedRoutine("wall-tennis-ball.yaml"), "--autostart",
                                  "--speed", "300", "--frames", "20"},
                                 {"ALSOFT_DRIVERS=null"}, {"ALSOFT_DRIVERS"});
    INFO(run.output);
    CHECK(run.code == 0);
    const auto first =
        run.output.find("no sound device (ALSOFT_DRIVERS=null): cues will be silent");
    CHECK(first != std::string::npos);
    CHECK(run.output.find("no sound device", first + 1) == std::string::npos);
}

TEST_CASE("a sound module that cannot be loaded: one notice naming it, cues silent") {
    const char* drivers = std::getenv("ALSOFT_DRIVERS");
    const std::string saved = drivers ? drivers : "";
    setenv("ALSOFT_DRIVERS", "no-such-driver", 1);
    std::ostringstream notices;
    Tones tones(notices, false, {"/nonexistent/rollcoach-sound.so"});
    tones.play(Tones::Kind::Beat);
    tones.play(Tones::Kind::NewStep);
    if (drivers) {
        setenv("ALSOFT_DRIVERS", saved.c_str(), 1);
    } else {
        unsetenv("ALSOFT_DRIVERS");
    }
    const std::string said = notices.str();
    CHECK_FALSE(tones.available());
    CHECK(said.find("/nonexistent/rollcoach-sound.so") != std::string::npos);
    CHECK(said.find("cues will be silent") == said.rfind("cues will be silent"));
}

TEST_CASE("the sound module is looked for beside the binary, then under the install's libdir") {
    const std::vector<std::string> paths = soundModulePaths("/opt/rc/bin");
    REQUIRE(paths.size() == 2);
    CHECK(paths[0] == "/opt/rc/bin/rollcoach-sound.so");
    CHECK(paths[1].rfind("/opt/rc/", 0) == 0);
    CHECK(paths[1].find("/rollcoach/rollcoach-sound.so") != std::string::npos);
}

TEST_CASE("a missing font is named, exit 1") {
    const Run run = runRollcoach({"explore"}, {"ROLLCOACH_FONT=/no/such/font.ttf"});
    CHECK(run.code == 1);
    CHECK(run.output.find("rollcoach: error: /no/such/font.ttf: font file missing") !=
          std::string::npos);
}

namespace {
std::string historyJson(const fs::path& dataDir) {
    const Run run = runRollcoach({"--data-dir", dataDir.string(), "history", "--json"});
    REQUIRE(run.code == 0);
    return run.output;
}
} // namespace

TEST_CASE("a session run in the window is recorded, finished or interrupted") {
    const fs::path data =
        fs::temp_directory_path() / ("rollcoach-window-data-" + std::to_string(getpid()));
    fs::remove_all(data);
    // Finished: sped up so the 9:44 session ends within the frames.
    Run finished =
        runRollcoach({"--data-dir", data.string(), "run", shippedRoutine("wall-tennis-ball.yaml"),
                      "--autostart", "--speed", "1000", "--frames", "120", "--mute"},
                     {"ALSOFT_DRIVERS=null"});
    INFO(finished.output);
    REQUIRE(finished.code == 0);
    // Killed part-way: the steps done so far stay, and it shows as interrupted.
    const pid_t pid =
        startRollcoach({"--data-dir", data.string(), "run", shippedRoutine("wall-tennis-ball.yaml"),
                        "--autostart", "--speed", "60", "--mute"});
    // Kill it once the history holds a step of it (as soon as the first step is over).
    for (int i = 0; i < 100; ++i) {
        sf::sleep(sf::milliseconds(200));
        const auto now = nlohmann::json::parse(historyJson(data));
        if (now["sessions"].size() == 2 && !now["sessions"][0]["steps"].empty()) {
            break;
        }
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const auto json = nlohmann::json::parse(historyJson(data));
    REQUIRE(json["sessions"].size() == 2);
    const auto& killed = json["sessions"][0];
    CHECK(killed["how"] == "interrupted");
    CHECK(killed["first_side"] == "right"); // the finished one started on the left
    CHECK(killed["seconds"]["right"].get<double>() > 0);
    CHECK(killed["steps"].size() >= 1);
    const auto& done = json["sessions"][1];
    CHECK(done["how"] == "finished");
    CHECK(done["seconds"]["left"] == 280.0);
    CHECK(done["seconds"]["right"] == 280.0);
    fs::remove_all(data);
}

TEST_CASE("an unusable data folder: the session still runs and says history is not saved") {
    const fs::path blocker =
        fs::temp_directory_path() / ("rollcoach-blocker-" + std::to_string(getpid()));
    std::ofstream(blocker) << "not a folder";
    const Run run = runRollcoach({"--data-dir", (blocker / "data").string(), "run",
                                  shippedRoutine("wall-tennis-ball.yaml"), "--autostart", "--speed",
                                  "300", "--frames", "20", "--mute"},
                                 {"ALSOFT_DRIVERS=null"});
    CHECK(run.code == 0);
    CHECK(run.output.find("history cannot be saved for now") != std::string::npos);
    CHECK(run.output.find("frames 20") != std::string::npos);
    fs::remove(blocker);
}

TEST_CASE("a routine file deleted while its session runs") {
    const std::string file =
        writeTemp("vanishing.yaml", oneStep("tennis", "[{x_cm: 8, y_cm: 10}]"));
    const fs::path data =
        fs::temp_directory_path() / ("rollcoach-vanish-" + std::to_string(getpid()));
    const pid_t pid = startRollcoach(
        {"--data-dir", data.string(), "run", file, "--autostart", "--frames", "90", "--mute"});
    sf::sleep(sf::seconds(0.5f));
    fs::remove(file);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    fs::remove_all(data);
}

TEST_CASE("the tension prompt shows its words at the start of a side, then goes") {
    // 5 s into the first step the prompt shows; at 13 s it has gone. Everything else on the
    // screen is the same but for the clock's digits and the bar.
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    const int with = countColour(renderAt(wall, 5, "left"), palette::text);
    const int without = countColour(renderAt(wall, 13, "left"), palette::text);
    CHECK(with > without + 400);
}

TEST_CASE("the window icon is read without SFML, pixel for pixel as SFML reads it") {
    const std::string file = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/icon-64.png";
    Picture picture;
    std::string why;
    REQUIRE(loadPng(file, picture, why));
    CHECK(picture.width == 64);
    CHECK(picture.height == 64);
    REQUIRE(picture.rgba.size() == 64u * 64u * 4u);
    sf::Image reference;
    REQUIRE(reference.loadFromFile(file));
    CHECK(std::equal(picture.rgba.begin(), picture.rgba.end(), reference.getPixelsPtr()));

    const TempPath folder("icon", true);
    const std::string broken = (folder.path / "broken.png").string();
    std::ofstream(broken) << "not a png";
    Picture none;
    CHECK_FALSE(loadPng(broken, none, why));
    CHECK_FALSE(why.empty());
    CHECK(none.rgba.empty());
    CHECK_FALSE(loadPng((folder.path / "missing.png").string(), none, why));
}

TEST_CASE("a font that cannot be found stops the session window before it shows anything") {
    const Run run = runRollcoach(
        {"run", shippedRoutine("wall-tennis-ball.yaml"), "--autostart", "--frames", "1"},
        {"ALSOFT_DRIVERS=null", "ROLLCOACH_FONT=/no/such/font.ttf"});
    CHECK(run.code == 1);
    CHECK(run.output.find("/no/such/font.ttf") != std::string::npos);
    CHECK(run.output.find("frames") == std::string::npos);
}

TEST_CASE("in one window: finish, rate on the end screen, go back, start again on the other side") {
    Harness h;
    TempPath data("coach");
    h.workspace.dataDir = data.path.string();
    std::string notice;
    auto history = openHistory(h.workspace, notice);
    h.app.history = history.get();
    const RunOf run(h.body, "wall-tennis-ball.yaml", true);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    REQUIRE(coach.session() != nullptr);
    const Side first = coach.session()->timeline().firstSide();
    // Run it to its end, a second at a time, as the loop would.
    while (coach.follow(coach.current()->update(1.0)) && coach.session() != nullptr &&
           !coach.session()->over()) {
    }
    REQUIRE(coach.session()->state() == SessionState::Finished);
    // The end screen asks about the last side; 7 answers it, the next key goes back.
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Num7))));
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Space))));
    CHECK(coach.session() == nullptr);
    // The setup screen shows again, and it has chosen the other side.
    h.clock.advance(3600);
    coach.follow(coach.current()->handle(key(sf::Keyboard::Space)));
    REQUIRE(coach.session() != nullptr);
    CHECK(coach.session()->timeline().firstSide() == otherSide(first));
    // Some time on the first side (past the get-ready), then skipping every step with the
    // arrow keys: partial, and still due. Left before any time on a side, it would not count.
    for (int i = 0; i < 15; ++i) {
        coach.follow(coach.current()->update(1.0));
    }
    ScreenRequest request2;
    do {
        request2 = coach.current()->handle(key(sf::Keyboard::Right));
    } while (request2.kind != ScreenRequest::Kind::SessionOver);
    coach.follow(request2);
    const auto sessions = history->sessions();
    REQUIRE(sessions.size() == 2);
    CHECK(outcome(sessions[0]) == "partial");
    CHECK(outcome(sessions[1]) == "finished");
    bool ratedAfter = false;
    for (const CheckIn& c : sessions[1].checkIns) {
        ratedAfter = ratedAfter || (c.after && c.rating == 7 && c.side == otherSide(first));
    }
    CHECK(ratedAfter);
}

TEST_CASE(
    "run FILE: Esc on the setup screen shows the routine list, and Esc there closes the app") {
    Harness h;
    const RunOf run(h.body, "lying-yoga-tune-up.yaml", false);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    REQUIRE(dynamic_cast<SetupScreen*>(coach.current()) != nullptr);
    // Esc goes back to where a person would have chosen the routine: the list.
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    const auto* list = dynamic_cast<ListScreen*>(coach.current());
    REQUIRE(list != nullptr);
    CHECK(list->entries().size() >= 2);
    // From the list a routine opens as usual, and Esc comes back to the list.
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Enter))));
    REQUIRE(dynamic_cast<SetupScreen*>(coach.current()) != nullptr);
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    REQUIRE(dynamic_cast<ListScreen*>(coach.current()) != nullptr);
    // Esc on the list closes the app.
    CHECK_FALSE(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    CHECK(err.str().empty());
}

TEST_CASE("run FILE --autostart: leaving the session, then the setup screen, shows the list") {
    Harness h;
    const RunOf run(h.body, "wall-tennis-ball.yaml", true);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    REQUIRE(coach.session() != nullptr);
    // Esc asks, Esc again leaves: the end screen, then any key goes back to the setup screen.
    coach.follow(coach.current()->handle(key(sf::Keyboard::Escape)));
    coach.follow(coach.current()->handle(key(sf::Keyboard::Escape)));
    for (int i = 0; i < 5 && dynamic_cast<SetupScreen*>(coach.current()) == nullptr; ++i) {
        REQUIRE(coach.follow(coach.current()->handle(key(sf::Keyboard::Space))));
    }
    REQUIRE(dynamic_cast<SetupScreen*>(coach.current()) != nullptr);
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    CHECK(dynamic_cast<ListScreen*>(coach.current()) != nullptr);
    CHECK(coach.session() == nullptr);
}

TEST_CASE("a session left while its history could not be opened is written once it opens, and one "
          "whose history never opens is said unsaved when the window closes") {
    TempPath data("left-unsaved");
    for (const bool opens : {true, false}) {
        CAPTURE(opens);
        Harness h;
        // A folder that cannot be made (a file in its way) never opens.
        const fs::path blocker = data.path / "blocker";
        std::ofstream(blocker) << "x";
        h.workspace.dataDir = (opens ? data.path / "data" : blocker / "data").string();
        h.app.historyProblem = "history.sqlite: database is locked";
        const RunOf run(h.body, "wall-tennis-ball.yaml", true);
        std::ostringstream err;
        Coach coach(h.app, run.request, run.given, err);
        REQUIRE(coach.start({1280, 720}));
        for (int s = 0; s < 30; ++s) {
            h.clock.advance(1);
            coach.follow(coach.current()->update(1));
        }
        // Leave, and go on past the end screen: the session is off the screen.
        coach.follow(coach.current()->handle(key(sf::Keyboard::Escape)));
        coach.follow(coach.current()->handle(key(sf::Keyboard::Escape)));
        for (int i = 0; i < 5 && dynamic_cast<SetupScreen*>(coach.current()) == nullptr; ++i) {
            REQUIRE(coach.follow(coach.current()->handle(key(sf::Keyboard::Space))));
        }
        REQUIRE(dynamic_cast<SetupScreen*>(coach.current()) != nullptr);
        CHECK_FALSE(coach.retryHistory()); // the history is tried again, on a thread
        coach.waitForHistory();
        if (opens) {
            REQUIRE(h.app.history != nullptr);
            const std::vector<SessionRecord> sessions = h.app.history->sessions();
            REQUIRE(sessions.size() == 1);
            CHECK(sessions[0].how == "stopped");
            CHECK(sessions[0].leftS + sessions[0].rightS > 0);
            CHECK(coach.finish());
            CHECK(err.str().empty());
        } else {
            CHECK(h.app.history == nullptr);
            CHECK(coach.finish());
            CHECK(err.str().find("rollcoach: notice: this session was not saved: ") == 0);
        }
    }
}

TEST_CASE("the progress screen opens from the end screen and from the list, and goes back") {
    Harness h;
    TempPath data("coach-progress");
    std::string notice;
    auto history = History::open(data.path.string(), h.clock.now(), notice);
    h.app.history = history.get();
    h.workspace.dataDir = data.path.string();
    const RunOf run(h.body, "wall-tennis-ball.yaml", true);
    std::ostringstream err;
    Coach coach(h.app, run.request, run.given, err);
    REQUIRE(coach.start({1280, 720}));
    // Some time on the first side, so that the session is kept, then leave.
    for (int i = 0; i < 15; ++i) {
        coach.follow(coach.current()->update(1.0));
    }
    coach.follow(coach.current()->handle(key(sf::Keyboard::Escape)));
    coach.follow(coach.current()->handle(key(sf::Keyboard::Escape)));
    REQUIRE(dynamic_cast<EndScreen*>(coach.current()) != nullptr);
    // P, and the button, open the progress of this routine; Esc comes back to the end screen,
    // whose session is still there.
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::P))));
    auto* progress = dynamic_cast<ProgressScreen*>(coach.current());
    REQUIRE(progress != nullptr);
    progress->waitForHistory();
    CHECK(progress->routineShown() == "Wall tennis-ball drill");
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    REQUIRE(dynamic_cast<EndScreen*>(coach.current()) != nullptr);
    REQUIRE(coach.session() != nullptr);
    const sf::FloatRect box = coach.current()->boxes()["button progress"];
    REQUIRE(box.width > 0);
    sf::Event click;
    click.type = sf::Event::MouseButtonPressed;
    click.mouseButton = {sf::Mouse::Left, static_cast<int>(box.left + box.width / 2),
                         static_cast<int>(box.top + box.height / 2)};
    CHECK(coach.follow(coach.current()->handle(click)));
    REQUIRE(dynamic_cast<ProgressScreen*>(coach.current()) != nullptr);
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    // On to the setup screen, the list, and from the list's button to the progress screen.
    for (int i = 0; i < 5 && dynamic_cast<SetupScreen*>(coach.current()) == nullptr; ++i) {
        REQUIRE(coach.follow(coach.current()->handle(key(sf::Keyboard::Space))));
    }
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    REQUIRE(dynamic_cast<ListScreen*>(coach.current()) != nullptr);
    CHECK(coach.session() == nullptr);
    const sf::FloatRect buttons = coach.current()->boxes()["buttons"];
    click.mouseButton = {sf::Mouse::Left, static_cast<int>(buttons.left + 4),
                         static_cast<int>(buttons.top + buttons.height / 2)};
    CHECK(coach.follow(coach.current()->handle(click)));
    REQUIRE(dynamic_cast<ProgressScreen*>(coach.current()) != nullptr);
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Escape))));
    CHECK(dynamic_cast<ListScreen*>(coach.current()) != nullptr);
}

TEST_CASE("ROLLCOACH_NOW is the time of every command and of the sessions the window records") {
    TempPath data("now");
    const std::string monday = "1795435200"; // 2026-11-23 12:00 UTC
    const Run run = runRollcoach({"--data-dir", data.path.string(), "run",
                                  shippedRoutine("wall-tennis-ball.yaml"), "--autostart", "--speed",
                                  "1000", "--frames", "120", "--mute"},
                                 {"ALSOFT_DRIVERS=null", "ROLLCOACH_NOW=" + monday, "TZ=UTC"});
    INFO(run.output);
    REQUIRE(run.code == 0);
    const Run history = runRollcoach({"--data-dir", data.path.string(), "history", "--json"},
                                     {"ROLLCOACH_NOW=" + monday});
    const auto json = nlohmann::json::parse(history.output);
    REQUIRE(json["sessions"].size() == 1);
    // The clock runs on from the given time: the session started within a minute of it.
    CHECK(json["sessions"][0]["started"].get<std::string>().rfind("2026-11-23T12:0", 0) == 0);
    CHECK(json["sessions"][0]["how"] == "finished");
    const Run next = runRollcoach({"--data-dir", data.path.string(), "next"},
                                  {"ROLLCOACH_NOW=" + monday, "TZ=UTC"});
    CHECK(next.output.find("Wall tennis-ball drill  (done today)") != std::string::npos);
}

TEST_CASE("three sessions on three days with check-ins: progress, history and the screen agree") {
    TempPath data("three-days");
    setenv("TZ", "UTC", 1);
    tzset();
    const std::int64_t monday = 1795435200; // 2026-11-23 12:00 UTC
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    // Each day's ratings: left before, left after, right before, right after.
    const int ratings[3][4] = {{7, 4, 6, 5}, {6, 4, 6, 6}, {5, 2, 5, 4}};
    {
        std::string notice;
        auto history = History::open(data.path.string(), monday, notice);
        const BodyModel body = referenceBody();
        for (int day = 0; day < 3; ++day) {
            FixedClock clock(monday + day * 2 * 86400); // Monday, Wednesday, Friday
            Session session(*openRoutine(wall, body).routine, {wall, "h"}, Side::Left, body, clock,
                            history.get());
            // The session asks each side before and after; the answer is given when asked.
            auto answer = [&](const CheckIn& asked) {
                const int k = (asked.side == Side::Left ? 0 : 2) + (asked.after ? 1 : 0);
                CHECK(session.rate(ratings[day][k]));
            };
            session.advance(0);
            while (!session.over()) {
                if (const auto asked = session.snapshot().tensionPrompt) {
                    answer(*asked);
                }
                clock.advance(1);
                session.advance(1);
            }
            if (day < 2) {
                if (const auto asked = session.summary().tensionPrompt) {
                    answer(*asked);
                }
                continue;
            }
            // The last day's last rating is given on the end screen, which then shows this
            // session's tension per side and the way to the progress screen.
            Harness eh;
            eh.app.history = history.get();
            EndScreen end(eh.app, session);
            end.layout({1280, 720});
            const auto asked = session.summary().tensionPrompt;
            REQUIRE(asked.has_value());
            CHECK(asked->side == Side::Right);
            CHECK(asked->after);
            end.handle(key(sf::Keyboard::Num4));
            CHECK_FALSE(session.summary().tensionPrompt.has_value());
            CHECK(end.boxes().has("tension left"));
            CHECK(end.boxes().has("tension right"));
            CHECK(end.boxes().has("button progress"));
            sf::RenderTexture texture;
            REQUIRE(texture.create(1280, 720));
            end.draw(texture);
            texture.display();
            CHECK(texture.getTexture().copyToImage().saveToFile(
                (fs::temp_directory_path() / "rollcoach-end-rated.png").string()));
        }
    }
    const std::string friday = std::to_string(monday + 4 * 86400 + 3600);
    const std::vector<std::string> at = {"ROLLCOACH_NOW=" + friday, "TZ=UTC"};
    const Run progress =
        runRollcoach({"--data-dir", data.path.string(), "progress", "--json"}, at, {}, 60);
    INFO(progress.output);
    REQUIRE(progress.code == 0);
    const auto json = nlohmann::json::parse(progress.output);
    const char* const dates[] = {"2026-11-23", "2026-11-25", "2026-11-27"};
    for (const char* side : {"left", "right"}) {
        const auto& sessions = json["sides"][side]["sessions"];
        REQUIRE(sessions.size() == 3);
        for (int day = 0; day < 3; ++day) {
            const int k = std::string(side) == "left" ? 0 : 2;
            CHECK(sessions[day]["date"] == dates[day]);
            CHECK(sessions[day]["before"] == ratings[day][k]);
            CHECK(sessions[day]["after"] == ratings[day][k + 1]);
            CHECK(sessions[day]["change"] == ratings[day][k + 1] - ratings[day][k]);
            CHECK(sessions[day]["matters"] == (ratings[day][k] - ratings[day][k + 1] >= 2));
        }
    }
    CHECK(json["sides"]["left"]["summary"]["changes_that_matter"] == 3);
    CHECK(json["sides"]["right"]["summary"]["changes_that_matter"] == 0);

    // history prints the check-ins.
    const Run history = runRollcoach({"--data-dir", data.path.string(), "history"}, at, {}, 60);
    INFO(history.output);
    CHECK(history.code == 0);
    // Two rounds: each side is asked before and after each.
    CHECK(history.output.find("tension left 7\u21924 7\u21924, right 6\u21925 6\u21925") !=
          std::string::npos);
    CHECK(history.output.find("tension left 6\u21924 6\u21924, right 6\u21926 6\u21926") !=
          std::string::npos);
    CHECK(history.output.find("tension left 5\u21922 5\u21922, right 5\u21924 5\u21924") !=
          std::string::npos);

    // The progress screen: a picture of it, and its texts: the dates and the axis.
    const fs::path png = data.path / "progress.png";
    const Run render =
        runRollcoach({"--data-dir", data.path.string(), "render", wall, "--screen", "progress",
                      "--size", "1280x720", "--out", png.string()},
                     {"ROLLCOACH_NOW=" + friday, "TZ=UTC", "ALSOFT_DRIVERS=null"}, {}, 60);
    INFO(render.output);
    CHECK(render.code == 0);
    sf::Image picture;
    REQUIRE(picture.loadFromFile(png.string()));
    CHECK(picture.getSize() == sf::Vector2u(1280, 720));
    Harness h;
    h.clock = FixedClock{monday + 4 * 86400 + 3600};
    std::string notice;
    auto opened = History::open(data.path.string(), monday, notice);
    h.app.history = opened.get();
    ProgressScreen screen(h.app);
    screen.waitForHistory();
    screen.layout({1280, 720});
    const auto texts = screen.textsShown();
    for (const char* shown : {"23 Nov", "25 Nov", "27 Nov", "0", "10", "Left side", "Right side"}) {
        CAPTURE(shown);
        CHECK(std::find(texts.begin(), texts.end(), shown) != texts.end());
    }
    CHECK(screen.summary().find("Left side: 3 sessions, on average 6 before and 3.3 after") !=
          std::string::npos);
}

TEST_CASE("render --screen progress: words with no history, and never makes one") {
    TempPath data("render-progress");
    const fs::path png = data.path / "empty.png";
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    const Run render = runRollcoach({"--data-dir", data.path.string(), "render", wall, "--screen",
                                     "progress", "--out", png.string()},
                                    {"ALSOFT_DRIVERS=null"}, {}, 60);
    INFO(render.output);
    CHECK(render.code == 0);
    CHECK(fs::exists(png));
    CHECK_FALSE(fs::exists(data.path / "history.sqlite"));
    // The session screen still needs its moment; a screen it does not know is refused.
    const Run noMoment = runRollcoach({"render", wall, "--out", png.string()}, {}, {}, 60);
    CHECK(noMoment.code == 2);
    CHECK(noMoment.output.find("--at is required") != std::string::npos);
    const Run unknown =
        runRollcoach({"render", wall, "--screen", "list", "--out", png.string()}, {}, {}, 60);
    CHECK(unknown.code == 2);
}

TEST_CASE("render --screen setup draws each drill's setup screen, with no moment needed") {
    TempPath data("render-setup");
    for (const char* name : {"wall-tennis-ball", "self-pressure-point"}) {
        const fs::path png = data.path / (std::string(name) + ".png");
        const Run render = runRollcoach({"--data-dir", data.path.string(), "render",
                                         shippedRoutine(std::string(name) + ".yaml"), "--screen",
                                         "setup", "--size", "640x480", "--out", png.string()},
                                        {"ALSOFT_DRIVERS=null"}, {}, 60);
        INFO(render.output);
        CHECK(render.code == 0);
        sf::Image picture;
        REQUIRE(picture.loadFromFile(png.string()));
        CHECK(picture.getSize() == sf::Vector2u(640, 480));
    }
}

TEST_CASE("render --screen edit: a chosen step, its ball put near the spine, shows the warning") {
    TempPath data("render-edit");
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    auto edit = [&](const std::string& place) {
        const fs::path png = data.path / ("edit-" + place + ".png");
        const Run run = runRollcoach({"--data-dir", data.path.string(), "render", wall, "--screen",
                                      "edit", "--step", "4", "--place", place, "--size", "800x600",
                                      "--out", png.string()},
                                     {"ALSOFT_DRIVERS=null"}, {}, 60);
        INFO(run.output);
        REQUIRE(run.code == 0);
        sf::Image image;
        REQUIRE(image.loadFromFile(png.string()));
        return image;
    };
    // Beside the blade: clear, the verdict's frame green. On the spine: red, never green.
    const sf::Image clear = edit("9,10");
    const sf::Image spine = edit("1,10");
    CHECK(countColour(clear, palette::safe) > 0);
    CHECK(countColour(spine, palette::safe) == 0);
    CHECK(countColour(spine, palette::warningOn) > countColour(clear, palette::warningOn));
    // Nothing is saved: the shipped file is as it was, and no copy is written.
    CHECK_FALSE(fs::exists(data.path / "routines" / "wall-tennis-ball.yaml"));
    const Run bad = runRollcoach({"render", wall, "--screen", "edit", "--place", "1;10", "--out",
                                  (data.path / "bad.png").string()},
                                 {}, {}, 60);
    CHECK(bad.code == 2);
    CHECK(bad.output.find("--place must be X,Y") != std::string::npos);
}

TEST_CASE("run and render refuse a FIFO at once, naming it") {
    const TempPath dir("app-fifo");
    const std::string fifo = (dir.path / "routine.yaml").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const HangGuard guard(30);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"run", fifo, "--mute"},
          std::vector<std::string>{"render", fifo, "--at", "1", "--out",
                                   (dir.path / "x.png").string()}}) {
        CAPTURE(args[0]);
        const Run run = runRollcoach(args);
        CHECK(run.code == 1);
        CHECK(run.output.find(fifo + ": error: is not a regular file (a FIFO)") !=
              std::string::npos);
    }
}

TEST_CASE("render --out on a full disk keeps the old picture and names the error") {
    const TempPath dir("app-full");
    const fs::path png = dir.path / "frame.png";
    std::ofstream(png) << "the old picture";
    Run run;
    {
        // The rendered PNG is far larger than this; the messages are not.
        const FileSizeLimit full(2048);
        run = runRollcoach({"render", shippedRoutine("wall-tennis-ball.yaml"), "--at", "1", "--out",
                            png.string()});
    }
    CHECK(run.code == 1);
    CHECK(run.output.find(png.string() + ": cannot write the image: " + std::strerror(EFBIG)) !=
          std::string::npos);
    std::ifstream in(png);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "the old picture");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) {
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("an unsafe routine is flagged in the list, shows its warnings, and starts only on A") {
    Harness h;
    TempPath data("unsafe-list");
    fs::create_directories(data.path / "routines");
    std::ofstream(data.path / "routines" / "close.yaml")
        << oneStep("tennis", "[{x_cm: 1, y_cm: 10}]");
    h.workspace.dataDir = data.path.string();
    ListScreen list(h.app);
    // After every shipped routine, none with a warning, comes the folder's own.
    const std::size_t shipped =
        routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines").size();
    REQUIRE(list.entries().size() == shipped + 1);
    CHECK(list.entries()[shipped].hasSafetyWarnings());
    for (std::size_t i = 0; i < shipped; ++i) {
        CHECK_FALSE(list.entries()[i].hasSafetyWarnings());
    }

    SetupScreen setup(h.app, *list.entries()[shipped].routine, {list.entries()[shipped].file, "h"},
                      std::nullopt);
    setup.layout({1280, 720});
    REQUIRE(setup.warnings().size() == 1);
    CHECK(setup.warnings()[0].zone == Zone::Spine);
    // Space, Enter and any other key do not start it; A does.
    for (auto code : {sf::Keyboard::Space, sf::Keyboard::Enter, sf::Keyboard::Right}) {
        CHECK(setup.handle(key(code)).kind == ScreenRequest::Kind::None);
    }
    CHECK(setup.handle(key(SetupScreen::kAcknowledgeKey)).kind ==
          ScreenRequest::Kind::StartSession);
    // A safe routine starts on any key, as before.
    SetupScreen safe(h.app, *list.entries()[1].routine, {list.entries()[1].file, "h"},
                     std::nullopt);
    CHECK(safe.warnings().empty());
    CHECK(safe.handle(key(sf::Keyboard::Space)).kind == ScreenRequest::Kind::StartSession);
}

TEST_CASE(
    "a session is heard: get-ready, every step and its cue, 3-2-1 before the switch, the end") {
    TempPath dir("spoken");
    const fs::path log = dir.path / "said.log";
    const fs::path fake = dir.path / "espeak-ng";
    // A stand-in for espeak-ng that writes down the text it was given (the last argument).
    std::ofstream(fake) << "#!/bin/sh\nfor a in \"$@\"; do last=\"$a\"; done\nprintf '%s\\n' "
                           "\"$last\" >> '"
                        << log.string() << "'\n";
    fs::permissions(fake, fs::perms::owner_all);
    const std::string routine = writeTemp("spoken.yaml", R"(format: 1
title: Heard
drill: wall
ball: tennis
schedule: {rounds: 1, switch_s: 4, lead_in_s: 4, first_side: left}
steps:
  - name: Lean in
    duration_s: 5
    cue: Lean into the wall and breathe out.
    place: [{x_cm: 8, y_cm: 10}]
    motion: hold
  - name: Roll
    duration_s: 5
    cue: Bend your knees a little.
    place: [{x_cm: 8, y_cm: 12}]
    motion: {pattern: vertical, amplitude_cm: 2, period_s: 4}
)");
    const char* path = std::getenv("PATH");
    const Run run = runRollcoach(
        {"--data-dir", (dir.path / "data").string(), "run", routine, "--autostart", "--speed", "4",
         "--frames", "600"},
        {"ALSOFT_DRIVERS=null", "PATH=" + dir.path.string() + ":" + (path ? path : "/usr/bin")},
        {"PATH"});
    INFO(run.output);
    REQUIRE(run.code == 0);
    sf::sleep(sf::milliseconds(300)); // the last line's stand-in may still be writing
    std::ifstream in(log);
    std::vector<std::string> said;
    for (std::string line; std::getline(in, line);) {
        said.push_back(line);
    }
    std::string all;
    for (const std::string& line : said) {
        all += line + "\n";
    }
    INFO(all);
    auto saidLine = [&](const std::string& words) {
        return std::find(said.begin(), said.end(), words) != said.end();
    };
    REQUIRE_FALSE(said.empty());
    CHECK(said.front().rfind("Get ready: Heard. The left side first.", 0) == 0);
    CHECK(saidLine("Left side. Lean in. Lean into the wall and breathe out."));
    CHECK(saidLine("Left side. Roll. Bend your knees a little. Move the ball to the new place."));
    CHECK(saidLine("Right side. Lean in. Lean into the wall and breathe out."));
    CHECK(saidLine("Right side. Roll. Bend your knees a little. Move the ball to the new place."));
    CHECK(saidLine("Lift the ball off your back, and switch to the right side."));
    CHECK(saidLine("How tense is your left side before you start? Press 0 to 9."));
    CHECK(std::any_of(said.begin(), said.end(), [](const std::string& line) {
        return line.rfind("Session done. Under a minute, both sides.", 0) == 0;
    }));
    // 3, 2, 1 into the first step and before the switch.
    CHECK(std::count(said.begin(), said.end(), "3") == 2);
    CHECK(std::count(said.begin(), said.end(), "2") == 2);
    CHECK(std::count(said.begin(), said.end(), "1") == 2);
}

TEST_CASE("the speaking voice follows the locale") {
    CHECK(voiceForLocale("en_GB.UTF-8") == "en-gb");
    CHECK(voiceForLocale("en_US") == "en-us");
    CHECK(voiceForLocale("de_DE.UTF-8@euro") == "de");
    CHECK(voiceForLocale("pt_BR.UTF-8") == "pt-br");
    CHECK(voiceForLocale("C.UTF-8").empty());
    CHECK(voiceForLocale("POSIX").empty());
    CHECK(voiceForLocale("").empty());
    CHECK(voiceForLocale("-x; rm").empty());
    const auto args = speechArguments("espeak-ng", "Left side.", 180, "en-gb");
    CHECK(args ==
          std::vector<std::string>{"espeak-ng", "-v", "en-gb", "-s", "180", "--", "Left side."});
}

TEST_CASE("render --screen body draws the body screen with the routine on it, at every size") {
    TempPath data("render-body");
    const std::string lying = shippedRoutine("lying-yoga-tune-up.yaml");
    for (const std::string size : {"800x600", "1280x720", "1920x1080", "1080x1920"}) {
        const fs::path png = data.path / ("body-" + size + ".png");
        const Run render =
            runRollcoach({"--data-dir", data.path.string(), "--body", "women", "render", lying,
                          "--screen", "body", "--size", size, "--out", png.string()},
                         {"ALSOFT_DRIVERS=null"}, {}, 60);
        INFO(render.output);
        CHECK(render.code == 0);
        sf::Image image;
        REQUIRE(image.loadFromFile(png.string()));
        CHECK(std::to_string(image.getSize().x) + "x" + std::to_string(image.getSize().y) == size);
        // The routine's balls are drawn on the body.
        CHECK(countColour(image, ballColour("yoga-tune-up")) > 0);
    }
}

TEST_CASE("run FILE on a routine that does not fit the body: the window says why, exit 1") {
    TempPath data("run-notfit");
    const std::string file = writeTemp(
        "tip.yaml", "format: 1\ntitle: Near the shoulder tip\ndrill: wall\nball: tennis\nsteps:\n"
                    "  - name: S\n    duration_s: 20\n    place: [{x_cm: 18, y_cm: 10}]\n"
                    "    motion: hold\n");
    const Run run =
        runRollcoach({"--data-dir", data.path.string(), "--body", "women", "run", file, "--frames",
                      "3", "--mute"},
                     {"ALSOFT_DRIVERS=null", "XDG_CONFIG_HOME=" + data.path.string()}, {}, 60);
    INFO(run.output);
    CHECK(run.code == 1);
    CHECK(run.output.find("frames 3") != std::string::npos); // the window opened
    CHECK(run.output.find("edge of the body") != std::string::npos);
    // On the body it was written for, it runs.
    const Run fits =
        runRollcoach({"--data-dir", data.path.string(), "run", file, "--frames", "3", "--mute"},
                     {"ALSOFT_DRIVERS=null", "XDG_CONFIG_HOME=" + data.path.string()}, {}, 60);
    INFO(fits.output);
    CHECK(fits.code == 0);
    fs::remove(file);
}

TEST_CASE("shapes: an opaque one covers what is under it, a see-through one lets it show") {
    sf::RenderTexture texture;
    REQUIRE(texture.create(40, 20));
    texture.clear(sf::Color(200, 0, 0));
    sf::VertexArray shapes(sf::Triangles);
    fillRectangle(shapes, {0, 0, 20, 20}, sf::Color(0, 0, 200));
    drawShapes(texture, shapes);
    sf::VertexArray seeThrough(sf::Triangles);
    fillRectangle(seeThrough, {20, 0, 20, 20}, sf::Color(0, 0, 200, 128));
    drawShapes(texture, seeThrough);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();
    CHECK(image.getPixel(10, 10) == sf::Color(0, 0, 200));
    const sf::Color mixed = image.getPixel(30, 10);
    CHECK(mixed.r > 80);
    CHECK(mixed.r < 120);
    CHECK(mixed.b > 80);
    CHECK(mixed.b < 120);
    CHECK(mixed.a == 255);
}
