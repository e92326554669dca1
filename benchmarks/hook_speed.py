"""Forward time of a HuBERT-style model on the CPU with and without the hook, side by side.

Goals (issue 4): hooked float32 / unhooked float32 <= 1.02; hooked float16 / float32 <= 1.25
(against about 24x for native float16 on torch 2.13). Runs are interleaved so that drift
of the machine hits every variant alike; the best (min) of each is compared, the least
noisy statistic on a shared machine, and the medians are printed too. Times are the
process's CPU time (one torch thread by default).

    python benchmarks/hook_speed.py [--repeats 9] [--seconds 3] [--threads 1] [--native-half-runs 1]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from gsv_doctor import hook  # noqa: E402


def build(config, state=None):
    import transformers

    torch.manual_seed(0)
    model = transformers.HubertModel(config).eval()
    if state is not None:
        model.load_state_dict(state)
    return model


def timed(model, audio):
    # CPU time of this process: with one torch thread it is the work done, and it is far
    # less disturbed than wall time by other load on a shared machine.
    with torch.no_grad():
        start = time.process_time()
        model(audio)
        return time.process_time() - start


def _owner(op):
    return hook._split(torch, op)


def count_patched_calls(model, audio):
    """How many calls of patched ops one forward makes (counting shims, removed after)."""
    calls = [0]
    saved = []
    for op in hook.status()["ops"]:
        owner, name = _owner(op)
        original = getattr(owner, name)
        saved.append((owner, name, original))

        def counting(*args, _original=original, **kwargs):
            calls[0] += 1
            return _original(*args, **kwargs)

        setattr(owner, name, counting)
    try:
        with torch.no_grad():
            model(audio)
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)
    return calls[0]


def per_call_overhead(repeats=20000):
    """Seconds the wrapper adds to one float32 call (F.linear on small tensors), best of 5."""
    x, w = torch.randn(2, 8), torch.randn(8, 8)
    linear = torch.nn.functional.linear
    original = linear.__wrapped__ if hasattr(linear, "__wrapped__") else linear
    results = []
    for function in (original, linear) * 5:
        start = time.perf_counter()
        for _ in range(repeats):
            function(x, w)
        results.append((function is linear, (time.perf_counter() - start) / repeats))
    plain = min(t for hooked, t in results if not hooked)
    wrapped = min(t for hooked, t in results if hooked)
    return wrapped - plain


def main() -> None:
    import transformers

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1: less noise from other load)")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--native-half-runs", type=int, default=1, help="0 skips the slow native float16 run")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    # The model of shared/reference/cpu-half-facts.md: hidden 384, 4 layers, 6 heads, ffn 1536.
    config = transformers.HubertConfig(hidden_size=384, num_hidden_layers=4, num_attention_heads=6,
                                       intermediate_size=1536)
    audio = torch.randn(1, int(16000 * args.seconds), generator=torch.Generator().manual_seed(0))
    # One float32 model object for both float32 variants, so that only the hook differs
    # (not memory layout). Built before install, it keeps the unwrapped GELU transformers
    # captured; the per-call figure below bounds the cost of wrapping that too.
    plain = build(config)
    state = plain.state_dict()
    hook.install()
    hooked16 = build(config, state).half()  # built after install, as under the .pth activation
    half_audio = audio.half()

    variants = {
        "float32, no hook": (False, plain, audio),
        "float32, hook": (True, plain, audio),
        "float16, hook": (True, hooked16, half_audio),
    }
    times = {name: [] for name in variants}
    for with_hook, model, x in variants.values():  # warm-up
        (hook.install if with_hook else hook.uninstall)()
        timed(model, x)
    names = list(variants)
    for round_number in range(args.repeats):
        shift = round_number % len(names)  # rotate the order: no variant always goes first
        for name in names[shift:] + names[:shift]:
            with_hook, model, x = variants[name]
            (hook.install if with_hook else hook.uninstall)()
            times[name].append(timed(model, x))
    hook.uninstall()
    native = []
    if args.native_half_runs:
        native_model = build(config, state).half()
        for _ in range(args.native_half_runs):
            try:
                native.append(timed(native_model, half_audio))
            except RuntimeError as error:  # torch 2.0.1: no float16 convolution on the CPU
                print(f"native float16 fails: {str(error).splitlines()[0]}")
                break

    best = {name: min(values) for name, values in times.items()}
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {args.seconds:g} s of 16 kHz audio,"
          f" {args.repeats} interleaved runs each (best / median)")
    for name in times:
        print(f"  {name:<20} {best[name]:.4f} s / {median[name]:.4f} s")
    if native:
        print(f"  {'float16, no hook':<20} {min(native):.4f} s  (native float16 on the CPU)")
    base, base_median = best["float32, no hook"], median["float32, no hook"]
    print(f"hook overhead, float32 model:  {best['float32, hook'] / base:.3f}"
          f" (medians {median['float32, hook'] / base_median:.3f})  goal <= 1.02")
    print(f"hooked float16 / float32:      {best['float16, hook'] / base:.3f}"
          f" (medians {median['float16, hook'] / base_median:.3f})  goal <= 1.25")
    if native:
        print(f"native float16 / float32:      {min(native) / base:.1f}")
    hook.install()
    calls = count_patched_calls(build(config, state), audio)  # built under the hook: every call
    overhead = per_call_overhead()
    print(f"wrapper cost on float32 calls: {overhead * 1e6:.2f} us x {calls} patched calls per forward"
          f" = {overhead * calls * 1e3:.3f} ms, i.e. a ratio of {1 + overhead * calls / base:.4f}")
    modules = sum(1 for _ in build(config, state).modules())
    module_cost = module_call_overhead()
    print(f"module wrapper cost: {module_cost * 1e6:.2f} us x {modules} module calls per forward"
          f" = {module_cost * modules * 1e3:.3f} ms, i.e. a ratio of {1 + module_cost * modules / base:.4f}")
    state = hook.status()
    print(f"memory: .half() kept {state['kept_float32_models']} model(s) in float32; float16 parameters held:"
          f" {sum(p.numel() * 2 for p in hooked16.parameters() if p.dtype == torch.float16) / 2 ** 20:.1f} MiB"
          " (no float32 copies: the weights are float32 only)")


def module_call_overhead(repeats=20000):
    """Seconds the nn.Module.__call__ wrapper adds to one float32 module call, best of 5."""
    layer, x = torch.nn.Identity(), torch.randn(2, 8)
    results = {True: [], False: []}
    for with_hook in (False, True) * 5:
        (hook.install if with_hook else hook.uninstall)()
        start = time.perf_counter()
        for _ in range(repeats):
            layer(x)
        results[with_hook].append((time.perf_counter() - start) / repeats)
    hook.install()
    return max(0.0, min(results[True]) - min(results[False]))


if __name__ == "__main__":
    main()
