#include "SessionRecorder.hpp"
#include "Translate.hpp"

namespace rollcoach {

namespace {

// A quick try waits for no lock, so a busy history never holds up a session's frames; the
// history's own wait comes back when the try is over.
class QuickTry {
public:
    explicit QuickTry(History& history) : m_history(history), m_was(history.busyTimeout()) {
        m_history.setBusyTimeout(0);
    }
    ~QuickTry() { m_history.setBusyTimeout(m_was); }
    QuickTry(const QuickTry&) = delete;
    QuickTry& operator=(const QuickTry&) = delete;

private:
    History& m_history;
    int m_was;
};

} // namespace

void SessionRecorder::write(const Record& r) {
    switch (r.kind) {
    case Record::Kind::Begin:
        m_session =
            m_history->beginSession(r.title, r.hash, r.file, r.at, r.firstSide, r.plannedPerSideS);
        break;
    case Record::Kind::Step:
        m_history->recordStep(m_session, r.step, r.leftS, r.rightS, r.at, r.bothS);
        break;
    case Record::Kind::CheckIn:
        m_history->recordCheckIn(m_session, r.checkIn, r.at);
        break;
    case Record::Kind::End:
        m_history->endSession(m_session, r.how, r.reason, r.leftS, r.rightS, r.at, r.bothS);
        break;
    }
}

void SessionRecorder::flush() {
    // In order: a step is never written before the session it belongs to, nor after its end.
    while (!m_waiting.empty()) {
        try {
            write(m_waiting.front());
        } catch (const HistoryError& error) {
            m_lastFailure = error.what();
            return;
        }
        m_waiting.pop_front();
    }
    m_lastFailure.clear();
}

void SessionRecorder::add(Record record) {
    if (m_history == nullptr) {
        return;
    }
    record.at = m_clock.now();
    if (!m_released) {
        m_waiting.push_back(std::move(record));
        return;
    }
    const bool behindOthers = !m_waiting.empty();
    m_waiting.push_back(std::move(record));
    if (behindOthers) {
        // The history was busy a moment ago: try, but do not wait for it again.
        QuickTry quick(*m_history);
        flush();
    } else {
        flush();
    }
}

void SessionRecorder::release() {
    if (m_released) {
        return;
    }
    m_released = true;
    if (m_history != nullptr && !m_waiting.empty()) {
        flush();
    }
}

void SessionRecorder::retry(bool wait) {
    if (m_history == nullptr || !m_released || m_waiting.empty()) {
        return;
    }
    if (wait) {
        flush();
        return;
    }
    QuickTry quick(*m_history);
    flush();
}

std::string SessionRecorder::problem() const {
    if (!m_problem.empty()) {
        return m_problem;
    }
    if (!m_released || m_waiting.empty()) {
        return {};
    }
    const std::size_t n = m_waiting.size();
    return plural(
        n,
        "{0} record of this session not written yet ({1}); tried again until the history is free",
        "{0} records of this session not written yet ({1}); tried again until the history is free",
        m_lastFailure);
}

void SessionRecorder::begin(const std::string& title, const std::string& hash,
                            const std::string& file, Side firstSide, double plannedPerSideS) {
    if (m_history == nullptr || m_begun) {
        return;
    }
    m_begun = true;
    Record r;
    r.kind = Record::Kind::Begin;
    r.title = title;
    r.hash = hash;
    r.file = file;
    r.firstSide = firstSide;
    r.plannedPerSideS = plannedPerSideS;
    add(std::move(r));
}

void SessionRecorder::stepDone(const StepRecord& step, double leftS, double rightS, double bothS) {
    m_leftS = leftS;
    m_rightS = rightS;
    m_bothS = bothS;
    if (!m_begun || m_ended) {
        return;
    }
    Record r;
    r.kind = Record::Kind::Step;
    r.step = step;
    r.leftS = leftS;
    r.rightS = rightS;
    r.bothS = bothS;
    add(std::move(r));
}

void SessionRecorder::checkIn(const CheckIn& checkIn) {
    if (!m_begun || (m_ended && !m_released)) {
        return;
    }
    Record r;
    r.kind = Record::Kind::CheckIn;
    r.checkIn = checkIn;
    add(std::move(r));
}

void SessionRecorder::end(const std::string& how, const std::string& reason, double leftS,
                          double rightS, double bothS, bool keep) {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_leftS = leftS;
    m_rightS = rightS;
    m_bothS = bothS;
    if (!m_begun) {
        return;
    }
    if (!m_released && !keep) {
        // Left before any time on a side: not a session at all.
        m_waiting.clear();
        return;
    }
    Record r;
    r.kind = Record::Kind::End;
    r.how = how;
    r.reason = reason;
    r.leftS = leftS;
    r.rightS = rightS;
    r.bothS = bothS;
    add(std::move(r));
    release();
}

SessionRecorder::~SessionRecorder() {
    // A window closed mid-session: what was done counts, and why it ended is known.
    if (m_begun && !m_ended && m_released) {
        end("stopped", N_("window closed"), m_leftS, m_rightS, m_bothS);
    }
    // The last chance for what is waiting: the history's full wait.
    retry(true);
}

} // namespace rollcoach
