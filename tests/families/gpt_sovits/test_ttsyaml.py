import pytest
from conftest import FIXTURES

from gsv_doctor.errors import DoctorError
from gsv_doctor.families.gpt_sovits.ttsyaml import RELATIVE_PATH, read_tts_infer

CONFIGS = FIXTURES / "configs"


def test_sections_of_a_dumped_file():
    facts = read_tts_infer(CONFIGS / "tts_infer_cuda.yaml")
    assert facts.exists and facts.error is None
    assert facts.sections == {
        "custom": {"device": "cuda", "is_half": True},
        "v1": {"device": "cpu", "is_half": False},
        "v2": {"device": "cpu", "is_half": False},
        "v2Pro": {"device": "cuda", "is_half": True},
    }


def test_hand_edited_file():
    facts = read_tts_infer(CONFIGS / "tts_infer_crlf_comments.yaml")
    assert facts.sections == {"custom": {"device": "cuda:0", "is_half": True}}


def test_project_dir_finds_the_file(tmp_path):
    target = tmp_path / RELATIVE_PATH
    target.parent.mkdir(parents=True)
    target.write_text("custom:\n  device: cpu\n  is_half: 'false'\n", encoding="utf-8")
    facts = read_tts_infer(tmp_path)
    assert facts.path == str(target)
    assert facts.sections == {"custom": {"device": "cpu", "is_half": False}}


def test_missing_file_is_a_fact_not_an_error(tmp_path):
    facts = read_tts_infer(tmp_path)
    assert facts.exists is False and facts.sections == {}


def test_broken_yaml_is_exit_2_with_line():
    with pytest.raises(DoctorError) as error:
        read_tts_infer(CONFIGS / "tts_infer_broken.yaml")
    assert error.value.exit_code == 2 and "line 5" in error.value.message


@pytest.mark.parametrize("text,why", [("", "empty"), ("- a\n- b\n", "not a mapping"),
                                      ("custom:\n  version: v2\n", "no section")])
def test_unusable_content_is_reported(tmp_path, text, why):
    path = tmp_path / "tts_infer.yaml"
    path.write_text(text, encoding="utf-8")
    facts = read_tts_infer(path)
    assert facts.exists and why in facts.error
