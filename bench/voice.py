#!/usr/bin/env python3
"""Measures `rollcoach listen --from` on speech made with espeak-ng.

    bench/voice.py ROLLCOACH [--check] [--keep DIR]

Makes, in a temporary folder, one recording per voice and speed holding the five command
words four times each (each time at another pitch, with a pause before it), every line of
rollcoach's own spoken cues (the shipped routines' step names, cue texts and setup lines: over
two minutes) and 60 s of other speech (README text). Prints the share of commands recognised per voice and
speed, and the commands wrongly heard per minute of cues and of other speech. With --check it
exits 1 unless at least 9 in 10 commands (of all voices and speeds) are recognised and nothing is heard in the speech.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import wave

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ["pause", "resume", "next", "back", "stop"]
VOICES = ["en-us", "en-gb"]
SPEEDS = [130, 180]
PITCHES = [35, 50, 65, 80]
RATE = 22050


def speak(folder, text, voice, speed, pitch=50):
    path = os.path.join(folder, "say.wav")
    subprocess.run(["espeak-ng", "-w", path, "-v", voice, "-s", str(speed), "-p", str(pitch),
                    "--", text], check=True)
    with wave.open(path) as w:
        assert w.getframerate() == RATE and w.getsampwidth() == 2 and w.getnchannels() == 1
        return w.readframes(w.getnframes())


def silence(seconds):
    return b"\0\0" * int(seconds * RATE)


def write(path, frames):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def sentences_of_routines():
    lines = []
    for name in sorted(os.listdir(os.path.join(ROOT, "routines"))):
        if name.endswith(".yaml"):
            with open(os.path.join(ROOT, "routines", name)) as f:
                routine = yaml.safe_load(f)
            lines += routine.get("setup", [])
            for step in routine["steps"]:
                for side in ["Left side. ", "Right side. "]:
                    lines.append(side + step["name"] + ".")
                if step.get("cue"):
                    lines.append(step["cue"])
    return lines + ["Switch sides.", "Three. Two. One.", "Session done. Well done."]


def sentences_of_readme():
    with open(os.path.join(ROOT, "README.md")) as f:
        text = f.read()
    prose = [p for p in text.split("\n\n")
             if p and p[0].isalpha() and "`" not in p and "|" not in p and "#" not in p]
    return [re.sub(r"\s+", " ", re.sub(r"[*_>\[\]()]", "", p)) for p in prose]


def speech_file(folder, name, sentences, voice, seconds=60.0, every_line=False):
    # At least `seconds` of speech; with every_line, each line at least once however long that
    # takes, else cut at `seconds`.
    frames = b""
    while len(frames) < seconds * RATE * 2:
        for s in sentences:
            frames += speak(folder, s, voice, 150) + silence(0.8)
            if not every_line and len(frames) >= seconds * RATE * 2:
                break
    if not every_line:
        frames = frames[: int(seconds * RATE) * 2]
    path = os.path.join(folder, name)
    write(path, frames)
    return path, len(frames) / 2 / RATE


def command_file(folder, voice, speed):
    frames = b""
    said = []  # (word, start s, end s)
    for rep, pitch in enumerate(PITCHES):
        # Another order each time, so no word always follows the same one.
        order = WORDS[rep:] + WORDS[:rep]
        for word in order:
            frames += silence(1.2 + 0.1 * rep)
            sound = speak(folder, word, voice, speed, pitch)
            start = len(frames) / 2 / RATE
            frames += sound
            said.append((word, start, len(frames) / 2 / RATE))
    frames += silence(1.0)
    path = os.path.join(folder, f"commands-{voice}-{speed}.wav")
    write(path, frames)
    return path, said


def listen(rollcoach, path):
    run = subprocess.run([rollcoach, "listen", "--from", path], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"listen failed on {path}: {run.stderr}")
    heard = []
    for line in run.stdout.splitlines():
        m = re.fullmatch(r"(\d+(?:\.\d+)?) s: (\w+)", line.strip())
        if m:
            heard.append((float(m.group(1)), m.group(2)))
    return heard


def score(said, heard):
    # A command counts when the right word is heard from its start (less the quiet the
    # synthesiser puts before it) to its end; anything else heard is an error.
    right = 0
    used = set()
    for word, start, end in said:
        for i, (t, w) in enumerate(heard):
            if i not in used and w == word and start - 0.3 <= t <= end:
                right += 1
                used.add(i)
                break
    return right, len(heard) - len(used)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rollcoach")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--keep", help="make the recordings in this folder and keep them")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="rollcoach-voice-")
    os.makedirs(folder, exist_ok=True)
    ok = True
    total_right = total = 0
    print("| voice | speed (wpm) | commands said | recognised | wrongly heard |")
    print("|---|---|---|---|---|")
    for voice in VOICES:
        for speed in SPEEDS:
            path, said = command_file(folder, voice, speed)
            right, wrong = score(said, listen(args.rollcoach, path))
            total_right += right
            total += len(said)
            print(f"| {voice} | {speed} | {len(said)} | {right} ({100 * right / len(said):.0f} %) "
                  f"| {wrong} |")
    print(f"\nall: {total_right} of {total} recognised ({100 * total_right / total:.1f} %)\n")
    ok = total_right >= 0.9 * total
    print("| speech | minutes | commands heard | per minute |")
    print("|---|---|---|---|")
    for name, sentences, voice, every_line in [
            ("rollcoach's cues, every line", sentences_of_routines(), "en-us", True),
            ("README text", sentences_of_readme(), "en-gb", False)]:
        path, seconds = speech_file(folder, name.split()[0].replace("'s", "") + ".wav",
                                    sentences, voice, 60.0, every_line)
        heard = listen(args.rollcoach, path)
        minutes = seconds / 60
        print(f"| {name} ({voice}) | {minutes:.1f} | {len(heard)} | {len(heard) / minutes:.1f} |"
              + ("" if not heard else "  " + ", ".join(f"{t} s: {w}" for t, w in heard)))
        ok = ok and not heard
    if not args.keep:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    if args.check and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
