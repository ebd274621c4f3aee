#pragma once

#include <cstdint>
#include <string>

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

namespace rollcoach {

/// The earliest and latest moments $ROLLCOACH_NOW may name: 1970-01-01 00:00:00 and
/// 9999-12-31 23:59:59 UTC, so every date shown has four digits and a day loop cannot run
/// away.
constexpr std::int64_t kEarliestNow = 0;
constexpr std::int64_t kLatestNow = 253402300799;

/// Reads a time given as text ($ROLLCOACH_NOW): a plain whole number of seconds since the
/// epoch, digits only, from kEarliestNow to kLatestNow. Anything else (a sign, a space, a
/// fraction, hex, a word, a number out of range) is refused: false, with `why` naming
/// `variable` and the value, escaped for a terminal.
bool parseNow(const std::string& variable, const std::string& text, std::int64_t& seconds,
              std::string& why);

} // namespace rollcoach
