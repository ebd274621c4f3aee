#pragma once

#include "BodyModel.hpp"
#include "Diagnostic.hpp"

#include <string>
#include <vector>

namespace rollcoach {

/// The bodies a routine is checked on: the averages of men and women, and a grid over every
/// shoulder width and height the body model accepts, its edges included.
std::vector<BodyProfile> acceptedBodies(const BodyModel& anyBody, double widthStepCm = 1,
                                        double heightStepCm = 5);

/// One problem of a routine on the bodies where it shows, put in words: "shoulders up to
/// 34 cm", "heights from 190 cm", "shoulders up to 34 cm and heights from 185 cm".
struct BodyProblem {
    Diagnostic diagnostic;  ///< as found on the first body it shows on
    std::size_t bodies = 0; ///< on how many of the bodies checked
    std::string which;      ///< the bodies it shows on, in words
    bool everyBody = false; ///< it shows on every body checked
};

/// What checking a routine on every accepted body found.
struct EveryBodyCheck {
    std::size_t bodiesChecked = 0;
    std::vector<BodyProblem> problems; ///< in file order; none when it fits every body
    Diagnostics fileProblems;          ///< the file itself could not be read or parsed
    bool fitsEveryBody() const { return problems.empty() && fileProblems.empty(); }
};

/// Loads the routine text once per body (placements by anatomy resolve per body) and checks
/// its placements. `bodyText` is body.yaml's text, `bodyFile` its name for messages.
EveryBodyCheck checkOnEveryBody(const std::string& routineText, const std::string& bodyText,
                                const std::string& bodyFile,
                                const std::vector<BodyProfile>& bodies);

/// For the list and `next`: the first reason a routine does not fit this body, in the
/// person's words ("ball 2 of step 1 (\"Settle in\") is placed off your body as it is set (women,
/// shoulders 32 cm, height 162.9 cm)"), or "".
std::string notFitReason(const Diagnostics& diagnostics);
/// The same for one off-body problem, from its pieces; "" for another kind.
std::string notFitReason(ProblemKind kind, const OffBodyPieces& pieces);

} // namespace rollcoach
