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

/// One problem found in a file, located by line and column.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceMark mark;
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

/// "FILE:LINE:COL: error: message", or "FILE: error: message" when there is no position.
std::string formatDiagnostic(const std::string& file, const Diagnostic& diagnostic);

bool hasErrors(const Diagnostics& diagnostics);
bool hasWarnings(const Diagnostics& diagnostics);

} // namespace rollcoach
