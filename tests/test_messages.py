"""How findings read in the report: each thing said once, advice that fits the case."""
import json

import probe_fixtures
from click.testing import CliRunner
from gsv_project import make_project

from gsv_doctor import messages
from gsv_doctor.cli import cli


def check(*args, lang="en"):
    env = {"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "GSV_DOCTOR_LANG": None}
    return CliRunner().invoke(cli, ["check", "--lang", lang, *map(str, args)], env=env)


def saved(tmp_path, scenario="cpu-torch201"):
    return probe_fixtures.write(tmp_path / "probe.json", scenario)


def test_a_short_timeout_is_advised_before_the_driver():
    short = messages.finding_texts("probe-timeout", {"timeout": 1.0}, "en")
    assert short["title"] == "The torch probe did not finish within 1 s"
    assert short["manual"].startswith("Run again with a longer timeout") and "--timeout 120" in short["manual"]
    default = messages.finding_texts("probe-timeout", {"timeout": 60.0}, "en")
    assert default["manual"].startswith("Update or reinstall the NVIDIA driver")
    assert "--timeout 120" in messages.finding_texts("probe-timeout", {"timeout": 5}, "zh")["manual"]


def test_outside_a_project_the_all_clear_does_not_claim_a_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = check("--probe-json", probe_fixtures.write(tmp_path / "p.json", "rtx3090"))
    assert "no GPT-SoVITS folder was checked" in done.output
    assert "set up correctly" not in done.output
    project = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cuda"\n')
    done = check("--probe-json", tmp_path / "p.json", "--project", project)
    assert "set up correctly" in done.output


def test_a_syntax_error_is_said_once(tmp_path):
    project = make_project(tmp_path / "gsv", config='is_half = True\nif x\n')
    done = check("--probe-json", saved(tmp_path), "--project", project)
    assert done.output.count("syntax error on line 2") == 1, done.output
    assert "cannot be read (see Findings)" in done.output


def test_the_same_edit_by_hand_is_written_out_once(tmp_path):
    project = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cuda"\n')
    for lang, same in (("en", "the same edit as above"), ("zh", "与上面相同的修改")):
        done = check("--probe-json", saved(tmp_path), "--project", project, lang=lang)
        assert done.output.count("__import__('torch').cuda.is_available()") == 1, done.output
        assert same in done.output


def test_json_keeps_every_manual_text(tmp_path):
    project = make_project(tmp_path / "gsv", config='is_half = True\ninfer_device = "cuda"\n')
    done = check("--probe-json", saved(tmp_path), "--project", project, "--json")
    manuals = [f["manual"] for f in json.loads(done.output)["findings"] if f["id"].startswith("config-")]
    assert len(manuals) == 2 and manuals[0] == manuals[1]
