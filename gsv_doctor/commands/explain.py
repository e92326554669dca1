"""gsv-doctor explain: read a log or traceback, say what each known error means, where it
came from, which setting causes it, how to fix it, and whether this machine still hits it."""
from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import click

from gsv_doctor import catalog, envelope, explain as core, families, logread, messages, report, target
from gsv_doctor import project as gsv_project
from gsv_doctor.errors import DoctorError, EXIT_OK
from gsv_doctor.commands.check import lang_option, timeout_option
from gsv_doctor.i18n import pick_language

LABELS = {
    "en": {
        "title": "gsv-doctor explain: {source} ({lines} lines, {encoding})",
        "found": "{n} known error(s) found.",
        "times": "{n} times, first on line {line}",
        "line": "line {line}",
        "means": "What it means",
        "where": "Where",
        "where_origin": "{path} (prints this line)",
        "cause": "Caused by",
        "also": "or",
        "fix": "Fix",
        "then_or": "or",
        "then": "then",
        "this_machine": "This machine",
        "none": "No known error found in {source} ({lines} lines).",
        "last": "Last exception line: {line}",
        "no_exception": "No exception line found either.",
        "report": "For a bug report, run `gsv-doctor check --markdown` and paste its output together with the log.",
        "probe_failed": "Could not probe this machine: {why}",
        "probing": "gsv-doctor: probing torch on this machine ({python})...",
        "prompt": "Paste the log, then press Ctrl-D (on Windows: Ctrl-Z, then Enter):",
        "symptom": "(reported symptom: {name})",
        "now": "[now: {value}]",
        "unset": "not set",
        "project": "Project (from the log): {name}",
        "assumed": "Assumed",
        "note": "Note",
    },
    "zh": {
        "title": "gsv-doctor explain：{source}（{lines} 行，{encoding}）",
        "found": "发现 {n} 个已知错误。",
        "times": "共 {n} 次，首次在第 {line} 行",
        "line": "第 {line} 行",
        "means": "含义",
        "where": "出错位置",
        "where_origin": "{path}（打印这一行的文件）",
        "cause": "相关设置",
        "also": "或",
        "fix": "修复",
        "then_or": "或",
        "then": "然后",
        "this_machine": "本机情况",
        "none": "在 {source}（{lines} 行）中没有找到已知错误。",
        "last": "最后一个异常行：{line}",
        "no_exception": "也没有找到异常行。",
        "report": "如需提交 bug 报告，请运行 `gsv-doctor check --markdown`，把输出和日志一起贴上。",
        "probe_failed": "无法探测本机：{why}",
        "probing": "gsv-doctor：正在探测本机的 torch（{python}）……",
        "prompt": "请粘贴日志，然后按 Ctrl-D（Windows 上按 Ctrl-Z 再回车）：",
        "symptom": "（用户报告的现象：{name}）",
        "now": "［当前：{value}］",
        "unset": "未设置",
        "project": "项目（据日志判断）：{name}",
        "assumed": "推断",
        "note": "注意",
    },
}


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _colour(enabled: bool):
    def paint(text: str, style: str) -> str:
        """style: "bold", or a colour name with an optional "+bold" (click's names)."""
        if not enabled or not text:
            return text
        colour, _, bold = style.partition("+")
        return click.style(text, fg=None if colour == "bold" else colour, bold=bool(bold) or colour == "bold")

    return paint


def render_text(explanations: List[core.Explanation], lang: str, source: str, log: Optional[logread.Log],
                probe_note: Optional[str], colour: bool = False) -> str:
    text = LABELS[lang]
    paint = _colour(colour)
    out: List[str] = []
    if log is not None:
        out.append(paint(text["title"].format(source=source, lines=log.line_count, encoding=log.encoding), "bold"))
    if probe_note:
        out.append(paint(probe_note, "yellow"))
    if not explanations:
        out.append(text["none"].format(source=source, lines=log.line_count if log else 0))
        last = log.last_exception() if log else None
        out.append(text["last"].format(line=last) if last else text["no_exception"])
        out.append(text["report"])
        return "\n".join(out) + "\n"
    out.append(text["found"].format(n=len(explanations)))
    project = core.project_json(explanations[0].project)
    if project and log is not None:
        out.append(text["project"].format(name=project["name"]))
    width = max(_width(text[k]) for k in ("means", "where", "cause", "fix", "this_machine", "assumed", "note")) + 2
    indent = " " * (width + 3)

    def row(label: str, value: str) -> None:
        head = text[label] + ":"
        out.append("   " + paint(head + " " * (width - _width(head)), "bold") + value)

    for number, explanation in enumerate(explanations, 1):
        out.append("")
        if explanation.line:
            where_in_log = (text["times"].format(n=explanation.count, line=explanation.line) if explanation.count > 1
                            else text["line"].format(line=explanation.line))
            out.append("%d. %s  [%s, %s]" % (number, paint(explanation.message, "red+bold"), explanation.id, where_in_log))
        else:
            out.append("%d. %s  [%s]" % (number, text["symptom"].format(name=explanation.id), explanation.id))
        if explanation.assumed:
            row("assumed", core.assumed_text(explanation, lang))
        row("means", core.meaning(explanation, lang))
        location = explanation.location
        if location is not None:
            if location.line:
                where = "%s:%d" % (location.path, location.line)
                if location.function:
                    where += " in %s" % location.function
                row("where", where)
                if location.code:
                    out.append(indent + paint(location.code, "bright_black"))
            else:
                row("where", text["where_origin"].format(path=location.path))
        settings = [catalog.SETTINGS[s][lang] + _now(explanation.now.get(s), text, paint) for s in explanation.settings]
        if settings:
            row("cause", settings[0])
            for other in settings[1:]:
                out.append(indent + text["also"] + ": " + other)
        alternatives = core.fix_alternatives(explanation.fix_commands)
        if alternatives:
            for number_of, steps in enumerate(alternatives):
                for step, command in enumerate(steps):
                    if number_of == 0 and step == 0:
                        row("fix", paint(command, "green+bold"))
                    else:
                        label = text["then"] if step else text["then_or"]
                        out.append(indent + label + ": " + paint(command, "green"))
            out.append(indent + core.manual(explanation, lang))
        else:
            row("fix", core.manual(explanation, lang))
        for note in core.notes(explanation, lang):
            row("note", paint(note, "yellow"))
        if explanation.machine is not None:
            status_colour = {core.STILL: "red", core.FIXED: "green"}.get(explanation.machine.status, "yellow")
            row("this_machine", paint(core.machine_text(explanation.machine, lang), status_colour))
    return "\n".join(out) + "\n"


def _now(value: Optional[str], text: Dict[str, str], paint) -> str:
    if value is None:
        return ""
    shown = text["unset"] if value == core.UNSET else value
    return " " + paint(text["now"].format(value=shown), "cyan")


def _located(project: Optional[str]) -> Tuple[Optional[str], Optional[str]]:
    """(root, family name) of --project or of the folder explain runs in; (None, None) outside one."""
    found = gsv_project.locate_project(project)
    return (found.root, found.family) if found is not None else (None, None)


def _read(file: Optional[str], symptom: Optional[str], lang: str) -> Optional[tuple]:
    if file is None and symptom:
        return None
    if file is None and sys.stdin is not None and sys.stdin.isatty():
        click.echo(LABELS[lang]["prompt"], err=True)
    data, name, cut = logread.read_source_capped(file)
    if logread.looks_binary(data):
        raise DoctorError.of("explain.not-text", name=name)
    if cut:
        kept_end = name == "<stdin>" or os.path.isfile(str(name))
        click.echo(messages.line("explain.cut-end" if kept_end else "explain.cut-start", lang, name=name,
                                 mb=logread.MAX_LOG_BYTES // 2 ** 20), err=True)
    if not data.strip() and not symptom:
        raise DoctorError.of("explain.empty", name=name)
    return data, name


def _probe(python: Optional[str], project_root: Optional[str], timeout: float, lang: str):
    """(report, config, note): the probe of this machine, or why there is none."""
    if sys.stderr is not None and sys.stderr.isatty():
        click.echo(LABELS[lang]["probing"].format(python=python or sys.executable), err=True)
    result = target.run(python, project_root, timeout=timeout)
    target.require_python(result)  # not a Python at all is bad input (exit 2), as for check
    if result.report is None:
        why = messages.line("why.timed-out", lang, seconds="%g" % timeout) if result.timed_out else (
            result.stderr_tail.splitlines()[-1] if result.stderr_tail else messages.line("why.exit-code", lang,
                                                                                 code=result.returncode))
        return None, None, LABELS[lang]["probe_failed"].format(why=why)
    if result.report.torch is None:
        return None, None, LABELS[lang]["probe_failed"].format(why=result.report.error)
    config = result.config if result.config and not result.config.get("error") else None
    return result.report, config, None


@click.command()
@click.argument("file", required=False, metavar="[FILE|-]")
@click.option("--project", metavar="DIR")
@click.option("--python", "python", metavar="PATH")
@click.option("--no-probe", is_flag=True)
@click.option("--symptom", type=click.Choice(sorted(catalog.SYMPTOMS)))
@click.option("--json", "as_json", is_flag=True)
@lang_option
@timeout_option
def explain(file, project, python, no_probe, symptom, as_json, lang, timeout) -> int:
    """Explain the errors in a log of GPT-SoVITS, RVC or a cousin (a file, or - for standard input)."""
    lang = pick_language(lang)
    project_root, family = _located(project)
    read = _read(file, symptom, lang)
    log = None
    source = "-"
    explanations: List[core.Explanation] = []
    if read is not None:
        data, source = read
        log = logread.read_log(data)
        explanations = core.explain_log(log, project_root, project_hint=family, project_given=project is not None)
    if symptom:
        explanations.append(core.symptom(symptom, core.log_project(log, family, project is not None)))

    probe_info: Dict[str, Any] = {"ran": False}
    note = None
    facts = gsv_project.read(Path(project_root)) if project_root and explanations else None
    config = None
    if explanations and not no_probe:
        # the probe runs the folder's config.py only as the family that says it is its (is_half, infer_device)
        probe_root = project_root if families.probe_runs_config(family) else None
        machine, config, note = _probe(python, probe_root, timeout, lang)
        # the folder's config.py speaks for its own program's logs only (an RVC log explained in a GPT-SoVITS folder)
        core.add_machine_verdicts([e for e in explanations if e.project == family], machine, config)
        core.add_machine_verdicts([e for e in explanations if e.project != family], machine, None)
        probe_info = {"ran": machine is not None, "error": note,
                      "torch": machine.torch_version if machine else None,
                      "python": machine.executable if machine else None,
                      "config": config}
    core.add_current_settings(explanations, families.settings_now(family, facts, config, os.environ))
    code = core.exit_code(explanations) if explanations else EXIT_OK

    if as_json:
        document = core.to_json(
            explanations, lang, source=source,
            encoding=log.encoding if log else None, lines=log.line_count if log else 0,
            nothing_matched=not explanations,
            last_exception=(log.last_exception() if log and not explanations else None),
            probe=probe_info, exit_code=code,
        )
        document = envelope.envelope("explain", lang, code, document)
        click.echo(report.safe_text(envelope.dumps(document), sys.stdout))
        return code
    colour = report.use_colour()
    text = render_text(explanations, lang, source, log, note, colour)
    click.echo(report.safe_text(text, sys.stdout), nl=False, color=colour)
    return code
