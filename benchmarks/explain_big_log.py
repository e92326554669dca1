"""`gsv-doctor explain --no-probe` on a 10 MB training log: goal under 1 s of wall time.

Builds a log shaped like a long GPT-SoVITS training run (loss lines, tqdm progress bars
with carriage returns, ANSI colours, Chinese UI text, a few warnings and tracebacks),
then times, side by side in one run (median of 5):
  - the whole command, `python -m gsv_doctor explain BIG --no-probe`;
  - the floor: `python -m gsv_doctor --help` (interpreter + click + our imports);
  - the same log as GBK (the decoder's non-UTF-8 path);
  - a log made of nothing but the corpus's tracebacks (the parser's worst case);
  - 1 MB of lines of digits only (the fact patterns' worst case: was 6 s for one 30k-digit line);
  - in process: read_log() and explain_log() alone.
Prints the seconds and the ratios against the 1 s goal and the floor.

Usage: python benchmarks/explain_big_log.py [--mb 10] [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from gsv_doctor import explain, logread  # noqa: E402

TRACEBACK = """Traceback (most recent call last):
  File "D:\\AI\\GPT-SoVITS\\GPT_SoVITS\\s2_train.py", line 405, in train_and_evaluate
    ) = net_g(ssl, spec, spec_lengths, text, text_lengths)
  File "D:\\AI\\GPT-SoVITS\\runtime\\lib\\site-packages\\torch\\nn\\modules\\module.py", line 1553, in _call_impl
    return forward_call(*args, **kwargs)
torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 64.00 MiB. GPU 0 has a total capacity of 3.95 GiB
"""
CONV = """Traceback (most recent call last):
  File "D:\\AI\\GPT-SoVITS\\GPT_SoVITS\\feature_extractor\\cnhubert.py", line 84, in forward
    feats = self.model(input_values)["last_hidden_state"]
RuntimeError: "slow_conv2d_cpu" not implemented for 'Half'
"""


def build_log(megabytes: float, seed: int = 5) -> str:
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    parts = []
    size = 0
    step = 0
    while size < target:
        step += 1
        kind = rng.random()
        if kind < 0.55:
            line = ("\x1b[32mINFO\x1b[0m:2025-06-0%d %02d:%02d:%02d:s2_train.py:%d: Train Epoch: %d [%d%%]"
                    " loss_disc=%.3f, loss_gen=%.3f, loss_fm=%.3f, loss_mel=%.3f, loss_kl=%.3f, lr=%.6f\n"
                    % (rng.randint(1, 9), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                       rng.randint(100, 600), step // 500, rng.randint(0, 99), rng.random() * 3, rng.random() * 5,
                       rng.random() * 9, rng.random() * 30, rng.random(), rng.random() / 1000))
        elif kind < 0.9:
            done = rng.randint(0, 100)
            line = "".join("\r%3d%%|%-10s| %d/%d [00:%02d<00:%02d, %.2fit/s]" % (
                d, "#" * (d // 10), d, 100, rng.randint(0, 59), rng.randint(0, 59), rng.random() * 9)
                for d in range(done, min(done + 5, 101))) + "\n"
        elif kind < 0.97:
            line = "当前训练第 %d 步，已保存模型到 logs/xiaoye/logs_s2/G_%d.pth\n" % (step, step)
        elif kind < 0.999:
            line = ("D:\\AI\\GPT-SoVITS\\runtime\\lib\\site-packages\\torch\\functional.py:666: UserWarning: stft"
                    " with return_complex=False is deprecated.\n")
        else:
            line = rng.choice([TRACEBACK, CONV])
        parts.append(line)
        size += len(line.encode("utf-8"))
    return "".join(parts)


def build_traceback_storm(megabytes: float) -> bytes:
    """The worst shape: nothing but tracebacks (a UI that fails on every click), from the corpus."""
    logs = sorted((REPO / "tests" / "logs").iterdir())
    block = b"".join(path.read_bytes() for path in logs if path.suffix == ".log" and "gbk" not in path.name)
    return block * max(1, int(megabytes * 1024 * 1024 // len(block)))


def build_digit_runs() -> bytes:
    """A hostile shape for the fact patterns: lines of nothing but digits (a dumped array, a hash)."""
    return ("9" * 30000 + "\n").encode("ascii") * 34


def _median_wall(args, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=str(REPO),
                              env=dict(os.environ, PYTHONPATH=str(REPO)))
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit("command failed: %s\n%s" % (args, done.stderr.decode(errors="replace")))
    return statistics.median(times)


def _median_in_process(data: bytes, runs: int):
    reads, explains = [], []
    for _ in range(runs):
        start = time.perf_counter()
        log = logread.read_log(data)
        middle = time.perf_counter()
        found = explain.explain_log(log)
        explains.append(time.perf_counter() - middle)
        reads.append(middle - start)
    return statistics.median(reads), statistics.median(explains), found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    text = build_log(options.mb)
    with tempfile.TemporaryDirectory() as folder:
        utf8 = Path(folder) / "train.log"
        utf8.write_bytes(text.encode("utf-8"))
        gbk = Path(folder) / "train-gbk.log"
        gbk.write_bytes(text.encode("gbk"))
        storm = Path(folder) / "storm.log"
        storm.write_bytes(build_traceback_storm(options.mb))
        digits = Path(folder) / "digits.log"
        digits.write_bytes(build_digit_runs())
        size_mb = utf8.stat().st_size / 1024 / 1024

        command = [sys.executable, "-m", "gsv_doctor", "explain", "--no-probe", "--lang", "en"]
        floor = _median_wall([sys.executable, "-m", "gsv_doctor", "--help"], options.runs)
        whole = _median_wall(command + [str(utf8)], options.runs)
        whole_gbk = _median_wall(command + [str(gbk)], options.runs)
        whole_storm = _median_wall(command + [str(storm)], options.runs)
        storm_mb = storm.stat().st_size / 1024 / 1024
        whole_digits = _median_wall(command + [str(digits)], options.runs)
        read_s, explain_s, found = _median_in_process(utf8.read_bytes(), options.runs)

    print("log: %.1f MB, %d lines; found: %s" % (size_mb, text.count("\n"), ", ".join(
        "%s x%d" % (e.id, e.count) for e in found)))
    print("median of %d runs, wall seconds:" % options.runs)
    print("  gsv-doctor --help (floor)              %.3f" % floor)
    print("  explain --no-probe, UTF-8 log          %.3f   goal 1 s: ratio %.2f   vs floor: %.2fx"
          % (whole, whole / 1.0, whole / floor))
    print("  explain --no-probe, same log in GBK    %.3f   goal 1 s: ratio %.2f   vs floor: %.2fx"
          % (whole_gbk, whole_gbk / 1.0, whole_gbk / floor))
    print("  explain --no-probe, %.1f MB of tracebacks %.3f   goal 1 s: ratio %.2f   vs floor: %.2fx"
          % (storm_mb, whole_storm, whole_storm / 1.0, whole_storm / floor))
    print("  explain --no-probe, 1 MB of digit runs  %.3f   goal 1 s: ratio %.2f   vs floor: %.2fx"
          % (whole_digits, whole_digits / 1.0, whole_digits / floor))
    print("  in process (UTF-8 log): read_log %.3f + explain_log %.3f" % (read_s, explain_s))
    worst = max(whole, whole_gbk, whole_storm, whole_digits)
    print("verdict: %s (worst %.3f s)" % ("under 1 s" if worst < 1.0 else "OVER 1 s", worst))


if __name__ == "__main__":
    main()
