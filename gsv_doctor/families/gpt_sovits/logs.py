"""How a GPT-SoVITS log shows (its paths and words) and where GPT-SoVITS keeps the settings
that explain's advice names (gsv_doctor.logprofile)."""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from gsv_doctor.logprofile import UNSET, LogProject, Text

_GSV_TO_CPU = {
    "en": "`infer_device = \"cpu\"` and `is_half = False` in config.py; `device: cpu` and `is_half: false` in"
          " GPT_SoVITS/configs/tts_infer.yaml (read by the fast inference UI and api_v2.py)",
    "zh": "在 config.py 中设 `infer_device = \"cpu\"` 和 `is_half = False`；在 GPT_SoVITS/configs/tts_infer.yaml 中设"
          " `device: cpu` 和 `is_half: false`（并行推理界面和 api_v2.py 读取它）",
}

_HALF_OFF: Text = {
    "en": "in config.py set `is_half = False` (and `infer_device = \"cpu\"` when there is no usable NVIDIA GPU);"
          " in GPT_SoVITS/configs/tts_infer.yaml set `is_half: false`; start the inference web UI or api.py"
          " with the environment variable is_half=False (api.py: add -fp).",
    "zh": "在 config.py 中设 `is_half = False`（没有可用 NVIDIA 显卡时同时设 `infer_device = \"cpu\"`）；在"
          " GPT_SoVITS/configs/tts_infer.yaml 中设 `is_half: false`；单独启动推理界面或 api.py 时设置环境变量"
          " is_half=False（api.py 可加 -fp）。",
}


LOG_PROJECT = LogProject(
    id="gpt-sovits", name="GPT-SoVITS",
    path_markers=("gpt_sovits/", "gpt-sovits", "gptsovits", "/tts_infer_pack/", "/s1_train.py", "/s2_train.py",
                  "/tools/asr/", "fasterwhisper_asr.py", "funasr_asr.py"),
    text_markers=("gpt-sovits", "gpt_sovits", "gptsovits", "tts config----", "sovits_weights", "gpt_weights",
                  "inference_webui", "api_v2.py", "tts_infer.yaml", "训练集格式化", "1c-推理", "1-gpt-sovits",
                  "cnhubert", "get_tts_wav", "s1bert25hz", "g2pw"),
    settings={
        "half": ("config.is_half", "env.is_half", "tts_infer.is_half"),
        "device": ("config.infer_device", "tts_infer.device"),
        "oom-train": ("gsv.train_batch", "gpu.memory"),
        "oom-infer": ("gsv.infer_batch", "gpu.memory"),
        "cudnn": ("cudnn",),
    },
    advice={
        "half_off": _HALF_OFF,
        "half_off_gpu": _HALF_OFF,  # (the same setting turns it off on a card)
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
        "models": {
            "en": "download GPT-SoVITS's pretrained models as its README says (GPT_SoVITS/pretrained_models, the G2PW"
                  " model in GPT_SoVITS/text, tools/uvr5/uvr5_weights, tools/asr/models; install.sh fetches them), or"
                  " unpack the full Windows package again",
            "zh": "按 GPT-SoVITS 的 README 下载预训练模型（GPT_SoVITS/pretrained_models、GPT_SoVITS/text 下的 G2PW 模型、"
                  "tools/uvr5/uvr5_weights、tools/asr/models；install.sh 会自动下载），或重新解压完整的整合包",
        },
        "packages": {
            "en": "install GPT-SoVITS's requirements into the Python that runs it (Windows package: `runtime\\python.exe"
                  " -m pip install -r requirements.txt` from its folder)",
            "zh": "把 GPT-SoVITS 的依赖装进运行它的 Python（整合包：在它的文件夹里运行 `runtime\\python.exe -m pip"
                  " install -r requirements.txt`）",
        },
    },
    gsv_doctor_fixes=True,
    own_modules=("GPT_SoVITS", "tools", "AR", "module", "feature_extractor", "text", "TTS_infer_pack", "BigVGAN", "sv",
                 "eres2net", "process_ckpt", "my_utils", "config", "utils", "f5_tts", "inference_webui"),
)


def settings_now(facts: Any, config_run: Optional[Dict[str, Any]],
                 environ: Optional[Mapping[str, str]]) -> Dict[str, str]:
    """Setting id -> its value now, language-neutral, for explain's "[now: ...]": from the folder's
    files (`facts`, gsv_doctor.families.gpt_sovits.facts), config.py as the probe ran it on this
    machine (`config_run`: is_half, infer_device; it wins over the static reading) and the
    `is_half` environment variable (the folder's reading of it, else `environ`'s; None: unknown)."""
    values: Dict[str, str] = {}
    config = getattr(facts, "config", None)
    for name in ("is_half", "infer_device"):
        if config_run and config_run.get(name) is not None:
            values["config." + name] = "%s=%s" % (name, config_run[name])
        elif config is not None:
            assignment = config.last(name)
            if assignment is not None:
                values["config." + name] = "config.py:%d: %s = %s" % (assignment.line, name, assignment.value_source)
    tts = getattr(facts, "tts_infer", None)
    if tts is not None and tts.sections:
        name = "custom" if "custom" in tts.sections else sorted(tts.sections)[0]
        section = tts.sections[name] or {}
        for key in ("is_half", "device"):
            if key in section:
                values["tts_infer." + key] = "%s: %s=%s" % (name, key, section[key])
    if facts is not None or environ is not None:
        env = getattr(facts, "env_is_half", None) if facts is not None else environ.get("is_half")
        values["env.is_half"] = "is_half=%s" % env if env is not None else UNSET
    return values
