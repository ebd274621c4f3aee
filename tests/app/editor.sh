#!/bin/sh
# The routine editor in a real window, driven with xdotool as a person would: a new routine
# gets a step, a ball is dragged and the drag undone, the schedule's time and a setup line are
# typed, a setup line is added, Ctrl+S saves a file that validates
# --strict and runs; a shipped routine saved from the editor stays as it was, and a copy
# lands in the person's routine folder; a placement on the clipboard, pasted with Ctrl+V, is
# saved as copied.
# Usage: editor.sh ROLLCOACH SHIPPED_ROUTINE. Needs a display (run it under xvfb-run).
set -u

rollcoach=$1
shipped=$2
command -v xdotool > /dev/null || { echo "SKIP: xdotool is not installed"; exit 77; }
. "$(dirname "$0")/window-test.sh"
# Keys go to the window that has the focus: on a display of its own, no other test's window
# can take it.
on_own_display 1280x800x24 "$@"
scratch_folder
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
mkdir -p "$XDG_CONFIG_HOME/rollcoach"
printf 'speech: off\n' > "$XDG_CONFIG_HOME/rollcoach/settings.yaml"
data="$tmp/data"

# Opens the editor and waits for its window: sets $pid and $window.
open_editor() {
    "$rollcoach" --data-dir "$data" edit "$@" > "$tmp/log" 2>&1 &
    pid=$!
    window=
    i=0
    while [ -z "$window" ] && [ $i -lt 100 ]; do
        window=$(xdotool search --pid "$pid" --name rollcoach 2> /dev/null | head -n 1)
        [ -z "$window" ] && window=$(xdotool search --name '^rollcoach$' 2> /dev/null | head -n 1)
        sleep 0.1
        i=$((i + 1))
    done
    [ -n "$window" ] || fail "no editor window within 10 s"
    xdotool windowfocus --sync "$window" 2> /dev/null || xdotool windowfocus "$window"
    sleep 0.5
}

press() {
    xdotool windowfocus "$window" 2> /dev/null
    xdotool key --clearmodifiers "$@"
    sleep 0.3
}

# Waits for the editor to close by itself; fails if it does not within 10 s.
wait_closed() {
    i=0
    while kill -0 "$pid" 2> /dev/null && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    kill -0 "$pid" 2> /dev/null && fail "$1: the editor did not close"
    wait "$pid"
    status=$?
    pid=
    [ "$status" -eq 0 ] || fail "$1: exit status $status"
}

# 1. A new routine: a step added, a ball dragged and the drag undone, saved with Ctrl+S.
new="$tmp/new.yaml"
open_editor "$new"
press Insert
eval "$(xdotool getwindowgeometry --shell "$window")"
x=$((WIDTH / 5))
y=$((HEIGHT * 2 / 5))
xdotool mousemove --window "$window" "$x" "$y" mousedown 1
sleep 0.2
xdotool mousemove --window "$window" $((x + 15)) $((y + 20))
sleep 0.2
xdotool mousemove --window "$window" $((x + 30)) $((y + 40)) mouseup 1
sleep 0.3
press ctrl+z
# The schedule's time (the tenth field), a setup line changed and one added.
for i in 1 2 3 4 5 6 7 8 9; do press Tab; done
press Return
xdotool type --delay 50 "07:15"
press Return
press Tab
press Return
press End
xdotool type --delay 50 " Breathe out."
press Return
press ctrl+l
# Letters beyond ASCII arrive whole. xdotool types them on a spare key it maps and unmaps
# again: slowly, so a busy machine's window reads each before its key is taken back.
xdotool type --delay 50 "Shoes off, F"
xdotool type --delay 250 "üß"
xdotool type --delay 50 "e flach."
press Return
press ctrl+s
# The window saves when it reads the key: on a busy machine, a moment after it is pressed.
i=0
while [ ! -f "$new" ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
[ -f "$new" ] || fail "Ctrl+S wrote no $new within 10 s"
press Escape
wait_closed "new routine"
"$rollcoach" --data-dir "$data" validate --strict "$new" > "$tmp/validate" 2>&1 ||
    fail "validate --strict: $(cat "$tmp/validate")"
grep -c '^  - name:' "$new" | grep -qx 3 || fail "the new step is not in the file: $(cat "$new")"
grep -qx '  time: "07:15"' "$new" || fail "the schedule's time is not in the file: $(cat "$new")"
grep -q '^  - .*Breathe out\.' "$new" || fail "the changed setup line is not in the file: $(cat "$new")"
grep -q '^  - "\?Shoes off, Füße flach\.' "$new" || fail "the new setup line is not in the file: $(cat "$new")"
setup_lines=$(sed -n '/^setup:/,/^[a-z]/p' "$new" | grep -c '^  - ')
[ "$setup_lines" -ge 2 ] || fail "the setup lines are not in the file: $(cat "$new")"
"$rollcoach" --data-dir "$data" run "$new" --autostart --mute --frames 30 > "$tmp/run" 2>&1 ||
    fail "run: $(cat "$tmp/run")"

# 2. A shipped routine, saved: the shipped file unchanged, a copy in the person's folder.
before=$(cksum < "$shipped")
open_editor "$shipped"
press ctrl+s
press Escape
wait_closed "shipped routine"
[ "$(cksum < "$shipped")" = "$before" ] || fail "the shipped routine was changed"
copy="$data/routines/$(basename "$shipped")"
[ -f "$copy" ] || fail "no copy in $data/routines: $(ls -R "$data" 2>&1)"
"$rollcoach" --data-dir "$data" validate --strict "$copy" > "$tmp/validate" 2>&1 ||
    fail "validate --strict of the copy: $(cat "$tmp/validate")"
# 3. A placement copied in the explorer, pasted with Ctrl+V onto the chosen ball. Something
# must hold the clipboard while the editor reads it: xclip does (scripts/install-deps.sh).
command -v xclip > /dev/null || fail "xclip is needed to hold the clipboard (scripts/install-deps.sh installs it)"
pasted="$tmp/pasted.yaml"
placement='{at: scapula-top, dx_cm: 1.5, dy_cm: 2}'
printf '%s' "$placement" | xclip -selection clipboard -quiet 2> /dev/null &
holder=$!
sleep 1
open_editor "$pasted"
press ctrl+v
press ctrl+s
press Escape
wait_closed "pasted placement"
kill "$holder" 2> /dev/null || true
grep -qF -- "- $placement" "$pasted" || fail "the pasted placement is not in the file: $(cat "$pasted")"
"$rollcoach" --data-dir "$data" validate --strict "$pasted" > "$tmp/validate" 2>&1 ||
    fail "validate --strict of the pasted routine: $(cat "$tmp/validate")"
echo "ok"
