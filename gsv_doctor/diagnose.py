"""Probe report + a project's entry points -> verdicts and findings. Pure: no I/O, no printing.

Family-neutral: the devices are assessed here, every entry point is judged by one rule
(judge), and the project's family adds the findings that name its files.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from gsv_doctor import gpus, probereport
from gsv_doctor.findings import MEASURED, PROJECT, RULE, Finding, Severity, sort_findings
from gsv_doctor.project import EntryPoint, Project, Source
from gsv_doctor.target import crashed

MODEL_OPS = probereport.MODEL_OPS

OK = "ok"
CRASH = "crash"
SLOW = "slow"
NAN = "nan"
UNKNOWN = "unknown"
HALF_CPU = "half-cpu"  # float16 runs on this CPU at float32 speed: pointless, not broken
DEVICE = "device"  # the device it names cannot be used
START = "start"  # it dies before it runs a model (config.py raises on import, ...)

FIX_WRITE = "gsv-doctor fix --write"
NO_KERNEL_TEXT = "RuntimeError: CUDA error: no kernel image is available for execution on the device"


@dataclass
class DeviceAssessment:
    id: str
    kind: str
    name: str
    runs: bool  # float32 works at all
    run_error: Optional[str]
    half: str  # OK, CRASH, SLOW, NAN, UNKNOWN
    half_source: str  # MEASURED or RULE
    half_error: Optional[str]  # torch's exact message when float16 fails
    half_ratio: Optional[float]  # float16 time / float32 time of the workload
    bf16_ratio: Optional[float]
    failing_ops: List[str] = field(default_factory=list)
    verdict: Optional[str] = None  # gpus verdict for CUDA cards
    verdict_reason: Optional[str] = None
    verdict_rule: Optional[str] = None
    capability: Optional[str] = None  # "8.6"
    memory_gb: Optional[float] = None
    half_uncertain: bool = False  # the float16 timing varied too much to trust half_ratio
    bf16_uncertain: bool = False
    judgement: Optional[probereport.DeviceJudgement] = field(default=None, repr=False, compare=False)

    @property
    def avoid_half(self) -> bool:
        """float16 must not run here: it fails or gives NaN (measured or by the card rules), or
        this is a CPU. Does not depend on the speed figure, so it holds from run to run."""
        return self.kind == "cpu" or self.half in (CRASH, NAN)

    def to_dict(self) -> Dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "judgement"}


@dataclass
class Effective:
    """What config.py gives on this machine, and how we know."""

    is_half: Optional[bool]
    infer_device: Optional[str]
    source: str  # "executed", "static" or "unknown"
    error: Optional[str] = None


@dataclass
class Diagnosis:
    devices: List[DeviceAssessment]
    effective: Optional[Effective]
    findings: List[Finding]
    entry_points: List[EntryPoint] = field(default_factory=list)
    verdicts: List["Verdict"] = field(default_factory=list)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "devices": [d.to_dict() for d in self.devices],
            "effective": asdict(self.effective) if self.effective else None,
            "findings": [f.to_dict() for f in self.findings],
            "entry_points": [v.to_dict() for v in self.verdicts],
        }

    def verdicts_for(self, name: str) -> List["Verdict"]:
        """The verdicts of an entry point started directly, and of what it starts."""
        return [v for v in self.verdicts if (v.entry_point == name and v.started_by is None) or v.started_by == name]


_HALF = {probereport.FAILS: CRASH, probereport.NAN: NAN, probereport.SLOW: SLOW, probereport.FINE: OK,
         probereport.UNKNOWN: UNKNOWN}


def assess_device(judgement: probereport.DeviceJudgement, arch_list: Sequence[str]) -> DeviceAssessment:
    """The probe's judgement of a device, with the card rules on top for CUDA cards."""
    device, half, bf16 = judgement.device, judgement.float16, judgement.bfloat16
    outcome = _HALF[half.outcome]
    if outcome == SLOW and device.kind != "cpu":
        outcome = OK  # a card's float16 speed is no fault
    assessment = DeviceAssessment(
        id=device.id, kind=device.kind, name=device.name, runs=judgement.runs, run_error=judgement.run_error,
        half=outcome, half_source=MEASURED, half_error=half.error, half_ratio=half.ratio,
        bf16_ratio=bf16.ratio, failing_ops=list(half.failing_ops), half_uncertain=half.uncertain,
        bf16_uncertain=bf16.uncertain, judgement=judgement,
    )
    if device.kind == "cuda" and device.capability:
        verdict = gpus.verdict(assessment.name, device.capability, device.total_memory_gb, list(arch_list))
        assessment.verdict, assessment.verdict_reason = verdict.status, verdict.reason
        assessment.verdict_rule = verdict.rule
        assessment.capability = "%d.%d" % device.capability
        assessment.memory_gb = device.total_memory_gb
        if verdict.status == gpus.NO_KERNEL and assessment.runs:
            # The rule says no kernels but float32 measured fine (PTX JIT): trust the measurement.
            assessment.verdict_reason += " (but float32 ran in the probe)"
        elif verdict.status in (gpus.NO_KERNEL, gpus.UNUSABLE):
            assessment.runs = False
            assessment.run_error = assessment.run_error or (NO_KERNEL_TEXT if verdict.status == gpus.NO_KERNEL else None)
        if verdict.status == gpus.HALF_BROKEN and assessment.half == OK:
            # A tiny op can pass on a card that still gives NaN with a whole model.
            assessment.half, assessment.half_source = NAN, RULE
    return assessment


def assess_devices(report: probereport.ProbeReport) -> List[DeviceAssessment]:
    arch_list = report.torch.arch_list if report.torch else ()
    return [assess_device(judgement, arch_list) for judgement in probereport.judge(report)]


def no_cuda_error(report: probereport.ProbeReport) -> str:
    build = report.torch
    if build is None or (not build.cuda and not build.hip):
        return "AssertionError: Torch not compiled with CUDA enabled"
    if report.cuda_error:
        return report.cuda_error
    return "RuntimeError: Found no NVIDIA driver on your system."


def resolve(device: Optional[str], devices: List[DeviceAssessment],
            report: probereport.ProbeReport) -> Tuple[Optional[DeviceAssessment], Optional[str]]:
    """The assessment of the device a setting names, or the error using it would raise."""
    by_id = {d.id: d for d in devices}
    name = (device or "cpu").strip().lower()
    if name == "cuda":
        name = "cuda:0"
    if name in by_id:
        found = by_id[name]
        return (found, None) if found.runs else (found, found.run_error or NO_KERNEL_TEXT)
    if name.startswith("cuda"):
        return None, no_cuda_error(report)
    if name == "mps":
        return None, "RuntimeError: MPS backend is not available on this machine"
    return by_id.get("cpu"), None


def half_severity(device: DeviceAssessment) -> Optional[Severity]:
    if device.kind == "cpu" and device.half == OK:
        # Even where the model ops run at float32 speed (CPUs with AVX512-FP16 / AMX),
        # float16 on the CPU gains nothing and stft has no float16 CPU kernel in any build.
        return Severity.WARNING
    return {CRASH: Severity.ERROR, NAN: Severity.ERROR, SLOW: Severity.WARNING}.get(device.half)


def verdict_params(device: DeviceAssessment) -> Dict[str, Any]:
    """What the messages need to say, in either language, why a card was judged as it was."""
    return {"reason": device.verdict_reason, "verdict": device.verdict, "verdict_rule": device.verdict_rule,
            "capability": device.capability, "memory_gb": device.memory_gb,
            "sm": device.capability.replace(".", "") if device.capability else None}


def half_finding(finding_id: str, device: DeviceAssessment, entry_points: List[str],
                  params: Dict[str, Any], fix_command: str) -> Optional[Finding]:
    severity = half_severity(device)
    if severity is None:
        return None
    on_cpu = device.kind == "cpu"
    error_text = device.half_error  # None for NaN by the card rules: there is no error to see
    if device.half == SLOW:
        error_text = None
    return Finding(
        id=finding_id + ("-on-cpu" if on_cpu else "-on-broken-gpu"),
        severity=severity,
        source=device.half_source,
        params=dict(params, device=device.id, device_name=device.name, outcome=device.half,
                    ratio=device.half_ratio, **verdict_params(device)),
        entry_points=entry_points,
        device=device.id,
        error_text=error_text,
        fix_command=fix_command,
    )



@dataclass
class Verdict:
    """What happens to one entry point on this machine."""

    entry_point: str
    started_by: Optional[str]
    outcome: str  # OK, CRASH, SLOW, NAN, HALF_CPU, DEVICE, START, UNKNOWN
    severity: Optional[Severity]
    device: Optional[str]  # the device it runs on (an assessed id), or the one it names
    device_name: Optional[str]
    is_half: Optional[bool]
    source: Source
    how: str
    error_text: Optional[str] = None
    where: Optional[str] = None
    present: bool = True

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value if self.severity else None
        return data


def judge(entry: EntryPoint, devices: List[DeviceAssessment], report: probereport.ProbeReport) -> Verdict:
    """The family-neutral rule: a start error, an unusable device, or float16 where it fails."""
    setting = entry.setting
    verdict = Verdict(entry.name, entry.started_by, OK, None, setting.device, None, setting.is_half,
                      setting.source, setting.how, present=entry.present)
    if setting.error:
        verdict.outcome, verdict.severity = START, Severity.ERROR
        verdict.error_text, verdict.where = setting.error, setting.where
        return verdict
    if setting.device is None and setting.is_half is None:
        verdict.outcome = UNKNOWN
        return verdict
    device, error = resolve(setting.device, devices, report)
    if error:
        verdict.outcome, verdict.severity, verdict.error_text = DEVICE, Severity.ERROR, error
        return verdict
    if device is None:
        verdict.outcome = UNKNOWN
        return verdict
    verdict.device, verdict.device_name = device.id, device.name
    if setting.is_half is None and setting.how == UNKNOWN:
        verdict.outcome = UNKNOWN  # the device is known, the precision is not: never "fine"
        return verdict
    if setting.is_half:
        verdict.severity = half_severity(device)
        if verdict.severity is not None:
            verdict.outcome = HALF_CPU if device.half == OK else device.half
            verdict.error_text = device.half_error if device.half in (CRASH,) else None
    return verdict


def judge_all(entries: List[EntryPoint], devices: List[DeviceAssessment],
              report: probereport.ProbeReport) -> List[Verdict]:
    return [judge(entry, devices, report) for entry in entries]


def _machine_findings(report: Mapping[str, Any], devices: List[DeviceAssessment],
                      entry_names: List[str]) -> List[Finding]:
    findings = []
    cuda_error = report.cuda_error
    if cuda_error:
        findings.append(Finding("cuda-init-failed", Severity.WARNING, MEASURED,
                                params={"error": cuda_error}, error_text=cuda_error))
    for device in devices:
        if device.kind == "cuda" and not device.runs:
            findings.append(Finding("gpu-unusable", Severity.ERROR, RULE if device.verdict else MEASURED,
                                    params=dict(verdict_params(device), device_name=device.name),
                                    entry_points=list(entry_names), device=device.id,
                                    error_text=device.run_error, fix_command=FIX_WRITE))
        if device.kind == "cpu" and device.judgement is not None and device.judgement.bfloat16_faster:
            findings.append(Finding("cpu-bfloat16-faster", Severity.INFO, MEASURED,
                                    params={"ratio": device.bf16_ratio}, device=device.id))
    return findings


def half_unusable(devices: List[DeviceAssessment]) -> bool:
    """No device a launch could use should run float16 (the CPU never should): is_half=False.
    Speed plays no part, so the answer is the same in every run on the same machine."""
    usable = [d for d in devices if d.runs and d.kind in ("cpu", "cuda")]
    return not any(d.kind == "cuda" and not d.avoid_half for d in usable)


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def probe_failure(timed_out: bool, returncode: Optional[int], timeout: float, stderr_tail: str) -> Finding:
    """The child never delivered a report: that is itself the diagnosis."""
    if timed_out:
        return Finding("probe-timeout", Severity.ERROR, MEASURED, params={"timeout": timeout},
                       error_text=stderr_tail.splitlines()[-1] if stderr_tail.strip() else None)
    return Finding("probe-crashed" if crashed(returncode) else "probe-failed", Severity.ERROR, MEASURED,
                   params={"returncode": returncode},
                   error_text=stderr_tail.splitlines()[-1] if stderr_tail.strip() else None)


def diagnose(report: Optional[probereport.ProbeReport], project: Optional[Project],
             family_result: Optional[Mapping[str, Any]] = None, environ: Optional[Mapping[str, str]] = None,
             probed_python: Optional[str] = None, launch: Optional[Tuple[str, List[str]]] = None) -> Diagnosis:
    """`family_result`: what the family's own code gave in the probe child (None: read statically).
    `launch`: (entry point, its arguments) of the command being launched; its flags (api.py -d cpu)
    replace what the files say for that entry point."""
    environ = {} if environ is None else environ
    findings: List[Finding] = []
    devices = assess_devices(report) if report else []
    entries: List[EntryPoint] = []
    verdicts: List[Verdict] = []
    effective = None
    if project is None:
        findings.append(Finding("no-project", Severity.INFO, PROJECT))
    else:
        family = project.module
        entries = family.entry_points(project.facts, family_result, report, environ)
        changed = family.override(launch[0], launch[1], entries, project.facts) if launch else None
        if changed is not None:
            entries = [changed if entry.name == changed.name and entry.started_by is None else entry
                       for entry in entries]
        verdicts = judge_all(entries, devices, report) if report else []
        family_findings, effective = family.findings(project.facts, verdicts, devices, report, environ,
                                                     probed_python, launch[0] if launch else None)
        findings += family_findings
    if report:
        names = []
        for entry in entries:
            if entry.started_by is None and entry.name not in names:
                names.append(entry.name)
        findings += _machine_findings(report, devices, names)
    return Diagnosis(devices=devices, effective=effective, findings=sort_findings(findings),
                     entry_points=entries, verdicts=verdicts)
