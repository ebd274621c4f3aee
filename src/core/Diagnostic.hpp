#pragma once

#include <string>
#include <vector>

namespace rollcoach {

/// Where something is in a text file: 1-based line and column (0 when unknown).
struct SourceMark {
    int line = 0;
    int column = 0;
};

enum class Severity { Error, Warning };

/// What kind of problem a diagnostic is, for what decides by it (the fit check's grouping, the
/// list's "does not fit your body"): the message is for people, in their language, and is
/// never searched for its words.
enum class ProblemKind {
    Other,
    PlacedOffBody, ///< a placement whose contact patch is off the body, its centre too
    OverTheEdge,   ///< the centre on the body, part of the contact patch over its edge
    MovesOffBody,  ///< a motion that takes the contact patch off the body
};

/// The pieces an off-body message is made of, to say the same in other words.
struct OffBodyPieces {
    std::string what; ///< which contact: `ball 2 of step 2 ("Up and down")`
    std::string atS;  ///< for a motion, the seconds into the step, as read ("3.5"); else ""
    std::string xCm;  ///< where, as the routine gives it
    std::string yCm;
    std::string body; ///< the body it was checked on, in words
};

/// One problem found in a file, located by line and column.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceMark mark;
    std::string message;
    ProblemKind kind = ProblemKind::Other;
    OffBodyPieces offBody{}; ///< for the off-body kinds

    bool isOffBody() const { return kind != ProblemKind::Other; }
};

using Diagnostics = std::vector<Diagnostic>;

/// "FILE:LINE:COL: error: message", or "FILE: error: message" when there is no position.
std::string formatDiagnostic(const std::string& file, const Diagnostic& diagnostic);

bool hasErrors(const Diagnostics& diagnostics);
bool hasWarnings(const Diagnostics& diagnostics);

} // namespace rollcoach
