#pragma once

#include "core/Workspace.hpp"

#include <iosfwd>
#include <string>

namespace rollcoach {

/// `report`: the last `weeks` weeks for a physiotherapist, as a PDF (`pdfFile`) and/or the
/// raw rows as CSV (`csvFile`, "-" for standard output). `name` and `note`, when given, are
/// printed on the report's first page.
int reportCommand(int weeks, const std::string& pdfFile, const std::string& csvFile,
                  const Workspace& workspace, std::ostream& out, std::ostream& err,
                  const std::string& name = {}, const std::string& note = {});

} // namespace rollcoach
