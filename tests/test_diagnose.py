import pytest

import probe_fixtures as scenarios
from gsv_doctor import checkup, messages, project
from gsv_doctor import diagnose as diagnose_module
from gsv_doctor.diagnose import CRASH, NAN, OK, SLOW
from gsv_doctor.findings import MEASURED, RULE, Severity, exit_code
from gsv_project import CONFIGS, INFERENCE_UI_ENV_READ_CUDA, make_project




def assess_devices(report):
    return diagnose_module.assess_devices(scenarios.typed(report))

CONSTANTS_CPU = 'is_half = False\ninfer_device = "cpu"\n'
CONSTANTS_CUDA_HALF = 'is_half = True\ninfer_device = "cuda"\n'


def diagnose(report, gsv, config=None, environ=None, probed_python=None):
    """The diagnosis with config.py's values as the probe child gave them (None: read statically)."""
    family_result = {"config": dict({"error": None}, **config)} if config else None
    return diagnose_module.diagnose(scenarios.typed(report), gsv, family_result, environ, probed_python)


def ids(diagnosis):
    return {f.id: f for f in diagnosis.findings}


def facts(tmp_path, **kwargs):
    return project.open_project(make_project(tmp_path / "gsv", **kwargs), environ={})


def test_old_torch_cpu_half_is_a_crash_with_the_conv_message(tmp_path):
    result = diagnose(scenarios.cpu_only_torch201(), facts(tmp_path), {"is_half": True, "infer_device": "cuda"})
    found = ids(result)
    assert found["config-device-unusable"].error_text == "AssertionError: Torch not compiled with CUDA enabled"
    half = found["config-half-on-cpu"]
    assert half.severity is Severity.ERROR and half.source == MEASURED
    assert half.error_text == "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'"
    assert half.entry_points == ["webui.py", "api.py"]
    assert half.fix_command == "gsv-doctor fix --write"
    assert found["entry-point-half-on-cpu"].entry_points == ["GPT_SoVITS/inference_webui.py"]
    assert exit_code(result.findings) == 1


def test_new_torch_cpu_half_is_a_slow_warning_with_the_measured_ratio(tmp_path):
    result = diagnose(scenarios.cpu_only_new(), facts(tmp_path, config=CONSTANTS_CPU.replace("False", "True")))
    half = ids(result)["config-half-on-cpu"]
    assert half.severity is Severity.WARNING
    assert half.params["ratio"] == 24.0 and half.error_text is None
    assert "config-device-unusable" not in ids(result)


def test_cpu_config_on_cpu_machine_is_clean_apart_from_inference_ui(tmp_path):
    result = diagnose(scenarios.cpu_only_torch201(), facts(tmp_path, config=CONSTANTS_CPU,
                                                           inference_ui=INFERENCE_UI_ENV_READ_CUDA))
    assert [f for f in result.findings if f.severity is not Severity.INFO] == []
    assert exit_code(result.findings) == 0


def test_rtx3090_keeps_float16_without_findings(tmp_path):
    result = diagnose(scenarios.rtx3090(), facts(tmp_path, config=CONSTANTS_CUDA_HALF), {"is_half": True,
                                                                                         "infer_device": "cuda"})
    assert [f.id for f in result.findings if f.severity is not Severity.INFO] == []
    assert [d.half for d in result.devices] == [SLOW, OK]


def test_gtx1660ti_passes_tiny_ops_but_the_name_rule_raises_nan(tmp_path):
    result = diagnose(scenarios.gtx1660ti(), facts(tmp_path, config=CONSTANTS_CUDA_HALF), {"is_half": True,
                                                                                           "infer_device": "cuda"})
    broken = ids(result)["config-half-on-broken-gpu"]
    assert broken.severity is Severity.ERROR and broken.source == RULE
    assert "1660 Ti" in broken.params["reason"]
    assert result.devices[1].half == NAN


def test_gtx1660ti_reports_when_the_projects_own_rule_missed_the_card(tmp_path):
    gsv = facts(tmp_path, config="detect_name_rule_oneline_guard.py")
    result = diagnose(scenarios.gtx1660ti(), gsv, {"is_half": True, "infer_device": "cuda"})
    assert ids(result)["config-half-on-broken-gpu"].params["project_rule"] is True


def test_gtx1060_is_raised_by_capability(tmp_path):
    result = diagnose(scenarios.gtx1060(), facts(tmp_path, config=CONSTANTS_CUDA_HALF), {"is_half": True,
                                                                                         "infer_device": "cuda"})
    assert "6.1" in ids(result)["config-half-on-broken-gpu"].params["reason"]


def test_gtx650_without_kernels_is_unusable_and_config_falls_back(tmp_path):
    result = diagnose(scenarios.gtx650(), facts(tmp_path, config=CONSTANTS_CUDA_HALF), {"is_half": True,
                                                                                        "infer_device": "cuda"})
    found = ids(result)
    assert found["gpu-unusable"].error_text == scenarios.NO_KERNEL
    assert found["config-device-unusable"].error_text == scenarios.NO_KERNEL
    assert found["config-half-on-cpu"].params["outcome"] == CRASH


def test_apple_m1_mps_half_is_fine_and_cpu_half_is_slow(tmp_path):
    result = diagnose(scenarios.apple_m1(), facts(tmp_path, config='is_half = True\ninfer_device = "mps"\n'),
                      {"is_half": True, "infer_device": "mps"})
    assert [(d.id, d.half) for d in result.devices] == [("cpu", SLOW), ("mps", OK)]
    assert not [f for f in result.findings if f.id.startswith("config-")]


def test_apple_m1_saved_probe_predicts_mps_for_a_detecting_config(tmp_path):
    root = make_project(tmp_path / "gsv", config="detect_no_guard.py")
    saved = scenarios.write(tmp_path / "m1.json", "apple-m1")
    result = checkup.run_checkup(str(root), probe_json=str(saved), environ={}).diagnosis
    assert (result.effective.source, result.effective.infer_device) == ("static", "mps")
    assert result.effective.is_half is True
    assert "config-half-on-cpu" not in ids(result)
    assert not [f for f in result.findings if f.id.startswith("config-")]


def test_config_that_raises_when_run_is_an_error_for_every_importer(tmp_path):
    gsv = facts(tmp_path, config="constants_gbk_crlf.py")
    error = "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xd5"
    result = diagnose(scenarios.cpu_only_torch201(), gsv, {"error": error, "where": "config.py:3"})
    assert result.effective.source == "executed" and result.effective.error == error
    crash = ids(result)["config-not-executable"]
    assert crash.severity is Severity.ERROR and crash.error_text == error
    assert crash.entry_points[:2] == ["webui.py", "api.py"] and crash.params["where"] == "config.py:3"
    assert crash.fix_command is None  # not a card query fix can guard: the edit is by hand
    assert "config-half-on-cpu" not in ids(result)
    webui = [v for v in result.verdicts if v.entry_point == "webui.py"][0]
    assert webui.outcome == "start" and webui.where == "config.py:3"


def test_values_nobody_could_determine_are_a_warning(tmp_path):
    gsv = facts(tmp_path, config="unknown_settings_json.py")
    result = diagnose(scenarios.cpu_only_torch201(), gsv, None)
    assert result.effective.source == "unknown"
    unknown = ids(result)["config-values-unknown"]
    assert unknown.severity is Severity.WARNING
    assert unknown.params["shape"] == "unknown" and unknown.fix_command is None
    texts = messages.finding_texts(unknown.id, unknown.params, "en")
    assert "is_half" in texts["title"] and "infer_device" in texts["title"] and texts["manual"]
    zh = messages.finding_texts(unknown.id, unknown.params, "zh")
    assert zh["title"] != texts["title"] and "is_half" in zh["title"] and zh["manual"]


def test_values_that_ran_or_were_read_are_no_warning(tmp_path):
    ran = diagnose(scenarios.cpu_only_torch201(), facts(tmp_path / "a", config="unknown_settings_json.py"),
                   {"is_half": False, "infer_device": "cpu"})
    read = diagnose(scenarios.cpu_only_torch201(), facts(tmp_path / "b", config=CONSTANTS_CPU))
    assert "config-values-unknown" not in ids(ran) and "config-values-unknown" not in ids(read)


def test_unknown_shape_findings_do_not_offer_the_fix_that_would_refuse(tmp_path):
    gsv = facts(tmp_path, config="unknown_settings_json.py", tts="tts_infer_cuda.yaml")
    found = ids(diagnose(scenarios.cpu_only_torch201(), gsv, {"is_half": True, "infer_device": "cuda"}))
    assert found["config-half-on-cpu"].fix_command is None
    assert found["config-device-unusable"].fix_command is None
    assert found["tts-infer-device-unusable"].fix_command is None  # fix refuses the whole run
    known = facts(tmp_path / "known", config=CONSTANTS_CUDA_HALF, tts="tts_infer_cuda.yaml")
    found = ids(diagnose(scenarios.cpu_only_torch201(), known, {"is_half": True, "infer_device": "cuda"}))
    assert found["config-half-on-cpu"].fix_command == "gsv-doctor fix --write"
    assert found["tts-infer-device-unusable"].fix_command == "gsv-doctor fix --write"


def test_unknown_shape_with_fine_values_still_offers_the_tts_infer_fix(tmp_path):
    gsv = facts(tmp_path, config="unknown_settings_json.py", tts="tts_infer_cuda.yaml")
    found = ids(diagnose(scenarios.cpu_only_torch201(), gsv, {"is_half": False, "infer_device": "cpu"}))
    assert not [i for i in found if i.startswith("config-")]
    assert found["tts-infer-device-unusable"].fix_command == "gsv-doctor fix --write"


@pytest.mark.parametrize("value, error", [("false", "NameError: name 'false' is not defined"),
                                          ("true", "NameError: name 'true' is not defined"),
                                          ("", "SyntaxError: invalid syntax")])
def test_env_values_that_eval_rejects(tmp_path, value, error):
    gsv = project.open_project(make_project(tmp_path / "gsv", config=CONSTANTS_CPU), environ={"is_half": value})
    assert ids(diagnose(scenarios.rtx3090(), gsv, None, {"is_half": value}))["env-is-half-invalid"].error_text == error


def test_env_false_silences_the_inference_ui(tmp_path):
    gsv = project.open_project(make_project(tmp_path / "gsv", config=CONSTANTS_CPU), environ={"is_half": "False"})
    assert "entry-point-half-on-cpu" not in ids(diagnose(scenarios.cpu_only_torch201(), gsv, None, {"is_half": "False"}))


def test_tts_infer_cuda_without_cuda_and_half_on_cpu(tmp_path):
    gsv = facts(tmp_path, config=CONSTANTS_CPU, tts="tts_infer_cuda.yaml")
    assert ids(diagnose(scenarios.cpu_only_torch201(), gsv))["tts-infer-device-unusable"].params["section"] == "custom"
    gsv.facts.tts_infer.sections["custom"] = {"device": "cpu", "is_half": True}
    assert ids(diagnose(scenarios.cpu_only_torch201(), gsv))["tts-infer-half-on-cpu"].severity is Severity.ERROR


def test_broken_files_become_error_findings(tmp_path):
    gsv = facts(tmp_path, config="syntax_error.py", tts="tts_infer_broken.yaml")
    found = ids(diagnose(scenarios.cpu_only_new(), gsv))
    assert "line 3" in found["config-unreadable"].error_text
    assert "tts-infer-unreadable" in found


def test_no_project_diagnoses_the_machine_alone():
    result = diagnose(scenarios.gtx650(), None)
    assert {"no-project", "gpu-unusable"} <= set(ids(result))


def test_bundled_runtime_not_probed_is_a_warning(tmp_path):
    gsv = facts(tmp_path, config=CONSTANTS_CPU, bundled_python=True)
    found = ids(diagnose(scenarios.cpu_only_new(), gsv, probed_python="/usr/bin/python3"))
    assert found["bundled-runtime-not-probed"].fix_command.startswith("gsv-doctor check --python")


def test_assessment_from_the_real_cpu_probe_under_old_torch_emulation():
    import old_torch
    from gsv_doctor import probe

    with old_torch.emulated():
        report = probe.run_probe(devices=["cpu"])
    [cpu] = assess_devices(report)
    assert cpu.runs and cpu.half == CRASH
    assert cpu.half_error == "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'"


def test_cpu_half_at_float32_speed_is_still_a_warning(tmp_path):
    machine = scenarios.report("2.13.0+cpu", [scenarios.new_cpu(half_ratio=1.0)])
    result = diagnose(machine, facts(tmp_path, config=CONSTANTS_CPU.replace("False", "True")))
    half = ids(result)["config-half-on-cpu"]
    assert half.severity is Severity.WARNING and half.params["outcome"] == OK
    assert exit_code(result.findings) == 0


@pytest.mark.parametrize("fixture", ["constants_spaced.py", "constants_tight_crlf.py", "env_eval.py",
                                     "detect_no_guard.py", "helper_2025.py"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_by_hand_edit_really_turns_float16_off_on_a_cpu_machine(tmp_path, fixture, lang):
    import re
    import sys

    from gsv_doctor import messages
    from gsv_doctor.families.gpt_sovits import configpy

    sys.path.insert(0, str(CONFIGS))
    from execute import execute

    manual = messages.finding_texts("config-half-on-cpu", {}, lang)["manual"]
    assert manual == messages.finding_texts("config-device-unusable", {}, lang)["manual"]
    lines = re.findall(r"`([^`]+)`", manual)
    facts = configpy.read_config(CONFIGS / fixture)
    newline = "\r\n" if facts.newline == "\r\n" else "\n"
    edited = facts.text[:facts.insert_after] + newline + newline.join(lines) + facts.text[facts.insert_after:]
    result = execute(edited, gpu=None, environ={"is_half": "True"})
    assert (str(result["infer_device"]), result["is_half"]) == ("cpu", False)


def test_an_invalid_is_half_variable_read_by_config_py_breaks_every_entry_point(tmp_path):
    gsv = project.open_project(make_project(tmp_path / "gsv", config="env_eval.py"), environ={"is_half": "false"})
    result = diagnose(scenarios.cpu_only_new(), gsv, {"error": "NameError: name 'false' is not defined"},
                      {"is_half": "false"})
    found = ids(result)
    assert found["env-is-half-invalid"].entry_points == ["webui.py", "api.py", "GPT_SoVITS/inference_webui.py"]
    assert found["env-is-half-invalid"].fix_command is None  # no file edit changes a variable
    assert found["config-not-executable"].severity is Severity.ERROR
