#pragma once

#include <cstddef>
#include <string>

namespace rollcoach {

/// A whole file read into memory, or why it could not be.
struct TextFile {
    std::string text;
    std::string error; ///< empty on success: "no such file", "is a directory", ...
};

/// Reads a file, refusing directories, unreadable files and files over maxBytes before
/// reading them.
TextFile readTextFile(const std::string& path, std::size_t maxBytes);

/// FNV-1a hash of a routine file's text, as 16 hex digits: tells edited routines apart.
std::string routineHash(const std::string& text);

} // namespace rollcoach
