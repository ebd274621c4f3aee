#!/usr/bin/env bash
# Installs, builds (optimised) and runs the side-by-side benchmark against a bare SFML window.
#   scripts/bench.sh [--repeat N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=build-bench scripts/build.sh -DCMAKE_BUILD_TYPE=Release -DROLLCOACH_BUILD_TESTS=OFF \
    -DROLLCOACH_BENCHMARKS=ON
exec /usr/bin/python3 bench/run.py build-bench "$@"
