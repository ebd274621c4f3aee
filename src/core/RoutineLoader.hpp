#pragma once

#include "BodyModel.hpp"
#include "Diagnostic.hpp"
#include "Routine.hpp"
#include "SafetyCheck.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace rollcoach {

/// Routine files are a few kilobytes; anything this large is refused before parsing.
constexpr std::size_t kMaxRoutineBytes = 256 * 1024;
constexpr int kRoutineFormat = 1;

/// A routine read from text, with every problem found. The routine is present only when
/// there is no error.
struct RoutineLoad {
    std::optional<Routine> routine;
    Diagnostics diagnostics;
    /// routineHash() of the very text the routine was read from ("" when none was read), so
    /// the history names the routine that ran even if the file changes afterwards.
    std::string hash;
    /// The placements on or near the spine or neck, as checkPlacements found them for the
    /// warnings (one side: the routine is mirrored), for a screen that shows them per step.
    std::vector<SafetyWarning> safety;
};

/// Parses a routine and checks every key against the format. The body model supplies the
/// known balls and muscles. Never throws on bad input.
RoutineLoad parseRoutine(const std::string& text, const BodyModel& body);

/// Reads and parses a routine file; a missing, unreadable or oversized file is a diagnostic.
RoutineLoad loadRoutineFile(const std::string& path, const BodyModel& body);

} // namespace rollcoach
