#include "Diagnostic.hpp"

#include <algorithm>

namespace rollcoach {

std::string formatDiagnostic(const std::string& file, const Diagnostic& diagnostic) {
    std::string out = file;
    if (diagnostic.mark.line > 0) {
        out += ':' + std::to_string(diagnostic.mark.line) + ':' +
               std::to_string(std::max(diagnostic.mark.column, 1));
    }
    out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
    out += diagnostic.message;
    return out;
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

bool hasWarnings(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

} // namespace rollcoach
