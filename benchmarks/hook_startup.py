"""Start-up cost of the installed .pth hook: `python -I -c pass` with it / without it.

Goal (issue 4): <= 1.05. Two throwaway venvs of this Python, one with the hook installed
by gsv-doctor, one without; runs alternate between them; best and median compared.

    python benchmarks/hook_startup.py [--runs 40]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from gsv_doctor import hookinstall  # noqa: E402


def make_venv(root: Path) -> str:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(root)], check=True)
    return str(root / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))


def wall(python: str, code: str) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-I", "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plain = make_venv(Path(folder) / "plain")
        hooked = make_venv(Path(folder) / "hooked")
        hookinstall.install(hooked, scan=False)
        for python in (plain, hooked):  # warm the file cache
            wall(python, "pass")
        times = {plain: [], hooked: []}
        for _ in range(args.runs):
            for python in (plain, hooked):
                times[python].append(wall(python, "pass"))
        best = {p: min(t) for p, t in times.items()}
        median = {p: statistics.median(t) for p, t in times.items()}
        print(f"python -I -c pass, {args.runs} alternating runs each (best / median)")
        print(f"  without the hook  {best[plain] * 1e3:.1f} ms / {median[plain] * 1e3:.1f} ms")
        print(f"  with the hook     {best[hooked] * 1e3:.1f} ms / {median[hooked] * 1e3:.1f} ms")
        print(f"start-up with / without: {best[hooked] / best[plain]:.3f}"
              f" (medians {median[hooked] / median[plain]:.3f})  goal <= 1.05")


if __name__ == "__main__":
    main()
