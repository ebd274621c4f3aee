#!/usr/bin/env bash
# Builds the Debian package, rollcoach_<version>_<arch>.deb, into the top folder, and checks
# it with lintian where lintian is installed. Install it with:
#   sudo apt install ./rollcoach_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

# A folder of its own, optimised, without the tests, installed under /usr. Debian's own
# hardening flags (fortified functions, stack protector, read-only relocations bound at
# start) are used, as a package built by Debian's tools would have them; they are given on
# every run, so a change to them reaches a build folder made before.
build_dir=build-package
export DEB_BUILD_MAINT_OPTIONS=${DEB_BUILD_MAINT_OPTIONS:-hardening=+all}
cxxflags="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
echo "== Building rollcoach (Release) in $build_dir/"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DROLLCOACH_BUILD_TESTS=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_CXX_FLAGS="$cxxflags" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_MODULE_LINKER_FLAGS="$ldflags" > /dev/null
cmake --build "$build_dir" -j "$(nproc)"
echo "== Packaging"
(cd "$build_dir" && cpack -G DEB > /dev/null)
deb=$(ls "$build_dir"/rollcoach_*.deb)
cp "$deb" .
deb=$(basename "$deb")
echo "== $deb"
dpkg-deb --field "$deb"
if command -v lintian > /dev/null; then
    echo "== lintian"
    lintian --info "$deb" || true
fi
echo "Install it with: sudo apt install ./$deb"
