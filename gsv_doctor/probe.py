"""Measure what this Python's torch can do on each device, and print it as JSON.

Runs inside the *target* interpreter (often GPT-SoVITS's bundled runtime/python, where
gsv-doctor is not installed): gsv_doctor.target sends this file's source to the child
on stdin. So it needs only the standard library and torch, must stay Python 3.9
syntax, and its source must stay ASCII.

Output: lines starting with MARKER, each a JSON object with a "section" key:
"probe" (the report, schema PROBE_SCHEMA) and, when asked, "config" (the values that
GPT-SoVITS's config.py gives on this machine). Anything else on stdout is noise from
torch or config.py and is ignored by the reader.
"""
from __future__ import annotations

import json
import math
import os
import platform
import sys
import time

PROBE_SCHEMA = "gsv-doctor/probe"
PROBE_SCHEMA_VERSION = 1
MARKER = "@@gsv-doctor@@ "

DTYPES = ("float32", "float16", "bfloat16")
# Max abs error against the CPU float32 reference, relative to max(1, max |reference|).
# Storage alone costs ~1e-3 in float16 and ~8e-3 in bfloat16 on unit-scale values.
TOLERANCE = {"float32": 1e-4, "float16": 2e-2, "bfloat16": 8e-2}

WORKS = "works"
NOT_IMPLEMENTED = "not_implemented"
NAN = "nan"
WRONG = "wrong"
ERROR = "error"

_NOT_IMPLEMENTED_SIGNS = (
    "not implemented for",
    "doesn't support tensors of type",
    "not currently implemented for the MPS device",
    "not supported on MPS",
)


def _inputs(torch, seed):
    generator = torch.Generator().manual_seed(seed)

    def randn(*shape):
        return torch.randn(*shape, generator=generator)

    return randn


def _op_catalog(torch):
    """name -> (make float32 CPU inputs, run the op on inputs already moved/cast)."""
    F = torch.nn.functional

    def stft(x, dtype):
        window = torch.hann_window(64, dtype=dtype, device=x.device)
        spec = torch.stft(x, n_fft=64, hop_length=16, window=window, return_complex=True)
        return spec.abs()

    return {
        "conv1d": (lambda r: [r(1, 8, 64), r(8, 8, 3) * 0.3, r(8)], lambda x, w, b, dt: F.conv1d(x, w, b, padding=1)),
        "conv2d": (lambda r: [r(1, 4, 16, 16), r(4, 4, 3, 3) * 0.3, r(4)], lambda x, w, b, dt: F.conv2d(x, w, b)),
        "conv_transpose1d": (
            lambda r: [r(1, 8, 32), r(8, 4, 4) * 0.3, r(4)],
            lambda x, w, b, dt: F.conv_transpose1d(x, w, b, stride=2),
        ),
        "linear": (lambda r: [r(4, 32), r(16, 32) * 0.2, r(16)], lambda x, w, b, dt: F.linear(x, w, b)),
        "layer_norm": (
            lambda r: [r(4, 32), r(32), r(32)],
            lambda x, w, b, dt: F.layer_norm(x, (32,), w, b),
        ),
        "group_norm": (
            lambda r: [r(2, 8, 16), r(8), r(8)],
            lambda x, w, b, dt: F.group_norm(x, 4, w, b),
        ),
        "gelu": (lambda r: [r(4, 32)], lambda x, dt: F.gelu(x)),
        "softmax": (lambda r: [r(4, 32)], lambda x, dt: F.softmax(x, dim=-1)),
        "bmm": (lambda r: [r(2, 8, 16) * 0.5, r(2, 16, 8) * 0.5], lambda a, b, dt: torch.bmm(a, b)),
        "matmul": (lambda r: [r(8, 16) * 0.5, r(16, 8) * 0.5], lambda a, b, dt: torch.matmul(a, b)),
        "stft": (lambda r: [r(1, 512)], stft),
    }


def _classify_exception(exc):
    message = "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[0] if str(exc).strip() else "")
    if any(sign in str(exc) for sign in _NOT_IMPLEMENTED_SIGNS):
        return NOT_IMPLEMENTED, message
    return ERROR, message


def _check_op(torch, name, make_inputs, run, device, dtype_name, seed):
    dtype = getattr(torch, dtype_name)
    inputs = make_inputs(_inputs(torch, seed))
    reference = run(*inputs, torch.float32).float()
    try:
        moved = [t.to(device=device, dtype=dtype) for t in inputs]
        output = run(*moved, dtype)
        output = output.to(device="cpu", dtype=torch.float32)
    except Exception as exc:  # the op itself failing is the measurement
        status, message = _classify_exception(exc)
        return {"status": status, "message": message}
    if not bool(torch.isfinite(output).all()):
        return {"status": NAN, "message": "result contains NaN or inf"}
    scale = max(1.0, float(reference.abs().max()))
    error = float((output - reference).abs().max()) / scale
    result = {"status": WORKS, "max_error": round(error, 6)}
    if error > TOLERANCE[dtype_name]:
        result = {"status": WRONG, "max_error": round(error, 6),
                  "message": "error %.3g vs float32 exceeds tolerance %.3g" % (error, TOLERANCE[dtype_name])}
    return result


# The speed figure predicts HuBERT-base (the model GPT-SoVITS runs first, on the CPU too) on
# 1 s of 16 kHz audio, in each dtype. Two pieces take most of its time in every dtype; each runs
# here at the model's own input width on fewer frames, and its weight scales its time back to
# the model's part:
# - feature convs 2-7 (512->512, k3/k2, s2, GELU): 2996 k3 frames + 148 k2 frames (as 99 k3
#   frames). The piece makes 128 of the 512 output channels (a channel costs what it costs in
#   the model, in every dtype: benchmarks/probe_calibration.py), so its weight is 4 x frames;
# - the encoder's feed-forward (768->3072, GELU, 3072->768) at up to 49 frames, 12 layers; the
#   attention's four 768->768 linears are half as much work again, hence 1.5 x 12 x 49 frames.
# Left out: the first feature conv (1 input channel), the positional conv, attention products,
# norms: 10-15% of the model's time in every dtype; the float16 ratio moves by a few percent.
# A small call costs more per frame than a big one (fixed costs; a linear packs its weights per
# call; caches), and how much depends on the dtype and the CPU: float32 needs a few hundred conv
# frames and the model's own 49 linear frames to reach the model's cost per frame, while a
# float16 fallback kernel, 4 to 30 times slower, is close to it at a few dozen. So every dtype
# grows each piece from its start (up to GROWTH-fold, never past the model's own call, and
# convs not past 512 frames, where float32's cost per frame has settled) as long as the next
# call is predicted to take at most MAX_CALL_S (MAX_REFERENCE_CALL_S for float32: every ratio
# divides by its time, so it gets the bigger calls): fast kernels get the model's sizes, slow
# ones stay small and cheap to time.
WORKLOAD_PIECES = (
    # name, model frames (x 4 for a quarter of the conv's channels), start frames, largest frames
    ("feature_convs", 4 * (2996 + 148 * 2 // 3), 48, 512),
    ("feed_forward", 12 * 49 * 3 // 2, 8, 49),
)
GROWTH = 16
MAX_CALL_S = 0.03
MAX_REFERENCE_CALL_S = 0.06
MIN_ROUNDS = 3
MAX_ROUNDS = 9
STEADY_SPREAD = 1.15  # after MIN_ROUNDS, stop early once the rounds agree this well
TIMING_BUDGET_S = 0.3  # wall seconds per device, sizing included; MIN_ROUNDS always run
UNCERTAIN_SPREAD = 1.5  # rounds' ratios further apart than this (upper / lower quartile): uncertain
FINE_TICK_S = 1e-4  # a CPU-time clock that moves in bigger steps (Windows: 15.6 ms) is not used


def _workload(torch):
    """[(name, model frames, start frames, largest frames, make(frames) -> float32 CPU tensors, forward)]."""
    F = torch.nn.functional
    randn = _inputs(torch, 7)
    width, hidden = 512, 768
    conv_w = randn(width // 4, width, 3) * 0.03  # 128 of the 512 output channels
    # Tiled from one square block: drawing 4.7M random numbers cost more than a round of timing.
    block = randn(hidden, hidden) * 0.03
    up_w, up_b = block.repeat(4, 1), randn(4 * hidden)
    down_w, down_b = block.repeat(1, 4), randn(hidden)

    def conv(t):
        return F.gelu(F.conv1d(t["x"], t["w"], stride=2))

    def feed_forward(t):
        return F.linear(F.gelu(F.linear(t["x"], t["up_w"], t["up_b"])), t["down_w"], t["down_b"])

    makers = {  # frames -> inputs of a call with that many output frames
        "feature_convs": (lambda n: {"x": randn(1, width, 2 * n + 1), "w": conv_w}, conv),
        "feed_forward": (lambda n: {"x": randn(1, n, hidden), "up_w": up_w, "up_b": up_b,
                                    "down_w": down_w, "down_b": down_b}, feed_forward),
    }
    return [(name, model, start, largest) + makers[name] for name, model, start, largest in WORKLOAD_PIECES]


def _synchronize(torch, device):
    if device.startswith("cuda"):
        torch.cuda.synchronize(device)
    elif device == "mps" and hasattr(torch, "mps"):
        torch.mps.synchronize()


def _tick(clock):
    """How far `clock` moves when it moves, or None when it stands still for 0.1 s."""
    deadline = time.perf_counter() + 0.1
    last = clock()
    steps = []
    while len(steps) < 2 and time.perf_counter() < deadline:
        now = clock()
        if now != last:
            steps.append(now - last)
            last = now
    return max(steps) if len(steps) == 2 else None


def _clock(device):
    """(name, clock) to time `device` with. On the CPU, this thread's CPU time: the time it waits
    while other programs hold the core does not count, so a busy machine does not stretch one
    dtype's calls more than another's. GPUs run beside the calling thread, so they get the wall
    clock, as does a system whose thread clock moves in coarse steps."""
    thread_time = getattr(time, "thread_time", None)
    if device == "cpu" and thread_time is not None:
        try:
            tick = _tick(thread_time)
            if tick is not None and tick <= FINE_TICK_S:
                return "thread", thread_time
        except OSError:  # no per-thread clock on this system
            pass
    return "wall", time.perf_counter


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2.0


def _quartiles(values):
    """Lower and upper quartile, linear between points (so 3 rounds give a usable spread)."""
    ordered = sorted(values)

    def at(fraction):
        position = fraction * (len(ordered) - 1)
        low = int(math.floor(position))
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

    return at(0.25), at(0.75)


def _spread(ratios):
    low, high = _quartiles(ratios)
    return high / low if low > 0 else float("inf")


def _steady(ratios_by_dtype):
    """Enough rounds, agreeing well enough to stop: MIN_ROUNDS, and every dtype's spread within STEADY_SPREAD."""
    return all(len(ratios) >= MIN_ROUNDS and _spread(ratios) <= STEADY_SPREAD for ratios in ratios_by_dtype.values())


def _time_workload(torch, device, dtype_names=DTYPES, budget_s=TIMING_BUDGET_S):
    """{dtype: timing} for the weighted HuBERT-base workload on `device`.

    Every dtype sizes (and so warms up) each piece first, and its last sizing calls make the
    first round; further rounds interleave the dtypes piece by piece (each starts with another
    dtype), so what load the CPU time still feels (shared caches) hits all dtypes alike. A
    round's ratio is its weighted time in a dtype over float32's in the same round; the report
    gives the median over rounds and their spread."""
    threads = torch.get_num_threads()
    if device == "cpu":
        # One thread: on a busy machine, threads that wait for each other at the end of every
        # op make float32's short ops look as slow as float16's long ones (and burn CPU time
        # spinning). One thread waits for nobody, and its CPU time is the kernels' own cost.
        torch.set_num_threads(1)
    try:
        return _time_pieces(torch, device, dtype_names, budget_s)
    finally:
        torch.set_num_threads(threads)


def _call(torch, device, clock, forward, tensors):
    begin = clock()
    forward(tensors)
    _synchronize(torch, device)
    return clock() - begin


def _sized(torch, device, dtype, clock, start, largest, make, forward, max_call_s=MAX_CALL_S):
    """(frames, inputs in `dtype` on `device`, seconds of one call): from `start`, the piece grows
    up to GROWTH-fold toward `largest` (the model's own call) while the next call is predicted to
    take at most MAX_CALL_S. A shape's first call pays for allocation, kernel choice and lazy
    init; the second is timed, and the last one timed is the first round's."""
    frames = start
    while True:
        tensors = dict((k, v.to(device=device, dtype=dtype)) for k, v in make(frames).items())
        _call(torch, device, clock, forward, tensors)
        seconds = _call(torch, device, clock, forward, tensors)
        bigger = min(GROWTH * frames, largest)
        if frames >= largest or seconds * bigger / frames > max_call_s:
            return frames, tensors, seconds
        frames = bigger


def _time_pieces(torch, device, dtype_names, budget_s):
    started = time.perf_counter()
    clock_name, clock = _clock(device)
    pieces = _workload(torch)
    results = {}
    ready = {}  # dtype -> [(weight, inputs)] per piece
    first = {}  # dtype -> the weighted time of its sizing calls: the first round
    with torch.no_grad():
        for dtype_name in dtype_names:
            dtype = getattr(torch, dtype_name)
            try:
                sized = []
                first[dtype_name] = 0.0
                for _, model_frames, start, largest, make, forward in pieces:
                    frames, tensors, seconds = _sized(torch, device, dtype, clock, start, largest, make, forward,
                                                      MAX_REFERENCE_CALL_S if dtype_name == "float32" else MAX_CALL_S)
                    sized.append((model_frames / float(frames), tensors))
                    first[dtype_name] += sized[-1][0] * seconds
            except Exception as exc:
                status, message = _classify_exception(exc)
                results[dtype_name] = {"status": status, "message": message, "seconds": None, "vs_float32": None}
                continue
            ready[dtype_name] = sized
        if "float32" not in ready:
            for dtype_name in ready:
                results[dtype_name] = {"status": ERROR, "message": "float32 did not run: nothing to compare with",
                                       "seconds": None, "vs_float32": None}
            return results
        order = [d for d in dtype_names if d in ready]
        totals = dict((d, []) for d in order)
        ratios = dict((d, []) for d in order if d != "float32")

        def add(weighted):
            for dtype_name in order:
                totals[dtype_name].append(weighted[dtype_name])
                if dtype_name in ratios:
                    ratios[dtype_name].append(weighted[dtype_name] / weighted["float32"]
                                              if weighted["float32"] > 0 else float("inf"))

        add(first)
        while True:
            rounds = len(totals["float32"])
            if rounds >= MAX_ROUNDS or (rounds >= MIN_ROUNDS and time.perf_counter() - started > budget_s):
                break
            if rounds >= MIN_ROUNDS and _steady(ratios):
                break
            shift = rounds % len(order)
            this_round = order[shift:] + order[:shift]
            weighted = dict((d, 0.0) for d in order)
            try:
                for index, piece in enumerate(pieces):
                    forward = piece[-1]
                    for dtype_name in this_round:
                        weight, tensors = ready[dtype_name][index]
                        weighted[dtype_name] += weight * _call(torch, device, clock, forward, tensors)
            except Exception as exc:  # e.g. out of memory in a later round: that dtype fails, not the device
                status, message = _classify_exception(exc)
                results[dtype_name] = {"status": status, "message": message, "seconds": None, "vs_float32": None}
                if dtype_name == "float32":
                    for other in [d for d in order if d != "float32"]:
                        results[other] = {"status": ERROR, "message": "float32 did not run: nothing to compare with",
                                          "seconds": None, "vs_float32": None}
                    return results
                order.remove(dtype_name)
                del totals[dtype_name], ratios[dtype_name]
                continue  # this round is incomplete: dropped
            add(weighted)
    for dtype_name in order:
        these = ratios.get(dtype_name, [1.0] * len(totals[dtype_name]))
        spread = _spread(these)
        ratio = _median(these)
        results[dtype_name] = {
            "status": WORKS,
            "seconds": round(_median(totals[dtype_name]), 4),  # predicted seconds of the model's two parts, 1 s of audio
            "vs_float32": round(ratio, 3) if math.isfinite(ratio) else None,
            "spread": round(spread, 3) if math.isfinite(spread) else None,
            "uncertain": not math.isfinite(spread) or spread > UNCERTAIN_SPREAD,
            "rounds": len(these),
            "clock": clock_name,
        }
    return results


def _probe_device(torch, device, catalog):
    ops = {}
    for dtype_name in DTYPES:
        ops[dtype_name] = dict(
            (name, _check_op(torch, name, make, run, device, dtype_name, seed))
            for seed, (name, (make, run)) in enumerate(sorted(catalog.items()))
        )
    return {"ops": ops, "speed": _time_workload(torch, device)}


def _cpu_info():
    info = {"name": platform.processor() or platform.machine(), "flags": []}
    interesting = ("avx2", "avx512f", "avx512_bf16", "avx512_fp16", "amx_bf16", "amx_tile", "f16c", "fphp", "asimdhp")
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "model name":
                    info["name"] = value.strip()
                elif key in ("flags", "Features"):
                    present = set(value.split())
                    info["flags"] = [f for f in interesting if f in present]
                    break
    except OSError:
        pass
    return info


def _cuda_devices(torch):
    devices = []
    arch_list = []
    try:
        arch_list = list(torch.cuda.get_arch_list())
    except Exception:
        pass
    for index in range(torch.cuda.device_count()):
        properties = torch.cuda.get_device_properties(index)
        devices.append({
            "id": "cuda:%d" % index,
            "kind": "cuda",
            "name": properties.name,
            "capability": [properties.major, properties.minor],
            "total_memory_gb": round(properties.total_memory / 1024 ** 3, 2),
        })
    return devices, arch_list


def run_probe(devices=None):
    """Probe torch on every device (or the given device ids). Returns a JSON-ready dict."""
    started = time.perf_counter()
    report = {
        "schema": PROBE_SCHEMA,
        "schema_version": PROBE_SCHEMA_VERSION,
        "python": {
            "version": platform.python_version(),
            "executable": sys.executable,
            "platform": sys.platform,
            "machine": platform.machine(),
        },
        "environment": dict(
            (name, os.environ.get(name))
            for name in ("CUDA_VISIBLE_DEVICES", "is_half", "PYTORCH_ENABLE_MPS_FALLBACK")
        ),
        "cpu": _cpu_info(),
        "torch": None,
        "cuda": {"available": False, "device_count": 0, "error": None},
        "mps": {"available": False, "built": False},
        "devices": [],
        "error": None,
    }
    try:
        import torch
    except Exception as exc:  # reported, not raised: "this Python has no torch" is a result
        report["error"] = "%s: %s" % (type(exc).__name__, exc)
        report["elapsed_s"] = round(time.perf_counter() - started, 3)
        return report

    capability = getattr(getattr(torch.backends, "cpu", None), "get_cpu_capability", None)
    report["torch"] = {
        "version": torch.__version__,
        "cuda": getattr(torch.version, "cuda", None),
        "hip": getattr(torch.version, "hip", None),
        "file": getattr(torch, "__file__", None),
        "cpu_capability": capability() if capability else None,
        "arch_list": [],
        "num_threads": torch.get_num_threads(),
    }
    found = [{"id": "cpu", "kind": "cpu", "name": report["cpu"]["name"], "capability": None, "total_memory_gb": None}]
    try:
        available = torch.cuda.is_available()
        report["cuda"]["available"] = bool(available)
        if available:
            cuda_devices, report["torch"]["arch_list"] = _cuda_devices(torch)
            report["cuda"]["device_count"] = len(cuda_devices)
            found.extend(cuda_devices)
    except Exception as exc:
        report["cuda"]["error"] = "%s: %s" % (type(exc).__name__, exc)
    mps = getattr(torch.backends, "mps", None)
    if mps is not None:
        try:
            report["mps"] = {"available": bool(mps.is_available()), "built": bool(mps.is_built())}
        except Exception:
            pass
        if report["mps"]["available"]:
            found.append({"id": "mps", "kind": "mps", "name": "Apple MPS", "capability": None, "total_memory_gb": None})

    catalog = _op_catalog(torch)
    threads = torch.get_num_threads()
    # One thread for the small ops too: a second thread, started for them and spinning after
    # each, cost more CPU time than the ops themselves (0.2-0.5 s against 0.02 s).
    torch.set_num_threads(1)
    try:
        for device in found:
            if devices is not None and device["id"] not in devices:
                continue
            try:
                device.update(_probe_device(torch, device["id"], catalog))
            except Exception as exc:  # e.g. the device dies mid-probe: say so, keep the rest
                device["error"] = "%s: %s" % (type(exc).__name__, exc)
            report["devices"].append(device)
    finally:
        torch.set_num_threads(threads)
    report["elapsed_s"] = round(time.perf_counter() - started, 3)
    return report


def _describe(value):
    if isinstance(value, bool) or value is None:
        return value
    return str(value)


def evaluate_config(project_root):
    """Execute config.py as GPT-SoVITS does (cwd = project root) and read is_half / infer_device."""
    import runpy

    result = {"is_half": None, "infer_device": None, "is_half_type": None, "infer_device_type": None, "error": None}
    previous_cwd = os.getcwd()
    previous_stdout = sys.stdout
    sys.path.insert(0, project_root)
    try:
        os.chdir(project_root)
        sys.stdout = sys.stderr  # config.py may print; stdout carries only our lines
        namespace = runpy.run_path(os.path.join(project_root, "config.py"), run_name="config")
        for name in ("is_half", "infer_device"):
            if name in namespace:
                result[name] = _describe(namespace[name])
                result[name + "_type"] = type(namespace[name]).__name__
    except BaseException as exc:  # SystemExit or anything config.py raises is a result too
        lines = str(exc).strip().splitlines()
        result["error"] = "%s: %s" % (type(exc).__name__, lines[0] if lines else "")
    finally:
        sys.stdout = previous_stdout
        os.chdir(previous_cwd)
        sys.path.remove(project_root)
    return result


def _emit(out, section, payload):
    payload = dict(payload, section=section)
    out.write(MARKER + json.dumps(payload, ensure_ascii=True, default=str, allow_nan=False) + "\n")
    out.flush()


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return dict((k, _finite(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def main(argv):
    """argv: optional "--config PROJECT_ROOT"."""
    out = sys.stdout
    sys.stdout = sys.stderr  # torch and config.py warnings must not mix with our JSON
    _emit(out, "probe", _finite(run_probe()))
    if len(argv) >= 2 and argv[0] == "--config":
        _emit(out, "config", evaluate_config(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
