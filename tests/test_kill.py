"""gsv-doctor killed at every step of `fix --write` and `fix --undo`: the files are always the
original or the complete fix, and a later `fix --undo` always brings back the original bytes.

The kill is exact: a forked copy of this process counts the file-system calls a run makes and
dies (os._exit, as a SIGKILL leaves it: no cleanup, no finally) at call k, for every k.
benchmarks/kill_loop.py does the same with real SIGKILLs at random times.
"""
import os
import sys

import pytest
from conftest import FIXTURES

import probe_fixtures
from gsv_doctor import cli

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

CONFIGS = FIXTURES / "configs"
TTS = "GPT_SoVITS/configs/tts_infer.yaml"
STEPS = ("open", "write", "fsync", "link", "replace", "rename", "unlink", "chmod", "ftruncate")


def make_project(tmp_path):
    root = tmp_path / "GPT-SoVITS"
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True)
    (root / "config.py").write_bytes((CONFIGS / "constants_bom_zh.py").read_bytes())
    (root / TTS).write_bytes((CONFIGS / "tts_infer_crlf_comments.yaml").read_bytes())
    (root / "webui.py").write_text("import config\n")
    return root


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_killed_at(step, args):
    """Run `gsv-doctor ARGS` in a fork that dies at its `step`-th file-system call (0: never).
    Returns True when it was killed."""
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            calls = [0]

            def counted(real):
                def call(*a, **k):
                    calls[0] += 1
                    if calls[0] == step:
                        os._exit(99)
                    return real(*a, **k)

                return call

            for name in STEPS:
                setattr(os, name, counted(getattr(os, name)))
            devnull = open(os.devnull, "w")
            sys.stdout = sys.stderr = devnull
            cli.main(args)
        except SystemExit as done:
            code = done.code or 0
        except BaseException:
            code = 98
        os._exit(code if isinstance(code, int) and code < 90 else 97)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
    assert code in (0, 99), f"gsv-doctor failed (exit {code}) when not killed at step {step}"
    return code == 99


@pytest.fixture
def cli_args(tmp_path, monkeypatch):
    monkeypatch.delenv("is_half", raising=False)
    saved = probe_fixtures.write(tmp_path / "probe.json", "cpu-torch201")
    root = make_project(tmp_path)
    return root, ["fix", "--project", str(root), "--probe-json", str(saved), "--write", "--yes"], \
        ["fix", "--project", str(root), "--undo"]


@pytest.mark.slow
def test_killed_at_every_step_of_fix_and_undo(cli_args):
    root, write, undo = cli_args
    original = snapshot(root)
    assert not run_killed_at(0, write)
    fixed = {name: data for name, data in snapshot(root).items() if name in original}
    assert fixed["config.py"] != original["config.py"] and fixed[TTS] != original[TTS]
    assert not run_killed_at(0, undo)
    assert snapshot(root) == original

    for args, prepare in ((write, None), (undo, write)):
        step = 1
        while True:
            if prepare:
                assert not run_killed_at(0, prepare)
            killed = run_killed_at(step, args)
            now = snapshot(root)
            for name in original:  # every user file: the original or the whole fix, never a part
                assert now[name] in (original[name], fixed[name]), (args[-1], step, name)
            if step % 4 == 0:  # a fix after the kill is fine too
                assert not run_killed_at(0, write)
            assert not run_killed_at(0, undo)  # and undo brings back every original byte
            assert snapshot(root) == original, (args[-1], step)
            if not killed:
                break
            step += 1
        assert step > 10  # the run was really cut at each of its steps
