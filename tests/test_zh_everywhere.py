"""A Chinese locale gives Chinese from every command, on every path a test can reach: no English
sentence is left (a run of three or more English words outside file names, code, commands,
quoted errors and version strings)."""
import json
import os
import re
import sys

import probe_fixtures
import pytest
from gsv_project import make_project

from gsv_doctor import hook as hook_module, probecache, probereport

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][a-z]*(?:'[a-z]+)?")  # "probe", "Half", "it's"; not is_half, --write, webui.py
NAMES = set(probereport.MODEL_OPS) | {"stft"}  # op names, listed as the probe measures them
# Not sentences though they are words: what other programs print, quoted as they print it.
QUOTED = [
    re.compile(r"`[^`\n]*`"),  # code and commands
    re.compile(r"\"[^\"\n]*\""),  # a quoted name or message
    re.compile(r"\b\w*(?:Error|Exception|Warning)\b:[^\n）)]*"),  # an exception as Python prints it
    re.compile(r"(?m)^\s*File \".*$"),  # a traceback line
    re.compile(r"(?:^|\s)gsv-doctor [a-z][^\n，。；）]*"),  # a command line to type
    re.compile(r"\bpip (?:un)?install [^\s，。；）]+"),
]


def without_diffs(text):
    """`text` less its unified diffs (the user's own file contents)."""
    lines, kept, index = text.splitlines(), [], 0
    while index < len(lines):
        hunk = re.match(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@", lines[index])
        index += 1
        if hunk:
            old, new = int(hunk.group(1) or 1), int(hunk.group(2) or 1)
            while (old > 0 or new > 0) and index < len(lines):
                line = lines[index]
                old -= not line.startswith(("+", "\\"))
                new -= not line.startswith(("-", "\\"))
                index += 1
        elif not lines[index - 1].startswith(("--- a/", "+++ b/")):
            kept.append(lines[index - 1])
    return "\n".join(kept)


def _runs(text):
    found = []
    for chunk in re.split(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef|\n]", text):
        run = []
        for token in chunk.split() + [""]:
            token = token.strip("()[]{},.;:!?'\"<>")
            if WORD.fullmatch(token) and token not in NAMES:
                run.append(token)
                continue
            found.append(" ".join(run))
            run = []
    return found


def english_runs(text, quoting=""):
    """Runs of three or more English words outside what QUOTED leaves alone and outside the
    words of `quoting` (a log that explain quotes)."""
    text = without_diffs(text)
    for pattern in QUOTED:
        text = pattern.sub(" ", text)
    theirs = " " + " ".join(_runs(quoting)) + " "
    return [run for run in _runs(text) if len(run.split()) >= 3 and " " + run + " " not in theirs]


def test_the_detector_finds_a_sentence_and_leaves_code_and_names():
    assert english_runs("入口  (is_half variable unset, default True; 静态读取文件)") == ["variable unset default True"]
    assert english_runs("  -h, --help  Show this message and exit.") == ["Show this message and exit"]
    assert english_runs("修复: gsv-doctor run -- python GPT_SoVITS/inference_webui.py") == []
    assert english_runs("报错: RuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'") == []
    assert english_runs("gsv-doctor 0.1.0 | Python 3.9.13 | torch 2.0.1+cpu (CPU 版)") == []
    assert english_runs("1. Every clip comes out silent  [symptom-silent-audio]", quoting="Every clip comes out silent.") == []


@pytest.fixture
def zh(monkeypatch, capsys):
    """gsv_doctor.cli.main as the console runs it, under a zh_CN locale: (exit code, stdout + stderr)."""
    from gsv_doctor.cli import main

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "GSV_DOCTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")

    def run(*args, stdin=None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", stdin)
        with pytest.raises(SystemExit) as done:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        return done.value.code, out + err

    return run


@pytest.fixture
def planted(tmp_path, monkeypatch):
    """A cached probe report of this Python (a CPU-only torch 2.0.1): preflight and run use it."""
    monkeypatch.setenv(hook_module.ENV_CACHE_DIR, str(tmp_path / "cache"))
    identity = probecache.identify()
    report = probe_fixtures.cpu_only_torch201()
    report["torch"]["version"] = identity.torch_version or report["torch"]["version"]
    probecache.store(identity, probe_fixtures.typed(report))


def all_chinese(code_and_text, *codes, quoting=""):
    code, text = code_and_text
    assert code in codes, text
    assert CJK.search(text), text
    assert english_runs(text, quoting) == [], text
    return text


HELP = [[], ["check"], ["fix"], ["explain"], ["preflight"], ["run"], ["hook"], ["hook", "install"],
        ["hook", "status"], ["hook", "uninstall"]]


@pytest.mark.parametrize("path", HELP, ids=[" ".join(p) or "gsv-doctor" for p in HELP])
def test_help(zh, path):
    all_chinese(zh(*path, "--help"), 0)


def test_check_in_and_out_of_a_project(zh, tmp_path, monkeypatch):
    root = make_project(tmp_path / "gsv", tts="tts_infer_cuda.yaml")
    (root / "webui.py").write_text("import config\n")
    (root / "api.py").write_text("import config\n")
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    text = all_chinese(zh("check", "--project", root, "--probe-json", saved), 1)
    assert "环境变量 is_half 未设置" in text
    all_chinese(zh("check", "--project", root, "--probe-json", saved, "--markdown"), 1)
    monkeypatch.chdir(tmp_path)
    all_chinese(zh("check", "--probe-json", saved), 0)
    good = probe_fixtures.write(tmp_path / "good.json", "rtx3090")
    all_chinese(zh("check", "--probe-json", good), 0)


def test_check_and_fix_of_files_that_cannot_be_read(zh, tmp_path):
    root = make_project(tmp_path / "gsv", config='is_half = True\nx = (\n')
    (root / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text("custom: [\n")
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    try:
        compile((root / "config.py").read_text(), "config.py", "exec")
    except SyntaxError as error:
        python_says = error.msg  # Python's own words, quoted in ours
    for args in (["check"], ["fix"]):
        code, text = zh(*args, "--project", root, "--probe-json", saved)
        assert code in (1, 2) and "语法错误" in text and english_runs(text, quoting=python_says) == [], text


def test_check_of_an_rvc_folder(zh, tmp_path):
    sys.path.insert(0, str(__import__("conftest").TESTS / "families" / "rvc"))
    from rvc_project import NEW, make_project as make_rvc

    root = make_rvc(tmp_path / "rvc", "class_cpu_keeps_half", NEW)
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    all_chinese(zh("check", "--project", root, "--probe-json", saved), 1)
    all_chinese(zh("fix", "--project", root, "--probe-json", saved), 1)


def test_fix_dry_run_write_and_undo(zh, tmp_path):
    root = make_project(tmp_path / "gsv", tts="tts_infer_cuda.yaml")
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    all_chinese(zh("fix", "--project", root, "--probe-json", saved), 1)
    all_chinese(zh("fix", "--project", root, "--probe-json", saved, "--write", "--yes"), 1)  # inference_webui.py
    all_chinese(zh("fix", "--project", root, "--probe-json", saved), 1)  # still reads the is_half variable
    all_chinese(zh("fix", "--project", root, "--undo"), 0)
    all_chinese(zh("fix", "--project", root, "--undo"), 0)


def test_preflight_and_run(zh, tmp_path, planted):
    good = make_project(tmp_path / "good", config='is_half = False\ninfer_device = "cpu"\n', inference_ui=None)
    all_chinese(zh("preflight", "--project", good), 0)
    bad = make_project(tmp_path / "bad", config='is_half = True\ninfer_device = "cuda"\n', inference_ui=None)
    all_chinese(zh("preflight", "--project", bad), 1)
    all_chinese(zh("run", "--project", bad, "--", sys.executable, "-c", "import sys; sys.exit(__import__('config'))"),
                1, 2)
    all_chinese(zh("run", "--project", good, "--", sys.executable, "-c", "pass"), 0)


def test_preflight_options_and_run_refusals(zh, tmp_path, planted):
    bad = make_project(tmp_path / "bad", config='is_half = True\ninfer_device = "cpu"\n', inference_ui=None)
    all_chinese(zh("preflight", "--project", bad, "--env", "sh"), 0, 1)
    script = bad / "go-webui.bat"
    script.write_bytes(b"runtime\\python.exe -I webui.py zh_CN\r\n")
    all_chinese(zh("preflight", "--project", bad, "--install-into", script), 0)
    all_chinese(zh("preflight", "--project", bad, "--install-into", script), 0)
    all_chinese(zh("run", "--project", bad, "--", sys.executable, "-S", "-c", "pass"), 0, 1, 2)
    all_chinese(zh("run", "--project", bad, "--", sys.executable, "-I", "-c", "pass"), 0, 1, 2)
    all_chinese(zh("preflight", "--project", bad, "--fix"), 0)


def test_json_texts(zh, tmp_path):
    root = make_project(tmp_path / "gsv", tts="tts_infer_cuda.yaml")
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    code, text = zh("check", "--project", root, "--probe-json", saved, "--json")
    document = json.loads(text)
    words = [f[key] for f in document["findings"] for key in ("title", "why", "manual")]
    words += [e["source"] for e in document["entry_points"]]
    assert english_runs("\n".join(words)) == []
    code, text = zh("check", "--project", tmp_path / "nope", "--json")
    assert code == 2 and all_chinese((code, json.loads(text)["errors"][0]["text"]), 2)


def test_explain(zh, tmp_path):
    from conftest import TESTS

    for log in sorted((TESTS / "logs").iterdir()):
        code, text = zh("explain", log, "--no-probe")
        assert code in (0, 1) and english_runs(text, quoting=log.read_text("utf-8", "replace")) == [], (log.name, text)
    all_chinese(zh("explain", "--symptom", "silent-audio", "--no-probe"), 0, 1)


def test_bad_input(zh, tmp_path):
    (tmp_path / "list.json").write_text("[]")
    (tmp_path / "broken.json").write_text("{")
    (tmp_path / "model.pth").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 64)
    for args in (["check", "--project", tmp_path / "nope"], ["check", "--project", tmp_path],
                 ["check", "--probe-json", tmp_path / "list.json"], ["check", "--probe-json", tmp_path / "broken.json"],
                 ["check", "--python", tmp_path / "nope"], ["explain", tmp_path / "nope"], ["explain", tmp_path],
                 ["explain", tmp_path / "model.pth", "--no-probe"], ["check", "--timeout", "0"], ["check", "--bogus"],
                 ["check", "--json", "--markdown"], ["nope"], ["fix", "--force"], ["run"], ["hook"]):
        all_chinese(zh(*args), 2)
    if os.path.exists("/bin/false"):  # not a Python at all
        all_chinese(zh("check", "--python", "/bin/false"), 2)
        all_chinese(zh("explain", "--python", "/bin/false", "--symptom", "silent-audio"), 2)


@pytest.mark.slow
def test_a_python_without_torch(zh, tmp_path):
    from conftest import make_venv

    bare = make_venv(tmp_path / "bare", see_torch=False)
    python_says = "ModuleNotFoundError: No module named 'torch'"  # quoted as that Python said it
    all_chinese(zh("check", "--python", bare), 1, 2, quoting=python_says)
    all_chinese(zh("hook", "install", "--python", bare), 2, quoting=python_says)
    all_chinese(zh("preflight", "--python", bare), 1, 2, quoting=python_says)


@pytest.mark.slow
def test_hook_install_status_uninstall(zh, venv):
    all_chinese(zh("hook", "install", "--python", venv), 0)
    all_chinese(zh("hook", "status", "--python", venv), 0)
    all_chinese(zh("hook", "uninstall", "--python", venv), 0)
    all_chinese(zh("hook", "status", "--python", venv), 0)


@pytest.mark.slow
def test_check_and_explain_probing_this_python(zh, tmp_path):
    root = make_project(tmp_path / "gsv", tts="tts_infer_cuda.yaml")
    all_chinese(zh("check", "--project", root, "--python", sys.executable), 0, 1)
    from conftest import TESTS

    log = TESTS / "logs" / "api_cuda_not_compiled.log"
    code, text = zh("explain", log, "--python", sys.executable)
    assert code in (0, 1) and english_runs(text, quoting=log.read_text("utf-8")) == [], text
