"""gsv-doctor hook install / status / uninstall: the runtime hook in the target Python."""
from __future__ import annotations

import json

import click

from gsv_doctor import hookinstall

python_option = click.option("--python", "python", metavar="PATH",
                             help="The Python that runs GPT-SoVITS (default: this one).")


@click.group()
def hook() -> None:
    """Make float16 models run on the CPU (in float32) without editing the program."""


@hook.command()
@python_option
def install(python) -> int:
    """Put the hook into that Python's site-packages (active at its next start)."""
    state = hookinstall.install(python)
    location = state.location
    click.echo(f"Installed the gsv-doctor hook into {location.purelib} (Python {location.version}, {location.python}).")
    for path in state.files:
        click.echo(f"  {path}")
    if state.backups:
        click.echo("Moved aside (put back by `gsv-doctor hook uninstall`): " + ", ".join(state.backups))
    click.echo("It patches torch when the program imports it. Off for one run: GSV_DOCTOR_HOOK=0.")
    return 0


@hook.command()
@python_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(python, as_json) -> int:
    """Where the hook is installed and what it patches once torch is imported."""
    state = hookinstall.status(python)
    if as_json:
        click.echo(json.dumps(state.to_dict(), indent=2))
        return 0
    click.echo(render_status(state))
    return 0


def render_status(state: hookinstall.HookState) -> str:
    location = state.location
    lines = []
    if state.installed:
        lines.append(f"Installed in {location.purelib} (Python {location.version}, {location.python})"
                     + ("." if state.current else ", modified or from another gsv-doctor version:"
                        " run `gsv-doctor hook install` again."))
    else:
        lines.append(f"Not installed in {location.purelib} (Python {location.version}, {location.python}).")
    for path in state.foreign:
        lines.append(f"  not ours, left alone: {path}")
    for path in state.backups:
        lines.append(f"  moved aside by install: {path}")
    target = state.in_target
    if target is not None:
        if target.get("torch") is None:
            lines.append(f"That Python cannot import torch ({target.get('error')}).")
        elif not target.get("status") or not target["status"].get("active"):
            said = target.get("hook_messages") or []
            if said:  # the target's own words: a module that fails at import never gets to status()
                lines.append(f"After `import torch` (torch {target['torch']}): NOT active; that Python printed:")
                lines.extend("  " + line for line in said)
            else:
                why = (target.get("status") or {}).get("error") or (
                    "GSV_DOCTOR_HOOK=0" if state.disabled_by_env else "not loaded")
                lines.append(f"After `import torch` (torch {target['torch']}): NOT active ({why}).")
        else:
            info = target["status"]
            lines.append(f"After `import torch` (torch {target['torch']}): active, {len(info['ops'])} ops"
                         f" - {info['reason']}.")
            lines.append("  " + ", ".join(short_name(op) for op in info["ops"]))
    if state.in_this_process:
        lines.append(f"In this process: {'active' if state.in_this_process['active'] else 'loaded, not active'}.")
    if state.disabled_by_env:
        lines.append("GSV_DOCTOR_HOOK=0 is set here: programs started from this shell run without the hook.")
    return "\n".join(lines)


def short_name(op: str) -> str:
    for long, short in (("torch.nn.functional.", "F."), ("torch.Tensor.", "Tensor.")):
        if op.startswith(long):
            return short + op[len(long):]
    return op


@hook.command()
@python_option
def uninstall(python) -> int:
    """Remove exactly what `hook install` wrote (and put back what it moved aside)."""
    touched = hookinstall.uninstall(python)
    if not touched:
        click.echo("The gsv-doctor hook was not installed there; nothing to do.")
        return 0
    click.echo("Removed the gsv-doctor hook:")
    for path in touched:
        click.echo(f"  {path}")
    return 0
