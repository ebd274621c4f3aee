#include "StandardOutput.hpp"
#include "core/Translate.hpp"

#include <cerrno>
#include <cstring>
#include <ostream>
#include <unistd.h>

namespace rollcoach {

namespace {

constexpr std::size_t kBlock = 64 * 1024;

} // namespace

StandardOutput::StandardOutput(int fd) : m_fd(fd), m_lineBuffered(::isatty(fd) == 1) {
    m_buffer.reserve(kBlock);
}

StandardOutput::~StandardOutput() {
    drain();
}

bool StandardOutput::drain() {
    std::size_t done = 0;
    while (m_error == 0 && done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            m_error = errno;
        } else {
            done += static_cast<std::size_t>(n);
        }
    }
    // What could not be written is dropped: it would fail again, and nothing may wait on it.
    m_buffer.clear();
    return m_error == 0;
}

StandardOutput::int_type StandardOutput::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) {
        return drain() ? traits_type::not_eof(c) : traits_type::eof();
    }
    const char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize StandardOutput::xsputn(const char* text, std::streamsize count) {
    if (m_error != 0) {
        return 0;
    }
    m_buffer.append(text, static_cast<std::size_t>(count));
    const bool lineDone =
        m_lineBuffered && std::memchr(text, '\n', static_cast<std::size_t>(count)) != nullptr;
    if ((m_buffer.size() >= kBlock || lineDone) && !drain()) {
        return 0;
    }
    return count;
}

int StandardOutput::sync() {
    return drain() ? 0 : -1;
}

std::string outputFailure(std::ostream& out) {
    out.flush();
    if (out) {
        return {};
    }
    if (const auto* standard = dynamic_cast<const StandardOutput*>(out.rdbuf());
        standard != nullptr && standard->error() != 0) {
        return std::strerror(standard->error());
    }
    return _("the output stream failed");
}

} // namespace rollcoach
