"""explain reads at most a bounded amount, from anything the user can name, without hanging."""
import os
import subprocess
import sys
import threading
import time

import pytest
from conftest import REPO_ROOT, child_env

from gsv_doctor import logread
from gsv_doctor.errors import DoctorError

LIMIT = 2 ** 20


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_an_endless_device_gives_its_start_and_says_it_was_cut():
    data, name, cut = logread.read_source_capped("/dev/zero", limit=LIMIT)
    assert cut and len(data) == LIMIT and name == "/dev/zero"


def test_a_long_file_gives_its_end(tmp_path):
    path = tmp_path / "big.log"
    path.write_bytes(b"old line\n" * (LIMIT // 9 + 10) + b"RuntimeError: the newest\n")
    data, _name, cut = logread.read_source_capped(str(path), limit=LIMIT)
    assert cut and len(data) == LIMIT and data.endswith(b"RuntimeError: the newest\n")
    assert logread.read_source_capped(str(path))[2] is False  # within the default cap: all of it


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_without_a_writer_is_said_not_waited_for(tmp_path, monkeypatch):
    monkeypatch.setattr(logread, "FIFO_WAIT_S", 0.5)
    fifo = tmp_path / "log.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(DoctorError, match="nothing wrote into"):
        logread.read_source_capped(str(fifo))
    assert time.monotonic() - started < 20


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_with_a_writer_is_read_to_its_end(tmp_path):
    fifo = tmp_path / "log.fifo"
    os.mkfifo(fifo)

    def write():
        time.sleep(0.3)
        with open(fifo, "wb") as handle:
            handle.write(b"Traceback (most recent call last):\n")
            handle.flush()
            time.sleep(0.3)
            handle.write(b"RuntimeError: boom\n")

    writer = threading.Thread(target=write)
    writer.start()
    data, _name, cut = logread.read_source_capped(str(fifo))
    writer.join()
    assert data == b"Traceback (most recent call last):\nRuntimeError: boom\n" and not cut


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_explain_with_standard_input_closed_is_a_message():
    done = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m gsv_doctor explain - --no-probe <&-'],
                          capture_output=True, text=True, env=child_env(), cwd=REPO_ROOT, timeout=120)
    assert done.returncode == 2 and "Standard input is closed" in done.stderr and "Traceback" not in done.stderr


def test_standard_input_longer_than_the_limit_keeps_its_end():
    """A piped log ends with the newest traceback, as a long file does."""
    import io

    tail = b"Traceback (most recent call last):\nRuntimeError: the newest\n"
    data, name, cut = logread.read_source_capped("-", stdin=io.BytesIO(b"x" * (3 * LIMIT) + tail), limit=LIMIT)
    assert cut and name == "<stdin>" and len(data) == LIMIT and data.endswith(tail)
    data, _name, cut = logread.read_source_capped("-", stdin=io.BytesIO(tail), limit=LIMIT)
    assert data == tail and not cut


def test_endless_standard_input_still_ends(monkeypatch):
    monkeypatch.setattr(logread, "STREAM_READ_MAX", 4 * LIMIT)
    with open(os.devnull if not os.path.exists("/dev/zero") else "/dev/zero", "rb") as endless:
        data, _name, cut = logread.read_source_capped("-", stdin=endless, limit=LIMIT)
    assert len(data) <= LIMIT
