#!/usr/bin/env python3
"""A history of 10,000 sessions (20 steps and 4 ratings each): how long progress, report,
history --json, next and the progress screen take on it.
    bench/history_scale.py BUILD_DIR [--sessions N]

The rows are written the way rollcoach's own schema takes them (named columns, the rest at
their defaults), and rollcoach must read them back: the suite runs this with a few sessions
(tests/CMakeLists.txt), so a change of schema that the benchmark does not follow fails there,
not on the day the figures are wanted."""
import os
import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

SESSIONS = 10_000
NOW = 1795435200


def fill(history, sessions):
    db = sqlite3.connect(history)
    random.seed(1)
    first = NOW - sessions * 86400
    for i in range(sessions):
        start = first + i * 86400 + 3600
        cur = db.execute(
            "INSERT INTO sessions (routine_title, routine_hash, routine_file, started_at, ended_at,"
            " updated_at, first_side, how, stop_reason, left_s, right_s, pid, process_start,"
            " planned_s) VALUES (?, 'cafe', ?, ?, ?, ?, 'left', 'finished', '', 300, 300, 1, '',"
            " 300)",
            ("Wall tennis-ball drill", "routines/wall-tennis-ball.yaml", start, start + 600,
             start + 600))
        sid = cur.lastrowid
        db.executemany("INSERT INTO steps (session_id, round, side, step_index, step_name, seconds)"
                       " VALUES (?, 1, ?, ?, ?, 30)",
                       [(sid, "left" if k < 10 else "right", k % 10, "Step %d" % (k % 10))
                        for k in range(20)])
        db.executemany("INSERT INTO check_ins (session_id, round, side, moment, rating, at)"
                       " VALUES (?, 1, ?, ?, ?, ?)",
                       [(sid, side, moment, random.randint(0, 10), start)
                        for side in ("left", "right") for moment in ("before", "after")])
    db.commit()


def timed(args, env):
    began = time.monotonic()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.monotonic() - began


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    args = parser.parse_args()
    build = args.build
    binary = os.path.join(build, "rollcoach")
    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, ROLLCOACH_DATA_DIR=source, ROLLCOACH_NOW=str(NOW))
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([binary, "--data-dir", data, "history"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        fill(os.path.join(data, "history.sqlite"), args.sessions)
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
        print(f"history of {args.sessions} sessions, 20 steps and 4 ratings each:")
        for name, command in cases:
            best = min(timed([binary, "--data-dir", data] + command, env) for _ in range(3))
            print(f"  {name:40s} {best:6.2f} s")
        # Every session is read back, not only timed: history --json lists them all.
        listed = subprocess.run([binary, "--data-dir", data, "history", "--json"], env=env,
                                capture_output=True, text=True, check=True).stdout
        sessions = json.loads(listed)
        sessions = sessions.get("sessions", sessions) if isinstance(sessions, dict) else sessions
        if len(sessions) != args.sessions:
            sys.exit(f"history --json lists {len(sessions)} sessions of {args.sessions} written")


if __name__ == "__main__":
    main()
