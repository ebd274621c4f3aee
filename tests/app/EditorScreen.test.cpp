#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/screens/EditorScreen.hpp"
#include "core/Language.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/TextFile.hpp"
#include "core/Translate.hpp"

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libintl.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

sf::Event keyEvent(sf::Keyboard::Key code, bool control = false, bool shift = false) {
    sf::Event event;
    event.type = sf::Event::KeyPressed;
    event.key = {code, false, control, shift, false};
    return event;
}

sf::Event typed(char32_t c) {
    sf::Event event;
    event.type = sf::Event::TextEntered;
    event.text.unicode = static_cast<sf::Uint32>(c);
    return event;
}

// The verdict box's headline: the first text laid out that judges a place (it comes before
// the routine's problems, which may name the spine too).
std::string verdictShown(const EditorScreen& editor) {
    for (const PlacedText& text : editor.texts()) {
        if (text.text.find("Clear") != std::string::npos ||
            text.text.find("spine") != std::string::npos) {
            return text.text;
        }
    }
    return {};
}

std::string contents(const fs::path& file) {
    return readTextFile(file.string(), 1 << 20).text;
}

} // namespace

TEST_CASE("the editor: a new step, undone and redone, saved with Ctrl+S as a file that loads") {
    Harness h;
    TempPath data("editor-keys");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path file = data.path / "new.yaml";
    EditorScreen editor(h.app, file.string(), "lying");
    editor.layout({1280, 720});
    REQUIRE(editor.draft() != nullptr);
    CHECK(editor.draft()->routine().drill == Drill::Lying);
    CHECK(editor.savePath() == file.string());
    CHECK_FALSE(editor.draft()->modified());

    editor.handle(keyEvent(sf::Keyboard::Insert));
    CHECK(editor.draft()->routine().steps.size() == 3);
    CHECK(editor.step() == 1);
    editor.handle(keyEvent(sf::Keyboard::Z, true));
    CHECK(editor.draft()->routine().steps.size() == 2);
    editor.handle(keyEvent(sf::Keyboard::Z, true, true)); // Ctrl+Shift+Z redoes
    CHECK(editor.draft()->routine().steps.size() == 3);
    editor.handle(keyEvent(sf::Keyboard::Z, true));
    editor.handle(keyEvent(sf::Keyboard::Y, true)); // and so does Ctrl+Y
    CHECK(editor.draft()->routine().steps.size() == 3);

    // The arrow keys move the ball half a centimetre, stored by anatomy.
    const Point before = *resolvePlace(editor.draft()->routine().steps[1].place[0], h.body);
    editor.handle(keyEvent(sf::Keyboard::Right));
    const Point after = *resolvePlace(editor.draft()->routine().steps[1].place[0], h.body);
    CHECK(after.xCm == doctest::Approx(before.xCm + 0.5).epsilon(0.001));
    CHECK(editor.draft()->routine().steps[1].place[0].byAnatomy());

    editor.handle(keyEvent(sf::Keyboard::S, true));
    REQUIRE(fs::exists(file));
    CHECK_FALSE(editor.draft()->modified());
    const RoutineLoad load = openRoutine(file.string(), h.body);
    REQUIRE(load.routine);
    CHECK(load.diagnostics.empty());
    CHECK(load.routine->steps.size() == 3);
    // Nothing unsaved: Esc leaves at once.
    CHECK(editor.handle(keyEvent(sf::Keyboard::Escape)).kind == ScreenRequest::Kind::Back);
}

TEST_CASE("the editor: typed text takes H, F and ?, and unsaved changes are asked about") {
    Harness h;
    TempPath data("editor-typing");
    h.workspace.dataDir = (data.path / "data").string();
    EditorScreen editor(h.app, (data.path / "x.yaml").string(), "wall");
    editor.layout({800, 600});
    editor.handle(keyEvent(sf::Keyboard::Enter)); // the title
    REQUIRE(editor.typing());
    editor.handle(keyEvent(sf::Keyboard::End));
    for (const char32_t c : std::u32string(U" Hf? ÅÍ")) {
        editor.handle(typed(c));
    }
    editor.handle(keyEvent(sf::Keyboard::BackSpace));
    editor.handle(keyEvent(sf::Keyboard::Home));
    editor.handle(keyEvent(sf::Keyboard::Delete));
    CHECK(editor.draft()->routine().title == " Hf? Å");
    CHECK_FALSE(editor.status().empty());
    editor.handle(keyEvent(sf::Keyboard::Enter));
    CHECK_FALSE(editor.typing());
    // A blank title cannot be saved.
    editor.handle(keyEvent(sf::Keyboard::Enter));
    editor.handle(keyEvent(sf::Keyboard::End));
    for (int i = 0; i < 10; ++i) {
        editor.handle(keyEvent(sf::Keyboard::BackSpace));
    }
    CHECK(editor.draft()->routine().title.empty());
    editor.handle(keyEvent(sf::Keyboard::Enter));
    editor.handle(keyEvent(sf::Keyboard::S, true));
    CHECK_FALSE(fs::exists(data.path / "x.yaml"));
    CHECK(editor.status().find("Not saved") == 0);
    // Unsaved: Esc asks, N stays, Y leaves.
    CHECK(editor.handle(keyEvent(sf::Keyboard::Escape)).kind == ScreenRequest::Kind::None);
    CHECK(editor.handle(keyEvent(sf::Keyboard::N)).kind == ScreenRequest::Kind::None);
    CHECK(editor.handle(keyEvent(sf::Keyboard::Escape)).kind == ScreenRequest::Kind::None);
    CHECK(editor.handle(keyEvent(sf::Keyboard::Y)).kind == ScreenRequest::Kind::Back);
    // Closing the window asks too; closing again while asked closes.
    CHECK(editor.askBeforeClosing());
    CHECK_FALSE(editor.askBeforeClosing());
}

TEST_CASE("the editor: a shipped routine is saved as a copy in the person's folder") {
    Harness h;
    TempPath data("editor-shipped");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path shipped = fs::path(ROLLCOACH_SOURCE_DIR) / "routines" / "wall-tennis-ball.yaml";
    const std::string before = contents(shipped);
    EditorScreen editor(h.app, shipped.string(), "wall");
    editor.layout({1280, 720});
    const fs::path copy = data.path / "data" / "routines" / "wall-tennis-ball.yaml";
    CHECK(editor.savePath() == copy.string());
    editor.handle(keyEvent(sf::Keyboard::D, true)); // a step more
    editor.handle(keyEvent(sf::Keyboard::S, true));
    CHECK(contents(shipped) == before);
    REQUIRE(fs::exists(copy));
    const RoutineLoad load = openRoutine(copy.string(), h.body);
    REQUIRE(load.routine);
    CHECK(load.routine->steps.size() == 5);
    // A second editor of the same routine does not write over that copy.
    EditorScreen again(h.app, shipped.string(), "wall");
    CHECK(again.savePath() ==
          (data.path / "data" / "routines" / "wall-tennis-ball-2.yaml").string());
}

TEST_CASE("the editor: a ball dropped on the spine is saved only when the warning is accepted") {
    Harness h;
    TempPath data("editor-warning");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path file = data.path / "close.yaml";
    EditorScreen editor(h.app, file.string(), "wall");
    editor.layout({1920, 1080});
    editor.dropAt({1.5, 12});
    editor.handle(keyEvent(sf::Keyboard::S, true));
    CHECK_FALSE(fs::exists(file)); // asked first
    editor.handle(keyEvent(sf::Keyboard::N));
    CHECK_FALSE(fs::exists(file));
    editor.handle(keyEvent(sf::Keyboard::S, true));
    editor.handle(keyEvent(sf::Keyboard::Y));
    REQUIRE(fs::exists(file));
    const RoutineLoad load = openRoutine(file.string(), h.body);
    REQUIRE(load.routine);
    CHECK_FALSE(load.diagnostics.empty());
}

TEST_CASE("the editor: path points are chosen with P, moved with the arrows, added and deleted") {
    Harness h;
    TempPath data("editor-points");
    h.workspace.dataDir = (data.path / "data").string();
    EditorScreen editor(h.app, (data.path / "path.yaml").string(), "wall");
    editor.layout({1280, 720});
    RoutineDraft& draft = const_cast<RoutineDraft&>(*editor.draft());
    draft.cycleField(DraftField::Pattern, 0, 4, h.body); // a path
    REQUIRE(draft.routine().steps[0].motion.pattern == Pattern::Path);
    editor.chooseStep(0);

    editor.handle(keyEvent(sf::Keyboard::P));
    REQUIRE(editor.chosenPoint());
    CHECK(editor.chosenPoint()->first == PointList::Points);
    const Point ball = *resolvePlace(draft.routine().steps[0].place[0], h.body);
    const Point before = *resolvePlace(draft.routine().steps[0].motion.points[0], h.body);
    editor.handle(keyEvent(sf::Keyboard::Down));
    const Point after = *resolvePlace(draft.routine().steps[0].motion.points[0], h.body);
    CHECK(after.yCm == doctest::Approx(before.yCm + 0.5).epsilon(0.001));
    // The ball stays where it was: the point moved alone.
    const Point still = *resolvePlace(draft.routine().steps[0].place[0], h.body);
    CHECK(still.xCm == doctest::Approx(ball.xCm));
    CHECK(still.yCm == doctest::Approx(ball.yCm));

    editor.handle(keyEvent(sf::Keyboard::P, true)); // Ctrl+P: one more
    CHECK(draft.routine().steps[0].motion.points.size() == 2);
    CHECK(editor.chosenPoint()->second == 1);
    editor.handle(keyEvent(sf::Keyboard::P, true, true)); // Ctrl+Shift+P: delete it
    CHECK(draft.routine().steps[0].motion.points.size() == 1);
    editor.handle(keyEvent(sf::Keyboard::P, true, true)); // a path keeps one
    CHECK(draft.routine().steps[0].motion.points.size() == 1);
    editor.handle(keyEvent(sf::Keyboard::Z, true));
    editor.handle(keyEvent(sf::Keyboard::Z, true));
    CHECK(draft.routine().steps[0].motion.points.size() == 1);
    const Point undone = *resolvePlace(draft.routine().steps[0].motion.points[0], h.body);
    CHECK(undone.yCm == doctest::Approx(after.yCm).epsilon(0.001));
    // Past the last point, P comes back to the ball.
    editor.handle(keyEvent(sf::Keyboard::P));
    CHECK_FALSE(editor.chosenPoint());
}

TEST_CASE("the editor: a placement from the explorer is pasted on the chosen ball, and undone") {
    Harness h;
    TempPath data("editor-paste");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path file = data.path / "pasted.yaml";
    EditorScreen editor(h.app, file.string(), "wall");
    editor.layout({800, 600});
    const std::string start = editor.draft()->yaml();

    CHECK_FALSE(editor.pastePlacement("the shopping list"));
    CHECK(editor.status().find("Nothing pasted") == 0);
    CHECK(editor.draft()->yaml() == start);

    REQUIRE(editor.pastePlacement("{at: scapula-top, dx_cm: 1.5, dy_cm: 2}"));
    CHECK(placementText(editor.draft()->routine().steps[0].place[0]) ==
          "{at: scapula-top, dx_cm: 1.5, dy_cm: 2}");
    CHECK(editor.status().find("Pasted") == 0);
    editor.handle(keyEvent(sf::Keyboard::S, true));
    REQUIRE(fs::exists(file));
    CHECK(contents(file).find("{at: scapula-top, dx_cm: 1.5, dy_cm: 2}") != std::string::npos);
    editor.handle(keyEvent(sf::Keyboard::Z, true));
    CHECK(editor.draft()->yaml() == start);
}

TEST_CASE("the editor: the schedule's time and the setup lines are typed, added and deleted") {
    Harness h;
    TempPath data("editor-setup");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path file = data.path / "setup.yaml";
    EditorScreen editor(h.app, file.string(), "wall");
    editor.layout({1080, 1920});
    const std::size_t lines = editor.draft()->routine().setup.size();
    auto typeText = [&editor](const std::u32string& text) {
        for (const char32_t c : text) {
            editor.handle(typed(c));
        }
    };
    for (int i = 0; i < 9; ++i) {
        editor.handle(keyEvent(sf::Keyboard::Tab));
    }
    editor.handle(keyEvent(sf::Keyboard::Enter));
    REQUIRE(editor.typing());
    typeText(U"6:40");
    editor.handle(keyEvent(sf::Keyboard::Enter));
    CHECK(editor.draft()->routine().schedule.minuteOfDay == 6 * 60 + 40);

    editor.handle(keyEvent(sf::Keyboard::L, true)); // Ctrl+L: a new line, typed at once
    REQUIRE(editor.typing());
    typeText(U"Shoes off.");
    editor.handle(keyEvent(sf::Keyboard::Enter));
    REQUIRE(editor.draft()->routine().setup.size() == lines + 1);
    CHECK(editor.draft()->routine().setup.back() == "Shoes off.");

    // A new line left empty is no line.
    editor.handle(keyEvent(sf::Keyboard::L, true));
    editor.handle(keyEvent(sf::Keyboard::Enter));
    CHECK(editor.draft()->routine().setup.size() == lines + 1);

    editor.handle(keyEvent(sf::Keyboard::S, true));
    REQUIRE(fs::exists(file));
    const RoutineLoad load = openRoutine(file.string(), h.body);
    REQUIRE(load.routine);
    CHECK(load.routine->schedule.minuteOfDay == 6 * 60 + 40);
    CHECK(load.routine->setup.back() == "Shoes off.");

    // Ctrl+Shift+L deletes the chosen line (the row before the step's name).
    editor.handle(keyEvent(sf::Keyboard::Tab, false, true));
    editor.handle(keyEvent(sf::Keyboard::L, true, true));
    CHECK(editor.draft()->routine().setup.size() == lines);
    CHECK(editor.draft()->routine().setup.back() != "Shoes off.");
}

TEST_CASE("the editor in German: a problem on every body is said once, one on some bodies is "
          "named") {
    const RealCatalog german("de");
    const std::string everyBody = _("Does not fit every body: {0} (on {1})");
    REQUIRE(everyBody.find("every body") == std::string::npos); // the catalog is there
    const std::string prefix = everyBody.substr(0, everyBody.find("{0}"));
    Harness h;
    TempPath data("editor-german");
    h.workspace.dataDir = (data.path / "data").string();
    EditorScreen editor(h.app, (data.path / "mine.yaml").string(), "wall");
    editor.layout({1280, 720});
    // On the spine on every body: the warning shown for this body, and no second line.
    editor.dropAt({2, 12});
    CHECK(editor.everyBodyProblem().empty());
    // Over the edge of the narrowest bodies only: named, in German.
    editor.dropAt({19.5, 9});
    CHECK(editor.everyBodyProblem().rfind(prefix, 0) == 0);
    CHECK(editor.everyBodyProblem().find("Rand des Körpers") != std::string::npos);
}

TEST_CASE("the editor: a place clear where it stands is not ticked when its motion rolls onto "
          "the spine, and is once the motion keeps clear") {
    Harness h;
    TempPath data("editor-motion");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path file = data.path / "sweep.yaml";
    {
        std::ofstream out(file);
        out << oneStep("tennis", "[{x_cm: 8, y_cm: 10}]",
                       "{pattern: horizontal, amplitude_cm: 5, period_s: 8}");
    }
    EditorScreen editor(h.app, file.string(), "wall");
    editor.layout({1280, 720});
    // The place is 8 cm out, clear; the sweep of 5 cm reaches 3 cm, onto the spine.
    CHECK(SafetyCheck(h.body).atPoint({8, 10}, h.body.findBall("tennis")->diameterCm).worst ==
          Closeness::Safe);
    CHECK(verdictShown(editor) != "✓  Clear of the spine and the neck");
    CHECK(verdictShown(editor) == "In its motion: On the spine: move the ball 3.5 cm outward");
    // Moved 4 cm further out, the whole sweep keeps clear: ticked.
    editor.dropAt({12, 10});
    CHECK(verdictShown(editor) == "✓  Clear of the spine and the neck");
    // And a place on the spine itself is said as such, not as its motion.
    editor.dropAt({1, 10});
    CHECK(verdictShown(editor) == "On the spine: move the ball 5.5 cm outward");
}

TEST_CASE("the editor: a clear motion point of a path onto the spine is not ticked, nor a place "
          "whose motion cannot be judged for the draft's errors") {
    Harness h;
    TempPath data("editor-motion-points");
    h.workspace.dataDir = (data.path / "data").string();
    const fs::path file = data.path / "path.yaml";
    {
        std::ofstream out(file);
        out << "format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n"
               "  - name: Path\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 10}]\n"
               "    motion: {pattern: path, period_s: 8, points: [{x_cm: 8, y_cm: 14}, "
               "{x_cm: 2, y_cm: 14}]}\n"
               "  - name: Off\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 10}]\n";
    }
    EditorScreen editor(h.app, file.string(), "wall");
    editor.layout({1280, 720});
    CHECK(verdictShown(editor).rfind("In its motion: On the spine", 0) == 0);
    // The first motion point, clear where it stands: the path still rolls onto the spine.
    editor.handle(keyEvent(sf::Keyboard::P));
    REQUIRE(editor.chosenPoint());
    CHECK(verdictShown(editor).rfind("In its motion: On the spine", 0) == 0);
    // The other step put off the body: an error, so no motion is judged; never a tick.
    editor.chooseStep(1);
    editor.dropAt({40, 10});
    editor.chooseStep(0);
    CHECK(verdictShown(editor) ==
          "Clear where it stands; its motion is judged once the errors are fixed");
}
