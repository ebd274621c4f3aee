#!/usr/bin/env bash
# Installs the packages rollcoach needs, builds the app alone (optimised, on every core),
# installs it for you in ~/.local (on PATH, and in the desktop's menu) and opens the routine
# list. Run it again and it starts at once: only what changed is rebuilt.
# Any arguments go to rollcoach instead: scripts/start.sh run routines/lying-yoga-tune-up.yaml
set -euo pipefail
cd "$(dirname "$0")/.."

# A folder of its own: the tests' build in build/ is never reconfigured or rebuilt by this.
build_dir=build-app
prefix="$HOME/.local"
log="$build_dir/start.log"

step() { printf '\n== %s\n' "$*"; }

step "Checking the Debian packages rollcoach needs"
scripts/install-deps.sh --app

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

step "Installing rollcoach for you in $prefix"
cmake --install "$build_dir" > "$build_dir/install.log"
echo "   the program:     $prefix/bin/rollcoach"
echo "   its data:        $prefix/share/rollcoach"
echo "   the menu entry:  $prefix/share/applications/rollcoach.desktop"
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
step "Opening the routine list"
exec "$prefix/bin/rollcoach"
