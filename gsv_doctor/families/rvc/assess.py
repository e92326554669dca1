"""RVC's findings, from the verdicts of its entry points: which file to change, and how."""
from __future__ import annotations

from typing import Any, List, Mapping, Optional, Tuple

from gsv_doctor.diagnose import CRASH, FIX_WRITE, HALF_CPU, NAN, SLOW, START, Effective, half_finding
from gsv_doctor.findings import PROJECT, Finding, Severity

_BAD = (CRASH, NAN, SLOW, HALF_CPU)


def _device(devices, device_id):
    return next((d for d in devices if d.id == device_id), None)


def findings(facts, verdicts, devices, report: Optional[Mapping[str, Any]]) -> Tuple[List[Finding], Optional[Effective]]:
    found: List[Finding] = []
    config_path = facts.layout.config_path
    train = facts.layout.train_script
    readers = [v for v in verdicts if v.entry_point != train]
    names = [v.entry_point for v in readers] or [e.path for e in facts.layout.entry_points]
    if facts.config_error:
        found.append(Finding("rvc-config-unreadable", Severity.ERROR, PROJECT, params={"error": facts.config_error},
                             entry_points=names, error_text=facts.config_error))
    if not report or not readers:
        return found, None
    first = readers[0]
    effective = Effective(is_half=first.is_half, infer_device=first.device, source=first.how,
                          error=first.error_text if first.outcome == START else None)
    params = {"config": config_path, "entries": ", ".join(names), "value_source": first.how,
              "is_half": first.is_half, "device_setting": first.device}
    if first.outcome == START:
        found.append(Finding("rvc-config-not-executable", Severity.ERROR, PROJECT,
                             params=dict(params, error=first.error_text, where=first.where or config_path),
                             entry_points=names, error_text=first.error_text))
        return found, effective
    device = _device(devices, first.device)
    if first.is_half and first.outcome in _BAD and device is not None:
        fixable = device.kind == "cpu" and facts.config is not None and facts.config.guard_after_line is not None
        finding = half_finding("rvc-config-half", device, names, params, FIX_WRITE if fixable else None)
        if finding:
            found.append(finding)
    training = next((v for v in verdicts if v.entry_point == train), None)
    if training is not None and training.is_half and training.outcome in _BAD:
        device = _device(devices, training.device)
        if device is not None:
            finding = half_finding("rvc-training-half", device, [train], {"files": ", ".join(facts.layout.json_configs)},
                                   FIX_WRITE if device.kind == "cpu" else None)
            if finding:
                found.append(finding)
    return found, effective
