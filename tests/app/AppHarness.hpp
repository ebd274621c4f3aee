#pragma once

#include "TestSupport.hpp"

#include "app/Fonts.hpp"
#include "app/Speech.hpp"
#include "app/Tones.hpp"
#include "app/screens/Screen.hpp"
#include "core/Clock.hpp"
#include "core/DataPaths.hpp"
#include "core/Workspace.hpp"

#include <memory>
#include <sstream>

namespace rollcoach::test {

/// What a screen needs to run in a test: the fonts, silent sound and speech, the reference
/// body, a fixed clock, and a workspace on the source tree's data with no history.
struct Harness {
    std::unique_ptr<Fonts> fonts = Fonts::load();
    std::ostringstream notices;
    Tones tones{notices, false};
    Speech speech{true};
    BodyModel body = referenceBody();
    FixedClock clock{1'790'000'000};
    Workspace workspace = [this] {
        Workspace w;
        w.paths = DataPaths{ROLLCOACH_SOURCE_DIR};
        w.dataDir = "/nonexistent";
        w.clock = &clock;
        w.settings.bodyAsked = true; // the body screen's first offer is a test of its own
        return w;
    }();
    Postures postures = Postures::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/postures.yaml");
    AppResources app = [this] {
        AppResources resources{body, workspace, *fonts, tones, speech, nullptr, {}, {}};
        resources.postures = &postures;
        return resources;
    }();
};

} // namespace rollcoach::test
