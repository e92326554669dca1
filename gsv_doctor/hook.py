"""Run float16 models on the CPU by computing them in float32, process-wide.

Runtime module: it is copied as one self-contained file (gsv_doctor_hook.py) into the
site-packages of the Python that runs GPT-SoVITS, so it needs only the standard library
and torch, keeps Python 3.9 syntax and ASCII source, and imports torch only when asked
to patch (the .pth line that activates it must cost nothing at start-up).

Two layers, both process-wide (module attributes, not a dispatch mode, which is
thread-local: Gradio runs inference in worker threads):

- Modules: Module.half() on the CPU keeps the model in float32 (no float16 weights at all;
  a later .to("cuda") makes it float16 there). Module.__call__ is wrapped: a module that
  still holds CPU float16 tensors (loaded that way) is turned into float32 once, in place
  (same Parameter objects: no float16 copy kept next to a float32 one), and CPU float16
  inputs are cast to float32. Results stay float32. This covers every layer whatever it
  runs inside (LSTM, weight norm, MultiheadAttention, C++ kernels, TorchScript helpers
  that hold the same weights).
- Ops: the heavy ops (CATALOG: convolutions, matmuls, norms, softmax, stft...) and every
  public op that the scan of THIS torch build found failing or inexact in float16 on the
  CPU get a wrapper: with a CPU float16 argument they run in float32 and give float16 back.
  That covers code outside module forwards (GPT-SoVITS's decode, infer_panel, spectrogram).
  The scan runs once per torch build in a child of this interpreter (scan_main below) and
  is cached next to the probe reports.
"""
from __future__ import annotations

import _thread
import os
import sys

ENV_SWITCH = "GSV_DOCTOR_HOOK"  # "0" disables the hook for one run
ENV_CACHE = "GSV_DOCTOR_HOOK_CACHE"  # "0": keep float16 weights, cast them on every call instead
ENV_CACHE_DIR = "GSV_DOCTOR_CACHE_DIR"  # where probe reports and op scans are cached
ENV_SCAN = "GSV_DOCTOR_HOOK_SCAN"  # "0": never start the op scan (a cached one is still used)
PROBE_SCHEMA = "gsv-doctor/probe"
SCAN_SCHEMA = "gsv-doctor/opscan-2"  # a new scan method makes old cached scans stale
SCAN_TIMEOUT_S = 900.0  # about 20 s of CPU, but minutes of wall time on a loaded machine

# Heavy ops: on the CPU these always run in float32, whatever a speed measurement says
# (float16 CPU kernels are slower or missing on every torch GPT-SoVITS uses, and summing
# in float32 is more exact). Names are "owner.attribute".
CATALOG = (
    "torch.nn.functional.conv1d", "torch.nn.functional.conv2d", "torch.nn.functional.conv3d",
    "torch.nn.functional.conv_transpose1d", "torch.nn.functional.conv_transpose2d",
    "torch.nn.functional.linear", "torch.nn.functional.layer_norm", "torch.nn.functional.group_norm",
    "torch.nn.functional.gelu", "torch.nn.functional.softmax", "torch.nn.functional.log_softmax",
    "torch.nn.functional.scaled_dot_product_attention", "torch.nn.functional.pad",
    "torch.nn.functional.interpolate",
    "torch.conv1d", "torch.conv2d", "torch.conv_transpose1d", "torch.softmax", "torch.log_softmax",
    "torch.bmm", "torch.baddbmm", "torch.matmul", "torch.mm", "torch.addmm", "torch.einsum",
    "torch.Tensor.__matmul__", "torch.Tensor.matmul", "torch.Tensor.softmax", "torch.Tensor.log_softmax",
    "torch.stft", "torch.istft", "torch.hann_window", "torch.norm_except_dim", "torch.Tensor.norm",
    "torch.norm",
    # Random draws made in float32 and rounded: a float16 program draws what the float32 one does.
    "torch.randn", "torch.randn_like", "torch.rand", "torch.rand_like",
)
ALL_OPS = CATALOG  # the ops patched on every torch; the scan adds this build's failing ones
OWNERS = ("torch.nn.functional", "torch.linalg", "torch.Tensor", "torch.fft", "torch")
# Results that stay float32: a float16 spectrum overflows (|X|^2 of audio > 65504).
KEEP_FLOAT32 = ("stft", "istft")

_lock = _thread.allocate_lock()
_originals = {}  # "owner.name" -> (object there before install(), whether the owner had its own)
_state = {"reason": None, "source": None, "error": None, "modules": False, "scan": None}
_converted = {"kept": 0, "modules": 0, "parameters": 0, "bytes": 0}
_torch = None
_MARK = "_gsv_doctor_half"  # in a module's __dict__: .half() was asked on the CPU, the hook kept float32


# -- casting helpers ---------------------------------------------------------------------

def _is_cpu_half(value):
    return isinstance(value, _torch.Tensor) and value.dtype is _torch.float16 and value.device.type == "cpu"


def _has_half(values):
    half = _torch.float16
    tensor = _torch.Tensor
    for value in values:
        if isinstance(value, tensor):
            if value.dtype is half and value.device.type == "cpu":
                return True
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, tensor) and item.dtype is half and item.device.type == "cpu":
                    return True
    return False


def _may_convert_in_place(tensor):
    """A float16 weight may become float32 for good unless it is being trained right now."""
    return not _state.get("no_cache") and not (tensor.requires_grad and _torch.is_grad_enabled())


def _param_to_float32(param):
    """Turn a CPU float16 Parameter into float32 in place (same object). Never an inference tensor."""
    with _lock:
        if param.dtype is not _torch.float16:
            return param
        with _torch.inference_mode(False), _torch.no_grad():
            param.data = param.data.float()
        _converted["parameters"] += 1
        _converted["bytes"] += param.numel() * 2
    return param


def _up(value):
    if isinstance(value, _torch.Tensor):
        if value.dtype is not _torch.float16 or value.device.type != "cpu":
            return value
        if isinstance(value, _torch.nn.Parameter) and _may_convert_in_place(value):
            return _param_to_float32(value)
        return value.float()
    if isinstance(value, list):
        return [_up(item) for item in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_up(item) for item in value)
    return value


def _down(result):
    if isinstance(result, _torch.Tensor):
        return result.half() if result.dtype is _torch.float32 and result.device.type == "cpu" else result
    if isinstance(result, list):
        return [_down(item) for item in result]
    if isinstance(result, tuple):
        if hasattr(result, "_fields"):
            return type(result)(*(_down(item) for item in result))
        return tuple(_down(item) for item in result)
    if isinstance(result, dict):
        for key in list(result.keys()):  # transformers' ModelOutput: keys and attributes together
            value = result[key]
            if isinstance(value, (_torch.Tensor, list, tuple, dict)):
                result[key] = _down(value)
        return result
    return result


# -- layer 1: float16 modules run in float32 -------------------------------------------------

def _own_half(module):
    half = _torch.float16
    for group in (module._parameters, module._buffers):
        for tensor in group.values():
            if tensor is not None and tensor.dtype is half and tensor.device.type == "cpu":
                return True
    return False


def _all_on_cpu(module):
    for tensor in module.parameters():
        if tensor.device.type != "cpu":
            return False
    for tensor in module.buffers():
        if tensor.device.type != "cpu":
            return False
    return True


def _trainable_now(module):
    if not module.training or not _torch.is_grad_enabled():
        return False
    for param in module.parameters():
        if param.requires_grad:
            return True
    return False


def _module_to_float32(module):
    """Every CPU float16 parameter and buffer of module and its children becomes float32, in place.

    The Parameter objects stay the same (code that kept a reference, like GPT-SoVITS's
    TorchScript T2SBlock, sees float32 too), and never become inference tensors.
    """
    half = _torch.float16
    with _lock:
        with _torch.inference_mode(False), _torch.no_grad():
            counted = [0, 0]
            for child in module.modules():
                if _own_half(child):
                    counted[0] += 1
                    for tensor in list(child._parameters.values()) + list(child._buffers.values()):
                        if tensor is not None and tensor.dtype is half:
                            counted[1] += tensor.numel() * 2
            if counted[0]:
                module._apply(lambda tensor: tensor.float() if tensor.dtype is half and tensor.device.type == "cpu"
                              else tensor)
            _converted["modules"] += counted[0]
            _converted["bytes"] += counted[1]


def _make_module_call(original):
    def module_call(self, *args, **kwargs):
        half_in = _has_half(args) or (kwargs and _has_half(kwargs.values()))
        if not half_in and not _own_half(self):
            return original(self, *args, **kwargs)
        if isinstance(self, _script_module):
            return original(self, *args, **kwargs)
        if _own_half(self):
            if _state.get("no_cache") or _trainable_now(self):
                # Its float16 weights stay (an optimizer may hold float16 state for them), so its
                # inputs stay float16 too: casting only one side mixes dtypes in ops like batch_norm
                # or lstm that work natively. The op layer still upcasts what this torch lacks.
                return original(self, *args, **kwargs)
            _module_to_float32(self)
        if half_in:
            args = [_cast_arg(value) for value in args]
            kwargs = dict((key, _cast_arg(value)) for key, value in kwargs.items())
        # The result stays float32: the next module or op takes it as it is (no rounding
        # between layers), and TorchScript code (GPT-SoVITS's T2SBlock) gets one dtype.
        return original(self, *args, **kwargs)

    module_call._gsv_doctor_hook = True
    module_call.__wrapped__ = original
    return module_call


def _make_module_half(original):
    def half(self):
        """On the CPU, a float16 model is kept in float32: no float16 copy, no cast later."""
        if _state.get("no_cache") or not _all_on_cpu(self):
            return original(self)
        for child in self.modules():
            child.__dict__[_MARK] = True
        _module_to_float32(self)  # float16 tensors it may hold already
        _converted["kept"] += 1
        return self

    half._gsv_doctor_hook = True
    half.__wrapped__ = original
    return half


def _make_module_move(original, name):
    def move(self, *args, **kwargs):
        if name == "to":
            try:
                device, dtype = _torch._C._nn._parse_to(*args, **kwargs)[:2]
            except Exception:
                return original(self, *args, **kwargs)
            if dtype is _torch.float16 and (device is None or _torch.device(device).type == "cpu"):
                moved = original(self, device) if device is not None else self
                return moved.half()
        moved = original(self, *args, **kwargs)
        # model.half().to("cuda"): the float16 that .half() held back is due now, on that device.
        if isinstance(moved, _torch.nn.Module) and moved.__dict__.get(_MARK) and not _all_on_cpu(moved):
            for child in moved.modules():
                child.__dict__.pop(_MARK, None)
            _originals["torch.nn.Module.half"][0](moved)
        return moved

    move._gsv_doctor_hook = True
    move.__wrapped__ = original
    return move


def _cast_arg(value):
    # Module inputs are activations: a cast, never an in-place change of the caller's tensor.
    if isinstance(value, _torch.Tensor):
        return value.float() if value.dtype is _torch.float16 and value.device.type == "cpu" else value
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return type(value)(_cast_arg(item) for item in value)
    return value


class _NoScriptModule(object):
    pass


_script_module = _NoScriptModule


# -- layer 2: op wrappers -------------------------------------------------------------------

def _make_wrapper(original, name):
    half = _torch.float16
    keep = name in KEEP_FLOAT32
    in_place = (name.endswith("_") and not name.endswith("__")) or (name.startswith("__i") and name not in (
        "__index__", "__invert__", "__iter__", "__int__", "__init__"))

    def upcast_wrapper(*args, **kwargs):
        found = False
        for value in args:
            if isinstance(value, _torch.Tensor):
                if value.dtype is half and value.device.type == "cpu":
                    found = True
                    break
            elif isinstance(value, (list, tuple)) and _has_half(value):
                found = True
                break
        if not found and kwargs:
            found = _has_half(kwargs.values())
            if not found and kwargs.get("dtype") is half and not any(isinstance(v, _torch.Tensor) for v in args):
                return _factory(original, args, kwargs)
        if not found:
            return original(*args, **kwargs)
        out = kwargs.pop("out", None)
        chosen = kwargs.get("dtype") is not None  # softmax(x, dtype=...): the caller chose
        if kwargs.get("dtype") is half:
            kwargs["dtype"] = _torch.float32
            chosen = False
        target = args[0] if (in_place or kwargs.get("inplace")) and args and _is_cpu_half(args[0]) else None
        if target is not None:
            # in place on a float16 tensor: compute on a float32 copy, write the result back
            first = target.float()
            result = original(first, *[_up(v) for v in args[1:]], **dict((k, _up(v)) for k, v in kwargs.items()))
            target.copy_(first if result is None else result)
            return target
        result = original(*[_up(v) for v in args], **dict((k, _up(v)) for k, v in kwargs.items()))
        if not chosen and not keep:
            result = _down(result)
        if out is not None:
            out.copy_(result)
            return out
        return result

    def window_wrapper(*args, **kwargs):
        # hann_window(n, dtype=torch.float16) on the CPU: build it in float32, then cast.
        if kwargs.get("dtype") is half:
            return _factory(original, args, kwargs)
        return original(*args, **kwargs)

    wrapper = window_wrapper if name == "hann_window" else upcast_wrapper
    for attribute in ("__name__", "__qualname__", "__doc__", "__module__"):
        try:
            setattr(wrapper, attribute, getattr(original, attribute))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = original
    wrapper._gsv_doctor_hook = True
    # TorchScript must compile calls of the wrapper as calls of the original (the hook
    # does not reach into scripted code): a Python original is compiled from its own
    # source through the marker torch.jit.script honours for _script_if_tracing ...
    setattr(wrapper, "__script_if_tracing_wrapper", True)
    setattr(wrapper, "__original_fn", original)
    return wrapper


def _factory(original, args, kwargs):
    """A float16 tensor made from sizes (hann_window, arange...) on the CPU: made in float32, then cast."""
    device = kwargs.get("device")
    if device is not None and _torch.device(device).type != "cpu":
        return original(*args, **kwargs)
    kwargs = dict(kwargs, dtype=_torch.float32)
    return original(*args, **kwargs).half()


def _jit_builtins(torch):
    try:
        return torch.jit._builtins
    except AttributeError:
        return None


def _register_for_torchscript(torch, wrapper, original):
    """... and a C original is the same aten op for the script compiler."""
    builtins = _jit_builtins(torch)
    try:
        op = builtins._find_builtin(original) if builtins is not None else None
        if op is not None:
            builtins._register_builtin(wrapper, op)
    except Exception:  # an older or newer torch without this table: scripting just cannot see through
        pass


def _unregister_for_torchscript(torch, wrapper):
    builtins = _jit_builtins(torch)
    try:
        if builtins is not None:
            builtins._get_builtin_table().pop(id(wrapper), None)
    except Exception:
        pass


# -- install / uninstall / status ----------------------------------------------------------

def _split(torch, op):
    for owner in OWNERS:
        if op.startswith(owner + ".") and "." not in op[len(owner) + 1:]:
            target = {"torch": torch, "torch.nn.functional": torch.nn.functional, "torch.Tensor": torch.Tensor,
                      "torch.fft": getattr(torch, "fft", None), "torch.linalg": getattr(torch, "linalg", None)}[owner]
            return target, op[len(owner) + 1:]
    return None, None


def install(ops=None, reason=None, source="api", modules=True):
    """Patch the catalog plus `ops` ("torch.exp", "torch.Tensor.tanh", ...), and nn.Module.__call__.

    ops=None: the catalog plus the cached op scan of this torch build, if there is one.
    Idempotent and thread-safe: what is patched stays as it is. Returns status().
    """
    global _torch, _script_module
    import torch

    _torch = torch
    if ops is None:
        scan = load_cached_scan(torch)
        ops = scan["ops"] if scan else []
    wanted = list(CATALOG) + [op for op in ops if op not in CATALOG]
    unknown = [op for op in wanted if _split(torch, op)[0] is None]
    if unknown:
        raise ValueError("not an op the hook can patch: %s" % ", ".join(unknown))
    script_module = getattr(getattr(torch, "jit", None), "ScriptModule", None)
    _script_module = script_module if isinstance(script_module, type) else _NoScriptModule
    with _lock:
        _state["no_cache"] = os.environ.get(ENV_CACHE, "1") == "0"
        for op in wanted:
            if op in _originals:
                continue
            target, name = _split(torch, op)
            original = getattr(target, name, None) if target is not None else None
            if original is None or getattr(original, "_gsv_doctor_hook", False) or isinstance(original, type):
                continue  # an older torch without this entry point, or another copy of the hook
            own = name in vars(target)  # Tensor methods live on a C base class
            _originals[op] = (original, own)
            wrapper = _make_wrapper(original, name)
            _register_for_torchscript(torch, wrapper, original)
            setattr(target, name, wrapper)
        if modules and "torch.nn.Module.__call__" not in _originals:
            module_class = torch.nn.Module
            for name, make in (("__call__", _make_module_call), ("half", _make_module_half),
                               ("to", lambda original: _make_module_move(original, "to")),
                               ("cuda", lambda original: _make_module_move(original, "cuda"))):
                original = getattr(module_class, name)
                if getattr(original, "_gsv_doctor_hook", False):
                    continue
                _originals["torch.nn.Module." + name] = (original, name in vars(module_class))
                setattr(module_class, name, make(original))
            _state["modules"] = True
        if _originals:
            _state["reason"] = reason or _state["reason"] or "the catalog and every float16 module"
            _state["source"] = source
    return status()


def uninstall():
    """Restore every patched object exactly (the same objects). Converted weights stay float32."""
    with _lock:
        if not _originals:
            return
        torch = _torch
        for op in list(_originals):
            original, own = _originals.pop(op)
            if op.startswith("torch.nn.Module."):
                target, name = torch.nn.Module, op.rsplit(".", 1)[1]
            else:
                target, name = _split(torch, op)
                _unregister_for_torchscript(torch, getattr(target, name))
            if own:
                setattr(target, name, original)
            else:
                delattr(target, name)
        _state["reason"] = None
        _state["source"] = None
        _state["modules"] = False
        for key in _converted:
            _converted[key] = 0


def status():
    """What is patched in this process, and why. JSON-ready."""
    with _lock:
        return {
            "active": bool(_originals),
            "ops": [op for op in _originals if not op.startswith("torch.nn.Module.")],
            "modules": bool(_state["modules"]),
            "reason": _state["reason"],
            "source": _state["source"],
            "error": _state["error"],
            "scan": _state["scan"],
            "kept_float32_models": _converted["kept"],
            "converted_modules": _converted["modules"],
            "converted_parameters": _converted["parameters"],
            "converted_float16_bytes": _converted["bytes"],
        }


# -- the cache: probe reports (written by gsv-doctor) and op scans (written here) --------------

def cache_dir(environ=None):
    environ = os.environ if environ is None else environ
    if environ.get(ENV_CACHE_DIR):
        return environ[ENV_CACHE_DIR]
    if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
        return os.path.join(environ["LOCALAPPDATA"], "gsv-doctor", "cache")
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gsv-doctor")


def cache_key(executable, torch_dir, environ=None):
    """Key of a probe report: interpreter, torch build (its version.py), visible devices.

    torch's version.py holds the version with its local tag (+cpu, +cu118), the git
    revision and the CUDA/HIP versions, so hashing it names the build without importing it.
    """
    import hashlib

    environ = os.environ if environ is None else environ
    try:
        with open(os.path.join(torch_dir, "version.py"), "rb") as handle:
            build = hashlib.sha1(handle.read()).hexdigest()
    except OSError:
        build = "no-version-file"
    parts = [os.path.normcase(os.path.abspath(executable)), build,
             "CUDA_VISIBLE_DEVICES=%s" % environ.get("CUDA_VISIBLE_DEVICES", "<unset>"),
             "HIP_VISIBLE_DEVICES=%s" % environ.get("HIP_VISIBLE_DEVICES", "<unset>")]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def cache_path(key, environ=None):
    return os.path.join(cache_dir(environ), "probe-%s.json" % key)


def scan_path(torch_module):
    """Where the op scan of this torch build is cached: keyed on the build and its folder only
    (CPU kernels: neither the interpreter, a venv sharing that torch, nor the devices matter)."""
    torch_dir = os.path.dirname(os.path.abspath(torch_module.__file__))
    key = cache_key(torch_dir, torch_dir, {})
    return os.path.join(cache_dir(), "opscan-%s.json" % key)


def load_cached_scan(torch_module):
    import json

    try:
        with open(scan_path(torch_module), "r", encoding="utf-8") as handle:
            scan = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(scan, dict) or scan.get("schema") != SCAN_SCHEMA or not isinstance(scan.get("ops"), list) \
            or scan.get("torch") != getattr(torch_module, "__version__", None):
        return None
    if not all(isinstance(op, str) for op in scan["ops"]):
        return None
    return scan


def _save(path, data):
    import json
    import tempfile

    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".opscan-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1, sort_keys=True)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def scan_in_child(torch_module, executable=None, timeout=SCAN_TIMEOUT_S):
    """Run the op scan in a child of this interpreter (a crash there costs one op, not us); cache it.

    The child prints one line per op as it goes; if it dies on an op (a kernel that crashes
    in float16), the scan goes on after that op in a new child, and that op is upcast too.
    """
    import subprocess

    executable = executable or sys.executable
    found = {}
    crashed = []
    start = 0
    env = dict(os.environ, **{ENV_SWITCH: "0"})
    for _ in range(6):
        done = subprocess.run([executable, os.path.abspath(__file__.replace(".pyc", ".py")), "--scan", str(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=timeout, env=env)
        last = start - 1
        finished = False
        for raw in done.stdout.decode("ascii", "replace").splitlines():
            parts = raw.split("\t")
            if parts == ["done"]:
                finished = True
            elif len(parts) == 4 and parts[0].isdigit():
                last = int(parts[0])
                if parts[2] != "ok":
                    found[parts[1]] = {"float16": parts[2], "bfloat16": parts[3]}
                elif parts[3] != "ok":
                    found.setdefault(parts[1], {"float16": "ok", "bfloat16": parts[3]})
        if finished:
            break
        crashed.append(last + 1)
        start = last + 2
    else:
        raise RuntimeError("the op scan kept crashing (%s)" % ", ".join(map(str, crashed)))
    ops = sorted(op for op, result in found.items() if result["float16"] != "ok")
    scan = {"schema": SCAN_SCHEMA, "torch": torch_module.__version__, "executable": executable,
            "ops": ops, "results": found, "crashed_at": crashed}
    _save(scan_path(torch_module), scan)
    try:
        os.remove(scan_path(torch_module) + ".failed")
    except OSError:
        pass
    return scan


def _earlier_failure(torch_module):
    """The error of a failed scan of this torch build, or None."""
    import json

    try:
        with open(scan_path(torch_module) + ".failed", "r", encoding="utf-8") as handle:
            failure = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(failure, dict) or failure.get("torch") != getattr(torch_module, "__version__", None):
        return None
    return str(failure.get("error") or "unknown error")


def install_for_this_torch(torch_module=None, source="api"):
    """install() with the catalog, every float16 module, and what this torch build's op scan found."""
    if torch_module is None:
        import torch as torch_module
    scan = load_cached_scan(torch_module)
    if scan is None and os.environ.get(ENV_SCAN, "1") == "0":
        _state["scan"] = "not run (%s=0)" % ENV_SCAN
        return install([], "the catalog and every float16 module (no op scan)", source)
    if scan is None:
        failed = _earlier_failure(torch_module)
        if failed:  # one failed scan per torch build: never a stall at every start
            _state["scan"] = "failed earlier (%s); `gsv-doctor hook install` tries again" % failed
            return install([], "the catalog and every float16 module (op scan failed)", source)
        sys.stderr.write("gsv-doctor hook: checking once which float16 ops this torch build lacks "
                         "(a minute or two; cached afterwards)\n")
        try:
            scan = scan_in_child(torch_module)
        except Exception as error:  # no scan: the catalog and the modules still run in float32
            _state["scan"] = "failed (%s: %s)" % (type(error).__name__, error)
            try:
                _save(scan_path(torch_module) + ".failed",
                      {"torch": torch_module.__version__, "error": "%s: %s" % (type(error).__name__, error)})
            except OSError:
                pass
            return install([], "the catalog and every float16 module (op scan failed)", source)
    _state["scan"] = "%d ops fail or are inexact in float16 on this torch" % len(scan["ops"])
    return install(scan["ops"], "the catalog, every float16 module, and %d ops this torch's scan found"
                   % len(scan["ops"]), source)


install_from_probe = install_for_this_torch  # the older name


# -- the op scan (runs in a child: python gsv_doctor_hook.py --scan START) ------------------------

# Names never called: they change the process (seeds, defaults, threads), touch files, or are
# conversions and views that cannot fail.
_SCAN_SKIP_PREFIXES = ("set_", "use_", "manual_seed", "save", "load", "compile", "is_", "get_", "from_",
                       "register", "to_", "new_", "q_", "sym_", "fbgemm", "quantize", "fake_quantize", "dequantize",
                       "sparse", "share_memory", "pin_memory", "resize", "_")
_SCAN_SKIP_NAMES = frozenset((
    "seed", "initial_seed", "export", "vmap", "cond", "cuda", "backward", "numpy", "tolist", "item", "storage",
    "untyped_storage", "data_ptr", "to", "type", "type_as", "half", "float", "double", "bfloat16", "cpu", "detach",
    "detach_", "requires_grad_", "retain_grad", "as_subclass", "apply_", "map_", "map2_", "record_stream",
    "dim_order", "module_load", "xpu", "mps", "ipu", "hpu", "mtia", "align_to", "align_as", "rename", "rename_",
    "refine_names", "element_size", "nelement", "numel", "size", "stride", "storage_offset", "contiguous", "clone",
    "copy_", "zero_", "fill_", "wait", "view", "view_as", "expand", "expand_as", "chunk", "split", "unbind",
    "set_", "empty", "empty_like", "empty_strided", "typename", "compiled_with_cxx11_abi", "can_cast",
    "promote_types", "result_type", "chain_matmul_", "normal", "rand", "randn", "randint", "rand_like",
    "randn_like", "randint_like", "randperm", "bernoulli", "bernoulli_", "random_", "uniform_", "normal_",
    "exponential_", "geometric_", "log_normal_", "cauchy_", "dropout", "dropout_", "alpha_dropout",
    "feature_dropout", "feature_alpha_dropout", "dropout1d", "dropout2d", "dropout3d", "rrelu", "rrelu_",
    "gumbel_softmax", "poisson", "binomial", "eq", "equal", "ne", "__eq__", "__ne__"))
_OPERATOR_DUNDERS = ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
                     "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__",
                     "__matmul__", "__rmatmul__", "__neg__", "__abs__", "__iadd__", "__isub__", "__imul__",
                     "__itruediv__", "__ipow__", "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__")


def _scan_targets(torch):
    targets = []
    for owner in OWNERS:
        target, _ = _split(torch, owner + ".x")
        if target is None:
            continue
        names = dir(target)
        if owner == "torch.Tensor":
            names = [n for n in names if not n.startswith("_")] + [n for n in _OPERATOR_DUNDERS if hasattr(target, n)]
        for name in sorted(set(names)):
            if (name.startswith(_SCAN_SKIP_PREFIXES) and not name.startswith("__")) or name.isupper() \
                    or name in _SCAN_SKIP_NAMES:
                continue
            try:
                value = getattr(target, name)
            except Exception:
                continue
            if isinstance(value, type) or not callable(value) or type(value).__name__ == "module":
                continue
            targets.append((owner, name))
    return targets


def _scan_calls(torch, owner, name, x, b, idx):
    """Argument lists to try. The same ones run in float32 first: a call float32 rejects is no test."""
    calls = [((x,), {}), ((x, x), {}), ((x, -1), {}), ((x, 0.5), {}), ((x, 2), {}), ((x, x, x), {}),
             ((b, b), {}), ((b, b, b), {}), ((x,), {"dim": -1})]
    if name in ("pad",):
        calls += [((b, (2, 2)), {"mode": "reflect"}), ((b, (2, 2)), {"mode": "replicate"})]
    if name in ("interpolate", "upsample"):
        calls += [((b,), {"scale_factor": 2.0}), ((b,), {"scale_factor": 2.0, "mode": "linear"})]
    if name in ("embedding",):
        calls += [((idx, x), {})]
    if name in ("multinomial",):
        calls += [((x.abs() + 0.1, 2), {})]
    if name in ("layer_norm", "group_norm"):
        calls += [((b, (16,)), {}), ((b, 2), {})]
    return calls


def _compare(reference, result):
    """'ok', or 'inexact' when result (float16/bfloat16 math) is far from reference (float32 math)."""
    torch = _torch
    if isinstance(reference, (tuple, list)):
        if not isinstance(result, (tuple, list)) or len(reference) != len(result):
            return "inexact"
        for r, s in zip(reference, result):
            if _compare(r, s) != "ok":
                return "inexact"
        return "ok"
    if not isinstance(reference, torch.Tensor):
        return "ok" if type(reference) is type(result) else "inexact"
    if not isinstance(result, torch.Tensor) or reference.shape != result.shape:
        return "inexact"
    if reference.is_complex() or result.is_complex():
        reference, result = torch.view_as_real(reference.to(torch.complex64)), \
            torch.view_as_real(result.to(torch.complex64))
    if not reference.is_floating_point():
        return "ok" if torch.equal(reference, result.to(reference.dtype)) or reference.numel() == 0 else "inexact"
    a, r = result.double(), reference.double()
    finite = torch.isfinite(r)
    if not torch.equal(finite, torch.isfinite(a)):
        return "inexact"
    if not finite.any():
        return "ok"
    a, r = a[finite], r[finite]
    error = float((a - r).norm()) / max(float(r.norm()), 1e-12)
    return "inexact" if error > 3e-3 else "ok"  # float16 rounding alone: about 3e-4


def _scan_one(torch, owner, name):
    """(float16 verdict, bfloat16 verdict): 'ok', 'fails' or 'inexact'."""
    target, _ = _split(torch, owner + ".x")
    function = getattr(target, name)
    generator = torch.Generator().manual_seed(0)
    small = torch.randn(16, 16, generator=generator).half().float()
    batch = torch.randn(2, 16, 16, generator=generator).half().float()
    big = (torch.randn(512, 512, generator=generator) * 4).half().float()
    idx = torch.tensor([[1, 3], [0, 15]])
    verdicts = {"float16": "ok", "bfloat16": "ok"}

    def call(args, kwargs):
        torch.manual_seed(0)
        return function(*args, **kwargs)

    def cast(values, dtype):
        out = []
        for value in values:
            if isinstance(value, torch.Tensor) and value.is_floating_point():
                out.append(value.to(dtype))
            else:
                out.append(value)
        return out

    for args, kwargs in _scan_calls(torch, owner, name, small, batch, idx):
        try:
            reference = call([a.clone() if isinstance(a, torch.Tensor) else a for a in args], kwargs)
        except Exception:
            continue
        large = None
        if isinstance(reference, torch.Tensor) and reference.numel() < small.numel() and args and args[0] is small:
            large = [big if a is small else a for a in args]  # a reduction: accumulation error shows on many
        for dtype_name, dtype in (("float16", torch.float16), ("bfloat16", torch.bfloat16)):
            if verdicts[dtype_name] == "fails":
                continue
            for values in ([args] + ([large] if large is not None else [])):
                try:
                    expected = reference if values is args else call(values, kwargs)
                    got = call(cast(values, dtype), kwargs)
                except Exception:
                    verdicts[dtype_name] = "fails"
                    break
                if dtype is torch.float16 and _compare(expected, got) != "ok":
                    verdicts[dtype_name] = "inexact"  # bfloat16 is coarse by design: only failures count
    return verdicts["float16"], verdicts["bfloat16"]


def scan_main(start=0):
    global _torch
    import warnings

    import torch

    warnings.simplefilter("ignore")
    _torch = torch
    torch.set_num_threads(1)
    for index, (owner, name) in enumerate(_scan_targets(torch)):
        if index < start:
            continue
        try:
            half, bf16 = _scan_one(torch, owner, name)
        except Exception:
            half, bf16 = "ok", "ok"
        sys.stdout.write("%d\t%s.%s\t%s\t%s\n" % (index, owner, name, half, bf16))
        sys.stdout.flush()
    sys.stdout.write("done\n")
    sys.stdout.flush()


# -- activation from a .pth line ------------------------------------------------------------------

def _say(text):
    try:
        sys.stderr.write("gsv-doctor hook: %s\n" % text)
    except Exception:
        pass


def _after_torch_import(module):
    try:
        install_for_this_torch(module, source="pth")
    except Exception as error:  # never break the program: run on unpatched
        _state["error"] = "%s: %s" % (type(error).__name__, error)
        _say("not active (%s); running without it." % _state["error"])


class _TorchImportFinder(object):
    """A meta path finder that lets torch import normally, then patches it.

    It stays in sys.meta_path until torch has really been executed: callers such as
    transformers ask importlib.util.find_spec("torch") long before they import it, and
    that spec is thrown away.
    """

    def __init__(self):
        self._local = _thread._local()

    def find_spec(self, name, path=None, target=None):
        if name != "torch" or getattr(self._local, "busy", False):
            return None
        self._local.busy = True  # our own lookup below must pass us by
        try:
            import importlib.util

            spec = importlib.util.find_spec("torch")
            loader = getattr(spec, "loader", None)
            original = getattr(loader, "exec_module", None)
            if original is None:
                return None
            finder = self

            def exec_module(module):
                original(module)
                try:
                    del loader.exec_module
                    sys.meta_path.remove(finder)
                except (AttributeError, ValueError):
                    pass
                _after_torch_import(module)

            loader.exec_module = exec_module
            return spec
        except Exception as error:
            _say("could not watch for torch (%s: %s); running without it." % (type(error).__name__, error))
            return None
        finally:
            self._local.busy = False


def activate():
    """Called by the .pth line at start-up: cheap, never raises, never imports torch."""
    try:
        if os.environ.get(ENV_SWITCH, "1").strip().lower() in ("0", "false", "no", "off"):
            return
        torch = sys.modules.get("torch")
        if torch is not None and hasattr(torch, "nn"):
            _after_torch_import(torch)
            return
        if not any(isinstance(finder, _TorchImportFinder) for finder in sys.meta_path):
            sys.meta_path.insert(0, _TorchImportFinder())
    except Exception as error:
        _say("not active (%s: %s); running without it." % (type(error).__name__, error))


if __name__ == "__main__" and sys.argv[1:2] == ["--scan"]:
    scan_main(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
