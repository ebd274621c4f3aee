#pragma once

#include "Timeline.hpp"

#include <string>

namespace rollcoach {

/// The session plan as the contract's JSON: {"title", "total_s", "segments": [...]}, with
/// why the first side was chosen when `firstSideReason` is given.
std::string planJson(const Timeline& timeline, const std::string& firstSideReason = {});

/// The session plan as plain text for people.
std::string planText(const Timeline& timeline);

} // namespace rollcoach
