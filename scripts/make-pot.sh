#!/usr/bin/env bash
# Writes rollcoach's message template: every text marked in the sources (_, N_, C_, plural),
# the data files' texts (scripts/data-texts.py), the desktop entry's and the metainfo's.
#   scripts/make-pot.sh OUTPUT.pot
# The build runs it for po/rollcoach.pot (target rollcoach-pot); the tests run it to see that
# po/rollcoach.pot is up to date.
set -euo pipefail
output=$(realpath -m "$1")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^project(rollcoach VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
common=(--from-code=UTF-8 --add-comments=TRANSLATORS: --package-name=rollcoach
    "--package-version=$version")
find src -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort > "$work/sources"
xgettext "${common[@]}" --language=C++ --keyword=_ --keyword=N_ --keyword=plural:2,3 \
    --keyword=C_:1c,2 --files-from="$work/sources" --output="$work/sources.pot"
python3 scripts/data-texts.py . "$work/data.pot"
xgettext "${common[@]}" --language=Desktop --keyword= --keyword=GenericName --keyword=Comment \
    --keyword=Keywords --output="$work/desktop.pot" assets/rollcoach.desktop.in
xgettext "${common[@]}" --output="$work/metainfo.pot" packaging/io.github.rollcoach.metainfo.xml.in
msgcat --use-first --output-file="$work/all.pot" "$work/sources.pot" "$work/data.pot" \
    "$work/desktop.pot" "$work/metainfo.pot"
# msgcat drops the header fields it cannot merge: the sources' header is put back.
msgmerge --quiet --no-fuzzy-matching --output-file="$work/out.pot" "$work/sources.pot" \
    "$work/all.pot"
mv "$work/out.pot" "$output"
