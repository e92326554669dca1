import errno
import os
import stat
import subprocess
import sys
import textwrap

import pytest
from conftest import FIXTURES, REPO_ROOT

from gsv_doctor import edits, fixplan
from gsv_doctor.families.gpt_sovits import fixes
from gsv_doctor.families.gpt_sovits import configpy
from gsv_doctor.errors import DoctorError
from gsv_doctor.findings import Finding, Severity

CONFIGS = FIXTURES / "configs"
HALF_ON_CPU = [Finding("config-half-on-cpu", Severity.ERROR)]


def make_project(tmp_path, fixture="constants_spaced.py"):
    root = tmp_path / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_bytes((CONFIGS / fixture).read_bytes())
    return root


def plan_for(root):
    facts = configpy.read_config(root / "config.py")
    return fixes.plan_config(facts, HALF_ON_CPU)


def files_in(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("fixture", ["constants_gbk_crlf.py", "constants_bom_zh.py", "env_compare_crlf.py"])
def test_apply_then_undo_is_byte_exact(tmp_path, fixture):
    root = make_project(tmp_path, fixture)
    original = (root / "config.py").read_bytes()
    os.chmod(root / "config.py", 0o640)
    edit = plan_for(root)
    [result] = edits.apply([edit], root)
    assert result.status == "written" and result.backup_created
    written = (root / "config.py").read_bytes()
    assert written == edit.new_bytes() and written != original
    assert (root / "config.py.gsv-doctor.bak").read_bytes() == original
    assert stat.S_IMODE((root / "config.py").stat().st_mode) == 0o640
    assert set(files_in(root)) == {"config.py", "config.py.gsv-doctor.bak", edits.MANIFEST_NAME}
    [undone] = edits.undo(root)
    assert undone.status == "restored" and not undone.forced
    assert (root / "config.py").read_bytes() == original
    assert stat.S_IMODE((root / "config.py").stat().st_mode) == 0o640
    assert files_in(root) == ["config.py"]
    assert edits.undo(root) == []


def test_backup_is_never_overwritten(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edits.apply([plan_for(root)], root)
    # the user edits the fixed file, then a later fix writes again
    facts = configpy.read_config(root / "config.py")
    changed = facts.text.replace('exp_root = "logs"', 'exp_root = "my_logs"')
    edit = fixplan.FileEdit(str(root / "config.py"), facts.text, changed, ["test"], encoding="utf-8",
                            old_bytes=facts.raw)
    [result] = edits.apply([edit], root)
    assert result.status == "written" and not result.backup_created
    assert (root / "config.py.gsv-doctor.bak").read_bytes() == original
    edits.undo(root)
    assert (root / "config.py").read_bytes() == original


def test_unchanged_edit_writes_nothing(tmp_path):
    root = make_project(tmp_path)
    facts = configpy.read_config(root / "config.py")
    edit = fixplan.FileEdit(str(root / "config.py"), facts.text, facts.text, [], old_bytes=facts.raw)
    [result] = edits.apply([edit], root)
    assert result.status == "unchanged" and files_in(root) == ["config.py"]


def test_undo_refuses_a_file_changed_after_the_fix_unless_forced(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edits.apply([plan_for(root)], root)
    with open(root / "config.py", "ab") as handle:
        handle.write(b"webui_port_main = 1234\n")
    changed = (root / "config.py").read_bytes()
    with pytest.raises(DoctorError) as error:
        edits.undo(root)
    assert "changed after" in error.value.message and "--force" in error.value.hint
    assert (root / "config.py").read_bytes() == changed
    [undone] = edits.undo(root, force=True)
    assert undone.forced and (root / "config.py").read_bytes() == original


def test_undo_force_without_a_record(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edits.apply([plan_for(root)], root)
    (root / edits.MANIFEST_NAME).unlink()
    assert edits.undo(root) == []
    edits.undo(root, force=True)
    assert (root / "config.py").read_bytes() == original


def test_read_only_file_is_refused_untouched(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    os.chmod(root / "config.py", 0o444)
    if os.access(root / "config.py", os.W_OK):
        pytest.skip("running as a user that can write read-only files")
    with pytest.raises(DoctorError) as error:
        edits.apply([plan_for(root)], root)
    assert "read-only" in error.value.message
    assert (root / "config.py").read_bytes() == original and files_in(root) == ["config.py"]


def test_read_only_check_does_not_depend_on_permission_bits(tmp_path, monkeypatch):
    # root can write anything; simulate the refusal the way a user without rights meets it
    root = make_project(tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path).endswith("config.py") and mode == os.W_OK
                        else real_access(path, mode))
    with pytest.raises(DoctorError, match="read-only"):
        edits.apply([plan_for(root)], root)
    assert files_in(root) == ["config.py"]


def test_full_disk_gives_a_clear_message_and_leaves_the_original(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edit = plan_for(root)

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(DoctorError) as error:
        edits.apply([edit], root)
    monkeypatch.undo()
    assert "disk is full" in error.value.message and "untouched" in error.value.message
    assert (root / "config.py").read_bytes() == original
    assert files_in(root) == ["config.py"]  # no temporary file, no backup left behind


def test_failure_on_the_second_file_rolls_back_the_first(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    tts = root / "GPT_SoVITS" / "configs" / "tts_infer.yaml"
    tts.write_bytes((CONFIGS / "tts_infer_cuda.yaml").read_bytes())
    original = (root / "config.py").read_bytes()
    from gsv_doctor.families.gpt_sovits.ttsyaml import read_tts_infer

    tts_edit = fixes.plan_tts(read_tts_infer(tts), [Finding("tts-infer-device-unusable", Severity.ERROR,
                                                              params={"section": "custom"})])
    real_replace = os.replace

    def failing(src, dst):
        if str(dst).endswith("tts_infer.yaml"):
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(DoctorError, match="Input/output error"):
        edits.apply([plan_for(root), tts_edit], root)
    monkeypatch.undo()
    assert (root / "config.py").read_bytes() == original
    assert tts.read_bytes() == (CONFIGS / "tts_infer_cuda.yaml").read_bytes()


def test_file_changed_since_planning_is_refused(tmp_path):
    root = make_project(tmp_path)
    edit = plan_for(root)
    (root / "config.py").write_bytes(b"is_half = True\ninfer_device = 'cpu'\n")
    with pytest.raises(DoctorError, match="changed while"):
        edits.apply([edit], root)


def test_symlink_pointing_outside_is_refused(tmp_path):
    root = make_project(tmp_path)
    outside = tmp_path / "elsewhere.py"
    outside.write_bytes((root / "config.py").read_bytes())
    (root / "config.py").unlink()
    (root / "config.py").symlink_to(outside)
    edit = plan_for(root)
    with pytest.raises(DoctorError) as error:
        edits.apply([edit], root)
    assert "outside the project" in error.value.message
    assert outside.read_bytes() == (CONFIGS / "constants_spaced.py").read_bytes()


def test_symlink_inside_the_root_writes_the_real_file(tmp_path):
    root = make_project(tmp_path)
    (root / "real_config.py").write_bytes((root / "config.py").read_bytes())
    (root / "config.py").unlink()
    (root / "config.py").symlink_to("real_config.py")
    edits.apply([plan_for(root)], root)
    assert (root / "config.py").is_symlink()
    assert configpy.read_config(root / "real_config.py").patched


def test_a_link_where_the_backup_goes_is_refused(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    (root / "config.py.gsv-doctor.bak").symlink_to(tmp_path / "nowhere")
    with pytest.raises(DoctorError, match="not a plain file"):
        edits.apply([plan_for(root)], root)
    assert (root / "config.py").read_bytes() == original


def test_lock_refuses_a_second_writer_and_takes_over_a_stale_lock(tmp_path):
    with edits.lock(tmp_path):
        (tmp_path / edits.LOCK_NAME).write_text(str(os.getppid()))  # a live process holds it
        with pytest.raises(DoctorError, match="another gsv-doctor fix"):
            with edits.lock(tmp_path):
                pass
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / edits.LOCK_NAME).write_text(dead.stdout.strip())
    with edits.lock(tmp_path) as path:
        assert path.read_text() == str(os.getpid())
    assert not (tmp_path / edits.LOCK_NAME).exists()


KILL_BEFORE_REPLACE = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {repo!r})
    from gsv_doctor import edits
    from gsv_doctor.families.gpt_sovits import configpy, fixes
    from gsv_doctor.findings import Finding, Severity
    root = {root!r}
    edit = fixes.plan_config(configpy.read_config(os.path.join(root, "config.py")),
                               [Finding("config-half-on-cpu", Severity.ERROR)])
    real_replace = os.replace
    def die(src, dst):
        if dst.endswith("config.py"):
            os._exit(9)  # killed between the temporary write and the replace
        return real_replace(src, dst)
    os.replace = die
    edits.apply([edit], root)
""")


def test_killed_between_temporary_write_and_replace_leaves_the_original(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    child = subprocess.run([sys.executable, "-c", KILL_BEFORE_REPLACE.format(repo=str(REPO_ROOT), root=str(root))],
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == 9, child.stderr
    assert (root / "config.py").read_bytes() == original
    leftovers = [name for name in files_in(root) if edits.TMP_MARK in name]
    assert len(leftovers) == 1  # the complete temporary file, never the real one
    # the next run cleans the dead writer's temporary file and succeeds
    edits.apply([plan_for(root)], root)
    assert not [name for name in files_in(root) if edits.TMP_MARK in name]
    edits.undo(root)
    assert (root / "config.py").read_bytes() == original


def test_diff_names_the_file_relative_to_the_root(tmp_path):
    root = make_project(tmp_path, "constants_tight_crlf.py")
    diff = edits.unified_diff(plan_for(root), root)
    assert diff.startswith("--- a/config.py\n+++ b/config.py\n")
    assert "\r" not in diff and "+# >>> gsv-doctor" in diff
