"""Apply a fix plan to files without ever losing the user's data: diff, backup, atomic write,
verify, undo. Only files inside the project root are written; two fixes cannot interleave.

Every write of a user file takes a new backup *generation* next to it:
`<name>.gsv-doctor-<n>-<YYYYmmdd-HHMMSS>-<hash>.bak` holds the bytes before the write, and its
name carries the start of the SHA-256 of what was written. So the state is read back from the
files on disk alone: undo restores the newest generation whose hash matches the file as it is,
then the one before it, and so on. A killed run, a lost or broken record file, a backup removed
by hand: each leaves files that say what happened. `.gsv-doctor-fix.json` only lists the files
and links written, to find them again in unusual folders.
"""
from __future__ import annotations

import ast
import contextlib
import difflib
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Set

import yaml

from gsv_doctor.errors import EXIT_USAGE, WRITTEN_THIS_RUN
from gsv_doctor.fixmessages import FixError
from gsv_doctor.fixplan import FileEdit

BACKUP_MARK = ".gsv-doctor-"  # <name>.gsv-doctor-<n>-<stamp>-<hash>.bak
BACKUP_SUFFIX = ".gsv-doctor.bak"  # the one backup of gsv-doctor 0.1's first release
HASH_CHARS = 12
TMP_MARK = ".gsv-doctor-tmp-"
LOCK_NAME = ".gsv-doctor.lock"
MANIFEST_NAME = ".gsv-doctor-fix.json"
MANIFEST_SCHEMA = "gsv-doctor/fix-manifest"
MANIFEST_VERSION = 2
SPACE_MARGIN = 64 * 1024  # free bytes kept beyond the new files before a write is started
# Marks gsv-doctor leaves in a config.py (the guard and --pin); undo looks for them when no backup is left.
CONFIG_MARKS = (b"# >>> gsv-doctor", b"# gsv-doctor fix --pin")


@dataclass
class Change:
    """New bytes for one user file. `kind` picks the check the new bytes must pass:
    "config" (Python), "tts_infer" (YAML) or "script" (none)."""

    path: str
    old_bytes: bytes
    new_bytes: bytes
    kind: str = "script"
    new_text: Optional[str] = None  # the decoded new text, checked for "config" and "tts_infer"


@dataclass
class WriteResult:
    path: str
    status: str  # "written" or "unchanged"
    backup: Optional[str]
    backup_created: bool
    link: Optional[str] = None  # the link that was given, when `path` is the real file behind it


@dataclass
class UndoResult:
    path: str
    status: str  # "restored", or "missing-backup" (gsv-doctor's marks are in the file, no backup is left)
    backup: Optional[str]
    forced: bool = False  # the file had changed since the fix
    saved: Optional[str] = None  # when the restored backup was taken, "YYYY-mm-dd HH:MM:SS" local time
    dropped: List[str] = field(default_factory=list)  # older backups of a file replaced since then


@dataclass
class Generation:
    path: Path
    number: int
    written: Optional[str]  # start of the SHA-256 of what the fix wrote; None: not known
    saved: str

    def matches(self, data: Optional[bytes]) -> bool:
        return data is not None and self.written is not None and sha256(data).startswith(self.written)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def backup_path(path: Path) -> Path:
    """The backup of the first release (one per file). New backups are generations."""
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
    _verify(edit.kind, edit.path, edit.new_text)


def _verify(kind: str, path: str, new_text: str) -> None:
    try:
        if kind == "config":
            ast.parse(new_text)
        elif kind == "tts_infer":
            yaml.safe_load(new_text)
    except (SyntaxError, ValueError, yaml.YAMLError) as error:
        raise FixError("error.would-not-parse", {"path": path, "error": str(error)}, exit_code=3)


def _describe_os_error(path: Path, error: OSError, action: str) -> FixError:
    """`action`: "write", "read" or "lock" (fixmessages "action.<action>")."""
    params = {"action": action, "path": str(path), "error": str(error.strerror or error)}
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return FixError("error.disk-full", params)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FixError("error.permission", params)
    return FixError("error.os", params)


def require_writable(path: Path) -> None:
    if not os.access(str(path), os.W_OK):
        raise FixError("error.read-only", {"path": str(path)})
    if not os.access(str(path.parent), os.W_OK):
        raise FixError("error.folder-read-only", {"folder": str(path.parent), "name": path.name})


def require_space(folder: Path, needed: int) -> None:
    """Refuse before anything is written when the new files cannot fit."""
    try:
        free = shutil.disk_usage(str(folder)).free
    except OSError:
        return  # cannot tell: the writes themselves still fail cleanly
    if free < needed + SPACE_MARGIN:
        raise FixError("error.disk-full", {"action": "write", "path": str(folder),
                                           "error": os.strerror(errno.ENOSPC)})


# ---------------------------------------------------------------- atomic write

def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(str(directory), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse a directory fsync; the rename is still atomic
    finally:
        os.close(fd)


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")


def clean_stale_temps(path: Path) -> None:
    """Remove temporary files a killed gsv-doctor left next to `path` (named by us only)."""
    prefix = f".{path.name}{TMP_MARK}"
    for leftover in path.parent.glob(prefix + "*"):
        pid = leftover.name[len(prefix):]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _open_tmp(tmp: Path) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        return os.open(str(tmp), flags, 0o600)
    except FileExistsError:
        os.unlink(str(tmp))  # ours (same pid) from an earlier failed attempt in this process
        return os.open(str(tmp), flags, 0o600)


def atomic_write(path: Path, data: bytes, mode: Optional[int] = None) -> None:
    """Temporary file in the same folder, flush + fsync, os.replace: readers see the old file
    or the new one, never a part."""
    tmp = _tmp_name(path)
    try:
        fd = _open_tmp(tmp)
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


def _link_or_copy(source: Path, destination: Path, data: bytes, mode: int) -> None:
    """`destination` becomes a new name of `source`'s bytes: a hard link (no space needed, so
    a rollback works on a full disk too), or a copy where the file system has no links."""
    try:
        os.link(str(source), str(destination))
    except FileExistsError:
        raise
    except OSError:
        atomic_write(destination, data, mode)
        return
    _fsync_dir(destination.parent)


def _put_back(backup: Path, target: Path) -> None:
    """Replace `target` by the bytes of `backup` atomically, needing no free space when links work."""
    tmp = _tmp_name(target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(str(tmp))
    try:
        try:
            os.link(str(backup), str(tmp))
        except OSError:
            data = backup.read_bytes()
            fd = _open_tmp(tmp)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(str(tmp), stat.S_IMODE(os.stat(str(backup)).st_mode))
        os.replace(str(tmp), str(target))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(str(tmp))
        raise
    _fsync_dir(target.parent)


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


def _try_lock(fd: int) -> bool:
    """Lock the open file for this process; False when someone else holds it. The system
    drops the lock when its holder dies, however it dies: no stale lock to take over."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 1 << 20, os.SEEK_SET)  # lock a byte far from the pid at the start, so it stays readable
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _lock_owner(path: Path) -> int:
    try:
        with open(path, "rb") as handle:
            text = handle.read(32).decode("ascii", "replace").strip()
    except OSError:
        return 0
    return int(text) if text.isdigit() else 0


@contextlib.contextmanager
def lock(root: Path) -> Iterator[Path]:
    """Hold `.gsv-doctor.lock` in the project root for the duration. The file only names the
    holder; the lock itself is the system's file lock, taken atomically and released when the
    holder exits or is killed. So a live lock is never taken away, and a file left empty by a
    full disk or a killed run blocks nobody."""
    path = Path(root) / LOCK_NAME
    while True:
        try:
            fd = os.open(str(path), os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as error:
            raise _describe_os_error(path, error, "lock")
        try:
            locked = _try_lock(fd)
        except OSError as error:
            os.close(fd)
            raise _describe_os_error(path, error, "lock")
        if not locked:
            os.close(fd)
            pid = _lock_owner(path)
            raise FixError("error.lock-busy" if pid and _alive(pid) else "error.lock-busy-unknown",
                           {"pid": pid, "root": str(root), "lock": str(path)})
        # A holder that finishes removes the file: the lock we got may be on a name that is gone.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(str(path)))
        except OSError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        with contextlib.suppress(OSError):  # only the message needs the pid; a full disk may refuse it
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
        yield path
    finally:
        if os.name == "posix":  # while still holding it; Windows cannot remove an open file
            with contextlib.suppress(OSError):
                path.unlink()
        os.close(fd)
        if os.name != "posix":
            with contextlib.suppress(OSError):
                path.unlink()


# ---------------------------------------------------------------- generations on disk

_STAMP = "%Y%m%d-%H%M%S"
_GENERATION = re.compile(r"\.gsv-doctor-(\d+)-(\d{8}-\d{6})-([0-9a-f]{%d})\.bak$" % HASH_CHARS)


def _shown_time(stamp: str) -> str:
    return f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"


def generations(target: Path, legacy_written: Optional[str] = None) -> List[Generation]:
    """The backups of `target` on disk, oldest first. `legacy_written`: the hash the old record
    gives for the single `.gsv-doctor.bak` of the first release."""
    found = []
    try:
        names = os.listdir(str(target.parent))
    except OSError:
        return []
    for name in names:
        if not name.startswith(target.name + ".gsv-doctor"):
            continue
        rest = name[len(target.name):]
        path = target.with_name(name)
        if rest == BACKUP_SUFFIX:
            saved = time.strftime(_STAMP, time.localtime(os.lstat(str(path)).st_mtime))
            found.append(Generation(path, 0, legacy_written, _shown_time(saved)))
            continue
        match = _GENERATION.fullmatch(rest)
        if match:
            found.append(Generation(path, int(match.group(1)), match.group(3), _shown_time(match.group(2))))
    for generation in found:
        if os.path.islink(generation.path) or not generation.path.is_file():
            raise FixError("error.backup-not-file", {"backup": str(generation.path), "name": target.name})
    return sorted(found, key=lambda g: g.number)


def _read(path: Path) -> Optional[bytes]:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _describe_os_error(path, error, "read")


def _new_generation(target: Path, current: bytes, new: bytes, mode: int, number: int) -> Path:
    stamp = time.strftime(_STAMP)
    backup = target.with_name(f"{target.name}{BACKUP_MARK}{number}-{stamp}-{sha256(new)[:HASH_CHARS]}.bak")
    try:
        _link_or_copy(target, backup, current, mode)
    except FixError:
        raise
    except OSError as error:
        raise _describe_os_error(backup, error, "write")
    if _read(backup) != current:  # the file changed between our read and the link
        with contextlib.suppress(OSError):
            backup.unlink()
        raise FixError("error.changed-while-planning", {"path": str(target)})
    return backup


def _drop_leftovers(gens: List[Generation], current: Optional[bytes]) -> List[Generation]:
    """Backups equal to the file as it is restore nothing: a run killed after its backup and
    before its write, or an undo killed after its restore. Removing them loses no byte."""
    kept = []
    for generation in gens:
        if current is not None and not generation.matches(current) and _read(generation.path) == current:
            with contextlib.suppress(OSError):
                generation.path.unlink()
        else:
            kept.append(generation)
    return kept


# ---------------------------------------------------------------- record (a list, not the truth)

def _manifest_path(root: Path) -> Path:
    return Path(root) / MANIFEST_NAME


def read_manifest(root: Path) -> Dict[str, Dict[str, str]]:
    """{relative path: entry} of the record file; {} when it is missing, half-written or of
    another shape: the backups on disk say what happened anyway."""
    try:
        data = json.loads(_manifest_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, dict)}


def write_manifest(root: Path, files: Dict[str, Dict[str, str]]) -> None:
    """Best effort: a record that cannot be written (a full disk) costs nothing, the state is
    read from the backups."""
    path = _manifest_path(root)
    clean_stale_temps(path)
    try:
        if not files:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return
        body = json.dumps({"schema": MANIFEST_SCHEMA, "schema_version": MANIFEST_VERSION, "files": files},
                          indent=1, sort_keys=True)
        atomic_write(path, (body + "\n").encode("utf-8"), 0o644)
    except (OSError, FixError):
        pass


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.realpath(path)).relative_to(Path(os.path.realpath(root))).as_posix()


def _legacy_written(entry: Dict[str, str]) -> Optional[str]:
    written = entry.get("written_sha256")
    return written if isinstance(written, str) and re.fullmatch(r"[0-9a-f]{64}", written) else None


# ---------------------------------------------------------------- apply / undo

def apply(edits: Sequence[FileEdit], root: Path) -> List[WriteResult]:
    """Write every edit or none: a failure part-way restores the files already written."""
    return apply_changes([Change(e.path, e.old_bytes, e.new_bytes(), e.kind, e.new_text) for e in edits], root)


def apply_changes(changes: Sequence[Change], root: Path) -> List[WriteResult]:
    """The one writer of user files (fix, preflight --install-into): each change gets a new
    backup generation, an atomic write, and a rollback of the whole set when one fails."""
    root = Path(root)
    prepared = []
    for change in changes:
        given = Path(change.path)
        real = inside_root(given, root)
        current = _read(real)
        if current is None or current != change.old_bytes:
            raise FixError("error.changed-while-planning", {"path": str(real)})
        if change.new_bytes != current:
            if change.new_text is not None:
                _verify(change.kind, str(change.path), change.new_text)
            require_writable(real)
            generations(real)  # a backup name taken by a folder or a link is refused here, before any write
        link = str(given) if os.path.islink(str(given)) else None
        prepared.append((real, current, change.new_bytes, link))
    needed = sum(len(new) for _real, current, new, _link in prepared if new != current)
    if needed:
        require_space(root, needed)

    results: List[WriteResult] = []
    done = []  # (target, its new backup) for a rollback
    pending: Optional[Path] = None
    try:
        for real, current, new, link in prepared:
            if new == current:
                results.append(WriteResult(str(real), "unchanged", None, False, link))
                continue
            clean_stale_temps(real)
            gens = _drop_leftovers(generations(real), current)
            number = max([g.number for g in gens] + [0]) + 1
            mode = stat.S_IMODE(os.stat(str(real)).st_mode)
            pending = _new_generation(real, current, new, mode, number)
            atomic_write(real, new, mode)
            done.append((real, pending))
            pending = None
            results.append(WriteResult(str(real), "written", str(done[-1][1]), True, link))
    except BaseException as error:
        if pending is not None:  # its write never happened: the backup equals the file
            with contextlib.suppress(OSError):
                pending.unlink()
        stuck = _roll_back(done)
        if stuck and isinstance(error, Exception):
            target, backup, why = stuck[0]
            failed = error.params if isinstance(error, FixError) else {"path": "?", "error": str(error)}
            raise FixError("error.rollback-failed", {
                "failed": failed.get("path"), "error": failed.get("error") or str(error),
                "path": str(target), "backup": str(backup), "why": why}) from error
        raise
    _record(root, [(Path(r.path), r.link) for r in results if r.status == "written"])
    WRITTEN_THIS_RUN.extend(r.path for r in results if r.status == "written")
    return results


def _roll_back(done) -> list:
    """Put back every file written in this run; returns (target, backup, why) for those that
    could not be (they keep their backup, so `fix --undo` still finds them)."""
    stuck = []
    for target, backup in reversed(done):
        try:
            _put_back(backup, target)
        except OSError as error:
            stuck.append((target, backup, str(error.strerror or error)))
            continue
        with contextlib.suppress(OSError):
            backup.unlink()
    return stuck


def _record(root: Path, written) -> None:
    manifest = read_manifest(root)
    for real, link in written:
        entry = manifest.setdefault(_relative(real, root), {})
        if link:
            links = set(entry.get("links") or []) if isinstance(entry.get("links"), list) else set()
            entry["links"] = sorted(links | {Path(os.path.abspath(link)).relative_to(
                Path(os.path.abspath(root))).as_posix()} if _under(link, root) else links)
    write_manifest(root, manifest)


def _under(path: str, root: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root)))
    except ValueError:
        return False
    return True


def _candidates(root: Path) -> Set[Path]:
    """Every file with a backup generation beside it, in the folders gsv-doctor writes to."""
    folders = {Path(os.path.realpath(root)), Path(os.path.realpath(root / "GPT_SoVITS" / "configs"))}
    manifest = read_manifest(root)
    for relative in manifest:
        folders.add(Path(os.path.realpath(root / relative)).parent)
    for known in [root / "config.py", root / "GPT_SoVITS" / "configs" / "tts_infer.yaml"] + [
            root / link for entry in manifest.values() for link in (entry.get("links") or [])
            if isinstance(link, str)]:
        folders.add(Path(os.path.realpath(known)).parent)
    found = set()
    for folder in folders:
        try:
            names = os.listdir(str(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith(BACKUP_SUFFIX):
                original = name[: -len(BACKUP_SUFFIX)]
            else:
                match = _GENERATION.search(name)
                original = name[: match.start()] if match else ""
            if original:
                found.add(folder / original)
    return found


def undo(root: Path, force: bool = False) -> List[UndoResult]:
    """Restore every file gsv-doctor changed from its backups. Refuses (changing nothing) when a
    file changed after the fix, unless `force`."""
    root = Path(root)
    manifest = read_manifest(root)
    plans = []
    changed = []
    for target in sorted(_candidates(root)):
        try:
            real = inside_root(target, root)
        except FixError:
            continue  # a record naming a place outside the project is not followed
        entry = manifest.get(_relative(real, root), {})
        gens = generations(real, _legacy_written(entry))
        if not gens:
            continue
        clean_stale_temps(real)
        current = _read(real)
        live = [g for g in gens if current is None or g.matches(current) or _read(g.path) != current]
        if not live:
            plans.append((real, gens, current))  # only leftovers: clean them, nothing to restore
            continue
        newest = live[-1]
        if current is not None and not newest.matches(current):
            changed.append((real, newest))
        plans.append((real, gens, current))
    if changed and not force:
        raise FixError("error.changed-after-fix", {
            "paths": ", ".join(str(path) for path, _g in changed),
            "backups": ", ".join(f"{g.path.name} ({g.saved})" for _p, g in changed)})
    for real, _gens, current in plans:
        if current is not None:
            require_writable(real)
    results = []
    forced_paths = {path for path, _g in changed}
    for real, gens, current in plans:
        result = _unwind(real, gens, current, real in forced_paths)
        if result is not None:
            results.append(result)
            WRITTEN_THIS_RUN.append(result.path)
    remaining = {path for path in _candidates(root) if generations(path)}
    write_manifest(root, {k: v for k, v in manifest.items() if Path(os.path.realpath(root / k)) in remaining})
    results += _marks_without_backup(root, {Path(r.path) for r in results})
    return results


def _unwind(target: Path, gens: List[Generation], current: Optional[bytes], forced: bool) -> Optional[UndoResult]:
    """Restore the newest backup that matches the file (or, forced, the newest one), then each
    older one that matches what came back. Backups older than a file the user replaced are stale."""
    gens = _drop_leftovers(gens, current)
    restored: Optional[Generation] = None
    dropped = []
    while gens:
        newest = gens.pop()
        if current is None or newest.matches(current) or (forced and restored is None):
            data = _read(newest.path)
            _put_back(newest.path, target)
            newest.path.unlink()
            current, restored = data, newest
            gens = _drop_leftovers(gens, current)
        elif restored is None:
            break  # changed after the fix and not forced: undo() refused before, nothing is deleted
        else:  # a backup of a file version the user (or GPT-SoVITS) replaced after this fix
            newest.path.unlink()
            dropped.append(str(newest.path))
    if restored is None:
        return None
    return UndoResult(str(target), "restored", str(restored.path), forced=forced, saved=restored.saved,
                      dropped=dropped)


def _marks_without_backup(root: Path, restored: Set[Path]) -> List[UndoResult]:
    """A config.py still carrying gsv-doctor's guard with no backup left (removed by hand):
    said, never passed over as "nothing to undo"."""
    config = Path(os.path.realpath(root / "config.py"))
    if config in restored:
        return []
    data = _read(config) if config.is_file() else None
    if data and any(mark in data for mark in CONFIG_MARKS):
        return [UndoResult(str(config), "missing-backup", None)]
    return []


__all__ = ["Change", "WriteResult", "UndoResult", "Generation", "apply", "apply_changes", "undo", "lock",
           "atomic_write", "generations", "unified_diff", "inside_root", "require_writable", "EXIT_USAGE"]
