"""GPT-SoVITS: findings + file facts -> the edits that fix them. Pure: reads nothing, writes nothing.

config.py gets a *portable* guard by default (float16 off on the CPU and on cards that give
NaN, CPU when CUDA is unusable, decided when config.py runs, so a copied folder keeps float16
on a good GPU); `pin=True` writes this machine's literal values instead.
tts_infer.yaml holds plain values, so its sections get this machine's values.
"""
from __future__ import annotations

import ast
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from gsv_doctor import gpus
from gsv_doctor.families.gpt_sovits import configpy
from gsv_doctor.families.gpt_sovits.configpy import ConfigFacts
from gsv_doctor.families.gpt_sovits.facts import API, INFERENCE_UI
from gsv_doctor.findings import Finding, Severity
from gsv_doctor.fixmessages import FixError
from gsv_doctor.fixplan import FileEdit, FixPlan, Note, Reason
from gsv_doctor.families.gpt_sovits.ttsyaml import TtsInferFacts

# Findings a config.py edit answers. (`gpu-unusable` alone is about the machine: when config.py
# picks that card, the diagnosis also says `config-device-unusable`.)
CONFIG_IDS = ("config-half-on-cpu", "config-half-on-broken-gpu", "config-device-unusable", "config-not-executable")
# Findings a tts_infer.yaml edit answers (param "section").
TTS_IDS = ("tts-infer-device-unusable", "tts-infer-half-on-cpu", "tts-infer-half-on-broken-gpu")
# Entry points config.py cannot reach (param "entry_point").
ENTRY_IDS = ("entry-point-half-on-cpu", "entry-point-half-on-broken-gpu", "entry-point-ignores-config")

HOOK_COMMAND = "gsv-doctor hook install"
RUN_COMMAND = "gsv-doctor run -- python {entry_point}"


# ---------------------------------------------------------------- the portable guard

def guard_function_source() -> str:
    """The guard as Python source (ASCII, stdlib + torch only, Python 3.6+). The card rules
    are gsv_doctor.gpus's, written in as constants when the fix is planned."""
    return f'''def {configpy.GUARD_FUNCTION}(device, half):
    import re
    try:
        import torch
    except Exception:
        return device, half
    is_torch_device = isinstance(device, torch.device)
    text = str(device).strip().lower()
    kind = text.split(":")[0]
    if kind == "cuda":
        usable = False
        try:
            if torch.cuda.is_available():
                index = int(text.split(":")[1]) if ":" in text else 0
                props = torch.cuda.get_device_properties(index)
                capability = (props.major, props.minor)
                memory_gb = round(props.total_memory / 1024 ** 3, 2)
                usable = capability >= {tuple(gpus.MIN_CAPABILITY)!r} and memory_gb + {gpus.MEMORY_ALLOWANCE_GB!r} >= {gpus.MIN_MEMORY_GB!r}
                arch_list = list(torch.cuda.get_arch_list())
                if usable and arch_list:
                    usable = False
                    for arch in arch_list:
                        found = re.match(r"(sm|compute)_(\\d+)(\\d)[a-z]?$", arch)
                        if not found:
                            continue
                        built = (int(found.group(2)), int(found.group(3)))
                        if found.group(1) == "sm" and built[0] == capability[0] and built[1] <= capability[1]:
                            usable = True
                        if found.group(1) == "compute" and built <= capability:
                            usable = True
                if capability == {tuple(gpus.NAN_CAPABILITY)!r} or re.search({gpus.HALF_BROKEN_NAME.pattern!r}, props.name or "", re.IGNORECASE):
                    half = False
        except Exception:
            usable = False
        if not usable:
            device = torch.device("cpu") if is_torch_device else "cpu"
            kind = "cpu"
    if kind == "cpu":
        half = False
    return device, half
'''


def guard_block(newline: str) -> str:
    lines = [
        f"{configpy.GUARD_BEGIN} float16 guard, added by `gsv-doctor fix` (`gsv-doctor fix --undo` removes it):",
        "# no float16 on the CPU or on cards whose float16 gives NaN; the CPU when CUDA cannot be used.",
        *guard_function_source().splitlines(),
        f"infer_device, is_half = {configpy.GUARD_FUNCTION}(infer_device, is_half)",
        f"del {configpy.GUARD_FUNCTION}",
        configpy.GUARD_END,
    ]
    return newline.join(lines) + newline


def _newline_for(facts: ConfigFacts) -> str:
    if facts.newline != "mixed":
        return facts.newline
    line_start = facts.text.rfind("\n", 0, max(facts.insert_after - 1, 0)) + 1
    match = re.search(r"\r\n|\r|\n", facts.text[line_start:])
    return match.group(0) if match else "\n"


def _insert(text: str, offset: int, block: str, newline: str) -> str:
    prefix = text[:offset]
    if prefix and not prefix.endswith(("\n", "\r")):
        block = newline + block
    return prefix + block + text[offset:]


def manual_edit_text(newline: str = "\n") -> str:
    return guard_block(newline)


# ---------------------------------------------------------------- config.py

def _pin_values(findings: Sequence[Finding]) -> Dict[str, Any]:
    ids = {f.id for f in findings}
    device_bad = bool(ids & {"config-device-unusable", "config-half-on-cpu"})
    return {"is_half": False, "infer_device": "cpu" if device_bad else None}


def _quote_like(source: str, value: str) -> str:
    quote = "'" if source.lstrip("rRbBuU").startswith("'") else '"'
    return f"{quote}{value}{quote}"


def _plan_pin(facts: ConfigFacts, findings: Sequence[Finding]) -> Optional[FileEdit]:
    values = _pin_values(findings)
    newline = _newline_for(facts)
    half = facts.last("is_half")
    device = facts.last("infer_device")
    reasons = []
    if facts.shape == "constants" and not half.conditional and not device.conditional:
        # The forum fix, done right: change the literals in place, say so on the line above.
        splices = []
        if half.literal is not False:
            splices.append((half, "False"))
        if values["infer_device"] and device.literal != values["infer_device"]:
            splices.append((device, _quote_like(device.value_source, values["infer_device"])))
        if not splices:
            return None
        text = facts.text
        for assignment, new_value in sorted(splices, key=lambda s: -s[0].start):
            line_start = text.rfind("\n", 0, assignment.start) + 1
            line_start = max(line_start, text.rfind("\r", 0, assignment.start) + 1)
            indent = text[line_start:assignment.start] if not text[line_start:assignment.start].strip() else ""
            comment = (f"{indent}# gsv-doctor fix --pin: was {assignment.value_source}"
                       f" (float16 / this device fails on this machine){newline}")
            text = (text[:line_start] + comment + text[line_start:assignment.value_start] + new_value
                    + text[assignment.value_end:])
            reasons.append(Reason("reason.pin-value", {"line": assignment.line, "name": assignment.name,
                                                       "value": new_value, "was": assignment.value_source}))
        return _config_edit(facts, text, list(reversed(reasons)))
    lines = [f"{configpy.GUARD_BEGIN} pinned by `gsv-doctor fix --pin` for this machine"
             " (`gsv-doctor fix --undo` removes it):", "is_half = False"]
    reasons.append(Reason("reason.pin-line", {"line": facts.insert_line, "code": "is_half = False"}))
    if values["infer_device"]:
        if facts.shape == "helper" or device.kind == "helper":
            lines.append('infer_device = torch.device("cpu")')
        else:
            lines.append('infer_device = "cpu"')
        reasons.append(Reason("reason.pin-line", {"line": facts.insert_line, "code": lines[-1]}))
    lines.append(configpy.GUARD_END)
    block = newline.join(lines) + newline
    return _config_edit(facts, _insert(facts.text, facts.insert_after, block, newline), reasons)


def _config_edit(facts: ConfigFacts, new_text: str, reasons: List[Reason]) -> FileEdit:
    try:
        ast.parse(new_text)
    except SyntaxError as error:  # a bug in the planner: never hand out such a file
        raise FixError("error.config-edit-broken", {"path": facts.path, "line": error.lineno}, exit_code=3)
    return FileEdit(path=facts.path, old_text=facts.text, new_text=new_text, reasons=reasons, kind="config",
                    encoding=facts.encoding, has_bom=facts.has_bom, old_bytes=facts.raw)


def _refuse_unknown_shape(facts: ConfigFacts) -> None:
    raise FixError("error.unknown-shape", {"path": facts.path, "reason": facts.unknown_reason,
                                           "manual": manual_edit_text()})


def _crash_line(findings: Sequence[Finding]) -> Optional[int]:
    for finding in findings:
        where = str(finding.params.get("where") or "")
        if finding.id == "config-not-executable" and finding.fix_command and where.startswith("config.py:"):
            try:
                return int(where.split(":")[1])
            except ValueError:
                return None
    return None


def _guard_query(text: str, line: int) -> Optional[Tuple[int, int, str]]:
    """(start, end, new source) making `torch.cuda.get_device_name(...)` on that line return ""
    when CUDA cannot be used, instead of raising while config.py is imported."""
    tree = ast.parse(text)
    offsets = configpy._Offsets(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.lineno == line and configpy._dotted(node.func) == "torch.cuda.get_device_name":
            start = offsets(node.lineno, node.col_offset)
            end = offsets(node.end_lineno, node.end_col_offset)
            call = text[start:end]
            return start, end, f'({call} if torch.cuda.is_available() else "")'
    return None


def plan_config(facts: ConfigFacts, findings: Sequence[Finding], pin: bool = False) -> Optional[FileEdit]:
    """The edit of config.py for these findings, or None when it already carries the fix."""
    crash = _crash_line(findings)
    splice = _guard_query(facts.text, crash) if crash else None
    if facts.patched and splice is None:
        return None
    if facts.shape == "unknown":
        _refuse_unknown_shape(facts)
    if pin and splice is None:
        return _plan_pin(facts, findings)
    newline = _newline_for(facts)
    text = facts.text
    reasons = []
    if not facts.patched:
        text = _insert(text, facts.insert_after, guard_block(newline), newline)
        reasons.append(Reason("reason.guard", {"line": facts.insert_line}))
    if splice is not None:
        start, end, new = splice
        if start >= facts.insert_after and not facts.patched:
            raise FixError("error.config-edit-broken", {"path": facts.path, "line": crash}, exit_code=3)
        text = text[:start] + new + text[end:]
        reasons.insert(0, Reason("reason.guard-query", {"line": crash}))
    return _config_edit(facts, text, reasons)


# ---------------------------------------------------------------- tts_infer.yaml

def _section_values(findings: Sequence[Finding], section: str, facts: TtsInferFacts) -> Dict[str, Any]:
    values: Dict[str, Any] = {}
    for finding in findings:
        if finding.id not in TTS_IDS or finding.params.get("section", "custom") != section:
            continue
        values["is_half"] = False
        if finding.id == "tts-infer-device-unusable":
            values["device"] = "cpu"
    return values


def _yaml_scalar(old: str, value: Any) -> str:
    if isinstance(value, bool):
        word = "true" if value else "false"
        stripped = old.strip("'\"")
        if stripped[:1].isupper():
            word = word.capitalize()
        if stripped.isupper():
            word = word.upper()
        return old[0] + word + old[0] if old[:1] in "'\"" and old else word
    return old[0] + value + old[0] if old[:1] in "'\"" and old else value


def plan_tts(facts: TtsInferFacts, findings: Sequence[Finding], all_sections: bool = False) -> Optional[FileEdit]:
    if not facts.exists or not facts.sections:
        return None
    wanted: Dict[str, Dict[str, Any]] = {}
    for section in facts.sections:
        values = _section_values(findings, section, facts)
        if values:
            wanted[section] = values
    if all_sections and wanted:
        merged = {key: value for values in wanted.values() for key, value in values.items()}
        for section, current in facts.sections.items():
            device = (current.get("device") or "").lower()
            values = {}
            if merged.get("device") == "cpu" and device.startswith("cuda"):
                values["device"] = "cpu"
            if current.get("is_half") and (device == "cpu" or values or "device" not in merged):
                values["is_half"] = False
            if values:
                wanted.setdefault(section, {}).update(values)
    if not wanted:
        return None
    root = yaml.compose(facts.text)
    splices = []  # (start, end, new text)
    inserts = []  # (offset, text)
    reasons = []
    newline = "\r\n" if "\r\n" in facts.text else "\n"
    for key_node, section_node in root.value:
        section = key_node.value
        if section not in wanted or not isinstance(section_node, yaml.MappingNode):
            continue
        present = {k.value: v for k, v in section_node.value}
        for key in ("device", "is_half"):
            if key not in wanted[section]:
                continue
            value = wanted[section][key]
            if key in present:
                node = present[key]
                old = facts.text[node.start_mark.index:node.end_mark.index]
                new = _yaml_scalar(old, value)
                current = facts.sections[section].get(key)
                if current == value:
                    continue
                splices.append((node.start_mark.index, node.end_mark.index, new))
                reasons.append(Reason("reason.tts-value", {"section": section, "key": key, "old": old.strip(),
                                                           "new": new}))
            else:
                last_key = section_node.value[-1][0]
                indent = " " * last_key.start_mark.column
                line_end = facts.text.find("\n", section_node.value[-1][1].end_mark.index)
                offset = len(facts.text) if line_end < 0 else line_end + 1
                text = f"{indent}{key}: {_yaml_scalar('', value)}{newline}"
                if offset == len(facts.text) and not facts.text.endswith("\n"):
                    text = newline + text
                inserts.append((offset, text))
                reasons.append(Reason("reason.tts-add", {"section": section, "key": key,
                                                         "new": _yaml_scalar("", value)}))
    if not splices and not inserts:
        return None
    text = facts.text
    for start, end, new in sorted(splices + [(o, o, t) for o, t in inserts], key=lambda s: -s[0]):
        text = text[:start] + new + text[end:]
    check = yaml.safe_load(text)
    for section, values in wanted.items():
        for key, value in values.items():
            if check.get(section, {}).get(key) != value:
                raise FixError("error.tts-edit-broken", {"path": facts.path, "section": section, "key": key,
                                                         "value": value}, exit_code=3)
    return FileEdit(path=facts.path, old_text=facts.text, new_text=text, reasons=reasons, kind="tts_infer",
                    encoding=facts.encoding if facts.encoding != "utf-8-sig" else "utf-8",
                    has_bom=facts.encoding == "utf-8-sig",
                    old_bytes=(b"\xef\xbb\xbf" if facts.encoding == "utf-8-sig" else b"")
                    + facts.text.encode(facts.encoding if facts.encoding != "utf-8-sig" else "utf-8"))


# ---------------------------------------------------------------- the whole plan

def _notes(findings: Sequence[Finding], config_fixed: bool, root_files: Sequence[str]) -> List[Note]:
    notes = []
    seen = set()
    for finding in findings:
        if finding.id in ENTRY_IDS:
            entry = finding.params.get("entry_point") or (finding.entry_points or [INFERENCE_UI])[0]
            if entry in seen:
                continue
            seen.add(entry)
            severity = "error" if finding.severity is Severity.ERROR else "info"
            params = {"entry_point": entry, "run_command": RUN_COMMAND.format(entry_point=entry),
                      "hook_command": HOOK_COMMAND}
            notes.append(Note("entry-point", params, command=HOOK_COMMAND, severity=severity))
        elif finding.id == "env-is-half-invalid":
            notes.append(Note("env-is-half-invalid", {"value": finding.params.get("value")},
                              command=None, severity="error" if finding.severity is Severity.ERROR else "info"))
    half_trouble = any(f.id in CONFIG_IDS for f in findings)
    if half_trouble and API in root_files:
        notes.append(Note("api-half-flag", {"api": API}, command=f"python {API} -fp"))
    return notes


def plan(findings: Sequence[Finding], config: Optional[ConfigFacts], tts: Optional[TtsInferFacts],
         pin: bool = False, all_sections: bool = False, root_files: Sequence[str] = (),
         config_values_known: bool = True) -> FixPlan:
    """`root_files`: which entry points exist in the project (to word the notes).
    `config_values_known`: False when neither running nor reading config.py told is_half /
    infer_device; then no finding can say the file is fine, and a shape we do not recognise is
    refused (the manual edit) rather than called "nothing to change"."""
    result = FixPlan()
    config_findings = [f for f in findings if f.id in CONFIG_IDS]
    if config is not None and config.patched:
        result.notes.append(Note("already-fixed", {"path": config.path}))
    elif config is not None and config.shape == "unknown" and not config_values_known:
        _refuse_unknown_shape(config)
    if config_findings and config is not None:
        edit = plan_config(config, config_findings, pin)
        if edit:
            result.edits.append(edit)
            result.answered += sorted({f.id for f in config_findings})
    tts_findings = [f for f in findings if f.id in TTS_IDS]
    if tts_findings:
        if tts is None or not tts.exists:
            result.notes.append(Note("tts-infer-missing"))
        else:
            edit = plan_tts(tts, tts_findings, all_sections)
            if edit:
                result.edits.append(edit)
                result.answered += sorted({f.id for f in tts_findings})
    result.notes += _notes(findings, bool(result.edits), root_files)
    return result
