#include "SessionRecorder.hpp"
#include "Translate.hpp"

namespace rollcoach {

namespace {

// How long a record waits for a lock before it is kept for a later try: a blink, not the
// history's full wait, which would freeze the window.
constexpr int kShortWaitMs = 100;

// A quick try waits for a lock at most `waitMs`, so a busy history never holds up a
// session's frames for longer than a blink; the history's own wait comes back when the try is
// over.
class QuickTry {
public:
    QuickTry(History& history, int waitMs) : m_history(history), m_was(history.busyTimeout()) {
        m_history.setBusyTimeout(waitMs);
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
        m_session = m_history->beginSession(r.title, r.hash, r.file, r.at, r.firstSide,
                                            r.plannedPerSideS, r.key);
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
    if (m_history == nullptr) {
        return; // kept until a history is attached
    }
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
    if (m_history == nullptr && m_problem.empty()) {
        return; // no history wanted (a picture of a moment): nothing to keep
    }
    record.at = m_clock.now();
    if (!m_released || m_history == nullptr) {
        m_waiting.push_back(std::move(record));
        return;
    }
    // Another program's write takes a few milliseconds: a record waits that long for it. The
    // history busy a moment ago is tried, not waited for again. Either way the session's
    // frames go on; what is not written waits for the next try.
    const bool behindOthers = !m_waiting.empty();
    m_waiting.push_back(std::move(record));
    QuickTry quick(*m_history, behindOthers ? 0 : kShortWaitMs);
    flush();
}

void SessionRecorder::release() {
    if (m_released) {
        return;
    }
    m_released = true;
    if (m_history != nullptr && !m_waiting.empty()) {
        QuickTry quick(*m_history, kShortWaitMs);
        flush();
    }
}

void SessionRecorder::attach(History* history) {
    if (m_history != nullptr || history == nullptr) {
        return;
    }
    m_history = history;
    m_problem.clear();
    retry();
}

void SessionRecorder::retry(bool wait) {
    if (m_history == nullptr || !m_released || m_waiting.empty()) {
        return;
    }
    if (wait) {
        flush();
        return;
    }
    QuickTry quick(*m_history, 0);
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

void SessionRecorder::begin(const std::string& title, const std::string& key,
                            const std::string& hash, const std::string& file, Side firstSide,
                            double plannedPerSideS) {
    if (m_begun) {
        return;
    }
    m_begun = true;
    Record r;
    r.kind = Record::Kind::Begin;
    r.title = title;
    r.key = key;
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
