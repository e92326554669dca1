import io
import json
import os
import sys

import probe_fixtures
import pytest
import yaml
from conftest import FIXTURES

from gsv_doctor import cli, edits, fixplan
from gsv_doctor.families.gpt_sovits import fixes
from gsv_doctor.families.gpt_sovits import configpy

CONFIGS = FIXTURES / "configs"
sys.path.insert(0, str(CONFIGS))
from execute import GOOD_GPU, GTX_1660, execute

SHAPES = ["constants_spaced.py", "constants_tight_crlf.py", "constants_bom_zh.py", "constants_gbk_crlf.py",
          "constants_no_final_newline.py", "env_eval.py", "env_compare_crlf.py", "detect_no_guard.py",
          "detect_name_rule_oneline_guard.py", "detect_twoline_guard_tabs.py", "detect_gbk_crlf.py", "helper_2025.py"]
TTS = "GPT_SoVITS/configs/tts_infer.yaml"
# These already keep float16 off the CPU (their own CPU rule, or the helper): the diagnosis
# finds nothing in config.py and the fix leaves it alone.
ALREADY_SAFE_ON_CPU = {"detect_name_rule_oneline_guard.py", "detect_twoline_guard_tabs.py", "detect_gbk_crlf.py",
                       "helper_2025.py"}


def make_project(tmp_path, fixture="constants_spaced.py", tts="tts_infer_cuda.yaml", entry_points=("webui.py",)):
    root = tmp_path / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_bytes((CONFIGS / fixture).read_bytes())
    if tts:
        (root / TTS).write_bytes((CONFIGS / tts).read_bytes())
    for entry in entry_points:
        (root / entry).parent.mkdir(parents=True, exist_ok=True)
        (root / entry).write_text("import config\n", encoding="utf-8")
    return root


@pytest.fixture
def fix_cli(capsys, monkeypatch):
    monkeypatch.delenv("is_half", raising=False)
    for name in ("GSV_DOCTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")

    def run(*args):
        with pytest.raises(SystemExit) as done:
            cli.main(["fix", *map(str, args)])
        out, err = capsys.readouterr()
        return done.value.code, out, err

    return run


@pytest.fixture
def probe(tmp_path):
    def saved(scenario):
        return probe_fixtures.write(tmp_path / f"{scenario}.json", scenario)

    return saved


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def runnable(fixture, data):
    if fixture == "constants_gbk_crlf.py":  # Python itself refuses GBK without a cookie
        return data.decode("gbk")
    return data


@pytest.mark.parametrize("fixture", SHAPES)
def test_dry_run_write_rewrite_undo_for_every_shape(tmp_path, fix_cli, probe, fixture):
    root = make_project(tmp_path, fixture)
    before = snapshot(root)
    saved = probe("cpu-torch201")

    needs_config = fixture not in ALREADY_SAFE_ON_CPU
    code, out, err = fix_cli("--project", root, "--probe-json", saved)
    assert code == 1, err
    assert ("--- a/config.py" in out and "+# >>> gsv-doctor" in out) is needs_config
    assert "custom.device: cuda -> cpu" in out and "Dry run: nothing was written" in out
    assert snapshot(root) == before

    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write")
    assert code == 0, err
    assert "Done." in out
    config = (root / "config.py").read_bytes()
    for environ in ({}, {"is_half": "True"}):
        on_cpu = execute(runnable(fixture, config), None, environ)
        assert on_cpu["is_half"] is False and str(on_cpu["infer_device"]) == "cpu"
        on_gpu = execute(runnable(fixture, config), GOOD_GPU, environ)
        assert on_gpu["is_half"] is True and str(on_gpu["infer_device"]).startswith("cuda")
    tts = yaml.safe_load((root / TTS).read_text(encoding="utf-8"))
    assert tts["custom"] == dict(tts["custom"], device="cpu", is_half=False)
    facts = configpy.read_config(root / "config.py")
    assert facts.encoding == configpy.read_config(CONFIGS / fixture).encoding
    assert facts.patched is needs_config
    after_write = snapshot(root)

    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write")
    assert code == 0 and "Nothing to change" in out and "already" in out
    assert snapshot(root) == after_write

    code, out, err = fix_cli("--project", root, "--undo")
    assert code == 0 and out.count("restored ") == (2 if needs_config else 1)
    assert snapshot(root) == before


def test_broken_gpu_keeps_the_card_and_turns_half_off(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "constants_spaced.py", tts=None)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("gtx1660ti"), "--write", "--yes")
    assert code == 0, err
    result = execute((root / "config.py").read_bytes(), GTX_1660, {"is_half": "True"})
    assert result["is_half"] is False and result["infer_device"] == "cuda"


def test_unusable_card_moves_to_the_cpu(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "detect_name_rule_oneline_guard.py", tts=None)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("gtx650"), "--write")
    assert code == 0, err
    gtx650 = {"name": "NVIDIA GeForce GTX 650", "capability": (3, 0), "memory_gb": 1.0}
    result = execute((root / "config.py").read_bytes(), gtx650, {"is_half": "True"})
    assert result["is_half"] is False and result["infer_device"] == "cpu"
    # the same folder on a good card keeps float16
    result = execute((root / "config.py").read_bytes(), GOOD_GPU, {"is_half": "True"})
    assert result["is_half"] is True and result["infer_device"] == "cuda"


def test_good_gpu_needs_nothing(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "constants_spaced.py")
    (root / TTS).write_text("custom:\n  device: cuda\n  is_half: true\n", encoding="utf-8")
    before = snapshot(root)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("rtx3090"), "--write")
    assert code == 0 and "Nothing to change" in out
    assert snapshot(root) == before


def test_mac_with_mps_keeps_a_detecting_config(tmp_path, fix_cli, probe):
    # config.py picks "mps" on this Mac and float16 works there: nothing to fix.
    root = make_project(tmp_path, "detect_no_guard.py", tts=None)
    before = snapshot(root)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("apple-m1"), "--write")
    assert code == 0 and "Nothing to change" in out, out + err
    assert snapshot(root) == before


def test_pin_writes_literals(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "constants_tight_crlf.py", tts=None)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write", "--pin")
    assert code == 0, err
    text = (root / "config.py").read_bytes().decode()
    assert "is_half=False # half precision\r\n" in text and "infer_device='cpu'\r\n" in text
    result = execute(text, GOOD_GPU, {})
    assert result["is_half"] is False and result["infer_device"] == "cpu"


def test_json_output(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "env_eval.py", entry_points=("webui.py", "api.py"))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--json")
    data = json.loads(out)
    assert code == 1 and data["exit_code"] == 1 and data["schema"] == "gsv-doctor/fix" and data["mode"] == "dry-run"
    assert [e["kind"] for e in data["edits"]] == ["config", "tts_infer"]
    assert all(e["status"] == "planned" and e["diff"].startswith("--- a/") for e in data["edits"])
    assert "api-half-flag" in [n["id"] for n in data["notes"]]
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--json", "--write")
    data = json.loads(out)
    assert code == 0 and [e["status"] for e in data["edits"]] == ["written", "written"]
    code, out, err = fix_cli("--project", root, "--json", "--undo")
    assert code == 0 and len(json.loads(out)["undone"]) == 2


def test_entry_point_the_config_cannot_reach(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "detect_twoline_guard_tabs.py", tts=None,
                        entry_points=("webui.py", "GPT_SoVITS/inference_webui.py"))
    (root / "GPT_SoVITS/inference_webui.py").write_text(
        'import os\nis_half = eval(os.environ.get("is_half", "True"))\n', encoding="utf-8")
    before = snapshot(root)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    assert code == 1, out + err  # nothing to write, but the inference UI still gets float16
    assert "gsv-doctor hook install" in out and "gsv-doctor run -- python GPT_SoVITS/inference_webui.py" in out
    assert snapshot(root) == before


def test_unknown_shape_prints_the_manual_edit_and_writes_nothing(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path, "constants_spaced.py")
    (root / "config.py").write_bytes(b'is_half = True\ninfer_device = "cuda"\nis_half = settings()\n')
    before = snapshot(root)
    monkeypatch.setattr(configpy, "predict", lambda facts, cuda, environ, **_: (True, "cuda"))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    assert code == 2
    assert "will not guess" in err and "_gsv_doctor_guard(infer_device, is_half)" in err
    assert snapshot(root) == before


@pytest.mark.parametrize("extra", [(), ("--write",), ("--json",)])
def test_unknown_shape_with_values_it_cannot_tell_is_refused_not_called_fine(tmp_path, fix_cli, probe, extra):
    # config.py reads settings.json, which is missing: neither running nor reading it gives the values.
    root = make_project(tmp_path, "unknown_settings_json.py", tts=None)
    before = snapshot(root)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), *extra)
    assert code == 2, out + err
    said = json.loads(out)["errors"][0]["text"] if "--json" in extra else err  # --json: the error envelope
    assert "Nothing to change" not in out and "will not guess" in said
    assert fixes.manual_edit_text() in said and "Traceback" not in err
    assert snapshot(root) == before


def test_check_says_why_fix_refuses_an_unknown_shape(tmp_path, fix_cli, probe, capsys):
    root = make_project(tmp_path, "unknown_settings_json.py", tts=None)
    with pytest.raises(SystemExit) as done:
        cli.main(["check", "--project", str(root), "--probe-json", str(probe("cpu-torch201")), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert done.value.code == 0  # a warning, not an error
    [unknown] = [f for f in result["findings"] if f["id"] == "config-values-unknown"]
    assert unknown["severity"] == "warning" and unknown["params"]["names"] == "is_half / infer_device"
    assert all(f.get("fix_command") != "gsv-doctor fix --write" for f in result["findings"])


@pytest.mark.parametrize("values", [(None, "cpu"), (None, None)])
def test_unknown_shape_without_is_half_is_refused(tmp_path, fix_cli, probe, monkeypatch, values):
    root = make_project(tmp_path, "unknown_settings_json.py", tts=None)
    monkeypatch.setattr(configpy, "predict_run", lambda facts, cuda, environ, **_: values + (None,))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"))
    assert code == 2 and "will not guess" in err, out + err


def test_unknown_shape_whose_values_are_known_and_fine_needs_nothing(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path, "unknown_settings_json.py", tts=None)
    monkeypatch.setattr(configpy, "predict_run", lambda facts, cuda, environ, **_: (False, "cpu", None))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"))
    assert code == 0 and "Nothing to change" in out, out + err


@pytest.mark.parametrize("fixture,words", [("syntax_error.py", "line 3"), ("undecodable.py", "encoding")])
def test_unreadable_config(tmp_path, fix_cli, probe, fixture, words):
    root = make_project(tmp_path, fixture)
    before = snapshot(root)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    assert code == 2 and words in err and "Traceback" not in err
    assert snapshot(root) == before


def test_broken_tts_infer_yaml(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "constants_spaced.py", tts="tts_infer_broken.yaml")
    before = snapshot(root)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    assert code == 2 and "tts_infer.yaml" in err and "line 5" in err
    assert snapshot(root) == before


def test_missing_tts_infer_yaml_fixes_config_only(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "constants_spaced.py", tts=None)
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    assert code == 0 and "tts_infer.yaml" not in out
    assert configpy.read_config(root / "config.py").patched


def test_read_only_config(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path, "constants_spaced.py", tts=None)
    before = snapshot(root)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path).endswith("config.py") and mode == os.W_OK
                        else real_access(path, mode))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    assert code == 2 and "read-only" in err
    assert snapshot(root) == before


def test_full_disk(tmp_path, fix_cli, probe, monkeypatch):
    import errno

    root = make_project(tmp_path, "constants_spaced.py", tts=None)
    before = snapshot(root)
    saved = probe("cpu-torch201")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(edits, "_write_all", full)
    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write")
    assert code == 2 and "disk is full" in err
    assert snapshot(root) == before


def test_another_fix_running(tmp_path, fix_cli, probe):
    root = make_project(tmp_path)
    before = snapshot(root)
    with edits.lock(root):  # held by another run
        code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
        assert code == 2 and "another gsv-doctor fix" in err
    assert snapshot(root) == before


def test_undo_refuses_changes_then_force(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, tts=None)
    original = (root / "config.py").read_bytes()
    fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write")
    with open(root / "config.py", "ab") as handle:
        handle.write(b"# my change\n")
    code, out, err = fix_cli("--project", root, "--undo")
    assert code == 2 and "changed after" in err
    code, out, err = fix_cli("--project", root, "--undo", "--force")
    assert code == 0 and "--force" in out
    assert (root / "config.py").read_bytes() == original


def test_usage_errors(tmp_path, fix_cli):
    root = make_project(tmp_path)
    assert fix_cli("--project", root, "--force")[0] == 2
    assert fix_cli("--project", root, "--undo", "--write")[0] == 2
    assert fix_cli("--project", tmp_path / "nowhere")[0] == 2


@pytest.mark.slow
def test_end_to_end_with_the_real_probe(tmp_path, run_cli):
    """This CPU-only machine, the real probe: tts_infer.yaml's `device: cuda` cannot work here."""
    root = make_project(tmp_path, "detect_no_guard.py")
    before = snapshot(root)
    done = run_cli("fix", "--project", root, "--write", "--yes", "--json")
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(done.stdout)
    assert "tts_infer" in [e["kind"] for e in data["edits"]]
    tts = yaml.safe_load((root / TTS).read_text(encoding="utf-8"))
    assert tts["custom"]["device"] == "cpu" and tts["custom"]["is_half"] is False
    assert run_cli("fix", "--project", root, "--undo").returncode == 0
    assert snapshot(root) == before


# ---------------------------------------------------------------- languages

def has_chinese(text):
    return any("\u4e00" <= char <= "\u9fff" for char in text)


class TerminalInput(io.StringIO):
    def isatty(self):
        return True


def test_english_by_default(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, entry_points=("webui.py", "api.py"))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"))
    assert code == 1 and "Dry run: nothing was written" in out and "api.py follows config.py" in out
    assert not has_chinese(out)


def test_chinese_from_the_locale_and_the_files_do_not_depend_on_it(tmp_path, fix_cli, probe, monkeypatch):
    saved = probe("cpu-torch201")
    english = make_project(tmp_path / "en", entry_points=("webui.py", "api.py"))
    assert fix_cli("--project", english, "--probe-json", saved, "--write")[0] == 0
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    root = make_project(tmp_path / "zh", entry_points=("webui.py", "api.py"))
    before = snapshot(root)

    code, out, err = fix_cli("--project", root, "--probe-json", saved)
    assert code == 1, err
    assert "试运行：没有写入任何文件" in out and "加入 gsv-doctor 的 float16 保护代码" in out
    assert "custom.device：cuda -> cpu" in out and "api.py 遵循 config.py 的 is_half" in out
    assert "Dry run" not in out and "+# >>> gsv-doctor float16 guard, added by `gsv-doctor fix`" in out

    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write")
    assert code == 0 and "完成。" in out and "已写入；备份保存为" in out
    # what goes into the user's files is the same in every language
    def user_files(folder):  # backups and the record carry the time they were made
        return {name: data for name, data in snapshot(folder).items() if ".gsv-doctor" not in name}

    assert user_files(root) == user_files(english) and len(snapshot(root)) == len(snapshot(english))
    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write")
    assert code == 0 and "无需修改：gsv-doctor 的修复已经生效" in out and "已经包含 gsv-doctor 的保护代码" in out

    code, out, err = fix_cli("--project", root, "--undo")
    assert code == 0 and out.count("已从 ") == 2
    assert snapshot(root) == before
    code, out, err = fix_cli("--project", root, "--undo")
    assert code == 0 and "无需撤销" in out


def test_lang_option_wins_over_the_locale(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path)
    saved = probe("cpu-torch201")
    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--lang", "zh")
    assert code == 1 and "试运行" in out
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--lang", "en")
    assert code == 1 and "Dry run" in out and not has_chinese(out)


def test_json_keeps_codes_and_adds_the_text_in_the_chosen_language(tmp_path, fix_cli, probe):
    root = make_project(tmp_path, "env_eval.py", entry_points=("webui.py", "api.py"))
    saved = probe("cpu-torch201")
    documents = {}
    for lang in ("en", "zh"):
        code, out, err = fix_cli("--project", root, "--probe-json", saved, "--json", "--lang", lang)
        documents[lang] = json.loads(out)
    en, zh = documents["en"], documents["zh"]
    assert en["language"] == "en" and zh["language"] == "zh"
    for key in ("mode", "answered", "exit_code", "schema", "schema_version"):
        assert en[key] == zh[key]
    assert [(n["id"], n["params"], n["command"], n["severity"]) for n in en["notes"]] == \
        [(n["id"], n["params"], n["command"], n["severity"]) for n in zh["notes"]]
    assert [[(c["code"], c["params"]) for c in e["changes"]] for e in en["edits"]] == \
        [[(c["code"], c["params"]) for c in e["changes"]] for e in zh["edits"]]
    assert en["edits"][1]["changes"][0] == {"code": "reason.tts-value", "text": "custom.device: cuda -> cpu",
                                            "params": {"section": "custom", "key": "device", "old": "cuda",
                                                       "new": "cpu"}}
    assert zh["edits"][1]["reasons"][0] == "custom.device：cuda -> cpu"
    api = {lang: [n for n in documents[lang]["notes"] if n["id"] == "api-half-flag"][0] for lang in documents}
    assert has_chinese(api["zh"]["text"]) and not has_chinese(api["en"]["text"])
    assert en["message"]["code"] == zh["message"]["code"] == "out.dry-run"
    assert zh["message"]["text"].startswith("试运行")

    fix_cli("--project", root, "--probe-json", saved, "--write", "--lang", "zh")
    code, out, err = fix_cli("--project", root, "--undo", "--json", "--lang", "zh")
    undone = json.loads(out)
    assert undone["message"] == {"code": "out.undone", "params": {"count": 2}, "text": "已从备份恢复 2 个文件。"}
    assert all(item["text"].startswith("已从 ") for item in undone["undone"])


def test_refusals_in_chinese(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path, tts=None)
    before = snapshot(root)
    saved = probe("cpu-torch201")
    with edits.lock(root):
        code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write", "--lang", "zh")
    assert code == 2 and "另一个 gsv-doctor fix（进程" in err and "请等它结束" in err and "Traceback" not in err

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path).endswith("config.py") and mode == os.W_OK
                        else real_access(path, mode))
    code, out, err = fix_cli("--project", root, "--probe-json", saved, "--write", "--lang", "zh")
    assert code == 2 and "是只读文件" in err and "chmod u+w" in err
    assert snapshot(root) == before

    code, out, err = fix_cli("--project", root, "--force", "--lang", "zh")
    assert code == 2 and "--force 只能与 --undo 一起使用" in err


def test_unknown_shape_in_chinese_keeps_the_guard_english(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path, "constants_spaced.py")
    (root / "config.py").write_bytes(b'is_half = True\ninfer_device = "cuda"\nis_half = settings()\n')
    monkeypatch.setattr(configpy, "predict", lambda facts, cuda, environ, **_: (True, "cuda"))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write", "--lang", "zh")
    assert code == 2 and "不会猜测修改" in err and "gsv-doctor check" in err
    assert fixes.manual_edit_text() in err


def test_confirmation_prompt_in_chinese(tmp_path, fix_cli, probe, monkeypatch):
    root = make_project(tmp_path, tts=None)
    before = snapshot(root)
    monkeypatch.setattr(sys, "stdin", TerminalInput("n\n"))
    code, out, err = fix_cli("--project", root, "--probe-json", probe("cpu-torch201"), "--write", "--lang", "zh")
    assert code == 1 and "写入这些修改吗？" in out and "没有写入任何文件。" in out
    assert snapshot(root) == before


def test_chinese_locale_in_a_real_process(tmp_path, run_cli, probe):
    from conftest import child_env

    root = make_project(tmp_path)
    env = child_env(LANG="zh_CN.UTF-8", LC_ALL="", LC_MESSAGES="", LANGUAGE="", GSV_DOCTOR_LANG="")
    done = run_cli("fix", "--project", root, "--probe-json", probe("cpu-torch201"), env=env)
    assert done.returncode == 1 and "试运行" in done.stdout, done.stderr
