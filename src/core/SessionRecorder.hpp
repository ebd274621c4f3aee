#pragma once

#include "Clock.hpp"
#include "History.hpp"

#include <cstdint>
#include <string>

namespace rollcoach {

/// Writes one session to the history as it goes. Any failure (a read-only or full disk) is
/// kept as a message and the session carries on without history.
class SessionRecorder {
public:
    /// `history` may be null; `unavailable` then says why, if known.
    SessionRecorder(History* history, const Clock& clock, std::string unavailable = {})
        : m_history(history), m_clock(clock), m_problem(std::move(unavailable)) {}
    ~SessionRecorder();
    SessionRecorder(const SessionRecorder&) = delete;
    SessionRecorder& operator=(const SessionRecorder&) = delete;

    void begin(const std::string& title, const std::string& hash, const std::string& file,
               Side firstSide, double plannedPerSideS);
    void stepDone(const StepRecord& step, double leftS, double rightS);
    /// Check-ins are taken until the recorder is gone: the last side is rated on the end
    /// screen, after the session has ended.
    void checkIn(const CheckIn& checkIn);
    void end(const std::string& how, const std::string& reason, double leftS, double rightS);

    bool ended() const { return m_ended; }
    /// Why history is not being saved ("" while all is well).
    const std::string& problem() const { return m_problem; }

private:
    template <typename Write> void attempt(Write write);

    History* m_history;
    const Clock& m_clock;
    std::string m_problem;
    std::int64_t m_session = 0;
    bool m_begun = false;
    bool m_ended = false;
    double m_leftS = 0;
    double m_rightS = 0;
};

} // namespace rollcoach
