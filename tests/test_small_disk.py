"""fix on a really full disk: a tmpfs of a few pages (where mount is allowed, as root in CI),
filled up to a different number of free pages each time."""
import contextlib
import os
import shutil
import subprocess
import uuid

import pytest
from conftest import FIXTURES

from gsv_doctor import edits
from gsv_doctor.errors import DoctorError
from gsv_doctor.families.gpt_sovits import configpy, fixes
from gsv_doctor.families.gpt_sovits.ttsyaml import read_tts_infer
from gsv_doctor.findings import Finding, Severity

PAGE = 4096


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if not shutil.which("mount") or os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={64 * PAGE}", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder, leave_pages):
    """Write a filler file until only `leave_pages` pages are free."""
    filler = folder / f"filler-{uuid.uuid4().hex}"
    with open(filler, "wb", buffering=0) as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * PAGE)
    free_now = shutil.disk_usage(str(folder)).free // PAGE
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - (leave_pages - free_now) * PAGE))
    return filler


@pytest.mark.parametrize("free_pages", range(0, 7))
@pytest.mark.parametrize("links", [True, False])
def test_a_full_tmpfs_is_rolled_back_or_said(small_disk, free_pages, links, monkeypatch):
    root = small_disk / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_bytes((FIXTURES / "configs" / "constants_spaced.py").read_bytes())
    tts = root / "GPT_SoVITS" / "configs" / "tts_infer.yaml"
    # a user's long comments make the second file need more pages than the first
    tts.write_bytes(b"# notes\n" * 1200 + (FIXTURES / "configs" / "tts_infer_cuda.yaml").read_bytes())
    plan = [fixes.plan_config(configpy.read_config(root / "config.py"), [Finding("config-half-on-cpu", Severity.ERROR)]),
            fixes.plan_tts(read_tts_infer(tts), [Finding("tts-infer-device-unusable", Severity.ERROR,
                                                           params={"section": "custom"})])]
    before = {p.name: p.read_bytes() for p in (root / "config.py", tts)}
    filler = fill(small_disk, free_pages)
    monkeypatch.setattr(edits, "SPACE_MARGIN", 0, raising=False)  # no early refusal: meet the full disk mid-way
    if not links:
        def no_link(src, dst):
            raise OSError(1, "Operation not permitted")
        monkeypatch.setattr(os, "link", no_link)
    try:
        edits.apply(plan, root)
        error = None
    except DoctorError as raised:
        error = raised
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in (root / "config.py", tts)}
    if error is not None and "untouched" in error.message:
        assert after == before
    elif error is not None:
        assert "could not be put back" in error.message
    filler.unlink()
    edits.undo(root)
    assert {p.name: p.read_bytes() for p in (root / "config.py", tts)} == before
    assert not [name for name in os.listdir(root) if ".gsv-doctor" in name]
