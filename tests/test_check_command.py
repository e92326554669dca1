import json
import os
import stat
import sys

import pytest
from click.testing import CliRunner

import probe_fixtures as scenarios
from conftest import TESTS, child_env
from gsv_doctor import report
from gsv_doctor.cli import cli
from gsv_project import make_project


def invoke(*args, env=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env)
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result


def test_from_saved_probe_json_gtx1660ti(tmp_path):
    root = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cuda"\n')
    saved = scenarios.write(tmp_path / "probe.json", "gtx1660ti")
    result = invoke("check", "--project", root, "--probe-json", saved, "--lang", "en")
    assert result.exit_code == 1
    assert "[config-half-on-broken-gpu]" in result.stdout
    assert "NVIDIA GeForce GTX 1660 Ti" in result.stdout
    assert "NaN (rule)" in result.stdout  # the float16 cell says the rule, not the tiny op, decided


@pytest.mark.parametrize("scenario, expected", [
    ("rtx3090", 0), ("gtx1060", 1), ("gtx650", 1), ("apple-m1", 0), ("cpu-torch201", 1), ("cpu-new", 1),
])
def test_exit_code_per_machine_for_a_cuda_half_config(tmp_path, scenario, expected):
    root = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cuda"\n',
                        inference_ui=None)
    if scenario == "apple-m1":
        (root / "config.py").write_text('is_half = True\ninfer_device = "mps"\n')
    saved = scenarios.write(tmp_path / "probe.json", scenario)
    result = invoke("check", "--project", root, "--probe-json", saved, "--json")
    document = json.loads(result.stdout)
    assert result.exit_code == expected == document["exit_code"]


def test_json_document_schema(tmp_path):
    root = make_project(tmp_path / "gsv", tts="tts_infer_cuda.yaml")
    saved = scenarios.write(tmp_path / "probe.json", "cpu-torch201")
    document = json.loads(invoke("check", "--project", root, "--probe-json", saved, "--json", "--lang", "zh").stdout)
    assert (document["schema"], document["schema_version"]) == (report.CHECK_SCHEMA, report.CHECK_SCHEMA_VERSION)
    assert document["language"] == "zh" and document["probe_run"] is None
    assert document["probe"]["torch"]["version"] == "2.0.1+cpu"
    assert document["summary"]["errors"] == sum(f["severity"] == "error" for f in document["findings"])
    finding = next(f for f in document["findings"] if f["id"] == "config-half-on-cpu")
    assert set(finding) >= {"id", "severity", "source", "title", "why", "manual", "entry_points", "error_text",
                            "fix_command", "params", "device"}
    assert "CPU" in finding["title"] and "半精度" in finding["title"]
    assert document["project"]["config"]["shape"] == "constants"
    assert "text" not in document["project"]["config"]


def test_markdown_block_for_a_bug_report(tmp_path):
    saved = scenarios.write(tmp_path / "probe.json", "gtx650")
    result = invoke("check", "--probe-json", saved, "--markdown", "--lang", "en", "--project",
                    make_project(tmp_path / "gsv"))
    assert result.stdout.startswith("<details><summary>gsv-doctor check:")
    assert "| cuda:0 NVIDIA GeForce GTX 650 |" in result.stdout
    assert "`gpu-unusable`" in result.stdout and result.stdout.rstrip().endswith("</details>")


@pytest.mark.parametrize("args, message", [
    (["--project", "{missing}"], "no such folder"),
    (["--project", "{plain}"], "not a GPT-SoVITS folder"),
    (["--probe-json", "{garbage}"], "not valid JSON"),
    (["--probe-json", "{otherjson}"], "not a gsv-doctor probe report"),
    (["--json", "--markdown"], "exclusive"),
    (["--timeout", "0"], "0"),
])
def test_bad_input_is_one_message_and_exit_2(tmp_path, args, message):
    (tmp_path / "plain").mkdir()
    (tmp_path / "garbage.json").write_text("{not json")
    (tmp_path / "otherjson.json").write_text('{"schema": "something-else"}')
    paths = {"missing": tmp_path / "missing", "plain": tmp_path / "plain",
             "garbage": tmp_path / "garbage.json", "otherjson": tmp_path / "otherjson.json"}
    result = invoke("check", *[a.format(**paths) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr


def _fake_python(tmp_path, body):
    path = tmp_path / "python"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script as a fake interpreter")
def test_hanging_probe_becomes_a_finding(tmp_path):
    fake = _fake_python(tmp_path, "exec sleep 30")
    result = invoke("check", "--python", fake, "--timeout", "1", "--json", "--project", make_project(tmp_path / "g"))
    document = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [f["id"] for f in document["findings"] if f["severity"] == "error"] == ["probe-timeout"]
    assert document["probe_run"]["timed_out"] is True


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_crashing_probe_becomes_a_finding(tmp_path):
    fake = _fake_python(tmp_path, "echo 'Segmentation fault in libcuda' >&2; kill -SEGV $$")
    result = invoke("check", "--python", fake, "--lang", "en", "--project", make_project(tmp_path / "g"))
    assert result.exit_code == 1
    assert "[probe-crashed]" in result.stdout and "Segmentation fault in libcuda" in result.stdout


def test_python_without_torch_is_exit_2(tmp_path):
    py39 = os.path.expanduser("~/.pyenv/versions/3.9.18/bin/python")
    if not os.path.exists(py39):
        pytest.skip("no torch-less Python 3.9 here")
    result = invoke("check", "--python", py39, "--project", make_project(tmp_path / "g"))
    assert result.exit_code == 2
    assert "cannot import torch" in result.stderr and "runtime\\python.exe" in result.stderr


def test_not_an_interpreter_is_exit_2(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert invoke("check", "--python", text).exit_code == 2
    assert "no Python interpreter" in invoke("check", "--python", tmp_path).stderr


@pytest.mark.slow
def test_real_probe_end_to_end_in_chinese(tmp_path, run_cli):
    root = make_project(tmp_path / "gsv")
    done = run_cli("check", "--project", root, env=child_env(LANG="zh_CN.UTF-8"))
    assert done.returncode == 1, done.stderr
    assert "诊断结果" in done.stdout and "[config-device-unusable]" in done.stdout
    assert "AssertionError: Torch not compiled with CUDA enabled" in done.stdout
    assert "正在用" in done.stderr  # the progress line goes to stderr, not into the report
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_real_probe_under_old_torch_emulation_names_the_conv_crash(tmp_path, run_cli):
    root = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cpu"\n')
    env = child_env(LANG="en_US.UTF-8")
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS / "old_torch_site"), env["PYTHONPATH"]])
    done = run_cli("check", "--project", root, "--json", env=env)
    document = json.loads(done.stdout)
    finding = next(f for f in document["findings"] if f["id"] == "config-half-on-cpu")
    assert done.returncode == 1
    assert finding["error_text"] == "RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'"
    assert document["effective"] == {"is_half": True, "infer_device": "cpu", "source": "executed", "error": None}


def test_no_colour_when_not_a_terminal_or_no_color(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert report.use_colour(Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert report.use_colour(Tty()) is False
    assert report.use_colour(object()) is False


def test_gbk_console_gets_replaceable_text():
    class GbkStream:
        encoding = "gbk"

    assert report.safe_text("正常 ✓", GbkStream()) == "正常 ?"


@pytest.mark.parametrize("config, finding, text", [
    # Python imports a GBK file whose only non-UTF-8 bytes are in comments; it runs.
    ("constants_gbk_crlf.py", "config-device-unusable", "is_half=True, infer_device=cuda"),
    ("constants_bom_zh.py", "config-device-unusable", "is_half=True, infer_device=cuda"),
    ("syntax_error.py", "config-unreadable", "line 3"),
])
@pytest.mark.slow
def test_unusual_config_files_end_to_end(tmp_path, run_cli, config, finding, text):
    root = make_project(tmp_path / "gsv", config=config, inference_ui=None)
    done = run_cli("check", "--project", root, "--lang", "en")
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr
    assert f"[{finding}]" in done.stdout
    assert text in done.stdout


@pytest.mark.slow
def test_check_caches_the_probe_for_preflight_and_the_hook(tmp_path, monkeypatch):
    from gsv_doctor import probecache

    monkeypatch.setenv("GSV_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    identity = probecache.identify()
    assert probecache.load(identity) is None
    result = invoke("check", "--project", make_project(tmp_path / "gsv"), "--json")
    cached = probecache.load(identity)
    assert cached.to_dict() == json.loads(result.stdout)["probe"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script as a fake interpreter")
def test_a_hang_behind_a_launcher_still_ends_at_the_timeout(tmp_path, run_cli):
    # No exec: the shell waits for a Python that holds our pipes, like a venv's python.exe launcher.
    fake = _fake_python(tmp_path, f'"{sys.executable}" -c "import time; time.sleep(120)"')
    done = run_cli("check", "--python", fake, "--timeout", "2", "--json", "--project",
                   make_project(tmp_path / "g"), timeout=60)
    assert done.returncode == 1
    assert [f["id"] for f in json.loads(done.stdout)["findings"] if f["severity"] == "error"] == ["probe-timeout"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script as a fake interpreter")
def test_a_program_that_is_not_python_is_bad_input(tmp_path):
    fake = _fake_python(tmp_path, "echo hello; exit 0")
    result = invoke("check", "--python", fake, "--project", make_project(tmp_path / "g"))
    assert result.exit_code == 2 and "did not start as a Python interpreter" in result.stderr


def test_a_python_older_than_39_is_bad_input(tmp_path):
    old = os.path.expanduser("~/.pyenv/versions/3.6.15/bin/python")
    if not os.path.exists(old):
        pytest.skip("no Python 3.6 here")
    result = invoke("check", "--python", old, "--project", make_project(tmp_path / "g"))
    assert result.exit_code == 2 and "is Python 3.6" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script as a fake interpreter")
def test_a_python_that_fails_without_a_report_is_a_probe_failed_finding(tmp_path):
    marker = "@@gsv-doctor@@ "
    fake = _fake_python(tmp_path, f"""echo '{marker}{{"section": "hello", "version": [3, 10]}}'
echo 'ImportError: DLL load failed while importing _C' >&2; exit 1""")
    result = invoke("check", "--python", fake, "--lang", "en", "--project", make_project(tmp_path / "g"))
    assert result.exit_code == 1
    assert "[probe-failed]" in result.stdout and "DLL load failed" in result.stdout


def test_a_saved_report_is_judged_with_the_variables_of_its_machine(tmp_path, monkeypatch):
    root = make_project(tmp_path / "gsv", config="env_eval.py")
    report = scenarios.cpu_only_torch201()
    report["environment"]["is_half"] = "False"
    (tmp_path / "probe.json").write_text(json.dumps(report))
    monkeypatch.setenv("is_half", "True")  # this machine's value must not count
    document = json.loads(invoke("check", "--project", root, "--probe-json", tmp_path / "probe.json",
                                 "--json").stdout)
    assert document["effective"]["is_half"] is False
    assert document["project"]["env_is_half"] == "False"


@pytest.mark.parametrize("args, env, expected", [
    (["--lang", "zh"], {"LANG": "en_US.UTF-8"}, "没有这个文件夹"),
    ([], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "没有这个文件夹"),
    (["--lang", "en"], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "no such folder"),
])
def test_bad_input_speaks_the_users_language(tmp_path, args, env, expected):
    result = invoke("check", "--project", tmp_path / "missing", *args, env=dict(env, GSV_DOCTOR_LANG=""))
    assert result.exit_code == 2 and expected in result.stderr
