#!/usr/bin/env python3
"""Checks rollcoach's message catalogs; exits 1 and says what is wrong when one fails.

    scripts/po-check.py complete       every language on po/LINGUAS's "complete:" line has
                                       every text of the template translated, none fuzzy
                                       (msgfmt --statistics, after merging the template)
    scripts/po-check.py placeholders [FILE.po ...]
                                       every translation has the same {0}, {1}, ... as its
                                       original (a plural's one-form may leave out {0})
    scripts/po-check.py template       po/rollcoach.pot holds every text the sources and data
                                       files have now (scripts/make-pot.sh)
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO = os.path.join(ROOT, "po")
PLACEHOLDER = re.compile(r"\{[0-9]\}")


def linguas():
    """(all languages, complete languages) from po/LINGUAS."""
    every, complete = [], []
    with open(os.path.join(PO, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*complete:(.*)", line)
            if m:
                complete += m.group(1).split()
            elif not line.startswith("#"):
                every += line.split()
    return every, complete


def unquote(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def entries(path):
    """Each entry of a po file as a dict: msgctxt, msgid, msgid_plural, msgstr[N], fuzzy, line."""
    out = []
    current = None
    field = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                if current is not None:
                    out.append(current)
                current, field = None, None
                continue
            if current is None:
                current = {"line": number, "fuzzy": False}
            if line.startswith("#,") and "fuzzy" in line:
                current["fuzzy"] = True
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if m:
                field = m.group(1)
                current[field] = unquote(m.group(2))
            elif line.startswith('"') and field:
                current[field] += unquote(line[1:-1])
    if current is not None:
        out.append(current)
    return [e for e in out if "msgid" in e]


def complete():
    every, done = linguas()
    failed = False
    pot = os.path.join(PO, "rollcoach.pot")
    for language in done:
        if language not in every:
            print(f"po/LINGUAS: {language} is on the complete: line but not listed")
            failed = True
            continue
        with tempfile.TemporaryDirectory() as work:
            merged = os.path.join(work, language + ".po")
            subprocess.run(["msgmerge", "--quiet", "--output-file=" + merged,
                            os.path.join(PO, language + ".po"), pot], check=True)
            result = subprocess.run(["msgfmt", "--statistics", "--output-file=/dev/null", merged],
                                    capture_output=True, text=True)
        statistics = (result.stderr + result.stdout).strip()
        print(f"po/{language}.po: {statistics}")
        if result.returncode != 0 or "untranslated" in statistics or "fuzzy" in statistics:
            print(f"po/{language}.po is not complete: translate the untranslated texts and "
                  "review the fuzzy ones (docs/translating.md)")
            failed = True
    return 1 if failed else 0


def placeholders(paths=None):
    every, _ = linguas()
    failed = False
    for path in paths or [os.path.join(PO, language + ".po") for language in every]:
        for e in entries(path):
            if e["msgid"] == "":
                continue
            want = set(PLACEHOLDER.findall(e["msgid"]))
            if "msgid_plural" in e:
                want_many = set(PLACEHOLDER.findall(e["msgid_plural"]))
                forms = sorted(k for k in e if k.startswith("msgstr["))
                for k in forms:
                    got = set(PLACEHOLDER.findall(e[k]))
                    if not e[k]:
                        continue
                    # A form for one alone may say "one" instead of {0}.
                    if got != want_many and got != want_many - {"{0}"}:
                        print(f"{path}:{e['line']}: {k} has {sorted(got)}, the original "
                              f"{sorted(want_many)}: {e['msgid']!r}")
                        failed = True
            elif e.get("msgstr"):
                got = set(PLACEHOLDER.findall(e["msgstr"]))
                if got != want:
                    print(f"{path}:{e['line']}: the translation has {sorted(got)}, the "
                          f"original {sorted(want)}: {e['msgid']!r}")
                    failed = True
    return 1 if failed else 0


def template():
    with tempfile.TemporaryDirectory() as work:
        fresh = os.path.join(work, "fresh.pot")
        subprocess.run([os.path.join(ROOT, "scripts", "make-pot.sh"), fresh], check=True)
        key = lambda e: (e.get("msgctxt"), e["msgid"], e.get("msgid_plural"))
        now = {key(e) for e in entries(fresh)}
    kept = {key(e) for e in entries(os.path.join(PO, "rollcoach.pot"))}
    missing = sorted(now - kept, key=str)
    gone = sorted(kept - now, key=str)
    for k in missing:
        print(f"po/rollcoach.pot lacks {k[1]!r}")
    for k in gone:
        print(f"po/rollcoach.pot still holds {k[1]!r}, which no source has")
    if missing or gone:
        print("Update it: cmake --build build --target rollcoach-po-update (then translate)")
        return 1
    print(f"po/rollcoach.pot holds the {len(now)} texts of the sources and data files")
    return 0


if __name__ == "__main__":
    checks = {"complete": complete, "placeholders": placeholders, "template": template}
    if len(sys.argv) < 2 or sys.argv[1] not in checks or (
        len(sys.argv) > 2 and sys.argv[1] != "placeholders"
    ):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if sys.argv[1] == "placeholders":
        sys.exit(placeholders(sys.argv[2:]))
    sys.exit(checks[sys.argv[1]]())
