#!/usr/bin/env bash
# Fuzzes routine loading, the safety check, the timeline, the settings reader and the printing
# of stored history text with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer
# (clang from Debian).
#   scripts/fuzz.sh [SECONDS]     default 60
# New crashing inputs are written to fuzz/findings/; copy them to
# tests/data/fuzz-regressions/ once fixed, where the test suite replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi
scripts/install-deps.sh

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DROLLCOACH_FUZZ=ON -DROLLCOACH_BUILD_TESTS=OFF > /dev/null
cmake --build build-fuzz --target rollcoach_fuzz -j "$(nproc)"

# The seed corpus: shipped routines, test fixtures and every input kept from earlier runs.
corpus=build-fuzz/corpus
mkdir -p "$corpus" fuzz/findings
cp routines/*.yaml "$corpus"/
find tests/data -type f -exec cp {} "$corpus"/ \;

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build-fuzz/rollcoach_fuzz "$corpus" -dict=fuzz/routine.dict -max_total_time="$seconds" \
    -timeout=2 -rss_limit_mb=1024 -max_len=8192 -artifact_prefix=fuzz/findings/ \
    -print_final_stats=1
