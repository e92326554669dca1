import json
import sys

import pytest

import probe_fixtures as scenarios
from gsv_doctor import probe, target
from gsv_doctor.errors import DoctorError


def test_only_marked_lines_count_and_noise_is_ignored():
    out = (b"Loading...\n" + probe.MARKER.encode() + b'{"section": "probe", "schema": "x"}\n'
           + probe.MARKER.encode() + b"{broken\n" + b"\xff\xfe garbage\n"
           + probe.MARKER.encode() + b'{"section": "config", "is_half": false}\n')
    assert target.parse_sections(out) == {"probe": {"schema": "x"}, "config": {"is_half": False}}


@pytest.mark.slow
def test_probe_source_is_what_the_child_runs():
    result = target.run(sys.executable, timeout=120)
    assert result.report.executable == sys.executable
    assert result.timed_out is False and result.returncode == 0 and result.config is None


def test_load_probe_json_accepts_raw_and_check_documents(tmp_path):
    raw = scenarios.gtx1060()
    (tmp_path / "raw.json").write_text(json.dumps(raw), encoding="utf-8-sig")  # Notepad's BOM
    (tmp_path / "check.json").write_text(json.dumps({"schema": "gsv-doctor/check", "probe": raw}))
    assert target.load_probe_json(str(tmp_path / "raw.json")).to_dict() == raw
    assert target.load_probe_json(str(tmp_path / "check.json")).to_dict() == raw


def test_load_probe_json_refuses_a_newer_schema(tmp_path):
    newer = dict(scenarios.gtx1060(), schema_version=probe.PROBE_SCHEMA_VERSION + 1)
    (tmp_path / "new.json").write_text(json.dumps(newer))
    with pytest.raises(DoctorError, match="newer gsv-doctor"):
        target.load_probe_json(str(tmp_path / "new.json"))


def test_a_folder_with_a_python_inside_resolves_to_it(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    (runtime / "python.exe").write_bytes(b"MZ")
    assert target.resolve_python(str(runtime)) == str(runtime / "python.exe")
    assert target.resolve_python(None) == sys.executable


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX executable bit")
def test_a_bare_name_is_the_interpreter_on_path(tmp_path, monkeypatch):
    """Start scripts write `python`, not a path: `--python python` is the one on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "mypython").write_text("#!/bin/sh\n")
    (bin_dir / "mypython").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.chdir(tmp_path)
    assert target.resolve_python("mypython") == str(bin_dir / "mypython")
    with pytest.raises(DoctorError, match="no such file"):
        target.resolve_python("no-such-python-here")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script as a fake interpreter")
def test_the_probe_child_runs_with_the_installed_hook_switched_off(tmp_path, monkeypatch):
    fake = tmp_path / "python"
    fake.write_text('#!/bin/sh\ncat >/dev/null\necho "%s{\\"section\\": \\"probe\\", \\"schema\\": \\"%s\\", \\"schema_version\\": 1,'
                    ' \\"torch\\": null, \\"devices\\": [], \\"environment\\": {\\"hook\\": \\"$GSV_DOCTOR_HOOK\\"}}"\n'
                    % (probe.MARKER, probe.PROBE_SCHEMA))
    fake.chmod(0o755)
    monkeypatch.setenv("GSV_DOCTOR_HOOK", "1")
    assert target.run(str(fake), timeout=30).report.environment == {"hook": "0"}


@pytest.mark.parametrize("change, message", [
    (lambda r: r.update(schema_version="1"), "whole number"),
    (lambda r: r.update(cuda="yes"), '"cuda" must be an object'),
    (lambda r: r.update(devices=None), "non-empty list"),
    (lambda r: r["devices"][0].update(ops={"float16": {"conv1d": "works"}}), '"status"'),
    (lambda r: r.update(torch=None, error="ModuleNotFoundError: No module named 'torch'"), "could not import torch"),
])
def test_a_malformed_saved_report_is_bad_input(tmp_path, change, message):
    report = scenarios.gtx1660ti()
    change(report)
    (tmp_path / "r.json").write_text(json.dumps(report))
    with pytest.raises(DoctorError, match=message):
        target.load_probe_json(str(tmp_path / "r.json"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlink")
def test_a_relative_path_resolves_to_an_absolute_one(tmp_path, monkeypatch):
    """`--python ./py3`: children start in other folders, and "py3" alone would be looked up on PATH."""
    (tmp_path / "py3").symlink_to(sys.executable)
    monkeypatch.chdir(tmp_path)
    assert target.resolve_python("./py3") == str(tmp_path / "py3")
    (tmp_path / "runtime").mkdir()
    (tmp_path / "runtime" / "python").symlink_to(sys.executable)
    assert target.resolve_python("runtime") == str(tmp_path / "runtime" / "python")
