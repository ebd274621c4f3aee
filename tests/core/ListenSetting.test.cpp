#include "TestSupport.hpp"

#include "core/Schedule.hpp"

using namespace rollcoach;

TEST_CASE("settings: listen is off unless set, and takes only true or false") {
    Diagnostics problems;
    CHECK_FALSE(parseSettings("time: \"18:30\"\n", problems).listen);
    CHECK(problems.empty());
    CHECK(parseSettings("listen: true\n", problems).listen);
    CHECK(problems.empty());
    CHECK_FALSE(parseSettings("listen: false\n", problems).listen);
    CHECK(problems.empty());
    for (const char* bad : {"listen: yes\n", "listen: \"true\"\n", "listen: [true]\n"}) {
        problems.clear();
        CAPTURE(bad);
        CHECK_FALSE(parseSettings(bad, problems).listen);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message == "\"listen\" must be true or false");
        CHECK(problems[0].mark.line == 1);
    }
}
