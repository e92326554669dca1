import sys

import pytest
import torch
import yaml
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gsv_doctor import fixmessages, fixplan, gpus
from gsv_doctor.families.gpt_sovits import fixes
from gsv_doctor.families.gpt_sovits import configpy
from gsv_doctor.errors import DoctorError
from gsv_doctor.findings import Finding, Severity
from gsv_doctor.families.gpt_sovits.ttsyaml import read_tts_infer

CONFIGS = FIXTURES / "configs"
sys.path.insert(0, str(CONFIGS))
from execute import GOOD_GPU, GT_730, GTX_1080, GTX_1660, execute

FIXED_SHAPES = ["constants_spaced.py", "constants_tight_crlf.py", "constants_bom_zh.py", "constants_gbk_crlf.py",
                "constants_no_final_newline.py", "env_eval.py", "env_compare_crlf.py", "detect_no_guard.py",
                "detect_name_rule_oneline_guard.py", "detect_twoline_guard_tabs.py", "detect_gbk_crlf.py",
                "helper_2025.py"]
HALF_ON_CPU = [Finding("config-half-on-cpu", Severity.ERROR)]
DEVICE_UNUSABLE = [Finding("config-device-unusable", Severity.ERROR), Finding("config-half-on-cpu", Severity.ERROR)]
BROKEN_GPU = [Finding("config-half-on-broken-gpu", Severity.ERROR, device="cuda:0")]


def runnable(name, edit):
    """What Python itself would execute: the bytes, unless Python refuses them (GBK, no cookie)."""
    return edit.new_text if name == "constants_gbk_crlf.py" else edit.new_bytes()


def fixed(name, findings=HALF_ON_CPU, pin=False):
    facts = configpy.read_config(CONFIGS / name)
    return facts, fixes.plan_config(facts, findings, pin=pin)


@pytest.mark.parametrize("name", FIXED_SHAPES)
def test_guard_is_a_pure_insertion_in_the_file_style(name):
    facts, edit = fixed(name)
    block = fixes.guard_block(facts.newline if facts.newline != "mixed" else "\n")
    at = facts.insert_after
    prefix = facts.text[:at]
    if not prefix.endswith(("\n", "\r")):
        block = facts.newline + block
    assert edit.new_text == prefix + block + facts.text[at:]
    assert edit.encoding == facts.encoding
    new_bytes = edit.new_bytes()
    assert new_bytes.startswith(b"\xef\xbb\xbf") == facts.has_bom
    again = configpy.parse_config(new_bytes)
    assert again.patched and again.encoding == facts.encoding and again.newline == facts.newline
    assert again.shape == facts.shape
    assert fixes.plan_config(again, HALF_ON_CPU) is None  # a second fix changes nothing
    assert block.isascii()


@pytest.mark.parametrize("name", FIXED_SHAPES)
@pytest.mark.parametrize("environ", [{}, {"is_half": "True"}])
def test_fixed_config_runs_float32_on_cpu_and_float16_on_a_good_gpu(name, environ):
    _, edit = fixed(name)
    source = runnable(name, edit)
    cpu = execute(source, None, environ)
    assert cpu["is_half"] is False and str(cpu["infer_device"]) == "cpu"
    good = execute(source, GOOD_GPU, environ)
    assert good["is_half"] is True and str(good["infer_device"]).startswith("cuda")
    assert "_gsv_doctor_guard" not in cpu


@pytest.mark.parametrize("name", ["constants_spaced.py", "detect_name_rule_oneline_guard.py", "helper_2025.py"])
@pytest.mark.parametrize("gpu,half,device", [(GTX_1660, False, "cuda"), (GTX_1080, False, "cuda"), (GT_730, False, "cpu")])
def test_fixed_config_on_cards_the_rules_know(name, gpu, half, device):
    _, edit = fixed(name)
    result = execute(edit.new_bytes(), gpu, {"is_half": "True"})
    assert result["is_half"] is half
    assert str(result["infer_device"]).split(":")[0] == device


def test_helper_shape_keeps_a_torch_device():
    _, edit = fixed("helper_2025.py")
    result = execute(edit.new_bytes(), None, {})
    assert isinstance(result["infer_device"], torch.device) and result["infer_device"].type == "cpu"


def test_fixed_config_without_torch_leaves_values_alone(monkeypatch):
    _, edit = fixed("constants_spaced.py")
    monkeypatch.setitem(sys.modules, "torch", None)  # "import torch" raises ImportError
    namespace = {}
    exec(compile(edit.new_bytes(), "config.py", "exec"), namespace)
    assert namespace["is_half"] is True and namespace["infer_device"] == "cuda"


def _guard():
    namespace = {}
    exec(fixes.guard_function_source(), namespace)
    return namespace[configpy.GUARD_FUNCTION]


CARDS = [(name, cap, mem) for name in ("NVIDIA GeForce RTX 3090", "NVIDIA GeForce GTX 1660 Ti", "Tesla P40",
                                        "NVIDIA T1000", "NVIDIA GeForce GTX 1080", "NVIDIA A100", "Quadro T500")
         for cap in ((3, 0), (5, 2), (5, 3), (6, 1), (7, 0), (7, 5), (8, 6), (9, 0)) for mem in (2.0, 3.99, 4.0, 24.0)]
ARCH_LISTS = [[], ["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86"], ["sm_80", "sm_86", "sm_90"],
              ["sm_75", "compute_75"]]


@pytest.mark.parametrize("arch_list", ARCH_LISTS)
def test_guard_embeds_the_same_card_rules_as_gpus(arch_list):
    import execute as execute_module

    guard = _guard()
    for name, capability, memory in CARDS:
        card = {"name": name, "capability": capability, "memory_gb": memory}
        verdict = gpus.verdict(name, capability, memory, arch_list)
        with execute_module.faked_cuda(card):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(torch.cuda, "get_arch_list", lambda: list(arch_list))
                device, half = guard("cuda", True)
        expected_device = "cpu" if verdict.status in (gpus.UNUSABLE, gpus.NO_KERNEL) else "cuda"
        assert device == expected_device, (name, capability, memory, verdict)
        assert half is (verdict.status == gpus.USABLE), (name, capability, memory, verdict)


def test_guard_handles_device_spellings():
    import execute as execute_module

    guard = _guard()
    with execute_module.faked_cuda(None):
        assert guard(torch.device("cuda", 0), True) == (torch.device("cpu"), False)
        assert guard("CPU", True) == ("CPU", False)
        assert guard("mps", True) == ("mps", True)  # only the CPU and CUDA cards are judged
    with execute_module.faked_cuda(GOOD_GPU):
        assert guard("cuda:0", True) == ("cuda:0", True)
        assert guard(torch.device("cuda"), True) == (torch.device("cuda"), True)


def test_unknown_shape_gives_the_manual_edit_and_writes_nothing():
    facts = configpy.read_config(CONFIGS / "unknown_settings_json.py")
    with pytest.raises(DoctorError) as error:
        fixes.plan(HALF_ON_CPU, facts, None)
    assert error.value.exit_code == 2
    assert fixes.guard_block("\n") in error.value.message
    assert "does not recognise" in error.value.message


def test_unknown_shape_with_unknown_values_is_refused_even_without_findings():
    facts = configpy.read_config(CONFIGS / "unknown_settings_json.py")
    with pytest.raises(DoctorError) as error:
        fixes.plan([], facts, None, config_values_known=False)
    assert error.value.exit_code == 2 and fixes.guard_block("\n") in error.value.message
    assert fixes.plan([], facts, None).edits == []  # values known and fine: nothing to do
    known = configpy.read_config(CONFIGS / "detect_no_guard.py")
    assert fixes.plan([], known, None, config_values_known=False).edits == []  # a known shape is never refused


def test_unknown_shape_already_guarded_is_not_refused():
    facts = configpy.read_config(CONFIGS / "unknown_settings_json.py")
    text = facts.text + configpy.GUARD_BEGIN + " guard\n" + "is_half = False\n" + configpy.GUARD_END + "\n"
    patched = configpy.parse_config(text.encode())
    assert patched.patched and patched.shape == "unknown"
    result = fixes.plan([], patched, None, config_values_known=False)
    assert result.edits == [] and [n.id for n in result.notes] == ["already-fixed"]


@pytest.mark.parametrize("name", ["constants_spaced.py", "constants_tight_crlf.py", "constants_gbk_crlf.py",
                                  "constants_bom_zh.py"])
def test_pin_changes_the_literals_in_place(name):
    facts, edit = fixed(name, DEVICE_UNUSABLE, pin=True)
    result = execute(runnable(name, edit), GOOD_GPU, {"is_half": "True"})
    assert result["is_half"] is False and result["infer_device"] == "cpu"  # pinned: even on a good GPU
    device = facts.last("infer_device")
    quote = device.value_source[0]
    new_lines = edit.new_text.splitlines()
    assert any(line.startswith("# gsv-doctor fix --pin: was True") for line in new_lines)
    assert f"{quote}cpu{quote}" in edit.new_text
    # everything but the two values and the two comment lines is untouched
    old_lines = facts.text.splitlines()
    kept = [line for line in new_lines if not line.startswith("# gsv-doctor fix --pin")]
    assert len(kept) == len(old_lines)
    changed = [(a, b) for a, b in zip(old_lines, kept) if a != b]
    assert len(changed) == 2
    assert edit.new_bytes().count(b"\r\n") == facts.raw.count(b"\r\n") + (2 if facts.newline == "\r\n" else 0)
    assert configpy.parse_config(edit.new_bytes()).shape == "constants"


def test_pin_for_a_broken_gpu_keeps_the_device():
    _, edit = fixed("constants_spaced.py", BROKEN_GPU, pin=True)
    result = execute(edit.new_bytes(), GTX_1660, {})
    assert result["is_half"] is False and result["infer_device"] == "cuda"


@pytest.mark.parametrize("name", ["env_eval.py", "detect_no_guard.py", "helper_2025.py"])
def test_pin_block_for_other_shapes(name):
    facts, edit = fixed(name, DEVICE_UNUSABLE, pin=True)
    result = execute(edit.new_bytes(), GOOD_GPU, {"is_half": "True"})
    assert result["is_half"] is False and str(result["infer_device"]) == "cpu"
    if name == "helper_2025.py":
        assert isinstance(result["infer_device"], torch.device)
    again = configpy.parse_config(edit.new_bytes())
    assert again.patched and fixes.plan_config(again, DEVICE_UNUSABLE, pin=True) is None


def test_plan_answers_only_what_the_findings_call_for():
    facts = configpy.read_config(CONFIGS / "detect_no_guard.py")
    tts = read_tts_infer(CONFIGS / "tts_infer_cuda.yaml")
    assert fixes.plan([], facts, tts).edits == []
    info_only = [Finding("cpu-bfloat16-faster", Severity.INFO)]
    assert fixes.plan(info_only, facts, tts).edits == []
    result = fixes.plan(HALF_ON_CPU, facts, tts)
    assert [e.kind for e in result.edits] == ["config"] and result.answered == ["config-half-on-cpu"]


def _tts_finding(finding_id, section="custom"):
    return Finding(finding_id, Severity.ERROR, params={"section": section})


def test_tts_edit_of_the_section_in_use():
    tts = read_tts_infer(CONFIGS / "tts_infer_cuda.yaml")
    edit = fixes.plan_tts(tts, [_tts_finding("tts-infer-device-unusable")])
    data = yaml.safe_load(edit.new_text)
    assert data["custom"]["device"] == "cpu" and data["custom"]["is_half"] is False
    assert data["v2Pro"]["device"] == "cuda" and data["v2Pro"]["is_half"] is True  # not asked
    old, new = tts.text.splitlines(), edit.new_text.splitlines()
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [3, 4]
    assert [fixmessages.text(r.code, "en", r.params) for r in edit.reasons] == [
        "custom.device: cuda -> cpu", "custom.is_half: true -> false"]


def test_tts_all_sections():
    tts = read_tts_infer(CONFIGS / "tts_infer_cuda.yaml")
    edit = fixes.plan_tts(tts, [_tts_finding("tts-infer-device-unusable")], all_sections=True)
    data = yaml.safe_load(edit.new_text)
    assert all(s["device"] == "cpu" and s["is_half"] is False for s in data.values())


def test_tts_half_only_keeps_device_and_style():
    tts = read_tts_infer(CONFIGS / "tts_infer_crlf_comments.yaml")
    edit = fixes.plan_tts(tts, [_tts_finding("tts-infer-half-on-broken-gpu")])
    assert edit.new_text == tts.text.replace("is_half: True", "is_half: False")
    assert edit.new_bytes().count(b"\r\n") == 5


def test_tts_missing_key_is_added(tmp_path):
    path = tmp_path / "tts_infer.yaml"
    path.write_bytes(b"custom:\n  device: cuda\n  version: v2\nv1:\n  device: cpu\n")
    edit = fixes.plan_tts(read_tts_infer(path), [_tts_finding("tts-infer-device-unusable")])
    assert edit.new_text == "custom:\n  device: cpu\n  version: v2\n  is_half: false\nv1:\n  device: cpu\n"


def test_notes_for_what_config_cannot_reach():
    findings = [Finding("entry-point-half-on-cpu", Severity.ERROR, params={"entry_point": "GPT_SoVITS/inference_webui.py"}),
                Finding("env-is-half-invalid", Severity.ERROR, params={"value": "false"})] + HALF_ON_CPU
    facts = configpy.read_config(CONFIGS / "env_eval.py")
    result = fixes.plan(findings, facts, None, root_files=["api.py", "webui.py"])
    by_id = {n.id: n for n in result.notes}
    texts = {n.id: fixmessages.text(f"note.{n.id}", "en", n.params) for n in result.notes}
    assert by_id["entry-point"].severity == "error" and "gsv-doctor hook install" in texts["entry-point"]
    assert "gsv-doctor run -- python GPT_SoVITS/inference_webui.py" in texts["entry-point"]
    assert "'false'" in texts["env-is-half-invalid"]
    assert "-fp" in texts["api-half-flag"]
    assert result.unresolved_errors


# ---------------------------------------------------------------- property: bytes outside the edits

_spaces = st.sampled_from(["", " ", "  ", "\t"])
_newlines = st.sampled_from(["\n", "\r\n"])
_quotes = st.sampled_from(['"', "'"])
_comments = st.sampled_from(["", "  # half", " #中文注释", "\t# 设备"])
_filler = st.lists(st.sampled_from([
    "import os", "import sys", "exp_root = 'logs'", "# 配置", "", "x = [1,\n     2]", "api_port = 9880",
    "def f(a):\n    return a", "if True:\n\tpass", "s = '''multi\nline'''",
]), max_size=4)


@st.composite
def config_modules(draw):
    newline = draw(_newlines)
    shape = draw(st.sampled_from(["constants", "env", "detect"]))
    q = draw(_quotes)
    parts = draw(_filler)
    eq = draw(_spaces) + "=" + draw(_spaces)
    if shape == "constants":
        parts.append(f"is_half{eq}True{draw(_comments)}")
    elif shape == "env":
        parts.append("import os")
        parts.append(f"is_half{eq}eval(os.environ.get({q}is_half{q}, {q}True{q})){draw(_comments)}")
    if shape == "detect":
        parts.append(f"is_half{eq}True")
        parts.append(f"import torch\nif torch.cuda.is_available():\n    infer_device{eq}{q}cuda{q}\n"
                     f"else:\n    infer_device{eq}{q}cpu{q}{draw(_comments)}")
    else:
        parts.append(f"infer_device{eq}{q}cuda{q}{draw(_comments)}")
    parts += draw(_filler)
    text = "\n".join(parts) + draw(st.sampled_from(["\n", ""]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk"]))
    data = text.replace("\n", newline).encode("utf-8" if encoding == "utf-8-sig" else encoding)
    return (b"\xef\xbb\xbf" + data) if encoding == "utf-8-sig" else data


def _is_insertion(old: bytes, new: bytes) -> bool:
    """`new` is `old` with one run of bytes inserted somewhere."""
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    return new[len(new) - (len(old) - prefix):] == old[prefix:] and len(new) >= len(old)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(config_modules())
def test_property_guard_only_inserts(raw):
    facts = configpy.parse_config(raw)
    edit = fixes.plan_config(facts, HALF_ON_CPU)
    new = edit.new_bytes()
    assert _is_insertion(raw, new)
    result = execute(new, None, {"is_half": "True"})
    assert result["is_half"] is False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(config_modules())
def test_property_pin_touches_only_values_and_adds_comment_lines(raw):
    facts = configpy.parse_config(raw)
    edit = fixes.plan_config(facts, DEVICE_UNUSABLE, pin=True)
    new_text = edit.new_text
    # Remove the pin's comment lines (or its fenced block) and put the old values back:
    # the original text returns.
    lines = new_text.splitlines(keepends=True)
    if configpy.GUARD_BEGIN in new_text:
        begin = next(i for i, line in enumerate(lines) if line.startswith(configpy.GUARD_BEGIN))
        end = next(i for i, line in enumerate(lines) if line.startswith(configpy.GUARD_END))
        lines = lines[:begin] + lines[end + 1:]
    restored = "".join(line for line in lines if not line.startswith("# gsv-doctor fix --pin"))
    if facts.shape == "constants":
        half, device = facts.last("is_half"), facts.last("infer_device")
        expected = facts.text
        for a, value in sorted([(half, "False"), (device, device.value_source[0] + "cpu" + device.value_source[0])],
                               key=lambda p: -p[0].value_start):
            expected = expected[:a.value_start] + value + expected[a.value_end:]
        assert restored == expected
    else:
        assert restored.rstrip("\r\n") == facts.text.rstrip("\r\n")
    assert edit.new_bytes().startswith(b"\xef\xbb\xbf") == raw.startswith(b"\xef\xbb\xbf")
    result = execute(edit.new_bytes() if facts.encoding != "gbk" else new_text, GOOD_GPU, {})
    assert result["is_half"] is False and result["infer_device"] == "cpu"


@pytest.mark.parametrize("name", FIXED_SHAPES)
@pytest.mark.parametrize("cuda", [False, True])
def test_static_prediction_of_a_fixed_file_agrees_with_running_it(name, cuda):
    _, edit = fixed(name)
    facts = configpy.parse_config(edit.new_bytes())
    is_half, device = configpy.predict(facts, cuda, {"is_half": "True"})
    result = execute(runnable(name, edit), GOOD_GPU if cuda else None, {"is_half": "True"})
    if not cuda and name != "helper_2025.py":
        assert (is_half, device) == (False, "cpu")  # decidable without a card
    if is_half is not None:
        assert is_half == result["is_half"]
    if device is not None:
        assert device == str(result["infer_device"])
