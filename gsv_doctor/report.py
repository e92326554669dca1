"""Render a checkup as terminal text, a versioned JSON document, or Markdown for a bug report."""
from __future__ import annotations

import os
import sys
import unicodedata
from typing import Any, Dict, List, Optional

from gsv_doctor import __version__, i18n, messages, probe, probereport
from gsv_doctor.checkup import Checkup
from gsv_doctor.diagnose import RULE, DeviceAssessment, Verdict
from gsv_doctor.findings import Finding, Severity, exit_code
from gsv_doctor.project import Source

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


def speed_text(ratio: Optional[float], uncertain: bool, lang: str) -> str:
    """"5.7x slower", "1.3x faster" or "about the same"; "~" in front of a figure the rounds
    disagreed on."""
    word = probereport.speed_word(ratio)
    if word is None:
        return ""
    text = messages.label("speed_" + word, lang, times=f"{probereport.times(ratio):.1f}")
    return ("~" if uncertain else "") + text


def dtype_cell(assessment: DeviceAssessment, dtype: str, lang: str) -> str:
    """One cell of the devices table: ok / FAILS (n/m) / NaN, with the speed against float32."""
    judgement = assessment.judgement
    if judgement is None:
        return messages.label("unknown", lang)
    if dtype == "float32":
        if not judgement.device.ops.get("float32"):
            return messages.label("unknown", lang)
        return messages.label("ok", lang) if judgement.runs else messages.label("crash", lang)
    verdict = judgement.dtype(dtype)
    if verdict.outcome == probereport.UNKNOWN:
        return messages.label("unknown", lang)
    if verdict.outcome == probereport.FAILS:
        failing = sum(1 for op in verdict.failing_ops
                      if judgement.device.ops[dtype][op].status in (probe.NOT_IMPLEMENTED, probe.ERROR))
        return f"{messages.label('crash', lang)} ({failing}/{verdict.probed_ops})"
    if verdict.outcome == probereport.NAN:
        return messages.label("wrong" if verdict.wrong else "nan", lang)
    if dtype == "float16" and assessment.half_source == RULE:
        return f"{messages.label('nan', lang)} ({messages.label('by_rule', lang)})"
    speed = speed_text(verdict.ratio, verdict.uncertain, lang)
    return messages.label("ok", lang) + (", " + speed if speed else "")


def legend_lines(assessments: List[DeviceAssessment], lang: str) -> List[str]:
    """What the cells mean: the speed figures, and what the n/m of a FAILS counts."""
    lines = [messages.label("legend_speed", lang, band=f"{(probereport.SAME_BAND - 1) * 100:.0f}")]
    probed = next((a.judgement.dtype(d).probed_ops for a in assessments if a.judgement
                   for d in ("float16", "bfloat16") if a.judgement.dtype(d).outcome == probereport.FAILS), None)
    if probed:
        lines.append(messages.label("legend_fails", lang, total=probed, ops=", ".join(probereport.MODEL_OPS)))
    return lines


def _header(checkup: Checkup, lang: str) -> str:
    report = checkup.report
    parts = [f"gsv-doctor {__version__}"]
    if report is not None and report.python_version:
        parts.append(f"Python {report.python_version}")
    if report is not None and report.torch is not None:
        build = report.torch
        kind = "CUDA " + build.cuda if build.cuda else (
            "ROCm " + build.hip if build.hip else messages.label("header_cpu_build", lang))
        parts.append(f"torch {build.version} ({kind})")
    if checkup.probe_run is not None:
        parts.append(f"{checkup.probe_run.python} ({checkup.probe_run.elapsed_s:.1f} s)")
    elif report is not None:
        parts.append(messages.label("header_saved", lang))
    return " | ".join(parts)


def _device_name(assessment: DeviceAssessment) -> str:
    name = f"{assessment.id}  {assessment.name if assessment.name != assessment.id else ''}".strip()
    if assessment.capability:
        name += f" (sm {assessment.capability}, {assessment.memory_gb} GB)"
    return name


def _device_lines(checkup: Checkup, lang: str) -> List[str]:
    rows = [["", "float32", "float16", "bfloat16"]]
    for assessment in checkup.diagnosis.devices:
        rows.append([_device_name(assessment)] + [dtype_cell(assessment, dtype, lang) for dtype in probe.DTYPES])
    widths = [max(_width(row[i]) for row in rows) + 2 for i in range(4)]
    lines = ["  " + "".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    return lines + ["  " + line for line in legend_lines(checkup.diagnosis.devices, lang)]


def _project_lines(checkup: Checkup, lang: str) -> List[str]:
    """The project's heading, then its family's lines about its files."""
    if checkup.project is None or checkup.project_info is None:
        return []
    lines = [f"{messages.label('project', lang)}  {checkup.project_info.root}"]
    return lines + checkup.project_info.module.file_lines(checkup.project, checkup.diagnosis.effective, lang)


def verdict_text(verdict: Verdict, lang: str) -> str:
    """"fine", "float16 on cpu: crash", "dies at start: ... (config.py:32)" in `lang`."""
    label = messages.label
    device = verdict.device if verdict.device == "cpu" else (verdict.device_name or verdict.device)
    text = label("verdict_" + verdict.outcome, lang, device=device, error=verdict.error_text)
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
        detail = f"{where}{messages.source(verdict.source, lang)}" + (f", {values}" if values else "") + f"; {how}"
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


def finding_lines(finding: Finding, lang: str, colour: bool = False, brief: bool = False,
                  manuals_shown: Optional[set] = None) -> List[str]:
    """A finding as indented lines; `brief` (preflight) keeps title, affects, error and the fix
    (the fix by hand only when there is no command).
    `manuals_shown`: the "by hand" texts already printed above, which are not repeated."""
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
    error_text = i18n.say(finding.error_text, lang) or (
        label("nan_silent", lang) if finding.params.get("outcome") == "nan" else None)
    if error_text and error_text not in words["title"]:  # an unreadable file's error is its title
        rows.append((label("error", lang), error_text))
    if finding.severity is not Severity.INFO and not brief:
        rows.append((label("found_by", lang), messages.phrase("source_" + finding.source, lang)))
    if finding.fix_command:
        rows.append((label("fix", lang), _paint(finding.fix_command, "green", colour, True)))
    if words["manual"] and finding.severity is not Severity.INFO and not (brief and finding.fix_command):
        repeated = manuals_shown is not None and words["manual"] in manuals_shown
        rows.append((label("manual", lang), label("manual_same", lang) if repeated else words["manual"]))
        if manuals_shown is not None:
            manuals_shown.add(words["manual"])
    width = max([_width(key) for key, _ in rows] + [0]) + 2
    lines += [indent + _pad(key + ":", width) + value for key, value in rows]
    return lines


def _all_clear(checkup: Checkup) -> str:
    """The label for "nothing wrong": it claims the project's settings only when a project was read."""
    return "no_findings" if checkup.project is not None else "no_project_checked"


def render_text(checkup: Checkup, lang: str, colour: bool = False) -> str:
    label = messages.label
    lines = [_paint(_header(checkup, lang), None, colour), ""]
    if checkup.diagnosis.devices:
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
    manuals_shown: set = set()
    for finding in findings:
        lines += finding_lines(finding, lang, colour, manuals_shown=manuals_shown)
    if not counts["errors"] and not counts["warnings"]:
        lines.append("  " + label(_all_clear(checkup), lang))
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
        "probe": checkup.report.to_dict() if checkup.report is not None else None,
        "project": project_module.to_dict(checkup.project),
        "config_eval": checkup.config_eval,
        "effective": checkup.diagnosis.to_dict()["effective"],
        "family": checkup.project_info.family if checkup.project_info else None,
        "entry_points": [_with_source_text(entry, lang) for entry in checkup.diagnosis.to_dict()["entry_points"]],
        "devices": checkup.diagnosis.to_dict()["devices"],
        "findings": findings,
    }


def _with_source_text(entry: Dict[str, Any], lang: str) -> Dict[str, Any]:
    """An entry point's verdict for JSON: `source` in words, `source_id` and `source_params` for programs."""
    found = entry["source"]
    return dict(entry, source=messages.source(Source(found["key"], found["params"]), lang),
                source_id=found["key"], source_params=found["params"])


def render_markdown(checkup: Checkup, lang: str) -> str:
    """A block to paste into a GitHub issue: versions, devices, findings."""
    report = checkup.report
    label = messages.label
    lines = ["<details><summary>" + label("md_title", lang, summary=label("summary", lang, **summary(checkup.findings)))
             + "</summary>", "", f"- {_header(checkup, lang)}"]
    if report is not None and report.cpu_name:
        flags = ", ".join(report.cpu_flags) or label("md_no_flags", lang)
        lines.append("- " + label("md_cpu", lang, name=report.cpu_name, flags=flags))
    if report is not None:
        lines.append("- " + label("md_platform", lang, platform=report.platform, available=report.cuda_available))
    if checkup.diagnosis.devices:
        lines += ["", label("md_devices", lang), "|---|---|---|---|"]
        for assessment in checkup.diagnosis.devices:
            cells = [dtype_cell(assessment, dtype, lang) for dtype in probe.DTYPES]
            lines.append(f"| {assessment.id} {assessment.name} | " + " | ".join(cells) + " |")
        lines += [""] + legend_lines(checkup.diagnosis.devices, lang)
    lines += ["", label("md_findings", lang), "|---|---|---|"]
    for finding in checkup.findings:
        error = (finding.error_text or "").replace("|", "\\|")
        severity = label("severity_" + finding.severity.value, lang)
        lines.append(f"| {severity} | `{finding.id}`: {texts(finding, lang)['title']} | {error} |")
    if not checkup.findings:
        lines.append("| - | " + label(_all_clear(checkup), lang) + " | |")
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

