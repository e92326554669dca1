"""Python 3.9 is the floor (GPT-SoVITS ships its own, older Python); keep it honest."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO_ROOT

PYENV = os.path.expanduser("~/.pyenv/versions")


def interpreter(version):
    found = [os.path.join(PYENV, v, "bin", "python") for v in sorted(os.listdir(PYENV)) if v.startswith(version + ".")] \
        if os.path.isdir(PYENV) else []
    return found[0] if found else shutil.which(f"python{version}")


@pytest.mark.parametrize("version", ["3.9", "3.12"])
def test_package_compiles_on(version, tmp_path):
    python = interpreter(version)
    if not python:
        pytest.skip(f"no Python {version} here")
    done = subprocess.run([python, "-m", "compileall", "-q", "-d", "gsv_doctor", str(REPO_ROOT / "gsv_doctor")],
                          capture_output=True, text=True, env=dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path)))
    assert done.returncode == 0, done.stdout + done.stderr


def test_vermin_finds_nothing_newer_than_39():
    run_vermin = "import sys, vermin; sys.argv[0] = 'vermin'; sys.exit(vermin.main())"
    done = subprocess.run([sys.executable, "-c", run_vermin, "--no-tips", "--violations", "--eval-annotations",
                           "--target=3.9-", "--backport", "dataclasses", str(REPO_ROOT / "gsv_doctor")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_probe_runs_torch_free_on_39_and_says_torch_is_missing():
    python = interpreter("3.9")
    if not python:
        pytest.skip("no Python 3.9 here")
    from gsv_doctor import target

    result = target.run(python, timeout=60)
    assert result.report.torch is None
    assert result.report.python_version.startswith("3.9")
    assert "No module named 'torch'" in result.report.error


def test_runtime_modules_are_ascii():
    for name in ("probe.py", "hook.py"):
        path = REPO_ROOT / "gsv_doctor" / name
        if path.exists():
            path.read_bytes().decode("ascii")
