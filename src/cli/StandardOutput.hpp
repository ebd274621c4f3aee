#pragma once

#include <streambuf>
#include <string>

namespace rollcoach {

/// A file descriptor (standard output) as a stream buffer that keeps the reason of the first
/// write that failed: a full disk or a closed pipe is then reported, not lost. Like C's
/// standard output, it flushes at each line on a terminal and in large blocks elsewhere.
class StandardOutput : public std::streambuf {
public:
    explicit StandardOutput(int fd);
    ~StandardOutput() override;
    StandardOutput(const StandardOutput&) = delete;
    StandardOutput& operator=(const StandardOutput&) = delete;

    /// The errno of the first write that failed, 0 if none has.
    int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

private:
    bool drain();

    int m_fd;
    bool m_lineBuffered;
    int m_error = 0;
    std::string m_buffer;
};

/// Why `out` could not be written, in the operating system's words when it is known: ""
/// when everything written to it has gone out. Flushes it first.
std::string outputFailure(std::ostream& out);

} // namespace rollcoach
