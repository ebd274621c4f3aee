#!/bin/sh
# Media keys drive a running session: on a D-Bus session bus of its own, playerctl pauses and
# resumes it, moves a step and stops it, as a desktop's media keys or a headset would.
# Usage: mpris.sh ROLLCOACH ROUTINE. Exits 77 (skipped) without dbus-run-session or playerctl.
set -u

rollcoach=$1
routine=$2

if ! command -v dbus-run-session > /dev/null || ! command -v playerctl > /dev/null; then
    echo "skipped: this test needs dbus-run-session (dbus-daemon) and playerctl"
    exit 77
fi
# A bus of its own, so the test never drives (or is driven by) a player on the desktop's bus.
if [ -z "${ROLLCOACH_MPRIS_TEST_BUS:-}" ]; then
    ROLLCOACH_MPRIS_TEST_BUS=1 exec dbus-run-session -- sh "$0" "$@"
fi

data=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid" 2> /dev/null
        wait "$pid" 2> /dev/null
    fi
    rm -rf "$data"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    echo "--- rollcoach said:"
    cat "$data/log"
    exit 1
}

# Waits up to 20 s for a command's output to be the given text.
expect() {
    want=$1
    shift
    i=0
    while [ $i -lt 100 ]; do
        got=$("$@" 2> /dev/null)
        [ "$got" = "$want" ] && return 0
        sleep 0.2
        i=$((i + 1))
    done
    fail "$* said \"$got\", not \"$want\""
}

player() { playerctl --player=rollcoach "$@"; }
listed() { playerctl -l 2> /dev/null | grep -qx rollcoach && echo yes || echo no; }

"$rollcoach" --data-dir "$data" run "$routine" --autostart --mute > "$data/log" 2>&1 &
pid=$!

expect yes listed
expect Playing player status
expect "Get ready" player metadata xesam:title
expect "Wall tennis-ball drill" player metadata xesam:artist

player play-pause || fail "play-pause was refused"
expect Paused player status
player play-pause || fail "play-pause was refused"
expect Playing player status

player next || fail "next was refused"
expect "Find the spot" player metadata xesam:title
# A little time on the side (after the 3-2-1 of the resume), or leaving would keep nothing.
sleep 5

# Stop leaves the session at once: the end screen shows, the window stays, the name goes.
player stop || fail "stop was refused"
expect no listed
kill -0 "$pid" 2> /dev/null || fail "rollcoach exited on stop"
reason() {
    "$rollcoach" --data-dir "$data" history --json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["sessions"][0]["stop_reason"])'
}
expect "stopped by the user" reason
echo "media keys drove the session"
