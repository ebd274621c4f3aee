#include "TestSupport.hpp"

#include "RoutinePipeline.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kHead = "format: 1\ntitle: T\ndrill: wall\nball: tennis\n";

// "Billion laughs": ten levels, each a list of ten aliases to the level below.
std::string aliasBomb(const std::string& useAs) {
    std::string text = kHead + "x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        text += "x" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) {
            text += (i ? ", *l" : "*l") + std::to_string(level - 1);
        }
        text += "]\n";
    }
    return text + useAs + ": *l9\n";
}

} // namespace

TEST_CASE("deeply nested sequences and maps give a located error, not a stack overflow") {
    const Diagnostic flow = onlyDiagnostic(std::string(100000, '[') + std::string(100000, ']'));
    CHECK(flow.message.find("nested too deeply") == 0);
    CHECK(flow.mark.line == 1);

    std::string maps;
    for (int i = 0; i < 20000; ++i) {
        maps += "{a: ";
    }
    const Diagnostic flowMaps = onlyDiagnostic(maps);
    CHECK(flowMaps.message.find("nested too deeply") == 0);

    std::string block;
    for (int i = 0; i < 600; ++i) {
        block += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
    }
    const Diagnostic blockMaps = onlyDiagnostic(block);
    CHECK(blockMaps.message.find("nested too deeply") == 0);
    CHECK(blockMaps.mark.line == 65);
}

TEST_CASE("an alias bomb is not walked exponentially") {
    for (const char* key : {"steps", "setup", "title", "place"}) {
        RoutineLoad load = parseRoutine(aliasBomb(key), referenceBody());
        CHECK_FALSE(load.routine.has_value());
        CHECK(load.diagnostics.size() < 50);
        CHECK(runRoutinePipeline(aliasBomb(key), referenceBody()) < 100);
    }
    // Duplicate keys inside an aliased map are reported once, where the map is written.
    RoutineLoad dup =
        parseRoutine(kHead + "a: &m {x: 1, x: 2}\nb: [*m, *m, *m, *m]\n", referenceBody());
    int duplicates = 0;
    for (const Diagnostic& d : dup.diagnostics) {
        duplicates += d.message.find("duplicate key") == 0 ? 1 : 0;
    }
    CHECK(duplicates == 1);
}

TEST_CASE("a stream of many documents stops at the second") {
    std::string stream;
    for (int i = 0; i < 4000; ++i) {
        stream += "---\n" + kHead;
    }
    RoutineLoad load = parseRoutine(stream, referenceBody());
    int streams = 0;
    for (const Diagnostic& d : load.diagnostics) {
        if (d.message.find("one YAML document") != std::string::npos) {
            ++streams;
            CHECK(d.mark.line == 6);
        }
    }
    CHECK(streams == 1);
}

TEST_CASE("huge scalars and files") {
    const Diagnostic tooLong =
        onlyDiagnostic(kHead.substr(0, 10) + "title: " + std::string(200000, 'x') +
                       "\ndrill: wall\nball: tennis\nsteps: [{name: S, duration_s: 5, place: "
                       "[{x_cm: 8, y_cm: 10}]}]\n");
    CHECK(tooLong.message.find("\"title\" is too long") == 0);
    CHECK(tooLong.mark.line == 2);
    const Diagnostic tooBig = onlyDiagnostic("title: " + std::string(kMaxRoutineBytes + 10, 'x'));
    CHECK(tooBig.message.find("file too large") == 0);
}

TEST_CASE("huge numbers, NaN and infinity are located errors") {
    CHECK(onlyDiagnostic("format: 99999999999999999999999999\n").message ==
          "\"format\" is out of range: \"99999999999999999999999999\"");
    for (const char* value : {".nan", ".NaN", "-.inf", ".Inf", "nan", "inf", "1e400", "-1e400"}) {
        const Diagnostic d =
            onlyDiagnostic(oneStep("tennis", std::string("[{x_cm: ") + value + ", y_cm: 10}]"));
        INFO(value);
        CHECK(d.mark.line == 8);
        CHECK(d.mark.column == 20);
    }
}

TEST_CASE("NUL and non-UTF-8 bytes anywhere are located errors") {
    const std::string nul = kHead + std::string("steps: [\0]\n", 11);
    const Diagnostic d = onlyDiagnostic(nul);
    CHECK(d.message == "the file holds a NUL byte");
    CHECK(d.mark.line == 5);
    CHECK(d.mark.column == 9);
    const Diagnostic latin1 = onlyDiagnostic(kHead + "# caf\xe9\n");
    CHECK(latin1.message == "the file holds a byte that is not UTF-8");
    CHECK(latin1.mark.line == 5);
    const Diagnostic overlong = onlyDiagnostic("title: \xc0\xaf\n");
    CHECK(overlong.mark.column == 8);
}

TEST_CASE("the longest legal routine stays cheap to check") {
    // 100 steps of 4 balls on a 50-point path: the sampling is capped, the work bounded.
    std::string text = kHead + "steps:\n";
    for (int s = 0; s < 100; ++s) {
        text += "  - name: S" + std::to_string(s) +
                "\n    duration_s: 1800\n    place: [{x_cm: 9, y_cm: 10}, {x_cm: 10, y_cm: 14}, "
                "{x_cm: 11, y_cm: 18}, {x_cm: 12, y_cm: 22}]\n    motion:\n      pattern: path\n"
                "      period_s: 120\n      points: [";
        for (int p = 0; p < 50; ++p) {
            text += std::string(p ? ", " : "") +
                    (p % 2 ? "{x_cm: 9, y_cm: 10}" : "{x_cm: 12, y_cm: 30}");
        }
        text += "]\n";
    }
    RoutineLoad load = parseRoutine(text, referenceBody());
    REQUIRE(load.routine.has_value());
    CHECK(runRoutinePipeline(text, referenceBody()) > 0);
}

TEST_CASE("every input the fuzzer found is replayed") {
    namespace fs = std::filesystem;
    const fs::path dir = dataFile("fuzz-regressions");
    int replayed = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        INFO(entry.path().string());
        runRoutinePipeline(bytes.str(), referenceBody());
        runSettingsPipeline(bytes.str());
        runStoredTextPipeline(bytes.str());
        ++replayed;
    }
    CHECK(replayed >= 0);
}
