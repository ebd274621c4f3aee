#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/Coach.hpp"
#include "app/screens/BodyScreen.hpp"
#include "app/screens/ListScreen.hpp"
#include "app/screens/NotFitScreen.hpp"
#include "app/screens/SetupScreen.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"

#include <SFML/Graphics.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

sf::Event key(sf::Keyboard::Key code) {
    sf::Event event;
    event.type = sf::Event::KeyPressed;
    event.key = {code, false, false, false, false};
    return event;
}

sf::Event joystickButton(unsigned button) {
    sf::Event event;
    event.type = sf::Event::JoystickButtonPressed;
    event.joystickButton = {0, button};
    return event;
}

sf::Event clickOn(sf::FloatRect box) {
    sf::Event event;
    event.type = sf::Event::MouseButtonPressed;
    event.mouseButton = {sf::Mouse::Left, static_cast<int>(box.left + box.width / 2),
                         static_cast<int>(box.top + box.height / 2)};
    return event;
}

std::string readAll(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A ball near the shoulder's tip: on the average man, off the average woman.
const std::string kNearTheTip =
    "format: 1\ntitle: Near the shoulder tip\ndrill: wall\nball: tennis\nsteps:\n"
    "  - name: S\n    duration_s: 20\n    place: [{x_cm: 18, y_cm: 10}]\n    motion: hold\n";

} // namespace

TEST_CASE("the body screen on the first start: keys set the body, Enter saves it, the app uses "
          "it at once") {
    Harness h;
    TempPath config("body-first");
    const fs::path settings = config.path / "settings.yaml";
    std::ofstream(settings) << "# my settings\ntime: \"7:30\"  # before work\n";
    h.workspace.settingsFile = settings.string();
    h.workspace.settings.bodyAsked = false;
    WindowRequest request; // the list
    std::ostringstream err;
    const std::optional<RoutineEntry> none;
    Coach coach(h.app, request, none, err);
    REQUIRE(coach.start({1280, 720}));
    auto* screen = dynamic_cast<BodyScreen*>(coach.current());
    REQUIRE(screen != nullptr);
    CHECK(screen->boxes().has("body"));
    CHECK_FALSE(screen->fitText().empty()); // the first routine of the list, on the body

    // Women; Tab to the shoulders, two steps down; Tab to the height, three up.
    CHECK(coach.follow(screen->handle(key(sf::Keyboard::Right))));
    CHECK(screen->draft().profile.name == "women");
    CHECK(screen->preview().sex == "women");
    coach.follow(screen->handle(key(sf::Keyboard::Tab)));
    coach.follow(screen->handle(key(sf::Keyboard::Subtract)));
    coach.follow(screen->handle(key(sf::Keyboard::Left)));
    const double shoulders = *screen->draft().profile.shoulderWidthCm;
    CHECK(screen->preview().shoulderWidthCm == shoulders);
    coach.follow(screen->handle(key(sf::Keyboard::Tab)));
    for (int i = 0; i < 3; ++i) {
        coach.follow(screen->handle(key(sf::Keyboard::Add)));
    }
    const double height = *screen->draft().profile.heightCm;
    CHECK(coach.follow(screen->handle(key(sf::Keyboard::Enter))));

    // Saved, with the person's lines kept; the list shows; the app's body is the new one.
    const std::string text = readAll(settings);
    CHECK(text.rfind("# my settings\ntime: \"7:30\"  # before work\n", 0) == 0);
    CHECK(text.find("body: women\n") != std::string::npos);
    CHECK(text.find("shoulder_width_cm: " + centimetresText(shoulders) + "\n") !=
          std::string::npos);
    CHECK(text.find("height_cm: " + centimetresText(height) + "\n") != std::string::npos);
    CHECK(text.find("body_asked: true\n") != std::string::npos);
    REQUIRE(dynamic_cast<ListScreen*>(coach.current()) != nullptr);
    CHECK(h.body.sex == "women");
    CHECK(h.body.shoulderWidthCm == shoulders);
    CHECK(h.body.heightCm == height);
    CHECK(h.workspace.settings.bodyAsked);
    Diagnostics problems;
    CHECK(parseSettings(text, problems).body == "women");
    CHECK(problems.empty());

    // The setup screen says which body it checked for.
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::Enter))));
    auto* setup = dynamic_cast<SetupScreen*>(coach.current());
    REQUIRE(setup != nullptr);
    CHECK(setup->boxes().has("body row"));
    // B opens the body screen from there too; Esc leaves it without saving.
    CHECK(coach.follow(setup->handle(key(SetupScreen::kBodyKey))));
    auto* again = dynamic_cast<BodyScreen*>(coach.current());
    REQUIRE(again != nullptr);
    CHECK(again->draft().profile.name == "women");
    coach.follow(again->handle(key(sf::Keyboard::Up))); // to the height
    coach.follow(again->handle(key(sf::Keyboard::Right)));
    CHECK(coach.follow(again->handle(key(sf::Keyboard::Escape))));
    CHECK(dynamic_cast<SetupScreen*>(coach.current()) != nullptr);
    CHECK(readAll(settings) == text);
    CHECK(h.body.heightCm == height);
}

TEST_CASE("the body screen: Skip keeps the average body and is not offered again") {
    Harness h;
    TempPath config("body-skip");
    const fs::path settings = config.path / "settings.yaml";
    h.workspace.settingsFile = settings.string();
    h.workspace.settings.bodyAsked = false;
    const BodyModel before = h.body;
    WindowRequest request;
    std::ostringstream err;
    const std::optional<RoutineEntry> none;
    Coach coach(h.app, request, none, err);
    REQUIRE(coach.start({1280, 720}));
    REQUIRE(dynamic_cast<BodyScreen*>(coach.current()) != nullptr);
    CHECK(coach.follow(coach.current()->handle(key(sf::Keyboard::S))));
    CHECK(dynamic_cast<ListScreen*>(coach.current()) != nullptr);
    CHECK(readAll(settings) == "body_asked: true\n");
    CHECK(h.body.describe() == before.describe());

    // Opened again the settings say it was asked: the list comes first.
    Coach next(h.app, request, none, err);
    REQUIRE(next.start({1280, 720}));
    CHECK(dynamic_cast<ListScreen*>(next.current()) != nullptr);
    // B on the list opens it.
    CHECK(next.follow(next.current()->handle(key(sf::Keyboard::B))));
    CHECK(dynamic_cast<BodyScreen*>(next.current()) != nullptr);
}

TEST_CASE("the body screen with the mouse and a gamepad") {
    Harness h;
    TempPath config("body-mouse");
    const fs::path settings = config.path / "settings.yaml";
    h.workspace.settingsFile = settings.string();
    BodyScreen screen(h.app, shippedRoutine("wall-tennis-ball.yaml"), false);
    screen.layout({1280, 720});
    // The buttons are found where the layout put them: inside the fields' rows.
    const sf::FloatRect height = screen.boxes()["field height"];
    const sf::FloatRect shoulders = screen.boxes()["field shoulders"];
    REQUIRE(height.width > 0);
    const double start = screen.preview().shoulderWidthCm;
    // "+" is the rightmost button of its row.
    sf::Event plus =
        clickOn({shoulders.left + shoulders.width - 20, shoulders.top, 10, shoulders.height});
    screen.handle(plus);
    CHECK(screen.preview().shoulderWidthCm > start);
    CHECK(screen.draft().field == BodyField::ShoulderWidth);
    // Gamepad: the right shoulder button steps up, Back goes to the next measure, A saves.
    const double after = screen.preview().shoulderWidthCm;
    screen.handle(joystickButton(5));
    CHECK(screen.preview().shoulderWidthCm == after + 0.5);
    screen.handle(joystickButton(6));
    CHECK(screen.draft().field == BodyField::Height);
    CHECK(screen.handle(joystickButton(0)).kind == ScreenRequest::Kind::BodyChanged);
    CHECK(readAll(settings).find("shoulder_width_cm: " + centimetresText(after + 0.5)) !=
          std::string::npos);
    // A settings file that cannot be written: the screen says so and stays.
    h.workspace.settingsFile = (settings / "inside").string();
    CHECK(screen.handle(key(sf::Keyboard::Enter)).kind == ScreenRequest::Kind::None);
    CHECK_FALSE(screen.problem().empty());
    CHECK(screen.boxes().has("problem"));
}

TEST_CASE("a routine that does not fit: the list names it and says why, run FILE shows it in "
          "the window, and setting the body makes it fit") {
    Harness h;
    TempPath data("body-notfit");
    fs::create_directories(data.path / "routines");
    const fs::path file = data.path / "routines" / "tip.yaml";
    std::ofstream(file) << kNearTheTip;
    h.workspace.dataDir = data.path.string();
    TempPath config("body-notfit-config");
    h.workspace.settingsFile = (config.path / "settings.yaml").string();
    h.workspace.bodyProfile = "women";
    std::string why;
    h.body = *loadBody(h.workspace, why);

    ListScreen list(h.app);
    std::size_t row = list.entries().size();
    for (std::size_t i = 0; i < list.entries().size(); ++i) {
        if (list.entries()[i].file == file.string()) {
            row = i;
        }
    }
    REQUIRE(row < list.entries().size());
    CHECK(list.notFit(row).first == "Near the shoulder tip");
    CHECK(list.notFit(row).second.find("your body") != std::string::npos);

    WindowRequest request;
    request.mode = WindowRequest::Mode::Run;
    request.routineFile = file.string();
    RoutineLoad load = openRoutine(request.routineFile, h.body);
    REQUIRE_FALSE(load.routine);
    const std::optional<RoutineEntry> given =
        RoutineEntry{request.routineFile, false, std::nullopt, load.hash, load.diagnostics, 0, std::nullopt, {}};
    std::ostringstream err;
    Coach coach(h.app, request, given, err);
    REQUIRE(coach.start({1280, 720}));
    auto* notFit = dynamic_cast<NotFitScreen*>(coach.current());
    REQUIRE(notFit != nullptr);
    CHECK(coach.givenDoesNotFit());
    CHECK(notFit->reason().find("your body") != std::string::npos);
    // B: the body screen, with this routine on it, not fitting.
    CHECK(coach.follow(notFit->handle(key(sf::Keyboard::B))));
    auto* body = dynamic_cast<BodyScreen*>(coach.current());
    REQUIRE(body != nullptr);
    CHECK_FALSE(body->routine().fits());
    CHECK(body->fitText().find("does not fit") != std::string::npos);
    // Broader shoulders: it fits, and saving shows its setup screen.
    body->handle(key(sf::Keyboard::Tab));
    for (int i = 0; i < 30 && !body->routine().fits(); ++i) {
        body->handle(key(sf::Keyboard::Right));
    }
    CHECK(body->routine().fits());
    CHECK(body->fitText().find("fits this body") != std::string::npos);
    CHECK(coach.follow(body->handle(key(sf::Keyboard::Enter))));
    CHECK(dynamic_cast<SetupScreen*>(coach.current()) != nullptr);
    CHECK_FALSE(coach.givenDoesNotFit());
}
