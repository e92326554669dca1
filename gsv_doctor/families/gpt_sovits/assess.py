"""GPT-SoVITS's findings, from the verdicts of its entry points: which file to change, and how."""
from __future__ import annotations

from typing import Any, List, Mapping, Optional, Tuple

from gsv_doctor.diagnose import (
    CRASH, DEVICE, FIX_WRITE, HALF_CPU, NAN, OK, SLOW, START, DeviceAssessment, Effective, Verdict,
    half_finding, half_unusable, same_file)
from gsv_doctor.families.gpt_sovits.facts import (
    API, API_V2, WEBUI, ProjectFacts)
from gsv_doctor.findings import MEASURED, PROJECT, Finding, Severity

CONFIG_EDIT_IDS = ("config-half-on-cpu", "config-half-on-broken-gpu", "config-device-unusable")  # fix edits config.py
COMMAND_LINE_SOURCES = ("api-command-line", "tool-command-line")  # a launch line's flags decided the device
CONFIG_ENTRY_POINTS = [WEBUI, API]  # webui.py also passes config.py's values to every child it starts


def _direct(verdicts: List[Verdict], name: str) -> Optional[Verdict]:
    return next((v for v in verdicts if v.entry_point == name and v.started_by is None), None)


def _by_id(devices: List[DeviceAssessment], device_id: Optional[str]) -> Optional[DeviceAssessment]:
    return next((d for d in devices if d.id == device_id), None)


def _half_trouble(verdict: Optional[Verdict], devices: List[DeviceAssessment]) -> Optional[DeviceAssessment]:
    """The device on which this verdict's float16 crashes, gives NaN or is slow; None if it does not."""
    if verdict is None or not verdict.is_half or verdict.outcome not in (CRASH, NAN, SLOW, HALF_CPU):
        return None
    return _by_id(devices, verdict.device)


def splice_fixable(facts: ProjectFacts, where: Optional[str]) -> bool:
    """Can `fix` make the line that raised survive (a torch.cuda.get_device_name call)?"""
    if facts.config is None or not where or not where.startswith("config.py:"):
        return False
    try:
        line = int(where.split(":")[1])
    except ValueError:
        return False
    lines = facts.config.text.splitlines()
    return 0 < line <= len(lines) and "torch.cuda.get_device_name(" in lines[line - 1]


def _config_findings(facts: ProjectFacts, verdict: Optional[Verdict], devices: List[DeviceAssessment],
                     report: Mapping[str, Any]) -> Tuple[List[Finding], Optional[Effective]]:
    findings: List[Finding] = []
    config = facts.config
    if config is None or verdict is None:
        return findings, None
    effective = Effective(is_half=verdict.is_half, infer_device=verdict.device if verdict.outcome != DEVICE else None,
                          source=verdict.how, error=verdict.error_text if verdict.outcome == START else None)
    unknown_shape = config.shape == "unknown" and not config.patched
    if verdict.outcome == START:
        importers = [WEBUI, API] + [p for p in facts.imports_config if p not in (WEBUI, API)]
        fixable = splice_fixable(facts, verdict.where) and not unknown_shape
        findings.append(Finding("config-not-executable", Severity.ERROR, PROJECT,
                                params={"error": verdict.error_text, "where": verdict.where or "config.py",
                                        "value_source": verdict.how},
                                entry_points=importers, error_text=verdict.error_text,
                                fix_command=FIX_WRITE if fixable else None))
        return findings, effective
    effective.infer_device = next((v for v in [verdict.device] if v), None)
    if verdict.outcome == "unknown" or (unknown_shape and verdict.is_half is None):
        names = [name for name, value in (("is_half", verdict.is_half), ("infer_device", verdict.device))
                 if value is None]
        findings.append(Finding("config-values-unknown", Severity.WARNING, PROJECT,
                                params={"names": " / ".join(names) or "is_half / infer_device", "shape": config.shape,
                                        "reason": config.unknown_reason, "error": None},
                                entry_points=list(CONFIG_ENTRY_POINTS)))
        if verdict.outcome == "unknown":
            return findings, effective
    fix = None if unknown_shape else FIX_WRITE
    if verdict.outcome == DEVICE:
        findings.append(Finding("config-device-unusable", Severity.ERROR, MEASURED,
                                params={"infer_device": verdict.device}, entry_points=list(CONFIG_ENTRY_POINTS),
                                device=verdict.device, error_text=verdict.error_text, fix_command=fix))
        effective.infer_device = verdict.device
        # Scripts that pick "cuda if available else cpu" then run the model on the CPU.
        cpu = next((d for d in devices if d.kind == "cpu"), None)
        if cpu is not None and verdict.is_half:
            finding = half_finding("config-half", cpu, list(CONFIG_ENTRY_POINTS),
                                   {"is_half": verdict.is_half, "infer_device": verdict.device,
                                    "value_source": verdict.how, "project_rule": bool(config.gpu_name_rule)}, fix)
            if finding:
                findings.append(finding)
        return findings, effective
    device = _by_id(devices, verdict.device)
    if device is None:
        return findings, effective
    if not verdict.is_half:
        if device.kind == "cuda" and verdict.is_half is False and device.half == OK:
            findings.append(Finding("config-half-off-on-capable-gpu", Severity.INFO, MEASURED,
                                    params={"device_name": device.name}, device=device.id))
        return findings, effective
    finding = half_finding("config-half", device, list(CONFIG_ENTRY_POINTS),
                           {"is_half": verdict.is_half, "infer_device": verdict.device,
                            "value_source": verdict.how, "project_rule": bool(config.gpu_name_rule)}, fix)
    if finding:
        findings.append(finding)
    return findings, effective


def _importers(facts: ProjectFacts, verdicts: List[Verdict], path: str) -> List[str]:
    """The scripts that import the UI at `path` (inference_cli.py, the export / stream tools): its
    module-level lines, is_half among them, run in them too."""
    module = path.rsplit("/", 1)[-1][:-len(".py")]
    return [i for i, imported in facts.importers.items() if imported == path and _direct(verdicts, i) is not None] \
        + [t.path for t in facts.tools if module in t.imports]


def _env_findings(facts: ProjectFacts, verdicts: List[Verdict], devices: List[DeviceAssessment],
                  raw: Optional[str]) -> List[Finding]:
    findings = []
    if raw is not None and raw.strip() not in ("True", "False", "0", "1"):
        name = raw.strip() or "''"
        # config.py itself reads the variable in most versions: then every entry point dies at import.
        reads_env = facts.config is not None and facts.config.env_default is not None
        readers = [r.path for r in facts.entry_reads if r.direct]
        findings.append(Finding(
            "env-is-half-invalid", Severity.ERROR, PROJECT, params={"value": raw},
            entry_points=(list(CONFIG_ENTRY_POINTS) if reads_env else []) + readers
            + [i for r in readers for i in _importers(facts, verdicts, r) if i not in readers],
            error_text=f"NameError: name '{name}' is not defined" if name.isidentifier()
            else "SyntaxError: invalid syntax"))
    for read in facts.entry_reads:
        device = _half_trouble(_direct(verdicts, read.path), devices)
        if device is None:
            continue
        affected = [read.path] + _importers(facts, verdicts, read.path)  # its models load at their import
        finding = half_finding("entry-point-half", device, affected,
                               {"entry_point": read.path, "env_value": raw, "env_default": read.env_default},
                               f"gsv-doctor run -- python {read.path}")
        if finding:
            findings.append(finding)
    return findings


def _api_flag_findings(webui: Optional[Verdict], api: Optional[Verdict],
                       devices: List[DeviceAssessment]) -> List[Finding]:
    """api.py launched with -d/-hp that put float16 where config.py would not (api.py -d cpu on a
    GPU machine keeps config.py's is_half=True): only a launch line shows this (preflight, run)."""
    device = _half_trouble(api, devices)
    if device is None:
        return []
    if webui is not None and (webui.device, webui.is_half) == (api.device, api.is_half):
        return []  # config.py's own finding names api.py already
    finding = half_finding("api-flags-half", device, [API], {"device_flag": api.device}, None)
    return [finding] if finding else []


def _tts_findings(facts: ProjectFacts, verdict: Optional[Verdict], devices: List[DeviceAssessment]) -> List[Finding]:
    findings = []
    if facts.tts_infer_error:
        findings.append(Finding("tts-infer-unreadable", Severity.ERROR, PROJECT,
                                params={"error": facts.tts_infer_error}, entry_points=[API_V2],
                                error_text=facts.tts_infer_error))
    if verdict is None or facts.tts_infer is None or not facts.tts_infer.sections:
        return findings
    section = "custom" if "custom" in facts.tts_infer.sections else sorted(facts.tts_infer.sections)[0]
    if verdict.outcome == START:
        findings.append(Finding("tts-infer-unreadable", Severity.ERROR, PROJECT,
                                params={"error": verdict.error_text}, entry_points=[API_V2],
                                error_text=verdict.error_text))
    elif verdict.outcome == DEVICE:
        findings.append(Finding("tts-infer-device-unusable", Severity.ERROR, MEASURED,
                                params={"section": section, "device": verdict.device},
                                entry_points=[API_V2], device=verdict.device, error_text=verdict.error_text,
                                fix_command=FIX_WRITE))
    else:
        device = _half_trouble(verdict, devices)
        finding = half_finding("tts-infer-half", device, [API_V2], {"section": section}, FIX_WRITE) if device else None
        if finding:
            findings.append(finding)
    return findings


def _fix_refuses(facts: ProjectFacts, findings: List[Finding]) -> bool:
    """`gsv-doctor fix` stops with the manual edit, writing nothing, when config.py has a shape it
    does not recognise and either needs an edit or gives values nobody could determine."""
    config = facts.config
    if config is None or config.shape != "unknown" or config.patched:
        return False
    return any(f.id in CONFIG_EDIT_IDS or f.id == "config-values-unknown" for f in findings)


def _tool_findings(facts: ProjectFacts, verdicts: List[Verdict], devices: List[DeviceAssessment],
                   launched: Optional[str]) -> List[Finding]:
    """The export / stream tools: judged as a launch when one is launched (preflight, run); in
    check, one note naming those whose defaults give float16 where it fails or is slow."""
    found, noted = [], []
    for tool in facts.tools:
        device = _half_trouble(_direct(verdicts, tool.path), devices)
        if device is None:
            continue
        if tool.path != launched:
            noted.append(tool.path)
            continue
        if tool.half_switch:
            finding = half_finding("tool-half", device, [tool.path],
                                   {"entry_point": tool.path, "switch": tool.half_switch}, None)
        else:  # no switch: only its own line turns float16 off
            finding = half_finding("tool-lines-half", device, [tool.path],
                                   {"entry_point": tool.path, "line": tool.half_line or "?"}, None)
        if finding:
            found.append(finding)
    if noted:
        found.append(Finding("tool-defaults-half", Severity.INFO, PROJECT, params={"tools": ", ".join(noted)},
                             entry_points=noted))
    return found


def _launch_device_findings(verdicts: List[Verdict], launched: Optional[str]) -> List[Finding]:
    """A launch line that names a device this torch cannot use (api.py -d cuda on a torch without
    CUDA, a tool's --device cuda:1 on a one-card machine): it dies moving its models there."""
    verdict = _direct(verdicts, launched) if launched else None
    if verdict is None or verdict.outcome != DEVICE or verdict.source.key not in COMMAND_LINE_SOURCES:
        return []
    return [Finding("launch-device-unusable", Severity.ERROR, MEASURED,
                    params={"entry_point": launched, "device": verdict.device}, entry_points=[launched],
                    device=verdict.device, error_text=verdict.error_text)]


def findings(facts: ProjectFacts, verdicts: List[Verdict], devices: List[DeviceAssessment],
             report: Optional[Mapping[str, Any]], environ: Mapping[str, str],
             probed_python: Optional[str], launched: Optional[str] = None) -> Tuple[List[Finding], Optional[Effective]]:
    found: List[Finding] = []
    effective = None
    if facts.config_error:
        found.append(Finding("config-unreadable", Severity.ERROR, PROJECT, params={"error": facts.config_error},
                             entry_points=list(CONFIG_ENTRY_POINTS), error_text=facts.config_error))
    if report:
        config_findings, effective = _config_findings(facts, _direct(verdicts, WEBUI), devices, report)
        found += config_findings
        api = _direct(verdicts, API)
        if api is not None and api.outcome == START and not any(f.id == "config-not-executable" for f in found):
            # config.py dies only where webui.py has not set what it reads first (api.py, the UIs)
            api_findings, _ = _config_findings(facts, api, devices, report)
            for finding in api_findings:
                finding.entry_points = [e for e in finding.entry_points if e != WEBUI]
            found += api_findings
        webui = _direct(verdicts, WEBUI)
        if api is not None and webui is not None and (api.device, api.is_half) != (webui.device, webui.is_half) \
                and api.outcome != START:
            for finding in found:  # api.py's command line, not config.py, decides this launch
                finding.entry_points = [e for e in finding.entry_points if e != API]
        found += _api_flag_findings(webui, api, devices)
        found += _env_findings(facts, verdicts, devices, environ.get("is_half"))
        found += _tool_findings(facts, verdicts, devices, launched)
        found += _launch_device_findings(verdicts, launched)
        found += _tts_findings(facts, _direct(verdicts, API_V2), devices)
        if facts.training_fp16 and half_unusable(devices):
            found.append(Finding("training-fp16", Severity.INFO, PROJECT, params={"files": facts.training_fp16}))
        if facts.bundled_python and probed_python and not same_file(facts.bundled_python, probed_python):
            found.append(Finding("bundled-runtime-not-probed", Severity.WARNING, PROJECT,
                                 params={"bundled": facts.bundled_python, "probed": probed_python},
                                 fix_command=f'gsv-doctor check --python "{facts.bundled_python}"'))
    elif facts.tts_infer_error:
        found += _tts_findings(facts, None, devices)
    if _fix_refuses(facts, found):
        for finding in found:
            if finding.fix_command == FIX_WRITE:
                finding.fix_command = None
    return found, effective
