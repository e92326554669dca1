import copy
import re

import probe_fixtures as scenarios
import pytest

from gsv_doctor import probe, probereport
from gsv_doctor.diagnose import assess_devices, half_unusable
from gsv_doctor.report import dtype_cell, legend_lines, speed_text


def cpu_machine(half_ratio, bf16_ratio=1.0, uncertain=False):
    report = scenarios.report("2.13.0+cpu", [scenarios.new_cpu(half_ratio=half_ratio, bf16_ratio=bf16_ratio)])
    report["devices"][0]["speed"]["float16"]["uncertain"] = uncertain
    return probereport.parse(report)


def test_parse_types_every_part_and_keeps_the_raw_report():
    raw = scenarios.gtx1060()
    report = probereport.parse(raw)
    assert report.torch.version == raw["torch"]["version"] and report.cuda_available
    card = report.device("cuda:0")
    assert card.kind == "cuda" and card.capability == (6, 1)
    assert card.ops["float16"]["conv1d"].status == probe.WORKS
    assert report.cpu.id == "cpu" and [d.id for d in report.cuda_devices] == ["cuda:0"]
    assert report.to_dict() == raw


@pytest.mark.parametrize("change, problem", [
    (lambda r: r.update(schema="x"), "not a gsv-doctor probe report"),
    (lambda r: r.update(schema_version=True), "whole number"),
    (lambda r: r.update(schema_version=probe.PROBE_SCHEMA_VERSION + 1), "newer gsv-doctor"),
    (lambda r: r.pop("torch"), 'no "torch"'),
    (lambda r: r["torch"].pop("version"), '"torch" has no "version"'),
    (lambda r: r.update(devices=[]), "non-empty list"),
    (lambda r: r["devices"][0].pop("id"), 'needs an "id"'),
    (lambda r: r["devices"][1].update(capability=["6", 1]), "two whole numbers"),
    (lambda r: r["devices"][0]["speed"]["float16"].update(vs_float32="fast"), "must be a number"),
    (lambda r: r["devices"][0]["ops"]["float16"].update(conv1d={}), '"status"'),
])
def test_a_malformed_report_says_what_is_wrong(change, problem):
    raw = scenarios.gtx1060()
    change(raw)
    with pytest.raises(probereport.ProbeReportError, match=problem) as caught:
        probereport.parse(raw)
    assert re.search(r"[\u4e00-\u9fff]", caught.value.text("zh")), "the detail has a Chinese text"
    assert caught.value.text("zh") != caught.value.text("en")


def test_a_report_of_a_python_without_torch_is_valid_and_says_so():
    raw = dict(scenarios.gtx1060(), torch=None, devices=[], error="ModuleNotFoundError: No module named 'torch'")
    report = probereport.parse(raw)
    assert report.torch is None and report.error.startswith("ModuleNotFoundError")


def test_a_report_from_before_the_spread_reads_as_certain():
    raw = scenarios.cpu_only_new()
    for timing in raw["devices"][0]["speed"].values():
        timing.pop("spread", None), timing.pop("uncertain", None)
    timing = probereport.parse(raw).cpu.speed["float16"]
    assert timing.uncertain is False and timing.spread is None and timing.vs_float32 == 24.0


@pytest.mark.parametrize("ratio, word", [(5.7, "slower"), (1.25, "slower"), (1.24, "same"), (1.0, "same"),
                                         (0.81, "same"), (0.8, "faster"), (0.26, "faster"), (None, None)])
def test_one_band_decides_slower_faster_or_about_the_same(ratio, word):
    assert probereport.speed_word(ratio) == word


def test_judgement_of_old_and_new_torch_cpus():
    old = probereport.judge(probereport.parse(scenarios.cpu_only_torch201()))[0]
    assert old.float16.outcome == probereport.FAILS and old.float16.probed_ops == len(probereport.MODEL_OPS)
    assert old.float16.failing_ops[0] == "conv1d" and "slow_conv2d_cpu" in old.float16.error
    assert old.float16.ratio is None and old.bfloat16.outcome == probereport.FINE
    new = probereport.judge(probereport.parse(scenarios.cpu_only_new()))[0]
    assert new.float16.outcome == probereport.SLOW and new.float16.ratio == 24.0
    assert new.bfloat16.outcome == probereport.FINE and new.bfloat16_faster  # 0.26: clearly faster


def test_nan_and_wrong_results_are_one_outcome_told_apart_by_wrong():
    raw = scenarios.gtx1660ti()
    judged = probereport.judge(probereport.parse(raw))[1]
    assert judged.float16.outcome == probereport.FINE  # the tiny ops pass; the card rules say NaN (diagnose)
    wrong = copy.deepcopy(raw)
    wrong["devices"][1]["ops"]["float16"] = scenarios.ops({"linear": {"status": probe.WRONG, "max_error": 0.5}})
    judged = probereport.judge(probereport.parse(wrong))[1]
    assert judged.float16.outcome == probereport.NAN and judged.float16.wrong
    assert judged.float16.failing_ops == ("linear",)


@pytest.mark.parametrize("ratio", [0.5, 1.0, 1.19, 1.2, 1.21, 1.24, 1.25, 1.26, 1.5, 1.51, 3.0, 24.0])
def test_what_gsv_doctor_does_never_depends_on_the_speed_figure(ratio):
    """is_half=False on a CPU machine, and the findings' ids and severities, at any ratio."""
    baseline = assess_devices(cpu_machine(5.0))
    devices = assess_devices(cpu_machine(ratio))
    assert half_unusable(devices) is half_unusable(baseline) is True
    assert devices[0].avoid_half and devices[0].judgement.avoid_half


def test_a_good_card_keeps_float16_a_nan_card_does_not():
    assert half_unusable(assess_devices(probereport.parse(scenarios.rtx3090()))) is False
    assert half_unusable(assess_devices(probereport.parse(scenarios.gtx1660ti()))) is True


def test_cells_say_slower_faster_or_about_the_same_with_a_mark_for_rough_figures():
    [cpu] = assess_devices(cpu_machine(5.66, bf16_ratio=0.77))
    assert dtype_cell(cpu, "float32", "en") == "ok"
    assert dtype_cell(cpu, "float16", "en") == "ok, 5.7x slower"
    assert dtype_cell(cpu, "bfloat16", "en") == "ok, 1.3x faster"
    assert dtype_cell(assess_devices(cpu_machine(1.1))[0], "float16", "en") == "ok, about the same"
    assert dtype_cell(assess_devices(cpu_machine(5.66, uncertain=True))[0], "float16", "en") == "ok, ~5.7x slower"
    assert speed_text(5.66, False, "zh") == "慢 5.7 倍"


def test_fails_cell_counts_model_ops_and_the_legend_names_them():
    devices = assess_devices(probereport.parse(scenarios.cpu_only_torch201()))
    total = len(probereport.MODEL_OPS)
    assert dtype_cell(devices[0], "float16", "en") == f"FAILS ({total}/{total})"
    legend = legend_lines(devices, "en")
    assert any(f"of the {total} model ops" in line and "conv1d" in line for line in legend)
    assert any("about the same" in line for line in legend)
    assert any("模型算子" in line for line in legend_lines(devices, "zh"))


def test_the_clock_a_timing_was_taken_with_is_kept():
    raw = scenarios.cpu_only_new()
    raw["devices"][0]["speed"]["float16"]["clock"] = "thread"
    report = probereport.parse(raw)
    assert report.cpu.speed["float16"].clock == "thread" and report.cpu.speed["bfloat16"].clock is None
