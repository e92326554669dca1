import json

import pytest

from conftest import TESTS
from gsv_doctor import catalog, explain, logread, probereport
from gsv_doctor import families
from gsv_doctor.families.gpt_sovits import settings_now

LOGS = TESTS / "logs"
RUN_PACKAGE = "gsv-doctor run -- runtime\\python.exe -I webui.py"
# `run` cannot inject the hook under -I: the Windows package gets the hook installed first.
PACKAGE = ("gsv-doctor hook install --python runtime\\python.exe", RUN_PACKAGE)

# log file -> (entry id, located frame "path:line" or None, first setting, the fix commands after the first)
CORPUS = {
    "win_package_prepare_hubert_conv.log": ("cpu-half-conv", "GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py:101",
                                            "env.is_half", PACKAGE),
    "gbk_console_prepare_conv.log": ("cpu-half-conv", "GPT_SoVITS/feature_extractor/cnhubert.py:84", "env.is_half",
                                     PACKAGE),
    "github_issue_paste_zh.md": ("cpu-half-conv", "GPT_SoVITS/feature_extractor/cnhubert.py:84", "env.is_half",
                                 PACKAGE),
    "linux_inference_gradio_layernorm.log": ("cpu-half-layer-norm", "GPT_SoVITS/AR/models/t2s_model.py:142",
                                             "env.is_half", ("gsv-doctor run -- python webui.py",)),
    "api_v2_tts_pipeline_addmm.log": ("cpu-half-linear", "GPT_SoVITS/feature_extractor/cnhubert.py:67",
                                      "tts_infer.is_half", ("gsv-doctor run -- python api_v2.py",)),
    "chained_groupnorm_gradio_error.log": ("cpu-half-group-norm", "GPT_SoVITS/module/models.py:598", "env.is_half",
                                           ("gsv-doctor run -- python webui.py",)),
    "vocoder_conv_transpose.log": ("cpu-half-conv-transpose", "GPT_SoVITS/BigVGAN/bigvgan.py:402", "env.is_half",
                                   PACKAGE),
    "mel_spectrogram_hann_window.log": ("cpu-half-stft-window", "GPT_SoVITS/module/mel_processing.py:46",
                                        "env.is_half", ("gsv-doctor run -- python webui.py",)),
    "mkl_fft_half_new_torch.log": ("cpu-half-mkl-fft", "GPT_SoVITS/module/mel_processing.py:52", "tts_infer.is_half",
                                   ("gsv-doctor run -- python webui.py",)),
    "bf16_stft_reflection_pad.log": ("cpu-bf16-stft-pad", "GPT_SoVITS/module/mel_processing.py:52", "config.is_half",
                                     ("gsv-doctor run -- python webui.py",)),
    "generic_half_kernel_baddbmm.log": ("half-kernel-other", "GPT_SoVITS/module/attentions.py:180", "config.is_half",
                                        ("gsv-doctor run -- python webui.py",)),
    "dtype_half_input_float_weight_cuda.log": ("dtype-input-weight", "GPT_SoVITS/module/models.py:1021", "env.is_half",
                                               PACKAGE),
    "dtype_float_input_half_weight_cpu.log": ("dtype-input-weight", "GPT_SoVITS/module/models.py:960", "env.is_half",
                                              ("gsv-doctor run -- python api.py",)),
    "dtype_bias_c10_half.log": ("dtype-input-bias", "GPT_SoVITS/TTS_infer_pack/TTS.py:1390", "tts_infer.is_half",
                                ("gsv-doctor run -- python webui.py",)),
    "dtype_mat1_mat2.log": ("dtype-mat1-mat2", "GPT_SoVITS/AR/models/t2s_model.py:508", "env.is_half",
                            ("gsv-doctor run -- python webui.py",)),
    "dtype_expected_scalar_half.log": ("dtype-expected-scalar", "GPT_SoVITS/inference_webui.py:460", "env.is_half",
                                       ("gsv-doctor run -- python webui.py",)),
    "dtype_expected_scalar_float.log": ("dtype-expected-scalar", "GPT_SoVITS/module/attentions.py:213", "env.is_half",
                                        ("gsv-doctor run -- python webui.py",)),
    "api_cuda_not_compiled.log": ("cuda-not-compiled", "api.py:1072", "api.flags", ()),
    "amd_no_nvidia_driver.log": ("cuda-no-driver", "config.py:24", "config.infer_device", ()),
    "cuda_visible_devices_empty.log": ("cuda-no-gpus", "GPT_SoVITS/TTS_infer_pack/TTS.py:560", "tts_infer.device",
                                       ()),
    "rtx5090_no_kernel_image.log": ("cuda-no-kernel-image", "GPT_SoVITS/inference_webui.py:176", "torch.build",
                                    ()),
    "train_s2_oom_small_card.log": ("cuda-out-of-memory", "GPT_SoVITS/s2_train.py:405", "gpu.memory", ()),
    "mac_mps_not_implemented.log": ("mps-not-implemented", "GPT_SoVITS/module/mel_processing.py:52",
                                    "env.mps_fallback", ()),
    "mac_mps_float64.log": ("mps-float64", "GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py:96",
                            "config.infer_device", ()),
    "prepare_hubert_nan_gtx1660.log": ("nan-hubert-features", "GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py:0",
                                       "gpu.card", ()),
    "t2s_probability_nan.log": ("nan-probability", "GPT_SoVITS/AR/models/utils.py:160", "gpu.card", PACKAGE),
    "nan_audio_cast_warning.log": ("nan-audio", "GPT_SoVITS/inference_webui.py:905", "gpu.card",
                                   ("gsv-doctor run -- python webui.py",)),
    "config_eval_is_half_false.log": ("is-half-env-eval", "config.py:19", "env.is_half", ()),
    "inference_eval_is_half_true.log": ("is-half-env-eval", "GPT_SoVITS/inference_webui.py:52", "env.is_half", ()),
}


def explain_file(name, project_root=None):
    return explain.explain_log(logread.read_log((LOGS / name).read_bytes()), project_root)


def test_every_corpus_file_is_in_the_table():
    from test_explain_real import REAL

    assert {p.name for p in LOGS.iterdir()} == set(CORPUS) | set(REAL) | {"several_attempts_gelu_softmax_bmm.log",
                                                                         "unknown_error.log"}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus(name):
    entry_id, where, setting, more_fixes = CORPUS[name]
    found = {e.id: e for e in explain_file(name)}
    assert entry_id in found, sorted(found)
    explanation = found[entry_id]
    location = explanation.location
    assert (location and "%s:%d" % (location.path, location.line)) == (where or None)
    assert explanation.settings[0] == setting
    assert explanation.fix_commands[0] == explanation.entry.fix_commands[0] if explanation.entry.fix_commands else True
    assert tuple(explanation.fix_commands[1:]) == more_fixes
    assert explanation.message and explanation.line >= 1


def test_warning_located_from_its_own_prefix_unless_a_library_printed_it():
    (found,) = explain_file("nan_audio_cast_warning.log")
    assert found.location.code == "audio_opt = (np.concatenate(audio_opt, 0) * 32768).astype(np.int16)"
    from_numpy = ("/usr/lib/python3/dist-packages/numpy/core/_methods.py:49: RuntimeWarning: invalid value"
                  " encountered in cast\n  return umr_sum(a, axis, dtype, out, keepdims, initial, where)\n")
    (found,) = explain.explain_log(logread.read_log(from_numpy.encode()))
    assert found.id == "nan-audio" and found.location is None


def test_no_generic_duplicate_of_a_specific_kernel():
    ids = [e.id for e in explain_file("gbk_console_prepare_conv.log")]
    assert ids == ["cpu-half-conv"]


def test_several_errors_each_once_in_log_order():
    found = explain_file("several_attempts_gelu_softmax_bmm.log")
    assert [e.id for e in found] == ["cpu-half-gelu", "cpu-half-softmax", "cpu-half-bmm"]
    assert [e.location.function for e in found] == ["forward", "multi_head_attention_forward_patched",
                                                    "multi_head_attention_forward_patched"]


def test_counts_and_first_located_occurrence():
    (nan,) = explain_file("prepare_hubert_nan_gtx1660.log")
    assert nan.count == 4 and nan.line == 3
    (addmm,) = explain_file("api_v2_tts_pipeline_addmm.log")
    assert addmm.count == 2  # the log line before the traceback and the traceback itself
    assert addmm.message == "RuntimeError: \"addmm_impl_cpu_\" not implemented for 'Half'"


def test_a_whole_log_on_one_line_is_shown_around_the_match():
    line = "x" * 100000 + " RuntimeError: \"bmm\" not implemented for 'Half' " + "y" * 100000
    (found,) = explain.explain_log(logread.read_log(line.encode()))
    assert found.id == "cpu-half-bmm" and len(found.message) < 300
    assert found.message.startswith("...x") and "not implemented for 'Half'" in found.message


def test_capability_warning_gives_card_and_arch_list():
    found = {e.id: e for e in explain_file("rtx5090_no_kernel_image.log")}
    params = found["cuda-capability-unsupported"].params
    assert params["card"] == "NVIDIA GeForce RTX 5090" and params["sm"] == "120"
    assert params["archs"].split()[-1] == "sm_90"
    assert found["cuda-no-kernel-image"].params == params  # the error gets the warning's facts


def test_unknown_log_matches_nothing_and_keeps_the_last_exception():
    log = logread.read_log((LOGS / "unknown_error.log").read_bytes())
    assert explain.explain_log(log) == []
    assert log.last_exception() == "json.decoder.JSONDecodeError: Expecting ',' delimiter: line 3 column 5 (char 20)"


def test_project_root_given_wins_for_relative_paths():
    (found,) = explain_file("linux_inference_gradio_layernorm.log", project_root="/home/ai/GPT-SoVITS/GPT_SoVITS")
    assert found.location.path == "AR/models/t2s_model.py"


def test_hard_wrapped_console_copy_is_recognised():
    text = (LOGS / "win_package_prepare_hubert_conv.log").read_text(encoding="utf-8")
    message = "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'"
    long_message = "RuntimeError: (while running GPT_SoVITS/prepare_datasets) " + message[len("RuntimeError: "):]
    for width in (70, 80):  # a cmd window 80 columns wide cuts lines at exactly 80 characters
        cut = long_message[:width] + "\n" + long_message[width:]
        log = logread.read_log(text.replace(message, cut).encode())
        ids = {e.id: e for e in explain.explain_log(log)}
        assert ("cpu-half-conv" in ids) is (width == 80)
    assert ids["cpu-half-conv"].location.path == "GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py"


def test_symptom_silent_audio():
    found = explain.symptom("silent-audio")
    assert found.id == "symptom-silent-audio" and found.line == 0
    assert found.fix_commands[0] == "gsv-doctor fix --write"
    assert "NaN" in explain.meaning(found, "en") and "NaN" in explain.meaning(found, "zh")


# ---------------------------------------------------------------- this machine (saved probes)


def probe_report(cpu_half="works", cuda=(), torch_version="2.13.0+cpu", cuda_build=None, arch_list=(), env=None,
                 mps=False, speed=1.4):
    ops = {op: {"status": cpu_half} for op in ("conv1d", "conv2d", "conv_transpose1d", "linear", "layer_norm",
                                                "group_norm", "gelu", "softmax", "bmm", "matmul", "stft")}
    if cpu_half == "not_implemented":
        for op in ops:
            ops[op]["message"] = "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'"
    devices = [{"id": "cpu", "kind": "cpu", "name": "EPYC", "capability": None, "total_memory_gb": None,
                "ops": {"float32": {}, "float16": ops, "bfloat16": dict(ops)},
                "speed": {"float16": {"status": "works", "vs_float32": speed}}}]
    for index, (name, capability, memory, nan) in enumerate(cuda):
        devices.append({"id": "cuda:%d" % index, "kind": "cuda", "name": name, "capability": list(capability),
                        "total_memory_gb": memory,
                        "ops": {"float16": {"conv1d": {"status": "nan" if nan else "works"}}}})
    return probereport.parse({"schema": "gsv-doctor/probe", "schema_version": 1,
            "torch": {"version": torch_version, "cuda": cuda_build, "arch_list": list(arch_list)},
            "cuda": {"available": bool(cuda), "device_count": len(cuda), "error": None},
            "mps": {"available": mps, "built": mps}, "devices": devices,
            "environment": dict({"is_half": None, "PYTORCH_ENABLE_MPS_FALLBACK": None}, **(env or {}))})


OLD_TORCH_CPU = probe_report(cpu_half="not_implemented", torch_version="2.0.1+cu118", cuda_build="11.8")
NEW_TORCH_CPU = probe_report(speed=24.0)
GTX1660 = probe_report(cuda=[("NVIDIA GeForce GTX 1660 Ti", (7, 5), 6.0, False)], cuda_build="12.1",
                       arch_list=["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"])
RTX3090 = probe_report(cuda=[("NVIDIA GeForce RTX 3090", (8, 6), 24.0, False)], cuda_build="12.1",
                       arch_list=["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"])
RTX5090_OLD_BUILD = probe_report(cuda=[("NVIDIA GeForce RTX 5090", (12, 0), 32.0, False)], cuda_build="12.1",
                                 arch_list=["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"])
GT1030 = probe_report(cuda=[("NVIDIA GeForce GT 1030", (6, 1), 2.0, True)], cuda_build="11.8", arch_list=["sm_61"])
M1 = probe_report(mps=True)


def verdict(log_name, entry_id, report, config=None):
    found = {e.id: e for e in explain_file(log_name)}.get(entry_id)
    if found is None:
        return None
    explain.add_machine_verdicts([found], report, config)
    return found.machine


@pytest.mark.parametrize("log_name, entry_id, report, config, status, reason", [
    ("github_issue_paste_zh.md", "cpu-half-conv", OLD_TORCH_CPU, None, explain.STILL, "cpu_op_missing"),
    ("github_issue_paste_zh.md", "cpu-half-conv", OLD_TORCH_CPU, {"is_half": False}, explain.FIXED,
     "cpu_op_missing_config_off"),
    ("github_issue_paste_zh.md", "cpu-half-conv", NEW_TORCH_CPU, None, explain.FIXED, "cpu_op_works_slow"),
    ("github_issue_paste_zh.md", "cpu-half-conv", probe_report(speed=1.0), None, explain.FIXED, "cpu_op_works"),
    ("generic_half_kernel_baddbmm.log", "half-kernel-other", NEW_TORCH_CPU, None, explain.UNKNOWN,
     "kernel_not_probed"),
    ("generic_half_kernel_baddbmm.log", "half-kernel-other", OLD_TORCH_CPU, None, explain.STILL, "cpu_op_missing"),
    ("dtype_mat1_mat2.log", "dtype-mat1-mat2", NEW_TORCH_CPU, None, explain.UNKNOWN, "dtype_mix"),
    ("api_cuda_not_compiled.log", "cuda-not-compiled", NEW_TORCH_CPU, None, explain.STILL, "cuda_missing"),
    ("api_cuda_not_compiled.log", "cuda-not-compiled", NEW_TORCH_CPU, {"infer_device": "cpu"}, explain.FIXED,
     "cuda_missing_config_cpu"),
    ("api_cuda_not_compiled.log", "cuda-not-compiled", RTX3090, None, explain.FIXED, "cuda_ok"),
    ("rtx5090_no_kernel_image.log", "cuda-no-kernel-image", RTX5090_OLD_BUILD, None, explain.STILL, "no_kernel"),
    ("rtx5090_no_kernel_image.log", "cuda-no-kernel-image", RTX3090, None, explain.FIXED, "kernels_ok"),
    ("rtx5090_no_kernel_image.log", "cuda-no-kernel-image", NEW_TORCH_CPU, None, explain.UNKNOWN, "log_no_kernel"),
    ("rtx5090_no_kernel_image.log", "cuda-capability-unsupported", NEW_TORCH_CPU, None, explain.UNKNOWN,
     "log_no_kernel"),
    ("dtype_half_input_float_weight_cuda.log", "dtype-input-weight", None, None, explain.UNKNOWN, "no_probe"),
    ("api_cuda_not_compiled.log", "cuda-no-kernel-image", NEW_TORCH_CPU, None, None, None),
    ("train_s2_oom_small_card.log", "cuda-out-of-memory", GT1030, None, explain.STILL, "small_card"),
    ("train_s2_oom_small_card.log", "cuda-out-of-memory", RTX3090, None, explain.UNKNOWN, "big_card"),
    ("train_s2_oom_small_card.log", "cuda-out-of-memory", NEW_TORCH_CPU, None, explain.UNKNOWN, "log_small_card"),
    ("prepare_hubert_nan_gtx1660.log", "nan-hubert-features", GTX1660, None, explain.STILL, "half_nan_card"),
    ("prepare_hubert_nan_gtx1660.log", "nan-hubert-features", GTX1660, {"is_half": False}, explain.FIXED,
     "half_nan_config_off"),
    ("t2s_probability_nan.log", "nan-probability", RTX3090, None, explain.FIXED, "half_ok_cards"),
    ("nan_audio_cast_warning.log", "nan-audio", NEW_TORCH_CPU, None, explain.UNKNOWN, "no_cuda_here"),
    ("mac_mps_not_implemented.log", "mps-not-implemented", M1, None, explain.STILL, "mps_fallback_unset"),
    ("mac_mps_not_implemented.log", "mps-not-implemented", probe_report(mps=True, env={"PYTORCH_ENABLE_MPS_FALLBACK": "1"}),
     None, explain.FIXED, "mps_fallback_set"),
    ("mac_mps_float64.log", "mps-float64", NEW_TORCH_CPU, None, explain.FIXED, "no_mps_here"),
    ("config_eval_is_half_false.log", "is-half-env-eval", probe_report(env={"is_half": "false"}), None, explain.STILL,
     "env_bad"),
    ("config_eval_is_half_false.log", "is-half-env-eval", probe_report(env={"is_half": "False"}), None, explain.FIXED,
     "env_ok"),
    ("config_eval_is_half_false.log", "is-half-env-eval", NEW_TORCH_CPU, None, explain.FIXED, "env_unset"),
    ("github_issue_paste_zh.md", "cpu-half-conv", None, None, explain.UNKNOWN, "no_probe"),
])
def test_machine_verdicts(log_name, entry_id, report, config, status, reason):
    machine = verdict(log_name, entry_id, report, config)
    if status is None:
        assert machine is None  # the entry is not in that log
        return
    assert (machine.status, machine.reason) == (status, reason)
    for lang in ("en", "zh"):
        text = explain.machine_text(machine, lang)
        assert "{" not in text, text


def test_nan_card_judged_by_measurement_when_the_rule_misses_it():
    odd_card = probe_report(cuda=[("NVIDIA Quadro T2000 Max-Q", (7, 5), 4.0, True)], arch_list=["sm_75"])
    machine = verdict("prepare_hubert_nan_gtx1660.log", "nan-hubert-features", odd_card)
    assert machine.params["how"] in ("measured", "rule")
    measured_only = probe_report(cuda=[("NVIDIA RTX A4000", (8, 6), 16.0, True)], arch_list=["sm_86"])
    machine = verdict("prepare_hubert_nan_gtx1660.log", "nan-hubert-features", measured_only)
    assert (machine.status, machine.params["how"]) == (explain.STILL, "measured")


def test_verdict_texts_name_the_facts():
    machine = verdict("github_issue_paste_zh.md", "cpu-half-conv", OLD_TORCH_CPU)
    assert "2.0.1" in explain.machine_text(machine, "en") and "conv1d" in explain.machine_text(machine, "zh")
    machine = verdict("rtx5090_no_kernel_image.log", "cuda-no-kernel-image", RTX5090_OLD_BUILD)
    assert "sm_120" in explain.machine_text(machine, "en")


def test_exit_code():
    found = explain_file("several_attempts_gelu_softmax_bmm.log")
    assert explain.exit_code(found) == 1  # not checked: may still happen
    explain.add_machine_verdicts(found, NEW_TORCH_CPU)
    assert explain.exit_code(found) == 0  # all fixed here
    explain.add_machine_verdicts(found, OLD_TORCH_CPU)
    assert explain.exit_code(found) == 1
    assert explain.exit_code([]) == 0


def test_json_document_is_versioned_and_in_the_language():
    found = explain_file("github_issue_paste_zh.md")
    explain.add_machine_verdicts(found, OLD_TORCH_CPU)
    document = explain.to_json(found, "zh", source="x")
    assert document["schema"] == explain.SCHEMA and document["schema_version"] == 1
    (item,) = document["explanations"]
    assert item["id"] == "cpu-half-conv"
    assert item["location"]["path"] == "GPT_SoVITS/feature_extractor/cnhubert.py"
    assert item["fix"]["commands"] == ["gsv-doctor fix --write", *PACKAGE]
    assert item["fix"]["alternatives"] == [["gsv-doctor fix --write"], list(PACKAGE)]  # install, then run
    assert "CPU" in item["meaning"] and "半精度" in item["meaning"]
    assert item["machine"]["status"] == "still"


# ------------------------------------------------------------------------ never crash

from hypothesis import given, settings, strategies as st  # noqa: E402

from gsv_doctor.commands.explain import render_text  # noqa: E402

_CORPUS = [p.read_bytes() for p in sorted(LOGS.iterdir())]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_CORPUS), min_size=1, max_size=4), st.integers(0, 10 ** 6), st.binary(max_size=30),
       st.sampled_from([None, NEW_TORCH_CPU, OLD_TORCH_CPU, GTX1660, RTX5090_OLD_BUILD, M1]),
       st.sampled_from(["en", "zh"]))
def test_fuzz_whole_pipeline_on_cut_and_mixed_logs(pieces, cut, junk, report, lang):
    data = b"".join(pieces)
    data = data[: cut % (len(data) + 1)] + junk
    log = logread.read_log(data)
    found = explain.explain_log(log)
    explain.add_machine_verdicts(found, report)
    for explanation in found:
        # the reported line is one the entry's pattern matches (or its first line, for two-line patterns); a
        # symptom read from words, or an input/weight pair re-read as a device mix, matched another pattern
        entries = [explanation.entry] + ([catalog.BY_ID["dtype-input-weight"], catalog.BY_ID["dtype-input-bias"]]
                                         if explanation.id == "device-mismatch" else [])
        assert (explanation.assumed or explanation.entry.lines > 1
                or any(entry.regex.search(explanation.message) for entry in entries))
        assert explanation.count >= 1 and explanation.line >= 1
    document = explain.to_json(found, lang)
    assert len(document["explanations"]) == len({e.id for e in found})
    render_text(found, lang, "fuzz", log, None, colour=True)


# ------------------------------------------------------------ settings as they are now


def make_project(root, config="is_half = True\ninfer_device = 'cuda'\n", tts="custom:\n  device: cuda\n  is_half: true\n"):
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_text(config, encoding="utf-8")
    if tts is not None:
        (root / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text(tts, encoding="utf-8")
    return root


def test_current_settings_from_project_files_and_environment(tmp_path):
    from gsv_doctor import project

    facts = project.read(make_project(tmp_path), environ={"is_half": "false"})
    values = settings_now(facts, None, None)
    assert values["config.is_half"] == "config.py:1: is_half = True"
    assert values["config.infer_device"] == "config.py:2: infer_device = 'cuda'"
    assert values["tts_infer.is_half"] == "custom: is_half=True"
    assert values["tts_infer.device"] == "custom: device=cuda"
    assert values["env.is_half"] == "is_half=false"
    # config.py as run on this machine wins over the static reading
    ran = settings_now(facts, {"is_half": False, "infer_device": "cpu"}, None)
    assert ran["config.is_half"] == "is_half=False" and ran["config.infer_device"] == "infer_device=cpu"


def test_current_settings_without_a_project():
    assert settings_now(None, None, None) == {}
    assert settings_now(None, None, {}) == {"env.is_half": explain.UNSET}
    assert settings_now(None, None, {"is_half": "True"}) == {"env.is_half": "is_half=True"}
    # through the registry: no folder reads as the first family; a family without settings_now says nothing
    assert families.settings_now(None, None, None, {"is_half": "True"}) == {"env.is_half": "is_half=True"}
    assert families.settings_now("rvc", object(), None, {"is_half": "True"}) == {}


def test_only_a_family_that_says_so_has_its_config_py_run_by_the_probe():
    # the probe's --config runs config.py as GPT-SoVITS's: an RVC folder's config.py is another file
    assert families.probe_runs_config("gpt-sovits")
    assert not families.probe_runs_config("rvc")
    assert not families.probe_runs_config(None)


def test_now_values_attach_to_the_settings_each_error_names(tmp_path):
    from gsv_doctor import project

    found = explain_file("api_v2_tts_pipeline_addmm.log") + explain_file("mac_mps_not_implemented.log")
    explain.add_current_settings(found, settings_now(project.read(make_project(tmp_path), environ={}), None, None))
    half, mps = found
    assert half.now["tts_infer.is_half"] == "custom: is_half=True" and "code.half" not in half.now
    assert set(mps.now) == {"config.infer_device"}
    document = explain.to_json(found, "en")
    assert document["explanations"][0]["settings"][0] == {
        "id": "tts_infer.is_half", "text": explain.catalog.SETTINGS["tts_infer.is_half"]["en"],
        "now": "custom: is_half=True", "unset": False}


def test_an_unset_variable_is_null_in_json_and_not_set_in_text():
    from gsv_doctor.commands.explain import render_text as render

    log = logread.read_log((LOGS / "github_issue_paste_zh.md").read_bytes())
    found = explain.explain_log(log)
    explain.add_current_settings(found, settings_now(None, None, {}))
    (setting,) = [s for s in explain.to_json(found, "en")["explanations"][0]["settings"] if s["id"] == "env.is_half"]
    assert setting["now"] is None and setting["unset"] is True
    assert explain.UNSET not in json.dumps(explain.to_json(found, "en"))
    assert "[now: not set]" in render(found, "en", "x", log, None)


def test_a_big_log_of_repeated_lines_is_searched_by_its_distinct_lines():
    from gsv_doctor.catalog import ENTRIES

    assert not [key for entry in ENTRIES for key in entry.keys if "\n" in key]  # what makes the shortcut sound
    repeated = ("  File \"D:\\x.py\", line 3, in f\n    y = g(x)\n" * 40_000).encode()
    log = logread.read_log(repeated + b"RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n")
    found = explain.explain_log(log)
    assert [e.id for e in found] == ["cpu-half-conv"] and found[0].line == 80_001


@pytest.mark.parametrize("around", [("", ""), ("x", "y"), ("_", "9"), ("中", "文"), ("a b ", " c d"), ("'", "'")])
def test_every_key_of_the_catalog_is_found_whatever_stands_around_it(around):
    # the word gate may only skip a key that is absent: a key glued to letters, digits or CJK is still found
    before, after = around
    for key in {key for entry in catalog.ENTRIES for key in entry.keys}:
        text = explain._Text(logread.read_log(("INFO start\n" + before + key + after + "\nINFO end\n").encode("utf-8")))
        assert text.holds(key), (key, explain._gate(key))
        assert not text.holds(key + "\u2603"), key


def test_a_big_log_that_repeats_itself_is_counted_line_by_line(monkeypatch):
    # searched once per distinct line, reported per line of the log: the count, the first line, a line seen once
    monkeypatch.setattr(explain, "_DISTINCT_LINES_FROM", 1000)
    block = ("Traceback (most recent call last):\n  File \"/srv/gsv/GPT_SoVITS/inference_webui.py\", line 9, in infer\n"
             "    out = model(x)\nRuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB\nINFO: retry\n")
    text = block * 400 + "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n" + block * 100
    log = logread.read_log(text.encode())
    found = {e.id: e for e in explain.explain_log(log)}
    searched = explain._Text(log)
    assert searched.holds("CUDA out of memory") and searched.distinct is not None  # the distinct lines' path
    assert (found["cuda-out-of-memory"].count, found["cuda-out-of-memory"].line) == (500, 4)
    assert (found["cpu-half-conv"].count, found["cpu-half-conv"].line) == (1, 2001)
    # the same log read whole (no repeats taken out) gives the same answer
    monkeypatch.setattr(explain, "_DISTINCT_LINES_FROM", 10 ** 9)
    whole = {e.id: (e.count, e.line) for e in explain.explain_log(logread.read_log(text.encode()))}
    assert whole == {i: (e.count, e.line) for i, e in found.items()}


def _shown_texts(found):
    for explanation in found:
        for lang in ("en", "zh"):
            yield from [explain.meaning(explanation, lang), explain.manual(explanation, lang),
                        explain.assumed_text(explanation, lang)]
            yield from explain.notes(explanation, lang)


def test_no_text_shows_a_placeholder_it_could_not_fill():
    # every corpus log, every entry's example, and each key alone (a message retyped without what follows it)
    import re as regex

    texts = [(LOGS / name).read_bytes() for name in sorted(p.name for p in LOGS.iterdir())]
    texts += [(line + "\n").encode() for entry in catalog.ENTRIES
              for line in (entry.example, *entry.keys, *("RuntimeError: " + key for key in entry.keys))]
    unfilled = {(text[:70], shown[:90]) for text in texts
                for shown in _shown_texts(explain.explain_log(logread.read_log(text)))
                if regex.search(r"\{[a-z_]+\}", shown)}
    assert unfilled == set()

def test_every_note_and_manual_the_code_names_has_its_texts():
    import inspect
    import re as regex

    source = inspect.getsource(explain)
    named_notes = set(regex.findall(r'notes\.append\(\("(\w+)"', source))
    named_manuals = set(regex.findall(r'manual_key = "(\w+)"', source))
    named_manuals |= {name for pair in regex.findall(r'manual_key = "(\w+)" if [^\n]+ else "(\w+)"', source) for name in pair}
    assert named_notes and named_manuals
    assert named_notes - set(explain.NOTES) == set()
    assert named_manuals - set(explain.MANUALS) == set()


def test_a_small_card_here_is_not_told_to_train_on_the_cpu():
    # the training scripts refuse the CPU: the manual says a bigger or cloud GPU, and the verdict must not contradict it
    machine = verdict("train_s2_oom_small_card.log", "cuda-out-of-memory", GT1030)
    assert machine.reason == "small_card"
    assert "CPU" not in explain.machine_text(machine, "en") and "CPU" not in explain.machine_text(machine, "zh")
