from pathlib import Path

import pytest
from rvc_project import NEW, OLD, make_project

from gsv_doctor.families.rvc import layout


@pytest.mark.parametrize("shape_layout", [OLD, NEW])
def test_an_rvc_folder_of_either_layout_is_found(tmp_path, shape_layout):
    root = make_project(tmp_path / "rvc", "class_cpu_keeps_half", shape_layout)
    assert layout.is_root(root)
    found = layout.read_layout(root)
    assert found.config_path == ("config.py" if shape_layout == OLD else "configs/config.py")
    assert found.web_ui == "infer-web.py"
    assert found.entry_points[0].path == "infer-web.py" and found.entry_points[0].source == "Config()"
    assert "go-web.bat" in found.launchers
    assert found.json_configs == (["configs/32k.json", "configs/40k.json"] if shape_layout == OLD
                                  else ["configs/v1/40k.json", "configs/v2/40k.json"])
    assert found.train_script in ("train_nsf_sim_cache_sid_load_pretrain.py", "infer/modules/train/train.py")


def test_the_real_time_gui_that_builds_config_inside_a_function_is_an_entry_point(tmp_path):
    root = make_project(tmp_path / "rvc", "class_inuse", NEW)
    paths = [e.path for e in layout.read_layout(root).entry_points]
    assert paths == ["infer-web.py", "gui_v1.py"]  # tools/infer_cli.py does not read Config


def test_gpt_sovits_and_unrelated_folders_are_not_rvc(tmp_path):
    gsv = tmp_path / "gsv"
    (gsv / "GPT_SoVITS").mkdir(parents=True)
    (gsv / "config.py").write_text("is_half = True\nx_pad = 1\n", encoding="utf-8")
    (gsv / "webui.py").write_text("", encoding="utf-8")
    assert not layout.is_root(gsv)
    other = tmp_path / "other"
    other.mkdir()
    (other / "config.py").write_text("DEBUG = True\n", encoding="utf-8")
    (other / "webui.py").write_text("", encoding="utf-8")
    assert not layout.is_root(other)
    assert not layout.is_root(tmp_path / "missing")


def test_the_files_the_config_imports_and_opens_go_into_the_throw_away_copy(tmp_path):
    root = make_project(tmp_path / "rvc", "class_fp32_rewrite", NEW)
    (root / "tools" / "file_io.py").write_text("def read_text(p):\n    return open(p).read()\n", encoding="utf-8")
    config = root / "configs" / "config.py"
    config.write_text("from tools.file_io import read_text\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert layout.local_imports(root, "configs/config.py") == ["tools/file_io.py"]
    assert layout.referenced_files(root, "configs/config.py") == ["infer/modules/train/preprocess.py"]


def test_a_start_script_launches_the_web_ui_this_version_has():
    from types import SimpleNamespace

    from gsv_doctor.families import rvc

    assert rvc.default_entry(SimpleNamespace(layout=SimpleNamespace(web_ui="webui.py"))) == "webui.py"
    assert rvc.default_entry(SimpleNamespace(layout=SimpleNamespace(web_ui=None))) == "infer-web.py"
