"""How an RVC WebUI log shows (its paths and words) and where RVC keeps the settings that
explain's advice names (gsv_doctor.logprofile)."""
from __future__ import annotations

from gsv_doctor.logprofile import LogProject, Text

# `fix --write` makes RVC's device_config keep float32 on the CPU: the errors of float16 computed there
# (gsv_doctor.catalog.CHECK_CPU_OP / CHECK_HALF_KERNEL); `run` does not start RVC with the hook yet.
_FIXED_BY_FIX = ("cpu_op", "half_kernel")

_HALF_OFF: Text = {
    "en": "in RVC's configs/config.py (config.py in versions before mid-2023) set `self.is_half = False`"
          " (RVC does it by itself for GTX 16xx, 10xx and P40 cards when it recognises the name); the feature"
          " extraction and the real-time GUI follow that value.",
    "zh": "在 RVC 的 configs/config.py（2023 年年中以前的版本为 config.py）中设 `self.is_half = False`"
          "（RVC 认出 GTX 16 系、10 系和 P40 显卡名时会自动这样做）；特征提取和实时变声界面都跟随这个值。",
}


LOG_PROJECT = LogProject(
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
        "half_off": _HALF_OFF,
        "half_off_gpu": _HALF_OFF,  # (the same setting turns it off on a card)
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
        "amd_start": {
            "en": "RVC uses an AMD or Intel card only through DirectML, which infer-web.py turns on with `--dml`: start"
                  " the AMD_Intel package with go-web-dml.bat, or add --dml to the line in go-web.bat.",
            "zh": "RVC 只通过 DirectML 使用 AMD 或 Intel 显卡，infer-web.py 要加 `--dml` 才会启用它：用 AMD_Intel 整合包的"
                  " go-web-dml.bat 启动，或在 go-web.bat 那一行加上 --dml。",
        },
        "card_small": {
            "en": "A card this small is a tight fit for RVC: use the low-memory x_pad/x_query/x_center/x_max values"
                  " in configs/config.py, or run on the CPU.",
            "zh": "这么小的显存跑 RVC 很勉强：在 configs/config.py 中用小显存的 x_pad/x_query/x_center/x_max 值，或改用 CPU。",
        },
        "workers": {"en": "lower \"Number of CPU processes used for pitch extraction and data processing\" in the"
                          " training tab",
                    "zh": "在训练页调小\"提取音高和处理数据使用的CPU进程数\""},
        "models": {
            "en": "download RVC's model files into assets/ (hubert, rmvpe, pretrained_v2, uvr5_weights): `python"
                  " tools/download_models.py` from RVC's folder (older versions: tools/dlmodels.bat or .sh), or unpack"
                  " the full 7z package again",
            "zh": "把 RVC 的模型文件下载到 assets/（hubert、rmvpe、pretrained_v2、uvr5_weights）：在 RVC 文件夹里运行"
                  " `python tools/download_models.py`（旧版本：tools/dlmodels.bat 或 .sh），或重新解压完整的 7z 整合包",
        },
        "packages": {
            "en": "install RVC's requirements into the Python that runs it (Windows package: `runtime\\python.exe -m pip"
                  " install -r requirements.txt` from RVC's folder)",
            "zh": "把 RVC 的依赖装进运行它的 Python（Windows 整合包：在 RVC 文件夹里运行 `runtime\\python.exe -m pip"
                  " install -r requirements.txt`）",
        },
    },
    fix_checks=_FIXED_BY_FIX,
    own_modules=("infer", "configs", "i18n", "tools", "lib", "infer_pack", "vc_infer_pipeline", "my_utils", "config",
                 "uvr5_pack", "rmvpe"),
    # (a command line: not a traceback's frame `File "...infer-web.py", line 20` nor a warning's `infer-web.py:21:`)
    amd_start_without=r"^(?![^\n]{0,300}\bFile [\"'])[^\n]{0,300}\binfer-web\.py\b(?![\"']?,? line \d|:\d)(?![^\n]*--dml)"
                      r"[^\n]{0,300}",
)
