"""Is check's speed figure stable on a busy machine, and does it predict a real model?

Runs `gsv-doctor check --json` N times (default 10) while a second process keeps every core
busy, and prints for float16 and bfloat16 the median, min and max of the ratio it reported,
next to a direct measurement of transformers' HubertModel(HubertConfig()) (HuBERT-base,
random weights) on 1 s of 16 kHz audio in this same Python, measured as the probe measures (one
thread, that thread's CPU time, dtypes interleaved over rounds), once before and once after the
runs, under the same load; its rounds' median is the reference and their range is printed. Also checks that what gsv-doctor does holds in
every run: whether `run` would export is_half=False (from each run's report), and the hook's op
set (the hook no longer reads the probe report: it scans torch itself, once per build, so the
set is read from that cached scan after each run).

Goal: every ratio within a factor of 1.5 of the direct median; op set and is_half identical.

    python benchmarks/probe_stability.py [--runs N] [--rounds R] [--burners B | --no-load]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DTYPES = ("float16", "bfloat16")


def burn(stop) -> None:
    x = 0
    while not stop.is_set():
        for i in range(10000):
            x += i * i


def check_once() -> dict:
    done = subprocess.run([sys.executable, "-m", "gsv_doctor", "check", "--json", "--lang", "en"],
                          capture_output=True, text=True, cwd=str(ROOT), timeout=600)
    return json.loads(done.stdout)


def decisions(document: dict, hook_ops: tuple):
    from gsv_doctor import probereport
    from gsv_doctor.diagnose import assess_devices, half_unusable

    report = probereport.parse(document["probe"])
    return hook_ops, half_unusable(assess_devices(report))


def hook_ops() -> tuple:
    import torch

    from gsv_doctor import hook

    scan = hook.load_cached_scan(torch) or hook.scan_in_child(torch)  # the hook's own, once per build
    return tuple(sorted(scan["ops"])) if scan else ("<no cached scan>",)


def direct(rounds: int) -> dict:
    """float16 and bfloat16 time / float32 time of HuBERT-base on 1 s of audio: one thread,
    this thread's CPU time, dtypes interleaved (each round starts with another), warmed up.
    Returns each dtype's per-round ratios and float32's median seconds."""
    import copy

    import torch
    from transformers import HubertConfig, HubertModel

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = HubertModel(HubertConfig()).eval()
    names = ("float32",) + DTYPES
    models = {name: copy.deepcopy(model).to(getattr(torch, name)) for name in names}
    audio = {name: torch.randn(1, 16000, generator=torch.Generator().manual_seed(1)).to(getattr(torch, name))
             for name in names}
    times = {name: [] for name in names}
    try:
        with torch.no_grad():
            for name in names:
                models[name](audio[name])  # warm-up
            for index in range(rounds):
                for name in names[index % 3:] + names[:index % 3]:
                    start = time.thread_time()
                    models[name](audio[name])
                    times[name].append(time.thread_time() - start)
    finally:
        torch.set_num_threads(previous)
    return {"float32_s": statistics.median(times["float32"]),
            **{name: [a / b for a, b in zip(times[name], times["float32"])] for name in DTYPES}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each direct measurement (one before, one after the runs)")
    parser.add_argument("--no-load", action="store_true", help="no second process keeping the cores busy")
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2, help="busy processes (default: one per core)")
    options = parser.parse_args()
    stop = multiprocessing.Event()
    burners = [] if options.no_load else [multiprocessing.Process(target=burn, args=(stop,), daemon=True)
                                          for _ in range(options.burners)]
    for process in burners:
        process.start()
    loads = [os.getloadavg()[0]]
    try:
        before = direct(options.rounds)
        print(f"direct before: float16 {' '.join(f'{r:.2f}' for r in before['float16'])},"
              f" bfloat16 {' '.join(f'{r:.2f}' for r in before['bfloat16'])}", flush=True)
        started = time.perf_counter()
        documents, op_sets = [], []
        for index in range(options.runs):
            documents.append(check_once())
            op_sets.append(hook_ops())
            loads.append(os.getloadavg()[0])
            speed = {d["id"]: d for d in documents[-1]["devices"]}["cpu"]
            print(f"run {index + 1:2d}: float16 {speed['half_ratio']}, bfloat16 {speed['bf16_ratio']}"
                  f" (uncertain: {speed['half_uncertain']}/{speed['bf16_uncertain']}); load {loads[-1]:.1f}", flush=True)
        check_s = time.perf_counter() - started
        after = direct(options.rounds)
        print(f"direct after:  float16 {' '.join(f'{r:.2f}' for r in after['float16'])},"
              f" bfloat16 {' '.join(f'{r:.2f}' for r in after['bfloat16'])}", flush=True)
        loads.append(os.getloadavg()[0])
    finally:
        stop.set()
        for process in burners:
            process.join(timeout=5)
    print(f"\n{options.runs} x check --json in {check_s:.0f} s; load: "
          + ("none added" if options.no_load else f"{len(burners)} busy processes")
          + f"; os.getloadavg() from {min(loads):.1f} to {max(loads):.1f}")
    print(f"direct HubertModel, 1 s audio, 1 thread, CPU time: float32 {before['float32_s']:.2f} s before,"
          f" {after['float32_s']:.2f} s after")
    worst = 0.0
    for name, key in (("float16", "half_ratio"), ("bfloat16", "bf16_ratio")):
        rounds = before[name] + after[name]
        reference = statistics.median(rounds)
        values = [{d["id"]: d for d in doc["devices"]}["cpu"][key] for doc in documents]
        values = [v for v in values if v is not None]
        if not values:
            print(f"{name}: not timed (fails on this torch)")
            continue
        factors = [max(v / reference, reference / v) for v in values]
        worst = max(worst, max(factors))
        print(f"{name:9s} check: median {statistics.median(values):5.2f}  min {min(values):5.2f}  max {max(values):5.2f}"
              f" | direct: median {reference:5.2f} of {len(rounds)} rounds (min {min(rounds):.2f}, max {max(rounds):.2f};"
              f" before {statistics.median(before[name]):.2f}, after {statistics.median(after[name]):.2f})"
              f" | worst factor check vs direct {max(factors):.2f}")
    made = {decisions(doc, ops) for doc, ops in zip(documents, op_sets)}
    ops = {m[0] for m in made}
    halves = {m[1] for m in made}
    print(f"hook op sets seen: {len(ops)} ({len(next(iter(ops)))} ops)" if len(ops) == 1 else
          f"hook op sets seen: {len(ops)}: " + "; ".join(str(len(o)) for o in ops))
    print(f"is_half=False exported: {sorted(halves)}")
    goal = worst <= 1.5 and len(ops) == 1 and len(halves) == 1
    print(f"goal (every ratio within 1.5x of the direct median, one op set, one is_half): {'MET' if goal else 'NOT MET'}")


if __name__ == "__main__":
    main()
