#pragma once

#include <cstddef>
#include <string>

namespace rollcoach {

/// A whole file read into memory, or why it could not be.
struct TextFile {
    std::string text;
    std::string error; ///< empty on success: "no such file", "is a directory", ...
};

/// Reads a file, refusing anything that is not a regular file (a folder, a FIFO, a device, a
/// socket), unreadable files and files over maxBytes before reading them. It never blocks on
/// a FIFO with no writer.
TextFile readTextFile(const std::string& path, std::size_t maxBytes);

/// Replaces `path` with `bytes` so that the file is either the old one or the whole new one:
/// the bytes go to a temporary file in the same folder, are flushed to the disk, and the
/// temporary is renamed over `path`. On failure the temporary is removed, the old file is
/// left as it was, and false is returned with the operating system's reason in `why`. Only
/// a regular file is replaced: a folder, a FIFO or a device at `path` is left alone, and why
/// says what it is.
bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& why);

/// Makes the folder that holds `path`, and its parents, where missing; false with the folder
/// and the reason in `why`.
bool makeFolderFor(const std::string& path, std::string& why);

/// FNV-1a hash of a routine file's text, as 16 hex digits: tells edited routines apart.
std::string routineHash(const std::string& text);

} // namespace rollcoach
