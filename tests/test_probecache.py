import json
import os
import sys

import probe_fixtures
import pytest

from gsv_doctor import hook, probecache
from gsv_doctor.errors import DoctorError


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(tmp_path / "cache"))
    return tmp_path / "cache"


def fitting_report(identity):
    report = probe_fixtures.cpu_only_torch201()
    report["torch"]["version"] = identity.torch_version or report["torch"]["version"]  # None: a Python without torch
    return report


def test_identity_of_this_interpreter_names_its_torch_build():
    import torch

    identity = probecache.identify()
    assert identity.executable == sys.executable
    assert identity.torch_dir == os.path.dirname(torch.__file__)
    assert identity.torch_version == torch.__version__
    assert identity.key == hook.cache_key(sys.executable, identity.torch_dir)


def test_identity_changes_with_visible_devices():
    assert probecache.identify(environ={}).key != probecache.identify(environ={"CUDA_VISIBLE_DEVICES": "1"}).key


def test_identity_of_another_interpreter_is_asked_without_importing_torch(venv):
    python = str(venv)
    identity = probecache.identify(python)
    assert identity.executable == python
    assert identity.torch_version == probecache.identify().torch_version
    assert identity.key != probecache.identify().key  # another interpreter: its own report


def test_store_then_load_round_trip_and_what_is_refused(cache):
    identity = probecache.identify()
    assert probecache.load(identity) is None
    report = fitting_report(identity)
    path = probecache.store(identity, probe_fixtures.typed(report))
    assert path == identity.path and path.startswith(str(cache))
    assert probecache.load(identity).to_dict() == report
    for broken in ("not json", json.dumps({"schema": "other"}),
                   json.dumps(dict(report, schema_version=99)),
                   json.dumps(dict(report, torch=dict(report["torch"], version="1.0.0")))):
        with open(path, "w") as handle:
            handle.write(broken)
        assert probecache.load(identity) is None


def test_torch_version_is_read_from_the_file(tmp_path):
    (tmp_path / "version.py").write_text("__version__ = '2.0.1+cu118'\ndebug = False\n")
    assert probecache.torch_version(str(tmp_path)) == "2.0.1+cu118"
    (tmp_path / "version.py").write_text("__version__: str = '2.5.0'\n")
    assert probecache.torch_version(str(tmp_path)) == "2.5.0"
    assert probecache.torch_version(str(tmp_path / "missing")) is None
    assert probecache.torch_version(None) is None


def test_a_probe_that_gives_no_report_is_a_doctor_error(monkeypatch):
    from gsv_doctor import target

    identity = probecache.identify()
    monkeypatch.setattr(target, "run", lambda *a, **k: target.ProbeRun(
        identity.python, None, None, True, None, "", 1.0))
    with pytest.raises(DoctorError, match="gave no report"):
        probecache.probe_and_store(identity, timeout=1)
    assert probecache.load(identity) is None


@pytest.mark.slow
def test_a_probe_report_names_the_same_cache_entry_as_asking_the_interpreter():
    from gsv_doctor import target

    run = target.run(sys.executable, timeout=120)
    assert probecache.identify_from_report(sys.executable, run.report) == probecache.identify()
