"""Texts of findings, report labels and the commands' own lines, in English and Simplified Chinese.

Findings carry an id and params; these tables turn them into words through gsv_doctor.i18n
(placeholders are str.format fields filled from the params; a missing one renders as "?").
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from gsv_doctor import i18n
from gsv_doctor.i18n import fill  # noqa: F401  (the one fill, re-exported for older imports)

# id -> language -> (title, why, manual fix). Keep each text one sentence or two.
# Registered below, flattened, as the table "findings" with keys "<id>.title", ".why", ".manual".
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
    "launch-device-unusable": {
        "en": ("{entry_point}, as launched, asks for device '{device}', which this torch cannot use",
               "Its command line names this device; moving the models there fails as soon as it starts.",
               "Name a device this torch can use on its command line (cpu, or a card that gsv-doctor check "
               "lists); on the CPU also turn float16 off (api.py: -fp; the tools: --no-half)."),
        "zh": ("按这条命令启动的 {entry_point} 要使用设备 '{device}'，但当前 torch 无法使用它",
               "它的命令行指定了这个设备；启动后把模型放到该设备上就会失败。",
               "在命令行里换成当前 torch 能用的设备（cpu，或 gsv-doctor check 列出的显卡）；"
               "用 CPU 时同时关闭 float16（api.py：-fp；工具脚本：--no-half）。"),
    },
    "api-flags-half-on-cpu": {
        "en": ("api.py, as launched, runs float16 on the CPU ({outcome})",
               "Its command line runs it on {device_flag} in float16: api.py keeps config.py's is_half unless "
               "-fp or -hp is given, and -d/--device changes the device, not the precision. {cpu_consequence}",
               "Add -fp (full precision) to the api.py command line, and drop -hp."),
        "zh": ("按这条命令启动的 api.py 会在 CPU 上使用 float16（{outcome}）",
               "按它的命令行，它在 {device_flag} 上使用 float16：除非给了 -fp 或 -hp，api.py 沿用 config.py 的 "
               "is_half；-d/--device 只改设备，不改精度。{cpu_consequence}",
               "在 api.py 的命令行里加上 -fp（全精度），并去掉 -hp。"),
    },
    "api-flags-half-on-broken-gpu": {
        "en": ("api.py, as launched, runs float16 on {device_name} (NaN / silent audio)",
               "Its command line (-hp or -d) gives float16 on this card. Found by {source}: {reason}.",
               "Add -fp (full precision) to the api.py command line, and drop -hp."),
        "zh": ("按这条命令启动的 api.py 会在 {device_name} 上使用 float16（NaN / 无声音频）",
               "它的命令行（-hp 或 -d）让这张卡使用 float16。依据：{source}（{reason}）。",
               "在 api.py 的命令行里加上 -fp（全精度），并去掉 -hp。"),
    },
    "tool-half-on-cpu": {
        "en": ("{entry_point}, as launched, runs float16 on the CPU ({outcome})",
               "This tool decides device and precision itself, not from config.py. {cpu_consequence}",
               "Turn float16 off on its command line (its switch: {switch}), or start it with "
               "gsv-doctor run, whose hook computes float16 in float32 on the CPU."),
        "zh": ("按这条命令启动的 {entry_point} 会在 CPU 上使用 float16（{outcome}）",
               "这个工具自己决定设备和精度，不读 config.py。{cpu_consequence}",
               "在它的命令行里关闭 float16（开关：{switch}），或用 gsv-doctor run 启动它，"
               "钩子会在 CPU 上用 float32 计算 float16。"),
    },
    "tool-half-on-broken-gpu": {
        "en": ("{entry_point}, as launched, runs float16 on {device_name} (NaN / silent audio)",
               "This tool decides device and precision itself, not from config.py. Found by {source}: {reason}.",
               "Turn float16 off on its command line (its switch: {switch})."),
        "zh": ("按这条命令启动的 {entry_point} 会在 {device_name} 上使用 float16（NaN / 无声音频）",
               "这个工具自己决定设备和精度，不读 config.py。依据：{source}（{reason}）。",
               "在它的命令行里关闭 float16（开关：{switch}）。"),
    },
    "tool-lines-half-on-cpu": {
        "en": ("{entry_point}, as launched, runs float16 on the CPU ({outcome})",
               "This tool sets is_half itself, in its own lines, and has no switch to turn it off. {cpu_consequence}",
               "In {entry_point}, line {line}: set is_half = False; or start it with gsv-doctor run, whose "
               "hook computes float16 in float32 on the CPU."),
        "zh": ("按这条命令启动的 {entry_point} 会在 CPU 上使用 float16（{outcome}）",
               "这个工具在自己的代码里设置 is_half，命令行无法关闭。{cpu_consequence}",
               "在 {entry_point} 第 {line} 行设置 is_half = False；或用 gsv-doctor run 启动它，"
               "钩子会在 CPU 上用 float32 计算 float16。"),
    },
    "tool-lines-half-on-broken-gpu": {
        "en": ("{entry_point}, as launched, runs float16 on {device_name} (NaN / silent audio)",
               "This tool sets is_half itself, in its own lines, and has no switch to turn it off. "
               "Found by {source}: {reason}.",
               "In {entry_point}, line {line}: set is_half = False."),
        "zh": ("按这条命令启动的 {entry_point} 会在 {device_name} 上使用 float16（NaN / 无声音频）",
               "这个工具在自己的代码里设置 is_half，命令行无法关闭。依据：{source}（{reason}）。",
               "在 {entry_point} 第 {line} 行设置 is_half = False。"),
    },
    "tool-defaults-half": {
        "en": ("Export / stream tools started by hand default to float16, which does not work well here: {tools}",
               "They decide device and precision themselves, not from config.py; webui.py does not start them.",
               "Turn float16 off when you start them: with their switch for it (such as --no-half) where they "
               "have one, else by setting is_half = False in their own lines. On the CPU, gsv-doctor run also "
               "works: its hook computes float16 in float32."),
        "zh": ("手动启动的导出 / 流式工具默认使用 float16，在本机效果不好：{tools}",
               "它们自己决定设备和精度，不读 config.py；webui.py 不会启动它们。",
               "启动时关闭 float16：有开关的加上开关（例如 --no-half），没有开关的在脚本自己的代码里设置 "
               "is_half = False。在 CPU 上也可以用 gsv-doctor run 启动：钩子会用 float32 计算 float16。"),
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
               "this error on this machine ({value_source}).",
               "At {where}, ask torch.cuda only when torch.cuda.is_available() (for example "
               "`torch.cuda.get_device_name(0) if torch.cuda.is_available() else \"\"`), or run `python config.py` "
               "in the GPT-SoVITS folder and fix the error it shows."),
        "zh": ("导入 config.py 时出错（{where}）：{error}",
               "本机上所有导入 config.py 的入口（webui.py、api.py、推理界面）启动时都会因这个错误退出（{value_source}）。",
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
               "{timeout_why}",
               "{timeout_advice}"),
        "zh": ("torch 探测在 {timeout} 秒内没有完成",
               "{timeout_why}",
               "{timeout_advice}"),
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


FINDING_PARTS = ("title", "why", "manual")
SHORT_TIMEOUT_S = 60  # below target.DEFAULT_TIMEOUT_S, a probe timeout is more likely the timeout's fault
FINDING_TEXTS = i18n.register("findings", i18n.parts(FINDINGS, FINDING_PARTS))

# Phrases the finding texts are built from, chosen by the finding's params.
PHRASES = i18n.register("phrases", {
    "outcome_crash": {"en": "crash", "zh": "会崩溃"},
    "outcome_nan": {"en": "NaN / silent audio", "zh": "NaN / 无声音频"},
    "outcome_slow": {"en": "works, {ratio}x slower", "zh": "能运行，但慢 {ratio} 倍"},
    "outcome_ok": {"en": "works, no faster", "zh": "能运行，但不更快"},
    "cpu_consequence_crash": {
        "en": "This torch has no float16 CPU kernels, so loading the HuBERT model fails.",
        "zh": "当前 torch 没有 CPU 上的 float16 实现，加载 HuBERT 模型时就会报错。",
    },
    "cpu_consequence_nan": {
        "en": "Float16 on this CPU gives NaN: silent audio.",
        "zh": "在这颗 CPU 上 float16 会产生 NaN：音频无声。",
    },
    "cpu_consequence_slow": {
        "en": "Float16 works on this CPU but runs {ratio}x slower than float32 (measured).",
        "zh": "float16 在这颗 CPU 上能运行，但实测比 float32 慢 {ratio} 倍。",
    },
    "cpu_consequence_ok": {
        "en": "Float16 runs on this CPU at about float32 speed (measured {ratio}x), so it gains nothing, and torch.stft has no float16 CPU kernel in any build.",
        "zh": "float16 在这颗 CPU 上的速度与 float32 相当（实测 {ratio} 倍），没有任何好处，而且任何版本的 torch 在 CPU 上都没有 float16 的 stft。",
    },
    "value_source_executed": {"en": "measured by running it", "zh": "实际运行得到"},
    "value_source_static": {"en": "read from the file", "zh": "静态读取文件得到"},
    "value_source_unknown": {"en": "unknown", "zh": "未知"},
    "source_measured": {"en": "measurement", "zh": "实测"},
    "source_rule": {"en": "the card rules (name / compute capability)", "zh": "显卡规则（型号 / 计算能力）"},
    "source_project": {"en": "the project files", "zh": "项目文件"},
    # probe-timeout: a timeout below the default is the likelier cause than a hanging driver.
    "timeout_why_short": {
        "en": "Importing torch can take longer than that on a slow disk or a busy machine; a CUDA driver that"
              " hangs on start looks the same.",
        "zh": "在较慢的磁盘或繁忙的机器上，导入 torch 可能需要更长时间；CUDA 驱动初始化时卡住也是这个样子。",
    },
    "timeout_advice_short": {
        "en": "Run again with a longer timeout (--timeout 120). If it still does not finish, update or reinstall the"
              " NVIDIA driver, or set CUDA_VISIBLE_DEVICES= (empty) to run on the CPU.",
        "zh": "用更长的超时时间重新运行（--timeout 120）。如果仍然无法完成，请更新或重装 NVIDIA 驱动，"
              "或设置 CUDA_VISIBLE_DEVICES=（留空）改用 CPU。",
    },
    "timeout_why_long": {
        "en": "Usually a CUDA driver that hangs on start; GPT-SoVITS would hang the same way.",
        "zh": "通常是 CUDA 驱动初始化时卡住；GPT-SoVITS 启动时也会同样卡住。",
    },
    "timeout_advice_long": {
        "en": "Update or reinstall the NVIDIA driver; to run on the CPU meanwhile set CUDA_VISIBLE_DEVICES= (empty).",
        "zh": "更新或重装 NVIDIA 驱动；临时可设置 CUDA_VISIBLE_DEVICES=（留空）改用 CPU。",
    },
    "project_rule": {"en": " config.py's own card rule did not catch this card.", "zh": " config.py 自带的显卡规则没有识别出这张卡。"},
})

# Why a card was judged as it was: "<gpus verdict>/<rule that decided>" -> text per language.
REASONS = i18n.register("reasons", {
    "half_broken/name": {"en": "{device_name} is a card whose float16 gives NaN",
                         "zh": "{device_name} 属于 float16 会产生 NaN 的显卡"},
    "half_broken/capability": {"en": "compute capability {capability} gives NaN in float16",
                               "zh": "计算能力 {capability} 的显卡在 float16 下会产生 NaN"},
    "no_kernel/arch_list": {"en": "this torch build has no kernels for sm_{sm}", "zh": "当前 torch 版本没有 sm_{sm} 的内核"},
    "unusable/capability": {"en": "compute capability {capability} is below 5.3", "zh": "计算能力 {capability} 低于 5.3"},
    "unusable/memory": {"en": "{memory_gb} GiB of memory is below 4 with GPT-SoVITS's 0.4 GiB allowance",
                        "zh": "显存 {memory_gb} GiB 加上 GPT-SoVITS 的 0.4 GiB 余量仍不足 4"},
})

LABELS = i18n.register("labels", {
    "devices": {"en": "Devices", "zh": "设备"},
    "project": {"en": "Project", "zh": "项目"},
    "findings": {"en": "Findings", "zh": "诊断结果"},
    "affects": {"en": "affects", "zh": "影响"},
    "error": {"en": "error", "zh": "报错"},
    "fix": {"en": "fix", "zh": "修复"},
    "manual": {"en": "by hand", "zh": "手动修改"},
    "found_by": {"en": "found by", "zh": "依据"},
    "no_findings": {
        "en": "No problems found: float16 and the devices are set up correctly for this machine.",
        "zh": "没有发现问题：本机的 float16 和设备设置都正确。",
    },
    "summary": {
        "en": "{errors} error(s), {warnings} warning(s), {infos} note(s)",
        "zh": "{errors} 个错误，{warnings} 个警告，{infos} 条提示",
    },
    "probing": {
        "en": "Probing torch in {python} (importing torch takes a few seconds)...",
        "zh": "正在用 {python} 探测 torch（导入 torch 需要几秒钟）……",
    },
    "not_found": {"en": "not found", "zh": "不存在"},
    "tts_no_sections": {"en": "no section sets device or is_half (api_v2.py not judged)",
                        "zh": "没有任何段设置 device 或 is_half（未判断 api_v2.py）"},
    "unset": {"en": "unset", "zh": "未设置"},
    "none": {"en": "none", "zh": "无"},
    "ok": {"en": "ok", "zh": "正常"},
    "crash": {"en": "FAILS", "zh": "失败"},
    "nan": {"en": "NaN", "zh": "NaN"},
    "wrong": {"en": "WRONG", "zh": "错误"},
    "slow": {"en": "slow", "zh": "慢"},
    "unknown": {"en": "?", "zh": "?"},
    "faster": {"en": "faster", "zh": "更快"},
    "by_rule": {"en": "rule", "zh": "规则"},
    "speed_slower": {"en": "{times}x slower", "zh": "慢 {times} 倍"},
    "speed_faster": {"en": "{times}x faster", "zh": "快 {times} 倍"},
    "speed_same": {"en": "about the same", "zh": "速度相当"},
    "legend_speed": {
        "en": "Speed: time of a HuBERT-shaped workload (convolutions + attention) against float32 on the"
              " same device, median of interleaved rounds; \"about the same\" = within {band}%;"
              " ~ = the rounds disagreed (a busy machine), a rough figure.",
        "zh": "速度：一个仿 HuBERT 的负载（卷积 + 注意力）相对同一设备上 float32 的耗时，取多轮交替测量的中位数；"
              "“速度相当”指相差不到 {band}%；~ 表示各轮结果相差较大（机器繁忙），只是粗略数字。",
    },
    "legend_fails": {
        "en": "FAILS (n/{total}): n of the {total} model ops probed ({ops}) have no kernel or raise in that dtype.",
        "zh": "失败 (n/{total})：探测的 {total} 个模型算子（{ops}）中有 n 个在该精度下没有实现或报错。",
    },
    "nan_silent": {"en": "(no error: NaN in the features, silent or empty audio)", "zh": "（不报错：特征变成 NaN，音频无声或为空）"},
    "severity_error": {"en": "ERROR", "zh": "错误"},
    "severity_warning": {"en": "WARN", "zh": "警告"},
    "severity_info": {"en": "note", "zh": "提示"},
    "config_values": {"en": "effective", "zh": "实际值"},
    "shape": {"en": "shape", "zh": "写法"},
    "env_is_half": {"en": "env is_half", "zh": "环境变量 is_half"},
    "entry": {"en": "entry point", "zh": "入口"},
    "preflight_fail": {
        "en": "gsv-doctor preflight: this launch would fail ({count} error(s)):",
        "zh": "gsv-doctor preflight：这样启动会失败（{count} 个错误）：",
    },
    "preflight_hint": {
        "en": "Fix: gsv-doctor preflight --fix (or gsv-doctor fix --write), or start the program with `gsv-doctor run -- ...`.",
        "zh": "修复：gsv-doctor preflight --fix（或 gsv-doctor fix --write），或用 `gsv-doctor run -- ...` 启动程序。",
    },
    "preflight_fix_failed": {
        "en": "--fix could not fix these; see `gsv-doctor fix`.",
        "zh": "--fix 无法修复这些问题；请查看 `gsv-doctor fix`。",
    },
    # per-entry-point verdicts (check's "Entry points")
    "entry_points": {"en": "Entry points", "zh": "入口"},
    "verdict_ok": {"en": "fine", "zh": "正常"},
    "verdict_crash": {"en": "float16 on {device}: crash", "zh": "在 {device} 上使用 float16：会崩溃"},
    "verdict_nan": {"en": "float16 on {device}: NaN / silent audio", "zh": "在 {device} 上使用 float16：NaN / 无声音频"},
    "verdict_slow": {"en": "float16 on the CPU: slow", "zh": "在 CPU 上使用 float16：变慢"},
    "verdict_half-cpu": {"en": "float16 on the CPU: no gain", "zh": "在 CPU 上使用 float16：没有好处"},
    "verdict_device": {"en": "cannot use device {device}", "zh": "无法使用设备 {device}"},
    "verdict_start": {"en": "dies at start: {error}", "zh": "启动时就出错：{error}"},
    "verdict_unknown": {"en": "unknown", "zh": "未知"},
    "started_by": {"en": "started by {parent}", "zh": "由 {parent} 启动"},
    "how_executed": {"en": "its own code ran", "zh": "实际运行了它自己的代码"},
    "how_static": {"en": "read from its files", "zh": "静态读取文件"},
    "how_unknown": {"en": "not determined", "zh": "无法确定"},
    "next_step": {"en": "Next step: {step}", "zh": "下一步：{step}"},
    "step_none": {"en": "nothing to do; start the program as usual.", "zh": "无需处理；照常启动程序即可。"},
    "step_by_hand": {"en": "the edit by hand shown above (gsv-doctor cannot make it).",
                     "zh": "按上面的说明手动修改（gsv-doctor 无法自动修改）。"},
    "run_not_started": {"en": "Not started. Fix: {fix}, then run again.", "zh": "没有启动。修复：{fix}，然后再运行。"},
    # check's report
    "unreadable_see_findings": {"en": "cannot be read (see Findings)", "zh": "无法读取（见诊断结果）"},
    "manual_same": {"en": "the same edit as above", "zh": "与上面相同的修改"},
    "header_saved": {"en": "from a saved probe", "zh": "来自保存的探测报告"},
    "header_cpu_build": {"en": "CPU build", "zh": "CPU 版"},
    "shape_constants": {"en": "constants", "zh": "常量"},
    "shape_env": {"en": "environment variable", "zh": "读取环境变量"},
    "shape_detect": {"en": "device detection", "zh": "自动检测设备"},
    "shape_helper": {"en": "helper function", "zh": "辅助函数"},
    "shape_unknown": {"en": "not recognised", "zh": "无法识别"},
    "md_title": {"en": "gsv-doctor check: {summary}", "zh": "gsv-doctor 检查：{summary}"},
    "md_cpu": {"en": "CPU: {name} ({flags})", "zh": "CPU：{name}（{flags}）"},
    "md_no_flags": {"en": "no extra flags", "zh": "无额外指令集"},
    "md_platform": {"en": "platform: {platform}, CUDA available: {available}",
                    "zh": "平台：{platform}，CUDA 可用：{available}"},
    "md_devices": {"en": "| device | float32 | float16 | bfloat16 |", "zh": "| 设备 | float32 | float16 | bfloat16 |"},
    "md_findings": {"en": "| severity | finding | error |", "zh": "| 级别 | 诊断结果 | 报错 |"},
    "no_project_checked": {
        "en": "No problems found on this machine's torch (no GPT-SoVITS folder was checked: run it there or pass --project).",
        "zh": "本机的 torch 没有发现问题（没有检查 GPT-SoVITS 目录：请在该目录中运行，或用 --project 指定）。",
    },
})

# --help: each command's help by its path ("hook install"), each option's by "<path> <option>"
# or, shared by every command that has it, by the option alone (cli.help_key); click's own
# words ("Usage:", the headings) too.
HELP = i18n.register("help", {
    "usage": {"en": "Usage: ", "zh": "用法："},
    "heading Options": {"en": "Options:", "zh": "选项："},
    "heading Commands": {"en": "Commands:", "zh": "命令："},
    "heading Arguments": {"en": "Arguments:", "zh": "参数："},
    "--help": {"en": "Show this message and exit.", "zh": "显示这段帮助并退出。"},
    "gsv-doctor": {
        "en": "Diagnose and fix float16 / device problems of GPT-SoVITS (and RVC-style projects).",
        "zh": "诊断并修复 GPT-SoVITS（以及 RVC 一类项目）的 float16 / 设备问题。",
    },
    "gsv-doctor --version": {"en": "Show the version and exit.", "zh": "显示版本号并退出。"},
    "--project": {
        "en": "GPT-SoVITS folder (default: this folder or a parent).",
        "zh": "GPT-SoVITS 文件夹（默认：当前文件夹或它的上级）。",
    },
    "--python": {
        "en": "Interpreter that runs GPT-SoVITS, e.g. runtime\\python.exe (default: this one).",
        "zh": "运行 GPT-SoVITS 的解释器，例如 runtime\\python.exe（默认：当前这个）。",
    },
    "--timeout": {
        "en": "Seconds each child process may take (1 to 86400; default {default}).",
        "zh": "每个子进程最多可用的秒数（1 到 86400；默认 {default}）。",
    },
    "--lang": {"en": "Language (default: from the locale).", "zh": "语言（默认：跟随系统语言设置）。"},
    "--json": {"en": "Print a JSON document instead of text.", "zh": "输出 JSON 文档而不是文字。"},
    "--probe-json": {
        "en": "Diagnose a probe report saved on another machine.",
        "zh": "诊断在另一台机器上保存的探测报告。",
    },
    "check": {
        "en": "Probe torch on every device and say which GPT-SoVITS entry points will fail, and why.",
        "zh": "在每个设备上探测 torch，说明 GPT-SoVITS 的哪些入口会出错，以及原因。",
    },
    "check --json": {
        "en": "Print the versioned JSON document (schema in the README).",
        "zh": "输出带版本号的 JSON 文档（格式见 README）。",
    },
    "check --markdown": {"en": "Print a block to paste into a bug report.", "zh": "输出一段可以贴进问题报告的文字。"},
    "fix": {
        "en": "Fix is_half / infer_device in config.py and tts_infer.yaml for this machine (dry run by default).",
        "zh": "按本机情况修正 config.py 和 tts_infer.yaml 中的 is_half / infer_device（默认只预览，不写入）。",
    },
    "fix --write": {"en": "Apply the changes (default: only show them).", "zh": "写入修改（默认：只显示）。"},
    "fix --yes": {"en": "Do not ask before writing.", "zh": "写入前不再询问。"},
    "fix --pin": {
        "en": "Write this machine's literal values into config.py instead of the portable guard.",
        "zh": "把本机的具体取值写进 config.py，而不是写入可移植的保护语句。",
    },
    "fix --all-sections": {
        "en": "Also fix the other sections of tts_infer.yaml, not only the one in use.",
        "zh": "同时修正 tts_infer.yaml 的其他段，而不只是正在使用的那一段。",
    },
    "fix --undo": {
        "en": "Restore every file gsv-doctor changed from its backup.",
        "zh": "用备份恢复 gsv-doctor 改过的每个文件。",
    },
    "fix --force": {
        "en": "With --undo: restore even files that changed after the fix.",
        "zh": "与 --undo 一起使用：修复之后又被改动过的文件也恢复。",
    },
    "fix --probe-json": {
        "en": "Plan from a probe report saved earlier instead of probing now.",
        "zh": "根据之前保存的探测报告来规划修改，而不是现在探测。",
    },
    "hook": {
        "en": "Make float16 models run on the CPU (in float32) without editing the program.",
        "zh": "不修改程序，让 float16 模型能在 CPU 上（以 float32）运行。",
    },
    "hook --python": {
        "en": "The Python that runs GPT-SoVITS (default: this one).",
        "zh": "运行 GPT-SoVITS 的 Python（默认：当前这个）。",
    },
    "hook install": {
        "en": "Put the hook into that Python's site-packages (active at its next start).",
        "zh": "把钩子装进那个 Python 的 site-packages（下次启动时生效）。",
    },
    "hook status": {
        "en": "Where the hook is installed and what it patches once torch is imported.",
        "zh": "钩子装在哪里，以及导入 torch 之后它修补了什么。",
    },
    "hook status --json": {
        "en": "Print the status as JSON (schema in the README).",
        "zh": "以 JSON 输出状态（格式见 README）。",
    },
    "hook uninstall": {
        "en": "Remove exactly what `hook install` wrote (and put back what it moved aside).",
        "zh": "只删除 `hook install` 写入的文件（并放回它移到一旁的文件）。",
    },
    "preflight": {
        "en": "Check before a launch (fast with a cached probe): one line when all is well.",
        "zh": "启动前检查（有缓存的探测结果时很快）：一切正常时只输出一行。",
    },
    "preflight --fix": {
        "en": "Apply `gsv-doctor fix --write` when the launch would fail.",
        "zh": "启动会失败时，执行 `gsv-doctor fix --write`。",
    },
    "preflight --env": {
        "en": "Print the variables child processes need (is_half=False) as assignments for this shell.",
        "zh": "以该 shell 的赋值语句输出子进程需要的环境变量（is_half=False）。",
    },
    "preflight --install-into": {
        "en": "Add the preflight line to a start script (go-webui.bat, go-webui.ps1, a .sh), keeping a backup.",
        "zh": "把 preflight 这一行加进启动脚本（go-webui.bat、go-webui.ps1 或 .sh），并保留备份。",
    },
    "preflight --refresh": {
        "en": "Probe again even when a cached probe report fits.",
        "zh": "即使有可用的缓存探测报告，也重新探测。",
    },
    "run": {
        "en": "Preflight, then run COMMAND with the hook active and is_half=False where float16 cannot work.\n\n"
              "When COMMAND starts a Python, that Python is the one checked (unless --python says otherwise).\n\n"
              "Example: gsv-doctor run -- python webui.py zh_CN",
        "zh": "先做 preflight 检查，再运行 COMMAND：钩子生效，并在 float16 无法工作的地方设置 is_half=False。\n\n"
              "COMMAND 启动的是 Python 时，检查的就是那个 Python（除非用 --python 另行指定）。\n\n"
              "例如：gsv-doctor run -- python webui.py zh_CN",
    },
    "explain": {
        "en": "Explain the errors in a log of GPT-SoVITS, RVC or a cousin (a file, or - for standard input).",
        "zh": "解释 GPT-SoVITS、RVC 或同类程序日志中的错误（一个文件，或用 - 表示标准输入）。",
    },
    "explain --project": {
        "en": "The GPT-SoVITS or RVC folder (default: the current one, if it is).",
        "zh": "GPT-SoVITS 或 RVC 文件夹（默认：当前文件夹，如果它是的话）。",
    },
    "explain --python": {
        "en": "Interpreter that runs the program, to probe (default: this one).",
        "zh": "要探测的、运行该程序的解释器（默认：当前这个）。",
    },
    "explain --no-probe": {
        "en": "Do not check whether this machine would still hit the errors.",
        "zh": "不检查本机是否仍会遇到这些错误。",
    },
    "explain --symptom": {"en": "A problem that prints no error.", "zh": "一个不打印任何报错的问题。"},
})


# Where an entry point's device and precision come from (project.Source), in check's
# "Entry points" lines.
SOURCES = i18n.register("sources", {
    "file": {"en": "{path}", "zh": "{path}"},  # a file, or files, named the same in every language
})  # and each family's own (gsv_doctor.families.*.texts)


def source(found: Any, lang: str) -> str:
    """Where a setting comes from (a project.Source), in words."""
    return i18n.text(SOURCES, found.key, lang, found.params)


# The commands' own lines (everything that is neither a finding nor a fix text).
LINES = i18n.register("lines", {
    "explain.cut-end": {
        "en": "gsv-doctor: {name} is longer than {mb} MB; only its last {mb} MB were read.",
        "zh": "gsv-doctor：{name} 超过 {mb} MB；只读取了最后 {mb} MB。",
    },
    "explain.cut-start": {
        "en": "gsv-doctor: {name} is longer than {mb} MB; only the first {mb} MB were read.",
        "zh": "gsv-doctor：{name} 超过 {mb} MB；只读取了最前面的 {mb} MB。",
    },
    # hook install / status / uninstall
    "hook.installed": {
        "en": "Installed the gsv-doctor hook into {purelib} (Python {version}, {python}).",
        "zh": "已把 gsv-doctor 钩子安装到 {purelib}（Python {version}，{python}）。",
    },
    "hook.moved-aside": {
        "en": "Moved aside (put back by `gsv-doctor hook uninstall`): {paths}",
        "zh": "已移到一旁（`gsv-doctor hook uninstall` 会放回）：{paths}",
    },
    "hook.how-it-works": {
        "en": "It patches torch when the program imports it. Off for one run: GSV_DOCTOR_HOOK=0.",
        "zh": "程序导入 torch 时它会修补 torch。某次运行想关闭它：设置 GSV_DOCTOR_HOOK=0。",
    },
    "hook.status-installed": {
        "en": "Installed in {purelib} (Python {version}, {python}).",
        "zh": "已安装在 {purelib}（Python {version}，{python}）。",
    },
    "hook.status-modified": {
        "en": "Installed in {purelib} (Python {version}, {python}), modified or from another gsv-doctor version:"
              " run `gsv-doctor hook install` again.",
        "zh": "已安装在 {purelib}（Python {version}，{python}），但文件被改动过或来自另一个版本的 gsv-doctor："
              "请重新运行 `gsv-doctor hook install`。",
    },
    "hook.status-not-installed": {
        "en": "Not installed in {purelib} (Python {version}, {python}).",
        "zh": "没有安装在 {purelib}（Python {version}，{python}）。",
    },
    "hook.foreign": {"en": "  not ours, left alone: {path}", "zh": "  不是 gsv-doctor 的文件，未改动：{path}"},
    "hook.backup": {"en": "  moved aside by install: {path}", "zh": "  安装时移到一旁的文件：{path}"},
    "hook.target-no-torch": {
        "en": "That Python cannot import torch ({error}).",
        "zh": "那个 Python 无法导入 torch（{error}）。",
    },
    "hook.not-active-printed": {
        "en": "After `import torch` (torch {torch}): NOT active; that Python printed:",
        "zh": "`import torch` 之后（torch {torch}）：未生效；那个 Python 输出了：",
    },
    "hook.not-active": {
        "en": "After `import torch` (torch {torch}): NOT active ({why}).",
        "zh": "`import torch` 之后（torch {torch}）：未生效（{why}）。",
    },
    "hook.not-loaded": {"en": "not loaded", "zh": "没有加载"},
    "hook.active": {
        "en": "After `import torch` (torch {torch}): active, {count} ops - {reason}.",
        "zh": "`import torch` 之后（torch {torch}）：已生效，{count} 个算子 - {reason}。",
    },
    "hook.reason-catalog": {"en": "the catalog and every float16 module", "zh": "内置算子清单和所有 float16 模块"},
    "hook.reason-no-scan": {
        "en": "the catalog and every float16 module (no op scan)",
        "zh": "内置算子清单和所有 float16 模块（未做算子扫描）",
    },
    "hook.reason-scan-failed": {
        "en": "the catalog and every float16 module (op scan failed)",
        "zh": "内置算子清单和所有 float16 模块（算子扫描失败）",
    },
    "hook.reason-scan": {
        "en": "the catalog, every float16 module, and {count} ops this torch's scan found",
        "zh": "内置算子清单、所有 float16 模块，以及扫描这个 torch 发现的 {count} 个算子",
    },
    "hook.this-process-active": {"en": "In this process: active.", "zh": "在本进程中：已生效。"},
    "hook.this-process-loaded": {"en": "In this process: loaded, not active.", "zh": "在本进程中：已加载，未生效。"},
    "hook.disabled-here": {
        "en": "GSV_DOCTOR_HOOK=0 is set here: programs started from this shell run without the hook.",
        "zh": "这里设置了 GSV_DOCTOR_HOOK=0：从这个终端启动的程序不会使用钩子。",
    },
    "hook.nothing-to-uninstall": {
        "en": "The gsv-doctor hook was not installed there; nothing to do.",
        "zh": "那里没有安装 gsv-doctor 钩子；无需操作。",
    },
    "hook.removed": {"en": "Removed the gsv-doctor hook:", "zh": "已移除 gsv-doctor 钩子："},
    # why a child gave no answer (a param of another text)
    "why.no-answer": {"en": "no answer within {seconds} s", "zh": "{seconds} 秒内没有回应"},
    "why.timed-out": {"en": "timed out after {seconds}s", "zh": "{seconds} 秒后超时"},
    "why.exit-code": {"en": "exit code {code}", "zh": "退出码 {code}"},
    "why.stopped": {"en": "it stopped with exit code {code}: {last}", "zh": "它以退出码 {code} 结束：{last}"},
    "why.no-output": {"en": "no output", "zh": "没有任何输出"},
    # run
    "run.no-site": {
        "en": "gsv-doctor run: {program} runs with -S (no `site` module), so neither the hook that `run` adds through"
              " PYTHONPATH nor one installed with `gsv-doctor hook install` (a .pth file, which `site` reads) can"
              " start there; start it without -S.",
        "zh": "gsv-doctor run：{program} 带 -S 运行（不加载 `site` 模块），所以无论是 `run` 通过 PYTHONPATH 加入的钩子，"
              "还是用 `gsv-doctor hook install` 安装的钩子（由 `site` 读取的 .pth 文件）都无法在那里启动；请去掉 -S。",
    },
    "run.isolated": {
        "en": "gsv-doctor run: {program} runs with -I or -E, which ignore PYTHONPATH, so the hook cannot be started"
              " from here; run `gsv-doctor hook install --python {program}` once.",
        "zh": "gsv-doctor run：{program} 带 -I 或 -E 运行，会忽略 PYTHONPATH，所以无法从这里启动钩子；"
              "请先运行一次 `gsv-doctor hook install --python {program}`。",
    },
    "run.not-started": {
        "en": "Not started. Fix: gsv-doctor preflight --fix (or gsv-doctor fix --write), then run again.",
        "zh": "没有启动。修复：gsv-doctor preflight --fix（或 gsv-doctor fix --write），然后重新运行。",
    },
    "run.hook-active": {"en": "hook active", "zh": "钩子已生效"},
    "run.hook-off": {"en": "hook off", "zh": "钩子未启用"},
    "run.starting": {"en": "gsv-doctor run: {parts}; starting {command}", "zh": "gsv-doctor run：{parts}；正在启动 {command}"},
    # preflight
    "preflight.ok": {
        "en": "gsv-doctor preflight: OK (torch {torch}, {source}, {where}{extra})",
        "zh": "gsv-doctor preflight：正常（torch {torch}，{source}，{where}{extra}）",
    },
    "preflight.cached": {"en": "cached probe", "zh": "使用缓存的探测结果"},
    "preflight.fresh": {"en": "fresh probe, now cached", "zh": "刚刚探测，已缓存"},
    "preflight.project": {"en": "project {root}", "zh": "项目 {root}"},
    "preflight.no-project": {"en": "no project found", "zh": "没有找到项目"},
    "preflight.needs-env": {
        "en": "; child processes need is_half=False (--env)",
        "zh": "；子进程需要 is_half=False（--env）",
    },
    "preflight.fixed": {"en": "gsv-doctor preflight: fixed {paths}", "zh": "gsv-doctor preflight：已修复 {paths}"},
    "preflight.already-installed": {
        "en": "{script} already runs gsv-doctor; nothing to change.",
        "zh": "{script} 已经会运行 gsv-doctor；无需修改。",
    },
    "preflight.installed": {
        "en": "Added the preflight line to {script} (backup: {backup}).",
        "zh": "已在 {script} 中加入 preflight 这一行（备份：{backup}）。",
    },
    # the command line itself
    "cli.try-help": {"en": "Try '{command} -h' for help.", "zh": "运行 '{command} -h' 查看帮助。"},
    "cli.error": {"en": "Error: {message}", "zh": "错误：{message}"},
    "cli.no-such-option": {"en": "No such option: {option}", "zh": "没有这个选项：{option}"},
    "cli.did-you-mean": {"en": "(Possible options: {options})", "zh": "（可能是：{options}）"},
    "cli.no-such-command": {"en": "No such command '{name}'.", "zh": "没有这个命令：'{name}'。"},
    "cli.missing-argument": {"en": "Missing argument '{name}'.", "zh": "缺少参数 '{name}'。"},
    "cli.missing-value": {"en": "Option '{name}' requires a value.", "zh": "选项 '{name}' 需要一个值。"},
    "cli.bad-choice-only": {
        "en": "Invalid value for '{name}': pick one of {choices}.",
        "zh": "'{name}' 的值无效：只能是 {choices} 之一。",
    },
    "cli.bad-min": {
        "en": "Invalid value for '{name}': it must be at least {min}.",
        "zh": "'{name}' 的值无效：不能小于 {min}。",
    },
    "cli.missing-command": {"en": "Missing command.", "zh": "缺少命令。"},
    "cli.bad-range": {
        "en": "Invalid value for '{name}': it must be from {min} to {max}.",
        "zh": "'{name}' 的值无效：必须在 {min} 到 {max} 之间。",
    },
    "cli.bad-value": {"en": "Invalid value for '{name}': {message}", "zh": "'{name}' 的值无效：{message}"},
    "cli.extra-arguments": {"en": "Got unexpected extra argument(s): {args}", "zh": "多出了无法识别的参数：{args}"},
    "cli.interrupted": {"en": "gsv-doctor: interrupted.", "zh": "gsv-doctor：已中断。"},
    "cli.bug": {
        "en": "gsv-doctor {version} hit an unexpected error (a bug; please report it with the lines below,"
              " Python {python} on {platform}):",
        "zh": "gsv-doctor {version} 遇到了意外错误（这是 bug；请连同下面几行一起报告，Python {python}，{platform}）：",
    },
})


def finding_texts(finding_id: str, params: Mapping[str, Any], lang: str, found_by: str = "measured") -> Dict[str, str]:
    """title, why and manual fix of a finding in `lang`, filled with its params. An id with
    no texts raises KeyError (tests/test_i18n.py checks every id the diagnosis can give)."""
    filled = dict(params)
    ratio = params.get("ratio")
    filled["ratio"] = f"{ratio:.1f}" if isinstance(ratio, (int, float)) else "?"
    outcome = params.get("outcome", "ok")
    filled["outcome"] = _phrase_of("outcome", outcome, lang, filled, "?")
    filled["cpu_consequence"] = _phrase_of("cpu_consequence", outcome, lang, filled, "")
    filled["value_source"] = _phrase_of("value_source", params.get("value_source"), lang, filled, "?")
    filled["source"] = _phrase_of("source", found_by, lang, filled, "?")
    filled["project_rule"] = phrase("project_rule", lang) if params.get("project_rule") else ""
    rule = f"{params.get('verdict')}/{params.get('verdict_rule')}"
    filled["reason"] = i18n.text(REASONS, rule, lang, filled) if rule in REASONS else (
        params.get("reason") or phrase("source_measured", lang))
    timeout = params.get("timeout")
    length = "short" if isinstance(timeout, (int, float)) and timeout < SHORT_TIMEOUT_S else "long"
    if isinstance(timeout, (int, float)):
        filled["timeout"] = "%g" % timeout
    filled["timeout_why"] = phrase(f"timeout_why_{length}", lang)
    filled["timeout_advice"] = phrase(f"timeout_advice_{length}", lang)
    if "env_value" in params and params["env_value"] is None:
        filled["env_value"] = label("unset", lang)
    for key in ("files",):
        if isinstance(params.get(key), list):
            filled[key] = ", ".join(params[key])
    return {part: i18n.text(FINDING_TEXTS, f"{finding_id}.{part}", lang, filled) for part in FINDING_PARTS}


def _phrase_of(kind: str, value: Any, lang: str, params: Mapping[str, Any], otherwise: str) -> str:
    """The phrase for a value that comes from data (an outcome, a source): "?" for one no
    phrase is written for, since the data may come from another gsv-doctor version."""
    key = f"{kind}_{value}"
    return phrase(key, lang, params) if key in PHRASES else otherwise


def label(key: str, lang: str, **params: Any) -> str:
    return i18n.text(LABELS, key, lang, params)


def phrase(key: str, lang: str, params: Optional[Mapping[str, Any]] = None) -> str:
    return i18n.text(PHRASES, key, lang, params)


def line(key: str, lang: str, **params: Any) -> str:
    return i18n.text(LINES, key, lang, params)


def said(key: str, **params: Any) -> i18n.Said:
    """A line to put into another text (a `why`): said in that text's language."""
    return i18n.Said("lines", key, params)


# Bad input and refusals (DoctorError.of): `<key>` is the message, `<key>.hint` what to do.
ERRORS = i18n.register("errors", {
    "project.no-such-folder": {"en": "--project {project}: no such folder.", "zh": "--project {project}：没有这个文件夹。"},
    "project.not-a-folder": {
        "en": "--project {project}: that is a file, not a folder.",
        "zh": "--project {project}：这是一个文件，不是文件夹。",
    },
    "project.not-a-folder.hint": {
        "en": "Give the GPT-SoVITS folder, the one holding config.py and GPT_SoVITS/.",
        "zh": "请给出 GPT-SoVITS 的文件夹（里面有 config.py 和 GPT_SoVITS/）。",
    },
    "project.not-gsv": {
        "en": "--project {project}: not a GPT-SoVITS folder (it needs config.py and a GPT_SoVITS/ folder side by side).",
        "zh": "--project {project}：不是 GPT-SoVITS 文件夹（里面应同时有 config.py 和 GPT_SoVITS/ 文件夹）。",
    },
    "project.not-gsv.hint": {
        "en": "Point --project at the top folder of your GPT-SoVITS copy.",
        "zh": "请用 --project 指向 GPT-SoVITS 的最上层文件夹。",
    },
    "file.undecodable": {
        "en": "{path} is not text in any encoding gsv-doctor knows ({encodings}), so it cannot be read or edited safely.",
        "zh": "{path} 不是 gsv-doctor 认识的任何编码（{encodings}）的文本，无法安全地读取或修改。",
    },
    "file.undecodable.hint": {
        "en": "Save it as UTF-8 in your editor, or restore it from GPT-SoVITS's release.",
        "zh": "请在编辑器中把它另存为 UTF-8，或从 GPT-SoVITS 的发布包中恢复。",
    },
    "config.missing": {"en": "{path} does not exist.", "zh": "{path} 不存在。"},
    "config.missing.hint": {
        "en": "Point --project at the GPT-SoVITS folder (the one with webui.py and config.py).",
        "zh": "请用 --project 指向 GPT-SoVITS 文件夹（里面有 webui.py 和 config.py）。",
    },
    "config.is-folder": {"en": "{path} is a folder, not config.py.", "zh": "{path} 是一个文件夹，不是 config.py。"},
    "file.unreadable": {"en": "{path} cannot be read: {error}.", "zh": "无法读取 {path}：{error}。"},
    "config.syntax": {
        "en": "{path} has a Python syntax error on line {line}: {error}. GPT-SoVITS cannot start with it either, and"
              " gsv-doctor will not edit it.",
        "zh": "{path} 第 {line} 行有 Python 语法错误：{error}。GPT-SoVITS 也无法带着它启动，gsv-doctor 不会修改它。",
    },
    "config.syntax.hint": {
        "en": "Fix that line (or restore the file from GPT-SoVITS's release), then run gsv-doctor again.",
        "zh": "请修正那一行（或从 GPT-SoVITS 的发布包中恢复该文件），然后重新运行 gsv-doctor。",
    },
    "yaml.invalid": {
        "en": "{path} is not valid YAML; api_v2.py cannot start with it either.",
        "zh": "{path} 不是有效的 YAML；api_v2.py 也无法带着它启动。",
    },
    "yaml.invalid.hint": {
        "en": "Fix it, or delete the file: GPT-SoVITS writes a fresh one with its defaults.",
        "zh": "请修正它，或删除该文件：GPT-SoVITS 会用默认值重新生成。",
    },
    "yaml.invalid-at": {
        "en": "{path} is not valid YAML on line {line}; api_v2.py cannot start with it either.",
        "zh": "{path} 第 {line} 行不是有效的 YAML；api_v2.py 也无法带着它启动。",
    },
    "yaml.invalid-at.hint": {
        "en": "Fix that line, or delete the file: GPT-SoVITS writes a fresh one with its defaults.",
        "zh": "请修正那一行，或删除该文件：GPT-SoVITS 会用默认值重新生成。",
    },
    "hook.no-torch": {
        "en": "{python} cannot import torch ({error}), so the hook would never do anything there; nothing was"
              " installed.",
        "zh": "{python} 无法导入 torch（{error}），钩子在那里不会起任何作用；没有安装任何文件。",
    },
    "hook.no-torch.hint": {
        "en": "Pass the interpreter that runs GPT-SoVITS with --python (for the Windows package: runtime\\python.exe).",
        "zh": "请用 --python 指定运行 GPT-SoVITS 的解释器（Windows 整合包：runtime\\python.exe）。",
    },
    "explain.empty": {"en": "{name} is empty: there is no log to explain.", "zh": "{name} 是空的：没有可解释的日志。"},
    "explain.empty.hint": {
        "en": "Give a log file, or pipe or paste the log into `gsv-doctor explain -`.",
        "zh": "请给出日志文件，或通过管道 / 粘贴把日志传给 `gsv-doctor explain -`。",
    },
    "explain.not-text": {
        "en": "{name} is not a text log (it looks like a binary file: a model, an archive or a program).",
        "zh": "{name} 不是文本日志（看起来是二进制文件：模型、压缩包或程序）。",
    },
    "explain.not-text.hint": {
        "en": "Give the log GPT-SoVITS printed: copy the console text into a .txt file, or pipe it into"
              " `gsv-doctor explain -`.",
        "zh": "请提供 GPT-SoVITS 输出的日志：把控制台里的文字复制到一个 .txt 文件中，或用管道传给 `gsv-doctor explain -`。",
    },
    "hook.old-torch": {
        "en": "{python} has torch {version}; the hook needs torch {floor} or newer. Nothing was installed.",
        "zh": "{python} 的 torch 是 {version}；钩子需要 torch {floor} 或更新版本。没有安装任何文件。",
    },
    "hook.old-torch.hint": {
        "en": "Upgrade torch in that Python, or set is_half = False in config.py (`gsv-doctor fix --write`).",
        "zh": "请升级那个 Python 里的 torch，或在 config.py 中设置 is_half = False（`gsv-doctor fix --write`）。",
    },
    "usage.exclusive": {"en": "{first} and {second} are exclusive: pick one.", "zh": "{first} 和 {second} 不能同时使用，请选择其一。"},
    "stdin.closed": {"en": "Standard input is closed, so there is no log to read.", "zh": "标准输入已关闭，没有可读取的日志。"},
    "stdin.closed.hint": {
        "en": "Give the log file itself, or pipe the log into `gsv-doctor explain -`.",
        "zh": "请给出日志文件本身，或把日志通过管道传给 `gsv-doctor explain -`。",
    },
    "stdin.unreadable": {"en": "Could not read standard input ({error}).", "zh": "无法读取标准输入（{error}）。"},
    "log.no-such-file": {"en": "{source}: no such file.", "zh": "{source}：没有这个文件。"},
    "log.no-such-file.hint": {
        "en": "Give the path of a saved log, or - and paste the log (end with Ctrl-D, Ctrl-Z Enter on Windows).",
        "zh": "请给出已保存日志的路径，或用 - 然后粘贴日志（以 Ctrl-D 结束，Windows 上为 Ctrl-Z 回车）。",
    },
    "log.unreadable": {"en": "{source}: cannot read it ({error}).", "zh": "{source}：无法读取（{error}）。"},
    "log.is-folder": {"en": "{source} is a folder, not a log file.", "zh": "{source} 是文件夹，不是日志文件。"},
    "log.is-folder.hint": {
        "en": "Give the log file itself, or - to read the log from standard input.",
        "zh": "请给出日志文件本身，或用 - 从标准输入读取日志。",
    },
    "log.fifo-silent": {
        "en": "{source} is a named pipe that nothing wrote into within {seconds} s.",
        "zh": "{source} 是命名管道，{seconds} 秒内没有任何程序写入。",
    },
    "log.fifo-silent.hint": {
        "en": "Start the program that writes the log into it first, or give a saved log file.",
        "zh": "请先启动向其中写日志的程序，或给出已保存的日志文件。",
    },
    "python.folder-without-python": {
        "en": "--python {python}: that folder holds no Python interpreter.",
        "zh": "--python {python}：这个文件夹里没有 Python 解释器。",
    },
    "python.folder-without-python.hint": {
        "en": "Point --python at the python (or python.exe) file itself.",
        "zh": "请把 --python 指向 python（或 python.exe）文件本身。",
    },
    "python.no-such-file": {"en": "--python {python}: no such file.", "zh": "--python {python}：没有这个文件。"},
    "python.no-such-file.hint": {
        "en": "Give the path of the Python that starts GPT-SoVITS, e.g. runtime\\python.exe.",
        "zh": "请给出启动 GPT-SoVITS 的 Python 的路径，例如 runtime\\python.exe。",
    },
    "python.not-executable": {"en": "--python {python}: that file is not executable.", "zh": "--python {python}：这个文件不能执行。"},
    "python.did-not-start": {
        "en": "--python {python} did not start as a Python interpreter (exit code {returncode}{last}).",
        "zh": "--python {python} 没有作为 Python 解释器启动（退出码 {returncode}{last}）。",
    },
    "python.did-not-start.hint": {
        "en": "Point --python at the python (or python.exe) that runs GPT-SoVITS.",
        "zh": "请把 --python 指向运行 GPT-SoVITS 的 python（或 python.exe）。",
    },
    "python.too-old": {
        "en": "--python {python} is Python {version}; gsv-doctor's probe needs Python 3.9 or newer.",
        "zh": "--python {python} 是 Python {version}；gsv-doctor 的探测需要 Python 3.9 或更新版本。",
    },
    "python.too-old.hint": {
        "en": "GPT-SoVITS itself needs 3.9+: point --python at the interpreter that runs it.",
        "zh": "GPT-SoVITS 本身也需要 3.9 以上：请指向实际运行它的解释器。",
    },
    "python.no-torch": {
        "en": "The Python at {python} cannot import torch ({error}).",
        "zh": "{python} 无法导入 torch（{error}）。",
    },
    "python.no-torch.hint": {
        "en": "Point --python at the interpreter that runs GPT-SoVITS (for the Windows package: runtime\\python.exe), or install torch into this one.",
        "zh": "请用 --python 指向运行 GPT-SoVITS 的解释器（Windows 整合包为 runtime\\python.exe），或在这个解释器中安装 torch。",
    },
    "python.cannot-start": {"en": "Could not start {program}: {error}.", "zh": "无法启动 {program}：{error}。"},
    "python.cannot-start.hint": {
        "en": "Check that --python names a working Python interpreter.",
        "zh": "请检查 --python 是否指向可用的 Python 解释器。",
    },
    "python.torch-location": {
        "en": "Could not ask {python} where its torch is ({why}).",
        "zh": "无法询问 {python} 它的 torch 在哪里（{why}）。",
    },
    "python.torch-location.hint": {
        "en": "Check that --python names a working Python interpreter.",
        "zh": "请检查 --python 是否指向可用的 Python 解释器。",
    },
    "probe.no-report": {"en": "The probe of {python} gave no report ({why}).", "zh": "对 {python} 的探测没有给出报告（{why}）。"},
    "probe.no-report.hint": {"en": "Run `gsv-doctor check` for the details.", "zh": "请运行 `gsv-doctor check` 查看详情。"},
    "run.cannot-start": {"en": "Could not start {program}.", "zh": "无法启动 {program}。"},
    "run.cannot-start.hint": {"en": "Check the command after `--`.", "zh": "请检查 `--` 之后的命令。"},
    "probe-json.unreadable": {"en": "--probe-json {path}: cannot read it ({error}).", "zh": "--probe-json {path}：无法读取（{error}）。"},
    "probe-json.not-json": {  # Python's own words (params["error"]) go to the JSON envelope only
        "en": "--probe-json {path}: not valid JSON (line {line}, column {column}).",
        "zh": "--probe-json {path}：不是有效的 JSON（第 {line} 行第 {column} 列）。",
    },
    "probe-json.not-json.hint": {
        "en": "Save it with `gsv-doctor check --json > probe.json` or from the probe itself.",
        "zh": "请用 `gsv-doctor check --json > probe.json` 或直接由探测程序保存它。",
    },
    "probe-json.not-utf8": {
        "en": "--probe-json {path}: not UTF-8 text (byte {position}).",
        "zh": "--probe-json {path}：不是 UTF-8 文本（第 {position} 个字节）。",
    },
    "probe-json.not-utf8.hint": {
        "en": "Save it with `gsv-doctor check --json > probe.json` or from the probe itself.",
        "zh": "请用 `gsv-doctor check --json > probe.json` 或直接由探测程序保存它。",
    },
    "probe-json.not-a-report": {
        "en": "--probe-json {path}: not a probe report ({error}).",
        "zh": "--probe-json {path}：不是探测报告（{error}）。",
    },
    "probe-json.not-a-report.hint": {
        "en": "Send the file exactly as `gsv-doctor check --json` wrote it.",
        "zh": "请原样提供 `gsv-doctor check --json` 写出的文件。",
    },
    # what is wrong with a probe report (probereport.parse), shown inside probe-json.not-a-report
    "probe-report.schema": {
        "en": "not a gsv-doctor probe report (no \"schema\": \"{schema}\")",
        "zh": "不是 gsv-doctor 的探测报告（没有 \"schema\": \"{schema}\"）",
    },
    "probe-report.schema-version": {
        "en": "\"schema_version\" must be a whole number, not {value}",
        "zh": "\"schema_version\" 必须是整数，而不是 {value}",
    },
    "probe-report.newer": {
        "en": "made by a newer gsv-doctor (probe schema {version}); upgrade gsv-doctor to read it",
        "zh": "由更新版本的 gsv-doctor 生成（探测格式 {version}）；请升级 gsv-doctor 后再读取",
    },
    "probe-report.no-torch": {"en": "no \"torch\"", "zh": "缺少 \"torch\""},
    "probe-report.torch-version": {"en": "\"torch\" has no \"version\"", "zh": "\"torch\" 中缺少 \"version\""},
    "probe-report.arch-list": {"en": "\"arch_list\" must be a list", "zh": "\"arch_list\" 必须是列表"},
    "probe-report.devices": {"en": "\"devices\" must be a non-empty list", "zh": "\"devices\" 必须是非空列表"},
    "probe-report.device-id": {"en": "every device needs an \"id\"", "zh": "每个设备都必须有 \"id\""},
    "probe-report.not-an-object": {"en": "\"{field}\" must be an object", "zh": "\"{field}\" 必须是 JSON 对象"},
    "probe-report.not-an-object-in": {
        "en": "\"{field}\" of {where} must be an object",
        "zh": "{where} 的 \"{field}\" 必须是 JSON 对象",
    },
    "probe-report.not-a-number": {"en": "\"{field}\" of {where} must be a number", "zh": "{where} 的 \"{field}\" 必须是数字"},
    "probe-report.op-status": {
        "en": "the op results of {device} must each have a \"status\"",
        "zh": "{device} 的每个算子结果都必须有 \"status\"",
    },
    "probe-report.capability": {
        "en": "the capability of {device} must be two whole numbers",
        "zh": "{device} 的 capability 必须是两个整数",
    },
    "probe-json.no-torch": {
        "en": "--probe-json {path}: that Python could not import torch ({error}).",
        "zh": "--probe-json {path}：那个 Python 无法导入 torch（{error}）。",
    },
    "probe-json.no-torch.hint": {
        "en": "Probe the interpreter that runs GPT-SoVITS (for the Windows package: runtime\\python.exe).",
        "zh": "请探测运行 GPT-SoVITS 的解释器（Windows 整合包为 runtime\\python.exe）。",
    },
    "hook.target-silent": {"en": "{python} did not answer within {seconds} s.", "zh": "{python} 在 {seconds} 秒内没有回应。"},
    "hook.no-site-packages": {
        "en": "{python} could not report its site-packages ({tail}).",
        "zh": "{python} 无法报告它的 site-packages（{tail}）。",
    },
    "hook.no-pth": {
        "en": "{python} does not read .pth files from {purelib} (its `site` module is off, e.g. an embeddable Python with a ._pth file), so the hook cannot start by itself there.",
        "zh": "{python} 不读取 {purelib} 中的 .pth 文件（它的 `site` 模块已关闭，例如带 ._pth 文件的嵌入式 Python），因此钩子无法在那里自动启动。",
    },
    "hook.no-pth.hint": {
        "en": "Start the program with `gsv-doctor run -- ...` instead, or enable `import site` in its ._pth file.",
        "zh": "请改用 `gsv-doctor run -- ...` 启动程序，或在它的 ._pth 文件中启用 `import site`。",
    },
    "hook.no-permission": {"en": "Cannot write to {purelib} (no permission).", "zh": "无法写入 {purelib}（没有权限）。"},
    "hook.no-permission.hint": {
        "en": "Run the command as the user who owns that Python, or as administrator.",
        "zh": "请以该 Python 所属的用户或管理员身份运行此命令。",
    },
    "hook.backup-exists": {
        "en": "{path} is not ours and {backup} already exists; not touching either.",
        "zh": "{path} 不是 gsv-doctor 的文件，且 {backup} 已经存在；两者都不会改动。",
    },
    "hook.backup-exists.hint": {
        "en": "Move one of them away by hand, then run `gsv-doctor hook install` again.",
        "zh": "请手动移走其中一个，然后再次运行 `gsv-doctor hook install`。",
    },
    "hook.not-loaded": {
        "en": "{python} did not load the hook from {pth}; installed nothing.{said}",
        "zh": "{python} 没有从 {pth} 加载钩子；没有安装任何文件。{said}",
    },
    "hook.cannot-remove": {
        "en": "Cannot remove the hook from {purelib}: {where}: {error}. Files not listed as removed are still there.",
        "zh": "无法从 {purelib} 移除钩子：{where}：{error}。未能删除的文件仍然保留。",
    },
    "hook.cannot-remove.hint": {
        "en": "Run the command as the user who owns that Python (an administrator for a system Python), or switch the hook off for a run with GSV_DOCTOR_HOOK=0.",
        "zh": "请以该 Python 所属的用户（系统 Python 需管理员）运行此命令，或用 GSV_DOCTOR_HOOK=0 在单次运行中关闭钩子。",
    },
    "preflight.fix-needs-project": {
        "en": "--fix needs a GPT-SoVITS folder (none here or above).",
        "zh": "--fix 需要 GPT-SoVITS 文件夹（当前目录及其上层都没有）。",
    },
    "preflight.fix-needs-project.hint": {
        "en": "Run it inside your GPT-SoVITS folder, or pass --project DIR.",
        "zh": "请在 GPT-SoVITS 文件夹内运行，或传入 --project DIR。",
    },
    "install-into.unreadable": {"en": "--install-into {path}: cannot read it ({error}).", "zh": "--install-into {path}：无法读取（{error}）。"},
    "install-into.no-launch-line": {
        "en": "--install-into {path}: no line in it starts Python (python ... .py, webui, api), so it does not look like a GPT-SoVITS start script; nothing was changed.",
        "zh": "--install-into {path}：其中没有启动 Python 的行（python ... .py、webui、api），看起来不是 GPT-SoVITS 的启动脚本；没有做任何修改。",
    },
    "install-into.no-launch-line.hint": {
        "en": "Give the script that starts GPT-SoVITS, e.g. go-webui.bat.",
        "zh": "请指定启动 GPT-SoVITS 的脚本，例如 go-webui.bat。",
    },
    "install-into.non-ascii": {
        "en": "--install-into {path}: the line would hold non-ASCII characters, which a start script's encoding may not keep; nothing was changed.",
        "zh": "--install-into {path}：要加入的行含有非 ASCII 字符，启动脚本的编码可能保存不了；没有做任何修改。",
    },
    "install-into.non-ascii.hint": {
        "en": "Add this line by hand, just before the line that starts Python:\n{line}",
        "zh": "请手动把这一行加在启动 Python 的那一行之前：\n{line}",
    },
    "install-into.not-text": {
        "en": "--install-into {path}: this is not a text file, so not a start script; nothing was changed.",
        "zh": "--install-into {path}：这不是文本文件，因此不是启动脚本；没有做任何修改。",
    },
    "install-into.not-text.hint": {
        "en": "Give the script that starts GPT-SoVITS, e.g. go-webui.bat.",
        "zh": "请指定启动 GPT-SoVITS 的脚本，例如 go-webui.bat。",
    },
    "install-into.no-such-file": {"en": "--install-into {path}: no such file.", "zh": "--install-into {path}：没有这个文件。"},
    "install-into.no-such-file.hint": {
        "en": "Give the start script itself, e.g. go-webui.bat in your GPT-SoVITS folder.",
        "zh": "请给出启动脚本本身，例如 GPT-SoVITS 文件夹中的 go-webui.bat。",
    },
    "install-into.refused": {"en": "--install-into {path}: {reason}", "zh": "--install-into {path}：{reason}"},
})
