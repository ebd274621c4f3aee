#!/usr/bin/env bash
# Builds rollcoach and measures voice command recognition on espeak-ng speech; see BENCHMARKS.md.
#   bench/voice.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build > /dev/null && cmake --build build -j --target rollcoach
exec /usr/bin/python3 bench/voice.py build/rollcoach "$@"
