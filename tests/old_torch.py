"""Emulate torch 2.0.1's CPU float16 gaps on today's torch, process-wide.

Facts from shared/reference/cpu-half-facts.md: on torch 2.0.1 these CPU kernels had no
float16 version and raised RuntimeError with exactly these messages. We patch the
module attributes that Python code calls (torch.nn.functional.conv1d, torch.bmm, ...),
so every thread sees the emulation, as it would see a real old build.
"""
from __future__ import annotations

import contextlib
import functools
import threading

import torch

HALF_KERNELS = {
    ("torch.nn.functional", "conv1d"): "slow_conv2d_cpu",
    ("torch.nn.functional", "conv2d"): "slow_conv2d_cpu",
    ("torch.nn.functional", "conv_transpose1d"): "slow_conv_transpose2d_out_cpu",
    ("torch.nn.functional", "linear"): "addmm_impl_cpu_",
    ("torch.nn.functional", "layer_norm"): "LayerNormKernelImpl",
    ("torch.nn.functional", "group_norm"): "GroupNormKernelImpl",
    ("torch.nn.functional", "gelu"): "GeluKernelImpl",
    ("torch.nn.functional", "softmax"): "softmax_lastdim_kernel_impl",
    ("torch", "bmm"): "bmm",
    ("torch", "hann_window"): "cos_vml_cpu",
}
# torch.matmul and the @ operator reach addmm for 2-D operands and bmm otherwise.
MATMUL_TARGETS = (("torch", "matmul"), ("torch.Tensor", "__matmul__"))
BFLOAT16_KERNELS = {("torch", "stft"): "reflection_pad1d"}

_lock = threading.Lock()
_saved = {}


def message(kernel: str, dtype_name: str = "Half") -> str:
    return f'"{kernel}" not implemented for \'{dtype_name}\''


def _resolve(owner: str):
    return {"torch": torch, "torch.nn.functional": torch.nn.functional, "torch.Tensor": torch.Tensor}[owner]


def _tensors(args, kwargs):
    for value in list(args) + list(kwargs.values()):
        if isinstance(value, torch.Tensor):
            yield value
        elif isinstance(value, (list, tuple)):
            yield from (v for v in value if isinstance(v, torch.Tensor))


def _has_cpu(dtype, args, kwargs) -> bool:
    return any(t.device.type == "cpu" and t.dtype == dtype for t in _tensors(args, kwargs))


def _failing(original, kernel, dtype, dtype_name):
    @functools.wraps(original)
    def emulated(*args, **kwargs):
        if _has_cpu(dtype, args, kwargs):
            raise RuntimeError(message(kernel, dtype_name))
        return original(*args, **kwargs)

    return emulated


def _failing_window(original, kernel):
    @functools.wraps(original)
    def emulated(*args, **kwargs):
        device = kwargs.get("device")
        on_cpu = device is None or torch.device(device).type == "cpu"
        if kwargs.get("dtype") == torch.float16 and on_cpu:
            raise RuntimeError(message(kernel))
        return original(*args, **kwargs)

    return emulated


def _failing_matmul(original):
    @functools.wraps(original)
    def emulated(*args, **kwargs):
        if _has_cpu(torch.float16, args, kwargs):
            operands = [t for t in _tensors(args, kwargs)]
            two_d = all(t.dim() <= 2 for t in operands)
            raise RuntimeError(message("addmm_impl_cpu_" if two_d else "bmm"))
        return original(*args, **kwargs)

    return emulated


def install() -> None:
    with _lock:
        if _saved:
            return
        for (owner, name), kernel in HALF_KERNELS.items():
            original = getattr(_resolve(owner), name)
            _saved[(owner, name)] = original
            if name == "hann_window":
                replacement = _failing_window(original, kernel)
            else:
                replacement = _failing(original, kernel, torch.float16, "Half")
            setattr(_resolve(owner), name, replacement)
        for owner, name in MATMUL_TARGETS:
            original = getattr(_resolve(owner), name)
            _saved[(owner, name)] = original
            setattr(_resolve(owner), name, _failing_matmul(original))
        for (owner, name), kernel in BFLOAT16_KERNELS.items():
            original = getattr(_resolve(owner), name)
            _saved[(owner, name)] = original
            setattr(_resolve(owner), name, _failing(original, kernel, torch.bfloat16, "BFloat16"))


def uninstall() -> None:
    with _lock:
        for (owner, name), original in _saved.items():
            setattr(_resolve(owner), name, original)
        _saved.clear()


@contextlib.contextmanager
def emulated():
    install()
    try:
        yield
    finally:
        uninstall()
