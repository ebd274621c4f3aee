#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the packages rollcoach needs, builds the app alone (optimised, on every core),
# installs it for you in ~/.local (on PATH, and in the desktop's menu) and opens the routine
# list; without a display it says how to start rollcoach instead. Run it again and it starts
# at once: only what changed is rebuilt.
# Any arguments go to rollcoach instead: scripts/start.sh run routines/lying-yoga-tune-up.yaml
#
# The app's own files go to ~/.local/share/rollcoach/app, apart from yours (your routines and
# history in ~/.local/share/rollcoach, your settings in ~/.config/rollcoach), which an install
# never touches. What was installed is listed in app/installed-files.txt, which
# scripts/uninstall.sh reads.
#   ROLLCOACH_SKIP_PACKAGES=1   do not check the Debian packages (offline; the tests)
#   BUILD_DIR=DIR               build in DIR instead of build-app/
set -euo pipefail
cd "$(dirname "$0")/.."

# A folder of its own: the tests' build in build/ is never reconfigured or rebuilt by this.
build_dir=${BUILD_DIR:-build-app}
prefix="$HOME/.local"
app_data="$prefix/share/rollcoach/app"
manifest="$app_data/installed-files.txt"
log="$build_dir/start.log"

step() { printf '\n== %s\n' "$*"; }

if [[ ${ROLLCOACH_SKIP_PACKAGES:-} != 1 ]]; then
    step "Checking the Debian packages rollcoach needs"
    scripts/install-deps.sh --app
fi

mkdir -p "$build_dir"
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    step "Preparing the build in $build_dir/"
    cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DROLLCOACH_BUILD_TESTS=OFF \
        -DCMAKE_INSTALL_PREFIX="$prefix" > "$log" 2>&1 || {
        tail -n 30 "$log" >&2
        exit 1
    }
fi

cores=$(nproc)
step "Building rollcoach on $cores cores (a few minutes the first time, seconds after that)"
# The build's own lines go to the log; the person sees how far it has got.
set +e
cmake --build "$build_dir" -j "$cores" --target rollcoach rollcoach-sound rollcoach-voice rollcoach-mpris rollcoach-notify rollcoach-report 2>&1 |
    tee -a "$log" |
    awk '/^\[ *[0-9]+%\]/ { p = substr($0, 2) + 0;
                            if (p > last) { printf "\r   %3d%% built", p; fflush(); last = p } }
         END { if (last > 0) print "" }'
status=${PIPESTATUS[0]}
set -e
if ((status != 0)); then
    echo "The build failed; its last lines (all of them are in $log):" >&2
    tail -n 40 "$log" >&2
    exit "$status"
fi
echo "   done"

# Whether a file is one rollcoach shipped, byte for byte: the file of that name in this
# checkout, or any version of it in the checkout's history.
shipped_copy() {
    local file=$1 relative=$2 blob
    cmp -s "$file" "$relative" && return 0
    command -v git > /dev/null && git rev-parse --git-dir > /dev/null 2>&1 || return 1
    blob=$(git hash-object -- "$file") || return 1
    git log --all --format= --raw --no-abbrev -- "$relative" 2> /dev/null |
        awk '{ print $4 }' | grep -qx "$blob"
}

# An install before the app's files had a folder of their own put them among the person's, in
# ~/.local/share/rollcoach: there, its copies of shipped files go (only those identical to a
# shipped file; an edited routine is the person's and stays).
old="$prefix/share/rollcoach"
if [[ -f "$old/assets/body.yaml" ]]; then
    step "Moving an earlier install's files out of your data folder ($old)"
    while IFS= read -r -d '' file; do
        relative=${file#"$old/"}
        if shipped_copy "$file" "$relative"; then
            rm -f -- "$file"
            echo "   removed $relative (a copy of a shipped file)"
        else
            echo "   kept $relative (not a shipped file)"
        fi
    done < <(find "$old/assets" "$old/schema" -type f -print0 2> /dev/null
        find "$old/routines" -maxdepth 1 -type f -print0 2> /dev/null)
    for folder in "$old/assets" "$old/schema"; do
        [[ -d $folder ]] && find "$folder" -depth -type d -empty -delete
    done
fi

step "Installing rollcoach for you in $prefix"
previous=()
[[ -f $manifest ]] && mapfile -t previous < "$manifest"
cmake --install "$build_dir" --prefix "$prefix" > "$build_dir/install.log"
mkdir -p "$app_data"
# cmake's list ends without a newline.
{
    cat "$build_dir/install_manifest.txt"
    echo
} | grep -v '^$' > "$manifest.new"
echo "$manifest" >> "$manifest.new"
mv "$manifest.new" "$manifest"
# What an earlier install put here and this one no longer ships.
for file in "${previous[@]}"; do
    if [[ $file == "$prefix/"* && -f $file ]] && ! grep -qxF -- "$file" "$manifest"; then
        rm -f -- "$file"
    fi
done
echo "   the program:     $prefix/bin/rollcoach"
echo "   its own files:   $app_data"
echo "   the menu entry:  $prefix/share/applications/rollcoach.desktop"
echo "   yours, never touched by an install: your routines and history in"
echo "   ${XDG_DATA_HOME:-$HOME/.local/share}/rollcoach, your settings in ${XDG_CONFIG_HOME:-$HOME/.config}/rollcoach"
echo "   scripts/uninstall.sh removes what was installed and keeps those."
on_path=no
case ":$PATH:" in
*":$prefix/bin:"*) on_path=yes ;;
esac
if [[ $on_path == yes ]]; then
    echo "   $prefix/bin is on your PATH: type rollcoach in any terminal."
else
    echo "   $prefix/bin is not on your PATH yet. Add this line to ~/.profile (or ~/.bashrc),"
    echo "   then open a new terminal:  export PATH=\"\$HOME/.local/bin:\$PATH\""
    # Until then the menu entry names the program by its full path, so it starts anyway.
    sed -i "s|^Exec=rollcoach|Exec=$prefix/bin/rollcoach|" \
        "$prefix/share/applications/rollcoach.desktop"
fi
# The desktop's menu and icon caches pick the new entry up at once where these tools exist.
if command -v update-desktop-database > /dev/null; then
    update-desktop-database -q "$prefix/share/applications" 2> /dev/null || true
fi
if command -v gtk-update-icon-cache > /dev/null && [[ -f "$prefix/share/icons/hicolor/index.theme" ]]; then
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2> /dev/null || true
fi

if (($#)); then
    step "Starting rollcoach $*"
    exec "$prefix/bin/rollcoach" "$@"
fi
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    step "rollcoach is installed"
    echo "   There is no display here, so the routine list is not opened. On the desktop,"
    echo "   start rollcoach from the menu, or type:  $([[ $on_path == yes ]] && echo rollcoach || echo "$prefix/bin/rollcoach")"
    echo "   In a terminal, rollcoach next says what is due today."
    exit 0
fi
step "Opening the routine list"
exec "$prefix/bin/rollcoach"
