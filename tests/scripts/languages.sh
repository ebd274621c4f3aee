#!/usr/bin/env bash
# rollcoach in German and Spanish, as a person runs it: the locale (or the language: setting)
# chooses the catalog, validate's FILE:LINE:COL: error: shape stays, and JSON keeps its
# decimal points.
#   tests/scripts/languages.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
rc="$build/rollcoach"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROLLCOACH_DATA_DIR=$source HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset LANGUAGE LC_ALL LC_MESSAGES LC_NUMERIC
fail() {
    echo "FAILED: $*" >&2
    exit 1
}

# The locales, generated where they are missing (into the build folder: no root needed).
for locale in de_DE es_ES; do
    if ! locale -a 2>/dev/null | grep -qi "^${locale}\.utf-\?8$"; then
        mkdir -p "$build/tests/locales"
        [[ -d "$build/tests/locales/$locale.UTF-8" ]] ||
            localedef -i "$locale" -c -f UTF-8 "$build/tests/locales/$locale.UTF-8" ||
            fail "cannot generate the $locale.UTF-8 locale (install the locales package)"
        export LOCPATH="$build/tests/locales"
    fi
done
LANG=de_DE.UTF-8 locale 2>&1 | grep -q "Cannot set" && fail "the de_DE.UTF-8 locale is not usable"

# The compiled catalogs are in the build folder.
for language in de es; do
    [[ -s "$build/locale/$language/LC_MESSAGES/rollcoach.mo" ]] ||
        fail "no compiled catalog $build/locale/$language/LC_MESSAGES/rollcoach.mo"
done

# What the catalog says for a text in a language, as a pattern its fill()ed form matches.
pattern() {
    local translated
    translated=$(TEXTDOMAINDIR="$build/locale" LANGUAGE=$1 LANG=C.UTF-8 gettext rollcoach "$2")
    python3 -c 'import re, sys; print(re.sub(r"\\\{[0-9]\\\}", ".*", re.escape(sys.argv[1])))' \
        "$translated"
}

sed 's/^title:/titel:/' "$source/routines/wall-tennis-ball.yaml" > "$work/bad.yaml"
for language in de es; do
    locale=$([[ $language == de ]] && echo de_DE.UTF-8 || echo es_ES.UTF-8)
    out=$(LANG=$locale "$rc" validate "$work/bad.yaml" 2>&1) && fail "validate passed a broken file"
    want="^$work/bad.yaml:9:1: error: $(pattern "$language" 'unknown key {0} in {1}: did you mean {2}?')\$"
    grep -Eq -- "$want" <<< "$out" || fail "LANG=$locale validate: no line like $want in: $out"
    echo "LANG=$locale validate: $(grep ':9:1:' <<< "$out")"
    # JSON keeps '.' in its numbers whatever the locale: the same numbers as in C.
    LANG=$locale "$rc" plan --json "$source/routines/wall-tennis-ball.yaml" > "$work/$language.json"
    LANG=C "$rc" plan --json "$source/routines/wall-tennis-ball.yaml" > "$work/c.json"
    python3 - "$work/$language.json" "$work/c.json" << 'PY' || fail "LANG=$locale plan --json differs in its numbers"
import json, re, sys
def numbers(node):
    if isinstance(node, dict):
        return [n for k in sorted(node) for n in numbers(node[k])]
    if isinstance(node, list):
        return [n for v in node for n in numbers(v)]
    return [node] if isinstance(node, (int, float)) and not isinstance(node, bool) else []
a, b = (numbers(json.load(open(p))) for p in sys.argv[1:])
assert a == b, (a[:5], b[:5])
assert re.search(r"[0-9]\.[0-9]", open(sys.argv[1]).read()), "no decimal point at all"
PY
    LANG=$locale "$rc" --help > /dev/null || fail "LANG=$locale --help failed"
done

# The language: setting wins over the locale, and --language over both.
mkdir -p "$work/config/rollcoach"
echo "language: es" > "$work/config/rollcoach/settings.yaml"
out=$(LANG=de_DE.UTF-8 "$rc" validate "$work/bad.yaml" 2>&1) || true
grep -Eq -- "$(pattern es 'unknown key {0} in {1}: did you mean {2}?')" <<< "$out" ||
    fail "language: es under LANG=de_DE.UTF-8 is not Spanish: $out"
out=$(LANG=de_DE.UTF-8 "$rc" --language de validate "$work/bad.yaml" 2>&1) || true
grep -Eq -- "$(pattern de 'unknown key {0} in {1}: did you mean {2}?')" <<< "$out" ||
    fail "--language de over language: es is not German: $out"
echo "languages: all checks passed"
