"""Every historical RVC WebUI config, run for real, against what gsv-doctor says about it.

For each distinct root `config.py` / `configs/config.py` in a git mirror of
RVC-Project/Retrieval-based-Voice-Conversion-WebUI (all refs, pull-request heads included),
the version's whole tree is extracted into a throw-away folder (its `Config()` rewrites the
json configs and the preprocess script) and its own `Config()` is run in a child Python with
`sys.argv` neutralised, on this CPU-only machine as it is and on faked machines (an
RTX 3090, a GTX 1660 Ti, a GTX 1060, an Apple M1: torch.cuda / torch.backends.mps patched in
the child). That gives (device, is_half) or the crash, plus the files the start-up rewrote.

Then gsv-doctor's RVC family reads a fresh copy of the same tree and predicts, for the same
machines, what each entry point gets (statically, and by running the project's code the way
check does), and `fix --write` / `--undo` are applied to another copy: after the fix every
entry point must run float32 on the CPU, the RTX 3090 keep float16 on the GPU, the 1660 Ti
get float32 on the GPU, and undo must restore every file byte for byte.

    python benchmarks/verify_rvc_history.py [--mirror DIR] [--python PY] [--limit N] [--only SHA]

Prints N/M right and every miss. Skips (exit 0) when the mirror is absent.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MIRROR = "/work/.mirror/RVC-Project+Retrieval-based-Voice-Conversion-WebUI/repo"
CONFIG_PATHS = ("config.py", "configs/config.py")

KEEP = (".py", ".json", ".env", ".bat", ".sh")
GIB = 1024 ** 3
MACHINES: Dict[str, Dict] = {
    "cpu": {},
    "rtx3090": {"gpus": [{"name": "NVIDIA GeForce RTX 3090", "capability": [8, 6], "memory": 24 * GIB}]},
    "gtx1660ti": {"gpus": [{"name": "NVIDIA GeForce GTX 1660 Ti", "capability": [7, 5], "memory": 6 * GIB}]},
    "gtx1060": {"gpus": [{"name": "NVIDIA GeForce GTX 1060 6GB", "capability": [6, 1], "memory": 6 * GIB}]},
    "m1": {"mps": True},
}

# Runs in the child: fake the machine, run the version's own Config(), report.
# Written for this script alone (independent of gsv-doctor's own runner) so that the two
# can disagree.
CHILD = r'''
import importlib, json, os, sys, types
out = sys.stdout
sys.stdout = sys.stderr
import torch

real = {
    "cuda": {k: getattr(torch.cuda, k, None) for k in (
        "is_available", "device_count", "get_device_name", "get_device_capability",
        "get_device_properties", "current_device", "mem_get_info", "set_device")},
    "mps": {k: getattr(torch.backends.mps, k, None) for k in ("is_available", "is_built")},
    "has_mps": getattr(torch, "has_mps", None),
    "to": torch.Tensor.to,
    "platform": sys.platform,
}

def restore():
    for k, v in real["cuda"].items():
        if v is not None:
            setattr(torch.cuda, k, v)
    for k, v in real["mps"].items():
        if v is not None:
            setattr(torch.backends.mps, k, v)
    if real["has_mps"] is not None:
        torch.has_mps = real["has_mps"]
    torch.Tensor.to = real["to"]
    sys.platform = real["platform"]

def index(i=None):
    if i is None:
        return 0
    if isinstance(i, int):
        return i
    return getattr(torch.device(i), "index", 0) or 0

def fake(machine):
    gpus = machine.get("gpus") or []
    if gpus:
        def props(i=None):
            g = gpus[index(i)]
            return types.SimpleNamespace(name=g["name"], total_memory=g["memory"],
                                         major=g["capability"][0], minor=g["capability"][1],
                                         multi_processor_count=40)
        torch.cuda.is_available = lambda: True
        torch.cuda.device_count = lambda: len(gpus)
        torch.cuda.get_device_name = lambda i=None: gpus[index(i)]["name"]
        torch.cuda.get_device_capability = lambda i=None: tuple(gpus[index(i)]["capability"])
        torch.cuda.get_device_properties = props
        torch.cuda.current_device = lambda: 0
        torch.cuda.mem_get_info = lambda i=None: (gpus[index(i)]["memory"], gpus[index(i)]["memory"])
        torch.cuda.set_device = lambda i=None: None
    if machine.get("mps"):
        torch.backends.mps.is_available = lambda: True
        torch.backends.mps.is_built = lambda: True
        torch.has_mps = True
        sys.platform = "darwin"
        def to(self, *args, **kwargs):
            target = args[0] if args else kwargs.get("device")
            if str(target).startswith("mps"):
                return self
            return real["to"](self, *args, **kwargs)
        torch.Tensor.to = to

def train_fp16(cfg, folder):
    """fp16_run that training starts with: Config's in-memory json where it keeps one (the
    web UI writes the experiment config from it), else the json files after the start-up."""
    memory = getattr(cfg, "json_config", None)
    if isinstance(memory, dict) and memory:
        return any(bool(d.get("train", {}).get("fp16_run")) for d in memory.values())
    seen = []
    for base, _dirs, files in os.walk(os.path.join(folder, "configs")):
        for name in files:
            if name.endswith(".json"):
                text = open(os.path.join(base, name), encoding="utf-8").read()
                if '"fp16_run"' in text:
                    seen.append('"fp16_run": true' in text)
    return any(seen) if seen else None

def run(job):
    folder, module, machine = job["folder"], job["module"], job["machine"]
    os.chdir(folder)
    sys.path.insert(0, folder)
    sys.argv = [job["entry"]]
    fake(machine)
    cfg = None
    try:
        mod = importlib.import_module(module)
        cls = getattr(mod, "Config", None)
        if cls is not None:
            cfg = cls()
            device, is_half = cfg.device, cfg.is_half
        else:
            device, is_half = mod.device, mod.is_half
        return {"device": str(device), "is_half": is_half is True or is_half == "True",
                "train_fp16": train_fp16(cfg, folder)}
    except BaseException as exc:
        return {"error": (type(exc).__name__ + ": " + str(exc))[:300]}
    finally:
        restore()
        sys.path.remove(folder)
        top = module.split(".")[0]
        for name, m in list(sys.modules.items()):
            # by file, and by name: a namespace package (configs/ without __init__.py) has no
            # file and would keep pointing at the previous version's folder
            if (getattr(m, "__file__", None) or "").startswith(folder) or name == top or name.startswith(top + "."):
                del sys.modules[name]
        importlib.invalidate_caches()
        os.chdir(job["home"])

for line in sys.stdin:
    results = [run(job) for job in json.loads(line)]
    out.write("@@RESULTS@@" + json.dumps(results) + "\n")
    out.flush()
'''


def git(mirror: str, *args: str, binary: bool = False):
    done = subprocess.run(["git", "--git-dir", mirror, *args], capture_output=True, check=True)
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def versions(mirror: str) -> List[Dict]:
    """Distinct config blobs, each with the oldest commit that has it."""
    seen: Dict[Tuple[str, str], Dict] = {}
    log = git(mirror, "log", "--all", "--date=short", "--format=@%H %ad", "--raw", "-m", "--no-abbrev", "--no-renames",
              "--", *CONFIG_PATHS)
    commit = date = ""
    for line in log.splitlines():
        if line.startswith("@"):
            commit, date = line[1:].split()
        elif line.startswith(":"):
            meta, path = line.split("\t", 1)
            blob = meta.split()[3]
            if set(blob) == {"0"}:
                continue  # the file was deleted here
            key = (path, blob)
            if key not in seen or date < seen[key]["date"]:
                seen[key] = {"path": path, "blob": blob, "commit": commit, "date": date}
    return sorted(seen.values(), key=lambda v: (v["date"], v["path"], v["blob"]))


def extract(mirror: str, commit: str, folder: Path) -> None:
    # Code and settings only (and all of configs/, whose placeholder files keep configs/inuse/v1 in
# place): the wavs, docs and lock files play no part in the start-up.
    names = [n for n in git(mirror, "ls-tree", "-r", "--name-only", "-z", commit).split("\0")
             if n.endswith(KEEP) or n.startswith("configs/")]
    data = git(mirror, "archive", "--format=tar", commit, "--", *names, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(folder)


def snapshot(folder: Path) -> Dict[str, str]:
    digest = {}
    for path in folder.rglob("*"):
        if path.is_file():
            digest[path.relative_to(folder).as_posix()] = hashlib.sha1(path.read_bytes()).hexdigest()
    return digest


def entry_name(folder: Path) -> str:
    for name in ("infer-web.py", "webui.py"):
        if (folder / name).exists():
            return name
    return "infer-web.py"


class Runner:
    """One child Python for every version (torch imports once); a job per version."""

    def __init__(self, python: str, home: Path):
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTHONPATH", None)
        self.home = home
        self.child = subprocess.Popen([python, "-u", "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, text=True, env=env, cwd=str(home))

    def run(self, module: str, folders: Dict[str, Path]) -> List[Dict]:
        jobs = [{"folder": str(folder), "module": module, "machine": MACHINES[name],
                 "entry": entry_name(folder), "home": str(self.home)} for name, folder in folders.items()]
        self.child.stdin.write(json.dumps(jobs) + "\n")
        self.child.stdin.flush()
        while True:
            line = self.child.stdout.readline()
            if not line:
                raise RuntimeError(f"the child Python died (exit {self.child.wait()})")
            if line.startswith("@@RESULTS@@"):
                return json.loads(line[len("@@RESULTS@@"):])

    def close(self) -> None:
        self.child.stdin.close()
        try:
            self.child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.child.kill()


def run_truth(runner: Runner, version: Dict, pristine: Path, work: Path, machines: List[str],
              tag: str = "truth") -> Dict[str, Dict]:
    """The version's own Config() on each machine, each in a fresh copy."""
    module = version["path"][:-3].replace("/", ".")
    folders, before = {}, {}
    for name in machines:
        folder = work / f"{tag}-{name}"
        shutil.copytree(pristine, folder, symlinks=True)
        folders[name] = folder
        before[name] = snapshot(folder)
    results = runner.run(module, folders)
    out = {}
    for name, result in zip(machines, results):
        after = snapshot(folders[name])
        result["rewrote"] = sorted(p for p in before[name] if after.get(p) != before[name][p])
        result["created"] = sorted(p for p in after if p not in before[name] and "__pycache__" not in p)
        out[name] = result
    return out


def describe(result: Dict) -> str:
    if "error" in result:
        return "crash " + result["error"].split(":")[0]
    return f"{result['device']}/{'fp16' if result['is_half'] else 'fp32'}"


def kind(result: Dict) -> str:
    """What a user gets: 'cpu-half', 'cpu', 'gpu-half', 'gpu', 'mps-half', 'mps', 'crash'."""
    if "error" in result:
        return "crash"
    device = result["device"]
    place = "gpu" if device.startswith("cuda") else "mps" if device.startswith("mps") else "cpu" \
        if device.startswith("cpu") else device.split(":")[0]
    return place + ("-half" if result["is_half"] else "")


def family():
    try:
        from gsv_doctor.families import rvc
    except ImportError:
        return None
    return rvc if hasattr(rvc, "predict") else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", default=os.environ.get("RVC_MIRROR", MIRROR))
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the versions")
    parser.add_argument("--limit", type=int, default=0, help="only the first N versions")
    parser.add_argument("--only", default="", help="only versions whose blob or commit starts with this")
    parser.add_argument("--machines", default=",".join(MACHINES))
    parser.add_argument("--since", default="", help="only versions of this date (YYYY-MM-DD) or later")
    parser.add_argument("--shard", default="", help="K/N: only every N-th version, starting at the K-th (1-based)")
    parser.add_argument("--check-machines", default="cpu",
                        help="machines on which check's verdicts are compared (each costs a child Python)")
    parser.add_argument("--no-fix", action="store_true", help="skip the fix --write / --undo round")
    parser.add_argument("--json", default="", help="also save every result to this file")
    args = parser.parse_args()
    if not Path(args.mirror).is_dir():
        print(f"skipped: no RVC WebUI mirror at {args.mirror}")
        return 0
    machines = [m for m in args.machines.split(",") if m]
    found = versions(args.mirror)
    if args.only:
        found = [v for v in found if v["blob"].startswith(args.only) or v["commit"].startswith(args.only)]
    if args.since:
        found = [v for v in found if v["date"] >= args.since]
    if args.limit:
        found = found[: args.limit]
    if args.shard:
        k, n = (int(x) for x in args.shard.split("/"))
        found = found[k - 1::n]
    rvc = family()
    print(f"{len(found)} distinct RVC configs; machines: {', '.join(machines)}; "
          f"python: {args.python}; gsv-doctor RVC family: {'yes' if rvc else 'not present'}")
    tally: Dict[str, List[int]] = {}
    misses: List[str] = []
    rows = []
    started = time.perf_counter()
    home = Path(tempfile.mkdtemp(prefix="rvc-hist-home-"))
    runner = Runner(args.python, home)

    scores: Dict[str, bool] = {}  # this version's, saved with it

    def score(what: str, ok: bool, miss: str) -> None:
        right, total = tally.setdefault(what, [0, 0])
        tally[what] = [right + ok, total + 1]
        scores[what] = bool(ok) and scores.get(what, True)
        if not ok:
            misses.append(f"  {what}: {miss}")

    for version in found:
        scores.clear()
        label = f"{version['date']} {version['path']:<17} {version['blob'][:8]} @{version['commit'][:8]}"
        with tempfile.TemporaryDirectory(prefix="rvc-hist-") as tmp:
            work = Path(tmp)
            pristine = work / "pristine"
            pristine.mkdir()
            extract(args.mirror, version["commit"], pristine)
            try:
                truth = run_truth(runner, version, pristine, work, machines)
            except RuntimeError as error:
                print(f"{label}  child failed: {error}")
                score("ran", False, f"{label}: {error}")
                runner = Runner(args.python, home)
                continue
            score("ran", True, "")
            cells = "  ".join(f"{m}={describe(truth[m])}" for m in machines)
            rewrote = sorted({p for m in machines for p in truth[m]["rewrote"]})
            print(f"{label}  {cells}" + (f"  rewrites: {', '.join(rewrote)}" if rewrote else ""))
            row = {"version": version, "truth": truth}
            if rvc is not None:
                row.update(rvc_compare(rvc, runner, args, version, pristine, work, machines, truth, label, score))
            row["scores"] = dict(scores)
            scores.clear()
            rows.append(row)
            if args.json:  # after every version: a long run that is stopped keeps what it did
                Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    runner.close()
    shutil.rmtree(home, ignore_errors=True)
    print()
    for what, (right, total) in tally.items():
        print(f"{what:<28} {right}/{total} right")
    if misses:
        print("misses:")
        print("\n".join(misses))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0 if not misses else 1


def reads_fp16_run(folder: Path) -> bool:
    """Whether this version's training takes float16 from the json's fp16_run."""
    scripts = list(folder.glob("train*.py")) + [folder / "infer/modules/train/train.py", folder / "train/train.py"]
    return any(p.is_file() and "hps.train.fp16_run" in p.read_text(encoding="utf-8", errors="replace")
               for p in scripts)


def train_kind(result: Dict) -> str:
    if "error" in result:
        return "crash"
    place = kind(dict(result, is_half=False))
    return place + "-half" if result.get("train_fp16") else place


def cli(python: str, *args: str) -> subprocess.CompletedProcess:
    """gsv-doctor itself, as a user runs it (from this checkout)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), GSV_DOCTOR_LANG="en")
    return subprocess.run([python, "-m", "gsv_doctor", *args], capture_output=True, text=True, env=env,
                          timeout=600, encoding="utf-8")


def check_kinds(document: Dict) -> Dict[str, str]:
    """Entry point -> what check says it gets: 'crash' (dies at start), 'cpu-half', 'cpu', ..."""
    out = {}
    for entry in document.get("entry_points") or []:
        if entry["outcome"] == "start":
            out[entry["entry_point"]] = "crash"
            continue
        device = str(entry.get("device") or "")
        place = "gpu" if device.startswith("cuda") else device.split(":")[0] or "unknown"
        out[entry["entry_point"]] = place + ("-half" if entry.get("is_half") else "")
    return out


def rvc_compare(rvc, runner, args, version, pristine, work, machines, truth, label, score) -> Dict:
    """check's verdicts and fix's results against the truth. On this machine (CPU only) the real
    commands run (`check --json`, `fix --write`, `fix --undo`); on the pretended machines the
    family's verdicts from its own Config() run with the machine faked in the child."""
    out: Dict = {"check": {}, "fix": {}}
    folder = work / "user"
    shutil.copytree(pristine, folder, symlinks=True)
    before = snapshot(folder)
    done = cli(sys.executable, "check", "--json", "--project", str(folder), "--python", args.python)
    try:
        document = json.loads(done.stdout)
    except ValueError:
        score("check ran", False, f"{label}: check exit {done.returncode}: {done.stderr[-300:]}")
        return out
    score("check ran", document.get("family") == "rvc", f"{label}: family {document.get('family')}")
    said = check_kinds(document)
    out["check"]["cpu"] = said
    web = next((e for e in said if e in ("infer-web.py", "webui.py")), next(iter(said), None))
    expected = kind(truth["cpu"])
    score("check cpu: web UI", web is not None and said[web] == expected,
          f"{label}: check says {web}={said.get(web)}, it runs {expected} {truth['cpu'].get('error', '')}")
    trains = [e for e in said if "train" in e]
    if expected == "crash":
        pass  # the web UI dies at start: it never starts training
    elif reads_fp16_run(pristine) != bool(trains):
        score("check cpu: training", False, f"{label}: training reads fp16_run: {reads_fp16_run(pristine)}, "
                                            f"check lists {trains}")
    elif trains and expected != "crash":
        score("check cpu: training", said[trains[0]] == train_kind(truth["cpu"]),
              f"{label}: check says {trains[0]}={said[trains[0]]}, it starts {train_kind(truth['cpu'])}")
    score("check changes no file", snapshot(folder) == before, f"{label}: check changed files")

    for name in machines:  # no Python: the static reading alone (saved reports, preflight)
        static = rvc.predict(folder, MACHINES[name]).verdicts[0].outcome
        if kind(truth[name]) == "crash":
            continue  # the static reading does not foresee crashes
        if static == "unknown":
            score(f"static reading, {name}: known", False, f"{label}: statically unknown, runs {kind(truth[name])}")
            continue
        score(f"static reading, {name}: known", True, "")
        score(f"static reading, {name}: right", static == kind(truth[name]),
              f"{label}: statically {static}, runs {kind(truth[name])}")
    for name in [m for m in args.check_machines.split(",") if m in machines and m != "cpu"]:
        project = rvc.predict(folder, MACHINES[name], python=args.python, fake=True)
        out["check"][name] = {v.entry: v.outcome for v in project.verdicts}
        score(f"check {name}: web UI", project.verdicts[0].outcome == kind(truth[name]),
              f"{label}: said {project.verdicts[0].outcome}, runs {kind(truth[name])}")
    if args.no_fix:
        return out

    from gsv_doctor import edits

    done = cli(sys.executable, "fix", "--write", "--yes", "--json", "--project", str(folder), "--python", args.python)
    try:
        written = {Path(e["path"]).resolve().relative_to(folder.resolve()).as_posix()
                   for e in json.loads(done.stdout)["edits"]}
    except (ValueError, KeyError):
        score("fix ran", False, f"{label}: fix exit {done.returncode}: {done.stderr[-300:]}")
        return out
    changed = {p for p, h in snapshot(folder).items() if before.get(p) != h}
    mark = getattr(edits, "BACKUP_MARK", edits.BACKUP_SUFFIX[:-4])
    backups = {p for p in changed if p.endswith(".bak") and p.split(mark)[0] in written}
    allowed = written | backups | {edits.MANIFEST_NAME}
    score("fix touches only its edits", changed <= allowed, f"{label}: also changed {sorted(changed - allowed)}")
    checked = [m for m in ("cpu", "rtx3090", "gtx1660ti") if m in machines]
    fixed = run_truth(runner, version, folder, work, checked, tag="fixed")
    out["fix"] = {"edits": sorted(written), "after": {m: describe(fixed[m]) for m in checked}}
    if "cpu" in fixed:
        ok = kind(fixed["cpu"]) == "cpu" and (not reads_fp16_run(pristine) or train_kind(fixed["cpu"]) == "cpu")
        score("fix: float32 on the CPU", ok, f"{label}: after fix cpu={describe(fixed['cpu'])} "
                                             f"training={train_kind(fixed['cpu'])} (before {describe(truth['cpu'])})")
    for name, want in (("rtx3090", "gpu-half"), ("gtx1660ti", "gpu")):
        if name in fixed:
            score(f"fix: {name} unchanged", kind(fixed[name]) == kind(truth[name]),
                  f"{label}: {name} {describe(truth[name])} -> {describe(fixed[name])}")
            score(f"fix: {name} {want}", kind(fixed[name]) == want,
                  f"{label}: {name} after fix {describe(fixed[name])} (before {describe(truth[name])})")
    done = cli(sys.executable, "fix", "--undo", "--project", str(folder))
    restored = snapshot(folder)
    leftovers = sorted(p for p in restored if p not in before)
    score("undo restores byte for byte", restored == before and done.returncode == 0,
          f"{label}: exit {done.returncode}, differs in "
          f"{sorted(p for p in before if restored.get(p) != before[p]) + leftovers}")
    return out


if __name__ == "__main__":
    sys.exit(main())
