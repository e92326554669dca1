"""gsv-doctor fix: diagnose, plan the edits the findings call for, show them, write on --write."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import click

from gsv_doctor import edits, envelope, fixmessages, fixplan, report
from gsv_doctor import project as project_module
from gsv_doctor.checkup import run_checkup
from gsv_doctor.commands.check import lang_option, project_option, python_option, timeout_option
from gsv_doctor.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gsv_doctor.fixmessages import FixError
from gsv_doctor.i18n import pick_language

SCHEMA = "gsv-doctor/fix"
SCHEMA_VERSION = 1


def _root(project: Optional[str]) -> Path:
    root = project_module.locate(project)
    if root is None:
        raise FixError("error.no-project")
    return root


def _closing(plan: fixplan.FixPlan, mode: str) -> str:
    """The code of the last line: what the user does next."""
    if not plan.edits:
        fixed = any(n.id == "already-fixed" for n in plan.notes)
        return "out.nothing-already-fixed" if fixed else "out.nothing"
    return "out.dry-run" if mode == "dry-run" else "out.done"


def _undone_code(item: edits.UndoResult) -> str:
    if item.status == "missing-backup":
        return "out.missing-backup"
    return "out.restored-forced" if item.forced else "out.restored"


def _undone_text(item: edits.UndoResult, lang: str) -> str:
    params = {"path": item.path, "backup": item.backup, "saved": item.saved}
    lines = [fixmessages.text(_undone_code(item), lang, params)]
    if item.status == "missing-backup":
        lines.append(fixmessages.text("out.missing-backup.hint", lang, params))
    lines += [fixmessages.text("out.dropped", lang, {"backup": old}) for old in item.dropped]
    return "\n".join(lines)


def _envelope(mode: str, root: Path, plan: Optional[fixplan.FixPlan], statuses: Dict[str, str],
              undone: List[edits.UndoResult], code: int, lang: str) -> Dict[str, Any]:
    if plan is not None:
        closing, closing_params = _closing(plan, mode), {}
    else:
        count = sum(u.status == "restored" for u in undone)
        closing, closing_params = ("out.undone", {"count": count}) if undone else ("out.nothing-to-undo", {})
    return envelope.envelope("fix", lang, code, {
        "schema": SCHEMA, "schema_version": SCHEMA_VERSION, "mode": mode, "language": lang, "project": str(root),
        "edits": [{"path": e.path, "kind": e.kind,
                   "reasons": [fixmessages.text(r.code, lang, r.params) for r in e.reasons],
                   "changes": [{"code": r.code, "params": r.params, "text": fixmessages.text(r.code, lang, r.params)}
                               for r in e.reasons],
                   "diff": edits.unified_diff(e, root), "status": statuses.get(e.path, "planned")}
                  for e in (plan.edits if plan else [])],
        "notes": [{"id": n.id, "params": n.params, "text": fixmessages.text(f"note.{n.id}", lang, n.params),
                   "command": n.command, "severity": n.severity}
                  for n in (plan.notes if plan else [])],
        "answered": plan.answered if plan else [],
        "undone": [{"path": u.path, "status": u.status, "backup": u.backup, "saved": u.saved, "forced": u.forced,
                    "dropped": u.dropped, "text": _undone_text(u, lang)}
                   for u in undone],
        "message": {"code": closing, "params": closing_params, "text": fixmessages.text(closing, lang, closing_params)},
        "exit_code": code,
    })


def _render_plan(plan: fixplan.FixPlan, root: Path, mode: str, results: List[edits.WriteResult], lang: str) -> str:
    out = []
    written = {r.path: r for r in results}
    for edit in plan.edits:
        out.append(edits.unified_diff(edit, root))
        for reason in edit.reasons:
            out.append(f"  - {fixmessages.text(reason.code, lang, reason.params)}\n")
        result = written.get(str(Path(edit.path).resolve())) or written.get(edit.path)
        if result and result.status == "written":
            kept = "out.written-backup-saved" if result.backup_created else "out.written-backup-kept"
            out.append(f"  {fixmessages.text(kept, lang, {'backup': result.backup})}\n")
        out.append("\n")
    for note in plan.notes:
        mark = "!" if note.severity == "error" else "*"
        out.append(f"{mark} {fixmessages.text(f'note.{note.id}', lang, note.params)}\n")
    out.append(fixmessages.text(_closing(plan, mode), lang) + "\n")
    return "".join(out)


def _echo(text: str, nl: bool = True) -> None:
    click.echo(report.safe_text(text, sys.stdout), nl=nl)


@click.command()
@project_option
@python_option
@click.option("--write", is_flag=True)
@click.option("--yes", "-y", is_flag=True)
@click.option("--pin", is_flag=True)
@click.option("--all-sections", is_flag=True)
@click.option("--undo", is_flag=True)
@click.option("--force", is_flag=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--probe-json", metavar="FILE")
@timeout_option
@lang_option
def fix(project, python, write, yes, pin, all_sections, undo, force, as_json, probe_json, timeout, lang) -> int:
    """Fix is_half / infer_device in config.py and tts_infer.yaml for this machine (dry run by default)."""
    lang = pick_language(lang)
    if force and not undo:
        raise click.UsageError(fixmessages.text("usage.force-without-undo", lang))
    if undo and (write or pin or all_sections or probe_json):
        raise click.UsageError(fixmessages.text("usage.undo-with-options", lang))
    # A FixError speaks every language: the one error handler renders it (text, or JSON with --json).
    if undo:
        return _undo(project, force, as_json, lang)
    return _fix(project, python, write, yes, pin, all_sections, as_json, probe_json, timeout, lang)


def _undo(project, force, as_json, lang) -> int:
    root = _root(project)
    with edits.lock(root):
        undone = edits.undo(root, force)
    code = EXIT_USAGE if any(u.status == "missing-backup" for u in undone) else EXIT_OK
    if as_json:
        click.echo(json.dumps(_envelope("undo", root, None, {}, undone, code, lang), indent=2, ensure_ascii=False))
    elif not undone:
        _echo(fixmessages.text("out.nothing-to-undo", lang))
    else:
        for item in undone:
            _echo(_undone_text(item, lang))
    return code


def _fix(project, python, write, yes, pin, all_sections, as_json, probe_json, timeout, lang) -> int:
    root = _root(project)
    mode = "write" if write else "dry-run"
    results: List[edits.WriteResult] = []
    with (edits.lock(root) if write else contextlib.nullcontext()):
        checkup = run_checkup(str(root), python, timeout, probe_json)
        facts = checkup.project
        effective = checkup.diagnosis.effective
        known = effective is None or (effective.source != "unknown" and effective.is_half is not None) \
            or effective.error is not None
        plan = checkup.project_info.module.plan_fix(checkup.findings, facts, pin=pin, all_sections=all_sections,
                                                    config_values_known=known)
        if write and plan.edits:
            if not yes and not as_json and sys.stdin.isatty():
                for edit in plan.edits:
                    _echo(edits.unified_diff(edit, root))
                if not click.confirm(report.safe_text(fixmessages.text("out.confirm", lang), sys.stdout),
                                     default=False):
                    _echo(fixmessages.text("out.not-written", lang))
                    return EXIT_FINDINGS
            results = edits.apply(plan.edits, root)

    pending = bool(plan.edits) and not write
    code = EXIT_FINDINGS if (pending or plan.unresolved_errors) else EXIT_OK
    if as_json:
        statuses = {}
        for edit, result in zip(plan.edits, results):
            statuses[edit.path] = result.status
        click.echo(json.dumps(_envelope(mode, root, plan, statuses, [], code, lang), indent=2, ensure_ascii=False))
    else:
        _echo(_render_plan(plan, root, mode, results, lang), nl=False)
    return code
