"""gsv-doctor run -- CMD ...: preflight, then CMD with is_half=False (when needed) and the hook."""
from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import click

from gsv_doctor import atomicfile, children, families, hook, hookinstall, messages, preflight, report
from gsv_doctor.commands.check import lang_option, project_option, python_option, timeout_option
from gsv_doctor.commands.preflight import failure_text
from gsv_doctor.errors import EXIT_FINDINGS, DoctorError
from gsv_doctor.i18n import pick_language
from gsv_doctor.messages import line

# sitecustomize for a child started without -I: activate the hook, then hand over to the
# sitecustomize this one shadows (conda's, a user's), if there is one.
SITECUSTOMIZE = '''\
import os, sys
_here = os.path.dirname(os.path.abspath(__file__))
try:
    import gsv_doctor_hook
    gsv_doctor_hook.activate()
except Exception as _error:
    sys.stderr.write("gsv-doctor hook: not active (%s: %s); running without it.\\n" % (type(_error).__name__, _error))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
_me = sys.modules.pop("sitecustomize")
try:
    import sitecustomize  # noqa: F401  the next one on the path
except ImportError:
    sys.modules["sitecustomize"] = _me  # none: the import of this one must still find itself
'''


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="ascii", errors="replace") == text:
        return
    atomicfile.write_bytes(path, text.encode("ascii"))


def hook_dir() -> Path:
    """A folder holding the hook module and the sitecustomize that activates it."""
    folder = Path(hook.cache_dir()) / "run-hook"
    folder.mkdir(parents=True, exist_ok=True)
    _write_if_changed(folder / "gsv_doctor_hook.py", hookinstall.module_source())
    _write_if_changed(folder / "sitecustomize.py", SITECUSTOMIZE)
    return folder


# Options of the python command line that take a value (-X utf8, -W ignore, ...): the value
# is no option, and ends neither the scan nor counts as flags.
_VALUE_OPTIONS = "XW"
_LONG_VALUE_OPTIONS = ("--check-hash-based-pycs",)


def python_flags(command: Sequence[str]) -> str:
    """The one-letter flags CMD gives Python before its script, -c or -m ("" when CMD is no python)."""
    if not re.match(r"python[0-9.]*w?(\.exe)?$", re.split(r"[\\/]", command[0])[-1].lower()):
        return ""
    flags = ""
    args = list(command[1:])
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg in ("-", "--") or not arg.startswith("-"):
            break
        if arg.startswith("--"):
            if arg in _LONG_VALUE_OPTIONS:
                index += 1
            continue
        letters = arg[1:]
        for position, letter in enumerate(letters):
            if letter in "cm":
                return flags  # the rest is the command or the module
            if letter in _VALUE_OPTIONS:
                if position == len(letters) - 1:
                    index += 1  # the value is the next argument; else it is the rest of this one
                break
            flags += letter
    return flags


def isolated(command: Sequence[str]) -> bool:
    """Does CMD start Python so that PYTHONPATH cannot bring the hook in: -I or -E (both
    ignore PYTHONPATH) or -S (no site module, so no sitecustomize and no .pth either)?"""
    return any(flag in python_flags(command) for flag in "IES")


def python_of(command: Sequence[str]) -> Optional[str]:
    """The interpreter CMD starts, when CMD is a Python: the one to preflight by default."""
    found = shutil.which(command[0])
    if found and re.match(r"python[0-9.]*(\.exe)?$", os.path.basename(found).lower()):
        return found
    return None


def _installed_in(program: str) -> bool:
    python = shutil.which(program) or program  # "python" on PATH as well as runtime\python.exe
    try:
        return hookinstall.status(python, ask_target=False).installed
    except DoctorError:
        return False


def child_environment(result: preflight.Preflight, command: Sequence[str],
                      lang: str = "en") -> Tuple[Dict[str, str], bool, Optional[str]]:
    """(environment for CMD, whether the hook will be active in it, a warning line or None)."""
    env = dict(os.environ)
    env.update(result.env)
    if env.get(hook.ENV_SWITCH, "1").strip().lower() in ("0", "false", "no", "off"):
        return env, False, None
    env[hook.ENV_SWITCH] = "1"
    if "S" in python_flags(command):
        return env, False, line("run.no-site", lang, program=command[0])
    if isolated(command):
        if _installed_in(command[0]):
            return env, True, None
        return env, False, line("run.isolated", lang, program=command[0])
    env["PYTHONPATH"] = os.pathsep.join([str(hook_dir())] + [p for p in [env.get("PYTHONPATH")] if p])
    return env, True, None


def run_child(command: List[str], env: Dict[str, str]) -> int:
    """Run CMD in its own session; Ctrl-C, TERM and HUP go to it. Exit code as a shell gives it."""
    code = children.run_child(command, env)
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N, as shells report it


def fix_advice(errors, lang: str) -> str:
    """The fixes that answer these errors (never `run` itself: that is what refused)."""
    commands = []
    for finding in errors:
        command = finding.fix_command
        if command and not command.startswith("gsv-doctor run") and command not in commands:
            commands.append(command)
    return " / ".join(commands) if commands else messages.label("step_by_hand", lang).rstrip(".。")


@click.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@project_option
@python_option
@timeout_option
@lang_option
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def run(project, python, timeout, lang, command) -> int:
    """Preflight, then run COMMAND with the hook active and is_half=False where float16 cannot work.

    When COMMAND starts a Python, that Python is the one checked (unless --python says otherwise).
    Example: gsv-doctor run -- python webui.py zh_CN
    """
    lang = pick_language(lang)
    command = list(command)
    if command[0].startswith("-"):  # an option run does not have, e.g. --json: not a program to start
        raise click.NoSuchOption(command[0], ctx=click.get_current_context())
    result = preflight.run_preflight(project, python or python_of(command), timeout, command=command)
    env, hooked, warning = child_environment(result, command, lang)
    errors = [f for f in result.blocking() if not (hooked and f.id in families.hook_covers())]
    if warning:
        click.echo(report.safe_text(warning, sys.stderr), err=True)
    if errors:
        hint = messages.label("run_not_started", lang, fix=fix_advice(errors, lang))
        click.echo(report.safe_text(failure_text(result, errors, lang, hint), sys.stderr),
                   err=True)
        return EXIT_FINDINGS
    parts = [line("run.hook-active" if hooked else "run.hook-off", lang)]
    if result.env:
        parts.append(", ".join(f"{k}={v}" for k, v in sorted(result.env.items())))
    click.echo(report.safe_text(line("run.starting", lang, parts="; ".join(parts), command=" ".join(command)),
                                sys.stderr), err=True)
    sys.stderr.flush()
    return run_child(command, env)
