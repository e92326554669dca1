import errno
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


def backups(path):
    """The backup generations of `path`, oldest first."""
    return [g.path for g in edits.generations(path)]


def rewrite(root, old, new):
    """An edit of config.py that replaces `old` by `new` (what a later fix could write)."""
    facts = configpy.read_config(root / "config.py")
    return fixplan.FileEdit(str(root / "config.py"), facts.text, facts.text.replace(old, new), ["test"],
                            encoding=facts.encoding, old_bytes=facts.raw)


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
    [backup] = backups(root / "config.py")
    assert backup.read_bytes() == original and result.backup == str(backup)
    assert edits.sha256(written)[:12] in backup.name  # the backup names what was written over it
    assert stat.S_IMODE((root / "config.py").stat().st_mode) == 0o640
    assert set(files_in(root)) == {"config.py", backup.name, edits.MANIFEST_NAME}
    [undone] = edits.undo(root)
    assert undone.status == "restored" and not undone.forced and undone.backup == str(backup)
    assert undone.saved[:4].isdigit()  # when the restored backup was taken
    assert (root / "config.py").read_bytes() == original
    assert stat.S_IMODE((root / "config.py").stat().st_mode) == 0o640
    assert files_in(root) == ["config.py"]
    assert edits.undo(root) == []


def test_backup_is_never_overwritten_and_undo_unwinds_both_fixes(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edits.apply([plan_for(root)], root)
    first = (root / "config.py").read_bytes()
    # a later fix writes over gsv-doctor's own result: one more generation, the first one stays
    [result] = edits.apply([rewrite(root, 'exp_root = "logs"', 'exp_root = "my_logs"')], root)
    assert result.status == "written" and len(backups(root / "config.py")) == 2
    assert backups(root / "config.py")[0].read_bytes() == original
    assert backups(root / "config.py")[1].read_bytes() == first
    edits.undo(root)
    assert (root / "config.py").read_bytes() == original and not backups(root / "config.py")


def test_a_fix_of_a_file_replaced_since_the_last_fix_keeps_the_new_version(tmp_path):
    """The user installs a newer config.py after a fix and fixes again: undo brings back the
    newer one, not the file from before the first fix (which the user replaced)."""
    root = make_project(tmp_path)
    edits.apply([plan_for(root)], root)
    upstream = (CONFIGS / "env_compare_crlf.py").read_bytes()
    (root / "config.py").write_bytes(upstream)
    [result] = edits.apply([plan_for(root)], root)
    assert result.backup_created and len(backups(root / "config.py")) == 2
    [undone] = edits.undo(root)
    assert (root / "config.py").read_bytes() == upstream
    assert len(undone.dropped) == 1 and not backups(root / "config.py")  # the stale one, named in the result


def test_an_orphan_backup_is_not_restored_over_a_later_edit(tmp_path):
    """A write that failed after its backup left the backup behind; the user edits; fix; undo
    gives back the user's edit."""
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edit = plan_for(root)
    (root / f"config.py.gsv-doctor-1-20250101-000000-{edits.sha256(edit.new_bytes())[:12]}.bak").write_bytes(original)
    edited = original.replace(b'exp_root = "logs"', b'exp_root = "mine"')
    assert edited != original
    (root / "config.py").write_bytes(edited)
    edits.apply([plan_for(root)], root)
    edits.undo(root)
    assert (root / "config.py").read_bytes() == edited
    assert files_in(root) == ["config.py"]
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


def two_file_project(tmp_path):
    root = make_project(tmp_path)
    tts = root / "GPT_SoVITS" / "configs" / "tts_infer.yaml"
    tts.write_bytes((CONFIGS / "tts_infer_cuda.yaml").read_bytes())
    from gsv_doctor.families.gpt_sovits.ttsyaml import read_tts_infer

    tts_edit = fixes.plan_tts(read_tts_infer(tts), [Finding("tts-infer-device-unusable", Severity.ERROR,
                                                              params={"section": "custom"})])
    return root, tts, [plan_for(root), tts_edit]


@pytest.mark.parametrize("record", [None, b"", b'{"schema": "gsv-doc', b"[]", b"null", b'{"files": []}',
                                    b'{"files": {"config.py": {}}}', b'{"files": {"config.py": {"backup": 7}}}',
                                    b'{"files": {"../../etc/passwd": {"backup": "x"}}}'])
def test_undo_needs_no_record(tmp_path, record):
    """Missing, half-written or of another shape: the backups on disk say what to restore."""
    root, tts, plan = two_file_project(tmp_path)
    before = {p: p.read_bytes() for p in (root / "config.py", tts)}
    edits.apply(plan, root)
    if record is None:
        (root / edits.MANIFEST_NAME).unlink()
    else:
        (root / edits.MANIFEST_NAME).write_bytes(record)
    assert len(edits.undo(root)) == 2
    assert {p: p.read_bytes() for p in before} == before


def test_a_backup_that_is_a_folder_is_refused_with_a_message(tmp_path):
    root = make_project(tmp_path)
    edits.apply([plan_for(root)], root)
    (root / "config.py.gsv-doctor-9-20250101-000000-000000000000.bak").mkdir()
    with pytest.raises(DoctorError, match="not a plain file"):
        edits.undo(root)


def test_undo_killed_after_restoring_one_file_finishes_later(tmp_path):
    root, tts, plan = two_file_project(tmp_path)
    before = {p: p.read_bytes() for p in (root / "config.py", tts)}
    edits.apply(plan, root)
    # the state an undo killed between its two files leaves: config.py back, its backup still there
    [config_backup] = backups(root / "config.py")
    (root / "config.py").write_bytes(config_backup.read_bytes())
    undone = edits.undo(root)
    assert [Path(u.path).name for u in undone] == ["tts_infer.yaml"]
    assert {p: p.read_bytes() for p in before} == before
    assert not backups(root / "config.py") and not backups(tts)


def test_a_backup_deleted_by_hand_blocks_nothing_else_and_is_reported(tmp_path):
    root, tts, plan = two_file_project(tmp_path)
    original_tts = tts.read_bytes()
    edits.apply(plan, root)
    for backup in backups(root / "config.py"):
        backup.unlink()
    undone = {Path(u.path).name: u for u in edits.undo(root)}
    assert tts.read_bytes() == original_tts and undone["tts_infer.yaml"].status == "restored"
    assert undone["config.py"].status == "missing-backup"  # the guard is still there: said, not hidden


def test_undo_never_says_nothing_to_undo_while_the_guard_is_there(tmp_path):
    root = make_project(tmp_path)
    edits.apply([plan_for(root)], root)
    for name in files_in(root):
        if name != "config.py":
            (root / name).unlink()
    [item] = edits.undo(root)
    assert item.status == "missing-backup"


def test_undo_force_without_a_record(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edits.apply([plan_for(root)], root)
    (root / edits.MANIFEST_NAME).unlink()
    with open(root / "config.py", "ab") as handle:
        handle.write(b"# mine\n")
    with pytest.raises(DoctorError, match="changed after"):
        edits.undo(root)
    edits.undo(root, force=True)
    assert (root / "config.py").read_bytes() == original


def test_a_record_of_the_first_release_is_still_undone(tmp_path):
    root = make_project(tmp_path)
    original = (root / "config.py").read_bytes()
    edit = plan_for(root)
    (root / "config.py.gsv-doctor.bak").write_bytes(original)
    (root / "config.py").write_bytes(edit.new_bytes())
    (root / edits.MANIFEST_NAME).write_text(json.dumps({"schema": edits.MANIFEST_SCHEMA, "schema_version": 1, "files": {
        "config.py": {"backup": "config.py.gsv-doctor.bak", "original_sha256": edits.sha256(original),
                      "written_sha256": edits.sha256(edit.new_bytes())}}}))
    [undone] = edits.undo(root)
    assert undone.status == "restored" and (root / "config.py").read_bytes() == original
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


HOLD_LOCK = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {repo!r})
    from gsv_doctor import edits
    with edits.lock({root!r}):
        print("held", flush=True)
        time.sleep(120)
""")


def dead_pid():
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_live_lock_is_never_taken_over_and_a_killed_holder_blocks_nobody(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK.format(repo=str(REPO_ROOT), root=str(tmp_path))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        # what a second run may read while the holder lives: a dead process's pid (or an empty file)
        for content in (str(dead_pid()), ""):
            (tmp_path / edits.LOCK_NAME).write_text(content)
            with pytest.raises(DoctorError, match="another gsv-doctor fix"):
                with edits.lock(tmp_path):
                    pass
            assert (tmp_path / edits.LOCK_NAME).exists()
    finally:
        holder.kill()
        holder.wait()
    with edits.lock(tmp_path) as path:
        assert path.read_text() == str(os.getpid())
    assert not (tmp_path / edits.LOCK_NAME).exists()


def test_an_empty_or_stale_lock_file_blocks_nobody(tmp_path):
    for content in ("", str(dead_pid()), str(os.getppid())):  # a full disk; a killed run; a pid reused since
        (tmp_path / edits.LOCK_NAME).write_text(content)
        with edits.lock(tmp_path):
            with pytest.raises(DoctorError, match="another gsv-doctor fix"):
                with edits.lock(tmp_path):  # a second writer in this very process is refused too
                    pass


def test_a_full_disk_before_any_write_is_refused(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.setattr(edits.shutil, "disk_usage", lambda path: shutil_usage(10))
    with pytest.raises(DoctorError, match="disk is full"):
        edits.apply([plan_for(root)], root)
    assert files_in(root) == ["config.py"]


def shutil_usage(free):
    import shutil

    return shutil._ntuple_diskusage(10 ** 9, 10 ** 9 - free, free)


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(budget=st.integers(min_value=0, max_value=12000), links=st.booleans(), fsync_fails=st.booleans())
def test_a_disk_that_fills_up_at_any_point_is_rolled_back_or_said(tmp_path_factory, budget, links, fsync_fails):
    """Every write may be the one that meets a full disk. Either nothing changed and the
    message says so, or the message names what was written and where its original is, and
    undo brings everything back."""
    root, _tts, plan = two_file_project(tmp_path_factory.mktemp("full"))
    before = snapshot(root)
    left = [budget]
    real_write, real_fsync = os.write, os.fsync

    def write(fd, data):
        if len(data) > left[0]:
            left[0] = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        left[0] -= len(data)
        return real_write(fd, data)

    def fsync(fd):
        if fsync_fails and left[0] == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    def no_link(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "write", write)
        patch.setattr(os, "fsync", fsync)
        if not links:
            patch.setattr(os, "link", no_link)
        try:
            edits.apply(plan, root)
            error = None
        except DoctorError as raised:
            error = raised
    after = snapshot(root)
    if error is not None and "untouched" in error.message:
        assert after == before
    elif error is not None:
        assert "could not be put back" in error.message and "Nothing is lost" in error.message
        assert error.params["backup"] in {str(root / name) for name in after}
    edits.undo(root)
    assert snapshot(root) == before
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
