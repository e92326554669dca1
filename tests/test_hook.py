import concurrent.futures
import gc
import re
import threading

import old_torch
import pytest
import torch
import torch.nn.functional as F

from gsv_doctor import hook

# Max abs error of a hooked float16 model against the float32 model, on its unit-scale
# (layer-normed) outputs. float16 storage of weights and activations alone costs about
# 0.003-0.008 here; float16 arithmetic in the long sums (positional conv, attention)
# would cost far more.
TOLERANCE = 0.02


@pytest.fixture(autouse=True)
def clean():
    hook.uninstall()
    yield
    hook.uninstall()
    old_torch.uninstall()


def hubert(config, seed=0):
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(seed)
    return transformers.HubertModel(config).eval()


def tiny_config(**extra):
    transformers = pytest.importorskip("transformers")
    return transformers.HubertConfig(
        hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
        conv_dim=(32, 32, 32), conv_stride=(5, 2, 2), conv_kernel=(10, 3, 3),
        num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=4, **extra)


def in_worker_thread(function):
    """Run like a Gradio handler: in a pool thread, not the one that installed the hook."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function).result()


def forward(model, audio):
    with torch.no_grad():
        return model(audio).last_hidden_state


@pytest.mark.parametrize("attention", ["eager", "sdpa"])
def test_half_hubert_crashes_on_old_torch_and_runs_hooked_in_a_worker_thread(attention):
    config = tiny_config(attn_implementation=attention)
    audio = torch.randn(1, 4000, generator=torch.Generator().manual_seed(1))
    reference = forward(hubert(config), audio)

    old_torch.install()
    with pytest.raises(RuntimeError, match="\"slow_conv2d_cpu\" not implemented for 'Half'"):
        in_worker_thread(lambda: forward(hubert(config).half(), audio.half()))

    hook.install()  # after the emulation: the hook wraps the failing functions
    model = hubert(config).half()  # built after install, as under the .pth activation
    output = in_worker_thread(lambda: forward(model, audio.half()))

    assert output.dtype == torch.float32  # .half() on the CPU kept the model in float32
    assert float((output.float() - reference).abs().max()) < TOLERANCE


def test_tolerance_holds_for_a_hubert_base_shaped_model():
    transformers = pytest.importorskip("transformers")
    # The default (HuBERT-base) layout: 512-channel conv encoder, 768 wide, 12 heads,
    # weight-normed positional conv of kernel 128 in 16 groups; 2 layers instead of 12.
    config = transformers.HubertConfig(num_hidden_layers=2)
    audio = torch.randn(1, 16000, generator=torch.Generator().manual_seed(2))
    reference = forward(hubert(config), audio)

    model = hubert(config).half()  # float16 weights before the hook: turned into float32 on use
    old_torch.install()
    hook.install()
    output = in_worker_thread(lambda: forward(model, audio.half()))

    assert all(p.dtype == torch.float32 for p in model.parameters())
    assert torch.isfinite(output).all()
    assert float((output.float() - reference).abs().max()) < TOLERANCE


def _inputs():
    generator = torch.Generator().manual_seed(3)

    def r(*shape):
        return torch.randn(*shape, generator=generator).half()

    return r


# Each call looks the op up when it runs, so it goes through whatever is patched then.
CALLS = {
    "conv1d": lambda r: (lambda *a, **k: F.conv1d(*a, **k), (r(1, 4, 16), r(4, 4, 3)), {"padding": 1}),
    "conv2d": lambda r: (lambda *a, **k: F.conv2d(*a, **k), (r(1, 2, 8, 8), r(3, 2, 3, 3)), {}),
    "conv3d": lambda r: (lambda *a, **k: F.conv3d(*a, **k), (r(1, 2, 4, 4, 4), r(3, 2, 2, 2, 2)), {}),
    "conv_transpose1d": lambda r: (lambda *a, **k: F.conv_transpose1d(*a, **k), (r(1, 4, 8), r(4, 2, 4)), {"stride": 2}),
    "conv_transpose2d": lambda r: (lambda *a, **k: F.conv_transpose2d(*a, **k), (r(1, 4, 5, 5), r(4, 2, 3, 3)), {}),
    "linear": lambda r: (lambda *a, **k: F.linear(*a, **k), (r(3, 8), r(5, 8), r(5)), {}),
    "layer_norm": lambda r: (lambda *a, **k: F.layer_norm(*a, **k), (r(3, 8), (8,)), {"weight": r(8), "bias": r(8)}),
    "group_norm": lambda r: (lambda *a, **k: F.group_norm(*a, **k), (r(2, 8, 4), 4), {}),
    "gelu": lambda r: (lambda *a, **k: F.gelu(*a, **k), (r(4, 8),), {}),
    "softmax": lambda r: (lambda *a, **k: F.softmax(*a, **k), (r(4, 8),), {"dim": -1}),
    "log_softmax": lambda r: (lambda *a, **k: F.log_softmax(*a, **k), (r(4, 8),), {"dim": -1}),
    "sdpa": lambda r: (lambda *a, **k: F.scaled_dot_product_attention(*a, **k), (r(1, 2, 4, 8), r(1, 2, 4, 8), r(1, 2, 4, 8)), {}),
    "bmm": lambda r: (lambda *a, **k: torch.bmm(*a, **k), (r(2, 3, 4), r(2, 4, 5)), {}),
    "baddbmm": lambda r: (lambda *a, **k: torch.baddbmm(*a, **k), (r(2, 3, 5), r(2, 3, 4), r(2, 4, 5)), {}),
    "matmul": lambda r: (lambda *a, **k: torch.matmul(*a, **k), (r(3, 4), r(4, 5)), {}),
    "at": lambda r: (lambda a, b: a @ b, (r(2, 3, 4), r(2, 4, 5)), {}),
    "torch.conv1d": lambda r: (lambda *a, **k: torch.conv1d(*a, **k), (r(1, 4, 16), r(4, 4, 3)), {}),
    "torch.conv2d": lambda r: (lambda *a, **k: torch.conv2d(*a, **k), (r(1, 2, 8, 8), r(3, 2, 3, 3)), {}),
    "torch.conv_transpose1d": lambda r: (lambda *a, **k: torch.conv_transpose1d(*a, **k), (r(1, 4, 8), r(4, 2, 4)), {}),
    "torch.softmax": lambda r: (lambda *a, **k: torch.softmax(*a, **k), (r(4, 8), -1), {}),
    "torch.log_softmax": lambda r: (lambda *a, **k: torch.log_softmax(*a, **k), (r(4, 8), -1), {}),
    "mm": lambda r: (lambda *a, **k: torch.mm(*a, **k), (r(3, 4), r(4, 5)), {}),
    "addmm": lambda r: (lambda *a, **k: torch.addmm(*a, **k), (r(5), r(3, 4), r(4, 5)), {}),
    "einsum": lambda r: (lambda *a: torch.einsum("bij,bjk->bik", *a), (r(2, 3, 4), r(2, 4, 5)), {}),
    "Tensor.matmul": lambda r: (lambda a, b: a.matmul(b), (r(2, 3, 4), r(2, 4, 5)), {}),
    "Tensor.softmax": lambda r: (lambda a: a.softmax(-1), (r(4, 8),), {}),
    "Tensor.log_softmax": lambda r: (lambda a: a.log_softmax(dim=-1), (r(4, 8),), {}),
    "pad_reflect": lambda r: (lambda *a, **k: F.pad(*a, **k), (r(1, 4, 16), (3, 3)), {"mode": "reflect"}),
    "interpolate": lambda r: (lambda *a, **k: F.interpolate(*a, **k), (r(1, 4, 16),), {"scale_factor": 2.0}),
    "norm": lambda r: (lambda a: a.norm(dim=-1), (r(4, 64),), {}),
    "stft": lambda r: (lambda *a, **k: torch.stft(*a, **k), (r(1, 256),), {"n_fft": 32, "window": r(32), "return_complex": True}),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_op_computes_in_float32_and_returns_float16(name):
    function, args, kwargs = CALLS[name](_inputs())
    upcast = [a.float() if isinstance(a, torch.Tensor) else a for a in args]
    upcast_kwargs = dict((k, v.float() if isinstance(v, torch.Tensor) else v) for k, v in kwargs.items())
    expected = function(*upcast, **upcast_kwargs)

    old_torch.install()
    hook.install()
    result = function(*args, **kwargs)

    if expected.is_complex():  # CPU has no complex float16 stft: the caller gets complex64
        assert result.dtype == torch.complex64
        assert torch.equal(result, expected)
    else:
        assert result.dtype == torch.float16
        assert torch.equal(result, expected.half())  # bit-identical: float32 math, one rounding


def test_float16_window_and_stft_work_on_the_cpu():
    old_torch.install()
    with pytest.raises(RuntimeError, match="cos_vml_cpu"):
        torch.hann_window(32, dtype=torch.float16)
    hook.install()
    window = torch.hann_window(32, dtype=torch.float16)
    assert window.dtype == torch.float16
    assert torch.equal(window, torch.hann_window(32).half())
    spectrum = torch.stft(torch.randn(1, 256).half(), n_fft=32, window=window, return_complex=True)
    assert torch.isfinite(spectrum.abs()).all()


def test_float32_and_non_cpu_calls_reach_the_original_with_the_same_objects(monkeypatch):
    seen = []

    def spy(*args, **kwargs):
        seen.append((args, kwargs))
        return args[0]

    monkeypatch.setattr(F, "gelu", spy)
    hook.install()
    x = torch.randn(3)
    assert F.gelu(x, approximate="tanh") is x
    assert seen[-1][0][0] is x and seen[-1][1] == {"approximate": "tanh"}
    b = torch.randn(3).bfloat16()
    assert F.gelu(b) is b
    assert seen[-1][0][0] is b
    hook.uninstall()  # before monkeypatch puts the real gelu back
    assert F.gelu is spy


def test_explicit_dtype_and_out_are_respected():
    old_torch.install()
    hook.install()
    x = torch.randn(4, 8).half()
    assert F.softmax(x, dim=-1, dtype=torch.float32).dtype == torch.float32
    out = torch.empty(2, 3, 5, dtype=torch.float16)
    a, b = torch.randn(2, 3, 4).half(), torch.randn(2, 4, 5).half()
    returned = torch.bmm(a, b, out=out)
    assert returned is out
    assert torch.equal(out, torch.bmm(a.float(), b.float()).half())


def scripted_attention(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    h = F.gelu(F.linear(x, w))
    h = F.layer_norm(h, [h.shape[-1]]) + F.group_norm(h.unsqueeze(0), 1)[0]
    return torch.matmul(F.softmax(h, dim=-1), h.transpose(0, 1)) + torch.einsum("ij,jk->ik", h, w) + h.softmax(-1) @ w


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # torch.jit.script is deprecated on new torch
def test_torchscript_still_compiles_code_that_calls_patched_ops():
    hook.install()
    function = torch.jit.script(scripted_attention)
    module = torch.jit.script(torch.nn.Sequential(torch.nn.Conv1d(4, 4, 1), torch.nn.GELU(), torch.nn.GroupNorm(2, 4)))
    x, w = torch.randn(4, 4), torch.randn(4, 4)
    assert torch.allclose(function(x, w), scripted_attention(x, w), atol=1e-5)
    assert module(torch.randn(1, 4, 8)).shape == (1, 4, 8)
    wrappers = [_lookup(op) for op in hook.ALL_OPS]
    hook.uninstall()
    table = torch.jit._builtins._get_builtin_table()
    assert not any(id(w) in table for w in wrappers)  # no stale ids left for reuse


def test_uninstall_restores_the_very_same_objects():
    before = {op: _lookup(op) for op in hook.ALL_OPS}
    own_matmul = vars(torch.Tensor).get("__matmul__")
    module_methods = dict((name, vars(torch.nn.Module).get(name)) for name in ("__call__", "half", "to", "cuda"))
    hook.install()
    assert all(_lookup(op) is not before[op] for op in hook.ALL_OPS)
    hook.uninstall()
    assert all(_lookup(op) is before[op] for op in hook.ALL_OPS)
    assert dict((name, vars(torch.nn.Module).get(name)) for name in module_methods) == module_methods
    assert hook.status()["active"] is False
    # Tensor may inherit __matmul__ from its C base: no attribute of our own left behind.
    assert vars(torch.Tensor).get("__matmul__") is own_matmul


def test_uninstall_puts_back_the_emulated_functions_it_wrapped():
    old_torch.install()
    emulated = F.conv1d
    hook.install()
    hook.uninstall()
    assert F.conv1d is emulated


def _lookup(op):
    owner, name = op.rsplit(".", 1)
    target = {"torch": torch, "torch.nn.functional": F, "torch.Tensor": torch.Tensor}[owner]
    return getattr(target, name)


def test_install_is_idempotent_and_thread_safe():
    original = F.linear
    barrier = threading.Barrier(8)

    def race():
        barrier.wait()
        hook.install()

    threads = [threading.Thread(target=race) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    hook.install()
    assert F.linear.__wrapped__ is original  # wrapped exactly once
    assert hook.status()["ops"] == list(hook.ALL_OPS)


def test_install_adds_ops_to_the_catalog_and_refuses_unknown_owners():
    hook.install(["torch.exp", "torch.Tensor.tanh"], reason="test")
    assert hook.status()["ops"] == list(hook.CATALOG) + ["torch.exp", "torch.Tensor.tanh"]
    assert hook.status()["reason"] == "test" and hook.status()["modules"] is True
    with pytest.raises(ValueError, match="not an op the hook can patch"):
        hook.install(["numpy.exp"])


def test_scanned_elementwise_ops_work_in_place_and_out_of_place():
    old_torch.install()
    original = torch.tanh
    torch.tanh = old_torch._failing(original, "tanh_vml_cpu", torch.float16, "Half")
    try:
        with pytest.raises(RuntimeError, match="tanh_vml_cpu"):
            torch.tanh(torch.ones(3).half())
        hook.install(["torch.tanh", "torch.nn.functional.leaky_relu"])
        x = torch.randn(8).half()
        assert torch.equal(torch.tanh(x), torch.tanh(x.float()).half())
        y = x.clone()
        assert F.leaky_relu(y, 0.2, inplace=True) is y  # written back into the caller's tensor
        assert torch.equal(y, F.leaky_relu(x.float(), 0.2).half())
    finally:
        hook.uninstall()
        torch.tanh = original


def test_half_on_the_cpu_keeps_the_model_in_float32_with_the_same_parameters():
    hook.install()
    layer = torch.nn.Linear(8, 4)
    weight = layer.weight
    assert layer.half() is layer
    assert layer.weight is weight and weight.dtype == torch.float32  # no float16 copy at all
    assert hook.status()["kept_float32_models"] == 1
    x = torch.randn(2, 8).half()
    with torch.no_grad():
        assert torch.equal(layer(x), F.linear(x.float(), weight, layer.bias))
    moved = torch.nn.Linear(8, 4).to(torch.float16)  # .to(float16) on the CPU: the same
    assert moved.weight.dtype == torch.float32


def test_half_then_a_move_off_the_cpu_gives_float16_there(monkeypatch):
    hook.install()
    layer = torch.nn.Linear(8, 4).half()
    real_half = hook._originals["torch.nn.Module.half"][0]
    seen = []
    monkeypatch.setattr(hook, "_all_on_cpu", lambda module: False)  # as if .to("cuda") had moved it
    monkeypatch.setitem(hook._originals, "torch.nn.Module.half", (lambda m: seen.append(m) or real_half(m), True))
    layer.to("cpu")
    assert seen == [layer] and layer.weight.dtype == torch.float16


def float16_weights_before_the_hook():
    torch.manual_seed(4)
    return torch.nn.Sequential(torch.nn.Conv1d(4, 8, 3), torch.nn.GELU(), torch.nn.GroupNorm(2, 8)).half().eval()


def test_float16_weights_become_float32_in_place_on_first_use_in_a_worker_thread():
    model = float16_weights_before_the_hook()
    params = list(model.parameters())
    reference = model.float()(torch.randn(1, 4, 32, generator=torch.Generator().manual_seed(5)).half().float())
    model.half()
    old_torch.install()
    hook.install()
    x = torch.randn(1, 4, 32, generator=torch.Generator().manual_seed(5)).half()
    with torch.no_grad():
        output = in_worker_thread(lambda: model(x))
    assert [p for p in model.parameters()] == params and all(p.dtype == torch.float32 for p in params)
    assert hook.status()["converted_modules"] == 2 and hook.status()["converted_float16_bytes"] == \
        sum(p.numel() * 2 for p in params)
    assert torch.allclose(output, reference, atol=1e-5)


@pytest.mark.parametrize("change", ["copy", "fill", "mul"])
def test_in_place_weight_changes_after_a_forward_are_seen(change):
    """Issue 10: the old hook kept a float32 copy keyed on the version counter, which
    `.data.copy_()` / `.data.fill_()` / `.data.mul_()` do not bump: stale outputs."""
    layer = torch.nn.Linear(8, 4).half().eval()
    old_torch.install()
    hook.install()
    x = torch.randn(2, 8).half()
    weight = torch.nn.Parameter(torch.randn(4, 8).half())  # a weight used raw (F.linear), never in a module
    with torch.no_grad():
        before = layer(x), F.linear(x, weight)
    new = torch.randn(4, 8)
    for tensor in (layer.weight, weight):
        if change == "copy":
            tensor.data.copy_(new)
        elif change == "fill":
            tensor.data.fill_(0.5)
        else:
            tensor.data.mul_(2)
    with torch.no_grad():
        after = layer(x), F.linear(x, weight)
    assert torch.equal(after[0], F.linear(x.float(), layer.weight.float(), layer.bias.float()))
    assert torch.equal(after[1], F.linear(x.float(), weight.float()).half())
    assert not torch.equal(before[0], after[0]) and not torch.equal(before[1], after[1])


@pytest.mark.parametrize("halved", ["before the hook", "after the hook"])
def test_a_layer_run_under_inference_mode_can_be_trained_afterwards(halved):
    """Issue 10: the old hook cached inference tensors made under inference_mode, and a
    later training step failed with 'Inference tensors cannot be saved for backward'."""
    if halved == "before the hook":
        layer = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.GELU()).half()
        hook.install()
    else:
        hook.install()
        layer = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.GELU()).half()
    x = torch.randn(2, 8).half()
    with torch.inference_mode():
        layer(x)
    assert not any(p.is_inference() for p in layer.parameters())
    layer.train()
    loss = layer(x).float().sum()
    loss.backward()
    assert all(p.grad is not None for p in layer.parameters())


def test_a_float16_model_being_trained_keeps_its_weights():
    layer = torch.nn.Linear(8, 4).half()  # training mode, grad enabled: not converted in place
    hook.install()
    layer(torch.randn(2, 8).half()).float().sum().backward()
    assert layer.weight.dtype == torch.float16 and layer.weight.grad.dtype == torch.float16
    assert hook.status()["converted_modules"] == 0


def test_cache_off_keeps_float16_weights(monkeypatch):
    monkeypatch.setenv(hook.ENV_CACHE, "0")
    hook.install()
    layer = torch.nn.Linear(8, 4).half()
    x = torch.randn(2, 8).half()
    with torch.no_grad():
        output = layer(x)
    assert layer.weight.dtype == torch.float16
    assert torch.equal(output, F.linear(x.float(), layer.weight.float(), layer.bias.float()).half())


def test_float16_stft_of_audio_stays_finite_and_float32():
    """GPT-SoVITS's spectrogram of float16 audio: |X|^2 of a float16 spectrum overflows."""
    audio = (torch.randn(1, 8000, generator=torch.Generator().manual_seed(6)) * 0.5).half()
    window = torch.hann_window(2048).half()
    hook.install()
    spec = torch.stft(audio, 2048, hop_length=640, window=window, center=False, return_complex=False)
    assert spec.dtype == torch.float32
    magnitude = torch.sqrt(spec.pow(2).sum(-1) + 1e-6)
    assert torch.isfinite(magnitude).all()
    complex_spec = torch.stft(audio, 2048, hop_length=640, window=window, return_complex=True)
    back = torch.istft(complex_spec, 2048, hop_length=640, window=window, length=8000)
    assert back.dtype == torch.float32 and torch.isfinite(back).all()
    assert float((back - audio.float()).abs().max()) < 1e-3


# -- the op scan, in process, against the emulation of old torch -------------------------------

def test_the_scan_finds_what_fails_and_what_is_inexact():
    hook._torch = torch
    old_torch.install()
    assert hook._scan_one(torch, "torch.nn.functional", "gelu") == ("fails", "ok")  # emulated
    assert hook._scan_one(torch, "torch", "bmm")[0] == "fails"
    old_torch.uninstall()
    assert hook._scan_one(torch, "torch.nn.functional", "gelu") == ("ok", "ok")
    assert hook._scan_one(torch, "torch.linalg", "inv")[0] == "fails"  # no float16 CPU kernel on any torch
    original = torch.cumsum
    torch.cumsum = lambda x, *a, **k: original(x, *a, **k) * (1.01 if x.dtype == torch.float16 else 1)
    try:
        assert hook._scan_one(torch, "torch", "cumsum")[0] == "inexact"  # 1% off: upcast too
    finally:
        torch.cumsum = original


def test_the_scan_never_calls_what_changes_the_process():
    names = ["%s.%s" % target for target in hook._scan_targets(torch)]
    for name in ("torch.manual_seed", "torch.set_num_threads", "torch.save", "torch.load", "torch.Tensor.half",
                 "torch.Tensor.float", "torch.Tensor.copy_", "torch.Tensor.to", "torch.compile"):
        assert name not in names
    for name in ("torch.exp", "torch.Tensor.clamp_min", "torch.nn.functional.softplus", "torch.fft.rfft",
                 "torch.linalg.vector_norm", "torch.Tensor.__matmul__", "torch.Tensor.topk"):
        assert name in names


def test_compare():
    hook._torch = torch
    x = torch.randn(100)
    assert hook._compare(x, x.half().float()) == "ok"
    assert hook._compare(x, x * 1.05) == "inexact"
    assert hook._compare(x, torch.full_like(x, float("inf"))) == "inexact"
    assert hook._compare((x, torch.arange(3)), (x, torch.arange(3))) == "ok"
    assert hook._compare(torch.arange(3), torch.tensor([0, 2, 1])) == "inexact"


def _write_scan(ops, torch_version=None):
    path = hook.scan_path(torch)
    hook._save(path, {"schema": hook.SCAN_SCHEMA, "torch": torch_version or torch.__version__, "ops": ops})
    return path


def test_install_for_this_torch_uses_the_cached_scan(tmp_path, monkeypatch):
    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(tmp_path))
    monkeypatch.setenv(hook.ENV_SCAN, "0")
    state = hook.install_for_this_torch(torch)
    assert state["ops"] == list(hook.CATALOG) and "no op scan" in state["reason"]
    hook.uninstall()
    _write_scan(["torch.exp"])
    assert hook.install_for_this_torch(torch)["ops"] == list(hook.CATALOG) + ["torch.exp"]
    hook.uninstall()
    _write_scan(["torch.exp"], torch_version="0.0.1")  # another torch build: stale
    assert hook.load_cached_scan(torch) is None


@pytest.mark.slow
def test_scan_in_a_child_of_this_interpreter(tmp_path, monkeypatch):
    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(tmp_path))
    scan = hook.scan_in_child(torch)
    assert hook.load_cached_scan(torch)["ops"] == scan["ops"]
    assert "torch.linalg.inv" in scan["ops"] and "torch.exp" not in scan["ops"]

def test_cache_key_changes_with_interpreter_build_and_devices(tmp_path):
    (tmp_path / "version.py").write_text("__version__ = '2.0.1+cu118'\n")
    key = hook.cache_key("/x/python", str(tmp_path), {})
    assert key == hook.cache_key("/x/python", str(tmp_path), {})
    assert key != hook.cache_key("/y/python", str(tmp_path), {})
    assert key != hook.cache_key("/x/python", str(tmp_path), {"CUDA_VISIBLE_DEVICES": "0"})
    (tmp_path / "version.py").write_text("__version__ = '2.0.1+cpu'\n")
    assert key != hook.cache_key("/x/python", str(tmp_path), {})


def test_hook_module_is_ascii_and_self_contained():
    with open(hook.__file__, "rb") as handle:
        source = handle.read()
    source.decode("ascii")
    assert not re.search(rb"^\s*(from|import)\s+gsv_doctor", source, re.M)


def test_random_draws_of_a_float16_program_are_the_float32_ones_rounded():
    hook.install()
    torch.manual_seed(0)
    drawn = torch.randn(3, 4, dtype=torch.float16), torch.randn_like(torch.ones(5).half())
    torch.manual_seed(0)
    expected = torch.randn(3, 4).half(), torch.randn_like(torch.ones(5)).half()
    assert all(a.dtype == torch.float16 and torch.equal(a, b) for a, b in zip(drawn, expected))


@pytest.mark.parametrize("make", [lambda: torch.nn.BatchNorm1d(8), lambda: torch.nn.LSTM(16, 8, batch_first=True),
                                  lambda: torch.nn.GroupNorm(2, 8), lambda: torch.nn.Conv1d(8, 8, 3)],
                         ids=["batchnorm", "lstm", "groupnorm", "conv1d"])
def test_training_a_float16_module_works_whenever_it_works_without_the_hook(make):
    """Review: the hook cast a trained float16 module's inputs to float32 but kept its float16
    weights, so batch_norm and lstm failed with mixed dtypes where plain torch trains them."""
    x = torch.randn(2, 8, 16).half()

    def step():
        torch.manual_seed(0)
        module = make().type(torch.float16).train()
        out = module(x)
        out = out[0] if isinstance(out, tuple) else out
        out.float().sum().backward()
        return module

    try:
        step()
    except RuntimeError:
        pytest.skip("this torch cannot train this float16 module on the CPU even without the hook")
    hook.install()
    module = step()
    assert all(p.grad is not None for p in module.parameters())


def test_a_failed_scan_is_tried_once_per_torch_build_and_install_retries(tmp_path, monkeypatch, capsys):
    """Review: a scan that timed out was never recorded, so every start of the user's program
    stalled on a new scan (up to the timeout) and then ran without the scanned ops."""
    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(tmp_path))
    monkeypatch.delenv(hook.ENV_SCAN, raising=False)
    calls = []

    def failing_scan(torch_module, *args, **kwargs):
        calls.append(1)
        raise RuntimeError("took too long")

    monkeypatch.setattr(hook, "scan_in_child", failing_scan)
    first = hook.install_for_this_torch(torch)
    assert "op scan failed" in first["reason"] and calls == [1]
    assert "checking once" in capsys.readouterr().err
    hook.uninstall()
    second = hook.install_for_this_torch(torch)
    assert calls == [1] and "op scan failed" in second["reason"]
    assert "took too long" in hook.status()["scan"]
    assert capsys.readouterr().err == ""
    hook.uninstall()
    _write_scan(["torch.exp"])  # what a successful scan (hook install) leaves
    assert "torch.exp" in hook.install_for_this_torch(torch)["ops"]
