#include "TextFile.hpp"
#include "Translate.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace rollcoach {

namespace {

// The reason an open or a read failed, in words a user can act on.
std::string openError(int error) {
    switch (error) {
    case ENOENT:
        return _("cannot read file: no such file");
    case ENOTDIR:
        return _("cannot read file: a part of the path is not a folder");
    case ELOOP:
        return fillIn(_("cannot read file: a loop of symbolic links ({0})"),
                      std::string(std::strerror(error)));
    default:
        return fillIn(_("cannot read file: {0}"), std::string(std::strerror(error)));
    }
}

// What a file that is not a regular file is, for "is not a regular file (a FIFO)".
const char* kindOf(mode_t mode) {
    if (S_ISFIFO(mode)) {
        return _("a FIFO");
    }
    if (S_ISCHR(mode)) {
        return _("a character device");
    }
    if (S_ISBLK(mode)) {
        return _("a block device");
    }
    if (S_ISSOCK(mode)) {
        return _("a socket");
    }
    return _("not a file");
}

// Closes a descriptor when it goes out of scope.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

bool writeAll(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

TextFile readTextFile(const std::string& path, std::size_t maxBytes) {
    TextFile file;
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. What
    // was opened is then checked on the descriptor itself, so it cannot change in between.
    Descriptor in;
    in.fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (in.fd < 0) {
        // A socket cannot be opened at all: say what it is rather than "No such device".
        struct stat info {};
        if ((errno == ENXIO || errno == EOPNOTSUPP) && ::stat(path.c_str(), &info) == 0) {
            file.error = fillIn(_("is not a regular file ({0})"), kindOf(info.st_mode));
            return file;
        }
        file.error = openError(errno);
        return file;
    }
    struct stat info {};
    if (::fstat(in.fd, &info) != 0) {
        file.error = openError(errno);
        return file;
    }
    if (S_ISDIR(info.st_mode)) {
        file.error = _("cannot read file: it is a directory");
        return file;
    }
    if (!S_ISREG(info.st_mode)) {
        file.error = fillIn(_("is not a regular file ({0})"), kindOf(info.st_mode));
        return file;
    }
    if (static_cast<std::uintmax_t>(info.st_size) > maxBytes) {
        file.error = fillIn(_("file too large: {0} bytes, at most {1} are read"),
                            std::to_string(info.st_size), std::to_string(maxBytes));
        return file;
    }
    // Read at most one byte past the limit, so a file growing while it is read is refused too.
    // The buffer starts at the size the file has (and a byte to see it end), and grows only
    // if the file does: a buffer of the whole limit, zeroed, was a mebibyte of page faults for
    // every file read, the body model and the routine before the first frame among them.
    const std::size_t limit = maxBytes + 1;
    std::string text(std::min(limit, static_cast<std::size_t>(info.st_size) + 1), '\0');
    std::size_t size = 0;
    while (size < limit) {
        if (size == text.size()) {
            text.resize(std::min(limit, std::max<std::size_t>(4096, text.size() * 2)));
        }
        const ssize_t n = ::read(in.fd, text.data() + size, text.size() - size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            file.error = fillIn(_("cannot read file: {0}"), std::string(std::strerror(errno)));
            return file;
        }
        if (n == 0) {
            break;
        }
        size += static_cast<std::size_t>(n);
    }
    if (size > maxBytes) {
        file.error = fillIn(_("file too large: more than {0} bytes"), std::to_string(maxBytes));
        return file;
    }
    text.resize(size);
    file.text = std::move(text);
    return file;
}

bool makeFolderFor(const std::string& path, std::string& why) {
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (folder.empty()) {
        return true;
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        why = folder.string() + ": " + ec.message();
        return false;
    }
    return true;
}

bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& why) {
    namespace fs = std::filesystem;
    // Only a regular file is replaced. A rename over a FIFO, a device (/dev/null, a terminal)
    // or a folder would put a file where they were; each is named and left alone.
    struct stat old {};
    const bool exists = ::stat(path.c_str(), &old) == 0;
    if (exists && S_ISDIR(old.st_mode)) {
        why = _("it is a folder");
        return false;
    }
    if (exists && !S_ISREG(old.st_mode)) {
        why = fillIn(_("it is not a regular file ({0})"), kindOf(old.st_mode));
        return false;
    }
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // A hidden name beside the target: the rename stays on one file system, so it is atomic.
    std::string temporary;
    Descriptor out;
    for (int attempt = 0; out.fd < 0; ++attempt) {
        temporary = (folder / ("." + target.filename().string() + ".tmp-" +
                               std::to_string(getpid()) + "-" + std::to_string(attempt)))
                        .string();
        // 0666 less the umask, as a plain new file would get; never through a link.
        out.fd =
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (out.fd < 0 && (errno != EEXIST || attempt >= 100)) {
            why = std::strerror(errno);
            return false;
        }
    }
    // A file being replaced keeps its permissions.
    if (exists) {
        ::fchmod(out.fd, old.st_mode & 07777);
    }
    auto fail = [&](int error) {
        why = std::strerror(error);
        ::close(out.fd);
        out.fd = -1;
        ::unlink(temporary.c_str());
        return false;
    };
    if (!writeAll(out.fd, bytes) || ::fsync(out.fd) != 0) {
        return fail(errno);
    }
    const int fd = out.fd;
    out.fd = -1;
    if (::close(fd) != 0) {
        why = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        why = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    // The rename itself is made durable with the folder.
    Descriptor dir;
    dir.fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir.fd >= 0) {
        ::fsync(dir.fd);
    }
    return true;
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
