import os
import signal
import subprocess
import sys
import textwrap
import time

import probe_fixtures
import pytest
from conftest import REPO_ROOT, child_env
from gsv_project import make_project

from gsv_doctor import hook, probecache
from gsv_doctor.commands.run import isolated

GOOD_CONFIG = 'is_half = False\ninfer_device = "cpu"\n'


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """A warm cache (a torch 2.0.1-like CPU machine) and a project whose config.py is fine."""
    cache = tmp_path / "cache"
    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(cache))
    identity = probecache.identify()
    report = probe_fixtures.cpu_only_torch201()
    report["torch"]["version"] = identity.torch_version or report["torch"]["version"]  # None: a Python without torch
    probecache.store(identity, probe_fixtures.typed(report))
    project = make_project(tmp_path / "gsv", config=GOOD_CONFIG)
    return project, child_env(GSV_DOCTOR_CACHE_DIR=str(cache))


def gsv_run(project, env, *command, **popen):
    args = [sys.executable, "-m", "gsv_doctor", "run", "--project", str(project), "--", *command]
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120, **popen)


def test_exit_code_and_environment_pass_through(setup):
    project, env = setup
    code = "import os, sys; print(os.environ.get('is_half'), os.environ.get('GSV_DOCTOR_HOOK')); sys.exit(7)"
    done = gsv_run(project, env, sys.executable, "-c", code)
    assert done.returncode == 7, done.stderr
    assert done.stdout.split() == ["False", "1"]
    assert done.stderr.startswith("gsv-doctor run: hook active; is_half=False; starting ")
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr  # nothing from the sitecustomize


@pytest.mark.slow
def test_the_hook_is_active_in_the_child_after_it_imports_torch(setup):
    project, env = setup
    code = textwrap.dedent("""
        import sys, torch
        x = torch.nn.functional.gelu(torch.ones(3).half())
        print(sys.modules['gsv_doctor_hook'].status()['active'], x.dtype)
    """)
    done = gsv_run(project, env, sys.executable, "-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "torch.float16"]


def test_an_existing_sitecustomize_still_runs(setup, tmp_path):
    project, env = setup
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "sitecustomize.py").write_text("import os\nos.environ['THEIRS'] = 'ran'\n")
    env = dict(env, PYTHONPATH=os.pathsep.join([str(theirs), env["PYTHONPATH"]]))
    code = "import os, sys; print(os.environ.get('THEIRS'), 'gsv_doctor_hook' in sys.modules)"
    done = gsv_run(project, env, sys.executable, "-c", code)
    assert done.stdout.split() == ["ran", "True"], done.stderr


def test_death_by_signal_is_reported_as_a_shell_does(setup):
    project, env = setup
    done = gsv_run(project, env, sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
    assert done.returncode == 128 + signal.SIGKILL


def test_sigterm_to_gsv_doctor_reaches_the_command(setup):
    project, env = setup
    code = textwrap.dedent("""
        import signal, sys, time
        signal.signal(signal.SIGTERM, lambda *a: (print('child got TERM', flush=True), sys.exit(3)))
        print('ready', flush=True)
        time.sleep(60)
    """)
    args = [sys.executable, "-m", "gsv_doctor", "run", "--project", str(project), "--", sys.executable, "-c", code]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT)
    try:
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert "child got TERM" in out
    assert process.returncode == 3


def test_a_launch_that_would_fail_is_not_started(setup, tmp_path):
    project, env = setup
    (project / "config.py").write_text('is_half = True\ninfer_device = "cuda"\n')
    marker = tmp_path / "started"
    done = gsv_run(project, env, sys.executable, "-c", f"open({str(marker)!r}, 'w')")
    assert done.returncode == 1
    assert "[config-device-unusable]" in done.stderr and "Not started" in done.stderr
    assert not marker.exists()


def test_float16_on_the_cpu_in_config_is_covered_by_the_hook(setup):
    project, env = setup
    (project / "config.py").write_text('is_half = True\ninfer_device = "cpu"\n')
    assert gsv_run(project, env, sys.executable, "-c", "pass").returncode == 0
    off = gsv_run(project, dict(env, GSV_DOCTOR_HOOK="0"), sys.executable, "-c", "pass")
    assert off.returncode == 1 and "[config-half-on-cpu]" in off.stderr


def test_isolated_python_with_the_installed_hook_is_covered(setup, venv):
    from gsv_doctor import hookinstall

    project, env = setup
    (project / "config.py").write_text('is_half = True\ninfer_device = "cpu"\n')
    hookinstall.install(str(venv))
    env = dict(env, PATH=f"{venv.parent}{os.pathsep}{env['PATH']}")
    # `run` checks the Python the command starts: give that one a cached report too.
    identity = probecache.identify(str(venv))
    report = probe_fixtures.cpu_only_torch201()
    report["torch"]["version"] = identity.torch_version or report["torch"]["version"]  # None: a Python without torch
    probecache.store(identity, probe_fixtures.typed(report))
    done = gsv_run(project, env, "python", "-I", "-c", "import sys; print('gsv_doctor_hook' in sys.modules)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    assert "ignore PYTHONPATH" not in done.stderr


def test_isolated_python_without_the_installed_hook_gets_a_warning(setup):
    project, env = setup
    (project / "config.py").write_text('is_half = True\ninfer_device = "cpu"\n')
    done = gsv_run(project, env, sys.executable, "-I", "-c", "pass")
    assert "ignore PYTHONPATH" in done.stderr
    assert done.returncode == 1  # the hook cannot reach it, so float16 on the CPU still crashes


def test_the_python_a_command_starts_is_found():
    from gsv_doctor.commands.run import python_of

    assert python_of([sys.executable, "webui.py"]) == sys.executable
    assert python_of(["sh", "start.sh"]) is None
    assert python_of(["no-such-program-here"]) is None


@pytest.mark.parametrize("command, expected", [
    (["python", "-I", "webui.py"], True), (["python", "-sI", "webui.py"], True),
    (["python", "-E", "webui.py"], True), (["python", "-u", "webui.py"], False),
    (["python", "webui.py", "-I"], False), (["python", "-c", "-I"], False), (["webui.sh"], False),
    (["python", "-X", "utf8", "-I", "webui.py"], True), (["python", "-Xutf8", "-I", "webui.py"], True),
    (["python", "-W", "ignore", "-E", "webui.py"], True), (["python", "-uX", "utf8", "-I", "webui.py"], True),
    (["python", "--check-hash-based-pycs", "never", "-I", "webui.py"], True),
    (["python", "-S", "webui.py"], True), (["python3.9", "-u", "-S", "webui.py"], True),
    (["python", "-X", "I", "webui.py"], False), (["python", "-W", "E", "webui.py"], False),
    (["python", "-m", "webui", "-I"], False), (["python", "-Ic", "pass"], True),
    (["runtime\\python.exe", "-X", "utf8", "-I", "webui.py"], True), (["sh", "-S", "x"], False),
])
def test_isolated_detection(command, expected):
    assert isolated(command) is expected


def test_a_python_with_an_option_value_before_I_is_seen_as_isolated(setup):
    project, env = setup
    done = gsv_run(project, env, sys.executable, "-X", "utf8", "-I", "-c", "pass")
    assert "ignore PYTHONPATH" in done.stderr
    assert "hook active" not in done.stderr


@pytest.mark.slow  # run preflights that venv's Python: a cold cache, so a probe importing torch
def test_no_site_means_no_hook_even_when_installed(setup, venv):
    from gsv_doctor import hookinstall

    project, env = setup
    hookinstall.install(str(venv))
    code = "import sys; print('gsv_doctor_hook' in sys.modules)"
    done = gsv_run(project, env, str(venv), "-S", "-c", code)
    assert done.stdout.strip() == "False"  # what the warning says: the .pth did not run
    assert "runs with -S" in done.stderr and "hook off" in done.stderr and "hook active" not in done.stderr


# Today's shape of GPT-SoVITS, reproduced: config.py picks the CPU itself, TTS_Config falls back
# to the CPU and turns is_half off there, the inference UI checks CUDA before float16.
TODAY_CONFIG = ('import torch\ncuda = torch.cuda.is_available()\n'
                'infer_device = torch.device("cuda:0" if cuda else "cpu")\nis_half = cuda\n')
TODAY_TTS = '''import torch
class TTS_Config:
    def __init__(self, configs):
        self.device = configs.get("device")
        if "cuda" in str(self.device) and not torch.cuda.is_available():
            self.device = torch.device("cpu")
        self.is_half = configs.get("is_half")
        if str(self.device) == "cpu" and self.is_half:
            self.is_half = False
'''
UI_NO_CUDA_CHECK = 'import os\nimport torch\nis_half = eval(os.environ.get("is_half", "True"))\n'


def _today(setup, config=TODAY_CONFIG, ui=None):
    project, env = setup
    make_project(project, config=config, inference_ui=ui)
    (project / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_text("custom:\n  device: cuda\n  is_half: true\n")
    (project / "GPT_SoVITS" / "TTS_infer_pack").mkdir(exist_ok=True)
    (project / "GPT_SoVITS" / "TTS_infer_pack" / "TTS.py").write_text(TODAY_TTS)
    (project / "webui.py").write_text("print('webui started')\n")
    (project / "api_v2.py").write_text("print('api_v2 started')\n")
    return project, env


def test_todays_shape_starts_webui_and_api_v2(setup):
    project, env = _today(setup)
    env.pop("is_half", None)
    for script in ("webui.py", "api_v2.py"):
        done = gsv_run(project, env, sys.executable, str(project / script))
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == script[:-3] + " started"


def test_run_judges_only_the_program_it_starts(setup):
    # A direct start of this inference UI would run float16 on the CPU; webui.py is fine.
    project, env = _today(setup, config=GOOD_CONFIG, ui=UI_NO_CUDA_CHECK)
    env = dict(env, is_half="True", GSV_DOCTOR_HOOK="0")  # no hook: nothing covers the direct start
    done = gsv_run(project, env, sys.executable, str(project / "webui.py"))
    assert done.returncode == 0 and done.stdout.strip() == "webui started", done.stderr
    ui = project / "GPT_SoVITS" / "inference_webui.py"
    ui.write_text(UI_NO_CUDA_CHECK + "print('ui started', is_half)\n")
    done = gsv_run(project, env, sys.executable, str(ui))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ui started False"  # run exported is_half=False, which this UI reads


def test_run_judges_api_from_its_command_line(setup):
    project, env = setup
    (project / "config.py").write_text('is_half = True\ninfer_device = "cuda"\n')  # CUDA on a CPU-only machine
    (project / "api.py").write_text("import sys\nprint('api started', sys.argv[1:])\n")
    api = str(project / "api.py")
    assert gsv_run(project, env, sys.executable, api).returncode == 1  # config.py's cuda: refused
    done = gsv_run(project, env, sys.executable, api, "-d", "cpu", "-fp")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "api started ['-d', 'cpu', '-fp']"
    off = gsv_run(project, dict(env, GSV_DOCTOR_HOOK="0"), sys.executable, api, "-d", "cpu")
    assert off.returncode == 1 and "[api-flags-half-on-cpu]" in off.stderr and "api started" not in off.stdout
    assert "-fp" in off.stderr
    assert gsv_run(project, env, sys.executable, api, "-d", "cpu").returncode == 0  # the hook covers it


def test_run_refuses_a_launch_line_naming_a_device_this_torch_cannot_use(setup):
    project, env = setup  # a torch without CUDA
    (project / "api.py").write_text("import sys\nprint('api started', sys.argv[1:])\n")
    refused = gsv_run(project, env, sys.executable, str(project / "api.py"), "-d", "cuda", "-fp")
    assert refused.returncode == 1 and "[launch-device-unusable]" in refused.stderr
    assert "api started" not in refused.stdout
    done = gsv_run(project, env, sys.executable, str(project / "api.py"), "-d", "cpu", "-fp")
    assert done.returncode == 0 and "api started" in done.stdout, done.stderr


def test_run_judges_a_tool_from_its_own_switch(setup):
    project, env = setup
    tool = project / "GPT_SoVITS" / "stream_tool.py"
    tool.write_text('import argparse, sys\nif __name__ == "__main__":\n    parser = argparse.ArgumentParser()\n'
                    '    parser.add_argument("--no-half", action="store_true")\n    args = parser.parse_args()\n'
                    '    is_half = not args.no_half\n    print("tool started", is_half)\n')
    off = dict(env, GSV_DOCTOR_HOOK="0")
    refused = gsv_run(project, off, sys.executable, str(tool))
    assert refused.returncode == 1 and "[tool-half-on-cpu]" in refused.stderr and "--no-half" in refused.stderr
    done = gsv_run(project, off, sys.executable, str(tool), "--no-half")
    assert done.returncode == 0 and done.stdout.strip() == "tool started False", done.stderr


def test_run_refuses_a_config_that_dies_on_import_and_names_the_fix(setup):
    config = 'import torch\nis_half = True\ninfer_device = "cpu"\nname = torch.cuda.get_device_name(0)\n'
    project, env = _today(setup, config=config)
    done = gsv_run(project, env, sys.executable, str(project / "webui.py"))
    assert done.returncode == 1 and "webui started" not in done.stdout
    assert "config.py:4" in done.stderr and "Not started. Fix: gsv-doctor fix --write" in done.stderr
    assert "gsv-doctor run" not in done.stderr.split("Not started.")[1]  # advice never points back at run


def test_an_option_run_does_not_have_is_a_usage_error_not_a_program(tmp_path, monkeypatch, capsys):
    from gsv_doctor.cli import main

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "GSV_DOCTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as done:
        main(["run", "--json", "--", str(tmp_path / "nonexistent")])
    out, err = capsys.readouterr()
    assert done.value.code == 2 and "No such option: --json" in err and "Could not start" not in err
