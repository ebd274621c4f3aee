#!/usr/bin/env python3
"""listen reads a recording a block at a time: its memory does not grow with the file.

Usage: listen_memory.py ROLLCOACH

Listens to one second and to two minutes of 44.1 kHz stereo (21 MB) and compares the
peak resident memory of the two runs: reading the whole file would add about 4.5 times its size.
"""
import os
import struct
import subprocess
import sys
import tempfile


def write_wav(path, seconds, rate=44100, channels=2):
    samples = seconds * rate * channels
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 36 + 2 * samples) + b"WAVEfmt ")
        f.write(struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * channels * 2, channels * 2, 16))
        f.write(b"data" + struct.pack("<I", 2 * samples))
        second = bytes(2 * channels * rate)
        for _ in range(seconds):
            f.write(second)


def peak_kib(rollcoach, wav):
    process = subprocess.Popen([rollcoach, "listen", "--from", wav])
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"listen --from {wav} failed: status {status}")
    return usage.ru_maxrss


def main():
    rollcoach = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        short = os.path.join(folder, "short.wav")
        long = os.path.join(folder, "long.wav")
        write_wav(short, 1)
        write_wav(long, 120)
        size_kib = os.path.getsize(long) // 1024
        small = peak_kib(rollcoach, short)
        large = peak_kib(rollcoach, long)
        print(f"peak memory: {small} KiB for 1 s, {large} KiB for 120 s ({size_kib} KiB of file)")
        if large - small > size_kib // 4:
            sys.exit("listening to the long file took memory in proportion to its size")


main()
