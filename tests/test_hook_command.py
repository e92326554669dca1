import json
from pathlib import Path

import pytest


@pytest.mark.slow
def test_install_status_uninstall_round_trip(run_cli, venv, tmp_path):
    from conftest import child_env

    env = child_env(GSV_DOCTOR_CACHE_DIR=str(tmp_path / "cache"))
    done = run_cli("hook", "install", "--python", venv, env=env)
    assert done.returncode == 0, done.stderr
    assert "Installed the gsv-doctor hook into" in done.stdout
    assert "gsv_doctor_hook.pth" in done.stdout

    done = run_cli("hook", "status", "--python", venv, "--json", env=env)
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout)
    assert state["installed"] is True and state["current"] is True
    assert state["in_target"]["status"]["active"] is True
    assert Path(state["location"]["pth_path"]).is_file()

    done = run_cli("hook", "uninstall", "--python", venv, env=env)
    assert done.returncode == 0, done.stderr
    assert "Removed the gsv-doctor hook" in done.stdout
    assert not Path(state["location"]["pth_path"]).exists()

    done = run_cli("hook", "status", "--python", venv, env=env)
    assert done.returncode == 0
    assert done.stdout.startswith("Not installed in")
    done = run_cli("hook", "uninstall", "--python", venv, env=env)
    assert "nothing to do" in done.stdout


def test_text_status_names_the_ops_and_the_reason():
    from gsv_doctor.commands.hook import render_status
    from gsv_doctor.hook import ALL_OPS
    from gsv_doctor.hookinstall import HookState, Location

    location = Location("/p/python", "/p/python", "/p/site-packages", "3.9", True, True)
    active = {"torch": "2.0.1+cpu", "error": None, "status": {
        "active": True, "ops": list(ALL_OPS), "reason": "the catalog and every float16 module (no op scan)"}}
    text = render_status(HookState(location, True, True, in_target=active))
    assert text.splitlines()[0] == "Installed in /p/site-packages (Python 3.9, /p/python)."
    assert f"active, {len(ALL_OPS)} ops - the catalog and every float16 module (no op scan)." in text
    assert "F.conv1d, " in text and "torch.conv1d, " in text and "Tensor.__matmul__, " in text

    off = {"torch": "2.0.1+cpu", "error": None, "status": {"active": False, "ops": [], "reason": None, "error": None}}
    text = render_status(HookState(location, True, False, in_target=off, disabled_by_env=True))
    assert "modified or from another gsv-doctor version" in text
    assert "NOT active (GSV_DOCTOR_HOOK=0)" in text

    text = render_status(HookState(location, False, False, foreign=["/p/site-packages/gsv_doctor_hook.pth"]))
    assert text.startswith("Not installed in /p/site-packages")
    assert "not ours, left alone: /p/site-packages/gsv_doctor_hook.pth" in text


def test_a_missing_python_is_a_usage_error(run_cli, tmp_path):
    done = run_cli("hook", "install", "--python", tmp_path / "nope")
    assert done.returncode == 2
    assert done.stderr.startswith("gsv-doctor: --python")
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_status_of_a_broken_module_shows_what_the_target_printed(run_cli, venv, tmp_path):
    from conftest import child_env

    env = child_env(GSV_DOCTOR_CACHE_DIR=str(tmp_path / "cache"))
    assert run_cli("hook", "install", "--python", venv, env=env).returncode == 0
    state = json.loads(run_cli("hook", "status", "--python", venv, "--json", env=env).stdout)
    module = Path(state["location"]["module_path"])
    header = module.read_text().splitlines()[:2]
    module.write_text("\n".join(header) + "\nraise RuntimeError('boom')\n")
    done = run_cli("hook", "status", "--python", venv, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "modified or from another gsv-doctor version" in lines[0]
    assert "NOT active; that Python printed:" in done.stdout
    assert "  gsv-doctor hook: not active (RuntimeError: boom); running without it." in lines
    assert "not loaded" not in done.stdout
    done = run_cli("hook", "status", "--python", venv, "--json", env=env)
    assert json.loads(done.stdout)["in_target"]["hook_messages"] == [
        "gsv-doctor hook: not active (RuntimeError: boom); running without it."]


def test_every_reason_the_hook_gives_is_said_in_chinese():
    import ast
    import re

    from gsv_doctor import hook
    from gsv_doctor.commands.hook import reason_text

    tree = ast.parse(open(hook.__file__, encoding="utf-8").read())
    reasons = ["the catalog and every float16 module"]  # install()'s default
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "install" and len(node.args) > 1:
            said = node.args[1]
            reasons.append(said.value if isinstance(said, ast.Constant) else said.left.value % 7)  # "... %d ops" % n
    assert len(reasons) >= 4
    for reason in reasons:
        assert re.search(r"[\u4e00-\u9fff]", reason_text(reason, "zh")), reason
        assert reason_text(reason, "en") == reason
    assert reason_text("something a later hook says", "zh") == "something a later hook says"
