#!/bin/sh
# A notification server that misbehaves: one that answers with the wrong types is named as
# such, not as absent, and one that takes 8 s a call cannot stretch `remind --wait 3` past
# its 3 s. The server is tests/cli/FakeNotifier.cpp, on a session bus of the test's own.
# Usage: remind-server.sh ROLLCOACH FAKE-NOTIFIER. Exits 77 (skipped) without dbus-run-session.
set -u

rollcoach=$1
fake=$2

if ! command -v dbus-run-session > /dev/null; then
    echo "skipped: this test needs dbus-run-session (package dbus-daemon)"
    exit 77
fi
if [ -z "${ROLLCOACH_REMIND_TEST_BUS:-}" ]; then
    ROLLCOACH_REMIND_TEST_BUS=1 exec dbus-run-session -- sh "$0" "$@"
fi

tmp=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    for f in out err; do
        [ -f "$tmp/$f" ] && { echo "--- $f:"; cat "$tmp/$f"; }
    done
    exit 1
}

export TZ=UTC XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" HOME="$tmp/home"
mkdir -p "$XDG_CONFIG_HOME/rollcoach" "$HOME"
printf 'time: "18:30"\n' > "$XDG_CONFIG_HOME/rollcoach/settings.yaml"
# Monday 2026-11-23 18:40 UTC: the wall drill is due.
export ROLLCOACH_NOW=1795459200

serve() {
    "$fake" "$@" &
    server=$!
    i=0
    while ! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications 2> /dev/null |
        grep -q true; do
        i=$((i + 1))
        [ $i -lt 100 ] || fail "the fake server did not take its name"
        sleep 0.1
    done
}
stop() {
    kill "$server"
    wait "$server" 2> /dev/null
    server=
}

# 1. The wrong types: said so, exit 1.
serve wrong
"$rollcoach" --data-dir "$tmp/data" remind --wait 3 > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail "a server answering wrongly: exit status not 1"
grep -q '^rollcoach: error: cannot post a notification (the notification server answered wrongly)' \
    "$tmp/err" || fail "a server answering wrongly was not named as such"
! grep -q 'no desktop notification service' "$tmp/err" || fail "called absent"
stop

# 2. 8 s a call: the whole wait stays within its 3 s (and a second for starting up).
serve slow 8
start=$(date +%s)
"$rollcoach" --data-dir "$tmp/data" remind --wait 3 > "$tmp/out" 2> "$tmp/err"
status=$?
took=$(($(date +%s) - start))
[ $took -le 4 ] || fail "remind --wait 3 took $took s"
[ $status -eq 1 ] || fail "a server that does not answer in time: exit status $status"
grep -q 'the notification server did not answer in time' "$tmp/err" || fail "the slow server"
stop
echo "a server that answers wrongly is named, and a slow one cannot stretch the wait"
