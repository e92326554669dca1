"""The probe's report as typed data, and the one judgement of it that every command uses.

The probe (gsv_doctor.probe) runs in the target interpreter and prints plain JSON. That JSON
is checked and turned into a ProbeReport at each of the three places it enters gsv-doctor:
the child's output (target.finish), a saved `--probe-json` file (target.load_probe_json) and
the cache (probecache.load). Everything downstream reads these dataclasses, never the dict.

`judge_device` is the single answer to "does float16 (bfloat16) fail, run slowly or run fine
on this device". Nothing that gsv-doctor *does* hangs on the speed figure: float16 is avoided
on every CPU (at best it runs at float32 speed, and stft has no float16 CPU kernel in any
build) and wherever ops fail or give NaN; the figure only chooses the words. So a timing that
moves with the machine's load changes at most a number, never what run or the hook do.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

from gsv_doctor import probe
from gsv_doctor.errors import DoctorError

# One threshold for "measurably different from float32", both ways: a ratio within
# 1/SAME_BAND .. SAME_BAND reads "about the same". Timing noise on a busy machine stays well
# inside it once the probe interleaves and takes medians (benchmarks/probe_stability.py).
SAME_BAND = 1.25

# Outcomes of a dtype on a device.
FAILS = "fails"  # a model op is not implemented or raises: the program crashes
NAN = "nan"  # a model op gives NaN/inf or wrong values: silent or garbled audio
SLOW = "slow"  # works, measurably slower than float32
FINE = "fine"  # works, about as fast as float32 or faster
UNKNOWN = "unknown"  # not measured

# Words for a speed ratio.
SLOWER = "slower"
FASTER = "faster"
SAME = "same"

# The ops a HuBERT / VITS forward pass runs, in the order it first meets them: the first that
# fails is the error the user sees. stft is probed too but runs in float32 in GPT-SoVITS's mel
# code, and fails in float16 on every CPU build (MKL FFT).
MODEL_OPS = ("conv1d", "conv2d", "group_norm", "gelu", "layer_norm", "linear", "softmax", "bmm",
             "matmul", "conv_transpose1d")


class ProbeReportError(DoctorError, ValueError):
    """The data is not a probe report gsv-doctor can read; the message (a "probe-report.*" key
    of messages.ERRORS) says what is wrong, in the user's language where it is shown."""


def _bad(code: str, **params: Any) -> ProbeReportError:
    return ProbeReportError.of("probe-report." + code, **params)


@dataclass(frozen=True)
class OpResult:
    status: str  # probe.WORKS, NOT_IMPLEMENTED, NAN, WRONG or ERROR
    message: Optional[str] = None
    max_error: Optional[float] = None


@dataclass(frozen=True)
class Timing:
    """The workload's time in one dtype, relative to float32 on the same device."""

    status: str
    seconds: Optional[float] = None
    vs_float32: Optional[float] = None  # median over rounds of (this dtype's time / float32's)
    spread: Optional[float] = None  # high / low quartile of the per-round ratios; 1.0 = steady
    uncertain: bool = False  # the rounds disagreed too much for the figure to be trusted
    rounds: Optional[int] = None
    message: Optional[str] = None
    clock: Optional[str] = None  # "thread" (CPU time of the probe's thread) or "wall"


@dataclass(frozen=True)
class Device:
    id: str  # "cpu", "cuda:0", "mps"
    kind: str  # "cpu", "cuda", "mps"
    name: str
    capability: Optional[Tuple[int, int]]
    total_memory_gb: Optional[float]
    ops: Dict[str, Dict[str, OpResult]]  # dtype -> op -> result
    speed: Dict[str, Timing]  # dtype -> timing
    error: Optional[str] = None  # the device failed mid-probe


@dataclass(frozen=True)
class TorchBuild:
    version: str
    cuda: Optional[str]
    hip: Optional[str]
    file: Optional[str]
    arch_list: Tuple[str, ...]
    cpu_capability: Optional[str] = None
    num_threads: Optional[int] = None


@dataclass(frozen=True)
class ProbeReport:
    schema_version: int
    python_version: Optional[str]
    executable: Optional[str]
    platform: Optional[str]
    environment: Dict[str, Optional[str]]
    cpu_name: Optional[str]
    cpu_flags: Tuple[str, ...]
    torch: Optional[TorchBuild]  # None: that Python could not import torch (see error)
    cuda_available: bool
    cuda_error: Optional[str]
    mps_available: bool
    devices: Tuple[Device, ...]
    error: Optional[str]
    raw: Mapping[str, Any] = field(repr=False, compare=False)  # as read: for --json and the cache

    def device(self, device_id: str) -> Optional[Device]:
        return next((d for d in self.devices if d.id == device_id), None)

    @property
    def cpu(self) -> Optional[Device]:
        return next((d for d in self.devices if d.kind == "cpu"), None)

    @property
    def cuda_devices(self) -> List[Device]:
        return [d for d in self.devices if d.kind == "cuda"]

    @property
    def torch_version(self) -> Optional[str]:
        return self.torch.version if self.torch else None

    def to_dict(self) -> Dict[str, Any]:
        """The report as the probe printed it (the JSON envelope and the cache hold this)."""
        return dict(self.raw)


# -- reading: the one place that looks into the probe's dict ---------------------------------------

def _object(value: Any, field: str, where: Optional[str] = None) -> Dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _bad("not-an-object-in" if where else "not-an-object", field=field, where=where)
    return value


def _text(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _number(value: Any, field: str, where: str) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad("not-a-number", field=field, where=where)
    return float(value)


def _op(value: Any, where: str) -> OpResult:
    if not isinstance(value, dict) or not isinstance(value.get("status"), str):
        raise _bad("op-status", device=where)
    return OpResult(value["status"], _text(value.get("message")), _number(value.get("max_error"), "max_error", where))


def _timing(value: Any, where: str) -> Timing:
    value = _object(value, "speed", where)
    rounds = value.get("rounds")
    return Timing(
        status=str(value.get("status") or probe.ERROR),
        seconds=_number(value.get("seconds"), "seconds", where),
        vs_float32=_number(value.get("vs_float32"), "vs_float32", where),
        spread=_number(value.get("spread"), "spread", where),
        uncertain=bool(value.get("uncertain", False)),
        rounds=rounds if isinstance(rounds, int) else None,
        message=_text(value.get("message")),
        clock=_text(value.get("clock")),
    )


def _device(value: Any) -> Device:
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        raise _bad("device-id")
    device_id = value["id"]
    ops = {}
    for dtype, results in _object(value.get("ops"), "ops", device_id).items():
        if not isinstance(results, dict):
            raise _bad("op-status", device=device_id)
        ops[str(dtype)] = {str(name): _op(result, device_id) for name, result in results.items()}
    speed = {str(dtype): _timing(timing, f"{device_id} {dtype}")
             for dtype, timing in _object(value.get("speed"), "speed", device_id).items()}
    capability = value.get("capability")
    if capability is not None:
        if not isinstance(capability, (list, tuple)) or len(capability) < 2 or \
                not all(isinstance(c, int) for c in capability[:2]):
            raise _bad("capability", device=device_id)
        capability = (capability[0], capability[1])
    return Device(
        id=device_id, kind=str(value.get("kind") or device_id.split(":")[0]),
        name=str(value.get("name") or device_id), capability=capability,
        total_memory_gb=_number(value.get("total_memory_gb"), "total_memory_gb", device_id),
        ops=ops, speed=speed, error=_text(value.get("error")),
    )


def _torch(value: Any) -> Optional[TorchBuild]:
    if value is None:
        return None
    value = _object(value, "torch")
    if not isinstance(value.get("version"), str):
        raise _bad("torch-version")
    arch_list = value.get("arch_list") or []
    if not isinstance(arch_list, list):
        raise _bad("arch-list")
    threads = value.get("num_threads")
    return TorchBuild(version=value["version"], cuda=_text(value.get("cuda")), hip=_text(value.get("hip")),
                      file=_text(value.get("file")), arch_list=tuple(str(a) for a in arch_list),
                      cpu_capability=_text(value.get("cpu_capability")),
                      num_threads=threads if isinstance(threads, int) else None)


def parse(data: Any) -> ProbeReport:
    """Check a probe report's JSON and type it. Raises ProbeReportError saying what is wrong.

    Checks shapes and types, not values: a report from an older gsv-doctor (no spread, no
    uncertainty) reads fine. A report of a Python without torch is valid (torch is None).
    """
    if not isinstance(data, dict) or data.get("schema") != probe.PROBE_SCHEMA:
        raise _bad("schema", schema=probe.PROBE_SCHEMA)
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad("schema-version", value=repr(version))
    if version > probe.PROBE_SCHEMA_VERSION:
        raise _bad("newer", version=version)
    if "torch" not in data:
        raise _bad("no-torch")
    python = _object(data.get("python"), "python")
    cpu = _object(data.get("cpu"), "cpu")
    cuda = _object(data.get("cuda"), "cuda")
    mps = _object(data.get("mps"), "mps")
    environment = _object(data.get("environment"), "environment")
    torch = _torch(data["torch"])
    devices = data.get("devices")
    if not isinstance(devices, list) or (torch is not None and not devices):
        raise _bad("devices")
    flags = cpu.get("flags") or []
    return ProbeReport(
        schema_version=version,
        python_version=_text(python.get("version")), executable=_text(python.get("executable")),
        platform=_text(python.get("platform")),
        environment={str(k): (v if isinstance(v, str) else None) for k, v in environment.items()},
        cpu_name=_text(cpu.get("name")), cpu_flags=tuple(str(f) for f in flags) if isinstance(flags, list) else (),
        torch=torch, cuda_available=bool(cuda.get("available")), cuda_error=_text(cuda.get("error")),
        mps_available=bool(mps.get("available")),
        devices=tuple(_device(d) for d in devices), error=_text(data.get("error")), raw=data,
    )


# -- the judgement ---------------------------------------------------------------------------------

def speed_word(ratio: Optional[float]) -> Optional[str]:
    """SLOWER, FASTER or SAME for a time ratio against float32; None when there is none."""
    if ratio is None:
        return None
    if ratio >= SAME_BAND:
        return SLOWER
    if ratio <= 1 / SAME_BAND:
        return FASTER
    return SAME


def times(ratio: float) -> float:
    """How many times slower (ratio > 1) or faster (ratio < 1): always >= 1, for the words."""
    return ratio if ratio >= 1 else 1 / ratio


@dataclass(frozen=True)
class DtypeJudgement:
    dtype: str
    outcome: str  # FAILS, NAN, SLOW, FINE or UNKNOWN
    failing_ops: Tuple[str, ...]  # model ops that fail or give bad values, in MODEL_OPS order
    probed_ops: int  # how many model ops were probed (the 10 in "FAILS (10/10)")
    error: Optional[str]  # torch's message for the first failing op
    wrong: bool  # the bad values are inexact rather than NaN/inf
    ratio: Optional[float]  # time / float32 time of the workload (median of rounds)
    uncertain: bool  # that ratio varied too much between rounds to be trusted
    speed: Optional[str]  # SLOWER, FASTER, SAME or None (not timed)

    @property
    def works(self) -> bool:
        return self.outcome in (SLOW, FINE)


@dataclass(frozen=True)
class DeviceJudgement:
    device: Device
    runs: bool  # float32 works at all
    run_error: Optional[str]
    float16: DtypeJudgement
    bfloat16: DtypeJudgement

    def dtype(self, name: str) -> DtypeJudgement:
        return {"float16": self.float16, "bfloat16": self.bfloat16}[name]

    @property
    def avoid_half(self) -> bool:
        """Never run float16 here: it fails, gives NaN, or the device is a CPU (where it gains
        nothing at best). Independent of the speed figure, so it cannot move with load."""
        return self.device.kind == "cpu" or self.float16.outcome in (FAILS, NAN)

    @property
    def bfloat16_faster(self) -> bool:
        """bfloat16 works and was clearly faster than float32 (a trusted figure)."""
        return self.bfloat16.works and self.bfloat16.speed == FASTER and not self.bfloat16.uncertain


def judge_dtype(device: Device, dtype: str) -> DtypeJudgement:
    ops = device.ops.get(dtype) or {}
    probed = [op for op in MODEL_OPS if op in ops]
    failing = [op for op in probed if ops[op].status in (probe.NOT_IMPLEMENTED, probe.ERROR)]
    bad = [op for op in probed if ops[op].status in (probe.NAN, probe.WRONG)]
    timing = device.speed.get(dtype) or Timing(status=probe.ERROR)
    ratio = timing.vs_float32 if timing.status == probe.WORKS else None
    if not probed:
        outcome = UNKNOWN
    elif failing:
        outcome = FAILS
    elif bad:
        outcome = NAN
    elif speed_word(ratio) == SLOWER:
        outcome = SLOW
    else:
        outcome = FINE
    first = (failing or bad or [None])[0]
    return DtypeJudgement(
        dtype=dtype, outcome=outcome, failing_ops=tuple(failing + bad), probed_ops=len(probed),
        error=ops[first].message if first else None,
        wrong=bool(bad) and not failing and all(ops[op].status == probe.WRONG for op in bad),
        ratio=ratio, uncertain=timing.uncertain, speed=speed_word(ratio),
    )


def judge_device(device: Device) -> DeviceJudgement:
    float32 = device.ops.get("float32") or {}
    broken = [op for op in MODEL_OPS if op in float32 and float32[op].status != probe.WORKS]
    return DeviceJudgement(
        device=device, runs=not broken and not device.error,
        run_error=float32[broken[0]].message if broken else device.error,
        float16=judge_dtype(device, "float16"), bfloat16=judge_dtype(device, "bfloat16"),
    )


def judge(report: ProbeReport) -> List[DeviceJudgement]:
    return [judge_device(device) for device in report.devices]
