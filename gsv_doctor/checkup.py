"""One diagnosis of this machine and project: probe (in the target interpreter), read, judge."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional

from gsv_doctor import probecache, probereport, target
from gsv_doctor import project as project_module
from gsv_doctor.diagnose import Diagnosis, diagnose, probe_failure
from gsv_doctor.errors import DoctorError
from gsv_doctor.findings import Finding, sort_findings
from gsv_doctor.project import Project


@dataclass
class Checkup:
    report: Optional[probereport.ProbeReport]  # None when the probe gave none
    probe_run: Optional[target.ProbeRun]  # None when the report came from --probe-json
    project: Optional[Any]  # the family's facts (see project_info for the family-neutral side)
    config_eval: Optional[Dict[str, Any]]  # what the family's own code gave in the probe child
    diagnosis: Diagnosis
    project_info: Optional[Project] = None

    @property
    def findings(self) -> List[Finding]:
        return self.diagnosis.findings


def run_checkup(project_dir: Optional[str] = None, python: Optional[str] = None,
                timeout: float = target.DEFAULT_TIMEOUT_S, probe_json: Optional[str] = None,
                environ: Optional[Mapping[str, str]] = None,
                on_probe_start: Optional[Callable[[str], None]] = None) -> Checkup:
    environ = os.environ if environ is None else environ
    located = project_module.locate_project(project_dir)
    if probe_json is not None:
        report = target.load_probe_json(probe_json)
        environ = saved_environment(report, environ)
        project = project_module.open_project(Path(located.root), environ) if located else None
        diagnosis = diagnose(report, project, None, environ)
        return Checkup(report, None, project.facts if project else None, None, diagnosis, project)

    resolved = target.resolve_python(python)
    started = time.perf_counter()
    project = None
    if located is not None:
        project = project_module.open_project(Path(located.root), environ)
    extra = project.module.child_code(Path(project.root), project.facts) if project else None
    child = target.start(resolved, None, extra=extra)
    try:
        if on_probe_start:
            on_probe_start(resolved)
    except BaseException:
        child.kill()
        child.wait()
        raise
    run = target.finish(child, resolved, timeout, started)
    target.require_torch(run)
    if run.report is not None:
        remember(resolved, run.report)
    diagnosis = diagnose(run.report, project, run.family, environ, probed_python=resolved)
    if run.report is None:
        failure = probe_failure(run.timed_out, run.returncode, timeout, run.stderr_tail)
        diagnosis.findings = sort_findings(diagnosis.findings + [failure])
    config_eval = (run.family or {}).get("config") if run.family else None
    return Checkup(run.report, run, project.facts if project else None, config_eval, diagnosis, project)


def remember(python: str, report: probereport.ProbeReport) -> None:
    """Cache the report for preflight and the hook; a cache we cannot write costs only speed."""
    try:
        probecache.store(probecache.identify_from_report(python, report), report)
    except (DoctorError, OSError):
        pass


def saved_environment(report: probereport.ProbeReport, environ: Mapping[str, str]) -> Dict[str, str]:
    """The variables the probe recorded on its machine (is_half, CUDA_VISIBLE_DEVICES, ...)
    replace ours: a saved report is judged as the machine it came from."""
    recorded = report.environment
    merged = {k: v for k, v in environ.items() if k not in recorded}
    merged.update({k: v for k, v in recorded.items() if isinstance(v, str)})
    return merged
