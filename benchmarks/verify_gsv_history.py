"""Check gsv-doctor's per-entry-point verdicts against every historical version of GPT-SoVITS.

For each distinct version of the files that decide device and precision (config.py, TTS.py,
tts_infer.yaml, the inference UIs, inference_cli.py / inference_gui.py and the dataset scripts;
for the scripts, only their lines up to the deciding ones) in a git mirror of GPT-SoVITS, this
script extracts the version's tree and, on this machine:

- truth: runs that version's own code (how: see "the truth" below): config.py imported
  (webui.py, api.py); TTS.py loaded and its own TTS_Config built on the yaml (api_v2.py); each
  inference UI, cli/gui and dataset script executed statement by statement up to the lines that
  bind is_half and device, started directly (the variable as set) and by webui.py (the variable
  as webui.py exports it: str(config.is_half));
- check: what `gsv-doctor check` concludes (the GPT-SoVITS family's child code, then the
  diagnosis), and what `preflight` concludes from the files alone (no code run);

with the is_half variable set to "True" and unset, and prints N/M right per entry point and
every miss (misses also on stderr as they come).

    python benchmarks/verify_gsv_history.py [--mirror DIR] [--python PY] [--limit N] [--last N] [--jobs N]

Skips (exit 0) when there is no mirror. Linux / macOS only (it forks workers that imported
torch once). Nothing of GPT-SoVITS is copied into gsv-doctor: trees go to a temporary folder.
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import importlib
import importlib.abc
import importlib.machinery
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gsv_doctor import target  # noqa: E402
from gsv_doctor.diagnose import assess_devices, diagnose, judge  # noqa: E402
from gsv_doctor.families.gpt_sovits import child as family_child  # noqa: E402
from gsv_doctor.families.gpt_sovits.facts import (  # noqa: E402
    INFERENCE_CLI, INFERENCE_GUI, INFERENCE_UI, INFERENCE_UI_FAST, PREPARE_DIR, TTS_INFER, TTS_PY)
from gsv_doctor.project import EntryPoint, Setting, open_project  # noqa: E402

DEFAULT_MIRROR = "/work/.mirror/RVC-Boss+GPT-SoVITS/repo"
# The files that decide device and precision. A version is a distinct tuple of their contents; for
# the entry point scripts (the .py files but config.py and TTS.py) only their statements up to the
# deciding ones count (see _deciding_key): a change further down the UI does not make a new version.
WHOLE = ("config.py", TTS_PY, TTS_INFER)
SCRIPTS = (INFERENCE_UI, INFERENCE_UI_FAST, INFERENCE_CLI, INFERENCE_GUI)
IMPORTERS = {INFERENCE_CLI: INFERENCE_UI, INFERENCE_GUI: INFERENCE_UI}
DECIDING = WHOLE + SCRIPTS + (PREPARE_DIR,)
SKIP_SUFFIXES = (".pickle", ".csv", ".pth", ".ckpt", ".bin", ".onnx", ".wav", ".png", ".zip", ".jpg", ".pt")
ENTRIES = ("webui.py", "api.py", "api_v2.py") + SCRIPTS


def git(mirror, *args, **kwargs):
    return subprocess.run(["git", "--git-dir", mirror, *args], capture_output=True, check=False, **kwargs)


def _deciding_key(source):
    """A script's statements up to its last deciding one (binding is_half / device / infer_device,
    importing config.py or inference_webui.py), as a hash of their syntax tree."""
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError):
        return hashlib.sha1(source).hexdigest()
    last = max((i for i, node in enumerate(body) if _deciding(node, DECIDING_NAMES, ("config", "inference_webui*"))),
               default=-1)
    return hashlib.sha1("".join(ast.dump(node) for node in body[:last + 1]).encode()).hexdigest()


def versions(mirror):
    """(commit, date) of one commit per distinct tuple of deciding files, oldest first; only
    commits that have a config.py."""
    log = git(mirror, "log", "--all", "--reverse", "--format=%H %ad", "--date=short", "--", *DECIDING).stdout.decode()
    seen, found, keys = set(), [], {}
    for line in log.splitlines():
        commit, date = line.split()
        rows = git(mirror, "ls-tree", "-r", commit, "--", *DECIDING).stdout.decode("utf-8", "replace").splitlines()
        blobs = dict((row.split("\t", 1)[1], row.split()[2]) for row in rows)
        if "config.py" not in blobs:
            continue
        for path, blob in blobs.items():
            if path.endswith(".py") and path not in WHOLE and blob not in keys:
                keys[blob] = _deciding_key(git(mirror, "cat-file", "blob", blob).stdout)
        state = tuple(sorted((path, keys.get(blob, blob)) for path, blob in blobs.items()))
        if state in seen:
            continue
        seen.add(state)
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
#
# How a version's own code is run here, without its packages or models:
# - config.py is imported as it is (runpy), nothing stood in: its crash is the truth;
# - every other module of the project (its file lies in the extracted tree) is loaded statement by
#   statement: a top-level statement that raises is skipped and the names it would have bound are
#   stood in (`_StandIn`), so a missing package, a missing model file or a model load does not hide
#   the statements after it; a package other than torch, numpy and PyYAML imported by a file of
#   the project counts as absent (they decide nothing here; importing them costs seconds a run);
# - an entry point's own file runs the same way, but only up to its last top-level statement that
#   binds a deciding name (is_half, device, infer_device, `x.device =` / `x.is_half =`), entering
#   the branch taken of such an `if` (the dataset scripts pick the card inside their work block);
#   a raise in a deciding statement, in an import of config.py or a syntax error is the entry
#   point's crash; a run longer than RUN_SECONDS ends as a crash too;
# - api_v2.py: the version's TTS.py loaded as above, then its own TTS_Config(tts_infer.yaml) called;
# - inference_cli.py / inference_gui.py: their own statements up to their import of
#   inference_webui.py, which itself runs up to its deciding statements; the values are read from it.

DECIDING_NAMES = {"is_half", "device", "infer_device"}
RUN_SECONDS = 120


class _StandIn(type):
    """A class that stands for anything a skipped statement would have bound."""

    def __getattr__(cls, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _StandIn(name, (), {"__init__": lambda self, *a, **k: None, "__call__": lambda self, *a, **k: self,
                                   "__getattr__": lambda self, n: self})


def _stand_in(name):
    return _StandIn(name, (), {"__init__": lambda self, *a, **k: None})


def _is_stand_in(value):
    return isinstance(value, _StandIn) or isinstance(type(value), _StandIn)


class _RealCrash(BaseException):
    """The entry point itself dies here (never skipped by a statement-by-statement loader)."""

    def __init__(self, error, where):
        super().__init__(error)
        self.error, self.where = error, where


def _stores(node):
    """Names a top-level statement binds, not looking into function or class bodies; `x.device = ...`
    and `x.is_half = ...` bind x."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"}
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    names, todo = set(), [node]
    while todo:
        sub = todo.pop()
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.add(sub.id)
        elif isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Store) and isinstance(sub.value, ast.Name) \
                and sub.attr in ("device", "is_half"):
            names.add(sub.value.id)
        if not isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) or sub is node:
            todo.extend(ast.iter_child_nodes(sub))
    return names


def _imports(node, names):
    """The statement imports a module named in `names` (a name ending in * is a prefix)."""
    def named(module):
        return any(module == n or (n.endswith("*") and module.startswith(n[:-1])) for n in names)

    if isinstance(node, ast.Import):
        return any(named(a.name.split(".")[-1]) for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return named((node.module or "").split(".")[-1]) or (not node.module and any(named(a.name) for a in node.names))
    return False


def _deciding(node, names=DECIDING_NAMES, modules=("config",)):
    return bool(_stores(node) & set(names)) or _imports(node, modules)


def run_statements(path, namespace, deciding=None, skipped=None, strict=True):
    """Execute the file's top-level statements one by one in `namespace`. deciding=None: all of
    them, a raise skipped; else (names, modules): up to the last statement that binds one of
    `names` or imports one of `modules` (into the branch taken of such an `if`), and with
    `strict` a raise there is a _RealCrash."""
    with open(path, "rb") as handle:
        source = handle.read()
    try:
        tree = ast.parse(source, filename=path)
    except (SyntaxError, ValueError) as exc:
        if deciding is not None:  # the entry point (or the module it runs through) cannot even start
            raise _RealCrash(_error_text(exc), "%s:%s" % (os.path.basename(path), getattr(exc, "lineno", "?")))
        raise
    _run_body(tree.body, path, namespace, deciding, skipped, strict)
    return namespace


def _run_body(body, path, namespace, deciding, skipped, strict):
    if deciding is not None:
        last = max((i for i, node in enumerate(body) if _deciding(node, *deciding)), default=-1)
        body = body[:last + 1]
    for node in body:
        is_deciding = deciding is not None and _deciding(node, *deciding)
        try:
            if is_deciding and isinstance(node, ast.If):
                test = eval(compile(ast.Expression(body=node.test), path, "eval"), namespace)
                _run_body(node.body if test else node.orelse, path, namespace, deciding, skipped, strict)
                continue
            exec(compile(ast.Module(body=[node], type_ignores=[]), path, "exec"), namespace)
        except _RealCrash:
            raise
        except BaseException as exc:
            if isinstance(node, (ast.Import, ast.ImportFrom)) and len(node.names) > 1 and not is_deciding:
                for alias in node.names:  # `import librosa, torch`: torch is there even when librosa is not
                    single = ast.Import(names=[alias]) if isinstance(node, ast.Import) else \
                        ast.ImportFrom(module=node.module, names=[alias], level=node.level)
                    _run_body([ast.fix_missing_locations(ast.copy_location(single, node))], path, namespace, None,
                              skipped, strict)
                continue
            if is_deciding and strict:
                raise _RealCrash(_error_text(exc), "%s:%d" % (os.path.basename(path), node.lineno)) from exc
            if skipped is not None:
                skipped.append("%s:%d %s" % (os.path.basename(path), node.lineno, _error_text(exc)))
            for name in _stores(node):
                if name not in namespace:
                    namespace[name] = _stand_in(name)


class _ProjectLoader(importlib.abc.Loader):
    def __init__(self, origin, finder):
        self.origin, self.finder = origin, finder

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        deciding = self.finder.stop_early.get(os.path.realpath(self.origin))
        run_statements(self.origin, module.__dict__, deciding, self.finder.skipped)


class _OtherPackages(importlib.abc.MetaPathFinder):
    """A package outside the standard library, torch, numpy and PyYAML, imported by a file of the
    project, is absent: its import statement is skipped like any other failing one (they decide
    nothing here, and importing them for real costs seconds per run)."""

    KEEP = ("torch", "numpy", "yaml")

    def __init__(self, root):
        self.root = os.path.realpath(root) + os.sep

    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in self.KEEP or top in sys.builtin_module_names or top in getattr(sys, "stdlib_module_names", ()):
            return None
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.startswith("<frozen"):
            frame = frame.f_back
        if frame is None or not os.path.realpath(frame.f_code.co_filename).startswith(self.root):
            return None
        spec = importlib.machinery.PathFinder.find_spec(top)
        places = [spec.origin] if spec is not None and spec.origin else list(getattr(spec, "submodule_search_locations", None) or [])
        if spec is not None and not any(os.path.realpath(place).startswith(self.root) for place in places):
            raise ModuleNotFoundError("No module named %r (left out by the verification)" % name, name=name)
        return None


class _ProjectFinder(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: the project's own modules (but config.py) load statement by statement."""

    def __init__(self, root, stop_early=None):
        self.root = os.path.realpath(root) + os.sep
        self.stop_early = stop_early or {}
        self.skipped = []
        sys.meta_path[:0] = [self, _OtherPackages(root)]

    def find_spec(self, name, path=None, target=None):
        if name == "config":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not (spec.origin or "").endswith(".py") or \
                not os.path.realpath(spec.origin).startswith(self.root):
            return None
        spec.loader = _ProjectLoader(spec.origin, self)
        return spec


def _error_text(exc):
    lines = str(exc).strip().splitlines()
    return "%s: %s" % (type(exc).__name__, lines[0] if lines else "")


def _value(value):
    if value is None or isinstance(value, bool):
        return value
    if _is_stand_in(value):
        return "<stand-in>"
    return str(value)


def _prepare(root, script):
    """cwd, sys.path and argv as `python <script>` from the project root has them."""
    os.chdir(root)
    sys.path[:0] = [os.path.dirname(os.path.join(root, script)), root, os.path.join(root, "GPT_SoVITS")]
    sys.argv = [script]
    sys.stdout = sys.stderr


def _timeout(signum, frame):
    raise _RealCrash("timeout", None)


def _truth_config(root, extra_env=None):
    """Import config.py as GPT-SoVITS does (webui.py sets `extra_env` first)."""
    import runpy

    _prepare(root, "config.py")
    os.environ.update(extra_env or {})
    try:
        namespace = runpy.run_path(os.path.join(root, "config.py"), run_name="config")
        return {"is_half": _value(namespace.get("is_half")), "device": _value(namespace.get("infer_device")),
                "error": None}
    except BaseException as exc:
        return {"error": _error_text(exc)}


def _truth_tts(root):
    """The version's TTS.py loaded statement by statement, then its own TTS_Config on the yaml."""
    _prepare(root, "api_v2.py")
    finder = _ProjectFinder(root)
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(RUN_SECONDS)
    try:
        module = importlib.import_module("TTS_infer_pack.TTS")
    except BaseException as exc:
        return {"unavailable": _error_text(exc)}
    if _is_stand_in(getattr(module, "TTS_Config", None)) or not hasattr(module, "TTS_Config"):
        return {"unavailable": "no TTS_Config after loading TTS.py (%s)" % "; ".join(finder.skipped[:3])}
    try:
        config = module.TTS_Config(TTS_INFER)
        return {"is_half": _value(config.is_half), "device": _value(config.device), "error": None}
    except BaseException as exc:
        return {"error": _error_text(exc)}


def _truth_script(root, script, importer=False):
    """is_half and device of an entry point script, its own statements run in order up to the
    deciding ones (see above); `importer`: the script only imports an inference UI module
    (inference_webui.py, or another inference_webui*.py in some versions), which decides."""
    _prepare(root, script)
    uis = [os.path.realpath(os.path.join(root, "GPT_SoVITS", name)) for name in os.listdir(os.path.join(root, "GPT_SoVITS"))
           if name.startswith("inference_webui") and name.endswith(".py")] if importer else []
    finder = _ProjectFinder(root, dict((ui, (DECIDING_NAMES, ("config",))) for ui in uis))
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(RUN_SECONDS)
    namespace = {"__name__": "__main__", "__file__": os.path.join(root, script), "__builtins__": __builtins__}
    deciding = ((), ("inference_webui*",)) if importer else (DECIDING_NAMES, ("config",))
    try:  # an importer's own import fails for the names after the deciding lines: not strict
        run_statements(os.path.join(root, script), namespace, deciding, finder.skipped, strict=not importer)
    except _RealCrash as crash:
        return {"error": crash.error, "where": crash.where, "skipped": finder.skipped}
    if importer:
        module = next((m for m in list(sys.modules.values()) if os.path.realpath(getattr(m, "__file__", None) or "")
                       in uis and "is_half" in vars(m)), None)
        namespace = vars(module) if module is not None else {}
    found = {"is_half": namespace.get("is_half"), "device": namespace.get("device", namespace.get("infer_device"))}
    for name, value in list(namespace.items()):  # inference_webui_fast.py: tts_config.device = device
        if name.endswith("config") and not _is_stand_in(value) and hasattr(value, "is_half") and hasattr(value, "device"):
            found = {"is_half": value.is_half, "device": value.device}
    return {"is_half": _value(found["is_half"]), "device": _value(found["device"]), "error": None,
            "skipped": finder.skipped}


def _truth(root, value, cache):
    """Every entry point's truth, each in a forked child of its own. `value`: the is_half variable.
    `cache`: truths of earlier versions, by what they depend on (the deciding files' contents)."""
    result = {"config": forked(_truth_config, root)}
    from gsv_doctor.families.gpt_sovits.facts import _webui_env

    webui_env = _webui_env(Path(root))
    result["config_webui"] = forked(_truth_config, root, webui_env) if webui_env else result["config"]
    if os.path.isfile(os.path.join(root, TTS_INFER)) and os.path.isfile(os.path.join(root, TTS_PY)):
        result["tts"] = _cached(cache, root, "tts", value, _truth_tts, root)
    scripts = {}
    for script in SCRIPTS:
        if os.path.isfile(os.path.join(root, script)):
            scripts[script] = _cached(cache, root, script, value, _truth_script, root, script, script in IMPORTERS)
    result["scripts"] = scripts
    webui = result["config_webui"]
    exported = None if webui.get("error") or webui.get("is_half") is None else str(webui["is_half"] is True)
    children = {}
    if exported is not None and os.path.isfile(os.path.join(root, "webui.py")):
        os.environ["is_half"] = exported  # webui.py starts its children with str(config.is_half)
        saved = {key: os.environ.get(key) for key in webui_env}
        os.environ.update(webui_env)  # and with what it set in its own environment before importing config.py
        for script in SCRIPTS + tuple(_prepare_scripts(root)):
            if script not in IMPORTERS and os.path.isfile(os.path.join(root, script)):
                children[script] = _cached(cache, root, script, [exported, webui_env], _truth_script, root, script, False)
        for key, old in list(saved.items()) + [("is_half", value)]:
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
    result["children"] = children
    result["exported"] = exported
    return result


def _cached(cache, root, what, value, function, *args):
    key = [what, value]
    uis = ["GPT_SoVITS/" + n for n in sorted(os.listdir(os.path.join(root, "GPT_SoVITS"))) if n.startswith("inference_webui")
           and n.endswith(".py")] if what in IMPORTERS else []
    for path in [what] + uis:
        if path.endswith(".py"):
            with open(os.path.join(root, path), "rb") as handle:
                key.append(_deciding_key(handle.read()))
    for path in WHOLE:
        if os.path.isfile(os.path.join(root, path)):
            with open(os.path.join(root, path), "rb") as handle:
                key.append(hashlib.sha1(handle.read()).hexdigest())
    key = json.dumps(key)
    if key not in cache:
        cache[key] = forked(function, *args)
    return cache[key]


def _prepare_scripts(root):
    folder = os.path.join(root, PREPARE_DIR)
    return sorted(PREPARE_DIR + "/" + name for name in os.listdir(folder) if name.endswith(".py")
                  and name[:1].isdigit() and not name.startswith("0-")) if os.path.isdir(folder) else []


def _check_side(root):
    """What the probe child of `gsv-doctor check` runs (the family's child code, with the
    arguments the family gives it)."""
    from gsv_doctor.families.gpt_sovits import facts as family_facts

    facts = family_facts.read(Path(root), {})
    return {"config": family_child.run_config(root),
            "config_webui": family_child.run_config(root, facts.webui_env) if facts.webui_env else None,
            "tts_config": family_child.run_tts_config(root, TTS_INFER) if facts.tts_infer is not None else None,
            "env_reads": family_child.run_env_reads(root, [r.path for r in facts.entry_reads], [None, "True", "False"])}


def forked(function, *args):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            payload = json.dumps(function(*args), default=str)
        except BaseException as exc:
            payload = json.dumps({"crash": repr(exc), "error": "crash of the verification: " + repr(exc)})
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
    return json.loads(b"".join(chunks) or b'{"error": "crash of the verification: no answer"}')


def worker(mirror, scratch, commits, env_values):
    """Runs in the target interpreter with torch imported once; one JSON line per (version, env).
    Leaves each extracted tree in `scratch` for the comparing process, which removes it."""
    import torch  # noqa: F401  (imported once; every fork shares it)

    os.environ.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")  # model loads fail at once, no network
    cache = {}
    for commit in commits:
        folder = os.path.join(scratch, commit)
        extract(mirror, commit, folder)
        for value in env_values:
            if value is None:
                os.environ.pop("is_half", None)
            else:
                os.environ["is_half"] = value
            line = {"commit": commit, "is_half": value, "truth": _truth(folder, value, cache),
                    "check": forked(_check_side, folder)}
            print(json.dumps(line, default=str), flush=True)


# ---------------------------------------------------------------- comparing (in this process)

def _setting(ran, source):
    if ran.get("error"):
        return Setting(None, None, source, "executed", error=ran["error"], where=ran.get("where"))
    return Setting(ran.get("device"), _bool(ran.get("is_half")), source, "executed")


def truth_entries(truth):
    """(entry point, started by) -> Setting, from the versions' own code."""
    entries = {}
    config = truth.get("config") or {}
    entries[("api.py", None)] = _setting(config, "config.py")
    webui = truth.get("config_webui") or config
    entries[("webui.py", None)] = _setting(webui, "config.py")
    tts = truth.get("tts")
    if tts is not None and not tts.get("unavailable"):
        entries[("api_v2.py", None)] = _setting(tts, "TTS_Config")
    for script, ran in (truth.get("scripts") or {}).items():
        entries[(script, None)] = _setting(ran, script)
    for script, ran in (truth.get("children") or {}).items():
        entries[(script, "webui.py")] = _setting(ran, script)
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
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--worker", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker(args.mirror, args.scratch, args.worker, [None, "True"])
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

    totals = {}
    misses = []
    skipped = set()
    unavailable = []
    with tempfile.TemporaryDirectory(prefix="gsv-history-") as scratch:
        lines = queue.Queue()
        commits = [c for c, _ in found]
        size = -(-len(commits) // max(args.jobs, 1)) or 1
        workers = []
        for first in range(0, len(commits), size):  # contiguous slices: each worker's cache stays useful
            worker_run = subprocess.Popen([args.python, str(Path(__file__).resolve()), "--mirror", args.mirror,
                                           "--scratch", scratch, "--worker", *commits[first:first + size]],
                                          stdout=subprocess.PIPE, text=True, stderr=subprocess.DEVNULL,
                                          env=dict(os.environ, PYTHONPATH=str(HERE.parent)))
            reader = threading.Thread(target=lambda out: [lines.put(raw) for raw in out] + [lines.put(None)],
                                      args=(worker_run.stdout,), daemon=True)
            reader.start()
            workers.append(worker_run)
        pending, running = {}, len(workers)
        while running:
            raw = lines.get()
            if raw is None:
                running -= 1
                continue
            line = json.loads(raw)
            commit = line["commit"]
            pending[commit] = pending.get(commit, 0) + 1
            try:
                _compare(line, Path(scratch) / commit, report, devices, dates, totals, misses, skipped, unavailable)
            except Exception as exc:  # gsv-doctor itself failed on this version: a miss of its own kind
                misses.append(f"  gsv-doctor failed: is_half={line['is_half'] or 'unset':5} {commit[:10]} {exc!r}")
                print("miss:" + misses[-1], file=sys.stderr, flush=True)
            if pending[commit] == 2:
                shutil.rmtree(Path(scratch) / commit, ignore_errors=True)
                done = sum(1 for count in pending.values() if count == 2)
                if done % 25 == 0:
                    print(f"  {done}/{len(found)} versions, {len(misses)} misses so far,"
                          f" {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        for worker_run in workers:
            worker_run.wait()
    print(f"\n{len(found)} versions ({len(skipped)} without a GPT_SoVITS folder skipped),"
          f" {time.perf_counter() - started:.0f} s")
    for (mode, name, env), (right, total) in sorted(totals.items(), key=lambda item: (
            item[0][0], _order(item[0][1]), item[0][2])):
        label = "check" if mode == "check" else "preflight"
        print(f"{label:9} {name:52} is_half {env:5}: {right}/{total} right")
    print("(check: the project's code run as gsv-doctor's probe child runs it; preflight: the files read)")
    print(f"\nnot compared ({len(unavailable)}): the version's own code gave no answer here")
    for item in sorted(unavailable):
        print(item)
    print(f"\nmisses ({len(misses)}):" if misses else "\nno misses")
    for miss in sorted(misses):
        print(miss)
    return 0 if not misses else 1


def _order(name):
    entry, _, started = name.partition(" started by ")
    base = entry.split("/")[-1]
    rank = ENTRIES.index(entry) if entry in ENTRIES else len(ENTRIES)
    return (bool(started), rank, base)


def _compare(line, folder, report, devices, dates, totals, misses, skipped, unavailable):
    commit, value = line["commit"], line["is_half"]
    environ = {} if value is None else {"is_half": value}
    if not (folder / "GPT_SoVITS").is_dir() or not (folder / "config.py").is_file():
        skipped.add(commit)  # the first commits: config.py and webui.py, no models yet
        return
    project = open_project(folder, environ)
    checked = diagnose(report, project, line["check"], environ)
    static = diagnose(report, project, None, environ)
    tts = line["truth"].get("tts") or {}
    if tts.get("unavailable"):
        unavailable.append(f"  is_half={value or 'unset':5} {commit[:10]} {dates[commit]} api_v2.py: {tts['unavailable']}")
    for (name, started_by), setting in truth_entries(line["truth"]).items():
        expected = judge(EntryPoint(name, setting, started_by=started_by), devices, report)
        label = name + (f" started by {started_by}" if started_by else "")
        if outcome(expected) == "unknown":  # its statements bind neither is_half nor device (a UI class decides later)
            unavailable.append(f"  is_half={value or 'unset':5} {commit[:10]} {dates[commit]} {label}: binds neither"
                               " is_half nor device at module level")
            continue
        for mode, diagnosis in (("check", checked), ("static", static)):
            got = next((v for v in diagnosis.verdicts if v.entry_point == name and v.started_by == started_by), None)
            key = (mode, label, "set" if value else "unset")
            right, total = totals.get(key, (0, 0))
            ok = outcome(got) == outcome(expected)
            totals[key] = (right + ok, total + 1)
            if not ok:
                misses.append(f"  {mode:6} is_half={value or 'unset':5} {commit[:10]} {dates[commit]} {label}:"
                              f" truth={outcome(expected)} ({_describe(expected)}) gsv-doctor={outcome(got)}"
                              f" ({_describe(got)})")
                print("miss:" + misses[-1], file=sys.stderr, flush=True)


def _describe(verdict):
    if verdict is None:
        return "-"
    if verdict.outcome == "start":
        return f"{verdict.error_text} at {verdict.where}" if verdict.where else verdict.error_text
    return f"device={verdict.device}, is_half={verdict.is_half}"


if __name__ == "__main__":
    sys.exit(main())
