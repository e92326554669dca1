"""The hook against a real old torch: Debian's torch 1.13.1 for /usr/bin/python3 (CI: apt-get
install python3-torch). No emulation: whatever that build lacks in float16 on the CPU, the
layer model below runs into without the hook."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import TESTS, child_env
from gsv_doctor import hookinstall

SYSTEM_PYTHON = "/usr/bin/python3"
pytestmark = pytest.mark.slow


def _system_torch():
    if not os.path.exists(SYSTEM_PYTHON):
        return None
    done = subprocess.run([SYSTEM_PYTHON, "-c", "import torch; print(torch.__version__)"], capture_output=True,
                          text=True, timeout=300)
    return done.stdout.strip() if done.returncode == 0 else None


@pytest.fixture(scope="module")
def system_torch():
    version = _system_torch()
    if version is None:
        pytest.skip("%s has no torch (CI: apt-get install -y python3-torch)" % SYSTEM_PYTHON)
    return version


@pytest.fixture(scope="module")
def scan_cache(tmp_path_factory):
    """One op scan of the system torch for this module's tests (the scan is keyed on the build)."""
    return str(tmp_path_factory.mktemp("scan-cache"))


def test_every_gsv_layer_type_fails_unhooked_and_matches_float32_hooked(system_torch, scan_cache):
    env = child_env(GSV_DOCTOR_CACHE_DIR=scan_cache, GSV_DOCTOR_HOOK_SCAN="1")
    done = subprocess.run([SYSTEM_PYTHON, str(TESTS / "real_torch_layers.py")], capture_output=True, text=True,
                          env=env, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "not implemented for 'Half'" in result["unhooked"]  # the real old build fails without the hook
    assert result["hook_ops"] > 100  # the catalog plus what the scan of 1.13 found
    for key, snr in list(result["snr_db"].items()) + list(result["late_snr_db"].items()):
        assert snr >= 40.0, (key, result)
    assert result["top_equal"] and result["sample_equal"] and result["late_top_equal"]
    assert result["half_weights_left"] == 0 and result["late_half_weights"] == 0  # no float16 copy kept


def test_installed_pth_hook_runs_float16_ops_that_fail_on_this_torch(system_torch, scan_cache, tmp_path,
                                                                     monkeypatch):
    root = tmp_path / "venv"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", "--system-site-packages", str(root)], check=True)
    python = root / "bin" / "python"
    monkeypatch.setenv("GSV_DOCTOR_CACHE_DIR", scan_cache)
    monkeypatch.setenv("GSV_DOCTOR_HOOK_SCAN", "1")
    state = hookinstall.install(str(python))
    assert state.scan and "ops fail or are inexact" in state.scan, state.scan
    program = textwrap.dedent("""
        import sys, torch, torch.nn.functional as F
        x = torch.linspace(-3, 3, 64).half()
        checks = [F.softplus(x), torch.tanh(x), x.sigmoid(), F.leaky_relu(x, 0.1), x.clamp(min=0.0), x.exp(),
                  F.silu(x), F.mish(x), x.cumsum(0), torch.topk(x, 3)[0], F.relu(x)]
        ok = all(torch.allclose(c.float(), r, atol=1e-2, rtol=1e-2) for c, r in zip(checks, [
            F.softplus(x.float()), torch.tanh(x.float()), x.float().sigmoid(), F.leaky_relu(x.float(), 0.1),
            x.float().clamp(min=0.0), x.float().exp(), F.silu(x.float()), F.mish(x.float()), x.float().cumsum(0),
            torch.topk(x.float(), 3)[0], F.relu(x.float())]))
        status = sys.modules["gsv_doctor_hook"].status()
        print(ok, status["active"], "torch.Tensor.exp" in status["ops"])
    """)
    done = subprocess.run([str(python), "-I", "-c", program], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ))
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["True", "True", "True"]
    unhooked = subprocess.run([str(python), "-I", "-c", program], capture_output=True, text=True, timeout=600,
                              env=dict(os.environ, GSV_DOCTOR_HOOK="0"))
    assert "not implemented for 'Half'" in unhooked.stderr
