"""The errors `gsv-doctor explain` knows, as data: one Entry per error message.

Each entry says how to find the error in a log (`keys`: literals that every
occurrence contains, for a fast scan of big logs; `pattern`: the regex that confirms it,
whose named groups become the text parameters), what it means, which settings cause it,
the fix (gsv-doctor commands first, the manual edit second) in English and Chinese,
and `check`: how a probe of this machine tells whether it would still happen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

Text = Dict[str, str]  # {"en": ..., "zh": ...}; may hold {placeholders} filled from the match

# How the probe decides "would this machine still hit it" (see explain.machine_verdict).
CHECK_CPU_OP = "cpu_op"  # ops of `ops` in `dtype` on the CPU device
CHECK_HALF_KERNEL = "half_kernel"  # an unknown kernel: any CPU op failing in that dtype
CHECK_DTYPE_MIX = "dtype_mix"  # code paths disagree on is_half: the probe cannot see it
CHECK_CUDA_BUILD = "cuda_build"  # is CUDA usable at all
CHECK_CUDA_KERNEL = "cuda_kernel"  # does the build have kernels for the card (arch list)
CHECK_CUDA_MEMORY = "cuda_memory"  # is the card big enough
CHECK_HALF_NAN = "half_nan"  # is there a card whose float16 gives NaN
CHECK_MPS = "mps"  # MPS present, fallback variable set
CHECK_MPS_FLOAT64 = "mps_float64"
CHECK_ENV_IS_HALF = "env_is_half"  # the is_half variable's value in this environment
CHECK_NONE = "none"  # the system, the driver or the program's files decide: a torch probe cannot tell

# Which setting causes an error; explain puts the likeliest first from the frame it found.
SETTINGS: Dict[str, Text] = {
    "config.is_half": {
        "en": "`is_half` in config.py (True puts webui.py, api.py and the training steps in float16)",
        "zh": "config.py 中的 `is_half`（为 True 时 webui.py、api.py 和训练步骤都用 float16）",
    },
    "env.is_half": {
        "en": "the `is_half` environment variable (webui.py passes it to every step it starts;"
              " the inference web UI started on its own treats a missing one as True)",
        "zh": "环境变量 `is_half`（webui.py 会把它传给启动的每个步骤；单独启动推理界面时缺省视为 True）",
    },
    "tts_infer.is_half": {
        "en": "`is_half` in GPT_SoVITS/configs/tts_infer.yaml (read by api_v2.py and the TTS pipeline)",
        "zh": "GPT_SoVITS/configs/tts_infer.yaml 中的 `is_half`（api_v2.py 和 TTS 推理流程读取）",
    },
    "config.infer_device": {
        "en": "`infer_device` in config.py (a fixed \"cuda\" on a machine without a usable NVIDIA GPU)",
        "zh": "config.py 中的 `infer_device`（在没有可用 NVIDIA 显卡的机器上写死为 \"cuda\"）",
    },
    "tts_infer.device": {
        "en": "`device` in GPT_SoVITS/configs/tts_infer.yaml",
        "zh": "GPT_SoVITS/configs/tts_infer.yaml 中的 `device`",
    },
    "api.flags": {
        "en": "api.py's `-hp`/`-fp` and `-d` flags (they override config.py)",
        "zh": "api.py 的 `-hp`/`-fp` 和 `-d` 参数（会覆盖 config.py）",
    },
    "torch.build": {
        "en": "the installed torch build (CPU-only, or built for other CUDA cards than yours)",
        "zh": "安装的 torch 版本（纯 CPU 版，或不支持你这张显卡的 CUDA 版）",
    },
    "gpu.card": {
        "en": "the graphics card itself: its generation (too old or too new for a build), and GTX 16xx, GTX 10xx and"
              " P40-class cards give NaN in float16",
        "zh": "显卡本身：它的架构代数（对某个版本来说太旧或太新），以及 GTX 16 系、GTX 10 系和 P40 一类的卡用 float16 会得到 NaN",
    },
    "env.mps_fallback": {
        "en": "the `PYTORCH_ENABLE_MPS_FALLBACK` environment variable (not set to 1)",
        "zh": "环境变量 `PYTORCH_ENABLE_MPS_FALLBACK`（没有设为 1）",
    },
    "code.half": {
        "en": "code that calls .half() without looking at the device (config cannot reach it; the runtime hook can)",
        "zh": "不看设备就调用 .half() 的代码（改配置管不到，运行时钩子可以）",
    },
    "gpu.memory": {
        "en": "the graphics card's memory (what other programs on the GPU hold counts too)",
        "zh": "显卡的显存（其他占用显卡的程序也算在内）",
    },
    "gsv.train_batch": {
        "en": "batch_size of GPT-SoVITS's training tabs, and how long each training clip is",
        "zh": "GPT-SoVITS 训练页的 batch_size，以及每条训练音频的长度",
    },
    "gsv.infer_batch": {
        "en": "the inference batch_size and how the text is cut (GPT-SoVITS inference UI, api_v2.py requests)",
        "zh": "推理的 batch_size 和文本切分方式（GPT-SoVITS 推理界面、api_v2.py 请求参数）",
    },
    "rvc.is_half": {
        "en": "`self.is_half` in RVC's configs/config.py (config.py in older versions)",
        "zh": "RVC 的 configs/config.py（旧版本为 config.py）中的 `self.is_half`",
    },
    "rvc.device": {
        "en": "`self.device` in RVC's configs/config.py, and the torch build RVC runs with",
        "zh": "RVC 的 configs/config.py 中的 `self.device`，以及 RVC 使用的 torch 版本",
    },
    "rvc.x_pad": {
        "en": "x_pad, x_query, x_center and x_max in RVC's configs/config.py (how much audio is converted at once)",
        "zh": "RVC 的 configs/config.py 中的 x_pad、x_query、x_center 和 x_max（一次转换多长的音频）",
    },
    "rvc.train_batch": {
        "en": "the batch size per GPU in RVC's training tab",
        "zh": "RVC 训练页中每张显卡的 batch size",
    },
    "rvc.rmvpe": {
        "en": "infer/lib/rmvpe.py, the RMVPE pitch extractor, which runs its convolutions through cuDNN",
        "zh": "infer/lib/rmvpe.py，即 RMVPE 音高提取器，它的卷积经过 cuDNN",
    },
    "svc.fp16": {
        "en": "\"fp16_run\" in so-vits-svc's configs/config.json, and the device inference runs on",
        "zh": "so-vits-svc 的 configs/config.json 中的 \"fp16_run\"，以及推理所用的设备",
    },
    "svc.device": {
        "en": "the device so-vits-svc runs on (inference_main.py -d), and the torch build",
        "zh": "so-vits-svc 运行的设备（inference_main.py -d），以及 torch 版本",
    },
    "svc_fork.device": {
        "en": "the device so-vits-svc-fork runs on (`svc infer -d`), and the torch build",
        "zh": "so-vits-svc-fork 运行的设备（`svc infer -d`），以及 torch 版本",
    },
    "svc_fork.batch": {
        "en": "\"batch_size\" under \"train\" in so-vits-svc-fork's configs/44k/config.json, and the length of the dataset clips",
        "zh": "so-vits-svc-fork 的 configs/44k/config.json 中 \"train\" 下的 \"batch_size\"，以及数据集片段的长度",
    },
    "svc.batch": {
        "en": "\"batch_size\" under \"train\" in so-vits-svc's configs/config.json, and the length of the dataset clips",
        "zh": "so-vits-svc 的 configs/config.json 中 \"train\" 下的 \"batch_size\"，以及数据集片段的长度",
    },
    "svc.clip": {
        "en": "how much audio so-vits-svc converts at once (inference_main.py -cl/--clip, -sd/--slice_db)",
        "zh": "so-vits-svc 一次转换多长的音频（inference_main.py 的 -cl/--clip、-sd/--slice_db）",
    },
    "vc.settings": {
        "en": "the voice changer client's device, half-precision and chunk settings",
        "zh": "变声器客户端的设备、半精度和 chunk 设置",
    },
    "ttswebui.half": {
        "en": "\"Use half precision model\" in TTS-WebUI's RVC tab",
        "zh": "TTS-WebUI 的 RVC 页中的 \"Use half precision model\"",
    },
    "ttswebui.device": {
        "en": "the device chosen in the TTS-WebUI tab, and the torch build its installer put in",
        "zh": "TTS-WebUI 页中选择的设备，以及安装程序装上的 torch 版本",
    },
    "any.half": {
        "en": "the program's half-precision option (is_half, half, fp16)",
        "zh": "程序的半精度选项（is_half、half、fp16）",
    },
    "any.device": {
        "en": "the program's device option (cuda or cpu)",
        "zh": "程序的设备选项（cuda 或 cpu）",
    },
    "any.batch": {
        "en": "the batch size and how long each piece of audio or text is",
        "zh": "batch size，以及每段音频或文本的长度",
    },
    "nvidia.driver": {
        "en": "the NVIDIA driver (older than the CUDA version the library was built for)",
        "zh": "NVIDIA 驱动（比库编译时所用的 CUDA 版本旧）",
    },
    "asr.ctranslate2": {
        "en": "the CTranslate2 build under faster-whisper (the ASR step): CTranslate2 4.x needs CUDA 12",
        "zh": "faster-whisper（ASR 语音识别步骤）所用的 CTranslate2：CTranslate2 4.x 需要 CUDA 12",
    },
    "cudnn": {
        "en": "cuDNN, the NVIDIA library torch runs convolutions with (torch.backends.cudnn.enabled)",
        "zh": "cuDNN，即 torch 用来计算卷积的 NVIDIA 库（torch.backends.cudnn.enabled）",
    },
    "onnxruntime.build": {
        "en": "the installed onnxruntime-gpu build (not torch): it has no code for this card",
        "zh": "安装的 onnxruntime-gpu 版本（不是 torch）：它没有这张显卡的代码",
    },
    "env.cuda_path": {
        "en": "the CUDA_PATH environment variable and the CUDA / cuDNN version it points to",
        "zh": "环境变量 CUDA_PATH 及它指向的 CUDA / cuDNN 版本",
    },
    "windows.pagefile": {
        "en": "Windows virtual memory: the RAM plus the paging file (pagefile.sys), not the graphics card's memory",
        "zh": "Windows 虚拟内存：物理内存加页面文件（pagefile.sys），不是显存",
    },
    "system.processes": {
        "en": "how many processes or data loader workers the step starts at once (each loads torch and the models)",
        "zh": "该步骤同时启动的进程数或数据加载 worker 数（每个都会加载一遍 torch 和模型）",
    },
    "torch.distributed": {
        "en": "how the training script starts torch.distributed: the backend (nccl only exists in Linux CUDA builds,"
              " Windows needs gloo) and the store (libuv, missing from Windows builds)",
        "zh": "训练脚本启动 torch.distributed 的方式：后端（nccl 只有 Linux 的 CUDA 版才有，Windows 要用 gloo）"
              "和存储（Windows 版 torch 没有 libuv）",
    },
    "windows.vcredist": {
        "en": "the Microsoft Visual C++ Redistributable (x64) that torch's DLLs need, and the torch install itself",
        "zh": "torch 的 DLL 依赖的 Microsoft Visual C++ 运行库（x64），以及 torch 本身的安装",
    },
    "torch.version": {
        "en": "the torch version in the program's Python, against what the program and its libraries were written for",
        "zh": "程序所用 Python 中的 torch 版本，与程序及其依赖库所需的版本是否相符",
    },
    "transformers.version": {
        "en": "the transformers version in the program's Python (4.50 and newer refuse torch.load before torch 2.6)",
        "zh": "程序所用 Python 中的 transformers 版本（4.50 及以后在 torch 2.6 之前拒绝 torch.load）",
    },
    "model.files": {
        "en": "the program's model files: each downloaded whole and put in the folder the program reads it from",
        "zh": "程序的模型文件：每个都要完整下载，并放在程序读取它的文件夹里",
    },
    "python.packages": {
        "en": "the packages in the program's Python and their versions (the program's requirements.txt names them)",
        "zh": "程序所用 Python 中的包及其版本（程序的 requirements.txt 列出了它们）",
    },
    "ffmpeg": {
        "en": "ffmpeg, the program that decodes the audio files (ffmpeg.exe beside the program, or on PATH), and the"
              " ffmpeg-python package that calls it",
        "zh": "ffmpeg，即解码音频文件的程序（放在程序旁边的 ffmpeg.exe，或在 PATH 中），以及调用它的 ffmpeg-python 包",
    },
    "input.files": {
        "en": "the input or training files: the path typed in the UI, the files' format and length, and the folder"
              " layout the step expects",
        "zh": "输入或训练文件：界面里填写的路径、文件的格式和长度，以及该步骤要求的文件夹结构",
    },
    "machine.gpu": {
        "en": "the machine's GPU: a Mac, or an AMD or Intel card, has no CUDA (NVIDIA's), which this step asks for",
        "zh": "这台机器的显卡：Mac，或 AMD、Intel 显卡，都没有这一步要求的 CUDA（NVIDIA 的）",
    },
    "program.folder": {
        "en": "the folder the program runs from: non-English letters or spaces in its path, a synced (OneDrive),"
              " network or external drive",
        "zh": "程序运行所在的文件夹：路径里的中文或空格，同步文件夹（OneDrive）、网络或外接磁盘",
    },
    "program.install": {
        "en": "how the program was installed and is started: its install script (run, and without an error), the full"
              " package or only its code, and the folder and the shell its start script runs in",
        "zh": "程序的安装和启动方式：安装脚本（是否运行过、有没有报错）、完整整合包还是只有代码，以及启动脚本运行时所在的文件夹和命令行",
    },
    "network.port": {
        "en": "the network port the web UI or API listens on, and whatever else holds it",
        "zh": "网页界面或 API 监听的网络端口，以及占用它的其他程序",
    },
    "program.code": {
        "en": "the program's own code, as this version of it has it",
        "zh": "程序自己的代码（这个版本里的样子）",
    },
    "python.version": {
        "en": "the version of the Python that runs or installs the program (most voice programs want 3.9 or 3.10;"
              " their pinned packages have no ready-made wheels for much newer ones)",
        "zh": "运行或安装程序的 Python 版本（多数语音程序要求 3.9 或 3.10；它们固定版本的包没有更新 Python 的现成安装包）",
    },
    "build.tools": {
        "en": "the tools pip compiles a package with when it has no wheel: the Microsoft C++ Build Tools on Windows,"
              " and CMake (4.0 and newer refuse the old build files of some packages)",
        "zh": "pip 在没有现成安装包时编译包所用的工具：Windows 上的 Microsoft C++ Build Tools，以及 CMake（4.0 起拒绝部分包的旧构建文件）",
    },
    "nltk.data": {
        "en": "NLTK's data (nltk_data): the tagger and dictionary files the English text front end loads, searched in"
              " the user's folder and beside the program's Python",
        "zh": "NLTK 的数据（nltk_data）：英文文本前端加载的词性标注器和词典文件，在用户文件夹和程序所用 Python 的旁边查找",
    },
    "audio.device": {
        "en": "the input (microphone) and output (speaker) devices chosen in the real-time GUI, their host API (MME,"
              " DirectSound, WASAPI, ASIO) and the sample rate each accepts",
        "zh": "实时变声界面中选择的输入（麦克风）和输出（扬声器）设备、它们的驱动接口（MME、DirectSound、WASAPI、ASIO）"
              "以及各自支持的采样率",
    },
    "network.proxy": {
        "en": "a proxy or VPN set for the whole system, or the HTTP_PROXY / HTTPS_PROXY / ALL_PROXY variables, and"
              " whether local addresses (localhost, 127.0.0.1) bypass it (NO_PROXY)",
        "zh": "系统全局代理或 VPN，或环境变量 HTTP_PROXY / HTTPS_PROXY / ALL_PROXY，以及本机地址（localhost、127.0.0.1）"
              "是否绕过它（NO_PROXY）",
    },
    "model.version": {
        "en": "the model version and sample rate the program is set to (GPT-SoVITS v1/v2/v3/v4, RVC v1/v2 and"
              " 32k/40k/48k, so-vits-svc's config.json), against those the model file was trained with",
        "zh": "程序设定的模型版本和采样率（GPT-SoVITS 的 v1/v2/v3/v4，RVC 的 v1/v2 和 32k/40k/48k，so-vits-svc 的 config.json），"
              "与模型文件训练时所用的是否一致",
    },
    "model.match": {
        "en": "the input and the model files: text symbols, language and speaker ids and the model version must be"
              " ones the program and model know",
        "zh": "输入和模型文件：文本符号、语种和说话人编号以及模型版本必须是程序和模型认识的",
    },
}

# Settings that name no project's files: kept whatever project the log came from.
NEUTRAL_SETTINGS = ("gpu.card", "gpu.memory", "torch.build", "env.mps_fallback", "code.half", "nvidia.driver", "asr.ctranslate2",
                    "cudnn", "onnxruntime.build", "env.cuda_path", "windows.pagefile", "system.processes",
                    "python.version", "build.tools", "nltk.data", "audio.device", "network.proxy", "model.version",
                    "torch.distributed", "windows.vcredist", "torch.version", "transformers.version", "model.match",
                    "model.files", "python.packages", "ffmpeg", "input.files", "program.code", "network.port", "program.folder",
                    "machine.gpu", "program.install")


@dataclass(frozen=True)
class Entry:
    id: str
    keys: Tuple[str, ...]  # exact literals (case counts); a line holding none of them is never matched
    pattern: str  # confirms the match; named groups -> params
    meaning: Text
    settings: Tuple[str, ...]
    fix_commands: Tuple[str, ...]  # gsv-doctor commands first ({launch}: the program from the log; for a
    # Python started with -I, explain.fix_commands puts `gsv-doctor hook install` before the `run` line)
    manual: Text
    check: str
    example: str  # the shortest real message that this entry matches (the tests use it)
    ops: Tuple[str, ...] = ()  # probe op names this error comes from
    dtype: str = "float16"  # probe dtype for CHECK_CPU_OP
    origin: str = ""  # GPT-SoVITS's file that prints this line, for its logs when no traceback says where
    generic: bool = False  # only when no specific entry matched the same line
    lines: int = 1  # how many lines, from the one holding the key, the pattern reads
    flags: int = 0
    kind: str = "half"  # which kind of setting causes it, for projects other than GPT-SoVITS (logprojects)
    manual_any: Optional[Text] = None  # the manual fix for other projects ({slots} of logprojects); None: `manual`
    # a regex one frame of the error's traceback ("path function") must match: the message alone means
    # other things in other code ("'list' object has no attribute 'lower'" is UVR5's only in UVR5)
    frames: str = ""
    # where the post shows no traceback for the error: a regex its text must match instead of `frames`
    # ("" : without a traceback `frames` is never met)
    untraced_words: str = ""
    # ... and the programs (gsv_doctor.logprojects ids, "unknown" for none named) whose posts they are read in: in
    # another program's post the same words tell of its own dataset
    untraced_projects: Tuple[str, ...] = ()
    # Lines that show an occurrence did no harm (the program went on): pairs of (a literal the line holds, a regex
    # it matches, where "{package}" stands for the occurrence's package), read from the occurrence's own line to
    # `harmless_within` lines below it. pip's "Failed building wheel" before its "Successfully installed".
    harmless: Tuple[Tuple[str, str], ...] = ()
    # a notice people take for the error (a library's warning): reported only when nothing else is found
    notice: bool = False
    harmless_within: int = 1
    # a regex the occurrence's matched text must match for `harmless` to be read ("": every occurrence): a cut-off
    # name that a message below explains, not the full message beside it
    harmless_if: str = ""
    regex: "re.Pattern[str]" = field(init=False, repr=False, compare=False)
    frames_regex: "Optional[re.Pattern[str]]" = field(init=False, repr=False, compare=False)
    untraced_regex: "Optional[re.Pattern[str]]" = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, self.flags))
        object.__setattr__(self, "frames_regex", re.compile(self.frames, re.IGNORECASE) if self.frames else None)
        object.__setattr__(self, "untraced_regex",
                           re.compile(self.untraced_words, re.IGNORECASE) if self.untraced_words else None)


_MANUAL_HALF_OFF: Text = {
    "en": "Manual edit: in config.py set `is_half = False` (and `infer_device = \"cpu\"` when there is no"
          " usable NVIDIA GPU); in GPT_SoVITS/configs/tts_infer.yaml set `is_half: false` and `device: cpu`;"
          " start the inference web UI or api.py with the environment variable is_half=False (api.py: add -fp).",
    "zh": "手动修改：在 config.py 中设 `is_half = False`（没有可用 NVIDIA 显卡时同时设 `infer_device = \"cpu\"`）；"
          "在 GPT_SoVITS/configs/tts_infer.yaml 中设 `is_half: false` 和 `device: cpu`；"
          "单独启动推理界面或 api.py 时设置环境变量 is_half=False（api.py 可加 -fp）。",
}
_FIX_HALF = ("gsv-doctor fix --write", "gsv-doctor run -- {launch}")
_NEW_PYTHON_ENVIRONMENT: Text = {
    "en": "Make a new environment with the Python version the program names (3.10 for most of these programs, 3.9"
          " also works: `conda create -n NAME python=3.10`, or a venv made with Python 3.10), then {packages}.",
    "zh": "用程序指定的 Python 版本新建环境（这类程序大多是 3.10，3.9 也可以：`conda create -n 名字 python=3.10`，或用"
          " Python 3.10 建 venv），然后{packages}。",
}
_MODEL_FILE_AGAIN: Text = {
    "en": "Find the file the traceback was loading (the path on the lines above the error), delete it and"
          " download it again; compare its size with the size the download page shows (a model is megabytes,"
          " not bytes). Model files: {models}. From a git clone use `git lfs pull`.",
    "zh": "找到报错前正在加载的文件（错误上方几行里的路径），删掉后重新下载；把文件大小和下载页上写的大小对比"
          "（模型是以 MB 计的，不是几个字节）。模型文件：{models}。用 git clone 下载的请运行 `git lfs pull`。",
}
_ANY_HALF_OFF: Text = {"en": "Manual edit: {half_off}", "zh": "手动修改：{half_off}"}
# half precision off on a card that computes NaN in it (some programs' half_off is about the CPU)
_ANY_HALF_OFF_GPU: Text = {"en": "Manual edit: {half_off_gpu}", "zh": "手动修改：{half_off_gpu}"}
# A half/float mix in another program: its setting first, else its code (a cast it does whatever the card)
_ANY_DTYPE_MIX: Text = {
    "en": "Manual edit: {half_off} If the program has no such option, or it is already off, the mix is in its code (a"
          " float16 cast it does whatever the card): {update}.",
    "zh": "手动修改：{half_off} 如果程序没有这个选项，或者它已经关闭，说明混用来自程序代码（不管显卡如何都转成 float16）：{update}。",
}


def _install_pinned(what: Text, spec: str, then: Text) -> Text:
    """The fix "install this version of a package into the program's own Python" (and the Windows package's), then
    `then`: for a package whose newer release breaks the program."""
    return {
        "en": f"Install {what['en']} into the program's own Python: `python -m pip install {spec}` (a Windows package:"
              f" `runtime\\python.exe -m pip install {spec}` from the program's folder){then['en']}",
        # (a space between Chinese and a Latin name, as the other texts write it)
        "zh": f"在程序自己的 Python 里安装{' ' if what['zh'][:1].isascii() else ''}{what['zh']}：`python -m pip install {spec}`"
              f"（Windows 整合包：在程序文件夹里运行"
              f" `runtime\\python.exe -m pip install {spec}`）{then['zh']}",
    }


def _optional_speed_up(how: Text) -> Text:
    """The fix for a notice that an optional speed-up is missing: nothing to change, `how` to get it, and where the
    real error is when the program stopped after all."""
    return {
        "en": "Nothing to change for this notice. " + how["en"] + " If the program stopped, its real error is further"
              " down the console: run gsv-doctor explain on the log from there.",
        "zh": "这个提示不用处理。" + how["zh"] + "如果程序停了，真正的报错在命令行窗口更下面：把从那里开始的日志交给 gsv-doctor explain。",
    }


_THEN_TRAIN_AGAIN: Text = {"en": ", then start the training again.", "zh": "，然后重新开始训练。"}


def _cpu_kernel(kernel: str, ops: Tuple[str, ...], what_en: str, what_zh: str, dtype_name: str = "Half") -> Entry:
    dtype = "float16" if dtype_name == "Half" else "bfloat16"
    slug = {"slow_conv2d_cpu": "conv", "slow_conv_transpose2d_out_cpu": "conv-transpose",
            "addmm_impl_cpu_": "linear", "LayerNormKernelImpl": "layer-norm", "GroupNormKernelImpl": "group-norm",
            "GeluKernelImpl": "gelu", "softmax_lastdim_kernel_impl": "softmax", "bmm": "bmm",
            "cos_vml_cpu": "stft-window", "reflection_pad1d": "stft-pad"}[kernel]
    message = '"%s" not implemented for \'%s\'' % (kernel, dtype_name)
    return Entry(
        id="cpu-%s-%s" % ("half" if dtype == "float16" else "bf16", slug),
        # quoted or not, as people retype it; a short name ("bmm") also appears in code lines: key on the message
        keys=(kernel,) if len(kernel) > 6 else (kernel + '" not implemented', kernel + " not implemented"),
        # the long kernel names are unique: with the dtype on the same line, however it is worded or translated
        pattern=(r'\b%s\b[^\n]{0,40}?\b%s\b' if len(kernel) > 6 else r'\b%s"? not implemented for \W{0,2}%s\b')
        % (re.escape(kernel), dtype_name),
        meaning={
            "en": "Your torch build has no %s version of the CPU %s, so a model put in %s (is_half on)"
                  " cannot run on the CPU." % (dtype, what_en, dtype),
            "zh": "你安装的 torch 在 CPU 上没有 %s 版本的%s，所以开启半精度（is_half）的模型无法在 CPU 上运行。"
                  % (dtype, what_zh),
        },
        settings=("config.is_half", "env.is_half", "tts_infer.is_half", "config.infer_device", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_CPU_OP,
        example=message,
        ops=ops,
        dtype=dtype,
        flags=re.IGNORECASE,
    )


ENTRIES: List[Entry] = [
    _cpu_kernel("slow_conv2d_cpu", ("conv1d", "conv2d"), "convolution (HuBERT's feature encoder, the vocoder)",
                "卷积（HuBERT 特征提取、声码器）"),
    _cpu_kernel("slow_conv_transpose2d_out_cpu", ("conv_transpose1d",), "transposed convolution (the vocoder's upsampling)",
                "转置卷积（声码器上采样）"),
    _cpu_kernel("addmm_impl_cpu_", ("linear", "matmul"), "matrix multiply behind Linear layers", "矩阵乘法（Linear 层）"),
    _cpu_kernel("LayerNormKernelImpl", ("layer_norm",), "LayerNorm", "LayerNorm"),
    _cpu_kernel("GroupNormKernelImpl", ("group_norm",), "GroupNorm", "GroupNorm"),
    _cpu_kernel("GeluKernelImpl", ("gelu",), "GELU activation", "GELU 激活"),
    _cpu_kernel("softmax_lastdim_kernel_impl", ("softmax",), "softmax (attention)", "softmax（注意力）"),
    _cpu_kernel("bmm", ("bmm", "matmul"), "batched matrix multiply (attention)", "批量矩阵乘法（注意力）"),
    _cpu_kernel("cos_vml_cpu", ("stft",), "window function of the spectrogram (hann_window)", "频谱的窗函数（hann_window）"),
    _cpu_kernel("reflection_pad1d", ("stft",), "padding of the spectrogram (stft)", "频谱的填充（stft）", "BFloat16"),
    Entry(
        id="cpu-half-mkl-fft",
        keys=("MKL FFT doesn't support tensors of type",),
        pattern=r"MKL FFT doesn't support tensors of type: (?P<dtype_name>Half|BFloat16)",
        meaning={
            "en": "The CPU FFT (MKL) of torch cannot take {dtype_name} tensors, so the spectrogram (stft) of a"
                  " model in half precision fails on the CPU, even on torch versions where the rest works.",
            "zh": "torch 的 CPU FFT（MKL）不支持 {dtype_name} 张量，所以半精度模型在 CPU 上计算频谱（stft）会失败，"
                  "即使新版 torch 其余算子都能跑。",
        },
        settings=("config.is_half", "env.is_half", "tts_infer.is_half", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_CPU_OP,
        example="MKL FFT doesn't support tensors of type: Half",
        ops=("stft",),
    ),
    Entry(
        id="half-kernel-other",
        keys=("not implemented for",),
        # quoted as torch prints it, or retyped without the quotes
        # (the look-behind starts each try at the start of a name: a long run of letters costs one pass)
        pattern=r"(?<![\w:.])(?P<kernel>[\w:.]+)\"? not implemented for \W{0,2}(?P<dtype_name>Half|BFloat16|ComplexHalf)\b",
        flags=re.IGNORECASE,
        meaning={
            "en": "The kernel {kernel} has no {dtype_name} version in your torch build on the device it ran on"
                  " (usually the CPU), so a model in half precision cannot run there.",
            "zh": "你安装的 torch 在运行的设备上（通常是 CPU）没有 {dtype_name} 版本的 {kernel} 内核，"
                  "半精度模型无法在那里运行。",
        },
        settings=("config.is_half", "env.is_half", "tts_infer.is_half", "config.infer_device", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_HALF_KERNEL,
        example="\"baddbmm_with_gemm\" not implemented for 'Half'",
        generic=True,
    ),
    Entry(
        id="dtype-input-weight",
        keys=("and weight type (", "and Weight Type ("),
        # (retold in a post's title: "Input Type (torch.cuda.FloatTensor) and Weight Type (torch.cuda.HalfTensor) Mismatch")
        pattern=r"Input [Tt]ype \((?P<input>[\w.:]+)\) and [Ww]eight [Tt]ype \((?P<weight>[\w.:]+)\)"
                r" (?:should be the same|[Mm]ismatch)",
        meaning={
            "en": "A layer got {input} input but holds {weight} weights: one part of the program switched to"
                  " half precision and another did not, so the settings that choose float16 disagree.",
            "zh": "某一层的输入是 {input}，权重却是 {weight}：程序的一部分切换到了半精度而另一部分没有，"
                  "决定 float16 的几处设置互相矛盾。",
        },
        settings=("env.is_half", "tts_infer.is_half", "config.is_half", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_DTYPE_MIX,
        check=CHECK_DTYPE_MIX,
        example="Input type (torch.cuda.HalfTensor) and weight type (torch.cuda.FloatTensor) should be the same",
    ),
    Entry(
        id="dtype-input-bias",
        keys=("and bias type (",),
        pattern=r"Input type \((?P<input>[\w.:]+)\) and bias type \((?P<bias>[\w.:]+)\) should be the same",
        meaning={
            "en": "A convolution got {input} input but a {bias} bias: part of the model is in half precision"
                  " and part is not, so the settings that choose float16 disagree.",
            "zh": "卷积的输入是 {input}，偏置却是 {bias}：模型一部分是半精度、一部分不是，决定 float16 的设置互相矛盾。",
        },
        settings=("env.is_half", "tts_infer.is_half", "config.is_half", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_DTYPE_MIX,
        check=CHECK_DTYPE_MIX,
        example="Input type (c10::Half) and bias type (float) should be the same",
    ),
    Entry(
        id="dtype-mat1-mat2",
        keys=("have the same dtype",),
        pattern=r"(?:mat1|m1|self) and (?:mat2|m2) (?:must|to) have the same dtype"
                r"(?:,? but got:? (?P<first>[\w:]+) (?:and|!=) (?P<second>[\w:]+))?",
        meaning={
            "en": "A matrix multiply mixed a half-precision and a full-precision operand: one part of the"
                  " program is in float16 and another is not.",
            "zh": "矩阵乘法的两个操作数一个是半精度、一个是单精度：程序的一部分在用 float16，另一部分没有。",
        },
        settings=("env.is_half", "tts_infer.is_half", "config.is_half", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_DTYPE_MIX,
        check=CHECK_DTYPE_MIX,
        example="mat1 and mat2 must have the same dtype",
    ),
    Entry(
        id="dtype-expected-scalar",
        keys=("expected scalar type",),
        pattern=r"expected scalar type (?P<expected>Half|Float|BFloat16) but found (?P<found>Half|Float|BFloat16)",
        meaning={
            "en": "An operation expected {expected} but got {found}: tensors in half and full precision met,"
                  " because the settings that choose float16 disagree.",
            "zh": "运算需要 {expected} 却得到 {found}：半精度和单精度的张量混在了一起，决定 float16 的设置互相矛盾。",
        },
        settings=("env.is_half", "tts_infer.is_half", "config.is_half", "code.half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_DTYPE_MIX,
        check=CHECK_DTYPE_MIX,
        example="expected scalar type Half but found Float",
    ),
    Entry(
        id="cuda-not-compiled",
        kind="build",
        manual_any={
            "en": "The installed torch is the CPU-only build. With an NVIDIA card: install the CUDA build of torch into"
                  " the program's Python (pip uninstall torch, then the CUDA build from pytorch.org; or rerun the"
                  " program's installer and choose NVIDIA). Without one: {to_cpu}.",
            "zh": "安装的 torch 是纯 CPU 版本。有 NVIDIA 显卡：给程序的 Python 安装 CUDA 版 torch（先 pip uninstall torch，"
                  "再从 pytorch.org 安装 CUDA 版；或重新运行程序的安装脚本并选择 NVIDIA）。没有 NVIDIA 显卡：{to_cpu}。",
        },
        keys=("Torch not compiled with CUDA enabled",),
        pattern=r"Torch not compiled with CUDA enabled",
        meaning={
            "en": "The program asked for the NVIDIA GPU (cuda), but the installed torch is the CPU-only build.",
            "zh": "程序要用 NVIDIA 显卡（cuda），但安装的 torch 是纯 CPU 版本。",
        },
        settings=("config.infer_device", "tts_infer.device", "api.flags", "torch.build"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Manual edit: set `infer_device = \"cpu\"` and `is_half = False` in config.py, `device: cpu` and"
                  " `is_half: false` in tts_infer.yaml (api.py: -d cpu -fp); or, with an NVIDIA card, install a"
                  " CUDA build of torch into GPT-SoVITS's Python.",
            "zh": "手动修改：在 config.py 中设 `infer_device = \"cpu\"` 和 `is_half = False`，在 tts_infer.yaml 中设"
                  " `device: cpu` 和 `is_half: false`（api.py 用 -d cpu -fp）；如果有 NVIDIA 显卡，"
                  "则给 GPT-SoVITS 的 Python 装 CUDA 版 torch。",
        },
        check=CHECK_CUDA_BUILD,
        example="AssertionError: Torch not compiled with CUDA enabled",
    ),
    Entry(
        id="cuda-no-driver",
        kind="device",
        manual_any={
            "en": "Without an NVIDIA card: {to_cpu}. With one: install its driver.",
            "zh": "没有 NVIDIA 显卡：{to_cpu}。有的话：请安装它的驱动。",
        },
        keys=("Found no NVIDIA driver",),
        pattern=r"Found no NVIDIA driver on your system",
        meaning={
            "en": "torch is a CUDA build but finds no NVIDIA driver: there is no NVIDIA card (AMD, Intel or no GPU)"
                  " or its driver is missing, yet the program was told to use cuda.",
            "zh": "torch 是 CUDA 版，但找不到 NVIDIA 驱动：机器上没有 NVIDIA 显卡（AMD、Intel 或没有独显），"
                  "或驱动没装，而程序却被设定为使用 cuda。",
        },
        settings=("config.infer_device", "tts_infer.device", "api.flags", "torch.build"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Manual edit: set `infer_device = \"cpu\"` and `is_half = False` in config.py, `device: cpu` and"
                  " `is_half: false` in tts_infer.yaml; or install the NVIDIA driver if you have an NVIDIA card.",
            "zh": "手动修改：在 config.py 中设 `infer_device = \"cpu\"` 和 `is_half = False`，在 tts_infer.yaml 中设"
                  " `device: cpu` 和 `is_half: false`；如果有 NVIDIA 显卡，请安装它的驱动。",
        },
        check=CHECK_CUDA_BUILD,
        example="RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU"
                " and installed a driver from http://www.nvidia.com/Download/index.aspx",
    ),
    Entry(
        id="cuda-no-gpus",
        kind="device",
        manual_any={
            "en": "Check CUDA_VISIBLE_DEVICES (empty or -1 hides every card); without a usable card: {to_cpu}.",
            "zh": "检查 CUDA_VISIBLE_DEVICES（为空或 -1 会屏蔽所有显卡）；没有可用显卡时：{to_cpu}。",
        },
        keys=("No CUDA GPUs are available", "no CUDA-capable device is detected"),
        pattern=r"No CUDA GPUs are available|no CUDA-capable device is detected",
        meaning={
            "en": "torch sees no usable CUDA card (CUDA_VISIBLE_DEVICES hides them, or none is present), yet the"
                  " program was told to use cuda.",
            "zh": "torch 看不到可用的 CUDA 显卡（被 CUDA_VISIBLE_DEVICES 屏蔽，或根本没有），而程序却被设定为使用 cuda。",
        },
        settings=("config.infer_device", "tts_infer.device", "api.flags"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Manual edit: check CUDA_VISIBLE_DEVICES; or set `infer_device = \"cpu\"` and `is_half = False`"
                  " in config.py and `device: cpu` in tts_infer.yaml.",
            "zh": "手动修改：检查 CUDA_VISIBLE_DEVICES；或在 config.py 中设 `infer_device = \"cpu\"` 和"
                  " `is_half = False`，在 tts_infer.yaml 中设 `device: cpu`。",
        },
        check=CHECK_CUDA_BUILD,
        example="RuntimeError: No CUDA GPUs are available",
    ),
    Entry(
        id="cuda-no-kernel-image",
        kind="build",
        generic=True,  # after the onnxruntime entry, which takes the lines onnxruntime raised
        # torch's message, and the other ways a build says it has no code for the card's architecture
        keys=("no kernel image", "but was built for sm", "invalid device function", "hipErrorNoBinaryForGpu"),
        pattern=r"no kernel image(?: is available)?(?: for execution on the device)?"
                r"|is for sm_?\d+\w*,? ?but (?:was )?built for sm_?\d+|(?:CUDA|HIP) error: invalid device function"
                r"|hipErrorNoBinaryForGpu",
        flags=re.IGNORECASE,
        meaning={
            "en": "The installed torch was built without code for your graphics card (too new, like an RTX 50xx"
                  " on an older CUDA build, or too old), so nothing can run on it.",
            "zh": "安装的 torch 没有为你的显卡编译代码（显卡太新，例如旧 CUDA 版 torch 上的 RTX 50 系；或显卡太旧），"
                  "所以什么都无法在这张卡上运行。",
        },
        settings=("torch.build", "config.infer_device", "tts_infer.device"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "`gsv-doctor check` shows the card and the build's arch list. Install a torch build whose arch list"
                  " includes your card (for RTX 50xx: a CUDA 12.8 or newer build) into the program's Python; until"
                  " then run on the CPU: {to_cpu}.",
            "zh": "`gsv-doctor check` 会显示显卡和 torch 支持的架构列表。给程序的 Python 安装支持你显卡架构的 torch"
                  "（RTX 50 系需要 CUDA 12.8 或更新的版本）；在那之前先用 CPU：{to_cpu}。",
        },
        check=CHECK_CUDA_KERNEL,
        example="RuntimeError: CUDA error: no kernel image is available for execution on the device",
    ),
    Entry(
        id="cuda-capability-unsupported",
        kind="build",
        manual_any={
            "en": "Install a torch build that lists sm_{sm} (for RTX 50xx: CUDA 12.8 or newer) into the program's"
                  " Python; until then: {to_cpu}.",
            "zh": "给程序的 Python 安装支持 sm_{sm} 的 torch（RTX 50 系需要 CUDA 12.8 或更新的版本）；在那之前：{to_cpu}。",
        },
        keys=("is not compatible with the current PyTorch installation",),
        pattern=r"(?P<card>[^\n]*?) with CUDA capability sm_(?P<sm>\d+) is not compatible with the current PyTorch"
                r" installation\.?(?:[^\n]*\n[^\n]*?supports CUDA capabilities (?P<archs>(?:sm_\d+\w? ?)+))?",
        meaning={
            "en": "torch warns that {card} (sm_{sm}) is not among the cards it was built for; every CUDA"
                  " operation on it will fail with \"no kernel image is available\".",
            "zh": "torch 警告 {card}（sm_{sm}）不在它编译支持的显卡之列；这张卡上的所有 CUDA 运算都会报"
                  " \"no kernel image is available\"。",
        },
        settings=("torch.build",),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Install a torch build that lists sm_{sm} (for RTX 50xx: CUDA 12.8 or newer) into GPT-SoVITS's"
                  " Python; until then set `infer_device = \"cpu\"` and `is_half = False` in config.py.",
            "zh": "给 GPT-SoVITS 的 Python 安装支持 sm_{sm} 的 torch（RTX 50 系需要 CUDA 12.8 或更新的版本）；"
                  "在那之前在 config.py 中设 `infer_device = \"cpu\"` 和 `is_half = False`。",
        },
        check=CHECK_CUDA_KERNEL,
        example="NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch"
                " installation.",
        lines=2,  # the next line lists the build's capabilities
    ),
    Entry(
        id="cuda-out-of-memory",
        kind="oom",
        # torch's message (any case), its exception name, and how Chinese posts say it in words
        keys=("out of memory", "OUT OF MEMORY", "显存", "OOM", "CUBLAS_STATUS_ALLOC_FAILED", "cudaErrorMemoryAllocation",
              "Failed to allocate memory", "OutOfMemoryError", "not enough GPU video memory", "Workspace can't be allocated"),
        # every wording of a GPU out of memory: torch on CUDA, ROCm (HIP) and Apple (MPS), cuBLAS, the CUDA runtime,
        # onnxruntime's arena, and the abbreviation and words people use
        pattern=r"(?:CUDA out of memory|CUDA error:? out of memory|(?:HIP|GPU|VRAM) out of memory|MPS backend out of memory"
                r"|CUBLAS_STATUS_ALLOC_FAILED|cudaErrorMemoryAllocation|Failed to allocate memory for requested buffer"
                r"|OutOfMemoryError|(?-i:(?<![A-Za-z])OOM(?![A-Za-z]))|(?<!没有)(?<!没)(?<!不会)爆显存|显存不足|显存不够|显存溢出"
                r"|显存[^\n]{0,12}?爆"
                # DirectML's words (torch-directml, RVC's and Applio's AMD packages), DeepSpeed's workspace
                r"|There is not enough GPU video memory available|Workspace can't be allocated, no enough memory"
                r")\.?(?:[^\n]*?(?:(?P<total>[\d.]+) GiB total capacity"
                r"|total capacity of (?P<total2>[\d.]+) GiB))?",
        meaning={
            "en": "The graphics card{card_text} ran out of memory{job_text}.",
            "zh": "显卡{card_text}显存不足{job_text}。",
        },
        settings=("gsv.train_batch", "gsv.infer_batch", "gpu.memory"),
        fix_commands=(),
        manual={
            "en": "Make the job need less memory. {oom_advice}",
            "zh": "降低这项任务的显存占用。{oom_advice}",
        },
        check=CHECK_CUDA_MEMORY,
        example="torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 2.00 GiB"
                " total capacity; 1.60 GiB already allocated)",
        flags=re.IGNORECASE,
    ),
    Entry(
        id="mps-not-implemented",
        kind="mps",
        manual_any={
            "en": "Start the program with the variable set, e.g. `PYTORCH_ENABLE_MPS_FALLBACK=1 python <script>`.",
            "zh": "启动程序时设置该变量，例如 `PYTORCH_ENABLE_MPS_FALLBACK=1 python <脚本>`。",
        },
        keys=("not currently implemented for the MPS device",),
        pattern=r"The operator '(?P<operator>[\w:.]+)' is not currently implemented for the MPS device",
        meaning={
            "en": "The Apple GPU backend (MPS) of your torch has no {operator}; torch can run it on the CPU"
                  " instead when PYTORCH_ENABLE_MPS_FALLBACK=1 is set.",
            "zh": "你的 torch 的 Apple GPU 后端（MPS）没有实现 {operator}；设置 PYTORCH_ENABLE_MPS_FALLBACK=1 后"
                  "torch 会改在 CPU 上执行它。",
        },
        settings=("env.mps_fallback", "config.infer_device"),
        fix_commands=(),
        manual={
            "en": "Start GPT-SoVITS with the variable set: `PYTORCH_ENABLE_MPS_FALLBACK=1 python webui.py`"
                  " (or add `export PYTORCH_ENABLE_MPS_FALLBACK=1` to go-webui.sh).",
            "zh": "启动时设置该变量：`PYTORCH_ENABLE_MPS_FALLBACK=1 python webui.py`"
                  "（或在 go-webui.sh 中加入 `export PYTORCH_ENABLE_MPS_FALLBACK=1`）。",
        },
        check=CHECK_MPS,
        example="NotImplementedError: The operator 'aten::_fft_r2c' is not currently implemented for the MPS device.",
    ),
    Entry(
        id="mps-unsupported",
        kind="device",
        keys=("at the MPS device", "on the MPS device", "not supported on MPS", "MPS does not support",
              "Unsupported type byte size"),
        pattern=r"(?P<what>[^\n]{1,80}?) not supported (?:at|on) (?:the )?MPS(?: device)?|MPS does not support (?P<what2>[^\n.]{1,80})"
                r"|(?P<what3>Unsupported type byte size: \w+)",
        flags=re.IGNORECASE,
        meaning={
            "en": "Apple's GPU backend (MPS) of this torch and macOS cannot do this operation ({what}), and it is not"
                  " one that PYTORCH_ENABLE_MPS_FALLBACK moves to the CPU. Newer macOS and torch releases add such"
                  " cases.",
            "zh": "这个 torch 和 macOS 上的苹果 GPU 后端（MPS）做不了这个运算（{what}），而且它不在 PYTORCH_ENABLE_MPS_FALLBACK"
                  " 能改到 CPU 上执行的范围内。更新的 macOS 和 torch 会补上这类情况。",
        },
        settings=("config.infer_device", "tts_infer.device", "env.mps_fallback"),
        fix_commands=(),
        manual={
            "en": "Update torch on the Mac (a newer release, or the nightly build: `pip install --pre torch torchaudio"
                  " --index-url https://download.pytorch.org/whl/nightly/cpu`) and macOS (15.1 and later added several"
                  " MPS cases); or run that step on the CPU: {to_cpu}.",
            "zh": "更新 Mac 上的 torch（较新的正式版，或 nightly 版：`pip install --pre torch torchaudio --index-url"
                  " https://download.pytorch.org/whl/nightly/cpu`）和 macOS（15.1 及以后补上了不少 MPS 情况）；或让该步骤在 CPU 上运行："
                  "{to_cpu}。",
        },
        check=CHECK_MPS_FLOAT64,
        example="NotImplementedError: Output channels > 65536 not supported at the MPS device.",
    ),
    Entry(
        id="cuda-bf16-unsupported",
        kind="half",
        keys=("cutlassF: no kernel found", "Bfloat16 is only supported on GPUs with compute capability",
              "bf16 is not supported", "does not support bfloat16", "BF16 is not supported"),
        pattern=r"cutlassF: no kernel found to launch|Bfloat16 is only supported on GPUs with compute capability"
                # (not Apple's MPS saying it: that is mps-unsupported, no CUDA card is involved)
                r"|^(?![^\n]*?\bMPS\b)[^\n]*?(?:bf16 is not supported|does not support bfloat16)",
        flags=re.IGNORECASE,
        meaning={
            "en": "The model runs in bfloat16 (or its attention kernel needs it), and bfloat16 on CUDA needs an Ampere"
                  " card or newer (RTX 30xx, A-series, capability 8.0): older cards (GTX 10xx/16xx, RTX 20xx, T4, V100)"
                  " have no kernel for it.",
            "zh": "模型以 bfloat16 运行（或它的注意力内核需要 bfloat16），而 CUDA 上的 bfloat16 需要 Ampere 或更新的显卡"
                  "（RTX 30 系、A 系列，算力 8.0）：更旧的卡（GTX 10/16 系、RTX 20 系、T4、V100）没有对应的内核。",
        },
        settings=("gpu.card", "code.half"),
        fix_commands=(),
        manual={
            "en": "Run the model in float16 or float32 instead of bfloat16: the program's half / precision option"
                  " (often --half, which picks float16, or a precision setting of fp16 / fp32), or where the code picks"
                  " torch.bfloat16, use torch.float16 (torch.float32 on GTX 10xx / 16xx cards, which give NaN in float16).",
            "zh": "让模型用 float16 或 float32 代替 bfloat16：程序的半精度 / 精度选项（常见的是 --half，选 float16；或精度设为"
                  " fp16 / fp32），或在代码选 torch.bfloat16 的地方改成 torch.float16（GTX 10/16 系显卡用 float16 会出 NaN，"
                  "改成 torch.float32）。",
        },
        check=CHECK_NONE,
        example="RuntimeError: cutlassF: no kernel found to launch!",
    ),
    Entry(
        id="gpu-half-unsupported",
        kind="half",
        keys=("support half precision", "SupportHalfPrecision"),
        # (not the CPU: that is float16 on the CPU, cpu-half-*; not a Mac's MPS, mps-unsupported; not a program that
        # falls back to float32 by itself)
        pattern=r"^(?![^\n]*?(?:\b(?:cpu|mps)[ \t]+(?:cannot|can'?t|doesn'?t|does not|do not|not) support half"
                r"|fall(?:s|ing)?[ \t-]?back))"
                r"[^\n]*?(?:cannot|can'?t|doesn'?t|does not|not) support half precision|DeviceCannotSupportHalfPrecision",
        flags=re.IGNORECASE,
        meaning={
            "en": "The program was set to half precision (float16), and this card cannot run it usefully (small or old"
                  " cards such as MX, GTX 10xx and 16xx give errors or NaN in float16). It has to run in float32.",
            "zh": "程序被设成了半精度（float16），而这张显卡跑不了（MX、GTX 10 系和 16 系这类小卡或旧卡在 float16 下会报错或得到 NaN）。"
                  "必须用 float32 运行。",
        },
        settings=("config.is_half", "env.is_half", "tts_infer.is_half", "gpu.card"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any={
            # ({half_off} ends its own sentence)
            "en": "Turn half precision off: {half_off} Or {update} (newer versions fall back to float32 by themselves).",
            "zh": "关闭半精度：{half_off}或者{update}（新版本会自动改用 float32）。",
        },
        check=CHECK_HALF_NAN,
        example="Exceptions.DeviceCannotSupportHalfPrecisionException: 'Device cannot support half precision.'",
    ),
    Entry(
        id="mps-float64",
        kind="device",
        manual_any={
            "en": "Run that step on the CPU: {to_cpu}; or {update}.",
            "zh": "让该步骤在 CPU 上运行：{to_cpu}；或{update}。",
        },
        keys=("Cannot convert a MPS Tensor to float64",),
        pattern=r"Cannot convert a MPS Tensor to float64",
        meaning={
            "en": "Apple's GPU backend (MPS) has no float64; a step that makes float64 data (numpy audio"
                  " arrays are float64) cannot move it to the MPS device.",
            "zh": "Apple 的 GPU 后端（MPS）不支持 float64；生成 float64 数据的步骤（numpy 音频数组默认是 float64）"
                  "无法把数据放到 MPS 设备上。",
        },
        settings=("config.infer_device", "tts_infer.device"),
        fix_commands=(),
        manual={
            "en": "Run that step on the CPU: `infer_device = \"cpu\"` in config.py or `device: cpu` in"
                  " tts_infer.yaml; or update GPT-SoVITS, whose newer versions cast to float32 first.",
            "zh": "让该步骤在 CPU 上运行：在 config.py 中设 `infer_device = \"cpu\"`，或在 tts_infer.yaml 中设"
                  " `device: cpu`；或更新 GPT-SoVITS（新版本会先转换为 float32）。",
        },
        check=CHECK_MPS_FLOAT64,
        example="TypeError: Cannot convert a MPS Tensor to float64 dtype as the MPS framework doesn't support"
                " float64. Please use float32 instead.",
    ),
    Entry(
        id="nan-hubert-features",
        manual_any={
            "en": "Manual edit: {half_off} Then run the feature extraction again.",
            "zh": "手动修改：{half_off}然后重新提取特征。",
        },
        keys=("contains nan", "contains NaN", "nan filtered", "NaN filtered"),
        pattern=r"contains nan|nan filtered",
        meaning={
            "en": "The HuBERT feature step produced NaN: float16 on this graphics card (GTX 16xx, 10xx, P40"
                  " class) gives NaN, and those clips are dropped or the model trains on garbage.",
            "zh": "HuBERT 特征提取得到了 NaN：这类显卡（GTX 16 系、10 系、P40 一类）上 float16 会算出 NaN，"
                  "这些音频会被丢弃，或者模型用错误的数据训练。",
        },
        settings=("gpu.card", "env.is_half", "config.is_half"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Manual edit: set `is_half = False` in config.py (webui.py passes it to the feature step), then"
                  " run the feature extraction again.",
            "zh": "手动修改：在 config.py 中设 `is_half = False`（webui.py 会把它传给特征提取步骤），然后重新提取特征。",
        },
        check=CHECK_HALF_NAN,
        example="nan filtered:vocal_0001.wav",
        origin="GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py",
        flags=re.IGNORECASE,
    ),
    Entry(
        id="nan-probability",
        keys=("probability tensor contains either",),
        pattern=r"probability tensor contains either `inf`, `nan` or element < 0",
        meaning={
            "en": "The text-to-semantic (GPT) model produced NaN while sampling: float16 on a card that gives"
                  " NaN in half precision, or a half/float mix.",
            "zh": "文本到语义（GPT）模型在采样时产生了 NaN：这张卡用 float16 会算出 NaN，或者半精度与单精度混用。",
        },
        settings=("gpu.card", "config.is_half", "env.is_half", "tts_infer.is_half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_HALF_NAN,
        example="RuntimeError: probability tensor contains either `inf`, `nan` or element < 0",
    ),
    Entry(
        id="nan-audio",
        # numpy casting NaN samples to int16, or an audio library refusing NaN samples
        keys=("invalid value encountered in cast", "is not finite everywhere"),
        pattern=r"RuntimeWarning: invalid value encountered in cast|Audio buffer is not finite everywhere",
        meaning={
            "en": "The audio was NaN when it was converted to 16-bit samples, so the wav is silent: float16 on a"
                  " card that gives NaN in half precision.",
            "zh": "音频在转换为 16 位采样时是 NaN，所以输出的 wav 没有声音：这张卡用 float16 会算出 NaN。",
        },
        settings=("gpu.card", "config.is_half", "env.is_half", "tts_infer.is_half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_HALF_NAN,
        example="RuntimeWarning: invalid value encountered in cast",
    ),
    Entry(
        id="is-half-env-eval",
        keys=("is not defined",),
        pattern=r"name '(?P<value>[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy]es|[Nn]o|[Oo]n|[Oo]ff)' is not defined",
        meaning={
            "en": "The `is_half` environment variable holds `{value}`, but GPT-SoVITS reads it with Python's eval,"
                  " which only accepts True or False (capitalised).",
            "zh": "环境变量 `is_half` 的值是 `{value}`，但 GPT-SoVITS 用 Python 的 eval 读取它，只认 True 或 False"
                  "（首字母大写）。",
        },
        settings=("env.is_half",),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Set the variable to True or False exactly (Windows: `set is_half=False`; shell:"
                  " `export is_half=False`), or remove it.",
            "zh": "把变量设为 True 或 False（Windows：`set is_half=False`；shell：`export is_half=False`），或删除它。",
        },
        check=CHECK_ENV_IS_HALF,
        example="NameError: name 'false' is not defined",
        origin="config.py",
    ),
    Entry(
        id="onnxruntime-no-kernel-image",
        kind="build",
        keys=("cudaErrorNoKernelImageForDevice",),
        pattern=r"(?:ONNXRuntimeError|onnxruntime)[^\n]*?cudaErrorNoKernelImageForDevice",
        meaning={
            "en": "onnxruntime (not torch) raised it: the installed onnxruntime-gpu has no code for this graphics card"
                  " (a card newer than that build, like an RTX 50xx, or an older one it dropped).",
            "zh": "报错的是 onnxruntime（不是 torch）：安装的 onnxruntime-gpu 没有这张显卡的代码（显卡比它新，例如 RTX 50 系；"
                  "或是它已不支持的旧卡）。",
        },
        settings=("onnxruntime.build", "gpu.card"),
        fix_commands=(),
        manual={
            "en": "Install an onnxruntime-gpu release built for your card and CUDA version into the program's Python"
                  " (`pip install -U onnxruntime-gpu`; RTX 50xx needs a build for CUDA 12.8 or newer); or let that"
                  " model run on the CPU (the CPUExecutionProvider). Reinstalling torch does not help.",
            "zh": "给程序的 Python 安装支持你显卡和 CUDA 版本的 onnxruntime-gpu（`pip install -U onnxruntime-gpu`；"
                  "RTX 50 系需要 CUDA 12.8 或更新版本的构建）；或让该模型在 CPU 上运行（CPUExecutionProvider）。"
                  "重装 torch 没有用。",
        },
        check=CHECK_CUDA_KERNEL,
        example="onnxruntime.capi.onnxruntime_pybind11_state.Fail: [ONNXRuntimeError] : 1 : FAIL : CUDA error"
                " cudaErrorNoKernelImageForDevice:no kernel image is available for execution on the device",
    ),
    Entry(
        id="onnxruntime-cuda-load",
        kind="build",
        keys=("CUDA_PATH is set but CUDA wasn",),
        pattern=r"CUDA_PATH is set but CUDA wasn't able to be loaded",
        meaning={
            "en": "onnxruntime's CUDA provider could not load the CUDA / cuDNN libraries: CUDA_PATH points to a CUDA"
                  " version other than the one this onnxruntime-gpu was built for, or cuDNN is missing there.",
            "zh": "onnxruntime 的 CUDA 后端加载不了 CUDA / cuDNN 库：CUDA_PATH 指向的 CUDA 版本与这个 onnxruntime-gpu"
                  "编译时用的版本不同，或那里缺少 cuDNN。",
        },
        settings=("env.cuda_path", "onnxruntime.build"),
        fix_commands=(),
        manual={
            "en": "Point CUDA_PATH at the CUDA version onnxruntime-gpu needs (with its cuDNN), or remove the CUDA_PATH"
                  " variable when the program brings its own CUDA libraries, or install the onnxruntime-gpu built for the"
                  " CUDA you have (`pip uninstall onnxruntime onnxruntime-gpu`, then `pip install onnxruntime-gpu`: 1.19"
                  " and newer are for CUDA 12 with cuDNN 9); then restart it.",
            "zh": "把 CUDA_PATH 指向 onnxruntime-gpu 需要的 CUDA 版本（并装好对应的 cuDNN），或在程序自带 CUDA 库时"
                  "删除 CUDA_PATH 变量，或者安装与现有 CUDA 对应的 onnxruntime-gpu（先 `pip uninstall onnxruntime onnxruntime-gpu`，"
                  "再 `pip install onnxruntime-gpu`：1.19 及以后对应 CUDA 12 和 cuDNN 9）；然后重启程序。",
        },
        check=CHECK_CUDA_BUILD,
        example="RuntimeError: onnxruntime::python::CreateExecutionProviderInstance CUDA_PATH is set but CUDA wasn't"
                " able to be loaded. Please install the correct version of CUDA and cuDNN",
    ),
    Entry(
        id="onnxruntime-cuda-provider",
        kind="build",
        keys=("onnxruntime_providers_cuda",),
        pattern=r"(?:lib)?onnxruntime_providers_cuda\.(?:so|dll)(?:[^\n]*?with error: (?P<missing>[\w.+-]+))?",
        meaning={
            "en": "onnxruntime-gpu could not load its CUDA provider, because a CUDA or cuDNN library it was built"
                  " against is missing (the log names it): the onnxruntime-gpu build is for another CUDA major version"
                  " (11 or 12) than the libraries on this machine. onnxruntime then runs that model on the CPU, slowly."
                  " Not torch and not half precision.",
            "zh": "onnxruntime-gpu 加载不了它的 CUDA 后端，因为它编译时依赖的某个 CUDA 或 cuDNN 库找不到（日志里写着库名）："
                  "这个 onnxruntime-gpu 对应的 CUDA 主版本（11 或 12）与本机的库不同。于是 onnxruntime 把那个模型放在 CPU 上慢慢跑。"
                  "与 torch 和半精度无关。",
        },
        settings=("onnxruntime.build", "env.cuda_path"),
        fix_commands=(),
        manual={
            "en": "Install the onnxruntime-gpu for the CUDA major version you have: for CUDA 12, `python -m pip install -U"
                  " onnxruntime-gpu` (1.19 and newer are CUDA 12 builds; CUDA 11 builds come from a separate index), or"
                  " add the missing CUDA / cuDNN libraries of the version it names. A program that runs only a small"
                  " model in onnxruntime (GPT-SoVITS's g2pW) also works on the CPU, only slower.",
            "zh": "安装与你的 CUDA 主版本对应的 onnxruntime-gpu：CUDA 12 用 `python -m pip install -U onnxruntime-gpu`"
                  "（1.19 及以后是 CUDA 12 版；CUDA 11 版在单独的索引里），或补上它点名缺少的那个版本的 CUDA / cuDNN 库。"
                  "只用 onnxruntime 跑小模型的程序（如 GPT-SoVITS 的 g2pW）在 CPU 上也能用，只是慢一些。",
        },
        check=CHECK_NONE,
        example="[E:onnxruntime:Default, provider_bridge_ort.cc:1744 TryGetProviderInfo_CUDA] Failed to load library"
                " libonnxruntime_providers_cuda.so with error: libcublasLt.so.11: cannot open shared object file",
    ),
    Entry(
        id="onnxruntime-no-cuda-provider",
        kind="build",
        generic=True,  # after the provider errors that name the library or CUDA_PATH
        keys=("is not in available provider names", "Init provider bridge failed", "onnxruntime",
              "CUDAExecutionProvider", "['CPUExecutionProvider']"),
        # (DirectML or TensorRT asked for beside an onnxruntime that offers CUDA: the GPU is there)
        pattern=r"Specified provider '(?:CUDA|Dml|Tensorrt)\w*' is not in available provider names"
                r"(?![^\n]{0,40}?Available providers: '[^'\n]{0,300}?CUDAExecutionProvider)|Init provider bridge failed"
                # told in words: "onnxruntime无法使用CUDAExecutionProvider"
                r"|onnxruntime[^\n]{0,20}?(?:无法使用|不能使用|用不了|can'?t use|cannot use|doesn'?t use|does not use|is not"
                r" using)\s?(?:the\s)?CUDA(?:ExecutionProvider)?"
                # "CUDAExecutionProvider missing from available providers", "... is not available in the list of
                # execution providers"
                r"|CUDAExecutionProvider (?:is )?(?:missing from|not (?:available )?in|not available in) (?:the )?"
                r"(?:list of )?(?:available |execution )?providers"
                # a program printing the providers it got: the CPU alone ("Providers: ['CPUExecutionProvider']")
                r"|\b[Pp]roviders:? \['CPUExecutionProvider'\]",
        meaning={
            "en": "The onnxruntime this Python imports offers no GPU provider: the CPU-only onnxruntime package is"
                  " installed (alone, or next to onnxruntime-gpu, which it then hides; a copy in your user site-packages,"
                  " AppData\\Roaming\\Python, also hides the program's own), or onnxruntime-gpu cannot load its CUDA"
                  " libraries (on Windows also from a folder whose path holds non-English letters). The ONNX models"
                  " then run on the CPU, slowly. Not torch and not half precision.",
            "zh": "这个 Python 导入的 onnxruntime 没有 GPU 后端：装的是纯 CPU 的 onnxruntime（单独装，或与 onnxruntime-gpu 同时装，"
                  "把后者盖住了；用户目录 AppData\\Roaming\\Python 里的一份也会盖住程序自带的），或者 onnxruntime-gpu 加载不了它的"
                  " CUDA 库（Windows 上路径含中文等非英文字符的文件夹也会这样）。于是 ONNX 模型都在 CPU 上慢慢跑。与 torch 和半精度无关。",
        },
        settings=("onnxruntime.build", "env.cuda_path"),
        fix_commands=(),
        manual={
            "en": "In the program's Python: `python -m pip uninstall -y onnxruntime onnxruntime-gpu`, then `python -m pip"
                  " install onnxruntime-gpu` (1.19 and newer: CUDA 12 with cuDNN 9); remove copies in your user"
                  " site-packages (or start that Python with -s); check that CUDA_PATH, if set, points to the CUDA"
                  " version onnxruntime-gpu needs.",
            "zh": "在程序的 Python 中先 `python -m pip uninstall -y onnxruntime onnxruntime-gpu`，再 `python -m pip install"
                  " onnxruntime-gpu`（1.19 及以后：CUDA 12 加 cuDNN 9）；删掉用户目录 site-packages 里的副本（或用 -s 启动那个 Python）；"
                  "如果设置了 CUDA_PATH，确认它指向 onnxruntime-gpu 需要的 CUDA 版本。",
        },
        manual_any={
            "en": "A program that comes as a package (the voice changer's MMVCServerSIO, a 7z package): unpack it again"
                  " into a short folder of English letters without spaces (C:\\vc), install the NVIDIA driver and the"
                  " CUDA / cuDNN versions its release names, and start it from there. Installed with pip: in its Python,"
                  " `python -m pip uninstall -y onnxruntime onnxruntime-gpu`, then `python -m pip install"
                  " onnxruntime-gpu` (1.19 and newer: CUDA 12 with cuDNN 9); check that CUDA_PATH, if set, points to"
                  " the CUDA version onnxruntime-gpu needs.",
            "zh": "打包发布的程序（变声器的 MMVCServerSIO、7z 整合包）：重新解压到全英文、无空格的短路径文件夹（C:\\vc），"
                  "安装发布说明写的 NVIDIA 驱动和 CUDA / cuDNN 版本，从那里启动。用 pip 安装的：在它的 Python 中先"
                  " `python -m pip uninstall -y onnxruntime onnxruntime-gpu`，再 `python -m pip install onnxruntime-gpu`"
                  "（1.19 及以后：CUDA 12 加 cuDNN 9）；如果设置了 CUDA_PATH，确认它指向 onnxruntime-gpu 需要的 CUDA 版本。",
        },
        check=CHECK_NONE,
        example="UserWarning: Specified provider 'CUDAExecutionProvider' is not in available provider names.Available"
                " providers: 'AzureExecutionProvider, CPUExecutionProvider'",
    ),
    Entry(
        id="ctranslate2-float16",
        kind="build",
        keys=("efficient float16", "efficient int8", "efficient bfloat16"),
        pattern=r"Requested (?P<compute>\w+) compute type, but the target device or backend do not support efficient",
        meaning={
            "en": "faster-whisper (CTranslate2, the speech-recognition step) was asked for {compute} on a device that"
                  " has no fast {compute} (a GTX 10xx or older card, or the CPU): CTranslate2 refuses instead of running"
                  " slowly. Not torch.",
            "zh": "faster-whisper（CTranslate2，语音识别步骤）被要求用 {compute} 计算，但设备没有快速的 {compute}"
                  "（GTX 10 系或更旧的显卡，或 CPU）：CTranslate2 直接拒绝而不是慢慢算。与 torch 无关。",
        },
        settings=("asr.ctranslate2", "gpu.card"),
        fix_commands=(),
        manual={
            "en": "Run the ASR step in float32: in the web UI's ASR section set the precision to float32 (webui.py asks"
                  " for float16 when is_half is on, so `is_half = False` in config.py does it too); on the command"
                  " line, tools/asr/fasterwhisper_asr.py -p float32. Where float16 was refused, int8 also works on these cards.",
            "zh": "让 ASR 步骤用 float32：在网页 ASR 部分把精度设为 float32（webui.py 在 is_half 开启时会用 float16，所以在"
                  " config.py 中设 `is_half = False` 也可以）；命令行：tools/asr/fasterwhisper_asr.py -p float32。"
                  "被拒绝的是 float16 时，这些显卡也可以用 int8。",
        },
        manual_any={
            "en": "Ask faster-whisper for float32 (or int8, where float16 was refused): compute_type=\"float32\" where the program creates the"
                  " WhisperModel, or its precision / compute type option.",
            "zh": "让 faster-whisper 用 float32（被拒绝的是 float16 时也可用 int8）：在程序创建 WhisperModel 处设 compute_type=\"float32\"，"
                  "或用程序的精度 / compute type 选项。",
        },
        check=CHECK_NONE,
        example="ValueError: Requested float16 compute type, but the target device or backend do not support efficient"
                " float16 computation.",
    ),
    Entry(
        id="ctranslate2-cuda-library",
        kind="build",
        keys=("is not found or cannot be loaded",),
        pattern=r"Library (?P<library>[\w.+-]+?\.(?:dll|so(?:\.\d+)*)) is not found or cannot be loaded",
        meaning={
            "en": "CTranslate2 (under faster-whisper, the speech-recognition step) could not load {library}: it loads"
                  " the CUDA and cuDNN libraries it was built for (CTranslate2 4.x: CUDA 12) from the library path, not"
                  " the copies inside torch, and this environment does not have that version. Not torch and not half"
                  " precision.",
            "zh": "CTranslate2（faster-whisper 的底层，即语音识别步骤）加载不了 {library}：它从库路径加载自己编译时对应的 CUDA 和"
                  " cuDNN 库（CTranslate2 4.x：CUDA 12），而不是 torch 里自带的那份，而这个环境里没有那个版本。与 torch 和半精度无关。",
        },
        settings=("asr.ctranslate2", "env.cuda_path"),
        fix_commands=(),
        manual={
            "en": "Match CTranslate2 to the CUDA you have: with CUDA 11 libraries (torch +cu118), `pip install"
                  " ctranslate2==3.24.0` (or faster-whisper 0.10.1, which pins it); with CUDA 12, add the missing"
                  " library (`pip install nvidia-cublas-cu12 nvidia-cudnn-cu12`, or copy it from a package that has it);"
                  " or run the ASR step on the CPU (for Chinese, the FunASR model needs no CTranslate2).",
            "zh": "让 CTranslate2 与现有的 CUDA 对上：只有 CUDA 11 的库（torch +cu118）时 `pip install ctranslate2==3.24.0`"
                  "（或装固定了它的 faster-whisper 0.10.1）；用 CUDA 12 时补上缺的库（`pip install nvidia-cublas-cu12"
                  " nvidia-cudnn-cu12`，或从带有它的整合包中复制）；或让 ASR 步骤在 CPU 上运行（中文用 FunASR 模型，不需要 CTranslate2）。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Library cublas64_12.dll is not found or cannot be loaded",
    ),
    Entry(
        id="cuda-toolkit-mismatch",
        kind="build",
        keys=("mismatches the version that was used to compile PyTorch",),
        pattern=r"The detected CUDA version \((?P<toolkit>[\d.]+)\) mismatches the version that was used to compile"
                r" PyTorch \((?P<torch_cuda>[\d.]+)\)",
        meaning={
            "en": "A package is being built from source against the CUDA toolkit installed on the system (CUDA_HOME,"
                  " nvcc: {toolkit}), and it differs from the CUDA torch was built with ({torch_cuda}): torch refuses to"
                  " compile the extension. The GPU and the driver are not the problem.",
            "zh": "有个包正在从源码编译，用的是系统里安装的 CUDA 工具包（CUDA_HOME、nvcc：{toolkit}），它与 torch 编译时用的 CUDA"
                  "（{torch_cuda}）不同：torch 拒绝编译这个扩展。问题不在显卡和驱动。",
        },
        settings=("env.cuda_path", "torch.build"),
        fix_commands=(),
        manual={
            "en": "Make the two agree: install the CUDA {torch_cuda} toolkit and point CUDA_HOME (and PATH) at it, or"
                  " install a torch built for CUDA {toolkit} (`pip install torch torchaudio --index-url"
                  " https://download.pytorch.org/whl/cu<version>`), or install a prebuilt wheel of the package instead"
                  " of building it.",
            "zh": "让两者一致：安装 CUDA {torch_cuda} 工具包并把 CUDA_HOME（和 PATH）指向它，或者安装为 CUDA {toolkit} 编译的"
                  " torch（`pip install torch torchaudio --index-url https://download.pytorch.org/whl/cu<版本>`），或者安装该包"
                  "已编译好的 wheel，不要从源码编译。",
        },
        check=CHECK_NONE,
        example="RuntimeError: The detected CUDA version (12.1) mismatches the version that was used to compile"
                " PyTorch (11.8). Please make sure to use the same CUDA versions.",
    ),
    Entry(
        id="cuda-driver-insufficient",
        kind="driver",
        keys=("CUDA driver version is insufficient", "driver on your system is too old", "please update your driver"),
        pattern=r"CUDA driver version is insufficient for CUDA runtime version"
                r"|The NVIDIA driver on your system is too old \(found version (?P<found>\d+)\)"
                # the NVIDIA Container Toolkit refusing an image built for a newer CUDA than the driver's
                r"|unsatisfied condition: cuda\s?>=\s?\d{1,2}\.\d{1,2}, please update your driver",
        meaning={
            "en": "{library} was built for a newer CUDA than the installed NVIDIA driver supports, so it cannot start"
                  " on the GPU. This is the driver, not half precision.",
            "zh": "{library} 编译时用的 CUDA 比已安装的 NVIDIA 驱动所支持的更新，所以无法在显卡上启动。原因是驱动，与半精度无关。",
        },
        settings=("nvidia.driver", "asr.ctranslate2"),
        fix_commands=(),
        manual={
            "en": "Update the NVIDIA driver (nvidia-smi's \"CUDA Version\" is the newest CUDA the driver supports;"
                  " CUDA 12 needs driver 525 or newer). If you cannot: {driver_alternative}",
            "zh": "更新 NVIDIA 驱动（nvidia-smi 显示的 \"CUDA Version\" 是驱动支持的最新 CUDA；CUDA 12 需要 525 或更新的驱动）。"
                  "无法更新驱动时：{driver_alternative}",
        },
        check=CHECK_CUDA_BUILD,
        example="RuntimeError: CUDA failed with error CUDA driver version is insufficient for CUDA runtime version",
    ),
    Entry(
        id="cudnn-failure",
        kind="cudnn",
        keys=("CUDNN_STATUS_", "RMVPE", "cuDNN algorithm", "CUDNN error executing", "unable to find an engine"),
        # the status names; cuDNN finding no algorithm (torch, or onnxruntime's own cuDNN calls); or, in words,
        # the RMVPE pitch extractor failing with cuDNN
        pattern=r"(?:cuDNN error|CUDNN error|CUDNN failure)[^\n]*?(?P<status>CUDNN_STATUS_[A-Z_]+)"
                r"|(?P<status3>Unable to find a valid cuDNN algorithm|CUDNN error executing cudnn\w+"
                r"|(?:GET|FIND) was unable to find an engine to execute this computation)"
                r"|RMVPE[^\n]{0,60}?cudnn|cudnn[^\n]{0,60}?RMVPE"
                r"|(?P<status2>CUDNN_STATUS_(?:NOT_SUPPORTED|EXECUTION_FAILED|INTERNAL_ERROR|MAPPING_ERROR|BAD_PARAM"
                r"|ALLOC_FAILED|NOT_INITIALIZED|ARCH_MISMATCH))",
        flags=re.IGNORECASE,
        meaning={
            "en": "cuDNN, the NVIDIA library torch runs convolutions with, refused the job ({status}): very long"
                  " input (RVC's RMVPE pitch extractor on long audio), the card running out of memory (several"
                  " processes on one card, each with its own models: NOT_INITIALIZED is the usual sign), or a cuDNN"
                  " that does not match the torch build.",
            "zh": "cuDNN（torch 计算卷积用的 NVIDIA 库）拒绝了这次计算（{status}）：输入太长（例如 RVC 的 RMVPE 音高提取处理"
                  "长音频）、显存不足（一张卡上同时跑好几个进程，各自加载模型：NOT_INITIALIZED 通常就是这种情况），"
                  "或 cuDNN 与 torch 版本不匹配。",
        },
        settings=("cudnn", "gpu.memory"),
        fix_commands=(),
        manual={
            "en": "Turn cuDNN off for that step: {cudnn}; or split the audio into shorter parts; with several processes"
                  " on the card, start fewer at once: {workers}. If every run fails,"
                  " another cuDNN is found before torch's own: on Linux put torch's copy first (`export LD_LIBRARY_PATH="
                  "<venv>/lib/python3.x/site-packages/nvidia/cudnn/lib:$LD_LIBRARY_PATH`), on Windows take other CUDA /"
                  " cuDNN folders out of PATH; or reinstall torch so that it brings its own matching cuDNN.",
            "zh": "在该步骤关闭 cuDNN：{cudnn}；或把音频切成更短的几段；一张卡上同时有好几个进程时，少开几个：{workers}。如果每次都失败，说明先找到的是另一份 cuDNN 而不是 torch"
                  " 自带的：Linux 上把 torch 自带的放在前面（`export LD_LIBRARY_PATH=<venv>/lib/python3.x/site-packages/"
                  "nvidia/cudnn/lib:$LD_LIBRARY_PATH`），Windows 上把其他 CUDA / cuDNN 文件夹从 PATH 中去掉；或重装 torch，"
                  "让它带上匹配的 cuDNN。",
        },
        check=CHECK_NONE,
        example="RuntimeError: cuDNN error: CUDNN_STATUS_NOT_SUPPORTED. This error may appear if you passed in a"
                " non-contiguous input.",
    ),
    Entry(
        id="cuda-cufft-half",
        keys=("cuFFT doesn't support signals of half", "cuFFT only supports dimensions"),
        pattern=r"cuFFT doesn't support signals of half type with compute capability less than SM_(?P<need>\d+)"
                r"(?:, but the device containing input half tensor only has SM_(?P<has>\d+))?"
                r"|cuFFT only supports dimensions whose sizes are powers of two when computing in half precision",
        meaning={
            "en": "cuFFT, the FFT library torch uses on NVIDIA cards, only computes in half precision on cards"
            " of capability"
                  " 5.3 or newer and for power-of-two sizes, so the spectrogram (stft) of a model in float16 fails here."
                  " In float32 this card and these sizes work.",
            "zh": "cuFFT（torch 在 NVIDIA 显卡上用的 FFT 库）只在算力 5.3 及以上的显卡、且长度为 2 的幂时支持半精度，"
                  "所以 float16 模型在这里计算频谱（stft）会失败。用 float32 时这张卡和这些长度都没有问题。",
        },
        settings=("config.is_half", "env.is_half", "tts_infer.is_half", "gpu.card"),
        fix_commands=("gsv-doctor fix --write",),
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_NONE,
        example="RuntimeError: cuFFT doesn't support signals of half type with compute capability less than SM_53, but"
                " the device containing input half tensor only has SM_52",
    ),
    Entry(
        id="cuda-library-failure",
        kind="build",
        generic=True,  # after the entries for out of memory (CUBLAS_STATUS_ALLOC_FAILED) and cuDNN
        keys=("CUBLAS_STATUS_", "CUFFT_", "CUSOLVER_STATUS_"),
        pattern=r"(?P<status>CUBLAS_STATUS_(?!ALLOC_FAILED)[A-Z_]+|CUFFT_[A-Z_]+|CUSOLVER_STATUS_[A-Z_]+)",
        meaning={
            "en": "A CUDA math library inside torch failed ({status}; cuBLAS does the matrix multiplies, cuFFT the"
                  " spectrograms). Usually the CUDA libraries of this torch build do not fit the card or the driver"
                  " (RTX 40xx cards fail in cuFFT with CUDA 11.7 builds), the card ran out of memory, or the card does"
                  " not support a half-precision operation.",
            "zh": "torch 内部的 CUDA 数学库出错了（{status}；cuBLAS 负责矩阵乘法，cuFFT 负责频谱）。通常是这个 torch 版本的"
                  " CUDA 库与显卡或驱动不匹配（RTX 40 系在 CUDA 11.7 版本上 cuFFT 会出错）、显存不足，或显卡不支持某个半精度运算。",
        },
        settings=("torch.build", "nvidia.driver", "gpu.memory"),
        fix_commands=(),
        manual={
            "en": "Update the NVIDIA driver and install a torch build for a newer CUDA (cu118 or later; RTX 50xx: cu128)"
                  " into the program's Python. If it only happens with half precision on: {half_off} If it only happens"
                  " on long inputs, use shorter ones.",
            "zh": "更新 NVIDIA 驱动，并给程序的 Python 安装更新 CUDA 版本的 torch（cu118 或更新；RTX 50 系用 cu128）。"
                  "如果只在开启半精度时出现：{half_off}如果只在输入很长时出现，请用更短的输入。",
        },
        check=CHECK_NONE,
        example="RuntimeError: cuFFT error: CUFFT_INTERNAL_ERROR",
    ),
    Entry(
        id="gpu-float64",
        kind="device",
        manual_any={
            "en": "Run that step on the CPU: {to_cpu}; or {update}.",
            "zh": "让该步骤在 CPU 上运行：{to_cpu}；或{update}。",
        },
        keys=("does not support Double (Float64)",),
        pattern=r"does not support Double \(Float64\) operations",
        meaning={
            "en": "This GPU backend (DirectML, which runs AMD and Intel cards on Windows) has no float64; a step that"
                  " makes float64 data (numpy audio arrays are float64) cannot run on it.",
            "zh": "这个 GPU 后端（DirectML，Windows 上用它驱动 AMD 和 Intel 显卡）不支持 float64；生成 float64 数据的步骤"
                  "（numpy 音频数组默认是 float64）无法在上面运行。",
        },
        settings=("config.infer_device", "tts_infer.device"),
        fix_commands=(),
        manual={
            "en": "Run that step on the CPU: `infer_device = \"cpu\"` in config.py or `device: cpu` in tts_infer.yaml;"
                  " or update GPT-SoVITS.",
            "zh": "让该步骤在 CPU 上运行：在 config.py 中设 `infer_device = \"cpu\"`，或在 tts_infer.yaml 中设"
                  " `device: cpu`；或更新 GPT-SoVITS。",
        },
        check=CHECK_NONE,
        example="RuntimeError: The GPU device does not support Double (Float64) operations!",
    ),
    Entry(
        id="rocm-hipfft-half",
        keys=("hipFFT doesn't support transforms of type",),
        pattern=r"hipFFT doesn't support transforms of type: (?P<dtype_name>Half|BFloat16)",
        meaning={
            "en": "On an AMD card (ROCm build of torch) the FFT library hipFFT has no {dtype_name} transforms, so the"
                  " spectrogram (stft) of a model in half precision fails. The card itself is fine in float32.",
            "zh": "在 AMD 显卡（ROCm 版 torch）上，FFT 库 hipFFT 不支持 {dtype_name}，所以半精度模型计算频谱（stft）会失败。"
                  "这张卡用 float32 没有问题。",
        },
        settings=("config.is_half", "env.is_half", "tts_infer.is_half"),
        fix_commands=("gsv-doctor fix --write",),
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF,
        check=CHECK_NONE,
        example="RuntimeError: hipFFT doesn't support transforms of type: Half",
    ),
    Entry(
        id="cuda-tensor-to-numpy",
        kind="device",
        keys=("device type tensor to numpy",),
        pattern=r"can't convert (?P<device>cuda(?::\d+)?|mps(?::\d+)?|xpu(?::\d+)?) device type tensor to numpy",
        meaning={
            "en": "The program's code turns a tensor that is on the GPU ({device}) into a numpy array without moving it to"
                  " the CPU first (`.cpu()`): a bug on its GPU path, seen only when it runs there. Not the card, the"
                  " driver or the torch build.",
            "zh": "程序的代码把位于显卡（{device}）上的张量直接转成 numpy 数组，没有先移到 CPU（`.cpu()`）：这是它在显卡路径上的 bug，"
                  "只有在显卡上运行时才出现。与显卡、驱动和 torch 版本无关。",
        },
        settings=("program.code", "any.device"),
        fix_commands=(),
        manual={
            "en": "{update} (such a bug is fixed in a later version as a rule). Until then: at the line the traceback"
                  " shows, put `.cpu()` before `.numpy()` (`x.detach().cpu().numpy()`), or {to_cpu}.",
            "zh": "{update}（这类 bug 一般在后来的版本里修好了）。在那之前：在 traceback 指出的那一行，把 `.cpu()` 加在 `.numpy()` 前面"
                  "（`x.detach().cpu().numpy()`），或者{to_cpu}。",
        },
        check=CHECK_NONE,
        example="TypeError: can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host"
                " memory first.",
    ),
    Entry(
        id="device-mismatch",
        kind="device",
        keys=("Expected all tensors to be on the same device", "Placeholder storage has not been allocated"),
        pattern=r"Expected all tensors to be on the same device(?:, but found at least two devices, (?P<first>[\w:]+)"
                r" and (?P<second>[\w:]+)"
                # torch 2.1 and later name the argument: "but got index is on cuda:6, different from other tensors on cuda:0"
                r"|, but got \w+ is on (?P<got>[\w:]+), different from other tensors on (?P<other>[\w:]+))?"
                # MPS's own wording of an input left on the CPU (explain names the two devices)
                r"|Placeholder storage has not been allocated on MPS device",
        meaning={
            "en": "One operation got tensors on two devices{devices}: part of the model or of its input"
                  " was moved to one device and part stayed on the other. That is a device mix, not a precision one.",
            "zh": "一次运算拿到了位于两个设备上的张量{devices}：模型或输入的一部分被移到一个设备，另一部分留在"
                  "另一个设备。这是设备混用，不是精度问题。",
        },
        settings=("config.infer_device", "tts_infer.device", "code.half"),
        fix_commands=(),
        manual={
            "en": "{update}: such a mix is usually a code path that forgets to move one tensor (in GPT-SoVITS, for"
                  " instance, an old version's reference-free mode). Until then run everything on one device: {to_cpu}.",
            "zh": "{update}：这种混用通常是某段代码忘了移动一个张量（例如 GPT-SoVITS 旧版本的无参考文本模式）。"
                  "在那之前让所有步骤用同一个设备：{to_cpu}。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Expected all tensors to be on the same device, but found at least two devices,"
                " mps:0 and cpu!",
    ),
    Entry(
        id="load-device-missing",
        kind="device",
        manual_any={
            "en": "With an NVIDIA card: a torch ending in +cpu in the program's Python: install its CUDA build; a +cu"
                  " build: update the NVIDIA driver to one made for that CUDA version or newer. Otherwise load it on"
                  " the CPU: {to_cpu}; versions that load models with map_location=\"cpu\" do this by themselves:"
                  " {update}. Where the device option is already cpu, the code loads the file without it: add"
                  " `map_location=\"cpu\"` to the torch.load call the traceback names (the file and line above the error).",
            "zh": "有 NVIDIA 显卡：程序的 Python 里 torch 版本以 +cpu 结尾：安装它的 CUDA 版；是 +cu 版：把 NVIDIA 驱动更新到支持该"
                  " CUDA 版本或更新的版本。否则在 CPU 上加载：{to_cpu}；用 map_location=\"cpu\" 加载模型的版本会自动这样做：{update}。"
                  "如果设备选项已经是 cpu，说明代码加载时没带上它：在回溯指出的 torch.load 调用（报错上方的文件和行）里加上"
                  " `map_location=\"cpu\"`。",
        },
        # torch's two messages for it; a console may wrap the second one over three lines
        keys=("to deserialize object on", "know how to restore data", "with arguments from the 'CUDA' backend"),
        # (a post's title may cut the message short, or retell it: "api_fast.py attempts to deserialize object on ...")
        pattern=r"[Aa]ttempt(?:ing|s) to deserialize object on (?:a )?(?P<device>\w+) device but torch\.\w+\.is_availab"
                r"|know how to restore data\s+location of \S+\s+\(tagged\s+with (?P<device2>[\w:]+)\)"
                # a torch without CUDA's kernels asked for a CUDA tensor, most often as a file saved on the GPU loads
                # (not torchvision's nms: torch-packages-mismatch)
                r"|Could not run 'aten::\w+' with arguments from the '(?P<device3>CUDA)' backend",
        lines=3,
        meaning={
            "en": "A model file saved on the {device} device is being loaded where torch cannot use {device} (a torch"
                  " without CUDA, a machine without that GPU), so it cannot be put back where it was saved.",
            "zh": "一个在 {device} 设备上保存的模型文件，正在一个 torch 用不了 {device} 的地方加载（torch 不带 CUDA，"
                  "或机器上没有那种显卡），所以无法放回它保存时的设备。",
        },
        settings=("torch.build", "nvidia.driver", "config.infer_device", "tts_infer.device"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "With an NVIDIA card: a torch ending in +cpu in GPT-SoVITS's Python (`python -c \"import torch;"
                  " print(torch.__version__)\"`): install its CUDA build; a +cu build: update the NVIDIA driver to one"
                  " made for that CUDA version or newer. Otherwise run on the CPU: `infer_device = \"cpu\"` and"
                  " `is_half = False` in config.py, `device: cpu` in tts_infer.yaml.",
            "zh": "有 NVIDIA 显卡：GPT-SoVITS 的 Python 里 torch 版本以 +cpu 结尾（`python -c \"import torch;"
                  " print(torch.__version__)\"`）：安装它的 CUDA 版；是 +cu 版：把 NVIDIA 驱动更新到支持该 CUDA 版本或更新的版本。"
                  "否则改用 CPU：在 config.py 中设 `infer_device = \"cpu\"` 和 `is_half = False`，在 tts_infer.yaml 中设"
                  " `device: cpu`。",
        },
        check=CHECK_CUDA_BUILD,
        example="RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False."
                " If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu')",
    ),
    Entry(
        id="cuda-card-too-old",
        kind="device",
        keys=("which is of cuda capability",),  # torch prints it on the line above "... too old"
        pattern=r"(?:GPU\d* (?P<card>[^\n]*?) which is of cuda capability (?P<capability>[\d.]+)\.?\s*)?"
                r"PyTorch no longer supports this GPU because it is too old",
        meaning={
            "en": "The graphics card{card_text} is older than the oldest card this torch build supports, so nothing"
                  " can run on it.",
            "zh": "显卡{card_text}比这个 torch 版本支持的最旧显卡还旧，所以什么都无法在它上面运行。",
        },
        settings=("gpu.card", "config.infer_device", "tts_infer.device"),
        fix_commands=("gsv-doctor fix --write",),
        manual={
            "en": "Run on the CPU: {to_cpu}.",
            "zh": "改用 CPU：{to_cpu}。",
        },
        check=CHECK_CUDA_KERNEL,
        example="Found GPU0 GeForce GT 720 which is of cuda capability 3.5.\n    PyTorch no longer supports this GPU"
                " because it is too old.",
        lines=2,
    ),
    Entry(
        id="cudnn-library-missing",
        kind="build",
        generic=True,  # a DLL that fails to load for want of memory (WinError 1455) is that, not a missing cuDNN
        keys=("cudnn_", "libcudnn.so", "cudnn64_"),
        # the library named on a line that says it failed (not an inventory line such as "cuDNN version: ...dll")
        pattern=r"^(?=[^\n]*?(?i:could not|couldn't|unable|cannot|can't|fail|error|missing|not found|no such|make sure"
                r"|without its dependencies|没有|找不到|缺少|缺失|无法))[^\n]*?"
                r"(?P<library>(?:lib)?cudnn(?:_(?:ops|cnn|adv|graph|engines)\w{0,40}?)?(?:64_(?P<major>\d+)\.dll|\.so\.(?P<major2>\d+)))",
        meaning={
            "en": "The cuDNN {major} library {library} cannot be found. CTranslate2 (faster-whisper, the ASR step) and"
                  " onnxruntime load cuDNN themselves, from the library path, not from torch's own copy, so the step"
                  " that needs it fails or stops.",
            "zh": "找不到 cuDNN {major} 的库文件 {library}。CTranslate2（faster-whisper，即 ASR 语音识别步骤）和 onnxruntime"
                  "会自己从库路径加载 cuDNN，而不是用 torch 自带的那份，所以用到它的步骤会失败或中止。",
        },
        settings=("cudnn", "asr.ctranslate2"),
        fix_commands=(),
        manual={
            "en": "Make cuDNN {major} findable: the file name says the version (...64_8.dll / .so.8: cuDNN 8, which"
                  " CTranslate2 before 4.5 needs; ...64_9.dll: cuDNN 9). Windows package: copy the cudnn_*64_{major}.dll"
                  " files into runtime\\Lib\\site-packages\\torch\\lib from a package that has them, or take a fixed"
                  " package; pip: `pip install nvidia-cudnn-cu12` of that major version; Linux: add the folder holding"
                  " libcudnn_*.so.{major} to LD_LIBRARY_PATH. Or match CTranslate2 to the cuDNN torch brings (faster-"
                  "whisper's own advice): `pip install ctranslate2==4.4.0` beside cuDNN 8 and CUDA 12 (torch before 2.4),"
                  " 3.24.0 beside CUDA 11, 4.5 or newer beside cuDNN 9 (torch 2.4 and newer). Or run the ASR step on the CPU. When `import torch` itself"
                  " fails this way, the torch install is broken: reinstall the CUDA build of torch, which brings its"
                  " own cuDNN.",
            "zh": "让程序能找到 cuDNN {major}：文件名说明了版本（…64_8.dll / .so.8：cuDNN 8，CTranslate2 4.5 以前需要它；"
                  "…64_9.dll：cuDNN 9）。Windows 整合包：从带有这些文件的整合包中把 cudnn_*64_{major}.dll 复制到"
                  " runtime\\Lib\\site-packages\\torch\\lib，或换用修复后的整合包；pip：安装对应大版本的 `nvidia-cudnn-cu12`；"
                  "Linux：把 libcudnn_*.so.{major} 所在文件夹加入 LD_LIBRARY_PATH。或让 CTranslate2 与 torch 自带的 cuDNN 相配"
                  "（faster-whisper 自己的建议）：cuDNN 8 加 CUDA 12（2.4 以前的 torch）配 `pip install ctranslate2==4.4.0`，"
                  "CUDA 11 配 3.24.0，cuDNN 9（torch 2.4 及以后）配 4.5 或更新版本。或让 ASR 步骤在 CPU 上运行。如果是"
                  " `import torch` 本身这样失败，说明 torch 安装坏了：重装 CUDA 版 torch，它自带 cuDNN。",
        },
        check=CHECK_CUDA_BUILD,
        example="Could not locate cudnn_ops_infer64_8.dll. Please make sure it is in your library path!",
        flags=re.IGNORECASE,
    ),
    Entry(
        id="cuda-library-missing",
        kind="build",
        generic=True,  # onnxruntime's and CTranslate2's own messages name the library too, with more to say
        # a CUDA runtime library that a CUDA build of something looks for on the library path
        keys=("cublas", "cudart", "cufft", "curand", "cusparse", "cusolver", "nvrtc", "nvJitLink"),
        # (not torch 1.12's harmless "Could not load symbol cublasGetSmCountTarget from cublas64_11.dll")
        pattern=r"^(?![^\n]*?(?:Could not load symbol|dso_loader|Could not load dynamic library))(?=[^\n]*?(?i:could not|couldn't|unable|cannot|can't|fail|error"
                r"|missing|not found|no such|make sure|没有|找不到|缺少|缺失|无法))[^\n]*?(?P<library>(?:lib)?(?:cublas(?:Lt)?|cudart"
                r"|cufft|curand|cusparse|cusolver|nvrtc|nvJitLink)\w{0,40}?(?:64_(?P<major>\d\d)\w{0,20}\.dll|\.so\.(?P<major2>\d+)))",
        flags=re.IGNORECASE,
        meaning={
            "en": "A CUDA {major} library ({library}) cannot be found. Something built for CUDA {major} (onnxruntime-gpu,"
                  " CTranslate2, a CUDA build of the program) loads it from the system's library path, and this machine"
                  " has no CUDA {major} libraries there; torch's own copies inside its folder are not used for that.",
            "zh": "找不到 CUDA {major} 的库（{library}）。某个为 CUDA {major} 编译的组件（onnxruntime-gpu、CTranslate2、程序的 CUDA 版）"
                  "从系统库路径加载它，而本机那里没有 CUDA {major} 的库；torch 文件夹里自带的那份不会被它使用。",
        },
        settings=("env.cuda_path", "onnxruntime.build", "asr.ctranslate2"),
        fix_commands=(),
        manual={
            "en": "Install the CUDA {major} runtime libraries: the NVIDIA CUDA Toolkit {major}.x (on Windows"
            " its bin folder"
                  " goes on PATH; restart the program afterwards), or into the program's Python `pip install"
                  " nvidia-cublas-cu{major} nvidia-cuda-runtime-cu{major}`; or install the build of the failing package"
                  " made for the CUDA you have.",
            "zh": "安装 CUDA {major} 的运行库：NVIDIA CUDA Toolkit {major}.x（Windows 上它的 bin 文件夹会加入 PATH；装好后重启程序），"
                  "或在程序的 Python 中 `pip install nvidia-cublas-cu{major} nvidia-cuda-runtime-cu{major}`；或者安装出错的那个包"
                  "为你现有 CUDA 编译的版本。",
        },
        check=CHECK_NONE,
        example="Could not locate cublasLt64_12.dll. Please make sure it is in your library path!",
    ),
    Entry(
        id="cudnn-version-mismatch",
        kind="cudnn",
        keys=("cuDNN version incompatibility",),
        pattern=r"cuDNN version incompatibility: PyTorch ?was compiled\s+against \((?P<built>[\d, ]+)\) but found runtime"
                r" version \((?P<found>[\d, ]+)\)",
        meaning={
            "en": "torch found another cuDNN ({found}) before the one it was built with and brings along ({built}): a cuDNN"
                  " installed by hand and put on PATH / LD_LIBRARY_PATH (or a CUDNN variable) is loaded first.",
            "zh": "torch 先找到了另一份 cuDNN（{found}），而不是它编译时所用、并且自带的那份（{built}）：手动安装并加入 PATH /"
                  " LD_LIBRARY_PATH（或 CUDNN 变量）的 cuDNN 被先加载了。",
        },
        settings=("cudnn", "env.cuda_path"),
        fix_commands=(),
        manual={
            "en": "Let torch load its own cuDNN: take the hand-installed cuDNN's folder out of PATH (Windows) or"
                  " LD_LIBRARY_PATH (Linux), remove a CUDNN variable that points there, or replace that cuDNN with"
                  " version {built}; then restart the program.",
            "zh": "让 torch 加载自带的 cuDNN：把手动安装的 cuDNN 文件夹从 PATH（Windows）或 LD_LIBRARY_PATH（Linux）中去掉，"
                  "删除指向那里的 CUDNN 变量，或把那份 cuDNN 换成 {built} 版本；然后重启程序。",
        },
        check=CHECK_NONE,
        example="cuDNN version incompatibility: PyTorch was compiled  against (8, 7, 0) but found runtime version (8, 6, 0).",
    ),
    Entry(
        id="torch-packages-mismatch",
        kind="build",
        keys=("compiled with different CUDA versions", "libtorchcodec", "undefined symbol", "Symbol not found",
              "torchvision::nms", "Couldn't load custom C++ ops", "requires torch==", "Could not find module",
              "libtorch_cuda.so"),
        pattern=r"PyTorch and Torch\w+ were compiled with different CUDA versions|Could not load libtorchcodec"
                r"|Couldn't load custom C\+\+ ops"
                # a CUDA build of torchaudio (or another) beside a torch without CUDA: torch's own CUDA library is not there
                r"|libtorch_cuda\.so: cannot open shared object file"
                # pip's resolver, after it installed a torch that the installed torchaudio/vision was not built for
                r"|torch(?:audio|vision|codec) [\w.+]{1,40} requires torch==[\w.+]{1,40}, but you have torch [\w.+]{1,40}"
                # (macOS's dlopen: "Symbol not found"; not MKL 2024.1's iJIT_NotifyEvent, torch-mkl-mismatch; the symbol
                # follows the library's name within a few characters: a bounded scan, not one to the line's end from
                # every library name on a long line)
                r"|lib(?:torch|c10|torchaudio|torchvision|torchcodec)\w*\.(?:so|dylib)[^\n]{0,200}?(?:undefined symbol"
                r"|Symbol not found)(?!: iJIT_NotifyEvent)"
                r"|operator torchvision::nms does not exist|Could not run 'torchvision::nms'"
                # Windows: the package's own compiled module cannot load against this torch
                # (not in a Windows package's runtime, whose torch and torchaudio came as one set: there it is noise)
                r"|Could not find module '(?![^'\n]{0,300}?[\\/]runtime[\\/]+Lib[\\/])[^'\n]{0,300}?(?:torchaudio|torchvision)"
                r"[\\/]+lib[\\/]+\w+\.pyd'",
        flags=re.IGNORECASE,
        meaning={
            "en": "torch and one of the packages built against it (torchaudio, torchvision, torchcodec) come from"
                  " different builds (another torch version, or another CUDA version), so that package's compiled code"
                  " cannot load against this torch. Not the GPU and not half precision.",
            "zh": "torch 与依赖它编译的某个包（torchaudio、torchvision、torchcodec）来自不同的版本（torch 版本不同，或 CUDA 版本不同），"
                  "所以那个包编译好的代码无法配合当前的 torch 加载。与显卡和半精度无关。",
        },
        settings=("torch.build", "torch.version"),
        fix_commands=(),
        manual={
            "en": "Install them as one set from one index, in the program's Python: `python -m pip install"
                  " --force-reinstall torch==<version> torchaudio==<version> --index-url"
                  " https://download.pytorch.org/whl/<cuda>` (from torch 2.1 on, torchaudio has the same version"
                  " number as torch; torchvision and torchcodec name the torch they need in their release notes), and"
                  " do not let a later `pip install` of a requirements file pull one of them from PyPI alone.",
            "zh": "在程序的 Python 中从同一个索引成套安装：`python -m pip install --force-reinstall torch==<版本>"
                  " torchaudio==<版本> --index-url https://download.pytorch.org/whl/<cuda>`（torch 2.1 起 torchaudio 与 torch"
                  " 版本号相同；torchvision 和 torchcodec 的发布说明写着它们需要的 torch），之后别让 requirements 的 `pip install`"
                  " 单独从 PyPI 拉其中一个。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Detected that PyTorch and TorchAudio were compiled with different CUDA versions. PyTorch"
                " has CUDA version 12.6 whereas TorchAudio has CUDA version 12.8.",
    ),
    Entry(
        id="torch-mkl-mismatch",
        kind="build",
        keys=("iJIT_NotifyEvent",),
        # MKL 2024.1 dropped a symbol that conda's torch builds link against (pytorch/pytorch#123097)
        pattern=r"undefined symbol: iJIT_NotifyEvent",
        meaning={
            "en": "torch was installed with conda, and conda put Intel's MKL 2024.1 or newer beside it; that MKL no longer"
                  " has a function conda's torch builds call, so torch itself cannot be imported. The program and the GPU"
                  " are fine.",
            "zh": "torch 是用 conda 装的，conda 同时装了 Intel MKL 2024.1 或更新的版本；这个 MKL 里没有了 conda 版 torch 要调用的一个函数，"
                  "所以 torch 本身就无法导入。程序和显卡都没有问题。",
        },
        settings=("python.packages", "torch.build"),
        fix_commands=(),
        manual={
            "en": "In that conda environment, pin MKL to the last version that has it: `conda install \"mkl<2024.1\"`"
                  " (an environment file: add `- mkl=2024.0`); or install torch with pip instead (its wheels carry their"
                  " own MKL): `python -m pip install --force-reinstall torch torchaudio --index-url"
                  " https://download.pytorch.org/whl/<cuda>` with the versions the program names.",
            "zh": "在这个 conda 环境里把 MKL 固定在还带有它的版本：`conda install \"mkl<2024.1\"`（环境文件里加 `- mkl=2024.0`）；"
                  "或者改用 pip 安装 torch（pip 的 wheel 自带 MKL）：`python -m pip install --force-reinstall torch torchaudio"
                  " --index-url https://download.pytorch.org/whl/<cuda>`，版本按程序要求的来。",
        },
        check=CHECK_NONE,
        example="ImportError: /env/lib/python3.10/site-packages/torch/lib/libtorch_cpu.so: undefined symbol: iJIT_NotifyEvent",
    ),
    Entry(
        id="torch-install-not-found",
        kind="build",
        keys=("satisfies the requirement torch", "matching distribution found for torch"),
        pattern=r"(?:Could not find a version that satisfies the requirement|No matching distribution found for)"
                r" (?P<requirement>torch(?:audio|vision)?\b[^\s(]*)",
        meaning={
            "en": "pip found no {requirement} for this Python on the index it searched: a pinned nightly that has been"
                  " deleted, a Python version that release has no wheels for (torch before 2.5 has none for Python"
                  " 3.13; none for 32-bit Python), or an index URL without that CUDA build.",
            "zh": "pip 在它搜索的索引里找不到适合这个 Python 的 {requirement}：固定的 nightly 版本已被删除，该版本没有这个 Python"
                  " 版本的安装包（torch 2.5 以前没有 Python 3.13 的；32 位 Python 都没有），或者索引 URL 里没有那个 CUDA 版本。",
        },
        settings=("torch.version", "torch.build"),
        fix_commands=(),
        manual={
            "en": "Install a stable release that exists for your Python: `python -m pip install torch torchaudio"
                  " --index-url https://download.pytorch.org/whl/cu128` (each build's list:"
                  " https://download.pytorch.org/whl/torch/); for a program that pins an old torch, use the Python"
                  " version its installer asks for (`python --version`, 64-bit).",
            "zh": "安装一个适合你的 Python 的正式版：`python -m pip install torch torchaudio --index-url"
                  " https://download.pytorch.org/whl/cu128`（各版本列表：https://download.pytorch.org/whl/torch/）；程序固定了旧版"
                  " torch 时，请用它的安装说明要求的 Python 版本（`python --version`，64 位）。",
        },
        check=CHECK_NONE,
        example="ERROR: Could not find a version that satisfies the requirement torch==2.7.0.dev20250310+cu128 (from"
                " versions: 2.9.0.dev20250705+cu128)",
    ),
    Entry(
        id="torch-adam-capturable",
        kind="system",
        keys=("capturable=False",),
        pattern=r"capturable=False,? ?state_steps should not be CUDA tensors",
        meaning={
            "en": "A bug of torch 1.12.0: resuming training from a saved optimizer state puts Adam's step counters on"
                  " the GPU, and its own check then refuses them. The model, the card and the settings are fine.",
            "zh": "这是 torch 1.12.0 的缺陷：从保存的优化器状态继续训练时，Adam 的步数计数被放到了显卡上，随后它自己的检查又拒绝了它们。"
                  "模型、显卡和设置都没有问题。",
        },
        settings=("torch.version",),
        fix_commands=(),
        manual={
            "en": "Install torch 1.12.1 or newer (or 1.11) into the program's Python, the CUDA build for your card; or"
                  " after loading the optimizer state set `optimizer.param_groups[0][\"capturable\"] = True`.",
            "zh": "给程序的 Python 安装 torch 1.12.1 或更新（或 1.11），选与显卡匹配的 CUDA 版；或在加载优化器状态后设"
                  " `optimizer.param_groups[0][\"capturable\"] = True`。",
        },
        check=CHECK_NONE,
        example="AssertionError: If capturable=False, state_steps should not be CUDA tensors.",
    ),
    Entry(
        id="matplotlib-too-new",
        kind="system",
        keys=("tostring_rgb",),
        # matplotlib 3.10 removed FigureCanvasAgg.tostring_rgb, which the training scripts' spectrogram plots call
        pattern=r"object has no attribute '(?P<name>tostring_rgb)'",
        meaning={
            "en": "The installed matplotlib is 3.10 or newer, which removed `tostring_rgb`; the training script calls it"
                  " to draw the spectrograms it saves for TensorBoard (utils.py, plot_spectrogram_to_numpy). A fresh"
                  " `pip install -r requirements.txt` gets the newest matplotlib where the requirements do not cap it."
                  " Not the GPU and not the data.",
            "zh": "安装的 matplotlib 是 3.10 或更新的版本，它删掉了 `tostring_rgb`；训练脚本用它来画保存给 TensorBoard 的频谱图"
                  "（utils.py 的 plot_spectrogram_to_numpy）。requirements 没有限制 matplotlib 的最高版本时，新装会装上最新版。"
                  "与显卡和数据无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_install_pinned({"en": "a matplotlib older than 3.10", "zh": "低于 3.10 的 matplotlib"},
                               '"matplotlib<3.10"', _THEN_TRAIN_AGAIN),
        check=CHECK_NONE,
        example="AttributeError: 'FigureCanvasAgg' object has no attribute 'tostring_rgb'",
    ),
    Entry(
        id="training-gpu-not-listed",
        kind="device",
        keys=("没有能用的显卡来支持您训练", "沒有能用的顯卡來支持您訓練", "no compatible GPU available to support your training"),
        # RVC WebUI's infer-web.py and GPT-SoVITS's webui.py of Jan-Mar 2024 (later it trains on the CPU instead): a card
        # counts when torch sees it and its upper-cased name holds one of "10", "16", "20", "30", "40", "A2", "A3", "A4",
        # "P4", "A50", "500", "A60", "70", "80", "90", "M4", "T4", "TITAN", "L", "4060" (so a GT 1030 or GT 730 counts)
        # (no origin: RVC prints it from infer-web.py, GPT-SoVITS from webui.py)
        pattern=r"没有能用的显卡来支持您训练|沒有能用的顯卡來支持您訓練|no compatible GPU available to support your training",
        meaning={
            "en": "The web UI found no card it trains on. Either torch sees no CUDA card at all (a CPU-only torch, no"
                  " or an old NVIDIA driver), or the card's name holds none of the numbers and letters the web UI looks"
                  " for (10, 16, 20, 30, 40, 70, 80, 90, A2, T4, TITAN, L ...): an MX450, MX550 or MX250 laptop card"
                  " holds none of them (with 2 GB it is too small to train anyway).",
            "zh": "网页界面没有找到能用来训练的显卡。要么 torch 根本看不到 CUDA 显卡（纯 CPU 版 torch，没有或太旧的 NVIDIA 驱动），"
                  "要么显卡型号名里不含界面要找的数字和字母（10、16、20、30、40、70、80、90、A2、T4、TITAN、L 等）：MX450、MX550、"
                  "MX250 这类笔记本显卡都不含（它们只有 2 GB 显存，本来也太小，不能训练）。",
        },
        settings=("torch.build", "gpu.card", "nvidia.driver"),
        fix_commands=(),
        manual={
            "en": "In the program's Python run `python -c \"import torch; print(torch.__version__,"
                  " torch.cuda.is_available())\"`. False, or a version ending in +cpu: install the CUDA build of torch"
                  " into that Python (pytorch.org's command for your CUDA) and update the NVIDIA driver. True: the web UI"
                  " does not list the card. An MX laptop card is too small to train: train on a"
                  " bigger card or a cloud GPU (Colab, AutoDL); inference still runs, on the card or the CPU. A big card"
                  " the list misses (a Quadro, a new series): {update}, whose newer versions list more names, or add a"
                  " part of its name to the web UI's `ok_gpu_keywords` list (in its start script's code).",
            "zh": "在程序的 Python 里运行 `python -c \"import torch; print(torch.__version__, torch.cuda.is_available())\"`。"
                  "输出 False，或版本以 +cpu 结尾：给这个 Python 装 CUDA 版 torch（按 pytorch.org 上对应你 CUDA 的命令），并更新"
                  " NVIDIA 驱动。输出 True：说明界面的列表里没有这张卡。笔记本的 MX 系列太小，不能训练：请在更大的显卡"
                  "或云端显卡（Colab、AutoDL）上训练；推理仍然可以在这张卡或 CPU 上进行。列表漏掉的大显卡（Quadro、新系列）：{update}，"
                  "新版本列出的型号更多；或者把型号名的一部分加进网页界面代码（它的启动脚本）里的 `ok_gpu_keywords` 列表。",
        },
        check=CHECK_NONE,
        example="很遗憾您这没有能用的显卡来支持您训练",
    ),
    Entry(
        id="training-reducer-notice",
        kind="system",
        notice=True,
        keys=("Reducer buckets have been rebuilt",),
        pattern=r"Reducer buckets have been rebuilt in this iteration",
        meaning={
            "en": "A notice of torch.distributed, not an error: it is printed once, when the first training step has"
                  " run. Training goes on after it without printing anything until the end of an epoch or the next"
                  " save, which on a small card, a large dataset or the CPU takes minutes to hours; the web page may show"
                  " nothing new all that time.",
            "zh": "这是 torch.distributed 的提示，不是报错：第一步训练跑完时打印一次。之后训练会继续，但直到一个 epoch 结束或下一次"
                  "保存之前都不再输出；显卡小、数据多或用 CPU 时要几分钟到几小时，这期间网页上也可能没有任何变化。",
        },
        settings=("gpu.card",),
        fix_commands=(),
        manual={
            "en": "Nothing to change for this notice: wait, and watch the training run in the console window, in the"
                  " GPU's use (Task Manager > Performance > GPU, the \"Cuda\" graph; or `nvidia-smi`) and in the files the"
                  " training writes (RVC: logs/<experiment>/train.log and its G_/D_ checkpoints). If the GPU stays idle and"
                  " nothing is written for a long time, the real error is further down the console: run gsv-doctor"
                  " explain on the log from there.",
            "zh": "这个提示不用处理：请等待，并从命令行窗口、显卡占用（任务管理器 > 性能 > GPU 的“Cuda”图；或 `nvidia-smi`）和训练写出的"
                  "文件（RVC：logs/<实验名>/train.log 以及 G_/D_ 检查点）观察训练是否在进行。如果显卡长时间空闲、也没有写出任何文件，"
                  "真正的报错在命令行窗口更下面：把从那里开始的日志交给 gsv-doctor explain。",
        },
        check=CHECK_NONE,
        example="INFO:torch.nn.parallel.distributed:Reducer buckets have been rebuilt in this iteration.",
    ),
    Entry(
        id="inductor-online-softmax-notice",
        kind="system",
        notice=True,
        keys=("Online softmax is disabled",),
        pattern=r"Online softmax is disabled on the fly",
        meaning={
            "en": "A warning of torch.compile (Inductor), not an error: it is printed while the program compiles its"
                  " model on the first run, which takes a minute or more before the first audio; later runs reuse the"
                  " compiled code. It says nothing about the card or the torch build.",
            "zh": "这是 torch.compile（Inductor）的警告，不是报错：程序第一次运行、编译模型时会打印它，编译要花一分钟或更久，之后才出第一段音频；"
                  "以后的运行会复用编译好的代码。它与显卡和 torch 版本无关。",
        },
        settings=("program.code",),
        fix_commands=(),
        manual={
            "en": "Nothing to change for this warning: wait for the first generation to finish (watch the GPU's use in"
                  " Task Manager or `nvidia-smi`). If it really stops, the real error is further down the console: run"
                  " gsv-doctor explain on the log from there.",
            "zh": "这个警告不用处理：等第一次生成完成（可在任务管理器或 `nvidia-smi` 里看显卡占用）。如果真的停住了，"
                  "真正的报错在命令行窗口更下面：把从那里开始的日志交给 gsv-doctor explain。",
        },
        check=CHECK_NONE,
        example="UserWarning: Online softmax is disabled on the fly since Inductor decides to split the reduction.",
    ),
    Entry(
        id="python-warning-notice",
        kind="system",
        notice=True,
        generic=True,  # after the warnings with their own entry
        keys=("FutureWarning", "UserWarning", "DeprecationWarning"),
        pattern=r"\b(?:Future|User|Deprecation)Warning:(?:\s|$)",  # (a line may end after the colon)
        meaning={
            "en": "A Python warning, not an error: the library that printed it goes on. Warnings like this (a function"
                  " that is deprecated, a default that will change) show on every start of many of these programs,"
                  " working ones too.",
            "zh": "这是 Python 的警告，不是报错：打印它的库会继续运行。这类警告（某个函数已弃用、某个默认值将来会改）在很多这类程序"
                  "每次启动时都会出现，正常工作的也一样。",
        },
        settings=("program.code",),
        fix_commands=(),
        manual={
            "en": "Nothing to change for the warning. If the program goes on (a web UI prints `Running on local URL:"
                  " http://...`: open that address in the browser), it works. If it stopped, the error that stopped it is"
                  " further down the console or in the web page: run gsv-doctor explain on the log from there.",
            "zh": "警告本身不用处理。如果程序继续运行（网页界面会打印 `Running on local URL: http://...`：在浏览器里打开这个地址），"
                  "它就是正常的。如果停住了，让它停下的报错在命令行窗口更下面或网页上：把从那里开始的日志交给 gsv-doctor explain。",
        },
        check=CHECK_NONE,
        example="FutureWarning: `torch.nn.utils.weight_norm` is deprecated in favor of `torch.nn.utils.parametrizations.weight_norm`.",
    ),
    Entry(
        id="pip-marker-skipped",
        kind="system",
        notice=True,
        keys=("don't match your environment",),
        pattern=r"Ignoring (?P<package>[\w.-]{1,100}): markers '(?P<marker>[^'\n]{1,200})' don't match your environment",
        meaning={
            "en": "pip's notice, not an error: the requirements file asks for {package} only where `{marker}` holds, and"
                  " on this machine it does not, so pip leaves {package} out on purpose. The program's authors made it"
                  " so (a package that only builds on Linux, a torch line for another system); the rest installs.",
            "zh": "这是 pip 的提示，不是报错：requirements 文件只在 `{marker}` 成立时才要求安装 {package}，而这台机器上不成立，"
                  "所以 pip 有意跳过了 {package}。这是程序作者的安排（只能在 Linux 上编译的包、给别的系统用的 torch 行）；"
                  "其余的包照常安装。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Nothing to install by hand for it: start the program. If it then fails for want of {package} (No module"
                  " named ...), run gsv-doctor explain on that error; the program's README names what replaces it on this"
                  " system.",
            "zh": "不需要手动安装它：直接启动程序。如果之后因为缺少 {package} 而失败（No module named ...），把那条报错交给"
                  " gsv-doctor explain；程序的 README 会写明在这个系统上用什么代替它。",
        },
        check=CHECK_NONE,
        example="Ignoring pynini: markers 'platform_system != \"Windows\"' don't match your environment",
    ),
    Entry(
        id="triton-missing-notice",
        kind="system",
        notice=True,
        keys=("Triton is not available", "No module named 'triton'"),
        pattern=r"(?:A matching )?Triton is not available, some optimizations will not be enabled"
                r"|This is just a warning: No module named 'triton'",
        meaning={
            "en": "xformers' notice, not an error: Triton (a compiler of GPU kernels, made for Linux) is not installed,"
                  " so a few optional speed-ups are off. Windows has no official Triton; the program works without it.",
            "zh": "这是 xformers 的提示，不是报错：没有安装 Triton（一种 GPU 内核编译器，为 Linux 做的），所以少数可选的加速不会启用。"
                  "Windows 上没有官方的 Triton；程序没有它也能正常工作。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Nothing to install. If the program stops, the error that stops it is further down: run gsv-doctor"
                  " explain on the log from there.",
            "zh": "不需要安装任何东西。如果程序停了，让它停下的报错在更下面：把从那里开始的日志交给 gsv-doctor explain。",
        },
        check=CHECK_NONE,
        example="WARNING | xformers | A matching Triton is not available, some optimizations will not be enabled.",
    ),
    Entry(
        id="browser-wildcard-address",
        kind="system",
        keys=("0.0.0.0",),
        # the address told as the one that does not open ("http://0.0.0.0:7860 无法正常访问", "can't open 0.0.0.0:9880",
        # the browser's ERR_ADDRESS_INVALID beside it)
        # (not a page that opens, an API that answers, nor the server that cannot bind to it: "could not bind on 0.0.0.0:9880",
        # "0.0.0.0:7860 -- the page opens, but the button does not work", "0.0.0.0:9880/tts 返回 400，不能合成")
        pattern=r"(?:https?://)?0\.0\.0\.0:(?P<port>\d{2,5})\b"
                r"(?:(?!(?i:\bopens\b|\bloads\b|\bworks\b|\breturn|\bbind|\blisten)|能打开|可以打开|打开了|正常打开|能访问|可以访问|返回)"
                r"[^\n]){0,60}?"
                r"(?:(?:无法|不能)(?:正常)?(?:访问|打开|连接|进入)|打不开|访问不了|打开不了|进不去|连不上"
                r"|(?i:(?:can'?t|cannot|could ?n[o']t|won'?t|doesn'?t|does not|unable to|not)(?: even)?(?: be)?"
                r" (?:open|load|access|connect|reach|visit|work|show)|refused)|ERR_)"
                r"|(?:(?:无法|不能)(?:正常)?(?:访问|打开|连接|进入)|打不开|访问不了|进不去"
                r"|(?i:can'?t|cannot|could ?n[o']t|unable to) (?i:open|load|access|connect|reach|visit|get))"
                r"[^\n]{0,40}?(?:https?://)?0\.0\.0\.0:(?P<port2>\d{2,5})\b",
        meaning={
            "en": "0.0.0.0 is where the program listens (every network address of this computer), not an address a"
                  " browser can open: the program is most likely running fine.",
            "zh": "0.0.0.0 是程序监听的地址（这台电脑的所有网络地址），不是浏览器能打开的地址：程序多半运行正常。",
        },
        settings=("network.port",),
        fix_commands=(),
        manual={
            "en": "Open http://127.0.0.1:{port} on the same computer (or http://THIS-COMPUTER'S-IP:{port} from another one"
                  " on the network).",
            "zh": "在同一台电脑上打开 http://127.0.0.1:{port}（从局域网里的另一台电脑打开则用 http://本机IP:{port}）。",
        },
        check=CHECK_NONE,
        example="local URL:  http://0.0.0.0:7860 无法正常访问。",
    ),
    Entry(
        id="deepspeed-optional-fallback",
        kind="system",
        notice=True,
        keys=("DeepSpeed",),
        # IndexTTS's own line when `import deepspeed` fails: it goes on without it (IndexTTS2's infer_v2.py in English)
        pattern=r"DeepSpeed\s?(?:模型)?加载失败|Failed to load DeepSpeed\. Falling back to normal inference",
        meaning={
            "en": "IndexTTS's notice, not an error: DeepSpeed, an optional speed-up of its model in half precision, is"
                  " not installed or does not load (it rarely installs on Windows), so it goes on with standard"
                  " inference. The speech is the same, a little slower.",
            "zh": "这是 IndexTTS 的提示，不是报错：DeepSpeed 是它半精度模型的可选加速，没有安装或加载不了（在 Windows 上很难装上），"
                  "于是改用标准推理继续运行。生成的语音一样，只是稍慢一点。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_optional_speed_up({
            "en": "For the speed-up, install DeepSpeed into the program's Python (on Windows a prebuilt wheel for your"
                  " Python, torch and CUDA; building it needs the CUDA Toolkit and Visual Studio's C++ tools).",
            "zh": "想要加速的话，把 DeepSpeed 装进程序的 Python（Windows 上用与你的 Python、torch 和 CUDA 对应的"
                  "预编译 wheel；自己编译需要 CUDA Toolkit 和 Visual Studio 的 C++ 工具）。",
        }),
        check=CHECK_NONE,
        example=">> DeepSpeed加载失败，回退到标准推理: No module named 'deepspeed'",
    ),
    Entry(
        id="bigvgan-cuda-kernel-fallback",
        kind="system",
        notice=True,
        keys=("custom CUDA kernel for BigVGAN",),
        # IndexTTS (and its forks) build BigVGAN's fused activation kernel with nvcc when asked to; without it they go on
        pattern=r"Failed to load custom CUDA kernel for BigVGAN",
        meaning={
            "en": "IndexTTS's notice, not an error: its optional fused CUDA kernel for the BigVGAN vocoder could not be"
                  " built or loaded (building it needs NVIDIA's CUDA Toolkit with nvcc, of the CUDA version torch was"
                  " built for, and a C++ compiler), so it goes on with torch's own operations. The speech is the same, a"
                  " little slower.",
            "zh": "这是 IndexTTS 的提示，不是报错：BigVGAN 声码器的可选 CUDA 融合算子没能编译或加载（编译需要与 torch 的 CUDA 版本对应的"
                  " NVIDIA CUDA Toolkit（含 nvcc）和 C++ 编译器），于是改用 torch 自带的运算继续。生成的语音一样，只是稍慢一点。",
        },
        settings=("env.cuda_path", "build.tools"),
        fix_commands=(),
        manual=_optional_speed_up({
            "en": "For the speed-up: install the CUDA Toolkit of torch's CUDA version (`python -c \"import torch;"
                  " print(torch.version.cuda)\"`; in conda: `conda install -c nvidia cuda-toolkit=<that version>`) and a"
                  " C++ compiler (Windows: Visual Studio Build Tools), then start again.",
            "zh": "想要加速：安装与 torch 的 CUDA 版本一致的 CUDA Toolkit（`python -c \"import torch;"
                  " print(torch.version.cuda)\"`；conda 里：`conda install -c nvidia cuda-toolkit=<该版本>`）和 C++ 编译器（Windows："
                  "Visual Studio Build Tools），然后重新启动。",
        }),
        check=CHECK_NONE,
        example=">> Failed to load custom CUDA kernel for BigVGAN. Falling back to torch.",
    ),
    Entry(
        id="weights-newly-initialized",
        kind="system",
        notice=True,
        keys=("newly initialized",),
        pattern=r"Some weights of (?P<model>\w+) were not initialized from the model checkpoint",
        meaning={
            "en": "A notice of transformers, not an error: some weights of {model} (the HuBERT or BERT feature model) were"
                  " not found in the checkpoint under the names this transformers and torch use (newer torch stores"
                  " weight_norm as parametrizations) and were set fresh. The voice programs load these models this way"
                  " and their maintainers call the notice harmless; the step goes on after it.",
            "zh": "这是 transformers 的提示，不是报错：{model}（HuBERT 或 BERT 特征模型）的部分权重在检查点里没有以当前 transformers 和"
                  " torch 使用的名字出现（新版 torch 把 weight_norm 存成 parametrizations），于是重新初始化。语音程序就是这样加载这些"
                  "模型的，维护者说明这个提示无害；这一步会继续运行。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Nothing to change for this notice. If the step stopped, its real error is further down the console (a"
                  " Traceback and its last line): run gsv-doctor explain on the log from there.",
            "zh": "这个提示不用处理。如果这一步停了，真正的报错在命令行窗口更下面（一段 Traceback 和它的最后一行）：把从那里开始的日志"
                  "交给 gsv-doctor explain。",
        },
        check=CHECK_NONE,
        example="Some weights of HubertModel were not initialized from the model checkpoint at"
                " TencentGameMate/chinese-hubert-base and are newly initialized",
    ),
    Entry(
        id="docker-no-gpu-runtime",
        kind="driver",
        keys=("could not select device driver",),
        pattern=r"could not select device driver \"[^\"\n]{0,40}\" with capabilities: \[\[gpu\]\]",
        meaning={
            "en": "Docker was asked for the GPU (`--gpus all`, a compose file's GPU reservation) and has no runtime"
                  " that provides it: the NVIDIA Container Toolkit is not installed or not registered with Docker"
                  " (Docker Desktop on Windows: WSL 2 and an NVIDIA driver with WSL support). The program never started.",
            "zh": "Docker 被要求使用显卡（`--gpus all`，或 compose 文件里的 GPU 配置），但没有能提供显卡的运行时：没有安装 NVIDIA"
                  " Container Toolkit，或没有在 Docker 里注册它（Windows 上的 Docker Desktop：需要 WSL 2 和支持 WSL 的 NVIDIA 驱动）。"
                  "程序根本没有启动。",
        },
        settings=("nvidia.driver",),
        fix_commands=(),
        manual={
            "en": "Linux: install the NVIDIA Container Toolkit (NVIDIA's install guide for your distribution), run `sudo"
                  " nvidia-ctk runtime configure --runtime=docker` and `sudo systemctl restart docker`; check with `docker"
                  " run --rm --gpus all ubuntu nvidia-smi`. Windows: Docker Desktop with the WSL 2 backend and a current"
                  " NVIDIA driver. Then start the container again.",
            "zh": "Linux：安装 NVIDIA Container Toolkit（按 NVIDIA 针对你的发行版的安装指南），运行 `sudo nvidia-ctk runtime"
                  " configure --runtime=docker` 和 `sudo systemctl restart docker`；用 `docker run --rm --gpus all ubuntu"
                  " nvidia-smi` 检查。Windows：使用 WSL 2 后端的 Docker Desktop 和较新的 NVIDIA 驱动。然后重新启动容器。",
        },
        check=CHECK_NONE,
        example="docker: Error response from daemon: could not select device driver \"\" with capabilities: [[gpu]].",
    ),
    Entry(
        id="torch-compile-windows",
        kind="build",
        keys=("not yet supported for torch.compile",),
        # torch before 2.2 refuses torch.compile on Windows outright, and on a Python newer than it knows (3.11 before
        # 2.1, 3.12 before 2.4); programs offer it as an option (ChatTTS's compile)
        pattern=r"(?P<where>Windows|Python 3\.1\d\+) not yet supported for torch\.compile",
        meaning={
            "en": "The program asked torch to compile its model (torch.compile, a speed-up), and this torch does not"
                  " compile on {where}. The model runs without it; the option is what fails.",
            "zh": "程序让 torch 编译它的模型（torch.compile，用于加速），而这个 torch 在 {where} 上不支持编译。模型不编译也能运行；"
                  "出错的是这个选项。",
        },
        settings=("torch.version", "program.code"),
        fix_commands=(),
        manual={
            "en": "Turn the program's compile option off (ChatTTS: `chat.load(compile=False)`; a web UI: its compile"
                  " checkbox or flag, such as `--compile`), and start it again.",
            "zh": "关掉程序的编译选项（ChatTTS：`chat.load(compile=False)`；网页界面：它的编译勾选项或参数，例如 `--compile`），"
                  "然后重新启动。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Windows not yet supported for torch.compile",
    ),
    Entry(
        id="torch-compile-triton",
        kind="build",
        keys=("working triton installation", "ptxas"),  # (not xformers' harmless "No module named 'triton'")
        # torch.compile's GPU code is made by Triton, which runs NVIDIA's ptxas for the card
        pattern=r"Cannot find a working triton installation|`?ptxas`? failed with error code"
                r"|ptxas fatal\s*: Value 'sm_(?P<sm>\d{2,3})a?' is not defined",
        meaning={
            "en": "The program compiles its model with torch.compile (a speed-up), whose GPU code Triton makes with"
                  " NVIDIA's ptxas: Triton is missing (torch for Windows brings none) or too old for the card (an RTX"
                  " 50xx needs the Triton of torch 2.7 or newer). The model itself is fine.",
            "zh": "程序用 torch.compile 编译模型（为了加速），它的显卡代码由 Triton 调用 NVIDIA 的 ptxas 生成：没有 Triton"
                  "（Windows 版 torch 不带），或 Triton 对这张卡来说太旧（RTX 50 系需要 torch 2.7 或更新版本自带的 Triton）。"
                  "模型本身没有问题。",
        },
        settings=("torch.build",),
        fix_commands=(),
        manual={
            "en": "Start the program without compiling: leave out its compile option (fish-speech: no `--compile`;"
                  " ChatTTS: `compile=False`), which runs a little slower and needs no Triton. To keep compiling: on"
                  " Windows install `triton-windows` of the version that fits the torch in the program's Python; on an"
                  " RTX 50xx install torch 2.7 or newer from the cu128 index, which brings a Triton that knows the card.",
            "zh": "不编译启动程序：去掉它的编译选项（fish-speech：不加 `--compile`；ChatTTS：`compile=False`），速度稍慢，但不需要"
                  " Triton。想继续编译的话：Windows 上安装与程序 Python 里 torch 匹配的 `triton-windows`；RTX 50 系安装 cu128 源的"
                  " torch 2.7 或更新版本，它带的 Triton 认识这张卡。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Cannot find a working triton installation. Either the package is not installed or it is too old.",
    ),
    Entry(
        id="triton-cuda-path",
        kind="system",
        keys=("not NoneType",),
        # triton-windows finds the CUDA Toolkit through CUDA_PATH as it is imported: unset, os.path.join(None, ...)
        pattern=r"expected str, bytes or os\.PathLike object, not NoneType",
        frames=r"triton[\\/]backends",
        meaning={
            "en": "Triton (installed for torch.compile, a speed-up) looks for NVIDIA's CUDA Toolkit through the"
                  " CUDA_PATH environment variable when it loads its NVIDIA backend, and stops when it is not set: no CUDA"
                  " Toolkit is installed (a machine without an NVIDIA card never has one). The model and torch are fine.",
            "zh": "Triton（为 torch.compile 加速而安装）加载它的 NVIDIA 后端时就通过环境变量 CUDA_PATH 找 NVIDIA 的 CUDA Toolkit，没有设置就会出错："
                  "机器上没有装 CUDA Toolkit（没有 NVIDIA 显卡的电脑也不会有）。模型和 torch 都没有问题。",
        },
        settings=("env.cuda_path", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Without an NVIDIA card: uninstall Triton from the program's Python (`python -m pip uninstall -y triton"
                  " triton-windows`) and start the program without its compile option (fish-speech: no `--compile`)."
                  " With an NVIDIA card: install the CUDA Toolkit (its installer sets CUDA_PATH) and open a new console.",
            "zh": "没有 NVIDIA 显卡：从程序的 Python 里卸载 Triton（`python -m pip uninstall -y triton triton-windows`），并去掉程序的"
                  "编译选项启动（fish-speech：不加 `--compile`）。有 NVIDIA 显卡：安装 CUDA Toolkit（安装程序会设置 CUDA_PATH），"
                  "然后打开新的命令行窗口。",
        },
        check=CHECK_NONE,
        example="TypeError: expected str, bytes or os.PathLike object, not NoneType",
    ),
    Entry(
        id="qt-platform-plugin",
        kind="system",
        keys=("Qt platform plugin",),
        pattern=r"Could not find the Qt platform plugin \"?(?P<plugin>\w+)|no Qt platform plugin could be initialized"
                r"|Could not load the Qt platform plugin \"?(?P<plugin2>\w+)",
        meaning={
            "en": "The program's window (PyQt) could not start Qt's platform plugin: two Qt copies in one Python (opencv"
                  " brings its own next to PyQt5's), a PyQt install that is broken or of another version than its Qt,"
                  " or QT_PLUGIN_PATH / QT_QPA_PLATFORM_PLUGIN_PATH pointing at another program's Qt. Not torch, not the"
                  " GPU.",
            "zh": "程序的窗口（PyQt）无法启动 Qt 的平台插件：同一个 Python 里有两份 Qt（opencv 自带一份，PyQt5 又有一份）、PyQt"
                  " 安装损坏或与 Qt 版本不配，或者环境变量 QT_PLUGIN_PATH / QT_QPA_PLATFORM_PLUGIN_PATH 指向了别的程序的 Qt。"
                  "与 torch 和显卡无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the program into a fresh virtual environment (a new venv or conda environment with its"
                  " requirements). In the current one: `python -m pip uninstall -y opencv-python` then `python -m pip"
                  " install opencv-python-headless`, and reinstall PyQt5 (`python -m pip install --force-reinstall"
                  " PyQt5`); remove QT_PLUGIN_PATH and QT_QPA_PLATFORM_PLUGIN_PATH if they are set. \"xcb\" on a Linux"
                  " machine without a screen (a server, Docker, WSL without a display): run with the environment"
                  " variable QT_QPA_PLATFORM=offscreen, or use the program's web UI instead of its window.",
            "zh": "把程序装进一个全新的虚拟环境（新的 venv 或 conda 环境，再装它的依赖）。在当前环境里：先 `python -m pip uninstall -y"
                  " opencv-python`，再 `python -m pip install opencv-python-headless`，并重装 PyQt5（`python -m pip install"
                  " --force-reinstall PyQt5`）；如果设置了 QT_PLUGIN_PATH 和 QT_QPA_PLATFORM_PLUGIN_PATH，把它们删掉。在没有屏幕的 Linux"
                  " 机器上（服务器、Docker、没有显示的 WSL）报 \"xcb\"：用环境变量 QT_QPA_PLATFORM=offscreen 运行，或改用程序的网页界面。",
        },
        check=CHECK_NONE,
        example="qt.qpa.plugin: Could not find the Qt platform plugin \"windows\" in \"\"",
    ),
    Entry(
        id="pysimplegui-licence",
        kind="system",
        keys=("PySimpleGUI", "Pysimplegui", "pysimplegui", "PYSIMPLEGUI"),
        # PySimpleGUI 5's own start-up words, or a post that names it beside a licence, a key or a trial
        pattern=r"(?i:pysimplegui)[^\n]{0,120}?(?i:licen[cs]e|trial|subscri(?:be|bed|ption|ptions)?|\bpay\b|付费|收费|试用|许可|授权|注册码)"
                # ("subscri\w*" ran to the end of a long word and gave it back one character at a time: quadratic)
                r"|(?i:licen[cs]e|trial|subscri(?:be|bed|ption|ptions)?|\bpay\b|付费|收费|试用|许可|授权|注册码)[^\n]{0,120}?"
                r"(?i:pysimplegui)",
        meaning={
            "en": "PySimpleGUI, the library of the real-time GUI's window (RVC's gui_v1.py and others), became a paid"
                  " package with version 5: started without a licence key it asks for one or for a trial. The program,"
                  " the model and the GPU are fine.",
            "zh": "PySimpleGUI（实时变声界面窗口用的库，RVC 的 gui_v1.py 等）从 5 版起成了付费软件：没有许可证密钥时启动会要求"
                  "输入密钥或试用。程序、模型和显卡都没有问题。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "RVC's newer code no longer uses PySimpleGUI: {update}. Otherwise install the last free release into the"
                  " program's Python, `python -m pip install \"PySimpleGUI<5\"`; if pip finds none, install its free"
                  " continuation, `python -m pip install FreeSimpleGUI`, and in the GUI's script change `import"
                  " PySimpleGUI as sg` to `import FreeSimpleGUI as sg`.",
            "zh": "RVC 较新的代码已经不再使用 PySimpleGUI：{update}。否则给程序的 Python 安装最后一个免费版本："
                  "`python -m pip install \"PySimpleGUI<5\"`；如果 pip 找不到，就安装它的免费延续版"
                  " `python -m pip install FreeSimpleGUI`，并把界面脚本里的 `import PySimpleGUI as sg` 改成"
                  " `import FreeSimpleGUI as sg`。",
        },
        check=CHECK_NONE,
        example="Pysimplegui trial: it's asking me to pay for a trial when I start go-realtime-gui.bat",
    ),
    Entry(
        id="gradio-connection-errored",
        kind="system",
        keys=("onnection errored out",),
        pattern=r"[Cc]onnection errored out",
        meaning={
            "en": "The web page lost its connection to the program while it worked: a long job (a slow pitch extractor"
                  " such as harvest or crepe, a long file) outlasted the page's wait, the program stopped with an error"
                  " (its console window shows it), or a browser extension, an antivirus or a proxy cut the connection."
                  " A job that outlasted the wait goes on in the background.",
            "zh": "网页在程序工作时与它断开了连接：耗时长的任务（harvest、crepe 这类慢的音高提取，很长的文件）超过了网页的等待时间，"
                  "程序出错停止了（它的命令行窗口里有报错），或者浏览器插件、杀毒软件、代理切断了连接。超时的任务会在后台继续运行。",
        },
        settings=("network.proxy", "program.code"),
        fix_commands=(),
        manual={
            "en": "Look at the program's console window first: an error there is the real one (run gsv-doctor explain on"
                  " it). If there is none, wait: the result is written where the program saves it (its output folder, or"
                  " a TEMP folder); choose a faster pitch extractor (rmvpe) or shorter files next time. Otherwise open the"
                  " page in another browser without extensions at http://127.0.0.1:PORT, and leave it out of the"
                  " antivirus' web protection and the proxy.",
            "zh": "先看程序的命令行窗口：那里的报错才是真正的错误（把它交给 gsv-doctor explain）。如果没有报错，就等一等：结果会"
                  "写到程序保存的位置（它的输出文件夹，或某个 TEMP 文件夹）；下次换用更快的音高提取（rmvpe）或更短的文件。否则换一个"
                  "不带插件的浏览器打开 http://127.0.0.1:端口，并把它排除在杀毒软件的网页防护和代理之外。",
        },
        check=CHECK_NONE,
        example="Something went wrong: Connection errored out.",
    ),
    Entry(
        id="gradio-version-mismatch",
        kind="system",
        keys=("object has no attribute",),
        # gradio's own component and event classes (not Button, Slider, Image and the like, which Tk and
        # PySimpleGUI programs have too)
        pattern=r"'(?P<component>Dropdown|Textbox|Audio|Blocks|CheckboxGroup|Markdown|Gallery|Dataframe|Chatbot|Accordion"
                r"|Tabs|TabItem|UploadButton|ClearButton|EventData|SelectData)' object has no attribute '(?P<name>\w+)'",
        meaning={
            "en": "The installed gradio (the library of the web page) is another version than the program's code was"
                  " written for: its {component} has no `{name}` (gradio 3, 4 and 5 added, renamed and removed these)."
                  " Not the GPU and not the model.",
            "zh": "安装的 gradio（网页界面用的库）与程序代码编写时用的版本不同：它的 {component} 没有 `{name}`（gradio 3、4、5"
                  " 之间增加、改名和删除过这些）。与显卡和模型无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the gradio version the program's requirements.txt names into the program's own Python:"
                  " `python -m pip install gradio==VERSION` (a Windows package: `runtime\\python.exe -m pip install"
                  " gradio==VERSION` from its folder), then start the web UI again; or {update}, so that its code and its"
                  " requirements match.",
            "zh": "在程序自己的 Python 里安装 requirements.txt 写的 gradio 版本：`python -m pip install gradio==版本`（Windows 整合包："
                  "在程序文件夹里运行 `runtime\\python.exe -m pip install gradio==版本`），然后重新启动网页界面；或者{update}，"
                  "让代码和依赖版本一致。",
        },
        check=CHECK_NONE,
        example="AttributeError: 'Dropdown' object has no attribute 'select'",
    ),
    Entry(
        id="gradio-pydantic",
        kind="system",
        keys=("argument of type 'bool' is not iterable", "Cannot parse schema"),
        pattern=r"argument of type 'bool' is not iterable|APIInfoParseError: Cannot parse schema",
        frames=r"gradio_client",  # gradio 4's API description, reading pydantic 2.11's schemas
        meaning={
            "en": "Gradio 4 (the web UI's library) cannot read the schemas that pydantic 2.11 and newer write: the web"
                  " page loads its API description, and gradio_client fails on it. A fresh install picked a pydantic"
                  " newer than the program's gradio can read. Not the GPU and not the program's own code.",
            "zh": "Gradio 4（网页界面用的库）读不了 pydantic 2.11 及更新版本生成的 schema：网页加载 API 描述时 gradio_client 出错。"
                  "新装环境时装上了比程序所用 gradio 能读懂的更新的 pydantic。与显卡和程序本身的代码无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_install_pinned({"en": "pydantic 2.10.6", "zh": "pydantic 2.10.6"}, "pydantic==2.10.6",
                               {"en": ", then start the web UI again.", "zh": "，然后重新启动网页界面。"}),
        check=CHECK_NONE,
        example="TypeError: argument of type 'bool' is not iterable",
    ),
    Entry(
        id="gradio-starlette-too-new",
        kind="system",
        keys=("TemplateResponse() missing",),
        pattern=r"TemplateResponse\(\) missing 1 required positional argument: 'name'",
        meaning={
            "en": "Gradio 4 or older (the web UI's library) renders its page with the old form of Starlette's"
                  " TemplateResponse, which Starlette 1.0 and newer no longer take (FastAPI 0.133 and newer install"
                  " them): the web UI cannot serve its page. The program pins gradio, not FastAPI, so a fresh install"
                  " took the newest. Not the GPU and not the program's own code.",
            "zh": "Gradio 4 或更早的版本（网页界面用的库）用旧的方式调用 Starlette 的 TemplateResponse，而 Starlette 1.0 及更新版本"
                  "不再接受这种方式（FastAPI 0.133 及更新版本会装上它们）：网页界面无法提供页面。程序固定了 gradio 的版本，却没有"
                  "固定 FastAPI，所以新装环境时装上了最新的。与显卡和程序本身的代码无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_install_pinned({"en": "a FastAPI older than 0.115.7", "zh": "0.115.7 以前的 FastAPI"}, '"fastapi<0.115.7"',
                               {"en": ", then start the web UI again.", "zh": "，然后重新启动网页界面。"}),
        check=CHECK_NONE,
        example="TypeError: Jinja2Templates.TemplateResponse() missing 1 required positional argument: 'name'",
    ),
    Entry(
        id="librosa-too-new",
        kind="system",
        keys=("positional argument",),
        # librosa 0.10 made the arguments after the first keyword-only; older code passes them by position
        # (not after a dot: Python 3.10 names a method with its class, "Model.load()", and librosa's are functions)
        pattern=r"(?<![\w.])(?P<function>mel|pad_center|resample|pyin|yin|piptrack|time_stretch|pitch_shift|griffinlim|load)\(\)"
                r" takes (?:0|1) positional arguments? but \d{1,2} (?:were|was) given",
        meaning={
            "en": "The installed librosa is 0.10 or newer, where `{function}()` takes its arguments by name only; the"
                  " program's code (written for librosa 0.8 or 0.9) passes them by position. Not the GPU and not the"
                  " data.",
            "zh": "安装的 librosa 是 0.10 或更新的版本，`{function}()` 只接受按名字传入的参数；程序代码（为 librosa 0.8 或 0.9 写的）"
                  "按位置传参。与显卡和数据无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the librosa 0.9.x the program's requirements.txt names into its own Python (RVC WebUI: `python"
                  " -m pip install librosa==0.9.1`; a Windows package: with runtime\\python.exe); or {update}.",
            "zh": "把程序 requirements.txt 里写的 librosa 0.9.x 版本装进它自己的 Python（RVC WebUI：`python -m pip install"
                  " librosa==0.9.1`；整合包用 runtime\\python.exe）；或者{update}。",
        },
        check=CHECK_NONE,
        example="TypeError: mel() takes 0 positional arguments but 5 were given",
    ),
    Entry(
        id="torch-too-old-safe-globals",
        kind="system",
        keys=("add_safe_globals",),
        # torch 2.4 brought torch.serialization.add_safe_globals, which code written for torch 2.6's loading calls
        pattern=r"cannot import name 'add_safe_globals'|has no attribute 'add_safe_globals'",
        meaning={
            "en": "The code calls torch.serialization.add_safe_globals, which torch has only since 2.4: the torch in the"
                  " program's Python is older than the code (a patch or a newer version of the program written for"
                  " torch 2.6's model loading, run on an older torch).",
            "zh": "代码调用了 torch.serialization.add_safe_globals，torch 从 2.4 才有它：程序 Python 里的 torch 比代码旧"
                  "（为 torch 2.6 的模型加载方式写的补丁或新版程序，运行在更旧的 torch 上）。",
        },
        settings=("torch.version",),
        fix_commands=(),
        manual={
            "en": "Either install torch 2.4 or newer (the CUDA build for your card, e.g. `python -m pip install torch"
                  " torchaudio --index-url https://download.pytorch.org/whl/cu128`, with the program's Python), or undo"
                  " the patch and keep the older torch with the program version made for it.",
            "zh": "要么安装 torch 2.4 或更新版本（与显卡匹配的 CUDA 版，例如用程序的 Python 运行 `python -m pip install torch"
                  " torchaudio --index-url https://download.pytorch.org/whl/cu128`），要么撤销补丁，让旧 torch 配合为它写的程序版本。",
        },
        check=CHECK_NONE,
        example="ImportError: cannot import name 'add_safe_globals' from 'torch.serialization'",
    ),
    Entry(
        id="torch-too-new-stft",
        kind="system",
        keys=("return_complex",),
        pattern=r"stft requires the return_complex parameter be given for real inputs",
        meaning={
            "en": "torch 2.0 and newer require `return_complex` in torch.stft, which code written for torch 1.x leaves"
                  " out: the program's version is older than the torch installed in its Python.",
            "zh": "torch 2.0 及更新版本要求 torch.stft 传入 `return_complex`，为 torch 1.x 写的代码没有传：程序的版本比它 Python 里"
                  "装的 torch 旧。",
        },
        settings=("torch.version",),
        fix_commands=(),
        manual={
            "en": "{update} (newer versions pass return_complex), or install the torch 1.x its requirements name into"
                  " its Python (often 1.13.1), from pytorch.org's command for that version with your CUDA (for example `python -m pip"
                  " install torch==1.13.1 torchaudio==0.13.1 --index-url https://download.pytorch.org/whl/cu117`).",
            "zh": "{update}（新版本会传 return_complex），或者按 pytorch.org 上该版本对应你 CUDA 的命令，把 requirements 写的"
                  " torch 1.x（常见的是 1.13.1）装进程序的 Python（例如 `python -m pip install torch==1.13.1 torchaudio==0.13.1"
                  " --index-url https://download.pytorch.org/whl/cu117`）。",
        },
        check=CHECK_NONE,
        example="RuntimeError: stft requires the return_complex parameter be given for real inputs, and will further"
                " require that return_complex=True in a future PyTorch release.",
    ),
    Entry(
        id="sndfile-library-missing",
        kind="system",
        keys=("sndfile library not found", "libsndfile"),
        pattern=r"sndfile library not found|cannot load library '[^'\n]{0,200}libsndfile[^'\n]{0,40}'",
        meaning={
            "en": "soundfile, the package that reads and writes the audio files, could not load the libsndfile library:"
                  " on Linux a system library that is not installed; on Windows and macOS the soundfile package brings"
                  " its own copy, so that install is broken.",
            "zh": "读写音频文件的 soundfile 包加载不了 libsndfile 库：Linux 上它是没有安装的系统库；Windows 和 macOS 上 soundfile"
                  " 包自带一份，说明这个包没装好。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Linux: `sudo apt-get install libsndfile1` (Debian, Ubuntu; elsewhere the system's libsndfile package),"
                  " then start the program again. Windows and macOS: reinstall soundfile into the program's Python:"
                  " `python -m pip install --force-reinstall soundfile` (a Windows package: with runtime\\python.exe).",
            "zh": "Linux：`sudo apt-get install libsndfile1`（Debian、Ubuntu；其他系统装对应的 libsndfile 包），然后重新启动程序。"
                  "Windows 和 macOS：给程序所用的 Python 重装 soundfile：`python -m pip install --force-reinstall soundfile`"
                  "（整合包用 runtime\\python.exe）。",
        },
        check=CHECK_NONE,
        example="OSError: sndfile library not found",
    ),
    Entry(
        id="numpy-abi-mismatch",
        kind="system",
        keys=("compiled using NumPy 1.x", "_ARRAY_API not found", "multiarray failed to import", "umath failed to import",
              "size changed, may indicate binary incompatibility", "initialization of _internal failed",
              "Numba needs NumPy", "but this version of numpy is", "Numpy is not available"),
        # numpy's own wording of each side of the mismatch (the NumPy 2 notice wraps before its version)
        # (a log cut short, or a console that wrapped it, may end before the version)
        pattern=r"compiled using NumPy 1\.x cannot be run in(?:\s{1,8}NumPy (?P<numpy>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?))?"
                r"|_ARRAY_API not found|numpy\._?core\.(?:_multiarray_umath|multiarray|umath) failed to import"
                # (not numpy 1.20's larger ndarray under an older numpy: numpy-too-old)
                r"|numpy\.(?:dtype|ndarray) size changed, may indicate binary incompatibility"
                r"(?!\. Expected 88 from C header, got 80 from PyObject)"
                r"|initialization of _internal failed without raising an exception"
                r"|Numba needs NumPy (?P<need>\d{1,2}\.\d{1,3}) or less"
                r"|module compiled against ABI version 0x[0-9a-fA-F]{1,8} but this version of numpy is 0x[0-9a-fA-F]{1,8}"
                r"|RuntimeError: Numpy is not available",
        lines=2,
        meaning={
            "en": "A compiled package and the installed numpy do not fit together: numpy 2 was installed (often pulled in"
                  " by a later pip install) under packages built for numpy 1.x, or numba is older than the numpy it"
                  " finds (numba 0.56, which RVC and older GPT-SoVITS pin, needs numpy 1.23 or older). The program's"
                  " packages are at fault, not the GPU, the settings or the model.",
            "zh": "某个编译好的包与已安装的 numpy 不匹配：在为 numpy 1.x 编译的包下面装上了 numpy 2（常是后来某次 pip install"
                  " 顺带升级的），或者 numba 比它找到的 numpy 旧（RVC 和旧版 GPT-SoVITS 固定的 numba 0.56 需要 numpy 1.23 或更旧）。"
                  "问题出在程序的包，不是显卡、设置或模型。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the numpy the program's requirements name into the program's Python (a Windows package:"
                  " runtime\\python.exe in its folder): usually `python -m pip install \"numpy<2\"`; where numba 0.56 is"
                  " installed (RVC, older GPT-SoVITS) `python -m pip install numpy==1.23.5`. Or {packages}. Afterwards"
                  " do not upgrade single packages with a bare `pip install -U`, which pulls numpy 2 back in.",
            "zh": "把程序 requirements 指定的 numpy 装进程序所用的 Python（整合包：程序文件夹里的 runtime\\python.exe）："
                  "通常是 `python -m pip install \"numpy<2\"`；装的是 numba 0.56 的（RVC、旧版 GPT-SoVITS）用"
                  " `python -m pip install numpy==1.23.5`。或者{packages}。之后不要再用 `pip install -U` 单独升级某个包，"
                  "它会把 numpy 2 又装回来。",
        },
        check=CHECK_NONE,
        example="A module that was compiled using NumPy 1.x cannot be run in NumPy 2.1.3 as it may crash.",
    ),
    Entry(
        id="numpy-too-old",
        kind="system",
        keys=("but this version of numpy is", "Expected 88 from C header", "but the running NumPy has C-API version",
              "or greater. Got NumPy"),
        # numpy refuses a module built against a newer C API than its own (an older one loads); numpy 1.20 made the
        # ndarray larger (88 bytes, 80 before)
        pattern=r"module compiled against API version 0x(?P<built>[0-9a-fA-F]{1,8}) but this version of numpy is"
                r" 0x(?P<have>[0-9a-fA-F]{1,8})"
                # (the same check compiled from numpy 2's headers words it so)
                r"|module was compiled against NumPy C-API version 0x(?P<built2>[0-9a-fA-F]{1,8}) \(NumPy [\d.]{1,10}\) but the"
                r" running NumPy has C-API version 0x(?P<have2>[0-9a-fA-F]{1,8})"
                r"|numpy\.ndarray size changed, may indicate binary incompatibility\. Expected 88 from C header, got 80 from"
                r" PyObject"
                r"|Numba needs NumPy (?P<need>\d{1,2}\.\d{1,3}) or greater",
        meaning={
            "en": "A compiled package was built for a newer numpy than the one installed, and numpy refuses it: the"
                  " installed numpy is too old for it (not too new). A requirements file pinned an older numpy after"
                  " the package, or the package was upgraded alone. Not the GPU and not the model.",
            "zh": "某个编译好的包是针对比已安装版本更新的 numpy 编译的，numpy 拒绝加载它：装的 numpy 对它来说太旧（不是太新）。"
                  "通常是 requirements 在装了这个包之后又固定了较旧的 numpy，或者这个包被单独升级了。与显卡和模型无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install a numpy at least as new as the package was built for, in the program's Python: `python -m pip"
                  " install -U \"numpy<2\"` (C API 0xe is numpy 1.20 and 1.21, 0xf 1.22, 0x10 1.23 and 1.24, 0x11 1.25 and"
                  " 1.26; 0x12 and newer only numpy 2 has: `python -m pip install -U \"numpy>=2\"` if the program's other"
                  " packages allow it). Where the program pins an older numpy on purpose (RVC and older GPT-SoVITS pin 1.23.5"
                  " for numba 0.56), install instead the older release of the failing package (the one the traceback"
                  " imports last), built for that numpy.",
            "zh": "在程序的 Python 里装一个不比该包编译时所用版本旧的 numpy：`python -m pip install -U \"numpy<2\"`（C API 0xe 是"
                  " numpy 1.20 和 1.21，0xf 是 1.22，0x10 是 1.23 和 1.24，0x11 是 1.25 和 1.26；0x12 及更新的只有 numpy 2 有："
                  "程序的其他包允许的话用 `python -m pip install -U \"numpy>=2\"`）。如果程序特意固定了较旧的"
                  " numpy（RVC 和旧版 GPT-SoVITS 为 numba 0.56 固定 1.23.5），就改装出错的那个包（traceback 最后导入的那个）的旧版本，"
                  "也就是为这个 numpy 编译的版本。",
        },
        check=CHECK_NONE,
        example="RuntimeError: module compiled against API version 0x10 but this version of numpy is 0xf",
    ),
    Entry(
        id="pip-build-failed",
        kind="system",
        keys=("Failed building wheel for", "Could not build wheels for", "Failed to build", "did not run successfully",
              "Microsoft Visual C++ 14.0 or greater is required", "'install'", "... error"),
        # pip's lines for a package it had to compile (the package where the line names one)
        pattern=r"Failed building wheel for (?P<package>[\w.\-]{1,100})"
                r"|Could not build wheels for (?P<package2>[\w.\-]{1,100})"
                r"|Failed to build installable wheels for some pyproject\.toml based projects \((?P<package3>[\w.\-]{1,100})"
                r"|^\W{0,8}(?:ERROR: )?Failed to build '?(?P<package4>[A-Za-z0-9][\w.\-]{0,99})'?"
                r"(?: when getting requirements to build wheel)?\s*$"
                r"|(?:Building wheel for|Running setup\.py install for) (?P<package5>[\w.\-]{1,100})[^\n]{0,40}?did not run"
                r" successfully|Getting requirements to build wheel did not run successfully"
                r"|^\s{0,8}Building wheel for (?P<package7>[\w.\-]{1,100}) \((?:setup\.py|pyproject\.toml|PEP 517)\) \.\.\. error\s*$"
                r"|^\s{0,8}(?:Installing build dependencies|Getting requirements to build wheel|Preparing metadata"
                r" \((?:pyproject\.toml|setup\.py)\)) \.\.\. error\s*$"
                r"|Microsoft Visual C\+\+ 14\.0 or greater is required"
                # a notebook's or installer's pip command that failed (its output hidden), for a package of its own
                # (an option that takes a value, -r requirements.txt, --target DIR, names no package)
                r"|Command '\['(?:pip3?|python3?', '-m', 'pip)', 'install', (?:'-(?![rceitf]'|-(?:requirement|constraint"
                r"|editable|index-url|extra-index-url|target|prefix|root|find-links|src|cache-dir|trusted-host|proxy"
                r"|platform|python-version|abi|implementation|progress-bar|log|timeout|retries)')[\w-]{1,30}', ){0,4}"
                r"'(?P<package6>[A-Za-z][\w.\-]{0,99})'"
                r"(?:, '[^'\n]{0,100}'){0,8}\]' returned non-zero exit status",
        meaning={
            "en": "pip found no ready-made wheel of a package for this Python and tried to compile it from source, and the"
                  " compile failed. pip compiles when the Python is newer than the ones the package publishes wheels for"
                  " (the versions voice programs pin have wheels for Python 3.9 and 3.10, rarely for 3.12 or 3.13), and"
                  " the compile fails for want of a build tool (on Windows the Microsoft C++ Build Tools) or with one too"
                  " new (CMake 4). Not the GPU and not the program.",
            "zh": "pip 找不到适合这个 Python 的现成安装包（wheel），于是尝试从源码编译，编译失败了。Python 比该包提供安装包的版本新时"
                  " pip 就会去编译（语音程序固定的版本一般只有 Python 3.9 和 3.10 的安装包，很少有 3.12 或 3.13 的），而缺少构建工具"
                  "（Windows 上的 Microsoft C++ Build Tools）或构建工具太新（CMake 4）时编译就会失败。与显卡和程序本身无关。",
        },
        settings=("python.version", "build.tools", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Install with the Python version the program names (3.9 or 3.10 for most; a Windows package brings its"
                  " own, runtime\\python.exe: install into that one with `runtime\\python.exe -m pip install ...` from"
                  " the program's folder), so that pip finds wheels and compiles nothing. If a package must be compiled"
                  " on Windows, install the Microsoft C++ Build Tools (https://visualstudio.microsoft.com/visual-cpp-build-tools/,"
                  " with the workload \"Desktop development with C++\"), open a new console and run the install again."
                  " The lines above the failure say what the compile missed (a compiler, CMake, a header file); when they"
                  " say `Compatibility with CMake < 3.5 has been removed`, set CMAKE_POLICY_VERSION_MINIMUM=3.5 in the"
                  " console before the install.",
            "zh": "用程序要求的 Python 版本安装（多数是 3.9 或 3.10；整合包自带 Python，即 runtime\\python.exe：在程序文件夹里用"
                  " `runtime\\python.exe -m pip install ...` 装进它），这样 pip 能找到现成安装包，无需编译。必须在 Windows 上编译时，"
                  "安装 Microsoft C++ Build Tools（https://visualstudio.microsoft.com/visual-cpp-build-tools/，勾选工作负载"
                  " \"Desktop development with C++\"），打开新的命令行窗口再安装一次。失败之前的几行会说明编译缺了什么"
                  "（编译器、CMake、头文件）；如果写的是 `Compatibility with CMake < 3.5 has been removed`，安装前在命令行窗口设置"
                  " CMAKE_POLICY_VERSION_MINIMUM=3.5。",
        },
        check=CHECK_NONE,
        example="ERROR: Failed building wheel for pyopenjtalk",
        # old pip then installs it the legacy way (setup.py install), which often works
        harmless=(("Successfully installed", r"^Successfully installed (?:[^\n]* )?{package}-\d"),),
        harmless_within=5000,
    ),
    Entry(
        id="cmake-too-new",
        kind="system",
        keys=("Compatibility with CMake < 3.5 has been removed",),
        pattern=r"Compatibility with CMake < 3\.5 has been removed from CMake",
        meaning={
            "en": "CMake 4.0 (March 2025) refuses build files that ask for a CMake older than 3.5, as older releases of"
                  " pyopenjtalk (the Japanese text front end) and a few other packages do; pip fetches the newest"
                  " cmake for the build, so the package cannot be compiled. The Python and the program are fine.",
            "zh": "CMake 4.0（2025 年 3 月）拒绝要求 CMake 3.5 以前版本的构建文件，旧版 pyopenjtalk（日语文本前端）和少数其他包就是这样；"
                  "pip 编译时会下载最新的 cmake，所以这个包编译不了。Python 和程序本身没有问题。",
        },
        settings=("build.tools", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Install a release of the package that has been fixed (pyopenjtalk 0.4.1 or newer: `python -m pip install"
                  " \"pyopenjtalk>=0.4.1\"`), or let CMake 4 accept the old build file: set the environment variable"
                  " CMAKE_POLICY_VERSION_MINIMUM=3.5 in the console before the pip install (Windows: `set"
                  " CMAKE_POLICY_VERSION_MINIMUM=3.5`; Linux and macOS: `export CMAKE_POLICY_VERSION_MINIMUM=3.5`);"
                  " or build with an older CMake: `python -m pip install \"cmake<4\"`, then the install again with"
                  " `--no-build-isolation`.",
            "zh": "安装已修复的版本（pyopenjtalk 0.4.1 或更新：`python -m pip install \"pyopenjtalk>=0.4.1\"`），或者让 CMake 4"
                  " 接受旧的构建文件：安装前在同一个命令行窗口设置环境变量 CMAKE_POLICY_VERSION_MINIMUM=3.5（Windows：`set"
                  " CMAKE_POLICY_VERSION_MINIMUM=3.5`；Linux 和 macOS：`export CMAKE_POLICY_VERSION_MINIMUM=3.5`）；或者用旧版"
                  " CMake 编译：`python -m pip install \"cmake<4\"`，再加 `--no-build-isolation` 重新安装。",
        },
        check=CHECK_NONE,
        example="Compatibility with CMake < 3.5 has been removed from CMake.",
    ),
    Entry(
        id="nltk-resource-missing",
        kind="system",
        keys=("Resource", "nltk_data"),
        # NLTK's LookupError names the resource (a lower-case id) after "Resource", coloured or bold in Markdown, on
        # its line or the next; a folder of nltk_data that is there but incomplete ends in FileNotFoundError for one
        # of its files
        pattern=r"Resource\s{1,8}(?:\x1b?\[\d{1,3}m|[*`]{1,3})?(?:u?')?(?:(?:corpora|taggers|tokenizers|grammars|chunkers"
                r"|stemmers|sentiment|models|misc|help)/)?(?P<resource>[a-z][a-z0-9_]{0,79})(?:/[\w.]{1,40}){0,3}/?'?"
                r"(?:\x1b?\[0?m|[*`]{1,3})?\s{1,8}not found"
                r"|(?:FileNotFoundError|No such file or directory|Errno 2)[^\n]{0,400}?nltk_data[\\/]{1,2}(?:corpora|taggers"
                r"|tokenizers|grammars|chunkers|stemmers|sentiment|models|misc)[\\/]{1,2}(?P<resource2>[a-z][a-z0-9_]{0,79})",
        lines=3,
        meaning={
            "en": "NLTK, which the English text front end (g2p_en) uses to tag words, cannot find its data"
                  " \"{resource}\": it is downloaded once into an nltk_data folder, and that download never happened, failed"
                  " (it comes from raw.githubusercontent.com, blocked in some places) or stopped halfway. Not the model"
                  " and not the GPU.",
            "zh": "英文文本前端（g2p_en）用来标注词性的 NLTK 找不到它的数据 \"{resource}\"：这份数据需要下载一次到 nltk_data"
                  " 文件夹，而下载没有进行、失败了（它来自 raw.githubusercontent.com，有些地区无法访问）或只下载了一半。"
                  "与模型和显卡无关。",
        },
        settings=("nltk.data",),
        fix_commands=(),
        manual={
            "en": "Download it with the program's Python (a Windows package: runtime\\python.exe in the program's folder):"
                  " `python -c \"import nltk; nltk.download('{resource}')\"`; it goes into an nltk_data folder the program"
                  " searches. If a folder of that name is already there but incomplete, delete it first. If the download"
                  " cannot reach the server, copy a complete nltk_data folder that holds it (from another machine or a full"
                  " package) next to the program's Python (runtime\\nltk_data in a Windows package) or into your user"
                  " folder.",
            "zh": "用程序所用的 Python（整合包：程序文件夹里的 runtime\\python.exe）下载它："
                  "`python -c \"import nltk; nltk.download('{resource}')\"`；它会下载到程序会查找的 nltk_data 文件夹。"
                  "如果同名文件夹已经存在但不完整，先删掉它。下载连不上服务器时，把含有它的完整 nltk_data 文件夹（从另一台机器或完整的整合包）"
                  "复制到程序所用 Python 的旁边（整合包里是 runtime\\nltk_data）或你的用户文件夹。",
        },
        check=CHECK_NONE,
        example="Resource averaged_perceptron_tagger_eng not found.",
    ),
    Entry(
        id="portaudio-library-missing",
        kind="system",
        keys=("PortAudio library not found",),
        pattern=r"PortAudio library not found",
        meaning={
            "en": "sounddevice, the package the real-time voice changers use for the microphone and the speakers, could"
                  " not load the PortAudio library: on Linux it is a system library that is not installed; on Windows"
                  " and macOS the sounddevice package brings its own copy, so that install is broken.",
            "zh": "实时变声程序用来访问麦克风和扬声器的 sounddevice 包加载不了 PortAudio 库：Linux 上它是没有安装的系统库；"
                  "Windows 和 macOS 上 sounddevice 包自带一份，说明这个包没装好。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Linux: `sudo apt-get install libportaudio2` (Debian, Ubuntu; elsewhere the system's portaudio package),"
                  " then start the program again. Windows and macOS: reinstall sounddevice into the program's Python:"
                  " `python -m pip install --force-reinstall sounddevice` (a Windows package: with runtime\\python.exe).",
            "zh": "Linux：`sudo apt-get install libportaudio2`（Debian、Ubuntu；其他系统装对应的 portaudio 包），然后重新启动程序。"
                  "Windows 和 macOS：给程序所用的 Python 重装 sounddevice：`python -m pip install --force-reinstall sounddevice`"
                  "（整合包用 runtime\\python.exe）。",
        },
        check=CHECK_NONE,
        example="OSError: PortAudio library not found",
    ),
    Entry(
        id="audio-device-error",
        kind="system",
        keys=("[PaErrorCode", "Error querying device", "[Errno -99"),
        # sounddevice's PortAudioError, and PyAudio's OSError with PortAudio's error number
        pattern=r"Error (?:opening|starting) \w{0,12}Stream: (?P<reason>[A-Za-z][^\[\n]{0,80}?) \[PaErrorCode -?\d{1,5}\]"
                r"|PortAudioError: Error (?P<reason2>querying device -?\d{1,3})"
                r"|\[Errno -99\d\d\] (?P<reason3>Invalid sample rate|Invalid number of channels|Invalid device"
                r"|Invalid input device|Invalid output device|Device unavailable|Unanticipated host error)",
        meaning={
            "en": "PortAudio could not open the chosen microphone and speaker ({reason}). The real-time GUIs (RVC's"
                  " gui_v1.py, the voice changer, so-vits-svc-fork's svcg) open both as one stream: the input and the"
                  " output device must use the same host API (MME, DirectSound, WASAPI, ASIO, WDM-KS) and both must"
                  " take the sample rate and channels asked for. A pair of different host APIs, a WASAPI device that"
                  " another program holds exclusively, or a device unplugged since the list was read fails this way.",
            "zh": "PortAudio 打不开所选的麦克风和扬声器（{reason}）。实时变声界面（RVC 的 gui_v1.py、变声器、so-vits-svc-fork 的"
                  " svcg）把两者作为一个音频流打开：输入和输出设备必须使用同一种驱动接口（MME、DirectSound、WASAPI、ASIO、WDM-KS），"
                  "并且都支持所要求的采样率和声道数。两个设备接口不同、WASAPI 设备被其他程序独占，或者设备在读取列表后被拔掉，都会这样出错。",
        },
        settings=("audio.device",),
        fix_commands=(),
        manual={
            "en": "In the real-time GUI pick an input and an output device of the same host API (both MME, both WASAPI"
                  " or both ASIO; the device list or its host API selector shows it), and try another pair if one fails."
                  " In the Windows sound control panel give both devices the same sample rate (the device's Properties >"
                  " Advanced > Default Format, e.g. 48000 Hz) and untick \"Allow applications to take exclusive control"
                  " of this device\" when another program holds it; after plugging a device in or out, restart the GUI so"
                  " that it reads the list again. On Linux choose the default (ALSA or PulseAudio) devices.",
            "zh": "在实时变声界面里选择同一种驱动接口的输入和输出设备（都用 MME、都用 WASAPI 或都用 ASIO；设备列表或接口选项里能看到），"
                  "一组不行就换另一组。在 Windows 声音控制面板中把两个设备设成相同的采样率（设备的属性 > 高级 > 默认格式，例如"
                  " 48000 Hz），有其他程序占用时取消勾选\"允许应用程序独占控制该设备\"；插拔设备后重启界面，让它重新读取设备列表。"
                  "Linux 上选择默认设备（ALSA 或 PulseAudio）。",
        },
        check=CHECK_NONE,
        example="sounddevice.PortAudioError: Error opening Stream: Invalid sample rate [PaErrorCode -9997]",
    ),
    Entry(
        id="local-server-not-running",
        kind="system",
        keys=("HTTPConnectionPool(host='127.0.0.1'", "HTTPConnectionPool(host='localhost'", "Cannot connect to host",
              "Connect call failed"),
        # a client calling a server on this computer that nothing listens on (not a proxy's answer: localhost-proxy)
        pattern=r"HTTPConnectionPool\(host='(?P<host>127\.0\.0\.1|localhost)', port=(?P<port>\d{2,5})\): Max retries"
                # (a server that answered, with errors: "too many 500 error responses", is running)
                r" exceeded(?![^\n]{0,3000}?(?:ProxyError|Read timed out|ResponseError))"
                r"|Cannot connect to host (?P<host2>127\.0\.0\.1|localhost):(?P<port2>\d{2,5})"
                r"|Connect call failed \('(?P<host3>127\.0\.0\.1|localhost)', (?P<port3>\d{2,5})\)",
        meaning={
            "en": "A program called a server on this computer ({host}, port {port}) and nothing answered there: the"
                  " server was not started, stopped with an error in its own window, or listens on another port. The"
                  " client that printed this is fine.",
            "zh": "某个程序请求本机上的服务（{host}，端口 {port}），但那里没有任何服务在响应：服务没有启动、在它自己的窗口里报错"
                  "退出了，或者监听的是别的端口。打印这条信息的客户端本身没有问题。",
        },
        settings=("network.port",),
        fix_commands=(),
        manual={
            "en": "Start the server first and keep its window open: GPT-SoVITS's API from its folder with"
                  " `runtime\\python.exe api_v2.py -a 127.0.0.1 -p 9880` (Windows package) or `python api_v2.py -a"
                  " 127.0.0.1 -p 9880`, and wait until it prints `Uvicorn running on http://127.0.0.1:9880`. If it stops,"
                  " its own window says why (`gsv-doctor explain` reads that log too). Then give the client the same"
                  " address and port: the web UI's ports (9872, 9874) are no API.",
            "zh": "先启动服务并保持它的窗口开着：GPT-SoVITS 的 API 在它的文件夹里运行 `runtime\\python.exe api_v2.py -a 127.0.0.1"
                  " -p 9880`（Windows 整合包）或 `python api_v2.py -a 127.0.0.1 -p 9880`，等它打印出 `Uvicorn running on"
                  " http://127.0.0.1:9880`。如果它退出了，它自己的窗口里会写原因（`gsv-doctor explain` 也能读那份日志）。然后让"
                  "客户端用同样的地址和端口：网页界面的端口（9872、9874）不是 API。",
        },
        manual_any={
            "en": "Start the server the client calls first and keep its window open; wait until it says it is running,"
                  " and on which address and port. If it stops, its own window says why (`gsv-doctor explain` reads that"
                  " log too). Then give the client the same address and port.",
            "zh": "先启动客户端要调用的服务并保持它的窗口开着，等它显示已经运行以及所用的地址和端口。如果它退出了，它自己的窗口里会写"
                  "原因（`gsv-doctor explain` 也能读那份日志）。然后让客户端用同样的地址和端口。",
        },
        check=CHECK_NONE,
        example="HTTPConnectionPool(host='127.0.0.1', port=8080): Max retries exceeded with url: /tts (Caused by"
                " NewConnectionError('<urllib3.connection.HTTPConnection object at 0x0000020F>: Failed to establish a new"
                " connection: [WinError 10061] 由于目标计算机积极拒绝，无法连接。'))",
    ),
    Entry(
        id="gsv-api-endpoint-missing",
        kind="system",
        keys=("set_gpt_weights", "set_sovits_weights", "set_refer_audio"),
        # a client of GPT-SoVITS's second API (api_v2.py, on main since 2024-08-20) answered by a server without it
        pattern=r"(?:404|Not Found)[^\n]{0,200}?/(?P<endpoint>set_gpt_weights|set_sovits_weights|set_refer_audio)\b"
                r"|/(?P<endpoint2>set_gpt_weights|set_sovits_weights|set_refer_audio)\b[^\n]{0,200}?(?:\b404\b|Not Found)",
        meaning={
            "en": "The client asked GPT-SoVITS's server for /{endpoint}, an address of its second API (2024-08 and"
                  " later), and the server on that port does not have it: it runs the first API, whose addresses are"
                  " /set_model and /change_refer, or a GPT-SoVITS from before that API. The model and the client are"
                  " fine.",
            "zh": "客户端向 GPT-SoVITS 的服务请求 /{endpoint}，这是它第二版 API（2024 年 8 月起）的地址，而那个端口上的服务没有它："
                  "运行的是第一版 API（地址是 /set_model 和 /change_refer），或者是那版 API 之前的 GPT-SoVITS。模型和客户端都没有问题。",
        },
        settings=("program.code",),
        fix_commands=(),
        manual={
            "en": "Start api_v2.py instead of api.py (`runtime\\python.exe api_v2.py -a 127.0.0.1 -p 9880` in the Windows"
                  " package, `python api_v2.py ...` otherwise); a GPT-SoVITS from before 2024-08-20 has none: update it"
                  " (or a newer Windows package). Or set the client to the first API, if it offers that.",
            "zh": "用 api_v2.py 代替 api.py 启动（Windows 整合包：`runtime\\python.exe api_v2.py -a 127.0.0.1 -p 9880`，其他："
                  "`python api_v2.py ...`）；2024-08-20 以前的 GPT-SoVITS 没有它：请更新（或换新的整合包）。或者把客户端设成第一版 API"
                  "（如果它提供这个选项）。",
        },
        manual_any={
            "en": "Update GPT-SoVITS to a version from 2024-08-20 or later and start its second API rather than the"
                  " first; or set the client to the first API, if it offers that.",
            "zh": "把 GPT-SoVITS 更新到 2024-08-20 或更新的版本，并启动它的第二版 API 而不是第一版；或者把客户端设成第一版 API"
                  "（如果它提供这个选项）。",
        },
        check=CHECK_NONE,
        example="404 Client Error: Not Found for url: http://127.0.0.1:9880/set_refer_audio?refer_audio_path=a.wav",
    ),
    Entry(
        id="localhost-proxy",
        kind="system",
        keys=("When localhost is not accessible", "ensure localhost is accessible", "Bad Gateway", "ProxyError"),
        # gradio's own check that its page answers on this machine, and HTTP calls to 127.0.0.1 answered by a proxy
        # (not "Could not create share link", which is the share tunnel to gradio's servers)
        pattern=r"When localhost is not accessible, a shareable link must be created"
                r"|failed \(code \d{3}\)\. Check your network or proxy settings to ensure localhost is accessible"
                r"|502 Bad Gateway'? for url:? '?https?://(?:127\.0\.0\.1|localhost|0\.0\.0\.0)[:/']"
                r"|502 Server Error: Bad Gateway for url: https?://(?:127\.0\.0\.1|localhost|0\.0\.0\.0)[:/]"
                r"|^(?=[^\n]{0,3000}?host='(?:127\.0\.0\.1|localhost)')[^\n]{0,3000}?ProxyError",
        meaning={
            "en": "A proxy or VPN set for the whole system (or the HTTP_PROXY / HTTPS_PROXY / ALL_PROXY variables) also"
                  " takes the program's connections to its own address, 127.0.0.1 or localhost: gradio's check that its"
                  " page is up, or a web UI calling its own API, goes to the proxy, which refuses or answers 502. The"
                  " program itself started fine; the GPU and the models are not involved.",
            "zh": "系统全局代理或 VPN（或环境变量 HTTP_PROXY / HTTPS_PROXY / ALL_PROXY）把程序连接自己地址（127.0.0.1 或 localhost）"
                  "的请求也接管了：gradio 检查自己的页面是否可用、网页界面调用自己的 API 时都被发给代理，代理拒绝或返回 502。"
                  "程序本身已经正常启动，与显卡和模型无关。",
        },
        settings=("network.proxy",),
        fix_commands=(),
        manual={
            "en": "Let local addresses bypass the proxy: set no_proxy before the program starts (Windows: put the line"
                  " `set no_proxy=localhost,127.0.0.1` before the start line of the .bat file, or type it in the same"
                  " console first; Linux and macOS: `export no_proxy=localhost,127.0.0.1`), or add localhost and 127.0.0.1"
                  " to the proxy program's bypass list, or turn the proxy or VPN off while the program starts. If no"
                  " proxy is set and the log also shows `argument of type 'bool' is not iterable`, gradio's check failed"
                  " on its own: `python -m pip install pydantic==2.10.6` in the program's Python.",
            "zh": "让本机地址绕过代理：启动程序前设置 no_proxy（Windows：在 .bat 文件的启动行前加一行"
                  " `set no_proxy=localhost,127.0.0.1`，或先在同一个命令行窗口里输入它；Linux 和 macOS：`export"
                  " no_proxy=localhost,127.0.0.1`），或者把 localhost 和 127.0.0.1 加入代理软件的绕过列表，或者启动程序时关闭代理或 VPN。"
                  "如果没有设置代理，而日志里还有 `argument of type 'bool' is not iterable`，说明是 gradio 自己的检查出错："
                  "在程序所用的 Python 中运行 `python -m pip install pydantic==2.10.6`。",
        },
        check=CHECK_NONE,
        example="ValueError: When localhost is not accessible, a shareable link must be created. Please set share=True or"
                " check your proxy settings to allow access to localhost.",
    ),
    Entry(
        id="reply-not-json",
        kind="system",
        generic=True,  # after the entries that name what sent the page
        keys=("Expecting value: line 1 column 1 (char 0)",),
        # json's words for a text that does not begin with JSON at all: an empty reply, an HTML page
        pattern=r"Expecting value: line 1 column 1 \(char 0\)",
        meaning={
            "en": "What should have been JSON was empty or a web page. Most often a reply from the program's own"
                  " server (the web UI's backend, its API) that did not come from it: a proxy or VPN set for the whole"
                  " system took the request to 127.0.0.1 and answered itself. Else the server failed on this request"
                  " and sent an error page instead (its console shows why), or a JSON file the program reads is empty"
                  " (a config or list saved halfway). Not the GPU and not the model.",
            "zh": "本该是 JSON 的内容是空的，或者是一个网页。最常见的是程序自己的服务器（网页界面的后端、它的 API）的回复并不是它发的："
                  "系统全局代理或 VPN 接管了发往 127.0.0.1 的请求并自己作答。其次是服务器处理这个请求时出错，发回了错误页面"
                  "（它的控制台会显示原因），或者程序读取的某个 JSON 文件是空的（配置或列表只保存了一半）。与显卡和模型无关。",
        },
        settings=("network.proxy", "program.code", "input.files"),
        fix_commands=(),
        manual={
            "en": "Let local addresses bypass the proxy (Windows: `set no_proxy=localhost,127.0.0.1` in the console or"
                  " the .bat file before the start line; Linux and macOS: `export no_proxy=localhost,127.0.0.1`), or add"
                  " them to the proxy program's bypass list, or turn the proxy off; then restart the program. If no proxy"
                  " runs, read the server's console at the moment of the request: the error there is the cause (a"
                  " missing ffmpeg, a model that did not load). If the traceback ends in `json.load` of a file, that"
                  " file is empty: restore it or let the program write it again.",
            "zh": "让本机地址绕过代理（Windows：在命令行窗口或 .bat 文件的启动行前 `set no_proxy=localhost,127.0.0.1`；Linux"
                  " 和 macOS：`export no_proxy=localhost,127.0.0.1`），或把它们加入代理软件的绕过列表，或关闭代理，然后重启程序。"
                  "没有开代理的话，看请求那一刻服务器控制台的输出：那里的报错才是原因（缺 ffmpeg、模型没有加载成功）。如果 traceback"
                  " 结束在对某个文件的 `json.load`，说明那个文件是空的：恢复它，或让程序重新生成。",
        },
        check=CHECK_NONE,
        example="json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
    ),
    Entry(
        id="checkpoint-size-mismatch",
        kind="system",
        keys=("size mismatch for",),
        # (torch.Size as torch prints it, or retyped in lower case)
        pattern=r"size mismatch for (?P<param>[\w.]{1,200}): copying a param with shape torch\.[Ss]ize\(\[(?P<checkpoint>[\d, ]{0,60})\]\)"
                r" from checkpoint, the shape in current model is torch\.[Ss]ize\(\[(?P<model>[\d, ]{0,60})\]\)",
        meaning={
            "en": "The model file does not fit the model the program built: {param} has the shape [{checkpoint}] in the"
                  " file and [{model}] in the program. The file was trained for another version or configuration than"
                  " the one selected: GPT-SoVITS v1 weights loaded as v2 or the other way round (v3 and v4 differ"
                  " again), an RVC v1 model or base model used as v2, or 40k as 48k, a so-vits-svc base model of another"
                  " version or speech encoder. The file is not broken.",
            "zh": "模型文件与程序构建的模型不一致：{param} 在文件里的形状是 [{checkpoint}]，在程序里是 [{model}]。这个文件是为另一个版本"
                  "或配置训练的：把 GPT-SoVITS v1 的权重当 v2 加载或反过来（v3 和 v4 又不同），把 RVC v1 的模型或底模当 v2 用，或把 40k"
                  " 当 48k 用，so-vits-svc 用了另一个版本或编码器的底模。文件本身没有损坏。",
        },
        settings=("model.version", "model.files"),
        fix_commands=(),
        manual={
            "en": "Use the version the weights were trained with: switch GPT-SoVITS's web UI to that version (v1, v2,"
                  " v2Pro, v3, v4) before training or inference, so that it takes that version's pretrained models and"
                  " weight folders (GPT_weights_v2, SoVITS_weights_v2, ...), and pick a GPT and a SoVITS weight of one"
                  " version together. Weights made with a newer GPT-SoVITS need that version: {update}.",
            "zh": "使用权重训练时的版本：训练或推理前把 GPT-SoVITS 网页界面切换到那个版本（v1、v2、v2Pro、v3、v4），让它使用该版本的"
                  "预训练模型和权重文件夹（GPT_weights_v2、SoVITS_weights_v2 等），并且同时选用同一版本的 GPT 和 SoVITS 权重。"
                  "用更新的 GPT-SoVITS 训练的权重需要那个版本：{update}。",
        },
        manual_any={
            "en": "Use the model with the settings it was trained with. RVC: in the training tab choose the version (v1 or"
                  " v2) and target sample rate (32k, 40k, 48k) of the pretrained base models you give it"
                  " (pretrained_v2/f0G40k.pth is v2 at 40k), and start a new experiment name instead of continuing one"
                  " trained with other settings (its logs folder keeps the old G_*.pth and D_*.pth). so-vits-svc: use"
                  " the config.json that came with the model, and base models (G_0.pth, D_0.pth) of the same version"
                  " and speech encoder. Other programs: the version or sample rate option that matches the file. A"
                  " model made with a newer program version needs it: {update}.",
            "zh": "按模型训练时的设置使用它。RVC：在训练页选择与所给底模一致的版本（v1 或 v2）和目标采样率（32k、40k、48k）"
                  "（pretrained_v2/f0G40k.pth 是 v2、40k），并且用新的实验名，而不是接着用别的设置训练过的实验（它的 logs 文件夹里保留着旧的"
                  " G_*.pth 和 D_*.pth）。so-vits-svc：使用模型附带的 config.json，以及同一版本和同一编码器的底模（G_0.pth、D_0.pth）。"
                  "其他程序：选择与文件相符的版本或采样率选项。用更新版本的程序做的模型需要那个版本：{update}。",
        },
        check=CHECK_NONE,
        example="size mismatch for enc_p.text_embedding.weight: copying a param with shape torch.Size([732, 192]) from"
                " checkpoint, the shape in current model is torch.Size([512, 192]).",
    ),
    Entry(
        id="checkpoint-keys-mismatch",
        kind="system",
        keys=("Missing key(s) in state_dict", "Unexpected key(s) in state_dict", "is not in the checkpoint"),
        # with size mismatches below it (torch lists them after the keys) checkpoint-size-mismatch tells it, with the shapes
        pattern=r"^(?![\s\S]{0,200000}?size mismatch for )[^\n]{0,300}?(?:Missing|Unexpected) key\(s\) in state_dict:"
                r" \"?(?P<key>[\w.]{1,200})"
                # so-vits-svc's and VITS's loaders print one line per weight the file lacks
                r"|^[^\n]{0,100}?\b(?P<key2>[\w.]{1,200}) is not in the checkpoint",
        lines=60,
        meaning={
            "en": "The model file and the model the program built do not hold the same weights ({key} is one of those"
                  " missing or extra): the file belongs to another version, configuration or program than the one"
                  " selected (a GPT-SoVITS v3 or v4 SoVITS weight loaded as v2, a model from another fork, a so-vits-svc"
                  " 4.1 model with a 4.0 config), or it is not a finished model (a training checkpoint, a file cut short).",
            "zh": "模型文件与程序构建的模型所含的权重不一致（{key} 是缺少或多出的之一）：文件属于另一个版本、配置或程序"
                  "（把 GPT-SoVITS v3 或 v4 的 SoVITS 权重当 v2 加载、其他分支做的模型、用 4.0 配置加载 so-vits-svc 4.1 的模型），"
                  "或者它不是一个完成的模型（训练中间的检查点、没下载完的文件）。",
        },
        settings=("model.version", "model.files"),
        fix_commands=(),
        manual={
            "en": "Use the version the weights were trained with: switch GPT-SoVITS's web UI to that version (v1, v2,"
                  " v2Pro, v3, v4) before training or inference, and pick a GPT and a SoVITS weight of one version from"
                  " that version's weight folders (GPT_weights_v2, SoVITS_weights_v2, ...). Weights made with a newer"
                  " GPT-SoVITS need that version: {update}. A file cut short: download it again.",
            "zh": "使用权重训练时的版本：训练或推理前把 GPT-SoVITS 网页界面切换到那个版本（v1、v2、v2Pro、v3、v4），并从该版本的权重"
                  "文件夹（GPT_weights_v2、SoVITS_weights_v2 等）里选用同一版本的 GPT 和 SoVITS 权重。用更新的 GPT-SoVITS 训练的权重"
                  "需要那个版本：{update}。文件没下载完整的：重新下载。",
        },
        manual_any={
            "en": "Load the model with the program, version and settings it was made with: RVC: use the exported model"
                  " from assets/weights (weights/ in older versions; the small .pth), not a training checkpoint G_*.pth from the logs folder;"
                  " so-vits-svc: the config.json that came with the model. A model made with a newer program version"
                  " needs it: {update}. A file cut short: download it again.",
            "zh": "用制作模型时的程序、版本和设置加载它：RVC：使用 assets/weights（旧版本为 weights/）里导出的模型（小的 .pth），而不是 logs 文件夹里训练中的"
                  " G_*.pth；so-vits-svc：使用模型附带的 config.json。用更新版本的程序做的模型需要那个版本：{update}。"
                  "文件没下载完整的：重新下载。",
        },
        check=CHECK_NONE,
        example="Missing key(s) in state_dict: \"enc_p.encoder.attn_layers.0.emb_rel_k\".",
        # the speaker table: training on a pretrained model with another speaker count starts it anew on purpose
        harmless=(("emb_g.weight is not in the checkpoint", r"\bemb_g\.weight is not in the checkpoint"),),
    ),
    Entry(
        id="cpu-training-not-allowed",
        kind="build",
        keys=("CPU training is not allowed", "Only GPU training is allowed", "CPU training not allowed",
              "No supported gpu backend found"),
        # PyTorch Lightning's, for a Trainer told accelerator="gpu" (GPT-SoVITS's s1_train.py before 2024-03-13)
        pattern=r"CPU training (?:is )?not allowed|Only GPU training is allowed|No supported gpu backend found",
        meaning={
            "en": "The training script needs an NVIDIA GPU (it asserts torch.cuda.is_available(), or asks PyTorch"
                  " Lightning for accelerator=\"gpu\"): the installed torch"
                  " is the CPU-only build, or it sees no usable card. This training script does not run on the CPU.",
            "zh": "训练脚本需要 NVIDIA 显卡（它断言 torch.cuda.is_available()，或要求 PyTorch Lightning 用 accelerator=\"gpu\"）："
                  "安装的 torch 是纯 CPU 版本，或看不到可用的显卡。"
                  "这个训练脚本不能在 CPU 上运行。",
        },
        settings=("torch.build", "nvidia.driver"),
        fix_commands=(),
        manual={
            "en": "Install the CUDA build of torch into the program's Python (pip uninstall torch, then the CUDA build"
                  " from pytorch.org that your driver supports); `python -c \"import torch; print(torch.cuda.is_available())\"`"
                  " must print True. Without an NVIDIA card, train on a cloud GPU, or {update} (newer versions of some"
                  " programs, GPT-SoVITS among them, train on the CPU when there is no CUDA).",
            "zh": "给程序的 Python 安装 CUDA 版 torch（先 pip uninstall torch，再从 pytorch.org 安装驱动支持的 CUDA 版）；"
                  "`python -c \"import torch; print(torch.cuda.is_available())\"` 必须输出 True。没有 NVIDIA 显卡时，请用云端显卡训练，"
                  "或者{update}（有些程序的新版本，包括 GPT-SoVITS，在没有 CUDA 时会用 CPU 训练）。",
        },
        check=CHECK_CUDA_BUILD,
        example="AssertionError: CPU training is not allowed.",
    ),
    Entry(
        id="windows-paging-file",
        kind="ram",
        keys=("1455", "页面文件太小", "分页文件太小", "paging file is too small", "頁面檔案太小", "頁面檔太小"),
        pattern=r"WinError 1455|页面文件太小|分页文件太小|頁面檔案?太小|paging file is too small",
        flags=re.IGNORECASE,
        meaning={
            "en": "Windows ran out of virtual memory (the RAM plus the paging file) while a process loaded torch's CUDA"
                  " libraries or a model (WinError 1455). Every process a step starts loads them again. This is the"
                  " computer's memory, not the graphics card's, and not half precision.",
            "zh": "Windows 的虚拟内存（物理内存加页面文件）在进程加载 torch 的 CUDA 库或模型时用完了（WinError 1455）。"
                  "该步骤启动的每个进程都会再加载一遍。这是电脑内存，不是显存，也与半精度无关。",
        },
        settings=("windows.pagefile", "system.processes"),
        fix_commands=(),
        manual={
            "en": "Let Windows enlarge the paging file: Settings > System > About > Advanced system settings >"
                  " Performance: Settings > Advanced > Virtual memory: Change: \"System managed size\" (or a custom size"
                  " of 16384 to 32768 MB) on a drive with that much free space; restart Windows. Start fewer"
                  " processes at once: {workers}; close other programs that use much memory.",
            "zh": "让 Windows 增大页面文件：设置 > 系统 > 关于 > 高级系统设置 > 性能：设置 > 高级 > 虚拟内存：更改："
                  "选\"系统管理的大小\"（或自定义 16384 到 32768 MB），放在剩余空间足够的磁盘上；重启 Windows。"
                  "同时启动的进程少一些：{workers}；关闭其他占内存多的程序。",
        },
        check=CHECK_NONE,
        example="OSError: [WinError 1455] The paging file is too small for this operation to complete.",
    ),
    Entry(
        id="ram-out-of-memory",
        kind="ram",
        keys=("DefaultCPUAllocator", "bad allocation", "bad_alloc", "Unable to allocate", "Cannot allocate memory",
              "Killed", "zsh: killed", " killed "),
        # (Linux's OOM killer says it in the kernel log. Not Python's "There appear to be N leaked semaphore objects":
        # it is printed at any shutdown that leaves one, Ctrl+C or an error in the main process, as often as a kill)
        pattern=r"DefaultCPUAllocator: (?:not enough memory|can't allocate memory)|\bbad allocation\b|std::bad_alloc"
                r"|Out of memory: Killed process"
                # what a Linux shell prints for a process the kernel killed (Colab's cell, a terminal)
                r"|^(?:\^C)?Killed\s*$|^[^\n]{0,80}?line \d+:\s+\d+ Killed\s{2,}\S"
                r"|^\[\d{1,4}\][+-]?\s+Killed\s{2,}\S"  # bash's line for a job of its own: "[1]+  Killed   python x.py"
                # zsh's (macOS's shell): "zsh: killed     python webui.py", "[1]  + 4242 killed     python train.py"
                r"|^zsh: killed\s+\S|^\[\d{1,4}\]\s{1,4}[+-]?\s{0,4}\d+ killed\s{2,}\S"
                r"|Unable to allocate [\d.]+ [KMGT]i?B for an array|\[Errno 12\] Cannot allocate memory",
        flags=re.MULTILINE,
        meaning={
            "en": "The computer's own memory (RAM, plus the paging file on Windows) ran out, not the graphics card's:"
                  " loading models, a long recording, or several processes at once need more than is free.",
            "zh": "用完的是电脑内存（物理内存，Windows 上再加页面文件），不是显存：加载模型、处理很长的录音，或同时开了好几个进程，"
                  "需要的内存超过了剩余的。",
        },
        settings=("windows.pagefile", "system.processes"),
        fix_commands=(),
        manual={
            "en": "Close other programs that use much memory (Task Manager / `free -h` shows what is free); on Windows let"
                  " the paging file grow (System > Advanced system settings > Performance > Advanced > Virtual memory:"
                  " \"System managed size\"); start fewer processes at once: {workers}; use shorter audio.",
            "zh": "关闭其他占内存多的程序（任务管理器 / `free -h` 可以看剩余内存）；Windows 上让页面文件可以增大（系统 > 高级系统设置 >"
                  " 性能 > 高级 > 虚拟内存：选\"系统管理的大小\"）；同时启动的进程少一些：{workers}；处理更短的音频。",
        },
        check=CHECK_NONE,
        example="RuntimeError: [enforce fail at alloc_cpu.cpp:114] data. DefaultCPUAllocator: not enough memory: you tried"
                " to allocate 1073741824 bytes.",
    ),
    Entry(
        id="distributed-init-hang",
        kind="system",
        keys=("Initializing distributed:",),
        # Lightning prints it at the start of every training run: only a run that stops there is a hang
        pattern=r"Initializing distributed: GLOBAL_RANK: \d+, MEMBER: \d+/\d+",
        harmless=(("distributed processes registered", r"All distributed processes registered"),
                  ("Traceback (most recent call last)", r"Traceback \(most recent call last\)"),
                  ("Epoch", r"\bEpoch \d+"), ("it/s", r"\d+(?:\.\d+)?\s?it/s"), ("s/it", r"\d+(?:\.\d+)?\s?s/it")),
        harmless_within=100_000,
        meaning={
            "en": "Training stopped at its first step, where torch.distributed connects the training process to"
                  " itself through a local port (env:// rendezvous), and never went on: on some Windows systems that"
                  " connection never completes (a VPN, proxy or firewall on the local port, some older Windows 10"
                  " builds). If the log went on after this line, this line is not the problem.",
            "zh": "训练停在了第一步：torch.distributed 通过本机端口把训练进程连到它自己（env:// 方式），之后一直没有继续。在有些"
                  " Windows 系统上这个连接永远连不上（VPN、代理或防火墙占住了本机端口，一些较旧的 Windows 10 版本）。如果日志在这一行"
                  "之后还有内容，问题就不在这一行。",
        },
        settings=("torch.distributed", "network.proxy"),
        fix_commands=(),
        manual={
            "en": "{update}: GPT-SoVITS's newer versions connect over TCP on localhost, which does not hang. If it still"
                  " hangs: close VPN and proxy software and unset HTTP_PROXY / HTTPS_PROXY for the program, allow the"
                  " program's Python in the firewall, restart the computer, and start the training again.",
            "zh": "{update}：GPT-SoVITS 的新版本通过 localhost 的 TCP 连接，不会卡住。仍然卡住的话：关掉 VPN 和代理软件，并取消程序的"
                  " HTTP_PROXY / HTTPS_PROXY 环境变量，在防火墙里放行程序的 Python，重启电脑，再开始训练。",
        },
        check=CHECK_NONE,
        example="Initializing distributed: GLOBAL_RANK: 0, MEMBER: 1/1",
    ),
    Entry(
        id="torch-libuv",
        kind="system",
        keys=("use_libuv",),
        pattern=r"use_libuv was requested but PyTorch was buil[dt] without libuv support",
        meaning={
            "en": "Training starts torch.distributed, and torch 2.4 and 2.5 ask for a libuv-based store by default,"
                  " which their Windows builds do not have. It is torch's Windows build against the training script,"
                  " not the GPU and not half precision.",
            "zh": "训练会启动 torch.distributed，而 torch 2.4 和 2.5 默认使用基于 libuv 的存储，但它们的 Windows 版没有 libuv。"
                  "这是 torch 的 Windows 版与训练脚本不配合，与显卡和半精度无关。",
        },
        settings=("torch.distributed", "torch.version"),
        fix_commands=(),
        manual={
            "en": "Set the environment variable USE_LIBUV=0 before the program starts (Windows cmd: a line"
                  " `set USE_LIBUV=0` before the start line of the .bat file; PowerShell: `$env:USE_LIBUV=\"0\"`);"
                  " the training processes it starts inherit it. Or {update} (newer versions turn libuv off"
                  " themselves), or use a torch older than 2.4 or 2.6 and newer.",
            "zh": "在启动程序前设置环境变量 USE_LIBUV=0（Windows cmd：在 .bat 文件的启动行前加一行 `set USE_LIBUV=0`；"
                  "PowerShell：`$env:USE_LIBUV=\"0\"`）；程序启动的训练进程会继承它。或者{update}（新版本会自己关闭 libuv），"
                  "或者改用 2.4 以前或 2.6 及以后的 torch。",
        },
        check=CHECK_NONE,
        example="RuntimeError: use_libuv was requested but PyTorch was build without libuv support",
    ),
    Entry(
        id="gloo-hostname-empty",
        kind="system",
        keys=("makeUVDevice",),
        # gloo (the training's torch.distributed backend on Windows) builds its device from the computer's name
        pattern=r"makeUVDevice\(\): interface or hostname can'?t be empty",
        meaning={
            "en": "Training starts torch.distributed with its gloo backend, which finds this computer by its name: the"
                  " computer's name is blank (a name gloo cannot look up is no cause: it then uses 127.0.0.1). Not the"
                  " GPU and not the model.",
            "zh": "训练用 gloo 后端启动 torch.distributed，gloo 要通过计算机名找到本机：这台电脑的计算机名是空的（名字查不到地址"
                  "不会导致这个错误，gloo 那时会改用 127.0.0.1）。与显卡和模型无关。",
        },
        settings=("torch.distributed",),
        fix_commands=(),
        manual={
            "en": "Give the computer a name of plain letters and digits (Windows: Settings > System > About > Rename this"
                  " PC, or `Rename-Computer -NewName VOICEPC` in an administrator PowerShell), restart the computer, and"
                  " start the training again.",
            "zh": "给电脑起一个只含英文字母和数字的名字（Windows：设置 > 系统 > 关于 > 重命名这台电脑，或者在管理员 PowerShell 里运行"
                  " `Rename-Computer -NewName VOICEPC`），重启电脑，然后重新开始训练。",
        },
        check=CHECK_NONE,
        example="RuntimeError: GlooDeviceFactory::makeUVDevice(): interface or hostname can't be empty",
    ),
    Entry(
        id="torch-no-nccl",
        kind="system",
        keys=("have NCCL",),
        # (also torch's source line, quoted: `raise RuntimeError("Distributed package doesn't have NCCL " "built in")`)
        pattern=r"Distributed package doesn't have NCCL(?: built in|\W{1,4}built in)",
        meaning={
            "en": "The training script asked torch.distributed for the NCCL backend, which only the Linux CUDA builds"
                  " of torch have: Windows builds and CPU-only builds have none. On Windows, training must use gloo.",
            "zh": "训练脚本要求 torch.distributed 使用 NCCL 后端，而只有 Linux 的 CUDA 版 torch 才有 NCCL：Windows 版和纯 CPU 版"
                  "都没有。Windows 上训练必须使用 gloo。",
        },
        settings=("torch.distributed", "torch.build"),
        fix_commands=(),
        manual={
            "en": "{update} (current versions pick gloo on Windows), or in the training script change"
                  " `backend=\"nccl\"` in `dist.init_process_group(...)` to `backend=\"gloo\"`. On Linux this message"
                  " means a CPU-only torch: install the CUDA build.",
            "zh": "{update}（现在的版本在 Windows 上会用 gloo），或者在训练脚本的 `dist.init_process_group(...)` 中把"
                  " `backend=\"nccl\"` 改为 `backend=\"gloo\"`。在 Linux 上出现这条信息说明装的是纯 CPU 版 torch：请安装 CUDA 版。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Distributed package doesn't have NCCL built in",
    ),
    Entry(
        id="cuda-runtime-fault",
        kind="driver",
        keys=("illegal memory access", "unspecified launch failure", "misaligned address", "launch timed out",
              "CUDA error: unknown error", "illegal instruction was encountered", "CUDA error: invalid argument"),
        pattern=r"(?P<fault>an illegal memory access was encountered|unspecified launch failure|misaligned address"
                r"|the launch timed out and was terminated|CUDA error: unknown error|an illegal instruction was encountered"
                r"|CUDA error: invalid argument)",
        meaning={
            "en": "The GPU stopped in the middle of a computation ({fault}). CUDA reports it late, so the line in the"
                  " traceback is often not the operation that failed. Usual causes: the card or its driver (an old or"
                  " crashed driver, overclocking, power; Windows resets a display card that is busy for more than 2"
                  " seconds), a torch build that does not fit the card, or a bug in one operation.",
            "zh": "显卡在计算中途出错停止了（{fault}）。CUDA 报错有延迟，所以回溯里的那一行往往不是真正出错的运算。常见原因："
                  "显卡或驱动（驱动太旧或崩溃、超频、供电；Windows 会重置连续忙碌超过 2 秒的显示卡），torch 版本与显卡不匹配，"
                  "或某个运算本身的缺陷。",
        },
        settings=("nvidia.driver", "gpu.card", "torch.build"),
        fix_commands=(),
        manual={
            "en": "Update the NVIDIA driver (a clean install of the latest one) and undo any GPU overclock; restart the"
                  " computer; close other programs that use the GPU. To see the operation that really failed, start"
                  " once with the environment variable CUDA_LAUNCH_BLOCKING=1. If it still happens, reinstall torch"
                  " with the CUDA build that matches your card (RTX 50xx: cu128 or newer), or run on the CPU: {to_cpu}."
                  " If it keeps happening in other programs too (nvidia-smi shows ERR! until a restart), the card itself"
                  " is failing: test it with a GPU memory test, or in another computer.",
            "zh": "更新 NVIDIA 驱动（干净安装最新版）并取消显卡超频；重启电脑；关闭其他占用显卡的程序。想看到真正出错的运算，"
                  "可设置环境变量 CUDA_LAUNCH_BLOCKING=1 再运行一次。仍然出错时，重装与显卡匹配的 CUDA 版 torch"
                  "（RTX 50 系：cu128 或更新），或改用 CPU：{to_cpu}。如果在其他程序里也反复出现（nvidia-smi 显示 ERR!，重启才恢复），"
                  "说明显卡本身有问题：用显存测试工具检查，或换一台电脑试试。",
        },
        check=CHECK_NONE,
        example="RuntimeError: CUDA error: an illegal memory access was encountered",
    ),
    Entry(
        id="cuda-device-assert",
        kind="model",
        keys=("device-side assert", "srcIndex < srcSelectDimSize"),
        pattern=r"device-side assert(?:ion)? trigger(?:ed)?|srcIndex < srcSelectDimSize",
        meaning={
            "en": "A GPU kernel found an index out of range (a device-side assert): the input holds a value the model"
                  " has no entry for, such as a text symbol, phoneme, language or speaker id beyond its table, a text"
                  " longer than the model's table of positions (too long a sentence for one pass), or the model files"
                  " belong to another version than the code. Usually a data or model mismatch; on a card that"
                  " computes NaN in float16 (GTX 16xx, T1200, MX450 ...) the NaN of half precision can be the bad index."
                  " Every later CUDA call fails too until the program restarts.",
            "zh": "GPU 内核发现索引越界（device-side assert）：输入里有模型表里没有的值，例如超出范围的文本符号、音素、语种或说话人"
                  "编号、比模型位置表更长的文本（一次要合成的句子太长），或者模型文件与代码版本不一致。通常是数据或模型不匹配；"
                  "在用 float16 会算出 NaN 的显卡（GTX 16 系、T1200、MX450 等）上，半精度产生的 NaN 也可能就是那个越界的索引。"
                  "之后所有 CUDA 调用都会失败，直到重启程序。",
        },
        settings=("model.match",),
        fix_commands=(),
        manual={
            "en": "Run the same input once on the CPU, or start with the environment variable CUDA_LAUNCH_BLOCKING=1:"
                  " the real error (an IndexError and its line) then shows. Check that the model files match the"
                  " program's version ({update} if they are newer), look for unusual characters in the text, split a long"
                  " text into shorter sentences, and check the language and speaker ids. Restart the program afterwards.",
            "zh": "用 CPU 把同一输入再跑一次，或设置环境变量 CUDA_LAUNCH_BLOCKING=1 启动：这样会显示真正的错误（IndexError"
                  "及其所在行）。确认模型文件与程序版本一致（模型更新时请{update}），检查文本里的特殊字符，把长文本切成较短的句子，"
                  "并检查语种和说话人编号。之后重启程序。",
        },
        check=CHECK_NONE,
        example="RuntimeError: CUDA error: device-side assert triggered",
    ),
    Entry(
        id="cosyvoice-matcha-missing",
        kind="system",
        keys=("matcha",),
        # CosyVoice imports Matcha-TTS from its git submodule third_party/Matcha-TTS, put on PYTHONPATH by hand
        pattern=r"[Nn]o module named '?matcha(?:\.[\w.]+)?'?(?:; 'matcha' is not a package)?",
        meaning={
            "en": "CosyVoice imports Matcha-TTS from its git submodule (third_party/Matcha-TTS), which Python finds only"
                  " when that folder is on PYTHONPATH: the submodule was not cloned (a download without --recursive, a"
                  " zip of the repository), or PYTHONPATH does not hold it for the Python that runs, or another"
                  " `matcha` package (a file or folder of that name) hides it.",
            "zh": "CosyVoice 从它的 git 子模块（third_party/Matcha-TTS）导入 Matcha-TTS，只有这个文件夹在 PYTHONPATH 里时 Python"
                  " 才找得到：子模块没有克隆下来（没加 --recursive，或下载的是仓库 zip），或运行的那个 Python 的 PYTHONPATH 里没有它，"
                  "或者另一个叫 `matcha` 的包（同名的文件或文件夹）把它挡住了。",
        },
        settings=("program.code", "python.packages"),
        fix_commands=(),
        manual={
            "en": "In CosyVoice's folder run `git submodule update --init --recursive` (a zip download: clone the"
                  " repository with `git clone --recursive` instead), check that third_party/Matcha-TTS holds files, and"
                  " start with that folder on the path: Linux and macOS `export PYTHONPATH=third_party/Matcha-TTS`,"
                  " Windows `set PYTHONPATH=third_party\\Matcha-TTS`, in the same console as the program.",
            "zh": "在 CosyVoice 文件夹里运行 `git submodule update --init --recursive`（下载的是 zip 的：改用 `git clone --recursive`"
                  " 克隆仓库），确认 third_party/Matcha-TTS 里有文件，并在同一个命令行窗口里把它加到路径再启动：Linux 和 macOS"
                  " `export PYTHONPATH=third_party/Matcha-TTS`，Windows `set PYTHONPATH=third_party\\Matcha-TTS`。",
        },
        check=CHECK_NONE,
        example="ModuleNotFoundError: No module named 'matcha.models'; 'matcha' is not a package",
    ),
    Entry(
        id="protobuf-too-new",
        kind="system",
        # (most protobuf 4 releases print it with a double negative, "cannot not"; later ones without)
        keys=("Descriptors cannot be created directly", "Descriptors cannot not be created directly"),
        pattern=r"Descriptors cannot (?:not )?be created directly",
        meaning={
            "en": "The installed protobuf (4 or newer) refuses code that an older protobuf compiler generated, which"
                  " a package the program imports still ships (tensorboard, onnx or a speech package of its era). Not"
                  " torch, not the GPU.",
            "zh": "安装的 protobuf（4 及以上）不再接受旧版 protobuf 编译器生成的代码，而程序导入的某个包（tensorboard、onnx"
                  " 或同时期的语音包）里还是这种代码。与 torch 和显卡无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_install_pinned({"en": "protobuf 3.20.3", "zh": "protobuf 3.20.3"}, "protobuf==3.20.3",
                               {"en": "; or set the environment variable PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python"
                                      " before starting it (slower, changes no package).",
                                "zh": "；或者在启动前设置环境变量 PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python"
                                      "（较慢，但不改动任何包）。"}),
        check=CHECK_NONE,
        example="TypeError: Descriptors cannot be created directly.",
    ),
    Entry(
        id="torchaudio-needs-torchcodec",
        kind="system",
        keys=("TorchCodec is required",),
        pattern=r"TorchCodec is required for (?P<function>\w+)",
        meaning={
            "en": "torchaudio 2.9 and newer read and write audio files only through the separate torchcodec package,"
                  " which is not installed; the program was written for an older torchaudio that did it itself. Not"
                  " the GPU.",
            "zh": "torchaudio 2.9 及更新版本只通过另一个包 torchcodec 读写音频文件，而它没有安装；程序是为自己就能读写音频的"
                  "旧版 torchaudio 写的。与显卡无关。",
        },
        settings=("torch.version", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Install torch and torchaudio 2.8 (or the versions the program's requirements name) together, from the"
                  " same index URL as your CUDA build: `python -m pip install torch==2.8.0 torchaudio==2.8.0 --index-url"
                  " https://download.pytorch.org/whl/cu128` (a Windows package: `runtime\\python.exe -m pip ...`). Or"
                  " keep them and install the torchcodec that matches this torch (0.8 for torch 2.9) with FFmpeg's"
                  " shared libraries.",
            "zh": "把 torch 和 torchaudio 一起装成 2.8（或程序 requirements 写的版本），用和 CUDA 版相同的下载地址：`python -m"
                  " pip install torch==2.8.0 torchaudio==2.8.0 --index-url https://download.pytorch.org/whl/cu128`"
                  "（Windows 整合包：`runtime\\python.exe -m pip ...`）。或者保留它们，安装与这个 torch 配套的 torchcodec"
                  "（torch 2.9 对应 0.8）以及 FFmpeg 的共享库。",
        },
        check=CHECK_NONE,
        example="ImportError: TorchCodec is required for load_with_torchcodec. Please install torchcodec to use this"
                " function.",
    ),
    Entry(
        id="torchaudio-no-backend",
        kind="system",
        keys=("Couldn't find appropriate backend", "No audio I/O backend is available", "requires soundfile"),
        pattern=r"Couldn't find appropriate backend to handle uri|No audio I/O backend is available"
                r"|requires soundfile, but we failed to import it",
        meaning={
            "en": "torchaudio found nothing to read or write audio files with: it needs the soundfile package (or"
                  " FFmpeg's shared libraries), and neither is installed in the program's Python. Not the GPU.",
            "zh": "torchaudio 找不到读写音频文件的后端：它需要 soundfile 包（或 FFmpeg 的共享库），而程序所用的 Python 里"
                  "两个都没有。与显卡无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_install_pinned({"en": "soundfile", "zh": "soundfile"}, "soundfile",
                               {"en": ", then start it again.", "zh": "，然后重新启动。"}),
        check=CHECK_NONE,
        example="RuntimeError: Couldn't find appropriate backend to handle uri ref.wav and format None.",
    ),
    Entry(
        id="openjtalk-mecab-init",
        kind="system",
        keys=("Mecab", "MeCab", "mecab"),
        # (pyopenjtalk's own spelling: "initalize"; retyped: "Failed to initialize MeCab")
        pattern=r"Failed to initi?ali[sz]e Mecab",
        flags=re.IGNORECASE,
        meaning={
            "en": "pyopenjtalk, the Japanese text front end, could not start MeCab with its dictionary: the dictionary"
                  " (in the Python's site-packages) or the program's Japanese user dictionary lies on a path with"
                  " characters other than plain ASCII (a Chinese or Japanese folder or user name), or the user dictionary"
                  " could not be built. Not the GPU and not the data.",
            "zh": "pyopenjtalk（日语文本前端）无法用它的词典启动 MeCab：词典（在 Python 的 site-packages 里）或程序的日语用户词典"
                  "所在路径含有非 ASCII 字符（中文或日文的文件夹名、用户名），或者用户词典生成失败。与显卡和数据无关。",
        },
        settings=("program.folder", "program.code"),
        fix_commands=(),
        manual={
            "en": "{update}: GPT-SoVITS skips a user dictionary that fails to load from 2024-10-02 on, and from 2025-02-26"
                  " copies the dictionary to a plain path on Windows. Or move the program and its Python to a folder"
                  " whose path has only ASCII letters, digits and _ -. In an older GPT-SoVITS, the user dictionary lines"
                  " of GPT_SoVITS/text/japanese.py (`pyopenjtalk.update_global_jtalk_with_user_dict(...)`) can be"
                  " commented out.",
            "zh": "{update}：GPT-SoVITS 从 2024-10-02 起会跳过加载失败的用户词典，从 2025-02-26 起在 Windows 上把词典复制到纯英文路径。"
                  "或者把程序和它的 Python 移到路径只含英文字母、数字和 _ - 的文件夹。旧版 GPT-SoVITS 也可以把"
                  " GPT_SoVITS/text/japanese.py 里加载用户词典的行（`pyopenjtalk.update_global_jtalk_with_user_dict(...)`）注释掉。",
        },
        manual_any={
            "en": "Move the program and its Python to a folder whose path has only ASCII letters, digits and _ - (no"
                  " Chinese or Japanese folder or user name), or {update}.",
            "zh": "把程序和它的 Python 移到路径只含英文字母、数字和 _ - 的文件夹（不要有中文或日文的文件夹名、用户名），或者{update}。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Failed to initalize Mecab",
    ),
    Entry(
        id="mecab-dictionary-missing",
        kind="system",
        keys=("Failed initializing MeCab",),
        # fugashi's words (the Japanese tokenizer of misaki/Kokoro, MeloTTS, Style-Bert-VITS2), not pyopenjtalk's
        pattern=r"Failed initializing MeCab",
        meaning={
            "en": "fugashi, the Japanese word splitter, could not start MeCab: it found no dictionary. The unidic"
                  " package is installed without its data (its dictionary is downloaded in a separate step), or no"
                  " dictionary package is installed at all (the \"no such file or directory: ...mecabrc\" below says"
                  " where it looked). Not the GPU and not the text.",
            "zh": "日语分词器 fugashi 启动不了 MeCab：它没有找到词典。装了 unidic 包却没有下载它的数据（词典要另外一步下载），"
                  "或者根本没有装词典包（下面的 \"no such file or directory: ...mecabrc\" 说明它在哪里找过）。与显卡和文本无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "In the program's Python (in its container for a docker setup): `python -m pip install unidic-lite`"
                  " (a small dictionary inside the package, no download), or, where the program uses the full unidic,"
                  " `python -m unidic download` once (about 500 MB). Then restart the program.",
            "zh": "在程序的 Python 里（docker 部署则在容器里）：`python -m pip install unidic-lite`（词典就在包里，不用另外下载），"
                  "或者程序用的是完整的 unidic 时，运行一次 `python -m unidic download`（约 500 MB）。然后重启程序。",
        },
        check=CHECK_NONE,
        example="Failed initializing MeCab. Please see the README for possible solutions:",
    ),
    Entry(
        id="espeak-not-found",
        kind="system",
        keys=("espeak not installed", "espeak-ng not installed", "EspeakWrapper", "Could not load eSpeak"),
        # phonemizer (English and many other languages in Kokoro, Zonos, StyleTTS2, VITS) finds eSpeak NG's library
        # itself; misaki/Kokoro call phonemizer-fork's EspeakWrapper.set_data_path, which phonemizer has not
        pattern=r"(?P<which>espeak(?:-ng)?) not installed on your system|Could not load eSpeak-?ng"
                r"|'EspeakWrapper' has no attribute '(?P<method>set_data_path|set_library)'",
        meaning={
            "en": "phonemizer, which turns text into phonemes with eSpeak NG, cannot use it: eSpeak NG is not"
                  " installed, or (on Windows) phonemizer does not find its library libespeak-ng.dll, which it looks"
                  " for only where the PHONEMIZER_ESPEAK_LIBRARY variable points; or the package installed as"
                  " `phonemizer` is the original, while the program calls `EspeakWrapper.set_data_path`, which only"
                  " phonemizer-fork has. Not the GPU and not the model.",
            "zh": "phonemizer 用 eSpeak NG 把文本转成音素，而它用不了 eSpeak NG：没有安装 eSpeak NG，或者（Windows 上）phonemizer"
                  " 找不到它的库 libespeak-ng.dll（它只在 PHONEMIZER_ESPEAK_LIBRARY 变量指向的地方找）；或者以 `phonemizer`"
                  " 名字安装的是原版包，而程序调用的 `EspeakWrapper.set_data_path` 只有 phonemizer-fork 才有。与显卡和模型无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install eSpeak NG (Windows: the .msi from its GitHub releases; Linux: `apt install espeak-ng`; Mac:"
                  " `brew install espeak-ng`). On Windows, set the variable PHONEMIZER_ESPEAK_LIBRARY to"
                  " `C:\\Program Files\\eSpeak NG\\libespeak-ng.dll` (and PHONEMIZER_ESPEAK_PATH to that folder), then"
                  " open a new console. Where the error names `set_data_path`: `python -m pip uninstall -y phonemizer`"
                  " then `python -m pip install phonemizer-fork` in the program's Python.",
            "zh": "安装 eSpeak NG（Windows：它 GitHub 发布页上的 .msi；Linux：`apt install espeak-ng`；Mac：`brew install"
                  " espeak-ng`）。Windows 上把环境变量 PHONEMIZER_ESPEAK_LIBRARY 设为 `C:\\Program Files\\eSpeak"
                  " NG\\libespeak-ng.dll`（PHONEMIZER_ESPEAK_PATH 设为那个文件夹），然后打开新的命令行窗口。报错提到"
                  " `set_data_path` 时：在程序的 Python 里 `python -m pip uninstall -y phonemizer`，再 `python -m pip"
                  " install phonemizer-fork`。",
        },
        check=CHECK_NONE,
        example="RuntimeError: espeak not installed on your system",
    ),
    Entry(
        id="transformers-name-taken",
        kind="system",
        keys=("is already used by a Transformers config",),
        # vLLM (and other packages) register their own model configs with transformers; a transformers release that
        # brings a config of the same name refuses the second one
        pattern=r"'(?P<name>[\w-]{1,60})' is already used by a Transformers config",
        meaning={
            "en": "A package that registers its own model type with transformers (vLLM most often) meets a"
                  " transformers release that brought a model type of the same name, `{name}`, itself: the two"
                  " versions do not fit together. transformers is newer than that package supports. Not the GPU.",
            "zh": "一个向 transformers 注册自己模型类型的包（最常见的是 vLLM）遇上了自带同名模型类型 `{name}` 的 transformers"
                  " 版本：两个版本不匹配，transformers 比那个包支持的新。与显卡无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the transformers version the program (or its vLLM) pins, in the program's Python: the"
                  " requirements file names it; else the release before the one that added `{name}` (for `aimv2`:"
                  " `python -m pip install \"transformers<4.54\"`). Or update vLLM to a release made for that"
                  " transformers.",
            "zh": "在程序的 Python 里安装程序（或它的 vLLM）固定的 transformers 版本：依赖文件里有写；否则装加入 `{name}`"
                  " 之前的版本（`aimv2`：`python -m pip install \"transformers<4.54\"`）。或者把 vLLM 更新到为那个"
                  " transformers 发布的版本。",
        },
        check=CHECK_NONE,
        example="ValueError: 'aimv2' is already used by a Transformers config, pick another name.",
    ),
    Entry(
        id="langsegment-withdrawn",
        kind="system",
        keys=("LangSegment", "langsegment"),
        # LangSegment 0.2.0's own __init__ imports names its module lacks; the 0.3.x that had them left PyPI in 2025-02
        pattern=r"cannot import name '\w+' from 'LangSegment|module 'LangSegment' has no attribute '\w+'"
                r"|No module named 'LangSegment'|(?:No matching distribution found for|Could not find a version that"
                r" satisfies the requirement) LangSegment|(?i:install langsegment[^\n]{0,20}? failed)",
        meaning={
            "en": "LangSegment, the package that splits mixed-language text in GPT-SoVITS before March 2025 (and in"
                  " programs built on that code), was withdrawn by its author: its 0.3.x releases are gone from PyPI,"
                  " and the 0.2.0 left there fails on import (`setLangfilters`) or lacks the functions the code calls."
                  " Not torch, not the GPU, not your settings.",
            "zh": "LangSegment 是 2025 年 3 月以前的 GPT-SoVITS（以及基于那时代码的程序）用来切分多语种文本的包，作者已把它撤下："
                  "PyPI 上没有了 0.3.x，剩下的 0.2.0 一导入就报错（`setLangfilters`），或者缺少代码要调用的函数。"
                  "与 torch、显卡和设置都无关。",
        },
        settings=("program.code", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Update GPT-SoVITS: its web UI since 2025-02-14 and every file since 2025-03-05 use its own"
                  " LangSegmenter and need no LangSegment (`git pull`, then install its requirements.txt again; or a"
                  " newer Windows package). To keep this version, copy the LangSegment folder from a Windows package made"
                  " before 2025-02 (runtime\\Lib\\site-packages\\LangSegment) into the program's Python.",
            "zh": "更新 GPT-SoVITS：它的网页界面从 2025-02-14 起、所有文件从 2025-03-05 起都用自带的 LangSegmenter，不再需要"
                  " LangSegment（`git pull` 后重新安装 requirements.txt；或换新的 Windows 整合包）。要保留当前版本，就从 2025 年 2 月"
                  "以前的 Windows 整合包里把 LangSegment 文件夹（runtime\\Lib\\site-packages\\LangSegment）复制到程序的 Python 里。",
        },
        manual_any={
            "en": "Update the program: versions made after GPT-SoVITS dropped LangSegment (2025-03) no longer need it. To"
                  " keep this version, install the LangSegment 0.3.5 copy the program's maintainers provide (or one from a"
                  " GPT-SoVITS Windows package made before 2025-02) into the program's Python.",
            "zh": "更新程序：GPT-SoVITS 弃用 LangSegment（2025 年 3 月）之后的版本不再需要它。要保留当前版本，就把程序维护者提供的"
                  " LangSegment 0.3.5（或 2025 年 2 月以前的 GPT-SoVITS Windows 整合包里的那份）装进程序的 Python。",
        },
        check=CHECK_NONE,
        example="ImportError: cannot import name 'setLangfilters' from 'LangSegment.LangSegment'",
    ),
    Entry(
        id="mac-wrong-architecture",
        kind="system",
        keys=("Bad CPU type in executable", "bad CPU type in executable"),  # bash's, zsh's
        pattern=r"[Bb]ad CPU type in executable",
        meaning={
            "en": "macOS refused to start a program built for the other kind of Mac processor: a build for Apple"
                  " Silicon (M1 and later, arm64) on an Intel Mac, or an Intel (x86_64) build on Apple Silicon without"
                  " Rosetta 2. Not torch, not the settings.",
            "zh": "macOS 拒绝启动为另一种 Mac 处理器编译的程序：在 Intel Mac 上运行 Apple Silicon（M1 及以后的芯片，arm64）版，或在没有"
                  " Rosetta 2 的 Apple Silicon 上运行 Intel（x86_64）版。与 torch 和设置无关。",
        },
        settings=("machine.gpu",),
        fix_commands=(),
        manual={
            "en": "Check the Mac's processor (Apple menu > About This Mac: \"Chip Apple M1\" and so on, or \"Processor ... Intel\") and"
                  " download the program's build for it. On Apple Silicon, an Intel build runs after `softwareupdate"
                  " --install-rosetta --agree-to-license`; on an Intel Mac, a build made only for Apple Silicon cannot"
                  " run: use the source code with your own Python, or another machine.",
            "zh": "查看 Mac 的处理器（苹果菜单 > 关于本机：“芯片 Apple M…”或“处理器 … Intel”），下载程序对应的版本。在 Apple Silicon"
                  " 上，Intel 版在 `softwareupdate --install-rosetta --agree-to-license` 之后就能运行；在 Intel Mac 上，只为 Apple"
                  " Silicon 编译的版本无法运行：请用源代码加自己的 Python，或换一台机器。",
        },
        check=CHECK_NONE,
        example="zsh: bad CPU type in executable: ./server",
    ),
    Entry(
        id="deepspeed-torch-mismatch",
        kind="build",
        keys=("DeepSpeed ops were compiled",),
        pattern=r"PyTorch version mismatch! DeepSpeed ops were compiled and installed with a different version",
        meaning={
            "en": "DeepSpeed (the speed-up AllTalk and XTTS use) was compiled for another torch than the one installed:"
                  " torch was upgraded or downgraded after DeepSpeed was installed, or a wheel for another torch was"
                  " chosen. Not the GPU, not the model.",
            "zh": "DeepSpeed（AllTalk、XTTS 用来加速）是为另一个 torch 版本编译的，和现在安装的不一样：装好 DeepSpeed 之后又升级或降级了"
                  " torch，或者选了为别的 torch 编译的安装包。与显卡和模型无关。",
        },
        settings=("torch.version", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Install the DeepSpeed built for the torch in the program's Python: check it with `python -c \"import"
                  " torch; print(torch.__version__)\"`, then `python -m pip uninstall -y deepspeed` and install the DeepSpeed"
                  " wheel made for that torch and CUDA (AllTalk's setup offers them); or turn DeepSpeed off in the"
                  " program's settings, which only costs speed.",
            "zh": "安装为程序 Python 里那个 torch 编译的 DeepSpeed：先用 `python -c \"import torch; print(torch.__version__)\"` 查看"
                  "版本，再 `python -m pip uninstall -y deepspeed`，然后安装为这个 torch 和 CUDA 编译的 DeepSpeed 安装包（AllTalk 的"
                  "安装程序提供）；或者在程序设置里关掉 DeepSpeed，只是慢一些。",
        },
        check=CHECK_NONE,
        example="RuntimeError: PyTorch version mismatch! DeepSpeed ops were compiled and installed with a different version"
                " than what is being used at runtime.",
    ),
    Entry(
        id="gpu-free-memory-floor",
        kind="system",
        keys=("MB memory left",),
        # ChatTTS's select_device: a card with less memory than it asks for is not used at all. It counts the card's
        # total memory less what this process reserved (not other programs' use), against select_device(4096) in the
        # core.py of versions with utils/gpu_utils.py and the default min_memory (2047 or 2048) of later ones
        pattern=r"GPU (?P<gpu>\d+) has (?P<free>\d+(?:\.\d+)?) MB memory left",
        meaning={
            "en": "The program checks the card's memory before it starts and, finding less than it asks for"
                  " (ChatTTS counts the card's whole memory, {free} MB here, and asks for 4096 MB in older versions,"
                  " 2047 or 2048 MB in newer ones), runs everything on the CPU. torch and the card work; the card is smaller"
                  " than that minimum. Other programs' use of the card does not count in this check.",
            "zh": "程序启动前检查显卡的显存，发现比它要求的少（ChatTTS 算的是显卡的全部显存，这里是 {free} MB；旧版要求 4096 MB，"
                  "新版要求 2047 或 2048 MB），就全部改在 CPU 上运行。torch 和显卡都正常：只是显卡比这个下限小。别的程序占用的显存不影响这项检查。",
        },
        settings=("gpu.memory",),
        fix_commands=(),
        manual={
            "en": "Lower the minimum the program asks for: in older ChatTTS the `select_device(4096)` call in"
                  " ChatTTS/core.py, in newer ones the `min_memory` default of select_device in ChatTTS/utils/gpu.py,"
                  " e.g. to 2047 on a 4 GB card or 1024 on a 2 GB one; it then runs on the GPU, with a chance of running"
                  " out of memory on long texts.",
            "zh": "调低程序要求的最小值：旧版 ChatTTS 是 ChatTTS/core.py 里的 `select_device(4096)` 调用，新版是"
                  " ChatTTS/utils/gpu.py 里 select_device 的 `min_memory` 默认值，例如 4 GB 显卡改成 2047，2 GB 显卡改成 1024；"
                  "这样就会用显卡运行，只是长文本可能显存不够。",
        },
        check=CHECK_NONE,
        example="WARNING:ChatTTS.utils.gpu_utils:GPU 0 has 4095.56 MB memory left.",
    ),
    Entry(
        id="chattts-models-not-loaded",
        kind="system",
        keys=("not initialized.", "download to local path", "download from huggingface failed", "Missing spk_stat.pt",
              "check models in custom path", "'Chat' object has no attribute"),
        # ChatTTS's load() returns False when it cannot get its files, has_loaded() then warns once per model part,
        # and infer() stops at a bare `assert self.has_loaded(...)`; 0.1's load_models() asserts on spk_stat.pt
        pattern=r"\b(?:vocos|gpt|tokenizer|embed|decoder|dvae) not initialized\.|download to local path [^\n]{0,300}?failed\."
                r"|download from huggingface failed\.|check models in custom path [^\n]{0,300}?failed\."
                r"|Missing spk_stat\.pt"
                # the attribute its load step would have set, asked for by inference anyway
                r"|'Chat' object has no attribute '(?:tokenizer|gpt|vocos|dvae|decoder|embed|normalizer|speaker)'",
        meaning={
            "en": "ChatTTS's models were never loaded: its load step could not get the model files (the download from"
                  " GitHub or Hugging Face failed: no connection, a proxy, a blocked site; or the folder it was given"
                  " lacks some files), and the program went on to generate speech without them, where ChatTTS stops at an"
                  " assertion. Not the GPU and not torch.",
            "zh": "ChatTTS 的模型根本没有加载：加载这一步拿不到模型文件（从 GitHub 或 Hugging Face 下载失败：没有网络、代理问题、网站被墙；"
                  "或者给它的文件夹里缺文件），程序却继续去生成语音，ChatTTS 就在一个断言处停下。与显卡和 torch 无关。",
        },
        settings=("model.files", "network.proxy"),
        fix_commands=(),
        manual={
            "en": "Get the model files first, then start again: let Python reach GitHub and Hugging Face (a proxy for"
                  " the console, or the mirror `HF_ENDPOINT=https://hf-mirror.com` with `chat.load(source=\"huggingface\")`),"
                  " or download the 2Noise/ChatTTS model repository yourself and load it with"
                  " `chat.load(source=\"custom\", custom_path=\"<folder>\")` (ChatTTS 0.1: `chat.load_models(source=\"local\","
                  " local_path=\"<folder>\")`, a folder with every file, asset/spk_stat.pt included); programs built on"
                  " ChatTTS (ChatTTS-ui and others) read it from their models folder. load() must return True before"
                  " infer().",
            "zh": "先把模型文件拿到，再重新启动：让 Python 能访问 GitHub 和 Hugging Face（给命令行设代理，或者用镜像"
                  " `HF_ENDPOINT=https://hf-mirror.com` 加 `chat.load(source=\"huggingface\")`），或者自己下载 2Noise/ChatTTS 模型仓库，用"
                  " `chat.load(source=\"custom\", custom_path=\"<文件夹>\")` 加载（ChatTTS 0.1：`chat.load_models(source=\"local\","
                  " local_path=\"<文件夹>\")`，文件夹里要有全部文件，包括 asset/spk_stat.pt）；基于 ChatTTS 的程序（ChatTTS-ui 等）"
                  "从它们的 models 文件夹读取。infer() 之前 load() 必须返回 True。",
        },
        check=CHECK_NONE,
        example="WARNING:ChatTTS.core:gpt not initialized.",
    ),
    Entry(
        id="several-gpus-data-parallel",
        kind="system",
        keys=("in replica",),
        # torch's DataParallel, used when the program sees several GPUs, re-raises a replica's error this way (only
        # StopIteration is the copy's own: another error, CUDA out of memory in replica 0, is told below it)
        pattern=r"Caught (?P<error>StopIteration) in replica \d+ on device \d+",
        meaning={
            "en": "The program runs its model on several GPUs at once with torch's DataParallel (it does when more than"
                  " one card is visible), and its code fails there ({error} in a copy of the model: code such as"
                  " `next(self.parameters())` finds nothing in a copy since torch 1.5). The program was made for one"
                  " GPU; the cards are fine.",
            "zh": "程序用 torch 的 DataParallel 同时在多张显卡上运行模型（看得到不止一张卡时就会这样），而它的代码在那里出错（模型副本里"
                  "的 {error}：像 `next(self.parameters())` 这样的代码从 torch 1.5 起在副本里取不到东西）。程序是为一张显卡写的；"
                  "显卡本身没有问题。",
        },
        settings=("machine.gpu",),
        fix_commands=(),
        manual={
            "en": "Let the program see one GPU: start it with the environment variable CUDA_VISIBLE_DEVICES=0 (Linux:"
                  " `CUDA_VISIBLE_DEVICES=0 python ...`; Windows: `set CUDA_VISIBLE_DEVICES=0` in the same console"
                  " first).",
            "zh": "只让程序看到一张显卡：用环境变量 CUDA_VISIBLE_DEVICES=0 启动（Linux：`CUDA_VISIBLE_DEVICES=0 python ...`；"
                  "Windows：先在同一个命令行窗口里 `set CUDA_VISIBLE_DEVICES=0`）。",
        },
        check=CHECK_NONE,
        example="StopIteration: Caught StopIteration in replica 0 on device 0.",
    ),
    Entry(
        id="dataloader-worker-died",
        kind="ram",
        keys=("exited unexpectedly", "is killed by signal"),
        # torch's DataLoader, when a process loading the training data died (the system killed it, most often;
        # a bus error: the shared memory)
        # (not "exited unexpectedly with exit code 1": the worker raised an error of its own, told only with
        # num_workers=0; explain also drops the "pid(s)" line chained below that or a segmentation fault)
        pattern=r"DataLoader worker \(pids?\(?s?\)? ?[\d, ]{1,400}\)? exited unexpectedly(?! with exit code)"
                r"|DataLoader worker \(pid \d{1,10}\) is killed by signal: (?:Killed|Bus error)",
        meaning={
            "en": "A process that loads the training data for torch's DataLoader died: most often the computer's"
                  " memory ran out (every worker holds its own copy of what it loads; on Linux the kernel kills one, on"
                  " Windows the paging file is too small), or, in Docker, the container's shared memory (/dev/shm) is"
                  " too small. The GPU and the model are fine.",
            "zh": "为 torch 的 DataLoader 加载训练数据的进程死掉了：最常见的是电脑内存用完了（每个 worker 都各自保存一份加载的数据；"
                  "Linux 上被内核杀掉，Windows 上是页面文件太小），或者在 Docker 里容器的共享内存（/dev/shm）太小。显卡和模型都"
                  "没有问题。",
        },
        settings=("system.processes", "windows.pagefile"),
        fix_commands=(),
        manual={
            "en": "Load the data with fewer processes: lower num_workers in the training config (so-vits-svc, Bert-VITS2"
                  " and most VITS programs: `num_workers` in config.json or config.yml; 0 loads in the training process"
                  " itself); on Windows let the paging file grow (System > Advanced system settings > Performance >"
                  " Advanced > Virtual memory: \"System managed size\"); in Docker start with `--shm-size=8g`.",
            "zh": "用更少的进程加载数据：调低训练配置里的 num_workers（so-vits-svc、Bert-VITS2 和大多数 VITS 程序：config.json 或"
                  " config.yml 里的 `num_workers`；设为 0 就在训练进程里加载）；Windows 上让页面文件可以增大（系统 > 高级系统设置 >"
                  " 性能 > 高级 > 虚拟内存：选\"系统管理的大小\"）；Docker 里用 `--shm-size=8g` 启动。",
        },
        check=CHECK_NONE,
        example="RuntimeError: DataLoader worker (pid(s) 26136) exited unexpectedly",
    ),
    Entry(
        id="cuda-only-code",
        kind="system",
        keys=("must be cuda device", "Expected a cuda device"),
        # .cuda(device) and torch.cuda's functions, handed a device that is not CUDA's (cpu, mps)
        pattern=r"Invalid device, must be cuda device|Expected a cuda device, but got: ?(?P<device>[\w:]{1,20})",
        meaning={
            "en": "The program moves its model or data with torch's CUDA-only calls (`.cuda(device)`, torch.cuda.*),"
                  " and was given a device that is not an NVIDIA GPU (cpu, or mps on a Mac): that part of the program"
                  " was written for NVIDIA cards only. On a machine with an NVIDIA card the program chose cpu because its"
                  " torch cannot use the card (most often a CPU-only build).",
            "zh": "程序用 torch 只支持 CUDA 的调用（`.cuda(device)`、torch.cuda.*）搬运模型或数据，却拿到了不是 NVIDIA 显卡的设备"
                  "（cpu，或 Mac 上的 mps）：程序的这一部分只为 NVIDIA 显卡编写。在有 NVIDIA 显卡的机器上，是因为程序的 torch 用不了这张卡"
                  "（多半是纯 CPU 版）程序才选了 cpu。",
        },
        settings=("program.code", "machine.gpu"),
        fix_commands=(),
        manual={
            "en": "Without an NVIDIA card this step cannot run in this version of the program: update the program (later"
                  " versions of several of these programs choose cpu or mps themselves), run only the parts that offer"
                  " a device option, or use a machine with an NVIDIA GPU (a cloud notebook) for it.",
            "zh": "没有 NVIDIA 显卡时，这个版本的程序无法运行这一步：更新程序（这类程序有些后来的版本会自己选择 cpu 或 mps），只运行提供"
                  "设备选项的部分，或者在有 NVIDIA 显卡的机器（云端笔记本）上运行这一步。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Invalid device, must be cuda device",
    ),
    Entry(
        id="onnx-dll-load",
        kind="system",
        keys=("onnx_cpp2py_export",),
        pattern=r"DLL load failed while importing onnx_cpp2py_export",
        meaning={
            "en": "The onnx package's own DLL does not load on Windows: onnx 1.16.2 (which an unpinned requirement"
                  " installs) was built against a newer Microsoft Visual C++ runtime than many machines have. Not torch,"
                  " not the GPU.",
            "zh": "onnx 包自己的 DLL 在 Windows 上加载失败：onnx 1.16.2（没有固定版本的依赖会装上它）是用比很多电脑上更新的"
                  " Microsoft Visual C++ 运行库编译的。与 torch 和显卡无关。",
        },
        settings=("python.packages", "windows.vcredist"),
        fix_commands=(),
        manual=_install_pinned({"en": "onnx 1.16.1", "zh": "onnx 1.16.1"}, "onnx==1.16.1",
                               {"en": "; or install the newest Microsoft Visual C++ Redistributable (x64).",
                                "zh": "；或者安装最新的 Microsoft Visual C++ Redistributable（x64）。"}),
        check=CHECK_NONE,
        example="ImportError: DLL load failed while importing onnx_cpp2py_export: 动态链接库(DLL)初始化例程失败。",
    ),
    Entry(
        id="tensorrt-engine-mismatch",
        kind="system",
        keys=("Version tag does not match", "Magic tag does not match", "engine plan file", "failed to load trt"),
        # TensorRT's own words, and CosyVoice's when its engine file (.plan) loads as None
        pattern=r"Serialization assertion [^\n]{0,120}?(?:Version|Magic) tag does not match"
                r"|The engine plan file is (?:not compatible with this version of TensorRT|generated on an incompatible"
                r" device)|failed to load trt (?P<engine>[^\s'\"]{1,300}\.(?:plan|trt|engine))",
        meaning={
            "en": "A TensorRT engine file (.plan, .trt, .engine) was built by another TensorRT version or on another"
                  " GPU: an engine only loads with the TensorRT version and the card generation that built it, so one"
                  " downloaded with a model, copied from another machine or left from before a TensorRT upgrade fails"
                  " here. The model itself is fine.",
            "zh": "TensorRT 引擎文件（.plan、.trt、.engine）是用另一个 TensorRT 版本或在另一张显卡上生成的：引擎只能用生成它的"
                  " TensorRT 版本和同一代显卡加载，所以随模型下载的、从别的电脑拷来的、或升级 TensorRT 之前留下的引擎都会在这里失败。"
                  "模型本身没有问题。",
        },
        settings=("python.packages", "model.files"),
        fix_commands=(),
        manual={
            "en": "Delete the engine file (the .plan/.trt/.engine file the program loads; the ONNX file beside it stays)"
                  " and start again: the program builds a new engine for this TensorRT and this card on its first run"
                  " (current CosyVoice does, in minutes; an older one that only loads the engine it shipped with: update it)."
                  " Or install the tensorrt version the program's requirements name, or turn TensorRT off (CosyVoice:"
                  " load_trt=False).",
            "zh": "删掉引擎文件（程序加载的 .plan/.trt/.engine 文件；旁边的 ONNX 文件保留），然后重新启动：程序第一次运行时会为当前的"
                  " TensorRT 和这张显卡重新生成引擎（新版 CosyVoice 会这样做，需要几分钟；只会加载自带引擎的旧版请更新）。或者安装程序"
                  " requirements 里写的 tensorrt 版本，或者关掉 TensorRT（CosyVoice：load_trt=False）。",
        },
        check=CHECK_NONE,
        example="Serialization assertion stdVersionRead == kSERIALIZATION_VERSION failed.Version tag does not match.",
    ),
    Entry(
        id="gsv-dataset-step-missing",
        kind="system",
        keys=("name2text", "name2semantic", "4-cnhubert", "5-wav32k", "3-bert"),
        # GPT-SoVITS's dataset steps write these for the next one: a step that finds none, an earlier one failed
        pattern=r"(?:No such file or directory|系统找不到指定的文件)[^\n'\"]{0,20}?['\"][^'\"\n]{0,300}?"
                r"(?P<step>2-name2text|6-name2semantic|4-cnhubert|5-wav32k|3-bert)[^'\"\n]{0,100}['\"]",
        meaning={
            "en": "GPT-SoVITS's dataset formatting runs in three steps, each writing files for the next (1Aa: text and"
                  " BERT features, 2-name2text and 3-bert; 1Ab: HuBERT features and 32 kHz audio, 4-cnhubert and 5-wav32k;"
                  " 1Ac: semantic tokens, 6-name2semantic). This step did not find `{step}`: the step that writes it"
                  " failed, and its own error is further up in the console (most often: pretrained models missing, a"
                  " CPU-only torch, or a .list file whose paths do not exist).",
            "zh": "GPT-SoVITS 的训练集格式化分三步，每步为下一步写文件（1Aa：文本和 BERT 特征，2-name2text 和 3-bert；1Ab：HuBERT"
                  " 特征和 32k 音频，4-cnhubert 和 5-wav32k；1Ac：语义 token，6-name2semantic）。这一步没找到 `{step}`：写它的那一步"
                  "失败了，它自己的报错在命令行窗口更上面（最常见：缺少预训练模型、纯 CPU 版 torch，或 .list 文件里的路径不存在）。",
        },
        settings=("model.files", "torch.build", "input.files"),
        fix_commands=(),
        manual={
            "en": "Scroll up in the console to the first error of the earlier step (a traceback under 1-get-text.py,"
                  " 2-get-hubert-wav32k.py or 3-get-semantic.py) and fix that one: download the pretrained models ({models}),"
                  " install the CUDA build of torch (or run that step with half precision off on the CPU), check that the"
                  " .list file's audio paths exist; then run the one-click formatting again.",
            "zh": "在命令行窗口往上翻，找到前一步的第一个报错（1-get-text.py、2-get-hubert-wav32k.py 或 3-get-semantic.py 下的回溯），"
                  "先解决它：下载预训练模型（{models}），安装 CUDA 版 torch（或在 CPU 上关闭半精度运行那一步），确认 .list 文件里的音频"
                  "路径都存在；然后重新执行一键三连。",
        },
        check=CHECK_NONE,
        example="FileNotFoundError: [Errno 2] No such file or directory: 'logs/me/2-name2text-0.txt'",
    ),
    Entry(
        id="rvc-dataset-step-missing",
        kind="system",
        keys=("0_gt_wavs", "1_16k_wavs", "2a_f0", "2b-f0nsf", "3_feature"),
        # RVC's training lists the folders its steps 2a/2b wrote into logs/<experiment>/: a missing one, a failed step
        pattern=r"(?:No such file or directory|cannot find the path specified|系统找不到指定的(?:路径|文件)。?)[^\n'\"]{0,20}?"
                # (not logs/mute/: the silent clips the package ships, a file of its own; a path Python prints doubles
                # its backslashes)
                r"['\"](?P<path>[^'\"\n]{0,300}?)(?<!mute/)(?<!mute\\)(?<!mute\\\\)(?P<step>0_gt_wavs|1_16k_wavs|2a_f0|2b-f0nsf|3_feature(?:256|768))['\"/\\]"
                # told in words: "it tries to access the '3_feature768' folder... which is not generated", "3_feature768没有生成"
                # (within its own clause: not "2a_f0 was created, but the index is not generated")
                r"|(?P<step2>0_gt_wavs|1_16k_wavs|2a_f0|2b-f0nsf|3_feature(?:256|768))(?![0-9A-Za-z_])"
                r"(?:(?!\bbut\b|\bhowever\b|但|可是|而)[^\n,;，；]){0,60}?(?:(?:is |was |are |were )?not"
                r" (?:generated|created|there)|ha(?:s|ve)(?:n'?t| not) been (?:generated|created)"
                r"|(?:doesn'?t|does not|didn'?t) (?:exist|get created|get generated)|is empty"
                r"|没有?生成|是空的|为空|不存在)",
        meaning={
            "en": "RVC's training reads the folders its earlier steps wrote into logs/<experiment>/ (0_gt_wavs and"
                  " 1_16k_wavs: step 2a, processing the data; 2a_f0, 2b-f0nsf and 3_feature256/768: step 2b, pitch and"
                  " features). `{step}` is not there: the step that writes it failed or was not run. It runs as a"
                  " separate command, which most often fails on a space or non-English letters in the program's or the"
                  " dataset's path, or on an empty dataset folder.",
            "zh": "RVC 的训练读取前面步骤写进 logs/<实验名>/ 的文件夹（0_gt_wavs 和 1_16k_wavs：第 2a 步，处理数据；2a_f0、2b-f0nsf"
                  " 和 3_feature256/768：第 2b 步，音高和特征）。`{step}` 不存在：写它的那一步失败了或没有运行。这些步骤作为独立命令"
                  "运行，最常见的失败原因是程序或训练集的路径里有空格或中文等非英文字符，或者训练集文件夹是空的。",
        },
        settings=("program.folder", "input.files"),
        fix_commands=(),
        manual={
            "en": "Move the program to a folder whose path has only English letters, digits, - and _ (D:\\RVC, not a"
                  " OneDrive folder or one with spaces), name the experiment and the dataset folder the same way, then run"
                  " step 2a (process data) and step 2b (extract pitch and features) again and read their output (or"
                  " logs/<experiment>/preprocess.log and extract_f0_feature.log) before training.",
            "zh": "把程序移到路径里只有英文字母、数字、- 和 _ 的文件夹（D:\\RVC，不要放在 OneDrive 或带空格的文件夹里），实验名和"
                  "训练集文件夹也这样命名，然后重新运行第 2a 步（处理数据）和第 2b 步（提取音高和特征），训练前先看它们的输出（或"
                  " logs/<实验名>/preprocess.log 和 extract_f0_feature.log）。",
        },
        check=CHECK_NONE,
        example="FileNotFoundError: [WinError 3] The system cannot find the path specified: 'D:\\\\vc/logs/me/0_gt_wavs'",
    ),
    Entry(
        id="dataset-sample-rate-mismatch",
        kind="system",
        keys=("SR doesn't match target",),
        # VITS's data loader, and every program that took it (RVC, so-vits-svc, Bert-VITS2): a training wav whose
        # sample rate is not the config's
        pattern=r"(?P<rate>\d{4,6}) SR doesn't match target (?P<target>\d{4,6}) SR",
        meaning={
            "en": "A training audio file is at {rate} Hz and the training config expects {target} Hz: the dataset was"
                  " preprocessed (resampled) with another sample-rate setting than the training runs with, or the"
                  " config was changed after preprocessing. The card and the models are fine.",
            "zh": "有一个训练音频是 {rate} Hz，而训练配置要求 {target} Hz：训练集预处理（重采样）时选的采样率与训练时的不同，"
                  "或者预处理之后改了配置。显卡和模型都没有问题。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Use one sample rate from preprocessing to training: run the preprocessing (RVC: step 2a, processing the"
                  " data) again with the sample rate you train with, or train with the sample rate the data was"
                  " preprocessed at (RVC: 40k is the most used; the pretrained models must be of that rate too).",
            "zh": "从预处理到训练用同一个采样率：用训练时的采样率重新做预处理（RVC：第 2a 步，处理数据），或者按预处理时的采样率训练"
                  "（RVC 最常用 40k；底模也要是这个采样率的）。",
        },
        check=CHECK_NONE,
        example="ValueError: 40000 SR doesn't match target 48000 SR",
    ),
    Entry(
        id="tensor-size-mismatch",
        kind="system",
        generic=True,
        keys=("must match the size of tensor b",),
        pattern=r"The size of tensor a \((?P<a>\d+)\) must match the size of tensor b \((?P<b>\d+)\)",
        meaning={
            "en": "Two tensors that one operation combines have different lengths ({a} and {b}): data and model do not"
                  " fit each other. In training, the dataset was preprocessed with other settings (sample rate, model"
                  " version) than the training uses, or the pretrained models are of another sample rate; in"
                  " inference, a model is loaded with another version's config. A bug of the program does the same.",
            "zh": "一次运算里两个张量的长度不同（{a} 和 {b}）：数据与模型对不上。训练时，是训练集预处理用的设置（采样率、模型版本）"
                  "与训练时不同，或者底模是别的采样率的；推理时，是模型配上了别的版本的配置。程序的 bug 也会这样。",
        },
        settings=("input.files", "model.match", "program.code"),
        fix_commands=(),
        manual={
            "en": "Use one sample rate and one model version from preprocessing to training, with pretrained models of"
                  " that rate (RVC: train at 40k when 48k fails; rerun the preprocessing and feature extraction after"
                  " changing either); in inference, use the config that came with the model. If all match, {update}.",
            "zh": "从预处理到训练用同一个采样率和同一个模型版本，底模也用这个采样率的（RVC：48k 出错时改用 40k；改了任何一项都要重新"
                  "预处理和提取特征）；推理时用模型自带的配置。都对得上时，{update}。",
        },
        check=CHECK_NONE,
        example="RuntimeError: The size of tensor a (28) must match the size of tensor b (33) at non-singleton dimension 2",
    ),
    Entry(
        id="gsv-g2pw-download-gone",
        kind="system",
        keys=("G2PWModel",),
        # GPT-SoVITS before 2025-04-19 fetched it from paddlespeech's bcebos server, which now answers with a JSON error
        pattern=r"G2PWModel[^\n]{0,300}?(?:AccessDenied|NoSuchKey|Access Denied)"
                r"|G2PWModel_1\.1\.zip[^\n]{0,300}(?:\n[^\n]{0,300}){0,8}?(?:AccessDenied|NoSuchKey)",
        lines=9,
        meaning={
            "en": "The server older GPT-SoVITS versions download the G2PW model (G2PWModel_1.1.zip, for Chinese"
                  " polyphonic characters) from no longer serves it: it answers with an error in JSON instead of the"
                  " file. Nothing on this computer is wrong.",
            "zh": "旧版 GPT-SoVITS 下载 G2PW 模型（G2PWModel_1.1.zip，用于中文多音字）的服务器已经不再提供这个文件：它返回一段 JSON"
                  " 错误，而不是文件。这台电脑没有任何问题。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual_any={
            "en": "{update} (newer releases download it from elsewhere), or download G2PWModel.zip from the links in the"
                  " program's README, unzip it and put the G2PWModel folder where the README says.",
            "zh": "{update}（新版本从别处下载），或者从程序 README 里的链接下载 G2PWModel.zip，解压后把 G2PWModel 文件夹放到 README"
                  " 说的位置。",
        },
        manual={
            "en": "Update GPT-SoVITS (versions from 2025-04-19 on download it from Hugging Face or ModelScope), or"
                  " download G2PWModel.zip from the links in GPT-SoVITS's README (Hugging Face: XXXXRT/GPT-SoVITS-Pretrained),"
                  " unzip it, rename the folder to G2PWModel and put it in GPT_SoVITS/text.",
            "zh": "更新 GPT-SoVITS（2025-04-19 以后的版本从 Hugging Face 或 ModelScope 下载），或者从 GPT-SoVITS README 里的链接"
                  "（Hugging Face：XXXXRT/GPT-SoVITS-Pretrained）下载 G2PWModel.zip，解压后把文件夹改名为 G2PWModel，放进"
                  " GPT_SoVITS/text。",
        },
        check=CHECK_NONE,
        example='G2PWModel_1.1.zip {"code":"AccessDenied","message":"Access Denied."}',
    ),
    Entry(
        id="gsv-dataset-all-skipped",
        kind="system",
        # the assertion's own source line: quoted in a post (in a traceback, explain reads it from the frame)
        keys=("audiopaths_sid_text_new",),
        pattern=r"len\(audiopaths_sid_text_new\) > 1",
        meaning={
            "en": "GPT-SoVITS's SoVITS training dropped every clip of the formatted dataset, and it needs at least two."
                  " It prints why just above the error: skipped_phone counts clips whose text gave no usable phonemes"
                  " (a language the .list's language column does not match, or one GPT-SoVITS does not speak: Chinese,"
                  " Japanese and English, plus Cantonese and Korean from v2), skipped_dur clips shorter than 0.6 s or"
                  " longer than 54 s. Not the card and not the models.",
            "zh": "GPT-SoVITS 的 SoVITS 训练把格式化好的训练集里的片段全部丢掉了，而它至少需要两条。原因打印在报错上方："
                  "skipped_phone 是文本得不到可用音素的条数（.list 里的语种列与文本不符，或是 GPT-SoVITS 不支持的语言：它支持中文、"
                  "日语、英语，v2 起还有粤语和韩语），skipped_dur 是短于 0.6 秒或长于 54 秒的条数。与显卡和模型无关。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Read the `skipped_phone: ..., skipped_dur: ...` line above the error. Many skipped_phone: correct the"
                  " .list file (each line `path|speaker|language|text`, with the text's language code: zh, ja, en, yue,"
                  " ko), keep the text to those languages, then run the dataset formatting (1A) again. Many skipped_dur:"
                  " slice the audio into clips of a few seconds (0.6 to 54 s) and format again.",
            "zh": "看报错上方的 `skipped_phone: ..., skipped_dur: ...` 一行。skipped_phone 多：改正 .list 文件（每行"
                  " `路径|说话人|语种|文本`，语种写文本对应的代码：zh、ja、en、yue、ko），文本只用这些语言，然后重新做训练集格式化（1A）。"
                  "skipped_dur 多：把音频切成几秒的片段（0.6 到 54 秒）再格式化。",
        },
        check=CHECK_NONE,
        example="assert len(audiopaths_sid_text_new) > 1  # 至少能凑够batch size，这里todo",
    ),
    Entry(
        id="gsv-dataset-list-fields",
        kind="system",
        keys=("values to unpack (expected 4",),
        # GPT-SoVITS's dataset steps read each .list line as path|speaker|language|text (Bert-VITS2's lists too)
        pattern=r"(?:not enough|too many) values to unpack \(expected 4(?:, got \d+)?\)",
        # (GPT-SoVITS's webui.py, not any folder named *webui: TTS-WebUI's model code unpacks shapes)
        frames=r"(?:prepare_datasets|1-get-text|text[\\/]cleaner|preprocess_text|(?:^|[\\/])webui\.py\b)",
        # (in model code the same words are a tensor's shape: "b, c, h, w = x.shape")
        untraced_words=r"一键三连|\.list\b|数据集|格式化|打标|标注|\bdataset\b|list file|\b1A\b|get-text|preprocess",
        untraced_projects=("gpt-sovits", "unknown"),
        meaning={
            "en": "A line of the dataset's .list file does not have its four fields `path|speaker|language|text`"
                  ": an empty line, a line break inside a text, a missing or an extra `|`, or a list written"
                  " by another tool. The audio and the models are fine.",
            "zh": "训练集 .list 文件里有一行不是 `路径|说话人|语种|文本` 四个字段：空行、文本中间换了行、少了或多了"
                  " `|`，或是别的工具写的列表。音频和模型都没有问题。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Open the .list file in a text editor, remove empty lines and line breaks inside texts, and make every"
                  " line `path|speaker|language|text` (language: zh, ja, en, yue, ko); or run the ASR step again to write"
                  " it. Then run the dataset formatting again.",
            "zh": "用文本编辑器打开 .list 文件，删掉空行和文本中间的换行，让每一行都是 `路径|说话人|语种|文本`（语种：zh、ja、en、"
                  "yue、ko）；或者重新跑一遍 ASR 步骤生成它。然后重新做训练集格式化。",
        },
        check=CHECK_NONE,
        example="ValueError: not enough values to unpack (expected 4, got 1)",
    ),
    Entry(
        id="gsv-dataset-not-formatted",
        kind="system",
        keys=("AssertionError",),
        # s2_train.py's data loader asserts that the formatted dataset is there (2-name2text.txt, 4-cnhubert, 5-wav32k)
        pattern=r"^(?:AssertionError|AssertionError: *)\s*$",
        flags=re.MULTILINE,
        frames=r"GPT_SoVITS[\\/]module[\\/]data_utils\.py __init__",
        meaning={
            "en": "GPT-SoVITS's SoVITS training starts by checking that the formatted dataset is in"
                  " logs/<experiment>/ (2-name2text.txt, the 4-cnhubert and 5-wav32k folders), and one is missing: the"
                  " dataset formatting (1A, or its one-click button) did not finish for this experiment name, or the"
                  " training runs under another experiment name than the formatting did.",
            "zh": "GPT-SoVITS 的 SoVITS 训练一开始会检查 logs/<实验名>/ 里有没有格式化好的训练集（2-name2text.txt、4-cnhubert 和"
                  " 5-wav32k 文件夹），而其中有一个不存在：这个实验名的训练集格式化（1A，一键三连）没有完成，或者训练用的实验名和"
                  "格式化时的不一样。",
        },
        settings=("input.files", "model.files"),
        fix_commands=(),
        manual={
            "en": "Run the dataset formatting (1Aa to 1Ac, or the one-click button) again for this experiment name and read"
                  " the console for its first error (pretrained models missing, a CPU-only torch, a .list file whose"
                  " paths do not exist); keep the same experiment name, in English letters, for formatting and"
                  " training; then start the SoVITS training again.",
            "zh": "用这个实验名重新运行训练集格式化（1Aa 到 1Ac，或一键三连），看命令行窗口里它的第一个报错（缺少预训练模型、纯 CPU"
                  " 版 torch、.list 文件里的路径不存在）；格式化和训练用同一个英文实验名；然后重新开始 SoVITS 训练。",
        },
        check=CHECK_NONE,
        example="AssertionError",
    ),
    Entry(
        id="windows-dll-load",
        kind="system",
        generic=True,  # after the specific causes of a failed load (paging file, a missing cuDNN)
        keys=("or one of its dependencies", "DLL load failed", "Redistributable is not installed", "WinError 126",
              "WinError 127"),
        # (retyped: "error loading   "...\\fbgemm.dll" or one of its dependencies")
        pattern=r"[Ee]rror loading[ \t]{1,4}\"?[^\"\n]{0,400}?(?<![\w.-])(?P<dll>[\w.-]{1,200}\.dll)\"? or one of its dependencies"
                r"|DLL load failed(?! while importing onnx_cpp2py_export)(?: while importing (?P<module>[\w.]+))?"
                # torch's own hint before the error; a bare WinError 126 (module) or 127 (procedure) not found
                r"|Visual C\+\+ Redistributable is not installed|\[WinError 12[67]\]",
        meaning={
            "en": "Windows could not load a DLL (of torch, or of a library it imports) or one that DLL depends on: the"
                  " Microsoft Visual C++ Redistributable is missing or too old, the torch install is broken or mixed"
                  " (two versions in one Python), or the folder path has characters the loader trips on. Not the GPU"
                  " settings and not half precision.",
            "zh": "Windows 无法加载某个 DLL（torch 的，或它导入的库的）或其依赖：Microsoft Visual C++ 运行库缺失或太旧，"
                  "torch 安装损坏或混装（一个 Python 里有两个版本），或者文件夹路径里有加载器处理不了的字符。与显卡设置和半精度无关。",
        },
        settings=("windows.vcredist", "torch.build"),
        fix_commands=(),
        manual={
            "en": "Install the latest Microsoft Visual C++ Redistributable for Visual Studio 2015-2022 (x64) from"
                  " Microsoft and restart Windows. If it still fails, reinstall torch into that Python"
                  " (`python -m pip install --force-reinstall torch torchaudio` with the index URL of the CUDA build"
                  " your driver supports), or unpack the Windows package again into a short path with only English"
                  " letters (for example D:\\AI\\).",
            "zh": "从微软官网安装最新的 Microsoft Visual C++ 2015-2022 运行库（x64）并重启 Windows。仍然失败时，给该 Python"
                  "重装 torch（`python -m pip install --force-reinstall torch torchaudio`，用驱动支持的 CUDA 版的 index URL），"
                  "或把整合包重新解压到只有英文字母的短路径（例如 D:\\AI\\）。",
        },
        check=CHECK_NONE,
        example='OSError: [WinError 126] The specified module could not be found. Error loading'
                ' "C:\\AI\\venv\\Lib\\site-packages\\torch\\lib\\fbgemm.dll" or one of its dependencies.',
    ),
    Entry(
        id="cuda-init-failure",
        kind="driver",
        keys=("CUDA unknown error", "cudaGetDeviceCount", "CUDA call failed lazily", "unsupported display driver",
              "is/are busy or unavailable"),
        pattern=r"CUDA unknown error - this may be due to an incorrectly set up environment"
                r"|CUDA-capable device\(s\) is/are busy or unavailable"
                r"|Unexpected error from cudaGetDeviceCount\(\)|CUDA call failed lazily at initialization"
                r"|system has unsupported display driver / cuda driver combination",
        meaning={
            "en": "torch found the NVIDIA driver but could not start the GPU: the driver is in a bad state (on Linux"
                  " often after suspend, or after a driver update without a restart), its parts do not match each"
                  " other, or CUDA_VISIBLE_DEVICES names a card that is not there. torch then sees no usable GPU.",
            "zh": "torch 找到了 NVIDIA 驱动，但无法启动显卡：驱动状态异常（Linux 上常见于休眠唤醒后，或更新驱动后没有重启），"
                  "驱动各部分版本不一致，或者 CUDA_VISIBLE_DEVICES 指向了不存在的显卡。于是 torch 看不到可用的显卡。",
        },
        settings=("nvidia.driver", "gpu.card"),
        fix_commands=(),
        manual={
            "en": "Restart the computer (on Linux after suspend, `sudo rmmod nvidia_uvm && sudo modprobe nvidia_uvm`"
                  " also works); check that `nvidia-smi` lists the card; update or reinstall the NVIDIA driver; unset"
                  " CUDA_VISIBLE_DEVICES or give it an existing card number. Until then, run on the CPU: {to_cpu}.",
            "zh": "重启电脑（Linux 休眠唤醒后也可以 `sudo rmmod nvidia_uvm && sudo modprobe nvidia_uvm`）；确认 `nvidia-smi`"
                  " 能列出显卡；更新或重装 NVIDIA 驱动；取消 CUDA_VISIBLE_DEVICES 或设为存在的显卡编号。修好之前先用 CPU：{to_cpu}。",
        },
        check=CHECK_CUDA_BUILD,
        example="UserWarning: CUDA initialization: CUDA unknown error - this may be due to an incorrectly set up"
                " environment, e.g. changing env variable CUDA_VISIBLE_DEVICES after program start.",
    ),
    Entry(
        id="torch-weights-only",
        kind="system",
        keys=("Weights only load failed", "WeightsUnpickler error", "UnpicklingError"),
        pattern=r"Weights only load failed|WeightsUnpickler error"
                # the error named with its message cut off: IPython's heading, or the bare name (pasted without the
                # lines below it); where a message follows, that message is read instead
                r"|^[ \t]*(?:_pickle\.)?UnpicklingError(?:[ \t]{2,}Traceback \(most recent call last\))?[ \t:]*$",
        harmless=(("UnpicklingError", r"UnpicklingError: (?!Weights only)\S"),),
        harmless_within=10_000,
        harmless_if=r"^[ \t]*(?:_pickle\.)?UnpicklingError",  # (the cut-off name only)
        meaning={
            "en": "torch 2.6 and newer load model files with weights_only=True by default, which refuses files that"
                  " hold Python objects: many voice models do (GPT-SoVITS's SoVITS weights keep their hyperparameters"
                  " that way, the fairseq HuBERT that RVC and so-vits-svc load is another). The model file is fine; the"
                  " program was written for an older torch.",
            "zh": "torch 2.6 及以后默认以 weights_only=True 加载模型文件，会拒绝含有 Python 对象的文件：很多语音模型都是这样"
                  "（GPT-SoVITS 的 SoVITS 权重用这种方式保存超参数，RVC 和 so-vits-svc 加载的 fairseq HuBERT 也是）。"
                  "模型文件没有问题；是程序按旧版 torch 写的。",
        },
        settings=("torch.version",),
        fix_commands=(),
        manual={
            "en": "Set the environment variable TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1 before starting the program"
                  " (Windows: `set TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1` before the start line of the .bat file), or"
                  " {update}, or install a torch older than 2.6 into that Python. Only for model files you trust.",
            "zh": "启动程序前设置环境变量 TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1（Windows：在 .bat 文件启动行前加"
                  " `set TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`），或者{update}，或者给该 Python 安装 2.6 以前的 torch。"
                  "只对你信任的模型文件这样做。",
        },
        check=CHECK_NONE,
        example="_pickle.UnpicklingError: Weights only load failed. This file can still be loaded, to do so you have"
                " two options",
    ),
    Entry(
        id="transformers-needs-newer-torch",
        kind="system",
        keys=("upgrade torch to at least",),
        pattern=r"upgrade torch to at least v?(?P<need>\d+\.\d+)",
        meaning={
            "en": "transformers (the library that loads the BERT, HuBERT or Whisper models) is too new for the installed"
                  " torch: since 4.50 it refuses to torch.load .bin model files on torch older than {need}. The torch"
                  " in this Python is older.",
            "zh": "transformers（加载 BERT、HuBERT 或 Whisper 模型的库）对已安装的 torch 来说太新了：4.50 起它在 torch"
                  " {need} 以前拒绝用 torch.load 加载 .bin 模型文件。该 Python 中的 torch 更旧。",
        },
        settings=("transformers.version", "torch.version"),
        fix_commands=(),
        manual={
            "en": "Install a transformers older than 4.50 into the program's Python (`python -m pip install"
                  " \"transformers<4.50\"`; the program's requirements name the version it was tested with), or"
                  " upgrade torch to {need} or newer (the CUDA build for your card).",
            "zh": "给程序的 Python 安装 4.50 以前的 transformers（`python -m pip install \"transformers<4.50\"`；"
                  "程序的 requirements 写着它测试过的版本），或把 torch 升级到 {need} 或更新（与显卡匹配的 CUDA 版）。",
        },
        check=CHECK_NONE,
        example="ValueError: Due to a serious vulnerability issue in `torch.load`, even with `weights_only=True`, we now"
                " require users to upgrade torch to at least v2.6 in order to use the function.",
    ),
    Entry(
        id="model-file-missing",
        kind="system",
        generic=True,  # after the specific missing files (a CUDA library, ffmpeg, NLTK's data)
        keys=("No such file or directory", "系统找不到指定的", "系統找不到指定的", "cannot find the file specified", "find file", "find the file",
              "Incorrect path_or_model_id", "Model file not found",
              "cannot find the path specified", "is not a local folder and is not a valid model identifier",
              "Can't load tokenizer for", "Can't load the configuration of", "Repo id must be in the form",
              "models found in", "NO_SUCHFILE", "file is not found", "Model folder", "Model files not found",
              # (a CJK key costs a search of the whole log: the two that the Chinese words below all hold)
              "model files not found", "The provided filename", "到文件", "到模型文件"),
        pattern=r"(?:No such file or directory|系统找不到指定的(?:文件|路径)。?|cannot find the (?:file|path) specified\.?)"
                r"[^\n'\"]{0,20}?['\"](?P<path>[^'\"\n]{0,300}?\.(?:pth?|ckpt|onnx|bin|safetensors|index|json|npy|model|yaml"
                r"|wav))(?:['\"]|\s*$)"  # (a retyped line may lose the closing quote)
                # torch.jit.load's own words; a file told missing in Chinese words ("没有找到文件 models/x/path.yaml")
                r"|The provided filename (?P<path16>[^\s'\"]{1,300}?\.(?:zip|pth?|ckpt|onnx|bin|json|yaml)) does not exist"
                r"|(?:没有找到|找不到|未找到)(?:文件|模型文件)[:：]?\s?['\"]?(?P<path17>[^\s'\"，。；、]{1,300}?\.(?:pth?|ckpt|onnx|bin"
                r"|safetensors|index|json|npy|yaml|model|zip))(?!\.?[A-Za-z0-9_])"
                # (retyped without its quotes: "No such file or directory: ./finetune-speaker.json!")
                r"|No such file or directory: (?P<path15>[^\s'\"!,;]{1,300}?\.(?:pth?|ckpt|onnx|bin|safetensors|index|json|npy"
                r"|model|yaml|wav))(?!\.?[A-Za-z0-9_])"  # (a full stop or Chinese words after it are no part of it)
                r"|NO_SUCHFILE : Load model from (?P<path10>[^\n]{1,300}?\.onnx) failed"
                # a model's folder, downloaded (not made by a step): pretrained_models/chinese-hubert-base, uvr5_weights,
                # tools/asr/models/faster-whisper-large-v3 (a folder: what follows it holds no file's extension)
                r"|(?:No such file or directory|系[统統]找不到指定的路[径徑]。?|cannot find the path specified\.?): ['\"]"
                r"(?P<path18>(?:[^'\"\n]{0,300}?[\\/])?(?:pretrained(?:_models)?|[\w-]{0,40}_weights(?:_v\w{1,10})?|weights"
                r"|checkpoints?|[\w-]{0,40}[Mm]odels?)(?:[\\/][^'\".\n]{0,300})?)['\"]"
                # (from the start of a word only: tried at every character of a long line it was quadratic)
                r"|(?<![^\s'\"])['\"]?(?P<path2>[^'\"\s]{1,300}?)['\"]? is not a local folder and is not a valid model identifier"
                r"|Can't load (?:tokenizer|the configuration of) for ['\"](?P<path3>[^'\"\n]{1,300})['\"]"
                r"|Incorrect path_or_model_id: ['\"](?P<path5>[^'\"\n]{1,300})['\"]"
                # huggingface_hub reading a local path that is not there as a repository's name
                r"|Repo id must be in the form 'repo_name' or 'namespace/repo_name': '(?P<path7>[^'\n]{1,300})'"
                # a program's own check of its model folder: "No encoder models found in encoder/saved_models"
                # (a quoted folder keeps its spaces; a sentence's full stop is no part of it; "in the weights folder"
                # names no path)
                r"|\bNo (?:\w{1,20} )?models found in (?:['\"](?P<path9>[^'\"\n]{1,300})['\"]"
                r"|(?!(?:[Tt]he|an?|this|that|your|my|any)\b)(?P<path8>[^'\"\s]{1,300}?)(?=[.,;:]?(?:\s|$)))"
                # a program's own assert, naming the file by what it is: "HifiGAN model file is not found!"
                r"|\b(?!(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Yy]our|[Mm]y|[Ii]ts|[Nn]o)\b)"
                r"(?P<path11>[A-Za-z][\w-]{0,40} (?:model|checkpoint|vocoder|weights?) file) is not found"
                # "Model folder saved_models/default doesn't exist.", "Error: Model files not found. Please download"
                # (unquoted, a path without spaces: a lazy run over spaces cost seconds on a line of many "Model folder")
                r"|\b[Mm]odel (?:folder|directory) (?:['\"](?P<path12>[^'\"\n]{1,300})['\"]|(?P<path14>[^'\"\s]{1,300}))"
                r" (?:does not|doesn'?t) exist"
                r"|\b(?P<path13>[Mm]odel files) not found\b"
                r"|Model file not found: ['\"]?(?P<path6>[^'\"\n]{1,300}?\.(?:pth?|ckpt|onnx|bin|safetensors))\b"
                # retyped by the user: "can't find file logs/mute/0_gt_wavs/mute40k.wav"
                r"|(?:can'?t|cannot|could not|couldn'?t) find (?:the )?file:? ?['\"]?(?P<path4>[^'\"\s]{1,300}?\.(?:pth?|ckpt"
                r"|onnx|bin|safetensors|index|json|npy|wav))\b",
        meaning={
            "en": "A file or model folder the program needs is not where it looks: {path}. Most often a model or asset that was never"
                  " downloaded (pretrained models, hubert, rmvpe, UVR5 weights), a package unpacked only in part, or"
                  " the program started from another folder, so its relative paths point elsewhere. Not the GPU"
                  " settings.",
            "zh": "程序需要的文件或模型文件夹不在它查找的位置：{path}。最常见的是模型或资源文件没有下载（预训练模型、hubert、rmvpe、"
                  "UVR5 权重），整合包只解压了一部分，或程序是从别的文件夹启动的，相对路径指向了别处。与显卡设置无关。",
        },
        settings=("model.files", "input.files"),
        fix_commands=(),
        manual={
            "en": "Check that {path} exists where the program runs. If it is a model: {models}. Start the program from"
                  " its own folder (its start script does). If it is a file you chose, check the path in the UI.",
            "zh": "检查 {path} 在程序运行的位置是否存在。如果是模型：{models}。从程序自己的文件夹启动它（启动脚本就是这样做的）。"
                  "如果是你选的文件，检查界面里填写的路径。",
        },
        check=CHECK_NONE,
        example="FileNotFoundError: [Errno 2] No such file or directory: 'pretrained/hubert_base.pt'",
    ),
    Entry(
        id="path-not-found",
        kind="system",
        generic=True,  # after the files with their own entry (a model, ffmpeg, a dataset step's output, a split path)
        keys=("No such file or directory", "cannot find the path specified", "找不到指定的路径", "找不到指定的路徑"),
        # (Python quotes a name holding ' with "; a command line run as one file name is no path: "tensorboard --logdir",
        # but Windows' copy of a folder is: "RVC - Copy"; a bare name is a program that Python ran on Linux, "git")
        pattern=r"(?:FileNotFoundError: \[Errno 2\] No such file or directory(?!: ['\"][\w-]{1,100}['\"])"
                r"|\[WinError 3\] (?:The system cannot find the path specified|系[统統]找不到指定的路[径徑]。?)): "
                r"(?:'(?P<path>(?![^'\n]*\s--?[A-Za-z])[^'\n]{1,300})'"
                r"|\"(?P<path2>(?![^\"\n]*\s--?[A-Za-z])[^\"\n]{1,300})\")"
                # (retyped without its quotes: a path, with a folder or an extension)
                r"|FileNotFoundError: \[Errno 2\] No such file or directory: (?P<path3>(?=[^\s'\"!,;]{0,300}[/\\.])"
                r"[^\s'\"!,;，。；！？、]{1,300}?)(?=\.?(?:[\s'\"!,;，。；！？、]|$))",
        meaning={
            "en": "The program opened {path}, and there is no such file or folder. It is none of the models or tools"
                  " gsv-doctor knows: most often a file an earlier step makes (a dataset list, a step's output folder)"
                  " that the step did not make, a path typed into the program that is not where the file is, or a"
                  " relative path (./...) read from another folder than the program's. Not the GPU settings.",
            "zh": "程序打开 {path}，而那里没有这个文件或文件夹。它不是 gsv-doctor 认识的模型或工具：最常见的是前一步应该生成的"
                  "文件（训练集列表、某一步的输出文件夹）没有生成，界面里填写的路径不是文件真正所在的位置，或者相对路径（./...）"
                  "是从程序以外的文件夹读的。与显卡设置无关。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Check where {path} should be. If an earlier step makes it (slicing, speech recognition,"
                  " preprocessing), run that step again and read its own output for the first error. If you typed the"
                  " path, copy it from the file manager (in Explorer: Shift + right click, Copy as path) and paste it"
                  " without the quotes. Start the program from its own folder (its start script does).",
            "zh": "确认 {path} 应该在哪里。如果它是前一步生成的（切片、语音识别、预处理），重新运行那一步，并看它自己的输出里"
                  "的第一个错误。如果路径是你填写的，从文件管理器里复制它（资源管理器里：按住 Shift 右键，复制为路径），"
                  "粘贴时去掉引号。从程序自己的文件夹启动它（启动脚本就是这样做的）。",
        },
        check=CHECK_NONE,
        example="FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\GSV\\\\output\\\\asr_opt\\\\slicer_opt.list'",
    ),
    Entry(
        id="model-file-empty",
        kind="system",
        keys=("Ran out of input",),
        pattern=r"EOFError: Ran out of input",
        frames=r"serialization\.py|load_checkpoint|torch_load",  # torch.load (not multiprocessing's own pickles)
        meaning={
            "en": "A model file torch tried to load is empty (0 bytes): a download or a save that did not finish (the"
                  " program stopped while writing it, the disk was full), or a file another step had only begun to"
                  " write. The program and torch are fine.",
            "zh": "torch 要加载的模型文件是空的（0 字节）：下载或保存没有完成（写入时程序停了、磁盘满了），或者另一个步骤才开始写"
                  "这个文件。程序和 torch 本身没有问题。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual=_MODEL_FILE_AGAIN,
        check=CHECK_NONE,
        example="EOFError: Ran out of input",
    ),
    Entry(
        id="checkpoint-path-missing",
        kind="system",
        keys=("AssertionError",),
        # VITS-family utils.load_checkpoint (so-vits-svc, Bert-VITS2, RVC's training) asserts the file is there,
        # with no message; the path is the one the config or the UI gave
        pattern=r"^(?:AssertionError|AssertionError: *)\s*$",
        flags=re.MULTILINE,
        frames=r"\bload_checkpoint\b",
        meaning={
            "en": "The model file the program was told to load is not there: its load_checkpoint checks that the path"
                  " is a file and stops with a bare AssertionError when it is not. The path comes from the config file,"
                  " the UI's model field or a command-line option (a typo, a model that was never trained or downloaded,"
                  " a folder given instead of the file, a relative path from another starting folder).",
            "zh": "程序要加载的模型文件不存在：它的 load_checkpoint 先检查路径是不是文件，不是就以不带信息的 AssertionError 停止。"
                  "路径来自配置文件、界面里的模型栏或命令行参数（拼写错误、模型还没训练或没下载、填的是文件夹而不是文件、"
                  "从别的文件夹启动导致相对路径失效）。",
        },
        settings=("model.files", "input.files"),
        fix_commands=(),
        manual={
            "en": "Look at the path the program loads (the model path in its config file, e.g. config.yml's model:"
                  " or the model chosen in the UI, or the G_*.pth / D_*.pth in the logs folder for training) and make it"
                  " name a file that exists, as a full path; download or train the model first where there is none.",
            "zh": "检查程序加载的路径（配置文件里的模型路径，例如 config.yml 的 model:，或界面里选的模型；训练时是 logs"
                  " 文件夹里的 G_*.pth / D_*.pth），让它指向一个确实存在的文件，最好写完整路径；还没有模型的先下载或训练。",
        },
        check=CHECK_NONE,
        example="AssertionError",
    ),
    Entry(
        id="model-file-corrupt",
        kind="system",
        keys=("failed finding central directory", "PytorchStreamReader failed", "invalid load key",
              "pickle data was truncated", "Error while deserializing header", "Protobuf parsing failed",
              "mmap can only be used with files saved with"),
        pattern=r"PytorchStreamReader failed reading (?:zip archive|file)[^\n]{0,80}|failed finding central directory"
                r"|invalid load key, '(?P<key>[^'\n]{1,8})'|pickle data was truncated"
                r"|Error while deserializing header: \w+|Protobuf parsing failed"
                # torch.load(mmap=True) of a file that is no zip checkpoint (ChatTTS loads its Vocos.pt so)
                r"|mmap can only be used with files saved with",
        meaning={
            "en": "A model file is damaged or is not the model at all: the download stopped early, a web page or a Git"
                  " LFS pointer (a few hundred bytes of text) was saved in its place, or the disk was full when it was"
                  " written. The program and torch are fine.",
            "zh": "某个模型文件已损坏，或者根本不是模型：下载中途断了，保存下来的是网页或 Git LFS 指针（几百字节的文本），"
                  "或写入时磁盘满了。程序和 torch 都没有问题。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual=_MODEL_FILE_AGAIN,
        check=CHECK_NONE,
        example="RuntimeError: PytorchStreamReader failed reading zip archive: failed finding central directory",
    ),
    Entry(
        id="ffmpeg-wrong-package",
        kind="system",
        keys=("module 'ffmpeg' has no attribute",),
        pattern=r"module 'ffmpeg' has no attribute '(?P<attribute>\w+)'",
        meaning={
            "en": "The Python package named `ffmpeg` is installed, not `ffmpeg-python`, which the program imports under"
                  " the same name (`ffmpeg.input` comes from ffmpeg-python). The audio files are fine.",
            "zh": "装的是名为 `ffmpeg` 的 Python 包，而不是程序需要的 `ffmpeg-python`（两者导入名相同，`ffmpeg.input` 来自"
                  " ffmpeg-python）。音频文件没有问题。",
        },
        settings=("ffmpeg", "python.packages"),
        fix_commands=(),
        manual={
            "en": "With the program's Python: `python -m pip uninstall -y ffmpeg python-ffmpeg`, then `python -m pip"
                  " install ffmpeg-python`. The ffmpeg program itself must also be there (ffmpeg.exe beside the"
                  " program or on PATH; Linux: `apt install ffmpeg`; Mac: `brew install ffmpeg`).",
            "zh": "用程序的 Python 运行：`python -m pip uninstall -y ffmpeg python-ffmpeg`，然后 `python -m pip install"
                  " ffmpeg-python`。ffmpeg 程序本身也要有（ffmpeg.exe 放在程序旁边或在 PATH 中；Linux：`apt install ffmpeg`；"
                  "Mac：`brew install ffmpeg`）。",
        },
        check=CHECK_NONE,
        example="AttributeError: module 'ffmpeg' has no attribute 'input'",
    ),
    Entry(
        id="sox-missing",
        kind="system",
        keys=("SoX could not be found", "sox", "SoX"),
        # pysox's warning when it is imported without the sox program on PATH, and the shells' own words
        pattern=r"SoX could not be found!?|['\"]?sox(?:\.exe)?['\"]? (?:is not recognized as an internal or external command"
                r"|不是内部或外部命令)|\bsox: (?:command )?not found",
        meaning={
            "en": "SoX, a separate audio program (not a Python package) that the program's pysox or sox backend calls, is"
                  " not installed or not on PATH. pysox prints this when it is imported; only the steps that call SoX"
                  " fail, and where the program goes on the notice can be left alone.",
            "zh": "SoX 是一个独立的音频程序（不是 Python 包），程序用的 pysox 或 sox 后端要调用它，但它没有安装或不在 PATH 里。"
                  "pysox 一被导入就打印这条提示；只有调用 SoX 的步骤会失败，程序能继续运行的话可以不管它。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the SoX program: Windows: the installer from sox.sourceforge.net, then add its folder (e.g."
                  " C:\\Program Files (x86)\\sox-14-4-2) to PATH and open a new console; conda: `conda install -c"
                  " conda-forge sox`; Linux: `sudo apt install sox`; macOS: `brew install sox`. Then start the program"
                  " again.",
            "zh": "安装 SoX 程序：Windows：从 sox.sourceforge.net 下载安装程序，然后把它的文件夹（例如"
                  " C:\\Program Files (x86)\\sox-14-4-2）加入 PATH 并打开新的命令行窗口；conda：`conda install -c conda-forge"
                  " sox`；Linux：`sudo apt install sox`；macOS：`brew install sox`。然后重新启动程序。",
        },
        check=CHECK_NONE,
        example="SoX could not be found!",
    ),
    Entry(
        id="ffmpeg-missing",
        kind="system",
        keys=("ffmpeg", "FFmpeg", "ffprobe"),
        # (named bare by Linux's subprocess, or by its path: '/usr/bin/ffmpeg', 'D:\\GSV\\ffprobe.exe')
        pattern=r"No such file or directory: ['\"](?:[^'\"\n]{0,300}[\\/])?ff(?:mpeg|probe)(?:\.exe)?['\"]"
                r"|['\"]?ffmpeg(?:\.exe)?['\"]? is not recognized as an"
                r" internal or external command|ffmpeg(?:\.exe)?['\"]? 不是内部或外部命令|(?:ffmpeg|FFmpeg) (?:was )?not found"
                r"|(?:ffmpeg|FFmpeg) is not installed|(?:找不到|未找到|没有找到)\s?ffmpeg",
        flags=re.IGNORECASE,
        meaning={
            "en": "ffmpeg, the program that decodes audio files, is not installed or not where the program looks (the"
                  " Windows packages keep ffmpeg.exe and ffprobe.exe in their own folder).",
            "zh": "没有安装 ffmpeg（解码音频文件的程序），或者它不在程序查找的位置（Windows 整合包把 ffmpeg.exe 和"
                  " ffprobe.exe 放在自己的文件夹里）。",
        },
        settings=("ffmpeg",),
        fix_commands=(),
        manual={
            "en": "Windows: put ffmpeg.exe and ffprobe.exe in the program's folder (the package's copies, or from"
                  " ffmpeg.org) or add their folder to PATH; Linux: `apt install ffmpeg`; Mac: `brew install ffmpeg`;"
                  " conda: `conda install ffmpeg`. Then restart the program.",
            "zh": "Windows：把 ffmpeg.exe 和 ffprobe.exe 放进程序文件夹（用整合包里的，或从 ffmpeg.org 下载），或把它们所在的"
                  "文件夹加入 PATH；Linux：`apt install ffmpeg`；Mac：`brew install ffmpeg`；conda：`conda install ffmpeg`。"
                  "然后重启程序。",
        },
        check=CHECK_NONE,
        example="FileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg'",
    ),
    Entry(
        id="ffmpeg-not-runnable",
        kind="system",
        keys=("[WinError 2]", "No such file or directory"),
        # Python's own words when a program it starts is not there: whisper's load_audio and transformers'
        # ffmpeg_read run ffmpeg by name (the frames say which program was started)
        pattern=r"FileNotFoundError: \[WinError 2\][^\n]{0,200}|FileNotFoundError: \[Errno 2\] No such file or directory"
                r"(?!: ')",
        frames=r"ffmpeg|(?:whisper|audio)\.py load_audio",
        meaning={
            "en": "The program started ffmpeg to decode audio and Windows (or Linux) found no ffmpeg to start: it is"
                  " not installed, or its folder is not on PATH for this console. The audio file itself is not the"
                  " problem.",
            "zh": "程序启动 ffmpeg 来解码音频，而系统找不到可以启动的 ffmpeg：没有安装，或者它所在的文件夹不在这个命令行窗口的 PATH"
                  " 里。音频文件本身没有问题。",
        },
        settings=("ffmpeg",),
        fix_commands=(),
        manual={
            "en": "Install ffmpeg (Windows: `winget install ffmpeg`, or put ffmpeg.exe and ffprobe.exe in the program's"
                  " folder; Linux: `apt install ffmpeg`; Mac: `brew install ffmpeg`; conda: `conda install -c conda-forge"
                  " ffmpeg`), open a new console so PATH is read again, check that `ffmpeg -version` answers there, and"
                  " restart the program.",
            "zh": "安装 ffmpeg（Windows：`winget install ffmpeg`，或把 ffmpeg.exe 和 ffprobe.exe 放进程序文件夹；Linux：`apt install"
                  " ffmpeg`；Mac：`brew install ffmpeg`；conda：`conda install -c conda-forge ffmpeg`），打开新的命令行窗口让 PATH"
                  " 重新生效，确认在那里 `ffmpeg -version` 有输出，然后重启程序。",
        },
        check=CHECK_NONE,
        example="FileNotFoundError: [WinError 2] The system cannot find the file specified",
    ),
    Entry(
        id="ctranslate2-no-cuda",
        kind="build",
        keys=("not compiled with CUDA support",),
        # CTranslate2 (faster-whisper, the ASR step of GPT-SoVITS and the subtitle tools): its macOS and ARM wheels
        # have no CUDA (torch's own "Torch not compiled with CUDA enabled" is cuda-not-compiled)
        pattern=r"This CTranslate2 package was not compiled with CUDA support",
        meaning={
            "en": "faster-whisper was asked for the GPU (device=\"cuda\"), and the CTranslate2 package under it has no"
                  " CUDA: its builds for macOS and for ARM machines never have it. Not torch, whose CUDA is another"
                  " matter.",
            "zh": "faster-whisper 被要求用 GPU（device=\"cuda\"），而它底下的 CTranslate2 包没有 CUDA：macOS 和 ARM 机器上的"
                  "版本从来都没有。与 torch 无关，torch 的 CUDA 是另一回事。",
        },
        settings=("asr.ctranslate2", "machine.gpu"),
        fix_commands=(),
        manual={
            "en": "On a Mac or an ARM machine, run the speech recognition on the CPU: device=\"cpu\" with"
                  " compute_type=\"int8\" (or \"float32\") where the program creates the WhisperModel, or its ASR"
                  " option for the device. On Windows or Linux x86 with an NVIDIA card: `python -m pip install -U"
                  " ctranslate2 faster-whisper` in the program's Python (PyPI's builds there have CUDA).",
            "zh": "在 Mac 或 ARM 机器上让语音识别在 CPU 上运行：在程序创建 WhisperModel 的地方用 device=\"cpu\" 和"
                  " compute_type=\"int8\"（或 \"float32\"），或者用程序 ASR 的设备选项。在带 NVIDIA 显卡的 Windows 或 x86 Linux"
                  " 上：在程序的 Python 里 `python -m pip install -U ctranslate2 faster-whisper`（PyPI 上那里的版本带 CUDA）。",
        },
        check=CHECK_NONE,
        example="ValueError: This CTranslate2 package was not compiled with CUDA support",
    ),
    Entry(
        id="vllm-kv-cache-too-small",
        kind="system",  # (not the card's memory running out as a job grows: a reservation made at start)
        keys=("stored in KV cache", "larger than the maximum number of tokens"),
        # vLLM (Orpheus, CosyVoice's and IndexTTS's vLLM builds) reserves its cache up front for the model's full context
        pattern=r"max seq len \((?P<need>\d{1,9})\) is larger than the maximum number of tokens that can be stored in KV"
                r" cache \((?P<room>\d{1,9})\)",
        meaning={
            "en": "vLLM sets aside the card's memory for its token cache when it starts, and what is left after the"
                  " model ({room} tokens) is less than the model's full context ({need} tokens), which it asks for by"
                  " default. A TTS never needs a context that long.",
            "zh": "vLLM 启动时会先为它的 token 缓存预留显存，而放下模型之后剩下的空间（{room} 个 token）小于模型完整的上下文长度"
                  "（{need} 个 token），vLLM 默认要按完整长度预留。语音合成用不到这么长的上下文。",
        },
        settings=("gpu.memory",),
        fix_commands=(),
        manual={
            "en": "Start the engine with a shorter context: max_model_len=8192 (or 4096) where the program creates"
                  " vLLM's engine (its engine or vLLM options); or let vLLM take more of the card: a"
                  " gpu_memory_utilization above the one the program sets (vLLM's default is 0.9, and many programs set"
                  " less), up to 0.95, with nothing else on the GPU.",
            "zh": "用更短的上下文启动引擎：在程序创建 vLLM 引擎的地方（它的引擎或 vLLM 选项）设 max_model_len=8192（或 4096）；"
                  "或者让 vLLM 多用一些显存：把 gpu_memory_utilization 设得比程序设的值高（vLLM 默认是 0.9，很多程序设得更低），"
                  "最高到 0.95，并且显卡上不要跑别的程序。",
        },
        check=CHECK_NONE,
        example="ValueError: The model's max seq len (131072) is larger than the maximum number of tokens that can be"
                " stored in KV cache (126208). Try increasing `gpu_memory_utilization` or decreasing `max_model_len`",
    ),
    Entry(
        id="file-in-use",
        kind="system",
        keys=("WinError 32", "另一个程序正在使用此文件", "being used by another process"),
        pattern=r"\[WinError 32\][^\n]{0,200}?['\"](?P<path>[^'\"\n]{1,300})['\"]"
                r"|\[WinError 32\]|另一个程序正在使用此文件|being used by another process",
        meaning={
            "en": "Windows would not let the program open or delete a file because another process holds it open: a"
                  " second copy of the program still running (or a download it started that never finished), an"
                  " antivirus scanning the new file, or a sync tool (OneDrive) in that folder. Not the GPU and not the"
                  " model's content.",
            "zh": "Windows 不让程序打开或删除某个文件，因为另一个进程正占用着它：程序的另一个副本还在运行（或者它启动的下载没有完成），"
                  "杀毒软件正在扫描这个新文件，或者那个文件夹里有同步工具（OneDrive）。与显卡和模型内容无关。",
        },
        settings=("program.folder",),
        fix_commands=(),
        manual={
            "en": "Close every copy of the program (check Task Manager for python.exe), then start it once. If the"
                  " file belongs to a model download that stopped, delete that model's folder and let the program"
                  " download it again (or put the files there by hand). Keep the program out of OneDrive folders, and"
                  " let the antivirus skip the program's folder.",
            "zh": "关闭程序的所有副本（在任务管理器里看有没有 python.exe），然后只启动一次。如果这个文件属于一次中断的模型下载，"
                  "删掉那个模型的文件夹，让程序重新下载（或手动放入文件）。不要把程序放在 OneDrive 文件夹里，并让杀毒软件跳过程序文件夹。",
        },
        check=CHECK_NONE,
        example="PermissionError: [WinError 32] The process cannot access the file because it is being used by another"
                " process: 'C:\\\\tts\\\\models\\\\xtts_v2\\\\hash.md5'",
    ),
    Entry(
        id="native-crash",
        kind="system",
        generic=True,  # after the crashes with a known cause (an AMD card's ROCm, a worker of the DataLoader)
        keys=("egmentation fault", "3221225477", "0xc0000005", "0xC0000005", "-1073741819"),
        # the process ended inside compiled code (C/C++, CUDA): Linux's and macOS's SIGSEGV, Windows' access violation
        pattern=r"[Ss]egmentation fault|exit (?:code|status) (?:3221225477|-1073741819)\b"
                r"|(?:Exception code|exception code|error code):? 0x[cC]0000005\b",
        meaning={
            "en": "The process crashed inside compiled code (a library's C, C++ or CUDA part), so Python printed no"
                  " error of its own. The usual causes are a compiled package built for another version of what it"
                  " loads (numpy, torch, CUDA), one that does not work on this machine at all (on a Mac, pip's"
                  " faiss-cpu, which RVC's index step and start use), or a bug of that library's version.",
            "zh": "进程在编译好的代码（某个库的 C、C++ 或 CUDA 部分）里崩溃了，所以 Python 没有打印自己的报错。常见原因是某个编译好的包"
                  "是为它所加载的东西的另一个版本（numpy、torch、CUDA）构建的，或者在这台机器上根本不能用（在 Mac 上，pip 装的"
                  " faiss-cpu，RVC 启动和建索引时会用到），或者是那个库这个版本的缺陷。",
        },
        settings=("python.packages", "program.code"),
        fix_commands=(),
        manual={
            "en": "Look at the last lines before the crash: they name the step and often the library. Install that"
                  " library's version from the program's requirements file again (`python -m pip install"
                  " --force-reinstall` it, in the program's Python), or {update}. On a Mac with RVC: `conda install -c"
                  " conda-forge faiss-cpu` instead of pip's. If it started after an update of the program or a"
                  " library, go back to the version that worked.",
            "zh": "看崩溃前的最后几行：它们说明是哪一步，常常也说明是哪个库。按程序依赖文件重新安装那个库的版本（在程序的 Python 里"
                  " `python -m pip install --force-reinstall`），或者{update}。在 Mac 上用 RVC：用 `conda install -c conda-forge"
                  " faiss-cpu` 代替 pip 装的。如果是在程序或某个库更新之后开始的，退回到原来能用的版本。",
        },
        check=CHECK_NONE,
        example="zsh: segmentation fault  python infer-web.py",
    ),
    Entry(
        id="flash-attn-missing",
        kind="system",
        keys=("FlashAttention2 has been toggled on",),
        # transformers asked for attn_implementation="flash_attention_2" (VibeVoice, Qwen-TTS, Orpheus and other LLM-based
        # TTS) where the flash-attn package is not installed or cannot load
        pattern=r"FlashAttention2 has been toggled on, but it cannot be used",
        meaning={
            "en": "The program loads its model with FlashAttention 2, and the flash-attn package is not installed (or"
                  " does not load): pip has no Windows wheels of it, building it takes hours and a matching CUDA"
                  " toolkit, and it does not run on a Mac, on AMD cards or on cards older than Ampere (RTX 30xx). It is"
                  " only a faster way to compute attention; the model runs without it.",
            "zh": "程序用 FlashAttention 2 加载模型，而 flash-attn 包没有安装（或加载不了）：pip 上没有它的 Windows 版本，自己编译要几个小时"
                  "和匹配的 CUDA 工具包，而且它不能在 Mac、AMD 显卡和 Ampere（RTX 30 系）以前的显卡上运行。它只是一种更快的注意力计算"
                  "方式，没有它模型也能运行。",
        },
        settings=("python.packages", "program.code"),
        fix_commands=(),
        manual={
            "en": "Use PyTorch's own attention instead: choose \"sdpa\" (or \"eager\") where the program offers an attention"
                  " option, or change `attn_implementation=\"flash_attention_2\"` to `attn_implementation=\"sdpa\"` where it"
                  " loads the model. On Linux with an NVIDIA card from the RTX 30 series on you may instead install"
                  " flash-attn (`python -m pip install flash-attn --no-build-isolation`); on Windows only a prebuilt wheel"
                  " made for the exact torch, CUDA and Python versions works.",
            "zh": "改用 PyTorch 自带的注意力计算：程序有注意力选项时选 \"sdpa\"（或 \"eager\"），或者在它加载模型的地方把"
                  " `attn_implementation=\"flash_attention_2\"` 改成 `attn_implementation=\"sdpa\"`。在 Linux 上用 RTX 30 系及更新的"
                  " NVIDIA 显卡时，也可以安装 flash-attn（`python -m pip install flash-attn --no-build-isolation`）；Windows 上只有为"
                  "完全相同的 torch、CUDA 和 Python 版本预编译的 wheel 才能用。",
        },
        check=CHECK_NONE,
        example="ImportError: FlashAttention2 has been toggled on, but it cannot be used due to the following error: the"
                " package flash_attn seems to be not installed.",
    ),
    Entry(
        id="torchaudio-no-ffmpeg",
        kind="system",
        keys=("Unsupported backend 'ffmpeg'", "FFmpeg extension", "libtorio_ffmpeg"),
        # torchaudio 2.1+ reads and writes audio through the FFmpeg libraries (libavutil ...) it finds on the system;
        # the ffmpeg.exe of the ffmpeg-missing entry is not what it loads (torchcodec's "Could not load libtorchcodec",
        # which torchaudio 2.9 reads through, names a torch mismatch as often: torch-packages-mismatch)
        pattern=r"Unsupported backend 'ffmpeg' specified|FFmpeg extension is not available"
                r"|Failed to (?:load|intialize|initialize) FFmpeg extension"
                r"|libtorio_ffmpeg\d*\.(?:so|pyd|dylib)[^\n]{0,200}?(?:cannot open|not found|No such file|error)",
        meaning={
            "en": "torchaudio reads and writes audio with the FFmpeg libraries (the shared ones: libavcodec and"
                  " friends, of version 4 to 6), and it found none it can use, so its 'ffmpeg' way to read audio is not"
                  " there. An ffmpeg.exe on its own is the program, not these libraries. Not the audio file and not the"
                  " GPU.",
            "zh": "torchaudio 用 FFmpeg 的共享库（libavcodec 等，4 到 6 版）读写音频，而它没有找到能用的，"
                  "所以它的 'ffmpeg' 读取方式不可用。单独一个 ffmpeg.exe 是程序，不是这些库。与音频文件和显卡无关。",
        },
        settings=("ffmpeg", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Install FFmpeg's shared libraries of a version torchaudio supports, in the program's environment:"
                  " conda: `conda install -c conda-forge \"ffmpeg<7\"`; Linux: `apt install ffmpeg`; Mac: `brew"
                  " install ffmpeg@6`; Windows: a \"full-shared\" build of FFmpeg 6 (gyan.dev) with its bin folder on"
                  " PATH. Or let torchaudio use soundfile instead: `python -m pip install soundfile`, where the program"
                  " lets you choose the backend.",
            "zh": "在程序的环境里安装 torchaudio 支持的版本的 FFmpeg 共享库：conda：`conda install -c conda-forge \"ffmpeg<7\"`；"
                  "Linux：`apt install ffmpeg`；Mac：`brew install ffmpeg@6`；Windows：FFmpeg 6 的 \"full-shared\" 版本"
                  "（gyan.dev），并把它的 bin 文件夹加入 PATH。或者让 torchaudio 改用 soundfile：`python -m pip install"
                  " soundfile`（程序允许选择后端时）。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Unsupported backend 'ffmpeg' specified; please select one of ['sox', 'soundfile'] instead.",
    ),
    Entry(
        id="audio-load-failed",
        kind="system",
        generic=True,  # the wrapper's words around a cause that has its own entry (the ffmpeg package)
        keys=("Failed to load audio",),
        pattern=r"Failed to load audio:?[^\n]{0,200}",
        meaning={
            "en": "ffmpeg could not read an input audio file. Usually the path: a file that is not there (moved,"
                  " mistyped, a folder given where a file is wanted, a path pasted with quotes around it), or a list"
                  " file pointing at files from another folder; else a file that is not audio, or ffmpeg missing.",
            "zh": "ffmpeg 读不了输入的音频文件。通常是路径问题：文件不在那里（被移动、写错、该填文件却填了文件夹、"
                  "粘贴路径时带了引号），或标注列表指向别的文件夹里的文件；其次是文件不是音频，或没有 ffmpeg。",
        },
        settings=("input.files", "ffmpeg"),
        fix_commands=(),
        manual={
            "en": "Check the path the step was given: paste it without quotes, point at the file (or the folder the"
                  " step asks for), and make sure the audio files named in the list file exist at those paths. Convert"
                  " odd formats to WAV. If the paths are right: ffmpeg.exe and ffprobe.exe must be in the program's"
                  " folder or on PATH.",
            "zh": "检查这一步填写的路径：粘贴时去掉引号，指向文件（或该步骤要求的文件夹），并确认标注列表里的音频文件在那些路径上"
                  "确实存在。少见的格式先转成 WAV。路径都对的话：ffmpeg.exe 和 ffprobe.exe 必须在程序文件夹里或在 PATH 中。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Failed to load audio: ffmpeg error (see stderr output for detail)",
    ),
    Entry(
        id="audio-file-unreadable",
        kind="system",
        keys=("Format not recognised", "unknown format", "NoBackendError", "not a WAVE file", "Unspecified internal error",
              "LibsndfileError: <exception"),
        # libsndfile (soundfile, librosa), scipy's wav reader and audioread, each naming the file when it can
        pattern=r"Error opening (?P<path>'[^'\n]{1,500}'|\"[^\"\n]{1,500}\"): (?:Format not recognised|File contains data in an"
                r" unknown format|Unspecified internal error)"
                r"|(?:LibsndfileError|RuntimeError|SoundFileError)[^\n]{0,40}(?:Format not recognised|unknown format)"
                r"|audioread\.exceptions\.NoBackendError|NoBackendError\b|File format b'[^'\n]{0,20}' not understood"
                r"|not a WAVE file"
                # (libsndfile's message about a file it could not open, in an encoding Python could not print)
                r"|LibsndfileError: <exception str\(\) failed>",
        meaning={
            "en": "An audio library could not read a file as audio: a file in the dataset or input folder that is not"
                  " audio (macOS leaves .DS_Store and ._name files on drives it writes to; a .txt, .lab or .json beside"
                  " the clips), a format the library cannot read (mp3 or m4a with an old soundfile, audioread without"
                  " ffmpeg), or a file cut short.",
            "zh": "音频库无法把某个文件当音频读取：数据集或输入文件夹里有不是音频的文件（macOS 会在它写过的磁盘上留下 .DS_Store 和"
                  " ._文件名 这样的文件；或是音频旁边的 .txt、.lab、.json），库读不了的格式（旧版 soundfile 读 mp3、m4a，"
                  "audioread 没有 ffmpeg），或文件不完整。",
        },
        settings=("input.files", "ffmpeg"),
        fix_commands=(),
        manual={
            "en": "Keep only audio files in the folder the step reads: delete .DS_Store and ._* files (macOS, Linux:"
                  " `find FOLDER -name '._*' -delete -o -name .DS_Store -delete`; Windows: show hidden files first),"
                  " move other files out, and convert mp3, m4a and other formats to WAV (`ffmpeg -i in.m4a out.wav`)."
                  " A file that still fails is damaged: remove it.",
            "zh": "让该步骤读取的文件夹里只留音频文件：删除 .DS_Store 和 ._* 文件（macOS、Linux："
                  "`find 文件夹 -name '._*' -delete -o -name .DS_Store -delete`；Windows 先显示隐藏文件），把其他文件移走，"
                  "mp3、m4a 等格式先转成 WAV（`ffmpeg -i in.m4a out.wav`）。仍然出错的文件已损坏：删掉它。",
        },
        check=CHECK_NONE,
        example="soundfile.LibsndfileError: Error opening 'dataset_raw/me/.DS_Store': Format not recognised.",
    ),
    Entry(
        id="torchmetrics-too-new",
        kind="system",
        keys=("Index tensor must have the same number of dimensions as self tensor",),
        pattern=r"Index tensor must have the same number of dimensions as self tensor",
        frames=r"torchmetrics",  # raised by torch for any scatter; in torchmetrics' code it is the version
        meaning={
            "en": "The installed torchmetrics is newer than the program's training code was written for: its top-k"
                  " accuracy (used by GPT-SoVITS's GPT training) now passes a tensor shape the old call does not give."
                  " Not the GPU and not the data.",
            "zh": "安装的 torchmetrics 比程序训练代码所用的新：它的 top-k 准确率（GPT-SoVITS 的 GPT 训练会用到）改了张量形状，"
                  "旧的调用方式不再匹配。与显卡和数据无关。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual=_install_pinned({"en": "torchmetrics 1.5", "zh": "torchmetrics 1.5"}, "torchmetrics==1.5.0",
                               _THEN_TRAIN_AGAIN),
        check=CHECK_NONE,
        example="RuntimeError: Index tensor must have the same number of dimensions as self tensor",
    ),
    Entry(
        id="electron-gpu-process",
        kind="system",
        keys=("GPU process isn't usable",),
        pattern=r"GPU process isn't usable\. Goodbye",
        meaning={
            "en": "The program's window (an Electron app: the voice changer's native client and launcher) could not"
                  " start its GPU process, which Chromium inside it uses to draw. Usually the folder it runs from (a"
                  " path with non-English letters or spaces, a synced folder such as OneDrive, a network or external"
                  " drive), else the graphics driver or security software blocking it. Not the voice model and not"
                  " torch.",
            "zh": "程序的窗口（Electron 应用：变声器的本地客户端和启动器）无法启动它的 GPU 进程（其中的 Chromium 用它来绘制界面）。"
                  "通常是运行所在的文件夹（路径里有中文或空格、OneDrive 之类的同步文件夹、网络或外接磁盘），其次是显卡驱动或安全软件"
                  "拦截了它。与语音模型和 torch 无关。",
        },
        settings=("program.folder",),
        fix_commands=(),
        manual={
            "en": "Unpack the program again into a short folder of English letters without spaces on the system drive"
                  " (C:\\vc) and start it from there. If it still closes, update the graphics driver, allow the program"
                  " in the antivirus, or start it with `--disable-gpu` (the window then draws without the GPU; the voice"
                  " conversion is not affected).",
            "zh": "把程序重新解压到系统盘上一个全英文、无空格的短路径文件夹（C:\\vc），从那里启动。仍然闪退的话，更新显卡驱动，"
                  "在杀毒软件里放行该程序，或加参数 `--disable-gpu` 启动（窗口不再用显卡绘制，不影响变声本身）。",
        },
        check=CHECK_NONE,
        example="[11808:1103/120021.655:FATAL:gpu_data_manager_impl_private.cc(415)] GPU process isn't usable. Goodbye.",
    ),
    Entry(
        id="uvr5-no-model",
        kind="system",
        keys=("pre_fun", "'list' object has no attribute 'lower'"),
        pattern=r"local variable 'pre_fun' referenced before assignment|cannot access local variable 'pre_fun'"
                r"|'list' object has no attribute 'lower'",
        frames=r"uvr",
        meaning={
            "en": "The vocal separation step (UVR5) ran without a model: none is chosen in its model list, or its"
                  " weights folder is empty, so nothing was loaded.",
            "zh": "人声分离（UVR5）在没有模型的情况下运行了：模型列表里没有选模型，或权重文件夹是空的，所以什么都没加载。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual={
            "en": "Pick a model in the UVR5 tab's model list. If the list is empty, get the UVR5 weights: {models}; then"
                  " restart the web UI so the list reads them.",
            "zh": "在 UVR5 页的模型列表里选一个模型。列表是空的话，先下载 UVR5 权重：{models}；然后重启 WebUI 让列表读到它们。",
        },
        check=CHECK_NONE,
        example="UnboundLocalError: local variable 'pre_fun' referenced before assignment",
    ),
    Entry(
        id="python-package-version",
        kind="system",
        generic=True,  # after the packages with their own entry (ffmpeg-python, torch's own mismatches)
        keys=("cannot import name", "has no attribute", "does not exist"),
        # the package as pip installs it: torch for torch.backends, LangSegment for LangSegment.LangSegment
        pattern=r"cannot import name '(?P<name>\w+)' from '(?P<package>\w+)(?:\.[\w.]*)?'"
                r"|module '(?P<package2>\w+)(?:\.[\w.]*)?' has no attribute '(?P<name2>\w+)'"
                # torch's config modules word it their own way: "torch._inductor.config.fx_graph_cache does not exist"
                r"|AttributeError: (?P<package3>torch)\.[\w.]{1,80}?\.config\.(?P<name3>\w+) does not exist",
        meaning={
            "en": "The installed {package} is another version than the program was written for: `{name}` is not in it"
                  " (newer releases drop names, older ones do not have them yet). If {package} is one of the program's"
                  " own modules (a file in its folder), its files come from two versions.",
            "zh": "安装的 {package} 与程序编写时所用的版本不同：里面没有 `{name}`（新版本会删掉一些名字，旧版本还没有）。"
                  "如果 {package} 是程序自己的模块（它文件夹里的文件），说明程序的文件混了两个版本。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the {package} version the program's requirements.txt names into its Python (`python -m pip"
                  " install \"{package}==VERSION\"`; the package's name on PyPI may differ), or {packages}. If"
                  " {package} is the program's own module: {update} (whole, not file by file).",
            "zh": "给程序的 Python 安装 requirements.txt 里写的 {package} 版本（`python -m pip install \"{package}==版本\"`；"
                  "PyPI 上的包名可能不同），或者{packages}。如果 {package} 是程序自己的模块：{update}（整体更新，不要逐个文件替换）。",
        },
        check=CHECK_NONE,
        example="ImportError: cannot import name 'AutoModel' from 'funasr' (unknown location)",
    ),
    Entry(
        id="vits-monotonic-align-not-built",
        kind="system",
        keys=("monotonic_align",),
        # VITS and the programs built on it compile monotonic_align/core.pyx into monotonic_align/monotonic_align/,
        # a folder their setup.py neither has nor creates
        pattern=r"No module named '?monotonic_align\.(?:monotonic_align|core)\b"
                r"|could not create '[^'\n]*monotonic_align[/\\][^'\n]*': No such file or directory",
        meaning={
            "en": "The program's monotonic_align extension (VITS's alignment search, written in Cython) was never built,"
                  " or was built into another folder: `python setup.py build_ext --inplace` in monotonic_align writes"
                  " monotonic_align/monotonic_align/core.*, and fails or puts the file elsewhere when that inner folder"
                  " does not exist. Training needs it; the model, torch and the card are fine.",
            "zh": "程序的 monotonic_align 扩展（VITS 的对齐搜索，用 Cython 写的）没有编译，或者编译到了别的文件夹：在 monotonic_align 里运行"
                  " `python setup.py build_ext --inplace` 会写出 monotonic_align/monotonic_align/core.*，而那个内层文件夹不存在时"
                  "会失败或把文件放到别处。训练需要它；模型、torch 和显卡都没有问题。",
        },
        settings=("build.tools", "program.folder"),
        fix_commands=(),
        manual={
            "en": "Build it with the program's own Python, from the program's folder: `cd monotonic_align`, then"
                  " `mkdir monotonic_align` (the inner folder), then `python setup.py build_ext --inplace`. On Windows"
                  " the build needs Microsoft C++ Build Tools (\"Desktop development with C++\"). If the built core*.pyd"
                  " (Linux: core*.so) lands under build\\ instead, copy it where the import looks for it:"
                  " monotonic_align\\monotonic_align (for a `No module named 'monotonic_align.core'`, monotonic_align"
                  " itself).",
            "zh": "用程序自己的 Python、在程序的文件夹里编译它：`cd monotonic_align`，再 `mkdir monotonic_align`（内层文件夹），"
                  "再 `python setup.py build_ext --inplace`。Windows 上编译需要 Microsoft C++ Build Tools（“使用 C++ 的桌面开发”）。"
                  "如果编译出的 core*.pyd（Linux 上是 core*.so）出现在 build\\ 下面，把它复制到导入时查找的位置：monotonic_align\\monotonic_align"
                  " 里（报 `No module named 'monotonic_align.core'` 时是 monotonic_align 文件夹本身）。",
        },
        check=CHECK_NONE,
        example="ModuleNotFoundError: No module named 'monotonic_align.monotonic_align'",
    ),
    Entry(
        id="pynini-read-failed",
        kind="system",
        keys=("FstIOError",),
        # WeTextProcessing's and nemo_text_processing's grammars, read through OpenFst
        pattern=r"FstIOError: Read failed",
        meaning={
            "en": "pynini (OpenFst), which the text normalizer (WeTextProcessing's tn, nemo_text_processing) reads its"
                  " grammar files with, could not read one. On Windows OpenFst cannot open a path with non-ASCII"
                  " characters (a Chinese user name in C:\\Users\\..., a Chinese folder name); elsewhere the file is"
                  " missing or was cut short. The model and the card are fine.",
            "zh": "文本正则化模块（WeTextProcessing 的 tn、nemo_text_processing）用 pynini（OpenFst）读取语法文件，其中一个读不了。"
                  "Windows 上 OpenFst 打不开带非 ASCII 字符的路径（C:\\Users\\ 下的中文用户名、中文文件夹名）；其他情况下是文件缺失或不完整。"
                  "模型和显卡都没有问题。",
        },
        settings=("program.folder", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Put the program and its Python environment under a path of English letters only (for example"
                  " D:\\AI\\; a conda environment under C:\\Users\\<Chinese name> needs `conda create --prefix"
                  " D:\\envs\\NAME`), or run it under WSL or Linux. If the path is plain ASCII, reinstall the text"
                  " normalizer package so that its grammar files are whole.",
            "zh": "把程序和它的 Python 环境放到只有英文字母的路径下（例如 D:\\AI\\；位于 C:\\Users\\<中文用户名> 下的 conda 环境"
                  "要用 `conda create --prefix D:\\envs\\名字` 另建），或者在 WSL / Linux 下运行。路径本来就是纯英文时，重装文本正则化的包，"
                  "让它的语法文件完整。",
        },
        check=CHECK_NONE,
        example="_pywrapfst.FstIOError: Read failed",
    ),
    Entry(
        id="tokenizers-too-old",
        kind="system",
        keys=("untagged enum",),
        pattern=r"data did not match any variant of untagged enum (?P<wrapper>\w+)",
        meaning={
            "en": "The installed tokenizers library cannot read the model's tokenizer.json: the file was written by a"
                  " newer tokenizers, whose format this one does not know. The model files are fine.",
            "zh": "已装的 tokenizers 库读不了模型的 tokenizer.json：这个文件是更新版本的 tokenizers 写的，旧版本不认识它的格式。"
                  "模型文件没有问题。",
        },
        settings=("transformers.version", "python.packages"),
        fix_commands=(),
        manual={
            "en": "Install the versions of transformers and tokenizers the program's requirements name, into the"
                  " program's own Python ({packages}); an old environment reused for a new model is the usual cause."
                  " Where the requirements leave them open: `pip install -U transformers tokenizers`.",
            "zh": "把程序依赖列表里写的 transformers 和 tokenizers 版本装进程序自己的 Python（{packages}）；通常是拿旧环境跑新模型。"
                  "依赖列表没有限定版本时：`pip install -U transformers tokenizers`。",
        },
        check=CHECK_NONE,
        example="Exception: data did not match any variant of untagged enum ModelWrapper at line 878880 column 3",
    ),
    Entry(
        id="transformers-api-removed",
        kind="system",
        keys=("object has no attribute",),
        # transformers 4.50: PreTrainedModel no longer brings generate() (GenerationMixin); its Cache classes dropped
        # get_max_length and seen_tokens (XTTS/coqui's GPT2InferenceModel, ChatTTS, Tortoise and other TTS models)
        pattern=r"'(?P<object>GPT2InferenceModel|\w*Cache)' object has no attribute"
                r" '(?P<name>generate|get_max_length|seen_tokens|get_usable_length|_seen_tokens)'",
        meaning={
            "en": "The installed transformers is newer than the program's code: `{name}` was removed from {object} in a"
                  " later transformers release (4.50 took generate() away from models that do not inherit"
                  " GenerationMixin, such as XTTS's GPT2InferenceModel; the Cache classes dropped get_max_length and"
                  " seen_tokens). The model files and the card are fine.",
            "zh": "已装的 transformers 比程序的代码新：`{name}` 在后来的 transformers 版本里从 {object} 中去掉了（4.50 起，没有继承"
                  " GenerationMixin 的模型，例如 XTTS 的 GPT2InferenceModel，不再有 generate()；Cache 类去掉了 get_max_length 和"
                  " seen_tokens）。模型文件和显卡都没有问题。",
        },
        settings=("transformers.version", "program.code"),
        fix_commands=(),
        manual={
            "en": "Install the transformers version the program's requirements name into its Python (XTTS/coqui TTS:"
                  " `pip install \"transformers<4.50\"`; ChatTTS's get_max_length: 4.48.3 works), or {update} (newer"
                  " releases follow transformers). When another program in the same environment needs the newer"
                  " transformers, give each its own environment.",
            "zh": "把程序依赖列表里写的 transformers 版本装进它的 Python（XTTS/coqui TTS：`pip install \"transformers<4.50\"`；"
                  "ChatTTS 的 get_max_length：4.48.3 可用），或者{update}（新版本会跟上 transformers）。同一环境里另一个程序需要新版"
                  " transformers 时，给每个程序各建一个环境。",
        },
        check=CHECK_NONE,
        example="AttributeError: 'DynamicCache' object has no attribute 'get_max_length'",
    ),
    Entry(
        id="triton-no-c-compiler",
        kind="build",
        keys=("Failed to find C compiler",),
        pattern=r"Failed to find C compiler",
        meaning={
            "en": "Triton, which makes the GPU code of torch.compile, builds a small C helper the first time it runs and"
                  " found no C compiler: a slim Docker image or a fresh Linux without gcc, or Windows without one. The"
                  " card and the torch build are fine.",
            "zh": "Triton（torch.compile 用它生成显卡代码）第一次运行时要编译一个小的 C 辅助模块，却找不到 C 编译器："
                  "精简的 Docker 镜像或没装 gcc 的 Linux，或没有编译器的 Windows。显卡和 torch 版本都没有问题。",
        },
        settings=("build.tools",),
        fix_commands=(),
        manual={
            "en": "Install a C compiler where the program runs: Debian/Ubuntu (also inside the Docker image, in its"
                  " Dockerfile): `apt-get install -y build-essential`; Windows: Microsoft C++ Build Tools. Or set the"
                  " CC environment variable to a compiler you have, or turn off the program's compile option"
                  " (torch.compile) so that Triton is not used.",
            "zh": "在程序运行的地方装一个 C 编译器：Debian/Ubuntu（Docker 镜像里也一样，写进 Dockerfile）：`apt-get install -y"
                  " build-essential`；Windows：Microsoft C++ Build Tools。或者把环境变量 CC 设为已有的编译器，或者关掉程序的编译选项"
                  "（torch.compile），不用 Triton。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Failed to find C compiler. Please specify via CC environment variable or set"
                " triton.knobs.build.impl.",
    ),
    Entry(
        id="python-module-missing",
        kind="system",
        generic=True,
        keys=("No module named",),
        # the error itself, not a library's notice that an optional module is absent ("... No module named 'triton'");
        # nor triton at all: xformers, bitsandbytes and torch only try it (alone on a line, or in a traceback they catch)
        # (or in a post's sentence: "更新后提示No module named 'tn'", "it says No module named 'x'")
        pattern=r"(?:^\W{0,8}|(?:ModuleNotFoundError|ImportError): |[\u4e00-\u9fff：]\s?"
                r"|\b(?:says?|said|got|getting|gets|shows?|showing)\b:?\s{1,3}"
                # a program's own words for an import it caught: "import failed: No module named 'misaki'"
                r"|\b(?:[Ii]mport|[Ll]oad(?:ing)?) (?:failed|error)[:,]?\s{1,3}"
                # `python -m module`'s own words: "python.exe: No module named xtts_api_server"
                r"|\bpython[\w.]{0,8}: )"
                r"No module named '?(?!triton\b)(?P<module>[\w.]+)'?",
        # a program's own notice that it goes on without the module, in words ("警告：No module named 'xformers'，将使用
        # 默认实现", "加速不可用No module named 'onnxruntime'，使用torch推理"); not the error's own line
        # (from the line's start and from the words: tried at every character of a long line it was slow)
        harmless=(("No module named", r"^[^\n]{0,300}?(?:警告|\bWARN(?:ING)?\b)[^\n]{0,200}?(?<!Error: )No module named"
                                      r"|No module named(?<!Error: No module named)[^\n]{0,200}?(?:将使用|使用默认|改用|跳过|回退|使用\s?\w{1,20}\s?(?:推理|代替)"
                                      r"|fall(?:s|ing)?\s?back|will use|using [\w.-]{1,40} instead|disabled)"),),
        meaning={
            "en": "The Python that ran the program has no module `{module}`: the program's requirements are not installed"
                  " in that Python, or the program was started with another Python than its own (the system's python"
                  " instead of the package's runtime), or `{module}` is one of the program's own folders and it was"
                  " started from another folder.",
            "zh": "运行程序的 Python 里没有模块 `{module}`：程序的依赖没有装进这个 Python，或者程序是用别的 Python 启动的"
                  "（系统的 python 而不是整合包自带的 runtime），或者 `{module}` 是程序自己的文件夹，而程序是从别的文件夹启动的。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Start the program the way its start script does (from its own folder, with its own Python). Then"
                  " {packages}. If `{module}` is a folder of the program itself: {update}. A module whose PyPI name"
                  " differs: cv2 is opencv-python, sklearn scikit-learn, yaml pyyaml.",
            "zh": "按启动脚本的方式启动程序（在它自己的文件夹里，用它自己的 Python）。然后{packages}。如果 `{module}`"
                  " 是程序自己的文件夹：{update}。有些模块在 PyPI 上名字不同：cv2 是 opencv-python，sklearn 是 scikit-learn，yaml 是 pyyaml。",
        },
        check=CHECK_NONE,
        example="ModuleNotFoundError: No module named 'feature_extractor'",
    ),
    Entry(
        id="input-empty",
        kind="system",
        keys=("need at least one array to concatenate", "is too small to resample", "semantic_data_len: 0"),
        pattern=r"need at least one array to concatenate|Input signal length=(?P<length>\d+) is too small to resample"
                r"|\bsemantic_data_len: 0(?![\d.])",  # GPT-SoVITS's GPT training, given an empty 6-name2semantic
        meaning={
            "en": "The step found no data to work on: the dataset folder is empty, laid out otherwise than the step"
                  " expects (many want one sub-folder per speaker), holds an empty or very short clip, or the step"
                  " before it (slicing, preprocessing, feature extraction) failed and wrote nothing.",
            "zh": "这一步没有拿到可处理的数据：数据集文件夹是空的，结构与该步骤要求的不同（很多要求每个说话人一个子文件夹），"
                  "里面有空的或极短的音频，或者前一步（切分、预处理、特征提取）失败了，什么也没写出。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Look at the output of the step before this one for its first error and fix that first. Check the"
                  " dataset folder: audio files where the step expects them (e.g. dataset_raw/SPEAKER/*.wav for"
                  " so-vits-svc), no empty or sub-second clips, no hidden folders such as .ipynb_checkpoints. Name the"
                  " experiment and the folders with English letters, digits, - and _: some steps lose the files of"
                  " other names.",
            "zh": "先看前一步的输出，找到它的第一个错误并先解决。检查数据集文件夹：音频放在该步骤要求的位置（例如 so-vits-svc 是"
                  " dataset_raw/说话人/*.wav），没有空的或不到一秒的片段，没有 .ipynb_checkpoints 之类的隐藏文件夹。实验名和"
                  "文件夹名只用英文字母、数字、- 和 _：有些步骤会丢掉其他名字下的文件。",
        },
        check=CHECK_NONE,
        example="ValueError: need at least one array to concatenate",
    ),
    Entry(
        id="input-too-short",
        kind="system",
        keys=("Calculated padded input size per channel",),
        # a convolution given fewer samples than its kernel: audio (or a text's features) too short
        # (a 2-d convolution's sizes: "(2 x 80)", "(3 x 3)")
        pattern=r"Calculated padded input size per channel: \((?P<size>\d+(?: x \d+){0,3})\)\."
                r" Kernel size: \((?P<kernel>\d+(?: x \d+){0,3})\)\."
                r" Kernel size can't be greater than actual input size",
        meaning={
            "en": "A layer of the model got an input shorter than it can work on ({size} against a kernel of {kernel}):"
                  " the audio or text given was too short or empty. A reference audio under a second (or silent once"
                  " trimmed), an empty line or stray line break in the text, a training clip cut to almost nothing. The"
                  " model and the settings are fine.",
            "zh": "模型的某一层拿到的输入比它能处理的还短（{size}，而卷积核是 {kernel}）：给的音频或文本太短或是空的。参考音频不到一秒"
                  "（或去掉静音后没剩什么）、文本里有空行或多余的换行、训练片段被切得几乎没有。模型和设置都没有问题。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Give it longer input: a reference audio of 3 to 10 seconds of clear speech, text without empty lines"
                  " or stray line breaks (and with more than punctuation); for training, remove clips shorter than a"
                  " second from the dataset and run its preprocessing again.",
            "zh": "给它更长的输入：3 到 10 秒清晰说话的参考音频，文本里不要有空行或多余的换行（也不要只有标点）；训练时把不到一秒的"
                  "片段从训练集里删掉，再重新预处理。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Calculated padded input size per channel: (0). Kernel size: (1). Kernel size can't be"
                " greater than actual input size",
    ),
    Entry(
        id="too-few-samples",
        kind="system",
        keys=("should be >= n_clusters",),
        pattern=r"n_samples=(?P<samples>\d+) should be >= n_clusters=(?P<clusters>\d+)",
        meaning={
            "en": "The clustering step (the feature index or cluster model) was asked for {clusters} clusters from"
                  " only {samples} feature frames: the training set is too short for that many.",
            "zh": "聚类步骤（特征索引或聚类模型）要从仅 {samples} 帧特征中聚出 {clusters} 个类：训练集太短，撑不起这么多类。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Give the step fewer clusters than {samples} (so-vits-svc: cluster/train_cluster.py's n_clusters, e.g."
                  " 2000; other programs: their cluster or index count), or train with more audio (several minutes at"
                  " least).",
            "zh": "把聚类数调到小于 {samples}（so-vits-svc：cluster/train_cluster.py 的 n_clusters，例如 2000；其他程序："
                  "它们的聚类数或索引数），或用更多音频训练（至少几分钟）。",
        },
        check=CHECK_NONE,
        example="ValueError: n_samples=7180 should be >= n_clusters=10000.",
    ),
    Entry(
        id="argument-split-by-space",
        kind="system",
        keys=("invalid literal for int() with base 10", "preprocess.log", "extract_f0_feature.log"),
        pattern=r"invalid literal for int\(\) with base 10: '(?P<value>[^'\n]{0,200})'"
                # the step's own log file in an experiment folder that the split made up
                r"|No such file or directory: '(?P<value2>[^'\n]{0,200}?)[/\\]+(?:preprocess|extract_f0_feature)\.log'",
        # RVC's steps read their settings from the command line: a space splits a path into two arguments
        frames=r"(?:trainset_preprocess_pipeline_print|extract_f0_print|extract_f0_rmvpe\w*|extract_feature_print"
               r"|preprocess|train_nsf_sim_cache_sid_load_pretrain)\.py",
        meaning={
            "en": "A step started as a separate command got its arguments split in the wrong places: a space in the"
                  " experiment name or in the dataset folder's path made one argument two, and the step read '{value}'"
                  " where another value belongs.",
            "zh": "作为独立命令启动的步骤，参数在错误的位置被切开了：实验名或训练集文件夹路径里有空格，一个参数变成了两个，"
                  "于是这一步在本该是别的值的位置读到了 '{value}'。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Move the program to a folder whose path has no spaces (D:\\RVC, not D:\\My Programs\\RVC AI), and name"
                  " the experiment and the dataset folder (and the folders above it) without spaces (preferably only"
                  " English letters, digits, - and _), then run the step again.",
            "zh": "把程序移到路径里没有空格的文件夹（D:\\RVC，而不是 D:\\My Programs\\RVC AI），并把实验名和训练集文件夹"
                  "（以及它的上级文件夹）改成不含空格的名字（最好只用英文字母、数字、- 和 _），然后重新运行这一步。",
        },
        check=CHECK_NONE,
        example="ValueError: invalid literal for int() with base 10: 'Stories\\\\voice'",
    ),
    Entry(
        id="package-runtime-missing",
        kind="system",
        keys=("runtime\\python", "web.bat", "webui.bat", "runtime文件夹", "runtime 文件夹", "runtime folder"),
        pattern=r"runtime\\python(?:\.exe)?['\"]? (?:is not recognized as an internal or external command|不是内部或外部命令)"
                r"|runtime\\python(?:\.exe)?[^\n]{0,300}\n(?:[ \t]*\n)?[ \t]*(?:系统找不到指定的路径|The system cannot find the path"
                r" specified|The specified path could not be found)"
                # told in words: "go-web.bat says The system cannot find the (path) specified", also a line or two below
                # the script's name ("stuck at go-web.bat" as a post's title)
                r"|go-web(?:ui)?\.bat[^\n]{0,200}?(?:cannot find the (?:path )?specified|specified path could not be found"
                r"|找不到指定的路径)"
                # (below it, cmd's own line, not Python's "[WinError 3] ...: 'TEMP'" about a folder of the program's)
                r"|go-web(?:ui)?\.bat[^\n]{0,200}(?:\n[^\n]{0,300})?\n[ \t]*(?:The system cannot find the path specified"
                r"|The specified path could not be found|系统找不到指定的路径)"
                # "webui.bat报错未找到python.exe", "go-web.bat can't find python.exe"
                r"|web(?:ui)?\.bat[^\n]{0,200}?(?:未找到|找不到|没有找到|缺少|(?:can'?t|cannot|could not|couldn'?t) find)"
                r"\s?(?:runtime[\\/])?python(?:\.exe)?"
                # (not before Windows' "'python' is not recognized": a script that runs the system's bare python)
                r"(?![^\n]{0,200}?['\"]python(?:\.exe)?['\"]\s?(?:is not recognized|不是内部或外部命令))"
                r"|(?:没有|没有找到|找不到|缺少|缺)\s?runtime\s?文件夹|runtime\s?文件夹(?:不见了|没有了|丢失了?)"
                # (also at a sentence's start: "No runtime folder found")
                r"|\b(?:[Nn]o|[Mm]issing|[Cc]an'?t find(?: the)?|(?:don'?t|doesn'?t) have (?:a|the|any)) runtime folder"
                r"|\bruntime folder (?:is )?(?:missing|not found)",
        lines=3,
        meaning={
            "en": "The start script runs the Windows package's own Python (runtime\\python.exe), and this folder has"
                  " none: it is the source code (a git clone or the code's zip), not the package, or the runtime folder"
                  " was moved or deleted.",
            "zh": "启动脚本运行的是整合包自带的 Python（runtime\\python.exe），而这个文件夹里没有：这是源代码（git clone"
                  " 或代码压缩包），不是整合包，或者 runtime 文件夹被移动或删除了。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Download the full Windows package (the 7z from the program's release page) and unpack it whole, then"
                  " start its .bat file. For the source code, install Python and the requirements instead and start the"
                  " program with that Python ({packages}).",
            "zh": "下载完整的 Windows 整合包（程序发布页上的 7z）并完整解压，然后运行其中的 .bat 文件。如果用源代码，"
                  "请另装 Python 和依赖，再用那个 Python 启动程序（{packages}）。",
        },
        check=CHECK_NONE,
        example="'runtime\\python.exe' is not recognized as an internal or external command,",
    ),
    Entry(
        id="script-path-not-found",
        kind="system",
        generic=True,  # after the package's missing runtime, which names the path
        keys=("cannot find the path specified", "找不到指定的路径", "找不到指定的路徑", "specified path could not be found"),
        # cmd's own line (not Python's "[WinError 3] The system cannot find the path specified: 'X'"), or told beside
        # the .bat that printed it
        pattern=r"^[ \t]*(?:The system cannot find the path specified\.?|The specified path could not be found\.?"
                r"|系[统統]找不到指定的路[径徑]。?)[ \t]*$"
                r"|\.bat\b[^\n]{0,200}?(?:cannot find the path specified|specified path could not be found|找不到指定的路[径徑])"
                r"|(?:cannot find the path specified|specified path could not be found|找不到指定的路[径徑])[^\n]{0,100}?\.bat\b",
        # (the web UI came up after it: a broken AutoRun or conda hook prints it in every console, to no harm)
        harmless=(("Running on local URL", r"Running on local URL"), ("Uvicorn running on", r"Uvicorn running on")),
        harmless_within=2000,
        meaning={
            "en": "Windows' command prompt could not find a folder or program that a start script (.bat) names. The"
                  " script's paths are relative to the program's folder: most often what it names was never made (the"
                  " install script was not run, or it stopped with an error; a code-only download without the"
                  " package's runtime folder), or the script was not started in the program's folder (run as"
                  " administrator, Windows starts it in C:\\Windows\\System32; or started from Git Bash, WSL or a"
                  " shortcut). Not the GPU settings.",
            "zh": "Windows 命令行找不到启动脚本（.bat）里写的文件夹或程序。脚本里的路径是相对于程序文件夹的：最常见的是它要的东西"
                  "从没生成过（没有运行安装脚本，或安装中途报错停了；下载的是只有代码、没有整合包 runtime 文件夹的版本），或者"
                  "脚本不是在程序文件夹里启动的（以管理员身份运行时，Windows 在 C:\\Windows\\System32 里启动它；或者是从"
                  " Git Bash、WSL、快捷方式启动的）。与显卡设置无关。",
        },
        settings=("program.install",),
        fix_commands=(),
        manual={
            "en": "If the program has an install script, run it first and read its output for an error (or download the"
                  " full package and unpack it whole). Then start the .bat by double-clicking it in the program's"
                  " folder, or `cd` to that folder in cmd or PowerShell and run it there; not as administrator, and not"
                  " from Git Bash or WSL.",
            "zh": "如果程序有安装脚本，先运行它，并看它的输出里有没有错误（或者下载完整的整合包并完整解压）。然后在程序文件夹里"
                  "双击 .bat 启动，或者在 cmd、PowerShell 里先 `cd` 到那个文件夹再运行；不要以管理员身份运行，也不要从"
                  " Git Bash 或 WSL 里运行。",
        },
        check=CHECK_NONE,
        example="The system cannot find the path specified.",
    ),
    Entry(
        id="packaged-app-incomplete",
        kind="system",
        keys=("Python DLL",),
        # PyInstaller's launcher of a program packaged as an .exe (ChatTTS-ui's app.exe, the voice changer's
        # MMVCServerSIO.exe), before any of the program's code: PyInstaller 5's and 6's ("[PYI-1234:ERROR] Failed to
        # load Python DLL") wordings
        pattern=r"(?:Error loading|Failed to load) Python DLL ['\"]?(?P<path>[^'\"\n]{0,300}?(?P<dll>python\d{1,3}\.dll))",
        meaning={
            "en": "The program's .exe (a packaged Python program) could not load its own Python ({dll}, in its folder):"
                  " the package was not unpacked whole (an archive tool that stopped, a file an antivirus took away, a"
                  " path too long), or a library that DLL needs, the Microsoft Visual C++ runtime, is missing. Not the"
                  " model and not the GPU.",
            "zh": "程序的 .exe（打包好的 Python 程序）加载不了它自带的 Python（{dll}，在它自己的文件夹里）：整合包没有完整解压"
                  "（解压工具中途停了、杀毒软件删掉了文件、路径太长），或者这个 DLL 依赖的 Microsoft Visual C++ 运行库缺失。"
                  "与模型和显卡无关。",
        },
        settings=("program.folder",),
        fix_commands=(),
        manual={
            "en": "Unpack the whole package again with 7-Zip into a short path with only English letters (such as"
                  " D:\\ai\\app), and check that {dll} is there afterwards (if it is gone, the antivirus took it: restore it"
                  " or allow the folder). Install the latest Microsoft Visual C++ Redistributable (x64). Then start the"
                  " .exe again.",
            "zh": "用 7-Zip 把整合包重新完整解压到只含英文字母的短路径（例如 D:\\ai\\app），解压后确认 {dll} 在那里（如果不见了，"
                  "是杀毒软件删掉了：恢复它或把文件夹加入白名单）。安装最新的 Microsoft Visual C++ 运行库（x64）。然后重新"
                  "启动 .exe。",
        },
        check=CHECK_NONE,
        example="Error loading Python DLL 'E:\\ChatTTS-ui\\_internal\\python310.dll'.",
    ),
    Entry(
        id="python-call-mismatch",
        kind="system",
        generic=True,
        keys=("got an unexpected keyword argument", "required positional argument", "positional arguments but"),
        pattern=r"got an unexpected keyword argument '(?P<argument>\w+)'"
                r"|missing \d+ required positional arguments?: '(?P<argument2>\w+)'"
                # (the count instead of a name, for a class built with the arguments of another version: "Attention.__init__()
                # takes from 2 to 23 positional arguments but 24"; a method's count is as often the program's own bug)
                # (Python 3.9 and older print no class: "__init__() takes 2 positional arguments but 3 were given")
                # (from a word's start: a name of up to 100 characters tried at every character of a long line is slow)
                r"|(?<!\w)(?P<argument3>(?:\w{1,100}\.)?__init__)\(\) takes (?:from \d+ to )?\d+ positional arguments? but \d+ (?:were|was)"
                r" given",
        meaning={
            "en": "A function was called with an argument it does not take, or without one it needs (`{argument}`): the"
                  " program and one of its libraries, two parts of the program, or the program and a config file"
                  " (whose values become the arguments of a model) come from different versions.",
            "zh": "调用函数时传了它不接受的参数，或缺了它需要的参数（`{argument}`）：程序与它的某个库、程序的两部分，"
                  "或程序与配置文件（其中的值会成为模型的参数）来自不同的版本。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "The traceback's last frames name the library: install the version of it the program's requirements.txt"
                  " names ({packages}), or {update} (whole, not file by file). A model built from a config file: make"
                  " the config again with the program's own step, or use the one that came with the model; after an"
                  " update, download the program's models again where its README names new ones for this version.",
            "zh": "从 traceback 最后几帧可以看出是哪个库：安装程序 requirements.txt 里写的版本（{packages}），"
                  "或者{update}（整体更新，不要逐个文件替换）。按配置文件构建的模型：用程序自己的步骤重新生成配置，"
                  "或使用模型附带的配置；更新之后，如果 README 为这个版本列出了新的模型文件，重新下载程序的模型。",
        },
        check=CHECK_NONE,
        example="TypeError: TextToSpeech.__init__() got an unexpected keyword argument 'tokenizer_vocab_file'",
    ),
    Entry(
        id="faiss-index-unreadable",
        kind="system",
        keys=("faiss::FileIOReader", "faiss::FileIOWriter"),
        pattern=r"faiss::FileIO(?:Reader|Writer)[^\n]{0,400}?could not open (?P<path>[^\n]{1,300}?) for (?:reading|writing)",
        meaning={
            "en": "faiss, the library that reads the voice model's feature index (.index), could not open {path}: the"
                  " file is not there (an index of another model or machine chosen, or the path typed by hand), or its"
                  " path has characters other than English letters, which faiss cannot open on Windows.",
            "zh": "faiss（读取音色模型特征索引 .index 的库）打不开 {path}：文件不在那里（选了其他模型或其他电脑上的索引，"
                  "或路径是手动填的），或者它的路径里有英文字母以外的字符，faiss 在 Windows 上打不开这种路径。",
        },
        settings=("model.files", "input.files"),
        fix_commands=(),
        manual={
            "en": "Pick this model's own .index file in the UI (RVC keeps it in logs/MODEL_NAME/added_*.index), or"
                  " leave the index empty. Keep the program, the model and its index under a path of English letters"
                  " and digits (rename a model whose name has other characters).",
            "zh": "在界面里选择这个模型自己的 .index 文件（RVC 放在 logs/模型名/added_*.index），或者索引留空。程序、模型和索引"
                  "都放在只含英文字母和数字的路径下（模型名里有其他字符的请改名）。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Error in faiss::FileIOReader::FileIOReader(const char*) at io.cpp:67: Error: 'f' failed:"
                " could not open logs/alto/added_IVF256_Flat_nprobe_1_alto_v2.index for reading: No such file or"
                " directory",
    ),
    Entry(
        id="model-download-failed",
        kind="system",
        keys=("huggingface.co", "hf-mirror", "modelscope.cn"),
        pattern=r"(?:Max retries exceeded with url|couldn't connect to|Connection to|timed out|ConnectTimeout|ConnectionError"
                r"|Failed to establish a new connection|SSLError|LocalEntryNotFoundError|Connection reset)[^\n]{0,200}?"
                r"(?:huggingface\.co|hf-mirror\.com|modelscope\.cn)"
                r"|(?:huggingface\.co|hf-mirror\.com|modelscope\.cn)[^\n]{0,200}?(?:timed out|Max retries exceeded"
                r"|Failed to establish a new connection|Connection reset|SSLError|ConnectTimeout)",
        meaning={
            "en": "The program tried to download a model (Hugging Face or ModelScope) and could not reach the site: no"
                  " internet, a firewall or proxy, or a region where huggingface.co is blocked. The model was never on"
                  " the disk.",
            "zh": "程序尝试下载模型（Hugging Face 或 ModelScope），但连不上网站：没有网络、被防火墙或代理拦截，或所在地区访问不了"
                  " huggingface.co。模型一直不在磁盘上。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual={
            "en": "Download the model by hand and put it where the program looks ({models}); or use a mirror: set the"
                  " environment variable HF_ENDPOINT=https://hf-mirror.com before starting the program (Windows: `set"
                  " HF_ENDPOINT=https://hf-mirror.com` before the start line of the .bat file).",
            "zh": "手动下载模型并放到程序查找的位置（{models}）；或使用镜像：启动程序前设置环境变量"
                  " HF_ENDPOINT=https://hf-mirror.com（Windows：在 .bat 文件启动行前加 `set HF_ENDPOINT=https://hf-mirror.com`）。",
        },
        check=CHECK_NONE,
        example="requests.exceptions.ConnectionError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries"
                " exceeded with url: /Systran/faster-whisper-large-v3/resolve/main/config.json",
        # huggingface_hub's warning before it tries again, which may well succeed; its last try ("[Retry 5/5]") is
        # kept: the error after it may not name the site
        harmless=(("Retrying in", r"Retrying in \d+s \[Retry (\d+)/(?!\1\])\d+\]"),),
    ),
    Entry(
        id="huggingface-unauthorized",
        kind="system",
        keys=("401 Client Error", "Cannot access gated repo", "Repository Not Found for url"),
        # (a dataset's or a Space's address names its kind first: /datasets/amphion/Emilia-Dataset, /api/spaces/...)
        pattern=r"401 Client Error: Unauthorized for url: https?://(?:huggingface\.co|hf-mirror\.com)/(?:api/)?"
                r"(?:(?:models|datasets|spaces)/)?(?P<repo>[\w.-]{1,100}/[\w.-]{1,100})"
                r"|Cannot access gated repo for url https?://(?:huggingface\.co|hf-mirror\.com)/(?:api/)?"
                r"(?:(?:models|datasets|spaces)/)?(?P<repo2>[\w.-]{1,100}/[\w.-]{1,100})"
                # huggingface_hub's RepositoryNotFoundError (its 401 on the line before)
                r"|Repository Not Found for url: https?://(?:huggingface\.co|hf-mirror\.com)/(?:api/)?"
                r"(?:(?:models|datasets|spaces)/)?(?P<repo3>[\w.-]{1,100}/[\w.-]{1,100})",
        meaning={
            "en": "The Hugging Face Hub refused to download the model {repo}: the Hub answers 401 for a repository that"
                  " is gated or private, for a name that does not exist (a typo, a local folder's path read as a name),"
                  " and for a saved token that is wrong or expired (HF_TOKEN, `hf auth login`). The network works.",
            "zh": "Hugging Face Hub 拒绝下载模型 {repo}：仓库需要申请访问（gated）或是私有的、名字不存在（拼写错误，或把本地文件夹"
                  "路径当成了仓库名）、或者保存的 token 错误或过期（HF_TOKEN、`hf auth login`），Hub 都会回答 401。网络是通的。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual={
            "en": "If the model is on the disk already, point the program at its folder instead of the name (or set"
                  " HF_HUB_OFFLINE=1 so that the downloaded copy in the cache is used). Otherwise check the name on"
                  " huggingface.co; for a gated model accept its terms on its page and log in with a token of that account"
                  " (`hf auth login`; a huggingface_hub older than 0.34: `huggingface-cli login`); a stale token: `hf auth logout`,"
                  " and remove HF_TOKEN.",
            "zh": "如果模型已经在磁盘上，让程序指向它的文件夹而不是仓库名（或设置 HF_HUB_OFFLINE=1，使用缓存里已下载的副本）。"
                  "否则到 huggingface.co 上核对名字；需要申请访问的模型，在它的页面上同意条款，再用该账号的 token 登录"
                  "（`hf auth login`；0.34 以前的 huggingface_hub：`huggingface-cli login`）；token 过期：`hf auth logout`，并删除 HF_TOKEN。",
        },
        check=CHECK_NONE,
        example="requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url:"
                " https://huggingface.co/facebook/w2v-bert-2.0/resolve/main/config.json",
    ),
    Entry(
        id="permission-denied",
        kind="system",
        keys=("Permission denied", "拒绝访问", "Access is denied"),
        pattern=r"\[(?:Errno 13|WinError 5)\] (?:Permission denied|拒绝访问。?|Access is denied\.?)"
                r"(?:[^\n'\"]{0,10}['\"](?P<path>[^'\"\n]{1,300})['\"])?",
        meaning={
            "en": "The program may not write (or open) a file or folder (the path after the error): the folder is protected (under C:\\Program Files or"
                  " another system folder), the file is open in another program (a player, an editor, a second copy"
                  " of the program), or an antivirus holds it.",
            "zh": "程序没有权限写入（或打开）某个文件或文件夹（错误后面的路径）：文件夹受保护（在 C:\\Program Files 或其他系统文件夹下），文件正被其他程序"
                  "打开（播放器、编辑器、另一个正在运行的本程序），或被杀毒软件占用。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Move the program to a folder of your own (e.g. D:\\AI\\, not Program Files or the desktop's"
                  " OneDrive), close programs that have the file open (and any second copy of this program), then try"
                  " again; if an antivirus blocks it, add the program's folder to its exceptions.",
            "zh": "把程序移到自己的文件夹（例如 D:\\AI\\，不要放在 Program Files 或同步到 OneDrive 的桌面），关闭打开着这个文件的"
                  "程序（以及本程序的另一个副本）后重试；如果是杀毒软件拦截，把程序文件夹加入它的白名单。",
        },
        check=CHECK_NONE,
        example="PermissionError: [Errno 13] Permission denied: 'output/slicer_opt/vocal.wav'",
    ),
    Entry(
        id="disk-full",
        kind="system",
        keys=("No space left on device", "磁盘空间不足", "There is not enough space on the disk", "unexpected pos"),
        # (torch.save's zip writer stops with "unexpected pos" when the disk fills under it)
        pattern=r"No space left on device|磁盘空间不足|There is not enough space on the disk"
                r"|inline_container\.cc[^\n]{0,80}?unexpected pos \d+ vs \d+",
        meaning={
            "en": "The disk is full: the step could not write its files (models, features, checkpoints, the temporary"
                  " folder). Not the GPU and not the program's settings.",
            "zh": "磁盘满了：这一步写不了它的文件（模型、特征、检查点、临时文件夹）。与显卡和程序设置无关。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Free space on the drive the program and its temporary folder are on (old checkpoints in the logs /"
                  " weights folders take gigabytes; pip's and Hugging Face's caches too), or move the program to a"
                  " drive with room.",
            "zh": "清理程序及其临时文件夹所在磁盘的空间（logs / 权重文件夹里的旧检查点会占好几 GB；pip 和 Hugging Face 的缓存"
                  "也是），或把程序移到有空间的磁盘。",
        },
        check=CHECK_NONE,
        example="OSError: [Errno 28] No space left on device",
    ),
    Entry(
        id="text-encoding",
        kind="system",
        keys=("codec can't decode byte",),
        pattern=r"'(?P<codec>gbk|utf-8|charmap|cp\d+|ascii)' codec can't decode byte",
        meaning={
            "en": "A text file (a label list, a config, a text to speak) was read in another encoding than it was saved"
                  " in ({codec} here): on Windows Python reads files in the system's code page unless told otherwise"
                  " (GBK on Chinese Windows, cp1252, shown as 'charmap', on Western ones), so a UTF-8 file fails there,"
                  " and a file saved as GBK (ANSI) fails when read as UTF-8.",
            "zh": "一个文本文件（标注列表、配置、要合成的文本）读取时用的编码（这里是 {codec}）与保存时不同：Windows 上 Python"
                  " 默认按系统代码页读文件（中文 Windows 是 GBK，西文 Windows 是 cp1252，报错里显示为 'charmap'），所以 UTF-8"
                  " 文件在那里会失败；而按 GBK（ANSI）保存的文件用 UTF-8 读也会失败。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Save the file as UTF-8 (Notepad: Save as, Encoding UTF-8), or start the program with the environment"
                  " variable PYTHONUTF8=1 (Windows: `set PYTHONUTF8=1` before the start line of the .bat file).",
            "zh": "把文件另存为 UTF-8（记事本：另存为，编码选 UTF-8），或用环境变量 PYTHONUTF8=1 启动程序（Windows：在 .bat"
                  " 文件启动行前加 `set PYTHONUTF8=1`）。",
        },
        check=CHECK_NONE,
        example="UnicodeDecodeError: 'gbk' codec can't decode byte 0x80 in position 12: illegal multibyte sequence",
    ),
    Entry(
        id="port-in-use",
        kind="system",
        keys=("Cannot find empty port", "Address already in use", "WinError 10048", "address already in use",
              "通常每个套接字地址"),
        pattern=r"Cannot find empty port in range: ?(?P<port>\d+)[^\n]{0,40}|\[Errno 98\] [Aa]ddress already in use"
                r"|\[WinError 10048\][^\n]{0,120}|通常每个套接字地址[^\n]{0,60}只允许使用一次"
                r"|error while attempting to bind on address[^\n]{0,120}address already in use",
        meaning={
            "en": "The network port the web UI or API wants is taken: most often another copy of the program is still"
                  " running (a window left open, a process that did not exit), or another program uses that port.",
            "zh": "网页界面或 API 要用的网络端口被占用了：最常见的是程序的另一个副本还在运行（没关的窗口、没退出的进程），"
                  "或其他程序占用了这个端口。",
        },
        settings=("network.port",),
        fix_commands=(),
        manual={
            "en": "Close the other copy (its console window; or end its python.exe in the Task Manager), or start this"
                  " one on another port (the program's port option, often `--port` or `-p`, or the GRADIO_SERVER_PORT"
                  " environment variable for a web UI).",
            "zh": "关闭另一个副本（它的控制台窗口；或在任务管理器里结束它的 python.exe），或让这一个用别的端口启动"
                  "（程序的端口参数，常见的是 `--port` 或 `-p`，网页界面也可以用环境变量 GRADIO_SERVER_PORT）。",
        },
        check=CHECK_NONE,
        example="OSError: Cannot find empty port in range: 9874-9874. You can specify a different port by setting the"
                " GRADIO_SERVER_PORT environment variable or passing the `server_port` parameter to `launch()`.",
    ),
    Entry(
        id="feature-size-mismatch",
        kind="system",
        keys=("features as input", "channels, but got"),
        pattern=r"X has (?P<got>\d+) features, but (?P<model>\w+) is expecting (?P<want>\d+) features"
                # a model's first convolution fed features of the other width (so-vits-svc 4.0 against 4.1, v1 against v2)
                r"|expected input\[[\d, ]{1,40}\] to have (?P<want2>\d+) channels, but got (?P<got2>\d+) channels",
        meaning={
            "en": "A cluster model or feature index made for {want}-wide features was given {got}-wide ones: it belongs to"
                  " another model version or speech encoder (for example 256-wide v1 features against 768-wide v2"
                  " ones), not to the model in use.",
            "zh": "为 {want} 维特征做的聚类模型或特征索引拿到了 {got} 维的特征：它属于另一个模型版本或语音编码器"
                  "（例如 v1 的 256 维特征对 v2 的 768 维特征），不是正在用的这个模型的。",
        },
        settings=("model.version", "model.files"),
        fix_commands=(),
        manual={
            "en": "Use the cluster model / index trained together with this model, or train it again from this model's"
                  " features (after preprocessing with the same encoder and config as the model); or leave it out.",
            "zh": "使用和这个模型一起训练的聚类模型 / 索引，或用这个模型的特征重新训练它（预处理时用与模型相同的编码器和配置）；"
                  "或者不用它。",
        },
        check=CHECK_NONE,
        example="ValueError: X has 768 features, but KMeans is expecting 256 features as input.",
    ),
    Entry(
        id="script-not-found",
        kind="system",
        keys=("can't open file", "install.sh", "No such file or directory"),
        pattern=r"can't open file ['\"](?P<script>[^'\"\n]{1,300}?\.py)['\"]: \[Errno 2\]"
                r"|(?:bash|sh|zsh): (?:line \d+: )?(?P<script2>[\w./-]{1,200}?\.sh): No such file or directory"
                r"|(?:找不到|没有找到|can'?t find|cannot find) ?(?P<script3>install\.sh|webui\.py|infer-web\.py|api_v2\.py)",
        flags=re.IGNORECASE,
        meaning={
            "en": "The command names a script, {script}, that is not in the folder it was run from: the command was run"
                  " in another folder than the program's, or the program was never downloaded there (a `pip`/`conda`"
                  " environment alone holds no program files).",
            "zh": "命令里的脚本 {script} 不在运行命令的文件夹里：命令不是在程序的文件夹里运行的，或者程序根本没有下载到那里"
                  "（只建一个 pip/conda 环境并不包含程序文件）。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Get the program's files first (`git clone` its repository, or unpack its package), then `cd` into the"
                  " folder that holds {script} and run the command there.",
            "zh": "先取得程序文件（`git clone` 它的仓库，或解压整合包），然后 `cd` 到含有 {script} 的文件夹，在那里运行命令。",
        },
        check=CHECK_NONE,
        example="python: can't open file 'D:\\\\AI\\\\app.py': [Errno 2] No such file or directory",
    ),
    Entry(
        id="path-syntax",
        kind="system",
        keys=("WinError 123", "文件名、目录名或卷标语法不正确", "volume label syntax is incorrect"),
        pattern=r"\[WinError 123\][^\n]{0,200}|文件名、目录名或卷标语法不正确|volume label syntax is incorrect",
        meaning={
            "en": "Windows refused a path as written: it holds characters a path cannot have, most often quotes pasted"
                  " with it (\"Copy as path\" adds them), a backslash at its end that swallowed the closing quote of a"
                  " command line, or <>|?* characters.",
            "zh": "Windows 拒绝了写成这样的路径：其中有路径不能含有的字符，最常见的是粘贴时带上的引号（\"复制为路径\"会加引号），"
                  "结尾的反斜杠吞掉了命令行里的右引号，或者 <>|?* 等字符。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Type the path in the UI again without quotes and without a backslash at its end (D:\\\\data\\\\out, not"
                  " \"D:\\\\data\\\\out\\\\\"), with only letters, digits, - and _ in its folder names.",
            "zh": "在界面里重新填写路径，不带引号，结尾不要反斜杠（写 D:\\\\data\\\\out，不要写 \"D:\\\\data\\\\out\\\\\"），"
                  "文件夹名只用字母、数字、- 和 _。",
        },
        check=CHECK_NONE,
        example="OSError: [WinError 123] 文件名、目录名或卷标语法不正确。: 'D:\\\\asr_opt\" -s large'",
    ),
    Entry(
        id="audio-not-chosen",
        kind="system",
        keys=("Failed to load audio", "Invalid file: None"),
        pattern=r"Failed to load audio:?[^\n]{0,80}?'NoneType' object|Invalid file: None\b",
        meaning={
            "en": "No audio file reached the step: the field for it is empty (the reference audio or the input was not"
                  " uploaded or selected, or it was cleared), so the program got None instead of a path.",
            "zh": "没有音频文件传到这一步：对应的输入框是空的（参考音频或输入音频没有上传或选择，或被清空了），程序拿到的是"
                  " None 而不是路径。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Upload or select the audio (for GPT-SoVITS's inference: the reference audio, with its text) and run"
                  " again; through an API, send the path of a file that exists on the server.",
            "zh": "上传或选择音频（GPT-SoVITS 推理：参考音频及其文本）后再运行；通过 API 调用时，传服务器上存在的文件路径。",
        },
        check=CHECK_NONE,
        example="RuntimeError: Failed to load audio: 'NoneType' object has no attribute 'replace'",
    ),
    Entry(
        id="not-an-exported-model",
        kind="system",
        keys=("KeyError: 'config'", "KeyError: 'weight'"),
        pattern=r"KeyError: '(?P<key>config|weight)'",
        frames=r"get_vc|load_model|model_data|change_sid|vc\b|infer",
        meaning={
            "en": "The .pth chosen as the voice model is not an exported voice model: it has no '{key}' entry, as a"
                  " pretrained base model (f0G40k.pth, f0D40k.pth), a training checkpoint (G_2333.pth, D_2333.pth) or a"
                  " model of another program has none.",
            "zh": "选作音色模型的 .pth 不是导出的音色模型：里面没有 '{key}' 项，预训练底模（f0G40k.pth、f0D40k.pth）、训练中间的检查点"
                  "（G_2333.pth、D_2333.pth）或其他程序的模型都没有。",
        },
        settings=("model.files",),
        fix_commands=(),
        manual={
            "en": "Choose the small exported model (RVC: weights/ or assets/weights/NAME.pth, tens of MB), not a file from"
                  " pretrained/ or the logs/ training folder; a training checkpoint can be exported from RVC's ckpt"
                  " processing tab.",
            "zh": "选择导出的小模型（RVC：weights/ 或 assets/weights/模型名.pth，几十 MB），不要选 pretrained/ 或 logs/ 训练文件夹里的"
                  "文件；训练中的检查点可以在 RVC 的 ckpt 处理页导出。",
        },
        check=CHECK_NONE,
        example="KeyError: 'config'",
    ),
    Entry(
        id="faiss-index-mismatch",
        kind="system",
        keys=("assert d == self.d",),
        pattern=r"assert d == self\.d",
        meaning={
            "en": "The feature index (.index) was built for features of another width than the model makes: an index of"
                  " a v1 model (256-wide) with a v2 model (768-wide) or the reverse, or an index of another model.",
            "zh": "特征索引（.index）是为另一种宽度的特征建的：v1 模型（256 维）的索引配 v2 模型（768 维），或反过来，"
                  "或者是别的模型的索引。",
        },
        settings=("model.version", "model.files"),
        fix_commands=(),
        manual={
            "en": "Pick the index trained with this model (RVC: logs/MODEL_NAME/added_*.index, whose name says v1 or v2),"
                  " or leave the index empty.",
            "zh": "选择和这个模型一起训练的索引（RVC：logs/模型名/added_*.index，文件名里写着 v1 或 v2），或者索引留空。",
        },
        check=CHECK_NONE,
        example="    assert d == self.d",
    ),
    Entry(
        id="pip-too-new-metadata",
        kind="system",
        keys=("Please use pip<24.1", "invalid metadata", "omegaconf<2.1"),
        pattern=r"Please use pip<24\.1|has invalid metadata|(?<![\w.-])(?P<package>[\w.-]{1,100}) [\d.]+ has a non-standard dependency"
                r" specifier"
                # the resolver's report of the pin it could not meet, when it skipped those releases without a word
                r"|fairseq [\d.]{1,12} depends on omegaconf<2\.1",
        meaning={
            "en": "pip 24.1 and newer refuse packages whose metadata is written the old way, and some pinned requirements"
                  " of these programs (omegaconf 2.0.x, hydra-core 1.0.x, under fairseq) are such packages: a newer pip"
                  " than the program was set up with cannot install them.",
            "zh": "pip 24.1 及以后拒绝元数据是旧写法的包，而这些程序固定的一些依赖（fairseq 下面的 omegaconf 2.0.x、hydra-core"
                  " 1.0.x）正是这种包：比程序安装时更新的 pip 装不了它们。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Downgrade pip in the program's Python first, then install again: `python -m pip install \"pip<24.1\"`,"
                  " then {packages}.",
            "zh": "先给程序的 Python 降级 pip，再重新安装：`python -m pip install \"pip<24.1\"`，然后{packages}。",
        },
        check=CHECK_NONE,
        example="Please use pip<24.1 if you need to use this version.",
    ),
    Entry(
        id="onnx-inputs-mismatch",
        kind="system",
        keys=("are missing from input feed", "Invalid Feed Input Name"),
        pattern=r"Required inputs \(?\[?(?P<inputs>[^\]\n]{0,200})\]?\)? are missing from input feed"
                r"|Invalid Feed Input Name:(?P<inputs2>[\w.]{1,100})",
        meaning={
            "en": "The ONNX model does not take the inputs this program gives it ({inputs}): it was exported by another"
                  " program or version (an RVC WebUI export run in the voice changer, a model of another type).",
            "zh": "ONNX 模型不接受这个程序给它的输入（{inputs}）：它是用别的程序或版本导出的（在变声器里运行 RVC WebUI 导出的模型，"
                  "或其他类型的模型）。",
        },
        settings=("model.version", "model.files"),
        fix_commands=(),
        manual={
            "en": "Export the ONNX model with the program that runs it (the voice changer client has its own export from a"
                  " .pth), or load the .pth model instead.",
            "zh": "用运行它的程序导出 ONNX 模型（变声器客户端可以从 .pth 自己导出），或者直接加载 .pth 模型。",
        },
        check=CHECK_NONE,
        example="onnxruntime.capi.onnxruntime_pybind11_state.InvalidArgument: [ONNXRuntimeError] : 2 : INVALID_ARGUMENT :"
                " Required inputs (['phone', 'phone_lengths', 'ds', 'rnd']) are missing from input feed (['feats']).",
    ),
    Entry(
        id="modelscope-registry",
        kind="system",
        keys=("registry group",),
        pattern=r"(?<![\w.-])(?P<name>[\w.-]{1,100}) is not in the (?P<group>\w+) registry group",
        meaning={
            "en": "ModelScope has no `{name}` among its {group}: the installed funasr and modelscope are versions that do"
                  " not fit each other or the program (the ASR step's models register themselves through funasr).",
            "zh": "ModelScope 的 {group} 里没有 `{name}`：安装的 funasr 和 modelscope 的版本彼此不匹配，或与程序不匹配"
                  "（ASR 步骤的模型通过 funasr 注册）。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the funasr and modelscope versions the program's requirements.txt names, together ({packages}),"
                  " or {update}.",
            "zh": "同时安装程序 requirements.txt 中写的 funasr 和 modelscope 版本（{packages}），或者{update}。",
        },
        check=CHECK_NONE,
        example="KeyError: 'funasr-pipeline is not in the pipelines registry group auto-speech-recognition. Please make"
                " sure the correct version of ModelScope library is used.'",
    ),
    Entry(
        id="lightning-too-old",
        kind="system",
        keys=("is invalid. Allowed precision values",),
        pattern=r"Precision '(?P<precision>[\w-]{1,20})' is invalid\. Allowed precision values",
        meaning={
            "en": "The installed pytorch_lightning is older than the program: it does not know the precision"
                  " '{precision}' that the training script asks for (the \"16-mixed\" names came with Lightning 2.0).",
            "zh": "安装的 pytorch_lightning 比程序旧：它不认识训练脚本要求的精度 '{precision}'（\"16-mixed\" 这类名字是"
                  " Lightning 2.0 才有的）。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install the pytorch_lightning version the program's requirements.txt names ({packages}).",
            "zh": "安装程序 requirements.txt 里写的 pytorch_lightning 版本（{packages}）。",
        },
        check=CHECK_NONE,
        example="lightning_fabric.utilities.exceptions.MisconfigurationException: Precision '16-mixed' is invalid. Allowed"
                " precision values: ('16', '32', '64', 'bf16', 'mixed')",
    ),
    Entry(
        id="python-version-unsupported",
        kind="system",
        keys=("require a different python version", "requires a different Python", "3.10 manually",
              "Cannot install on Python version", "is not supported by the project"),
        pattern=r"Ignored the following versions that require a different python version"
                # llvmlite's and numba's setup, and poetry
                r"|Cannot install on Python version (?P<python2>[\d.]+); only versions (?P<need2>[^\n]{1,40}?) are supported"
                r"|The currently activated Python version (?P<python3>[\d.]+) is not supported by the project"
                r"|Please install Python ?3? or 3\.10 manually"  # Applio's installer, on any other Python
                r"|(?P<package>[\w.-]{1,100}) requires a different Python: (?P<python>[\d.]+) not in '(?P<need>[^'\n]{1,60})'",
        meaning={
            "en": "pip found no release of a requirement for this Python version, or the program's installer asks for"
                  " another Python: the Python is newer (or older) than the program and its pinned packages support.",
            "zh": "pip 找不到适合这个 Python 版本的依赖包，或程序的安装脚本要求另一个 Python 版本：这个 Python 比程序及其固定版本的"
                  "依赖所支持的更新（或更旧）。",
        },
        settings=("python.version", "python.packages"),
        fix_commands=(),
        manual=_NEW_PYTHON_ENVIRONMENT,
        # poetry goes on with another Python it finds: "Trying to find and use a compatible version.", then
        # "Using python3.10 (3.10.13)"
        harmless=(("Using python", r"^\s*Using python[\w.]{0,20} \("),),
        harmless_within=4,
        check=CHECK_NONE,
        example="INFO: pip is looking at multiple versions. ERROR: Ignored the following versions that require a different"
                " python version: 4.0.0 Requires-Python >=3.8,<3.11",
    ),
    Entry(
        id="script-crlf-line-endings",
        kind="system",
        keys=("required file not found", "bad interpreter", "\\r': command not found", "sh\\r",
              "\\r': No such file"),  # (the log's ‘’ are read as ')
        pattern=r"\.sh: cannot execute: required file not found|(?:\^M|\\r): bad interpreter"
                r"|\$'\\r': command not found|/usr/bin/env: ['‘\"](?:(?:ba)?sh|python[\d.]{0,5})\\r['’\"]",
        meaning={
            "en": "A script (most often a shell script) has Windows line endings (CRLF): Linux reads its first line as"
                  " the program `/bin/bash\\r`, which does not exist. It happens when the program was cloned or edited on Windows"
                  " (git's core.autocrlf) and then run in Linux, WSL or a Docker container; less often the shell its"
                  " first line names is not installed there (bash in an Alpine image).",
            "zh": "脚本（多半是 shell 脚本）是 Windows 的换行符（CRLF）：Linux 把它的第一行读成程序 `/bin/bash\\r`，"
                  "而这个程序不存在。程序在"
                  " Windows 上 clone 或编辑过（git 的 core.autocrlf），再拿到 Linux、WSL 或 Docker 容器里运行时就会这样；"
                  "少数情况是第一行写的 shell 在那里没有安装（Alpine 镜像里的 bash）。",
        },
        settings=("program.install",),
        fix_commands=(),
        manual={
            "en": "Convert the script to LF line endings (`sed -i 's/\\r$//' FILE` or `dos2unix FILE`; in an editor, choose"
                  " LF), or clone the program again after `git config --global core.autocrlf input`; then build the"
                  " Docker image again.",
            "zh": "把脚本转成 LF 换行符（`sed -i 's/\\r$//' 文件` 或 `dos2unix 文件`；在编辑器里选择 LF），或者先运行"
                  " `git config --global core.autocrlf input` 再重新 clone 程序；然后重新构建 Docker 镜像。",
        },
        check=CHECK_NONE,
        example="/opt/nvidia/nvidia_entrypoint.sh: line 67: /app/entrypoint.sh: cannot execute: required file not found",
    ),
    Entry(
        id="command-not-found",
        kind="system",
        generic=True,  # after ffmpeg and the package's runtime, which have their own entries
        keys=("is not recognized as an internal or external command", "不是内部或外部命令", "command not found",
              "is not recognized as the name of a cmdlet", "项识别为 cmdlet"),
        pattern=r"['\"]?(?P<command>[\w.-]{1,100})['\"]? (?:is not recognized as an internal or external command|不是内部或外部命令)"
                # PowerShell's words, in English and Chinese
                r"|The term '(?P<command3>[\w.-]{1,100})' is not recognized as the name of a cmdlet"
                r"|无法将[“\"](?P<command4>[\w.-]{1,100})[”\"]项识别为 cmdlet"
                r"|(?:bash|zsh|sh): (?:line \d+: )?(?P<command2>[\w.-]{1,100}): command not found",
        meaning={
            "en": "The shell has no program `{command}` on its PATH or in its current folder: a command installed"
                  " with pip went into another Python or environment than the one this shell uses (a venv or conda"
                  " env that is not activated), or was not installed; a program's own file (an .exe or .bat you"
                  " unpacked) is in another folder than the console's.",
            "zh": "命令行在 PATH 和当前文件夹里都找不到程序 `{command}`：用 pip 安装的命令被装进了另一个 Python 或环境"
                  "（没有激活的 venv 或 conda 环境），或者没装上；程序自带的文件（解压出来的 .exe 或 .bat）在别的文件夹里，"
                  "不在控制台当前所在的文件夹。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Activate the environment it was installed into (`conda activate NAME`, or the venv's"
                  " Scripts\\activate / bin/activate) and run it again; or install it inside the activated environment."
                  " A program's own .exe or .bat: `cd` into the program's folder first, or double-click its start"
                  " script there.",
            "zh": "激活安装它的那个环境（`conda activate 名字`，或 venv 的 Scripts\\activate / bin/activate）后再运行；"
                  "或在激活的环境里重新安装。程序自带的 .exe 或 .bat：先 `cd` 到程序的文件夹，或在那里双击它的启动脚本。",
        },
        check=CHECK_NONE,
        example="'voicetool' is not recognized as an internal or external command,",
    ),
    Entry(
        id="not-a-directory",
        kind="system",
        keys=("WinError 267", "目录名称无效", "Not a directory", "NotADirectoryError"),
        pattern=r"(?:NotADirectoryError: )?\[(?:WinError 267|Errno 20)\] (?:目录名称无效。?|The directory name is invalid\.?"
                r"|Not a directory)(?:[^\n'\"]{0,10}['\"](?P<path>[^'\"\n]{1,300})['\"])?",
        meaning={
            "en": "A folder was expected where a file was given (the path after the error): a field that wants the folder"
                  " holding the audio files or the model's own folder got one file instead.",
            "zh": "该填文件夹的地方给了一个文件（错误后面的路径）：要求填写存放音频文件的文件夹、或模型自己文件夹的地方，"
                  "填的却是单个文件。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Give the folder, not a file in it: put the audio files in a folder of their own and enter that folder's"
                  " path; a model that the program looks for by folder goes in a folder of its own (models/NAME/).",
            "zh": "填文件夹，不要填其中的文件：把音频文件放进单独的文件夹，填写这个文件夹的路径；程序按文件夹查找的模型要放进"
                  "它自己的文件夹（models/模型名/）。",
        },
        check=CHECK_NONE,
        example="NotADirectoryError: [WinError 267] 目录名称无效。: 'D:\\\\data\\\\voice.mp3'",
    ),
    Entry(
        id="python-too-new-dataclass",
        kind="system",
        keys=("use default_factory",),
        pattern=r"mutable default <class '(?P<type>[\w.]{1,200})'> for field \w+ is not allowed: use default_factory",
        meaning={
            "en": "A package written for older Python (fairseq 0.12, which RVC and so-vits-svc load HuBERT with, is the"
                  " usual one) fails to import on Python 3.11 and newer, whose dataclasses refuse its defaults.",
            "zh": "为旧版 Python 写的包（最常见的是 fairseq 0.12，RVC 和 so-vits-svc 用它加载 HuBERT）在 Python 3.11"
                  " 及更新版本上导入失败：新版的 dataclasses 不接受它的默认值写法。",
        },
        settings=("python.version", "python.packages"),
        fix_commands=(),
        manual=_NEW_PYTHON_ENVIRONMENT,
        check=CHECK_NONE,
        example="ValueError: mutable default <class 'fairseq.dataclass.configs.CommonConfig'> for field common is not"
                " allowed: use default_factory",
    ),
    Entry(
        id="python-too-old-syntax",
        kind="system",
        keys=("object is not subscriptable", "unsupported operand type(s) for |"),
        # `list[int]` in an annotation needs Python 3.9, `int | None` 3.10: the program's code, read by an older Python
        pattern=r"TypeError: 'type' object is not subscriptable"
                # (a class's type: `torch.Tensor | None` names torch's metaclass, `List[int] | None` typing's alias)
                r"|TypeError: unsupported operand type\(s\) for \|: '(?:type|NoneType|types\.GenericAlias|_TensorMeta|ABCMeta"
                r"|EnumMeta|_GenericAlias|_UnionGenericAlias|_SpecialGenericAlias|_SpecialForm)' and '(?:type|NoneType"
                r"|types\.GenericAlias|_TensorMeta|ABCMeta|EnumMeta|_GenericAlias|_UnionGenericAlias|_SpecialGenericAlias"
                r"|_SpecialForm)'",
        meaning={
            "en": "The program is written for a newer Python than the one running it: `list[int]` in its code needs"
                  " Python 3.9 or newer, `int | None` needs 3.10. The error comes when the file is read, before anything"
                  " runs. Not torch, not the GPU.",
            "zh": "程序是为比当前更新的 Python 写的：代码里的 `list[int]` 需要 Python 3.9 及以上，`int | None` 需要 3.10。"
                  "读入文件时就报错，还没开始运行。与 torch 和显卡无关。",
        },
        settings=("python.version",),
        fix_commands=(),
        # (not _NEW_PYTHON_ENVIRONMENT's "3.9 also works": `int | None` fails on 3.9)
        manual={
            "en": "Make a new environment with Python 3.10 or the version the program names (3.9 is not enough for"
                  " `int | None`): `conda create -n NAME python=3.10`, or a venv made with Python 3.10, then {packages}.",
            "zh": "用 Python 3.10 或程序指定的版本新建环境（`int | None` 在 3.9 上也不行）：`conda create -n 名字 python=3.10`，"
                  "或用 Python 3.10 建 venv，然后{packages}。",
        },
        check=CHECK_NONE,
        example="TypeError: unsupported operand type(s) for |: 'type' and 'NoneType'",
    ),
    Entry(
        id="reference-audio-length",
        kind="system",
        keys=("参考音频在3~10秒范围外", "outside the 3-10 second range", "out of the range of 3~10"),
        pattern=r"参考音频在3~10秒范围外|outside the 3-10 second range|out of the range of 3~10",
        meaning={
            "en": "GPT-SoVITS refuses the reference audio: it is shorter than 3 or longer than 10 seconds.",
            "zh": "GPT-SoVITS 拒绝了参考音频：它短于 3 秒或长于 10 秒。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Use a reference clip of 3 to 10 seconds (cut one from the training audio, with its exact text).",
            "zh": "换一段 3 到 10 秒的参考音频（可从训练音频里截取，并填写它准确的文本）。",
        },
        check=CHECK_NONE,
        example="OSError: 参考音频在3~10秒范围外，请更换！",
    ),
    Entry(
        id="glibc-too-old",
        kind="system",
        keys=("GLIBC_", "GLIBCXX_"),
        # (a retyped line may lose the opening quote: "version GLIBC_2.29' not found")
        pattern=r"version [`']?(?P<library>GLIBC(?:XX)?)_(?P<version>[\d.]{1,12})' not found(?: \(required by (?P<by>[^)\n]{1,300})\))?",
        meaning={
            "en": "A compiled package was built for a newer Linux than this one: it needs {library} {version}, which this"
                  " system's C library (or C++ runtime) is too old to have. Common on old servers and cloud images.",
            "zh": "某个编译好的包是为更新的 Linux 构建的：它需要 {library} {version}，而本系统的 C 库（或 C++ 运行库）太旧，"
                  "没有这个版本。老服务器和云镜像上常见。",
        },
        settings=("python.packages",),
        fix_commands=(),
        manual={
            "en": "Install an older release of the package named in the error (the file after \"required by\"; the one"
                  " the program's requirements.txt pins usually works), or with conda install its build from conda-forge"
                  " (GLIBCXX: `conda install -c conda-forge libstdcxx-ng`); or run on a newer Linux or the program's"
                  " docker image. If the conda environment already has a newer libstdc++ (`strings"
                  " $CONDA_PREFIX/lib/libstdc++.so.6 | grep GLIBCXX` lists the version) but the system's is loaded first,"
                  " start the program with `LD_LIBRARY_PATH=$CONDA_PREFIX/lib:$LD_LIBRARY_PATH`.",
            "zh": "安装报错中那个包（\"required by\" 后面的文件所属的包）的旧版本（程序 requirements.txt 固定的版本通常可以），"
                  "或用 conda 从 conda-forge 安装它（GLIBCXX：`conda install -c conda-forge libstdcxx-ng`）；或换用更新的 Linux"
                  " 或程序的 docker 镜像。如果 conda 环境里已经有更新的 libstdc++（`strings $CONDA_PREFIX/lib/libstdc++.so.6"
                  " | grep GLIBCXX` 能列出那个版本），只是系统的那个先被加载，就用 `LD_LIBRARY_PATH=$CONDA_PREFIX/lib:$LD_LIBRARY_PATH`"
                  " 启动程序。",
        },
        check=CHECK_NONE,
        example="OSError: /lib64/libc.so.6: version `GLIBC_2.29' not found (required by"
                " /root/miniconda3/lib/python3.10/site-packages/opencc/clib/libopencc.so.1.1)",
    ),
    Entry(
        id="git-dubious-ownership",
        kind="system",
        keys=("dubious ownership",),
        pattern=r"detected dubious ownership in repository at '(?P<path>[^'\n]{1,300})'",
        meaning={
            "en": "git refuses to work in {path}: that folder belongs to another user than the one running git, which"
                  " happens when an installer or update script is run as administrator, or from C:\\Windows\\System32"
                  " (where an administrator's console starts).",
            "zh": "git 拒绝在 {path} 中工作：这个文件夹属于另一个用户，而不是运行 git 的用户。以管理员身份运行安装或更新脚本，"
                  "或在 C:\\Windows\\System32（管理员控制台的默认位置）中运行时会这样。",
        },
        settings=("input.files",),
        fix_commands=(),
        manual={
            "en": "Run the installer or update script as your normal user, by double-clicking it in the program's own"
                  " folder (not from an administrator console). If the folder is yours anyway: `git config --global --add"
                  " safe.directory \"{path}\"`.",
            "zh": "以普通用户身份、在程序自己的文件夹里双击运行安装或更新脚本（不要在管理员控制台里运行）。如果这个文件夹确实是你的："
                  "`git config --global --add safe.directory \"{path}\"`。",
        },
        check=CHECK_NONE,
        example="fatal: detected dubious ownership in repository at 'C:/Windows/System32'",
    ),
]

# Not found in logs: chosen by `explain --symptom`, or read from a post's words.


def _symptom(name: str, **fields) -> Entry:
    return Entry(id="symptom-" + name, keys=(), pattern=r"(?!)", example="", **fields)


SYMPTOMS: Dict[str, Entry] = {
    "silent-audio": _symptom(
        "silent-audio",
        meaning={
            "en": "Silent, empty or buzzing audio without an error is the sign of float16 going wrong: GTX 16xx,"
                  " GTX 10xx (capability 6.1) and P40-class cards compute NaN in half precision, and NaN audio is"
                  " written as silence or noise.",
            "zh": "没有报错却输出无声、空白或满是电流声的音频，是 float16 出错的典型表现：GTX 16 系、GTX 10 系（算力 6.1）"
                  "和 P40 一类的显卡在半精度下会算出 NaN，NaN 音频被写成静音或噪声。",
        },
        settings=("gpu.card", "config.is_half", "env.is_half", "tts_infer.is_half"),
        fix_commands=_FIX_HALF,
        manual=_MANUAL_HALF_OFF,
        manual_any=_ANY_HALF_OFF_GPU,
        check=CHECK_HALF_NAN,
    ),
}

SYMPTOMS["nan"] = _symptom(
    "nan",
    meaning={
        "en": "NaN values (a loss of nan, NaN outputs) with half precision on are the sign of float16 overflowing or of a"
              " card that computes NaN in float16 (GTX 16xx, GTX 10xx, P40 class).",
        "zh": "开着半精度时出现 NaN（loss 为 nan、输出是 NaN），说明 float16 溢出，或是这张卡在 float16 下会算出 NaN"
              "（GTX 16 系、GTX 10 系、P40 一类）。",
    },
    settings=("config.is_half", "env.is_half", "tts_infer.is_half", "gpu.card"),
    fix_commands=_FIX_HALF,
    manual=_MANUAL_HALF_OFF,
    manual_any=_ANY_HALF_OFF_GPU,
    check=CHECK_HALF_NAN,
)
SYMPTOMS["no-gpu"] = _symptom(
    "no-gpu",
    kind="build",
    meaning={
        "en": "The program found no usable NVIDIA GPU through torch and fell back to the CPU (or stopped): the installed"
              " torch is the CPU-only build, the NVIDIA driver is missing or too old, or this torch does not support the"
              " card.",
        "zh": "程序通过 torch 找不到可用的 NVIDIA 显卡，于是改用 CPU（或停止）：安装的 torch 是纯 CPU 版本、NVIDIA 驱动"
              "缺失或太旧，或这个 torch 不支持这张卡。",
    },
    settings=("torch.build", "nvidia.driver", "config.infer_device", "tts_infer.device"),
    fix_commands=(),
    manual={
        "en": "Windows' Task Manager shows CUDA work only on a graph set to \"Cuda\" (its default \"3D\" graph stays"
              " near 0 %): look at `nvidia-smi` while it runs first. In the program's Python run"
              " `python -c \"import torch; print(torch.__version__, torch.cuda.is_available())\"`: a version ending in +cpu is the CPU-only build: install the CUDA build of torch (pip uninstall torch, then"
              " the CUDA build from pytorch.org, e.g. `pip install torch torchaudio --index-url"
              " https://download.pytorch.org/whl/cu128`); False with a +cu build: update the NVIDIA driver. True: torch"
              " sees the card and the program's own device setting keeps it on the CPU: {to_gpu}.",
        "zh": "Windows 任务管理器只在设为“Cuda”的图表上显示 CUDA 运算（默认的“3D”图表一直接近 0%）：先在运行时看"
              " `nvidia-smi`。在程序的 Python 中运行 `python -c \"import torch; print(torch.__version__, torch.cuda.is_available())\"`："
              "版本号以 +cpu 结尾的是纯 CPU 版本：安装 CUDA 版 torch（先 pip uninstall torch，再从 pytorch.org 安装 CUDA 版，"
              "例如 `pip install torch torchaudio --index-url https://download.pytorch.org/whl/cu128`）；是 +cu 版本却输出 False："
              "更新 NVIDIA 驱动。输出 True：torch 看得到显卡，是程序自己的设备设置让它留在 CPU 上：{to_gpu}。",
    },
    check=CHECK_CUDA_BUILD,
)

SYMPTOMS["amd-gpu"] = _symptom(
    "amd-gpu",
    kind="build",
    meaning={
        "en": "The card is an AMD (or Intel) GPU, and these programs are written for NVIDIA CUDA. torch uses an AMD card"
              " through its ROCm build: on Linux (for the cards ROCm lists; other RX 6000 / 7000 cards with"
              " HSA_OVERRIDE_GFX_VERSION), and on Windows for RX 7000 / 9000 cards through AMD's preview ROCm wheels;"
              " or through DirectML or ZLUDA on Windows, where several models fail. Even when torch sees the card"
              " (torch.cuda.is_available() is True with ROCm), GPT-SoVITS or RVC may not use it: they judge the card"
              " by NVIDIA's model names or CUDA capabilities, or use features ROCm lacks. Otherwise everything"
              " runs on the CPU.",
        "zh": "这是 AMD（或 Intel）显卡，而这些程序是为 NVIDIA CUDA 写的。torch 通过 ROCm 版使用 AMD 显卡：Linux 上"
              "（ROCm 列出的显卡；其他 RX 6000 / 7000 显卡要设置 HSA_OVERRIDE_GFX_VERSION），Windows 上 RX 7000 / 9000"
              " 显卡可用 AMD 的预览版 ROCm torch；或在 Windows 上通过 DirectML 或 ZLUDA 使用，但不少模型会出错。即使 torch"
              " 看得到显卡（ROCm 版的 torch.cuda.is_available() 为 True），GPT-SoVITS 或 RVC 也可能不用它：它们按 NVIDIA"
              " 显卡的型号名或 CUDA 算力判断显卡，或用到 ROCm 没有的功能。否则一切都在 CPU 上运行。",
    },
    settings=("torch.build", "gpu.card"),
    fix_commands=(),
    manual={
        "en": "On Linux: install the ROCm build of torch (`pip install torch torchaudio --index-url"
              " https://download.pytorch.org/whl/rocm6.4`, or the newest ROCm version pytorch.org lists: RX 9000 and"
              " Ryzen AI graphics need ROCm 6.4 or newer) and, for an RX 6000"
              " card ROCm does not list, start with HSA_OVERRIDE_GFX_VERSION=10.3.0 (RX 7000: 11.0.0). On Windows"
              " with an RX 7000 / 9000 card, AMD's preview ROCm build of torch for Windows (install it as AMD's ROCm"
              " documentation says) makes torch.cuda.is_available() True; if the program still runs on the CPU, it"
              " chose the CPU itself (it judges the card by NVIDIA's model names or CUDA capabilities, or"
              " needs what ROCm lacks): set its device"
              " to cuda where it has such a setting, or run it under Linux or WSL 2 with ROCm. Otherwise on Windows:"
              " use the program's DirectML package where it has one (RVC's AMD_Intel package; its RMVPE pitch"
              " extractor crashes under DirectML on some cards: pick harvest, pm or crepe; the w-okada voice changer's"
              " onnxdirectML release, which runs ONNX models only: export the model to ONNX, and for real time pick"
              " the dio pitch extractor, since harvest and crepe are slow there and stutter), or run on the CPU:"
              " {to_cpu}. Half precision stays off on the CPU and with DirectML. DirectML packages do not train on the"
              " GPU (RVC's trains on the CPU): train on an NVIDIA card, a cloud GPU, or Linux with ROCm.",
        "zh": "Linux：安装 ROCm 版 torch（`pip install torch torchaudio --index-url https://download.pytorch.org/whl/rocm6.4`，"
              "或 pytorch.org 列出的最新 ROCm 版本：RX 9000 和 Ryzen AI 核显需要 ROCm 6.4 或更新）；ROCm 没有列出的 RX 6000 显卡，启动时设置 HSA_OVERRIDE_GFX_VERSION=10.3.0"
              "（RX 7000：11.0.0）。Windows 上的 RX 7000 / 9000 显卡：AMD 为 Windows 提供预览版 ROCm torch（按 AMD 的 ROCm 文档安装），"
              "装好后 torch.cuda.is_available() 为 True；如果程序仍在 CPU 上运行，是程序自己选了 CPU（它按 NVIDIA 显卡的型号名或 CUDA 算力判断显卡，"
              "或需要 ROCm 没有的功能）：有设备设置的把它设为 cuda，否则在 Linux 或 WSL 2 的 ROCm 下运行。否则在 Windows 上："
              "使用程序的 DirectML 版（RVC 的 AMD_Intel 整合包；它的 RMVPE 音高提取在部分显卡的"
              " DirectML 上会崩溃：请选 harvest、pm 或 crepe；w-okada 变声器的 onnxdirectML 版只能运行 ONNX 模型：先把模型导出为"
              " ONNX，实时变声时音高提取选 dio，harvest 和 crepe 在那里很慢、会卡顿），或在 CPU 上运行：{to_cpu}。在 CPU 和 DirectML 上都要关闭半精度。DirectML 版不能用显卡训练（RVC 的会用 CPU 训练）："
              "请在 NVIDIA 显卡、云端显卡或装了 ROCm 的 Linux 上训练。",
    },
    check=CHECK_CUDA_BUILD,
)
SYMPTOMS["mac"] = _symptom(
    "mac",
    kind="device",
    meaning={
        "en": "On a Mac there is no NVIDIA GPU and no CUDA: torch offers the CPU and Apple's MPS. Voice programs often"
              " run on the CPU on a Mac on purpose (GPT-SoVITS chooses the CPU there), because some of their models"
              " fail or sound worse on MPS; CUDA settings and CUDA builds of torch do not apply.",
        "zh": "Mac 上没有 NVIDIA 显卡，也没有 CUDA：torch 只能用 CPU 和苹果的 MPS。语音程序在 Mac 上常常特意用 CPU"
              "（GPT-SoVITS 在 Mac 上就选 CPU），因为它们的部分模型在 MPS 上会出错或效果更差；CUDA 相关设置和 CUDA 版 torch"
              " 都不适用。",
    },
    settings=("env.mps_fallback",),
    fix_commands=(),
    manual={
        "en": "Run on the CPU with half precision off: {to_cpu}. To try MPS, set the device to mps where the program"
              " allows it and start it with PYTORCH_ENABLE_MPS_FALLBACK=1 (operations MPS lacks then run on the CPU);"
              " keep half precision off. If it still asks for CUDA: {update}.",
        "zh": "关闭半精度并在 CPU 上运行：{to_cpu}。想试 MPS：在程序允许的地方把设备设为 mps，并设置环境变量"
              " PYTORCH_ENABLE_MPS_FALLBACK=1 再启动（MPS 不支持的运算改在 CPU 上运行）；保持半精度关闭。仍然要求 CUDA 时：{update}。",
    },
    check=CHECK_MPS,
)
SYMPTOMS["realtime-devices"] = _symptom(
    "realtime-devices",
    kind="system",
    meaning={
        "en": "A real-time voice changer that hangs (at start, while it lists or opens the audio devices, or when"
              " conversion starts) without an error is most often its audio devices: it opens them through PortAudio"
              " (sounddevice), and devices of the WDM-KS or ASIO kind, virtual ASIO drivers, or device names that"
              " Windows' code page cannot hold (Chinese names on a Chinese system) stop it there. Not the model and not"
              " the GPU.",
        "zh": "实时变声程序没有报错却卡住（启动时、列出或打开音频设备时、开始变声时），最常见的原因是音频设备：它通过 PortAudio"
              "（sounddevice）打开设备，而 WDM-KS 或 ASIO 类型的设备、虚拟 ASIO 驱动、或者 Windows 代码页表示不了的设备名"
              "（中文系统上的中文设备名）会让它卡在那里。与模型和显卡无关。",
    },
    settings=("audio.device",),
    fix_commands=(),
    manual={
        "en": "Choose an input and an output of the MME kind (the device list shows each one's API: MME, WASAPI,"
              " WDM-KS, ASIO), not WDM-KS or ASIO; if it hangs while listing the devices, uninstall virtual ASIO drivers"
              " (ASIO4ALL, a DAW's ASIO) and restart. With Chinese device names, turn on Windows' \"Beta: Use Unicode"
              " UTF-8 for worldwide language support\" (Settings > Time & language > Language & region > Administrative"
              " language settings) or rename the devices in English. Update sounddevice in the program's Python"
              " (Windows package: `runtime\\python.exe -m pip install -U sounddevice`).",
        "zh": "输入和输出都选 MME 类型的设备（设备列表里标有每个设备的 API：MME、WASAPI、WDM-KS、ASIO），不要选 WDM-KS 或 ASIO；"
              "如果在列出设备时就卡住，卸载虚拟 ASIO 驱动（ASIO4ALL、编曲软件自带的 ASIO）后重启。设备名是中文的话，打开 Windows 的"
              "\"Beta 版：使用 Unicode UTF-8 提供全球语言支持\"（设置 > 时间和语言 > 语言和区域 > 管理语言设置），或把设备改成英文名。"
              "在程序的 Python 里更新 sounddevice（整合包：`runtime\\python.exe -m pip install -U sounddevice`）。",
    },
    check=CHECK_NONE,
)
SYMPTOMS["realtime-choppy"] = _symptom(
    "realtime-choppy",
    kind="system",
    meaning={
        "en": "In real-time conversion, a long delay or choppy, stuttering, repeating sound means that each block of"
              " audio takes about as long to convert as it lasts, or longer: the conversion runs on the CPU (no NVIDIA"
              " card, or a torch without CUDA), the pitch extractor is a slow one (crepe, harvest), or the block is"
              " small for this machine. The block size trades one for the other: a larger block is smooth but late, a"
              " smaller one quick but choppy. Bluetooth devices add a delay of their own. Not the model.",
        "zh": "实时变声时延迟很大，或者声音断断续续、卡顿、重复，说明转换一段音频所用的时间和这段音频本身差不多长，甚至更长："
              "转换在 CPU 上进行（没有 NVIDIA 显卡，或 torch 没有 CUDA），音高提取算法较慢（crepe、harvest），或者对这台"
              "机器来说分块太小。分块大小是两头取舍：大块顺畅但延迟大，小块响应快但断断续续。蓝牙设备本身还会再加一段延迟。"
              "与模型无关。",
    },
    settings=("gpu.card", "torch.build", "audio.device"),
    fix_commands=(),
    manual={
        "en": "Convert on an NVIDIA card with a CUDA torch (AMD or Intel: the program's DirectML build); choose the"
              " rmvpe or fcpe pitch extractor; raise the block (chunk) size step by step until the sound is smooth,"
              " and keep the converter's own time per block (shown in its window, in ms) below the block's length;"
              " lower the extra inference time and the crossfade. Use wired input and output, not Bluetooth. In the"
              " w-okada voice changer, try the server device mode.",
        "zh": "在装有 CUDA 版 torch 的 NVIDIA 显卡上转换（AMD、Intel 显卡：用程序的 DirectML 版本）；音高提取选 rmvpe 或 fcpe；"
              "逐步调大分块（chunk）大小，直到声音顺畅，并让转换器窗口里显示的每块处理时间（毫秒）小于分块本身的长度；调小"
              "额外推理时长和淡入淡出长度。输入输出用有线设备，不用蓝牙。w-okada 变声器可以试试 server device 模式。",
    },
    check=CHECK_NONE,
)
SYMPTOMS["garbled-audio"] = _symptom(
    "garbled-audio",
    meaning={
        "en": "Noise, gibberish, a robotic or metallic voice, or speech that is not the text, without an error, has"
              " these usual causes: the program's code and its models are of different versions, or the version has"
              " a bug fixed since (many such reports were fixed upstream); a library newer than the program was"
              " written for (transformers above its pinned version garbles several TTS programs; an RTX 50xx needs a"
              " torch built for CUDA 12.8); an accelerated path (TensorRT, vLLM, torch.compile, Apple's MPS, or half"
              " precision on a GTX 16xx/10xx card); or the input: a reference or training clip with reverb, music or several voices,"
              " or a very long text in one piece.",
        "zh": "没有报错，却输出噪声、胡言乱语、机械音或金属音，或者念的不是输入的文字，常见原因有：程序代码和模型的版本不一致，"
              "或这个版本有后来修复了的缺陷（很多这类问题都是上游修好的）；某个库比程序适配的版本新（transformers 高于程序固定的"
              "版本会让好几个 TTS 程序输出乱音；RTX 50 系需要为 CUDA 12.8 编译的 torch）；用了加速路径（TensorRT、vLLM、"
              "torch.compile、苹果的 MPS，或在 GTX 16/10 系显卡上用半精度）；或者是输入：参考音频或训练音频带混响、伴奏或多人声，"
              "或者一次输入的文本太长。",
    },
    settings=("program.code", "python.packages", "input.files", "any.half"),
    fix_commands=(),
    manual={
        "en": "In this order: {update}, and use the model files of that version (its README names them). Install the"
              " exact versions of its requirements file into the program's Python (`python -m pip install -r"
              " requirements.txt` from its folder), transformers above all. Turn off any accelerated path (TensorRT,"
              " vLLM, compile options; half precision on a GTX 16xx/10xx card; on a Mac, compare with the CPU"
              " instead of MPS). Then try a clean reference clip of 3"
              " to 10 seconds (one voice, no music or reverb), split long text into sentences, and keep the program's"
              " output settings at their defaults.",
        "zh": "按这个顺序：{update}，并使用这个版本对应的模型文件（README 里有写）。在程序的 Python 里按它的依赖文件安装确切的版本"
              "（在程序文件夹里 `python -m pip install -r requirements.txt`），尤其是 transformers。关闭所有加速路径"
              "（TensorRT、vLLM、编译选项；GTX 16/10 系显卡上的半精度；在 Mac 上改用 CPU 对比 MPS 的结果）。然后换一段干净的 3 到 10 秒参考音频（单人声、没有伴奏和混响），"
              "把长文本按句切开，并把程序的输出设置恢复为默认值。",
    },
    check=CHECK_NONE,
)
SYMPTOMS["slow"] = _symptom(
    "slow",
    meaning={
        "en": "Slow generation or training without an error has three usual causes: the program runs on the CPU (torch"
              " without CUDA, or a device setting of cpu); half precision (float16) on the CPU, which newer torch runs"
              " 14 to 57 times slower than float32 instead of failing; or, on Windows, the card's memory is full and"
              " the driver moves the overflow into shared system memory (\"Shared GPU memory\" in Task Manager),"
              " which is many times slower.",
        "zh": "没有报错但生成或训练很慢，常见原因有三个：程序在 CPU 上运行（torch 没有 CUDA，或设备设成了 cpu）；在 CPU 上用半精度"
              "（float16），新版 torch 不报错，但比 float32 慢 14 到 57 倍；或者在 Windows 上显存满了，驱动把溢出部分放进共享的"
              "系统内存（任务管理器里的\"共享 GPU 内存\"），速度慢很多倍。",
    },
    settings=("config.is_half", "env.is_half", "tts_infer.is_half", "gpu.memory", "torch.build"),
    fix_commands=("gsv-doctor fix --write",),
    manual={
        "en": "`gsv-doctor check` shows whether torch sees the GPU and measures float16 against float32 on this CPU."
              " If torch does not see the card (`python -c \"import torch; print(torch.__version__,"
              " torch.cuda.is_available())\"` in the program's Python prints +cpu or False), install the CUDA build of"
              " torch there. On the CPU, turn half precision off: {half_off} On an NVIDIA card, watch"
              " \"Dedicated GPU memory\" in"
              " Task Manager: when it is full, use shorter clips and a smaller batch size, close other programs on the"
              " GPU, and set NVIDIA Control Panel > Manage 3D settings > CUDA - Sysmem Fallback Policy to \"Prefer No"
              " Sysmem Fallback\" (it then stops with out of memory instead of crawling). If the GPU is used, its memory"
              " is not full and it is still slow on Windows 11 with an Intel 12th-gen or newer CPU: a console window"
              " in the background gets the slow cores; keep it in front, or raise python.exe's priority (Task"
              " Manager > Details > Set priority > High) and use the \"Best performance\" power mode.",
        "zh": "`gsv-doctor check` 会显示 torch 是否看得到显卡，并在本机 CPU 上实测 float16 与 float32 的速度。如果 torch 看不到显卡"
              "（在程序的 Python 中运行 `python -c \"import torch; print(torch.__version__, torch.cuda.is_available())\"`，"
              "输出 +cpu 或 False），请给它安装 CUDA 版 torch。在 CPU 上运行时关闭半精度：{half_off}用 NVIDIA 显卡时，在任务管理器里看\"专用 GPU 内存\"：满了就用更短的音频片段、更小的 batch size，"
              "关闭其他占用显卡的程序，并在 NVIDIA 控制面板 > 管理 3D 设置 > CUDA - 系统内存回退策略 中选\"首选无系统内存回退\""
              "（这样显存不够时会直接报错，而不是变得极慢）。如果显卡在用、显存也没满，在装有 Intel 12 代或更新 CPU 的"
              " Windows 11 上仍然很慢：在后台的控制台窗口会被分到小核；让它保持在前台，或提高 python.exe 的优先级"
              "（任务管理器 > 详细信息 > 设置优先级 > 高），并把电源模式设为\"最佳性能\"。",
    },
    check=CHECK_NONE,
)
SYMPTOMS["cpu-wanted"] = _symptom(
    "cpu-wanted",
    kind="device",
    meaning={
        "en": "Running on the CPU works without an NVIDIA GPU, only slower. Half precision must be off there: older"
              " torch has no float16 on the CPU (\"not implemented for 'Half'\"), newer torch runs it many times slower"
              " than float32.",
        "zh": "没有 NVIDIA 显卡也可以在 CPU 上运行，只是慢一些。在 CPU 上必须关闭半精度：旧版 torch 在 CPU 上没有 float16"
              "（\"not implemented for 'Half'\"），新版 torch 上 float16 比 float32 慢很多倍。",
    },
    settings=("config.infer_device", "tts_infer.device", "config.is_half", "tts_infer.is_half"),
    fix_commands=("gsv-doctor fix --write",),
    manual={
        "en": "Manual edit: {to_cpu}.",
        "zh": "手动修改：{to_cpu}。",
    },
    check=CHECK_NONE,
)

# Printed but in no entry: an error of the program's own code, of a kind that is a bug or an input the code did
# not expect (explain gives it only when nothing else is known, for the log's last traceback).
PROGRAM_ERROR = Entry(
    id="program-error",
    keys=(),  # never scanned for: explain reads the last traceback's exception line with the pattern
    pattern=r"^(?:[\w.]+\.)?(?P<exception>KeyError|IndexError|TypeError|NameError|UnboundLocalError|AttributeError"
            r"|ZeroDivisionError)\b",
    kind="system",
    meaning={
        "en": "The program's own code raised {exception} (see Where), not torch or a library it calls. gsv-doctor"
              " knows no outside cause for it: it is most often a bug of this version of the program, or an input or"
              " setting the code did not expect (an empty field, a model of another version). Not the GPU or half"
              " precision.",
        "zh": "程序自己的代码里抛出了 {exception}（见出错位置），不是 torch 或它调用的库。gsv-doctor 不知道它有什么外部原因："
              "最常见的是这个版本程序的缺陷，或是代码没料到的输入或设置（空着的输入框、其他版本的模型）。与显卡和半精度无关。",
    },
    settings=("program.code", "input.files"),
    fix_commands=(),
    manual={
        "en": "{update} (the whole program, not single files). If it still happens, search the program's issues for the"
              " last line of the error, or report it there with this log and the output of `gsv-doctor check --markdown`.",
        "zh": "{update}（整体更新，不要只换单个文件）。仍然出现的话，用报错的最后一行去程序的 issues 里搜索，或者带上这段日志和"
              " `gsv-doctor check --markdown` 的输出去那里报告。",
    },
    check=CHECK_NONE,
    example="",
)

# `No module named` for a module of the program itself (explain turns python-module-missing into it when the
# module is one of the log's program's own, or a folder of its frames): not a package to install.
PROGRAM_MODULE_MISSING = Entry(
    id="program-module-missing",
    keys=(),  # never scanned for: explain derives it from python-module-missing
    pattern=r"No module named '?(?P<module>[\w.]+)'?",
    kind="system",
    meaning={
        "en": "`{module}` is part of the program itself, not a package to install: Python looks for it from the folder"
              " the program was started in (and the script's own), so a script started from another folder, or by"
              " another route than the start script, does not find the program's folders; or the program's files are"
              " incomplete (an update that stopped half way, a folder not unpacked).",
        "zh": "`{module}` 是程序自己的一部分，不是要安装的包：Python 从启动程序时所在的文件夹（以及脚本自己的文件夹）找它，"
              "所以从别的文件夹启动、或不按启动脚本的方式启动时，找不到程序的文件夹；或者程序文件不完整（更新到一半、"
              "有文件夹没解压）。",
    },
    settings=("program.code", "input.files"),
    fix_commands=(),
    manual={
        "en": "Start the program the way its start script or README does, from the program's top folder (where its"
              " start script is). If it still fails, the files are incomplete: {update} (the whole program).",
        "zh": "按启动脚本或 README 的方式、在程序的最上层文件夹（启动脚本所在的位置）启动程序。仍然失败说明文件不完整："
              "{update}（整体更新）。",
    },
    check=CHECK_NONE,
    example="",
)
# A UTF-8 decoding error in the real-time voice changer: the audio devices' names, not a file (explain turns
# text-encoding into it when sounddevice raised it or the log is the real-time GUI's).
AUDIO_DEVICE_NAMES = Entry(
    id="audio-device-names",
    keys=(),  # never scanned for: explain derives it from text-encoding
    pattern=r"'(?P<codec>utf-8)' codec can't decode byte",
    kind="system",
    meaning={
        "en": "The real-time voice changer lists the audio devices through sounddevice, which reads their names as"
              " UTF-8; Windows gives them in the system's own encoding (GBK on Chinese Windows), so a device with a"
              " Chinese (or other non-English) name stops the list. No file and no model is involved.",
        "zh": "实时变声界面通过 sounddevice 列出音频设备，它按 UTF-8 读设备名；而 Windows 给出的是系统自己的编码（中文 Windows"
              " 上是 GBK），所以一个名字里有中文（或其他非英文字符）的设备就会让列表出错。与文件和模型无关。",
    },
    settings=("audio.device",),
    fix_commands=(),
    manual={
        "en": "Turn on Windows' UTF-8 for programs: Settings > Time & language > Language & region > Administrative"
              " language settings > Change system locale > tick \"Beta: Use Unicode UTF-8 for worldwide language"
              " support\", and restart Windows. Or rename the audio devices with non-English names to English ones"
              " (Control Panel > Sound > a device > Properties), or update sounddevice in the program's Python.",
        "zh": "让 Windows 对程序使用 UTF-8：设置 > 时间和语言 > 语言和区域 > 管理语言设置 > 更改系统区域设置 > 勾选“Beta 版：使用"
              " Unicode UTF-8 提供全球语言支持”，然后重启 Windows。或者把名字里有中文的音频设备改成英文名（控制面板 > 声音 >"
              " 选中设备 > 属性），或在程序的 Python 里更新 sounddevice。",
    },
    check=CHECK_NONE,
    example="",
)
DERIVED = (PROGRAM_ERROR, PROGRAM_MODULE_MISSING, AUDIO_DEVICE_NAMES)

BY_ID: Dict[str, Entry] = {entry.id: entry for entry in ENTRIES + list(SYMPTOMS.values()) + list(DERIVED)}


def get(entry_id: str) -> Optional[Entry]:
    return BY_ID.get(entry_id)
