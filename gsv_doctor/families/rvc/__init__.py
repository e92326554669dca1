"""The RVC WebUI family (RVC-Project/Retrieval-based-Voice-Conversion-WebUI, every version):
detect its folder, read `Config` statically and by running it in a throw-away copy in the
probe child, give per-entry-point verdicts and plan the fix."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from gsv_doctor.families.rvc import configclass, texts
from gsv_doctor.families.rvc.logs import LOG_PROJECT  # noqa: F401  (how its logs show, for explain)
from gsv_doctor.families.rvc.layout import is_root
from gsv_doctor.families.rvc.runner import ConfigRun, machine_from_report
from gsv_doctor.families.rvc.verdicts import RAN, RvcProject, Verdict, judge, predict, read as read_project
from gsv_doctor.project import EXECUTED, STATIC, UNKNOWN, EntryPoint, Setting, file_source, launched_script

NAME = "rvc"
# Its findings that the hook resolves (float16 on the CPU computed in float32): `run` starts these.
HOOK_COVERS = ("rvc-config-half-on-cpu",)
TITLE = "RVC WebUI"
_CHILD = Path(__file__).with_name("child.py")

TEXTS = texts.TEXTS  # the family's text tables (gsv_doctor.i18n looks them up)

__all__ = ["NAME", "TITLE", "RvcFacts", "RvcProject", "Verdict", "detect", "is_root", "machine_from_report",
           "plan", "predict"]


@dataclass
class RvcFacts:
    """The folder as read without running anything. `tts_infer*` and `env_is_half` are here
    because the core's report and fix still read them from any family's facts."""
    root: str
    layout: layout.Layout
    config: Optional[configclass.ConfigFacts]
    config_error: Optional[str]
    tts_infer: None = None
    tts_infer_error: None = None
    env_is_half: Optional[str] = None
    present: List[str] = field(default_factory=list)


def detect(path: Path) -> bool:
    return is_root(Path(path))


def read(root: Path, environ: Mapping[str, str]) -> RvcFacts:
    project = read_project(Path(root))
    return RvcFacts(root=str(root), layout=project.layout, config=project.config, config_error=project.config_error,
                    present=[e.path for e in project.layout.entry_points])


def _project(facts: RvcFacts, run: Optional[ConfigRun] = None) -> RvcProject:
    return RvcProject(layout=facts.layout, config=facts.config, config_error=facts.config_error, run=run)


def child_code(root: Path, facts: RvcFacts) -> Optional[Tuple[str, Dict[str, Any]]]:
    """RVC's own Config() in a throw-away copy, after the probe, in the probe child."""
    from gsv_doctor.families.rvc.runner import files_to_copy

    config_path = facts.layout.config_path
    args = {"root": str(root), "files": files_to_copy(Path(root), config_path),
            "module": config_path[: -len(".py")].replace("/", "."), "entry": facts.layout.web_ui or "infer-web.py"}
    return _CHILD.read_text(encoding="ascii"), args


def _run_from(result: Optional[Mapping[str, Any]]) -> Optional[ConfigRun]:
    if not result:
        return None
    return ConfigRun(device=result.get("device"), is_half=result.get("is_half"), error=result.get("error"),
                     where=result.get("where"), fp16_run=result.get("fp16_run") or {}, failed=result.get("failed"))


def verdicts_for(facts: RvcFacts, result: Optional[Mapping[str, Any]], report: Mapping[str, Any]) -> List[Verdict]:
    return judge(_project(facts, _run_from(result)), machine_from_report(report))


def entry_points(facts: RvcFacts, result: Optional[Mapping[str, Any]], report: Mapping[str, Any],
                 environ: Mapping[str, str]) -> List[EntryPoint]:
    out = []
    for verdict in verdicts_for(facts, result, report):
        training = verdict.entry == facts.layout.train_script
        how = UNKNOWN if verdict.outcome == "unknown" else EXECUTED if verdict.source == RAN else STATIC
        source = file_source(", ".join(facts.layout.json_configs) if training else facts.layout.config_path)
        setting = Setting(verdict.device, verdict.is_half, source, how, verdict.error, verdict.where,
                          note="fp16_run" if training else None)
        out.append(EntryPoint(verdict.entry, setting, started_by=facts.layout.web_ui if training else None))
    return out


def findings(facts: RvcFacts, verdicts, devices, report, environ, probed_python, launched=None):
    from gsv_doctor.families.rvc import assess

    return assess.findings(facts, verdicts, devices, report)


def launched(command: Sequence[str], root: Path) -> Optional[Tuple[str, List[str]]]:
    """(entry point, its arguments) a command line starts: the first argument naming a .py file."""
    return launched_script(command, root)


def override(name: str, args: List[str], entries: List[EntryPoint], facts: RvcFacts) -> Optional[EntryPoint]:
    return None  # RVC's flags (--port, --noautoopen, --dml ...) are parsed by Config(), which already ran


def plan(project: RvcProject, guard: Optional[bool] = None, training: Optional[bool] = None):
    from gsv_doctor.families.rvc import fixes  # here: fixes needs gsv_doctor.fixplan, which imports the registry

    return fixes.plan(project, guard, training)


def plan_fix(found, facts: RvcFacts, pin: bool = False, all_sections: bool = False, config_values_known: bool = True):
    from gsv_doctor import fixplan
    from gsv_doctor.fixmessages import FixError

    if facts.config_error:
        raise FixError("error.config-unfixable", {"error": facts.config_error})
    ids = {f.id for f in found}
    project = _project(facts)
    edits = plan(project, guard="rvc-config-half-on-cpu" in ids, training="rvc-training-half-on-cpu" in ids)
    answered = [i for i in ("rvc-config-half-on-cpu", "rvc-training-half-on-cpu") if i in ids]
    notes = []
    if facts.config is not None and facts.config.guarded and "rvc-config-half-on-cpu" not in ids:
        notes.append(fixplan.Note("already-fixed", {"path": facts.config.path}))
    return fixplan.FixPlan(edits=edits, notes=notes, answered=answered)


def default_entry(facts: Optional[RvcFacts] = None) -> str:
    """The web UI this version has (infer-web.py until 2025, webui.py after)."""
    return (facts.layout.web_ui if facts is not None else None) or "infer-web.py"


def file_lines(facts: RvcFacts, effective, lang: str) -> List[str]:
    """The report's lines about RVC's config file and the json configs training reads."""
    from gsv_doctor import messages

    config_path = facts.layout.config_path or "configs/config.py"
    rows = []
    if facts.config is not None:
        cpu = "?" if facts.config.cpu_is_half is None else str(facts.config.cpu_is_half)
        shape = "class Config" if facts.config.shape == "class" else facts.config.shape
        rows.append((config_path, f"{shape}; CPU: is_half={cpu}"))
    else:  # the finding says why, once
        rows.append((config_path, messages.label("unreadable_see_findings", lang)))
    if facts.layout.json_configs:
        rows.append(("fp16_run", ", ".join(facts.layout.json_configs)))
    width = max(len(name) for name, _ in rows) + 2
    return [f"  {name.ljust(width)} {text}" for name, text in rows]
