#include "TestSupport.hpp"

#include "core/RoutineLoader.hpp"
#include "core/StopAdvice.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// Words that belong to the rules of some drills only, and the drills they belong to.
struct Rule {
    const char* words;
    std::vector<Drill> drills;
};

const std::vector<Rule> kRules = {
    {"toward the heart", {Drill::Partner}},
    {"stroke", {Drill::Partner}},
    {"receiver", {Drill::Partner}},
    {"ball", {Drill::Wall, Drill::Lying}},
    {"wall", {Drill::Wall}},
    {"knees", {Drill::Wall, Drill::Lying}},
    {"hips", {Drill::Lying}},
    {"pillow", {Drill::Lying, Drill::Partner}},
    {"middle finger", {Drill::SelfPress}},
    {"lap", {Drill::SelfPress}},
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

TEST_CASE("no step's or screen's text for a drill names a rule of another drill") {
    const BodyModel& body = referenceBody();
    int routines = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
        RoutineLoad load = loadRoutineFile(entry.path().string(), body);
        REQUIRE(load.routine.has_value());
        const Routine& routine = *load.routine;
        ++routines;
        std::vector<std::string> texts = routine.setup;
        texts.push_back(routine.title);
        texts.push_back(body.safety(routine.drill));
        for (const std::string& prop : body.props(routine.drill)) {
            texts.push_back(prop);
        }
        for (const std::string& advice : stopAdvices(routine)) {
            texts.push_back(advice);
        }
        for (const Step& step : routine.steps) {
            texts.push_back(step.name);
            texts.push_back(step.cue);
            texts.push_back(stopAdvice(routine, &step));
        }
        for (const std::string& text : texts) {
            for (const Rule& rule : kRules) {
                if (std::find(rule.drills.begin(), rule.drills.end(), routine.drill) !=
                    rule.drills.end()) {
                    continue;
                }
                CAPTURE(entry.path().filename().string());
                CAPTURE(text);
                CHECK_MESSAGE(lower(text).find(rule.words) == std::string::npos,
                              "names \"" << rule.words << "\", a rule of another drill");
            }
        }
    }
    CHECK(routines >= 4);
}

TEST_CASE("the back of the neck step says what is allowed there, and the footer agrees") {
    const BodyModel& body = referenceBody();
    RoutineLoad load = loadRoutineFile(
        std::string(ROLLCOACH_SOURCE_DIR) + "/routines/partner-upper-back-massage.yaml", body);
    REQUIRE(load.routine.has_value());
    const Routine& routine = *load.routine;
    int neckSteps = 0;
    for (const Step& step : routine.steps) {
        const std::string advice = stopAdvice(routine, &step);
        if (worksBackOfNeck(routine, step)) {
            ++neckSteps;
            CHECK(advice.find("back of the neck") != std::string::npos);
            CHECK(advice.find("never on the spine or neck") == std::string::npos);
            CHECK(advice.find("front or sides of the neck") != std::string::npos);
            // The step itself, shown and said aloud, names what is allowed and what is not.
            CHECK(step.cue.find("Only the back of the neck, gently, with the fingertips") !=
                  std::string::npos);
            CHECK(step.cue.find("Never the front or the sides of the neck") != std::string::npos);
        } else {
            CHECK(advice.find("never on the spine or neck") != std::string::npos);
        }
    }
    CHECK(neckSteps == 1);
    CHECK(body.safety(Drill::SelfPress).find("toward the heart") == std::string::npos);
    CHECK(body.safety(Drill::Partner).find("toward the heart") != std::string::npos);
}
