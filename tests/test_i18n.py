import pytest

from gsv_doctor.i18n import pick_language


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "zh_CN:en"}, "zh"),
    ({"GSV_DOCTOR_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
])
def test_language_from_environment(environ, expected):
    assert pick_language(environ=environ) == expected


def test_override_wins_and_unknown_falls_back_to_english():
    assert pick_language("zh-CN", environ={"LANG": "en_US.UTF-8"}) == "zh"
    assert pick_language("en", environ={"LANG": "zh_CN.UTF-8"}) == "en"
    assert pick_language("fr", environ={"LANG": "zh_CN.UTF-8"}) == "en"


# -- one text mechanism ------------------------------------------------------------------------

import ast  # noqa: E402
import re  # noqa: E402
import string  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from gsv_doctor import fixmessages, i18n, messages  # noqa: E402,F401  (importing registers their tables)
from gsv_doctor.errors import DoctorError  # noqa: E402

PACKAGE = Path(messages.__file__).resolve().parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
# Texts that read the same in both languages (symbols and names, not words).
SAME_IN_BOTH = {("labels", "nan"), ("labels", "unknown")}
CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


ENTRIES = [(name, key) for name, table in sorted(i18n.TABLES.items()) for key in sorted(table)]


def test_the_tables_are_registered():
    assert {"findings", "phrases", "reasons", "labels", "lines", "errors", "fix"} <= set(i18n.TABLES)
    assert len(ENTRIES) > 200


@pytest.mark.parametrize("name, key", ENTRIES, ids=[f"{n}:{k}" for n, k in ENTRIES])
def test_every_text_has_both_languages_with_the_same_placeholders(name, key):
    texts = i18n.TABLES[name][key]
    assert set(texts) == {"en", "zh"}
    en, zh = texts["en"], texts["zh"]
    assert en.isascii(), "English texts stay ASCII (a cp1252 console prints them)"
    assert fields(en) == fields(zh)
    if not en and not zh:
        return  # a finding with nothing to do by hand
    if en == zh and not string.Formatter().format(en, **{f: "" for f in fields(en)}).strip():
        return  # only placeholders: the words come from phrases chosen in the code
    assert en.strip() and zh.strip()
    if (name, key) not in SAME_IN_BOTH:
        assert not zh.isascii() and zh != en, "the Chinese text is missing (a copy of the English one?)"


def test_a_missing_key_or_language_is_an_error_never_the_raw_key():
    table = {"only.en": {"en": "hello"}}
    with pytest.raises(KeyError):
        i18n.text(table, "no.such.key", "en")
    with pytest.raises(KeyError):
        i18n.text(table, "only.en", "zh")
    with pytest.raises(KeyError):
        messages.label("no-such-label", "en")
    with pytest.raises(KeyError):
        messages.finding_texts("no-such-finding", {}, "en")


def test_fill_is_one_function_and_a_missing_param_reads_a_question_mark():
    assert messages.fill is i18n.fill
    assert i18n.fill("{a} and {b}", {"a": 1, "b": None}) == "1 and ?"
    assert i18n.text(messages.LINES, "hook.removed", "fr") == i18n.text(messages.LINES, "hook.removed", "en")


def _calls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            yield name, node


# function called -> (argument holding the key, table)
LOOKUPS = {"label": (0, messages.LABELS), "line": (0, messages.LINES), "phrase": (0, messages.PHRASES),
           "of": (0, messages.ERRORS), "FixError": (0, fixmessages.TEXTS), "Source": (0, messages.SOURCES), "said": (0, messages.LINES),
           "_bad": (0, {k[len("probe-report."):]: v for k, v in messages.ERRORS.items() if k.startswith("probe-report.")})}


def test_every_key_the_code_names_has_a_text():
    named = 0
    for path in SOURCES:
        for name, node in _calls(path):
            if name == "text" and len(node.args) >= 2 and isinstance(node.args[0], ast.Attribute) \
                    and isinstance(node.args[1], ast.Constant):  # i18n.text(messages.ERRORS, "key", ...)
                table = getattr(messages, node.args[0].attr)
                assert node.args[1].value in table, (path.name, node.args[1].value)
                named += 1
            if name in LOOKUPS and len(node.args) > LOOKUPS[name][0]:
                key = node.args[LOOKUPS[name][0]]
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    assert key.value in LOOKUPS[name][1], (path.name, name, key.value)
                    named += 1
    assert named > 60


def test_every_finding_the_diagnosis_gives_has_its_texts():
    ids = set()
    for path in SOURCES:
        for name, node in _calls(path):
            if name == "Finding" and node.args and isinstance(node.args[0], ast.Constant):
                ids.add(node.args[0].value)
            if name == "Finding" and node.args and isinstance(node.args[0], ast.IfExp):
                ids.update(n.value for n in (node.args[0].body, node.args[0].orelse) if isinstance(n, ast.Constant))
    assert len(ids) > 15
    for finding_id in ids | {key.rsplit(".", 1)[0] for key in i18n.TABLES["findings"]}:
        for lang in i18n.LANGUAGES:
            assert messages.finding_texts(finding_id, {}, lang)["title"]


def test_every_severity_shape_and_source_has_a_word():
    from gsv_doctor.findings import MEASURED, PROJECT, RULE, Severity

    for lang in i18n.LANGUAGES:
        for severity in Severity:
            assert messages.label("severity_" + severity.value, lang)
        for shape in ("constants", "env", "detect", "helper", "unknown"):
            assert messages.label("shape_" + shape, lang)
        for source in (MEASURED, RULE, PROJECT):
            assert messages.phrase("source_" + source, lang)


def test_errors_written_as_keys_speak_chinese():
    error = DoctorError.of("project.not-gsv", project="/x")
    assert str(error).startswith("--project /x: not a GPT-SoVITS folder") and "Point --project" in str(error)
    assert error.text("zh").startswith("--project /x：不是 GPT-SoVITS 文件夹") and "最上层" in error.text("zh")
    assert error.to_dict("zh") == {"code": "project.not-gsv", "params": {"project": "/x"},
                                   "text": error.text("zh"), "exit_code": 2}


# Modules whose DoctorErrors are still English-only sentences: their owners move them to
# DoctorError.of keys (messages.ERRORS). This list may only shrink.
NOT_YET_KEYED = set()


def test_modules_raise_errors_as_keys():
    for path in SOURCES:
        if path.name in NOT_YET_KEYED or path.name in ("errors.py", "fixmessages.py"):
            continue
        bare = [node.lineno for name, node in _calls(path) if name == "DoctorError" and path.name != "fix.py"]
        assert not bare, f"{path.name}:{bare}: write DoctorError.of('<key>', ...) so it speaks Chinese too"


# -- the language reaches every command ----------------------------------------------------------

def zh_cli(*args, **kwargs):
    from gsv_doctor.cli import cli

    env = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "GSV_DOCTOR_LANG": None}
    env.update(kwargs.pop("env", {}))
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, **kwargs)


def run_main(args, monkeypatch, capsys, lang_env="zh_CN.UTF-8"):
    """gsv_doctor.cli.main as the console runs it (click's usage errors are handled there)."""
    from gsv_doctor.cli import main

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "GSV_DOCTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang_env)
    with pytest.raises(SystemExit) as done:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return done.value.code, out, err


@pytest.mark.parametrize("args, english", [
    (["check", "--bogus"], "No such option"),
    (["check", "--timeout", "0"], "Invalid value"),
    (["explain", "--symptom", "nope"], "Invalid value"),
    (["fix", "--lang"], "requires"),
    (["nope"], "No such command"),
    (["check", "extra"], "unexpected extra"),
])
def test_clicks_usage_errors_in_chinese(args, english, monkeypatch, capsys):
    code, out, err = run_main(args, monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "错误：" in err and english not in err and CJK.search(err.splitlines()[-1]), err
    code, out, err = run_main(args, monkeypatch, capsys, lang_env="en_US.UTF-8")
    assert code == 2 and "Error: " in err and english in err and not CJK.search(err)


def test_lang_option_wins_for_usage_errors(monkeypatch, capsys):
    code, out, err = run_main(["check", "--lang", "en", "--bogus"], monkeypatch, capsys)
    assert "No such option: --bogus" in err and not CJK.search(err)


def test_bad_input_and_interrupts_in_chinese(tmp_path, monkeypatch, capsys):
    code, out, err = run_main(["check", "--project", tmp_path / "nope"], monkeypatch, capsys)
    assert code == 2 and "没有这个文件夹" in err
    code, out, err = run_main(["check", "--json", "--markdown"], monkeypatch, capsys)
    assert code == 2 and "不能同时使用" in out


def test_hook_commands_speak_chinese(venv):
    done = zh_cli("hook", "status", "--python", venv)
    assert done.exit_code == 0, done.output
    assert done.output.startswith("没有安装在 ") and "Not installed" not in done.output
    done = zh_cli("hook", "uninstall", "--python", venv)
    assert done.exit_code == 0 and "无需操作" in done.output
    done = zh_cli("hook", "uninstall", "--python", venv, "--lang", "en")
    assert "nothing to do" in done.output


def test_hook_install_refuses_a_python_without_torch_in_chinese(tmp_path):
    from conftest import make_venv

    python = make_venv(tmp_path / "bare", see_torch=False)
    done = zh_cli("hook", "install", "--python", python)
    assert done.exit_code == 2
    assert "无法导入 torch" in done.output and "没有安装任何文件" in done.output
    assert not list((tmp_path / "bare").rglob("gsv_doctor_hook*"))
    done = zh_cli("hook", "install", "--python", python, "--lang", "en")
    assert "cannot import torch" in done.output and "nothing was installed" in done.output


def test_hook_status_of_another_python_says_nothing_about_this_process(venv, monkeypatch):
    import types

    monkeypatch.setitem(sys.modules, "gsv_doctor_hook", types.SimpleNamespace(status=lambda: {"active": False}))
    done = zh_cli("hook", "status", "--python", venv, "--lang", "en")
    assert "In this process" not in done.output
    done = zh_cli("hook", "status", "--lang", "en")
    assert "In this process: loaded, not active." in done.output


def test_markdown_and_text_report_in_chinese(tmp_path):
    import probe_fixtures
    from gsv_project import make_project

    saved = tmp_path / "probe.json"
    import json

    saved.write_text(json.dumps(probe_fixtures.cpu_only_torch201()))
    project = make_project(tmp_path / "gsv")
    done = zh_cli("check", "--probe-json", saved, "--markdown", "--project", project)
    assert "| 设备 | float32 | float16 | bfloat16 |" in done.output
    assert "| 级别 | 诊断结果 | 报错 |" in done.output and "| severity |" not in done.output
    assert "来自保存的探测报告" in done.output and "gsv-doctor 检查：" in done.output
    done = zh_cli("check", "--probe-json", saved, "--project", project)
    assert "写法 常量" in done.output and "constants" not in done.output


# -- bad input to explain, --probe-json and --python: in Chinese, and with a code in JSON ----------

def bad_inputs(tmp_path):
    (tmp_path / "list.json").write_text("[]")
    (tmp_path / "broken.json").write_text("{")
    return [
        (["explain", tmp_path / "nonexistent"], "没有这个文件"),
        (["explain", tmp_path], "是文件夹"),
        (["check", "--probe-json", tmp_path / "list.json"], "--probe-json"),
        (["check", "--probe-json", tmp_path / "broken.json"], "不是有效的 JSON"),
        (["check", "--python", tmp_path / "nope"], "没有这个文件"),
    ]


def test_bad_input_to_explain_and_probe_json_speaks_chinese(tmp_path, monkeypatch, capsys):
    for args, words in bad_inputs(tmp_path):
        code, out, err = run_main(args + ["--lang", "zh"], monkeypatch, capsys)
        assert code == 2 and words in err and CJK.search(err) and "。 " not in err, (args, err)
        assert not re.search(r"no such file|is a folder|not valid JSON|cannot read", err), (args, err)


def test_every_json_error_has_a_code(tmp_path, monkeypatch, capsys):
    import json

    cases = [args for args, _ in bad_inputs(tmp_path)] + [["check", "--timeout", "0"]]
    if Path("/bin/false").exists():
        cases.append(["check", "--python", "/bin/false"])
    for args in cases:
        code, out, err = run_main([args[0], "--json"] + args[1:], monkeypatch, capsys, lang_env="en_US.UTF-8")
        errors = json.loads(out)["errors"]
        assert code == 2 and errors and all(isinstance(e["code"], str) and e["code"] for e in errors), (args, out)


def test_a_range_error_is_all_chinese(monkeypatch, capsys):
    code, out, err = run_main(["check", "--lang", "zh", "--timeout", "0"], monkeypatch, capsys)
    assert code == 2 and "is not in the range" not in err and "1" in err and "86400" in err, err


def test_a_doctor_errors_message_kept_as_text_is_said_again_in_chinese():
    import copy
    import dataclasses
    import json

    message = DoctorError.of("project.no-such-folder", project="/x").message
    assert message == "--project /x: no such folder." and json.dumps(message) == '"--project /x: no such folder."'
    assert i18n.say(message, "zh") == "--project /x：没有这个文件夹。" and i18n.say("plain", "zh") == "plain"
    assert messages.line("hook.target-no-torch", "zh", error=message) == "那个 Python 无法导入 torch（--project /x：没有这个文件夹。）。"

    @dataclasses.dataclass
    class Facts:
        error: str

    kept = dataclasses.asdict(Facts(message))["error"]  # a report's JSON copies the facts
    assert i18n.say(kept, "zh") == i18n.say(copy.deepcopy(message), "zh") == "--project /x：没有这个文件夹。"
