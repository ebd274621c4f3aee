#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/Coach.hpp"
#include "app/Fonts.hpp"
#include "app/Palette.hpp"
#include "app/Speech.hpp"
#include "app/Tones.hpp"
#include "app/Widgets.hpp"
#include "app/WindowFrontEnd.hpp"
#include "app/screens/BodyScreen.hpp"
#include "app/screens/EditorScreen.hpp"
#include "app/screens/EndScreen.hpp"
#include "app/screens/ExploreScreen.hpp"
#include "app/screens/HelpScreen.hpp"
#include "app/screens/ListScreen.hpp"
#include "app/screens/NotFitScreen.hpp"
#include "app/screens/ProgressScreen.hpp"
#include "app/screens/SessionScreen.hpp"
#include "app/screens/SetupScreen.hpp"
#include "core/Clock.hpp"
#include "core/DataPaths.hpp"
#include "core/History.hpp"
#include "core/Session.hpp"

#include <SFML/Graphics.hpp>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

const std::vector<sf::Vector2u> kSizes = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

std::string sizeName(sf::Vector2u size) {
    return std::to_string(size.x) + "x" + std::to_string(size.y);
}

// The pictures are kept for a person to look at: the test says where.
fs::path shotsFolder() {
    const fs::path folder = fs::temp_directory_path() / "rollcoach-layout";
    fs::create_directories(folder);
    return folder;
}

// The longest texts a routine may hold: a 60-character step name and a 300-character cue.
const std::string kLongName = "Slow sweep along the inner edge of the shoulder blade, upward";
const std::string kLongCue =
    "Lean into the wall until the ball presses firmly but comfortably, then bend your knees a "
    "little and straighten them again so the ball rolls slowly along the muscle beside your "
    "shoulder blade; breathe out as you go down, keep your shoulders relaxed, and stop at once "
    "on sharp pain, numbness or tingling.";

std::string longRoutine(double xCm) {
    std::ostringstream yaml;
    yaml << "format: 1\ntitle: A routine with the longest texts a file may hold, to lay out\n"
            "drill: wall\nball: tennis\nschedule: {rounds: 2, switch_s: 10, lead_in_s: 0}\nsetup:\n"
            "  - Stand with your back to a wall, feet a short step from it, knees soft.\n"
            "  - Put the tennis ball between your shoulder blade and your spine, level with the "
            "middle of the blade.\n"
            "  - Lean back until you feel gentle pressure. Bend your knees to roll the ball up, "
            "straighten them to roll it down.\n"
            "  - You should feel muscle, never bone. Keep the ball off the spine.\nsteps:\n";
    for (int i = 0; i < 3; ++i) {
        yaml << "  - name: \"" << kLongName << "\"\n    cue: \"" << kLongCue
             << "\"\n    duration_s: 30\n    place: [{x_cm: " << xCm
             << ", y_cm: 10}]\n    motion: {pattern: horizontal, amplitude_cm: 2, period_s: 8}\n";
    }
    return yaml.str();
}

// No two boxes meet, and every box lies inside the window; then the picture, to look at.
void checkLayout(const Screen& screen, sf::Vector2u size, const std::string& what) {
    const auto& boxes = screen.boxes().all();
    INFO(what << " at " << sizeName(size));
    CHECK(boxes.size() >= 3);
    const float slack = 0.5f;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const auto& [name, box] = boxes[i];
        INFO(name << " " << box.left << "," << box.top << " " << box.width << "x" << box.height);
        CHECK(box.width > 0);
        CHECK(box.height > 0);
        CHECK(box.left >= -slack);
        CHECK(box.top >= -slack);
        CHECK(box.left + box.width <= static_cast<float>(size.x) + slack);
        CHECK(box.top + box.height <= static_cast<float>(size.y) + slack);
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const auto& [other, otherBox] = boxes[j];
            sf::FloatRect overlap;
            const bool meet = box.intersects(otherBox, overlap) && overlap.width > slack &&
                              overlap.height > slack;
            INFO("and " << other << " " << otherBox.left << "," << otherBox.top << " "
                        << otherBox.width << "x" << otherBox.height);
            CHECK_FALSE(meet);
        }
    }
    sf::RenderTexture texture;
    REQUIRE(texture.create(size.x, size.y));
    screen.draw(texture);
    texture.display();
    const fs::path file = shotsFolder() / (what + "-" + sizeName(size) + ".png");
    CHECK(texture.getTexture().copyToImage().saveToFile(file.string()));
}

} // namespace

TEST_CASE("the session screen: warning and tension prompt together, paused, counting down") {
    Harness h;
    // Near the spine, so the warning shows from the first second, with the tension prompt.
    Session session(routineFrom(longRoutine(3.5)), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    session.advance(2);
    REQUIRE_FALSE(session.snapshot().warning.empty());
    REQUIRE(session.snapshot().tensionPrompt.has_value());
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkLayout(screen, size, "session-warning-prompt");
    }
    session.pause();
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkLayout(screen, size, "session-paused");
    }
    session.resume();
    session.advance(Session::kResumeCountS); // the count after a pause
    session.askToLeave();
    session.advance(87 - 2); // 3 s before the switch
    REQUIRE(session.snapshot().countdown == 3);
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkLayout(screen, size, "session-countdown-leave");
    }
    session.stay();
    session.advance(4); // the switch
    REQUIRE(session.snapshot().switching);
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkLayout(screen, size, "session-switch");
    }
    MESSAGE("pictures in " << shotsFolder().string());
}

TEST_CASE("paused and asking at once: the time left stays, PAUSED beside it, the leave box large") {
    using Kind = SessionCommand::Kind;
    Harness h;
    Session session(routineFrom(twoStepRoutine(10)), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.update(24); // 14 s into the left side
    screen.control(SessionCommand::rated(5));
    REQUIRE(screen.snapshot().answer == "Left, before: 5");
    screen.control(SessionCommand::of(Kind::Pause));
    screen.control(SessionCommand::of(Kind::Leave));
    REQUIRE(screen.snapshot().paused);
    REQUIRE(screen.snapshot().askingToLeave);
    for (sf::Vector2u size : kSizes) {
        INFO(sizeName(size));
        screen.layout(size);
        checkLayout(screen, size, "session-paused-asking");
        const sf::FloatRect clock = screen.boxes()["clock"];
        const sf::FloatRect paused = screen.pausedArea();
        CHECK(paused.width > 0);
        CHECK_FALSE(paused.intersects(clock)); // beside or under the time, never over it
        CHECK(paused.left + paused.width <= static_cast<float>(size.x) + 0.5f);
        const sf::FloatRect leave = screen.leaveArea();
        CHECK(leave.width >= 0.6f * static_cast<float>(size.x));
        CHECK(leave.top >= 0);
        CHECK(leave.top + leave.height <= static_cast<float>(size.y));
        CHECK(screen.textSizes().leave >= screen.textSizes().stepName);
        CHECK(screen.textSizes().leave >= 24);
    }
    // The switch: the lift instruction large over the body, at least 28 px at any size.
    screen.control(SessionCommand::of(Kind::Stay));
    screen.control(SessionCommand::of(Kind::Resume));
    screen.update(3 + 26 + 1);
    REQUIRE(screen.snapshot().switching);
    for (sf::Vector2u size : kSizes) {
        INFO(sizeName(size));
        screen.layout(size);
        checkLayout(screen, size, "session-switch-lift");
        CHECK(screen.textSizes().lift >= 28);
        const sf::FloatRect body = screen.boxes()["body"];
        const sf::FloatRect lift = screen.liftArea();
        CHECK(lift.left >= body.left);
        CHECK(lift.left + lift.width <= body.left + body.width + 0.5f);
        CHECK(lift.top >= body.top);
        CHECK(lift.top + lift.height <= body.top + body.height + 0.5f);
        // The balls being placed are never under the box that says where to place them.
        for (const sf::FloatRect& placed : screen.placedAreas()) {
            CHECK_FALSE(lift.intersects(placed));
        }
    }
}

TEST_CASE("the switch's lift text keeps clear of the balls being placed, through the switch, "
          "at every size") {
    for (const char* file : {"lying-yoga-tune-up.yaml", "wall-tennis-ball.yaml"}) {
        INFO(file);
        Harness h;
        Session session(openRoutine(shippedRoutine(file), h.body).routine.value(), {}, Side::Left,
                        h.body, h.clock, nullptr);
        SessionScreen screen(h.app, session);
        for (int s = 0; s < 3600 && !screen.snapshot().switching; ++s) {
            screen.update(1);
        }
        REQUIRE(screen.snapshot().switching);
        int checked = 0;
        for (; screen.snapshot().switching; screen.update(0.5)) {
            for (sf::Vector2u size : kSizes) {
                INFO(sizeName(size));
                screen.layout(size);
                const sf::FloatRect lift = screen.liftArea();
                // Lifted, no ball shows; then they show at their place on the other side.
                const std::vector<sf::FloatRect> placed = screen.placedAreas();
                for (const sf::FloatRect& area : placed) {
                    CHECK_FALSE(lift.intersects(area));
                }
                checked += placed.empty() ? 0 : 1;
            }
        }
        CHECK(checked >= 4 * 8);
    }
}

TEST_CASE("the session screen by hand: strokes, strips, circles and the switch fit at every size") {
    Harness h;
    Session session(
        openRoutine(shippedRoutine("partner-upper-back-massage.yaml"), h.body).routine.value(), {},
        Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    // Effleurage (both sides, counted), petrissage, a counted strip, frictions, the switch, the
    // back of the neck and the rest with the hands off.
    double at = 0;
    for (double t : {16.0, 200.0, 445.0, 560.0, 685.0, 1030.0, 1195.0}) {
        session.advance(t - at);
        at = t;
        for (sf::Vector2u size : kSizes) {
            screen.layout(size);
            checkLayout(screen, size, "session-by-hand-" + std::to_string(static_cast<int>(t)));
        }
    }
    MESSAGE("pictures in " << shotsFolder().string());
}

TEST_CASE("readable from two metres at 1280x720: cue, arrows, clock and side") {
    Harness h;
    Session session(routineFrom(longRoutine(8)), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    screen.layout({1280, 720});
    CHECK(screen.textSizes().cue >= 32);
    CHECK(screen.textSizes().clock >= 48);
    CHECK(screen.textSizes().side >= 40);
    CHECK(SessionScreen::arrowWidth({1280, 720}) >= 6);
    // The shipped routine's texts leave room for larger sizes still.
    Session shipped(openRoutine(shippedRoutine("wall-tennis-ball.yaml"), h.body).routine.value(),
                    {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen plain(h.app, shipped);
    plain.layout({1280, 720});
    CHECK(plain.textSizes().cue >= 32);
    CHECK(plain.textSizes().clock >= 64);
    CHECK(plain.textSizes().side >= 48);
    CHECK(plain.textSizes().keys >= 18);
    CHECK(plain.textSizes().stop >= 18);
}

namespace {

// WCAG's contrast ratio between two colours.
double contrast(sf::Color a, sf::Color b) {
    auto luminance = [](sf::Color c) {
        auto channel = [](sf::Uint8 v) {
            const double s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("nothing that must be read is grey on dark: 7:1 against the background and panels") {
    for (sf::Color text : {palette::text, palette::dimText, palette::accent}) {
        INFO(int(text.r) << "," << int(text.g) << "," << int(text.b));
        CHECK(contrast(text, palette::background) >= 7);
        CHECK(contrast(text, palette::panel) >= 7);
    }
    // The amber of "lift the ball" and of the keys that start an unsafe routine.
    CHECK(contrast(palette::warningNear, palette::background) >= 7);
}

TEST_CASE("the list, setup, end and explorer screens fit at every size") {
    Harness h;
    h.clock = FixedClock{1795435200}; // a Monday: the shipped routines are due
    TempPath data("layout-list");
    fs::create_directories(data.path / "routines");
    std::ofstream(data.path / "routines" / "long.yaml") << longRoutine(8);
    std::ofstream(data.path / "routines" / "close.yaml") << longRoutine(1);
    std::ofstream(data.path / "routines" / "broken.yaml")
        << "format: 1\ntitle: Broken\ndrill: wall\nball: tennis\nsteps:\n  - nme: x\n";
    h.workspace.dataDir = data.path.string();
    ListScreen list(h.app);
    REQUIRE(list.entries().size() ==
            routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines").size() + 3);
    REQUIRE_FALSE(list.dueToday().empty());
    for (sf::Vector2u size : kSizes) {
        list.layout(size);
        checkLayout(list, size, "list");
    }

    SetupScreen safe(h.app, routineFrom(longRoutine(8)), {"long.yaml", "h"}, std::nullopt);
    SetupScreen unsafe(h.app, routineFrom(longRoutine(1)), {"close.yaml", "h"}, std::nullopt);
    REQUIRE(safe.warnings().empty());
    REQUIRE_FALSE(unsafe.warnings().empty());
    for (sf::Vector2u size : kSizes) {
        safe.layout(size);
        checkLayout(safe, size, "setup-safe");
        unsafe.layout(size);
        checkLayout(unsafe, size, "setup-unsafe");
    }

    Session session(routineFrom(longRoutine(8)), {}, Side::Left, h.body, h.clock, nullptr);
    while (!session.over()) {
        session.next();
    }
    REQUIRE(session.summary().tensionPrompt.has_value());
    EndScreen end(h.app, session);
    Session stopped(routineFrom(longRoutine(8)), {}, Side::Left, h.body, h.clock, nullptr);
    stopped.stopForPain();
    EndScreen pain(h.app, stopped);
    for (sf::Vector2u size : kSizes) {
        end.layout(size);
        checkLayout(end, size, "end");
        pain.layout(size);
        checkLayout(pain, size, "end-pain");
    }

    ExploreScreen explore(h.app);
    for (sf::Vector2u size : kSizes) {
        explore.layout(size);
        explore.placeBall({1, -2}); // on the spine and near the neck: the longest verdict
        checkLayout(explore, size, "explore-warning");
        explore.placeBall({8, 10});
        checkLayout(explore, size, "explore-safe");
    }
}

namespace {

constexpr std::int64_t kProgressMonday = 1795435200; // 2026-11-23 12:00 UTC

// One session in the history, `daysAgo` before the Monday above, with its check-ins:
// (side, before, after); -1 leaves a rating out.
void recordSession(History& history, const std::string& title, int daysAgo, const std::string& how,
                   std::vector<std::tuple<Side, int, int>> ratings) {
    const std::int64_t start = kProgressMonday - static_cast<std::int64_t>(daysAgo) * 86400;
    if (how == "interrupted") {
        // Begun in a process killed before it ended it, as a power cut would leave it.
        const std::string folder = fs::path(history.path()).parent_path().string();
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            std::string notice;
            auto other = History::open(folder, start, notice);
            other->beginSession(title, "h", title + ".yaml", start, Side::Left, 100);
            raise(SIGKILL);
            _exit(0);
        }
        int status = 0;
        waitpid(child, &status, 0);
        return;
    }
    const auto id = history.beginSession(title, "h", title + ".yaml", start, Side::Left, 100);
    for (const auto& [side, before, after] : ratings) {
        if (before >= 0) {
            history.recordCheckIn(id, {side, false, before, 1}, start + 10);
        }
        if (after >= 0) {
            history.recordCheckIn(id, {side, true, after, 1}, start + 300);
        }
    }
    history.endSession(id, how, "", 100, 100, start + 600);
}

bool showsText(const ProgressScreen& screen, const std::string& text) {
    const auto texts = screen.textsShown();
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

} // namespace

TEST_CASE("the editor fits at every size: a new routine, a ball near the spine, a question") {
    Harness h;
    TempPath data("layout-editor");
    h.workspace.dataDir = data.path.string();
    const std::string partner =
        std::string(ROLLCOACH_SOURCE_DIR) + "/routines/partner-upper-back-massage.yaml";
    EditorScreen fresh(h.app, (data.path / "new.yaml").string(), "wall");
    EditorScreen spine(h.app, (data.path / "spine.yaml").string(), "wall");
    EditorScreen byHand(h.app, partner, "wall");
    REQUIRE(fresh.draft() != nullptr);
    REQUIRE(byHand.draft() != nullptr);
    CHECK(byHand.savePath() ==
          (data.path / "routines" / "partner-upper-back-massage.yaml").string());
    spine.dropAt({2.5, 14}); // beside the spine: the verdict warns
    for (sf::Vector2u size : kSizes) {
        fresh.layout(size);
        checkLayout(fresh, size, "editor-new");
        spine.layout(size);
        checkLayout(spine, size, "editor-spine");
        byHand.layout(size);
        checkLayout(byHand, size, "editor-partner");
    }
    // Text typed into the title, over its limit: the count shows as it is typed.
    sf::Event enter;
    enter.type = sf::Event::KeyPressed;
    enter.key = {sf::Keyboard::Enter, false, false, false, false};
    fresh.handle(enter);
    REQUIRE(fresh.typing());
    sf::Event typed;
    typed.type = sf::Event::TextEntered;
    typed.text.unicode = U'é';
    for (int i = 0; i < 3; ++i) {
        fresh.handle(typed);
    }
    CHECK(fresh.draft()->routine().title == "Newééé");
    sf::Event escape = enter;
    escape.key.code = sf::Keyboard::Escape;
    fresh.handle(escape);
    CHECK_FALSE(fresh.typing());
    fresh.handle(escape); // unsaved: a question before leaving
    for (sf::Vector2u size : kSizes) {
        fresh.layout(size);
        checkLayout(fresh, size, "editor-question");
    }
}

TEST_CASE("the progress screen: dates, a labelled 0-10 axis, each side, at every size") {
    setenv("TZ", "UTC", 1);
    tzset();
    Harness h;
    h.clock = FixedClock{kProgressMonday};
    TempPath data("layout-progress");
    std::string notice;
    auto history = History::open(data.path.string(), kProgressMonday, notice);
    // Twelve sessions of the wall drill on both sides, more than the chart has room for.
    for (int i = 12; i >= 1; --i) {
        recordSession(*history, "Wall tennis-ball drill", i * 2, "finished",
                      {{Side::Left, 7, 7 - i % 4}, {Side::Right, 5, 4}});
    }
    // The lying drill rated on the left side only, and once before only.
    recordSession(*history, "Lying upper-trapezius drill", 5, "finished", {{Side::Left, 6, 3}});
    recordSession(*history, "Lying upper-trapezius drill", 3, "stopped", {{Side::Left, 8, -1}});
    // A routine whose only session was cut short before any rating.
    recordSession(*history, "Cut short", 1, "interrupted", {});
    h.app.history = history.get();

    ProgressScreen wall(h.app, "Wall tennis-ball drill");
    wall.waitForHistory();
    REQUIRE(wall.routineShown() == "Wall tennis-ball drill");
    REQUIRE(wall.progress().left.sessions.size() == 12);
    ProgressScreen lying(h.app, "Lying upper-trapezius drill");
    lying.waitForHistory();
    REQUIRE(lying.progress().right.sessions.empty());
    ProgressScreen cut(h.app); // the last used: the one cut short
    cut.waitForHistory();
    REQUIRE(cut.routineShown() == "Cut short");
    CHECK(cut.routines().size() == 3);
    CHECK(cut.summary().find("ended before a tension rating was given") != std::string::npos);
    for (sf::Vector2u size : kSizes) {
        wall.layout(size);
        checkLayout(wall, size, "progress");
        CHECK(wall.boxes().has("chart left"));
        CHECK(wall.boxes().has("chart right"));
        CHECK(wall.boxes().has("legend"));
        // The axis, labelled 0 to 10; the last session's date.
        CHECK(showsText(wall, "0"));
        CHECK(showsText(wall, "10"));
        CHECK(showsText(wall, "21 Nov"));
        lying.layout(size);
        checkLayout(lying, size, "progress-one-side");
        CHECK(showsText(lying, "No ratings for the right side yet: the charts show a side once a "
                               "session has a rating for it."));
        cut.layout(size);
        checkLayout(cut, size, "progress-cut-short");
        CHECK_FALSE(cut.boxes().has("chart left"));
        CHECK(cut.boxes().has("message"));
    }
    CHECK(lying.summary().find("Left side: 2 sessions, on average 7 before and 3 after, a "
                               "change of -3, one that matters.") != std::string::npos);
    CHECK(lying.summary().find("Right side: no ratings yet.") != std::string::npos);

    // No history at all, and a history that cannot be used: words, never an empty chart.
    Harness none;
    ProgressScreen empty(none.app);
    none.app.historyProblem = "the disk is full";
    ProgressScreen broken(none.app);
    for (sf::Vector2u size : kSizes) {
        empty.layout(size);
        checkLayout(empty, size, "progress-empty");
        CHECK(empty.boxes().has("message"));
        CHECK_FALSE(empty.boxes().has("chart left"));
        broken.layout(size);
        CHECK(broken.boxes().has("message"));
    }
    CHECK(broken.summary().find("the disk is full") != std::string::npos);
    MESSAGE("pictures in " << shotsFolder().string());
}

TEST_CASE("the progress screen: arrows, buttons and Esc") {
    Harness h;
    TempPath data("progress-keys");
    std::string notice;
    auto history = History::open(data.path.string(), kProgressMonday, notice);
    recordSession(*history, "A", 2, "finished", {{Side::Left, 5, 2}});
    recordSession(*history, "B", 1, "finished", {{Side::Right, 5, 4}});
    h.app.history = history.get();
    ProgressScreen screen(h.app);
    screen.waitForHistory();
    screen.layout({1280, 720});
    CHECK(screen.routineShown() == "B");
    sf::Event right;
    right.type = sf::Event::KeyPressed;
    right.key = {sf::Keyboard::Right, false, false, false, false};
    CHECK(screen.handle(right).kind == ScreenRequest::Kind::None);
    CHECK(screen.routineShown() == "A");
    // The same by mouse: the buttons are where the layout put them.
    for (const char* name : {"button previous", "button next"}) {
        REQUIRE(screen.boxes().has(name));
        const sf::FloatRect box = screen.boxes()[name];
        sf::Event click;
        click.type = sf::Event::MouseButtonPressed;
        click.mouseButton = {sf::Mouse::Left, static_cast<int>(box.left + box.width / 2),
                             static_cast<int>(box.top + box.height / 2)};
        screen.handle(click);
    }
    CHECK(screen.routineShown() == "A");
    const sf::FloatRect back = screen.boxes()["button back"];
    sf::Event click;
    click.type = sf::Event::MouseButtonPressed;
    click.mouseButton = {sf::Mouse::Left, static_cast<int>(back.left + 2),
                         static_cast<int>(back.top + 2)};
    CHECK(screen.handle(click).kind == ScreenRequest::Kind::Back);
    sf::Event esc;
    esc.type = sf::Event::KeyPressed;
    esc.key = {sf::Keyboard::Escape, false, false, false, false};
    CHECK(screen.handle(esc).kind == ScreenRequest::Kind::Back);
}

TEST_CASE("the list shows this week at a glance, in words, and opens the progress screen") {
    setenv("TZ", "UTC", 1);
    tzset();
    Harness h;
    h.clock = FixedClock{kProgressMonday + 3 * 86400}; // Thursday
    TempPath data("layout-week");
    std::string notice;
    auto history = History::open(data.path.string(), kProgressMonday, notice);
    // The wall drill (Mon, Wed, Fri): done on Monday, missed on Wednesday.
    recordSession(*history, "Wall tennis-ball drill", 0, "finished", {});
    // The lying drill (Tue, Thu, Sat): a part of it on Tuesday.
    {
        const auto id = history->beginSession("Lying upper-trapezius drill", "h", "lying.yaml",
                                              kProgressMonday + 86400, Side::Left, 100);
        history->endSession(id, "stopped", "", 30, 0, kProgressMonday + 86400 + 60);
    }
    h.workspace.dataDir = data.path.string();
    h.app.history = history.get();
    ListScreen list(h.app);
    const PlanKeptSummary week = summarisePlanKept(list.week());
    CHECK(week.done == 1);
    CHECK(week.partial == 1);
    CHECK(week.missed == 1);
    CHECK(week.stillDue == 3);
    for (sf::Vector2u size : kSizes) {
        list.layout(size);
        checkLayout(list, size, "list-week");
        REQUIRE(list.boxes().has("week"));
        REQUIRE(list.boxes().has("week words"));
        REQUIRE(list.boxes().has("buttons"));
    }
    sf::Event p;
    p.type = sf::Event::KeyPressed;
    p.key = {sf::Keyboard::P, false, false, false, false};
    CHECK(list.handle(p).kind == ScreenRequest::Kind::Progress);
}

TEST_CASE("full screen: F and F11 toggle it, the window opens again at the desktop's size") {
    sf::Event f;
    f.type = sf::Event::KeyPressed;
    f.key = {sf::Keyboard::F, false, false, false, false};
    CHECK(isFullScreenKey(f));
    f.key.code = sf::Keyboard::F11;
    CHECK(isFullScreenKey(f));
    f.key.code = sf::Keyboard::Space;
    CHECK_FALSE(isFullScreenKey(f));

    Harness h;
    Session session(routineFrom(longRoutine(3.5)), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    sf::RenderWindow window;
    for (bool full : {true, false, true}) {
        openWindow(window, full);
        REQUIRE(window.isOpen());
        if (full) {
            CHECK(window.getSize() == sf::Vector2u(sf::VideoMode::getDesktopMode().width,
                                                   sf::VideoMode::getDesktopMode().height));
        }
        screen.layout(window.getSize());
        screen.draw(window);
        window.display();
    }
    window.close();
    // And a whole session run, full screen from the start.
    const std::string command = std::string(ROLLCOACH_BINARY) + " run " +
                                shippedRoutine("wall-tennis-ball.yaml") +
                                " --fullscreen --autostart --speed 200 --frames 20 --mute "
                                "> /dev/null 2>&1";
    CHECK(std::system(command.c_str()) == 0);
}

TEST_CASE("a word longer than a line is cut at the line's end, never past it") {
    Harness h;
    const std::string path = "/home/someone/.local/share/rollcoach/routines/" +
                             std::string(120, 'x') + "/a-very-long-folder-name-without-spaces";
    for (unsigned width : {200u, 400u}) {
        const sf::Vector2f size = measureText(h.fonts->regular, "Your routines go in " + path, 24,
                                              static_cast<float>(width));
        CHECK(size.x <= static_cast<float>(width));
        CHECK(size.y > 24 * 3);
    }
    // A list screen whose folder is such a path still lays out at the smallest size.
    TempPath data("layout-long-path");
    const fs::path deep = data.path / std::string(150, 'y');
    fs::create_directories(deep);
    h.workspace.dataDir = deep.string();
    ListScreen list(h.app);
    list.layout({800, 600});
    checkLayout(list, {800, 600}, "list-long-path");
    CHECK(list.boxes().has("own routines"));
}

TEST_CASE("a window too small for everything still shows every screen, crowded") {
    Harness h;
    Session session(routineFrom(longRoutine(3.5)), {}, Side::Left, h.body, h.clock, nullptr);
    session.advance(2);
    SessionScreen screen(h.app, session);
    ListScreen list(h.app);
    ExploreScreen explore(h.app);
    for (sf::Vector2u size : {sf::Vector2u(320, 240), sf::Vector2u(200, 700)}) {
        screen.layout(size);
        CHECK(screen.boxes().has("cue"));
        CHECK(screen.boxes().has("stop"));
        list.layout(size);
        CHECK(list.boxes().has("stop"));
        explore.layout(size);
        CHECK(explore.boxes().has("stop"));
        sf::RenderTexture texture;
        REQUIRE(texture.create(size.x, size.y));
        screen.draw(texture);
        list.draw(texture);
        explore.draw(texture);
    }
}

TEST_CASE("the session screen while getting ready and counting back in after a pause") {
    Harness h;
    std::string yaml = longRoutine(8);
    yaml.replace(yaml.find("lead_in_s: 0"), 12, "lead_in_s: 10");
    Session session(routineFrom(yaml), {}, Side::Left, h.body, h.clock, nullptr);
    SessionScreen screen(h.app, session);
    session.advance(8); // getting ready, the count into the first step showing
    REQUIRE(session.snapshot().gettingReady);
    REQUIRE(session.snapshot().countdown == 2);
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkLayout(screen, size, "session-get-ready");
    }
    session.pause();
    session.resume();
    REQUIRE(session.snapshot().resumingIn == 3);
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkLayout(screen, size, "session-resuming");
    }
}

TEST_CASE("the body screen and the not-fit screen fit at every size") {
    Harness h;
    BodyScreen fits(h.app, shippedRoutine("lying-yoga-tune-up.yaml"), true);
    // The narrowest body, with the hands of the partner massage on it.
    h.workspace.bodyProfile = "women";
    h.workspace.shoulderWidthCm = 30;
    BodyScreen narrow(h.app, shippedRoutine("partner-upper-back-massage.yaml"), false);
    NotFitScreen notFit(h.app, "tip.yaml", "A routine placed for broad shoulders only",
                        "ball 1 of step 1 (\"Along the shoulder tip\") reaches over the edge of "
                        "the body on your body");
    for (sf::Vector2u size : kSizes) {
        fits.layout(size);
        checkLayout(fits, size, "body-first");
        narrow.layout(size);
        checkLayout(narrow, size, "body-narrow");
        notFit.layout(size);
        checkLayout(notFit, size, "not-fit");
    }
    MESSAGE("pictures in " << shotsFolder().string());
}
namespace {

sf::Event keyEvent(sf::Keyboard::Key key, bool shift = false) {
    sf::Event event;
    event.type = sf::Event::KeyPressed;
    event.key = {key, false, false, shift, false};
    return event;
}

sf::Event typed(char c) {
    sf::Event event;
    event.type = sf::Event::TextEntered;
    event.text.unicode = static_cast<sf::Uint32>(c);
    return event;
}

bool placed(const std::vector<PlacedText>& texts, const std::string& part) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const PlacedText& t) { return t.text.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("the help: keys, media keys, gamepad, voice and files, readable at every size") {
    Harness h;
    h.workspace.dataDir = "/home/someone/.local/share/rollcoach";
    h.workspace.settingsFile = "/home/someone/.config/rollcoach/settings.yaml";
    HelpScreen help(h.app);
    for (sf::Vector2u size : kSizes) {
        help.layout(size);
        checkLayout(help, size, "help");
        INFO(sizeName(size) << ": smallest text " << help.smallestText() << " px");
        // From two metres: no text under a fortieth of the window's shorter side (16 px at
        // 800x600, 26 at 1920x1080), and nothing left out.
        CHECK(static_cast<float>(help.smallestText()) >=
              static_cast<float>(std::min(size.x, size.y)) / 40.f);
        for (const HelpSection& section : helpSections(h.workspace)) {
            CHECK(placed(help.texts(), section.heading));
            for (const std::string& line : section.lines) {
                CHECK(placed(help.texts(), line));
            }
        }
    }
    for (const char* part : {"Space: pause and resume", "X: stop at once", "Play/pause",
                             "A: pause and resume", "pause, resume, next, back, or stop",
                             "/home/someone/.local/share/rollcoach/history.sqlite",
                             "/home/someone/.config/rollcoach/settings.yaml", "F1, H or ?"}) {
        CHECK(placed(help.texts(), part));
    }
    MESSAGE("pictures in " << shotsFolder().string());
}

TEST_CASE("F1, H and ? show the help over any screen, and X under it still stops the session") {
    Harness h;
    std::ostringstream err;
    WindowRequest request;
    request.mode = WindowRequest::Mode::Run;
    request.routineFile = shippedRoutine("wall-tennis-ball.yaml");
    request.autostart = true;
    const std::optional<RoutineEntry> given;
    Coach coach(h.app, request, given, err);
    REQUIRE(coach.start({1280, 720}));
    REQUIRE(coach.session() != nullptr);
    REQUIRE(dynamic_cast<SessionScreen*>(coach.current()) != nullptr);
    coach.current()->update(12);

    // F1 shows it, and the session waits, paused, under it.
    CHECK(coach.help(keyEvent(sf::Keyboard::F1)));
    CHECK(dynamic_cast<HelpScreen*>(coach.current()) != nullptr);
    CHECK(coach.session()->paused());
    // Any other key closes it; the "?" that key may type opens nothing.
    CHECK(coach.help(keyEvent(sf::Keyboard::Slash, true)));
    CHECK(coach.help(typed('?')));
    CHECK(dynamic_cast<SessionScreen*>(coach.current()) != nullptr);
    // A "?" typed (Shift, then the key) shows it; Shift alone does not close it.
    CHECK_FALSE(coach.help(keyEvent(sf::Keyboard::LShift, true)));
    CHECK_FALSE(coach.help(keyEvent(sf::Keyboard::Slash, true)));
    CHECK(coach.help(typed('?')));
    REQUIRE(dynamic_cast<HelpScreen*>(coach.current()) != nullptr);
    CHECK(coach.help(keyEvent(sf::Keyboard::LShift, true)));
    CHECK(dynamic_cast<HelpScreen*>(coach.current()) != nullptr);
    CHECK(coach.help(keyEvent(sf::Keyboard::H)));
    CHECK(dynamic_cast<SessionScreen*>(coach.current()) != nullptr);
    CHECK(coach.help(keyEvent(sf::Keyboard::H)));
    // X closes the help and goes on to the session, which stops at once.
    CHECK_FALSE(coach.help(keyEvent(sf::Keyboard::X)));
    REQUIRE(dynamic_cast<SessionScreen*>(coach.current()) != nullptr);
    coach.follow(coach.current()->handle(keyEvent(sf::Keyboard::X)));
    CHECK(coach.session()->over());
    coach.finish();
}

TEST_CASE("the list opens on what is due today, and says when speech cannot be heard") {
    Harness h;
    TempPath data("layout-due");
    h.workspace.dataDir = data.path.string();
    const auto selectedFile = [&](std::int64_t now) {
        h.clock = FixedClock{now};
        ListScreen list(h.app);
        REQUIRE(list.selected() < list.entries().size());
        return fs::path(list.entries()[list.selected()].file).filename().string();
    };
    CHECK(selectedFile(1795435200) == "wall-tennis-ball.yaml");           // a Monday
    CHECK(selectedFile(1795435200 + 86400) == "lying-yoga-tune-up.yaml"); // a Tuesday

    h.clock = FixedClock{1795435200};
    h.app.speechProblem = speechMissingNotice();
    CHECK(h.app.speechProblem.find("sudo apt install espeak-ng") != std::string::npos);
    ListScreen list(h.app);
    SetupScreen setup(h.app,
                      openRoutine(shippedRoutine("wall-tennis-ball.yaml"), h.body).routine.value(),
                      {}, std::nullopt);
    for (sf::Vector2u size : kSizes) {
        list.layout(size);
        checkLayout(list, size, "list-no-speech");
        CHECK(list.boxes().has("speech problem"));
        setup.layout(size);
        checkLayout(setup, size, "setup-no-speech");
        CHECK(setup.boxes().has("speech problem"));
    }
}

TEST_CASE("every drill's posture is shown large on the setup, the get-ready and a moving step") {
    Harness h;
    for (const char* name : {"wall-tennis-ball", "lying-yoga-tune-up", "partner-upper-back-massage",
                             "self-pressure-point"}) {
        const std::string file = std::string(ROLLCOACH_SOURCE_DIR) + "/routines/" + name + ".yaml";
        RoutineLoad load = loadRoutineFile(file, h.body);
        REQUIRE(load.routine.has_value());
        SetupScreen setup(h.app, *load.routine, {file, "h"}, Side::Left);
        Session session(*load.routine, {}, Side::Left, h.body, h.clock, nullptr);
        SessionScreen screen(h.app, session);
        for (sf::Vector2u size : kSizes) {
            INFO(name << " at " << sizeName(size));
            const float screenArea = static_cast<float>(size.x) * static_cast<float>(size.y);
            setup.layout(size);
            REQUIRE(setup.boxes().has("posture"));
            const sf::FloatRect picture = setup.boxes()["posture"];
            // Not a thumbnail: a fair share of the screen at every size.
            CHECK(picture.width * picture.height > screenArea * 0.06f);
            checkLayout(setup, size, std::string("setup-posture-") + name);

            screen.layout(size);
            REQUIRE(screen.boxes().has("posture"));
            const sf::FloatRect posture = screen.boxes()["posture"];
            CHECK(posture.height >= 110 * Canvas::of(size).u - 0.5f);
            CHECK(posture.width * posture.height > screenArea * 0.05f);
        }
        session.advance(3);
        REQUIRE(session.snapshot().gettingReady);
        for (sf::Vector2u size : kSizes) {
            screen.layout(size);
            checkLayout(screen, size, std::string("session-posture-ready-") + name);
        }
        // Into the first step that moves.
        while (!session.over() &&
               (session.snapshot().step == nullptr || session.snapshot().gettingReady ||
                session.snapshot().step->motion.pattern == Pattern::Hold)) {
            session.next();
        }
        REQUIRE_FALSE(session.over());
        session.advance(1.5);
        for (sf::Vector2u size : kSizes) {
            screen.layout(size);
            checkLayout(screen, size, std::string("session-posture-moving-") + name);
        }
    }
}

TEST_CASE("the help over the editor: every editor key, readable at every size") {
    Harness h;
    h.workspace.dataDir = "/home/someone/.local/share/rollcoach";
    h.workspace.settingsFile = "/home/someone/.config/rollcoach/settings.yaml";
    HelpScreen help(h.app, true);
    for (sf::Vector2u size : kSizes) {
        help.layout(size);
        checkLayout(help, size, "help-editor");
        INFO(sizeName(size) << ": smallest text " << help.smallestText() << " px");
        CHECK(static_cast<float>(help.smallestText()) >=
              static_cast<float>(std::min(size.x, size.y)) / 40.f);
        for (const HelpSection& section : helpSections(h.workspace, true)) {
            for (const std::string& line : section.lines) {
                CHECK(placed(help.texts(), line));
            }
        }
    }
    // Every key the editor takes.
    for (const char* key :
         {"Tab",          "Enter",       "Arrows",       "1-4",     "P, Shift+P",   "Ctrl+P",
          "Ctrl+Shift+P", "Ctrl+B",      "Ctrl+Shift+B", "Page Up", "Insert",       "Ctrl+N",
          "Ctrl+D",       "Ctrl+Delete", "Ctrl+Up",      "Ctrl+L",  "Ctrl+Shift+L", "Ctrl+V",
          "Ctrl+Z",       "Ctrl+Y",      "Ctrl+Shift+Z", "Ctrl+S",  "Esc"}) {
        bool found = false;
        for (const HelpSection& section : helpSections(h.workspace, true)) {
            for (const std::string& line : section.lines) {
                found = found || line.find(key) != std::string::npos;
            }
        }
        CAPTURE(key);
        CHECK(found);
    }
}
