"""Rules about NVIDIA cards that a tiny probe cannot see: float16 NaN families, unusable cards,
and builds of torch without kernels for a card.

Standard library only (fix writes the same rules into config.py as plain code).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

MIN_CAPABILITY = (5, 3)  # below: GPT-SoVITS itself falls back to the CPU
MIN_MEMORY_GB = 4.0
# GPT-SoVITS's own rule: a card is usable when (memory in GiB + 0.4) >= 4, because a 4 GB card
# reports about 3.8 GiB (RTX 3050 Laptop, GTX 1650, T1000 stay on the GPU).
MEMORY_ALLOWANCE_GB = 0.4
NAN_CAPABILITY = (6, 1)  # GTX 10xx, P40, P4: float16 runs, output is NaN / silent

# Cards whose float16 gives NaN or silent audio (GTX 16xx at capability 7.5 and the
# Turing chips sold under other names; RVC-family projects keep the same list).
HALF_BROKEN_NAME = re.compile(
    r"GTX\s*16\d\d|\b(16[356]0)\b|\bT(500|550|600|1000|1200|2000)\b|\bMX\s*(450|550)\b|\bCMP\b|\bP40\b|\bP10\b"
    r"|\b10[678]0\b",
    re.IGNORECASE,
)

USABLE = "usable"
UNUSABLE = "unusable"  # too old or too small: run on the CPU
HALF_BROKEN = "half_broken"  # float32 only
NO_KERNEL = "no_kernel"  # this torch build cannot run on the card at all


@dataclass
class GpuVerdict:
    status: str  # one of USABLE, UNUSABLE, HALF_BROKEN, NO_KERNEL
    reason: str  # a short English phrase for logs; reports use messages by status
    rule: str  # which rule decided: "capability", "memory", "name", "arch_list", "none"


def _sm(capability: Sequence[int]) -> Tuple[int, int]:
    return int(capability[0]), int(capability[1])


def has_kernels(capability: Sequence[int], arch_list: Sequence[str]) -> bool:
    """True when the build ships code the card can run: a cubin of the same major and a
    minor not above the card's, or PTX for an older-or-equal capability (JIT-compiled)."""
    if not arch_list:
        return True  # unknown: torch did not say; assume it can
    major, minor = _sm(capability)
    for arch in arch_list:
        match = re.match(r"(sm|compute)_(\d+)(\d)[a-z]?$", arch)
        if not match:
            continue
        kind, arch_major, arch_minor = match.group(1), int(match.group(2)), int(match.group(3))
        if kind == "sm" and arch_major == major and arch_minor <= minor:
            return True
        if kind == "compute" and (arch_major, arch_minor) <= (major, minor):
            return True
    return False


def verdict(name: str, capability: Sequence[int], memory_gb: Optional[float],
            arch_list: Sequence[str] = ()) -> GpuVerdict:
    cap = _sm(capability)
    if not has_kernels(cap, arch_list):
        return GpuVerdict(NO_KERNEL, f"this torch build has no kernels for sm_{cap[0]}{cap[1]}", "arch_list")
    if cap < MIN_CAPABILITY:
        return GpuVerdict(UNUSABLE, f"compute capability {cap[0]}.{cap[1]} is below 5.3", "capability")
    if memory_gb is not None and memory_gb + MEMORY_ALLOWANCE_GB < MIN_MEMORY_GB:
        return GpuVerdict(UNUSABLE, f"{memory_gb:g} GB of memory is below 4 GB", "memory")
    if cap == NAN_CAPABILITY:
        return GpuVerdict(HALF_BROKEN, "compute capability 6.1 gives NaN in float16", "capability")
    if HALF_BROKEN_NAME.search(name or ""):
        return GpuVerdict(HALF_BROKEN, f"{name} is a card whose float16 gives NaN", "name")
    return GpuVerdict(USABLE, "float16 is supported", "none")
