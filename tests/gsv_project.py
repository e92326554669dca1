"""Build small GPT-SoVITS-shaped folders for tests from the fixtures."""
from __future__ import annotations

from pathlib import Path

CONFIGS = Path(__file__).resolve().parent / "fixtures" / "configs"
INFERENCE_UI_ENV_READ = 'is_half = eval(os.environ.get("is_half", "True"))\n'
INFERENCE_UI_ENV_READ_CUDA = 'is_half = eval(os.environ.get("is_half", "True")) and torch.cuda.is_available()\n'


def make_project(root: Path, config="constants_spaced.py", tts=None, inference_ui=INFERENCE_UI_ENV_READ,
                 bundled_python=False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "GPT_SoVITS" / "configs").mkdir(parents=True, exist_ok=True)
    if config.endswith(".py") and "\n" not in config:
        (root / "config.py").write_bytes((CONFIGS / config).read_bytes())
    else:
        (root / "config.py").write_text(config, encoding="utf-8")
    if tts is not None:
        (root / "GPT_SoVITS" / "configs" / "tts_infer.yaml").write_bytes((CONFIGS / tts).read_bytes())
    if inference_ui is not None:
        (root / "GPT_SoVITS" / "inference_webui.py").write_text("import os\nimport torch\n" + inference_ui)
    if bundled_python:
        (root / "runtime").mkdir(exist_ok=True)
        (root / "runtime" / "python.exe").write_bytes(b"MZ")
    return root
