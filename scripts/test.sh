#!/usr/bin/env bash
# Installs what rollcoach needs, builds it and runs every test.
#   --sanitize   build with AddressSanitizer and UndefinedBehaviorSanitizer (in build-asan/)
# Window tests run under Xvfb when there is no display; audio goes to OpenAL's null device.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake_args=()
build_dir=build
for arg in "$@"; do
    case "$arg" in
    --sanitize)
        cmake_args+=(-DROLLCOACH_SANITIZE=ON)
        build_dir=build-asan
        ;;
    *)
        echo "test.sh: unknown option $arg" >&2
        exit 2
        ;;
    esac
done

scripts/install-deps.sh
BUILD_DIR=$build_dir scripts/build.sh "${cmake_args[@]}"

export ALSOFT_DRIVERS=null
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
run_ctest=(ctest --test-dir "$build_dir" --output-on-failure -j 2)
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "${run_ctest[@]}"
fi
exec "${run_ctest[@]}"
