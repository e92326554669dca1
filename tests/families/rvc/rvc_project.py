"""Build an RVC-WebUI-shaped folder around one of tests/fixtures/rvc's config shapes."""
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rvc"
# The root config.py of 2023 (with configs/40k.json and the preprocess script at the root),
# or configs/config.py of 2023-08 on (configs/v1, configs/v2, infer/modules/train).
OLD, NEW = "old", "new"


def make_project(root: Path, shape: str, layout: str = NEW) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    config = (FIXTURES / f"{shape}.py").read_bytes()
    model = (FIXTURES / "model_40k.json").read_bytes()
    # Training took float16 from the json's fp16_run, until it asked the config's GPU rule.
    train = "dtype = get_training_dtype()\n" if shape == "capability_rule" else "is_half = hps.train.fp16_run\n"
    if layout == OLD:
        (root / "config.py").write_bytes(config)
        (root / "configs").mkdir(exist_ok=True)
        for name in ("32k.json", "40k.json"):
            (root / "configs" / name).write_bytes(model)
        (root / "trainset_preprocess_pipeline_print.py").write_text("per = 3.7\n", encoding="utf-8")
        (root / "train_nsf_sim_cache_sid_load_pretrain.py").write_text(train, encoding="utf-8")
        (root / "infer-web.py").write_text("from config import Config\n\nconfig = Config()\n", encoding="utf-8")
        (root / "gui.py").write_text("import torch\n", encoding="utf-8")
    else:
        (root / "configs" / "v1").mkdir(parents=True, exist_ok=True)
        (root / "configs" / "v2").mkdir(exist_ok=True)
        (root / "configs" / "config.py").write_bytes(config)
        for name in ("v1/40k.json", "v2/40k.json"):
            (root / "configs" / name).write_bytes(model)
        (root / "infer" / "modules" / "train").mkdir(parents=True, exist_ok=True)
        (root / "infer" / "modules" / "train" / "preprocess.py").write_text("per = 3.7\n", encoding="utf-8")
        (root / "infer" / "modules" / "train" / "train.py").write_text(train, encoding="utf-8")
        (root / "infer-web.py").write_text("from configs.config import Config\n\nconfig = Config()\n",
                                           encoding="utf-8")
        (root / "gui_v1.py").write_text("def start():\n    from configs.config import Config\n\n"
                                        "    config = Config()\n", encoding="utf-8")
        (root / "tools").mkdir(exist_ok=True)
        (root / "tools" / "infer_cli.py").write_text("import torch\n", encoding="utf-8")
    (root / "go-web.bat").write_bytes(b"runtime\\python.exe infer-web.py --pycmd runtime\\python.exe --port 7897\r\n"
                                      b"pause\r\n")
    return root


def snapshot(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
