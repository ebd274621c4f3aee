#!/usr/bin/env python3
"""Writes the functions a session runs, in the order the linker lays them out.

    bench/session_order.py BUILD_DIR [--out packaging/session-order.txt]

A session runs a small part of the rollcoach binary (a third of its code, on the first
frames), spread through all of it. The kernel maps a program's code 64 KiB at a time round
each page first touched, so code spread thin is resident whole. Listed here, the session's
functions are laid out together (CMakeLists.txt hands the list to the linker), and what is
resident of the binary during a session halves (BENCHMARKS.md).

The list is found by running the program under Valgrind's callgrind on the display it is
given (xvfb-run -a bench/session_order.py build), through the screens a session shows: the routine's setup screen, and a session started and
run for some seconds. A function missing from the list still runs, from further away."""
import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def functions_run(program, arguments, env):
    """The mangled names of the functions of `program` itself that ran, in the order of
    callgrind's record."""
    with tempfile.TemporaryDirectory() as folder:
        out = pathlib.Path(folder) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no",
                        f"--callgrind-out-file={out}", program] + arguments,
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        objects = {}
        names = {}
        current = None
        seen = []
        # Callgrind names each object and function once in full, as "ob=(3) /path", and by
        # its number after: "ob=(3)". A call's callee ("cob=", "cfn=") may be the first to.
        for line in out.read_text(errors="replace").splitlines():
            match = re.match(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$", line)
            if not match:
                continue
            kind, number, name = match.groups()
            table = objects if kind.endswith("ob") else names
            if name is not None:
                table[number] = name
            if kind == "ob":
                current = objects.get(number)
            elif kind == "fn" and current == os.path.realpath(program):
                seen.append(names[number])
        return seen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "packaging" / "session-order.txt")
    args = parser.parse_args()
    program = str((args.build / "rollcoach").resolve())
    routine = str(ROOT / "routines" / "wall-tennis-ball.yaml")
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, ALSOFT_DRIVERS="null", ROLLCOACH_DATA_DIR=str(ROOT),
                   HOME=data, XDG_CONFIG_HOME=data, XDG_DATA_HOME=data, XDG_STATE_HOME=data)
        base = ["--data-dir", data]
        runs = [
            ["run", routine, "--frames", "5"],  # the setup screen
            ["run", routine, "--autostart", "--mute", "--frames", "90"],
            ["run", routine, "--autostart", "--mute", "--start-at", "45", "--frames", "90"],
        ]
        order = []
        known = set()
        for arguments in runs:
            for name in functions_run(program, base + arguments, env):
                if name not in known:
                    known.add(name)
                    order.append(name)
    # Only the functions the linker can place: each in a section of its own, in the binary.
    symbols = subprocess.run(["nm", "--defined-only", program], capture_output=True, text=True,
                             check=True).stdout
    placeable = {line.split()[2] for line in symbols.splitlines()
                 if len(line.split()) == 3 and line.split()[1] in "tTwW"}
    order = [name for name in order if name in placeable and name != "main"]
    args.out.write_text("".join(name + "\n" for name in order))
    print(f"{args.out}: {len(order)} functions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
