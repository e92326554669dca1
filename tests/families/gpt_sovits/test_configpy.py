import ast
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from gsv_doctor.families.gpt_sovits import configpy
from gsv_doctor.errors import DoctorError

CONFIGS = FIXTURES / "configs"
sys.path.insert(0, str(CONFIGS))
from execute import GOOD_GPU, execute

EXPECTED = {
    # file: (encoding, newline, shape, cpu_guard, gpu_name_rule, env_default)
    "constants_spaced.py": ("utf-8", "\n", "constants", False, False, None),
    "constants_tight_crlf.py": ("utf-8", "\r\n", "constants", False, False, None),
    "constants_bom_zh.py": ("utf-8-sig", "\n", "constants", False, False, None),
    "constants_gbk_crlf.py": ("gbk", "\r\n", "constants", False, False, None),
    "constants_no_final_newline.py": ("utf-8", "\n", "constants", False, False, None),
    "env_eval.py": ("utf-8", "\n", "env", False, False, "True"),
    "env_compare_crlf.py": ("utf-8", "\r\n", "env", False, False, "True"),
    "detect_no_guard.py": ("utf-8", "\n", "detect", False, False, "True"),
    "detect_name_rule_oneline_guard.py": ("utf-8", "\n", "detect", True, True, "True"),
    "detect_twoline_guard_tabs.py": ("utf-8", "\n", "detect", True, False, "True"),
    "detect_gbk_crlf.py": ("gbk", "\r\n", "detect", True, True, "True"),
    "helper_2025.py": ("utf-8", "\n", "helper", False, False, "True"),
    "unknown_settings_json.py": ("utf-8", "\n", "unknown", False, False, None),
}
RUNNABLE = [name for name in EXPECTED if name not in ("unknown_settings_json.py",)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_facts_of_each_fixture(name):
    facts = configpy.read_config(CONFIGS / name)
    encoding, newline, shape, cpu_guard, name_rule, env_default = EXPECTED[name]
    assert (facts.encoding, facts.newline, facts.shape) == (encoding, newline, shape)
    assert (facts.cpu_guard, facts.gpu_name_rule, facts.env_default) == (cpu_guard, name_rule, env_default)
    assert facts.patched is False
    assert {a.name for a in facts.assignments} == {"is_half", "infer_device"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spans_are_exact_statements(name):
    facts = configpy.read_config(CONFIGS / name)
    lines = facts.text.splitlines(keepends=True)
    for a in facts.assignments:
        statement = facts.text[a.start:a.end]
        assert statement.lstrip().startswith(a.name)
        assert statement.endswith(a.value_source)
        assert facts.text[a.value_start:a.value_end] == a.value_source
        ast.parse(statement)  # a whole statement, nothing cut off
        assert statement.split("\n")[0].strip("\r") in lines[a.line - 1]
    # the text decodes back to exactly the bytes on disk
    raw = (CONFIGS / name).read_bytes()
    assert facts.raw == raw
    assert facts.text.encode(facts.encoding) == raw


def test_literal_values_and_conditions():
    facts = configpy.read_config(CONFIGS / "detect_name_rule_oneline_guard.py")
    devices = [a for a in facts.assignments if a.name == "infer_device"]
    assert [a.literal for a in devices] == ["cuda", "mps", "cpu"]
    assert all(a.conditional and a.kind == "literal" for a in devices)
    assert devices[0].condition == "torch.cuda.is_available()"
    half = [a for a in facts.assignments if a.name == "is_half"]
    assert half[0].kind == "env" and not half[0].conditional and half[0].literal is None
    assert half[-1].condition == 'infer_device=="cpu"' and half[-1].literal is False
    # the guard goes after the one-line CPU rule, the last statement that sets a name
    assert facts.insert_line == half[-1].line


def test_helper_shape_device_is_not_a_literal():
    facts = configpy.read_config(CONFIGS / "helper_2025.py")
    last_device = facts.last("infer_device")
    assert last_device.kind == "helper" and last_device.value_source.startswith("max(tmp")
    assert [a.kind for a in facts.assignments if a.name == "is_half"] == ["env", "helper"]


def test_tabs_and_crlf_offsets(tmp_path):
    raw = "import os\r\nif True:\r\n\tx = 1\r\nis_half\t=\tTrue\r\ninfer_device = \"cuda\"\r\n".encode()
    facts = configpy.parse_config(raw)
    half = facts.last("is_half")
    assert facts.text[half.start:half.end] == "is_half\t=\tTrue"
    assert half.line == 4 and facts.newline == "\r\n"
    assert facts.insert_after == len(facts.text)


def test_mixed_newlines_and_cjk_columns():
    raw = "# 中文注释\nx = '中文'; is_half = True\r\ninfer_device = 'cuda'\n".encode("utf-8")
    facts = configpy.parse_config(raw)
    assert facts.newline == "mixed"
    half = facts.last("is_half")
    assert facts.text[half.start:half.end] == "is_half = True"  # columns are bytes in ast


def test_coding_cookie_is_honoured():
    raw = "# -*- coding: big5 -*-\n# 設定\nis_half = True\ninfer_device = 'cuda'\n".encode("big5")
    assert configpy.parse_config(raw).encoding == "big5"


def test_missing_file(tmp_path):
    with pytest.raises(DoctorError) as error:
        configpy.read_config(tmp_path / "config.py")
    assert error.value.exit_code == 2 and "does not exist" in error.value.message


def test_syntax_error_names_the_line():
    with pytest.raises(DoctorError) as error:
        configpy.read_config(CONFIGS / "syntax_error.py")
    assert error.value.exit_code == 2 and "line 3" in error.value.message


def test_undecodable_bytes():
    with pytest.raises(DoctorError) as error:
        configpy.read_config(CONFIGS / "undecodable.py")
    assert error.value.exit_code == 2 and "encoding" in error.value.message


def test_unknown_shape_says_why():
    facts = configpy.read_config(CONFIGS / "unknown_settings_json.py")
    assert facts.shape == "unknown" and "does not recognise" in facts.unknown_reason
    missing = configpy.parse_config(b"is_half = True\n")
    assert missing.shape == "unknown" and "infer_device" in missing.unknown_reason


def test_patched_marker_and_guard_assignments_are_flagged():
    text = ("is_half = True\ninfer_device = 'cuda'\n" + configpy.GUARD_BEGIN + " guard\n"
            "def _gsv_doctor_guard(device, half):\n    return device, half\n"
            "infer_device, is_half = _gsv_doctor_guard(infer_device, is_half)\n" + configpy.GUARD_END + "\n")
    facts = configpy.parse_config(text.encode())
    assert facts.patched and facts.shape == "constants"
    assert [a.in_guard for a in facts.assignments] == [False, False, True, True]
    assert facts.last("is_half").line == 1
    assert configpy.predict(facts, False, {}) == (False, "cpu")
    assert configpy.predict(facts, True, {}) == (None, "cuda")


SCENARIOS = [(False, {}), (False, {"is_half": "True"}), (False, {"is_half": "False"}),
             (True, {}), (True, {"is_half": "False"})]


@pytest.mark.parametrize("name", RUNNABLE)
@pytest.mark.parametrize("cuda,environ", SCENARIOS)
def test_predict_agrees_with_running_the_file(name, cuda, environ):
    facts = configpy.read_config(CONFIGS / name)
    is_half, device = configpy.predict(facts, cuda, environ)
    result = execute(facts.text, GOOD_GPU if cuda else None, environ)
    if is_half is not None:
        assert is_half == result["is_half"]
    if device is not None:
        assert device == str(result["infer_device"])


@pytest.mark.parametrize("name", RUNNABLE)
@pytest.mark.parametrize("environ", [{}, {"is_half": "False"}])
def test_predict_agrees_with_running_the_file_on_a_mac(name, environ):
    facts = configpy.read_config(CONFIGS / name)
    is_half, device = configpy.predict(facts, False, environ, mps_available=True)
    result = execute(facts.text, None, environ, mps=True)
    if is_half is not None:
        assert is_half == result["is_half"]
    if device is not None:
        assert device == str(result["infer_device"])


def test_predict_takes_mps_when_told_it_is_there():
    no_guard = configpy.read_config(CONFIGS / "detect_no_guard.py")
    assert configpy.predict(no_guard, False, {}, mps_available=True) == (True, "mps")
    assert configpy.predict(no_guard, True, {}, mps_available=True) == (True, "cuda")
    assert configpy.predict(no_guard, False, {}) == (True, "cpu")  # MPS absent unless said


def test_predict_values():
    constants = configpy.read_config(CONFIGS / "constants_spaced.py")
    assert configpy.predict(constants, False, {"is_half": "False"}) == (True, "cuda")
    env = configpy.read_config(CONFIGS / "env_eval.py")
    assert configpy.predict(env, False, {}) == (True, "cuda")
    assert configpy.predict(env, False, {"is_half": "False"}) == (False, "cuda")
    assert configpy.predict(env, False, {"is_half": "false"}) == (None, "cuda")  # eval: NameError
    no_guard = configpy.read_config(CONFIGS / "detect_no_guard.py")
    assert configpy.predict(no_guard, False, {}) == (True, "cpu")
    guarded = configpy.read_config(CONFIGS / "detect_twoline_guard_tabs.py")
    assert configpy.predict(guarded, False, {"is_half": "True"}) == (False, "cpu")
    assert configpy.predict(guarded, True, {}) == (True, "cuda")
    name_rule = configpy.read_config(CONFIGS / "detect_name_rule_oneline_guard.py")
    assert configpy.predict(name_rule, True, {}) == (None, "cuda")  # depends on the card's name
    helper = configpy.read_config(CONFIGS / "helper_2025.py")
    assert configpy.predict(helper, False, {}) == (None, None)


def test_predict_understands_torch_device_and_environ_writes():
    source = ("import os\nimport torch as t\nos.environ['is_half'] = 'False'\n"
              "is_half = eval(os.getenv('is_half', 'True'))\n"
              "infer_device = t.device('cuda', 0) if t.cuda.is_available() else t.device('cpu')\n")
    facts = configpy.parse_config(source.encode())
    assert configpy.predict(facts, True, {}) == (False, "cuda:0")
    assert configpy.predict(facts, False, {}) == (False, "cpu")
    assert Path  # keep import used
