"""Saved-probe scenarios for machines CI does not have, built from the measured facts.

Each function returns a probe report as gsv_doctor.probe would print it on that machine.
"""
from __future__ import annotations

import copy
import json

from gsv_doctor import probe, probereport


def typed(report):
    """A report as gsv-doctor reads it (the check every entry point does)."""
    return probereport.parse(report)

OPS = ("bmm", "conv1d", "conv2d", "conv_transpose1d", "gelu", "group_norm", "layer_norm", "linear",
       "matmul", "softmax", "stft")
# torch 2.0.1 on CPU: the kernel named in each float16 error (cpu-half-facts.md).
OLD_CPU_HALF_KERNELS = {
    "conv1d": "slow_conv2d_cpu", "conv2d": "slow_conv2d_cpu", "conv_transpose1d": "slow_conv_transpose2d_out_cpu",
    "linear": "addmm_impl_cpu_", "layer_norm": "LayerNormKernelImpl", "group_norm": "GroupNormKernelImpl",
    "gelu": "GeluKernelImpl", "softmax": "softmax_lastdim_kernel_impl", "bmm": "bmm", "matmul": "addmm_impl_cpu_",
    "stft": "cos_vml_cpu",
}
NO_KERNEL = "RuntimeError: CUDA error: no kernel image is available for execution on the device"
ARCH_CU118 = ["sm_37", "sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"]


def works(error=0.0005):
    return {"status": probe.WORKS, "max_error": error}


def failed(message, status=probe.NOT_IMPLEMENTED):
    return {"status": status, "message": message}


def ops(overrides=None, default=None):
    overrides = overrides or {}
    return {op: copy.deepcopy(overrides.get(op, default or works())) for op in OPS}


def speed(float16, bfloat16, base=0.002):
    def entry(ratio):
        if isinstance(ratio, dict):
            return dict(ratio, seconds=None, vs_float32=None)
        return {"status": probe.WORKS, "seconds": base * ratio, "vs_float32": ratio, "spread": 1.05,
                "uncertain": False, "rounds": 5}

    return {"float32": entry(1.0), "float16": entry(float16), "bfloat16": entry(bfloat16)}


def old_cpu(name="AMD Ryzen 5 3600 6-Core Processor"):
    """CPU device on torch 2.0.1: float16 kernels missing, bfloat16 fine but stft."""
    half = {op: failed(f"RuntimeError: \"{kernel}\" not implemented for 'Half'")
            for op, kernel in OLD_CPU_HALF_KERNELS.items()}
    return {
        "id": "cpu", "kind": "cpu", "name": name, "capability": None, "total_memory_gb": None,
        "ops": {"float32": ops(default=works(0.0)), "float16": ops(half),
                "bfloat16": ops({"stft": failed("RuntimeError: \"reflection_pad1d\" not implemented for 'BFloat16'")},
                                default=works(0.004))},
        "speed": speed(failed(half["conv1d"]["message"]), 0.9),
    }


def new_cpu(half_ratio=24.0, bf16_ratio=0.26, name="AMD EPYC 7B13"):
    """CPU device on a recent torch: float16 works (but for stft) and is slow."""
    return {
        "id": "cpu", "kind": "cpu", "name": name, "capability": None, "total_memory_gb": None,
        "ops": {"float32": ops(default=works(0.0)),
                "float16": ops({"stft": failed("RuntimeError: MKL FFT doesn't support tensors of type: Half")}),
                "bfloat16": ops({"stft": failed("RuntimeError: MKL FFT doesn't support tensors of type: BFloat16")},
                                default=works(0.004))},
        "speed": speed(half_ratio, bf16_ratio),
    }


def cuda_device(index, name, capability, memory_gb, half_ratio=0.6, float32=None, float16=None, bfloat16=None):
    return {
        "id": f"cuda:{index}", "kind": "cuda", "name": name, "capability": list(capability),
        "total_memory_gb": memory_gb,
        "ops": {"float32": float32 or ops(default=works(1e-6)), "float16": float16 or ops(),
                "bfloat16": bfloat16 or ops(default=works(0.004))},
        "speed": speed(half_ratio, 0.7),
    }


def report(torch_version, devices, cuda=None, arch_list=(), mps=False, cuda_error=None, platform="win32"):
    return {
        "schema": probe.PROBE_SCHEMA, "schema_version": probe.PROBE_SCHEMA_VERSION,
        "python": {"version": "3.9.13", "executable": "D:\\GPT-SoVITS\\runtime\\python.exe",
                   "platform": platform, "machine": "AMD64"},
        "environment": {"CUDA_VISIBLE_DEVICES": None, "is_half": None, "PYTORCH_ENABLE_MPS_FALLBACK": None},
        "cpu": {"name": devices[0]["name"], "flags": ["avx2", "f16c"]},
        "torch": {"version": torch_version, "cuda": cuda, "hip": None, "file": None, "cpu_capability": "AVX2",
                  "arch_list": list(arch_list), "num_threads": 6},
        "cuda": {"available": any(d["kind"] == "cuda" for d in devices), "device_count":
                 sum(d["kind"] == "cuda" for d in devices), "error": cuda_error},
        "mps": {"available": mps, "built": mps},
        "devices": devices,
        "error": None,
        "elapsed_s": 2.5,
    }


def cpu_only_torch201():
    return report("2.0.1+cpu", [old_cpu()])


def cpu_only_new():
    return report("2.13.0+cpu", [new_cpu()], platform="linux")


def rtx3090():
    return report("2.1.2+cu121", [new_cpu(), cuda_device(0, "NVIDIA GeForce RTX 3090", (8, 6), 24.0)],
                  cuda="12.1", arch_list=ARCH_CU118)


def gtx1660ti():
    # The tiny float16 ops pass on this card; whole models still give NaN.
    return report("2.0.1+cu118", [old_cpu(), cuda_device(0, "NVIDIA GeForce GTX 1660 Ti", (7, 5), 6.0, 0.9)],
                  cuda="11.8", arch_list=ARCH_CU118)


def gtx1060():
    return report("2.0.1+cu118", [old_cpu(), cuda_device(0, "NVIDIA GeForce GTX 1060 6GB", (6, 1), 6.0, 2.7)],
                  cuda="11.8", arch_list=ARCH_CU118)


def gtx650():
    broken = ops(default=failed(NO_KERNEL, probe.ERROR))
    card = cuda_device(0, "NVIDIA GeForce GTX 650", (3, 0), 1.0, float32=broken, float16=broken, bfloat16=broken)
    card["speed"] = speed(failed(NO_KERNEL, probe.ERROR), failed(NO_KERNEL, probe.ERROR))
    card["speed"]["float32"] = dict(failed(NO_KERNEL, probe.ERROR), seconds=None, vs_float32=None)
    return report("2.0.1+cu118", [old_cpu(), card], cuda="11.8", arch_list=ARCH_CU118)


def apple_m1():
    mps = {
        "id": "mps", "kind": "mps", "name": "Apple MPS", "capability": None, "total_memory_gb": None,
        "ops": {"float32": ops(default=works(1e-6)), "float16": ops(),
                "bfloat16": ops(default=failed("TypeError: BFloat16 is not supported on MPS"))},
        "speed": speed(0.7, failed("TypeError: BFloat16 is not supported on MPS")),
    }
    return report("2.1.0", [new_cpu(3.5, 1.5, "arm"), mps], mps=True, platform="darwin")


def four_gb(name, capability):
    """A 4 GB card: torch reports about 3.8 GiB (GPT-SoVITS adds 0.4 before its 4 GiB test)."""
    return report("2.1.2+cu121", [new_cpu(), cuda_device(0, name, capability, 3.81)], cuda="12.1",
                  arch_list=ARCH_CU118)


def rtx3050_laptop():
    return four_gb("NVIDIA GeForce RTX 3050 Laptop GPU", (8, 6))


def gtx1650():
    return four_gb("NVIDIA GeForce GTX 1650", (7, 5))


def t1000():
    return four_gb("NVIDIA T1000", (7, 5))


def gtx1660_and_rtx3090():
    """Two cards: cuda:0 a GTX 1660 (float16 gives NaN), cuda:1 an RTX 3090."""
    return report("2.1.2+cu121", [new_cpu(), cuda_device(0, "NVIDIA GeForce GTX 1660", (7, 5), 5.8),
                                  cuda_device(1, "NVIDIA GeForce RTX 3090", (8, 6), 24.0)],
                  cuda="12.1", arch_list=ARCH_CU118)


SCENARIOS = {
    "cpu-torch201": cpu_only_torch201, "cpu-new": cpu_only_new, "rtx3090": rtx3090,
    "gtx1660ti": gtx1660ti, "gtx1060": gtx1060, "gtx650": gtx650, "apple-m1": apple_m1,
    "rtx3050-laptop": rtx3050_laptop, "gtx1650": gtx1650, "t1000": t1000, "gtx1660+rtx3090": gtx1660_and_rtx3090,
}


def write(path, scenario):
    path.write_text(json.dumps(SCENARIOS[scenario](), indent=1), encoding="utf-8")
    return path
