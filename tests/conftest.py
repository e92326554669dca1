import os
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
sys.path.insert(0, str(TESTS))
# Probe reports that check / preflight cache go to a folder of this test run, never ~/.cache;
# child processes inherit it.
os.environ["GSV_DOCTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="gsv-doctor-test-cache-")


def child_env(**extra):
    """An environment whose Python finds this checkout's gsv_doctor first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def torch_home() -> str:
    """The folder the running torch is imported from (a site-packages), without importing torch."""
    import importlib.util

    spec = importlib.util.find_spec("torch")
    assert spec is not None and spec.origin, "the tests need torch in the Python that runs them"
    return os.path.dirname(os.path.dirname(spec.origin))


def make_venv(root: Path, base: str = sys.executable, see_torch: bool = True) -> Path:
    """A fresh venv made by `base`, without pip; returns its python. With `see_torch`, a .pth
    line in its own site-packages adds the folder of the running torch. `--system-site-packages`
    would not do: when the tests run inside a venv, the "system" is the base Python, which has
    no torch; a .pth line finds it wherever it is installed."""
    subprocess.run([str(base), "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if see_torch:
        purelib = subprocess.run([str(python), "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        (Path(purelib) / "outer_torch.pth").write_text(torch_home() + "\n", encoding="utf-8")
    return python


@pytest.fixture
def venv(tmp_path) -> Path:
    """The python of a throwaway venv that sees this torch; its site-packages is its own."""
    return make_venv(tmp_path / "venv")


@pytest.fixture
def run_cli():
    """Run `python -m gsv_doctor ARGS` as a user would; returns the CompletedProcess."""

    def run(*args, env=None, input=None, cwd=None, timeout=180):
        return subprocess.run(
            [sys.executable, "-m", "gsv_doctor", *map(str, args)],
            capture_output=True, text=True, env=env or child_env(), input=input,
            cwd=cwd or REPO_ROOT, timeout=timeout, encoding="utf-8",
        )

    return run


@pytest.fixture
def assert_no_backtracking_hang():
    """Search a hostile line with a pattern and fail if it takes seconds. A hang guard, not a speed goal: the lines
    are sized so the quadratic forms these patterns once had take 15 s to minutes and the linear ones under 0.2 s."""
    import time

    def search(regex, line, expect_match=None):
        start = time.perf_counter()
        found = regex.search(line)
        elapsed = time.perf_counter() - start
        assert elapsed < 5, (regex.pattern[:60], elapsed)
        if expect_match is not None:
            assert bool(found) == expect_match
        return found

    return search


# -- helper "hook" --
# The hook's op scan (seconds of CPU per torch build) runs only in the tests that ask for it.
os.environ.setdefault("GSV_DOCTOR_HOOK_SCAN", "0")
