#!/usr/bin/env bash
# Installs the Debian packages rollcoach needs to build, run and test.
# Run as root, or as a user who may use sudo.
set -euo pipefail

packages=(
    build-essential cmake pkg-config
    libsfml-dev libyaml-cpp-dev doctest-dev libcli11-dev nlohmann-json3-dev
    libsqlite3-dev libfontconfig-dev libx11-dev libgl-dev libpng-dev fonts-dejavu-core
    libsystemd-dev dbus-daemon playerctl
    espeak-ng python3 python3-jsonschema python3-yaml
    libpocketsphinx-dev pocketsphinx-en-us
    xvfb xauth imagemagick time
)

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
