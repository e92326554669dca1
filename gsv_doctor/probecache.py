"""Probe reports cached per interpreter, torch build and visible devices, found without torch.

The key (gsv_doctor.hook.cache_key) hashes the interpreter path, torch's version.py (version
with its +cpu/+cu118 tag, git revision, CUDA/HIP versions) and CUDA_VISIBLE_DEVICES /
HIP_VISIBLE_DEVICES. Finding torch's folder needs importlib's finder only, never an import
of torch, so a warm cache answers in milliseconds. The runtime hook reads the same files.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from gsv_doctor import atomicfile, children, hook, messages, probe, probereport, target
from gsv_doctor.errors import DoctorError

_FIND_TORCH = (
    "import importlib.util,json,sys\n"
    "spec=importlib.util.find_spec('torch')\n"
    "origin=spec.origin if spec is not None else None\n"
    "print(json.dumps({'executable':sys.executable,'torch_file':origin}))\n"
)


@dataclass
class Identity:
    """Which probe report fits: this interpreter, its torch build, the visible devices."""

    python: str  # as given (resolved to a file)
    executable: str  # sys.executable inside it: what the hook sees
    torch_dir: Optional[str]
    torch_version: Optional[str]  # from torch/version.py, read as text
    key: str

    @property
    def path(self) -> str:
        return hook.cache_path(self.key)


def torch_version(torch_dir: Optional[str]) -> Optional[str]:
    if not torch_dir:
        return None
    try:
        text = Path(torch_dir, "version.py").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r"""^__version__\s*(?::\s*str\s*)?=\s*['"]([^'"]+)['"]""", text, re.M)
    return match.group(1) if match else None


def _same_interpreter(python: str) -> bool:
    # Not samefile(): a venv's python is a link to the base one but has its own site-packages.
    def norm(path: str) -> str:
        return os.path.normcase(os.path.abspath(path))

    return norm(python) == norm(sys.executable)


def identify(python: Optional[str] = None, environ: Optional[Mapping[str, str]] = None,
             timeout: float = target.DEFAULT_TIMEOUT_S) -> Identity:
    """The cache identity of `python` (default: this one), asking only importlib's finder."""
    resolved = target.resolve_python(python)
    if python is None or _same_interpreter(resolved):
        spec = importlib.util.find_spec("torch")  # finds, does not import
        executable, torch_file = sys.executable, (spec.origin if spec is not None else None)
    else:
        done = children.run([resolved, "-I", "-c", _FIND_TORCH], timeout)
        try:
            data = json.loads(done.stdout.decode("utf-8", "replace").strip().splitlines()[-1])
            executable, torch_file = data["executable"], data["torch_file"]
            if not isinstance(executable, str) or not isinstance(torch_file, (str, type(None))):
                raise TypeError(executable)
        except (ValueError, IndexError, KeyError, TypeError):
            why = messages.said("why.no-answer", seconds=f"{timeout:g}") if done.timed_out else \
                messages.said("why.exit-code", code=done.returncode)
            raise DoctorError.of("python.torch-location", python=resolved, why=why) from None
    return _identity(resolved, executable, torch_file, environ)


def identify_from_report(python: str, report: probereport.ProbeReport,
                         environ: Optional[Mapping[str, str]] = None) -> Identity:
    """The same identity, from what a probe report of `python` already says (no child)."""
    torch_file = report.torch.file if report.torch else None
    return _identity(python, report.executable or python, torch_file, environ)


def _identity(python: str, executable: str, torch_file: Optional[str],
              environ: Optional[Mapping[str, str]]) -> Identity:
    environ = os.environ if environ is None else environ
    torch_dir = os.path.dirname(torch_file) if torch_file else None
    return Identity(python=python, executable=executable, torch_dir=torch_dir,
                    torch_version=torch_version(torch_dir),
                    key=hook.cache_key(executable, torch_dir or "<no torch>", environ))


def load(identity: Identity) -> Optional[probereport.ProbeReport]:
    """The cached report, or None when there is none or it is unreadable or foreign."""
    try:
        data = json.loads(Path(identity.path).read_text(encoding="utf-8"))
        report = probereport.parse(data)
    except (OSError, ValueError):  # ProbeReportError is a ValueError
        return None
    if report.schema_version != probe.PROBE_SCHEMA_VERSION or report.torch is None:
        return None
    if identity.torch_version and report.torch.version != identity.torch_version:
        return None  # belt and braces: the key already names the build
    return report


def store(identity: Identity, report: probereport.ProbeReport) -> str:
    """Write the report atomically (a reader never sees half a file). Returns its path."""
    path = Path(identity.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomicfile.write_bytes(path, json.dumps(report.to_dict()).encode("utf-8"))
    return str(path)


def probe_and_store(identity: Identity, timeout: float = target.DEFAULT_TIMEOUT_S) -> probereport.ProbeReport:
    """Run the probe in the target (torch imports there, in a child) and cache its report."""
    run = target.run(identity.python, None, timeout)
    target.require_torch(run)
    if run.report is None:
        last = run.stderr_tail.splitlines()[-1] if run.stderr_tail else ""
        why = messages.said("why.no-answer", seconds=f"{timeout:g}") if run.timed_out else \
            messages.said("why.stopped", code=run.returncode, last=last)
        raise DoctorError.of("probe.no-report", python=identity.python, why=why)
    store(identity, run.report)
    return run.report
