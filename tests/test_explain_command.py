import json

import pytest

from click.testing import CliRunner

from conftest import REPO_ROOT, TESTS, child_env
from gsv_doctor.commands.explain import explain, render_text
from gsv_doctor import explain as core, logread

LOGS = TESTS / "logs"
ISSUE = LOGS / "github_issue_paste_zh.md"
OLD_TORCH = str(TESTS / "old_torch_site")


def old_torch_env(**extra):
    env = child_env(**extra)
    env["PYTHONPATH"] = OLD_TORCH + ":" + env["PYTHONPATH"]
    return env


@pytest.mark.slow
def test_done_when_chinese_locale_old_torch_pasted_on_stdin(run_cli):
    """The issue's "done when": a real-looking slow_conv2d_cpu paste, a Chinese locale, a
    machine whose torch cannot run float16 on the CPU (torch 2.0.1, emulated in the probe)."""
    env = old_torch_env(LANG="zh_CN.UTF-8", LC_ALL="", GSV_DOCTOR_LANG="")
    result = run_cli("explain", "-", input=ISSUE.read_text(encoding="utf-8"), env=env)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "你安装的 torch 在 CPU 上没有 float16 版本的卷积" in out
    assert "GPT_SoVITS/feature_extractor/cnhubert.py:84 in forward" in out
    assert "gsv-doctor fix --write" in out
    # -I ignores PYTHONPATH: the hook is installed into the runtime first, then `run` starts it
    assert "或: gsv-doctor hook install --python runtime\\python.exe\n" in out
    assert "然后: gsv-doctor run -- runtime\\python.exe -I webui.py\n" in out
    assert "会：本机的 torch" in out and "conv1d, conv2d" in out
    assert "\x1b[" not in out  # not a terminal: no colour


@pytest.mark.slow
def test_real_probe_on_this_machine_says_already_fixed(run_cli):
    result = run_cli("explain", str(ISSUE), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no, already fixed: torch 2." in result.stdout
    assert "Keep is_half off on the CPU" in result.stdout or "slower than float32" in result.stdout


@pytest.mark.slow
def test_project_config_evaluated_on_this_machine(run_cli, tmp_path):
    (tmp_path / "GPT_SoVITS").mkdir()
    (tmp_path / "config.py").write_text("is_half = False\ninfer_device = 'cpu'\n", encoding="utf-8")
    result = run_cli("explain", str(ISSUE), "--project", str(tmp_path), "--json", env=old_torch_env())
    document = json.loads(result.stdout)
    (item,) = document["explanations"]
    assert item["machine"]["reason"] == "cpu_op_missing_config_off"
    assert document["probe"]["ran"] is True and document["probe"]["config"]["is_half"] is False
    assert result.returncode == 0


def test_json_no_probe(run_cli):
    result = run_cli("explain", str(LOGS / "several_attempts_gelu_softmax_bmm.log"), "--no-probe", "--json",
                     "--lang", "zh")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["schema"] == "gsv-doctor/explain" and document["language"] == "zh"
    assert [e["id"] for e in document["explanations"]] == ["cpu-half-gelu", "cpu-half-softmax", "cpu-half-bmm"]
    assert document["probe"] == {"ran": False} and document["exit_code"] == 1
    assert all(e["machine"] is None for e in document["explanations"])


def test_gbk_file_explained_in_english(run_cli):
    result = run_cli("explain", str(LOGS / "gbk_console_prepare_conv.log"), "--no-probe", "--lang", "en")
    assert result.returncode == 1
    assert "(12 lines, gbk)" in result.stdout
    assert "Where:" in result.stdout and "GPT_SoVITS/feature_extractor/cnhubert.py:84" in result.stdout


def test_unknown_log(run_cli):
    result = run_cli("explain", str(LOGS / "unknown_error.log"), "--lang", "en")
    assert result.returncode == 0
    assert "No known error found" in result.stdout
    assert "Last exception line: json.decoder.JSONDecodeError: Expecting ',' delimiter" in result.stdout
    assert "gsv-doctor check --markdown" in result.stdout


def test_symptom_without_a_log_reads_no_stdin(run_cli):
    result = run_cli("explain", "--symptom", "silent-audio", "--no-probe", "--lang", "zh", input=None)
    assert result.returncode == 1
    assert "没有报错却输出无声、空白或满是电流声的音频" in result.stdout and "gsv-doctor fix --write" in result.stdout


def test_bad_input_is_one_message_exit_2(run_cli, tmp_path):
    missing = run_cli("explain", str(tmp_path / "nope.log"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    empty = run_cli("explain", "-", input="  \n")
    assert empty.returncode == 2 and "empty" in empty.stderr
    project = run_cli("explain", str(ISSUE), "--project", str(tmp_path / "none"))
    assert project.returncode == 2 and "--project" in project.stderr
    python = run_cli("explain", str(ISSUE), "--python", str(tmp_path / "python9"))
    assert python.returncode == 2 and "--python" in python.stderr


def test_probe_that_times_out_is_a_note_not_a_failure(monkeypatch):
    from gsv_doctor import target

    def hung(python, project_root=None, timeout=None):  # what a probe that never answers gives back
        return target.ProbeRun(python or "python", None, None, True, None, "", timeout, (3, 11))

    monkeypatch.setattr(target, "run", hung)
    runner = CliRunner()
    result = runner.invoke(explain, [str(ISSUE), "--timeout", "1", "--lang", "en"], standalone_mode=False)
    assert result.exception is None, result.output
    assert result.return_value == 1
    assert "Could not probe this machine: timed out" in result.output
    assert "not checked (no probe of this machine)." in result.output


def test_colour_only_when_asked():
    log = logread.read_log(ISSUE.read_bytes())
    found = core.explain_log(log)
    plain = render_text(found, "en", "x", log, None, colour=False)
    coloured = render_text(found, "en", "x", log, None, colour=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    lines = len(ISSUE.read_text(encoding="utf-8").splitlines())
    assert plain.splitlines()[0] == "gsv-doctor explain: x (%d lines, utf-8)" % lines


def test_chinese_labels_line_up():
    log = logread.read_log(ISSUE.read_bytes())
    text = render_text(core.explain_log(log), "zh", "x", log, None)
    where = next(line for line in text.splitlines() if "出错位置" in line)
    code = next(line for line in text.splitlines() if line.strip().startswith("feats = "))
    # "出错位置:" is 9 columns wide: the source line starts under the location
    assert where.index("GPT_SoVITS") + 4 == code.index("feats")  # 4 CJK characters count twice


def test_help_lists_the_command(run_cli):
    result = run_cli("--help")
    assert "explain" in result.stdout
    assert REPO_ROOT.is_dir()


def test_project_settings_shown_as_they_are_now(run_cli, tmp_path):
    (tmp_path / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (tmp_path / "config.py").write_text("import os\nis_half = True\ninfer_device = \"cuda\"\n", encoding="utf-8")
    (tmp_path / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text("custom:\n  device: cpu\n  is_half: true\n",
                                                                        encoding="utf-8")
    env = child_env(is_half="false")
    result = run_cli("explain", str(LOGS / "api_v2_tts_pipeline_addmm.log"), "--no-probe", "--lang", "en",
                     cwd=tmp_path, env=env)  # the project is found from the current folder
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "[now: custom: is_half=True]" in out
    assert "[now: config.py:2: is_half = True]" in out
    assert "[now: is_half=false]" in out
    not_project = run_cli("explain", str(ISSUE), "--project", str(tmp_path / "GPT_SoVITS"))
    assert not_project.returncode == 2 and "not a GPT-SoVITS folder" in not_project.stderr


def test_the_windows_package_is_told_to_install_the_hook_before_run():
    log = logread.read_log(ISSUE.read_bytes())
    text = render_text(core.explain_log(log), "en", "x", log, None)
    lines = [line.strip() for line in text.splitlines()]
    install = lines.index("or: gsv-doctor hook install --python runtime\\python.exe")
    assert lines[install + 1] == "then: gsv-doctor run -- runtime\\python.exe -I webui.py"
    assert lines[install - 1].endswith("gsv-doctor fix --write")


def test_a_launch_without_I_needs_no_hook_install():
    log = logread.read_log((LOGS / "linux_inference_gradio_layernorm.log").read_bytes())
    text = render_text(core.explain_log(log), "en", "x", log, None)
    assert "or: gsv-doctor run -- python webui.py" in text and "hook install" not in text


@pytest.mark.parametrize("lang, words", [("en", "only its last 1 MB were read"), ("zh", "只读取了最后 1 MB")])
def test_a_long_piped_log_is_explained_from_its_end_and_says_so(monkeypatch, lang, words):
    monkeypatch.setattr(logread, "MAX_LOG_BYTES", 2 ** 20)
    log = "noise\n" * 400000 + ("Traceback (most recent call last):\n  File \"webui.py\", line 1, in <module>\n"
                                "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n")
    done = CliRunner().invoke(explain, ["-", "--no-probe", "--lang", lang], input=log)
    assert words in done.output and "cpu-half-conv" in done.output, done.output


@pytest.mark.slow
def test_an_rvc_log_explained_in_a_gpt_sovits_folder_is_not_judged_by_its_config(run_cli, tmp_path):
    """The folder's config.py (GPT-SoVITS's, is_half off) says nothing about the RVC that printed the log:
    it was 'already fixed' there, with tts_infer.yaml named."""
    (tmp_path / "GPT_SoVITS").mkdir()
    (tmp_path / "config.py").write_text("is_half = False\ninfer_device = 'cpu'\n", encoding="utf-8")
    log = tmp_path / "rvc.txt"
    log.write_text('  File "D:\\\\RVC\\\\infer-web.py", line 3, in vc_single\n'
                   "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n", encoding="utf-8")
    result = run_cli("explain", str(log), "--json", "--lang", "en", cwd=tmp_path, env=old_torch_env())
    document = json.loads(result.stdout)
    (item,) = document["explanations"]
    assert item["project"]["id"] == "rvc"
    assert item["machine"]["reason"] != "cpu_op_missing_config_off" and "tts_infer" not in json.dumps(item)
    assert result.returncode == 1
