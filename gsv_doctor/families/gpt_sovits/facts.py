"""What GPT-SoVITS's files say, read without running anything: config.py, tts_infer.yaml,
TTS_Config's fallbacks in TTS.py, and the scripts that read the is_half variable themselves."""
from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional

from gsv_doctor.errors import DoctorError
from gsv_doctor.families.gpt_sovits import configpy, scripts, ttsyaml
from gsv_doctor.families.gpt_sovits.pyfiles import own_lines, read_tree, syntax_error

TTS_INFER = "GPT_SoVITS/configs/tts_infer.yaml"
TTS_PY = "GPT_SoVITS/TTS_infer_pack/TTS.py"
BUNDLED_PYTHONS = ("runtime/python.exe", "runtime/bin/python3", "runtime/python")
TRAINING_CONFIGS = ("GPT_SoVITS/configs/s2.json", "GPT_SoVITS/configs/s1longer.yaml",
                    "GPT_SoVITS/configs/s1longer-v2.yaml")

WEBUI = "webui.py"
API = "api.py"
API_V2 = "api_v2.py"
INFERENCE_UI = "GPT_SoVITS/inference_webui.py"
INFERENCE_UI_FAST = "GPT_SoVITS/inference_webui_fast.py"
INFERENCE_CLI = "GPT_SoVITS/inference_cli.py"
INFERENCE_GUI = "GPT_SoVITS/inference_gui.py"
UVR5 = "tools/uvr5/webui.py"
PREPARE_DIR = "GPT_SoVITS/prepare_datasets"
# Scripts that may read the is_half variable themselves (webui.py starts them with it set).
ENV_READERS = (INFERENCE_UI, INFERENCE_UI_FAST)
# Scripts that import another entry point and inherit how it reads its settings.
IMPORTERS = {INFERENCE_CLI: INFERENCE_UI, INFERENCE_GUI: INFERENCE_UI}


@dataclass
class EntryPointRead:
    """How a script that does not take config.py's is_half reads it (and its device) itself."""

    path: str
    env_default: Optional[str]  # "True" when it defaults to half
    checks_cuda: bool  # `... and torch.cuda.is_available()` on the same line
    lines: List[int] = field(default_factory=list)  # its own deciding lines (for the report)
    direct: bool = True  # False: only webui.py starts it (the dataset scripts), with is_half set
    started_by_webui: bool = True  # False: a UI module only cli/gui import (inference_webui_old.py)
    from_config: bool = False  # `from config import is_half`: config.py decides is_half, the script its device


@dataclass
class TtsConfigFacts:
    """What TTS_Config in TTS.py does with the yaml's values, read from its constructor."""

    found: bool  # TTS.py holds a class TTS_Config
    device_fallback: bool  # a CUDA device becomes the CPU when CUDA is not available
    half_fallback: bool  # is_half is turned off on the CPU
    error: Optional[str] = None  # why TTS.py could not be read


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
    tts_config: Optional[TtsConfigFacts] = None
    present: List[str] = field(default_factory=list)  # entry-point files that exist
    imports_config: List[str] = field(default_factory=list)  # entry points that import config.py
    webui_env: Dict[str, str] = field(default_factory=dict)  # variables webui.py sets before importing config.py
    importers: Dict[str, str] = field(default_factory=lambda: dict(IMPORTERS))  # cli/gui -> the UI they import
    tools: List[scripts.ScriptRead] = field(default_factory=list)  # export / stream tools started by hand


def is_root(path: Path) -> bool:
    return (path / "config.py").is_file() and (path / "GPT_SoVITS").is_dir()


def _imported_ui(root: Path, importer: str) -> str:
    """The inference UI a script imports (inference_webui.py; inference_webui_old.py in some 2024 versions)."""
    tree = read_tree(root / importer)
    for node in (tree.body if tree else []):
        module = node.module if isinstance(node, ast.ImportFrom) else None
        name = (module or "").split(".")[-1]
        if name.startswith("inference_webui") and (root / "GPT_SoVITS" / f"{name}.py").is_file():
            return f"GPT_SoVITS/{name}.py"
    return IMPORTERS[importer]


def _prepare_scripts(root: Path) -> List[str]:
    """The dataset scripts webui.py starts (1-get-text.py ...; 0-pipeline.py only calls them)."""
    folder = root / PREPARE_DIR
    names = sorted(p.name for p in folder.glob("*.py") if p.name[:1].isdigit() and not p.name.startswith("0-")) \
        if folder.is_dir() else []
    return [f"{PREPARE_DIR}/{name}" for name in names]


def _env_read(root: Path, relative: str) -> Optional[EntryPointRead]:
    tree = read_tree(root / relative)
    if tree is None:  # a file Python refuses is listed all the same: it cannot start (entrypoints says why)
        return EntryPointRead(relative, None, False) if syntax_error(root / relative) is not None else None
    lines = own_lines(tree)
    for node in lines:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "is_half" for t in node.targets):
            text = ast.unparse(node.value) if hasattr(ast, "unparse") else ""
            if "environ" not in text and "getenv" not in text:
                continue
            default = configpy._env_default(node.value)
            return EntryPointRead(relative, default if default is not None else "True", "cuda.is_available" in text,
                                  [n.lineno for n in lines])
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "config" and any(a.name == "is_half" for a in node.names):
            return EntryPointRead(relative, None, False, [node.lineno] + [n.lineno for n in lines], from_config=True)
    return None


def _is_cuda_test(test: ast.AST) -> bool:
    text = ast.dump(test)
    return "is_available" in text and "cuda" in text


def _assigns_attr(body: List[ast.stmt], attr: str) -> List[ast.Assign]:
    return [s for s in body if isinstance(s, ast.Assign) and any(
        isinstance(t, ast.Attribute) and t.attr == attr for t in s.targets)]


def read_tts_config(root: Path) -> Optional[TtsConfigFacts]:
    path = root / TTS_PY
    if not path.is_file():
        return None
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (OSError, SyntaxError, ValueError) as error:
        return TtsConfigFacts(False, False, False, error=f"{type(error).__name__}: {error}")
    cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "TTS_Config"), None)
    if cls is None:
        return TtsConfigFacts(False, False, False)
    device_fallback = half_fallback = False
    for node in ast.walk(cls):
        if not isinstance(node, ast.If):
            continue
        test = ast.dump(node.test)
        if _is_cuda_test(node.test) and "'cuda'" in test and _assigns_attr(node.body, "device"):
            device_fallback = True
        if "'cpu'" in test and "is_half" in test and any(
                isinstance(s.value, ast.Constant) and s.value.value is False for s in _assigns_attr(node.body, "is_half")):
            half_fallback = True
    return TtsConfigFacts(True, device_fallback, half_fallback)


def _imports_config(root: Path, relative: str) -> bool:
    try:
        text = (root / relative).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(re.search(r"^\s*(import config\b|from config import)", text, re.M))


def _webui_env(root: Path) -> Dict[str, str]:
    """`os.environ["language"] = ...` lines of webui.py above its first import of config.py:
    config.py, imported by webui.py, sees them set."""
    tree = read_tree(root / WEBUI)
    found: Dict[str, str] = {}
    for node in (tree.body if tree else []):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                (getattr(node, "module", None) or "") == "config" or a.name == "config" for a in node.names):
            break
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and "environ" in ast.dump(target.value) \
                        and isinstance(target.slice, ast.Constant) and isinstance(target.slice.value, str):
                    value = node.value.value if isinstance(node.value, ast.Constant) else "Auto"
                    found[target.slice.value] = str(value)
    return found


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
    candidates = [WEBUI, API, API_V2, INFERENCE_UI, INFERENCE_UI_FAST, INFERENCE_CLI, INFERENCE_GUI, UVR5]
    present = [p for p in candidates if (root / p).is_file()]
    importers = {importer: _imported_ui(root, importer) for importer in IMPORTERS}
    readers = list(ENV_READERS) + sorted(set(importers.values()) - set(ENV_READERS))
    reads = [r for r in (_env_read(root, p) for p in readers) if r is not None]
    for read in reads:
        read.started_by_webui = read.path in ENV_READERS
    for read in (_env_read(root, p) for p in _prepare_scripts(root)):
        if read is not None:
            read.direct = False
            reads.append(read)
    return ProjectFacts(
        root=str(root),
        config=config,
        config_error=config_error,
        tts_infer=tts,
        tts_infer_error=tts_error,
        env_is_half=environ.get("is_half"),
        entry_reads=reads,
        bundled_python=bundled,
        training_fp16=_training_fp16(root),
        tts_config=read_tts_config(root),
        present=present,
        imports_config=[p for p in present if p != WEBUI and p != API and _imports_config(root, p)],
        webui_env=_webui_env(root),
        importers=importers,
        tools=scripts.find_scripts(root, candidates + readers),
    )
