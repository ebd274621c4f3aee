#pragma once

#include "Clock.hpp"
#include "History.hpp"

#include <cstdint>
#include <deque>
#include <string>

namespace rollcoach {

/// Writes one session to the history as it goes. A write that fails (another program holds
/// the history locked for more than a tenth of a second, a full disk) is kept, in order, with
/// everything after it, and tried again with each later write and each `retry()`: when the history
/// is free again, it is all written, so nothing of a session is lost to a lock that goes. A history
/// that could not be opened when the session began is waited for the same way: once it is
/// `attach`ed, all the session kept is written.
///
/// Nothing is written until the session has done some work (`release()`): a session left in
/// its get-ready, before any time on a side, counts for nothing and leaves no trace.
class SessionRecorder {
public:
    /// `history` may be null (until one is attached); `unavailable` then says why, if known.
    SessionRecorder(History* history, const Clock& clock, std::string unavailable = {})
        : m_history(history), m_clock(clock), m_problem(std::move(unavailable)) {}
    ~SessionRecorder();
    SessionRecorder(const SessionRecorder&) = delete;
    SessionRecorder& operator=(const SessionRecorder&) = delete;

    /// `title` as shown, `key` as the file writes it (Routine::key).
    void begin(const std::string& title, const std::string& key, const std::string& hash,
               const std::string& file, Side firstSide, double plannedPerSideS);
    /// `leftS` and `rightS`: each side's own time so far; `bothS`: both sides at once.
    void stepDone(const StepRecord& step, double leftS, double rightS, double bothS = 0);
    /// Check-ins are taken until the recorder is gone: the last side is rated on the end
    /// screen, after the session has ended.
    void checkIn(const CheckIn& checkIn);
    /// Ends the session. One that was never released is dropped, unless `keep` (a pain stop
    /// is worth knowing however early it came).
    void end(const std::string& how, const std::string& reason, double leftS, double rightS,
             double bothS = 0, bool keep = false);
    /// Some time has been spent on a side: what is held is written, and all that follows.
    void release();
    /// A history opened after the session began (it was locked, or on a full disk): what the
    /// session kept is written to it, with a quick try, and all that follows. Nothing if one
    /// is attached already.
    void attach(History* history);
    bool released() const { return m_released; }

    /// Tries again to write what is waiting. By default a quick try that never waits for a
    /// lock (the window's loop calls it often); with `wait`, the history's full busy wait,
    /// as a last try before the session is let go.
    void retry(bool wait = false);
    /// How many records are waiting to be written to a history there is.
    std::size_t waiting() const { return m_released && m_history ? m_waiting.size() : 0; }
    /// How many records are kept for a history that could not be opened (none attached yet).
    std::size_t kept() const { return m_released && !m_history ? m_waiting.size() : 0; }
    /// Why the first of them could not be written.
    const std::string& lastFailure() const { return m_lastFailure; }

    bool ended() const { return m_ended; }
    /// Why history is not being saved, or why records are waiting ("" while all is well).
    std::string problem() const;

private:
    struct Record {
        enum class Kind { Begin, Step, CheckIn, End } kind = Kind::Begin;
        std::int64_t at = 0; ///< when it happened: a record written late keeps its time
        std::string title, key, hash, file; ///< Begin
        Side firstSide = Side::Left;
        double plannedPerSideS = 0;
        StepRecord step;         ///< Step
        CheckIn checkIn;         ///< CheckIn
        std::string how, reason; ///< End
        double leftS = 0, rightS = 0, bothS = 0;
    };
    void add(Record record);
    void write(const Record& record);
    void flush();

    History* m_history;
    const Clock& m_clock;
    std::string m_problem;     // no history at all
    std::string m_lastFailure; // why the first waiting record could not be written
    std::deque<Record> m_waiting;
    std::int64_t m_session = 0;
    bool m_begun = false;
    bool m_ended = false;
    bool m_released = false; // until then, records are held, not written
    double m_leftS = 0;
    double m_rightS = 0;
    double m_bothS = 0;
};

} // namespace rollcoach
