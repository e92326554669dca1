"""Apply a fix plan to files without ever losing the user's data: diff, backup, atomic write,
verify, undo. Only files inside the project root are written; two fixes cannot interleave."""
from __future__ import annotations

import ast
import contextlib
import difflib
import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import yaml

from gsv_doctor.errors import EXIT_USAGE
from gsv_doctor.fixmessages import FixError
from gsv_doctor.fixplan import FileEdit

BACKUP_SUFFIX = ".gsv-doctor.bak"
TMP_MARK = ".gsv-doctor-tmp-"
LOCK_NAME = ".gsv-doctor.lock"
MANIFEST_NAME = ".gsv-doctor-fix.json"
MANIFEST_SCHEMA = "gsv-doctor/fix-manifest"


@dataclass
class WriteResult:
    path: str
    status: str  # "written" or "unchanged"
    backup: Optional[str]
    backup_created: bool


@dataclass
class UndoResult:
    path: str
    status: str  # "restored" or "missing-backup"
    backup: Optional[str]
    forced: bool = False  # the file had changed since the fix


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


# ---------------------------------------------------------------- diff

def unified_diff(edit: FileEdit, root: Optional[Path] = None) -> str:
    name = edit.path
    if root is not None:
        with contextlib.suppress(ValueError):
            name = Path(edit.path).resolve().relative_to(Path(root).resolve()).as_posix()
    old = edit.old_text.splitlines(keepends=True)
    new = edit.new_text.splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=f"a/{name}", tofile=f"b/{name}")
    # Terminals show "\r" badly: the diff is for reading, the file keeps its own line endings.
    return "".join(line.rstrip("\r\n") + "\n" for line in lines)


# ---------------------------------------------------------------- safety checks

def inside_root(path: Path, root: Path) -> Path:
    """The real file behind `path`; refuses anything that resolves outside the project root."""
    real_root = Path(os.path.realpath(root))
    real = Path(os.path.realpath(path))
    try:
        outside = os.path.commonpath([str(real), str(real_root)]) != str(real_root)
    except ValueError:  # another drive (Windows)
        outside = True
    if outside:
        code = "error.link-outside-root" if os.path.islink(path) else "error.outside-root"
        raise FixError(code, {"path": str(path), "real": str(real), "root": str(real_root)})
    return real


def verify_parses(edit: FileEdit) -> None:
    """Refuse to hand a file to GPT-SoVITS that it could not read."""
    try:
        if edit.kind == "config":
            ast.parse(edit.new_text)
        else:
            yaml.safe_load(edit.new_text)
    except (SyntaxError, yaml.YAMLError) as error:
        raise FixError("error.would-not-parse", {"path": edit.path, "error": str(error)}, exit_code=3)


def _describe_os_error(path: Path, error: OSError, action: str) -> FixError:
    """`action`: "write", "read" or "lock" (fixmessages "action.<action>")."""
    params = {"action": action, "path": str(path), "error": str(error.strerror or error)}
    if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", -1):
        return FixError("error.disk-full", params)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FixError("error.permission", params)
    return FixError("error.os", params)


def require_writable(path: Path) -> None:
    if not os.access(str(path), os.W_OK):
        raise FixError("error.read-only", {"path": str(path)})
    if not os.access(str(path.parent), os.W_OK):
        raise FixError("error.folder-read-only", {"folder": str(path.parent), "name": path.name})


# ---------------------------------------------------------------- atomic write

def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(str(directory), os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse a directory fsync; the rename is still atomic
    finally:
        os.close(fd)


def clean_stale_temps(path: Path) -> None:
    """Remove temporary files a killed gsv-doctor left next to `path` (named by us only)."""
    prefix = f".{path.name}{TMP_MARK}"
    for leftover in path.parent.glob(prefix + "*"):
        pid = leftover.name[len(prefix):]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def atomic_write(path: Path, data: bytes, mode: Optional[int] = None) -> None:
    """Temporary file in the same folder, flush + fsync, os.replace: readers see the old file
    or the new one, never a part."""
    tmp = path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")
    try:
        fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        os.unlink(str(tmp))  # ours (same pid) from an earlier failed attempt in this process
        fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as error:
        raise _describe_os_error(path, error, "write")
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(str(tmp), mode)
        os.replace(str(tmp), str(path))
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(str(tmp))
        raise _describe_os_error(path, error, "write")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(str(tmp))
        raise
    _fsync_dir(path.parent)


# ---------------------------------------------------------------- lock

def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        import psutil

        return psutil.pid_exists(pid)
    except ImportError:  # pragma: no cover - psutil is a dependency
        try:
            os.kill(pid, 0)
        except OSError as error:
            return error.errno == errno.EPERM
        return True


@contextlib.contextmanager
def lock(root: Path) -> Iterator[Path]:
    """A lock file in the project root; a lock left by a dead process is taken over."""
    path = Path(root) / LOCK_NAME
    for attempt in range(2):
        try:
            fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            try:
                pid = int(path.read_text(encoding="ascii").strip() or "0")
            except (OSError, ValueError):
                pid = 0
            if attempt == 0 and pid and not _alive(pid):
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
            raise FixError("error.lock-busy" if pid else "error.lock-busy-unknown",
                           {"pid": pid, "root": str(root), "lock": str(path)})
        except OSError as error:
            raise _describe_os_error(path, error, "lock")
    try:
        os.write(fd, str(os.getpid()).encode("ascii"))
    finally:
        os.close(fd)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


# ---------------------------------------------------------------- manifest

def _manifest_path(root: Path) -> Path:
    return Path(root) / MANIFEST_NAME


def read_manifest(root: Path) -> Dict[str, Dict[str, str]]:
    path = _manifest_path(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        raise FixError("error.manifest-unreadable", {"path": str(path)})
    return dict(data.get("files") or {})


def write_manifest(root: Path, files: Dict[str, Dict[str, str]]) -> None:
    path = _manifest_path(root)
    if not files:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    body = json.dumps({"schema": MANIFEST_SCHEMA, "schema_version": 1, "files": files}, indent=1, sort_keys=True)
    atomic_write(path, (body + "\n").encode("utf-8"), 0o644)


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.realpath(path)).relative_to(Path(os.path.realpath(root))).as_posix()


# ---------------------------------------------------------------- apply / undo

def apply(edits: Sequence[FileEdit], root: Path) -> List[WriteResult]:
    """Write every edit or none: a failure part-way restores the files already written."""
    root = Path(root)
    prepared = []
    for edit in edits:
        target = inside_root(Path(edit.path), root)
        try:
            current = target.read_bytes()
        except OSError as error:
            raise _describe_os_error(target, error, "read")
        if current != edit.old_bytes:
            raise FixError("error.changed-while-planning", {"path": str(target)})
        verify_parses(edit)
        new = edit.new_bytes()
        if new != current:
            require_writable(target)
            backup = backup_path(target)
            if os.path.islink(backup) or (backup.exists() and not backup.is_file()):
                raise FixError("error.backup-not-file", {"backup": str(backup), "name": target.name})
        prepared.append((edit, target, current, new))

    manifest = read_manifest(root)
    results: List[WriteResult] = []
    done = []  # (target, previous bytes, mode) for a rollback
    try:
        for _edit, target, current, new in prepared:
            backup = backup_path(target)
            if new == current:
                results.append(WriteResult(str(target), "unchanged", str(backup) if backup.exists() else None, False))
                continue
            clean_stale_temps(target)
            clean_stale_temps(backup)
            mode = stat.S_IMODE(target.stat().st_mode)
            created = False
            if not backup.exists():
                atomic_write(backup, current, mode)
                created = True
            atomic_write(target, new, mode)
            done.append((target, current, mode))
            relative = _relative(target, root)
            entry = manifest.get(relative, {})
            manifest[relative] = {
                "backup": _relative(backup, root),
                "original_sha256": entry.get("original_sha256") or sha256(backup.read_bytes()),
                "written_sha256": sha256(new),
            }
            results.append(WriteResult(str(target), "written", str(backup), created))
        write_manifest(root, manifest)
    except BaseException:
        for target, previous, mode in reversed(done):
            with contextlib.suppress(Exception):
                atomic_write(target, previous, mode)
        raise
    return results


def undo(root: Path, force: bool = False) -> List[UndoResult]:
    """Restore every file gsv-doctor changed from its backup. Refuses (changing nothing) when a
    file changed after the fix, unless `force`."""
    root = Path(root)
    manifest = read_manifest(root)
    entries = dict(manifest)
    if force:  # backups without a record (a record lost or deleted) are restored too
        for backup in list(root.glob("*" + BACKUP_SUFFIX)) + list(root.glob("GPT_SoVITS/configs/*" + BACKUP_SUFFIX)):
            original = backup.with_name(backup.name[: -len(BACKUP_SUFFIX)])
            relative = _relative(original, root)
            entries.setdefault(relative, {"backup": _relative(backup, root)})
    if not entries:
        return []
    plan = []
    changed = []
    for relative, entry in sorted(entries.items()):
        target = inside_root(root / relative, root)
        backup = inside_root(root / entry["backup"], root)
        if not backup.exists():
            raise FixError("error.backup-gone", {"backup": str(backup), "path": str(target)}, exit_code=EXIT_USAGE)
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            current = None
        written = entry.get("written_sha256")
        if current is not None and (written is None or sha256(current) != written):
            changed.append(target)
        plan.append((relative, target, backup, current))
    if changed and not force:
        names = ", ".join(str(p) for p in changed)
        raise FixError("error.changed-after-fix", {"paths": names})
    results = []
    for _relative_path, target, _backup, current in plan:
        if current is not None:
            require_writable(target)
    for relative, target, backup, current in plan:
        mode = stat.S_IMODE(target.stat().st_mode) if current is not None else stat.S_IMODE(backup.stat().st_mode)
        atomic_write(target, backup.read_bytes(), mode)
        backup.unlink()
        manifest.pop(relative, None)
        write_manifest(root, manifest)
        results.append(UndoResult(str(target), "restored", str(backup), forced=target in changed))
    return results
