"""The GPT-SoVITS family's own texts, English and Simplified Chinese (the family's TEXTS:
gsv_doctor.i18n looks its tables up after the core's of the same name)."""
from __future__ import annotations

from typing import Dict

# Where an entry point's device and precision come from (project.Source keys), in check's
# "Entry points" lines.
SOURCES: Dict[str, Dict[str, str]] = {
    "tts-yaml-section": {"en": "tts_infer.yaml [{section}]", "zh": "tts_infer.yaml 的 [{section}] 段"},
    "env-from-webui": {"en": "is_half {value} from webui.py", "zh": "webui.py 传入的 is_half={value}"},
    "env-set": {"en": "is_half variable {value}", "zh": "环境变量 is_half={value}"},
    "env-unset": {"en": "is_half variable unset, default {default}", "zh": "环境变量 is_half 未设置，默认 {default}"},
    "webui-command-line": {"en": "webui.py's command line", "zh": "webui.py 传给它的命令行参数"},
    "api-command-line": {"en": "api.py's command line over config.py", "zh": "api.py 的命令行参数（覆盖 config.py）"},
    "tool-own-lines": {"en": "its own lines", "zh": "脚本自身的代码"},
    "tool-defaults": {"en": "its defaults, without {switch}", "zh": "脚本的默认值（未加 {switch}）"},
    "tool-command-line": {"en": "its command line", "zh": "脚本的命令行参数"},
}

TEXTS = {"sources": SOURCES}
