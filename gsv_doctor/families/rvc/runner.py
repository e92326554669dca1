"""Run RVC's own Config() in the target interpreter, in a throw-away copy of what it touches.

Config() rewrites the project's json configs and preprocess script at start-up (and, with
--dml, renames folders of the runtime), so it never runs in the user's folder: the copy holds
the config, configs/, .env, the project modules the config imports and the files it opens by
name, and is deleted afterwards."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from gsv_doctor.families.rvc import child, layout

DEFAULT_TIMEOUT_S = 120.0
GIB = 1024 ** 3


@dataclass
class ConfigRun:
    """What the project's own Config() gave, or why it could not say."""
    device: Optional[str] = None
    is_half: Optional[bool] = None
    error: Optional[str] = None  # the exception the project raised ("TypeError: ...")
    where: Optional[str] = None  # file:line of that exception inside the project
    fp16_run: Dict[str, Optional[bool]] = field(default_factory=dict)
    failed: Optional[str] = None  # our side: the child did not answer (timeout, no torch)
    elapsed_s: float = 0.0

    @property
    def ran(self) -> bool:
        return self.failed is None


def machine_from_report(report: Any) -> Dict[str, Any]:
    """The machine a probe report describes (a probereport.ProbeReport, or the JSON dict), in
    the form child.fake_machine takes."""
    if report is None:
        return {"gpus": [], "mps": False}
    if not isinstance(report, Mapping):  # the typed report
        return {"gpus": [{"name": d.name or "", "capability": list(d.capability or (0, 0)),
                          "memory": int(float(d.total_memory_gb or 0) * GIB)}
                         for d in report.devices if d.kind == "cuda"],
                "mps": bool(report.mps_available)}
    gpus = [{"name": d.get("name") or "", "capability": list(d.get("capability") or [0, 0]),
             "memory": int(float(d.get("total_memory_gb") or 0) * GIB)}
            for d in report.get("devices") or [] if d.get("kind") == "cuda"]
    return {"gpus": gpus, "mps": bool((report.get("mps") or {}).get("available"))}


def files_to_copy(root: Path, config_path: str) -> List[str]:
    wanted = {config_path}
    # All of configs/: the json configs, and the placeholder files that keep configs/inuse/v1 and
    # v2 in place, where Config() of 2024 on copies the json configs at start-up.
    for path in (root / "configs").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.stat().st_size < 5 * 1024 * 1024:
            wanted.add(path.relative_to(root).as_posix())
    if (root / ".env").is_file():
        wanted.add(".env")
    todo = [config_path]
    seen = set()
    while todo:  # the project modules the config imports, and theirs, a few levels deep
        current = todo.pop()
        if current in seen or len(seen) > 40:
            continue
        seen.add(current)
        for found in layout.local_imports(root, current) + layout.referenced_files(root, current):
            wanted.add(found)
            if found.endswith(".py"):
                todo.append(found)
    return sorted(wanted)


def make_copy(root: Path, config_path: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="gsv-doctor-rvc-"))
    for relative in files_to_copy(root, config_path):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(str(root / relative), str(target))
    return folder


def _module(config_path: str) -> str:
    return config_path[: -len(".py")].replace("/", ".")


def run_config(python: str, root: Path, config_path: str, entry: str = "infer-web.py",
               machine: Optional[Mapping[str, Any]] = None, timeout: float = DEFAULT_TIMEOUT_S,
               folder: Optional[Path] = None) -> ConfigRun:
    """Config() of the project at `root` (or of an existing throw-away `folder`)."""
    from gsv_doctor import target  # here: target imports probe, which a child never needs

    started = time.perf_counter()
    own = folder is None
    folder = make_copy(root, config_path) if own else folder
    job = {"folder": str(folder), "module": _module(config_path), "entry": entry,
           "machine": dict(machine) if machine is not None else None}
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", GSV_DOCTOR_HOOK="0")
    env.pop("PYTHONPATH", None)
    try:
        process = subprocess.Popen([python, "-B", "-c", Path(child.__file__).read_text(encoding="utf-8")],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   cwd=str(folder), env=env)
    except OSError as error:
        return ConfigRun(failed=f"could not start {python}: {error}")
    try:
        stdout, stderr = process.communicate(json.dumps(job).encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        target.kill_tree(process)
        process.communicate()
        return ConfigRun(failed=f"no answer within {timeout:.0f} s", elapsed_s=time.perf_counter() - started)
    except BaseException:
        target.kill_tree(process)
        raise
    finally:
        if own:
            shutil.rmtree(str(folder), ignore_errors=True)
    for line in stdout.decode("utf-8", "replace").splitlines():
        if line.startswith(child.MARKER):
            data = json.loads(line[len(child.MARKER):])
            return ConfigRun(device=data.get("device"), is_half=data.get("is_half"), error=data.get("error"),
                             where=data.get("where"), fp16_run=data.get("fp16_run") or {},
                             elapsed_s=round(time.perf_counter() - started, 3))
    tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
    return ConfigRun(failed="the child gave no answer (exit %s): %s" % (process.returncode, " | ".join(tail)),
                     elapsed_s=round(time.perf_counter() - started, 3))
