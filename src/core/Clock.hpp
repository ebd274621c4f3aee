#pragma once

#include <cstdint>

namespace rollcoach {

/// The wall clock, as the program reads it in one place and hands it down: the core asks it
/// the time and never reads one of its own, so a test (or $ROLLCOACH_NOW) sets the time for
/// every command and every screen at once.
class Clock {
public:
    virtual ~Clock() = default;
    /// Seconds since the epoch, UTC.
    virtual std::int64_t now() const = 0;
};

/// A clock that says what it is told: for tests, and for pictures of a moment.
class FixedClock : public Clock {
public:
    explicit FixedClock(std::int64_t now = 0) : m_now(now) {}
    std::int64_t now() const override { return m_now; }
    void set(std::int64_t now) { m_now = now; }
    void advance(std::int64_t seconds) { m_now += seconds; }

private:
    std::int64_t m_now;
};

} // namespace rollcoach
