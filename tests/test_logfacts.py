import pytest

from gsv_doctor import logfacts


@pytest.mark.parametrize("text, torch, build", [
    ("pytorch版本为2.7.0.dev20250309+cu128", "2.7.0", "cu128"),  # a nightly, told in Chinese
    ("PyTorch version is 2.3.1+cpu", "2.3.1", "cpu"),
    ("torch 2.6.0rc1+cu126", "2.6.0", "cu126"),
    ("torch==2.0.1", "2.0.1", None),
    ("no version here, only torch", None, None),
])
def test_the_torch_version_and_build_as_posts_write_them(text, torch, build):
    facts = logfacts.read_facts(text)
    assert (facts.torch, facts.build) == (torch, build)


def test_fairseqs_hubert_pretraining_task_says_nothing_of_the_job():
    log = ("8G显存推理时OOM\n2023-12-25 | INFO | fairseq.tasks.hubert_pretraining | HubertPretrainingTask Config"
           " {'_name': 'hubert_pretraining'}\n")
    assert logfacts.job_of([], log) == "infer"


@pytest.mark.parametrize("text", ["Cuda or MPS not detected, using CPU", "MPS not detected"])
def test_mps_named_as_not_detected_is_no_mac(text):
    # a program's notice that it found no GPU names MPS as what it looked for, on any machine
    assert logfacts.read_facts(text).mac is None
