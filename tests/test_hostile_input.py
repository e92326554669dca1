"""Inputs that used to end in a traceback: each is now a message with a documented exit code."""
import ast
import os
import subprocess
import sys

import pytest
from conftest import FIXTURES, REPO_ROOT, child_env
from hypothesis import example, given, settings
from hypothesis import strategies as st

import probe_fixtures
from gsv_doctor.families.gpt_sovits import configpy

NOT_TEXT = ["rot13", "hex", "base64", "zlib", "uu", "punycode", "bz2", "quopri", "idna"]


@pytest.mark.parametrize("codec", NOT_TEXT)
def test_a_coding_cookie_that_is_not_a_text_encoding_is_read_as_text(codec):
    raw = f"# -*- coding: {codec} -*-\nis_half = True\ninfer_device = 'cuda'\n".encode()
    text, encoding = configpy.decode(raw)
    assert text.encode(encoding) == raw


@pytest.mark.parametrize("codec", ["rot13", "base64", "punycode"])
def test_check_and_fix_with_such_a_cookie_give_no_traceback(tmp_path, codec, run_cli):
    root = tmp_path / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_text(f"# coding: {codec}\nis_half = True\ninfer_device = 'cuda'\n")
    (root / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text(
        f"# coding: {codec}\ncustom:\n  device: cuda\n  is_half: true\n")
    (root / "webui.py").write_text("import config\n")
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    for args in (["check"], ["fix"], ["preflight"]):
        done = run_cli(*args, "--project", root, *(["--probe-json", saved] if args[0] != "preflight" else []))
        assert "Traceback" not in done.stderr and done.returncode in (0, 1, 2), (args, done.stderr)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["is_half", "infer_device", "x", "é", "名字"]),
                          st.sampled_from(["True", "'cpu'", "'中文'", "1", "\"\\u00e9\"", "f(1, 'ü')"])),
                min_size=1, max_size=30),
       st.sampled_from(["; ", ";", " ; "]), st.booleans())
def test_value_sources_match_the_text_on_any_line_layout(statements, separator, one_line):
    """Offsets are computed once per line now (linear), not by ast.get_source_segment per
    statement (quadratic on one long line); they must give the same text."""
    body = (separator if one_line else "\n").join(f"{name} = {value}" for name, value in statements) + "\n"
    text = "def f(*a): return a\n" + body
    facts = configpy.parse_config(text.encode("utf-8"))
    tree = ast.parse(text)
    expected = [ast.get_source_segment(text, node.value) for node in ast.walk(tree)
                if isinstance(node, ast.Assign) and node.targets[0].id in ("is_half", "infer_device")]
    assert sorted(a.value_source for a in facts.assignments) == sorted(expected)


def test_config_parsing_does_not_use_the_quadratic_segment_lookup(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ast.get_source_segment is quadratic on a long line")

    monkeypatch.setattr(ast, "get_source_segment", refuse)
    path = tmp_path / "config.py"
    path.write_text("; ".join(f"x{i} = {i}" for i in range(2000)) + "; is_half = True; infer_device = 'cpu'\n")
    facts = configpy.read_config(path)
    assert [a.value_source for a in facts.assignments] == ["True", "'cpu'"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_output_to_a_full_disk_is_a_message_that_says_what_was_written(tmp_path):
    root = tmp_path / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_bytes((FIXTURES / "configs" / "constants_spaced.py").read_bytes())
    (root / "webui.py").write_text("import config\n")
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    for args, written in ((["check", "--probe-json", saved], False), (["fix", "--probe-json", saved, "--write"], True),
                          (["fix", "--undo"], True)):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "gsv_doctor", *map(str, args), "--project", str(root)],
                                  stdout=full, stderr=subprocess.PIPE, text=True, env=child_env(), cwd=REPO_ROOT,
                                  timeout=120)
        assert done.returncode == 2 and "could not write the output" in done.stderr, args
        assert "Traceback" not in done.stderr
        assert ("already changed, as planned: " + str(root / "config.py") in done.stderr) is written


def test_hook_uninstall_from_a_read_only_site_packages_is_a_message(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    from gsv_doctor import cli, hookinstall

    site = tmp_path / "site-packages"
    site.mkdir()
    location = hookinstall.Location(python=sys.executable, executable=sys.executable, purelib=str(site),
                                    version="3.11", site_enabled=True, reads_pth=True)
    location.module_path.write_text(hookinstall.module_source())
    location.pth_path.write_text(hookinstall.MARKER + "\n" + hookinstall.PTH_LINE + "\n")
    monkeypatch.setattr(hookinstall, "locate", lambda python=None: location)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(SystemExit) as done:
        cli.main(["hook", "uninstall"])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "Cannot remove the hook" in err and "Permission denied" in err
    assert "Traceback" not in err


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script as a fake interpreter")
@settings(max_examples=25, deadline=None)
@given(section=st.sampled_from(["hello", "probe", "config"]), key=st.sampled_from(["version", "torch", "python",
                                                                                    "devices", "is_half"]),
       value=JSON)
@example(section="hello", key="version", value=["a", "b"])
def test_a_python_that_prints_malformed_probe_sections_is_a_message(tmp_path_factory, section, key, value):
    import json

    from gsv_doctor import probe, target
    from gsv_doctor.errors import DoctorError

    line = probe.MARKER + json.dumps({"section": section, key: value})
    fake = tmp_path_factory.mktemp("python") / "python"
    fake.write_text("#!/bin/sh\ncat >/dev/null\ncat <<'EOF'\n" + line + "\nEOF\n")
    fake.chmod(0o755)
    result = target.run(str(fake), timeout=30)
    try:
        target.require_torch(result)
    except DoctorError:
        pass
