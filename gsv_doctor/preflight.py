"""Pre-launch check for start scripts: will this launch crash or give silent audio?

Fast on purpose: with a cached probe report for this interpreter, torch build and set of
visible devices it reads the project's files statically and never imports torch (neither
here nor in a child). Without one it probes once (torch imports in a child) and caches.
config.py is read, never executed, so a warm and a cold run judge alike.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from gsv_doctor import diagnose as diagnose_module
from gsv_doctor import probecache, probereport, target
from gsv_doctor import project as project_module
from gsv_doctor.diagnose import Diagnosis, diagnose
from gsv_doctor.errors import EXIT_FINDINGS, EXIT_OK, DoctorError
from gsv_doctor.findings import Finding, Severity
from gsv_doctor.project import Project



def affects(finding: Finding, entry: Optional[str]) -> bool:
    """Does a finding concern the launch of `entry` (None: any launch)? Findings about the
    machine name no entry point and concern every launch."""
    return entry is None or not finding.entry_points or entry in finding.entry_points


@dataclass
class Preflight:
    identity: probecache.Identity
    cached: bool  # the probe report came from the cache (torch was not imported)
    report: probereport.ProbeReport
    project: Optional[Any]  # the family's facts
    diagnosis: Diagnosis  # as things are now
    env: Dict[str, str] = field(default_factory=dict)  # what child processes should get
    elapsed_s: float = 0.0
    entry: Optional[str] = None  # the entry point being launched (None: not known)
    launch: Optional[Diagnosis] = None  # the diagnosis with `env` exported, as the launch gets it
    project_info: Optional[Project] = None

    @property
    def findings(self) -> List[Finding]:
        return [f for f in (self.launch or self.diagnosis).findings if affects(f, self.entry)]

    def errors(self, covered: tuple = ()) -> List[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR and f.id not in covered]

    def blocking(self) -> List[Finding]:
        """Errors this launch would hit, with `env` exported (start scripts evaluate --env;
        `gsv-doctor run` exports it itself)."""
        return self.errors()

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if self.blocking() else EXIT_OK


def half_unusable(diagnosis: Diagnosis) -> bool:
    """No device that the launch could use should run float16: export is_half=False."""
    return diagnose_module.half_unusable(diagnosis.devices)


def _errors(diagnosis: Diagnosis, entry: Optional[str]) -> int:
    return sum(f.severity is Severity.ERROR and affects(f, entry) for f in diagnosis.findings)


def run_preflight(project_dir: Optional[str] = None, python: Optional[str] = None,
                  timeout: float = target.DEFAULT_TIMEOUT_S, environ: Optional[Mapping[str, str]] = None,
                  refresh: bool = False, command: Optional[List[str]] = None) -> Preflight:
    """`command`: the launch line (run's COMMAND); the entry point it starts is the one judged.
    Without one (preflight in a start script), the family's usual one (webui.py)."""
    started = time.perf_counter()
    environ = os.environ if environ is None else environ
    identity = probecache.identify(python, environ, timeout)
    report = None if refresh else probecache.load(identity)
    cached = report is not None
    if report is None:
        report = probecache.probe_and_store(identity, timeout)
    root = project_module.locate(project_dir)
    project = project_module.open_project(root, environ) if root else None
    entry, found = None, None
    if project is not None:
        found = project.module.launched(command, root) if command else None
        entry = found[0] if found else project.module.default_entry(project.facts)
    diagnosis = diagnose(report, project, None, environ, probed_python=identity.python, launch=found)
    env = {"is_half": "False"} if half_unusable(diagnosis) else {}
    launch = diagnosis
    if project is not None:
        exported = diagnose(report, project, None, dict(environ, is_half="False"), probed_python=identity.python,
                            launch=found)
        # is_half=False also answers a launched program that reads it and would run float16
        # on a card that gives NaN (a UI started directly on a machine with a good card too).
        if env or _errors(exported, entry) < _errors(diagnosis, entry):
            env, launch = {"is_half": "False"}, exported
    return Preflight(identity, cached, report, project.facts if project else None, diagnosis, env,
                     round(time.perf_counter() - started, 3), entry, launch, project)


def env_lines(env: Mapping[str, str], shell: str) -> List[str]:
    """Assignments a start script can evaluate: sh (eval), cmd (for /f), powershell (iex)."""
    forms = {"sh": "export {k}={v}", "cmd": "set \"{k}={v}\"", "powershell": "$env:{k} = \"{v}\""}
    return [forms[shell].format(k=k, v=v) for k, v in sorted(env.items())]


# -- --fix: the same edits `gsv-doctor fix --write` makes ----------------------------------------

def apply_fix(result: Preflight) -> List[str]:
    """Write the fix for the findings; returns the paths written. Then run_preflight again."""
    from gsv_doctor import edits

    if result.project is None or result.project_info is None:
        raise DoctorError.of("preflight.fix-needs-project")
    from gsv_doctor.fixmessages import FixError

    root = Path(result.project_info.root)
    with edits.lock(root):
        try:
            plan = result.project_info.module.plan_fix(result.findings, result.project)
        except FixError as error:
            raise error.in_language("en") from None
        written = edits.apply(plan.edits, root) if plan.edits else []
    return [w.path for w in written if w.status == "written"]


# -- --install-into: one line in a start script ---------------------------------------------------

# The line runs gsv-doctor with the interpreter of the launch line (`{python}`, as the shell
# writes it), so it probes the Python that really starts GPT-SoVITS; gsv-doctor installed into
# the Windows package's runtime is not on PATH (runtime\Scripts is not), `-m gsv_doctor` is.
PREFLIGHT_LINES = {
    "cmd": "{python} -m gsv_doctor preflight{target} --project \"%~dp0.\" || (pause & exit /b 1)",
    "powershell": "& {python} -m gsv_doctor preflight{target} --project \"$PSScriptRoot\";"
                  " if ($LASTEXITCODE -ne 0) {{ exit $LASTEXITCODE }}",
    "sh": "{python} -m gsv_doctor preflight{target} --project \"$gsv_doctor_dir\" || exit $?",
}
# sh: $0 names the script relative to the folder it was started from, which a `cd` in the
# script changes; so the folder is taken once, at the top, before any `cd`.
SH_DIR_LINE = "gsv_doctor_dir=$(CDPATH= cd -- \"$(dirname -- \"$0\")\" && pwd)"
_LAUNCH = re.compile(rb"(python|webui|api)[^\r\n]*\.py", re.I)
_PREAMBLE = re.compile(rb"^\s*(@?echo\s+off|#!|chcp\b|setlocal\b|param\s*\(|set\s+-)", re.I)
_SH_PREAMBLE = re.compile(rb"^\s*(#|set\s+-)")
_PYTHON_NAME = re.compile(r"python[0-9.]*(\.exe)?$", re.I)
_ALREADY = (b"gsv-doctor preflight", b"gsv_doctor preflight", b"gsv-doctor run", b"gsv_doctor run")


def script_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".bat": "cmd", ".cmd": "cmd", ".ps1": "powershell"}.get(suffix, "sh")


def _first_word(line: str, kind: str) -> Optional[str]:
    """The program a launch line starts, as written (quotes removed), or None."""
    text = line.strip()
    prefixes = {"cmd": ("@", "call "), "powershell": ("& ", ". "), "sh": ("exec ",)}[kind]
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if text.lower().startswith(prefix):
                text, changed = text[len(prefix):].lstrip(), True
    if text[:1] in ("\"", "'"):
        end = text.find(text[0], 1)
        return text[1:end] if end > 0 else None
    word = text.split(None, 1)[0] if text else ""
    return word or None


def launch_python(line: bytes, kind: str) -> Optional[str]:
    """The interpreter of a launch line, written so that the script finds it from the preflight
    line: a path relative to the script's folder (cmd, PowerShell) gets that folder in front.
    None when the line does not start a Python by a name or path we can read."""
    try:
        word = _first_word(line.decode("ascii"), kind)
    except UnicodeDecodeError:
        return None
    if not word or not _PYTHON_NAME.match(re.split(r"[\\/]", word)[-1]) or re.search(r"[$%`!]", word.replace(
            "%~dp0", "").replace("$PSScriptRoot", "")):
        return None
    bare = not re.search(r"[\\/]", word)
    if kind == "cmd":
        absolute = bare or word.startswith(("%~dp0", "\\")) or re.match(r"[A-Za-z]:", word)
        return "\"%s\"" % (word if absolute else "%~dp0" + word)
    if kind == "powershell":
        if word.startswith(".\\") or word.startswith("./"):
            word = word[2:]
        absolute = bare or word.startswith(("$PSScriptRoot", "\\", "/")) or re.match(r"[A-Za-z]:", word)
        return "\"%s\"" % (word if absolute else "$PSScriptRoot\\" + word)
    import shlex  # only here: the warm preflight path stays lean

    return shlex.quote(word)


def _quoted_here(kind: str) -> str:
    """The interpreter running gsv-doctor now, quoted for the script's shell."""
    if kind == "cmd":
        return "\"%s\"" % sys.executable.replace("%", "%%")
    if kind == "powershell":
        return "'%s'" % sys.executable.replace("'", "''")
    import shlex

    return shlex.quote(sys.executable)


def preflight_line(kind: str, python: Optional[str]) -> str:
    """The line for a script of this kind; `python`: the launch line's interpreter, as
    launch_python() writes it, or None for the one running gsv-doctor now."""
    if python is None:
        return PREFLIGHT_LINES[kind].format(python=_quoted_here(kind), target="")
    return PREFLIGHT_LINES[kind].format(python=python, target=" --python " + python)


def plan_install_into(path: Path) -> Optional[bytes]:
    """The script's new bytes with the preflight line before its launch line; None: already there.

    Works on bytes so the file's encoding (UTF-8, GBK, ...) and line endings stay intact.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DoctorError.of("install-into.unreadable", path=str(path), error=str(error.strerror or error)) from None
    prefix, encoding, data = _script_text(raw, path)
    if any(mark in data for mark in _ALREADY):
        return None
    kind = script_kind(path)
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    lines = data.splitlines(keepends=True)
    index = next((i for i, text in enumerate(lines) if _LAUNCH.search(text) and not text.lstrip().startswith(
        (b"#", b"rem ", b"REM ", b"::"))), None)
    if index is None:  # recognised before it is edited: a start script starts Python
        raise DoctorError.of("install-into.no-launch-line", path=str(path))
    python = launch_python(lines[index], kind)
    if index == len(lines) and lines and not lines[-1].endswith((b"\n", b"\r")):
        lines[-1] += newline
    if kind == "sh":
        top = 0
        while top < index and (_SH_PREAMBLE.match(lines[top]) or not lines[top].strip()):
            top += 1
        lines.insert(top, SH_DIR_LINE.encode("ascii") + newline)
        index += 1
    line = preflight_line(kind, python)
    if not line.isascii():  # sys.executable under a non-ASCII folder; the script's code page is unknown
        raise DoctorError.of("install-into.non-ascii", path=str(path), line=line)
    lines.insert(index, line.encode("ascii") + newline)
    body = b"".join(lines)
    return prefix + (body if encoding is None else body.decode("utf-8").encode(encoding))


def _script_text(raw: bytes, path: Path):
    """(BOM, encoding to write back or None for "as is", ASCII-compatible bytes to edit).
    A UTF-8 BOM stays in front; UTF-16 (PowerShell's "Unicode") is edited as UTF-8 and written
    back as UTF-16 with its BOM. Anything that is not text is refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[:3], None, raw[3:]
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            try:
                return bom, encoding, raw[2:].decode(encoding).encode("utf-8")
            except UnicodeDecodeError:
                break
    if b"\x00" in raw or (raw and sum(b < 9 or 13 < b < 32 for b in raw[:4096]) > len(raw[:4096]) // 100):
        raise DoctorError.of("install-into.not-text", path=str(path))
    return b"", None, raw


def install_into(path: str) -> Optional[str]:
    """Add the preflight line to a start script, as `fix` writes: backup kept once, atomic
    write, and, for a script inside a GPT-SoVITS folder, a record that `gsv-doctor fix
    --undo` restores from. Returns the backup's path; None when the line is already there."""
    from gsv_doctor import edits

    script = Path(path)
    if not script.is_file():
        raise DoctorError.of("install-into.no-such-file", path=path)
    root = project_module.locate(None, cwd=str(script.resolve().parent))
    with (edits.lock(root) if root else contextlib.nullcontext()):
        new = plan_install_into(script)
        if new is None:
            return None
        # The one writer of user files: a backup generation, an atomic write of the real file
        # behind a link (recorded), refused when that file is outside the project (or the
        # script's folder), a message for a full disk or a read-only file.
        try:
            [written] = edits.apply_changes([edits.Change(str(script), script.read_bytes(), new)],
                                            root or script.absolute().parent)
        except edits.FixError as error:
            raise DoctorError.of("install-into.refused", path=path, reason=error) from None
    return written.backup
