#pragma once

#include "BodyModel.hpp"
#include "Timeline.hpp"

#include <string>

namespace rollcoach {

/// The session plan as the contract's JSON: {"title", "total_s", "segments": [...]}, with
/// why the first side was chosen when `firstSideReason` is given. With `everyS` > 0 it adds
/// "moments": one every `everyS` seconds from the start, each with "t_s", "side" and the
/// "balls" as drawn then, in the routine's frame for the side being worked (none while the
/// balls are lifted during a switch, or between two places a slide would cross a zone). Given the
/// body, the moments also say each ball's drawn radius (its contact patch), and "body" names the
/// body and gives its outline.
std::string planJson(const Timeline& timeline, const std::string& firstSideReason = {},
                     double everyS = 0, const BodyModel* body = nullptr);

/// The session plan as plain text for people.
std::string planText(const Timeline& timeline);

} // namespace rollcoach
