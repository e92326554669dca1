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

    assert output.dtype == torch.float16
    assert float((output.float() - reference).abs().max()) < TOLERANCE


def test_tolerance_holds_for_a_hubert_base_shaped_model():
    transformers = pytest.importorskip("transformers")
    # The default (HuBERT-base) layout: 512-channel conv encoder, 768 wide, 12 heads,
    # weight-normed positional conv of kernel 128 in 16 groups; 2 layers instead of 12.
    config = transformers.HubertConfig(num_hidden_layers=2)
    audio = torch.randn(1, 16000, generator=torch.Generator().manual_seed(2))
    reference = forward(hubert(config), audio)

    old_torch.install()
    hook.install()
    model = hubert(config).half()
    output = in_worker_thread(lambda: forward(model, audio.half()))

    assert output.dtype == torch.float16
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
    hook.install()
    assert all(_lookup(op) is not before[op] for op in hook.ALL_OPS)
    hook.uninstall()
    assert all(_lookup(op) is before[op] for op in hook.ALL_OPS)
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


def test_install_of_some_ops_and_unknown_names():
    hook.install(["torch.bmm"], reason="test")
    assert hook.status()["ops"] == ["torch.bmm"]
    assert hook.status()["reason"] == "test"
    with pytest.raises(ValueError, match="not in the hook's catalog"):
        hook.install(["torch.nonsense"])


def test_weights_are_cast_once_and_recast_after_an_in_place_change():
    old_torch.install()
    hook.install()
    layer = torch.nn.Linear(8, 4).half()
    x = torch.randn(2, 8).half()
    with torch.no_grad():
        first = layer(x)
        assert hook.status()["cached_weights"] == 2
        assert hook.status()["cache_bytes"] == (8 * 4 + 4) * 4
        cached = hook._cache[id(layer.weight)][3]
        layer(x)
        assert hook._cache[id(layer.weight)][3] is cached  # no second cast
        layer.weight.mul_(2)  # bumps the version counter
        second = layer(x)
    expected = F.linear(x.float(), layer.weight.float(), layer.bias.float()).half()
    assert torch.equal(second, expected)
    assert not torch.equal(first, second)


def test_the_float32_result_of_one_op_feeds_the_next_until_its_output_changes():
    old_torch.install()
    hook.install()
    x, w = torch.randn(1, 4, 16).half(), torch.randn(4, 4, 3).half()
    y = F.conv1d(x, w)
    exact = F.conv1d(x.float(), w.float())
    assert hook.status()["cached_outputs"] == 1
    assert torch.equal(F.gelu(y), F.gelu(exact).half())  # from float32, not from y rounded
    y.add_(1)  # the caller changed the output: its float32 copy is stale
    assert torch.equal(F.gelu(y), F.gelu(y.float()).half())
    del y
    gc.collect()
    assert hook.status()["cached_outputs"] == 0


def test_only_the_most_recent_outputs_keep_a_float32_copy():
    old_torch.install()
    hook.install()
    w = torch.randn(4, 4, 3).half()
    kept = [F.conv1d(torch.randn(1, 4, 16).half(), w) for _ in range(3 * hook.OUTPUT_CACHE_SIZE)]  # a feature list
    state = hook.status()
    assert state["cached_outputs"] == hook.OUTPUT_CACHE_SIZE
    assert state["output_cache_bytes"] == hook.OUTPUT_CACHE_SIZE * kept[0].numel() * 4
    assert state["cache_bytes"] == 0  # weights only: w is no Parameter
    # the newest is still served from float32, the oldest is cast again (and still right)
    newest, oldest = kept[-1], kept[0]
    assert hook._cache[id(newest)][0]() is newest and id(oldest) not in hook._cache
    assert torch.equal(F.gelu(oldest), F.gelu(oldest.float()).half())


def test_a_kept_output_used_again_stays_in_the_cache():
    old_torch.install()
    hook.install()
    w = torch.randn(4, 4, 3).half()
    first = F.conv1d(torch.randn(1, 4, 16).half(), w)
    exact = hook._cache[id(first)][3].clone()  # its float32 result
    rest = []
    for _ in range(hook.OUTPUT_CACHE_SIZE - 1):
        rest.append(F.conv1d(torch.randn(1, 4, 16).half(), w))
        F.layer_norm(first, (14,))  # `first` read again each time: the most recent use
    rest.append(F.conv1d(torch.randn(1, 4, 16).half(), w))
    # 9 live outputs: the one used longest ago (rest[0]) made way, not `first`; the layer_norm
    # outputs died at once and took no place
    assert id(first) in hook._cache and id(rest[0]) not in hook._cache and id(rest[1]) in hook._cache
    assert torch.equal(F.gelu(first), F.gelu(exact).half())


def test_inference_mode_works_and_caches_only_the_weights():
    old_torch.install()
    hook.install()
    layer = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.GELU()).half()
    x = torch.randn(2, 8).half()
    with torch.inference_mode():
        y = layer(x)  # inference tensors carry no version counter: never cached
        y.add_(1)
        z = layer[0](y)
    assert y.dtype == z.dtype == torch.float16
    assert hook.status()["cached_outputs"] == 0 and hook.status()["cached_weights"] == 2
    assert torch.equal(z, F.linear(y.float(), layer[0].weight.float(), layer[0].bias.float()).half())


def test_cache_entries_die_with_their_weights():
    old_torch.install()
    hook.install()
    layer = torch.nn.Linear(8, 4).half()
    with torch.no_grad():
        layer(torch.randn(2, 8).half())
    assert hook.status()["cached_weights"] == 2
    assert hook.status()["cached_outputs"] == 0  # the output died at once: so did its copy
    del layer
    gc.collect()
    assert hook.status()["cached_weights"] == 0


def test_weights_being_trained_are_not_cached():
    hook.install()
    layer = torch.nn.Linear(8, 4).half()
    layer(torch.randn(2, 8).half()).float().sum().backward()
    assert hook.status()["cached_weights"] == 0
    assert layer.weight.grad is not None and layer.weight.grad.dtype == torch.float16


def test_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv(hook.ENV_CACHE, "0")
    hook.install()
    layer = torch.nn.Linear(8, 4).half()
    with torch.no_grad():
        output = layer(torch.randn(2, 8).half())
    assert output.dtype == torch.float16
    assert hook.status()["cached_weights"] == 0
    assert hook.status()["cached_outputs"] == 0


def _report(ratio, failing=()):
    ops = {name: {"status": "works"} for name in ("conv1d", "conv2d", "linear", "matmul", "stft", "softmax")}
    for name in failing:
        ops[name] = {"status": "not_implemented", "message": "x"}
    return {"schema": hook.PROBE_SCHEMA, "devices": [
        {"id": "cpu", "ops": {"float16": ops}, "speed": {"float16": {"vs_float32": ratio}}}]}


def test_select_ops_from_a_probe_report():
    ops, why = hook.select_ops(_report(24.0))
    assert ops == list(hook.ALL_OPS) and "24.0x slower" in why
    ops, why = hook.select_ops(_report(1.0, failing=["stft"]))
    assert ops == ["torch.stft", "torch.hann_window"] and "stft" in why
    ops, why = hook.select_ops(_report(1.0, failing=["softmax"]))
    assert ops == ["torch.nn.functional.softmax", "torch.nn.functional.log_softmax", "torch.softmax",
                   "torch.log_softmax", "torch.Tensor.softmax", "torch.Tensor.log_softmax"]
    assert hook.select_ops(_report(1.0))[0] == []
    assert hook.select_ops(_report(None))[0] == list(hook.ALL_OPS)
    assert hook.select_ops({"devices": []})[0] == list(hook.ALL_OPS)


def test_install_from_a_cached_probe_report(tmp_path, monkeypatch):
    import json
    import os
    import sys

    monkeypatch.setenv(hook.ENV_CACHE_DIR, str(tmp_path))
    assert hook.install_from_probe(torch)["reason"] == "all ops of the catalog (no cached probe report)"
    hook.uninstall()
    key = hook.cache_key(sys.executable, os.path.dirname(torch.__file__))
    with open(hook.cache_path(key), "w") as handle:
        json.dump(_report(1.0, failing=["stft"]), handle)
    state = hook.install_from_probe(torch)
    assert state["ops"] == ["torch.stft", "torch.hann_window"]


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
