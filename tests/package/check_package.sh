#!/usr/bin/env bash
# Builds the Debian package from a build folder (cpack, into a temporary folder), unpacks it
# into a temporary root as dpkg would install it, and runs the unpacked rollcoach there:
# it must find its data and its sound module under that root, never in the source tree.
#   check_package.sh BUILD_DIR LIBDIR WINDOW(ON|OFF)
set -euo pipefail
build=$1
libdir=$2
window=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(ls "$work"/out/rollcoach_*_*.deb 2> /dev/null) || fail "no rollcoach_<version>_<arch>.deb"
echo "built $(basename "$deb")"

control=$(dpkg-deb --field "$deb" Depends Recommends Suggests)
echo "$control"
for needed in libsfml-graphics libsfml-audio libyaml-cpp libsqlite3 libpangocairo fonts-dejavu-core \
    espeak-ng pocketsphinx-en-us; do
    grep -q "$needed" <<< "$control" || fail "the package does not declare $needed"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
for file in usr/bin/rollcoach "usr/$libdir/rollcoach/rollcoach-sound.so" "usr/$libdir/rollcoach/rollcoach-voice.so" "usr/$libdir/rollcoach/rollcoach-mpris.so" "usr/$libdir/rollcoach/rollcoach-notify.so" "usr/$libdir/rollcoach/rollcoach-report.so" \
    usr/share/rollcoach/app/assets/body.yaml usr/share/rollcoach/app/routines/wall-tennis-ball.yaml \
    usr/share/applications/rollcoach.desktop usr/share/metainfo/io.github.rollcoach.metainfo.xml \
    usr/share/icons/hicolor/64x64/apps/rollcoach.png \
    usr/share/icons/hicolor/256x256/apps/rollcoach.png usr/share/man/man1/rollcoach.1.gz \
    usr/share/bash-completion/completions/rollcoach usr/share/doc/rollcoach/copyright \
    usr/share/doc/rollcoach/changelog.gz usr/share/locale/de/LC_MESSAGES/rollcoach.mo \
    usr/share/locale/es/LC_MESSAGES/rollcoach.mo; do
    [[ -f "$root/$file" ]] || fail "the package has no /$file"
done
# Free software: the licence in the copyright file and the metainfo, and the notices of
# what is compiled in.
copyright="$root/usr/share/doc/rollcoach/copyright"
for line in "^License: GPL-3+$" "^Copyright: 2026 The rollcoach authors$" "^License: BSD-3-clause$" \
    "^License: Expat$" "/usr/share/common-licenses/GPL-3"; do
    grep -q "$line" "$copyright" || fail "the copyright file lacks $line"
done
grep -q "<project_license>GPL-3.0-or-later</project_license>" \
    "$root/usr/share/metainfo/io.github.rollcoach.metainfo.xml" || fail "the metainfo names no GPL-3.0-or-later"
grep -q "<metadata_license>CC0-1.0</metadata_license>" \
    "$root/usr/share/metainfo/io.github.rollcoach.metainfo.xml" || fail "the metainfo's own licence is not CC0-1.0"
# Stripped: no debugging sections left in what is shipped.
if readelf -S "$root/usr/bin/rollcoach" | grep -q '\.debug_'; then
    fail "/usr/bin/rollcoach is not stripped"
fi

# The unpacked program on its own: no data folder given, a home of its own.
rc() {
    env -u ROLLCOACH_DATA_DIR HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
        XDG_DATA_HOME="$work/home/.local/share" "$root/usr/bin/rollcoach" "$@"
}
rc --version
rc validate --strict "$root"/usr/share/rollcoach/app/routines/*.yaml ||
    fail "the unpacked rollcoach does not validate its own routines"

if [[ $window == ON ]]; then
    rc render "$root/usr/share/rollcoach/app/routines/wall-tennis-ball.yaml" --at 5 --out "$work/x.png" ||
        fail "the unpacked rollcoach cannot render"
    [[ $(head -c 8 "$work/x.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
        fail "render wrote no PNG"
    # The trailing comma lets OpenAL use its null output without rollcoach skipping the sound
    # module, so the module is looked for and loaded.
    ALSOFT_DRIVERS="null," rc run "$root/usr/share/rollcoach/app/routines/wall-tennis-ball.yaml" \
        --autostart --frames 3 > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; fail "run failed"; }
    if grep -q "sound module" "$work/run.log"; then
        cat "$work/run.log" >&2
        fail "the unpacked rollcoach does not find its sound module"
    fi
else
    echo "no window tests: render and run not tried"
fi

if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$root/usr/share/applications/rollcoach.desktop" ||
        fail "desktop-file-validate refuses the menu entry"
else
    echo "desktop-file-validate is not installed (desktop-file-utils): the menu entry is not checked"
fi
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.rollcoach.metainfo.xml" ||
        fail "appstreamcli refuses the metainfo file"
else
    echo "appstreamcli is not installed (appstream): the metainfo file is not checked"
fi
if command -v man > /dev/null; then
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
        "$root/usr/share/man/man1/rollcoach.1.gz" 2>&1 > /dev/null)
    [[ -z $warnings ]] || fail "the man page has problems: $warnings"
fi
echo "the unpacked package runs"
