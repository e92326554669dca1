"""Per-entry-point verdicts for an RVC WebUI folder: what device and precision each entry
point gets on a machine, from the project's own Config() run in a throw-away copy, or from
the static reading when it cannot run."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List, Mapping, Optional

from gsv_doctor.errors import DoctorError
from gsv_doctor.families.rvc import configclass, layout, runner

RAN = "ran Config()"
STATIC = "read statically"


@dataclass
class Verdict:
    entry: str  # "infer-web.py", "gui_v1.py", "training", ...
    outcome: str  # "cpu-half", "cpu", "gpu-half", "gpu", "mps-half", "mps", "other", "crash", "unknown"
    device: Optional[str] = None
    is_half: Optional[bool] = None
    source: str = STATIC
    error: Optional[str] = None
    where: Optional[str] = None
    via: Optional[str] = None  # how the entry point gets its values ("Config()", "config.py values", json files)


@dataclass
class RvcProject:
    layout: layout.Layout
    config: Optional[configclass.ConfigFacts]
    config_error: Optional[str]
    run: Optional[runner.ConfigRun]
    verdicts: List[Verdict] = field(default_factory=list)

    def half_on_cpu(self) -> List[Verdict]:
        return [v for v in self.verdicts if v.outcome == "cpu-half"]


def outcome(device: Optional[str], is_half: Optional[bool]) -> str:
    if device is None:
        return "unknown"
    place = device.split(":")[0].lower()
    place = {"cuda": "gpu", "cpu": "cpu", "mps": "mps"}.get(place, "other")
    if is_half is None:
        return "unknown"
    return place + ("-half" if is_half and place != "other" else "")


def _static(config: Optional[configclass.ConfigFacts], machine: Optional[Mapping[str, Any]]):
    """(device, is_half) from the static reading: the CPU branch, the MPS branch, or the card-name
    rules for the machine's first CUDA card; (device, None) where the file decides otherwise."""
    if config is None or machine is None:
        return None, None
    gpus = machine.get("gpus") or []
    if gpus:
        return "cuda:0", configclass.gpu_is_half(config, gpus[0].get("name") or "")
    if machine.get("mps"):
        return ((config.mps_device or "mps") if config.mps_branch else "cpu"), config.mps_is_half
    return "cpu", config.cpu_is_half


def _training_half(run: Optional[runner.ConfigRun], root: Path, json_files: List[str],
                   config: Optional[configclass.ConfigFacts]) -> Optional[bool]:
    """Whether training starts with fp16_run on: infer-web writes the experiment's config from
    Config's in-memory copy where there is one, else training reads the json files the
    start-up left."""
    if run is not None and run.ran and run.fp16_run:
        memory = [v for k, v in run.fp16_run.items() if k.startswith("memory:")]
        values = memory or [v for k, v in run.fp16_run.items() if not k.startswith("memory:")]
        return any(v is True for v in values)
    if config is not None and config.cpu_rewrites_json:  # static, CPU machine: the start-up turns it off
        return False
    found = []
    for relative in json_files:
        try:
            found.append('"fp16_run": true' in (root / relative).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            pass
    return any(found) if found else None


def read(root: Path) -> RvcProject:
    found = layout.read_layout(root)
    config, error = None, None
    try:
        config = configclass.read_config(root / found.config_path, found.config_path)
    except DoctorError as problem:
        error = problem.message  # Said: the report says it in the user's language
    return RvcProject(layout=found, config=config, config_error=error, run=None)


def predict(root: Path, machine: Optional[Mapping[str, Any]], python: Optional[str] = None, fake: bool = False,
            timeout: float = runner.DEFAULT_TIMEOUT_S) -> RvcProject:
    """Verdicts on `machine` ({"gpus": [...], "mps": bool}, see runner.machine_from_report).
    With a `python`, the project's own Config() runs there, on that interpreter's real machine,
    or on `machine` pretended when `fake` (a saved probe report from another computer). Without
    one, or when the run fails on our side, the static reading answers for a machine without
    CUDA or MPS and says "unknown" elsewhere."""
    project = read(Path(root))
    if python:
        entry = project.layout.web_ui or "infer-web.py"
        project.run = runner.run_config(python, Path(root), project.layout.config_path, entry=entry,
                                        machine=machine if fake else None, timeout=timeout)
    project.verdicts = judge(project, machine)
    return project


def judge(project: RvcProject, machine: Optional[Mapping[str, Any]]) -> List[Verdict]:
    """The verdicts from the run when it answered, else from the static reading."""
    root = Path(project.layout.root)
    ran = project.run if project.run is not None and project.run.ran else None
    if ran is not None:
        device, is_half, source = ran.device, ran.is_half, RAN
    else:
        device, is_half = _static(project.config, machine)
        source = STATIC
    base = "crash" if ran is not None and ran.error else outcome(device, is_half)
    entries = project.layout.entry_points or [layout.EntryPoint(project.layout.web_ui or "infer-web.py",
                                                                "Config()", 0)]
    verdicts = []
    for entry in entries:
        verdicts.append(Verdict(entry.path, base, device, is_half, source, ran.error if ran else None,
                                ran.where if ran else None, via=entry.source))
    if project.layout.train_script and base != "crash":
        half = _training_half(ran, root, project.layout.json_configs, project.config)
        place = outcome(device, False)
        train = place + "-half" if half and place in ("cpu", "gpu", "mps") else place if half is not None \
            else "unknown"
        verdicts.append(Verdict(project.layout.train_script, train, device, half, source,
                                via="fp16_run in " + ", ".join(project.layout.json_configs)))
    return verdicts
