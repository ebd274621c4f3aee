#!/bin/sh
# A session's window resized while the ball moves, as a person drags its edge or maximises it:
# larger and smaller, wider and taller. The session goes on at every size, each frame fills
# the window (its corner is the background, not black), and a stop then ends it as usual.
# Usage: resize.sh ROLLCOACH ROUTINE. Needs a display (run it under xvfb-run).
set -u

rollcoach=$1
routine=$2
command -v xdotool > /dev/null || { echo "SKIP: xdotool is not installed"; exit 77; }
command -v import > /dev/null || { echo "SKIP: ImageMagick is not installed"; exit 77; }
. "$(dirname "$0")/window-test.sh"
# Large enough for every size tried.
on_own_display 1920x1200x24 "$@"
scratch_folder
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"

# On the side-to-side step: the ball moves, so frames are drawn in part between sizes.
"$rollcoach" --data-dir "$tmp/data" run "$routine" --autostart --mute --start-at 45 \
    > "$tmp/log" 2>&1 &
pid=$!
window=
i=0
while [ -z "$window" ] && [ $i -lt 100 ]; do
    window=$(xdotool search --pid "$pid" --name rollcoach 2> /dev/null | head -n 1)
    sleep 0.1
    i=$((i + 1))
done
[ -n "$window" ] || fail "no window within 10 s"
# In the screen's corner, so every size tried is all on the screen.
xdotool windowmove "$window" 0 0
sleep 1

for size in "1400 900" "700 1000" "1600 1100" "900 600" "1280 720"; do
    # shellcheck disable=SC2086
    xdotool windowsize "$window" $size
    sleep 1
    kill -0 "$pid" 2> /dev/null || fail "the session ended when the window was made $size"
    import -window "$window" "$tmp/frame.png" 2> /dev/null || fail "no picture of the window at $size"
    shown=$(convert "$tmp/frame.png" -format '%w %h' info:)
    [ "$shown" = "$size" ] || fail "the window is $shown, not $size"
    # The top right corner is the background at every size, never left undrawn.
    corner=$(convert "$tmp/frame.png" -crop 1x1+$(( ${size% *} - 3 ))+3 -format '%[pixel:p]' info:)
    case "$corner" in
    "srgb(24,28,38)") ;;
    *) fail "at $size the window's corner is $corner, not the background" ;;
    esac
done

kill -TERM "$pid"
wait "$pid"
status=$?
pid=
[ "$status" -eq 143 ] || fail "exit status $status after SIGTERM, not 143"
grep -q "stopped by SIGTERM" "$tmp/log" || fail "no word of the stop"
echo "resized 5 times, the session going on and each frame whole"
