#include "SettingsText.hpp"
#include "Translate.hpp"

#include "Schedule.hpp"
#include "TextFile.hpp"

#include <filesystem>
#include <system_error>

namespace rollcoach {
namespace {

// The lines of a text, each without its line end; a last line without one is kept too.
std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// The key of a top-level `key: value` line, or "" for any other line (a comment, a blank, an
// indented line, a list item, a document marker).
std::string topLevelKey(const std::string& line) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' ||
        line[0] == '"' || line[0] == '\'') {
        return {};
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0 ||
        (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t')) {
        return {};
    }
    std::string key = line.substr(0, colon);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) {
        key.pop_back();
    }
    return key;
}

// The comment that ends a `key: value` line (" # ..."), or "". A '#' inside quotes is text.
std::string trailingComment(const std::string& line) {
    char quote = 0;
    for (std::size_t i = line.find(':') + 1; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            std::size_t from = i;
            while (from > 0 && (line[from - 1] == ' ' || line[from - 1] == '\t')) {
                --from;
            }
            return line.substr(from);
        }
    }
    return {};
}

bool continues(const std::string& line) {
    return !line.empty() && (line[0] == ' ' || line[0] == '\t');
}

} // namespace

std::string withSettings(const std::string& text, const std::vector<SettingChange>& changes) {
    const bool crlf = text.find("\r\n") != std::string::npos;
    std::vector<std::string> lines = linesOf(text);
    for (std::string& line : lines) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
    }
    std::vector<bool> done(changes.size(), false);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string key = topLevelKey(lines[i]);
        std::size_t which = changes.size();
        for (std::size_t c = 0; c < changes.size(); ++c) {
            if (!key.empty() && changes[c].key == key) {
                which = c;
            }
        }
        if (which == changes.size()) {
            out.push_back(lines[i]);
            continue;
        }
        // A value on the lines under the key goes with it.
        while (i + 1 < lines.size() && continues(lines[i + 1])) {
            ++i;
        }
        if (done[which] || !changes[which].value) {
            continue; // removed, or a second line for a key already set
        }
        out.push_back(key + ": " + *changes[which].value + trailingComment(lines[i]));
        done[which] = true;
    }
    for (std::size_t c = 0; c < changes.size(); ++c) {
        if (!done[c] && changes[c].value) {
            out.push_back(changes[c].key + ": " + *changes[c].value);
        }
    }
    const char* end = crlf ? "\r\n" : "\n";
    std::string result;
    for (const std::string& line : out) {
        result += line + end;
    }
    return result;
}

bool changeSettingsFile(const std::string& path, const std::vector<SettingChange>& changes,
                        std::string& why) {
    if (path.empty()) {
        why = _("there is no settings file to write");
        return false;
    }
    std::error_code ec;
    std::string text;
    if (std::filesystem::exists(path, ec)) {
        const TextFile file = readTextFile(path, kMaxSettingsBytes);
        if (!file.error.empty()) {
            why = path + ": " + file.error;
            return false;
        }
        text = file.text;
    }
    if (!makeFolderFor(path, why)) {
        return false;
    }
    if (!writeFileAtomically(path, withSettings(text, changes), why)) {
        why = path + ": " + why;
        return false;
    }
    return true;
}

} // namespace rollcoach
