#pragma once

#include "core/BodyModel.hpp"
#include "core/Language.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Translate.hpp"

#include <doctest/doctest.h>

#include <clocale>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <libintl.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace rollcoach::test {

#ifdef ROLLCOACH_BUILD_DIR
/// This build's catalog of a language (po/<language>.po, compiled to build/locale), as
/// `--language` would choose it, for as long as it lives; then the texts as written again,
/// for the tests after it.
class RealCatalog {
public:
    explicit RealCatalog(const char* language) {
        ::setenv("LANGUAGE", language, 1);
        std::setlocale(LC_MESSAGES, "C.UTF-8");
        ::bindtextdomain(kTextDomain, ROLLCOACH_BUILD_DIR "/locale");
        ::bind_textdomain_codeset(kTextDomain, "UTF-8");
        setPreferredLanguages({language});
    }
    ~RealCatalog() {
        ::unsetenv("LANGUAGE");
        std::setlocale(LC_MESSAGES, "C");
        ::bindtextdomain(kTextDomain, "/nonexistent");
        setPreferredLanguages({});
    }
    RealCatalog(const RealCatalog&) = delete;
    RealCatalog& operator=(const RealCatalog&) = delete;
};
#endif

inline const BodyModel& referenceBody() {
    static const BodyModel body =
        BodyModel::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml");
    return body;
}

/// A fresh path under the temporary folder (created as a folder unless asked not to), removed
/// with everything in it afterwards.
struct TempPath {
    std::filesystem::path path;
    explicit TempPath(const std::string& what, bool create = true) {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("rollcoach-" + what + "-" + std::to_string(getpid()) + "-" +
                std::to_string(++counter));
        std::filesystem::remove_all(path);
        if (create) {
            std::filesystem::create_directories(path);
        }
    }
    ~TempPath() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempPath(const TempPath&) = delete;
    TempPath& operator=(const TempPath&) = delete;
};

/// Ends the test process with a message if it is still alive after `seconds`: a read that
/// blocks for ever fails the test instead of hanging the suite.
struct HangGuard {
    explicit HangGuard(unsigned seconds) {
        std::signal(SIGALRM, [](int) {
            const char message[] = "\nthe test hung: something blocked for ever\n";
            [[maybe_unused]] const auto n = ::write(2, message, sizeof message - 1);
            ::_exit(3);
        });
        ::alarm(seconds);
    }
    ~HangGuard() { ::alarm(0); }
    HangGuard(const HangGuard&) = delete;
    HangGuard& operator=(const HangGuard&) = delete;
};

/// While alive, no file of this process (or of what it starts) grows past `bytes`: a write
/// beyond fails with EFBIG, as a write fails on a full disk.
struct FileSizeLimit {
    rlimit old{};
    void (*oldHandler)(int) = SIG_DFL;
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &old);
        oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
};

inline std::string dataFile(const std::string& name) {
    return std::string(ROLLCOACH_TEST_DATA) + "/" + name;
}

inline std::string shippedRoutine(const std::string& name) {
    return std::string(ROLLCOACH_SOURCE_DIR) + "/routines/" + name;
}

/// A routine from YAML that must load without error.
inline Routine routineFrom(const std::string& yaml) {
    RoutineLoad load = parseRoutine(yaml, referenceBody());
    for (const Diagnostic& d : load.diagnostics) {
        INFO(formatDiagnostic("<test>", d));
    }
    REQUIRE(load.routine.has_value());
    return *load.routine;
}

/// The only diagnostic of a load, which must have exactly one.
inline Diagnostic onlyDiagnostic(const std::string& yaml) {
    RoutineLoad load = parseRoutine(yaml, referenceBody());
    std::string all;
    for (const Diagnostic& d : load.diagnostics) {
        all += formatDiagnostic("<test>", d) + "\n";
    }
    INFO(all);
    REQUIRE(load.diagnostics.size() == 1);
    CHECK_FALSE(load.routine.has_value());
    return load.diagnostics.front();
}

/// A routine of one step with the given placement and motion lines.
inline std::string oneStep(const std::string& ball, const std::string& place,
                           const std::string& motion = "hold") {
    return "format: 1\ntitle: T\ndrill: wall\nball: " + ball +
           "\nsteps:\n  - name: S\n    duration_s: 20\n    place: " + place +
           "\n    motion: " + motion + "\n";
}

/// 2026-11-23 12:00 UTC, a Monday: the day the session tests run on.
constexpr std::int64_t kTestMonday = 1795435200;

/// A wall routine of two steps of 20 s a side (a hold, then a vertical sweep), a 5 s switch,
/// one round, due on Mondays; `leadInS` seconds of get-ready before it.
inline std::string twoStepRoutine(int leadInS = 0) {
    return "format: 1\ntitle: Two steps\ndrill: wall\nball: tennis\n"
           "schedule: {rounds: 1, first_side: auto, switch_s: 5, lead_in_s: " +
           std::to_string(leadInS) +
           ", days: [mon]}\nsteps:\n"
           "  - name: Hold\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 10}]\n"
           "    motion: hold\n"
           "  - name: Sweep\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 12}]\n"
           "    motion: {pattern: vertical, amplitude_cm: 2, period_s: 8}\n";
}

} // namespace rollcoach::test
