"""What `fix` changes in an RVC folder: a portable guard in device_config (or after the
module-level device choice of the first versions), and `"fp16_run": true` -> false in the
model json configs when training would start float16 on the CPU. Written, backed up and
undone by gsv_doctor.edits like every other fix."""
from __future__ import annotations

import re
from pathlib import Path
from typing import List, Optional

from gsv_doctor.families.rvc import configclass
from gsv_doctor.families.rvc.verdicts import RvcProject
from gsv_doctor.fixplan import FileEdit, Reason

_FP16_TRUE = re.compile(rb'("fp16_run"\s*:\s*)true')

def can_guard(project: RvcProject) -> bool:
    config = project.config
    return config is not None and not config.guarded and config.guard_after_line is not None


def needs_guard(project: RvcProject) -> bool:
    config = project.config
    if not can_guard(project) or config is None:
        return False
    if config.cpu_is_half is not False:  # the CPU path leaves or sets float16
        return True
    return any(v.outcome == "cpu-half" and v.entry != project.layout.train_script for v in project.verdicts)


def guard_edit(project: RvcProject) -> Optional[FileEdit]:
    config = project.config
    if not can_guard(project) or config is None:
        return None
    path = Path(project.layout.root) / config.path
    return FileEdit(path=str(path), old_text=config.text, new_text=configclass.with_guard(config),
                    reasons=[Reason("reason.rvc-guard", {"line": config.guard_after_line, "path": config.path})],
                    kind="config", encoding=config.encoding, has_bom=config.has_bom, old_bytes=config.raw)


def training_half_on_cpu(project: RvcProject) -> bool:
    return any(v.entry == project.layout.train_script and v.outcome == "cpu-half" for v in project.verdicts)


def json_edits(project: RvcProject) -> List[FileEdit]:
    edits = []
    for relative in project.layout.json_configs:
        path = Path(project.layout.root) / relative
        raw = path.read_bytes()
        new = _FP16_TRUE.sub(rb"\1false", raw)
        if new == raw:
            continue
        bom = raw.startswith(b"\xef\xbb\xbf")
        text = raw[3:].decode("utf-8") if bom else raw.decode("utf-8")
        new_text = (new[3:] if bom else new).decode("utf-8")
        edits.append(FileEdit(path=str(path), old_text=text, new_text=new_text,
                              reasons=[Reason("reason.rvc-json-fp16", {"path": relative})],
                              kind="json", has_bom=bom, old_bytes=raw))
    return edits


def plan(project: RvcProject, guard: Optional[bool] = None, training: Optional[bool] = None) -> List[FileEdit]:
    """The edits; `guard` / `training` say whether float16 on the CPU was found for the web UI and
    for training (None: decide from the project's verdicts)."""
    guard = needs_guard(project) if guard is None else guard
    training = training_half_on_cpu(project) if training is None else training
    edit = guard_edit(project) if guard else None
    return ([edit] if edit else []) + (json_edits(project) if training else [])
