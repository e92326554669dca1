"""Which program a pasted log came from, and where that program keeps the settings that
explain's advice names. One profile per program (gsv_doctor.logprofile): how its paths and
words show in a log, which setting ids (gsv_doctor.catalog.SETTINGS) stand for each kind of
cause, and the advice texts (en/zh) that catalog entries fill in through their {placeholders}.

A project family brings its own profile (its ``LOG_PROJECT``, from the registry); the cousins
here have no family yet (explain reads their logs, check and fix do not know their files).
"""
from __future__ import annotations

import functools
import re
from typing import Dict, List, Optional, Tuple

from gsv_doctor import families
from gsv_doctor.logprofile import SLOTS, LogProject, Text  # noqa: F401  (SLOTS: explain and the tests read it here)

SO_VITS_SVC = LogProject(
    id="so-vits-svc", name="so-vits-svc",
    path_markers=("inference/infer_tool.py", "so-vits-svc", "so_vits_svc", "inference_main.py", "/svc.exe/",
                  "inference_util.py"),
    text_markers=("so-vits-svc", "so_vits_svc", "inference_main.py", "sovits分支",
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
        "to_cpu": {"en": "run inference_main.py with `-d cpu`",
                   "zh": "运行 inference_main.py 时加 `-d cpu`"},
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
    own_modules=("inference", "modules", "vencoder", "vdecoder", "diffusion", "cluster", "utils", "models", "data_utils"),
)

# The program's own options, for a program whose settings explain does not know by name.
GENERIC_SETTINGS: Dict[str, Tuple[str, ...]] = {
    "half": ("any.half",),
    "device": ("any.device",),
    "oom-train": ("any.batch", "gpu.memory"),
    "oom-infer": ("any.batch", "gpu.memory"),
    "cudnn": ("cudnn",),
}

# rvc-tts-webui (litagin02), an edge-tts + RVC app: not TTS-WebUI, whose name its folder holds.
RVC_TTS_WEBUI = LogProject(
    id="rvc-tts-webui", name="rvc-tts-webui",
    path_markers=("rvc-tts-webui", "rvc_tts_webui"),
    text_markers=("rvc-tts-webui", "rvc_tts_webui"),
    settings=GENERIC_SETTINGS,
    advice={"update": {"en": "update rvc-tts-webui (git pull)", "zh": "更新 rvc-tts-webui（git pull）"}},
)

# so-vits-svc-fork (voicepaw): a pip package with its own commands (svc infer, svc pre-hubert, svc train, svcg),
# not so-vits-svc's scripts; told apart by its package path and its commands.
SO_VITS_SVC_FORK = LogProject(
    id="so-vits-svc-fork", name="so-vits-svc-fork",
    path_markers=("so_vits_svc_fork/", "so-vits-svc-fork"),
    # its commands as words ("so-vits-svc training" is so-vits-svc's; detect starts the text with a newline)
    text_markers=("so_vits_svc_fork", "so-vits-svc-fork", "svcg", "voicepaw"),
    command_markers=(" svc infer", "\nsvc infer", ">svc infer", "svc pre-hubert", "svc pre-resample", "svc pre-config",
                     "svc pre-split", " svc train", "\nsvc train", ">svc train", " svc vc", "\nsvc vc", ">svc vc"),
    settings={
        "half": ("any.half",),
        "device": ("svc_fork.device",),
        "oom-train": ("svc_fork.batch", "gpu.memory"),
        "oom-infer": ("any.batch", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "to_cpu": {"en": "run `svc infer` with `-d cpu`", "zh": "运行 `svc infer` 时加 `-d cpu`"},
        "to_gpu": {"en": "run `svc infer` with `-d cuda`", "zh": "运行 `svc infer` 时加 `-d cuda`"},
        "oom_infer": {
            "en": "Inference: split long input audio into shorter files (a few minutes each), or run `svc infer -d cpu`;"
                  " close other programs on the GPU.",
            "zh": "推理：把长的输入音频切成较短的文件（每个几分钟），或用 `svc infer -d cpu`；关闭其他占用显卡的程序。",
        },
        "oom_train": {
            "en": "Training: lower \"batch_size\" under \"train\" in configs/44k/config.json and split the dataset into"
                  " short clips (`svc pre-split`).",
            "zh": "训练：在 configs/44k/config.json 的 \"train\" 下调小 \"batch_size\"，并把数据集切成短片段（`svc pre-split`）。",
        },
        "update": {"en": "update so-vits-svc-fork (`pip install -U so-vits-svc-fork`)",
                   "zh": "更新 so-vits-svc-fork（`pip install -U so-vits-svc-fork`）"},
        "workers": {"en": "give the preprocessing fewer processes (`svc pre-resample -n 2`, `svc pre-hubert -n 2`)",
                    "zh": "让预处理少开进程（`svc pre-resample -n 2`、`svc pre-hubert -n 2`）"},
        "packages": {"en": "reinstall so-vits-svc-fork with its dependencies into its environment (`pip install -U"
                           " --force-reinstall so-vits-svc-fork`)",
                     "zh": "在它的环境里重装 so-vits-svc-fork 及其依赖（`pip install -U --force-reinstall so-vits-svc-fork`）"},
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
        "half_off_gpu": {"en": "untick \"Use half precision model\" in the RVC tab.",
                         "zh": "在 RVC 页取消勾选 \"Use half precision model\"。"},
        "to_cpu": {"en": "choose the CPU as the tab's device", "zh": "在该页把设备选为 CPU"},
        "to_gpu": {"en": "choose cuda as the tab's device",
                   "zh": "在该页把设备选为 cuda"},
        "oom_infer": {"en": "shorter text or audio per run; unload the models of other tabs (restart TTS-WebUI); Bark:"
                            " turn on CPU offload and the small models in its settings.",
                      "zh": "每次处理更短的文本或音频；卸载其他页的模型（重启 TTS-WebUI）；Bark：在它的设置里打开 CPU offload"
                            " 和小模型（small models）。"},
        "oom_train": {"en": "lower the batch size; unload the models of other tabs (restart TTS-WebUI).",
                      "zh": "调小 batch size；卸载其他页的模型（重启 TTS-WebUI）。"},
        "cudnn": {"en": "update TTS-WebUI, whose installer brings a matching torch and cuDNN",
                  "zh": "更新 TTS-WebUI，它的安装程序会装上匹配的 torch 和 cuDNN"},
        "update": {"en": "update TTS-WebUI (its update script)", "zh": "更新 TTS-WebUI（运行它的更新脚本）"},
        "card_small": {"en": "A card this small is a tight fit: choose the CPU as device.",
                       "zh": "这么小的显存很勉强：请把设备选为 CPU。"},
    },
)

# Bark (suno-ai/bark), a text-to-audio model people run alone or inside TTS-WebUI (which is detected first).
BARK = LogProject(
    id="bark", name="Bark",
    path_markers=("/bark/generation.py", "/bark/api.py", "/site-packages/bark/"),
    text_markers=("suno-ai/bark", "suno_use_small_models", "suno_offload_cpu", "from bark import"),
    settings=GENERIC_SETTINGS,
    advice={
        # Bark reads these two variables when it loads its models
        "oom_infer": {"en": "Inference: use Bark's small models and keep what is not running on the CPU: set SUNO_USE_SMALL_MODELS=True"
                            " and SUNO_OFFLOAD_CPU=True in the environment before starting (in code: preload_models("
                            "text_use_small=True, coarse_use_small=True, fine_use_small=True, codec_use_gpu=False)).",
                      "zh": "推理：使用 Bark 的小模型，并把暂时不运行的部分放在 CPU 上：启动前设置环境变量 SUNO_USE_SMALL_MODELS=True 和"
                            " SUNO_OFFLOAD_CPU=True（代码里：preload_models(text_use_small=True, coarse_use_small=True,"
                            " fine_use_small=True, codec_use_gpu=False)）。"},
        "card_small": {"en": "A card this small is a tight fit for Bark: the small models and CPU offload below.",
                       "zh": "这么小的显存跑 Bark 很勉强：用下面说的小模型和 CPU offload。"},
        "update": {"en": "update Bark (`pip install -U git+https://github.com/suno-ai/bark`)",
                   "zh": "更新 Bark（`pip install -U git+https://github.com/suno-ai/bark`）"},
    },
)

# Applio (IAHispano), an RVC fork with its own layout (rvc/infer, rvc/lib, rvc/train): RVC WebUI's files and
# settings are not its own, so it gets the generic advice.
APPLIO = LogProject(
    id="applio", name="Applio",
    path_markers=("/applio", "/rvc/infer/infer.py", "/rvc/infer/pipeline.py", "/rvc/lib/algorithm/", "/rvc/lib/tools/",
                  "/rvc/train/train.py", "/rvc/train/extract/", "/rvc/train/preprocess/"),
    text_markers=("applio",),
    settings=GENERIC_SETTINGS,
    advice={
        "update": {"en": "update Applio (its update script, or a newer release)",
                   "zh": "更新 Applio（运行它的更新脚本，或下载更新的版本）"},
    },
    own_modules=("rvc", "core", "tabs", "assets"),
)

# DDSP-SVC (yxlllc), a singing voice converter that also uses RMVPE: its paths, not RVC's advice.
DDSP_SVC = LogProject(
    id="ddsp-svc", name="DDSP-SVC",
    path_markers=("ddsp-svc", "/ddsp/vocoder.py", "/ddsp/core.py", "/gui_diff.py"),
    text_markers=("ddsp-svc", "gui_diff.py"),
    settings=GENERIC_SETTINGS,
    advice={
        "update": {"en": "update DDSP-SVC (`git pull` in its folder, or a newer release)",
                   "zh": "更新 DDSP-SVC（在它的文件夹里 `git pull`，或下载更新的版本）"},
        "models": {"en": "download the pretrained models DDSP-SVC's README lists (the content encoder, the NSF-HiFiGAN"
                         " vocoder, rmvpe) into its pretrain/ folder, and choose your own trained model's files in the"
                         " GUI or the command",
                   "zh": "按 DDSP-SVC 的 README 下载预训练模型（内容编码器、NSF-HiFiGAN 声码器、rmvpe）放进它的 pretrain/ 文件夹，"
                         "并在界面或命令里选择你自己训练出的模型文件"},
    },
)

# Diffusion-SVC (CNChTu), a singing voice converter of the same lineage: its folder names it.
DIFFUSION_SVC = LogProject(
    id="diffusion-svc", name="Diffusion-SVC",
    path_markers=("diffusion-svc",),
    text_markers=("diffusion-svc",),
    settings=GENERIC_SETTINGS,
    advice={
        "update": {"en": "update Diffusion-SVC (`git pull` in its folder)",
                   "zh": "更新 Diffusion-SVC（在它的文件夹里 `git pull`）"},
    },
)

UNKNOWN = LogProject(
    id="unknown", name="",
    path_markers=(), text_markers=(),
    settings=GENERIC_SETTINGS,
    advice={
        "half_off": {
            "en": "turn off the program's half-precision option (often called is_half, half, fp16 or --half), or run"
                  " on a GPU that supports float16.",
            "zh": "关闭程序的半精度选项（常叫 is_half、half、fp16 或 --half），或在支持 float16 的显卡上运行。",
        },
        "half_off_gpu": {
            "en": "turn off the program's half-precision option (often called is_half, half, fp16 or --half): float16"
                  " overflows, and GTX 16xx, GTX 10xx and P40-class cards compute NaN in it.",
            "zh": "关闭程序的半精度选项（常叫 is_half、half、fp16 或 --half）：float16 会溢出，GTX 16 系、GTX 10 系和 P40"
                  " 一类的卡用它会算出 NaN。",
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
        "amd_start": {"en": "start the program in its AMD / Intel mode (DirectML) as its README says.",
                      "zh": "按程序 README 的说明以 AMD / Intel 模式（DirectML）启动。"},
        # the training scripts of most of these programs refuse the CPU, and where they take it a run takes days
        "card_small_train": {"en": "A card this small rarely holds a voice model's training: train on a card with more"
                                   " memory or a cloud GPU (Colab, AutoDL, ...), and use this one for inference.",
                             "zh": "这么小的显卡很难容下语音模型的训练：请在显存更大的显卡或云端显卡（Colab、AutoDL 等）上训练，"
                                   "这张卡用来推理。"},
        "workers": {"en": "lower the program's number of processes or data loader workers (often num_workers or"
                          " n_cpu)",
                    "zh": "调小程序的进程数或数据加载 worker 数（常叫 num_workers 或 n_cpu）"},
        "models": {"en": "download the model files the program's README lists into the folders it names, or unpack"
                         " its full package again",
                   "zh": "按程序 README 列出的模型文件下载到它指定的文件夹，或重新解压完整的整合包"},
        "packages": {"en": "install the program's requirements into the Python that runs it (`python -m pip install -r"
                           " requirements.txt` with that Python, from the program's folder)",
                     "zh": "把程序的依赖装进运行它的那个 Python（在程序文件夹里用该 Python 运行"
                           " `python -m pip install -r requirements.txt`）"},
    },
)

# Most specific first: a TTS-WebUI or voice-changer log also shows RVC paths, an AI-Vtuber
# bundle shows GPT-SoVITS inside its own folder. The families' profiles come from the registry.
PROJECTS: List[LogProject] = ([VOICE_CHANGER, RVC_TTS_WEBUI, TTS_WEBUI, BARK, APPLIO, SO_VITS_SVC_FORK, DDSP_SVC,
                                DIFFUSION_SVC]
                              + families.log_projects() + [SO_VITS_SVC])
BY_ID: Dict[str, LogProject] = {p.id: p for p in PROJECTS + [UNKNOWN]}
# explain with no log at all (--symptom alone): the first family's program.
DEFAULT: LogProject = families.log_projects()[0]

# A token holding a path separator. The lookbehind starts each try at the start of a run, so a
# long run of word characters without a separator costs one pass, not one pass per character.
_PATHISH = re.compile(r"(?<![\w.:~-])[\w.:~-]*[\\/][^\s\"'`<>|]*")


@functools.lru_cache(maxsize=None)
def _typed(command: str) -> "re.Pattern[str]":
    """The command as a whole word: "svc train -t", not the words "svc training" or "svc inference"."""
    return re.compile(re.escape(command) + r"(?![\w-])")


def detect(text: str, frame_paths: List[str], hint: Optional[str] = None) -> LogProject:
    """The project a log came from: its frames' paths weigh most, then paths and words in the
    text. `hint`: the project id known otherwise (the folder explain runs in), used when the log
    itself does not tell."""
    head = "\n" + text[:100_000].lower()  # a command at the very start is at a line's start too
    paths = [p.replace("\\", "/").lower() for p in frame_paths[:400]]
    paths += [m.group(0).replace("\\", "/") for m in _PATHISH.finditer(head[:50_000])]
    best, best_score = None, 0
    for project in PROJECTS:
        score = 3 * sum(1 for p in paths for marker in project.path_markers if marker in p)
        score += sum(1 for marker in project.text_markers if marker in head)
        score += 6 * sum(1 for marker in project.command_markers if marker in head and _typed(marker).search(head))
        if score > best_score:
            best, best_score = project, score
    if best is None and hint in BY_ID:
        return BY_ID[hint]
    return best or UNKNOWN


def advice(project: LogProject, slot: str) -> Text:
    return project.advice.get(slot) or UNKNOWN.advice[slot]
