#pragma once

#include <string>
#include <vector>

namespace rollcoach {

/// The candidate closest to a misspelt word, or "" when none is close enough to be a typo.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

} // namespace rollcoach
