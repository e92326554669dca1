import sys
from pathlib import Path

import pytest
from rvc_project import NEW, OLD, make_project, snapshot
from test_rvc_predict import CPU, GTX1660TI, RTX3090

from gsv_doctor import edits
from gsv_doctor.families import rvc
from gsv_doctor.families.rvc import configclass


def relative(root, plan):
    return sorted(Path(e.path).relative_to(root).as_posix() for e in plan)


@pytest.mark.parametrize("shape_layout", [OLD, NEW])
def test_the_plan_guards_device_config_and_turns_fp16_run_off_for_cpu_training(tmp_path, shape_layout):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", shape_layout)
    plan = rvc.plan(rvc.predict(root, CPU))
    config = "config.py" if shape_layout == OLD else "configs/config.py"
    jsons = ["configs/32k.json", "configs/40k.json"] if shape_layout == OLD else \
        ["configs/v1/40k.json", "configs/v2/40k.json"]
    assert relative(root, plan) == sorted([config] + jsons)
    guard = next(e for e in plan if e.kind == "config")
    assert configclass.GUARD_MARK in guard.new_text
    for edit in plan:
        if edit.kind == "json":
            assert edit.new_text == edit.old_text.replace('"fp16_run": true', '"fp16_run": false')
            assert '"use_spectral_norm": false' in edit.new_text


@pytest.mark.parametrize("shape", ["class_fp32_rewrite", "class_inuse", "capability_rule"])
def test_versions_that_already_run_float32_on_the_cpu_need_nothing(tmp_path, shape):
    root = make_project(tmp_path / "rvc", shape, NEW)
    assert rvc.plan(rvc.predict(root, CPU)) == []


def test_the_first_versions_need_only_the_json_files(tmp_path):
    # Their CPU branch resets is_half, but nothing turns fp16_run off for training.
    root = make_project(tmp_path / "rvc", "module_values", OLD)
    assert relative(root, rvc.plan(rvc.predict(root, CPU))) == ["configs/32k.json", "configs/40k.json"]


def test_a_second_plan_after_the_fix_changes_nothing(tmp_path):
    root = make_project(tmp_path / "rvc", "class_cpu_half_true", OLD)
    edits.apply(rvc.plan(rvc.predict(root, CPU)), root)
    assert rvc.plan(rvc.predict(root, CPU)) == []


def test_on_a_gpu_machine_the_json_files_keep_float16_training(tmp_path):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", NEW)
    project = rvc.predict(root, RTX3090)  # statically unknown on a GPU: only the portable guard
    assert relative(root, rvc.plan(project)) == ["configs/config.py"]


@pytest.mark.slow
@pytest.mark.parametrize("shape_layout", [OLD, NEW])
def test_fix_write_then_undo(tmp_path, shape_layout):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", shape_layout)
    before = snapshot(root)
    plan = rvc.plan(rvc.predict(root, CPU, python=sys.executable))
    edits.apply(plan, root)
    changed = {p for p, data in snapshot(root).items() if before.get(p) != data}
    written = set(relative(root, plan))
    backups = {p for p in changed - written if p.endswith(".bak") and edits.BACKUP_MARK in p}
    assert {p.split(edits.BACKUP_MARK)[0] for p in backups} == written
    assert changed == written | backups | {edits.MANIFEST_NAME}

    after = rvc.predict(root, CPU, python=sys.executable)
    assert {v.outcome for v in after.verdicts} == {"cpu"}
    assert rvc.predict(root, RTX3090, python=sys.executable, fake=True).verdicts[0].outcome == "gpu-half"
    assert rvc.predict(root, GTX1660TI, python=sys.executable, fake=True).verdicts[0].outcome == "gpu"

    edits.undo(root)
    assert snapshot(root) == before


def test_an_unreadable_config_is_refused_with_its_error(tmp_path):
    from gsv_doctor.families import rvc as family
    from gsv_doctor.fixmessages import FixError

    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", OLD)
    (root / "config.py").write_text("class Config(:\n    is_half = True\n    x_pad = 1\n", encoding="utf-8")
    facts = family.read(root, {})
    assert facts.config_error and "cannot parse" in facts.config_error
    with pytest.raises(FixError, match="cannot be fixed"):
        family.plan_fix([], facts)
