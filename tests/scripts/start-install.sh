#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/start.sh and scripts/uninstall.sh in a home of their own, with no display, from a
# build folder already built (the package check skipped): an earlier install's copies of
# shipped files leave the person's folder, their own routines, settings and history are never
# touched, a new person is owed nothing before their first day, and the uninstall removes
# what was installed and keeps what is theirs.
#   start-install.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
export HOME="$work/home"
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME ROLLCOACH_DATA_DIR DISPLAY WAYLAND_DISPLAY
export ROLLCOACH_SKIP_PACKAGES=1 BUILD_DIR=$build_dir TZ=UTC
data="$HOME/.local/share/rollcoach"
app="$data/app"
rc="$HOME/.local/bin/rollcoach"

# An install from before the app's files had a folder of their own.
mkdir -p "$data/assets" "$data/schema" "$data/routines" "$HOME/.config/rollcoach"
cp "$source_dir/assets/body.yaml" "$data/assets/"
cp "$source_dir/schema/routine.schema.json" "$data/schema/"
cp "$source_dir/routines/wall-tennis-ball.yaml" "$source_dir/routines/lying-yoga-tune-up.yaml" \
    "$data/routines/"
# The person's: one of their own, and a shipped one they changed.
sed 's/^title: .*/title: My evening drill/' "$source_dir/routines/wall-tennis-ball.yaml" \
    > "$data/routines/mine.yaml"
echo "# firmer" >> "$data/routines/lying-yoga-tune-up.yaml"
sed -i 's/^title: .*/title: My lying drill/' "$data/routines/lying-yoga-tune-up.yaml"
printf 'time: "07:30"\n' > "$HOME/.config/rollcoach/settings.yaml"

"$source_dir/scripts/start.sh" > "$work/first.log" 2>&1 || { cat "$work/first.log"; fail "start.sh exited $?"; }
grep -q "rollcoach is installed" "$work/first.log" || { cat "$work/first.log"; fail "start.sh did not say it installed"; }
grep -q "start rollcoach from the menu" "$work/first.log" || fail "start.sh did not say how to start rollcoach"
[[ -x $rc ]] || fail "no $rc"
[[ -f "$app/routines/wall-tennis-ball.yaml" && -f "$app/assets/body.yaml" ]] || fail "no app files in $app"
[[ -f "$app/installed-files.txt" ]] || fail "no list of installed files"
[[ ! -e "$data/assets" && ! -e "$data/schema" ]] || fail "the earlier install's assets were left among the person's files"
[[ ! -e "$data/routines/wall-tennis-ball.yaml" ]] || fail "the copy of a shipped routine was left"
[[ -f "$data/routines/mine.yaml" ]] || fail "the person's routine was removed"
grep -q "# firmer" "$data/routines/lying-yoga-tune-up.yaml" || fail "the person's changed routine was removed"

# A new person's first day, a Thursday: each routine once, nothing missed or overdue.
thursday=1795694400 # 2026-11-26 12:00 UTC
ROLLCOACH_NOW=$thursday "$rc" next > "$work/next.txt" || fail "next failed"
cat "$work/next.txt"
! grep -qi "overdue\|missed" "$work/next.txt" || fail "next owes sessions before the first day"
[[ $(grep -c "Lying upper-trapezius drill" "$work/next.txt") == 1 ]] || fail "the lying drill is not named once"
for day in 0 1 2 3 4 5 6; do
    ROLLCOACH_NOW=$((thursday + day * 86400)) "$rc" calendar --weeks 1 > "$work/cal.ics" || fail "calendar failed"
    for title in "Wall tennis-ball drill" "Lying upper-trapezius drill"; do
        [[ $(grep -c "^SUMMARY:rollcoach: $title" "$work/cal.ics") == 3 ]] ||
            fail "the calendar names $title other than 3 times a week"
    done
done
[[ -f "$data/history.sqlite" ]] || fail "no history was made"

# The person edits their routine; start.sh again leaves it, their settings and history alone.
echo "# my note" >> "$data/routines/mine.yaml"
before=$(cd "$HOME" && md5sum .local/share/rollcoach/routines/* .local/share/rollcoach/history.sqlite .config/rollcoach/settings.yaml)
"$source_dir/scripts/start.sh" > "$work/second.log" 2>&1 || { cat "$work/second.log"; fail "start.sh again exited $?"; }
after=$(cd "$HOME" && md5sum .local/share/rollcoach/routines/* .local/share/rollcoach/history.sqlite .config/rollcoach/settings.yaml)
[[ $before == "$after" ]] || fail "start.sh again changed the person's files: $before / $after"

# Uninstall: the program and the app's files go; the person's stay.
# What a window keeps to start faster (X's compose table) goes with the program.
mkdir -p "$HOME/.cache/rollcoach/x11-compose"
touch "$HOME/.cache/rollcoach/x11-compose/l4_030_313cb605_00280cc0"
"$source_dir/scripts/uninstall.sh" > "$work/uninstall.log" 2>&1 || { cat "$work/uninstall.log"; fail "uninstall.sh exited $?"; }
cat "$work/uninstall.log"
[[ ! -e $rc && ! -e $app && ! -e "$HOME/.local/share/applications/rollcoach.desktop" ]] ||
    fail "uninstall left the program, its files or its menu entry"
[[ ! -e "$HOME/.cache/rollcoach" ]] || fail "uninstall left rollcoach's cache folder"
[[ -f "$data/history.sqlite" && -f "$data/routines/mine.yaml" && -f "$HOME/.config/rollcoach/settings.yaml" ]] ||
    fail "uninstall removed the person's history, routines or settings"
left=$(cd "$HOME/.local" && find . -type f ! -path './share/rollcoach/*' ! -name mimeinfo.cache)
[[ -z $left ]] || fail "uninstall left: $left"
left=$(cd "$HOME/.local" && find . -type d -name '*rollcoach*' ! -path './share/rollcoach')
[[ -z $left ]] || fail "uninstall left folders: $left"
echo "start.sh and uninstall.sh keep the person's files"
