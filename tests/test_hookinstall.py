import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import make_venv
from gsv_doctor import hookinstall
from gsv_doctor.errors import DoctorError


def snapshot(directory):
    """Every file below `directory` with a hash of its bytes (and every folder)."""
    result = {}
    for path in sorted(Path(directory).rglob("*")):
        key = str(path.relative_to(directory))
        result[key] = hashlib.sha1(path.read_bytes()).hexdigest() if path.is_file() else "<dir>"
    return result


def start(python, code, env=None, **extra):
    """The target Python started as go-webui.bat starts it: isolated mode (-I)."""
    environ = dict(os.environ, **extra) if env is None else env
    return subprocess.run([str(python), "-I", "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, env=environ)


def test_locate_asks_the_target_interpreter(venv):
    location = hookinstall.locate(str(venv))
    assert Path(location.purelib).is_relative_to(venv.parent.parent)
    assert location.site_enabled and location.reads_pth
    assert location.version == "%d.%d" % sys.version_info[:2]


def test_install_then_uninstall_leaves_site_packages_as_it_was(venv):
    purelib = Path(hookinstall.locate(str(venv)).purelib)
    (purelib / "someone_else.pth").write_text("# not ours\n")
    before = snapshot(purelib)

    state = hookinstall.install(str(venv))
    assert state.installed and state.current
    assert (purelib / "gsv_doctor_hook.pth").read_text().startswith(hookinstall.MARKER)
    assert (purelib / "gsv_doctor_hook.py").read_text().startswith(hookinstall.MARKER)
    assert oct((purelib / "gsv_doctor_hook.py").stat().st_mode & 0o777) == "0o644"
    assert snapshot(purelib) != before
    assert hookinstall.install(str(venv)).installed  # again: still one copy, no error

    touched = hookinstall.uninstall(str(venv))
    assert str(purelib / "gsv_doctor_hook.pth") in touched
    assert snapshot(purelib) == before
    assert hookinstall.uninstall(str(venv)) == []


def test_a_foreign_file_is_moved_aside_and_put_back(venv):
    purelib = Path(hookinstall.locate(str(venv)).purelib)
    foreign = purelib / "gsv_doctor_hook.pth"
    foreign.write_text("import os\n")
    before = snapshot(purelib)

    state = hookinstall.install(str(venv))
    assert state.backups == [str(foreign) + hookinstall.BACKUP_SUFFIX]
    assert foreign.read_text().startswith(hookinstall.MARKER)
    hookinstall.uninstall(str(venv))
    assert snapshot(purelib) == before


def test_the_pth_line_is_processed_by_site_the_way_site_reads_it(venv):
    hookinstall.install(str(venv))
    lines = [line for line in hookinstall.pth_source().splitlines() if line and not line.startswith("#")]
    assert len(lines) == 1 and lines[0].startswith("import ")  # site exec()s exactly such lines


def test_isolated_start_loads_the_hook_without_importing_torch(venv):
    hookinstall.install(str(venv))
    done = start(venv, """
        import sys
        print('torch' in sys.modules, 'gsv_doctor_hook' in sys.modules)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
    assert done.stderr == ""


@pytest.mark.slow
def test_hook_patches_when_the_program_imports_torch_and_runs_half_in_a_worker_thread(venv, tmp_path):
    hookinstall.install(str(venv))
    # A GPT-SoVITS-like program: imports torch, builds a model, calls .half() on the CPU,
    # runs it from a pool thread. It knows nothing about the hook.
    program = """
        import concurrent.futures, sys, torch
        torch.manual_seed(0)
        model = torch.nn.Sequential(torch.nn.Conv1d(4, 8, 3), torch.nn.GELU(), torch.nn.GroupNorm(2, 8))
        x = torch.randn(1, 4, 32)
        def infer(model, x):
            with torch.no_grad():  # as an inference handler does, in its own thread
                return model(x)
        reference = infer(model, x)
        model = model.half()
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            y = pool.submit(infer, model, x.half()).result()
        hook = sys.modules['gsv_doctor_hook'].status()
        print(y.dtype, float((y.float() - reference).abs().max()) < 0.02, hook['active'], hook['kept_float32_models'])
        print(torch.nn.functional.conv1d._gsv_doctor_hook, next(model.parameters()).dtype)
    """
    done = start(venv, program, GSV_DOCTOR_CACHE_DIR=str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr
    # .half() on the CPU kept the model in float32: its results are float32
    assert done.stdout.split() == ["torch.float32", "True", "True", "1", "True", "torch.float32"]



def test_a_broken_hook_module_costs_one_line_and_start_up_goes_on(venv):
    hookinstall.install(str(venv))
    module = Path(hookinstall.locate(str(venv)).purelib) / "gsv_doctor_hook.py"
    module.write_text(module.read_text().splitlines()[0] + "\nraise RuntimeError('boom')\n")
    done = start(venv, "print('alive')")
    assert done.returncode == 0
    assert done.stdout.strip() == "alive"
    assert done.stderr.strip().splitlines() == [
        "gsv-doctor hook: not active (RuntimeError: boom); running without it."]


SCAN_FILE = """
    import gsv_doctor_hook, torch
    path = gsv_doctor_hook.scan_path(torch)
    gsv_doctor_hook._save(path, {"schema": gsv_doctor_hook.SCAN_SCHEMA, "torch": torch.__version__, "ops": %r})
    print(path)
"""


@pytest.mark.slow
def test_a_failure_at_torch_import_costs_one_line_and_torch_runs_unpatched(venv, tmp_path):
    hookinstall.install(str(venv))
    cache = tmp_path / "cache"
    # A cached op scan that makes install() fail: the program must not notice.
    made = start(venv, SCAN_FILE % ["numpy.exp"], GSV_DOCTOR_HOOK="0", GSV_DOCTOR_CACHE_DIR=str(cache))
    assert made.returncode == 0, made.stderr
    done = start(venv, """
        import torch
        print(torch.nn.functional.conv1d(torch.ones(1, 1, 3), torch.ones(1, 1, 1)).sum().item())
    """, GSV_DOCTOR_CACHE_DIR=str(cache))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3.0"
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gsv-doctor hook: not active (ValueError")


@pytest.mark.slow
def test_ops_come_from_the_cached_op_scan(venv, tmp_path):
    hookinstall.install(str(venv))
    cache = tmp_path / "cache"
    made = start(venv, SCAN_FILE % ["torch.exp"], GSV_DOCTOR_HOOK="0", GSV_DOCTOR_CACHE_DIR=str(cache))
    assert made.returncode == 0, made.stderr
    # transformers asks find_spec("torch") long before it imports torch: the hook must wait.
    done = start(venv, "import importlib.util, sys; importlib.util.find_spec('torch'); import torch;"
                 " print(sys.modules['gsv_doctor_hook'].status()['ops'][-1])", GSV_DOCTOR_CACHE_DIR=str(cache))
    assert done.stdout.strip() == "torch.exp", done.stderr


def test_status_reports_files_and_what_is_active_in_the_target(venv, tmp_path, monkeypatch):
    monkeypatch.setenv("GSV_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    state = hookinstall.status(str(venv))
    assert not state.installed and state.in_target is None
    hookinstall.install(str(venv))
    state = hookinstall.status(str(venv))
    assert state.installed and state.current and not state.disabled_by_env
    assert state.in_target["status"]["active"] is True
    assert 20 < len(state.in_target["status"]["ops"]) <= len(hookinstall.hook.ALL_OPS)  # no scan in tests
    monkeypatch.setenv("GSV_DOCTOR_HOOK", "0")
    state = hookinstall.status(str(venv))
    assert state.disabled_by_env and state.in_target["status"]["active"] is False


def test_an_outdated_copy_is_reported(venv):
    hookinstall.install(str(venv))
    module = Path(hookinstall.locate(str(venv)).purelib) / "gsv_doctor_hook.py"
    module.write_text(module.read_text() + "\n# changed\n")
    state = hookinstall.status(str(venv), ask_target=False)
    assert state.installed and not state.current


def test_a_python_that_ignores_pth_files_is_refused(venv, monkeypatch):
    location = hookinstall.locate(str(venv))
    location.reads_pth = False
    monkeypatch.setattr(hookinstall, "locate", lambda python=None: location)
    with pytest.raises(DoctorError, match="does not read .pth files"):
        hookinstall.install(str(venv))
    assert not location.pth_path.exists()


def test_a_bad_python_path_is_a_doctor_error(tmp_path):
    with pytest.raises(DoctorError, match="no such file"):
        hookinstall.locate(str(tmp_path / "nope"))


def test_installs_and_starts_on_python_39_without_torch(tmp_path):
    """GPT-SoVITS's bundled Python is 3.9: the hook module must load there, and a missing
    torch must fail exactly as it would without the hook."""
    base = Path(os.path.expanduser("~/.pyenv/versions"))
    found = sorted(base.glob("3.9.*/bin/python")) if base.is_dir() else []
    if not found:
        pytest.skip("no Python 3.9 here")
    python = make_venv(tmp_path / "venv39", found[0], see_torch=False)
    hookinstall.install(str(python))
    done = start(python, """
        import sys
        print('gsv_doctor_hook' in sys.modules)
        try:
            import torch
        except ImportError as error:
            print(type(error).__name__, error)
    """)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.splitlines() == ["True", "ModuleNotFoundError No module named 'torch'"]
