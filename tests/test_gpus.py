import pytest

from gsv_doctor import gpus

ARCH_CU118 = ["sm_37", "sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"]


@pytest.mark.parametrize("name, capability, memory, status, rule", [
    ("NVIDIA GeForce RTX 3090", (8, 6), 24.0, gpus.USABLE, "none"),
    ("Tesla V100-SXM2-16GB", (7, 0), 16.0, gpus.USABLE, "none"),  # "16" in the name, fine card
    ("NVIDIA GeForce RTX 4060 Laptop GPU", (8, 9), 8.0, gpus.USABLE, "none"),
    ("NVIDIA GeForce GTX 1660 Ti", (7, 5), 6.0, gpus.HALF_BROKEN, "name"),
    ("NVIDIA GeForce GTX 1650", (7, 5), 4.0, gpus.HALF_BROKEN, "name"),
    ("NVIDIA T1000", (7, 5), 4.0, gpus.HALF_BROKEN, "name"),
    ("NVIDIA GeForce MX450", (7, 5), 4.0, gpus.HALF_BROKEN, "name"),
    ("NVIDIA CMP 30HX", (7, 5), 6.0, gpus.HALF_BROKEN, "name"),
    ("NVIDIA GeForce GTX 1060 6GB", (6, 1), 6.0, gpus.HALF_BROKEN, "capability"),
    ("Tesla P40", (6, 1), 24.0, gpus.HALF_BROKEN, "capability"),
    ("NVIDIA GeForce GTX 1050", (6, 1), 2.0, gpus.UNUSABLE, "memory"),
    ("NVIDIA GeForce GTX 750 Ti", (5, 0), 2.0, gpus.UNUSABLE, "capability"),
    ("NVIDIA GeForce GTX 650", (3, 0), 1.0, gpus.NO_KERNEL, "arch_list"),
    ("NVIDIA GeForce RTX 5090", (12, 0), 32.0, gpus.NO_KERNEL, "arch_list"),
])
def test_verdicts(name, capability, memory, status, rule):
    verdict = gpus.verdict(name, capability, memory, ARCH_CU118)
    assert (verdict.status, verdict.rule) == (status, rule)


@pytest.mark.parametrize("capability, arch_list, expected", [
    ((8, 9), ["sm_86"], True),  # a cubin of the same major and a lower minor runs
    ((8, 6), ["sm_89"], False),
    ((12, 0), ["sm_90", "compute_90"], True),  # PTX JIT-compiles for newer cards
    ((12, 0), ["sm_90"], False),
    ((7, 5), [], True),  # torch did not say: assume it can
    ((9, 0), ["sm_90a"], True),
])
def test_has_kernels(capability, arch_list, expected):
    assert gpus.has_kernels(capability, arch_list) is expected
