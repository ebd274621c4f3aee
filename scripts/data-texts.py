#!/usr/bin/env python3
"""Writes the texts of rollcoach's data files that a person reads or hears as a gettext
template: the shipped routines' titles, setup lines, step names and cues, and the body
model's labels, props and safety texts. Each comes with where it is, such as
routines/wall-tennis-ball.yaml:12, so a translator can look it up.

    scripts/data-texts.py SOURCE_DIR OUTPUT.pot

A routine's own translations (title_de:, or title: {en: ..., de: ...}) are not extracted:
they are translated where they are written.
"""
import os
import sys

import yaml

# Where the texts are, as paths of keys ("*" any key, "[]" every item of a list), and what a
# translator is told about them.
ROUTINE_TEXTS = [
    (("title",), "The title of a shipped routine."),
    (("setup", "[]"), "A setup line of a shipped routine, read before the session starts."),
    (("steps", "[]", "name"), "The name of a step of a shipped routine, shown and spoken."),
    (("steps", "[]", "cue"), "The cue of a step of a shipped routine, shown and spoken while the person follows it lying down or against a wall."),
]
BODY_TEXTS = [
    (("balls", "*", "label"), "The name of a ball."),
    (("tools", "*", "label"), "What presses in a massage given by hand."),
    (("muscles", "*", "label"), "The name of a muscle, shown on the body diagram."),
    (("more_muscles", "*", "label"), "The name of a muscle, shown on the body diagram."),
    (("drills", "*", "props", "[]"), "Something a drill needs, listed before it starts."),
    (("drills", "*", "safety"), "SAFETY TEXT, shown before a drill starts: translate with particular care, keeping every warning (sharp pain, numbness, tingling, spine, neck)."),
]


def scalar(node):
    return node.value if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") else None


def find(node, path):
    """The scalar nodes at a path of keys below a node."""
    if not path:
        if isinstance(node, yaml.ScalarNode):
            yield node
        return
    head, rest = path[0], path[1:]
    if head == "[]":
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from find(item, rest)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if head == "*" or key.value == head:
                yield from find(value, rest)


def quote(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    return '"' + out + '"'


def main():
    source, output = sys.argv[1], sys.argv[2]
    # msgid -> [comments, references], in the order first met.
    entries = {}
    files = [("assets/body.yaml", BODY_TEXTS)]
    files += [
        ("routines/" + name, ROUTINE_TEXTS)
        for name in sorted(os.listdir(os.path.join(source, "routines")))
        if name.endswith((".yaml", ".yml"))
    ]
    for relative, where in files:
        with open(os.path.join(source, relative), encoding="utf-8") as f:
            root = yaml.compose(f)
        for path, comment in where:
            for node in find(root, path):
                text = scalar(node)
                if not text:
                    continue
                entry = entries.setdefault(text, [[], []])
                if comment not in entry[0]:
                    entry[0].append(comment)
                entry[1].append(f"{relative}:{node.start_mark.line + 1}")
    lines = [
        "# Texts of rollcoach's data files, made by scripts/data-texts.py.",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for text, (comments, references) in entries.items():
        lines += ["#. " + c for c in comments]
        lines += ["#: " + " ".join(references)]
        lines += ["msgid " + quote(text), 'msgstr ""', ""]
    temporary = output + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.replace(temporary, output)


if __name__ == "__main__":
    main()
