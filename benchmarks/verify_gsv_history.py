"""Check gsv-doctor's per-entry-point verdicts against every historical version of GPT-SoVITS.

For each distinct version of the files that decide device and precision (config.py,
GPT_SoVITS/TTS_infer_pack/TTS.py, GPT_SoVITS/configs/tts_infer.yaml) in a git mirror of
GPT-SoVITS, this script extracts the version's tree and, on this machine:

- truth: runs that version's own code the way GPT-SoVITS does: config.py imported (webui.py,
  api.py), and the real TTS_Config of GPT_SoVITS/TTS_infer_pack/TTS.py (its module imported,
  with stand-ins only for third-party packages this interpreter lacks) built on the version's
  tts_infer.yaml (api_v2.py);
- check: what `gsv-doctor check` concludes (the GPT-SoVITS family's child code, then the
  diagnosis), and what `preflight` concludes from the files alone (no code run);

with the is_half variable set to "True" and unset, and prints N/M right and every miss.

    python benchmarks/verify_gsv_history.py [--mirror DIR] [--python PY] [--limit N]

Skips (exit 0) when there is no mirror. Linux / macOS only (it forks a worker that imported
torch once). Nothing of GPT-SoVITS is copied into gsv-doctor: trees go to a temporary folder.
"""
from __future__ import annotations

import argparse
import importlib.abc
import importlib.machinery
import json
import os
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gsv_doctor import target  # noqa: E402
from gsv_doctor.diagnose import assess_devices, diagnose, judge  # noqa: E402
from gsv_doctor.families.gpt_sovits import child as family_child  # noqa: E402
from gsv_doctor.families.gpt_sovits.facts import TTS_INFER  # noqa: E402
from gsv_doctor.project import EntryPoint, Setting, open_project  # noqa: E402

DEFAULT_MIRROR = "/work/.mirror/RVC-Boss+GPT-SoVITS/repo"
DECIDING = ("config.py", "GPT_SoVITS/TTS_infer_pack/TTS.py", TTS_INFER)
SKIP_SUFFIXES = (".pickle", ".csv", ".pth", ".ckpt", ".bin", ".onnx", ".wav", ".png", ".zip", ".jpg", ".pt")
ENTRIES = ("webui.py", "api.py", "api_v2.py")


def git(mirror, *args, **kwargs):
    return subprocess.run(["git", "--git-dir", mirror, *args], capture_output=True, check=False, **kwargs)


def versions(mirror):
    """(commit, date) of one commit per distinct tuple of deciding blobs, oldest first; only
    commits that have a config.py."""
    log = git(mirror, "log", "--all", "--reverse", "--format=%H %ad", "--date=short", "--", *DECIDING).stdout.decode()
    seen, found = set(), []
    for line in log.splitlines():
        commit, date = line.split()
        blobs = tuple(git(mirror, "rev-parse", "-q", "--verify", f"{commit}:{path}").stdout.decode().strip()
                      for path in DECIDING)
        if not blobs[0] or blobs in seen:
            continue
        seen.add(blobs)
        found.append((commit, date))
    return found


def extract(mirror, commit, folder):
    """The text files of the top folder's .py files, tools/ and GPT_SoVITS/ at commit (blobs the mirror lacks
    and binary model files are left out)."""
    top = git(mirror, "ls-tree", "-z", "--name-only", commit).stdout.split(b"\0")
    files = [name.decode() for name in top if name.endswith(b".py")]  # config.py imports its neighbours
    listing = git(mirror, "ls-tree", "-r", "-z", commit, "--", *files, "tools", "GPT_SoVITS").stdout
    wanted = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        kind, blob = meta.split()[1:3]
        if kind == b"blob" and not path.decode("utf-8", "replace").endswith(SKIP_SUFFIXES):
            wanted.append((blob.decode(), path.decode("utf-8", "replace")))
    batch = subprocess.run(["git", "--git-dir", mirror, "cat-file", "--batch"], capture_output=True,
                           input="".join(blob + "\n" for blob, _ in wanted).encode(), check=False).stdout
    offset = 0
    for blob, path in wanted:
        end = batch.index(b"\n", offset)
        header = batch[offset:end].split()
        offset = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        target_path = Path(folder) / path
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target_path.write_bytes(batch[offset:offset + size])
        offset += size + 1


# ---------------------------------------------------------------- the truth (in a forked worker)

class _StandIn(type):
    """A class that stands for anything a missing package would have provided."""

    def __getattr__(cls, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _StandIn(name, (), {"__init__": lambda self, *a, **k: None, "__call__": lambda self, *a, **k: self,
                                   "__getattr__": lambda self, n: self})


class _MissingFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Last on sys.meta_path: a module nobody else finds becomes a stand-in package."""

    def find_spec(self, name, path=None, target=None):
        parent = sys.modules.get(name.rpartition(".")[0])
        if parent is not None and not getattr(parent, "_gsv_stand_in", False):
            return None  # a submodule of a real package: its absence is that package's business
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):
        module = types.ModuleType(spec.name)
        module._gsv_stand_in = True
        module.__path__ = []
        module.__getattr__ = lambda attr: _StandIn(attr, (), {"__init__": lambda self, *a, **k: None})
        return module

    def exec_module(self, module):
        pass


def _truth(root):
    """Import config.py; build the real TTS_Config on the yaml. Runs in a forked child."""
    import runpy

    result = {"config": None, "tts": None}
    os.chdir(root)
    sys.path[:0] = [root, os.path.join(root, "GPT_SoVITS")]
    sys.stdout = sys.stderr

    def import_config():
        try:
            namespace = runpy.run_path(os.path.join(root, "config.py"), run_name="config")
            return {"is_half": namespace.get("is_half"), "device": str(namespace.get("infer_device")), "error": None}
        except BaseException as exc:
            return {"error": "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[:1])}

    result["config"] = import_config()
    # webui.py sets some variables (language) before it imports config.py: as webui.py imports it
    # (which variables: read from webui.py's lines above its import of config.py)
    from gsv_doctor.families.gpt_sovits.facts import _webui_env

    webui_env = _webui_env(Path(root))
    if webui_env:
        saved = dict(os.environ)
        os.environ.update(webui_env)
        result["config_webui"] = import_config()
        os.environ.clear()
        os.environ.update(saved)
    if os.path.isfile(os.path.join(root, TTS_INFER)):
        sys.meta_path.append(_MissingFinder())
        try:
            import importlib

            module = importlib.import_module("GPT_SoVITS.TTS_infer_pack.TTS")
        except BaseException as exc:  # the stand-ins were not enough: no truth for this version
            result["tts"] = {"unavailable": "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[:1])}
            return result
        try:
            config = module.TTS_Config(TTS_INFER)
            result["tts"] = {"is_half": config.is_half, "device": str(config.device), "error": None}
        except BaseException as exc:
            result["tts"] = {"error": "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[:1])}
    return result


def _check_side(root):
    """What the probe child of `gsv-doctor check` runs (the family's child code)."""
    from gsv_doctor.families.gpt_sovits.facts import _webui_env

    webui_env = _webui_env(Path(root))
    return {"config": family_child.run_config(root),
            "config_webui": family_child.run_config(root, webui_env) if webui_env else None,
            "tts_config": family_child.run_tts_config(root, TTS_INFER) if os.path.isfile(
                os.path.join(root, TTS_INFER)) else None,
            "env_reads": {}}


def forked(function, *args):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            payload = json.dumps(function(*args), default=str)
        except BaseException as exc:
            payload = json.dumps({"crash": repr(exc)})
        os.write(write, payload.encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while True:
        chunk = os.read(read, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks) or b"{}")


def worker(mirror, commits, env_values):
    """Runs in the target interpreter with torch imported once; one JSON line per (version, env)."""
    import torch  # noqa: F401  (imported once; every fork shares it)

    for commit in commits:
        with tempfile.TemporaryDirectory(prefix="gsv-history-") as folder:
            extract(mirror, commit, folder)
            for value in env_values:
                if value is None:
                    os.environ.pop("is_half", None)
                else:
                    os.environ["is_half"] = value
                line = {"commit": commit, "is_half": value, "truth": forked(_truth, folder),
                        "check": forked(_check_side, folder)}
                print(json.dumps(line, default=str), flush=True)


# ---------------------------------------------------------------- comparing (in this process)

def truth_entries(truth):
    entries = []
    config = truth.get("config") or {}
    setting = Setting(None, None, "config.py", "executed", error=config.get("error")) if config.get("error") else \
        Setting(config.get("device"), _bool(config.get("is_half")), "config.py", "executed")
    entries.append(EntryPoint("api.py", setting))
    webui = truth.get("config_webui") or config
    entries.append(EntryPoint("webui.py", Setting(None, None, "config.py", "executed", error=webui["error"])
                              if webui.get("error") else Setting(webui.get("device"), _bool(webui.get("is_half")),
                                                                  "config.py", "executed")))
    tts = truth.get("tts")
    if tts is not None and not tts.get("unavailable"):
        if tts.get("error"):
            entries.append(EntryPoint("api_v2.py", Setting(None, None, "TTS_Config", "executed", error=tts["error"])))
        else:
            entries.append(EntryPoint("api_v2.py", Setting(tts.get("device"), _bool(tts.get("is_half")), "TTS_Config",
                                                           "executed")))
    return entries


def _bool(value):
    return value if isinstance(value, bool) else (str(value).lower() == "true" if value is not None else None)


def outcome(verdict):
    return verdict.outcome if verdict is not None else "absent"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", default=os.environ.get("GSV_MIRROR", DEFAULT_MIRROR))
    parser.add_argument("--python", default=sys.executable, help="interpreter with torch (the machine judged)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N versions (0: all)")
    parser.add_argument("--last", type=int, default=0, help="only the last N versions (0: all)")
    parser.add_argument("--worker", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker(args.mirror, args.worker, [None, "True"])
        return 0
    if not Path(args.mirror).is_dir():
        print(f"skipped: no GPT-SoVITS mirror at {args.mirror} (set --mirror or GSV_MIRROR)")
        return 0
    started = time.perf_counter()
    found = versions(args.mirror)
    if args.limit:
        found = found[:args.limit]
    if args.last:
        found = found[-args.last:]
    dates = dict(found)
    print(f"{len(found)} distinct versions of {', '.join(DECIDING)} (with a config.py)", flush=True)
    probe = target.run(args.python, None, timeout=120)
    report = probe.report
    if report is None:
        print("the probe gave no report: " + probe.stderr_tail)
        return 2
    devices = assess_devices(report)
    print(f"machine: torch {report.torch_version}, CUDA available: {report.cuda_available}", flush=True)

    worker_run = subprocess.Popen([args.python, str(Path(__file__).resolve()), "--mirror", args.mirror, "--worker",
                                   *[c for c, _ in found]], stdout=subprocess.PIPE, text=True,
                                  stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(HERE.parent)))
    totals = {}
    misses = []
    skipped = set()
    unavailable = []
    with tempfile.TemporaryDirectory(prefix="gsv-history-static-") as scratch:
        for raw in worker_run.stdout:
            line = json.loads(raw)
            commit, value = line["commit"], line["is_half"]
            environ = {} if value is None else {"is_half": value}
            folder = Path(scratch) / commit[:10]
            if not folder.exists():
                folder.mkdir()
                extract(args.mirror, commit, folder)
            if not (folder / "GPT_SoVITS").is_dir() or not (folder / "config.py").is_file():
                skipped.add(commit)  # the first commits: config.py and webui.py, no models yet
                continue
            project = open_project(folder, environ)
            checked = diagnose(report, project, line["check"], environ)
            static = diagnose(report, project, None, environ)
            truth = {e.name: judge(e, devices, report) for e in truth_entries(line["truth"])}
            if (line["truth"].get("tts") or {}).get("unavailable"):
                unavailable.append(f"  is_half={value or 'unset':5} {commit[:10]} {dates[commit]} api_v2.py:"
                                   f" {line['truth']['tts']['unavailable']}")
            for name in ENTRIES:
                if name not in truth:
                    continue
                expected = outcome(truth[name])
                for mode, diagnosis in (("check", checked), ("static", static)):
                    got = next((v for v in diagnosis.verdicts if v.entry_point == name and v.started_by is None), None)
                    key = (mode, "set" if value else "unset")
                    right, total = totals.get(key, (0, 0))
                    ok = outcome(got) == expected
                    totals[key] = (right + ok, total + 1)
                    if not ok:
                        misses.append(f"  {mode:6} is_half={value or 'unset':5} {commit[:10]} {dates[commit]} {name:10}"
                                      f" truth={expected} ({_describe(truth[name])}) gsv-doctor={outcome(got)}"
                                      f" ({_describe(got)})")
    worker_run.wait()
    print(f"\n{len(found)} versions ({len(skipped)} without a GPT_SoVITS folder skipped),"
          f" {time.perf_counter() - started:.0f} s")
    for (mode, env), (right, total) in sorted(totals.items()):
        label = "check (project's code run)" if mode == "check" else "preflight (files read)"
        print(f"{label:28} is_half {env:5}: {right}/{total} right")
    print(f"\napi_v2.py not compared ({len(unavailable)}): the version's TTS.py module could not be imported"
          " here, even with stand-ins for the packages this interpreter lacks")
    print(f"\nmisses ({len(misses)}):" if misses else "\nno misses")
    for miss in misses:
        print(miss)
    if unavailable:
        print("\nnot compared:")
        for item in unavailable:
            print(item)
    return 0 if not misses else 1


def _describe(verdict):
    if verdict is None:
        return "-"
    if verdict.outcome == "start":
        return verdict.error_text
    return f"device={verdict.device}, is_half={verdict.is_half}"


if __name__ == "__main__":
    sys.exit(main())
