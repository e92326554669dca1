"""Child processes that never outlive gsv-doctor and cannot flood it.

Every child starts in a session of its own (a process group on Windows) and carries a mark in
its environment. Ending a child ends its whole group and every process that still carries its
mark: a daemon that left the group (double fork, setsid) is found too, because on Linux
gsv-doctor makes itself the "subreaper" that such orphans are handed to. A child is ended on
its timeout, when its output passes a cap, when gsv-doctor gets SIGTERM or SIGHUP, at exit,
and right after it exits itself (what it left running is ended with it).
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import uuid
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

import psutil

from gsv_doctor.errors import DoctorError

MARK = "GSV_DOCTOR_CHILD"
STDOUT_CAP = 32 * 2 ** 20  # a probe report is a few KB; beyond this the child is ended and the output cut
STDERR_CAP = 2 ** 20  # the last MB is kept
GRACE_S = 2.0  # after a child exits, how long what it started may keep its pipes open
_CHUNK = 65536

_live: "set[Child]" = set()
_lock = threading.Lock()
_previous_handlers: Dict[int, object] = {}
_subreaper = False


def _chunks(stream):
    """What a pipe gives, as it comes, until it ends or is closed."""
    while True:
        try:
            chunk = stream.read1(_CHUNK) if hasattr(stream, "read1") else stream.read(_CHUNK)
        except (OSError, ValueError):
            return
        if not chunk:
            return
        yield chunk


def _scratch_folder() -> Optional[str]:
    """A new folder for a child's temporary files; None when there is no room (a full disk, no
    writable temp folder): the child then uses the usual one rather than not running."""
    try:
        return tempfile.mkdtemp(prefix="gsv-doctor-child-")
    except OSError:
        return None


@dataclass
class Done:
    stdout: bytes
    stderr: bytes
    returncode: Optional[int]
    timed_out: bool
    cut: bool  # stdout passed the cap: the child was ended and its output cut there


def _become_subreaper() -> None:
    """Orphans of our children are handed to us, not to init, so they can be found and ended."""
    global _subreaper
    if _subreaper or not sys.platform.startswith("linux"):
        return
    _subreaper = True
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _on_signal(signum, _frame) -> None:
    end_all()
    raise SystemExit(128 + signum)


def _register(child: "Child", own_signals: bool) -> None:
    with _lock:
        first = not _live
        _live.add(child)
    if first and own_signals and threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) in (signal.SIG_DFL, None):
                _previous_handlers[number] = signal.signal(number, _on_signal)


def _unregister(child: "Child") -> None:
    with _lock:
        _live.discard(child)
        last = not _live
    if last and threading.current_thread() is threading.main_thread():
        for number, handler in list(_previous_handlers.items()):
            signal.signal(number, handler)
            del _previous_handlers[number]


def end_all() -> None:
    """End every child still running (SIGTERM/SIGHUP to gsv-doctor, interpreter exit)."""
    for child in list(_live):
        child.kill()
        child.remove_scratch()


atexit.register(end_all)


def _marked(token: str) -> List[psutil.Process]:
    """Our descendants that carry `token`: the child's family, wherever they moved."""
    try:
        family = psutil.Process().children(recursive=True)
    except psutil.Error:
        return []
    found = []
    for process in family:
        try:
            if process.environ().get(MARK) == token:
                found.append(process)
        except psutil.Error:
            continue
    return found


class Child:
    """One child process: `args` run in a new session with stdin fed from `stdin_data`, stdout
    and stderr read with caps (capture=False: they stay the terminal's)."""

    def __init__(self, args: Sequence[str], env: Optional[Dict[str, str]] = None, cwd: Optional[str] = None,
                 stdin_data: Optional[bytes] = None, capture: bool = True,
                 max_stdout: Optional[int] = None, max_stderr: Optional[int] = None, own_signals: bool = True,
                 scratch: bool = False):
        """`scratch`: the child's temporary files go to a folder of ours (TMPDIR, TEMP, TMP), removed
        when it ends: a child that is killed cannot clean up after itself."""
        self.token = uuid.uuid4().hex
        self.max_stdout = STDOUT_CAP if max_stdout is None else max_stdout
        self.max_stderr = STDERR_CAP if max_stderr is None else max_stderr
        self.cut = False
        self._stdout = bytearray()
        self._stderr = bytearray()
        child_env = dict(os.environ if env is None else env)
        child_env[MARK] = self.token
        self.scratch = _scratch_folder() if scratch else None
        if self.scratch:
            child_env.update(TMPDIR=self.scratch, TEMP=self.scratch, TMP=self.scratch)
        options: Dict[str, object] = {}
        if os.name == "posix":
            options["start_new_session"] = True
        else:
            options["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
        _become_subreaper()
        pipe = subprocess.PIPE if capture else None
        stdin = subprocess.PIPE if stdin_data is not None else (subprocess.DEVNULL if capture else None)
        try:
            self.process = subprocess.Popen(list(args), stdin=stdin, stdout=pipe, stderr=pipe, env=child_env,
                                            cwd=cwd, **options)
        except OSError as error:
            self.remove_scratch()
            raise DoctorError.of("python.cannot-start", program=args[0], error=str(error.strerror or error)) from None
        self.pid = self.process.pid
        _register(self, own_signals)
        self._threads: List[threading.Thread] = []
        if capture:
            self._spawn(self._read_stdout)
            self._spawn(self._read_stderr)
        if stdin_data is not None:
            self._spawn(self._feed, stdin_data)

    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _feed(self, data: bytes) -> None:
        try:
            self.process.stdin.write(data)
        except (OSError, ValueError):
            pass  # the child closed its stdin or died: its exit code tells
        finally:
            try:
                self.process.stdin.close()
            except (OSError, ValueError):
                pass

    def _read_stdout(self) -> None:
        for chunk in _chunks(self.process.stdout):
            room = self.max_stdout - len(self._stdout)
            self._stdout += chunk[:max(room, 0)]
            if len(chunk) > room:
                self.cut = True
                self.kill()  # a flood: stop it rather than read it all
                return

    def _read_stderr(self) -> None:
        for chunk in _chunks(self.process.stderr):
            self._stderr += chunk
            if len(self._stderr) > 2 * self.max_stderr:
                del self._stderr[:-self.max_stderr]

    def kill(self) -> None:
        """End the child, its process group and every process that carries its mark."""
        if os.name == "posix":
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            family = psutil.Process(self.pid).children(recursive=True)
        except psutil.Error:
            family = []
        try:
            self.process.kill()
        except OSError:
            pass
        strays = _marked(self.token)
        for process in family + strays:
            try:
                process.kill()
            except psutil.Error:
                pass
        for process in strays:  # orphans handed to us: collect them, or they stay zombies
            try:
                if process.ppid() == os.getpid():
                    process.wait(timeout=1)
            except (psutil.Error, ChildProcessError):
                pass

    def remove_scratch(self) -> None:
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def wait(self, timeout: Optional[float] = None) -> Done:
        """Wait for the child (at most `timeout` s), then end what it left behind."""
        timed_out = False
        try:
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                self.kill()
                self.process.wait()
            for thread in self._threads:  # a daemon it started may still hold the pipes
                thread.join(GRACE_S)
            self.kill()
            for thread in self._threads:
                thread.join(GRACE_S)
        except BaseException:
            self.kill()
            raise
        finally:
            _unregister(self)
            self.remove_scratch()
        return Done(bytes(self._stdout), bytes(self._stderr[-self.max_stderr:]), self.process.returncode,
                    timed_out, self.cut)


def run(args: Sequence[str], timeout: float, env: Optional[Dict[str, str]] = None,
        stdin_data: Optional[bytes] = None, cwd: Optional[str] = None) -> Done:
    """Start a child, wait for it at most `timeout` s, end it and what it started."""
    return Child(args, env=env, cwd=cwd, stdin_data=stdin_data).wait(timeout)


def run_child(command: Sequence[str], env: Dict[str, str]) -> int:
    """Run a program in the foreground (`gsv-doctor run`): its own session, the terminal's output;
    Ctrl-C, SIGTERM and SIGHUP to gsv-doctor go to its whole group. Returns its exit code."""
    try:
        child = Child(command, env=env, capture=False, own_signals=False)
    except DoctorError:
        raise DoctorError.of("run.cannot-start", program=command[0]) from None

    def forward(signum, _frame) -> None:
        try:
            if os.name == "posix":
                os.killpg(child.pid, signum)
            else:
                child.process.send_signal(signum)
        except OSError:
            pass

    numbers = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    main = threading.current_thread() is threading.main_thread()
    previous = {number: signal.signal(number, forward) for number in numbers} if main else {}
    try:
        child.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return child.process.returncode
