"""Locate a GPT-SoVITS checkout and read, without running anything, how it picks precision."""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional

from gsv_doctor import configpy, ttsyaml
from gsv_doctor.errors import DoctorError
from gsv_doctor.findings import INFERENCE_UI

TTS_INFER = "GPT_SoVITS/configs/tts_infer.yaml"
BUNDLED_PYTHONS = ("runtime/python.exe", "runtime/bin/python3", "runtime/python")
TRAINING_CONFIGS = ("GPT_SoVITS/configs/s2.json", "GPT_SoVITS/configs/s1longer.yaml",
                    "GPT_SoVITS/configs/s1longer-v2.yaml")

# `is_half = eval(os.environ.get("is_half", "True")) and torch.cuda.is_available()`, and kin.
_ENV_READ = re.compile(r"""^\s*is_half\s*=.*environ\.get\(\s*["']is_half["']\s*(?:,\s*["']?(\w+)["']?)?""", re.M)


@dataclass
class EntryPointRead:
    """How an entry point that does not use config.py reads is_half itself."""

    path: str
    env_default: Optional[str]  # "True" when it defaults to half
    checks_cuda: bool  # `... and torch.cuda.is_available()` on the same line


@dataclass
class ProjectFacts:
    root: str
    config: Optional[configpy.ConfigFacts]
    config_error: Optional[str]  # why config.py could not be read statically
    tts_infer: Optional[ttsyaml.TtsInferFacts]
    tts_infer_error: Optional[str]  # why tts_infer.yaml could not be read
    env_is_half: Optional[str]  # the raw `is_half` environment variable, None when unset
    entry_reads: List[EntryPointRead] = field(default_factory=list)
    bundled_python: Optional[str] = None
    training_fp16: List[str] = field(default_factory=list)  # training configs set to float16


def is_root(path: Path) -> bool:
    return (path / "config.py").is_file() and (path / "GPT_SoVITS").is_dir()


def locate(project: Optional[str], cwd: Optional[str] = None) -> Optional[Path]:
    """The project root. An explicit --project must be one; the default looks upward from cwd
    and returns None when there is none (check then diagnoses the machine alone)."""
    if project is not None:
        path = Path(project).expanduser()
        if not path.exists():
            raise DoctorError.of("project.no-such-folder", project=project)
        if not path.is_dir():
            raise DoctorError.of("project.not-a-folder", project=project)
        if not is_root(path):
            raise DoctorError.of("project.not-gsv", project=project)
        return path.resolve()
    here = Path(cwd or os.getcwd()).resolve()
    for candidate in [here] + list(here.parents):
        if is_root(candidate):
            return candidate
    return None


def _entry_reads(root: Path) -> List[EntryPointRead]:
    reads = []
    for relative in (INFERENCE_UI,):
        path = root / relative
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        match = _ENV_READ.search(text)
        if match:
            line = text[match.start():text.find("\n", match.start())]
            reads.append(EntryPointRead(relative, match.group(1) or "True", "cuda.is_available" in line))
    return reads


def _training_fp16(root: Path) -> List[str]:
    found = []
    for relative in TRAINING_CONFIGS:
        try:
            text = (root / relative).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if re.search(r'"fp16_run"\s*:\s*true|precision\s*:\s*["\']?16', text):
            found.append(relative)
    return found


def read(root: Path, environ: Optional[Mapping[str, str]] = None) -> ProjectFacts:
    environ = os.environ if environ is None else environ
    config = None
    config_error = None
    try:
        config = configpy.read_config(root / "config.py")
    except DoctorError as error:
        config_error = error.message  # the hint is the finding's manual fix, said once
    tts_path = root / TTS_INFER
    tts = None
    tts_error = None
    if tts_path.exists():
        try:
            tts = ttsyaml.read_tts_infer(tts_path)
        except DoctorError as error:
            tts_error = error.message
    bundled = next((str(root / p) for p in BUNDLED_PYTHONS if (root / p).is_file()), None)
    return ProjectFacts(
        root=str(root),
        config=config,
        config_error=config_error,
        tts_infer=tts,
        tts_infer_error=tts_error,
        env_is_half=environ.get("is_half"),
        entry_reads=_entry_reads(root),
        bundled_python=bundled,
        training_fp16=_training_fp16(root),
    )


_BULKY = ("text", "raw")  # the file's own contents: not for a report


def to_dict(facts: Optional[ProjectFacts]) -> Optional[Dict]:
    if facts is None:
        return None
    data = asdict(facts)
    if data["config"] is not None:
        for key in _BULKY:
            data["config"].pop(key, None)
    return data
