#pragma once

#include "core/PlanJson.hpp"
#include "core/PrintableText.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Schedule.hpp"
#include "core/Timeline.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace rollcoach {

/// Everything a routine file goes through in the app: loading, the safety check and the
/// session timeline at several moments, the plan and the calendar. Used by the fuzzer and
/// by the test that replays every input the fuzzer ever found.
inline std::size_t runRoutinePipeline(const std::string& text, const BodyModel& body) {
    RoutineLoad load = parseRoutine(text, body);
    checkPlacements(load, body);
    std::size_t work = load.diagnostics.size();
    for (const Diagnostic& diagnostic : load.diagnostics) {
        work += formatDiagnostic("routine.yaml", diagnostic).empty() ? 1 : 0;
    }
    if (!load.routine) {
        return work;
    }
    for (Side first : {Side::Left, Side::Right}) {
        const Timeline timeline(*load.routine, first);
        for (int i = 0; i <= 16; ++i) {
            const Moment moment = timeline.at(timeline.totalS() * i / 16.0);
            work += moment.balls.size();
        }
        work += planJson(timeline).size() + planText(timeline).size();
    }
    const std::vector<std::pair<std::string, Routine>> routines = {{"r.yaml", *load.routine}};
    work += iCalendar(weeklyPlan(routines, {2026, 11, 23}, 7, Settings{}), 1795435200, "d").size();
    return work;
}

/// The same bytes as a settings file.
inline std::size_t runSettingsPipeline(const std::string& text) {
    Diagnostics diagnostics;
    const Settings settings = parseSettings(text, diagnostics);
    std::size_t work = static_cast<std::size_t>(settings.sessionMinuteOfDay >= 0);
    for (const Diagnostic& diagnostic : diagnostics) {
        work += formatDiagnostic("settings.yaml", diagnostic).size();
    }
    return work;
}

/// The same bytes as text another program stored in the history (a routine title, a step
/// name, a stop reason) or as a file name, through what `history` and `validate` print:
/// escaped for the terminal, and as JSON. Nothing printable may come out unescaped.
inline std::size_t runStoredTextPipeline(const std::string& text) {
    const std::string shown = printable(text);
    nlohmann::ordered_json item;
    item["routine"] = text;
    item["stop_reason"] = text;
    item["steps"] = nlohmann::ordered_json::array({{{"step", text}, {"seconds", 1.0}}});
    const std::string json =
        printableJson(item.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    const std::string located = formatDiagnostic(text, {Severity::Error, {1, 1}, text});
    for (const std::string* out : {&shown, &json, &located}) {
        if (findControlCharacter(*out)) {
            __builtin_trap(); // a control character got through to the terminal
        }
    }
    return shown.size() + json.size() + located.size() + countCharacters(text) +
           static_cast<std::size_t>(looksBlank(text));
}

} // namespace rollcoach
