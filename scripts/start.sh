#!/usr/bin/env bash
# Installs what rollcoach needs, builds it, and starts it on a shipped routine.
# Any arguments replace the default ones: scripts/start.sh run routines/lying-yoga-tune-up.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if (($#)); then
    exec build/rollcoach "$@"
fi
exec build/rollcoach run routines/wall-tennis-ball.yaml
