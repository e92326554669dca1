"""What a user trips on at the command line: bad input is exit 2 with one paragraph, in every command."""
import os
import sys

import pytest
from click.testing import CliRunner

from gsv_doctor.cli import cli
from gsv_doctor.commands.hook import torch_too_old


def invoke(*args):
    env = {"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "GSV_DOCTOR_LANG": None}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_explain_of_a_binary_file_is_bad_input_not_an_empty_log(tmp_path):
    model = tmp_path / "s2G.pth"
    model.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 64)
    done = invoke("explain", model, "--no-probe")
    assert done.exit_code == 2
    assert "is not a text log" in done.output and "No known error" not in done.output


def test_explain_of_a_utf16_log_is_still_text(tmp_path):
    log = tmp_path / "error.txt"
    log.write_bytes("RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\r\n".encode("utf-16"))
    done = invoke("explain", log, "--no-probe")
    assert done.exit_code == 1 and "cpu-half-conv" in done.output


@pytest.mark.skipif(not os.path.exists("/bin/false"), reason="needs /bin/false")
def test_explain_with_a_python_that_is_no_python_exits_2():
    done = invoke("explain", "--python", "/bin/false", "--symptom", "silent-audio")
    assert done.exit_code == 2 and "did not start as a Python interpreter" in done.output


@pytest.mark.parametrize("command", ["check", "explain", "preflight", "fix"])
def test_a_zero_timeout_is_refused_by_every_command(command):
    done = invoke(command, "--timeout", "0")
    assert done.exit_code == 2 and "--timeout" in done.output


def test_hook_install_needs_a_python_with_torch(tmp_path):
    from conftest import make_venv

    python = make_venv(tmp_path / "bare", see_torch=False)
    done = invoke("hook", "install", "--python", python)
    assert done.exit_code == 2 and "cannot import torch" in done.output
    assert not list((tmp_path / "bare").rglob("gsv_doctor_hook*"))


@pytest.mark.parametrize("version, old", [
    ("1.12.1+cu113", True), ("1.9.0", True), ("1.13.0a0", False), ("1.13.1", False), ("2.0.1+cpu", False),
    ("2.13.0", False), ("not a version", False), (None, False),
])
def test_the_torch_floor_is_compared_as_versions(version, old):
    assert torch_too_old(version) is old


def test_hook_install_refuses_a_torch_below_the_floor(tmp_path):
    from conftest import make_venv

    python = make_venv(tmp_path / "old", see_torch=False)
    site = next((tmp_path / "old").rglob("site-packages"))
    (site / "torch").mkdir()
    (site / "torch" / "__init__.py").write_text("raise ImportError('a fake old torch')\n")
    (site / "torch" / "version.py").write_text("__version__ = '1.12.1+cu113'\n")
    done = invoke("hook", "install", "--python", python)
    assert done.exit_code == 2 and "torch 1.12.1+cu113" in done.output and "1.13 or newer" in done.output
    assert not list(site.glob("gsv_doctor_hook*"))


def test_version_and_help_still_work(capsys):
    from gsv_doctor.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and "gsv-doctor, version" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        main(["check", "-h"])
    assert done.value.code == 0 and "--lang" in capsys.readouterr().out
    assert sys.executable


HELP_PATHS = [[], ["check"], ["fix"], ["explain"], ["preflight"], ["run"], ["hook"], ["hook", "install"],
              ["hook", "status"], ["hook", "uninstall"]]


@pytest.mark.parametrize("path", HELP_PATHS, ids=[" ".join(p) or "gsv-doctor" for p in HELP_PATHS])
def test_help_speaks_the_language_of_the_locale_and_of_lang(path):
    import re

    cjk = re.compile(r"[\u4e00-\u9fff]")
    zh = CliRunner().invoke(cli, path + ["--help"], env={"LC_ALL": None, "GSV_DOCTOR_LANG": None, "LANG": "zh_CN.UTF-8"})
    en = invoke(*path, "--help")
    assert zh.exit_code == en.exit_code == 0
    assert zh.output.startswith("用法：") and en.output.startswith("Usage: ")
    lines = zh.output.splitlines() + [""]
    rows = [index for index, row in enumerate(lines) if row.startswith("  -")]
    # every option says what it does in Chinese, on its line or (a long option) the next
    assert rows and all(cjk.search(lines[i]) or cjk.search(lines[i + 1]) for i in rows), zh.output
    assert not cjk.search(en.output)
    assert "<=x<=" not in zh.output + en.output  # click's range hint: the help text says it in words
    if path and path[0] != "hook":  # --lang beats the locale, wherever it stands
        assert CliRunner().invoke(cli, path + ["-h", "--lang", "en"], env={"LANG": "zh_CN.UTF-8"}).output == en.output
        assert invoke(*path, "--lang", "zh", "--help").output == zh.output
