#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"

#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// The request the window would be handed for these arguments.
WindowRequest requestFor(std::vector<std::string> args) {
    args.insert(args.begin(), "rollcoach");
    std::ostringstream out;
    std::ostringstream err;
    const FixedClock clock(1795435200);
    WindowRequest seen;
    const int code = runCommandLine(
        args, out, err, clock,
        [&](const WindowRequest& request, const Workspace&, std::ostream&, std::ostream&) {
            seen = request;
            return 0;
        });
    INFO(err.str());
    CHECK(code == 0);
    return seen;
}

} // namespace

TEST_CASE("--fullscreen opens the list or a session full screen, and without it a window") {
    const std::string wall = shippedRoutine("wall-tennis-ball.yaml");
    CHECK(requestFor({"--fullscreen"}).fullScreen);
    CHECK(requestFor({"run", wall, "--fullscreen"}).fullScreen);
    CHECK(requestFor({"--fullscreen", "run", wall}).fullScreen);
    CHECK_FALSE(requestFor({}).fullScreen);
    CHECK_FALSE(requestFor({"run", wall}).fullScreen);
}
