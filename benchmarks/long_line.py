"""Time to read a config.py written as one long line, at doubling sizes: linear parsing doubles
the time with the size (ratio about 2), the old ast.get_source_segment use quadrupled it.

    python benchmarks/long_line.py [--sizes 0.25,0.5,1,2] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from gsv_doctor.families.gpt_sovits import configpy  # noqa: E402


def one_line(megabytes: float) -> str:
    statements = []
    size = 0
    index = 0
    while size < megabytes * 2 ** 20:
        statement = f"is_half = {index % 2 == 0}; infer_device = 'cuda:{index}'; v{index} = '中{index}'"
        statements.append(statement)
        size += len(statement.encode("utf-8")) + 2
        index += 1
    return "; ".join(statements) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0.25,0.5,1,2")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for size in sizes:
            paths[size] = os.path.join(folder, f"config-{size}.py")
            with open(paths[size], "w", encoding="utf-8") as handle:
                handle.write(one_line(size))
        times = {size: [] for size in sizes}
        for _ in range(args.repeat):  # interleaved, so a busy machine slows every size alike
            for size in sizes:
                start = time.perf_counter()
                configpy.read_config(paths[size])
                times[size].append(time.perf_counter() - start)
    print(f"config.py as one line, read_config, median of {args.repeat} interleaved runs (min-max)")
    previous = None
    for size in sizes:
        median = statistics.median(times[size])
        ratio = f"  x{median / previous:.2f} for twice the size" if previous else ""
        print(f"  {size:5.2f} MB  {median:7.2f} s  ({min(times[size]):.2f}-{max(times[size]):.2f}){ratio}")
        previous = median


if __name__ == "__main__":
    main()
