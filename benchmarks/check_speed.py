"""Wall time of `gsv-doctor check --json` against `python -m torch.utils.collect_env`
(the goal: no slower) and `python -c "import torch"` (the floor), side by side, median of 5.
Also the CPU time each one's processes used (user + system, children included): on a machine
other programs keep busy, wall times move by tens of percent from run to run, CPU time little.

    python benchmarks/check_speed.py [--project DIR] [--runs N]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def timed(args) -> tuple:
    """(wall seconds, CPU seconds of the command and everything it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", help="a GPT-SoVITS folder to check as well")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    # pip compiles an installed package to bytecode; do the same for this checkout so the
    # comparison with torch (compiled at install) is fair even under PYTHONDONTWRITEBYTECODE.
    import compileall

    compileall.compile_dir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gsv_doctor"), quiet=1)
    check = [sys.executable, "-m", "gsv_doctor", "check", "--json"]
    if options.project:
        check += ["--project", options.project]
    commands = {
        "import torch (floor)": [sys.executable, "-c", "import torch"],
        "collect_env (goal)": [sys.executable, "-m", "torch.utils.collect_env"],
        "gsv-doctor check --json": check,
    }
    times = {name: [] for name in commands}
    cpu = {name: [] for name in commands}
    loads = [os.getloadavg()[0]]
    for _ in range(options.runs):  # interleaved, so load changes hit every command alike
        for name, args in commands.items():
            wall, used = timed(args)
            times[name].append(wall)
            cpu[name].append(used)
        loads.append(os.getloadavg()[0])
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    for name, value in medians.items():
        print(f"{name:26s} median {value:6.3f} s wall (runs: {', '.join(f'{v:.2f}' for v in times[name])});"
              f" CPU {cpu_medians[name]:.2f} s")
    for label, table in (("wall", medians), ("CPU", cpu_medians)):
        check_time = table["gsv-doctor check --json"]
        print(f"{label:4s}: check / collect_env = {check_time / table['collect_env (goal)']:.2f} (goal <= 1.00),"
              f" check / import torch = {check_time / table['import torch (floor)']:.2f} (floor 1.00)")
    print(f"os.getloadavg() from {min(loads):.1f} to {max(loads):.1f}")


if __name__ == "__main__":
    main()
