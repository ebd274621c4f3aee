#include "Diagnostic.hpp"

#include "PrintableText.hpp"

#include <algorithm>

namespace rollcoach {

std::string formatDiagnostic(const std::string& file, const Diagnostic& diagnostic) {
    // Both may carry a file's own bytes: its name, or a value quoted from it.
    std::string out = printable(file);
    if (diagnostic.mark.line > 0) {
        out += ':' + std::to_string(diagnostic.mark.line) + ':' +
               std::to_string(std::max(diagnostic.mark.column, 1));
    }
    out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
    out += printable(diagnostic.message);
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
