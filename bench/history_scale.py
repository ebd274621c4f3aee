#!/usr/bin/env python3
"""A history of 10,000 sessions (20 steps and 4 ratings each): how long progress, report,
history --json, next and the progress screen take on it.
    bench/history_scale.py BUILD_DIR
"""
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

SESSIONS = 10_000
NOW = 1795435200


def fill(history):
    db = sqlite3.connect(history)
    random.seed(1)
    first = NOW - SESSIONS * 86400
    for i in range(SESSIONS):
        start = first + i * 86400 + 3600
        cur = db.execute(
            "INSERT INTO sessions (routine_title, routine_hash, routine_file, started_at, ended_at,"
            " updated_at, first_side, how, stop_reason, left_s, right_s, pid, process_start,"
            " planned_s) VALUES (?, 'cafe', ?, ?, ?, ?, 'left', 'finished', '', 300, 300, 1, '',"
            " 300)",
            ("Wall tennis-ball drill", "routines/wall-tennis-ball.yaml", start, start + 600,
             start + 600))
        sid = cur.lastrowid
        db.executemany("INSERT INTO steps VALUES (?, 1, ?, ?, ?, 30)",
                       [(sid, "left" if k < 10 else "right", k % 10, "Step %d" % (k % 10))
                        for k in range(20)])
        db.executemany("INSERT INTO check_ins VALUES (?, 1, ?, ?, ?, ?)",
                       [(sid, side, moment, random.randint(0, 10), start)
                        for side in ("left", "right") for moment in ("before", "after")])
    db.commit()


def timed(args, env):
    began = time.monotonic()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.monotonic() - began


def main():
    build = sys.argv[1]
    binary = os.path.join(build, "rollcoach")
    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, ROLLCOACH_DATA_DIR=source, ROLLCOACH_NOW=str(NOW))
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([binary, "--data-dir", data, "history"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        fill(os.path.join(data, "history.sqlite"))
        routine = os.path.join(source, "routines", "wall-tennis-ball.yaml")
        out = os.path.join(data, "out")
        cases = [
            ("progress", ["progress"]),
            ("report", ["report", "--csv", out + ".csv", "--out", out + ".pdf"]),
            ("history --json", ["history", "--json"]),
            ("next", ["next"]),
            ("the progress screen (render)", ["render", routine, "--screen", "progress",
                                              "--out", out + ".png"]),
            ("a session screen (render, no history)", ["render", routine, "--at", "10",
                                                       "--out", out + "-s.png"]),
        ]
        print(f"history of {SESSIONS} sessions, 20 steps and 4 ratings each:")
        for name, args in cases:
            best = min(timed([binary, "--data-dir", data] + args, env) for _ in range(3))
            print(f"  {name:40s} {best:6.2f} s")


if __name__ == "__main__":
    main()
