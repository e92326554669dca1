import json
import sys

import pytest
import torch

import old_torch
from gsv_doctor import probe

CATALOG = {"conv1d", "conv2d", "conv_transpose1d", "linear", "layer_norm", "group_norm",
           "gelu", "softmax", "bmm", "matmul", "stft"}


@pytest.fixture(scope="module")
def cpu_report():
    return probe.run_probe(devices=["cpu"])


def test_report_has_versions_and_cpu_device(cpu_report):
    assert cpu_report["schema"] == probe.PROBE_SCHEMA
    assert cpu_report["torch"]["version"] == torch.__version__
    assert [d["id"] for d in cpu_report["devices"]] == ["cpu"]
    assert cpu_report["cuda"]["available"] is False


def test_every_op_measured_in_every_dtype(cpu_report):
    ops = cpu_report["devices"][0]["ops"]
    assert set(ops) == set(probe.DTYPES)
    for dtype in probe.DTYPES:
        assert set(ops[dtype]) == CATALOG


def test_float32_is_exact_and_half_matmul_is_close_on_new_torch(cpu_report):
    ops = cpu_report["devices"][0]["ops"]
    assert all(r["status"] == probe.WORKS for r in ops["float32"].values())
    assert ops["float16"]["linear"]["status"] == probe.WORKS
    assert 0 < ops["float16"]["linear"]["max_error"] < probe.TOLERANCE["float16"]


def test_stft_in_half_is_reported_with_torchs_own_message(cpu_report):
    stft = cpu_report["devices"][0]["ops"]["float16"]["stft"]
    assert stft["status"] == probe.NOT_IMPLEMENTED
    assert "Half" in stft["message"]


def test_speed_is_relative_to_float32(cpu_report):
    speed = cpu_report["devices"][0]["speed"]
    assert speed["float32"]["vs_float32"] == 1.0
    assert speed["float16"]["seconds"] > 0
    assert speed["float16"]["vs_float32"] == pytest.approx(
        speed["float16"]["seconds"] / speed["float32"]["seconds"], rel=1e-2, abs=1e-3)  # rounded to 3 places


def test_old_torch_failures_are_measured_with_exact_messages():
    with old_torch.emulated():
        report = probe.run_probe(devices=["cpu"])
    half = report["devices"][0]["ops"]["float16"]
    assert half["conv1d"] == {"status": probe.NOT_IMPLEMENTED,
                              "message": "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'"}
    for op, kernel in [("linear", "addmm_impl_cpu_"), ("layer_norm", "LayerNormKernelImpl"),
                       ("gelu", "GeluKernelImpl"), ("bmm", "bmm"), ("stft", "cos_vml_cpu")]:
        assert half[op]["status"] == probe.NOT_IMPLEMENTED
        assert kernel in half[op]["message"]
    assert report["devices"][0]["speed"]["float16"]["status"] == probe.NOT_IMPLEMENTED
    assert report["devices"][0]["ops"]["bfloat16"]["linear"]["status"] == probe.WORKS


def test_nan_and_wrong_results_are_told_apart(monkeypatch):
    def nan_gelu(x, *a, **k):
        return torch.full_like(x, float("nan"))

    def off_softmax(x, *a, **k):
        return torch.zeros_like(x) + (0.5 if x.dtype == torch.float16 else 0.0)

    monkeypatch.setattr(torch.nn.functional, "gelu", nan_gelu)
    real_softmax = torch.nn.functional.softmax
    monkeypatch.setattr(torch.nn.functional, "softmax",
                        lambda x, *a, **k: off_softmax(x) if x.dtype == torch.float16 else real_softmax(x, *a, **k))
    half = probe.run_probe(devices=["cpu"])["devices"][0]["ops"]["float16"]
    assert half["gelu"]["status"] == probe.NAN
    assert half["softmax"]["status"] == probe.WRONG


def test_main_writes_only_marked_json_lines_to_stdout(capsys, tmp_path):
    (tmp_path / "config.py").write_text("print('noise from config')\nis_half = True\ninfer_device = 'cuda'\n")
    probe.main(["--config", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert [line.startswith(probe.MARKER) for line in out] == [True, True]
    config = json.loads(out[1][len(probe.MARKER):])
    assert config["section"] == "config"
    assert (config["is_half"], config["infer_device"], config["error"]) == (True, "cuda", None)


def test_evaluate_config_reports_errors_and_restores_state(tmp_path):
    (tmp_path / "config.py").write_text("import os\nos.chdir('/')\nraise SystemExit('bye')\n")
    before = (list(sys.path), __import__("os").getcwd())
    result = probe.evaluate_config(str(tmp_path))
    assert result["error"] == "SystemExit: bye"
    assert (list(sys.path), __import__("os").getcwd()) == before
