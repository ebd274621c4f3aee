#include "app/WindowFrontEnd.hpp"
#include "cli/CommandLine.hpp"
#include "cli/StandardOutput.hpp"
#include "core/Clock.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <malloc.h>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

// The program's one clock. $ROLLCOACH_NOW sets the time at start-up, from which it runs on
// as the system's does, so a session stamped later in the same window is stamped later.
class SystemClock : public rollcoach::Clock {
public:
    explicit SystemClock(std::optional<std::int64_t> start) {
        const std::int64_t system = static_cast<std::int64_t>(std::time(nullptr));
        m_offset = start ? *start - system : 0;
    }
    std::int64_t now() const override {
        return static_cast<std::int64_t>(std::time(nullptr)) + m_offset;
    }

private:
    std::int64_t m_offset;
};

} // namespace

int main(int argc, char** argv) {
    // One heap for every thread. The window reads its fonts and history on a thread of its
    // own at start-up; with an arena of its own, what that thread freed (0.6 MiB) would stay
    // resident for the whole session instead of being reused.
    mallopt(M_ARENA_MAX, 1);
    // A time that cannot be read is refused before anything is done at a wrong time.
    std::optional<std::int64_t> start;
    if (const char* given = std::getenv("ROLLCOACH_NOW"); given != nullptr && *given != '\0') {
        std::int64_t seconds = 0;
        std::string why;
        if (!rollcoach::parseNow("ROLLCOACH_NOW", given, seconds, why)) {
            std::cerr << "rollcoach: error: " << why << "\n";
            return 2;
        }
        start = seconds;
    }
    // Standard output through a buffer that keeps why a write failed, for the command line
    // to report.
    rollcoach::StandardOutput standardOutput(STDOUT_FILENO);
    std::ostream out(&standardOutput);
    try {
        const SystemClock clock(start);
        std::vector<std::string> args(argv, argv + argc);
        return rollcoach::runCommandLine(args, out, std::cerr, clock, rollcoach::runWindow);
    } catch (const std::exception& error) {
        std::cerr << "rollcoach: error: " << error.what() << "\n";
        return 1;
    }
}
