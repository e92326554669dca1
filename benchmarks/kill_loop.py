"""Kill `gsv-doctor fix --write` and `fix --undo` with SIGKILL at random moments, many times,
and check after every kill that no user file was lost or half-written.

After each kill: config.py and tts_infer.yaml are each byte for byte the original or the
complete fix, every backup holds one of those versions, and `fix --undo` run to the end
brings back the original bytes (checked every --check-every kills, and at the end).
Kill times are spread over a whole run, measured first, with more of them late in the run,
where the writes happen.

    python benchmarks/kill_loop.py [--kills 120] [--seed 1] [--check-every 3]
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
import probe_fixtures  # noqa: E402  (tests/ holds the saved probe scenarios)

CONFIGS = ROOT / "tests" / "fixtures" / "configs"
TTS = "GPT_SoVITS/configs/tts_infer.yaml"


def make_project(folder: Path) -> Path:
    root = folder / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_bytes((CONFIGS / "constants_gbk_crlf.py").read_bytes())
    (root / TTS).write_bytes((CONFIGS / "tts_infer_crlf_comments.yaml").read_bytes())
    (root / "webui.py").write_text("import config\n")
    return root


def user_files(root: Path):
    return {name: (root / name).read_bytes() for name in ("config.py", TTS)}


def backups(root: Path):
    return [p for p in root.rglob("*") if ".gsv-doctor-" in p.name and p.name.endswith(".bak")]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check-every", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    env.pop("is_half", None)
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder))
        saved = probe_fixtures.write(Path(folder) / "probe.json", "cpu-torch201")
        command = [sys.executable, "-m", "gsv_doctor", "fix", "--project", str(root)]
        write = command + ["--probe-json", str(saved), "--write", "--yes"]
        undo = command + ["--undo"]

        def finish(args_) -> subprocess.CompletedProcess:
            return subprocess.run(args_, env=env, capture_output=True, text=True, timeout=120)

        original = user_files(root)
        durations = []
        for _ in range(3):
            for args_ in (write, undo):
                start = time.perf_counter()
                done = finish(args_)
                durations.append(time.perf_counter() - start)
                assert done.returncode == 0, done.stderr
        fixed_run = finish(write)
        fixed = user_files(root)
        assert finish(undo).returncode == 0 and user_files(root) == original
        assert all(fixed[name] != original[name] for name in fixed)
        run_time = statistics.median(durations)

        states = collections.Counter()
        failures = []
        started = time.perf_counter()
        for kill in range(1, args.kills + 1):
            # undo mostly where there is something to undo, so both commands are cut mid-way
            args_ = undo if rng.random() < (0.8 if backups(root) else 0.2) else write
            # a third uniform over the run, two thirds in its last 40 % (where files are written)
            delay = rng.uniform(0, run_time) if rng.random() < 1 / 3 else rng.uniform(0.6, 1.0) * run_time
            child = subprocess.Popen(args_, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            finished = child.poll() is not None
            if not finished:
                child.send_signal(signal.SIGKILL)
            child.wait()
            now = user_files(root)
            kind = "write" if args_ is write else "undo"
            label = "finished" if finished else "killed"
            for name, data in now.items():
                if data not in (original[name], fixed[name]):
                    failures.append(f"kill {kill} ({kind}): {name} is neither the original nor the fix")
            for backup in backups(root):
                name = "config.py" if backup.name.startswith("config.py") else TTS
                if backup.read_bytes() not in (original[name], fixed[name]):
                    failures.append(f"kill {kill} ({kind}): backup {backup.name} holds neither version")
            shape = "+".join("fixed" if now[n] == fixed[n] else "original" for n in sorted(now))
            states[(kind, label, shape)] += 1
            if kill % args.check_every == 0 or kill == args.kills:
                done = finish(undo)
                if done.returncode != 0 or user_files(root) != original or backups(root):
                    failures.append(f"kill {kill} ({kind}): undo afterwards gave exit {done.returncode},"
                                    f" originals back: {user_files(root) == original}, backups left:"
                                    f" {len(backups(root))}; {done.stderr.strip()[-300:]}")
                    return report(args, run_time, states, failures, started)
        return report(args, run_time, states, failures, started)


def report(args, run_time, states, failures, started) -> int:
    print(f"kill loop: {args.kills} random SIGKILLs of `gsv-doctor fix --write` / `fix --undo`"
          f" (seed {args.seed}; one run takes {run_time:.2f} s here; {time.perf_counter() - started:.0f} s in all)")
    for (kind, label, shape), count in sorted(states.items()):
        print(f"  {kind:5s} {label:8s} files after it: {shape:18s} {count:4d}")
    killed = sum(count for (kind, label, _s), count in states.items() if label == "killed")
    print(f"killed mid-run: {killed}; finished before the kill: {args.kills - killed}")
    if failures:
        print(f"FAILED ({len(failures)}):")
        for line in failures[:20]:
            print("  " + line)
        return 1
    print("every file was the original or the complete fix after every kill; undo restored the original bytes"
          f" every {args.check_every} kills and at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
