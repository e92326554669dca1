"""The RVC family's texts (findings, fix reasons, errors), English and Simplified Chinese: the
family's TEXTS, which gsv_doctor.i18n looks up after the core's tables of the same name."""
from __future__ import annotations

from typing import Dict

from gsv_doctor import i18n
from gsv_doctor.messages import FINDING_PARTS

FINDINGS: Dict[str, Dict[str, tuple]] = {
    "rvc-config-half-on-cpu": {
        "en": ("{config} gives float16 on the CPU ({outcome})",
               "RVC's Config() ends with device={device_setting}, is_half={is_half} on this machine ({value_source}): "
               "the entry points that use it ({entries}) load the HuBERT and voice models in float16 on the CPU. "
               "{cpu_consequence}",
               "In {config}, inside device_config(), right after the if/elif/else that picks self.device, add: "
               "`if str(self.device).startswith(\"cpu\"): self.is_half = False` (or start RVC with "
               "`gsv-doctor run -- python infer-web.py`)."),
        "zh": ("{config} 会在 CPU 上使用半精度 float16（{outcome}）",
               "RVC 的 Config() 在本机得到 device={device_setting}、is_half={is_half}（{value_source}）："
               "使用它的入口（{entries}）会在 CPU 上以 float16 加载 HuBERT 和音色模型。{cpu_consequence}",
               "在 {config} 的 device_config() 中，紧接着选择 self.device 的 if/elif/else 之后加上："
               "`if str(self.device).startswith(\"cpu\"): self.is_half = False`（或用 "
               "`gsv-doctor run -- python infer-web.py` 启动 RVC）。"),
    },
    "rvc-config-half-on-broken-gpu": {
        "en": ("{config} gives float16 on {device_name}, where float16 gives NaN / silent or buzzing audio",
               "Found by {source}: {reason}. RVC's own card list in device_config() does not catch this card, "
               "so the entry points that use it ({entries}) run float16 on it without an error.",
               "In {config}, in device_config(), add this card's name to the list of cards that set "
               "self.is_half = False."),
        "zh": ("{config} 在 {device_name} 上使用 float16，这张卡的半精度会产生 NaN / 无声或嗡嗡声",
               "依据：{source}（{reason}）。RVC 在 device_config() 里的显卡名单没有包含这张卡，"
               "所以使用它的入口（{entries}）会直接用 float16 运行，不会报错。",
               "在 {config} 的 device_config() 中，把这张卡的名称加到设置 self.is_half = False 的显卡名单里。"),
    },
    "rvc-training-half-on-cpu": {
        "en": ("Training starts with fp16_run on the CPU ({outcome})",
               "The training script takes float16 from \"fp16_run\": true in {files}, and this version's start-up "
               "does not turn it off on a machine without a usable GPU. {cpu_consequence}",
               "In {files}, set \"fp16_run\": false."),
        "zh": ("训练会在 CPU 上以 fp16_run 启动（{outcome}）",
               "训练脚本从 {files} 的 \"fp16_run\": true 读取半精度设置，而这个版本在没有可用显卡的机器上"
               "启动时不会把它关掉。{cpu_consequence}",
               "把 {files} 中的 \"fp16_run\" 改为 false。"),
    },
    "rvc-training-half-on-broken-gpu": {
        "en": ("Training runs float16 on {device_name} (NaN losses)",
               "fp16_run is true in {files}. Found by {source}: {reason}.",
               "In {files}, set \"fp16_run\": false."),
        "zh": ("训练会在 {device_name} 上使用 float16（损失变成 NaN）",
               "{files} 中 fp16_run 为 true。依据：{source}（{reason}）。",
               "把 {files} 中的 \"fp16_run\" 改为 false。"),
    },
    "rvc-config-not-executable": {
        "en": ("RVC's Config() raises at start ({where}): {error}",
               "The entry points that use it ({entries}) die at start with this error on this machine; found by "
               "{value_source}. "
               "gsv-doctor cannot change this safely: the error is in the version's own code.",
               "Run `python infer-web.py` in the RVC folder and fix the line it names, or update RVC WebUI."),
        "zh": ("RVC 的 Config() 启动时出错（{where}）：{error}",
               "本机上使用它的入口（{entries}）启动时都会因这个错误退出；依据：{value_source}。"
               "这是该版本自身代码的错误，gsv-doctor 无法安全地自动修改。",
               "在 RVC 目录下运行 `python infer-web.py`，修正它指出的那一行，或更新 RVC WebUI。"),
    },
    "rvc-config-unreadable": {
        "en": ("RVC's config cannot be read: {error}",
               "gsv-doctor cannot tell how RVC picks device and precision.",
               "Restore the config file from your RVC WebUI copy."),
        "zh": ("无法读取 RVC 的配置文件：{error}",
               "gsv-doctor 无法判断 RVC 如何选择设备和精度。",
               "从你的 RVC WebUI 副本中恢复这个配置文件。"),
    },
}

FIX_TEXTS: Dict[str, Dict[str, str]] = {
    "reason.rvc-guard": {
        "en": "after line {line} of {path}: when the device is the CPU, is_half = False (a guard that leaves GPUs"
              " as they are)",
        "zh": "{path} 第 {line} 行之后：设备为 CPU 时 is_half = False（不影响显卡的保护语句）",
    },
    "reason.rvc-json-fp16": {
        "en": "{path}: \"fp16_run\": true -> false (training on the CPU cannot use float16)",
        "zh": "{path}：\"fp16_run\": true -> false（CPU 训练不能用半精度）",
    },
}


ERRORS: Dict[str, Dict[str, str]] = {
    "rvc.undecodable": {"en": "{path}: not readable as UTF-8 or GBK text.", "zh": "{path}：无法按 UTF-8 或 GBK 读取。"},
    "rvc.unreadable": {"en": "{path}: cannot be read ({error}).", "zh": "{path}：无法读取（{error}）。"},
    "rvc.syntax": {"en": "{path}:{line}: Python cannot parse it ({error}).",
                   "zh": "{path}:{line}：Python 无法解析（{error}）。"},
}


TEXTS = {"findings": i18n.parts(FINDINGS, FINDING_PARTS), "fix": FIX_TEXTS, "errors": ERRORS}
