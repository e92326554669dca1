"""Which program a pasted log came from, and where that program keeps the settings that
explain's advice names. One row per project: how its paths and words show in a log, which
setting ids (gsv_doctor.catalog.SETTINGS) stand for each kind of cause, and the advice
texts (en/zh) that catalog entries fill in through their {placeholders}.

The table is data on purpose: when project families (gsv_doctor/families/) land, each row
moves behind its family and `detect` asks the registry instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

Text = Dict[str, str]

# Kinds of advice an entry can ask a project for (placeholders in catalog texts).
SLOTS = ("half_off", "to_cpu", "to_gpu", "oom_train", "oom_infer", "cudnn", "update", "card_small", "workers")


@dataclass(frozen=True)
class LogProject:
    id: str
    name: str
    path_markers: Tuple[str, ...]  # lower-case pieces of a POSIX-style path (frames, command lines)
    text_markers: Tuple[str, ...]  # lower-case words anywhere in the log
    settings: Dict[str, Tuple[str, ...]]  # kind of cause -> setting ids, likeliest first
    advice: Dict[str, Text]  # slot -> text
    gsv_doctor_fixes: bool = False  # `gsv-doctor fix` / `run` know this project's files
    launch_markers: Tuple[str, ...] = field(default=())


_GSV_TO_CPU = {
    "en": "`infer_device = \"cpu\"` and `is_half = False` in config.py; `device: cpu` and `is_half: false` in"
          " GPT_SoVITS/configs/tts_infer.yaml (read by the fast inference UI and api_v2.py)",
    "zh": "在 config.py 中设 `infer_device = \"cpu\"` 和 `is_half = False`；在 GPT_SoVITS/configs/tts_infer.yaml 中设"
          " `device: cpu` 和 `is_half: false`（并行推理界面和 api_v2.py 读取它）",
}

GPT_SOVITS = LogProject(
    id="gpt-sovits", name="GPT-SoVITS",
    path_markers=("gpt_sovits/", "gpt-sovits", "gptsovits", "/tts_infer_pack/", "/s1_train.py", "/s2_train.py",
                  "/tools/asr/", "fasterwhisper_asr.py", "funasr_asr.py"),
    text_markers=("gpt-sovits", "gpt_sovits", "gptsovits", "tts config----", "sovits_weights", "gpt_weights",
                  "inference_webui", "api_v2.py", "tts_infer.yaml", "训练集格式化", "1c-推理", "1-gpt-sovits"),
    settings={
        "half": ("config.is_half", "env.is_half", "tts_infer.is_half"),
        "device": ("config.infer_device", "tts_infer.device"),
        "oom-train": ("gsv.train_batch", "gpu.memory"),
        "oom-infer": ("gsv.infer_batch", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "half_off": {
            "en": "in config.py set `is_half = False` (and `infer_device = \"cpu\"` when there is no usable NVIDIA GPU);"
                  " in GPT_SoVITS/configs/tts_infer.yaml set `is_half: false`; start the inference web UI or api.py"
                  " with the environment variable is_half=False (api.py: add -fp).",
            "zh": "在 config.py 中设 `is_half = False`（没有可用 NVIDIA 显卡时同时设 `infer_device = \"cpu\"`）；在"
                  " GPT_SoVITS/configs/tts_infer.yaml 中设 `is_half: false`；单独启动推理界面或 api.py 时设置环境变量"
                  " is_half=False（api.py 可加 -fp）。",
        },
        "to_cpu": _GSV_TO_CPU,
        "to_gpu": {
            "en": "for api_v2.py and the fast inference UI, `device: cuda` (and `is_half: true` on a card that"
                  " supports it) under custom in GPT_SoVITS/configs/tts_infer.yaml, or the yaml given with -c; for the"
                  " others, remove an `infer_device = \"cpu\"` line from config.py; api.py: `-d cuda`",
            "zh": "api_v2.py 和并行推理界面：在 GPT_SoVITS/configs/tts_infer.yaml（或 -c 指定的 yaml）的 custom 下设"
                  " `device: cuda`（显卡支持时 `is_half: true`）；其他入口：删掉 config.py 中的 `infer_device = \"cpu\"`；"
                  "api.py：`-d cuda`",
        },
        "oom_train": {
            "en": "Training: lower batch_size in the training tab (1 on a 4 GB card) and slice the training audio into"
                  " short clips (a few seconds, at most about 10-15 s; the audio slicer does it); close other programs"
                  " that use the GPU; keep half precision on where the card supports it (it halves the memory).",
            "zh": "训练：在训练页把 batch_size 调小（4 GB 显存只能设 1），并把训练音频切分成短句（几秒，最长约 10-15 秒；"
                  "用语音切分工具）；关闭其他占用显卡的程序；显卡支持时保持半精度开启（显存减半）。",
        },
        "oom_infer": {
            "en": "Inference: cut the text into shorter pieces (the text-cutting option), lower the inference"
                  " batch_size, keep the reference audio at 3-10 s; close other programs that use the GPU.",
            "zh": "推理：把文本切得更短（切分方式选项），调小推理的 batch_size，参考音频保持 3-10 秒；"
                  "关闭其他占用显卡的程序。",
        },
        "cudnn": {
            "en": "add `torch.backends.cudnn.enabled = False` after `import torch` in the script that failed",
            "zh": "在出错脚本的 `import torch` 之后加一行 `torch.backends.cudnn.enabled = False`",
        },
        "update": {"en": "update GPT-SoVITS (git pull, or a newer package)",
                   "zh": "更新 GPT-SoVITS（git pull，或下载更新的整合包）"},
        "card_small": {
            "en": "A card this small cannot hold GPT-SoVITS's models: run on the CPU: " + _GSV_TO_CPU["en"] + ".",
            "zh": "这么小的显存放不下 GPT-SoVITS 的模型：请改用 CPU：" + _GSV_TO_CPU["zh"] + "。",
        },
        "workers": {
            "en": "in the dataset formatting step (1A) give each card one process (GPU numbers \"0\" instead of"
                  " \"0-0\"), and train with a smaller batch_size",
            "zh": "在训练集格式化一步（1A）每张卡只开一个进程（GPU 卡号填 \"0\" 而不是 \"0-0\"），训练时调小 batch_size",
        },
    },
    gsv_doctor_fixes=True,
)

RVC = LogProject(
    id="rvc", name="RVC WebUI",
    path_markers=("infer-web.py", "/infer/modules/", "/infer/lib/", "vc_infer_pipeline.py", "/lib/infer_pack/",
                  "retrieval-based-voice-conversion", "infer_uvr5.py", "/uvr5_pack/", "extract_feature_print.py",
                  "train_nsf_sim_cache", "/rvc-beta", "gui_v1.py", "/configs/config.py"),
    text_markers=("infer-web.py", "infer_web.py", "retrieval-based-voice-conversion", "rvc webui", "rvc-beta",
                  "gui_v1.py", "没有发现支持的n卡", "rvc", "rmvpe"),
    settings={
        "half": ("rvc.is_half",),
        "device": ("rvc.device",),
        "oom-train": ("rvc.train_batch", "gpu.memory"),
        "oom-infer": ("rvc.x_pad", "gpu.memory"),
        "cudnn": ("rvc.rmvpe", "cudnn"),
    },
    advice={
        "half_off": {
            "en": "in RVC's configs/config.py (config.py in versions before mid-2023) set `self.is_half = False`"
                  " (RVC does it by itself for GTX 16xx, 10xx and P40 cards when it recognises the name); the feature"
                  " extraction and the real-time GUI follow that value.",
            "zh": "在 RVC 的 configs/config.py（2023 年年中以前的版本为 config.py）中设 `self.is_half = False`"
                  "（RVC 认出 GTX 16 系、10 系和 P40 显卡名时会自动这样做）；特征提取和实时变声界面都跟随这个值。",
        },
        "to_cpu": {
            "en": "in RVC's configs/config.py set `self.device = \"cpu\"` and `self.is_half = False` (RVC picks the CPU"
                  " by itself when torch sees no CUDA device)",
            "zh": "在 RVC 的 configs/config.py 中设 `self.device = \"cpu\"` 和 `self.is_half = False`"
                  "（torch 看不到 CUDA 设备时 RVC 会自动用 CPU）",
        },
        "to_gpu": {"en": "RVC picks cuda:0 by itself when torch sees the card: make sure the start script runs the Python that has the CUDA torch (the --pycmd one, runtime\\python.exe in the package)",
                   "zh": "torch 看得到显卡时 RVC 会自己选 cuda:0：确认启动脚本用的是装了 CUDA 版 torch 的那个 Python（--pycmd 指定的，整合包里是 runtime\\python.exe）"},
        "oom_infer": {
            "en": "Inference: in RVC's configs/config.py lower x_pad, x_query, x_center and x_max (how much audio is"
                  " converted at once; RVC's own values for cards up to 4 GB: x_pad 1, x_query 5, x_center 30, x_max 32),"
                  " or convert shorter audio; keep is_half on where the card supports it.",
            "zh": "推理：在 RVC 的 configs/config.py 中调小 x_pad、x_query、x_center 和 x_max（一次转换多长的音频；"
                  "RVC 对 4 GB 及以下显卡用的值：x_pad 1、x_query 5、x_center 30、x_max 32），或转换更短的音频；"
                  "显卡支持时保持 is_half 开启。",
        },
        "oom_train": {
            "en": "Training: lower the batch size per GPU in the training tab and do not cache the training set in"
                  " GPU memory.",
            "zh": "训练：在训练页调小每张显卡的 batch size，不要把训练集缓存到显存。",
        },
        "cudnn": {
            "en": "add `torch.backends.cudnn.enabled = False` near the top of infer/lib/rmvpe.py (the RMVPE pitch"
                  " extractor fails in cuDNN on long audio), or pick another f0 method",
            "zh": "在 infer/lib/rmvpe.py 开头附近加一行 `torch.backends.cudnn.enabled = False`（RMVPE 音高提取处理长音频时"
                  "cuDNN 会失败），或换一种 f0 提取方法",
        },
        "update": {"en": "update RVC WebUI", "zh": "更新 RVC WebUI"},
        "card_small": {
            "en": "A card this small is a tight fit for RVC: use the low-memory x_pad/x_query/x_center/x_max values"
                  " in configs/config.py, or run on the CPU.",
            "zh": "这么小的显存跑 RVC 很勉强：在 configs/config.py 中用小显存的 x_pad/x_query/x_center/x_max 值，或改用 CPU。",
        },
        "workers": {"en": "lower \"Number of CPU processes used for pitch extraction and data processing\" in the"
                          " training tab",
                    "zh": "在训练页调小\"提取音高和处理数据使用的CPU进程数\""},
    },
)

SO_VITS_SVC = LogProject(
    id="so-vits-svc", name="so-vits-svc",
    path_markers=("inference/infer_tool.py", "so-vits-svc", "so_vits_svc", "inference_main.py", "/svc.exe/",
                  "inference_util.py"),
    text_markers=("so-vits-svc", "so_vits_svc", "inference_main.py", "svc infer", "svc train", "sovits分支",
                  "svc-develop-team"),
    settings={
        "half": ("svc.fp16",),
        "device": ("svc.device",),
        "oom-train": ("svc.batch", "gpu.memory"),
        "oom-infer": ("svc.clip", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "half_off": {
            "en": "for training set \"fp16_run\": false in the model's configs/config.json; half precision does not"
                  " run on the CPU: run inference on the GPU (-d cuda) or update so-vits-svc.",
            "zh": "训练：在模型的 configs/config.json 中设 \"fp16_run\": false；半精度不能在 CPU 上运行："
                  "推理请用显卡（-d cuda）或更新 so-vits-svc。",
        },
        "to_cpu": {"en": "run inference_main.py with `-d cpu` (so-vits-svc-fork: `svc infer -d cpu`)",
                   "zh": "运行 inference_main.py 时加 `-d cpu`（so-vits-svc-fork：`svc infer -d cpu`）"},
        "to_gpu": {"en": "run inference_main.py with `-d cuda`",
                   "zh": "运行 inference_main.py 时加 `-d cuda`"},
        "oom_infer": {
            "en": "Inference: slice long input audio: inference_main.py `-cl 30` (--clip: seconds per automatic slice)"
                  " or a higher `-sd` (--slice_db, e.g. -30) splits it at pauses; or cut the audio by hand; a 32 kHz"
                  " model needs less memory.",
            "zh": "推理：把长音频切片：inference_main.py 加 `-cl 30`（--clip：每段自动切片的秒数），或调高 `-sd`"
                  "（--slice_db，例如 -30）按停顿切分；或手动切分音频；32 kHz 模型更省显存。",
        },
        "oom_train": {
            "en": "Training: lower \"batch_size\" under \"train\" in configs/config.json (e.g. 4, or 1-2 on a 4 GB"
                  " card) and slice the dataset into clips of 2-10 s (at most about 15 s).",
            "zh": "训练：在 configs/config.json 的 \"train\" 下调小 \"batch_size\"（例如 4，4 GB 显存用 1-2），"
                  "并把数据集切成 2-10 秒的片段（最长约 15 秒）。",
        },
        "cudnn": {"en": "add `torch.backends.cudnn.enabled = False` after `import torch` in the script that failed",
                  "zh": "在出错脚本的 `import torch` 之后加一行 `torch.backends.cudnn.enabled = False`"},
        "update": {"en": "update so-vits-svc", "zh": "更新 so-vits-svc"},
        "card_small": {"en": "A card this small is a tight fit: slice the audio short, or run with `-d cpu`.",
                       "zh": "这么小的显存很勉强：把音频切短，或用 `-d cpu` 在 CPU 上运行。"},
        "workers": {"en": "run preprocess_hubert_f0.py with `--num_processes 1`, and lower num_workers of training's"
                          " data loader",
                    "zh": "运行 preprocess_hubert_f0.py 时加 `--num_processes 1`，并调小训练数据加载器的 num_workers"},
    },
)

VOICE_CHANGER = LogProject(
    id="voice-changer", name="voice-changer (w-okada)",
    path_markers=("voice_changer/", "mmvcserversio"),
    text_markers=("[voice changer]", "vcclient", "mmvcserversio", "voice changer version", "voicechanger", "vc client",
                  "voice changer type", "onnxdirectml", "win_onnxgpu", "w-okada"),
    settings={
        "half": ("vc.settings",),
        "device": ("vc.settings",),
        "oom-train": ("vc.settings", "gpu.memory"),
        "oom-infer": ("vc.settings", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "half_off": {
            "en": "in the voice changer client pick the GPU device (half precision only works there); on a Mac or"
                  " a machine without NVIDIA card use the release for your platform (onnx / CPU); update to the"
                  " latest release.",
            "zh": "在变声器客户端里选择显卡设备（半精度只能在显卡上用）；Mac 或没有 NVIDIA 显卡的机器请用对应平台的版本"
                  "（onnx / CPU）；并更新到最新版本。",
        },
        "to_cpu": {"en": "choose the CPU (gpu -1) in the client's device setting",
                   "zh": "在客户端的设备设置中选择 CPU（gpu -1）"},
        "to_gpu": {"en": "choose the GPU in the client's device setting (the CUDA release of the voice changer)",
                   "zh": "在客户端的设备设置中选择显卡（使用变声器的 CUDA 版）"},
        "oom_infer": {"en": "lower the chunk size and the extra (buffer) length in the client, or use a smaller model.",
                      "zh": "在客户端调小 chunk 和 extra（缓冲）长度，或换更小的模型。"},
        "oom_train": {"en": "lower the chunk size and the extra (buffer) length in the client, or use a smaller model.",
                      "zh": "在客户端调小 chunk 和 extra（缓冲）长度，或换更小的模型。"},
        "cudnn": {"en": "use the voice changer release built for your CUDA version, or the CPU/onnx release",
                  "zh": "使用与你的 CUDA 版本匹配的变声器版本，或 CPU/onnx 版本"},
        "update": {"en": "update the voice changer (a newer release)", "zh": "更新变声器（下载更新的版本）"},
        "card_small": {"en": "A card this small is a tight fit: choose the CPU in the client.",
                       "zh": "这么小的显存很勉强：在客户端中选择 CPU。"},
    },
)

TTS_WEBUI = LogProject(
    id="tts-webui", name="TTS-WebUI",
    path_markers=("tts-webui", "tts-generation-webui", "tts_webui", "tts-generation-webui-main"),
    text_markers=("tts-webui", "tts generation webui", "tts-generation-webui", "rvc beta demo"),
    settings={
        "half": ("ttswebui.half",),
        "device": ("ttswebui.device",),
        "oom-train": ("any.batch", "gpu.memory"),
        "oom-infer": ("any.batch", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "half_off": {
            "en": "untick \"Use half precision model\" in the RVC tab; if it is already unticked, update TTS-WebUI"
                  " (older versions ignored that box and used float16 on the CPU anyway).",
            "zh": "在 RVC 页取消勾选 \"Use half precision model\"；如果已经没勾选，请更新 TTS-WebUI"
                  "（旧版本会忽略这个选项，仍在 CPU 上用 float16）。",
        },
        "to_cpu": {"en": "choose the CPU as the tab's device", "zh": "在该页把设备选为 CPU"},
        "to_gpu": {"en": "choose cuda as the tab's device",
                   "zh": "在该页把设备选为 cuda"},
        "oom_infer": {"en": "shorter text or audio per run; unload the models of other tabs (restart TTS-WebUI).",
                      "zh": "每次处理更短的文本或音频；卸载其他页的模型（重启 TTS-WebUI）。"},
        "oom_train": {"en": "lower the batch size; unload the models of other tabs (restart TTS-WebUI).",
                      "zh": "调小 batch size；卸载其他页的模型（重启 TTS-WebUI）。"},
        "cudnn": {"en": "update TTS-WebUI, whose installer brings a matching torch and cuDNN",
                  "zh": "更新 TTS-WebUI，它的安装程序会装上匹配的 torch 和 cuDNN"},
        "update": {"en": "update TTS-WebUI (its update script)", "zh": "更新 TTS-WebUI（运行它的更新脚本）"},
        "card_small": {"en": "A card this small is a tight fit: choose the CPU as device.",
                       "zh": "这么小的显存很勉强：请把设备选为 CPU。"},
    },
)

UNKNOWN = LogProject(
    id="unknown", name="",
    path_markers=(), text_markers=(),
    settings={
        "half": ("any.half",),
        "device": ("any.device",),
        "oom-train": ("any.batch", "gpu.memory"),
        "oom-infer": ("any.batch", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "half_off": {
            "en": "turn off the program's half-precision option (often called is_half, half, fp16 or --half), or run"
                  " on a GPU that supports float16.",
            "zh": "关闭程序的半精度选项（常叫 is_half、half、fp16 或 --half），或在支持 float16 的显卡上运行。",
        },
        "to_cpu": {"en": "set the program's device option to cpu (with half precision off)",
                   "zh": "把程序的设备选项设为 cpu（同时关闭半精度）"},
        "to_gpu": {"en": "set the program's device option to cuda",
                   "zh": "把程序的设备选项设为 cuda"},
        "oom_infer": {"en": "Inference: give it shorter input (slice long audio, cut long text), a smaller batch size;"
                            " close other programs that use the GPU.",
                      "zh": "推理：输入更短一些（长音频切片、长文本切分），batch size 调小；关闭其他占用显卡的程序。"},
        "oom_train": {"en": "Training: lower the batch size and slice the training audio into short clips; close other"
                            " programs that use the GPU.",
                      "zh": "训练：调小 batch size，把训练音频切成短片段；关闭其他占用显卡的程序。"},
        "cudnn": {"en": "add `torch.backends.cudnn.enabled = False` after `import torch` in the script that failed",
                  "zh": "在出错脚本的 `import torch` 之后加一行 `torch.backends.cudnn.enabled = False`"},
        "update": {"en": "update the program", "zh": "更新该程序"},
        "card_small": {"en": "A card under 4 GB is too small for most voice models: run on the CPU.",
                       "zh": "4 GB 以下的显卡对多数语音模型来说太小：请改用 CPU。"},
        "workers": {"en": "lower the program's number of processes or data loader workers (often num_workers or"
                          " n_cpu)",
                    "zh": "调小程序的进程数或数据加载 worker 数（常叫 num_workers 或 n_cpu）"},
    },
)

# Most specific first: a TTS-WebUI or voice-changer log also shows RVC paths, an AI-Vtuber
# bundle shows GPT-SoVITS inside its own folder.
PROJECTS: List[LogProject] = [VOICE_CHANGER, TTS_WEBUI, GPT_SOVITS, SO_VITS_SVC, RVC]
BY_ID: Dict[str, LogProject] = {p.id: p for p in PROJECTS + [UNKNOWN]}

# A token holding a path separator. The lookbehind starts each try at the start of a run, so a
# long run of word characters without a separator costs one pass, not one pass per character.
_PATHISH = re.compile(r"(?<![\w.:~-])[\w.:~-]*[\\/][^\s\"'`<>|]*")


def detect(text: str, frame_paths: List[str], hint: Optional[str] = None) -> LogProject:
    """The project a log came from: its frames' paths weigh most, then paths and words in the
    text. `hint`: the project id known otherwise (the folder explain runs in), used when the log
    itself does not tell."""
    head = text[:100_000].lower()
    paths = [p.replace("\\", "/").lower() for p in frame_paths[:400]]
    paths += [m.group(0).replace("\\", "/") for m in _PATHISH.finditer(head[:50_000])]
    best, best_score = None, 0
    for project in PROJECTS:
        score = 3 * sum(1 for p in paths for marker in project.path_markers if marker in p)
        score += sum(1 for marker in project.text_markers if marker in head)
        if score > best_score:
            best, best_score = project, score
    if best is None and hint in BY_ID:
        return BY_ID[hint]
    return best or UNKNOWN


def advice(project: LogProject, slot: str) -> Text:
    return project.advice.get(slot) or UNKNOWN.advice[slot]
