#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <unistd.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {
struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

Result run(std::vector<std::string> args) {
    args.insert(args.begin(), "rollcoach");
    std::ostringstream out;
    std::ostringstream err;
    const FixedClock clock(1795435200);
    const int code = runCommandLine(args, out, err, clock);
    return {code, out.str(), err.str()};
}
} // namespace

TEST_CASE("validate: shipped routines pass --strict with no output") {
    const Result r = run({"validate", "--strict", shippedRoutine("wall-tennis-ball.yaml"),
                          shippedRoutine("lying-yoga-tune-up.yaml")});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
}

TEST_CASE("validate: errors as FILE:LINE:COL: error: message, exit 1") {
    const std::string file = dataFile("bad/misspelt-key.yaml");
    const Result r = run({"validate", file});
    CHECK(r.code == 1);
    CHECK(r.out.find(file + ":7:5: error: unknown key \"duraton_s\" in step 1: did you mean "
                            "\"duration_s\"?\n") != std::string::npos);
}

TEST_CASE("validate: warnings exit 0, or 1 with --strict") {
    const std::string file = dataFile("unsafe/on-spine.yaml");
    const Result plain = run({"validate", file});
    CHECK(plain.code == 0);
    CHECK(plain.out.find(file + ":8:13: warning: on the spine: step 1") == 0);
    CHECK(run({"validate", "--strict", file}).code == 1);
}

TEST_CASE("validate: several files, one bad, exit 1 and each named") {
    const Result r = run(
        {"validate", shippedRoutine("wall-tennis-ball.yaml"), "/no/such.yaml", dataFile("good")});
    CHECK(r.code == 1);
    CHECK(r.out.find("/no/such.yaml: error: cannot read file: no such file") != std::string::npos);
    CHECK(r.out.find(dataFile("good") + ": error: cannot read file: it is a directory") !=
          std::string::npos);
}

TEST_CASE("usage errors exit 2") {
    CHECK(run({"validate"}).code == 2);
    CHECK(run({"validate", "--bogus", "x.yaml"}).code == 2);
    CHECK(run({"plan", shippedRoutine("wall-tennis-ball.yaml"), "--first-side", "up"}).code == 2);
    CHECK(run({"frobnicate"}).code == 2);
    const Result r = run({"--body", "giant", "validate", "x.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("usage error") != std::string::npos);
}

TEST_CASE("--help and --version exit 0") {
    const Result help = run({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("validate") != std::string::npos);
    CHECK(help.out.find("numbness") != std::string::npos);
    const Result version = run({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out.find("rollcoach ") == 0);
}

TEST_CASE("plan --json alternates sides and gives both the same time") {
    for (const char* side : {"left", "right"}) {
        const Result r = run(
            {"plan", shippedRoutine("lying-yoga-tune-up.yaml"), "--json", "--first-side", side});
        REQUIRE(r.code == 0);
        const auto plan = nlohmann::json::parse(r.out);
        CHECK(plan["title"] == "Lying upper-trapezius drill");
        double left = 0;
        double right = 0;
        double clock = 0;
        std::string lastSide;
        int switches = 0;
        for (const auto& segment : plan["segments"]) {
            CHECK(segment["start_s"].get<double>() == doctest::Approx(clock));
            clock += segment["duration_s"].get<double>();
            const std::string segmentSide = segment["side"];
            if (segment["kind"] == "get-ready") {
                // First, and never time on a side.
                CHECK(segment["start_s"] == 0.0);
                CHECK(segment["step"].is_null());
                CHECK(segmentSide == side);
                lastSide = segmentSide;
                continue;
            }
            if (segment["kind"] == "switch") {
                ++switches;
                CHECK(segment["step"].is_null());
                CHECK(segmentSide != lastSide);
            } else {
                CHECK(segment["step"].is_string());
                (segmentSide == "left" ? left : right) += segment["duration_s"].get<double>();
            }
            lastSide = segmentSide;
        }
        CHECK(plan["segments"][0]["side"] == side);
        CHECK(switches == 3);
        CHECK(left == right);
        CHECK(left > 0);
        CHECK(plan["total_s"].get<double>() == doctest::Approx(clock));
    }
}

TEST_CASE("plan of a broken file prints its errors and exits 1") {
    const Result r = run({"plan", dataFile("bad/misspelt-key.yaml")});
    CHECK(r.code == 1);
    CHECK(r.err.find("misspelt-key.yaml:7:5: error:") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("plan in text") {
    const Result r = run({"plan", shippedRoutine("wall-tennis-ball.yaml")});
    CHECK(r.code == 0);
    CHECK(r.out.find("switch to the right side") != std::string::npos);
}

TEST_CASE("a broken body model asset is named with its line, exit 1") {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("rollcoach-asset-" + std::to_string(getpid()));
    fs::create_directories(dir / "assets");
    std::ofstream(dir / "assets" / "body.yaml")
        << "format: 1\nreference: {shoulder_width_cm: wide}\n";
    const char* before = std::getenv("ROLLCOACH_DATA_DIR");
    const std::string saved = before != nullptr ? before : "";
    setenv("ROLLCOACH_DATA_DIR", dir.c_str(), 1);
    const Result r = run({"validate", shippedRoutine("wall-tennis-ball.yaml")});
    // Put back what the test runner set: the other tests find the data through it.
    if (before != nullptr) {
        setenv("ROLLCOACH_DATA_DIR", saved.c_str(), 1);
    } else {
        unsetenv("ROLLCOACH_DATA_DIR");
    }
    CHECK(r.code == 1);
    CHECK(r.err.find((dir / "assets" / "body.yaml").string() + ":2:32: error: expected a number") !=
          std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("plan --json --every: the balls as drawn, moment by moment, none while lifted") {
    const Result r = run({"plan", shippedRoutine("lying-yoga-tune-up.yaml"), "--json", "--every",
                          "0.5", "--first-side", "left"});
    REQUIRE(r.code == 0);
    const auto plan = nlohmann::json::parse(r.out);
    const auto& moments = plan["moments"];
    REQUIRE(moments.size() == static_cast<std::size_t>(plan["total_s"].get<double>() / 0.5) + 1);
    int lifted = 0;
    int switching = 0;
    for (const auto& m : moments) {
        if (m["kind"] == "switch") {
            ++switching;
            lifted += m["balls"].empty() ? 1 : 0;
        } else {
            CHECK(m["balls"].size() == 2);
        }
        for (const auto& ball : m["balls"]) {
            // In the routine's frame: always on the working side, never on the midline.
            CHECK(ball["x_cm"].get<double>() > 5);
        }
    }
    CHECK(lifted > 0);
    CHECK(lifted < switching); // then the balls show at their new place
    CHECK(moments[0]["t_s"] == 0.0);
    CHECK(moments[0]["side"] == "left");
    // Placed by anatomy: a fifth of the way from the side of the neck to the shoulder tip,
    // drawn as its contact patch, on the body it was planned for.
    CHECK(moments[0]["balls"][0]["x_cm"].get<double>() == doctest::Approx(7.5 + 0.2 * 13.3));
    CHECK(moments[0]["balls"][0]["radius_cm"].get<double>() == doctest::Approx(6.35 * 0.3));
    CHECK(plan["body"]["description"] == "men, shoulders 41.6 cm, height 175.6 cm");
    CHECK(run({"plan", shippedRoutine("lying-yoga-tune-up.yaml"), "--every", "1"}).code == 2);
    CHECK(
        run({"plan", shippedRoutine("lying-yoga-tune-up.yaml"), "--json", "--every", "nan"}).code ==
        2);
    CHECK(run({"plan", shippedRoutine("lying-yoga-tune-up.yaml"), "--json", "--every", "0"}).code ==
          2);
}

TEST_CASE("run: big-button mode from --big-button or from big_button in the settings") {
    namespace fs = std::filesystem;
    const TempPath config("config-big-button");
    fs::create_directories(config.path / "rollcoach");
    const fs::path settings = config.path / "rollcoach" / "settings.yaml";
    const FixedClock clock(1795435200);
    auto bigButton = [&](const std::vector<std::string>& args) {
        std::vector<std::string> argv = {"rollcoach", "run",
                                         shippedRoutine("wall-tennis-ball.yaml")};
        argv.insert(argv.end(), args.begin(), args.end());
        std::optional<bool> asked;
        std::ostringstream out;
        std::ostringstream err;
        setenv("XDG_CONFIG_HOME", config.path.c_str(), 1);
        const int code = runCommandLine(
            argv, out, err, clock,
            [&](const WindowRequest& request, const Workspace&, std::ostream&, std::ostream&) {
                asked = request.bigButton;
                return 0;
            });
        unsetenv("XDG_CONFIG_HOME");
        INFO(err.str());
        CHECK(code == 0);
        CHECK(err.str().empty());
        REQUIRE(asked.has_value());
        return *asked;
    };
    CHECK_FALSE(bigButton({}));
    CHECK(bigButton({"--big-button"}));
    std::ofstream(settings) << "big_button: true\n";
    CHECK(bigButton({}));
    std::ofstream(settings) << "big_button: false\n";
    CHECK(bigButton({"--big-button"}));
}
