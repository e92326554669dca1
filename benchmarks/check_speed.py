"""Wall time of `gsv-doctor check --json` against `python -m torch.utils.collect_env`
(the goal: no slower) and `python -c "import torch"` (the floor), side by side, median of 5.

    python benchmarks/check_speed.py [--project DIR] [--runs N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def wall(args) -> float:
    started = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", help="a GPT-SoVITS folder to check as well")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    # pip compiles an installed package to bytecode; do the same for this checkout so the
    # comparison with torch (compiled at install) is fair even under PYTHONDONTWRITEBYTECODE.
    import compileall
    import os

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
    for _ in range(options.runs):  # interleaved, so load changes hit every command alike
        for name, args in commands.items():
            times[name].append(wall(args))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:26s} median {value:6.3f} s  (runs: {', '.join(f'{v:.2f}' for v in times[name])})")
    check_time = medians["gsv-doctor check --json"]
    print(f"check / collect_env  = {check_time / medians['collect_env (goal)']:.2f}  (goal <= 1.00)")
    print(f"check / import torch = {check_time / medians['import torch (floor)']:.2f}  (floor 1.00)")


if __name__ == "__main__":
    main()
