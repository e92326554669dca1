"""Find an RVC WebUI folder (any version) and what in it decides device and precision."""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

# The layout changed: a root config.py until 2023-08, configs/config.py after.
CONFIG_FILES = ("configs/config.py", "config.py")
WEB_UIS = ("infer-web.py", "webui.py")
# Model json configs that training reads and Config's start-up rewrites (fp16_run).
JSON_GLOBS = ("configs/*.json", "configs/v1/*.json", "configs/v2/*.json", "configs/inuse/*.json",
              "configs/inuse/v1/*.json", "configs/inuse/v2/*.json")
TRAIN_SCRIPTS = ("train_nsf_sim_cache_sid_load_pretrain.py", "infer/modules/train/train.py", "train/train.py")
LAUNCHERS = ("go-web.bat", "go-realtime-gui.bat", "go-webui.bat", "go-realtime_gui.bat", "go-web-dml.bat",
             "go-realtime-gui-dml.bat")
# Folders where entry points live; the rest (runtime/, assets/, logs/, infer/lib) are libraries or data.
_ENTRY_FOLDERS = ("", "tools")
_USES_CONFIG = re.compile(r"^\s*(?:[\w.]+\s*=\s*)?Config\(\)|\bConfig\(\)\.", re.M)
_IMPORTS_CONFIG = re.compile(r"^\s*from\s+(configs\.config|config)\s+import\s+([^\n]+)", re.M)


@dataclass
class EntryPoint:
    path: str  # relative, posix
    source: str  # "Config()" or "config.py module values"
    line: int


@dataclass
class Layout:
    root: str
    config_path: str  # relative
    web_ui: Optional[str]
    entry_points: List[EntryPoint] = field(default_factory=list)
    json_configs: List[str] = field(default_factory=list)  # relative, holding fp16_run
    train_script: Optional[str] = None  # the training script, when it takes fp16_run from the json configs
    launchers: List[str] = field(default_factory=list)


def config_file(root: Path) -> Optional[str]:
    for relative in CONFIG_FILES:
        path = root / relative
        if path.is_file() and _looks_like_rvc_config(path):
            return relative
    return None


def _looks_like_rvc_config(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "is_half" in text and ("x_pad" in text or "class Config" in text)


def is_root(root: Path) -> bool:
    """An RVC WebUI folder: its config (root or configs/) beside its web UI or its model json
    configs; GPT-SoVITS (which also has a root config.py) has a GPT_SoVITS/ folder instead."""
    if (root / "GPT_SoVITS").is_dir() or config_file(root) is None:
        return False
    return any((root / name).is_file() for name in WEB_UIS) or bool(json_configs(root))


def json_configs(root: Path) -> List[str]:
    found = []
    for pattern in JSON_GLOBS:
        for path in sorted(root.glob(pattern)):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if '"fp16_run"' in text:
                found.append(path.relative_to(root).as_posix())
    return found


def _entry_points(root: Path) -> List[EntryPoint]:
    found = []
    for folder in _ENTRY_FOLDERS:
        for path in sorted((root / folder).glob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative in CONFIG_FILES:
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            imported = _IMPORTS_CONFIG.search(text)
            if not imported:
                continue
            names = imported.group(2)
            use = _USES_CONFIG.search(text)
            if "Config" in names and use:
                found.append(EntryPoint(relative, "Config()", text.count("\n", 0, use.start()) + 1))
            elif "is_half" in names or "device" in names:
                found.append(EntryPoint(relative, "module", text.count("\n", 0, imported.start()) + 1))
    web = [e for e in found if e.path in WEB_UIS]
    return web + [e for e in found if e.path not in WEB_UIS]


def _reads_fp16_run(path: Path) -> bool:
    """Training took float16 from fp16_run until 2026; later it asks the config's GPU rule."""
    try:
        return "fp16_run" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def read_layout(root: Path) -> Layout:
    config = config_file(root) or CONFIG_FILES[0]
    return Layout(
        root=str(root),
        config_path=config,
        web_ui=next((name for name in WEB_UIS if (root / name).is_file()), None),
        entry_points=_entry_points(root),
        json_configs=json_configs(root),
        train_script=next((name for name in TRAIN_SCRIPTS if _reads_fp16_run(root / name)), None),
        launchers=[name for name in LAUNCHERS if (root / name).is_file()],
    )


def local_imports(root: Path, relative: str) -> List[str]:
    """Project files the config imports (tools/file_io.py, ...), for the throw-away copy."""
    try:
        tree = ast.parse((root / relative).read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for module in modules:
            parts = module.split(".")
            for candidate in ("/".join(parts) + ".py", "/".join(parts) + "/__init__.py"):
                if (root / candidate).is_file():
                    found.append(candidate)
            for depth in range(1, len(parts)):  # the packages along the way
                package = "/".join(parts[:depth]) + "/__init__.py"
                if (root / package).is_file():
                    found.append(package)
    return sorted(set(found))


def referenced_files(root: Path, relative: str) -> List[str]:
    """Files the config opens by a literal path (the preprocess script it rewrites, ...)."""
    try:
        tree = ast.parse((root / relative).read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith((".py", ".json")):
            candidate = node.value.replace("\\", "/")
            if ".." not in candidate and (root / candidate).is_file():
                found.append(candidate)
    return sorted(set(found))
