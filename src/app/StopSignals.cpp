#include "StopSignals.hpp"
#include "core/Translate.hpp"

#include <cstring>

namespace rollcoach {

namespace {

constexpr int kSignals[3] = {SIGTERM, SIGINT, SIGHUP};

// Written by the handler, read by the loop: the one thing a handler may safely do.
volatile std::sig_atomic_t g_received = 0;

extern "C" void noteSignal(int signal) {
    if (g_received == 0) {
        g_received = signal;
        return;
    }
    // Asked twice: the loop is not answering, so the signal does what it would have done.
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

StopSignals::StopSignals() {
    g_received = 0;
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = noteSignal;
    sigemptyset(&action.sa_mask);
    // A system call the signal lands in carries on: the loop looks at the flag within a
    // frame, or 50 ms when idle.
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 3; ++i) {
        sigaction(kSignals[i], &action, &m_before[i]);
    }
}

StopSignals::~StopSignals() {
    for (int i = 0; i < 3; ++i) {
        sigaction(kSignals[i], &m_before[i], nullptr);
    }
}

int StopSignals::received() const {
    return g_received;
}

std::string StopSignals::name(int signal) {
    switch (signal) {
    case SIGTERM:
        return "SIGTERM";
    case SIGINT:
        return "SIGINT";
    case SIGHUP:
        return "SIGHUP";
    default:
        return "signal " +
               std::to_string(signal); // untranslated: kept in the history as the stop reason
    }
}

} // namespace rollcoach
