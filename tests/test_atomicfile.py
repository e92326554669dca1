import os

import pytest

from gsv_doctor import atomicfile


def test_replaces_the_file_with_the_mode_asked_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "probe.json"
    target.write_bytes(b"old")
    atomicfile.write_bytes(target, b"new", mode=0o644)
    assert target.read_bytes() == b"new"
    assert os.stat(target).st_mode & 0o777 == 0o644
    assert os.listdir(tmp_path) == ["probe.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "probe.json"
    target.write_bytes(b"old")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        atomicfile.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["probe.json"]
