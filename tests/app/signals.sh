#!/bin/sh
# SIGTERM, SIGINT and SIGHUP end a running session as a Stop does: the window closes, and the
# history keeps the seconds done of the step in progress, with the signal as the reason.
# Usage: signals.sh ROLLCOACH ROUTINE. Needs a display (run it under xvfb-run).
set -u

rollcoach=$1
routine=$2
. "$(dirname "$0")/window-test.sh"
scratch_folder

for signal in TERM INT HUP; do
    data="$tmp/$signal"
    # At 20 times the speed, 4 s is some 80 s into the session: well into its second step.
    "$rollcoach" --data-dir "$data" run "$routine" --autostart --mute --speed 20 \
        > "$tmp/log" 2>&1 &
    pid=$!
    sleep 4
    kill -0 "$pid" 2> /dev/null || fail "rollcoach ended before SIG$signal"
    kill -"$signal" "$pid"
    i=0
    while kill -0 "$pid" 2> /dev/null && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    kill -0 "$pid" 2> /dev/null && fail "SIG$signal did not end rollcoach within 10 s"
    wait "$pid"
    status=$?
    pid=
    case $signal in TERM) number=15 ;; INT) number=2 ;; HUP) number=1 ;; esac
    [ "$status" -eq $((128 + number)) ] || fail "SIG$signal: exit status $status"
    "$rollcoach" --data-dir "$data" history --json > "$tmp/history.json" ||
        fail "history --json exited $?"
    python3 - "$tmp/history.json" "SIG$signal" << 'END' || fail "SIG$signal: $(cat "$tmp/history.json")"
import json, sys
sessions = json.load(open(sys.argv[1]))["sessions"]
assert len(sessions) == 1, "one session"
s = sessions[0]
assert s["how"] == "stopped", "how: " + s["how"]
assert s["stop_reason"] == "ended by " + sys.argv[2], "reason: " + s["stop_reason"]
done = s["seconds"]["left"] + s["seconds"]["right"]
assert done >= 40, "seconds done: %s" % done
# The step in progress is recorded with the part of it done.
assert s["steps"] and s["steps"][-1]["seconds"] > 0, "the last step: %s" % s["steps"]
assert abs(sum(step["seconds"] for step in s["steps"]) - done) < 0.01, "steps add up"
END
    grep -q "stopped by SIG$signal" "$tmp/log" || fail "SIG$signal was not said"
done
echo "SIGTERM, SIGINT and SIGHUP each recorded the part of the session done"
