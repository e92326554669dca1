import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def venv(tmp_path):
    root = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(root)], check=True)
    return root / "bin" / "python"


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


def test_text_status_names_the_ops(run_cli, venv, tmp_path):
    from conftest import child_env

    env = child_env(GSV_DOCTOR_CACHE_DIR=str(tmp_path / "cache"))
    run_cli("hook", "install", "--python", venv, env=env)
    done = run_cli("hook", "status", "--python", venv, env=env)
    from gsv_doctor.hook import ALL_OPS

    assert f"active, {len(ALL_OPS)} ops" in done.stdout and "conv1d" in done.stdout
    done = run_cli("hook", "status", "--python", venv, env=child_env(GSV_DOCTOR_HOOK="0"))
    assert "NOT active (GSV_DOCTOR_HOOK=0)" in done.stdout


def test_a_missing_python_is_a_usage_error(run_cli, tmp_path):
    done = run_cli("hook", "install", "--python", tmp_path / "nope")
    assert done.returncode == 2
    assert done.stderr.startswith("gsv-doctor: --python")
    assert "Traceback" not in done.stderr
