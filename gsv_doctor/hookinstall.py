"""Install the runtime hook into the TARGET interpreter's site-packages, and take it out again.

Two files go into the directory that the target's `sysconfig.get_path('purelib')` names
(asked from the target itself, in a child): gsv_doctor_hook.py (a copy of
gsv_doctor/hook.py under an ownership header) and gsv_doctor_hook.pth (one guarded line
that imports it and calls activate(); site runs it even under `python -I`). A file there
that we did not write is moved aside on install and put back on uninstall.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

from gsv_doctor import __version__, atomicfile, children, hook, messages
from gsv_doctor.errors import DoctorError
from gsv_doctor.target import resolve_python

MODULE = "gsv_doctor_hook"
MODULE_FILE = MODULE + ".py"
PTH_FILE = MODULE + ".pth"
MARKER = "# gsv-doctor hook:"  # first line of both files we write: our ownership mark
BACKUP_SUFFIX = ".gsv-doctor-backup"
CREATED_PYCACHE = "# gsv-doctor created __pycache__"  # so uninstall removes it only then
CHILD_TIMEOUT_S = 30.0
TORCH_CHILD_TIMEOUT_S = 180.0  # a child that imports torch: a CUDA build on a busy machine takes long
HOOK_SAYS = "gsv-doctor hook:"  # how every line the hook prints on stderr starts

# site exec()s a .pth line that starts with "import". A failure inside must not become
# site's multi-line traceback: one line on stderr, and start-up goes on.
# A venv's lib64 -> lib link makes site read the same .pth twice: the flag on sys stops that.
PTH_LINE = (
    "import sys;exec(\"if not getattr(sys,'_gsv_doctor_hook_seen',0):\\n sys._gsv_doctor_hook_seen=1\\n"
    " try:\\n  import %s as _h;_h.activate()\\n except Exception as _e:"
    "sys.stderr.write('gsv-doctor hook: not active (%%s: %%s); running without it.\\\\n'"
    "%%(type(_e).__name__,_e))\")" % MODULE
)

_LOCATE = (
    "import json,os,site,sys,sysconfig\n"
    "norm=lambda p:os.path.normcase(os.path.abspath(p))\n"
    "purelib=sysconfig.get_path('purelib')\n"
    "dirs=[norm(d) for d in (site.getsitepackages() if hasattr(site,'getsitepackages') else [])]\n"
    "print(json.dumps({'executable':sys.executable,'purelib':purelib,"
    "'version':'%d.%d'%sys.version_info[:2],'site_enabled':'site' in sys.modules,"
    "'reads_pth':norm(purelib) in dirs,'hook_loaded':'gsv_doctor_hook' in sys.modules}))\n"
)
_ACTIVE = (
    "import json,sys\n"
    "out={'torch':None,'error':None,'status':None}\n"
    "try:\n import torch\n out['torch']=torch.__version__\n"
    "except Exception as e:\n out['error']='%s: %s'%(type(e).__name__,e)\n"
    "m=sys.modules.get('gsv_doctor_hook')\n"
    "if m is not None:\n out['status']=m.status()\n"
    "print(json.dumps(out))\n"
)


@dataclass
class Location:
    """Where the target interpreter reads .pth files from."""

    python: str
    executable: str
    purelib: str
    version: str
    site_enabled: bool
    reads_pth: bool

    @property
    def module_path(self) -> Path:
        return Path(self.purelib) / MODULE_FILE

    @property
    def pth_path(self) -> Path:
        return Path(self.purelib) / PTH_FILE


# Run in the target after install: the op scan of its torch build, cached where the hook reads it.
_SCAN = (
    "import json\n"
    "try:\n import torch\n"
    "except Exception as e:\n print(json.dumps({'scan':None,'why':'no torch (%s)'%type(e).__name__}));raise SystemExit\n"
    "import gsv_doctor_hook as h\n"
    "s=h.load_cached_scan(torch) or h.scan_in_child(torch)\n"
    "print(json.dumps({'scan':len(s['ops']),'torch':torch.__version__,'why':None}))\n"
)
SCAN_TIMEOUT_S = hook.SCAN_TIMEOUT_S * 2  # the scan may restart after a crashing op


@dataclass
class HookState:
    """What `hook status` reports (JSON-ready through to_dict)."""

    location: Location
    installed: bool
    current: bool  # the installed module is this gsv-doctor's hook
    files: List[str] = field(default_factory=list)
    foreign: List[str] = field(default_factory=list)  # files there that we did not write
    backups: List[str] = field(default_factory=list)
    disabled_by_env: bool = False
    in_this_process: Optional[Dict[str, Any]] = None
    in_target: Optional[Dict[str, Any]] = None
    scan: Optional[str] = None  # what install's op scan of the target's torch found

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data["location"]["module_path"] = str(self.location.module_path)
        data["location"]["pth_path"] = str(self.location.pth_path)
        return data


def _child(python: str, code: str, env: Optional[Dict[str, str]] = None,
           timeout: float = CHILD_TIMEOUT_S) -> Dict[str, Any]:
    done = children.run([python, "-I", "-c", code], timeout, env=env)
    if done.timed_out:
        raise DoctorError.of("hook.target-silent", python=python, seconds=f"{timeout:.0f}")
    stdout = done.stdout.decode("utf-8", "replace")
    stderr = done.stderr.decode("utf-8", "replace")
    lines = stdout.strip().splitlines()
    try:
        data = json.loads(lines[-1])
        if not isinstance(data, dict):
            raise ValueError(data)
    except (IndexError, ValueError):
        tail = (stderr.strip().splitlines() or [messages.said("why.no-output")])[-1]
        raise DoctorError.of("hook.no-site-packages", python=python, tail=tail) from None
    # What the hook itself said in the target (its .pth line or activate(): "not active (...)").
    data["hook_messages"] = [line.strip() for line in stderr.splitlines() if line.startswith(HOOK_SAYS)]
    return data


def locate(python: Optional[str] = None) -> Location:
    resolved = resolve_python(python)
    data = _child(resolved, _LOCATE)
    return Location(python=resolved, executable=data["executable"], purelib=data["purelib"],
                    version=data["version"], site_enabled=data["site_enabled"], reads_pth=data["reads_pth"])


def module_source(created_pycache: bool = False) -> str:
    body = Path(hook.__file__).read_text(encoding="ascii")
    return (f"{MARKER} written by gsv-doctor {__version__}; `gsv-doctor hook uninstall` removes it.\n"
            f"{CREATED_PYCACHE if created_pycache else '#'}\n"
            f"# A copy of gsv_doctor/hook.py: do not edit here.\n{body}")


def _body_of(text: str) -> str:
    return text.split("\n", 2)[2]  # without the two header lines


def _body(path: Path) -> str:
    try:
        return _body_of(path.read_text(encoding="ascii", errors="replace"))
    except (OSError, IndexError):
        return ""


def pth_source() -> str:
    return f"{MARKER} written by gsv-doctor {__version__}; `gsv-doctor hook uninstall` removes it.\n{PTH_LINE}\n"


def _ours(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.readline().startswith(MARKER.encode("ascii"))
    except OSError:
        return False


def _pyc_files(location: Location) -> List[Path]:
    cache = Path(location.purelib) / "__pycache__"
    return sorted(cache.glob(MODULE + ".*.pyc")) if cache.is_dir() else []


def _write_atomic(path: Path, text: str) -> None:
    # 0644: every user of that Python must read it.
    atomicfile.write_bytes(path, text.encode("ascii"), mode=0o644)


def _check_usable(location: Location) -> None:
    if not location.site_enabled or not location.reads_pth:
        raise DoctorError.of("hook.no-pth", python=location.python, purelib=location.purelib)


def status(python: Optional[str] = None, ask_target: bool = True) -> HookState:
    location = locate(python)
    paths = [location.module_path, location.pth_path]
    ours = [p for p in paths if p.exists() and _ours(p)]
    foreign = [str(p) for p in paths if p.exists() and not _ours(p)]
    backups = [str(p) + BACKUP_SUFFIX for p in paths if Path(str(p) + BACKUP_SUFFIX).exists()]
    current = location.module_path in ours and _body(location.module_path) == _body_of(module_source())
    loaded = sys.modules.get(MODULE)
    state = HookState(
        location=location, installed=len(ours) == 2, current=current,
        files=[str(p) for p in ours] + [str(p) for p in _pyc_files(location)],
        foreign=foreign, backups=backups,
        disabled_by_env=os.environ.get(hook.ENV_SWITCH, "1").strip().lower() in ("0", "false", "no", "off"),
        in_this_process=loaded.status() if loaded is not None and hasattr(loaded, "status") else None,
    )
    if ask_target and state.installed:
        state.in_target = _child(location.python, _ACTIVE, timeout=TORCH_CHILD_TIMEOUT_S)
    return state


def install(python: Optional[str] = None, scan: bool = True) -> HookState:
    """Write the module, then the .pth; check the target starts with it; roll back if not.

    Then (scan=True) scan the target's torch for ops that fail in float16 on the CPU, so that
    the program's first start does not wait for it. A failed scan is reported, not fatal:
    the hook then scans at the program's start.
    """
    location = locate(python)
    _check_usable(location)
    purelib = Path(location.purelib)
    if not os.access(str(purelib), os.W_OK):
        raise DoctorError.of("hook.no-permission", purelib=str(purelib))
    moved = []
    try:
        for path in (location.module_path, location.pth_path):
            if path.exists() and not _ours(path):
                backup = Path(str(path) + BACKUP_SUFFIX)
                if backup.exists():
                    raise DoctorError.of("hook.backup-exists", path=str(path), backup=str(backup))
                os.replace(str(path), str(backup))
                moved.append((backup, path))
        # Reinstalling keeps the first install's answer: did we create __pycache__?
        created = _created_pycache(location) or not (purelib / "__pycache__").exists()
        _write_atomic(location.module_path, module_source(created))
        _write_atomic(location.pth_path, pth_source())
        check = _child(location.python, _LOCATE + "import py_compile\npy_compile.compile(%r, doraise=True)\n"
                       % str(location.module_path), env=dict(os.environ, **{hook.ENV_SWITCH: "1"}))
        if not check.get("hook_loaded"):
            said = "".join(f" It printed: {line}" for line in check.get("hook_messages") or [])
            raise DoctorError.of("hook.not-loaded", python=location.python, pth=str(location.pth_path), said=said)
    except BaseException:
        _remove_ours(location)
        for backup, path in moved:
            os.replace(str(backup), str(path))
        raise
    state = status(python, ask_target=False)
    if scan and os.environ.get(hook.ENV_SCAN, "1") != "0":
        state.scan = _scan_target(location)
    return state


def _scan_target(location: Location) -> str:
    env = dict(os.environ, **{hook.ENV_SWITCH: "0"})
    try:
        done = children.run([location.python, "-c", _SCAN], SCAN_TIMEOUT_S, env=env)
        if done.timed_out:
            return f"op scan: no answer within {SCAN_TIMEOUT_S:.0f} s; the hook scans when the program starts"
        data = json.loads(done.stdout.decode("utf-8", "replace").strip().splitlines()[-1])
        if not isinstance(data, dict):
            raise ValueError(data)
    except (DoctorError, OSError, IndexError, ValueError):
        return "op scan failed; the hook scans when the program starts"
    if data.get("scan") is None:
        return f"op scan: not run, {data.get('why')}"
    return f"op scan of torch {data['torch']}: {data['scan']} ops fail or are inexact in float16 on the CPU"


def _created_pycache(location: Location) -> bool:
    if not (location.module_path.exists() and _ours(location.module_path)):
        return False
    with open(location.module_path, encoding="ascii", errors="replace") as handle:
        handle.readline()
        return handle.readline().rstrip("\n") == CREATED_PYCACHE


def _remove_ours(location: Location) -> List[str]:
    removed = []
    created_pycache = _created_pycache(location)
    for path in (location.pth_path, location.module_path):  # .pth first: never a line without its module
        if path.exists() and _ours(path):
            path.unlink()
            removed.append(str(path))
    if not location.module_path.exists():
        for pyc in _pyc_files(location):
            pyc.unlink()
            removed.append(str(pyc))
        cache = Path(location.purelib) / "__pycache__"
        if created_pycache and cache.is_dir() and not any(cache.iterdir()):
            cache.rmdir()
    return removed


def uninstall(python: Optional[str] = None) -> List[str]:
    """Remove what install wrote and put back what it moved aside. Returns the paths touched."""
    location = locate(python)
    try:
        touched = _remove_ours(location)
        for path in (location.module_path, location.pth_path):
            backup = Path(str(path) + BACKUP_SUFFIX)
            if backup.exists() and not path.exists():
                os.replace(str(backup), str(path))
                touched.append(str(path))
    except OSError as error:  # a read-only or root-owned site-packages
        where = error.filename or location.purelib
        raise DoctorError.of("hook.cannot-remove", purelib=location.purelib, where=str(where),
                             error=str(error.strerror or error)) from None
    return touched
