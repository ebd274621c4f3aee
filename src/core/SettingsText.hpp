#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// One top-level setting to write: its key and its value as YAML text ("women", "36.5",
/// "true"); no value removes the key.
struct SettingChange {
    std::string key;
    std::optional<std::string> value;
};

/// The settings text with these top-level `key: value` lines set, replaced or removed, and
/// every other line and comment kept as the person wrote it. A replaced line keeps its
/// comment; a key not there yet is added at the end. A value given on the lines under its key
/// (indented) is replaced with the key's line.
std::string withSettings(const std::string& text, const std::vector<SettingChange>& changes);

/// Writes the settings file with these changes, atomically (the old file or the whole new one),
/// making its folder if need be; false with the reason in `why`.
bool changeSettingsFile(const std::string& path, const std::vector<SettingChange>& changes,
                        std::string& why);

} // namespace rollcoach
