#include "StopAdvice.hpp"
#include "Translate.hpp"

#include <algorithm>

namespace rollcoach {
namespace {

// Marked here, translated where they are given: a constant is made before the language is chosen.
const char* const kGeneral = N_(
    "Stop at once on sharp pain, numbness or tingling. Press gently; never on the spine or neck.");
const char* const kBackOfNeck =
    N_("Stop at once on sharp pain, numbness or tingling. Only the back "
       "of the neck, gently, with the fingertips; never on the spine, "
       "never the front or sides of the neck.");

} // namespace

bool worksBackOfNeck(const Routine& routine, const Step& step) {
    if (!routine.toolFor(step)) {
        return false;
    }
    // Above C7 is the neck: by hand, only its back is ever worked there.
    return routine.targetFor(step) == "back-of-neck" ||
           std::any_of(step.place.begin(), step.place.end(),
                       [](const Placement& p) { return p.at.yCm < 0; });
}

std::string stopAdvice(const Routine& routine, const Step* step) {
    return translate(step != nullptr && worksBackOfNeck(routine, *step) ? kBackOfNeck : kGeneral);
}

std::vector<std::string> stopAdvices(const Routine& routine) {
    std::vector<std::string> out = {translate(kGeneral)};
    for (const Step& step : routine.steps) {
        if (worksBackOfNeck(routine, step)) {
            out.push_back(translate(kBackOfNeck));
            break;
        }
    }
    return out;
}

} // namespace rollcoach
