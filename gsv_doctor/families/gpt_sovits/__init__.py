"""The GPT-SoVITS family: detect its folder, map its entry points, run its own deciding code in
the probe child, judge, and plan the edits of config.py and tts_infer.yaml."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from gsv_doctor.families.gpt_sovits.logs import LOG_PROJECT, settings_now  # noqa: F401  (for explain)
from gsv_doctor.families.gpt_sovits.texts import TEXTS  # noqa: F401  (the family's text tables)
from gsv_doctor.project import EntryPoint, launched_script

NAME = "gpt-sovits"
# Its findings that the hook resolves (float16 on the CPU computed in float32): `run` starts these.
HOOK_COVERS = ("config-half-on-cpu", "entry-point-half-on-cpu", "tts-infer-half-on-cpu", "api-flags-half-on-cpu",
               "tool-half-on-cpu", "tool-lines-half-on-cpu")
TITLE = "GPT-SoVITS"
# Its config.py is the one the probe's `--config` runs (is_half, infer_device): explain shows those values.
PROBE_RUNS_CONFIG = True
_CHILD = Path(__file__).with_name("child.py")


def detect(path: Path) -> bool:
    from gsv_doctor.families.gpt_sovits.facts import is_root

    return is_root(Path(path))


def read(root: Path, environ: Mapping[str, str]):
    from gsv_doctor.families.gpt_sovits import facts

    return facts.read(Path(root), environ)


def child_code(root: Path, facts) -> Optional[Tuple[str, Dict[str, Any]]]:
    """The code the probe child runs after the probe, and its arguments."""
    from gsv_doctor.families.gpt_sovits.facts import TTS_INFER

    args = {"root": str(root), "tts_infer": TTS_INFER if facts.tts_infer is not None else None,
            "env_reads": [r.path for r in facts.entry_reads] + [t.path for t in facts.tools if t.half_switch is None],
            "webui_env": facts.webui_env}
    return _CHILD.read_text(encoding="ascii"), args


def entry_points(facts, result: Optional[Mapping[str, Any]], report: Mapping[str, Any],
                 environ: Mapping[str, str]) -> List[EntryPoint]:
    from gsv_doctor.families.gpt_sovits import entrypoints

    return entrypoints.entry_points(facts, result, report, environ)


def findings(facts, verdicts, devices, report, environ, probed_python, launched=None):
    from gsv_doctor.families.gpt_sovits import assess

    return assess.findings(facts, verdicts, devices, report, environ, probed_python, launched)


def launched(command: Sequence[str], root: Path) -> Optional[Tuple[str, List[str]]]:
    """(entry point, its arguments) a command line starts: the first argument naming a file of
    the project, as a path relative to the root; None when it names none."""
    return launched_script(command, root, known=("webui.py", "api.py", "api_v2.py"))


def override(name: str, args: List[str], entries: List[EntryPoint], facts) -> Optional[EntryPoint]:
    """The entry point as a command line changes it (api.py's -d/-fp/-hp, a tool's --no-half and
    --device), or None."""
    from gsv_doctor.families.gpt_sovits import entrypoints
    from gsv_doctor.families.gpt_sovits.facts import API

    current = next((e for e in entries if e.name == name and e.started_by is None), None)
    tool = next((t for t in facts.tools if t.path == name), None)
    if name == API:
        setting = entrypoints.api_flags(args, current.setting if current else None)
    elif tool is not None:
        setting = entrypoints.tool_flags(tool, args, current.setting if current else None)
    else:
        return None
    return None if setting is None else EntryPoint(name, setting)


def plan_fix(found, facts, pin: bool = False, all_sections: bool = False, config_values_known: bool = True):
    """The edits for these findings (gsv_doctor.fixplan.FixPlan); raises FixError when the files
    cannot be edited safely."""
    from gsv_doctor.families.gpt_sovits import fixes
    from gsv_doctor.fixmessages import FixError

    ids = {f.id for f in found}
    if facts.config_error and (ids & set(fixes.CONFIG_IDS) or "config-unreadable" in ids):
        raise FixError("error.config-unfixable", {"error": facts.config_error})
    if facts.tts_infer_error:
        raise FixError("error.tts-infer-unfixable", {"error": facts.tts_infer_error})
    return fixes.plan(found, facts.config, facts.tts_infer, pin=pin, all_sections=all_sections,
                        root_files=facts.present + [p for p in ("webui.py", "api.py") if p not in facts.present],
                        config_values_known=config_values_known)


def default_entry(facts=None) -> str:
    """What a start script launches when nothing else says."""
    return "webui.py"


def file_lines(facts, effective, lang: str) -> List[str]:
    """The report's lines about config.py, tts_infer.yaml and the is_half variable."""
    import unicodedata

    from gsv_doctor import messages

    label = messages.label
    lines = []
    if facts.config is not None:
        shape = f"shape_{facts.config.shape}"
        shown = (f"{label('shape', lang)} {label(shape, lang) if shape in messages.LABELS else facts.config.shape},"
                 f" {facts.config.encoding}")
        if effective is not None:
            how = messages.phrase("value_source_" + effective.source, lang)
            shown += f"; is_half={effective.is_half}, infer_device={effective.infer_device} ({how})"
        lines.append(f"  config.py        {shown}")
    elif facts.config_error:  # the finding says why, once
        lines.append(f"  config.py        {label('unreadable_see_findings', lang)}")
    if facts.tts_infer is not None and facts.tts_infer.sections:
        section = "custom" if "custom" in facts.tts_infer.sections else sorted(facts.tts_infer.sections)[0]
        values = facts.tts_infer.sections[section]
        lines.append(f"  tts_infer.yaml   {section}: device={values.get('device')}, is_half={values.get('is_half')}")
    elif facts.tts_infer_error:
        lines.append(f"  tts_infer.yaml   {label('unreadable_see_findings', lang)}")
    elif facts.tts_infer is not None:  # empty, a list, or sections without the two keys
        lines.append(f"  tts_infer.yaml   {label('tts_no_sections', lang)}")
    else:
        lines.append(f"  tts_infer.yaml   {label('not_found', lang)}")
    env = facts.env_is_half
    name = label("env_is_half", lang)
    columns = len(name) + sum(unicodedata.east_asian_width(c) in "WF" for c in name)  # CJK takes two
    lines.append(f"  {name}{' ' * max(1, 17 - columns)}{label('unset', lang) if env is None else repr(env)}")
    return lines
