#pragma once

#include "core/PlanJson.hpp"
#include "core/RoutineLoader.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Timeline.hpp"

#include <string>

namespace rollcoach {

/// Everything a routine file goes through in the app: loading, the safety check and the
/// session timeline at several moments, and the plan. Used by the fuzzer and by the test
/// that replays every input the fuzzer ever found.
inline std::size_t runRoutinePipeline(const std::string& text, const BodyModel& body) {
    RoutineLoad load = parseRoutine(text, body);
    checkPlacements(load, body);
    std::size_t work = load.diagnostics.size();
    if (!load.routine) {
        return work;
    }
    for (Side first : {Side::Left, Side::Right}) {
        const Timeline timeline(*load.routine, first);
        for (int i = 0; i <= 16; ++i) {
            const Moment moment = timeline.at(timeline.totalS() * i / 16.0);
            work += moment.balls.size();
        }
        work += planJson(timeline).size();
    }
    return work;
}

} // namespace rollcoach
