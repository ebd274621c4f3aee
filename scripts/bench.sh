#!/usr/bin/env bash
# Installs, builds (optimised) and runs the side-by-side benchmark against a bare SFML window.
#   scripts/bench.sh [--repeat N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=build-bench scripts/build.sh -DCMAKE_BUILD_TYPE=Release -DROLLCOACH_BUILD_TESTS=OFF \
    -DROLLCOACH_BENCHMARKS=ON
/usr/bin/python3 bench/run.py build-bench "$@"
# The history at scale: each command and the progress screen on 10,000 sessions.
exec /usr/bin/python3 bench/history_scale.py build-bench
