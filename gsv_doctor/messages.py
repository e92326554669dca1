"""Texts of findings and report labels, in English and Simplified Chinese.

Findings carry an id and params; this table turns them into words. Placeholders are
str.format fields filled from the finding's params; a missing one renders as "?".
"""
from __future__ import annotations

from typing import Any, Dict, Mapping

# id -> language -> (title, why, manual fix). Keep each text one sentence or two.
FINDINGS: Dict[str, Dict[str, tuple]] = {
    "config-half-on-cpu": {
        "en": ("config.py runs float16 on the CPU ({outcome})",
               "config.py gives is_half={is_half} with infer_device={infer_device} ({value_source}). "
               "{cpu_consequence}",
               "In config.py, below the last lines that set is_half and infer_device, add these two lines: "
               "`if str(infer_device).startswith('cuda') and not __import__('torch').cuda.is_available(): infer_device = 'cpu'` "
               "and `if str(infer_device).startswith('cpu'): is_half = False`"),
        "zh": ("config.py 会在 CPU 上使用半精度 float16（{outcome}）",
               "config.py 得到 is_half={is_half}、infer_device={infer_device}（{value_source}）；"
               "{cpu_consequence}",
               "在 config.py 中最后设置 is_half 和 infer_device 的几行之后，加上这两行："
               "`if str(infer_device).startswith('cuda') and not __import__('torch').cuda.is_available(): infer_device = 'cpu'` "
               "和 `if str(infer_device).startswith('cpu'): is_half = False`"),
    },
    "config-half-on-broken-gpu": {
        "en": ("config.py runs float16 on {device_name}, where float16 gives NaN / silent audio",
               "Found by {source}: {reason}. No error is raised; the HuBERT features turn to NaN and the "
               "output audio is silent or empty.{project_rule}",
               "In config.py, after the last line that sets is_half, add: is_half = False"),
        "zh": ("config.py 在 {device_name} 上使用 float16，这张卡的半精度会产生 NaN / 无声音频",
               "依据：{source}（{reason}）。不会报错，但 HuBERT 特征变成 NaN，合成的音频无声或为空。{project_rule}",
               "在 config.py 中最后一次设置 is_half 的那一行之后加上：is_half = False"),
    },
    "entry-point-half-on-cpu": {
        "en": ("{entry_point} started directly runs float16 on the CPU ({outcome})",
               "It does not read config.py's is_half: it reads the is_half environment variable "
               "(now {env_value}, default {env_default}). {cpu_consequence}",
               "Start it with the environment variable is_half=False (Windows: set is_half=False; "
               "Linux/macOS: export is_half=False), or through webui.py."),
        "zh": ("直接启动 {entry_point} 时会在 CPU 上使用 float16（{outcome}）",
               "它不读取 config.py 的 is_half，而是读取环境变量 is_half（当前 {env_value}，默认 {env_default}）。"
               "{cpu_consequence}",
               "启动前设置环境变量 is_half=False（Windows：set is_half=False；Linux/macOS：export is_half=False），"
               "或通过 webui.py 启动。"),
    },
    "entry-point-half-on-broken-gpu": {
        "en": ("{entry_point} started directly runs float16 on {device_name} (NaN / silent audio)",
               "It reads the is_half environment variable (now {env_value}, default {env_default}), not config.py. "
               "Found by {source}: {reason}.",
               "Start it with the environment variable is_half=False, or through webui.py."),
        "zh": ("直接启动 {entry_point} 时会在 {device_name} 上使用 float16（NaN / 无声音频）",
               "它读取环境变量 is_half（当前 {env_value}，默认 {env_default}），而不是 config.py。依据：{source}（{reason}）。",
               "启动前设置环境变量 is_half=False，或通过 webui.py 启动。"),
    },
    "tts-infer-half-on-cpu": {
        "en": ("tts_infer.yaml section '{section}' asks for float16 on the CPU ({outcome})",
               "api_v2.py and the TTS pipeline read GPT_SoVITS/configs/tts_infer.yaml, not config.py. "
               "{cpu_consequence}",
               "In GPT_SoVITS/configs/tts_infer.yaml, section {section}: set is_half: false"),
        "zh": ("tts_infer.yaml 的 '{section}' 段要求在 CPU 上使用 float16（{outcome}）",
               "api_v2.py 和 TTS 推理管线读取 GPT_SoVITS/configs/tts_infer.yaml，而不是 config.py。{cpu_consequence}",
               "在 GPT_SoVITS/configs/tts_infer.yaml 的 {section} 段中设置 is_half: false"),
    },
    "tts-infer-half-on-broken-gpu": {
        "en": ("tts_infer.yaml section '{section}' asks for float16 on {device_name} (NaN / silent audio)",
               "Found by {source}: {reason}.",
               "In GPT_SoVITS/configs/tts_infer.yaml, section {section}: set is_half: false"),
        "zh": ("tts_infer.yaml 的 '{section}' 段要求在 {device_name} 上使用 float16（NaN / 无声音频）",
               "依据：{source}（{reason}）。",
               "在 GPT_SoVITS/configs/tts_infer.yaml 的 {section} 段中设置 is_half: false"),
    },
    "config-device-unusable": {
        "en": ("config.py picks device '{infer_device}', which this torch cannot use",
               "Moving the models there fails; scripts that fall back to the CPU then run with is_half as set.",
               "In config.py, below the last lines that set is_half and infer_device, add these two lines: "
               "`if str(infer_device).startswith('cuda') and not __import__('torch').cuda.is_available(): infer_device = 'cpu'` "
               "and `if str(infer_device).startswith('cpu'): is_half = False`"),
        "zh": ("config.py 选择了设备 '{infer_device}'，但当前 torch 无法使用它",
               "模型无法放到该设备上；回退到 CPU 的脚本仍会按 is_half 的设置运行。",
               "在 config.py 中最后设置 is_half 和 infer_device 的几行之后，加上这两行："
               "`if str(infer_device).startswith('cuda') and not __import__('torch').cuda.is_available(): infer_device = 'cpu'` "
               "和 `if str(infer_device).startswith('cpu'): is_half = False`"),
    },
    "tts-infer-device-unusable": {
        "en": ("tts_infer.yaml section '{section}' picks device '{device}', which this torch cannot use",
               "api_v2.py fails when it moves the models there.",
               "In GPT_SoVITS/configs/tts_infer.yaml, section {section}: set device: cpu and is_half: false"),
        "zh": ("tts_infer.yaml 的 '{section}' 段选择了设备 '{device}'，但当前 torch 无法使用它",
               "api_v2.py 把模型放到该设备时会失败。",
               "在 GPT_SoVITS/configs/tts_infer.yaml 的 {section} 段中设置 device: cpu 和 is_half: false"),
    },
    "env-is-half-invalid": {
        "en": ("The is_half environment variable is '{value}', which GPT-SoVITS cannot read",
               "Several scripts run eval() on it, so only True or False (capitalised) work.",
               "Set is_half=False (or True) exactly, with a capital letter, or unset it."),
        "zh": ("环境变量 is_half 的值是 '{value}'，GPT-SoVITS 无法识别",
               "多个脚本对它调用 eval()，只有首字母大写的 True 或 False 才有效。",
               "把 is_half 设为 False（或 True，首字母大写），或者删除这个环境变量。"),
    },
    "config-not-executable": {
        "en": ("config.py raises on import ({where}): {error}",
               "Every entry point that imports config.py (webui.py, api.py, the inference UIs) dies at start with "
               "this error on this machine; found by {value_source}.",
               "At {where}, ask torch.cuda only when torch.cuda.is_available() (for example "
               "`torch.cuda.get_device_name(0) if torch.cuda.is_available() else \"\"`), or run `python config.py` "
               "in the GPT-SoVITS folder and fix the error it shows."),
        "zh": ("导入 config.py 时出错（{where}）：{error}",
               "本机上所有导入 config.py 的入口（webui.py、api.py、推理界面）启动时都会因这个错误退出；依据：{value_source}。",
               "在 {where}，只在 torch.cuda.is_available() 时才调用 torch.cuda（例如 "
               "`torch.cuda.get_device_name(0) if torch.cuda.is_available() else \"\"`），或在 GPT-SoVITS 目录下运行 "
               "`python config.py` 并修正它报告的错误。"),
    },
    "config-values-unknown": {
        "en": ("Could not determine {names} from config.py",
               "config.py was not run (or failed when run) and reading it does not give these values, so "
               "gsv-doctor cannot tell whether float16 runs on the CPU or on a card that gives NaN.",
               "Run `gsv-doctor check` in the GPT-SoVITS folder without --probe-json so config.py is run (fix any "
               "error it shows first), or set plain values in config.py: is_half = False and infer_device = \"cpu\" "
               "on a machine without a usable GPU."),
        "zh": ("无法从 config.py 确定 {names} 的值",
               "config.py 没有运行（或运行时出错），静态读取文件也得不出这些值，因此无法判断 float16 "
               "是否会在 CPU 上或在会产生 NaN 的显卡上运行。",
               "在 GPT-SoVITS 目录下运行 `gsv-doctor check`（不加 --probe-json）让 config.py 实际运行"
               "（先修正它报告的错误）；或者在 config.py 中直接写明取值：没有可用 GPU 的机器上设置 is_half = False 和 "
               "infer_device = \"cpu\"。"),
    },
    "config-unreadable": {
        "en": ("config.py cannot be read: {error}", "Every entry point imports config.py.",
               "Restore config.py from your GPT-SoVITS download or fix the error shown."),
        "zh": ("无法读取 config.py：{error}", "所有入口都会导入 config.py。",
               "从 GPT-SoVITS 的原始压缩包恢复 config.py，或修正提示的错误。"),
    },
    "tts-infer-unreadable": {
        "en": ("tts_infer.yaml cannot be read: {error}", "api_v2.py reads it at start.",
               "Delete GPT_SoVITS/configs/tts_infer.yaml; GPT-SoVITS writes a fresh one."),
        "zh": ("无法读取 tts_infer.yaml：{error}", "api_v2.py 启动时会读取它。",
               "删除 GPT_SoVITS/configs/tts_infer.yaml，GPT-SoVITS 会重新生成。"),
    },
    "config-half-off-on-capable-gpu": {
        "en": ("float16 is off, but {device_name} runs it correctly",
               "float16 would use less memory and usually run faster on this card.",
               "If you want it: set is_half = True in config.py."),
        "zh": ("半精度已关闭，但 {device_name} 可以正确运行 float16",
               "在这张卡上 float16 更省显存，通常也更快。",
               "如需开启：在 config.py 中设置 is_half = True。"),
    },
    "cuda-init-failed": {
        "en": ("CUDA failed to start: {error}", "torch falls back to the CPU.",
               "Update the NVIDIA driver, or install the torch build that matches it."),
        "zh": ("CUDA 初始化失败：{error}", "torch 会退回到 CPU。",
               "更新 NVIDIA 驱动，或安装与驱动匹配的 torch 版本。"),
    },
    "gpu-unusable": {
        "en": ("{device_name} cannot be used by this torch build ({reason})",
               "torch reports CUDA as available, so GPT-SoVITS picks the card and then fails.",
               "Install a torch build for this card, or hide it: set CUDA_VISIBLE_DEVICES= (empty) to run on the CPU."),
        "zh": ("当前 torch 无法使用 {device_name}（{reason}）",
               "torch 报告 CUDA 可用，于是 GPT-SoVITS 选中这张卡，随后出错。",
               "安装支持这张卡的 torch 版本，或设置 CUDA_VISIBLE_DEVICES=（留空）改用 CPU。"),
    },
    "cpu-bfloat16-faster": {
        "en": ("This CPU runs bfloat16 faster than float32 ({ratio}x the time)",
               "bfloat16 on the CPU is an option for projects that support it; GPT-SoVITS does not select it itself.",
               ""),
        "zh": ("这颗 CPU 运行 bfloat16 比 float32 更快（耗时为 {ratio} 倍）",
               "支持 bfloat16 的项目可以在 CPU 上使用它；GPT-SoVITS 本身不会选择它。", ""),
    },
    "training-fp16": {
        "en": ("Training configs ask for float16: {files}",
               "webui.py rewrites them from is_half when training starts; reported, not changed.", ""),
        "zh": ("训练配置要求 float16：{files}", "webui.py 开始训练时会按 is_half 重写这些文件；此处只报告，不修改。", ""),
    },
    "bundled-runtime-not-probed": {
        "en": ("This project has its own Python ({bundled}), but the check probed {probed}",
               "GPT-SoVITS starts with the bundled interpreter and its own torch; results may differ.", ""),
        "zh": ("该项目自带 Python（{bundled}），但本次检查探测的是 {probed}",
               "GPT-SoVITS 使用自带的解释器和其中的 torch 启动，结果可能不同。", ""),
    },
    "no-project": {
        "en": ("No GPT-SoVITS folder here: only the machine was checked",
               "Run inside the GPT-SoVITS folder or pass --project DIR to see which entry points are affected.", ""),
        "zh": ("当前目录不是 GPT-SoVITS 目录：只检查了本机环境",
               "请在 GPT-SoVITS 目录中运行，或用 --project 指定目录，以查看哪些入口受影响。", ""),
    },
    "probe-timeout": {
        "en": ("The torch probe did not finish within {timeout} s",
               "Usually a CUDA driver that hangs on start; GPT-SoVITS would hang the same way.",
               "Update or reinstall the NVIDIA driver; to run on the CPU meanwhile set CUDA_VISIBLE_DEVICES= (empty)."),
        "zh": ("torch 探测在 {timeout} 秒内没有完成",
               "通常是 CUDA 驱动初始化时卡住；GPT-SoVITS 启动时也会同样卡住。",
               "更新或重装 NVIDIA 驱动；临时可设置 CUDA_VISIBLE_DEVICES=（留空）改用 CPU。"),
    },
    "probe-failed": {
        "en": ("The torch probe stopped without a report (exit code {returncode})",
               "The interpreter failed while importing torch or probing; its last line is shown. GPT-SoVITS "
               "would most likely fail the same way at start.",
               "Run the interpreter with `-c \"import torch\"` to see the whole error; reinstall torch if it fails."),
        "zh": ("torch 探测没有给出结果就退出了（退出码 {returncode}）",
               "解释器在导入 torch 或探测时出错，下面显示它输出的最后一行。GPT-SoVITS 启动时多半也会同样出错。",
               "用该解释器运行 `-c \"import torch\"` 查看完整报错；如果失败，请重新安装 torch。"),
    },
    "probe-crashed": {
        "en": ("The torch probe crashed (exit code {returncode})",
               "torch or the CUDA driver crashed while starting; GPT-SoVITS would crash the same way.",
               "Reinstall torch for your driver, or set CUDA_VISIBLE_DEVICES= (empty) to run on the CPU."),
        "zh": ("torch 探测进程崩溃（退出码 {returncode}）",
               "torch 或 CUDA 驱动在启动时崩溃；GPT-SoVITS 也会同样崩溃。",
               "重新安装与驱动匹配的 torch，或设置 CUDA_VISIBLE_DEVICES=（留空）改用 CPU。"),
    },
}

# Phrases the finding texts are built from, chosen by the finding's params.
PHRASES = {
    "en": {
        "outcome_crash": "crash", "outcome_nan": "NaN / silent audio", "outcome_slow": "works, {ratio}x slower",
        "outcome_ok": "works, no faster",
        "cpu_consequence_crash": "This torch has no float16 CPU kernels, so loading the HuBERT model fails.",
        "cpu_consequence_nan": "Float16 on this CPU gives NaN: silent audio.",
        "cpu_consequence_slow": "Float16 works on this CPU but runs {ratio}x slower than float32 (measured).",
        "cpu_consequence_ok": "Float16 runs on this CPU at about float32 speed (measured {ratio}x), so it gains nothing, and torch.stft has no float16 CPU kernel in any build.",
        "value_source_executed": "measured by running it", "value_source_static": "read from the file",
        "value_source_unknown": "unknown",
        "source_measured": "measurement", "source_rule": "the card rules (name / compute capability)",
        "source_project": "the project files",
        "project_rule": " config.py's own card rule did not catch this card.",
    },
    "zh": {
        "outcome_crash": "会崩溃", "outcome_nan": "NaN / 无声音频", "outcome_slow": "能运行，但慢 {ratio} 倍",
        "outcome_ok": "能运行，但不更快",
        "cpu_consequence_crash": "当前 torch 没有 CPU 上的 float16 实现，加载 HuBERT 模型时就会报错。",
        "cpu_consequence_nan": "在这颗 CPU 上 float16 会产生 NaN：音频无声。",
        "cpu_consequence_slow": "float16 在这颗 CPU 上能运行，但实测比 float32 慢 {ratio} 倍。",
        "cpu_consequence_ok": "float16 在这颗 CPU 上的速度与 float32 相当（实测 {ratio} 倍），没有任何好处，而且任何版本的 torch 在 CPU 上都没有 float16 的 stft。",
        "value_source_executed": "实际运行得到", "value_source_static": "静态读取文件得到",
        "value_source_unknown": "未知",
        "source_measured": "实测", "source_rule": "显卡规则（型号 / 计算能力）", "source_project": "项目文件",
        "project_rule": " config.py 自带的显卡规则没有识别出这张卡。",
    },
}

# Why a card was judged as it was: (gpus verdict, rule that decided) -> text per language.
REASONS = {
    ("half_broken", "name"): {"en": "{device_name} is a card whose float16 gives NaN",
                              "zh": "{device_name} 属于 float16 会产生 NaN 的显卡"},
    ("half_broken", "capability"): {"en": "compute capability {capability} gives NaN in float16",
                                    "zh": "计算能力 {capability} 的显卡在 float16 下会产生 NaN"},
    ("no_kernel", "arch_list"): {"en": "this torch build has no kernels for sm_{sm}",
                                 "zh": "当前 torch 版本没有 sm_{sm} 的内核"},
    ("unusable", "capability"): {"en": "compute capability {capability} is below 5.3",
                                 "zh": "计算能力 {capability} 低于 5.3"},
    ("unusable", "memory"): {"en": "{memory_gb} GB of memory is below 4 GB", "zh": "显存 {memory_gb} GB 少于 4 GB"},
}

LABELS = {
    "en": {
        "devices": "Devices", "project": "Project", "findings": "Findings", "affects": "affects",
        "error": "error", "fix": "fix", "manual": "by hand", "found_by": "found by",
        "no_findings": "No problems found: float16 and the devices are set up correctly for this machine.",
        "summary": "{errors} error(s), {warnings} warning(s), {infos} note(s)",
        "probing": "Probing torch in {python} (importing torch takes a few seconds)...",
        "not_found": "not found", "unset": "unset", "none": "none",
        "ok": "ok", "crash": "FAILS", "nan": "NaN", "wrong": "WRONG", "slow": "slow", "unknown": "?",
        "faster": "faster", "by_rule": "rule",
        "nan_silent": "(no error: NaN in the features, silent or empty audio)",
        "severity_error": "ERROR", "severity_warning": "WARN", "severity_info": "note",
        "config_values": "effective", "shape": "shape",
        "entry": "entry point",
        "preflight_fail": "gsv-doctor preflight: this launch would fail ({count} error(s)):",
        "preflight_hint": "Fix: gsv-doctor preflight --fix (or gsv-doctor fix --write), or start the program with"
                          " `gsv-doctor run -- ...`.",
        "preflight_fix_failed": "--fix could not fix these; see `gsv-doctor fix`.",
        "entry_points": "Entry points",
        "verdict_ok": "fine", "verdict_crash": "float16 on {device}: crash",
        "verdict_nan": "float16 on {device}: NaN / silent audio", "verdict_slow": "float16 on the CPU: slow",
        "verdict_half-cpu": "float16 on the CPU: no gain", "verdict_device": "cannot use device {device}",
        "verdict_start": "dies at start: {error}", "verdict_unknown": "unknown",
        "started_by": "started by {parent}", "direct": "started directly",
        "how_executed": "its own code ran", "how_static": "read from its files", "how_unknown": "not determined",
        "next_step": "Next step: {step}",
        "step_none": "nothing to do; start GPT-SoVITS as usual.",
        "step_by_hand": "the edit by hand shown above (gsv-doctor cannot make it).",
        "launch_only": "judging {entry} only (what this command starts)",
        "run_not_started": "Not started. Fix: {fix}, then run again.",
    },
    "zh": {
        "devices": "设备", "project": "项目", "findings": "诊断结果", "affects": "影响",
        "error": "报错", "fix": "修复", "manual": "手动修改", "found_by": "依据",
        "no_findings": "没有发现问题：本机的 float16 和设备设置都正确。",
        "summary": "{errors} 个错误，{warnings} 个警告，{infos} 条提示",
        "probing": "正在用 {python} 探测 torch（导入 torch 需要几秒钟）……",
        "not_found": "不存在", "unset": "未设置", "none": "无",
        "ok": "正常", "crash": "失败", "nan": "NaN", "wrong": "错误", "slow": "慢", "unknown": "?",
        "faster": "更快", "by_rule": "规则",
        "nan_silent": "（不报错：特征变成 NaN，音频无声或为空）",
        "severity_error": "错误", "severity_warning": "警告", "severity_info": "提示",
        "config_values": "实际值", "shape": "写法",
        "entry": "入口",
        "preflight_fail": "gsv-doctor preflight：这样启动会失败（{count} 个错误）：",
        "preflight_hint": "修复：gsv-doctor preflight --fix（或 gsv-doctor fix --write），或用 `gsv-doctor run -- ...` 启动程序。",
        "preflight_fix_failed": "--fix 无法修复这些问题；请查看 `gsv-doctor fix`。",
        "entry_points": "入口",
        "verdict_ok": "正常", "verdict_crash": "在 {device} 上使用 float16：会崩溃",
        "verdict_nan": "在 {device} 上使用 float16：NaN / 无声音频", "verdict_slow": "在 CPU 上使用 float16：变慢",
        "verdict_half-cpu": "在 CPU 上使用 float16：没有好处", "verdict_device": "无法使用设备 {device}",
        "verdict_start": "启动时就出错：{error}", "verdict_unknown": "未知",
        "started_by": "由 {parent} 启动", "direct": "直接启动",
        "how_executed": "实际运行了它自己的代码", "how_static": "静态读取文件", "how_unknown": "无法确定",
        "next_step": "下一步：{step}",
        "step_none": "无需处理；照常启动 GPT-SoVITS 即可。",
        "step_by_hand": "按上面的说明手动修改（gsv-doctor 无法自动修改）。",
        "launch_only": "只检查 {entry}（这条命令启动的程序）",
        "run_not_started": "没有启动。修复：{fix}，然后再运行。",
    },
}


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def fill(text: str, params: Mapping[str, Any]) -> str:
    """`text` with its {fields} from `params`; a missing or None one reads "?"."""
    return text.format_map(_Defaults({k: ("?" if v is None else v) for k, v in params.items()}))


def finding_texts(finding_id: str, params: Mapping[str, Any], lang: str, found_by: str = "measured") -> Dict[str, str]:
    """title, why and manual fix of a finding in `lang`, filled with its params."""
    lang = lang if lang in ("en", "zh") else "en"
    entry = FINDINGS.get(finding_id, {}).get(lang)
    if entry is None:
        return {"title": finding_id, "why": "", "manual": ""}
    phrases = PHRASES[lang]
    filled = dict(params)
    ratio = params.get("ratio")
    filled["ratio"] = f"{ratio:.1f}" if isinstance(ratio, (int, float)) else "?"
    outcome = params.get("outcome", "ok")
    filled["outcome"] = fill(phrases.get("outcome_" + str(outcome), "?"), filled)
    filled["cpu_consequence"] = fill(phrases.get("cpu_consequence_" + str(outcome), ""), filled)
    filled["value_source"] = phrases.get("value_source_" + str(params.get("value_source")), "?")
    filled["source"] = phrases.get("source_" + found_by, "?")
    filled["project_rule"] = phrases["project_rule"] if params.get("project_rule") else ""
    reason = REASONS.get((params.get("verdict"), params.get("verdict_rule")), {}).get(lang)
    filled["reason"] = fill(reason, filled) if reason else (params.get("reason") or phrases["source_measured"])
    if "env_value" in params and params["env_value"] is None:
        filled["env_value"] = label("unset", lang)
    for key in ("files",):
        if isinstance(params.get(key), list):
            filled[key] = ", ".join(params[key])
    title, why, manual = entry
    return {"title": fill(title, filled), "why": fill(why, filled), "manual": fill(manual, filled)}


def label(key: str, lang: str, **params: Any) -> str:
    table = LABELS.get(lang, LABELS["en"])
    return fill(table.get(key, LABELS["en"].get(key, key)), params)
