#include "TestSupport.hpp"

#include "core/BodyChoice.hpp"
#include "core/SettingsText.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

BodyModel bodyFor(const BodyProfile& profile) {
    return BodyModel::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml", profile);
}

// A ball near the shoulder's tip: on a broad body, off a narrow one.
const std::string kNearTheTip = oneStep("tennis", "[{x_cm: 18, y_cm: 10}]");

} // namespace

TEST_CASE("settings: a key's line is replaced, its comment and every other line kept") {
    const std::string text = "# my settings\n"
                             "time: \"18:30\"   # after work\n"
                             "\n"
                             "body: men # was told to\n"
                             "listen: true\n";
    CHECK(withSettings(text, {{"body", std::string("women")}}) ==
          "# my settings\ntime: \"18:30\"   # after work\n\nbody: women # was told to\n"
          "listen: true\n");
}

TEST_CASE("settings: a new key goes at the end, and no value removes the key") {
    CHECK(withSettings("time: \"7:00\"", {{"height_cm", std::string("163")}}) ==
          "time: \"7:00\"\nheight_cm: 163\n");
    CHECK(withSettings("", {{"body_asked", std::string("true")}}) == "body_asked: true\n");
    CHECK(withSettings("shoulder_width_cm: 40\nlisten: true\n", {{"shoulder_width_cm", {}}}) ==
          "listen: true\n");
    // Removing a key that is not there changes nothing.
    CHECK(withSettings("listen: true\n", {{"height_cm", {}}}) == "listen: true\n");
}

TEST_CASE("settings: only top-level keys are touched, never a comment, an indented line or a "
          "quoted '#'") {
    const std::string text = "#body: men\n"
                             "notes:\n"
                             "  body: men\n"
                             "time: \"18:30 # not a comment\"\n"
                             "body:\n"
                             "  men\n"
                             "body: women\n";
    CHECK(withSettings(text, {{"body", std::string("women")}, {"time", std::string("\"9:00\"")}}) ==
          "#body: men\nnotes:\n  body: men\ntime: \"9:00\"\nbody: women\n");
}

TEST_CASE("settings: Windows line ends stay Windows line ends") {
    CHECK(withSettings("listen: true\r\nbody: men\r\n", {{"body", std::string("women")}}) ==
          "listen: true\r\nbody: women\r\n");
}

TEST_CASE("settings written are read back as the same settings") {
    TempPath folder("settings-text");
    const auto file = folder.path / "config" / "settings.yaml"; // the folder is made
    std::string why;
    REQUIRE(changeSettingsFile(file.string(),
                               {{"body", std::string("women")},
                                {"shoulder_width_cm", std::string("36.5")},
                                {"height_cm", std::string("163")},
                                {"body_asked", std::string("true")}},
                               why));
    Diagnostics problems;
    const Settings settings = parseSettings(readAll(file), problems);
    CHECK(problems.empty());
    CHECK(settings.body == "women");
    CHECK(settings.shoulderWidthCm == 36.5);
    CHECK(settings.heightCm == 163);
    CHECK(settings.bodyAsked);
    CHECK_FALSE(changeSettingsFile("", {}, why));
    CHECK_FALSE(why.empty());
}

TEST_CASE("saving a body writes it with body_asked, keeps the rest, and makes it the workspace's") {
    TempPath folder("save-body");
    const auto file = folder.path / "settings.yaml";
    std::ofstream(file) << "# mine\nspeech: brief  # quieter\nbody: men\nshoulder_width_cm: 44\n";
    Workspace workspace;
    workspace.settingsFile = file.string();
    std::string why;
    REQUIRE(saveBody(workspace, BodyProfile{"women", 36.5, std::nullopt}, why));
    CHECK(readAll(file) == "# mine\nspeech: brief  # quieter\nbody: women\nshoulder_width_cm: "
                           "36.5\nbody_asked: true\n");
    CHECK(workspace.bodyProfile == "women");
    CHECK(workspace.shoulderWidthCm == 36.5);
    CHECK_FALSE(workspace.heightCm);
    CHECK(workspace.settings.bodyAsked);

    // Skipping keeps the body and only says it was asked.
    Workspace skipped;
    skipped.settingsFile = (folder.path / "other.yaml").string();
    REQUIRE(saveBody(skipped, std::nullopt, why));
    CHECK(readAll(folder.path / "other.yaml") == "body_asked: true\n");
    CHECK(skipped.bodyProfile == "men");

    // A file that cannot be written leaves the workspace as it was.
    Workspace blocked;
    blocked.settingsFile = (folder.path / "settings.yaml" / "inside").string();
    CHECK_FALSE(saveBody(blocked, BodyProfile{"women"}, why));
    CHECK_FALSE(why.empty());
    CHECK(blocked.bodyProfile == "men");
    CHECK_FALSE(blocked.settings.bodyAsked);
}

TEST_CASE("the body draft: Tab goes round the fields, steps stay on the grid and in range") {
    Workspace workspace;
    workspace.bodyProfile = "women";
    workspace.shoulderWidthCm = 36.3;
    BodyDraft draft = BodyDraft::of(workspace);
    CHECK(draft.profile.name == "women");
    const BodyModel shown = bodyFor(draft.profile);
    CHECK(draft.field == BodyField::Sex);
    draft.step(1, shown);
    CHECK(draft.profile.name == "men");
    draft.step(-1, shown);
    CHECK(draft.profile.name == "women");

    draft.nextField();
    CHECK(draft.field == BodyField::ShoulderWidth);
    draft.step(1, shown);
    CHECK(draft.profile.shoulderWidthCm == 36.5);
    draft.step(1, shown);
    CHECK(draft.profile.shoulderWidthCm == 37);
    draft.step(-1, shown);
    draft.step(-1, shown);
    CHECK(draft.profile.shoulderWidthCm == 36);
    for (int i = 0; i < 100; ++i) {
        draft.step(-1, shown);
    }
    CHECK(draft.profile.shoulderWidthCm == 30);

    draft.nextField();
    CHECK(draft.field == BodyField::Height);
    CHECK_FALSE(draft.profile.heightCm);
    draft.step(1, shown); // from the average woman's height, to the next whole centimetre
    REQUIRE(draft.profile.heightCm);
    CHECK(*draft.profile.heightCm == std::floor(shown.heightCm) + 1);
    for (int i = 0; i < 100; ++i) {
        draft.step(1, shown);
    }
    CHECK(draft.profile.heightCm == 200);
    draft.nextField();
    CHECK(draft.field == BodyField::Sex);
    draft.previousField();
    CHECK(draft.field == BodyField::Height);
}

TEST_CASE("a routine on a body: kept where it does not fit, with the reason in words") {
    const BodyModel broad = bodyFor(BodyProfile{"men", 50.0});
    const BodyModel narrow = bodyFor(BodyProfile{"women", 30.0});
    const RoutineOnBody onBroad = routineOnBody(kNearTheTip, broad);
    CHECK(onBroad.fits());
    const RoutineOnBody onNarrow = routineOnBody(kNearTheTip, narrow);
    CHECK_FALSE(onNarrow.fits());
    REQUIRE(onNarrow.routine); // still there, to be drawn
    CHECK(onNarrow.notFit.find("your body") != std::string::npos);
    CHECK(notFitText(onNarrow.notFit).rfind("Does not fit your body: ", 0) == 0);

    const RoutineOnBody broken = routineOnBody("format: 1\ntitle: T\n", broad);
    CHECK_FALSE(broken.routine);
    CHECK(broken.notFit.empty());
    CHECK_FALSE(routineFileOnBody("/nonexistent/routine.yaml", broad).diagnostics.empty());
}

TEST_CASE("measures are written as a person writes them") {
    CHECK(centimetresText(40) == "40");
    CHECK(centimetresText(36.5) == "36.5");
    CHECK(centimetresText(162.94) == "162.9");
}
