"""Probe report + project facts -> findings. Pure functions: no I/O, no printing."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from gsv_doctor import configpy, gpus, probereport
from gsv_doctor.findings import (
    API,
    API_V2,
    INFERENCE_UI,
    MEASURED,
    PROJECT,
    RULE,
    WEBUI,
    Finding,
    Severity,
    sort_findings,
)
from gsv_doctor.project import ProjectFacts
from gsv_doctor.target import crashed

MODEL_OPS = probereport.MODEL_OPS

OK = "ok"
CRASH = "crash"
SLOW = "slow"
NAN = "nan"
UNKNOWN = "unknown"

FIX_WRITE = "gsv-doctor fix --write"
NO_KERNEL_TEXT = "RuntimeError: CUDA error: no kernel image is available for execution on the device"
CONFIG_ENTRY_POINTS = [WEBUI, API]  # webui.py also exports is_half to every child it starts
CONFIG_EDIT_IDS = ("config-half-on-cpu", "config-half-on-broken-gpu", "config-device-unusable")  # fix edits config.py


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

    def to_dict(self) -> Dict[str, Any]:
        return {
            "devices": [d.to_dict() for d in self.devices],
            "effective": asdict(self.effective) if self.effective else None,
            "findings": [f.to_dict() for f in self.findings],
        }


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


def _no_cuda_error(report: probereport.ProbeReport) -> str:
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
        return None, _no_cuda_error(report)
    if name == "mps":
        return None, "RuntimeError: MPS backend is not available on this machine"
    return by_id.get("cpu"), None


def effective_config(project: ProjectFacts, config_eval: Optional[Mapping[str, Any]],
                     report: Optional[probereport.ProbeReport], environ: Mapping[str, str]) -> Optional[Effective]:
    if project.config is None:
        return None
    if config_eval and not config_eval.get("error"):
        is_half = config_eval.get("is_half")
        return Effective(
            is_half=bool(is_half) if isinstance(is_half, bool) else _truthy(is_half),
            infer_device=config_eval.get("infer_device"), source="executed")
    cuda = bool(report and report.cuda_available)
    mps = bool(report and report.mps_available)
    is_half, device = configpy.predict(project.config, cuda, environ, mps_available=mps)
    source = "static" if (is_half is not None or device is not None) else "unknown"
    return Effective(is_half=is_half, infer_device=device, source=source,
                     error=(config_eval or {}).get("error"))


def _truthy(value: Any) -> Optional[bool]:
    if value is None:
        return None
    return str(value).strip().lower() in ("true", "1", "yes")


def _half_severity(device: DeviceAssessment) -> Optional[Severity]:
    if device.kind == "cpu" and device.half == OK:
        # Even where the model ops run at float32 speed (CPUs with AVX512-FP16 / AMX),
        # float16 on the CPU gains nothing and stft has no float16 CPU kernel in any build.
        return Severity.WARNING
    return {CRASH: Severity.ERROR, NAN: Severity.ERROR, SLOW: Severity.WARNING}.get(device.half)


def _verdict_params(device: DeviceAssessment) -> Dict[str, Any]:
    """What the messages need to say, in either language, why a card was judged as it was."""
    return {"reason": device.verdict_reason, "verdict": device.verdict, "verdict_rule": device.verdict_rule,
            "capability": device.capability, "memory_gb": device.memory_gb,
            "sm": device.capability.replace(".", "") if device.capability else None}


def _half_finding(finding_id: str, device: DeviceAssessment, entry_points: List[str],
                  params: Dict[str, Any], fix_command: str) -> Optional[Finding]:
    severity = _half_severity(device)
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
                    ratio=device.half_ratio, **_verdict_params(device)),
        entry_points=entry_points,
        device=device.id,
        error_text=error_text,
        fix_command=fix_command,
    )


def _config_findings(project: ProjectFacts, effective: Effective, devices: List[DeviceAssessment],
                     report: probereport.ProbeReport) -> List[Finding]:
    findings: List[Finding] = []
    if effective.error:
        # Faults of the file or of the is_half variable it evals: every entry point dies at import.
        severity = Severity.ERROR if effective.error.startswith(("SyntaxError", "UnicodeDecodeError", "NameError")) \
            else Severity.INFO
        findings.append(Finding("config-not-executable", severity, PROJECT,
                                params={"error": effective.error, "source": effective.source},
                                entry_points=list(CONFIG_ENTRY_POINTS) if severity is Severity.ERROR else [],
                                error_text=effective.error))
    config = project.config
    unknown_shape = config is not None and config.shape == "unknown" and not config.patched
    if config is not None and (effective.source == "unknown" or (unknown_shape and effective.is_half is None)):
        names = [name for name, value in (("is_half", effective.is_half), ("infer_device", effective.infer_device))
                 if value is None]
        findings.append(Finding("config-values-unknown", Severity.WARNING, PROJECT,
                                params={"names": " / ".join(names), "shape": config.shape,
                                        "reason": config.unknown_reason, "error": effective.error},
                                entry_points=list(CONFIG_ENTRY_POINTS)))
    if effective.infer_device is None and effective.is_half is None:
        return findings
    # `gsv-doctor fix` will not edit a config.py whose shape it does not recognise.
    fix = None if unknown_shape else FIX_WRITE
    device, error = resolve(effective.infer_device, devices, report)
    if error:
        findings.append(Finding("config-device-unusable", Severity.ERROR, MEASURED,
                                params={"infer_device": effective.infer_device},
                                entry_points=list(CONFIG_ENTRY_POINTS), device=effective.infer_device,
                                error_text=error, fix_command=fix))
        # Scripts that pick "cuda if available else cpu" then run the model on the CPU.
        device = next((d for d in devices if d.kind == "cpu"), None)
    if device is None or not effective.is_half:
        if device is not None and device.kind == "cuda" and effective.is_half is False and device.half == OK:
            findings.append(Finding("config-half-off-on-capable-gpu", Severity.INFO, MEASURED,
                                    params={"device_name": device.name}, device=device.id))
        return findings
    finding = _half_finding("config-half", device, list(CONFIG_ENTRY_POINTS),
                            {"is_half": effective.is_half, "infer_device": effective.infer_device,
                             "value_source": effective.source,
                             "project_rule": bool(project.config and project.config.gpu_name_rule)},
                            fix)
    if finding:
        findings.append(finding)
    return findings


def _env_findings(project: ProjectFacts, devices: List[DeviceAssessment], cuda: bool) -> List[Finding]:
    findings = []
    raw = project.env_is_half
    if raw is not None and raw.strip() not in ("True", "False", "0", "1"):
        name = raw.strip() or "''"
        # config.py itself reads the variable in most versions: then every entry point dies at import.
        reads_env = project.config is not None and project.config.env_default is not None
        findings.append(Finding(
            "env-is-half-invalid", Severity.ERROR, PROJECT, params={"value": raw},
            entry_points=(list(CONFIG_ENTRY_POINTS) if reads_env else []) + [INFERENCE_UI],
            error_text=f"NameError: name '{name}' is not defined" if name.isidentifier()
            else "SyntaxError: invalid syntax"))
    cpu = next((d for d in devices if d.kind == "cpu"), None)
    first_cuda = next((d for d in devices if d.kind == "cuda"), None)
    for read in project.entry_reads:
        value = raw if raw is not None else read.env_default
        half = _truthy(value) and not (read.checks_cuda and not cuda)
        device = first_cuda if (cuda and first_cuda and first_cuda.runs) else cpu
        if not half or device is None:
            continue
        finding = _half_finding("entry-point-half", device, [read.path],
                                {"entry_point": read.path, "env_value": raw, "env_default": read.env_default},
                                f"gsv-doctor run -- python {read.path}")
        if finding:
            findings.append(finding)
    return findings


def _tts_findings(project: ProjectFacts, devices: List[DeviceAssessment],
                  report: probereport.ProbeReport) -> List[Finding]:
    findings = []
    if project.tts_infer_error:
        findings.append(Finding("tts-infer-unreadable", Severity.ERROR, PROJECT,
                                params={"error": project.tts_infer_error}, entry_points=[API_V2],
                                error_text=project.tts_infer_error))
    tts = project.tts_infer
    if tts is None or not tts.sections:
        return findings
    section_name = "custom" if "custom" in tts.sections else sorted(tts.sections)[0]
    section = tts.sections[section_name]
    device, error = resolve(section.get("device"), devices, report)
    if error:
        findings.append(Finding("tts-infer-device-unusable", Severity.ERROR, MEASURED,
                                params={"section": section_name, "device": section.get("device")},
                                entry_points=[API_V2], device=section.get("device"), error_text=error,
                                fix_command=FIX_WRITE))
        return findings
    if section.get("is_half") and device is not None:
        finding = _half_finding("tts-infer-half", device, [API_V2], {"section": section_name}, FIX_WRITE)
        if finding:
            findings.append(finding)
    return findings


def _machine_findings(report: probereport.ProbeReport, devices: List[DeviceAssessment], cannot_half: bool,
                      project: Optional[ProjectFacts], probed_python: Optional[str]) -> List[Finding]:
    findings = []
    cuda_error = report.cuda_error
    if cuda_error:
        findings.append(Finding("cuda-init-failed", Severity.WARNING, MEASURED,
                                params={"error": cuda_error}, error_text=cuda_error))
    for device in devices:
        if device.kind == "cuda" and not device.runs:
            findings.append(Finding("gpu-unusable", Severity.ERROR, RULE if device.verdict else MEASURED,
                                    params=dict(_verdict_params(device), device_name=device.name),
                                    entry_points=[WEBUI, INFERENCE_UI, API, API_V2], device=device.id,
                                    error_text=device.run_error, fix_command=FIX_WRITE))
        if device.kind == "cpu" and device.judgement is not None and device.judgement.bfloat16_faster:
            findings.append(Finding("cpu-bfloat16-faster", Severity.INFO, MEASURED,
                                    params={"ratio": device.bf16_ratio}, device=device.id))
    if project is not None and project.training_fp16 and cannot_half:
        findings.append(Finding("training-fp16", Severity.INFO, PROJECT, params={"files": project.training_fp16}))
    if project is not None and project.bundled_python and probed_python and not _same_file(project.bundled_python, probed_python):
        findings.append(Finding("bundled-runtime-not-probed", Severity.WARNING, PROJECT,
                                params={"bundled": project.bundled_python, "probed": probed_python},
                                fix_command=f'gsv-doctor check --python "{project.bundled_python}"'))
    return findings


def _same_file(a: str, b: str) -> bool:
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


def diagnose(report: Optional[probereport.ProbeReport], project: Optional[ProjectFacts],
             config_eval: Optional[Mapping[str, Any]] = None, environ: Optional[Mapping[str, str]] = None,
             probed_python: Optional[str] = None) -> Diagnosis:
    environ = {} if environ is None else environ
    findings: List[Finding] = []
    devices = assess_devices(report) if report else []
    effective = effective_config(project, config_eval, report, environ) if project else None
    if project is None:
        findings.append(Finding("no-project", Severity.INFO, PROJECT))
    elif project.config_error:
        findings.append(Finding("config-unreadable", Severity.ERROR, PROJECT, params={"error": project.config_error},
                                entry_points=list(CONFIG_ENTRY_POINTS), error_text=project.config_error))
    if report:
        cuda = report.cuda_available
        cannot_half = half_unusable(devices)
        if project is not None:
            if effective is not None:
                findings += _config_findings(project, effective, devices, report)
            findings += _env_findings(project, devices, cuda)
            findings += _tts_findings(project, devices, report)
        findings += _machine_findings(report, devices, cannot_half, project, probed_python)
    if project is not None and _fix_refuses(project, effective, findings):
        for finding in findings:
            if finding.fix_command == FIX_WRITE:
                finding.fix_command = None
    return Diagnosis(devices=devices, effective=effective, findings=sort_findings(findings))


def half_unusable(devices: List[DeviceAssessment]) -> bool:
    """No device a launch could use should run float16 (the CPU never should): is_half=False.
    Speed plays no part, so the answer is the same in every run on the same machine."""
    usable = [d for d in devices if d.runs and d.kind in ("cpu", "cuda")]
    return not any(d.kind == "cuda" and not d.avoid_half for d in usable)


def _fix_refuses(project: ProjectFacts, effective: Optional[Effective], findings: List[Finding]) -> bool:
    """`gsv-doctor fix` stops with the manual edit, writing nothing, when config.py has a shape it
    does not recognise and either needs an edit or gives values nobody could determine."""
    config = project.config
    if config is None or config.shape != "unknown" or config.patched:
        return False
    return any(f.id in CONFIG_EDIT_IDS or f.id == "config-values-unknown" for f in findings)
