import subprocess
import sys
import textwrap

import probe_fixtures
import pytest
from conftest import REPO_ROOT, child_env
from gsv_project import make_project

from gsv_doctor import hook, preflight, probecache, target
from gsv_doctor.diagnose import diagnose

GOOD_CONFIG = 'is_half = False\ninfer_device = "cpu"\n'


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(folder))
    return folder


def plant(scenario="cpu_only_torch201"):
    """Cache a saved probe report as if this interpreter's torch had produced it."""
    identity = probecache.identify()
    report = getattr(probe_fixtures, scenario)()
    report["torch"]["version"] = identity.torch_version or report["torch"]["version"]  # None: a Python without torch
    probecache.store(identity, probe_fixtures.typed(report))
    return report


def cli(*args, cache_dir, **extra):
    return subprocess.run([sys.executable, "-m", "gsv_doctor", *map(str, args)], capture_output=True, text=True,
                          env=child_env(GSV_DOCTOR_CACHE_DIR=str(cache_dir), **extra), cwd=REPO_ROOT, timeout=120)


def test_warm_cache_preflight_imports_no_torch_and_starts_no_child(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config=GOOD_CONFIG, inference_ui=None)
    code = textwrap.dedent(f"""
        import subprocess, sys
        def refuse(*args, **kwargs):
            raise AssertionError("preflight started a child process")
        subprocess.Popen.__init__ = refuse
        from gsv_doctor.cli import main
        try:
            main(["preflight", "--project", {str(project)!r}])
        except SystemExit as done:
            sys.stderr.write("exit=%s torch=%s\\n" % (done.code, "torch" in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT,
                          env=child_env(GSV_DOCTOR_CACHE_DIR=str(cache_dir)), timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "exit=0 torch=False", done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gsv-doctor preflight: OK (")
    assert "cached probe" in lines[0] and "child processes need is_half=False (--env)" in lines[0]


def test_a_launch_that_would_crash_exits_1_with_the_findings(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config="constants_spaced.py")
    done = cli("preflight", "--project", project, cache_dir=cache_dir)
    assert done.returncode == 1, done.stderr
    assert "this launch would fail" in done.stdout
    assert "[config-device-unusable]" in done.stdout
    assert "Torch not compiled with CUDA enabled" in done.stdout


def test_fix_applies_the_fix_and_then_passes(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config="constants_spaced.py")
    before = (project / "config.py").read_bytes()
    done = cli("preflight", "--project", project, "--fix", cache_dir=cache_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fixed" in done.stdout and "config.py" in done.stdout
    assert (project / "config.py").read_bytes() != before
    assert b"".join(p.read_bytes() for p in project.glob("config.py*") if p.name != "config.py") == before
    assert cli("preflight", "--project", project, cache_dir=cache_dir).returncode == 0


def test_env_prints_assignments_on_stdout_and_status_on_stderr(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config=GOOD_CONFIG, inference_ui=None)
    for shell, line in (("sh", "export is_half=False"), ("cmd", 'set "is_half=False"'),
                        ("powershell", '$env:is_half = "False"')):
        done = cli("preflight", "--project", project, "--env", shell, cache_dir=cache_dir)
        assert done.returncode == 0
        assert done.stdout.strip() == line
        assert done.stderr.startswith("gsv-doctor preflight: OK")


def test_a_cold_cache_probes_once_then_answers_from_the_cache(tmp_path, cache_dir, monkeypatch):
    calls = []
    report = probe_fixtures.rtx3090()
    report["torch"]["version"] = probecache.identify().torch_version

    def fake_run(python, project_root=None, timeout=None):
        calls.append(python)
        return target.ProbeRun(python, probe_fixtures.typed(report), None, False, 0, "", 2.0)

    monkeypatch.setattr(target, "run", fake_run)
    project = make_project(tmp_path / "gsv", config=GOOD_CONFIG, inference_ui=None)
    first = preflight.run_preflight(str(project))
    second = preflight.run_preflight(str(project))
    assert (first.cached, second.cached) == (False, True)
    assert len(calls) == 1
    assert second.report.to_dict() == report and second.env == {}  # an RTX 3090 runs float16: no is_half export
    preflight.run_preflight(str(project), refresh=True)
    assert len(calls) == 2


@pytest.mark.parametrize("scenario, unusable", [
    ("rtx3090", False), ("gtx1660ti", True), ("cpu_only_new", True), ("cpu_only_torch201", True),
])
def test_is_half_is_exported_only_where_float16_cannot_work(scenario, unusable):
    diagnosis = diagnose(probe_fixtures.typed(getattr(probe_fixtures, scenario)()), None)
    assert preflight.half_unusable(diagnosis) is unusable


BAT = (b"@echo off\r\nchcp 65001\r\nset \"SCRIPT_DIR=%~dp0\"\r\nREM \xc6\xf4\xb6\xaf webui.py\r\n"
       b"runtime\\python.exe -I webui.py zh_CN\r\npause\r\n")
BAT_LINE = (b'"%~dp0runtime\\python.exe" -m gsv_doctor preflight --python "%~dp0runtime\\python.exe"'
            b' --project "%~dp0." || (pause & exit /b 1)')


def test_install_into_a_bat_keeps_bytes_and_line_endings_and_a_backup(tmp_path):
    script = tmp_path / "go-webui.bat"
    script.write_bytes(BAT)  # GBK comment, CRLF
    backup = preflight.install_into(str(script))
    new = script.read_bytes()
    lines = new.split(b"\r\n")
    index = lines.index(b"runtime\\python.exe -I webui.py zh_CN")
    assert lines[index - 1] == BAT_LINE  # the runtime's own Python, found from the script's folder
    assert new.replace(BAT_LINE + b"\r\n", b"") == BAT
    assert open(backup, "rb").read() == BAT
    assert preflight.install_into(str(script)) is None  # already there: unchanged
    assert script.read_bytes() == new


def test_a_script_in_a_project_is_restored_by_fix_undo(tmp_path, cache_dir):
    project = make_project(tmp_path / "gsv", config=GOOD_CONFIG)
    script = project / "go-webui.bat"
    script.write_bytes(BAT)
    preflight.install_into(str(script))
    assert script.read_bytes() != BAT
    done = cli("fix", "--project", project, "--undo", cache_dir=cache_dir)
    assert done.returncode == 0, done.stderr
    assert script.read_bytes() == BAT
    assert sorted(p.name for p in project.iterdir()) == ["GPT_SoVITS", "config.py", "go-webui.bat"]


@pytest.mark.parametrize("name, launch, expected", [
    ("go-webui.bat", '"%~dp0runtime\\python.exe" -I webui.py',
     '"%~dp0runtime\\python.exe" -m gsv_doctor preflight --python "%~dp0runtime\\python.exe" --project "%~dp0."'
     ' || (pause & exit /b 1)'),
    ("go-webui.bat", "python webui.py",
     '"python" -m gsv_doctor preflight --python "python" --project "%~dp0." || (pause & exit /b 1)'),
    ("go-webui.ps1", "& python webui.py zh_CN",
     '& "python" -m gsv_doctor preflight --python "python" --project "$PSScriptRoot";'
     ' if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }'),
    ("go-webui.ps1", "& .\\runtime\\python.exe -I webui.py zh_CN",
     '& "$PSScriptRoot\\runtime\\python.exe" -m gsv_doctor preflight --python "$PSScriptRoot\\runtime\\python.exe"'
     ' --project "$PSScriptRoot"; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }'),
    ("start.sh", "exec ./venv/bin/python3 webui.py",
     './venv/bin/python3 -m gsv_doctor preflight --python ./venv/bin/python3 --project "$gsv_doctor_dir" || exit $?'),
])
def test_the_line_runs_gsv_doctor_in_the_launch_lines_python(tmp_path, name, launch, expected):
    script = tmp_path / name
    script.write_text(f"{launch}\n")
    preflight.install_into(str(script))
    lines = script.read_text().splitlines()
    assert lines[lines.index(launch) - 1] == expected


@pytest.mark.parametrize("name, launch, quoted", [
    ("go-webui.bat", "%PYTHON% webui.py", f'"{sys.executable}"'),
    ("go-webui.ps1", "& $env:PY webui.py", f"& '{sys.executable}'"),
    ("start.sh", '"$PY" webui.py', sys.executable),
])
def test_an_unknown_interpreter_becomes_the_one_running_gsv_doctor(tmp_path, name, launch, quoted):
    script = tmp_path / name
    script.write_text(f"{launch}\n")
    preflight.install_into(str(script))
    lines = script.read_text().splitlines()
    line = lines[lines.index(launch) - 1]
    assert line.startswith(f"{quoted} -m gsv_doctor preflight --project ")
    assert "--python" not in line


@pytest.mark.parametrize("name, text, kind", [
    ("go-webui.ps1", "$ErrorActionPreference = 'Stop'\n& python webui.py zh_CN\n", "powershell"),
    ("start.sh", "#!/bin/sh\nset -e\ncd \"$(dirname \"$0\")\"\npython webui.py\n", "sh"),
])
def test_install_into_other_scripts(tmp_path, name, text, kind):
    script = tmp_path / name
    script.write_text(text)
    preflight.install_into(str(script))
    lines = script.read_text().splitlines()
    launch = next(i for i, line in enumerate(lines) if "webui.py" in line and "gsv_doctor" not in line)
    assert lines[launch - 1] == preflight.preflight_line(kind, preflight.launch_python(lines[launch].encode(), kind))
    if kind == "sh":  # the script's folder is taken before the script's own `cd`
        assert lines[:3] == ["#!/bin/sh", "set -e", preflight.SH_DIR_LINE]


def test_install_into_a_missing_script_is_a_usage_error(tmp_path, cache_dir):
    done = cli("preflight", "--install-into", tmp_path / "nope.bat", cache_dir=cache_dir)
    assert done.returncode == 2
    assert "no such file" in done.stderr and "Traceback" not in done.stderr


def test_the_preflight_line_for_sh_really_gates_a_script(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config="constants_spaced.py")
    script = project / "start.sh"
    (project / "webui.py").write_text("print('launched')\n")
    script.write_text(f"#!/bin/sh\ncd \"$(dirname \"$0\")\"\n{sys.executable} webui.py\n")
    preflight.install_into(str(script))
    assert f"{sys.executable} -m gsv_doctor preflight --python {sys.executable} " in script.read_text()
    env = child_env(GSV_DOCTOR_CACHE_DIR=str(cache_dir))
    done = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and "launched" not in done.stdout
    assert cli("preflight", "--project", project, "--fix", cache_dir=cache_dir).returncode == 0
    done = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and "launched" in done.stdout, done.stderr


def test_a_sh_script_that_changes_folder_works_from_another_folder(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config=GOOD_CONFIG)
    script = project / "start.sh"
    (project / "webui.py").write_text("print('launched')\n")
    script.write_text(f"#!/bin/sh\ncd \"$(dirname \"$0\")\"\n{sys.executable} webui.py\n")
    preflight.install_into(str(script))
    assert f"{sys.executable} -m gsv_doctor preflight --python {sys.executable} " in script.read_text()
    env = child_env(GSV_DOCTOR_CACHE_DIR=str(cache_dir))
    done = subprocess.run(["sh", "gsv/start.sh"], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "launched" in done.stdout and f"project {project}" in done.stdout


def test_the_readme_shows_the_lines_install_into_writes(tmp_path):
    """README.md's start-script lines are exactly what --install-into writes for its examples."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Lines for start scripts"):]
    blocks = [block.split("```", 1)[0] for block in section.split("```")[1::2][:3]]
    cases = [("go-webui.bat", "runtime\\python.exe -I webui.py zh_CN"),
             ("go-webui.ps1", '& "$PSScriptRoot\\runtime\\python.exe" -I webui.py zh_CN'),
             ("start.sh", "cd \"$(dirname \"$0\")\"\npython webui.py")]
    for block, (name, launch) in zip(blocks, cases):
        script = tmp_path / name
        script.write_text(f"{launch}\n")
        preflight.install_into(str(script))
        written = [line for line in script.read_text().splitlines() if line not in launch.splitlines()]
        shown = [line for line in block.splitlines()[1:] if line and not line.startswith(("#", "::"))]
        assert shown[:len(written)] == written, name
        script.unlink()
        for backup in tmp_path.glob(name + ".gsv-doctor-*.bak"):
            backup.unlink()


def test_failure_lists_exactly_the_errors_it_counts(tmp_path, cache_dir):
    plant()
    project = make_project(tmp_path / "gsv", config="constants_spaced.py", tts="tts_infer_cuda.yaml")
    done = cli("preflight", "--project", project, "--lang", "en", cache_dir=cache_dir)
    header, body = done.stdout.splitlines()[0], done.stdout
    listed = body.count("\n  ERROR ")
    assert done.returncode == 1 and f"({listed} error(s))" in header
    assert "[entry-point-half-on-cpu]" not in body  # answered by the is_half=False it computes
