#!/usr/bin/env python3
"""Side-by-side benchmark of rollcoach against a bare SFML window, under one Xvfb.

    bench/run.py BUILD_DIR [--repeat N] [--seconds S] [--same-user]

Prints a table of medians and ratios to the baseline, measured in this run."""
import argparse
import os
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WALL = str(ROOT / "routines" / "wall-tennis-ball.yaml")


# Whom the programs run as. A desktop program is started by a person, not by root, and libX11
# treats root apart: it keeps no parsed compose table for root (see src/app/ComposeCache.cpp),
# so a run as root would time what no person's start does. Started as root, the benchmark runs
# every program, the bare ones too, as an unprivileged user with a home of its own.
RUN_AS = None  # (uid, gid) or None for the benchmark's own user


def drop_to(ids):
    """In a child about to run a program: becomes the user (uid, gid) `ids`."""
    os.setgid(ids[1])
    os.setgroups([])
    os.setuid(ids[0])


def as_runner():
    if RUN_AS is not None:
        drop_to(RUN_AS)


def own(path):
    """Gives a folder made by the benchmark, and all in it, to the user the programs run as."""
    if RUN_AS is None:
        return
    for folder, _, files in os.walk(path):
        os.chown(folder, *RUN_AS)
        for name in files:
            os.chown(os.path.join(folder, name), *RUN_AS)


def choose_runner(probe):
    """As root: an unprivileged user that can run `probe` = (a command, files it must read):
    the build may sit in a folder only root reads. Else None, with why."""
    if os.geteuid() != 0:
        return None, ""
    import pwd
    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return None, "run as root: no unprivileged user to run as"
    ids = (entry.pw_uid, entry.pw_gid)

    def runs(command):
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=lambda: drop_to(ids)).returncode == 0
    # Every program it runs, and every file they read, must be its to reach.
    if runs(probe[0]) and all(runs(["test", "-r", path]) for path in probe[1]):
        return ids, f"run as nobody (uid {ids[0]}): a person's start, not root's"
    return None, ("run as root: nobody cannot reach the programs or files (a folder only root "
                  "reads); start-up includes reading X's compose table, which libX11 keeps no "
                  "cache of for root")


def timed(command, env, idle=False):
    """Runs a command to its end; returns wall s (to the microsecond), CPU s (user + system) and
    peak RSS KiB, from the kernel's accounting of the process (wait4). With `idle`, first lets
    the X server finish with the program before (a client's windows and contexts are torn
    down after it exits): a person starts rollcoach on a server that is doing nothing else."""
    if idle:
        time.sleep(0.25)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=as_runner)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def resident_by_mapping(pid):
    """Resident KiB of a running process by what is mapped: each file by its name, the heap,
    and anonymous memory, from /proc/PID/smaps."""
    resident = {}
    name = None
    for line in pathlib.Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            name = os.path.basename(fields[5]) if len(fields) > 5 else "[anonymous]"
        elif fields[0] == "Rss:":
            resident[name] = resident.get(name, 0) + int(fields[1])
    return resident


def steady(command, env, seconds, warmup=2.0):
    """CPU per wall second of a running program after `warmup` seconds (start-up excluded),
    read from /proc/PID/stat over `seconds`, its peak resident memory (VmHWM, KiB) and what is
    resident at the end, by mapping."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=as_runner)
    hz = os.sysconf("SC_CLK_TCK")

    def cpu():
        fields = pathlib.Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / hz  # utime, stime

    time.sleep(warmup)
    if process.poll() is not None:
        sys.exit(f"benchmark: {' '.join(command)} ended early")
    c0, t0 = cpu(), time.monotonic()
    time.sleep(seconds)
    c1, t1 = cpu(), time.monotonic()
    status = pathlib.Path(f"/proc/{process.pid}/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    mapped = resident_by_mapping(process.pid)
    process.terminate()
    process.wait()
    return (c1 - c0) / (t1 - t0), peak, mapped


def median(values):
    return statistics.median(values)


def generate_routines(folder, count):
    """Routines of every shape the format allows, safe and unsafe, valid and not."""
    rng = random.Random(42)
    balls = ["tennis", "yoga-tune-up", "yoga-tune-up-plus", "{diameter_cm: 8}"]
    for i in range(count):
        steps = []
        for s in range(rng.randint(1, 8)):
            x = round(rng.uniform(3, 16), 1)
            y = round(rng.uniform(-2, 25), 1)
            kind = rng.choice(["hold", "horizontal", "vertical", "circle", "path"])
            if kind == "hold":
                motion = "hold"
            elif kind == "path":
                points = ", ".join(
                    f"{{x_cm: {round(rng.uniform(3, 16), 1)}, y_cm: {round(rng.uniform(0, 25), 1)}}}"
                    for _ in range(rng.randint(1, 6)))
                motion = f"{{pattern: path, period_s: {rng.randint(4, 12)}, points: [{points}]}}"
            else:
                motion = (f"{{pattern: {kind}, amplitude_cm: {round(rng.uniform(0.5, 5), 1)}, "
                          f"period_s: {rng.randint(3, 12)}}}")
            steps.append(f"  - name: Step {s}\n    duration_s: {rng.randint(10, 90)}\n"
                         f"    cue: Gently.\n    place: [{{x_cm: {x}, y_cm: {y}}}]\n"
                         f"    motion: {motion}\n")
        text = (f"format: 1\ntitle: Generated {i}\ndrill: {rng.choice(['wall', 'lying'])}\n"
                f"ball: {rng.choice(balls)}\nschedule: {{rounds: {rng.randint(1, 3)}, switch_s: 5}}\n"
                "steps:\n" + "".join(steps))
        if i % 10 == 0:
            text = text.replace("duration_s", "duraton_s", 1)  # some broken files too
        (folder / f"r{i:04d}.yaml").write_text(text)


def generate_largest_routines(folder, count):
    """Routines as large as the format allows: 100 steps of 30 minutes, four balls on a 50-point
    path swept twice a second, names and cues near the length limit; each under 256 KiB."""
    for i in range(count):
        lines = [f"format: 1\ntitle: Largest routine {i}\ndrill: wall\nball: tennis",
                 "schedule: {rounds: 20, days: [mon, tue, wed, thu, fri, sat, sun]}", "steps:"]
        for s in range(100):
            points = ", ".join(f"{{x_cm: {4 if k % 2 else 8}, y_cm: {5 if k % 2 else 40}}}"
                               for k in range(50))
            lines += [f"  - name: Step {s} " + "n" * 480, "    duration_s: 1800",
                      "    cue: " + "c" * 400,
                      "    place: [{x_cm: 4, y_cm: 10}, {x_cm: 6, y_cm: 10}, {x_cm: 8, y_cm: 10}, "
                      "{x_cm: 10, y_cm: 10}]",
                      f"    motion: {{pattern: path, period_s: 0.5, points: [{points}]}}"]
        (folder / f"largest-{i}.yaml").write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", type=pathlib.Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--same-user", action="store_true",
                        help="run the programs as the benchmark's own user, even root")
    args = parser.parse_args()
    rollcoach = str(args.build / "rollcoach")
    baseline = str(args.build / "rollcoach-baseline")
    draw = [str(args.build / "rollcoach-reference-draw")]  # + the fonts
    tone = [str(args.build / "rollcoach-reference-tone")]
    libraries = [str(args.build / "rollcoach-reference-libraries"), WALL]  # + a history file
    # The bare programs are built only on request, so a plain build folder has none of them.
    for program in (baseline, draw[0], tone[0], libraries[0]):
        if not os.access(program, os.X_OK):
            sys.exit(f"{program} not found: configure {args.build} with -DROLLCOACH_BENCHMARKS=ON")
    # The drawing floor draws with rollcoach's two fonts, the files rollcoach finds.
    fonts = [subprocess.run(["fc-match", "-f", "%{file}", f"DejaVu Sans:style={style}"],
                            capture_output=True, text=True, check=True).stdout
             for style in ("Book", "Bold")]

    display = f":{random.randint(200, 900)}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    global RUN_AS
    programs = [rollcoach, baseline, draw[0], tone[0], libraries[0]]
    RUN_AS, runner = (None, "") if args.same_user else choose_runner(
        ([rollcoach, "--version"], programs + [WALL] + fonts))
    data = pathlib.Path(tempfile.mkdtemp(prefix="rollcoach-bench-"))
    env = dict(os.environ, DISPLAY=display, ALSOFT_DRIVERS="null")
    if RUN_AS is not None:
        # A home of its own, as a person has: caches (Mesa's shaders, X's compose table) are
        # kept there between runs. Mesa finds its cache from the password file's home
        # (/nonexistent for nobody), so the XDG folder is given too.
        home = data / "home"
        home.mkdir()
        env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"),
                   XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".local/state"),
                   XDG_DATA_HOME=str(home / ".local/share"))
        # Root's session (its bus, its runtime folder, its X cookie) is not the user's to use.
        for name in ("XCOMPOSECACHE", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY"):
            env.pop(name, None)
        own(data)
    # A sound card for runs with sound: OpenAL Soft's wave writer plays in real time, as a card
    # would, into a file. With ALSOFT_DRIVERS=null alone rollcoach sees no sound device and
    # loads no sound at all.
    (data / "alsoft.conf").write_text(f"[wave]\nfile = {data / 'heard.wav'}\n")
    sound_env = dict(env, ALSOFT_DRIVERS="wave", ALSOFT_CONF=str(data / "alsoft.conf"))
    session = [rollcoach, "--data-dir", str(data), "run", WALL, "--autostart", "--mute"]
    with_sound = [x for x in session if x != "--mute"]
    rows = []
    notes = []  # reference points: what any SFML program pays, without rollcoach
    try:
        # Warm the caches once (fontconfig, shaders, page cache) so every run is alike.
        timed(session + ["--frames", "1"], env)
        timed([baseline, "--frames", "1"], env)
        timed(draw + fonts + ["--frames", "1"], env)
        timed(libraries + [str(data / "reference.sqlite"), "--frames", "1"], env)

        # Start-up varies by a few milliseconds from run to run, and by tens on a shared host:
        # many short runs, taken in turn.
        r = {"base": [], "app": [], "sound": [], "draw": []}
        for _ in range(max(31, 3 * args.repeat)):
            r["base"].append(timed([baseline, "--frames", "1"], env, idle=True)[0])
            r["app"].append(timed(session + ["--frames", "1"], env, idle=True)[0])
            r["sound"].append(timed(with_sound + ["--frames", "1"], sound_env, idle=True)[0])
            r["draw"].append(timed(draw + fonts + ["--frames", "1"], env, idle=True)[0])
        rows.append(("start-up to first frame, muted (s)", median(r["base"]), median(r["app"]), "<= 1.1x", 1.1))
        rows.append(("start-up to first frame, with sound (s)", median(r["base"]), median(r["sound"]),
                     "<= 1.1x", 1.1))

        moving = {"base": [], "app": []}
        rss = {"base": [], "app": [], "sound": [], "nodevice": [], "draw": [], "tone": [],
               "libraries": []}
        maps = {"app": [], "draw": []}  # what is resident, by mapping, at the end of each run
        hold = []
        paused = []
        static = []
        for _ in range(args.repeat):
            cpu, mem, _ = steady([baseline], env, args.seconds)
            moving["base"].append(cpu)
            rss["base"].append(mem)
            cpu, mem, mapped = steady(session + ["--start-at", "45"], env, args.seconds)
            moving["app"].append(cpu)
            rss["app"].append(mem)
            maps["app"].append(mapped)
            hold.append(steady(session, env, args.seconds)[0])
            rss["sound"].append(steady(with_sound + ["--start-at", "45"], sound_env, args.seconds)[1])
            rss["nodevice"].append(steady(with_sound + ["--start-at", "45"], env, args.seconds)[1])
            paused.append(steady(session + ["--paused"], env, args.seconds)[0])
            static.append(steady([rollcoach, "--data-dir", str(data), "run", WALL, "--mute"], env,
                                 args.seconds)[0])
            _, mem, mapped = steady(draw + fonts, env, args.seconds)
            rss["draw"].append(mem)
            maps["draw"].append(mapped)
            rss["tone"].append(steady(tone, sound_env, args.seconds)[1])
            rss["libraries"].append(
                steady(libraries + [str(data / "reference.sqlite")], env, args.seconds)[1])
        rows.append(("CPU per wall second, ball moving (core)", median(moving["base"]),
                     median(moving["app"]), "<= 1.0x", 1.0))
        rows.append(("CPU per wall second, ball held (core)", median(moving["base"]), median(hold),
                     "<= 1.5x", 1.5))
        rows.append(("CPU per wall second, paused (core)", None, median(paused), "< 0.01", None))
        rows.append(("CPU per wall second, setup screen (core)", None, median(static), "< 0.01", None))

        base_mib = median(rss["base"]) / 1024
        floor_mib = median(rss["draw"]) / 1024
        app_mib = median(rss["app"]) / 1024
        # Memory against the drawing floor, a bare window drawing text with the same fonts:
        # what drawing at all costs under this GL (LLVM's shader compiles, tens of MiB under
        # llvmpipe) is paid by any program that draws.
        rows.append(("peak memory, muted, over the drawing floor (MiB)", floor_mib, app_mib,
                     "<= floor + 3", None))
        rows.append(("peak memory, no sound device, over the floor (MiB)", floor_mib,
                     median(rss["nodevice"]) / 1024, "<= floor + 3", None))
        rows.append(("peak memory, sound playing, over the floor (MiB)", floor_mib,
                     median(rss["sound"]) / 1024, "(sound's own)", None))
        notes.append(("start-up, bare window drawing a circle and text in both fonts (s)",
                      median(r["base"]), median(r["draw"])))
        notes.append(("start-up, rollcoach muted, against that drawing floor (s)",
                      median(r["draw"]), median(r["app"])))
        notes.append(("peak memory, the drawing floor: the same window (MiB)", base_mib,
                      median(rss["draw"]) / 1024))
        notes.append(("peak memory, the same, using fontconfig, yaml-cpp and SQLite (MiB)", base_mib,
                      median(rss["libraries"]) / 1024))
        notes.append(("peak memory, bare window playing a tone (MiB)", base_mib,
                      median(rss["tone"]) / 1024))

        folder = pathlib.Path(tempfile.mkdtemp(prefix="rollcoach-routines-"))
        generate_routines(folder, 1000)
        own(folder)
        files = sorted(str(p) for p in folder.glob("*.yaml"))
        per = []
        for _ in range(args.repeat):
            # Exit status 1 is expected: a tenth of the routines are broken on purpose.
            start = time.perf_counter()
            subprocess.run([rollcoach, "validate"] + files, env=env, capture_output=True,
                           preexec_fn=as_runner)
            wall = time.perf_counter() - start
            per.append(wall / len(files) * 1000)
        shutil.rmtree(folder)
        rows.append(("validate, per routine of 1,000 (ms)", None, median(per), "<= 1 ms", None))

        home = pathlib.Path(tempfile.mkdtemp(prefix="rollcoach-largest-"))
        (home / "routines").mkdir()
        generate_largest_routines(home / "routines", 10)
        own(home)
        nexts = [timed([rollcoach, "--data-dir", str(home), "next"], env)[0]
                 for _ in range(args.repeat)]
        shutil.rmtree(home)
        rows.append(("next over 10 largest routines (s)", None, median(nexts), "< 1 s", None))

        png = data / "frame.png"
        render = {"base": [], "app": []}
        for _ in range(args.repeat):
            render["base"].append(timed([baseline, "--render", str(png), "--size", "1280x720"], env)[0])
            render["app"].append(timed([rollcoach, "render", WALL, "--at", "50", "--size", "1280x720",
                                        "--out", str(png)], env)[0])
        rows.append(("render one frame to PNG (s)", median(render["base"]), median(render["app"]),
                     "<= 1.5x", 1.5))
    finally:
        xvfb.terminate()
        shutil.rmtree(data, ignore_errors=True)

    print(f"rollcoach benchmark: {args.repeat} runs each, medians; {args.seconds} s per CPU run; "
          f"one Xvfb {display} at 1920x1080, window 1280x720, 60 fps limit")
    print("reference: the bare window (baseline), or for memory the drawing floor")
    print(f"every program {runner}" if runner else "every program run as this user")
    print("each start-up run begins on an idle X server (0.25 s after the run before)")
    print(f"{'measure':50} {'reference':>10} {'rollcoach':>10} {'ratio':>7}  {'target':14} verdict")
    failed = False
    for name, base, app, target, limit in rows:
        ratio = app / base if base else None
        if limit is not None:
            ok = ratio <= limit
        elif "paused" in name or "setup" in name:
            ok = app < 0.01
        elif target.startswith("("):
            ok = None  # no target: OpenAL's mixing context is the sound card's, shown as it is
        elif "memory" in name:
            ok = app <= base + 3
        else:
            ok = app <= 1.0
        failed |= ok is False
        if "memory" in name:
            shown = f"+{app - base:.1f}"  # the target is a difference, not a ratio
        else:
            shown = "" if ratio is None else f"{ratio:6.2f}x"
        print(f"{name:50} {'' if base is None else f'{base:10.3f}':>10} {app:10.3f} "
              f"{shown:>7}  {target:14} {'' if ok is None else 'met' if ok else 'MISSED'}")
    print("\nreference points (no target): bare SFML programs with nothing of rollcoach, in this run")
    for name, base, value in notes:
        against = "floor   " if "against that drawing floor" in name else "baseline"
        print(f"{name:66} {value:8.3f}  {against} {base:8.3f}  "
              f"{f'{value / base:.2f}x' if 'start-up' in name else f'+{value - base:.1f} MiB'}")
    print("\nrollcoach muted over the drawing program, by what is resident at the end (medians, "
          "MiB; rows of 0.1 MiB or more)")
    print(f"{'mapping':44} {'drawing':>10} {'rollcoach':>10} {'over':>7}")
    names = set().union(*maps["app"], *maps["draw"])
    over = []
    for name in names:
        app = median([m.get(name, 0) for m in maps["app"]]) / 1024
        ref = median([m.get(name, 0) for m in maps["draw"]]) / 1024
        if abs(app - ref) >= 0.1:
            over.append((app - ref, name, ref, app))
    for difference, name, ref, app in sorted(over, reverse=True):
        print(f"{name:44} {ref:10.1f} {app:10.1f} {difference:+7.1f}")
    total = (median([sum(m.values()) for m in maps["app"]]) -
             median([sum(m.values()) for m in maps["draw"]])) / 1024
    print(f"{'all mappings':44} {'':10} {'':10} {total:+7.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
