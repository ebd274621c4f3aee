#include "TestSupport.hpp"

#include "core/Clock.hpp"

using namespace rollcoach;

TEST_CASE("ROLLCOACH_NOW: plain whole seconds from 1970 to 9999 are read") {
    std::int64_t seconds = -1;
    std::string why;
    CHECK(parseNow("ROLLCOACH_NOW", "0", seconds, why));
    CHECK(seconds == 0);
    CHECK(parseNow("ROLLCOACH_NOW", "1795459200", seconds, why));
    CHECK(seconds == 1795459200);
    CHECK(parseNow("ROLLCOACH_NOW", "0001795459200", seconds, why));
    CHECK(seconds == 1795459200);
    CHECK(parseNow("ROLLCOACH_NOW", "253402300799", seconds, why));
    CHECK(seconds == kLatestNow);
    CHECK(why.empty());
}

TEST_CASE("ROLLCOACH_NOW: anything else is refused, naming the variable and the value") {
    for (const char* bad : {"tomorrow", "1e30", "0x10", "-1", "+5", " 5", "5 ", "1.5",
                            "253402300800", "9223372036854775807", "-9223372036854775808",
                            "99999999999999999999999999999", "12abc", "\xff"}) {
        CAPTURE(bad);
        std::int64_t seconds = 42;
        std::string why;
        CHECK_FALSE(parseNow("ROLLCOACH_NOW", bad, seconds, why));
        CHECK(seconds == 42);
        CHECK(why.rfind("ROLLCOACH_NOW=\"", 0) == 0);
        CHECK(why.find("9999-12-31") != std::string::npos);
    }
    // The value is shown escaped: no control character reaches the terminal.
    std::int64_t seconds = 0;
    std::string why;
    CHECK_FALSE(parseNow("ROLLCOACH_NOW", "1\x1b[2J", seconds, why));
    CHECK(why.find('\x1b') == std::string::npos);
    CHECK(why.find("\\x1b") != std::string::npos);
}
