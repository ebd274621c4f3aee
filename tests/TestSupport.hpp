#pragma once

#include "core/BodyModel.hpp"
#include "core/RoutineLoader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace rollcoach::test {

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

} // namespace rollcoach::test
