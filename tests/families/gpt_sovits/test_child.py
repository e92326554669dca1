"""The GPT-SoVITS family's child code, run for real in a child interpreter (as `check` does)."""
import sys

import pytest

from gsv_doctor import project, target
from gsv_project import make_project

pytestmark = pytest.mark.slow

CONFIG = 'import torch\nis_half = True\ninfer_device = "cuda"\ncard = torch.cuda.get_device_name(0)\n'
TTS = '''import os
import yaml
import torch
from transformers import AutoTokenizer  # not installed here: the child stands it in
from .relative_module import thing


class TTS_Config:
    def __init__(self, configs):
        os.makedirs("GPT_SoVITS/configs", exist_ok=True)
        with open(configs) as handle:
            data = yaml.load(handle, Loader=yaml.FullLoader)
        self.configs = data.get("custom")
        self.device = self.configs.get("device", torch.device("cpu"))
        if "cuda" in str(self.device) and not torch.cuda.is_available():
            self.device = torch.device("cpu")
        self.is_half = self.configs.get("is_half", False)
        self.tokenizer = AutoTokenizer(i18n("x"))
        with open(configs, "w") as handle:  # the real one rewrites its yaml: it must hit a copy
            handle.write("rewritten")
'''
UI = ('import os\nimport torch\nis_half = eval(os.environ.get("is_half", "True"))\n'
      'device = "cuda" if torch.cuda.is_available() else "cpu"\n')


def test_child_runs_the_projects_own_code_without_touching_it(tmp_path, monkeypatch):
    root = make_project(tmp_path / "gsv", config=CONFIG, inference_ui=UI)
    yaml_path = root / "GPT_SoVITS" / "configs" / "tts_infer.yaml"
    yaml_path.write_text("custom:\n  device: cuda\n  is_half: true\n")
    (root / "GPT_SoVITS" / "TTS_infer_pack").mkdir()
    (root / "GPT_SoVITS" / "TTS_infer_pack" / "TTS.py").write_text(TTS)
    monkeypatch.delenv("is_half", raising=False)
    opened = project.open_project(root, {})
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    child = target.start(sys.executable, None, extra=opened.module.child_code(root, opened.facts))
    run = target.finish(child, sys.executable, 120, 0.0)
    family = run.family
    assert family["config"]["error"] == "AssertionError: Torch not compiled with CUDA enabled"
    assert family["config"]["where"] == "config.py:4"
    assert (family["tts_config"]["device"], family["tts_config"]["is_half"]) == ("cpu", True)
    values = family["env_reads"]["GPT_SoVITS/inference_webui.py"]["values"]
    assert values["now"] == {"is_half": True, "device": "cpu", "error": None}
    assert values["False"]["is_half"] is False
    assert yaml_path.read_text() == "custom:\n  device: cuda\n  is_half: true\n"
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_child_runs_the_device_line_inside_a_dataset_scripts_work_block(tmp_path):
    from gsv_doctor.families.gpt_sovits import child

    script = tmp_path / "GPT_SoVITS" / "prepare_datasets" / "2-get-units.py"
    script.parent.mkdir(parents=True)
    script.write_text('import os\nimport torch\nout_dir = os.environ.get("out_dir")\n'
                      'is_half = eval(os.environ.get("is_half", "True"))\n'
                      'if not os.path.exists("%s/units" % out_dir):\n'
                      '    os.makedirs(out_dir)\n    device = "cuda:0"\n    model = torch.nn.Linear(2, 2).to(device)\n')
    got = child.run_env_reads(str(tmp_path), ["GPT_SoVITS/prepare_datasets/2-get-units.py"], ["False"])
    assert got["GPT_SoVITS/prepare_datasets/2-get-units.py"]["values"]["False"] == {
        "is_half": False, "device": "cuda:0", "error": None}
