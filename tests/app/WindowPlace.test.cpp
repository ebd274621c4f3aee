#include "TestSupport.hpp"

#include "app/WindowPlace.hpp"

#include <filesystem>
#include <fstream>

using namespace rollcoach;
using namespace rollcoach::test;

TEST_CASE("the window file reads back what was written") {
    WindowPlace place;
    place.width = 1600;
    place.height = 900;
    place.fullScreen = true;
    Diagnostics diagnostics;
    const WindowPlace read = parseWindowPlace(formatWindowPlace(place), diagnostics);
    CHECK(diagnostics.empty());
    CHECK(read.width == 1600);
    CHECK(read.height == 900);
    CHECK(read.fullScreen);
}

TEST_CASE("an empty window file, or a missing key, keeps the default") {
    Diagnostics diagnostics;
    const WindowPlace empty = parseWindowPlace("", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(empty.width == 1280);
    CHECK(empty.height == 720);
    CHECK_FALSE(empty.fullScreen);
    const WindowPlace wide = parseWindowPlace("width: 1920\n", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(wide.width == 1920);
    CHECK(wide.height == 720);
}

TEST_CASE("a wrong value in the window file is named and leaves that key at its default") {
    Diagnostics diagnostics;
    const WindowPlace place = parseWindowPlace(
        "width: 10\nheight: \"900\"\nfull_screen: yes please\ncolour: red\n", diagnostics);
    CHECK(place.width == 1280);
    CHECK(place.height == 720);
    CHECK_FALSE(place.fullScreen);
    REQUIRE(diagnostics.size() == 4);
    CHECK(diagnostics[0].mark.line == 1);
    CHECK(diagnostics[0].message.find("\"width\"") != std::string::npos);
    CHECK(diagnostics[1].message.find("\"height\"") != std::string::npos);
    CHECK(diagnostics[2].message.find("\"full_screen\"") != std::string::npos);
    CHECK(diagnostics[3].message.find("unknown key \"colour\"") != std::string::npos);
    for (const char* text : {"width: -1280\n", "width: 99999\n", "width: 1e3\n", "[1, 2]\n"}) {
        CAPTURE(text);
        Diagnostics more;
        CHECK(parseWindowPlace(text, more).width == 1280);
        CHECK(hasErrors(more));
    }
}

TEST_CASE("the window file sits beside the settings and is written whole, folder and all") {
    const TempPath config("window-place");
    const std::string settings = (config.path / "rollcoach" / "settings.yaml").string();
    const std::string file = windowPlaceFile(settings);
    CHECK(file == (config.path / "rollcoach" / "window.yaml").string());
    // No file yet: the defaults, and nothing to say.
    CHECK(loadWindowPlace(file).width == 1280);
    WindowPlace place;
    place.width = 1000;
    place.height = 700;
    std::string why;
    REQUIRE(saveWindowPlace(file, place, why));
    const WindowPlace read = loadWindowPlace(file);
    CHECK(read.width == 1000);
    CHECK(read.height == 700);
    CHECK_FALSE(read.fullScreen);
    // Only the file itself is left in the folder: no temporary beside it.
    int names = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator(config.path / "rollcoach")) {
        ++names;
    }
    CHECK(names == 1);
    // A folder where the file should be: the defaults, not a failure.
    std::filesystem::remove(file);
    std::filesystem::create_directories(file);
    CHECK(loadWindowPlace(file).width == 1280);
    CHECK_FALSE(saveWindowPlace(file, place, why));
    CHECK_FALSE(why.empty());
}

TEST_CASE("the window file moves to the state folder: read from the old place once") {
    const TempPath home("window-state");
    const std::string former =
        windowPlaceFile((home.path / "config" / "rollcoach" / "settings.yaml").string());
    const std::string file = windowStateFile((home.path / "state" / "rollcoach").string());
    CHECK(file == (home.path / "state" / "rollcoach" / "window.yaml").string());
    WindowPlace old;
    old.width = 1111;
    old.fullScreen = true;
    std::string why;
    REQUIRE(saveWindowPlace(former, old, why));
    // Nothing in the state folder yet: the old place is read.
    const WindowPlace read = loadWindowPlace(file, former);
    CHECK(read.width == 1111);
    CHECK(read.fullScreen);
    // Written at the new place, the old file goes; the new one is what is read from then on.
    WindowPlace now = read;
    now.width = 1222;
    REQUIRE(saveWindowPlaceMoving(file, former, now, why));
    CHECK(std::filesystem::exists(file));
    CHECK_FALSE(std::filesystem::exists(former));
    CHECK(loadWindowPlace(file, former).width == 1222);
    // An old file that turns up again is not read over the new one.
    REQUIRE(saveWindowPlace(former, old, why));
    CHECK(loadWindowPlace(file, former).width == 1222);
}
