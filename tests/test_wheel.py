"""A built wheel installs beside the user's own torch without touching it."""
import json
import os
import subprocess
import sys

import pytest

from conftest import REPO_ROOT


def run(*args, **kwargs):
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.slow
def test_wheel_installs_into_an_env_with_torch_without_touching_torch(tmp_path, venv):
    build = tmp_path / "build"
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp_path / "dist",
        REPO_ROOT, env=dict(os.environ, TMPDIR=str(build.parent)))
    [wheel] = list((tmp_path / "dist").glob("gsv_doctor-*.whl"))
    # An environment that sees this torch (wherever it is installed) and has no pip of its
    # own: a fresh venv's old setuptools would shadow the one torch requires.
    python = venv
    where = "import json, torch; print(json.dumps([torch.__version__, torch.__file__]))"
    before = run(python, "-c", where, cwd=tmp_path).stdout
    installed = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-index", wheel, cwd=tmp_path)
    assert "torch" not in installed.stdout.split("Successfully installed")[-1]
    assert run(python, "-c", where, cwd=tmp_path).stdout == before
    version = run(python, "-m", "gsv_doctor", "--version", cwd=tmp_path).stdout
    assert json.loads(before)[0] and "gsv-doctor, version" in version
    files = run(python, "-c", "import gsv_doctor, os; print(os.listdir(os.path.dirname(gsv_doctor.__file__)))",
                cwd=tmp_path).stdout
    assert "probe.py" in files and "tests" not in files


def test_ci_runs_the_readmes_two_commands_in_a_fresh_venv():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## For contributors"):]
    block = section.split("```")[1].strip().splitlines()
    assert block == ['python -m pip install "torch==2.13.0" -e ".[test]"', "python -m pytest"]
    ci = [line.strip() for line in (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert ci[-2:] == block  # the last two lines, exactly as written
    venv = next(i for i, line in enumerate(ci) if line.startswith("python -m venv "))
    assert any(line.startswith(". ") and "activate" in line for line in ci[venv:-2])
