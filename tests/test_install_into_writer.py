"""preflight --install-into writes start scripts through the one writer of user files."""
import os

import pytest

from gsv_doctor import edits, preflight
from gsv_doctor.errors import DoctorError

LAUNCH = "runtime\\python.exe -I webui.py zh_CN\r\npause\r\n"


def test_a_utf8_bom_stays_in_front(tmp_path):
    script = tmp_path / "go-webui.bat"
    script.write_bytes(b"\xef\xbb\xbf@echo off\r\n" + LAUNCH.encode())
    preflight.install_into(str(script))
    data = script.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf@echo off\r\n") and data.count(b"\xef\xbb\xbf") == 1
    assert b"gsv_doctor preflight" in data


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_stays_utf16(tmp_path, encoding, bom):
    script = tmp_path / "go-webui.ps1"
    original = bom + ("# 启动\r\n& \"$PSScriptRoot\\runtime\\python.exe\" -I webui.py\r\n").encode(encoding)
    script.write_bytes(original)
    backup = preflight.install_into(str(script))
    data = script.read_bytes()
    assert data.startswith(bom) and data.count(bom) == 1
    text = data[2:].decode(encoding)
    assert "gsv_doctor preflight" in text and "# 启动" in text
    assert open(backup, "rb").read() == original


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_link_inside_the_folder_writes_the_real_script_and_stays_a_link(tmp_path):
    real = tmp_path / "scripts" / "start.sh"
    real.parent.mkdir()
    real.write_text("#!/bin/sh\npython webui.py\n")
    (tmp_path / "start.sh").symlink_to("scripts/start.sh")
    preflight.install_into(str(tmp_path / "start.sh"))
    assert (tmp_path / "start.sh").is_symlink()
    assert "gsv_doctor preflight" in real.read_text()
    assert [g.path.parent for g in edits.generations(real)] == [real.parent]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_link_to_a_script_elsewhere_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere" / "start.sh"
    elsewhere.parent.mkdir()
    elsewhere.write_text("python webui.py\n")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "start.sh").symlink_to(elsewhere)
    with pytest.raises(DoctorError, match="outside"):
        preflight.install_into(str(folder / "start.sh"))
    assert elsewhere.read_text() == "python webui.py\n"


@pytest.mark.parametrize("name, data", [
    ("start.sh", b"#!/bin/sh\necho hello\nls -l\n"),  # no line that starts Python
    ("start.sh", bytes(range(256)) * 4),  # not text at all
    ("go-webui.bat", b"\x00\x01\x02MZ\x90\x00"),
])
def test_what_is_not_a_start_script_is_refused_untouched(tmp_path, name, data):
    script = tmp_path / name
    script.write_bytes(data)
    with pytest.raises(DoctorError, match="nothing was changed"):
        preflight.install_into(str(script))
    assert script.read_bytes() == data and os.listdir(tmp_path) == [name]
