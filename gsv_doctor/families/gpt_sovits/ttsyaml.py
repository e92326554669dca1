"""Reading GPT_SoVITS/configs/tts_infer.yaml: the `device` and `is_half` of each section
(`custom` and the per-version ones) that api_v2.py and the TTS pipeline use."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

from gsv_doctor.families.gpt_sovits.configpy import decode
from gsv_doctor.errors import DoctorError

RELATIVE_PATH = Path("GPT_SoVITS") / "configs" / "tts_infer.yaml"


@dataclass
class TtsInferFacts:
    path: str
    exists: bool
    sections: Dict[str, Dict[str, Any]] = field(default_factory=dict)  # {"custom": {"device": "cpu", "is_half": False}}
    error: Optional[str] = None  # why the file is not usable although it parses (e.g. not a mapping)
    encoding: str = "utf-8"
    text = ""  # the decoded text; not a dataclass field, so asdict()/JSON stay small



def _device(value: Any) -> Optional[str]:
    if value is None:
        return None
    return str(value)


def _half(value: Any) -> Optional[bool]:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def read_tts_infer(path) -> TtsInferFacts:
    """Facts of a tts_infer.yaml; a missing file is `exists=False`, a broken one DoctorError."""
    path = Path(path)
    if path.is_dir():
        path = path / RELATIVE_PATH
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return TtsInferFacts(path=str(path), exists=False)
    except OSError as error:
        raise DoctorError.of("file.unreadable", path=path, error=error.strerror or error)
    text, encoding = decode(raw, str(path))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            raise DoctorError.of("yaml.invalid-at", path=path, line=mark.line + 1)
        raise DoctorError.of("yaml.invalid", path=path)
    facts = TtsInferFacts(path=str(path), exists=True, encoding=encoding)
    facts.text = text
    if data is None:
        facts.error = "the file is empty"
        return facts
    if not isinstance(data, dict):
        facts.error = "the file is not a mapping of sections"
        return facts
    for name, section in data.items():
        if isinstance(section, dict) and ("device" in section or "is_half" in section):
            facts.sections[str(name)] = {"device": _device(section.get("device")),
                                         "is_half": _half(section.get("is_half"))}
    if not facts.sections:
        facts.error = "no section has a device or is_half key"
    return facts
