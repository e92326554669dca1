import ast
from pathlib import Path

import pytest
from rvc_project import FIXTURES

from gsv_doctor.errors import DoctorError
from gsv_doctor.families.rvc import configclass


def read(shape: str, tmp_path: Path = None, text: str = None):
    path = FIXTURES / f"{shape}.py"
    if text is not None:
        path = tmp_path / "config.py"
        path.write_bytes(text.encode("utf-8"))
    return configclass.read_config(path, "configs/config.py")


@pytest.mark.parametrize("shape, shape_kind, cpu_half, mps_half", [
    ("module_values", "module", False, False),
    ("class_cpu_keeps_half", "class", True, True),
    ("class_cpu_half_true", "class", True, True),
    ("class_fp32_rewrite", "class", False, False),
    ("class_inuse", "class", False, False),
    ("capability_rule", "class", False, False),
    ("cpu_mem_crash", "class", False, True),
])
def test_the_cpu_branch_is_read_from_the_syntax_tree(shape, shape_kind, cpu_half, mps_half):
    facts = read(shape)
    assert facts.shape == shape_kind
    assert facts.cpu_is_half is cpu_half
    assert facts.mps_is_half is mps_half


def test_the_line_that_decides_the_cpu_value_is_named():
    facts = read("class_cpu_half_true")
    text = (FIXTURES / "class_cpu_half_true.py").read_text(encoding="utf-8").splitlines()
    assert text[facts.cpu_line - 1].strip() == "self.is_half = True"
    keeps = read("class_cpu_keeps_half")
    assert "self.is_half = True" in (FIXTURES / "class_cpu_keeps_half.py").read_text(
        encoding="utf-8").splitlines()[keeps.cpu_line - 1]  # the default in __init__
    branches = {(a.name, a.branch) for a in keeps.assignments}
    assert ("device", "cpu") in branches and ("is_half", "cpu") not in branches


def test_the_fp32_rewrite_on_the_cpu_is_seen():
    assert read("class_fp32_rewrite").cpu_rewrites_json
    assert read("class_inuse").cpu_rewrites_json
    assert not read("class_cpu_keeps_half").cpu_rewrites_json


@pytest.mark.parametrize("shape", ["module_values", "class_cpu_keeps_half", "class_fp32_rewrite", "capability_rule"])
def test_the_guard_goes_right_after_the_device_choice_and_parses(shape):
    facts = read(shape)
    new = configclass.with_guard(facts)
    ast.parse(new)
    old_lines, new_lines = facts.text.splitlines(), new.splitlines()
    at = facts.guard_after_line
    assert new_lines[:at] == old_lines[:at] and new_lines[at + 2:] == old_lines[at:]
    assert configclass.GUARD_MARK in new_lines[at]
    assert new_lines[at + 1].strip() == f"{facts.prefix}is_half = False"
    assert not new_lines[at].startswith(" " * (len(facts.guard_indent) + 1))  # same level as the if


def test_a_guarded_config_is_recognised_and_crlf_and_bom_are_kept(tmp_path):
    text = (FIXTURES / "class_cpu_keeps_half.py").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "config.py"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    facts = configclass.read_config(path, "config.py")
    assert facts.has_bom and facts.newline == "\r\n"
    new = configclass.with_guard(facts)
    assert "\n" not in new.replace("\r\n", "")
    path.write_bytes(b"\xef\xbb\xbf" + new.encode("utf-8"))
    guarded = configclass.read_config(path, "config.py")
    assert guarded.guarded and guarded.cpu_is_half is False and guarded.mps_is_half is True


def test_unreadable_configs_are_a_doctor_error(tmp_path):
    with pytest.raises(DoctorError, match="cannot parse"):
        read("x", tmp_path, "class Config(:\n")
    (tmp_path / "bad.py").write_bytes(b"\xff\xfe\x00\x81\xff" * 3)
    with pytest.raises(DoctorError):
        configclass.read_config(tmp_path / "bad.py", "bad.py")


@pytest.mark.parametrize("shape, card, expected", [
    ("module_values", "NVIDIA GeForce GTX 1660 Ti", False),
    ("module_values", "NVIDIA GeForce GTX 1060 6GB", True),  # the first rule knew only the 16 series
    ("class_fp32_rewrite", "NVIDIA GeForce GTX 1060 6GB", False),
    ("class_fp32_rewrite", "Tesla V100-SXM2-16GB", True),  # "16" in the name, but V100 is excluded
    ("class_fp32_rewrite", "NVIDIA GeForce RTX 3090", True),
    ("class_inuse", "NVIDIA GeForce GTX 1660 SUPER", False),
    ("class_cpu_keeps_half", "Tesla P40", False),
    ("capability_rule", "NVIDIA GeForce RTX 3090", None),  # a capability rule computed at run time
])
def test_the_card_name_rules_are_evaluated_for_a_gpu_machine(shape, card, expected):
    assert configclass.gpu_is_half(read(shape), card) is expected


NPU_FIRST = '''import torch


class Config:
    def __init__(self):
        self.device = "cuda:0"
        self.is_half = True
        self.device_config()

    def device_config(self):
        if torch.cuda.is_available():
            self.gpu_name = torch.cuda.get_device_name(0)
        elif self.has_npu():
            self.device = "npu:0"
            self.is_half = True
        elif torch.backends.mps.is_available():
            self.device = "cpu"  # a version that keeps Macs on the CPU
            self.is_half = False
        else:
            self.device = "cpu"
            self.is_half = False
'''


def test_an_npu_branch_before_the_mac_one_is_skipped_and_the_mac_device_is_read(tmp_path):
    facts = read("x", tmp_path, NPU_FIRST)
    assert (facts.cpu_is_half, facts.mps_branch, facts.mps_device, facts.mps_is_half) == (False, True, "cpu", False)
