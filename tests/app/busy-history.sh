#!/bin/sh
# Another program holds the history's write lock for longer than the busy wait in the middle
# of a session, then lets it go: the whole session is in the history, run to its end.
# Usage: busy-history.sh ROLLCOACH ROUTINE. Needs a display (run it under xvfb-run).
set -u

rollcoach=$1
routine=$2
. "$(dirname "$0")/window-test.sh"
scratch_folder

# At 50 times the speed the drill (some 10 minutes) takes about 12 s.
"$rollcoach" --data-dir "$tmp/data" run "$routine" --autostart --mute --speed 50 \
    > "$tmp/log" 2>&1 &
pid=$!
i=0
while [ ! -f "$tmp/data/history.sqlite" ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
sleep 1
# 7 s of lock: longer than the 5 s the history waits for one.
python3 - "$tmp/data/history.sqlite" << 'END' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
db.execute("BEGIN EXCLUSIVE")
time.sleep(7)
db.execute("COMMIT")
END
helper=$!
wait "$helper" || fail "the lock could not be taken"
helper=
# The session ends on its own; the end screen stays until told to close.
sleep 10
kill -0 "$pid" 2> /dev/null || fail "rollcoach ended by itself"
kill -TERM "$pid"
wait "$pid"
pid=
"$rollcoach" --data-dir "$tmp/data" history --json > "$tmp/history.json" || fail "history --json"
python3 - "$tmp/history.json" << 'END' || fail "$(cat "$tmp/history.json")"
import json, sys
s = json.load(open(sys.argv[1]))["sessions"]
assert len(s) == 1, "one session"
s = s[0]
assert s["how"] == "finished", "how: " + s["how"]
# Every second of both sides, and every step that holds them.
planned = s["planned_s_per_side"]
assert s["seconds"]["left"] == planned and s["seconds"]["right"] == planned, "seconds"
assert sum(step["seconds"] for step in s["steps"]) == 2 * planned, "steps"
END
echo "a session run while the history was locked was written whole when the lock went"
