#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Removes rollcoach as scripts/start.sh installed it in ~/.local: exactly the files its list
# (~/.local/share/rollcoach/app/installed-files.txt) names, and a desktop reminder if one was
# set up. Your history, your routines and your settings are kept.
set -euo pipefail

prefix="$HOME/.local"
app_data="$prefix/share/rollcoach/app"
manifest="$app_data/installed-files.txt"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
cache_home=${XDG_CACHE_HOME:-$HOME/.cache}

if [[ ! -f $manifest ]]; then
    echo "Nothing to remove: $manifest is not there (rollcoach was not installed by"
    echo "scripts/start.sh, or is removed already)."
    exit 0
fi

# A reminder runs the program that is about to go: it goes first, while the program is here.
if [[ -x "$prefix/bin/rollcoach" ]] &&
    [[ -f "$config_home/systemd/user/rollcoach-remind.timer" ||
        -f "$config_home/autostart/rollcoach-remind.desktop" ]]; then
    "$prefix/bin/rollcoach" remind --uninstall || true
fi

removed=0
folders=()
while IFS= read -r file; do
    # Only what is under the prefix: a damaged list can name nothing else.
    [[ $file == "$prefix/"* && $file != *"/../"* ]] || continue
    if [[ -f $file || -L $file ]]; then
        rm -f -- "$file"
        removed=$((removed + 1))
    fi
    folders+=("$(dirname -- "$file")")
done < "$manifest"

# The folders that were rollcoach's alone, once empty: never the person's data folder.
printf '%s\n' "${folders[@]}" | sort -u | awk '{ print length($0) "\t" $0 }' | sort -rn |
    cut -f2- | while IFS= read -r folder; do
    while [[ $folder == "$prefix/"* && $folder != "$prefix/share/rollcoach" &&
        $folder != "$data_home/rollcoach" ]]; do
        relative=/${folder#"$prefix/"}
        [[ $relative == */rollcoach || $relative == */rollcoach/* ]] || break
        rmdir -- "$folder" 2> /dev/null || break
        folder=$(dirname -- "$folder")
    done
done
# What rollcoach keeps only to start faster (X's parsed compose table): made again when needed.
if [[ -d "$cache_home/rollcoach" && ! -L "$cache_home/rollcoach" ]]; then
    rm -rf -- "$cache_home/rollcoach"
fi
if command -v update-desktop-database > /dev/null; then
    update-desktop-database -q "$prefix/share/applications" 2> /dev/null || true
fi

echo "Removed rollcoach: $removed files from $prefix."
echo "Kept: your history and your routines in $data_home/rollcoach, and your settings in"
echo "$config_home/rollcoach. Remove those folders yourself to forget everything."
