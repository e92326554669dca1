"""gsv-doctor fix: diagnose, plan the edits the findings call for, show them, write on --write."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import click

from gsv_doctor import edits, fixplan
from gsv_doctor import project as project_module
from gsv_doctor.checkup import run_checkup
from gsv_doctor.commands.check import project_option, python_option, timeout_option
from gsv_doctor.errors import EXIT_FINDINGS, EXIT_OK, DoctorError
from gsv_doctor.findings import ALL_ENTRY_POINTS

SCHEMA = "gsv-doctor.fix"
SCHEMA_VERSION = 1


def _root(project: Optional[str]) -> Path:
    root = project_module.locate(project)
    if root is None:
        raise DoctorError("no GPT-SoVITS folder here or above (one with config.py and GPT_SoVITS/ side by side).",
                          hint="Run gsv-doctor fix inside your GPT-SoVITS folder, or pass --project DIR.")
    return root


def _refuse_unreadable(checkup) -> None:
    facts = checkup.project
    ids = {f.id for f in checkup.findings}
    if facts.config_error and (ids & set(fixplan.CONFIG_IDS) or "config-unreadable" in ids):
        raise DoctorError(f"config.py cannot be fixed: {facts.config_error}")
    if facts.tts_infer_error:
        raise DoctorError(f"tts_infer.yaml cannot be fixed: {facts.tts_infer_error}")


def _envelope(mode: str, root: Path, plan: Optional[fixplan.FixPlan], statuses: Dict[str, str],
              undone: List[edits.UndoResult], code: int) -> Dict[str, Any]:
    return {
        "schema": SCHEMA, "schema_version": SCHEMA_VERSION, "mode": mode, "project": str(root),
        "edits": [{"path": e.path, "kind": e.kind, "reasons": e.reasons, "diff": edits.unified_diff(e, root),
                   "status": statuses.get(e.path, "planned")} for e in (plan.edits if plan else [])],
        "notes": [{"id": n.id, "text": n.text, "command": n.command, "severity": n.severity}
                  for n in (plan.notes if plan else [])],
        "answered": plan.answered if plan else [],
        "undone": [{"path": u.path, "backup": u.backup, "forced": u.forced} for u in undone],
        "exit_code": code,
    }


def _render_plan(plan: fixplan.FixPlan, root: Path, mode: str, results: List[edits.WriteResult]) -> str:
    out = []
    written = {r.path: r for r in results}
    for edit in plan.edits:
        out.append(edits.unified_diff(edit, root))
        for reason in edit.reasons:
            out.append(f"  - {reason}\n")
        result = written.get(str(Path(edit.path).resolve())) or written.get(edit.path)
        if result and result.status == "written":
            kept = "backup kept in" if not result.backup_created else "backup saved as"
            out.append(f"  written; {kept} {result.backup}\n")
        out.append("\n")
    for note in plan.notes:
        mark = "!" if note.severity == "error" else "*"
        out.append(f"{mark} {note.text}\n")
    if not plan.edits:
        out.append("Nothing to change: config.py and tts_infer.yaml already give this machine working settings.\n"
                   if not any(n.id == "already-fixed" for n in plan.notes)
                   else "Nothing to change: gsv-doctor's fix is already in place.\n")
    elif mode == "dry-run":
        out.append("Dry run: nothing was written. Run `gsv-doctor fix --write` to apply these changes"
                   " (`gsv-doctor fix --undo` takes them back).\n")
    else:
        out.append("Done. Undo with `gsv-doctor fix --undo`.\n")
    return "".join(out)


@click.command()
@project_option
@python_option
@click.option("--write", is_flag=True, help="Apply the changes (default: only show them).")
@click.option("--yes", "-y", is_flag=True, help="Do not ask before writing.")
@click.option("--pin", is_flag=True, help="Write this machine's literal values into config.py instead of the portable guard.")
@click.option("--all-sections", is_flag=True, help="Also fix the other sections of tts_infer.yaml, not only the one in use.")
@click.option("--undo", is_flag=True, help="Restore every file gsv-doctor changed from its backup.")
@click.option("--force", is_flag=True, help="With --undo: restore even files that changed after the fix.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON document instead of text.")
@click.option("--probe-json", metavar="FILE", help="Plan from a probe report saved earlier instead of probing now.")
@timeout_option
def fix(project, python, write, yes, pin, all_sections, undo, force, as_json, probe_json, timeout) -> int:
    """Fix is_half / infer_device in config.py and tts_infer.yaml for this machine (dry run by default)."""
    if force and not undo:
        raise click.UsageError("--force only goes with --undo.")
    if undo and (write or pin or all_sections or probe_json):
        raise click.UsageError("--undo takes no other fix options (only --project, --force, --json).")
    root = _root(project)

    if undo:
        with edits.lock(root):
            undone = edits.undo(root, force)
        if as_json:
            click.echo(json.dumps(_envelope("undo", root, None, {}, undone, EXIT_OK), indent=2, ensure_ascii=False))
        elif not undone:
            click.echo("Nothing to undo: gsv-doctor has not changed any file in this project.")
        else:
            for item in undone:
                extra = " (it had changed since the fix: --force)" if item.forced else ""
                click.echo(f"restored {item.path} from {item.backup}{extra}")
        return EXIT_OK

    mode = "write" if write else "dry-run"
    results: List[edits.WriteResult] = []
    with (edits.lock(root) if write else contextlib.nullcontext()):
        checkup = run_checkup(str(root), python, timeout, probe_json)
        _refuse_unreadable(checkup)
        facts = checkup.project
        present = [entry for entry in ALL_ENTRY_POINTS if (root / entry).is_file()]
        plan = fixplan.plan(checkup.findings, facts.config, facts.tts_infer, pin=pin, all_sections=all_sections,
                            root_files=present)
        if write and plan.edits:
            if not yes and not as_json and sys.stdin.isatty():
                for edit in plan.edits:
                    click.echo(edits.unified_diff(edit, root))
                if not click.confirm("Write these changes?", default=False):
                    click.echo("Nothing was written.")
                    return EXIT_FINDINGS
            results = edits.apply(plan.edits, root)

    pending = bool(plan.edits) and not write
    code = EXIT_FINDINGS if (pending or plan.unresolved_errors) else EXIT_OK
    if as_json:
        statuses = {}
        for edit, result in zip(plan.edits, results):
            statuses[edit.path] = result.status
        click.echo(json.dumps(_envelope(mode, root, plan, statuses, [], code), indent=2, ensure_ascii=False))
    else:
        click.echo(_render_plan(plan, root, mode, results), nl=False)
    return code
