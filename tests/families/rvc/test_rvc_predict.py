import os
import sys

import pytest
from rvc_project import NEW, OLD, make_project, snapshot

from gsv_doctor.families import rvc
from gsv_doctor.families.rvc import runner, verdicts

CPU = {"gpus": [], "mps": False}
GIB = 1024 ** 3
RTX3090 = {"gpus": [{"name": "NVIDIA GeForce RTX 3090", "capability": [8, 6], "memory": 24 * GIB}], "mps": False}
GTX1660TI = {"gpus": [{"name": "NVIDIA GeForce GTX 1660 Ti", "capability": [7, 5], "memory": 6 * GIB}], "mps": False}
OLD_TORCH = "/usr/bin/python3"


def outcomes(project):
    return {v.entry: v.outcome for v in project.verdicts}


@pytest.mark.slow
def test_the_cpu_branch_that_keeps_half_is_float16_on_the_cpu_for_every_config_reader(tmp_path):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", NEW)
    before = snapshot(root)
    project = rvc.predict(root, CPU, python=sys.executable)
    assert project.run.ran and project.run.device == "cpu" and project.run.is_half is True
    assert outcomes(project) == {"infer-web.py": "cpu-half", "gui_v1.py": "cpu-half",
                                 "infer/modules/train/train.py": "cpu-half"}
    assert all(v.source == verdicts.RAN for v in project.verdicts)
    assert snapshot(root) == before


@pytest.mark.slow
def test_the_start_up_rewrite_happens_in_the_throw_away_copy_only(tmp_path):
    root = make_project(tmp_path / "rvc", "class_fp32_rewrite", NEW)
    before = snapshot(root)
    project = rvc.predict(root, CPU, python=sys.executable)
    assert outcomes(project) == {"infer-web.py": "cpu", "gui_v1.py": "cpu", "infer/modules/train/train.py": "cpu"}
    assert project.run.fp16_run == {"configs/v1/40k.json": False, "configs/v2/40k.json": False}
    assert snapshot(root) == before  # the user's json and preprocess script still say true / 3.7
    assert not list(tmp_path.glob("gsv-doctor-rvc-*"))


@pytest.mark.slow
@pytest.mark.parametrize("shape, machine, expected", [
    ("class_fp32_rewrite", RTX3090, "gpu-half"),
    ("class_fp32_rewrite", GTX1660TI, "gpu"),
    ("class_inuse", GTX1660TI, "gpu"),
    ("capability_rule", RTX3090, "gpu-half"),
    ("capability_rule", GTX1660TI, "gpu"),
])
def test_a_saved_report_of_another_machine_is_pretended_in_the_child(tmp_path, shape, machine, expected):
    root = make_project(tmp_path / "rvc", shape, NEW)
    project = rvc.predict(root, machine, python=sys.executable, fake=True)
    assert project.verdicts[0].outcome == expected


@pytest.mark.slow
def test_training_reads_the_in_memory_json_of_the_inuse_versions(tmp_path):
    root = make_project(tmp_path / "rvc", "class_inuse", NEW)
    project = rvc.predict(root, RTX3090, python=sys.executable, fake=True)
    assert project.run.fp16_run["memory:v1/40k.json"] is True
    assert outcomes(project)["infer/modules/train/train.py"] == "gpu-half"
    assert not (root / "configs" / "inuse").exists()


@pytest.mark.slow
@pytest.mark.parametrize("shape, error", [("required_args", "SystemExit: exit code 2"),
                                          ("cpu_mem_crash", "TypeError")])
def test_a_config_that_crashes_is_a_crash_with_file_and_line(tmp_path, shape, error):
    root = make_project(tmp_path / "rvc", shape, OLD)
    project = rvc.predict(root, CPU, python=sys.executable)
    web = project.verdicts[0]
    assert web.outcome == "crash" and web.error.startswith(error)
    if shape == "cpu_mem_crash":
        line = int(web.where.split(":")[1])
        assert web.where.startswith("config.py:")
        assert "gpu_mem <= 4" in (root / "config.py").read_text(encoding="utf-8").splitlines()[line - 1]


def test_without_a_python_the_static_reading_answers(tmp_path):
    root = make_project(tmp_path / "rvc", "class_cpu_half_true", OLD)
    project = rvc.predict(root, CPU)
    assert project.run is None
    assert outcomes(project) == {"infer-web.py": "cpu-half", "train_nsf_sim_cache_sid_load_pretrain.py": "cpu-half"}
    assert project.verdicts[0].source == verdicts.STATIC
    assert rvc.predict(root, RTX3090).verdicts[0].outcome == "gpu-half"
    assert rvc.predict(root, GTX1660TI).verdicts[0].outcome == "gpu"
    assert rvc.predict(root, {"gpus": [], "mps": True}).verdicts[0].outcome == "mps-half"
    capability = make_project(tmp_path / "new", "capability_rule", NEW)
    assert rvc.predict(capability, RTX3090).verdicts[0].outcome == "unknown"  # decided at run time


def test_a_python_that_does_not_answer_falls_back_to_the_static_reading(tmp_path):
    root = make_project(tmp_path / "rvc", "module_values", OLD)
    project = rvc.predict(root, CPU, python=str(tmp_path / "no-python"))
    assert not project.run.ran and "could not start" in project.run.failed
    assert project.verdicts[0].outcome == "cpu" and project.verdicts[0].source == verdicts.STATIC


def test_machine_from_a_probe_report():
    report = {"devices": [{"kind": "cpu"}, {"kind": "cuda", "name": "NVIDIA GeForce GTX 1660 Ti",
                                            "capability": [7, 5], "total_memory_gb": 5.8}],
              "mps": {"available": False}}
    machine = runner.machine_from_report(report)
    assert machine["gpus"][0]["name"] == "NVIDIA GeForce GTX 1660 Ti" and not machine["mps"]
    assert abs(machine["gpus"][0]["memory"] - 5.8 * GIB) < GIB / 100


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(OLD_TORCH), reason="no Debian torch 1.13 at /usr/bin/python3")
def test_the_project_code_runs_in_an_old_torch_target(tmp_path):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", OLD)
    project = rvc.predict(root, CPU, python=OLD_TORCH)
    assert project.run.ran, project.run.failed
    assert project.verdicts[0].outcome == "cpu-half"


def test_machine_from_the_typed_probe_report():
    import probe_fixtures

    from gsv_doctor import probereport

    machine = runner.machine_from_report(probereport.parse(probe_fixtures.gtx1660ti()))
    assert [g["name"] for g in machine["gpus"]] == ["NVIDIA GeForce GTX 1660 Ti"] and not machine["mps"]
