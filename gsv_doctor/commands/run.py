"""gsv-doctor run -- CMD ...: preflight, then CMD with is_half=False (when needed) and the hook."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import click

from gsv_doctor import hook, hookinstall, preflight
from gsv_doctor.commands.check import lang_option, project_option, python_option, timeout_option
from gsv_doctor.commands.preflight import failure_text
from gsv_doctor.errors import EXIT_FINDINGS, DoctorError
from gsv_doctor.i18n import pick_language

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
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    temporary.write_text(text, encoding="ascii")
    os.replace(str(temporary), str(path))


def hook_dir() -> Path:
    """A folder holding the hook module and the sitecustomize that activates it."""
    folder = Path(hook.cache_dir()) / "run-hook"
    folder.mkdir(parents=True, exist_ok=True)
    _write_if_changed(folder / "gsv_doctor_hook.py", hookinstall.module_source())
    _write_if_changed(folder / "sitecustomize.py", SITECUSTOMIZE)
    return folder


def isolated(command: Sequence[str]) -> bool:
    """Does CMD start Python with -I or -E (both ignore PYTHONPATH)?"""
    for arg in command[1:]:
        if not arg.startswith("-") or arg == "-c" or arg == "-m":
            return False
        if arg.startswith("--"):
            continue
        if "I" in arg[1:] or "E" in arg[1:]:
            return True
    return False


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


def child_environment(result: preflight.Preflight, command: Sequence[str]) -> Tuple[Dict[str, str], bool, Optional[str]]:
    """(environment for CMD, whether the hook will be active in it, a warning line or None)."""
    env = dict(os.environ)
    env.update(result.env)
    if env.get(hook.ENV_SWITCH, "1").strip().lower() in ("0", "false", "no", "off"):
        return env, False, None
    env[hook.ENV_SWITCH] = "1"
    if isolated(command):
        if _installed_in(command[0]):
            return env, True, None
        return env, False, (f"gsv-doctor run: {command[0]} runs with -I or -E, which ignore PYTHONPATH, so the hook"
                            f" cannot be started from here; run `gsv-doctor hook install --python {command[0]}` once.")
    env["PYTHONPATH"] = os.pathsep.join([str(hook_dir())] + [p for p in [env.get("PYTHONPATH")] if p])
    return env, True, None


def run_child(command: List[str], env: Dict[str, str]) -> int:
    """Run CMD; forward TERM/HUP to it; Ctrl-C reaches it from the terminal. Exit code as a shell gives it."""
    try:
        child = subprocess.Popen(command, env=env)
    except OSError as error:
        raise DoctorError(f"Could not start {command[0]}: {error.strerror or error}.",
                          "Check the command after `--`.") from None
    forwarded = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {}
    for number in forwarded:
        previous[number] = signal.signal(number, lambda signum, frame: child.send_signal(signum))
    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the child gets the terminal's Ctrl-C itself
    try:
        code = child.wait()
    finally:
        signal.signal(signal.SIGINT, previous_int)
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N, as shells report it


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
    result = preflight.run_preflight(project, python or python_of(command), timeout)
    env, hooked, warning = child_environment(result, command)
    errors = [f for f in result.blocking() if not (hooked and f.id in preflight.HOOK_COVERS)]
    if warning:
        click.echo(warning, err=True)
    if errors:
        hint = "Not started. Fix: gsv-doctor preflight --fix (or gsv-doctor fix --write), then run again."
        click.echo(failure_text(result, errors, lang, hint), err=True)
        return EXIT_FINDINGS
    parts = ["hook active" if hooked else "hook off"]
    if result.env:
        parts.append(", ".join(f"{k}={v}" for k, v in sorted(result.env.items())))
    click.echo(f"gsv-doctor run: {'; '.join(parts)}; starting {' '.join(command)}", err=True)
    sys.stderr.flush()
    return run_child(command, env)
