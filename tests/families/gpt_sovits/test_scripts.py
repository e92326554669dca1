"""The export / stream tools' own way of choosing device and precision, on our own
reproductions of each shape (never copies of GPT-SoVITS files)."""
from pathlib import Path

import pytest

import probe_fixtures as scenarios
from gsv_doctor import messages, preflight, project
from gsv_doctor.diagnose import CRASH, diagnose
from gsv_doctor.families.gpt_sovits import scripts
from gsv_doctor.findings import Severity
from gsv_project import INFERENCE_UI_ENV_READ_CUDA, make_project

# A stream tool: float16 unless --no-half, the best device by default.
SWITCH_TOOL = '''import argparse
import torch

def run(device, is_half):
    pass

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--no-half", action="store_true")
    args = parser.parse_args()
    is_half = not args.no_half
    run(args.device, is_half)
'''
# An export tool that halves only for some model versions.
CONDITIONAL_TOOL = '''import argparse

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", default="v2")
    parser.add_argument("--device")
    parser.add_argument("--no-half", action="store_true")
    args = parser.parse_args()
    if args.version in ("v2Pro",):
        is_half = not args.no_half
'''
# An export tool with its own constants.
CONSTANT_TOOL = '''import torch
is_half = True
device = "cuda" if torch.cuda.is_available() else "cpu"
'''
TOOL = "GPT_SoVITS/stream_tool.py"


def gsv(tmp_path, tool_text, name=TOOL):
    root = make_project(tmp_path / "gsv", config='is_half = False\ninfer_device = "cpu"\n', inference_ui=None)
    (root / name).write_text(tool_text)
    return project.open_project(root, {})


def read(tmp_path, text):
    (tmp_path / "GPT_SoVITS").mkdir(exist_ok=True)
    (tmp_path / TOOL).write_text(text)
    return scripts.read_script(tmp_path, TOOL)


def test_a_switch_that_turns_float16_off_and_a_device_option_are_read(tmp_path):
    found = read(tmp_path, SWITCH_TOOL)
    assert (found.half_switch, found.switch_turns_off, found.half_default) == ("--no-half", True, True)
    assert found.device_option == "--device" and "is_available" in found.device_default
    assert scripts.command_line(found, ["--no-half"]) == (False, None)
    assert scripts.command_line(found, ["--device", "cuda:1"]) == (True, "cuda:1")
    assert scripts.command_line(found, ["--device=cpu", "--no-half"]) == (False, "cpu")


def test_float16_that_other_options_decide_is_not_guessed(tmp_path):
    found = read(tmp_path, CONDITIONAL_TOOL)
    assert found.half_switch == "--no-half" and found.half_default is None
    assert scripts.command_line(found, ["--no-half"])[0] is False


def test_own_constants_are_a_tool_and_an_environment_read_is_not(tmp_path):
    assert read(tmp_path, CONSTANT_TOOL).half_switch is None
    assert read(tmp_path, 'import os\nis_half = eval(os.environ.get("is_half", "True"))\n') is None
    assert read(tmp_path, "x = 1\n") is None


def test_check_notes_the_tools_and_does_not_fail_on_them(tmp_path):
    found = diagnose(scenarios.typed(scenarios.cpu_only_torch201()), gsv(tmp_path, SWITCH_TOOL), None, {})
    verdict = next(v for v in found.verdicts if v.entry_point == TOOL)
    assert (verdict.device, verdict.is_half, verdict.outcome) == ("cpu", True, CRASH)
    note = [f for f in found.findings if f.id == "tool-defaults-half"]
    assert note and note[0].severity is Severity.INFO and note[0].entry_points == [TOOL]
    assert not [f for f in found.findings if f.id.startswith("tool-half")]


@pytest.mark.parametrize("tool_text", [SWITCH_TOOL, CONSTANT_TOOL])
def test_a_launched_tool_is_judged_from_its_command_line(tmp_path, tool_text):
    project_ = gsv(tmp_path, tool_text)
    report = scenarios.typed(scenarios.cpu_only_torch201())
    launched = diagnose(report, project_, None, {}, launch=(TOOL, []))
    errors = [f for f in launched.findings if f.severity is Severity.ERROR and preflight.affects(f, TOOL)]
    assert [f.id for f in errors] == ["tool-half-on-cpu" if tool_text == SWITCH_TOOL else "tool-lines-half-on-cpu"]
    switched = diagnose(report, project_, None, {}, launch=(TOOL, ["--no-half"]))
    still = [f.id for f in switched.findings if f.severity is Severity.ERROR and preflight.affects(f, TOOL)]
    assert still == ([] if tool_text == SWITCH_TOOL else ["tool-lines-half-on-cpu"])  # constants have no switch


def test_the_default_device_follows_the_machine(tmp_path):
    found = diagnose(scenarios.typed(scenarios.rtx3090()), gsv(tmp_path, SWITCH_TOOL), None, {})
    verdict = next(v for v in found.verdicts if v.entry_point == TOOL)
    assert (verdict.device, verdict.is_half) == ("cuda:0", True)
    assert not [f for f in found.findings if f.id.startswith("tool-")]


def test_a_tool_launched_on_a_device_this_torch_cannot_use_is_an_error(tmp_path):
    project_ = gsv(tmp_path, SWITCH_TOOL)
    report = scenarios.typed(scenarios.cpu_only_new())
    launched = diagnose(report, project_, None, {}, launch=(TOOL, ["--device", "cuda", "--no-half"]))
    errors = [f for f in launched.findings if f.severity is Severity.ERROR and preflight.affects(f, TOOL)]
    assert [f.id for f in errors] == ["launch-device-unusable"] and errors[0].params["entry_point"] == TOOL


@pytest.mark.parametrize("args, errors", [
    (["--version", "v2Pro", "--device", "cpu"], ["tool-half-on-cpu"]),  # the one version that halves
    (["--device", "cpu", "--version=v2Pro"], ["tool-half-on-cpu"]),
    (["--version", "v2Pro", "--device", "cpu", "--no-half"], []),
    (["--device", "cpu"], []),  # another version: this switch never sets is_half
])
def test_a_conditional_float16_follows_the_options_it_depends_on(tmp_path, args, errors):
    project_ = gsv(tmp_path, CONDITIONAL_TOOL)
    report = scenarios.typed(scenarios.cpu_only_torch201())
    launched = diagnose(report, project_, None, {}, launch=(TOOL, args))
    found = [f.id for f in launched.findings if f.severity is Severity.ERROR and preflight.affects(f, TOOL)]
    assert found == errors
    verdict = next(v for v in launched.verdicts if v.entry_point == TOOL)
    assert verdict.outcome != "ok" or verdict.is_half is False  # never "fine" for a precision it cannot tell


@pytest.mark.parametrize("scenario", [scenarios.cpu_only_torch201, scenarios.gtx1660ti])
def test_a_tool_without_a_switch_is_told_to_change_its_own_line(tmp_path, scenario):
    project_ = gsv(tmp_path, CONSTANT_TOOL)
    launched = diagnose(scenarios.typed(scenario()), project_, None, {}, launch=(TOOL, []))
    [finding] = [f for f in launched.findings if f.severity is not Severity.INFO and preflight.affects(f, TOOL)]
    english, chinese = (messages.finding_texts(finding.id, finding.params, lang) for lang in ("en", "zh"))
    assert "line 2" in english["manual"] and "is_half = False" in english["manual"]
    assert "第 2 行" in chinese["manual"] and "is_half = False" in chinese["manual"]
    assert "switch" not in english["manual"] and "开关" not in chinese["manual"]
    # only the CPU is helped by run's hook: on a card, run is no advice
    assert ("gsv-doctor run" in english["manual"]) == (scenario is scenarios.cpu_only_torch201)
    note = next(f for f in diagnose(scenarios.typed(scenario()), project_, None, {}).findings
                if f.id == "tool-defaults-half")
    assert "is_half = False" in messages.finding_texts(note.id, note.params, "en")["manual"]


def test_a_tool_that_imports_the_inference_ui_gets_its_float16_too(tmp_path):
    # The tools import inference_webui for its text front end: its own is_half (the variable,
    # default True) halves BERT on its card at import, whatever the tool's --no-half says.
    root = make_project(tmp_path / "gsv", config='is_half = False\ninfer_device = "cpu"\n',
                        inference_ui=INFERENCE_UI_ENV_READ_CUDA)
    (root / TOOL).write_text("from inference_webui import get_phones_and_bert\n" + SWITCH_TOOL)
    (root / "GPT_SoVITS" / "plain_tool.py").write_text(SWITCH_TOOL)
    report = scenarios.typed(scenarios.gtx1660_and_rtx3090())  # "cuda" is the GTX 1660 there
    for environ, affected in (({}, True), ({"is_half": "False"}, False)):
        found = diagnose(report, project.open_project(root, environ), None, environ,
                         launch=(TOOL, ["--device", "cuda:1", "--no-half"]))
        ui = [f for f in found.findings if f.id.startswith("entry-point-half") and preflight.affects(f, TOOL)]
        assert bool(ui) == affected
        assert not [f for f in found.findings if f.id.startswith("entry-point-half")
                    and "GPT_SoVITS/plain_tool.py" in f.entry_points]


def test_a_tool_started_as_a_module_is_the_one_judged(tmp_path, monkeypatch):
    project_ = gsv(tmp_path, SWITCH_TOOL)
    root = Path(project_.root)
    monkeypatch.chdir(root / "GPT_SoVITS")  # where `python -m stream_tool` finds it
    assert project_.module.launched(["python", "-m", "stream_tool", "--no-half"], root) == (TOOL, ["--no-half"])
    assert project_.module.launched(["python", "-X", "utf8", "-m", "stream_tool"], root) == (TOOL, [])
    monkeypatch.chdir(root)
    assert project_.module.launched(["python", "-m", "GPT_SoVITS.stream_tool"], root) == (TOOL, [])
    assert project_.module.launched(["python", "-m", "pip", "list"], root) is None


def test_a_tool_that_imports_the_inference_ui_dies_with_its_bad_is_half_variable(tmp_path):
    # is_half=true (lower case, as a docker-compose file sets it): the UI's eval() raises at import.
    root = make_project(tmp_path / "gsv", config='is_half = False\ninfer_device = "cpu"\n',
                        inference_ui=INFERENCE_UI_ENV_READ_CUDA)
    (root / TOOL).write_text("from inference_webui import get_phones_and_bert\n" + SWITCH_TOOL)
    environ = {"is_half": "true"}
    found = diagnose(scenarios.typed(scenarios.rtx3090()), project.open_project(root, environ), None, environ,
                     launch=(TOOL, ["--no-half"]))
    assert [f.id for f in found.findings if f.severity is Severity.ERROR and preflight.affects(f, TOOL)] \
        == ["env-is-half-invalid"]


def test_a_condition_reads_only_the_options_not_other_names_alike(tmp_path):
    # `sys.platform` is no option, even with a --platform option beside it
    text = CONDITIONAL_TOOL.replace('parser.add_argument("--version", default="v2")',
                                    'parser.add_argument("--version", default="v2")\n'
                                    '    parser.add_argument("--platform", default="win32")').replace(
        'if args.version in ("v2Pro",):', 'if args.version in ("v2Pro",) and sys.platform == "win32":')
    found = read(tmp_path, "import sys\n" + text)
    assert "__options__.version" in found.half_when
    assert scripts.command_line(found, ["--version", "v2Pro"])[0] is None  # sys.platform: not known here
    plain = read(tmp_path, CONDITIONAL_TOOL)
    assert scripts.command_line(plain, ["--version", "v2Pro"])[0] is True
    assert scripts.command_line(plain, ["--version=v2", "--no-half"])[0] is False
