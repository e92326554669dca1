"""Find the target interpreter and run the probe in it, in a child process with a timeout.

The child gets the probe's source on stdin, so it works in an interpreter that has
torch but not gsv-doctor (GPT-SoVITS's bundled runtime). A hang or a crash in the
child (a CUDA driver that never answers, a segfault in init) is a result, not our death.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from gsv_doctor import probe, probereport
from gsv_doctor.children import Child
from gsv_doctor.errors import DoctorError

# The first line says "a Python started, this version" before anything can fail, so an
# interpreter that is not one, or too old, is told apart from a torch that crashes.
BOOTSTRAP = (
    "import sys;sys.stdout.write('" + probe.MARKER + "{\"section\": \"hello\", \"version\": [%d, %d]}\\n'"
    " % tuple(sys.version_info[:2]));sys.stdout.flush();"
    "exec(compile(sys.stdin.buffer.read().decode('utf-8'),'<gsv-doctor probe>','exec'))"
)
MIN_PYTHON = (3, 9)
DEFAULT_TIMEOUT_S = 60.0
MAX_TIMEOUT_S = 86400.0  # a day: longer is a typo, and too long for the timers underneath


@dataclass
class ProbeRun:
    """What came back from the child: each section, or why it did not."""

    python: str
    report: Optional[probereport.ProbeReport]  # None: the child printed no (readable) report
    config: Optional[Dict[str, Any]]
    timed_out: bool
    returncode: Optional[int]
    stderr_tail: str
    elapsed_s: float
    python_version: Optional[Tuple[int, int]] = None  # None: no Python ever answered
    report_error: Optional[str] = None  # the child printed a report that does not read as one
    family: Optional[Dict[str, Any]] = None  # what the project family's own code gave in the child


def resolve_python(python: Optional[str]) -> str:
    """The interpreter to probe: a file, or a folder holding one (runtime/ of a package)."""
    if not python:
        return sys.executable
    path = Path(python).expanduser()
    if not path.exists() and os.path.basename(python) == python and shutil.which(python):
        path = Path(shutil.which(python))  # a name, as a start script writes it: the one on PATH
    if path.is_dir():
        for candidate in ("python.exe", "python", "bin/python3", "bin/python", "Scripts/python.exe"):
            if (path / candidate).is_file():
                return os.path.abspath(str(path / candidate))
        raise DoctorError.of("python.folder-without-python", python=python)
    if not path.exists():
        raise DoctorError.of("python.no-such-file", python=python)
    if not os.access(str(path), os.X_OK):
        raise DoctorError.of("python.not-executable", python=python)
    # Absolute: children start in other folders, and Path drops the "./" that keeps a
    # relative name (./py3) from being looked up on PATH.
    return os.path.abspath(str(path))


def probe_source() -> bytes:
    return Path(probe.__file__).read_bytes()


def child_source(extra: Optional[Tuple[str, Dict[str, Any]]]) -> bytes:
    """The probe, then (optional) a project family's child code, run after it in its own
    namespace with its arguments (FAMILY_ARGS) and the marker its lines start with."""
    source = probe_source()
    if extra is None:
        return source
    code, args = extra
    args = dict(args, marker=probe.MARKER)
    tail = ("\nexec(compile(%r, '<gsv-doctor family>', 'exec'), {'__name__': '__gsv_doctor_family__',"
            " 'FAMILY_ARGS': __import__('json').loads(%r)})\n" % (code, json.dumps(args)))
    return source + tail.encode("utf-8")


def start(python: str, project_root: Optional[str] = None, env: Optional[Dict[str, str]] = None,
          extra: Optional[Tuple[str, Dict[str, Any]]] = None) -> "Child":
    """Start the child; the caller can do other work while torch imports, then finish().
    `extra`: a project family's child code and its arguments (see child_source)."""
    args: List[str] = [python, "-B", "-c", BOOTSTRAP]  # -B: config.py's imports leave no __pycache__
    if project_root:
        args += ["--config", str(project_root)]
    # The probe measures torch itself: an installed gsv-doctor hook (.pth) stays off in the child,
    # or it would report its own float32 results as float16 that works.
    child_env = dict(os.environ if env is None else env, GSV_DOCTOR_HOOK="0")
    return Child(args, env=child_env, stdin_data=child_source(extra), scratch=True)


def parse_sections(stdout: bytes) -> Dict[str, Dict[str, Any]]:
    sections: Dict[str, Dict[str, Any]] = {}
    for raw in stdout.splitlines():
        line = raw.decode("utf-8", "replace")
        if not line.startswith(probe.MARKER):
            continue
        try:
            payload = json.loads(line[len(probe.MARKER):])
        except ValueError:
            continue
        if isinstance(payload, dict) and "section" in payload:
            sections[payload.pop("section")] = payload
    return sections


def kill_tree(child: "Child") -> None:
    child.kill()


def finish(child: "Child", python: str, timeout: float, started: float) -> ProbeRun:
    done = child.wait(timeout)
    sections = parse_sections(done.stdout)
    hello = sections.get("hello") or {}
    tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-15:]
    if done.cut:
        tail.append(f"(output cut: it printed more than {child.max_stdout // 2 ** 20} MB)")
    report, report_error = None, None
    if "probe" in sections:
        try:
            report = probereport.parse(sections["probe"])
        except probereport.ProbeReportError as error:  # a probe from another gsv-doctor, or a bug
            report_error = str(error)
            tail.append(f"gsv-doctor: the probe's report does not read: {error}")
    return ProbeRun(
        python=python,
        report=report,
        config=sections.get("config"),
        timed_out=done.timed_out,
        returncode=done.returncode,
        stderr_tail="\n".join(tail),
        elapsed_s=round(time.perf_counter() - started, 3),
        python_version=_version(hello.get("version")),
        report_error=report_error,
        family=sections.get("family"),
    )


def _version(value: Any) -> Optional[Tuple[int, ...]]:
    """The hello line's [major, minor], when it is one (a foreign program may print anything)."""
    if isinstance(value, list) and value and all(isinstance(part, int) and not isinstance(part, bool)
                                                  for part in value[:2]):
        return tuple(value[:2])
    return None


def run(python: Optional[str] = None, project_root: Optional[str] = None,
        timeout: float = DEFAULT_TIMEOUT_S) -> ProbeRun:
    resolved = resolve_python(python)
    started = time.perf_counter()
    return finish(start(resolved, project_root), resolved, timeout, started)


def crashed(returncode: Optional[int]) -> bool:
    """Killed by a signal (POSIX) or by an exception code such as 0xC0000005 (Windows)."""
    return returncode is not None and (returncode < 0 or returncode >= 0xC0000000)


def require_python(result: ProbeRun) -> None:
    """The target must be a Python 3.9+ interpreter; anything else is bad input, not a finding."""
    last = result.stderr_tail.splitlines()[-1] if result.stderr_tail.strip() else ""
    answered = result.python_version is not None or result.report is not None
    if not answered and not result.timed_out and not crashed(result.returncode):
        raise DoctorError.of("python.did-not-start", python=result.python, returncode=result.returncode,
                             last=f": {last}" if last else "")
    if result.python_version is not None and result.python_version < MIN_PYTHON:
        version = ".".join(map(str, result.python_version))
        raise DoctorError.of("python.too-old", python=result.python, version=version)


def require_torch(result: ProbeRun) -> None:
    """A probe that ran but found no torch means the doctor cannot do its job there."""
    require_python(result)
    report = result.report
    if report is not None and report.torch is None:
        raise DoctorError.of("python.no-torch", python=result.python, error=report.error)


def load_probe_json(path: str) -> probereport.ProbeReport:
    """A probe report saved elsewhere: the raw probe JSON or a `check --json` output."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise DoctorError.of("probe-json.unreadable", path=path, error=str(error.strerror or error))
    except UnicodeDecodeError as error:
        raise DoctorError.of("probe-json.not-utf8", path=path, position=error.start + 1, error=str(error))
    except json.JSONDecodeError as error:
        raise DoctorError.of("probe-json.not-json", path=path, line=error.lineno, column=error.colno, error=str(error))
    if isinstance(data, dict) and isinstance(data.get("probe"), dict):
        data = data["probe"]
    try:
        report = probereport.parse(data)
    except probereport.ProbeReportError as error:
        raise DoctorError.of("probe-json.not-a-report", path=path, error=error) from None
    if report.torch is None:
        raise DoctorError.of("probe-json.no-torch", path=path, error=report.error)
    return report
