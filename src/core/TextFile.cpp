#include "TextFile.hpp"

#include <cstdint>
#include <cstdio>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rollcoach {

TextFile readTextFile(const std::string& path, std::size_t maxBytes) {
    namespace fs = std::filesystem;
    TextFile file;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        file.error = "cannot read file: no such file";
        return file;
    }
    if (fs::is_directory(status)) {
        file.error = "cannot read file: it is a directory";
        return file;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        file.error = std::string("cannot read file: ") + std::strerror(errno);
        return file;
    }
    if (fs::is_regular_file(status)) {
        const auto size = fs::file_size(path, ec);
        if (!ec && size > maxBytes) {
            file.error = "file too large: " + std::to_string(size) + " bytes, at most " +
                         std::to_string(maxBytes) + " are read";
            return file;
        }
    }
    // Read at most one byte past the limit, so a pipe or a growing file is refused too.
    std::string text(maxBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        file.error = std::string("cannot read file: ") + std::strerror(errno);
        return file;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > maxBytes) {
        file.error = "file too large: more than " + std::to_string(maxBytes) + " bytes";
        return file;
    }
    file.text = std::move(text);
    return file;
}

std::string routineHash(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

} // namespace rollcoach
