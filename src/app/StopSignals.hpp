#pragma once

#include <csignal>
#include <string>

namespace rollcoach {

/// SIGTERM, SIGINT and SIGHUP, caught while it lives, so the window's loop can end a session
/// as a Stop does (the part done is recorded) and close: a logout, Ctrl+C in the terminal or
/// `kill` loses nothing. The handler only notes the signal; the loop acts on it. The handlers
/// that were there before come back when it goes.
class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// The signal that came, or 0.
    int received() const;
    /// "SIGTERM", "SIGINT", "SIGHUP".
    static std::string name(int signal);

private:
    struct sigaction m_before[3];
};

} // namespace rollcoach
