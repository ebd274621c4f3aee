#include "TestSupport.hpp"

#include "core/PrintableText.hpp"

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// A routine whose title is `title` and whose one step is named `name`, both written as given
// (double-quoted YAML, so escapes such as \e reach the parser).
std::string routineNamed(const std::string& title, const std::string& name,
                         const std::string& extra = "") {
    return "format: 1\ntitle: " + title + "\ndrill: wall\nball: tennis\n" + extra +
           "steps:\n  - name: " + name + "\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 10}]\n";
}

} // namespace

TEST_CASE("printable: control characters and stray bytes become visible escapes") {
    CHECK(printable("plain text, Ελληνικά, 日本") == "plain text, Ελληνικά, 日本");
    CHECK(printable("a\x1b[2Kb") == "a\\x1b[2Kb");
    CHECK(printable("a\rb\nc\td\x7f") == "a\\x0db\\x0ac\\x09d\\x7f");
    CHECK(printable("C1 \xc2\x9b here") == "C1 \\u009b here");
    CHECK(printable("bidi \xe2\x80\xae") == "bidi \\u202e");
    CHECK(printable("bad \xff\xc0\xaf") == "bad \\xff\\xc0\\xaf");
    CHECK(printable("surrogate \xed\xa0\x80") == "surrogate \\xed\\xa0\\x80");
}

TEST_CASE("printableJson: the same JSON, with DEL and C1 escaped") {
    CHECK(printableJson("{\"a\": \"x\x7fy\xc2\x9bz\"}") == "{\"a\": \"x\\u007fy\\u009bz\"}");
    CHECK(printableJson("{\"a\": \"Ελληνικά\"}") == "{\"a\": \"Ελληνικά\"}");
}

TEST_CASE("a routine with terminal control characters in its text is refused where they are") {
    // ESC written as a YAML escape in a step name: the name could erase the warning after it.
    const Diagnostic inName = onlyDiagnostic(routineNamed("T", "\"Hold \\e[2K\\r\""));
    CHECK(inName.mark.line == 6);
    CHECK(inName.mark.column == 11);
    CHECK(inName.message.find("control character") != std::string::npos);

    for (const char* title :
         {"\"a\\x07b\"", "\"a\\rb\"", "\"a\\x7fb\"", "\"a\\x9bb\"", "\"a\\u0085b\"", "\"a\\0b\""}) {
        INFO(std::string(title));
        const Diagnostic d = onlyDiagnostic(routineNamed(title, "S"));
        CHECK(d.mark.line == 2);
        CHECK(d.mark.column == 8);
        CHECK(d.message.find("control character") != std::string::npos);
    }
    // The same character raw in the file (ESC is a byte YAML lets through in quoted text).
    CHECK(onlyDiagnostic(routineNamed("\"a\x1b[31mb\"", "S")).mark.line == 2);
    CHECK_FALSE(parseRoutine(routineNamed("T", "S", "setup: [\"x\\e]0;t\\a\"]\n"), referenceBody())
                    .routine.has_value());
    CHECK_FALSE(parseRoutine(routineNamed("T", "S", "target: \"rhomboids\\e\"\n"), referenceBody())
                    .routine.has_value());
    // Tabs and line breaks stay allowed: a cue may be a folded or literal block.
    routineFrom(routineNamed("\"tab\\there\"", "|\n      two\n      lines"));
}

TEST_CASE("the printed diagnostic of a hostile file shows its control characters escaped") {
    const RoutineLoad load =
        parseRoutine(routineNamed("T", "S", "drill: \"w\\e[2Kall\"\n"), referenceBody());
    REQUIRE(hasErrors(load.diagnostics));
    for (const Diagnostic& d : load.diagnostics) {
        const std::string line = formatDiagnostic("dir/\x1b]0;x\a.yaml", d);
        CHECK(line.find('\x1b') == std::string::npos);
        CHECK(line.find('\a') == std::string::npos);
    }
    CHECK(formatDiagnostic("a\x1b.yaml", {Severity::Error, {1, 1}, "m"}) ==
          "a\\x1b.yaml:1:1: error: m");
}

TEST_CASE("malformed UTF-8 is refused: surrogates, overlong forms, beyond U+10FFFF") {
    for (const std::string& bytes :
         {std::string("\xed\xa0\x80"), std::string("\xc0\xaf"), std::string("\xe0\x80\xaf"),
          std::string("\xf0\x80\x80\xaf"), std::string("\xf4\x90\x80\x80"), std::string("\xf5"),
          std::string("\xff"), std::string("\xed\xbf\xbf")}) {
        const Diagnostic d = onlyDiagnostic(routineNamed("T", "S" + bytes));
        CHECK(d.mark.line == 6);
        CHECK(d.mark.column == 12);
        CHECK(d.message.find("not UTF-8") != std::string::npos);
    }
    // The largest code point and the last ones before and after the surrogates are text.
    routineFrom(routineNamed("T", "\"S \xf4\x8f\xbf\xbf \xed\x9f\xbf \xee\x80\x80\""));
}

TEST_CASE("YAML tags are refused, not silently ignored") {
    for (const char* tagged :
         {"!!binary aGVsbG8=", "!!python/object:os.system x", "!custom x", "!!str x"}) {
        INFO(std::string(tagged));
        const Diagnostic d = onlyDiagnostic(routineNamed(tagged, "S"));
        CHECK(d.mark.line == 2);
        CHECK(d.message.find("YAML tags are not used") != std::string::npos);
    }
    const RoutineLoad handle = parseRoutine(
        "%TAG !e! tag:example.com,2000:\n---\n" + routineNamed("!e!thing x", "S"), referenceBody());
    CHECK_FALSE(handle.routine.has_value());
    const RoutineLoad undefined = parseRoutine(routineNamed("!e!thing x", "S"), referenceBody());
    CHECK_FALSE(undefined.routine.has_value());
    REQUIRE_FALSE(undefined.diagnostics.empty());
    CHECK(undefined.diagnostics.front().mark.line > 0);
    const RoutineLoad onList =
        parseRoutine(routineNamed("T", "S", "setup: !!set [a]\n"), referenceBody());
    CHECK_FALSE(onList.routine.has_value());
}

TEST_CASE("a name of only invisible or blank characters is empty") {
    for (const char* blank :
         {"\"\xe2\x80\x8b\"", "\"\xe2\x80\x8c\xe2\x80\x8d\"", "\"\xe2\x81\xa0\"",
          "\"\xef\xbb\xbf\"", "\"\xc2\xa0\"", "\"\xe2\x80\xaf \"", "\"   \"", "\" \\t \""}) {
        INFO(std::string(blank));
        const Diagnostic d = onlyDiagnostic(routineNamed("T", blank));
        CHECK(d.mark.line == 6);
        CHECK(d.message.find("must not be empty") != std::string::npos);
        CHECK(onlyDiagnostic(routineNamed(blank, "S")).mark.line == 2);
    }
    // Visible text around them is a name.
    routineFrom(routineNamed("T", "\"\xe2\x80\x8bHold\""));
}

TEST_CASE("text length counts characters, not bytes") {
    std::string greek;
    for (int i = 0; i < 300; ++i) {
        greek += "\xce\xb1"; // alpha: 2 bytes
    }
    CHECK(routineFrom(routineNamed("T", greek)).steps.front().name == greek);
    std::string long500;
    for (int i = 0; i < 500; ++i) {
        long500 += "\xe6\x97\xa5"; // 3 bytes each
    }
    routineFrom(routineNamed(long500, "S"));
    const Diagnostic tooLong = onlyDiagnostic(routineNamed(long500 + "x", "S"));
    CHECK(tooLong.mark.line == 2);
    CHECK(tooLong.message.find("too long") != std::string::npos);
    CHECK(countCharacters("a\xce\xb1\xe6\x97\xa5\xf0\x9f\x98\x80") == 4);
}

TEST_CASE("numbers: a step lasts at least a second, and non-finite or absurd values are refused") {
    auto withStepValue = [](const std::string& duration) {
        return "format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n  - name: S\n"
               "    duration_s: " +
               duration + "\n    place: [{x_cm: 8, y_cm: 10}]\n";
    };
    for (const char* tiny : {"1e-9", "0.5", "0.999", "0"}) {
        INFO(tiny);
        const Diagnostic d = onlyDiagnostic(withStepValue(tiny));
        CHECK(d.mark.line == 7);
        CHECK(d.mark.column == 17);
        CHECK(d.message.find("at least 1") != std::string::npos);
    }
    CHECK(routineFrom(withStepValue("1")).steps.front().durationS == 1);
    for (const char* bad : {".nan", ".NaN", ".inf", "-.inf", "1e400", "nan", "0x10", "1e-400"}) {
        INFO(bad);
        CHECK_FALSE(parseRoutine(withStepValue(bad), referenceBody()).routine.has_value());
        for (const std::string& schedule : {std::string("schedule: {switch_s: ") + bad + "}\n",
                                            std::string("schedule: {rounds: ") + bad + "}\n"}) {
            CHECK(onlyDiagnostic(routineNamed("T", "S", schedule)).mark.line == 5);
        }
        const std::string motion =
            std::string("format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n  - name: S\n"
                        "    duration_s: 20\n    place: [{x_cm: 8, y_cm: 10}]\n"
                        "    motion: {pattern: circle, amplitude_cm: ") +
            bad + ", period_s: " + bad + "}\n";
        CHECK_FALSE(parseRoutine(motion, referenceBody()).routine.has_value());
    }
    CHECK_FALSE(parseRoutine(routineNamed("T", "S", "schedule: {rounds: 100000000000000000000}\n"),
                             referenceBody())
                    .routine.has_value());
}
