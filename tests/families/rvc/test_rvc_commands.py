"""check, fix, preflight and run on RVC folders, through the family seam, as a user runs them."""
import json
import os
import sys

import probe_fixtures
import pytest
from rvc_project import NEW, OLD, make_project, snapshot

from gsv_doctor import project as project_module
from gsv_doctor.families import detect

OLD_TORCH = "/usr/bin/python3"


def check_json(run_cli, root, *args):
    done = run_cli("check", "--json", "--project", root, *args)
    return done.returncode, json.loads(done.stdout)


def test_the_registry_finds_rvc_folders_and_still_gpt_sovits_first(tmp_path):
    root = make_project(tmp_path / "rvc", "class_fp32_rewrite", NEW)
    assert detect(root) == "rvc"
    assert project_module.locate_project(None, cwd=str(root / "configs")).family == "rvc"
    gsv = tmp_path / "gsv"
    (gsv / "GPT_SoVITS").mkdir(parents=True)
    (gsv / "config.py").write_text("is_half = True\ninfer_device = 'cuda'\n", encoding="utf-8")
    assert detect(gsv) == "gpt-sovits"


@pytest.mark.slow
def test_check_on_a_saved_old_torch_report_reads_the_config_statically(tmp_path, run_cli):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", OLD)
    saved = probe_fixtures.write(tmp_path / "report.json", "cpu-torch201")
    code, document = check_json(run_cli, root, "--probe-json", saved)
    assert document["family"] == "rvc" and code == 1
    entries = {e["entry_point"]: e for e in document["entry_points"]}
    assert entries["infer-web.py"]["outcome"] == "crash" and entries["infer-web.py"]["how"] == "static"
    assert entries["train_nsf_sim_cache_sid_load_pretrain.py"]["started_by"] == "infer-web.py"
    ids = {f["id"] for f in document["findings"]}
    assert {"rvc-config-half-on-cpu", "rvc-training-half-on-cpu"} <= ids
    half = next(f for f in document["findings"] if f["id"] == "rvc-config-half-on-cpu")
    assert "device_config()" in half["manual"] and half["fix_command"] == "gsv-doctor fix --write"


@pytest.mark.slow
def test_a_saved_gtx_1060_report_and_a_version_whose_card_rule_misses_it(tmp_path, run_cli):
    root = make_project(tmp_path / "rvc", "module_values", OLD)
    saved = probe_fixtures.write(tmp_path / "report.json", "gtx1060")
    code, document = check_json(run_cli, root, "--probe-json", saved)
    web = next(e for e in document["entry_points"] if e["entry_point"] == "infer-web.py")
    assert (web["device"], web["is_half"], web["outcome"]) == ("cuda:0", True, "nan")
    finding = next(f for f in document["findings"] if f["id"] == "rvc-config-half-on-broken-gpu")
    assert finding["fix_command"] is None and code == 1


@pytest.mark.slow
def test_fix_write_and_undo_through_the_command(tmp_path, run_cli):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", NEW)
    saved = probe_fixtures.write(tmp_path / "report.json", "cpu-torch201")
    before = snapshot(root)
    done = run_cli("fix", "--write", "--yes", "--json", "--project", root, "--probe-json", saved)
    assert done.returncode == 0, done.stderr
    written = sorted(os.path.relpath(e["path"], root).replace(os.sep, "/") for e in json.loads(done.stdout)["edits"])
    assert written == ["configs/config.py", "configs/v1/40k.json", "configs/v2/40k.json"]
    code, document = check_json(run_cli, root, "--probe-json", saved)
    assert code == 0 and not [f for f in document["findings"] if f["id"].startswith("rvc-")]
    done = run_cli("fix", "--undo", "--project", root)
    assert done.returncode == 0, done.stderr
    assert snapshot(root) == before


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(OLD_TORCH), reason="no Debian torch 1.13 at /usr/bin/python3")
def test_check_runs_the_project_code_in_the_probe_child_of_real_old_torch(tmp_path, run_cli):
    root = make_project(tmp_path / "rvc", "class_cpu_half_true", OLD)
    before = snapshot(root)
    code, document = check_json(run_cli, root, "--python", OLD_TORCH)
    web = next(e for e in document["entry_points"] if e["entry_point"] == "infer-web.py")
    assert (web["how"], web["outcome"], web["is_half"], web["device"]) == ("executed", "crash", True, "cpu")
    assert "slow_conv2d_cpu" in web["error_text"] and code == 1
    assert snapshot(root) == before


@pytest.mark.slow
def test_a_config_that_crashes_at_start_is_an_error_naming_its_line(tmp_path, run_cli):
    root = make_project(tmp_path / "rvc", "cpu_mem_crash", NEW)
    code, document = check_json(run_cli, root, "--python", sys.executable)
    finding = next(f for f in document["findings"] if f["id"] == "rvc-config-not-executable")
    assert finding["error_text"].startswith("TypeError") and finding["fix_command"] is None
    line = int(finding["params"]["where"].split(":")[1])
    assert "gpu_mem <= 4" in (root / "configs" / "config.py").read_text(encoding="utf-8").splitlines()[line - 1]
    assert code == 1


@pytest.mark.slow
def test_preflight_judges_the_rvc_entry_point_and_installs_into_go_web_bat(tmp_path, run_cli):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", OLD)
    saved = probe_fixtures.write(tmp_path / "report.json", "cpu-torch201")
    done = run_cli("preflight", "--install-into", root / "go-web.bat")
    assert done.returncode == 0, done.stderr
    text = (root / "go-web.bat").read_bytes().splitlines()
    assert b"-m gsv_doctor preflight" in text[0] and text[1].startswith(b"runtime\\python.exe infer-web.py")
    done = run_cli("fix", "--undo", "--project", root)
    assert done.returncode == 0 and b"preflight" not in (root / "go-web.bat").read_bytes()
    del saved


def _old_torch_present():
    import subprocess
    return os.path.exists(OLD_TORCH) and subprocess.run([OLD_TORCH, "-c", "import torch"],
                                                        capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _old_torch_present(), reason="no Debian torch 1.13 at /usr/bin/python3")
def test_run_starts_an_rvc_program_with_the_hook_where_float16_crashes_on_the_cpu(tmp_path, run_cli):
    """The hook resolves RVC's CPU float16 crash, so run starts the program instead of refusing
    (it refused: only GPT-SoVITS's findings counted as covered by the hook)."""
    root = make_project(tmp_path / "rvc", "class_cpu_half_true", OLD)
    (root / "infer-web.py").write_text("import sys\nsys.path.insert(0, '.')\nprint('STARTED')\n", encoding="utf-8")
    done = run_cli("run", "--project", root, "--", OLD_TORCH, "infer-web.py", cwd=root, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "STARTED" in done.stdout and "hook active" in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_renders_an_rvc_folder_as_text(tmp_path, run_cli, lang):
    """check's text report asked every family for file_lines(), which RVC lacked: a traceback."""
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", OLD)
    saved = probe_fixtures.write(tmp_path / "report.json", "cpu-torch201")
    done = run_cli("check", "--lang", lang, "--project", root, "--probe-json", saved)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "class Config; CPU: is_half=" in done.stdout
    assert "rvc-config-half-on-cpu" in done.stdout and "tts_infer.yaml" not in done.stdout


def test_explain_in_an_rvc_folder_reads_the_log_as_rvc(tmp_path, run_cli):
    # a log that does not say where it came from: the folder explain runs in tells (it crashed here before)
    root = make_project(tmp_path / "rvc", "class_fp32_rewrite", NEW)
    log = tmp_path / "error.txt"
    log.write_text("RuntimeError: \"LayerNormKernelImpl\" not implemented for 'Half'\n", encoding="utf-8")
    done = run_cli("explain", str(log), "--no-probe", "--json", "--project", str(root))
    assert done.returncode == 1, done.stderr
    (found,) = json.loads(done.stdout)["explanations"]
    assert found["project"]["id"] == "rvc" and "configs/config.py" in found["fix"]["manual"]
    # fix --write makes RVC keep float32 on the CPU; run does not start RVC with the hook yet
    assert found["fix"]["commands"] == ["gsv-doctor fix --write"]


@pytest.mark.slow
def test_explain_in_an_old_rvc_folder_does_not_judge_rvc_config_as_gpt_sovits(tmp_path, run_cli):
    """The probe ran the folder's root config.py as GPT-SoVITS's (RVC's first versions keep a
    module-level is_half there) and told an RVC user about tts_infer.yaml."""
    from conftest import TESTS, child_env
    root = make_project(tmp_path / "rvc", "module_values", OLD)
    log = tmp_path / "error.txt"
    log.write_text("RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n", encoding="utf-8")
    env = child_env()
    env["PYTHONPATH"] = str(TESTS / "old_torch_site") + os.pathsep + env["PYTHONPATH"]
    done = run_cli("explain", str(log), "--json", "--lang", "en", "--project", str(root), env=env)
    document = json.loads(done.stdout)
    (found,) = document["explanations"]
    assert found["project"]["id"] == "rvc"
    assert found["machine"]["reason"] != "cpu_op_missing_config_off"
    assert "tts_infer.yaml" not in json.dumps(document)


def test_a_gpt_sovits_log_explained_in_an_rvc_folder_gets_no_commands_that_would_act_on_that_folder(tmp_path):
    from gsv_doctor import explain, logread

    root = make_project(tmp_path / "rvc", "class_fp32_rewrite", NEW)
    log = logread.read_log(b'  File "D:\\GPT-SoVITS\\GPT_SoVITS\\inference_webui.py", line 9, in get_tts_wav\n'
                           b'RuntimeError: "slow_conv2d_cpu" not implemented for \'Half\'\n')
    (found,) = explain.explain_log(log, str(root), project_hint="rvc")
    assert found.project == "gpt-sovits" and found.fix_commands == []
    (own,) = explain.explain_log(log, None, project_hint=None)
    assert own.fix_commands[0] == "gsv-doctor fix --write"
