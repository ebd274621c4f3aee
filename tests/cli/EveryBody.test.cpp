#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

// 2026-12-08, a Tuesday: the lying drill's day.
constexpr std::int64_t kTuesday = 1796860800;

struct DataDir : TempPath {
    DataDir() : TempPath("every-body") { std::filesystem::create_directories(path / "routines"); }
    FixedClock clock{kTuesday};

    Result run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"rollcoach", "--data-dir", path.string()});
        std::ostringstream out;
        std::ostringstream err;
        const int code = runCommandLine(args, out, err, clock);
        return {code, out.str(), err.str()};
    }
};

// The lying drill as it was first written, in centimetres for the average man.
const char* const kOldLyingDrill = "format: 1\ntitle: Old lying drill\ndrill: lying\n"
                                   "ball: yoga-tune-up\nschedule:\n  days: [tue, thu, sat]\n"
                                   "steps:\n  - name: Settle in\n    duration_s: 30\n"
                                   "    place: [{x_cm: 10, y_cm: 4.5}, {x_cm: 17.5, y_cm: 8.2}]\n";

} // namespace

TEST_CASE("validate --every-body: the shipped routines fit every body, another names the bodies "
          "it does not fit") {
    DataDir dir;
    for (const char* name : {"wall-tennis-ball.yaml", "lying-yoga-tune-up.yaml",
                             "partner-upper-back-massage.yaml", "self-pressure-point.yaml"}) {
        const Result r = dir.run({"validate", "--strict", "--every-body", shippedRoutine(name)});
        INFO(r.out << r.err);
        CHECK(r.code == 0);
        CHECK(
            r.out.find(": fits every body: 254 checked, shoulders 30-50 cm, heights 145-200 cm") !=
            std::string::npos);
    }
    const std::string old = (dir.path / "routines" / "old.yaml").string();
    std::ofstream(old) << kOldLyingDrill;
    const Result r = dir.run({"validate", "--every-body", old});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find(old + ":10:36: error: ball 2 of step 1 (\"Settle in\")") != std::string::npos);
    CHECK(r.out.find("(on 103 of 254 bodies: shoulders up to 40 cm)") != std::string::npos);
    CHECK(r.out.find("bodies: shoulders up to ") != std::string::npos);
    CHECK(r.out.find("fits every body") == std::string::npos);
}

TEST_CASE("--height-cm and height_cm shape the body, and implausible heights are refused clearly") {
    DataDir dir;
    const Result tall = dir.run({"--height-cm", "195", "plan", "--json", "--every", "600",
                                 shippedRoutine("wall-tennis-ball.yaml")});
    REQUIRE(tall.code == 0);
    CHECK(nlohmann::json::parse(tall.out)["body"]["description"] ==
          "men, shoulders 41.6 cm, height 195 cm");
    for (const char* bad : {"100", "250", "nan", "tall"}) {
        const Result r = dir.run({"--height-cm", bad, "next"});
        CHECK(r.code == 2);
        CHECK(r.err.find("--height-cm") != std::string::npos);
    }
    for (const char* bad : {"29", "51"}) {
        const Result r = dir.run({"--shoulder-width-cm", bad, "next"});
        CHECK(r.code == 2);
        CHECK(r.err.find("--shoulder-width-cm") != std::string::npos);
    }
}

TEST_CASE("next, calendar and the routine list never drop a routine that does not fit the body") {
    DataDir dir;
    std::ofstream(dir.path / "routines" / "old.yaml") << kOldLyingDrill;
    // On the average man it fits: due, with its side.
    const Result men = dir.run({"next"});
    INFO(men.out << men.err);
    CHECK(men.out.find("Old lying drill  -  start on the") != std::string::npos);
    // On the average woman it does not: due all the same, with why and what to do.
    const Result women = dir.run({"--body", "women", "next"});
    INFO(women.out << women.err);
    REQUIRE(women.code == 0);
    CHECK(women.out.find("Nothing is due today") == std::string::npos);
    CHECK(women.out.find("Old lying drill  -  does not fit your body: ball 2 of step 1 "
                         "(\"Settle in\")") != std::string::npos);
    CHECK(women.out.find("of your body as it is set (women, shoulders 36.5 cm, height 162.9 cm)") !=
          std::string::npos);
    CHECK(women.out.find("set your body") != std::string::npos);
    // The shipped lying drill, placed by anatomy, fits her.
    CHECK(women.out.find("Lying upper-trapezius drill  -  start on the") != std::string::npos);
    const Result calendar = dir.run({"--body", "women", "calendar", "--weeks", "1"});
    CHECK(calendar.out.find("Old lying drill (does not fit your body as set") != std::string::npos);
}
