#pragma once

#include "Timeline.hpp"

#include <string>

namespace rollcoach {

/// The session plan as the contract's JSON: {"title", "total_s", "segments": [...]}.
std::string planJson(const Timeline& timeline);

/// The session plan as plain text for people.
std::string planText(const Timeline& timeline);

} // namespace rollcoach
