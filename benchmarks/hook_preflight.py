"""Wall time of `gsv-doctor preflight` with a warm probe cache, next to `python -c pass`.

Goal (issue 4): <= 0.25 s wall. The cache is warmed by one real probe first (in a
throwaway cache folder); then warm runs and bare interpreter starts alternate.

    python benchmarks/hook_preflight.py [--runs 15] [--project DIR]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wall(args, env) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--project", help="a GPT-SoVITS folder to check (default: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, GSV_DOCTOR_CACHE_DIR=cache,
                   PYTHONPATH=os.pathsep.join([ROOT] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
        command = [sys.executable, "-m", "gsv_doctor", "preflight"] + (["--project", args.project] if args.project else [])
        cold = wall(command, env)
        bare, warm, imports = [], [], []
        for _ in range(args.runs):
            bare.append(wall([sys.executable, "-c", "pass"], env))
            warm.append(wall(command, env))
            imports.append(wall([sys.executable, "-c", "import gsv_doctor.cli"], env))
        print(f"gsv-doctor preflight, {args.runs} alternating runs (best / median wall)")
        print(f"  cold cache (probes once)       {cold:.3f} s")
        print(f"  warm cache                     {min(warm):.3f} s / {statistics.median(warm):.3f} s  goal <= 0.25 s")
        print(f"  python -c pass                 {min(bare):.3f} s / {statistics.median(bare):.3f} s")
        print(f"  python -c 'import gsv_doctor.cli' {min(imports):.3f} s / {statistics.median(imports):.3f} s")
        print(f"warm preflight / bare start: {min(warm) / min(bare):.1f}x;"
              f" importing the CLI is {min(imports) / min(warm) * 100:.0f}% of it")


if __name__ == "__main__":
    main()
