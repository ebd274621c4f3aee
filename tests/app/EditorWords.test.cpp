// The editor in German, against the build's real catalog: a shipped routine's drill and
// motions are shown in words, never as the keywords its file writes.
#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/screens/EditorScreen.hpp"
#include "core/Language.hpp"
#include "core/Translate.hpp"

#include <clocale>
#include <cstdlib>
#include <libintl.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

bool endsWith(const std::string& text, const std::string& end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

} // namespace

TEST_CASE("the editor in German shows a shipped routine's drill and motions in words") {
    RealCatalog german("de");
    Harness h;
    // The body's labels in German too, as main reads the body after choosing the language.
    h.body = BodyModel::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml");
    EditorScreen editor(h.app, shippedRoutine("wall-tennis-ball.yaml"), "wall");
    for (const sf::Vector2u size : {sf::Vector2u{800, 600}, sf::Vector2u{1080, 1920}}) {
        CAPTURE(size.x);
        editor.layout(size);
        bool drill = false;
        bool motion = false;
        bool days = false;
        for (const PlacedText& placed : editor.texts()) {
            CAPTURE(placed.text);
            drill = drill || placed.text == "Wand-Übung";
            motion = motion || placed.text == "halten";
            days = days || placed.text == "Mo Mi Fr";
            for (const char* keyword : {"wall", "hold", "horizontal", "vertical", "auto", "tennis",
                                        "rhomboids", "mon wed fri"}) {
                CHECK(placed.text != keyword);
            }
            // The list of steps: "1. Hold · 30 s · halten".
            for (const char* keyword : {" · hold", " · horizontal", " · vertical"}) {
                CHECK_FALSE(endsWith(placed.text, keyword));
            }
        }
        CHECK(drill);
        CHECK(motion);
        CHECK(days);
    }
}
