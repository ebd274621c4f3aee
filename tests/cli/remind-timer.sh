#!/bin/sh
# `remind --install` writes a systemd user timer whose times are the plan's, rewrites it when
# the settings change, and `--uninstall` removes it; with no systemd user instance it says so
# and offers the XDG autostart entry. systemctl is a stand-in that logs what it is asked;
# the calendar is checked with the real systemd-analyze where it is installed.
# Usage: remind-timer.sh ROLLCOACH
set -u

rollcoach=$(readlink -f "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "FAIL: $*"
    for f in out err systemctl.log; do
        [ -f "$tmp/$f" ] && { echo "--- $f:"; cat "$tmp/$f"; }
    done
    exit 1
}

export TZ=UTC
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" HOME="$tmp/home"
mkdir -p "$XDG_CONFIG_HOME/rollcoach" "$tmp/bin" "$HOME"
printf 'time: "18:30"\n' > "$XDG_CONFIG_HOME/rollcoach/settings.yaml"
real_path=$PATH
cat > "$tmp/bin/systemctl" << EOF
#!/bin/sh
echo "\$*" >> "$tmp/systemctl.log"
exit \$(cat "$tmp/systemctl.answer")
EOF
chmod +x "$tmp/bin/systemctl"
export PATH="$tmp/bin:$real_path"
echo 0 > "$tmp/systemctl.answer"
rc() { "$rollcoach" --data-dir "$tmp/data" "$@" > "$tmp/out" 2> "$tmp/err"; }
units="$XDG_CONFIG_HOME/systemd/user"

# 1. Install: both units, the calendar of both shipped routines, the timer enabled.
rc remind --install || fail "--install exited $?"
[ -f "$units/rollcoach-remind.service" ] || fail "no service"
[ -f "$units/rollcoach-remind.timer" ] || fail "no timer"
calendar=$(sed -n 's/^OnCalendar=//p' "$units/rollcoach-remind.timer")
[ "$calendar" = "Mon,Tue,Wed,Thu,Fri,Sat *-*-* 18:30:00" ] || fail "OnCalendar=$calendar"
grep -qx "ExecStart=\"$rollcoach\" --data-dir \"$tmp/data\" remind" "$units/rollcoach-remind.service" ||
    fail "ExecStart"
grep -qx -- '--user daemon-reload' "$tmp/systemctl.log" || fail "no daemon-reload"
grep -qx -- '--user enable --now rollcoach-remind.timer' "$tmp/systemctl.log" || fail "not enabled"
grep -q 'reminders at Mon,Tue,Wed,Thu,Fri,Sat \*-\*-\* 18:30:00' "$tmp/out" || fail "what it said"

# 2. The timer's times are the plan's: systemd-analyze's next 12 against rollcoach calendar's.
if command -v systemd-analyze > /dev/null; then
    systemd-analyze calendar --iterations=12 "$calendar" > "$tmp/analyze" 2>&1 ||
        fail "systemd-analyze refused $calendar: $(cat "$tmp/analyze")"
    sed -n 's/^ *\(Next elapse\|Iter\. #[0-9]*\): [A-Z][a-z][a-z] \([0-9-]*\) \([0-9:]*\).*/\2T\3/p' \
        "$tmp/analyze" | tr -d ':-' > "$tmp/timer-times"
    [ "$(wc -l < "$tmp/timer-times")" = 12 ] || fail "systemd-analyze gave: $(cat "$tmp/analyze")"
    now=$(date -u +%Y%m%dT%H%M%S)
    ROLLCOACH_NOW=$(date +%s) "$rollcoach" --data-dir "$tmp/data" calendar --weeks 4 |
        tr -d '\r' | sed -n 's/^DTSTART:\([0-9T]*\)$/\1/p' |
        awk -v now="$now" '$0 > now' | sort -u | head -n 12 > "$tmp/plan-times"
    diff "$tmp/plan-times" "$tmp/timer-times" > "$tmp/diff" ||
        fail "the timer's times differ from the calendar's: $(cat "$tmp/diff")"
    # systemd reads both units without a complaint (it warns and exits 0 on a bad key).
    (cd "$units" && systemd-analyze verify --man=no ./rollcoach-remind.timer \
        ./rollcoach-remind.service) > "$tmp/verify" 2>&1
    [ ! -s "$tmp/verify" ] || fail "systemd-analyze verify: $(cat "$tmp/verify")"
else
    echo "systemd-analyze not installed: the calendar's times are not checked against systemd"
fi

# 3. The settings change: the next reminder run rewrites the timer (on a Sunday, nothing due).
printf 'time: "07:15"\n' > "$XDG_CONFIG_HOME/rollcoach/settings.yaml"
: > "$tmp/systemctl.log"
ROLLCOACH_NOW=1795348800 rc remind || fail "remind exited $?"
grep -qx 'OnCalendar=Mon,Tue,Wed,Thu,Fri,Sat \*-\*-\* 07:15:00' "$units/rollcoach-remind.timer" ||
    fail "the timer was not rewritten"
grep -q 'rewritten for reminders at Mon,Tue,Wed,Thu,Fri,Sat \*-\*-\* 07:15:00' "$tmp/out" ||
    fail "the rewrite was not said"
grep -qx -- '--user daemon-reload' "$tmp/systemctl.log" || fail "no daemon-reload after the rewrite"
grep -qx 'No reminder: nothing is due today.' "$tmp/out" || fail "Sunday"
# Unchanged, it is left alone.
: > "$tmp/systemctl.log"
ROLLCOACH_NOW=1795348800 rc remind || fail "remind exited $?"
! grep -q rewritten "$tmp/out" || fail "rewritten though nothing changed"
# A line the person added stays, whether the plan changes or not.
sed -i 's/^Persistent=true$/Persistent=true\nRandomizedDelaySec=5min/' "$units/rollcoach-remind.timer"
ROLLCOACH_NOW=1795348800 rc remind || fail "remind exited $?"
grep -qx 'RandomizedDelaySec=5min' "$units/rollcoach-remind.timer" || fail "the person's line went"
! grep -q rewritten "$tmp/out" || fail "rewritten though the plan did not change"
printf 'time: "07:45"\n' > "$XDG_CONFIG_HOME/rollcoach/settings.yaml"
ROLLCOACH_NOW=1795348800 rc remind || fail "remind exited $?"
grep -qx 'OnCalendar=Mon,Tue,Wed,Thu,Fri,Sat \*-\*-\* 07:45:00' "$units/rollcoach-remind.timer" ||
    fail "the timer was not rewritten for 07:45"
grep -qx 'RandomizedDelaySec=5min' "$units/rollcoach-remind.timer" ||
    fail "the person's line went with the rewrite"
[ "$(grep -c '^OnCalendar=' "$units/rollcoach-remind.timer")" = 1 ] || fail "two OnCalendar lines"

# 4. Uninstall: both gone, the timer disabled.
rc remind --uninstall || fail "--uninstall exited $?"
[ ! -e "$units/rollcoach-remind.timer" ] && [ ! -e "$units/rollcoach-remind.service" ] ||
    fail "units left behind"
grep -qx -- '--user disable --now rollcoach-remind.timer' "$tmp/systemctl.log" || fail "not disabled"
rc remind --uninstall || fail "a second --uninstall exited $?"
grep -qx 'No reminder was installed.' "$tmp/out" || fail "a second --uninstall said $(cat "$tmp/out")"

# 5. No systemd user instance: said, the autostart way offered, nothing written.
echo 1 > "$tmp/systemctl.answer"
rc remind --install && fail "--install without an instance succeeded"
grep -q 'no systemd user instance' "$tmp/err" || fail "the missing instance was not said"
grep -q 'rollcoach remind --install --autostart' "$tmp/err" || fail "autostart not offered"
[ ! -e "$units/rollcoach-remind.timer" ] || fail "a timer was written anyway"
rc remind --install --autostart || fail "--install --autostart exited $?"
entry="$XDG_CONFIG_HOME/autostart/rollcoach-remind.desktop"
grep -qx "Exec=\"$rollcoach\" --data-dir \"$tmp/data\" remind --keep-running" "$entry" ||
    fail "the autostart entry's Exec"
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$entry" || fail "the autostart entry does not validate"
fi
rc remind --uninstall || fail "--uninstall exited $?"
[ ! -e "$entry" ] || fail "the autostart entry was left"

# 6. Paths: a "$" and a "%" reach the program as they are; a relative --data-dir is made
# absolute; with no absolute HOME or XDG_CONFIG_HOME nothing is installed; a line break
# cannot go into an autostart entry.
echo 0 > "$tmp/systemctl.answer"
odd="$tmp/a\$HOME \${HOME}%h"
mkdir -p "$odd"
"$rollcoach" --data-dir "$odd/data" remind --install > "$tmp/out" 2> "$tmp/err" ||
    fail "--install with a \$ in the path exited $?"
exec_start=$(sed -n 's/^ExecStart=//p' "$units/rollcoach-remind.service")
[ "$exec_start" = "\"$rollcoach\" --data-dir \"$tmp/a\$\$HOME \$\${HOME}%%h/data\" remind" ] ||
    fail "ExecStart=$exec_start"
if command -v systemd-analyze > /dev/null; then
    (cd "$units" && systemd-analyze verify --man=no ./rollcoach-remind.service) > "$tmp/verify" 2>&1
    [ ! -s "$tmp/verify" ] || fail "systemd-analyze verify: $(cat "$tmp/verify")"
fi
(cd "$tmp" && "$rollcoach" --data-dir rel/data remind --install > "$tmp/out" 2> "$tmp/err") ||
    fail "--install with a relative --data-dir exited $?"
grep -q "^ExecStart=\"$rollcoach\" --data-dir \"$tmp/rel/data\" remind\$" \
    "$units/rollcoach-remind.service" || fail "the relative data folder was not made absolute"
rc remind --uninstall || fail "--uninstall exited $?"
for home in unset relative; do
    if [ $home = unset ]; then
        (cd "$tmp" && env -u HOME -u XDG_CONFIG_HOME "$rollcoach" --data-dir "$tmp/data" \
            remind --install --autostart > "$tmp/out" 2> "$tmp/err")
    else
        (cd "$tmp" && env -u XDG_CONFIG_HOME HOME=home "$rollcoach" --data-dir "$tmp/data" \
            remind --install --autostart > "$tmp/out" 2> "$tmp/err")
    fi
    [ $? -eq 1 ] || fail "--install with HOME $home did not exit 1"
    grep -q '^rollcoach: error: HOME is .*XDG_CONFIG_HOME names no absolute folder' "$tmp/err" ||
        fail "HOME $home was not said"
    [ ! -e "$tmp/.config" ] && [ ! -e "$tmp/home/.config" ] || fail "HOME $home: written in the current folder"
done
broken="$tmp/line
break"
mkdir -p "$broken"
"$rollcoach" --data-dir "$broken/data" remind --install --autostart > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail "a line break in the path was installed"
grep -q 'line break' "$tmp/err" || fail "the line break was not said"
[ ! -e "$XDG_CONFIG_HOME/autostart/rollcoach-remind.desktop" ] || fail "an entry was written"
# 7. Usage: --autostart alone is refused.
rc remind --autostart
[ $? -eq 2 ] || fail "--autostart without --install was not a usage error"
echo "the timer matches the plan, follows the settings and goes on --uninstall"
