"""Run float16 models on the CPU by computing the heavy ops in float32, process-wide.

Runtime module: it is copied as one self-contained file (gsv_doctor_hook.py) into the
site-packages of the Python that runs GPT-SoVITS, so it needs only the standard library
and torch, keeps Python 3.9 syntax and ASCII source, and imports torch only when asked
to patch (the .pth line that activates it must cost nothing at start-up).

install() replaces the Python entry points of the op catalog (torch.nn.functional.conv1d,
torch.bmm, Tensor.__matmul__, ...) with wrappers: when an argument is a CPU float16
tensor the op runs in float32 and its floating result comes back as float16; otherwise
the original runs untouched. Patching module attributes (not a dispatch mode, which is
thread-local) reaches Gradio's worker threads too. uninstall() puts back the very same
function objects.
"""
from __future__ import annotations

import _thread
import os
import sys

ENV_SWITCH = "GSV_DOCTOR_HOOK"  # "0" disables the hook for one run
ENV_CACHE = "GSV_DOCTOR_HOOK_CACHE"  # "0" turns off the float32 caches (weights, outputs)
ENV_CACHE_DIR = "GSV_DOCTOR_CACHE_DIR"  # where probe reports are cached
PROBE_SCHEMA = "gsv-doctor/probe"
# float16 on the CPU slower than this times float32 in the probe: patch every op.
SLOW_RATIO = 1.1

# (owner, attribute, probe op it follows). The probe measures one op per family; the
# others share the kernel or the code path (conv3d with conv2d, log_softmax with softmax).
CATALOG = (
    ("torch.nn.functional", "conv1d", "conv1d"),
    ("torch.nn.functional", "conv2d", "conv2d"),
    ("torch.nn.functional", "conv3d", "conv2d"),
    ("torch.nn.functional", "conv_transpose1d", "conv_transpose1d"),
    ("torch.nn.functional", "conv_transpose2d", "conv_transpose1d"),
    ("torch.nn.functional", "linear", "linear"),
    ("torch.nn.functional", "layer_norm", "layer_norm"),
    ("torch.nn.functional", "group_norm", "group_norm"),
    ("torch.nn.functional", "gelu", "gelu"),
    ("torch.nn.functional", "softmax", "softmax"),
    ("torch.nn.functional", "log_softmax", "softmax"),
    ("torch.nn.functional", "scaled_dot_product_attention", "matmul"),
    ("torch", "conv1d", "conv1d"),
    ("torch", "conv2d", "conv2d"),
    ("torch", "conv_transpose1d", "conv_transpose1d"),
    ("torch", "softmax", "softmax"),
    ("torch", "log_softmax", "softmax"),
    ("torch", "bmm", "bmm"),
    ("torch", "baddbmm", "bmm"),
    ("torch", "matmul", "matmul"),
    ("torch", "mm", "matmul"),
    ("torch", "addmm", "linear"),
    ("torch", "einsum", "matmul"),
    ("torch.Tensor", "__matmul__", "matmul"),
    ("torch.Tensor", "matmul", "matmul"),
    ("torch.Tensor", "softmax", "softmax"),
    ("torch.Tensor", "log_softmax", "softmax"),
    ("torch", "stft", "stft"),
    ("torch", "hann_window", "stft"),
)
ALL_OPS = tuple("%s.%s" % (owner, name) for owner, name, _ in CATALOG)

_lock = _thread.allocate_lock()
_originals = {}  # "owner.name" -> the object that was there before install()
_state = {"reason": None, "source": None, "error": None}
# id(float16 tensor) -> (weakref, version, data_ptr, float32 copy, is weight): weights, and the
# float32 results of the most recent outputs of patched ops.
_cache = {}
# Outputs whose float32 result is kept: (key, weakref), least recently used first. Enough for a
# chain of patched ops (conv -> GELU -> GroupNorm) to skip the casts; a program that keeps many
# outputs (lists of features) pays for the float32 copies of the last few only.
OUTPUT_CACHE_SIZE = 8
_recent = []
_recent_lock = _thread.allocate_lock()  # never taken in a weakref callback (_forget): no deadlock
_torch = None


# -- the wrappers -----------------------------------------------------------------------

def _is_cpu_half(value):
    return isinstance(value, _torch.Tensor) and value.dtype is _torch.float16 and value.device.type == "cpu"


def _forget(ref, key=None):
    entry = _cache.get(key)
    if entry is not None and entry[0] is ref:
        _cache.pop(key, None)


def _upcast(tensor):
    """float32 copy of a CPU float16 tensor, cast once where a cache makes it cheaper.

    Weights (Parameters): the copy lives as long as the weight and is redone when the
    weight changes (version counter, storage). Outputs of a patched op: the float32 result
    of the last OUTPUT_CACHE_SIZE outputs is kept while they live and are not changed, so
    the next patched op (conv -> GELU -> GroupNorm) starts from it instead of casting back up.
    """
    if _state.get("no_cache"):
        return tensor.float()
    if tensor.requires_grad and _torch.is_grad_enabled():
        return tensor.float()  # part of a graph: a cached copy would go stale for backward
    if tensor.is_inference():
        return tensor.float()  # made under inference_mode: no version counter to trust
    key = id(tensor)
    entry = _cache.get(key)
    if entry is not None and entry[0]() is tensor and entry[1] == tensor._version \
            and entry[2] == tensor.data_ptr():
        if not entry[4]:
            _touch(key, entry[0])
        return entry[3]
    converted = tensor.detach().float()
    if isinstance(tensor, _torch.nn.Parameter):
        _remember(tensor, converted, True)
    return converted


def _remember(tensor, converted, weight):
    import weakref

    key = id(tensor)
    ref = weakref.ref(tensor, lambda dead, key=key: _forget(dead, key))
    _cache[key] = (ref, tensor._version, tensor.data_ptr(), converted, weight)
    if not weight:
        evicted = []
        with _recent_lock:
            _recent.append((key, ref))
            if len(_recent) > OUTPUT_CACHE_SIZE:
                _recent[:] = [item for item in _recent if item[1]() is not None]  # dead ones: gone already
            while len(_recent) > OUTPUT_CACHE_SIZE:
                evicted.append(_recent.pop(0))
        for old_key, old_ref in evicted:
            _forget(old_ref, old_key)  # only if that entry is still the one remembered


def _touch(key, ref):
    """A kept output was used again: it becomes the most recent."""
    with _recent_lock:
        for index, item in enumerate(_recent):
            if item[1] is ref:  # by identity: == on live weakrefs would compare the tensors
                del _recent[index]
                _recent.append(item)
                return


def _convert(value):
    return _upcast(value) if _is_cpu_half(value) else value


def _downcast(result):
    if isinstance(result, _torch.Tensor):
        if result.dtype is not _torch.float32:
            return result
        half = result.half()
        if not _state.get("no_cache") and not (result.requires_grad and _torch.is_grad_enabled()) \
                and not half.is_inference():
            _remember(half, result, False)
        return half
    if isinstance(result, tuple):
        return type(result)(_downcast(item) for item in result) if not hasattr(result, "_fields") \
            else type(result)(*(_downcast(item) for item in result))
    return result


def _make_wrapper(original, name):
    half = _torch.float16

    def upcast_wrapper(*args, **kwargs):
        found = False
        for value in args:
            if isinstance(value, _torch.Tensor) and value.dtype is half and value.device.type == "cpu":
                found = True
                break
        if not found and kwargs:
            for value in kwargs.values():
                if isinstance(value, _torch.Tensor) and value.dtype is half and value.device.type == "cpu":
                    found = True
                    break
        if not found:
            return original(*args, **kwargs)
        out = kwargs.pop("out", None)
        keep = kwargs.get("dtype") is not None  # softmax(x, dtype=...): the caller chose
        result = original(*[_convert(v) for v in args], **dict((k, _convert(v)) for k, v in kwargs.items()))
        if not keep:
            result = _downcast(result)
        if out is not None:
            out.copy_(result)
            return out
        return result

    def window_wrapper(*args, **kwargs):
        # hann_window(n, dtype=torch.float16) on the CPU: build it in float32, then cast.
        device = kwargs.get("device")
        if kwargs.get("dtype") is half and (device is None or _torch.device(device).type == "cpu"):
            kwargs["dtype"] = _torch.float32
            return original(*args, **kwargs).half()
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

def _owner(torch, owner):
    return {"torch": torch, "torch.nn.functional": torch.nn.functional, "torch.Tensor": torch.Tensor}[owner]


def install(ops=None, reason=None, source="api"):
    """Patch the ops named in `ops` ("torch.bmm", ...; default: the whole catalog).

    Idempotent and thread-safe: ops already patched stay as they are. Returns status().
    """
    global _torch
    import torch

    wanted = ALL_OPS if ops is None else tuple(ops)
    unknown = [op for op in wanted if op not in ALL_OPS]
    if unknown:
        raise ValueError("not in the hook's catalog: %s" % ", ".join(unknown))
    with _lock:
        _torch = torch
        _state["no_cache"] = os.environ.get(ENV_CACHE, "1") == "0"
        for owner, name, _ in CATALOG:
            key = "%s.%s" % (owner, name)
            if key not in wanted or key in _originals:
                continue
            target = _owner(torch, owner)
            original = getattr(target, name, None)
            if original is None or getattr(original, "_gsv_doctor_hook", False):
                continue  # an older torch without this entry point, or another copy of the hook
            # Tensor.__matmul__ lives on a base class; remember whether Tensor had its own.
            own = name in vars(target)
            _originals[key] = (original, own)
            wrapper = _make_wrapper(original, name)
            _register_for_torchscript(torch, wrapper, original)
            setattr(target, name, wrapper)
        if _originals:
            _state["reason"] = reason or _state["reason"] or "all ops of the catalog (no probe report)"
            _state["source"] = source
    return status()


def uninstall():
    """Restore every patched object exactly (the same objects) and drop the float32 caches."""
    with _lock:
        if not _originals:
            return
        torch = _torch
        for owner, name, _ in CATALOG:
            key = "%s.%s" % (owner, name)
            if key not in _originals:
                continue
            original, own = _originals.pop(key)
            target = _owner(torch, owner)
            _unregister_for_torchscript(torch, getattr(target, name))
            if own:
                setattr(target, name, original)
            else:
                delattr(target, name)
        _cache.clear()
        with _recent_lock:
            del _recent[:]
        _state["reason"] = None
        _state["source"] = None


def status():
    """What is patched in this process, and why. JSON-ready."""
    entries = list(_cache.values())
    with _lock:
        return {
            "active": bool(_originals),
            "ops": [op for op in ALL_OPS if op in _originals],
            "reason": _state["reason"],
            "source": _state["source"],
            "error": _state["error"],
            "cached_weights": sum(1 for entry in entries if entry[4]),
            "cache_bytes": sum(entry[3].numel() * entry[3].element_size() for entry in entries if entry[4]),
            "cached_outputs": sum(1 for entry in entries if not entry[4]),
            "output_cache_bytes": sum(entry[3].numel() * entry[3].element_size() for entry in entries
                                      if not entry[4]),
        }


# -- which ops: from the cached probe report ----------------------------------------------------

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


def select_ops(report):
    """(ops to patch, why) from a probe report of this torch build."""
    cpu = None
    for device in (report or {}).get("devices") or []:
        if device.get("id") == "cpu":
            cpu = device
    if cpu is None or "ops" not in cpu:
        return list(ALL_OPS), "all ops of the catalog (the probe report has no CPU results)"
    half = cpu["ops"].get("float16") or {}
    speed = (cpu.get("speed") or {}).get("float16") or {}
    ratio = speed.get("vs_float32")
    if ratio is None or ratio > SLOW_RATIO:
        why = "float16 on the CPU is %.1fx slower than float32 here" % ratio if ratio else \
            "float16 on the CPU could not be timed here"
        return list(ALL_OPS), "all ops of the catalog: " + why
    failing = sorted(name for name, result in half.items() if result.get("status") != "works")
    ops = ["%s.%s" % (owner, name) for owner, name, family in CATALOG if family in failing]
    if not ops:
        return [], "none: every probed op works in float16 on the CPU at float32 speed"
    return ops, "float16 on the CPU fails or is inexact here for: %s" % ", ".join(failing)


def load_cached_report(torch_module):
    """The cached probe report for this interpreter and torch build, or None."""
    import json

    torch_dir = os.path.dirname(os.path.abspath(torch_module.__file__))
    path = cache_path(cache_key(sys.executable, torch_dir))
    try:
        with open(path, "r", encoding="utf-8") as handle:
            report = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(report, dict) or report.get("schema") != PROBE_SCHEMA:
        return None
    return report


def install_from_probe(torch_module=None, source="api"):
    """install() with the ops that the cached probe report selects (all without one)."""
    if torch_module is None:
        import torch as torch_module
    report = load_cached_report(torch_module)
    if report is None:
        return install(None, "all ops of the catalog (no cached probe report)", source)
    ops, reason = select_ops(report)
    return install(ops, reason, source)


# -- activation from a .pth line ------------------------------------------------------------------

def _say(text):
    try:
        sys.stderr.write("gsv-doctor hook: %s\n" % text)
    except Exception:
        pass


def _after_torch_import(module):
    try:
        install_from_probe(module, source="pth")
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
