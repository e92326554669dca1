"""gsv-doctor hook install / status / uninstall: the runtime hook in the target Python."""
from __future__ import annotations

import os
import re
import sys
from typing import Optional

import click

from gsv_doctor import envelope, hookinstall, report
from gsv_doctor.commands.check import lang_option
from gsv_doctor.errors import DoctorError
from gsv_doctor.i18n import pick_language
from gsv_doctor.messages import line

python_option = click.option("--python", "python", metavar="PATH")


def _echo(text: str) -> None:
    click.echo(report.safe_text(text, sys.stdout))


@click.group()
def hook() -> None:
    """Make float16 models run on the CPU (in float32) without editing the program."""


@hook.command()
@python_option
@lang_option
def install(python, lang) -> int:
    """Put the hook into that Python's site-packages (active at its next start)."""
    lang = pick_language(lang)
    _require_torch(python)
    state = hookinstall.install(python)
    location = state.location
    _echo(line("hook.installed", lang, purelib=location.purelib, version=location.version, python=location.python))
    for path in state.files:
        _echo(f"  {path}")
    if state.backups:
        _echo(line("hook.moved-aside", lang, paths=", ".join(state.backups)))
    _echo(line("hook.how-it-works", lang))
    return 0


TORCH_FLOOR = (1, 13)  # the oldest torch the hook is tested on (setup.cfg: torch>=1.13)


def torch_too_old(version: Optional[str]) -> bool:
    """Is `version` (torch's own string: "2.0.1+cu118", "1.13.0a0") older than TORCH_FLOOR?
    Only the release numbers count, so Debian's "1.13.0a0" is 1.13; an unreadable one is not refused."""
    from packaging.version import InvalidVersion, Version

    try:
        return Version(version or "").release[:2] < TORCH_FLOOR
    except InvalidVersion:
        return False


def _require_torch(python: Optional[str]) -> None:
    """A Python without torch is the wrong one: the hook would never act there."""
    from gsv_doctor import probecache

    identity = probecache.identify(python)  # asks where torch is; does not import it
    if identity.torch_dir is None:
        raise DoctorError.of("hook.no-torch", python=identity.python, error="No module named 'torch'")
    if torch_too_old(identity.torch_version):
        raise DoctorError.of("hook.old-torch", python=identity.python, version=identity.torch_version,
                             floor=".".join(map(str, TORCH_FLOOR)))


@hook.command()
@python_option
@click.option("--json", "as_json", is_flag=True)
@lang_option
def status(python, as_json, lang) -> int:
    """Where the hook is installed and what it patches once torch is imported."""
    lang = pick_language(lang)
    state = hookinstall.status(python)
    if not _is_this_python(state.location):
        state.in_this_process = None  # this process says nothing about another Python
    if as_json:
        click.echo(envelope.dumps(envelope.envelope("hook status", lang, 0, state.to_dict())))
        return 0
    _echo(render_status(state, lang))
    return 0


def _is_this_python(location: hookinstall.Location) -> bool:
    def norm(path: str) -> str:
        return os.path.normcase(os.path.abspath(path))

    return norm(location.executable) == norm(sys.executable)


def render_status(state: hookinstall.HookState, lang: str = "en") -> str:
    location = state.location
    where = {"purelib": location.purelib, "version": location.version, "python": location.python}
    lines = []
    if state.installed:
        lines.append(line("hook.status-installed" if state.current else "hook.status-modified", lang, **where))
    else:
        lines.append(line("hook.status-not-installed", lang, **where))
    for path in state.foreign:
        lines.append(line("hook.foreign", lang, path=path))
    for path in state.backups:
        lines.append(line("hook.backup", lang, path=path))
    target = state.in_target
    if target is not None:
        if target.get("torch") is None:
            lines.append(line("hook.target-no-torch", lang, error=target.get("error")))
        elif not target.get("status") or not target["status"].get("active"):
            said = target.get("hook_messages") or []
            if said:  # the target's own words: a module that fails at import never gets to status()
                lines.append(line("hook.not-active-printed", lang, torch=target["torch"]))
                lines.extend("  " + text for text in said)
            else:
                why = (target.get("status") or {}).get("error") or (
                    "GSV_DOCTOR_HOOK=0" if state.disabled_by_env else line("hook.not-loaded", lang))
                lines.append(line("hook.not-active", lang, torch=target["torch"], why=why))
        else:
            info = target["status"]
            lines.append(line("hook.active", lang, torch=target["torch"], count=len(info["ops"]),
                              reason=reason_text(info.get("reason"), lang)))
            lines.append("  " + ", ".join(short_name(op) for op in info["ops"]))
    if state.in_this_process:
        lines.append(line("hook.this-process-active" if state.in_this_process["active"] else "hook.this-process-loaded",
                          lang))
    if state.disabled_by_env:
        lines.append(line("hook.disabled-here", lang))
    return "\n".join(lines)


# What the hook says it patches (it runs in the target Python, with the standard library only,
# so it speaks English): its known sentences, as keys of messages.LINES.
HOOK_REASONS = (
    (r"the catalog and every float16 module \(no op scan\)", "hook.reason-no-scan"),
    (r"the catalog and every float16 module \(op scan failed\)", "hook.reason-scan-failed"),
    (r"the catalog, every float16 module, and (?P<count>\d+) ops this torch's scan found", "hook.reason-scan"),
    (r"the catalog and every float16 module", "hook.reason-catalog"),
)


def reason_text(reason: Optional[str], lang: str) -> str:
    """The hook's reason in `lang`; one from another gsv-doctor version as it said it."""
    for pattern, key in HOOK_REASONS:
        found = re.fullmatch(pattern, reason or "")
        if found:
            return line(key, lang, **found.groupdict())
    return reason or "?"


def short_name(op: str) -> str:
    for long, short in (("torch.nn.functional.", "F."), ("torch.Tensor.", "Tensor.")):
        if op.startswith(long):
            return short + op[len(long):]
    return op


@hook.command()
@python_option
@lang_option
def uninstall(python, lang) -> int:
    """Remove exactly what `hook install` wrote (and put back what it moved aside)."""
    lang = pick_language(lang)
    touched = hookinstall.uninstall(python)
    if not touched:
        _echo(line("hook.nothing-to-uninstall", lang))
        return 0
    _echo(line("hook.removed", lang))
    for path in touched:
        _echo(f"  {path}")
    return 0
