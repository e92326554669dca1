"""Every --json output, errors included, is one envelope (gsv_doctor/envelope.py, README "JSON output")."""
import json

import probe_fixtures
import pytest
from click.testing import CliRunner
from gsv_project import INFERENCE_UI_ENV_READ_CUDA, make_project

from gsv_doctor import envelope
from gsv_doctor.cli import cli


def invoke(*args, **env):
    base = {"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "GSV_DOCTOR_LANG": None}
    return CliRunner().invoke(cli, [str(a) for a in args], env=dict(base, **env))


def valid(output, schema, exit_code, lang="en"):
    document = json.loads(output)
    assert envelope.problems(document) == [], document
    assert document["schema"] == schema and document["exit_code"] == exit_code and document["language"] == lang
    return document


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "probe.json"
    probe_fixtures.write(path, "cpu-torch201")
    return path


def test_check_fix_and_explain_documents_are_envelopes(tmp_path, saved):
    project = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cpu"\n')
    done = invoke("check", "--json", "--probe-json", saved, "--project", project)
    document = valid(done.output, "gsv-doctor/check", 1)
    assert document["errors"] == [] and document["findings"]
    done = invoke("fix", "--json", "--probe-json", saved, "--project", project, "--lang", "zh")
    document = valid(done.output, "gsv-doctor/fix", 1, "zh")
    assert document["mode"] == "dry-run" and document["edits"]
    done = invoke("fix", "--json", "--undo", "--project", project)
    valid(done.output, "gsv-doctor/fix", 0)
    log = tmp_path / "error.txt"
    log.write_text("RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n")
    done = invoke("explain", log, "--json", "--no-probe")
    document = valid(done.output, "gsv-doctor/explain", 1)
    assert document["errors"] == []


@pytest.mark.parametrize("args, code", [
    (["check", "--json", "--project", "/nonexistent/gsv"], "project.no-such-folder"),
    (["check", "--json", "--probe-json", "/nonexistent/probe.json"], None),
    (["fix", "--json", "--project", "/nonexistent/gsv"], "project.no-such-folder"),
    (["explain", "--json", "--no-probe", "/nonexistent/log.txt"], None),
])
def test_errors_are_envelopes_too(args, code):
    done = invoke(*args)
    assert done.exit_code == 2
    document = valid(done.output, "gsv-doctor/" + args[0], 2)
    [error] = document["errors"]
    assert error["exit_code"] == 2 and "nonexistent" in error["text"]
    if code:
        assert error["code"] == code


def test_an_error_in_chinese_and_a_usage_error_are_envelopes(capsys, monkeypatch):
    from gsv_doctor.cli import main

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "GSV_DOCTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as done:
        main(["check", "--json", "--project", "/nonexistent/gsv"])
    out, err = capsys.readouterr()
    assert done.value.code == 2 and err == ""
    assert "没有这个文件夹" in valid(out, "gsv-doctor/check", 2, "zh")["errors"][0]["text"]
    with pytest.raises(SystemExit) as done:
        main(["check", "--json", "--timeout", "0"])
    out, err = capsys.readouterr()
    assert done.value.code == 2
    assert valid(out, "gsv-doctor/check", 2, "zh")["errors"][0]["code"] == "usage"


def test_hook_status_json_is_an_envelope(venv):
    done = invoke("hook", "status", "--python", venv, "--json")
    document = valid(done.output, "gsv-doctor/hook-status", 0)
    assert document["installed"] is False and document["location"]["purelib"]
    done = invoke("hook", "status", "--python", "/nonexistent/python", "--json")
    assert valid(done.output, "gsv-doctor/hook-status", 2)["errors"][0]["exit_code"] == 2


def test_the_validator_finds_what_is_missing():
    assert envelope.problems([]) == ["not a JSON object"]
    good = envelope.envelope("check", "en", 0)
    assert envelope.problems(good) == []
    assert "errors: missing or not list" in envelope.problems(dict(good, errors=None))
    assert "exit_code: 0 with errors" in envelope.problems(
        dict(good, errors=[{"code": "x", "params": {}, "text": "t", "exit_code": 2}]))
    assert any("schema" in p for p in envelope.problems(dict(good, schema="other")))


def test_the_readme_documents_every_schema():
    from conftest import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## JSON output"):]
    for schema, _ in envelope.SCHEMAS.values():
        assert f"\"{schema}\"" in section
    for key in envelope.KEYS:
        assert f"`{key}`" in section


def test_check_with_an_export_tool_is_an_envelope(tmp_path, saved):
    project = make_project(tmp_path / "gsv", config='is_half = False\ninfer_device = "cpu"\n',
                           inference_ui=INFERENCE_UI_ENV_READ_CUDA)
    (project / "GPT_SoVITS" / "stream_tool.py").write_text(
        "import argparse, torch\nparser = argparse.ArgumentParser()\n"
        "parser.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')\n"
        "parser.add_argument('--sizes', default={1, 2})\n"
        "parser.add_argument('--no-half', action='store_true')\nargs = parser.parse_args()\n"
        "is_half = not args.no_half\n")
    for lang in ("en", "zh"):
        done = invoke("check", "--json", "--probe-json", saved, "--project", project, "--lang", lang)
        document = valid(done.output, "gsv-doctor/check", 0, lang)
        assert [f["id"] for f in document["findings"] if f["id"].startswith("tool-")] == ["tool-defaults-half"]
