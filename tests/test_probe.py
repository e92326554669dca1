import json
import sys
import time

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
    assert torch.get_num_threads() == cpu_report["torch"]["num_threads"]  # the probe's one thread is undone
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


def test_speed_is_a_median_of_interleaved_rounds_with_its_spread(cpu_report):
    speed = cpu_report["devices"][0]["speed"]
    assert speed["float32"]["vs_float32"] == 1.0 and speed["float32"]["spread"] == 1.0
    for dtype in ("float16", "bfloat16"):
        entry = speed[dtype]
        assert entry["status"] == probe.WORKS and entry["seconds"] > 0 and entry["vs_float32"] > 0
        assert probe.MIN_ROUNDS <= entry["rounds"] <= probe.MAX_ROUNDS
        assert entry["rounds"] == speed["float32"]["rounds"]  # every round times every dtype
        assert entry["spread"] >= 1.0
        assert entry["uncertain"] is (entry["spread"] > probe.UNCERTAIN_SPREAD)


def test_timing_leaves_torchs_thread_count_as_it_was():
    before = torch.get_num_threads()
    probe._time_workload(torch, "cpu", budget_s=0.0)
    assert torch.get_num_threads() == before


def test_cpu_timing_uses_this_threads_cpu_time_on_linux(cpu_report):
    speed = cpu_report["devices"][0]["speed"]
    expected = "thread" if sys.platform.startswith("linux") else speed["float32"]["clock"]
    assert {entry["clock"] for entry in speed.values()} == {expected}
    assert probe._clock("cuda:0")[0] == "wall"  # a GPU runs beside the thread: its CPU time says nothing


def test_a_coarse_or_stopped_thread_clock_is_not_used(monkeypatch):
    calls = [0]

    def windows_like():  # moves in 15.6 ms steps
        calls[0] += 1
        return 0.015625 * (calls[0] // 50)

    assert probe._tick(windows_like) == pytest.approx(0.015625)
    assert probe._tick(lambda: 1.0) is None
    assert probe._tick(time.perf_counter) <= probe.FINE_TICK_S
    monkeypatch.setattr(probe.time, "thread_time", windows_like)
    assert probe._clock("cpu")[0] == "wall"


def fake_piece(now, seconds_per_frame, start=4, largest=64):
    """One piece on a fake clock `now` ([seconds]): a call costs seconds_per_frame(dtype) x frames."""
    def forward(tensors):
        x = tensors["x"]
        now[0] += seconds_per_frame(str(x.dtype).replace("torch.", "")) * x.shape[-1]

    return ("piece", 100, start, largest, lambda frames: {"x": torch.zeros(1, frames)}, forward)


def test_a_piece_grows_toward_the_models_call_only_while_its_next_call_stays_cheap():
    now = [0.0]

    def frames(seconds_per_frame, largest=2000):
        piece = fake_piece(now, lambda dtype: seconds_per_frame, largest=largest)
        return probe._sized(torch, "cpu", torch.float32, lambda: now[0], 4, largest, piece[4], piece[5])[0]

    assert frames(1e-6) == 2000  # 4 -> 64 -> 1024 -> 2000 (the model's own call)
    assert frames(1e-4) == 64  # 64 frames take 6.4 ms, 1024 would take 100 ms: more than MAX_CALL_S
    assert frames(0.004) == 4  # a slow kernel: 16 ms at the start, 256 ms at 64 frames
    assert frames(1e-6, largest=10) == 10


def fake_timing(monkeypatch, seconds_per_frame):
    now = [0.0]
    monkeypatch.setattr(probe, "_clock", lambda device: ("fake", lambda: now[0]))
    monkeypatch.setattr(probe, "_workload", lambda torch_module: [fake_piece(now, seconds_per_frame)])


def test_steady_rounds_stop_early_with_a_certain_ratio(monkeypatch):
    fake_timing(monkeypatch, {"float32": 1e-5, "float16": 3e-5, "bfloat16": 5e-6}.get)
    result = probe._time_workload(torch, "cpu", budget_s=1e9)
    assert result["float16"]["vs_float32"] == 3.0 and result["bfloat16"]["vs_float32"] == 0.5
    assert result["float16"]["rounds"] == probe.MIN_ROUNDS and result["float16"]["spread"] == 1.0
    assert result["float16"]["uncertain"] is False and result["float16"]["clock"] == "fake"
    assert result["float32"]["seconds"] == pytest.approx(100 * 1e-5)  # the model's 100 frames


def test_rounds_that_disagree_run_to_the_end_and_are_marked_uncertain(monkeypatch):
    half_calls = [0]

    def seconds_per_frame(dtype):  # float16 is 1x or 5x float32, turn about
        if dtype != "float16":
            return 1e-5
        half_calls[0] += 1
        return 1e-5 * (5 if half_calls[0] % 2 else 1)

    fake_timing(monkeypatch, seconds_per_frame)
    result = probe._time_workload(torch, "cpu", budget_s=1e9)
    assert result["float16"]["rounds"] == probe.MAX_ROUNDS
    assert result["float16"]["uncertain"] is True and result["float16"]["spread"] == 5.0
    assert result["bfloat16"]["uncertain"] is False
    assert probe._time_workload(torch, "cpu", budget_s=0.0)["float16"]["rounds"] == probe.MIN_ROUNDS


def test_rounds_interleave_dtypes_and_start_with_another_one_each_round(monkeypatch):
    seen = []
    real = probe._workload

    def recording(torch_module):
        name, model, start, largest, make, forward = real(torch_module)[0]
        return [(name, model, start, largest, make, lambda t: seen.append(t["x"].dtype) or forward(t))]

    def unsized(torch_module, device, dtype, clock, start, largest, make, forward, max_call_s):
        return start, dict((k, v.to(dtype=dtype)) for k, v in make(start).items()), 0.001

    monkeypatch.setattr(probe, "_workload", recording)
    monkeypatch.setattr(probe, "_sized", unsized)
    result = probe._time_workload(torch, "cpu", budget_s=0.0)
    assert result["float16"]["rounds"] == 1 + len(seen) // 3 >= probe.MIN_ROUNDS  # the first: the sizing's calls
    assert seen[:3] == [torch.float16, torch.bfloat16, torch.float32]
    assert seen[3:6] == [torch.bfloat16, torch.float32, torch.float16]


def test_quartile_spread_of_rounds():
    assert probe._spread([2.0, 2.0, 2.0]) == 1.0
    assert probe._quartiles([1.0, 2.0, 3.0]) == (1.5, 2.5)
    assert probe._quartiles([1.0, 2.0, 3.0, 100.0]) == (1.75, 27.25)
    assert probe._spread([2.0, 2.1, 2.2, 2.0, 9.0]) == pytest.approx(2.2 / 2.0)  # one wild round of five is ignored
    assert probe._median([3.0, 1.0, 2.0, 10.0]) == 2.5


def test_a_dtype_the_workload_cannot_run_has_no_ratio(monkeypatch):
    real = probe._workload

    def half_breaks(torch_module):
        def breaking(forward):
            def run(t):
                if t["x"].dtype == torch.float16:
                    raise RuntimeError("\"slow_conv2d_cpu\" not implemented for 'Half'")
                return forward(t)
            return run
        return [piece[:5] + (breaking(piece[5]),) for piece in real(torch_module)]

    monkeypatch.setattr(probe, "_workload", half_breaks)
    result = probe._time_workload(torch, "cpu", budget_s=0.0)
    assert result["float16"]["status"] == probe.NOT_IMPLEMENTED and result["float16"]["vs_float32"] is None
    assert result["bfloat16"]["status"] == probe.WORKS


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


def test_a_dtype_that_fails_in_a_later_round_is_an_error_and_the_others_keep_their_ratio(monkeypatch):
    half_calls = [0]

    def seconds_per_frame(dtype):
        if dtype == "float16":
            half_calls[0] += 1
            if half_calls[0] > 4:  # the sizing calls pass, a timed round runs out of memory
                raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 MiB")
        return 1e-5

    fake_timing(monkeypatch, seconds_per_frame)
    result = probe._time_workload(torch, "cpu", budget_s=1e9)
    assert result["float16"]["status"] == probe.ERROR and "out of memory" in result["float16"]["message"]
    assert result["float16"]["vs_float32"] is None
    assert result["bfloat16"]["status"] == probe.WORKS and result["bfloat16"]["vs_float32"] == 1.0


def test_float32_failing_in_a_later_round_leaves_nothing_to_compare_with(monkeypatch):
    calls = [0]

    def seconds_per_frame(dtype):
        if dtype == "float32":
            calls[0] += 1
            if calls[0] > 4:
                raise RuntimeError("CUDA error: an illegal memory access was encountered")
        return 1e-5

    fake_timing(monkeypatch, seconds_per_frame)
    result = probe._time_workload(torch, "cpu", budget_s=1e9)
    assert set(result) == set(probe.DTYPES)
    assert all(result[d]["status"] == probe.ERROR and result[d]["vs_float32"] is None for d in probe.DTYPES)


def test_a_clock_that_never_moves_gives_no_ratio_and_no_error(monkeypatch):
    fake_timing(monkeypatch, lambda dtype: 0.0)
    result = probe._time_workload(torch, "cpu", budget_s=0.0)
    assert all(result[d]["status"] == probe.WORKS for d in probe.DTYPES)
    assert result["float16"]["vs_float32"] is None and result["float16"]["uncertain"] is True
    json.dumps(result, allow_nan=False)
