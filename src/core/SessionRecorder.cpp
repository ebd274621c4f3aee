#include "SessionRecorder.hpp"

namespace rollcoach {

template <typename Write> void SessionRecorder::attempt(Write write) {
    if (m_history == nullptr || !m_problem.empty()) {
        return;
    }
    try {
        write();
    } catch (const HistoryError& error) {
        m_problem = error.what();
    }
}

void SessionRecorder::begin(const std::string& title, const std::string& hash,
                            const std::string& file, Side firstSide, double plannedPerSideS) {
    attempt([&] {
        m_session =
            m_history->beginSession(title, hash, file, m_clock.now(), firstSide, plannedPerSideS);
        m_begun = true;
    });
}

void SessionRecorder::stepDone(const StepRecord& step, double leftS, double rightS) {
    m_leftS = leftS;
    m_rightS = rightS;
    if (!m_begun || m_ended) {
        return;
    }
    attempt([&] { m_history->recordStep(m_session, step, leftS, rightS, m_clock.now()); });
}

void SessionRecorder::checkIn(const CheckIn& checkIn) {
    if (!m_begun) {
        return;
    }
    attempt([&] { m_history->recordCheckIn(m_session, checkIn, m_clock.now()); });
}

void SessionRecorder::end(const std::string& how, const std::string& reason, double leftS,
                          double rightS) {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_leftS = leftS;
    m_rightS = rightS;
    if (!m_begun) {
        return;
    }
    attempt([&] { m_history->endSession(m_session, how, reason, leftS, rightS, m_clock.now()); });
}

SessionRecorder::~SessionRecorder() {
    // A window closed mid-session: what was done counts, and why it ended is known.
    if (m_begun && !m_ended) {
        end("stopped", "window closed", m_leftS, m_rightS);
    }
}

} // namespace rollcoach
