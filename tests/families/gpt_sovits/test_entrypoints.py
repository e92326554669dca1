"""Entry points of GPT-SoVITS and their verdicts, on our own reproductions of each shape the
project's files took (never copies of them)."""
import pytest

import probe_fixtures as scenarios
from gsv_doctor import gpus, messages, preflight, project
from gsv_doctor import diagnose as diagnose_module
from gsv_doctor.diagnose import CRASH, DEVICE, HALF_CPU, NAN, OK, START
from gsv_doctor.families.gpt_sovits import configpy, entrypoints, facts as gsv_facts
from gsv_doctor.families.gpt_sovits.fixes import plan_config
from gsv_doctor.findings import Severity
from gsv_project import make_project

# The mid-2025 shape: a helper per card, the best card, float16 when any card can.
HELPER_CONFIG = '''import re
import torch

def pick(idx):
    cpu = torch.device("cpu")
    if not torch.cuda.is_available():
        return cpu, torch.float32, 0.0, 0.0
    return torch.device("cuda:%d" % idx), torch.float16, 8.6, 24.0

cards = [pick(i) for i in range(max(torch.cuda.device_count(), 1))]
infer_device = max(cards, key=lambda c: (c[2], c[3]))[0]
is_half = any(c[1] == torch.float16 for c in cards)
'''
# An early shape: the card's name asked for with no CUDA check (raises without CUDA).
NAME_QUERY_CONFIG = '''import torch
is_half = True
if torch.cuda.is_available():
    infer_device = "cuda"
else:
    infer_device = "cpu"
card = torch.cuda.get_device_name(0)
if "16" in card:
    is_half = False
'''
UI_LINES = ('import os\nimport torch\n'
            'is_half = eval(os.environ.get("is_half", "True")) and torch.cuda.is_available()\n'
            'if torch.cuda.is_available():\n    device = "cuda"\nelse:\n    device = "cpu"\n')
YAML = "custom:\n  device: cuda\n  is_half: true\n  version: v2\n"
TTS_BOTH = '''import torch
class TTS_Config:
    def __init__(self, configs):
        self.device = configs.get("device")
        if "cuda" in str(self.device) and not torch.cuda.is_available():
            self.device = torch.device("cpu")
        self.is_half = configs.get("is_half")
        if str(self.device) == "cpu" and self.is_half:
            self.is_half = False
'''
TTS_DEVICE_ONLY = "\n".join(line for line in TTS_BOTH.splitlines()
                            if "cpu\" and self.is_half" not in line and "self.is_half = False" not in line) + "\n"
TTS_NONE = '''class TTS_Config:
    def __init__(self, configs):
        self.device = configs.get("device")
        self.is_half = configs.get("is_half")
'''


def gsv(tmp_path, config=HELPER_CONFIG, tts=TTS_BOTH, environ=None, ui=UI_LINES):
    root = make_project(tmp_path / "gsv", config=config, inference_ui=ui)
    (root / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text(YAML)
    if tts is not None:
        (root / "GPT_SoVITS" / "TTS_infer_pack").mkdir()
        (root / "GPT_SoVITS" / "TTS_infer_pack" / "TTS.py").write_text(tts)
    for name in ("webui.py", "api.py", "api_v2.py"):
        (root / name).write_text("import config\n")
    return project.open_project(root, environ or {})


def diagnose(report, *args, **kwargs):
    """Diagnose a report as the probe prints it, read the way check reads it."""
    return diagnose_module.diagnose(scenarios.typed(report), *args, **kwargs)


def verdicts(diagnosis):
    return {(v.entry_point, v.started_by): v for v in diagnosis.verdicts}


@pytest.mark.parametrize("machine", [scenarios.cpu_only_new, scenarios.cpu_only_torch201])
def test_todays_shape_on_a_cpu_machine_is_fine_everywhere(tmp_path, machine):
    result = diagnose(machine(), gsv(tmp_path), None, {})
    assert {key: v.outcome for key, v in verdicts(result).items()} == {
        ("webui.py", None): OK, ("api.py", None): OK, ("api_v2.py", None): OK,
        ("GPT_SoVITS/inference_webui.py", "webui.py"): OK, ("GPT_SoVITS/inference_webui.py", None): OK}
    assert not [f for f in result.findings if f.severity is Severity.ERROR]


def test_tts_config_read_from_tts_py_decides_api_v2(tmp_path):
    old = scenarios.cpu_only_torch201()
    device_only = verdicts(diagnose(old, gsv(tmp_path / "a", tts=TTS_DEVICE_ONLY), None, {}))[("api_v2.py", None)]
    assert (device_only.outcome, device_only.device, device_only.is_half) == ("crash", "cpu", True)
    assert "slow_conv2d_cpu" in device_only.error_text
    as_written = diagnose(old, gsv(tmp_path / "b", tts=TTS_NONE), None, {})
    assert verdicts(as_written)[("api_v2.py", None)].outcome == DEVICE
    assert "tts-infer-device-unusable" in {f.id for f in as_written.findings}
    facts = gsv_facts.read_tts_config(gsv(tmp_path / "c").facts.root and (tmp_path / "c" / "gsv"))
    assert (facts.device_fallback, facts.half_fallback) == (True, True)


def test_tts_config_that_ran_in_the_child_wins_over_the_reading(tmp_path):
    ran = {"config": None, "tts_config": {"ran": True, "device": "cpu", "is_half": True}, "env_reads": {}}
    result = diagnose(scenarios.cpu_only_new(), gsv(tmp_path), ran, {})
    api_v2 = verdicts(result)[("api_v2.py", None)]
    assert (api_v2.outcome, api_v2.how) == ("slow", "executed")


def test_config_that_asks_the_card_name_without_cuda_dies_at_import(tmp_path):
    result = diagnose(scenarios.cpu_only_torch201(), gsv(tmp_path, config=NAME_QUERY_CONFIG), None, {})
    webui = verdicts(result)[("webui.py", None)]
    assert (webui.outcome, webui.where) == (START, "config.py:7")
    assert webui.error_text == "AssertionError: Torch not compiled with CUDA enabled"
    crash = {f.id: f for f in result.findings}["config-not-executable"]
    assert crash.severity is Severity.ERROR and crash.fix_command == "gsv-doctor fix --write"
    # fix makes that line survive and adds the guard; the result no longer dies, and runs on the CPU
    facts = gsv(tmp_path / "again", config=NAME_QUERY_CONFIG).facts
    edit = plan_config(facts.config, [crash])
    assert 'torch.cuda.get_device_name(0) if torch.cuda.is_available() else ""' in edit.new_text
    fixed = configpy.parse_config(edit.new_text.encode())
    assert configpy.predict_run(fixed, False, {}) == (False, "cpu", None)


def test_config_reading_a_name_it_never_imported_dies_at_import(tmp_path):
    config = 'is_half = True\npython_exec = sys.executable or "python"\ninfer_device = "cuda"\n'
    result = diagnose(scenarios.rtx3090(), gsv(tmp_path, config=config), None, {})
    webui = verdicts(result)[("webui.py", None)]
    assert (webui.outcome, webui.error_text, webui.where) == (START, "NameError: name 'sys' is not defined",
                                                             "config.py:2")


@pytest.mark.parametrize("machine,card_rule,upstream_half,outcome", [
    (scenarios.rtx3050_laptop, gpus.USABLE, True, OK),
    (scenarios.gtx1650, gpus.HALF_BROKEN, False, OK),
    # GPT-SoVITS's own rule (a 16xx name) misses the T1000: float16 on, NaN; fix turns it off, the GPU stays.
    (scenarios.t1000, gpus.HALF_BROKEN, True, NAN)])
def test_four_gb_cards_keep_the_gpu(tmp_path, machine, card_rule, upstream_half, outcome):
    report = machine()
    card = report["devices"][1]
    assert gpus.verdict(card["name"], card["capability"], card["total_memory_gb"]).status == card_rule
    assert entrypoints.helper_rule(scenarios.typed(report)) == (upstream_half, "cuda:0")
    result = diagnose(report, gsv(tmp_path), None, {})
    assert "gpu-unusable" not in {f.id for f in result.findings}
    webui = verdicts(result)[("webui.py", None)]
    assert (webui.outcome, webui.device) == (outcome, "cuda:0")
    if outcome == NAN:
        assert {f.id: f for f in result.findings}["config-half-on-broken-gpu"].fix_command == "gsv-doctor fix --write"


def test_two_cards_each_get_the_truth(tmp_path):
    report = scenarios.gtx1660_and_rtx3090()
    assert entrypoints.helper_rule(scenarios.typed(report)) == (True, "cuda:1")  # float16 because the 3090 can; the 3090 used
    result = diagnose(report, gsv(tmp_path), None, {})
    found = verdicts(result)
    assert (found[("webui.py", None)].outcome, found[("webui.py", None)].device) == (OK, "cuda:1")
    assert found[("api.py", None)].device == "cuda:1"
    # Started directly, the inference UI and api_v2.py take "cuda", which is the GTX 1660: NaN.
    assert (found[("GPT_SoVITS/inference_webui.py", None)].outcome, found[("GPT_SoVITS/inference_webui.py", None)].device) \
        == (NAN, "cuda:0")
    assert found[("api_v2.py", None)].outcome == NAN
    assert {"entry-point-half-on-broken-gpu", "tts-infer-half-on-broken-gpu"} <= {f.id for f in result.findings}


def test_webui_exports_its_value_to_its_children(tmp_path):
    config = 'is_half = True\ninfer_device = "cuda"\n'
    result = diagnose(scenarios.gtx1660ti(), gsv(tmp_path, config=config), None, {"is_half": "False"})
    found = verdicts(result)
    assert found[("GPT_SoVITS/inference_webui.py", None)].is_half is False  # the variable as set
    child = found[("GPT_SoVITS/inference_webui.py", "webui.py")]
    assert child.is_half is True and child.outcome == NAN  # webui.py exports config.py's True


def test_launch_of_webui_is_not_blocked_by_a_direct_start_finding(tmp_path):
    ui = UI_LINES.replace(" and torch.cuda.is_available()", "")  # an early shape: no CUDA check
    diagnosis = diagnose(scenarios.cpu_only_torch201(), gsv(tmp_path, config='is_half = False\ninfer_device = "cpu"\n',
                                                            ui=ui), None, {"is_half": "True"})
    direct = [f for f in diagnosis.findings if f.id == "entry-point-half-on-cpu"]
    assert direct and direct[0].severity is Severity.ERROR
    assert not preflight.affects(direct[0], "webui.py")
    assert preflight.affects(direct[0], "GPT_SoVITS/inference_webui.py")


def test_api_flags_override_config(tmp_path):
    entries = gsv(tmp_path, config='is_half = True\ninfer_device = "cuda"\n')
    result = diagnose(scenarios.rtx3090(), entries, None, {})
    from gsv_doctor.families import gpt_sovits

    changed = gpt_sovits.override("api.py", ["-d", "cpu"], result.entry_points, entries.facts)
    assert (changed.setting.device, changed.setting.is_half) == ("cpu", True)
    assert gpt_sovits.override("api.py", ["-d", "cpu", "-fp"], result.entry_points, entries.facts).setting.is_half is False
    assert gpt_sovits.override("api.py", [], result.entry_points, entries.facts) is None


def test_api_launched_on_the_cpu_keeps_config_half_and_is_judged_from_its_flags(tmp_path):
    project_ = gsv(tmp_path, config='is_half = True\ninfer_device = "cuda"\n')
    plain = diagnose(scenarios.rtx3090(), project_, None, {})
    assert not [f for f in plain.findings if f.severity is not Severity.INFO]
    on_cpu = diagnose(scenarios.rtx3090(), project_, None, {}, launch=("api.py", ["-d", "cpu"]))
    flagged = [f for f in on_cpu.findings if f.id == "api-flags-half-on-cpu"]
    assert flagged and flagged[0].entry_points == ["api.py"] and flagged[0].params["device_flag"] == "cpu"
    full = diagnose(scenarios.rtx3090(), project_, None, {}, launch=("api.py", ["-d", "cpu", "-fp"]))
    assert not [f for f in full.findings if f.id.startswith("api-flags")]


def test_config_findings_stop_naming_api_when_its_flags_decide(tmp_path):
    # config.py sends everything to a card that gives NaN; api.py -d cpu -fp avoids the card.
    project_ = gsv(tmp_path, config='is_half = True\ninfer_device = "cuda"\n')
    launch = ("api.py", ["-d", "cpu", "-fp"])
    result = diagnose(scenarios.gtx1660ti(), project_, None, {}, launch=launch)
    broken = [f for f in result.findings if f.id == "config-half-on-broken-gpu"]
    assert broken and broken[0].entry_points == ["webui.py"]
    assert not [f for f in result.findings if preflight.affects(f, "api.py") and f.severity is Severity.ERROR]
    same = diagnose(scenarios.gtx1660ti(), project_, None, {}, launch=("api.py", ["-hp"]))
    assert "api.py" in next(f for f in same.findings if f.id == "config-half-on-broken-gpu").entry_points


def test_config_reading_a_variable_nobody_set_dies_at_import(tmp_path):
    config = 'import os\nlanguage = os.environ["language"]\nis_half = False\ninfer_device = "cpu"\n'
    webui = verdicts(diagnose(scenarios.cpu_only_new(), gsv(tmp_path, config=config), None, {}))[("webui.py", None)]
    assert (webui.outcome, webui.error_text, webui.where) == (START, "KeyError: 'language'", "config.py:2")
    fine = diagnose(scenarios.cpu_only_new(), gsv(tmp_path / "set", config=config), None, {"language": "en"})
    assert verdicts(fine)[("webui.py", None)].outcome == OK


def test_webui_sets_a_variable_before_importing_config(tmp_path):
    config = 'import os\nlanguage = os.environ["language"]\nis_half = False\ninfer_device = "cpu"\n'
    project_ = gsv(tmp_path, config=config)
    root = tmp_path / "gsv"
    (root / "webui.py").write_text('import os\nos.environ["language"] = "Auto"\nfrom config import is_half\n')
    project_ = project.open_project(root, {})
    assert project_.facts.webui_env == {"language": "Auto"}
    result = diagnose(scenarios.cpu_only_new(), project_, None, {})
    found = verdicts(result)
    assert found[("webui.py", None)].outcome == OK  # webui.py sets it first
    assert found[("api.py", None)].outcome == START  # api.py does not
    crash = {f.id: f for f in result.findings}["config-not-executable"]
    assert "api.py" in crash.entry_points and "webui.py" not in crash.entry_points


def test_a_variable_read_in_a_keyword_argument_counts_too(tmp_path):
    config = 'import os\ni18n = dict(language=os.environ["language"])\nis_half = False\ninfer_device = "cpu"\n'
    webui = verdicts(diagnose(scenarios.cpu_only_new(), gsv(tmp_path, config=config), None, {}))[("api.py", None)]
    assert (webui.outcome, webui.error_text) == (START, "KeyError: 'language'")


@pytest.mark.parametrize("scenario, args", [
    (scenarios.cpu_only_new, ["-d", "cuda", "-fp"]),  # a CUDA device on a torch without CUDA
    (scenarios.rtx3090, ["-d", "cuda:1"]),  # a second card on a one-card machine
])
def test_api_launched_on_a_device_this_torch_cannot_use_is_an_error(tmp_path, scenario, args):
    project_ = gsv(tmp_path, config='is_half = False\ninfer_device = "cpu"\n')
    assert not [f for f in diagnose(scenario(), project_, None, {}).findings if f.severity is Severity.ERROR]
    result = diagnose(scenario(), project_, None, {}, launch=("api.py", args))
    verdict = verdicts(result)[("api.py", None)]
    assert verdict.outcome == DEVICE
    errors = [f for f in result.findings if f.severity is Severity.ERROR and preflight.affects(f, "api.py")]
    assert [f.id for f in errors] == ["launch-device-unusable"]
    assert errors[0].params["device"] == args[1] and errors[0].error_text == verdict.error_text


def test_api_half_on_the_cpu_from_its_own_hp_flag_is_not_blamed_on_config(tmp_path):
    project_ = gsv(tmp_path, config='is_half = False\ninfer_device = "cpu"\n')
    result = diagnose(scenarios.cpu_only_torch201(), project_, None, {}, launch=("api.py", ["-hp"]))
    [finding] = [f for f in result.findings if f.id == "api-flags-half-on-cpu"]
    for lang in ("en", "zh"):
        words = messages.finding_texts(finding.id, finding.params, lang)
        assert "is_half=True" not in words["why"]  # config.py says False here: -hp asked for float16
        assert "-hp" in words["manual"] and "-fp" in words["manual"]


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "custom:\n  version: v2\n"])
def test_a_tts_infer_yaml_without_settings_is_not_called_missing(tmp_path, text):
    from gsv_doctor.families import gpt_sovits

    root = make_project(tmp_path / "gsv", config='is_half = False\ninfer_device = "cpu"\n', inference_ui=None)
    (root / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text(text)
    facts = project.open_project(root, {}).facts
    for lang, words in (("en", "no section sets device or is_half"), ("zh", "没有任何段设置")):
        line = next(l for l in gpt_sovits.file_lines(facts, None, lang) if "tts_infer.yaml" in l)
        assert words in line


# A dataset script as webui.py starts it: paths from variables, its own is_half read, the device
# picked inside the block that does the work (our own reproduction of the shape).
DATASET_SCRIPT = '''import os
out_dir = os.environ.get("out_dir")
import torch
is_half = eval(os.environ.get("is_half", "True")) and torch.cuda.is_available()
done = "%s/done.txt" % out_dir
if not os.path.exists(done):
    os.makedirs(out_dir, exist_ok=True)
    if torch.cuda.is_available():
        device = "cuda:0"
    else:
        device = "cpu"
    model = torch.nn.Linear(2, 2).to(device)
'''


def with_dataset_scripts(tmp_path, config):
    entries = gsv(tmp_path, config=config)
    folder = tmp_path / "gsv" / "GPT_SoVITS" / "prepare_datasets"
    folder.mkdir()
    for name in ("0-run-all.py", "1-get-words.py", "2-get-units.py"):
        (folder / name).write_text(DATASET_SCRIPT)
    return project.open_project(tmp_path / "gsv", {})


def test_dataset_scripts_are_webui_children_only(tmp_path):
    config = 'is_half = True\ninfer_device = "cuda"\n'
    result = diagnose(scenarios.gtx1660ti(), with_dataset_scripts(tmp_path, config), None, {"is_half": "False"})
    found = verdicts(result)
    children = sorted(name for name, parent in found if parent == "webui.py" and "prepare_datasets" in name)
    assert children == ["GPT_SoVITS/prepare_datasets/1-get-words.py", "GPT_SoVITS/prepare_datasets/2-get-units.py"]
    assert not [name for name, parent in found if parent is None and "prepare_datasets" in name]
    child = found[("GPT_SoVITS/prepare_datasets/1-get-words.py", "webui.py")]
    assert child.is_half is True and child.outcome == NAN  # webui.py exports config.py's True, not the user's False


def test_dataset_scripts_on_a_cpu_machine_turn_half_off_themselves(tmp_path):
    config = 'is_half = True\ninfer_device = "cpu"\n'  # an early shape: True whatever the machine
    result = diagnose(scenarios.cpu_only_torch201(), with_dataset_scripts(tmp_path, config), None, {})
    child = verdicts(result)[("GPT_SoVITS/prepare_datasets/2-get-units.py", "webui.py")]
    assert (child.outcome, child.device, child.is_half) == (OK, "cpu", False)
    assert verdicts(result)[("webui.py", None)].outcome != OK


def test_dataset_script_that_names_the_card_inside_its_work_block(tmp_path):
    # An early shape: the block names "cuda:0" whatever the machine; on a CPU machine it cannot start.
    script = DATASET_SCRIPT.replace('''    if torch.cuda.is_available():
        device = "cuda:0"
    else:
        device = "cpu"
''', '''    device = "cuda:0"
''')
    config = 'is_half = False\ninfer_device = "cpu"\n'
    gsv(tmp_path, config=config)
    folder = tmp_path / "gsv" / "GPT_SoVITS" / "prepare_datasets"
    folder.mkdir()
    (folder / "1-get-words.py").write_text(script)
    result = diagnose(scenarios.cpu_only_new(), project.open_project(tmp_path / "gsv", {}), None, {})
    child = verdicts(result)[("GPT_SoVITS/prepare_datasets/1-get-words.py", "webui.py")]
    assert child.outcome == DEVICE


def test_a_ui_that_takes_is_half_from_config(tmp_path):
    # A 2024 shape: config.py reads the variable and turns float16 off on the CPU; the UI imports it.
    config = ('import os\nimport torch\nis_half = os.environ.get("is_half", "True").lower() == "true"\n'
              'infer_device = "cuda" if torch.cuda.is_available() else "cpu"\n'
              'if infer_device == "cpu":\n    is_half = False\n')
    ui = 'from config import is_half, is_share\ndevice = "cuda" if torch.cuda.is_available() else "cpu"\n'
    result = diagnose(scenarios.cpu_only_torch201(), gsv(tmp_path, config=config, ui=ui), None, {"is_half": "True"})
    found = verdicts(result)
    direct = found[("GPT_SoVITS/inference_webui.py", None)]
    assert (direct.outcome, direct.device, direct.is_half) == (OK, "cpu", False)
    assert found[("GPT_SoVITS/inference_webui.py", "webui.py")].outcome == OK


def test_a_ui_that_takes_is_half_from_a_crashing_config_crashes_too(tmp_path):
    ui = 'from config import is_half\ndevice = "cpu"\n'
    result = diagnose(scenarios.cpu_only_new(), gsv(tmp_path, config=NAME_QUERY_CONFIG, ui=ui), None, {})
    direct = verdicts(result)[("GPT_SoVITS/inference_webui.py", None)]
    assert direct.outcome == START


def test_the_gui_follows_the_ui_module_it_really_imports(tmp_path):
    # A 2024 shape: the main UI takes is_half from config.py, the GUI imports an older UI module
    # that reads the variable itself.
    config = 'is_half = False\ninfer_device = "cpu"\n'
    opened = gsv(tmp_path, config=config, ui='from config import is_half\ndevice = "cpu"\n')
    root = tmp_path / "gsv" / "GPT_SoVITS"
    (root / "inference_webui_before.py").write_text("import os\nimport torch\n" + UI_LINES)
    (root / "inference_gui.py").write_text("from GPT_SoVITS.inference_webui_before import get_tts_wav\n")
    result = diagnose(scenarios.cpu_only_torch201(), project.open_project(tmp_path / "gsv", {}), None,
                      {"is_half": "True"})
    found = verdicts(result)
    assert found[("GPT_SoVITS/inference_webui.py", None)].outcome == OK
    gui = found[("GPT_SoVITS/inference_gui.py", None)]
    assert (gui.outcome, gui.is_half) == (OK, False)  # UI_LINES turn float16 off without CUDA
    (root / "inference_webui_before.py").write_text(
        "import os\nimport torch\n" + UI_LINES.replace(" and torch.cuda.is_available()", ""))
    found = verdicts(diagnose(scenarios.cpu_only_torch201(), project.open_project(tmp_path / "gsv", {}), None,
                              {"is_half": "True"}))
    assert found[("GPT_SoVITS/inference_gui.py", None)].is_half is True
    assert found[("GPT_SoVITS/inference_gui.py", None)].outcome not in (OK, "absent")
    assert ("GPT_SoVITS/inference_webui_before.py", "webui.py") not in found  # webui.py never starts it


def test_a_ui_that_turns_off_config_pys_is_half_itself_is_not_a_crash(tmp_path):
    config = 'is_half = True\ninfer_device = "cuda"\n'
    ui = ("from config import is_half\ndevice = 'cuda' if torch.cuda.is_available() else 'cpu'\n"
          "if not torch.cuda.is_available():\n    is_half = False\n")
    found = verdicts(diagnose(scenarios.cpu_only_torch201(), gsv(tmp_path, config=config, ui=ui), None, {}))
    for key in (("GPT_SoVITS/inference_webui.py", None), ("GPT_SoVITS/inference_webui.py", "webui.py")):
        assert (found[key].outcome, found[key].is_half) == (OK, False)
    plain = verdicts(diagnose(scenarios.cpu_only_torch201(), gsv(tmp_path / "plain", config=config,
                                                                  ui="from config import is_half\ndevice = 'cpu'\n"),
                              None, {}))
    assert plain[("GPT_SoVITS/inference_webui.py", None)].is_half is True
    assert plain[("GPT_SoVITS/inference_webui.py", None)].outcome == CRASH


def test_a_ui_python_refuses_cannot_start(tmp_path):
    ui = UI_LINES + "print(\"half:\", is_half))\n"  # one parenthesis too many, as a hurried commit might have
    result = diagnose(scenarios.cpu_only_new(), gsv(tmp_path, ui=ui), None, {})
    found = verdicts(result)
    for key in (("GPT_SoVITS/inference_webui.py", None), ("GPT_SoVITS/inference_webui.py", "webui.py")):
        assert (found[key].outcome, found[key].where) == (START, "inference_webui.py:10")
        assert found[key].error_text.startswith("SyntaxError")


@pytest.mark.parametrize("raw, where", [
    (b"# caf\xe9: saved by an editor in Latin-1\n", "inference_webui.py:3"),  # ast.parse takes it; Python does not
    (b"import sys\x00\n", "inference_webui.py:1"),  # Python's error has no line: the file's first
])
def test_a_ui_in_bytes_python_refuses_cannot_start(tmp_path, raw, where):
    gsv(tmp_path)
    ui = tmp_path / "gsv" / "GPT_SoVITS" / "inference_webui.py"
    ui.write_bytes(b"import os\nimport torch\n" + raw + UI_LINES.encode())
    result = diagnose(scenarios.cpu_only_new(), project.open_project(tmp_path / "gsv", {}), None, {})
    found = verdicts(result)
    for key in (("GPT_SoVITS/inference_webui.py", None), ("GPT_SoVITS/inference_webui.py", "webui.py")):
        assert (found[key].outcome, found[key].where) == (START, where)
        assert found[key].error_text.startswith("SyntaxError")


def test_a_ui_started_directly_imports_config_without_webuis_variables(tmp_path):
    # The June 2025 shape: config.py reads a variable webui.py sets before importing it; the UI
    # imports config.py too, so started directly it dies, started by webui.py (variable inherited) not.
    config = 'import os\nlanguage = os.environ["language"]\nis_half = False\ninfer_device = "cpu"\n'
    opened = gsv(tmp_path, config=config, ui="from config import name_of_weights\n" + UI_LINES)
    (tmp_path / "gsv" / "webui.py").write_text('import os\nos.environ["language"] = "Auto"\nimport config\n')
    found = verdicts(diagnose(scenarios.cpu_only_new(), project.open_project(tmp_path / "gsv", {}), None, {}))
    direct = found[("GPT_SoVITS/inference_webui.py", None)]
    assert (direct.outcome, direct.error_text) == (START, "KeyError: 'language'")
    assert found[("GPT_SoVITS/inference_webui.py", "webui.py")].outcome == OK
    assert found[("webui.py", None)].outcome == OK


def test_a_float16_retry_block_does_not_turn_half_off_for_the_start(tmp_path):
    # The early dataset-script shape: after the work, a retry in float32 when float16 gave NaN.
    script = DATASET_SCRIPT + 'failed = []\nif len(failed) > 0 and is_half == True:\n    is_half = False\n    model = 1\n'
    script = script.replace(' and torch.cuda.is_available()', '')
    config = 'is_half = True\ninfer_device = "cpu"\n'
    gsv(tmp_path, config=config)
    folder = tmp_path / "gsv" / "GPT_SoVITS" / "prepare_datasets"
    folder.mkdir()
    (folder / "2-get-units.py").write_text(script)
    found = verdicts(diagnose(scenarios.cpu_only_new(), project.open_project(tmp_path / "gsv", {}), None, {}))
    child = found[("GPT_SoVITS/prepare_datasets/2-get-units.py", "webui.py")]
    assert (child.device, child.is_half) == ("cpu", True)
