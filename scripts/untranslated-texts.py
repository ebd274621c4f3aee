#!/usr/bin/env python3
"""Lists the string literals in C++ sources that look like words for a person but are not
marked for translation, and exits 1 when there are any.

    scripts/untranslated-texts.py [FOLDER or FILE ...]     (default: src)

A literal looks like words when it holds two words of letters with a space between them, or a
capitalised word followed by punctuation ("Paused.", "Left:"). It is marked when it is an
argument of _( ), N_( ), C_( ) or plural( ). A literal that is not for a person (a file's keys,
a command's name, a message for developers) is let through by ending its line with
`// untranslated: <why>`; a whole file of such (a file format's template) by a line
`// untranslated-file: <why>`. Comments, #include lines and extern "C" are not looked at.
"""
import os
import re
import sys

MARKERS = {"_", "N_", "C_", "plural"}
WORDS = re.compile(r"[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}|[A-Za-z]+ [A-Za-z]|\b[A-Z][a-z]+[.!?:,]")
# printf formats, paths, option names and such that hold letters and spaces but no words:
# they are let through by the tests below.
IDENTIFIER = re.compile(r"^[\w./%:+-]*$")


def literals(text):
    """Yields (line, column, value, enclosing call names) for each string literal."""
    i = 0
    line = 1
    line_start = 0
    stack = []  # for each open parenthesis: the identifier before it
    last_word = ""
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            line_start = i + 1
            i += 1
            last_word = ""
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            if "\n" in text[i:j]:
                line_start = text.rfind("\n", i, j) + 1
            i = j
            continue
        if c == "#" and text[line_start:i].strip() == "":
            # a preprocessor line (and its continuations)
            j = i
            while True:
                k = text.find("\n", j)
                if k < 0:
                    k = n
                    break
                if text[k - 1] == "\\":
                    j = k + 1
                    line += 1
                    continue
                break
            i = k
            continue
        m = re.match(r'(u8|u|U|L)?R"([^()\\ ]{0,16})\(', text[i:])
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = text.find(")" + m.group(2) + '"', i + m.end())
            end = n if end < 0 else end
            value = text[i + m.end() : end]
            yield line, i - line_start + 1, value, list(stack), text
            line += value.count("\n")
            i = end + len(m.group(2)) + 2
            continue
        if c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            # a digit separator (1'000) is no character literal
            if i > 0 and text[i - 1].isdigit():
                i += 1
                continue
            i = j + 1
            continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            value = text[i + 1 : j]
            yield line, i - line_start + 1, value, list(stack), text
            i = j + 1
            last_word = ""
            continue
        if c.isalnum() or c == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            last_word = text[i:j]
            i = j
            continue
        if c == "(":
            stack.append(last_word)
        elif c == ")":
            if stack:
                stack.pop()
        elif c in "{};":
            # a statement or block ends: parentheses left open were a macro's or broken
            if c == ";":
                stack = [w for w in stack if w in ("for",)] if stack else []
        if not c.isspace():
            last_word = ""
        i += 1


# SQL statements, for the history's database.
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|COMMIT|ROLLBACK|ALTER|DROP|WITH|SAVEPOINT|RELEASE)\b")


def looks_like_words(value):
    if SQL.match(value):
        return False
    if re.search(r"^[A-Z][a-z]+[.!?:,]", value) and not re.search(r"[=/]", value):
        return True
    if IDENTIFIER.match(value):
        return False
    return bool(WORDS.search(value))


def check(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    lines = text.split("\n")
    found = []
    if "// untranslated-file:" in text:
        return found
    for line, column, value, stack, _ in literals(text):
        if not looks_like_words(value):
            continue
        if stack and stack[-1] in MARKERS:
            continue
        source = lines[line - 1] if line - 1 < len(lines) else ""
        if "// untranslated:" in source:
            continue
        shown = value.replace("\n", "\\n")
        found.append(f"{path}:{line}:{column}: not marked for translation: \"{shown}\"")
    return found


def main():
    targets = sys.argv[1:] or ["src"]
    found = []
    for target in targets:
        if os.path.isfile(target):
            found += check(target)
            continue
        for folder, _, names in sorted(os.walk(target)):
            for name in sorted(names):
                if name.endswith((".cpp", ".hpp", ".h", ".cc")):
                    found += check(os.path.join(folder, name))
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} texts not marked for translation; mark them with _( ) or end the "
              "line with // untranslated: <why>", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
