"""Render a checkup as terminal text, a versioned JSON document, or Markdown for a bug report."""
from __future__ import annotations

import os
import sys
import unicodedata
from typing import Any, Dict, List, Optional

from gsv_doctor import __version__, messages, probe
from gsv_doctor.checkup import Checkup
from gsv_doctor.diagnose import MODEL_OPS, RULE, DeviceAssessment, Verdict
from gsv_doctor.findings import Finding, Severity, exit_code

CHECK_SCHEMA = "gsv-doctor/check"
CHECK_SCHEMA_VERSION = 1
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def use_colour(stream: Any = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    stream = sys.stdout if stream is None else stream
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _paint(text: str, colour: Optional[str], enabled: bool, bold: bool = False) -> str:
    if not enabled or not colour:
        return text
    import click

    return click.style(text, fg=colour, bold=bold)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def texts(finding: Finding, lang: str) -> Dict[str, str]:
    return messages.finding_texts(finding.id, finding.params, lang, finding.source)


def summary(findings: List[Finding]) -> Dict[str, int]:
    return {
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "infos": sum(f.severity is Severity.INFO for f in findings),
    }


def dtype_cell(device: Dict[str, Any], assessment: DeviceAssessment, dtype: str, lang: str) -> str:
    """One cell of the devices table: ok / FAILS / NaN, with the speed against float32."""
    ops = (device.get("ops") or {}).get(dtype) or {}
    if not ops:
        return messages.label("unknown", lang)
    statuses = {op: ops[op]["status"] for op in MODEL_OPS if op in ops}
    failing = [op for op, status in statuses.items() if status in (probe.NOT_IMPLEMENTED, probe.ERROR)]
    if failing:
        return f"{messages.label('crash', lang)} ({len(failing)}/{len(statuses)})"
    if any(status == probe.NAN for status in statuses.values()):
        return messages.label("nan", lang)
    if any(status == probe.WRONG for status in statuses.values()):
        return messages.label("wrong", lang)
    if dtype == "float16" and assessment.half_source == RULE:
        return f"{messages.label('nan', lang)} ({messages.label('by_rule', lang)})"
    cell = messages.label("ok", lang)
    ratio = ((device.get("speed") or {}).get(dtype) or {}).get("vs_float32")
    if ratio is not None and dtype != "float32":
        cell += f" {ratio:.1f}x"
    return cell


def _header(checkup: Checkup) -> str:
    report = checkup.report or {}
    python = report.get("python") or {}
    torch_info = report.get("torch") or {}
    build = "CUDA " + torch_info["cuda"] if torch_info.get("cuda") else (
        "ROCm " + torch_info["hip"] if torch_info.get("hip") else "CPU build")
    parts = [f"gsv-doctor {__version__}"]
    if python:
        parts.append(f"Python {python.get('version')}")
    if torch_info:
        parts.append(f"torch {torch_info.get('version')} ({build})")
    if checkup.probe_run is not None:
        parts.append(f"{checkup.probe_run.python} ({checkup.probe_run.elapsed_s:.1f} s)")
    elif report:
        parts.append("from a saved probe")
    return " | ".join(parts)


def _device_lines(checkup: Checkup, lang: str) -> List[str]:
    report = checkup.report or {}
    rows = [["", "float32", "float16", "bfloat16"]]
    for device, assessment in zip(report.get("devices") or [], checkup.diagnosis.devices):
        name = f"{device['id']}  {device.get('name') or ''}".strip()
        if device.get("capability"):
            name += f" (sm {device['capability'][0]}.{device['capability'][1]}, {device.get('total_memory_gb')} GB)"
        rows.append([name] + [dtype_cell(device, assessment, dtype, lang) for dtype in probe.DTYPES])
    widths = [max(_width(row[i]) for row in rows) + 2 for i in range(4)]
    return ["  " + "".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]


def _project_lines(checkup: Checkup, lang: str) -> List[str]:
    facts = checkup.project
    if facts is None:
        return []
    label = messages.label
    lines = [f"{label('project', lang)}  {facts.root}"]
    effective = checkup.diagnosis.effective
    if facts.config is not None:
        shown = f"{label('shape', lang)} {facts.config.shape}, {facts.config.encoding}"
        if effective is not None:
            how = messages.PHRASES[lang]["value_source_" + effective.source]
            shown += f"; is_half={effective.is_half}, infer_device={effective.infer_device} ({how})"
        lines.append(f"  config.py        {shown}")
    elif facts.config_error:
        lines.append(f"  config.py        {facts.config_error}")
    if facts.tts_infer is not None and facts.tts_infer.sections:
        section = "custom" if "custom" in facts.tts_infer.sections else sorted(facts.tts_infer.sections)[0]
        values = facts.tts_infer.sections[section]
        lines.append(f"  tts_infer.yaml   {section}: device={values.get('device')}, is_half={values.get('is_half')}")
    elif facts.tts_infer_error:
        lines.append(f"  tts_infer.yaml   {facts.tts_infer_error}")
    else:
        lines.append(f"  tts_infer.yaml   {label('not_found', lang)}")
    env = facts.env_is_half
    lines.append(f"  env is_half      {label('unset', lang) if env is None else repr(env)}")
    return lines


def verdict_text(verdict: Verdict, lang: str) -> str:
    """"fine", "float16 on cpu: crash", "dies at start: ... (config.py:32)" in `lang`."""
    label = messages.label
    text = label("verdict_" + verdict.outcome, lang, device=verdict.device_name or verdict.device,
                 error=verdict.error_text)
    if verdict.where:
        text += f" ({verdict.where})"
    return text


def verdict_lines(verdicts: List[Verdict], lang: str, colour: bool = False) -> List[str]:
    """One line per entry point started directly, its children indented below it."""
    label = messages.label
    rows = []
    for verdict in verdicts:
        if verdict.started_by is not None:
            continue
        rows.append(("  ", verdict))
        rows += [("    > ", child) for child in verdicts if child.started_by == verdict.entry_point]
    width = max([_width(prefix + v.entry_point) for prefix, v in rows] + [0]) + 2
    lines = []
    for prefix, verdict in rows:
        word = verdict_text(verdict, lang)
        colour_name = _COLOURS.get(verdict.severity) if verdict.severity else ("green" if verdict.outcome == "ok" else None)
        how = label("how_" + verdict.how, lang)
        where = label("started_by", lang, parent=verdict.started_by) + "; " if verdict.started_by else ""
        values = f"device={verdict.device}, is_half={verdict.is_half}" if verdict.outcome not in ("start", "unknown") else ""
        detail = f"{where}{verdict.source}" + (f", {values}" if values else "") + f"; {how}"
        lines.append(_pad(prefix + verdict.entry_point, width) + _paint(word, colour_name, colour, True)
                     + f"  ({detail})")
    return lines


def next_step(findings: List[Finding], lang: str) -> str:
    """The one thing to do next: the fix of the worst finding that has one; the edit by hand
    when the worst has none; nothing when there is no error or warning."""
    label = messages.label
    worst = [f for f in findings if f.severity is not Severity.INFO]
    if not worst:
        return label("next_step", lang, step=label("step_none", lang))
    top = worst[0].severity
    commands = [f.fix_command for f in worst if f.severity is top and f.fix_command]
    if commands:
        # `fix --write` answers more findings at once than any run line.
        chosen = "gsv-doctor fix --write" if "gsv-doctor fix --write" in commands else commands[0]
        return label("next_step", lang, step=chosen)
    return label("next_step", lang, step=label("step_by_hand", lang))


def finding_lines(finding: Finding, lang: str, colour: bool = False, brief: bool = False) -> List[str]:
    """A finding as indented lines; `brief` (preflight) keeps title, affects, error and fix."""
    label = messages.label
    words = texts(finding, lang)
    tag = _paint(_pad(label("severity_" + finding.severity.value, lang), 6), _COLOURS[finding.severity], colour, True)
    lines = [f"  {tag} {words['title']}  [{finding.id}]"]
    indent = " " * 9
    if words["why"] and not brief:
        lines.append(indent + words["why"])
    rows = []
    if finding.entry_points:
        rows.append((label("affects", lang), ", ".join(finding.entry_points)))
    error_text = finding.error_text or (label("nan_silent", lang) if finding.params.get("outcome") == "nan" else None)
    if error_text:
        rows.append((label("error", lang), error_text))
    if finding.severity is not Severity.INFO and not brief:
        rows.append((label("found_by", lang), messages.PHRASES[lang]["source_" + finding.source]))
    if finding.fix_command:
        rows.append((label("fix", lang), _paint(finding.fix_command, "green", colour, True)))
    if words["manual"] and finding.severity is not Severity.INFO and not brief:
        rows.append((label("manual", lang), words["manual"]))
    width = max([_width(key) for key, _ in rows] + [0]) + 2
    lines += [indent + _pad(key + ":", width) + value for key, value in rows]
    return lines


def render_text(checkup: Checkup, lang: str, colour: bool = False) -> str:
    label = messages.label
    lines = [_paint(_header(checkup), None, colour), ""]
    if checkup.report and checkup.report.get("devices"):
        lines += [_paint(label("devices", lang), None, colour, True)] + _device_lines(checkup, lang) + [""]
    project_lines = _project_lines(checkup, lang)
    if project_lines:
        lines += [_paint(project_lines[0], None, colour, True)] + project_lines[1:] + [""]
    if checkup.diagnosis.verdicts:
        lines += [_paint(label("entry_points", lang), None, colour, True)]
        lines += verdict_lines(checkup.diagnosis.verdicts, lang, colour) + [""]
    findings = checkup.findings
    counts = summary(findings)
    lines.append(_paint(f"{label('findings', lang)} ({label('summary', lang, **counts)})", None, colour, True))
    for finding in findings:
        lines += finding_lines(finding, lang, colour)
    if not counts["errors"] and not counts["warnings"]:
        lines.append("  " + label("no_findings", lang))
    lines += ["", next_step(findings, lang)]
    return "\n".join(lines) + "\n"


def to_json(checkup: Checkup, lang: str) -> Dict[str, Any]:
    """The `check --json` document. Schema documented in the README; bump the version on change."""
    from gsv_doctor import project as project_module

    findings = []
    for finding in checkup.findings:
        data = finding.to_dict()
        data.update(texts(finding, lang))
        findings.append(data)
    run = checkup.probe_run
    return {
        "schema": CHECK_SCHEMA,
        "schema_version": CHECK_SCHEMA_VERSION,
        "gsv_doctor": __version__,
        "language": lang,
        "exit_code": exit_code(checkup.findings),
        "summary": summary(checkup.findings),
        "probe_run": None if run is None else {
            "python": run.python, "timed_out": run.timed_out, "returncode": run.returncode,
            "elapsed_s": run.elapsed_s, "stderr_tail": run.stderr_tail,
        },
        "probe": checkup.report,
        "project": project_module.to_dict(checkup.project),
        "config_eval": checkup.config_eval,
        "effective": checkup.diagnosis.to_dict()["effective"],
        "family": checkup.project_info.family if checkup.project_info else None,
        "entry_points": checkup.diagnosis.to_dict()["entry_points"],
        "devices": checkup.diagnosis.to_dict()["devices"],
        "findings": findings,
    }


def render_markdown(checkup: Checkup, lang: str) -> str:
    """A block to paste into a GitHub issue: versions, devices, findings."""
    report = checkup.report or {}
    lines = ["<details><summary>gsv-doctor check: " + messages.label("summary", lang, **summary(checkup.findings))
             + "</summary>", "", f"- {_header(checkup)}"]
    cpu = report.get("cpu") or {}
    if cpu:
        lines.append(f"- CPU: {cpu.get('name')} ({', '.join(cpu.get('flags') or []) or 'no extra flags'})")
    lines.append(f"- platform: {(report.get('python') or {}).get('platform')}, CUDA available: "
                 f"{(report.get('cuda') or {}).get('available')}")
    if report.get("devices"):
        lines += ["", "| device | float32 | float16 | bfloat16 |", "|---|---|---|---|"]
        for device, assessment in zip(report["devices"], checkup.diagnosis.devices):
            cells = [dtype_cell(device, assessment, dtype, lang) for dtype in probe.DTYPES]
            lines.append(f"| {device['id']} {device.get('name') or ''} | " + " | ".join(cells) + " |")
    lines += ["", "| severity | finding | error |", "|---|---|---|"]
    for finding in checkup.findings:
        error = (finding.error_text or "").replace("|", "\\|")
        lines.append(f"| {finding.severity.value} | `{finding.id}`: {texts(finding, lang)['title']} | {error} |")
    if not checkup.findings:
        lines.append("| - | " + messages.label("no_findings", lang) + " | |")
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def safe_text(text: str, stream: Any) -> str:
    """Text the stream's encoding can carry (a GBK console cannot print every symbol)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        return text.encode(encoding, "replace").decode(encoding, "replace")

