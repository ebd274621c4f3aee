#!/bin/sh
# A reminder reaches a real notification server: on a D-Bus session bus of its own, with
# dunst (Debian's dunst package) serving org.freedesktop.Notifications, `rollcoach remind`
# posts the routine due with Start and Later; Start runs the session, Later puts it off.
# Usage: remind.sh ROLLCOACH. Exits 77 (skipped) without dbus-run-session, dunst or a display.
set -u

rollcoach=$1

for tool in dbus-run-session dbus-monitor dbus-send dunst dunstctl; do
    if ! command -v "$tool" > /dev/null; then
        echo "skipped: this test needs $tool (packages dbus-daemon, dbus-bin, dunst)"
        exit 77
    fi
done
# dunst draws on X: a display of its own when there is none.
if [ -z "${DISPLAY:-}" ]; then
    if command -v xvfb-run > /dev/null && [ -z "${ROLLCOACH_REMIND_TEST_X:-}" ]; then
        ROLLCOACH_REMIND_TEST_X=1 exec xvfb-run -a sh "$0" "$@"
    fi
    echo "skipped: this test needs a display (run it under xvfb-run)"
    exit 77
fi
# A bus of its own, so the test never posts to (or is answered by) the desktop's server, and
# one that starts no service on demand: the server is the one the test starts, when it does.
if [ -z "${ROLLCOACH_REMIND_TEST_BUS:-}" ]; then
    conf=$(mktemp)
    cat > "$conf" << 'END'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
END
    ROLLCOACH_REMIND_TEST_BUS=1 dbus-run-session --config-file="$conf" -- sh "$0" "$@"
    status=$?
    rm -f "$conf"
    exit $status
fi

tmp=$(mktemp -d)
dunst_pid=
monitor_pid=
remind_pid=
cleanup() {
    for pid in $remind_pid $monitor_pid $dunst_pid; do
        kill "$pid" 2> /dev/null
        wait "$pid" 2> /dev/null
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    for f in out err monitor dunst.log; do
        [ -f "$tmp/$f" ] && { echo "--- $f:"; cat "$tmp/$f"; }
    done
    exit 1
}

# Waits up to 20 s for a command to succeed.
within() {
    i=0
    while [ $i -lt 100 ]; do
        "$@" > /dev/null 2>&1 && return 0
        sleep 0.2
        i=$((i + 1))
    done
    return 1
}

export TZ=UTC
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" HOME="$tmp/home"
mkdir -p "$XDG_CONFIG_HOME/rollcoach" "$XDG_CONFIG_HOME/dunst" "$HOME"
printf 'time: "18:30"\n' > "$XDG_CONFIG_HOME/rollcoach/settings.yaml"

# dunst's context menu asks a dmenu-like program which action to take: this one answers
# with the line that names Later.
cat > "$tmp/pick-later" << 'EOF'
#!/bin/sh
grep -m 1 'Later'
EOF
chmod +x "$tmp/pick-later"
cat > "$XDG_CONFIG_HOME/dunst/dunstrc" << EOF
[global]
    dmenu = $tmp/pick-later
    mouse_left_click = do_action
EOF
# What Start runs, in place of a session window.
cat > "$tmp/start" << EOF
#!/bin/sh
printf '%s\n' "\$@" > "$tmp/started"
EOF
chmod +x "$tmp/start"
export ROLLCOACH_START_COMMAND="$tmp/start"

# 0. No notification server on the bus yet: said in a line, exit 1.
ROLLCOACH_NOW=1795459200 "$rollcoach" --data-dir "$tmp/data" remind --wait 5 > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail "remind with no notification server did not exit 1"
grep -q '^rollcoach: error: cannot post a notification (no desktop notification service answers' \
    "$tmp/err" || fail "no server: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" = 1 ] || fail "more than one line with no server"

dunst -config "$XDG_CONFIG_HOME/dunst/dunstrc" > "$tmp/dunst.log" 2>&1 &
dunst_pid=$!
served() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications | grep -q 'true'
}
within served || fail "dunst did not take org.freedesktop.Notifications"

dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
    > "$tmp/monitor" 2>&1 &
monitor_pid=$!
sleep 0.5

# Monday 2026-11-23 18:40 UTC: the wall drill is due since 18:30 and not done.
export ROLLCOACH_NOW=1795459200
displayed() { [ "$(dunstctl count displayed)" = "$1" ]; }

# 1. Start: the notification's text and actions, then the session is started.
"$rollcoach" --data-dir "$tmp/data" remind --wait 30 > "$tmp/out" 2> "$tmp/err" &
remind_pid=$!
within displayed 1 || fail "no notification was displayed"
grep -q 'string "Time for the Wall tennis-ball drill"' "$tmp/monitor" || fail "the summary"
grep -q 'About 10 minutes, left side first.' "$tmp/monitor" || fail "the body's first line"
grep -q 'stop at once on sharp pain, numbness or tingling' "$tmp/monitor" || fail "the safety line"
for word in default start Start later Later; do
    grep -q "string \"$word\"" "$tmp/monitor" || fail "the action $word"
done
dunstctl action 0 || fail "dunstctl action"
wait "$remind_pid" || fail "remind exited $?"
remind_pid=
# The session is started apart from remind, which does not wait for it.
within grep -q 'wall-tennis-ball.yaml$' "$tmp/started" || fail "Start did not run the wall drill"
grep -q '^Started: Wall tennis-ball drill$' "$tmp/out" || fail "remind did not say it started"
within displayed 0 || fail "the notification stayed after Start"

# 2. Later: the context menu's Later puts the reminder off for 15 minutes.
rm -f "$tmp/started"
"$rollcoach" --data-dir "$tmp/data" remind --wait 30 > "$tmp/out" 2> "$tmp/err" &
remind_pid=$!
within displayed 1 || fail "no second notification"
dunstctl context || fail "dunstctl context"
wait "$remind_pid" || fail "remind exited $?"
remind_pid=
grep -q '^Later: reminded again from 18:55$' "$tmp/out" || fail "Later was not taken"
[ ! -f "$tmp/started" ] || fail "Later started a session"
# Fifteen minutes from the answer: the program's clock runs on from ROLLCOACH_NOW, so on a
# slow machine the answer comes a second or more after the start.
until=$(sed -n 's/^snoozed_until: \([0-9]*\)$/\1/p' "$XDG_STATE_HOME/rollcoach/remind-snooze")
[ -n "$until" ] && [ "$until" -ge 1795460100 ] && [ "$until" -lt 1795460160 ] ||
    fail "the snooze was not kept: $(cat "$XDG_STATE_HOME/rollcoach/remind-snooze")"

# 3. While put off, a timer's tick posts nothing.
count_before=$(grep -c 'member=Notify' "$tmp/monitor")
"$rollcoach" --data-dir "$tmp/data" remind --wait 30 > "$tmp/out" 2> "$tmp/err" ||
    fail "remind during the snooze exited $?"
grep -q '^No reminder: put off until 18:55.$' "$tmp/out" || fail "the snooze did not hold"
[ "$(grep -c 'member=Notify' "$tmp/monitor")" = "$count_before" ] || fail "posted while put off"

# 4. Unanswered: taken down when the wait runs out.
ROLLCOACH_NOW=1795460400 "$rollcoach" --data-dir "$tmp/data" remind --wait 2 > "$tmp/out" \
    2> "$tmp/err" || fail "remind exited $?"
grep -q '^No answer in 2 s; the reminder was taken down.$' "$tmp/out" || fail "the wait"
within displayed 0 || fail "the unanswered notification stayed"

# 5. Before the time, nothing is posted and the time is said.
ROLLCOACH_NOW=1795435200 "$rollcoach" --data-dir "$tmp/data" remind > "$tmp/out" 2> "$tmp/err" ||
    fail "remind at noon exited $?"
grep -q '^No reminder: Wall tennis-ball drill is due at 18:30.$' "$tmp/out" || fail "noon"

# 6. Kept running (the autostart way): it reminds at once when something is due, and Start
# works as from the timer.
rm -f "$tmp/started"
ROLLCOACH_NOW=1795460400 "$rollcoach" --data-dir "$tmp/data" remind --keep-running --wait 30 \
    > "$tmp/out" 2> "$tmp/err" &
remind_pid=$!
within displayed 1 || fail "--keep-running posted nothing"
dunstctl action 0 || fail "dunstctl action"
within grep -q 'wall-tennis-ball.yaml$' "$tmp/started" || fail "--keep-running: Start ran nothing"
kill -0 "$remind_pid" 2> /dev/null || fail "--keep-running did not keep running"
echo "a reminder was posted to dunst, started the session, and was put off"
