#pragma once

#include <string>

namespace rollcoach {

/// The body of a starting routine for a drill ("wall", "lying", "partner", "self-press"; any
/// other word gives the wall drill), after its format and title: every key commented. A
/// routine of it fits every body rollcoach accepts.
std::string routineTemplateBody(const std::string& drill);

} // namespace rollcoach
