#include "TestSupport.hpp"

#include "core/PlanJson.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const char* const kTwoRounds = R"(format: 1
title: Two rounds
drill: wall
ball: tennis
schedule: {rounds: 2, switch_s: 5, lead_in_s: 0}
steps:
  - name: Hold
    duration_s: 10
    place: [{x_cm: 8, y_cm: 10}]
  - name: Sweep
    duration_s: 20
    place: [{x_cm: 8, y_cm: 12}]
    motion: {pattern: horizontal, amplitude_cm: 2, period_s: 8}
)";

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("plan JSON: the contract's keys, one segment per step and switch, end to end") {
    const Routine routine = routineFrom(kTwoRounds);
    const Timeline timeline(routine, Side::Left);
    const std::string text = planJson(timeline);
    CHECK(text.back() == '\n');
    const nlohmann::json plan = nlohmann::json::parse(text);
    REQUIRE(plan.is_object());
    CHECK(plan["title"] == "Two rounds");
    CHECK(plan["total_s"] == 4 * 30 + 3 * 5);
    CHECK(plan["first_side"] == "left");
    CHECK(plan["seconds_per_side"] == 60);
    CHECK_FALSE(plan.contains("first_side_reason"));
    const nlohmann::json& segments = plan["segments"];
    REQUIRE(segments.is_array());
    REQUIRE(segments.size() == 11);
    double end = 0;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const nlohmann::json& s = segments[i];
        CAPTURE(i);
        for (const char* key : {"start_s", "duration_s", "kind", "side", "round", "step"}) {
            CHECK(s.contains(key));
        }
        CHECK(s["start_s"].is_number());
        CHECK(s["round"].is_number_integer());
        // Segments follow one another with no gap or overlap.
        CHECK(s["start_s"].get<double>() == end);
        end += s["duration_s"].get<double>();
        CHECK((s["side"] == "left" || s["side"] == "right"));
        if (s["kind"] == "switch") {
            CHECK(s["step"].is_null());
            CHECK_FALSE(s.contains("step_index"));
            CHECK(s["duration_s"] == 5);
            // A switch belongs to what comes next: its side and its round.
            REQUIRE(i + 1 < segments.size());
            CHECK(s["side"] == segments[i + 1]["side"]);
            CHECK(s["round"] == segments[i + 1]["round"]);
            CHECK(s["side"] != segments[i - 1]["side"]);
        } else {
            REQUIRE(s["kind"] == "step");
            const std::size_t index = s["step_index"].get<std::size_t>();
            REQUIRE(index < routine.steps.size());
            CHECK(s["step"] == routine.steps[index].name);
            CHECK(s["duration_s"].get<double>() == routine.steps[index].durationS);
        }
    }
    CHECK(end == plan["total_s"].get<double>());
    CHECK(segments[0]["step"] == "Hold");
    CHECK(segments[1]["step"] == "Sweep");
    CHECK(segments[2]["kind"] == "switch");
    CHECK(segments[3]["side"] == "right");
    CHECK(segments[4]["round"] == 1);
    CHECK(segments[6]["round"] == 2);
    CHECK(segments[10]["side"] == "right");
}

TEST_CASE("plan JSON: the first side and the reason for it, when one is given") {
    const Routine routine = routineFrom(kTwoRounds);
    const Timeline timeline(routine, Side::Right);
    const nlohmann::json plan =
        nlohmann::json::parse(planJson(timeline, "the left side went first last time"));
    CHECK(plan["first_side"] == "right");
    CHECK(plan["first_side_reason"] == "the left side went first last time");
    CHECK(plan["segments"][0]["side"] == "right");
    CHECK(plan["segments"][2]["side"] == "left");
    // Whichever side goes first, each gets the same time.
    CHECK(plan["seconds_per_side"] == 60);
}

TEST_CASE("plan JSON stays valid for quotes, newlines and broken UTF-8 in names") {
    Routine routine = routineFrom(kTwoRounds);
    routine.title = "A \"quoted\"\ntitle\\";
    routine.steps[0].name = "broken \xff byte";
    const Timeline timeline(routine, Side::Left);
    nlohmann::json plan;
    REQUIRE_NOTHROW(plan = nlohmann::json::parse(planJson(timeline)));
    CHECK(plan["title"] == "A \"quoted\"\ntitle\\");
    // The broken byte is replaced, the rest kept.
    CHECK(plan["segments"][0]["step"] == "broken \xef\xbf\xbd byte");
}

TEST_CASE("plan JSON of the shipped lying drill: two rounds, ten-second switches") {
    RoutineLoad load = loadRoutineFile(shippedRoutine("lying-yoga-tune-up.yaml"), referenceBody());
    REQUIRE(load.routine.has_value());
    const Timeline timeline(*load.routine, Side::Left);
    const nlohmann::json plan = nlohmann::json::parse(planJson(timeline));
    CHECK(plan["title"] == "Lying upper-trapezius drill");
    CHECK(plan["seconds_per_side"] == 170 * 2);
    // Ten seconds to get ready, four steps a side, three switches.
    CHECK(plan["total_s"] == 10 + 170 * 4 + 10 * 3);
    CHECK(plan["segments"].size() == 1 + 4 * 4 + 3);
    CHECK(plan["segments"][0]["kind"] == "get-ready");
    CHECK(plan["segments"][0]["side"] == "left");
    CHECK(plan["segments"][0]["step"].is_null());
    CHECK(plan["segments"][1]["start_s"] == 10.0);
    std::set<std::string> names;
    for (const auto& s : plan["segments"]) {
        if (s["kind"] == "step") {
            names.insert(s["step"].get<std::string>());
        }
    }
    CHECK(names == std::set<std::string>{"Settle in", "Left to right", "Up and down", "Rest"});
}

TEST_CASE("plan text: a heading, then each segment with its start and length") {
    const Routine routine = routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]"));
    const std::vector<std::string> lines = linesOf(planText(Timeline(routine, Side::Left)));
    CHECK(lines == std::vector<std::string>{
                       "T (wall drill, 1 round, 0:55 in all, 0:20 per side)",
                       "  0:00  get ready, the left side first (0:10)",
                       "  0:10  left side, round 1: S (0:20)",
                       "  0:30  switch to the right side (0:05)",
                       "  0:35  right side, round 1: S (0:20)",
                   });
}

TEST_CASE("plan text counts rounds in the plural and starts each round on the first side") {
    const Routine routine = routineFrom(kTwoRounds);
    const std::string text = planText(Timeline(routine, Side::Right));
    const std::vector<std::string> lines = linesOf(text);
    REQUIRE(lines.size() == 1 + 11);
    CHECK(lines[0] == "Two rounds (wall drill, 2 rounds, 2:15 in all, 1:00 per side)");
    CHECK(lines[1] == "  0:00  right side, round 1: Hold (0:10)");
    CHECK(lines[3] == "  0:30  switch to the left side (0:05)");
    CHECK(lines[7] == "  1:10  right side, round 2: Hold (0:10)");
    CHECK(lines[11] == "  1:55  left side, round 2: Sweep (0:20)");

    RoutineLoad load = loadRoutineFile(shippedRoutine("lying-yoga-tune-up.yaml"), referenceBody());
    REQUIRE(load.routine.has_value());
    const std::vector<std::string> lying = linesOf(planText(Timeline(*load.routine, Side::Left)));
    CHECK(lying.front() ==
          "Lying upper-trapezius drill (lying drill, 2 rounds, 12:00 in all, 5:40 per side)");
    CHECK(lying.size() == 1 + 1 + 4 * 4 + 3);
    CHECK(lying.back() == "  11:40  right side, round 2: Rest (0:20)");
}
