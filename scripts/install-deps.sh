#!/usr/bin/env bash
# Installs the Debian packages rollcoach needs.
#   scripts/install-deps.sh          to build, run, test and package it (everything)
#   scripts/install-deps.sh --app    to build and run it only (what scripts/start.sh needs)
# Run as root, or as a user who may use sudo.
set -euo pipefail

app_packages=(
    build-essential cmake pkg-config lld
    libsfml-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev
    libsqlite3-dev libfontconfig-dev libx11-dev libgl-dev libpng-dev libfreetype-dev fonts-dejavu-core
    libsystemd-dev libpocketsphinx-dev pocketsphinx-en-us libglib2.0-dev libcairo2-dev
    libpango1.0-dev
    espeak-ng
    gettext
)
# The tests, the benchmark and the Debian package: the test runner's display, the schema
# check, the fonts the report's text in other scripts is read back in (Japanese from IPA
# Gothic, an eighth of the size of Noto CJK; Hebrew from DejaVu Sans), the tools that
# build the package and judge it, and Valgrind, which bench/session_order.py runs a session in.
test_packages=(
    doctest-dev python3 python3-jsonschema python3-yaml
    xvfb xauth imagemagick time dbus-daemon playerctl dunst poppler-utils fonts-ipafont-gothic
    xdotool xclip locales
    dpkg-dev fakeroot file lintian desktop-file-utils appstream bash-completion man-db
    valgrind
)

packages=("${app_packages[@]}")
case "${1:-}" in
--app) ;;
"") packages+=("${test_packages[@]}") ;;
*)
    echo "install-deps.sh: unknown option $1" >&2
    exit 2
    ;;
esac

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
else
    sudo=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi

# The tests run in German and Spanish: their locales are generated when missing.
if [[ ${1:-} == "" ]]; then
    for locale in de_DE es_ES; do
        if ! locale -a 2>/dev/null | grep -qi "^${locale}\.utf-\?8$"; then
            echo "Generating the ${locale}.UTF-8 locale"
            "${sudo[@]}" localedef -i "$locale" -c -f UTF-8 "${locale}.UTF-8"
        fi
    done
fi
