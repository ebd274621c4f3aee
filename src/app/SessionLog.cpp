#include "SessionLog.hpp"

#include <ctime>

namespace rollcoach {
namespace {
std::int64_t now() {
    return static_cast<std::int64_t>(std::time(nullptr));
}
} // namespace

template <typename Write> void SessionLog::attempt(Write write) {
    if (m_history == nullptr || !m_problem.empty()) {
        return;
    }
    try {
        write();
    } catch (const HistoryError& error) {
        m_problem = error.what();
    }
}

void SessionLog::begin(const std::string& title, const std::string& hash, const std::string& file,
                       Side firstSide) {
    attempt([&] {
        m_session = m_history->beginSession(title, hash, file, now(), firstSide);
        m_begun = true;
    });
}

void SessionLog::stepDone(const StepRecord& step, double leftS, double rightS) {
    m_leftS = leftS;
    m_rightS = rightS;
    if (!m_begun || m_ended) {
        return;
    }
    attempt([&] { m_history->recordStep(m_session, step, leftS, rightS, now()); });
}

void SessionLog::checkIn(const CheckIn& checkIn) {
    if (!m_begun || m_ended) {
        return;
    }
    attempt([&] { m_history->recordCheckIn(m_session, checkIn, now()); });
}

void SessionLog::end(const std::string& how, const std::string& reason, double leftS,
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
    attempt([&] { m_history->endSession(m_session, how, reason, leftS, rightS, now()); });
}

SessionLog::~SessionLog() {
    // A window closed mid-session: what was done counts, and why it ended is known.
    if (m_begun && !m_ended) {
        end("stopped", "window closed", m_leftS, m_rightS);
    }
}

} // namespace rollcoach
