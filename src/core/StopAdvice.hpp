#pragma once

#include "Routine.hpp"

#include <string>
#include <vector>

namespace rollcoach {

/// The line always shown under a session: when to stop and where never to press. For a step
/// by hand on the back of the neck it says what is allowed there, so it never contradicts
/// the step.
std::string stopAdvice(const Routine& routine, const Step* step);
/// Every line stopAdvice gives for the routine's steps, for a layout to fit the longest.
std::vector<std::string> stopAdvices(const Routine& routine);
/// True for a step by hand that works the back of the neck.
bool worksBackOfNeck(const Routine& routine, const Step& step);

} // namespace rollcoach
