"""explain on the shapes people post: other projects' logs, logs that state facts about the
machine, symptoms in words. Every log here is written for these tests (tests/logs/real_*)."""
import json

import pytest

from conftest import TESTS
from gsv_doctor import catalog, explain, logfacts, logprojects, logread

LOGS = TESTS / "logs"


def explained(log):
    """explain's findings for a log given as text or as the bytes of a file."""
    return explain.explain_log(logread.read_log(log.encode() if isinstance(log, str) else log))


GSV_FILES = ("tts_infer.yaml", "webui.py", "GPT_SoVITS/", "api_v2.py", "config.py in")

# log -> (entry id, project id, first setting, words the fix must hold, words no text may hold)
REAL = {
    "real_gsv_numpy2_package_gbk.log": ("numpy-abi-mismatch", "gpt-sovits", "python.packages",
                                        ("numpy<2", "runtime\\python.exe -m pip install -r requirements.txt"),
                                        ("is_half", "gsv-doctor fix")),
    "real_rvc_numba_internal.log": ("numpy-abi-mismatch", "rvc", "python.packages", ("numpy==1.23.5",), GSV_FILES),
    "real_gsv_pyopenjtalk_cmake4.log": ("cmake-too-new", "gpt-sovits", "build.tools",
                                        ("CMAKE_POLICY_VERSION_MINIMUM=3.5", "pyopenjtalk>=0.4.1"), ("is_half",)),
    "real_svc_pyworld_msvc_zh.md": ("pip-build-failed", "so-vits-svc", "python.version",
                                    ("3.10", "Desktop development with C++"), GSV_FILES),
    "real_gsv_nltk_tagger_gradio.log": ("nltk-resource-missing", "gpt-sovits", "nltk.data",
                                        ("nltk.download('averaged_perceptron_tagger_eng')", "runtime\\nltk_data"),
                                        ("is_half",)),
    "real_rvc_realtime_mme_zh.log": ("audio-device-error", "rvc", "audio.device", ("same host API", "WASAPI"), GSV_FILES),
    "real_svc_fork_portaudio_linux.log": ("portaudio-library-missing", "so-vits-svc-fork", "python.packages",
                                          ("apt-get install libportaudio2",), GSV_FILES),
    "real_gsv_localhost_proxy.log": ("localhost-proxy", "gpt-sovits", "network.proxy",
                                     ("set no_proxy=localhost,127.0.0.1",), ("is_half",)),
    "real_tts_client_proxy_502.log": ("localhost-proxy", "unknown", "network.proxy", ("no_proxy",), GSV_FILES),
    # the keys line above the shapes is told by the size mismatch, once
    "real_rvc_train_size_mismatch.log": ("checkpoint-size-mismatch", "rvc", "model.version",
                                         ("v1 or", "40k", "new experiment name"), GSV_FILES + ("not a finished model",)),
    "real_gsv_v2_weights_as_v1.log": ("checkpoint-size-mismatch", "gpt-sovits", "model.version",
                                      ("SoVITS_weights_v2", "update"), ("is_half",)),
    "real_svc_missing_keys.log": ("checkpoint-keys-mismatch", "so-vits-svc", "model.version", ("config.json",),
                                  GSV_FILES),
    "real_rvc_package_oom_infer.log": ("cuda-out-of-memory", "rvc", "rvc.x_pad", ("x_pad", "x_max"), GSV_FILES),
    "real_svc_train_oom_batch.log": ("cuda-out-of-memory", "so-vits-svc", "svc.batch", ("batch_size", "config.json"),
                                     GSV_FILES),
    "real_gsv_asr_driver_gbk.log": ("cuda-driver-insufficient", "gpt-sovits", "nvidia.driver",
                                    ("driver", "ctranslate2"), ("is_half", "gsv-doctor fix")),
    "real_rvc_rmvpe_cudnn_gradio.log": ("cudnn-failure", "rvc", "rvc.rmvpe", ("rmvpe.py", "cudnn.enabled = False"),
                                        GSV_FILES),
    "real_rocm_hipfft_markdown.md": ("rocm-hipfft-half", "gpt-sovits", "config.is_half", ("is_half = False",), ()),
    "real_mac_mps_device_mix.log": ("device-mismatch", "gpt-sovits", "config.infer_device", ("device",),
                                    ("precision settings disagree",)),
    "real_words_silent_zh.md": ("symptom-silent-audio", "gpt-sovits", "gpu.card", ("is_half",), ()),
    "real_words_silent_en.txt": ("symptom-silent-audio", "unknown", "gpu.card", ("half",), GSV_FILES),
    "real_onnx_no_kernel_midline.log": ("onnxruntime-no-kernel-image", "unknown", "onnxruntime.build",
                                        ("onnxruntime-gpu",), ("torch build whose arch list",)),
    "real_ttswebui_half_unticked.log": ("cpu-half-conv", "tts-webui", "ttswebui.half", ("update TTS-WebUI",),
                                        GSV_FILES),
    "real_gsv_kepler_no_kernel.log": ("cuda-no-kernel-image", "gpt-sovits", "torch.build", ("cpu",), ()),
    "real_vc_old_card.log": ("cuda-card-too-old", "voice-changer", "gpu.card", ("CPU",), GSV_FILES),
    "real_gsv_oom_words_zh.md": ("cuda-out-of-memory", "gpt-sovits", "gsv.train_batch", ("batch_size", "slice"), ()),
    "real_ttswebui_cpu_torch.log": ("cuda-not-compiled", "tts-webui", "torch.build", ("CUDA build of torch",),
                                    GSV_FILES + ("infer_device",)),
    "real_asr_cudnn8_missing_progress.log": ("cudnn-library-missing", "gpt-sovits", "cudnn", ("cuDNN 8", "LD_LIBRARY_PATH"),
                                             ("is_half", "gsv-doctor fix")),
    "real_asr_ctranslate2_no_kernel.log": ("cuda-no-kernel-image", "gpt-sovits", "asr.ctranslate2", ("ASR",),
                                           ("onnxruntime", "gsv-doctor fix")),
    "real_arch_built_for_sm.log": ("cuda-no-kernel-image", "unknown", "torch.build", ("12.8",), GSV_FILES),
    "real_cufft_half_old_card.log": ("cuda-cufft-half", "gpt-sovits", "env.is_half", ("is_half = False",), ()),
    "real_words_oom_svc.md": ("cuda-out-of-memory", "so-vits-svc", "svc.clip", ("-cl",), GSV_FILES),
    "real_uvr_cudnn_no_algorithm.log": ("cudnn-failure", "unknown", "cudnn", ("cudnn.enabled = False", "LD_LIBRARY_PATH"),
                                        GSV_FILES + ("is_half",)),
    "real_words_silent_zh_tw.txt": ("symptom-silent-audio", "unknown", "gpu.card", ("half",), GSV_FILES),
    "real_words_silent_ja.txt": ("symptom-silent-audio", "unknown", "gpu.card", ("half",), GSV_FILES),
    "real_rvc_cuda_checkpoint_on_cpu.log": ("load-device-missing", "rvc", "torch.build", ("install its CUDA build", "update the NVIDIA driver"),
                                            GSV_FILES),
    "real_fork_mps_restore_wrapped.log": ("load-device-missing", "unknown", "any.device", ("cpu",), GSV_FILES),
    "real_words_nan_loss.txt": ("symptom-nan", "unknown", "any.half", ("half",), GSV_FILES),
    "real_words_cpu_half_zh.txt": ("cpu-half-conv", "unknown", "any.half", ("half",), GSV_FILES),
    "real_words_no_gpu.txt": ("symptom-no-gpu", "unknown", "torch.build", ("CUDA build of torch", "driver"), GSV_FILES),
    "real_words_gpu_not_recognised.txt": ("symptom-no-gpu", "unknown", "torch.build", ("CUDA build of torch",), GSV_FILES),
    "real_words_gpu_not_found_zh.txt": ("symptom-no-gpu", "unknown", "torch.build", ("+cpu",), GSV_FILES),
    "real_words_cpu_training_zh.txt": ("symptom-no-gpu", "unknown", "torch.build", ("CUDA build of torch",), GSV_FILES),
    "real_svc_cpu_training_assert.log": ("cpu-training-not-allowed", "so-vits-svc", "torch.build", ("CUDA build of torch",),
                                         GSV_FILES + ("to the CPU",)),
    "real_words_amd_windows.txt": ("symptom-amd-gpu", "unknown", "torch.build", ("DirectML", "ROCm"), GSV_FILES),
    "real_words_amd_rocm_windows.txt": ("symptom-amd-gpu", "gpt-sovits", "torch.build",
                                        ("preview ROCm build of torch for Windows", "WSL 2"), ()),
    "real_words_mac_cpu.md": ("symptom-mac", "unknown", "env.mps_fallback", ("PYTORCH_ENABLE_MPS_FALLBACK=1",), GSV_FILES),
    "real_words_slow_shared_memory_zh.txt": ("symptom-slow", "unknown", "any.half", ("Sysmem Fallback",), GSV_FILES),
    "real_words_cpu_only.txt": ("symptom-cpu-wanted", "unknown", "any.device", ("cpu",), GSV_FILES),
    "real_words_rtx50_zh.txt": ("cuda-no-kernel-image", "unknown", "torch.build", ("whl/cu128",), GSV_FILES),
    "real_svc_collect_env_cpu_torch.log": ("cpu-training-not-allowed", "so-vits-svc", "torch.build",
                                           ("torch==2.0.1 torchaudio --index-url https://download.pytorch.org/whl/cu118",),
                                           GSV_FILES),
    "real_mac_config_cuda_assert.log": ("cuda-not-compiled", "gpt-sovits", "config.infer_device", ("This is a Mac", "is_half = False"),
                                        ("pytorch.org",)),
    "real_rvc_paging_file_zh.log": ("windows-paging-file", "rvc", "windows.pagefile",
                                    ("Virtual memory", "Number of CPU processes"), GSV_FILES + ("cuDNN 8",)),
    "real_gsv_train_libuv.log": ("torch-libuv", "gpt-sovits", "torch.distributed", ("set USE_LIBUV=0",), ()),
    "real_rtx50_capability_package.log": ("cuda-capability-unsupported", "gpt-sovits", "torch.build",
                                          ("runtime\\python.exe -m pip install torch torchaudio --index-url"
                                           " https://download.pytorch.org/whl/cu128",), ()),
    # errors outside the GPU: model files, the program's packages, ffmpeg, the input files
    "real_rvc_rmvpe_missing.log": ("model-file-missing", "rvc", "model.files", ("assets/rmvpe/rmvpe.pt",
                                                                                "tools/download_models.py"), GSV_FILES),
    "real_gsv_bert_not_downloaded.md": ("model-file-missing", "gpt-sovits", "model.files",
                                        ("chinese-roberta-wwm-ext-large", "GPT_SoVITS/pretrained_models"),
                                        ("is_half", "gsv-doctor fix")),
    "real_vc_hubert_corrupt.log": ("model-file-corrupt", "voice-changer", "model.files", ("download it again",),
                                   GSV_FILES + ("is_half",)),
    "real_gsv_mac_ffmpeg_package.log": ("ffmpeg-wrong-package", "gpt-sovits", "ffmpeg", ("install ffmpeg-python",),
                                        ("is_half", "This is a Mac")),
    "real_svc_ffmpeg_missing.log": ("ffmpeg-missing", "so-vits-svc-fork", "ffmpeg", ("apt install ffmpeg",), GSV_FILES),
    "real_gsv_audio_load_failed_gbk.log": ("audio-load-failed", "gpt-sovits", "input.files", ("without quotes",),
                                           ("is_half",)),
    "real_gsv_uvr5_no_model.log": ("uvr5-no-model", "gpt-sovits", "model.files", ("tools/uvr5/uvr5_weights",), ()),
    "real_rvc_uvr5_pre_fun.log": ("uvr5-no-model", "rvc", "model.files", ("assets/", "uvr5_weights"), GSV_FILES),
    "real_ttswebui_import_name.log": ("python-package-version", "tts-webui", "python.packages",
                                      ("rotary_embedding_torch==",), GSV_FILES),
    "real_gsv_api_module_table.md": ("program-module-missing", "gpt-sovits", "program.code", ("top folder",
                                                                                            "update GPT-SoVITS"),
                                     ("is_half", "pip install")),
    "real_svc_dataset_layout.log": ("input-empty", "so-vits-svc", "input.files", (".ipynb_checkpoints",), GSV_FILES),
    "real_rvc_faiss_chinese_path.log": ("faiss-index-unreadable", "rvc", "model.files",
                                        ("added_*.index", "English letters", "D:\\AI\\"), GSV_FILES),
    "real_gsv_asr_hf_blocked_zh.log": ("model-download-failed", "gpt-sovits", "model.files",
                                       ("HF_ENDPOINT=https://hf-mirror.com", "tools/asr/models"), ("is_half",)),
    "real_rvc_pretrained_as_model.log": ("not-an-exported-model", "rvc", "model.files", ("assets/weights",), GSV_FILES),
    "real_rvc_preprocess_space_log_file.log": ("argument-split-by-space", "rvc", "input.files", ("no spaces",),
                                               GSV_FILES),
    "real_rvc_train_space_in_name.log": ("argument-split-by-space", "rvc", "input.files", ("no spaces",), GSV_FILES),
    "real_rvc_source_without_runtime_zh.log": ("package-runtime-missing", "rvc", "python.packages",
                                               ("full Windows package",), GSV_FILES),
}


def explain_real(name):
    return explained((LOGS / name).read_bytes())


def all_text(found, lang):
    document = explain.to_json(found, lang)
    return json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_shapes(name):
    entry_id, project, setting, fix_words, forbidden = REAL[name]
    found = {e.id: e for e in explain_real(name)}
    assert entry_id in found, sorted(found)
    explanation = found[entry_id]
    assert explanation.project == project
    assert explanation.settings[0] == setting
    fix_text = " ".join(explanation.fix_commands + [explain.manual(explanation, "en")] + explain.notes(explanation, "en"))
    for word in fix_words:
        assert word in fix_text, fix_text
    for lang in ("en", "zh"):
        text = all_text(list(found.values()), lang)
        for word in forbidden:
            assert word not in text, (lang, word)
        assert "{" not in explain.manual(explanation, lang) + explain.meaning(explanation, lang), "an unfilled placeholder"


def test_an_error_an_entry_knows_only_from_certain_code_needs_that_code_in_the_traceback():
    # "'list' object has no attribute 'lower'" means no UVR5 model only when UVR5 raised it
    def traceback(path, function):
        return ('Traceback (most recent call last):\n  File "%s", line 47, in %s\n'
                '    name = model_name.lower()\n'
                "AttributeError: 'list' object has no attribute 'lower'\n" % (path, function)).encode()

    uvr = traceback("D:\\GPT-SoVITS\\tools\\uvr5\\webui.py", "uvr")
    other = traceback("D:\\GPT-SoVITS\\GPT_SoVITS\\text\\english.py", "g2p")
    assert [e.id for e in explained(uvr)] == ["uvr5-no-model"]
    assert [e.id for e in explained(other)] == ["program-error"]
    # the bare message, with no traceback at all, is not enough either
    assert explained(b"AttributeError: 'list' object has no attribute 'lower'\n") == []


def _traceback(path, exception):
    return ('Traceback (most recent call last):\n  File "%s", line 612, in get_tts_wav\n'
            '    refer = speaker_refs[speaker]\n%s\n' % (path, exception)).encode()


def test_an_error_of_the_programs_own_code_is_called_that_when_nothing_else_is_known():
    own = explained(_traceback("D:\\GPT-SoVITS\\GPT_SoVITS\\inference_webui.py",
                                                          "KeyError: 'speaker_2'"))
    assert [e.id for e in own] == ["program-error"]
    assert own[0].params == {"exception": "KeyError"} and own[0].location.path.endswith("inference_webui.py")
    assert own[0].project == "gpt-sovits" and "update GPT-SoVITS" in explain.manual(own[0], "en")
    # raised inside a library: not the program's bug to report
    library = _traceback("D:\\GPT-SoVITS\\runtime\\lib\\site-packages\\gradio\\blocks.py", "KeyError: 'speaker_2'")
    assert explained(library) == []
    # an error of another kind (the system, the data) is not called a bug of the program
    assert explained(_traceback("D:\\x\\infer.py", "OSError: [Errno 28] No space")) == []
    # with no traceback, a name the code never defined still tells; a KeyError alone does not
    bare = explained("推理报错\nNameError: name 'symbols' is not defined\n")
    assert [(e.id, e.line) for e in bare] == [("program-error", 2)] and bare[0].location is None
    assert explained(b"KeyError: 'spk'\n") == []


def test_a_notebook_traceback_is_read_like_a_python_one_and_an_empty_file_search_is_told():
    # Colab prints IPython's traceback: each path a link, the failing line after an arrow
    colab = ("---------------------------------------------------------------------------\n"
             "IndexError                                Traceback (most recent call last)\n"
             "[<ipython-input-3-9f8e7d6c5b4a>](https://localhost:8080/#) in <module>\n"
             "---> 12 model = Svc(name, config_path)\n"
             "[/content/diff-svc/infer_tools/hubert.py](https://localhost:8080/#) in __init__(self, path)\n"
             "     21         else:\n"
             "---> 22             path = list(Path(path).parent.rglob('*.pt'))[0]\n"
             "IndexError: list index out of range\n")
    (found,) = explained(colab)
    assert found.id == "program-error" and found.location.path.endswith("hubert.py") and found.location.line == 22
    assert [key for key, _ in found.notes] == ["no_file_found"]
    for lang in ("en", "zh"):
        assert "`rglob('*.pt')`" in explain.notes(found, lang)[0]
    # an IndexError of another line is the program's, with no word of files
    other = colab.replace("list(Path(path).parent.rglob('*.pt'))[0]", "speakers[1]")
    (found,) = explained(other)
    assert found.id == "program-error" and found.notes == []
    # raised inside a library (the innermost frame): not the program's bug
    library = colab.replace("/content/diff-svc/infer_tools/hubert.py", "/usr/local/lib/python3.10/dist-packages/x.py")
    assert explained(library) == []
    assert [e.id for e in explained(b"NameError: name 'false' is not defined\n")] == [
        "is-half-env-eval"]  # its own entry first
    # and a known error elsewhere in the log wins
    known = b"RuntimeError: CUDA error: out of memory\n" + _traceback("D:\\x\\infer.py", "NameError: name 'hps' is not defined")
    assert [e.id for e in explained(known)] == ["cuda-out-of-memory"]


def test_a_program_file_not_found_by_the_console_is_told_to_cd_into_its_folder():
    (found,) = explained(
        b"C:\\Users\\me>MMVCServerSIO.exe\n'MMVCServerSIO.exe' is not recognized as an internal or external command,\n")
    assert found.id == "command-not-found" and found.params["command"] == "MMVCServerSIO.exe"
    assert "`cd` into the program's folder" in explain.manual(found, "en")


def test_a_package_of_another_version_is_named_as_pip_installs_it():
    log = b"ImportError: cannot import name 'soft_unicode' from 'markupsafe.core' (D:/x/site-packages/a.py)\n"
    (found,) = explained(log)
    assert found.id == "python-package-version" and found.params["package"] == "markupsafe"
    assert 'install "markupsafe==VERSION"' in explain.manual(found, "en")


def test_a_module_of_the_program_itself_is_not_a_package_to_install():
    def missing(module, path):
        text = ('Traceback (most recent call last):\n  File "%s", line 5, in <module>\n    import %s\n'
                "ModuleNotFoundError: No module named '%s'\n" % (path, module, module))
        return [e.id for e in explained(text)]

    gsv = "D:\\GPT-SoVITS\\GPT_SoVITS\\inference_webui.py"
    assert missing("tools.my_utils", gsv) == ["program-module-missing"]  # named by the program's profile
    assert missing("wordsegment", gsv) == ["python-module-missing"]  # a package from PyPI
    # a folder of the program's own frames, in a program without a profile
    assert missing("voicekit.engine", "/srv/voicekit/app/main.py") == ["program-module-missing"]
    assert missing("voicekit.engine", "/srv/other/app/main.py") == ["python-module-missing"]


def test_only_the_families_get_gsv_doctor_commands():
    for name, (entry_id, project, *_rest) in REAL.items():
        explanation = {e.id: e for e in explain_real(name)}[entry_id]
        if project == "rvc" and explanation.entry.check in (catalog.CHECK_CPU_OP, catalog.CHECK_HALF_KERNEL):
            # RVC's fix keeps float32 on the CPU; run does not start RVC with the hook yet
            assert explanation.fix_commands == ["gsv-doctor fix --write"], name
        elif project != "gpt-sovits":
            assert explanation.fix_commands == [], name


def test_an_rvc_log_of_float16_on_the_cpu_gets_the_fix_command_and_its_own_files():
    log = logread.read_log(b'  File "D:\\RVC\\infer-web.py", line 3, in vc_single\n'
                           b'RuntimeError: "slow_conv2d_cpu" not implemented for \'Half\'\n')
    (found,) = explain.explain_log(log)
    assert found.project == "rvc" and found.fix_commands == ["gsv-doctor fix --write"]
    assert "configs/config.py" in explain.manual(found, "en") and "tts_infer" not in explain.manual(found, "en")
    oom = explained(b'  File "D:\\RVC\\infer-web.py", line 3, in vc_single\n'
                                               b'torch.cuda.OutOfMemoryError: CUDA out of memory.\n')
    assert oom[0].fix_commands == []


@pytest.mark.parametrize("message", [
    b'RuntimeError: "addmm_cuda" not implemented for \'BFloat16\'',  # a kernel of the GPU
    b'RuntimeError: "index_add_cuda_" not implemented for \'Half\'',
    b'RuntimeError: "reflection_pad1d" not implemented for \'BFloat16\'',  # RVC's is_half never picks bfloat16
    b'RuntimeError: "baddbmm_with_gemm" not implemented for \'BFloat16\'',
])
def test_an_rvc_log_gets_fix_write_only_for_float16_on_the_cpu(message):
    """RVC's fix makes is_half False on the CPU: it does not reach a CUDA kernel or bfloat16."""
    log = logread.read_log(b'  File "D:\\RVC\\infer-web.py", line 3, in vc_single\n' + message + b"\n")
    (found,) = explain.explain_log(log)
    assert found.project == "rvc" and found.fix_commands == []
    half = logread.read_log(b'  File "D:\\RVC\\infer-web.py", line 3, in vc_single\n'
                            b'RuntimeError: "baddbmm_with_gemm" not implemented for \'Half\'\n')
    assert explain.explain_log(half)[0].fix_commands == ["gsv-doctor fix --write"]


def test_out_of_memory_uses_the_card_and_the_job():
    rvc = {e.id: e for e in explain_real("real_rvc_package_oom_infer.log")}["cuda-out-of-memory"]
    assert "6 GB" in explain.meaning(rvc, "en") and "inference" in explain.meaning(rvc, "en")
    words = {e.id: e for e in explain_real("real_gsv_oom_words_zh.md")}["cuda-out-of-memory"]
    assert "训练" in explain.meaning(words, "zh") and "4 GB" in explain.meaning(words, "zh")
    assert "1 on a 4 GB card" in explain.manual(words, "en")
    small = explained(
        b"  File \"/x/GPT_SoVITS/s2_train.py\", line 9, in run\n"
        b"torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 MiB (GPU 0; 2.00 GiB total capacity)\n")
    # the fix moves inference to the CPU; training on a 2 GB card needs another card
    assert small[0].fix_commands == [] and small[0].settings[0] == "gpu.memory"
    assert "cloud GPU" in explain.manual(small[0], "en") and "云端显卡" in explain.manual(small[0], "zh")
    small_inference = explained(
        b"  File \"/x/GPT_SoVITS/inference_webui.py\", line 9, in get_tts_wav\n"
        b"torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 MiB (GPU 0; 2.00 GiB total capacity)\n")
    assert small_inference[0].fix_commands == ["gsv-doctor fix --write"] and small_inference[0].settings[0] == "gpu.memory"
    assert "cloud GPU" not in explain.manual(small_inference[0], "en")
    big = explained(
        b"  File \"/x/GPT_SoVITS/s2_train.py\", line 9, in run\n"
        b"torch.OutOfMemoryError: CUDA out of memory. GPU 0 has a total capacity of 23.65 GiB of which 0 bytes is free\n")
    assert big[0].fix_commands == [] and "CPU" not in explain.manual(big[0], "en")
    assert "gpu.card" not in big[0].settings, "the NaN-card text has nothing to do with memory"


def test_driver_error_names_the_library_that_raised_it():
    found = {e.id: e for e in explain_real("real_gsv_asr_driver_gbk.log")}["cuda-driver-insufficient"]
    assert found.params["library"] == "ctranslate2" and "CTranslate2" in explain.meaning(found, "en")
    plain = explained(
        b"RuntimeError: CUDA error: CUDA driver version is insufficient for CUDA runtime version\n")
    assert plain[0].params["library"] == "torch" and "asr.ctranslate2" not in plain[0].settings


def test_a_setting_the_log_shows_already_off_is_not_blamed():
    found = {e.id: e for e in explain_real("real_ttswebui_half_unticked.log")}["cpu-half-conv"]
    assert [key for key, _ in found.notes] == ["half_already_off"]  # TTS-WebUI: no word of gsv-doctor's hook
    assert "hook" not in " ".join(explain.notes(found, "en"))
    assert "not the cause" in explain.notes(found, "en")[0] and "不在这个设置" in explain.notes(found, "zh")[0]


def test_a_path_with_other_characters_is_noted_for_errors_it_can_cause():
    found = {e.id: e for e in explain_real("real_rvc_faiss_chinese_path.log")}["faiss-index-unreadable"]
    assert [key for key, _ in found.notes] == ["non_ascii_path"] and "变声" in found.notes[0][1]["path"]
    # an error such a path does not cause gets no such note; nor does a path followed by Chinese punctuation
    oom = explained("D:\\AI\\变声\\run.py\nRuntimeError: CUDA out of memory.\n")
    assert oom[0].notes == []
    assert logfacts.read_facts("模型在 D:\\AI\\GPT-SoVITS，然后报错").non_ascii_path is None


def test_notes_from_the_logs_facts():
    kepler = {e.id: e for e in explain_real("real_gsv_kepler_no_kernel.log")}["cuda-no-kernel-image"]
    assert ("card_too_old", {"card": "GTX 760"}) in kepler.notes
    cpu_torch = {e.id: e for e in explain_real("real_ttswebui_cpu_torch.log")}["cuda-not-compiled"]
    assert [key for key, _ in cpu_torch.notes] == ["cpu_torch_nvidia_card"]


def test_symptom_in_words_says_what_was_assumed():
    found = explain_real("real_words_silent_zh.md")
    assert [e.id for e in found] == ["symptom-silent-audio"] and found[0].line == 2
    assert "一条直线" in explain.assumed_text(found[0], "zh") or "没有声音" in explain.assumed_text(found[0], "zh")
    assert "assumed" in explain.assumed_text(found[0], "en")
    assert found[0].fix_commands[0] == "gsv-doctor fix --write"
    english = explain_real("real_words_silent_en.txt")
    assert english[0].fix_commands == [] and english[0].assumed == "silent"


def test_words_are_only_read_when_no_error_matched():
    log = logread.read_log(b"no sound at all\nRuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n")
    assert [e.id for e in explain.explain_log(log)] == ["cpu-half-conv"]


@pytest.mark.parametrize("text, project", [
    ('  File "D:\\RVC\\infer-web.py", line 3, in <module>\n', "rvc"),
    ('  File "D:\\so-vits-svc\\inference\\infer_tool.py", line 3, in infer\n', "so-vits-svc"),
    ('  File "voice_changer\\RVC\\RVC.py", line 3, in inference\n', "voice-changer"),
    ('  File "X:\\tts-webui\\src\\rvc_tab\\rvc_tab.py", line 3, in run\n', "tts-webui"),
    ('  File "/home/me/Applio/rvc/infer/pipeline.py", line 3, in pipeline\n', "applio"),
    ('  File "E:\\rvc-tts-webui\\app.py", line 59, in model_data\n', "rvc-tts-webui"),  # not TTS-WebUI
    ('  File "/home/me/.venv/lib/python3.10/site-packages/so_vits_svc_fork/inference/core.py", line 3, in infer\n',
     "so-vits-svc-fork"),
    ("$ svc infer -m logs/44k/G_800.pth -c configs/44k/config.json song.wav\nRuntimeError: x\n", "so-vits-svc-fork"),
    ("svc train -t\nRuntimeError: x\n", "so-vits-svc-fork"),
    # so-vits-svc's own words hold the fork's commands without a space before them
    ("so-vits-svc training stops with RuntimeError: x\n", "so-vits-svc"),
    ("so-vits-svc inference fails\n", "so-vits-svc"),
    # ... nor with one: the words "svc training", "svc inference" are no command typed
    ("so-vits-svc 4.1: my svc training stops with RuntimeError: x\n", "so-vits-svc"),
    ("so-vits-svc 4.1 svc inference gives RuntimeError: x\n", "so-vits-svc"),
    # an RVC WebUI unpacked into a folder named rvc is still RVC WebUI
    ('  File "D:\\rvc\\infer\\modules\\vc\\modules.py", line 3, in vc_single\n', "rvc"),
    ('  File "E:\\bundle\\GPT-SoVITS-0310\\runtime\\Lib\\site-packages\\torch\\nn\\functional.py", line 3, in f\n',
     "gpt-sovits"),
    # DDSP-SVC uses RMVPE too: its paths, not RVC's word
    ('  File "D:\\DDSP-SVC-master\\ddsp\\vocoder.py", line 479, in load_model\n'
     "FileNotFoundError: [Errno 2] No such file or directory: 'pretrain/rmvpe/config.yaml'\n", "ddsp-svc"),
    ("2023-12-25 | INFO | current directory is F:\\Tools\\Diffusion-SVC\nRuntimeError: x\n", "diffusion-svc"),
    ("RuntimeError: something\n", "unknown"),
])
def test_project_detection(text, project):
    log = logread.read_log(text.encode())
    paths = [f.path for t in log.tracebacks for f in t.frames]
    assert logprojects.detect(log.text, paths).id == project


def test_project_hint_only_when_the_log_does_not_tell():
    assert logprojects.detect("RuntimeError: x", [], "gpt-sovits").id == "gpt-sovits"
    assert logprojects.detect('File "D:/RVC/infer-web.py"', ["D:/RVC/infer-web.py"], "gpt-sovits").id == "rvc"


@pytest.mark.parametrize("text, torch, build, card, memory", [
    ("torch                   2.8.0+cu128\nGPU: RTX5090", "2.8.0", "cu128", "RTX5090", None),
    ("YOLOv5 torch-2.0.0+cpu CPU", "2.0.0", "cpu", None, None),
    ("N卡1050TI,4G显存", None, None, None, 4.0),
    ("显卡：NVIDIA GeForce GTX 1660 Ti, VRAM 6GB", None, None, "GTX 1660 Ti", 6.0),
    ("pytorch-lightning 2.5.5", None, None, None, None),
    # a size told as a limit is not the card's; torch's own figure, even retyped without GiB, wins over words
    ("demo fails with less than 16GB VRAM\nOutOfMemoryError: tried to allocate... 7.75 total capacity ...",
     None, None, None, 7.75),
    ("至少需要 12G 显存吗？我的是 6G显存", None, None, None, 6.0),
    ("推荐12G显存以上", None, None, None, None),
    # "GPU memory" and "GPU" after the size; a requirement before or after it is no card's
    ("2GB GPU memory issues", None, None, None, 2.0),
    ("it needs 8GB GPU memory to run", None, None, None, None),
    ("8GB GPU minimum, 12GB VRAM recommended", None, None, None, None),
])
def test_log_facts(text, torch, build, card, memory):
    facts = logfacts.read_facts(text)
    assert (facts.torch, facts.build, facts.card, facts.memory_gb) == (torch, build, card, memory)


def test_device_mix_is_not_called_a_precision_disagreement():
    log = logread.read_log(b"RuntimeError: Input type (torch.cuda.HalfTensor) and weight type (torch.HalfTensor)"
                           b" should be the same\n")
    found = explain.explain_log(log)
    assert [e.id for e in found] == ["device-mismatch"] and found[0].params == {"first": "cuda", "second": "cpu"}
    same_device = explained(
        b"RuntimeError: Input type (torch.cuda.HalfTensor) and weight type (torch.cuda.FloatTensor) should be the same\n")
    assert [e.id for e in same_device] == ["dtype-input-weight"]


def test_a_device_mix_between_two_cards_names_them_and_says_which_card_to_show():
    # torch 2.1+'s wording names the argument; the program was pointed at card 3, part of it stayed on card 0
    (mix,) = explained(b"\xe6\x8c\x87\xe5\xae\x9a cuda:3 \xe5\xb0\xb1\xe6\x8a\xa5\xe9\x94\x99\nRuntimeError: Expected all tensors"
                       b" to be on the same device, but got weight is on cuda:3, different from other tensors on cuda:0"
                       b" (when checking argument in method wrapper_CUDA__index_select)\n")
    assert mix.id == "device-mismatch" and (mix.params["first"], mix.params["second"]) == ("cuda:3", "cuda:0")
    assert "(cuda:3 and cuda:0)" in explain.meaning(mix, "en") and "（cuda:3 和 cuda:0）" in explain.meaning(mix, "zh")
    for lang in ("en", "zh"):
        assert "CUDA_VISIBLE_DEVICES=3" in explain.manual(mix, lang) and "cpu" not in explain.manual(mix, lang)
    # a card and the CPU: run everything on one device, as before
    (card_and_cpu,) = explained(b"RuntimeError: Expected all tensors to be on the same device, but got mat2 is on"
                                b" cpu, different from other tensors on cuda:0\n")
    assert "CUDA_VISIBLE_DEVICES" not in explain.manual(card_and_cpu, "en") and "cpu" in explain.manual(card_and_cpu, "en")


def test_fact_patterns_and_path_scan_survive_a_hostile_line():
    # shapes that make nested or unanchored patterns backtrack; benchmarks/ times them, this checks the result
    line = ("torch " + "9" * 50 + " half precision " + "[" * 5000 + " is_half" + " " * 5000 + "GTX" * 3000) * 3
    facts = logfacts.read_facts(line)
    assert facts.half_shown_off is None and facts.card is None
    assert explained(line) == []


def test_symptom_option_follows_the_project_of_the_log():
    log = logread.read_log(b'  File "D:\\RVC\\infer-web.py", line 3, in vc_single\nsome output\n')
    found = explain.symptom("silent-audio", explain.log_project(log))
    assert found.project == "rvc" and found.fix_commands == []
    assert "configs/config.py" in explain.manual(found, "en") and "tts_infer" not in explain.manual(found, "en")
    assert explain.log_project(None).id == "gpt-sovits"


@pytest.mark.parametrize("entry", [e for e in __import__("gsv_doctor.catalog").catalog.ENTRIES], ids=lambda e: e.id)
def test_a_log_from_an_unknown_project_never_names_gpt_sovits_files(entry):
    from gsv_doctor import catalog

    # (read as a log of no known program even where the example's own words name one: G2PWModel is GPT-SoVITS's)
    for found in explain.explain_log(logread.read_log(entry.example.encode()), None, "unknown", True):
        assert found.project == "unknown" and found.fix_commands == []
        for lang in ("en", "zh"):
            texts = [explain.meaning(found, lang), explain.manual(found, lang)] + explain.notes(found, lang)
            texts += [catalog.SETTINGS[s][lang] for s in found.settings]
            for word in GSV_FILES + ("api.py", "gsv-doctor fix", "gsv-doctor run"):
                assert not any(word in text for text in texts), (found.id, lang, word)


@pytest.mark.parametrize("text, job", [
    ("Every time I start to train the model it stops with CUDA out of memory", "train"),
    ("Training stops after 3 epochs: CUDA out of memory", "train"),
    ("It fails when I convert a song (inference): CUDA out of memory", "infer"),
    ("The constraint solver ran out of memory", None),
    ("python preprocess_hubert_f0.py\n在4.0中，如果数据集过多时生成f0就会爆显存", "train"),  # a dataset step
])
def test_the_job_read_from_the_words(text, job):
    assert logfacts.job_of([], text) == job


def test_words_name_the_symptom_or_the_error_they_describe():
    nan = explain_real("real_words_nan_loss.txt")[0]
    assert nan.assumed.lower().endswith("nan") and "symptom nan" in explain.assumed_text(nan, "en")
    cpu = explain_real("real_words_cpu_half_zh.txt")[0]
    assert "错误 cpu-half-conv" in explain.assumed_text(cpu, "zh") and cpu.line == 1
    gpu = explain_real("real_words_no_gpu.txt")[0]
    assert gpu.line == 2 and "RTX 3060" not in gpu.assumed
    # an error printed in the log wins over words around it
    log = logread.read_log(b"the loss is nan again\nRuntimeError: CUDA error: out of memory\n")
    assert [e.id for e in explain.explain_log(log)] == ["cuda-out-of-memory"]
    # "nan" only as a word
    assert explain.described_symptoms(logread.read_log(b"the finance loss report is nanometer-precise\n"),
                                      logprojects.UNKNOWN) == []


@pytest.mark.parametrize("text, mac, amd, new_card", [
    ("MacBook Pro M3 Max, macOS 15.1", "MacBook", None, None),
    ('  File "/Users/lin/GPT-SoVITS/config.py", line 20', "/Users/l", None, None),
    ('  File "C:/Users/lin/GPT-SoVITS/config.py", line 20', None, None, None),
    ("CPU: AMD Ryzen 7 5800X, GPU: RTX 3070", None, None, None),
    ("ROCM used to build PyTorch: N/A", None, None, None),
    ("AMD Radeon RX 7800 XT", None, "AMD", None),
    ("mac上用cpu跑挺慢", "mac", None, None),
    ("NVIDIA GeForce RTX 5070 Ti with CUDA capability sm_120", None, None, "RTX 5070"),
])
def test_log_facts_about_the_machine(text, mac, amd, new_card):
    facts = logfacts.read_facts(text)
    assert (facts.mac, facts.amd, facts.new_card) == (mac, amd, new_card)


def test_no_gpu_in_words_on_a_mac_or_an_amd_card_is_that_machines_symptom():
    said = explained("the webui does not detect my GPU, MacBook Air M2\n")
    assert [e.id for e in said] == ["symptom-mac"]
    said = explained("the webui does not detect my GPU (Radeon RX 6600)\n")
    assert [e.id for e in said] == ["symptom-amd-gpu"]
    # an NVIDIA card named in the same post keeps the NVIDIA reading
    said = explained("the webui does not detect my GPU, RTX 3060, on a mac?\n")
    assert [e.id for e in said] == ["symptom-no-gpu"]


def test_a_cudnn_file_named_in_an_inventory_is_not_a_missing_library():
    found = explain_real("real_svc_collect_env_cpu_torch.log")
    assert [e.id for e in found] == ["cpu-training-not-allowed"]


def test_mps_out_of_memory_says_it_is_the_macs_memory():
    log = logread.read_log(b"RuntimeError: MPS backend out of memory (MPS allocated: 6.64 GB, other allocations: 134.57 MB,"
                           b" max allowed: 6.77 GB). Tried to allocate 10.00 MB on private pool.\n")
    found = explain.explain_log(log)
    assert [e.id for e in found] == ["cuda-out-of-memory"]
    assert [key for key, _ in found[0].notes] == ["mps_out_of_memory"]


@pytest.mark.parametrize("version, index", [("1.13.1", "cu117"), ("2.0.1", "cu118"), ("2.3.1", "cu121"),
                                            ("2.5.1", "cu124"), ("2.6.0", "cu126"), ("2.8.0", "cu128"),
                                            ("1.12.1", "cu116"), ("nonsense", "cu128")])
def test_cuda_index_for_a_torch_release(version, index):
    assert explain.cuda_index_for(version) == index


@pytest.mark.parametrize("text, entry_id", [
    ("采用 CPU 推理能得到正常的音频文件\n\n采用默认 GPU 推理得到没有声音的 WAV\n", "symptom-silent-audio"),
    ("the output wav is generated but it doesnt have any sound or voices\n", "symptom-silent-audio"),
    ("启动RVC时提示端口被占用，怎么办\n", "port-in-use"),
    ("RuntimeError: Failed to load audio: 'NoneType' object has no attribute 'replace'\n", "audio-not-chosen"),
    ("Half precision not supported on CPU?\n", "cpu-half-conv"),
    ("My CPU doesn't support half precision, how do I turn it off?\n", "cpu-half-conv"),  # not the card's
    ("NaN loss after epoch 3\n", "symptom-nan"),
    ("显卡驱动版本太低怎么办\n", "cuda-driver-insufficient"),
    ("Could it support CPU inference?\n", "symptom-cpu-wanted"),
    ("the webui is very slow, 2 it/s on my card\n", "symptom-slow"),
    ("there is no gpu name it says (0CPU)\n", "symptom-no-gpu"),
    ("RTX5090显卡支持？\n", "cuda-no-kernel-image"),
    ("CPU: AMD Ryzen 9 7950X, and it is very slow\n", "symptom-slow"),
    ("我的笔记本是AMD锐龙7 5800H，推理很慢\n", "symptom-slow"),  # the CPU, not an AMD card
    ("CPU是AMD处理器，推理很慢\n", "symptom-slow"),
    ("In the FAQ the out of memory error is mentioned; which x_pad should I use?\n", "cuda-out-of-memory"),
    ("after the update `python check_cuda.py` says no cuda, with an RTX 3090\n", "symptom-no-gpu"),
    ("How do I force it to use my GPU with only 4gb of VRAM?\n", "symptom-no-gpu"),
    ("api_v2.py 推理速度慢，5060ti\n", "symptom-slow"),
    ("可能是爆内存了，16G运存，开2都会出现这种报错\n", "ram-out-of-memory"),
    ("我用的gpu是Intel Arc Graphic AI卡，没有可用的显卡训练\n", "symptom-amd-gpu"),
    ("N卡50系列的兼容性问题：我用5070跑的\n", "cuda-no-kernel-image"),
    # the build the log shows already has the card's code: the card is not what went wrong
    ("我是5070显卡，到最后一步合成语音出错\n补充说明，pytorch版本为2.7.0.dev20250309+cu128\n", None),
    ("我是5070显卡，到最后一步合成语音出错\n补充说明，pytorch版本为2.5.1+cu124\n", "cuda-no-kernel-image"),
    ("not working on a 50 series card since I bought it\n", "cuda-no-kernel-image"),
    ("My GPU is not being used, it runs on CPU\n", "symptom-no-gpu"),
    ("PyTorch <2.6.0 有重大漏洞强制禁用导致推理界面无法运行\n", "transformers-needs-newer-torch"),
    ("torch于2.6.0更改模型载入语法，应当在requirements内限制版本\n", "torch-weights-only"),
    ("faiss是cpu版本的，训练索引时系统崩溃重启\n", None),
    ("M1 Mac: when I ran startHttp5, it exited with 137 which is out of memory\n", "ram-out-of-memory"),
    ("windows 上训练提示不支持 NCCL\n", "torch-no-nccl"),
    ("No Compatible Cuda GPU Found Use CPU Instead\nI have a nvidea RTX 3060 12 gb\n", "symptom-no-gpu"),
    ('"CPU training not allowed" How do I switch to GPU training?\n', "cpu-training-not-allowed"),
    ("I have mobile rtx 3060 (6gb), tried to update everything and still cant load the gpu\n", "symptom-no-gpu"),
    ("我的环境是amd的CPU核显以及七彩虹4060TI12GB的N卡，go-realtime-gui.bat一直卡住\n", "symptom-realtime-devices"),  # not the AMD iGPU: the hang
    ("I'm not able to use my Nvidia T4 to run this training, it states that unfortunately my card isn't supported.\n",
     "training-gpu-not-listed"),
    ("### GPU\n\nrtx5700xt\n\nmy gpu is not showing up\n", "symptom-amd-gpu"),  # an XT is AMD's, whatever the prefix
    ("生成的音频是空的\n", "symptom-silent-audio"),
    ("the output wav is empty\n", "symptom-silent-audio"),
    ("it says there is no compatible GPU to support your training\n", "training-gpu-not-listed"),
    ("it says cuda isn't available even though I have a 3060\n", "symptom-no-gpu"),
    ("CUDA unavailable, using CPU\n", "symptom-no-gpu"),
    ("My GPU is not getting used in processing, its using CPU only.\n", "symptom-no-gpu"),
    ("WARNING:ChatTTS.utils.gpu_utils:No GPU found, use CPU instead\n", "symptom-no-gpu"),
    ('I get "Killed" when the preprocessing cell runs on Colab\n', "ram-out-of-memory"),
    ("CUDA available: True, the webui is fine\n", None),
    ("显卡占用 0%，CPU 占用 100%\n", "symptom-no-gpu"),
    ("GPU usage stays at 0% in Task Manager while it trains\n", "symptom-no-gpu"),
    ("GPU usage is 100% and 10% for the CPU\n", None),
    ("GPU utilization: 0% during training\n", "symptom-no-gpu"),
    ("Signal 9 (SIGKILL) received by PID 1234\n", "ram-out-of-memory"),
    ("Process finished with exit code 137 (interrupted by signal 9: SIGKILL)\n", "ram-out-of-memory"),
    ("zsh: killed     python webui.py\nthe process got SIGKILL while loading the model\n", "ram-out-of-memory"),
    ("Inference is very slow.\nFutureWarning: You are using `torch.load` with `weights_only=False` (the current"
     " default value)\n", "symptom-slow"),
    ("torch 2.6 can't load the model any more, how do I set weights_only?\n", "torch-weights-only"),
])
def test_the_likeliest_symptom_told_anywhere_in_the_post(text, entry_id):
    found = explained(text)
    assert [e.id for e in found] == ([entry_id] if entry_id else [])
    for lang in ("en", "zh"):
        assert all("{" not in explain.meaning(e, lang) + explain.manual(e, lang) for e in found)


@pytest.mark.parametrize("text, not_id", [
    # an empty text output (an ASR step's) is not silent audio
    ("The output is empty when I run the ASR step, no transcript\n", "symptom-silent-audio"),
    # a CPU torch chosen on purpose is not a GPU that goes unused
    ("I installed the CPU version on purpose because I want to run it on the CPU\n", "symptom-no-gpu"),
    # the user's own kill, or the word in prose, is not the system killing the process for memory
    ("I killed it with SIGKILL because it hung, now the port is busy\n", "ram-out-of-memory"),
    ("The docs say docker stop sends SIGTERM, then SIGKILL after 10 s. How do I export the model?\n",
     "ram-out-of-memory"),
    # torch 2.4/2.5's FutureWarning beside every torch.load names weights_only: no error of it
    ("Inference is very slow on my 3060.\nD:\\GPT-SoVITS\\module\\models.py:12: FutureWarning: You are using"
     " `torch.load` with `weights_only=False` (the current default value), which uses the default pickle module"
     " implicitly.\n  dict_s2 = torch.load(sovits_path, map_location='cpu')\n", "torch-weights-only"),
    # asking which card training needs is not the web UI's refusal
    ("What GPU is required to support training? I have a 3060\n", "training-gpu-not-listed"),
    # a program that says it went on with gloo: no error of NCCL
    ("NCCL backend not available, falling back to gloo\n", "torch-no-nccl"),
    # torch 2.6 named beside a web UI that loads: not torch.load's change
    ("With torch 2.6.0+cu124 the webui loads but inference is very slow\n", "torch-weights-only"),
])
def test_words_that_sound_like_a_symptom_but_are_not_it(text, not_id):
    assert not_id not in [e.id for e in explained(text)]


def test_a_program_that_falls_back_to_float32_by_itself_is_not_the_error():
    """The voice changer prints this when it switches to float32 on its own: the error is the one after it."""
    text = ("[Device Manager] Device cannot support half precision. Fallback to float....\n"
            "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nKeyError: 'speaker'\n")
    assert [e.id for e in explained(text)] == ["program-error"]
    assert [e.id for e in explained(b"Device cannot support half precision.\n")] == [
        "gpu-half-unsupported"]


@pytest.mark.parametrize("project", sorted(logprojects.BY_ID))
def test_the_card_without_half_precision_reads_as_sentences_in_every_program(project):
    log = logread.read_log(b"Exceptions.DeviceCannotSupportHalfPrecisionException: 'Device cannot support half precision.'\n")
    (found,) = explain.explain_log(log, None, project, True)
    assert found.id == "gpu-half-unsupported"
    for lang in ("en", "zh"):
        text = explain.manual(found, lang)
        assert ".;" not in text and "。；" not in text and "{" not in text, (lang, text)


@pytest.mark.parametrize("message", [
    "AssertionError: CPU training is not allowed.",
    # PyTorch Lightning told accelerator="gpu" (GPT-SoVITS's s1_train.py before 2024-03-13), in a post's sentence
    "GPT训练时提示：No supported gpu backend found!",
])
def test_a_mac_that_cannot_train_is_told_where_training_can_run(message):
    log = logread.read_log(("M1 Mac\n" + message + "\n").encode())
    found = explain.explain_log(log, None, "gpt-sovits")
    assert [e.id for e in found] == ["cpu-training-not-allowed"] and found[0].manual_key == "mac_training"
    assert "NVIDIA" in explain.manual(found[0], "en") and "NVIDIA" in explain.manual(found[0], "zh")
    # newer GPT-SoVITS trains on the CPU where there is no CUDA
    assert "update GPT-SoVITS" in explain.manual(found[0], "en") and "更新 GPT-SoVITS" in explain.manual(found[0], "zh")


@pytest.mark.parametrize("text, note", [
    ("Tesla P100-PCIE-16GB with CUDA capability sm_60 is not compatible with the current PyTorch installation.\n"
     "torch 2.8.0+cu128\nRuntimeError: CUDA error: no kernel image is available for execution on the device\n",
     "old_card_cu128"),
    ("torch 2.8.0+cu128\nRuntimeError: CUDA error: no kernel image is available for execution on the device\n",
     "torch_build_new"),
])
def test_a_cuda_12_8_torch_is_new_enough_for_rtx_50_but_too_new_for_pascal(text, note):
    found = {e.id: e for e in explained(text)}
    notes = [key for key, _ in found["cuda-no-kernel-image"].notes]
    assert note in notes and not {"old_card_cu128", "torch_build_new"} - {note} & set(notes)


@pytest.mark.parametrize("text, entry_id, note", [
    ("$ docker compose up\ngsv-1  | RuntimeError: Attempting to deserialize object on a CUDA device but"
     " torch.cuda.is_available() is False.\n", "load-device-missing", "docker_gpu"),
    ("(bv2) me@pc:/mnt/f/Bert-VITS2$ python train.py\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate"
     " 20.00 MiB\n", "cuda-out-of-memory", "wsl_memory"),
    ("I downloaded MMVCServerSIO_win_onnxdirectML-cuda_v.1.5.3.14.zip but my GPU is not found\n", "symptom-amd-gpu",
     "directml_package"),
    ("Radeon 8050S, torch==2.5.1+rocm6.2\nRuntimeError: HIP error: invalid device function\n", "cuda-no-kernel-image",
     "amd_rocm_arch"),
    ("My RTX 5080 is not used, it says No supported Nvidia GPU found\n", "symptom-no-gpu", "new_card_torch"),
])
def test_the_machine_around_the_error_adds_its_note(text, entry_id, note):
    found = {e.id: e for e in explained(text)}
    assert note in [key for key, _ in found[entry_id].notes]
    for lang in ("en", "zh"):
        assert "{" not in " ".join(explain.notes(found[entry_id], lang))


def test_a_radeon_named_next_to_a_directml_package_is_not_told_to_take_the_cuda_package():
    found = explained(b"AMD Radeon RX 6800 XT with the onnxdirectML release: CPU only\n")
    assert [e.id for e in found] == ["symptom-amd-gpu"] and found[0].notes == []


@pytest.mark.parametrize("text", [
    "100%|##########| 5080/5080 [01:02<00:00, 81.3it/s]\n",
    "Epoch 5070: loss_disc=2.31, loss_gen=3.02\n",
    "Running on local URL:  http://127.0.0.1:5090 ... listening on port 5060\n",
    "训练到 step 5070 卡住了，一直不动\n",  # 卡住: stuck, not a card
    "进度条到5060卡死\n",
])
def test_a_bare_number_like_5080_is_not_an_rtx_50_card(text):
    assert logfacts.read_facts(text).new_card is None
    assert explained(text) == []
    # the cards themselves, as people write them
    for card in ("换了5070Ti以后用不了了", "my 5090 GPU is not supported", "5080显卡能用吗"):
        assert logfacts.read_facts(card).new_card, card


def test_a_mac_address_is_not_a_mac():
    log = "RuntimeError: Torch not compiled with CUDA enabled\nEthernet adapter: MAC address 00:1A:2B:3C:4D:5E\n"
    assert logfacts.read_facts(log).mac is None
    found = explained(log)
    assert [e.id for e in found] == ["cuda-not-compiled"] and found[0].manual_key == ""
    assert explained("license bound to MAC地址 00-1A-2B-3C-4D-5E\n") == []


@pytest.mark.parametrize("text", [
    'Traceback (most recent call last):\n  File "/Users/lin/GPT-SoVITS/webui.py", line 3, in <module>\n'
    '    speaker = speakers[name]\nKeyError: \'default\'\n',
    'Using DirectML\nTraceback (most recent call last):\n  File "D:\\\\RVC\\\\infer-web.py", line 3, in <module>\n'
    '    load()\nNameError: name \'hps\' is not defined\n',
])
def test_an_unknown_error_printed_is_not_read_as_the_machine(text):
    # the traceback's own error is the problem: a Mac path or an AMD word elsewhere is not its cause
    assert [e.id for e in explained(text)] == ["program-error"]


def test_mps_placeholder_storage_is_a_device_mix_of_mps_and_cpu():
    log = ('Traceback (most recent call last):\n  File "/x/run.py", line 3, in <module>\n    go()\n'
           'RuntimeError: Placeholder storage has not been allocated on MPS device!\n')
    (found,) = explained(log)
    assert found.id == "device-mismatch" and "mps and cpu" in explain.meaning(found, "en")


def test_an_nvidia_card_beside_a_radeon_igpu_is_not_called_amd():
    # a laptop: the CPU's Radeon graphics and an NVIDIA card; the post names no symptom the words know
    log = ("Laptop: Ryzen 7 6800H with AMD Radeon(TM) Graphics, NVIDIA GeForce RTX 3070 Ti Laptop GPU\n"
           "RVC training stops halfway, screenshot attached\n")
    assert [e.id for e in explained(log)] == []


@pytest.mark.parametrize("message, entry_id", [
    ("AssertionError: CPU training is not allowed.", "cpu-training-not-allowed"),
    # RVC's web UI, told in a post's title
    ("\"Unfortunately there is no compatible GPU available to support your training\" using AMD Radeon 530",
     "training-gpu-not-listed"),
])
def test_an_amd_card_that_cannot_train_is_not_told_to_run_on_the_cpu(message, entry_id):
    log = logread.read_log(("GPU: AMD Radeon RX 6700 XT\n" + message + "\n").encode())
    found = explain.explain_log(log)
    assert [e.id for e in found] == [entry_id] and found[0].manual_key == "amd_training"
    assert "the CPU:" not in explain.manual(found[0], "en") and "在 CPU 上运行" not in explain.manual(found[0], "zh")
    assert "ROCm" in explain.manual(found[0], "en") and "ROCm" in explain.manual(found[0], "zh")


def test_the_words_of_a_huge_one_line_log_are_read_in_its_first_window_only():
    # each words pattern is a pass over what is read: a 10 MB one-line post took seconds before the window
    line = "ab" * 2_500_000  # 5 MB with no newline, no error and no words the readings know
    assert explain.described_symptoms(logread.read_log(line.encode()), logprojects.UNKNOWN) == []
    for past_the_window in ("x" * 600_000 + " the webui is very slow\n", "x" * 600_000 + "\nthe webui is very slow\n"):
        assert explain.described_symptoms(logread.read_log(past_the_window.encode()), logprojects.UNKNOWN) == []
    said = logread.read_log(("the webui is very slow\n" + "x" * 3_000_000).encode())
    assert [e.id for e in explain.described_symptoms(said, logprojects.UNKNOWN)] == ["symptom-slow"]


@pytest.mark.parametrize("text, amd", [
    ("Processor AMD 5950X, the output has noise\n", None),
    ("My PC: AMD 7800X3D + 32GB RAM\n", None),
    ("AMD 5600G, 16 GB\n", None),
    ("AMD 6800 XT\n", "AMD"),
    ("AMD 5700XT\n", "AMD"),
    ("my GPU is Intel's Iris Xe Graphics, what can I do?\n", "Iris Xe"),  # Intel's built-in graphics, the only GPU
])
def test_a_ryzen_named_by_its_number_is_a_cpu_not_an_amd_gpu(text, amd):
    assert logfacts.read_facts(text).amd == amd
    if amd is None:  # not read as an AMD card's symptom (the noise in the first is the garbled-audio symptom)
        assert [e.id for e in explained(text)] == (["symptom-garbled-audio"] if "noise" in text else [])


@pytest.mark.parametrize("text", [
    "I don't have a graphics card. Can I only use CPU for inference?\n",
    "没有独立显卡，只用CPU可以推理吗？\n",
    "我没有N卡，只用cpu跑可以吗\n",
])
def test_a_post_without_a_graphics_card_asking_for_the_cpu_is_not_told_to_install_cuda(text):
    found = explained(text)
    assert [e.id for e in found] == ["symptom-cpu-wanted"]
    assert "CUDA" not in explain.manual(found[0], "en")


def test_mps_in_code_or_mps_not_available_is_not_a_mac():
    log = ('Traceback (most recent call last):\n'
           '  File "D:\\\\AI\\\\GPT-SoVITS\\\\GPT_SoVITS\\\\inference_webui.py", line 40, in <module>\n'
           '    device = "mps" if torch.backends.mps.is_available() else "cuda"\n'
           '  File "D:\\\\AI\\\\GPT-SoVITS\\\\runtime\\\\lib\\\\site-packages\\\\torch\\\\cuda\\\\__init__.py", line 284, in _lazy_init\n'
           '    raise AssertionError("Torch not compiled with CUDA enabled")\n'
           'AssertionError: Torch not compiled with CUDA enabled\n')
    assert logfacts.read_facts(log).mac is None
    found = explained(log)
    assert [e.id for e in found] == ["cuda-not-compiled"] and found[0].manual_key == ""
    assert "This is a Mac" not in explain.manual(found[0], "en")
    assert logfacts.read_facts("MPS is not available, use CPU\n").mac is None
    # what a Mac prints still shows one
    for text in ("RuntimeError: MPS backend out of memory", "mps:0 and cpu!", "Placeholder storage on MPS device",
                 "MPSHalfType"):
        assert logfacts.read_facts(text).mac, text


def test_the_log_facts_are_read_once(monkeypatch):
    # reading them costs a pass of several patterns over both ends of the log; the words reading reuses them
    calls = []
    real = logfacts.read_facts
    monkeypatch.setattr(logfacts, "read_facts", lambda text: calls.append(1) or real(text))
    found = explained(b"the webui does not detect my GPU\n")
    assert [e.id for e in found] == ["symptom-no-gpu"] and len(calls) == 1


@pytest.mark.parametrize("text, entry_id", [
    ("我装的torch是cpu版本，怎么换成GPU版本\n", "symptom-no-gpu"),
    ("I installed the CPU version of torch by mistake, how do I switch to the GPU?\n", "symptom-no-gpu"),
    ("cpu mode is used even though I selected cuda\n", "symptom-no-gpu"),
    ("RTX 3060 here, pip gave me the cpu only build, I want GPU\n", "symptom-no-gpu"),
    ("Could it support CPU inference?\n", "symptom-cpu-wanted"),
    ("Can I use CPU mode instead of the GPU?\n", "symptom-cpu-wanted"),
])
def test_a_post_stuck_with_the_cpu_build_that_wants_the_gpu_is_not_told_to_use_the_cpu(text, entry_id):
    assert [e.id for e in explained(text)] == [entry_id]


def test_mps_without_bfloat16_is_not_sent_to_cuda_cards():
    found = explained(b"TypeError: MPS does not support bfloat16 on this macOS version\n")
    assert [e.id for e in found] == ["mps-unsupported"]
    found = explained(b"UserWarning: bf16 is not supported on this device, falling back\n")
    assert [e.id for e in found] == ["cuda-bf16-unsupported"]


@pytest.mark.parametrize("version, index", [("1.11.0", "cu113"), ("1.10.2", "cu113"), ("1.9.1", "cu111"),
                                            ("1.8.1", "cu111"), ("1.7.1", "cu102")])
def test_cuda_index_for_an_old_torch_release_has_that_release(version, index):
    # cu116 starts at torch 1.12: `pip install torch==1.10.2 --index-url .../cu116` finds nothing
    assert explain.cuda_index_for(version) == index


@pytest.mark.parametrize("text", [
    "training keeps running out of RAM, 16GB\n",
    "[ 1234.5] Out of memory: Killed process 4321 (python) total-vm:30000kB\n",
    "CPU out of memory when loading the model\n",
])
def test_the_computers_own_memory_in_words_is_not_the_cards(text):
    assert [e.id for e in explained(text)] == ["ram-out-of-memory"]


def test_the_cards_memory_in_words_is_still_read():
    for text in ("running out of vram\n", "it runs out of memory on my 4gb card\n", "out of memory\n",
                 "训练的时候显卡内存不足怎么办\n", "GPU内存不够，推理报错\n", "CUDA内存溢出\n"):
        assert [e.id for e in explained(text)] == ["cuda-out-of-memory"], text


def test_ctranslate2_refusing_int8_is_not_told_to_use_int8():
    for frame in ("", '  File "D:/GPT-SoVITS/tools/asr/fasterwhisper_asr.py", line 3, in x\n'):
        log = frame + ("ValueError: Requested int8 compute type, but the target device or backend do not support"
                       " efficient int8 computation.\n")
        found = explained(log)
        assert [e.id for e in found] == ["ctranslate2-float16"]
        assert "(or int8)" not in explain.manual(found[0], "en") and "（或 int8）" not in explain.manual(found[0], "zh")
        for lang, said in (("en", "float16 was refused"), ("zh", "被拒绝的是 float16")):
            text = explain.manual(found[0], lang)
            assert "int8" not in text.replace(said, "").split("float32", 1)[-1] or said in text, (lang, text)


def test_an_amd_card_with_a_cpu_torch_is_not_told_to_install_the_cuda_build():
    log = "GPU: AMD Radeon RX 6800\nPyTorch version: 2.1.0+cpu\nAssertionError: Torch not compiled with CUDA enabled\n"
    found = explained(log)
    assert [e.id for e in found] == ["cuda-not-compiled"] and found[0].manual_key == "amd_no_cuda"
    assert found[0].notes == []
    # with an NVIDIA card the +cpu build gets its CUDA twin
    log = "GPU: NVIDIA GeForce RTX 3060\nPyTorch version: 2.1.0+cpu\nAssertionError: Torch not compiled with CUDA enabled\n"
    found = explained(log)
    assert "cpu_build_shown" in [key for key, _ in found[0].notes]


def test_no_cuda_home_is_not_no_cuda():
    log = logread.read_log(b"building the extension: there is no CUDA_HOME set, nvcc not found\n")
    assert explain.explain_log(log) == []


def test_fifty_followed_by_system_is_not_the_50_series():
    from gsv_doctor import logfacts
    assert logfacts.read_facts("占用了50系统内存").new_card is None
    assert logfacts.read_facts("50系显卡").new_card == "50系"


@pytest.mark.parametrize("text, entry_id", [
    ("V3版本为什么是cpu训练的？\n", "symptom-no-gpu"),
    ("训练的时候用cpu训练了一晚上才发现\n", "symptom-no-gpu"),
    ("推理只用cpu，显卡不动\n", "symptom-no-gpu"),
    ("好像没识别出这张显卡\n", "symptom-no-gpu"),
    ("整合包没有识别出显卡\n", "symptom-no-gpu"),
    ("它识别不出显卡\n", "symptom-no-gpu"),
    ("没识别出我的N卡\n", "symptom-no-gpu"),
    ("没检测出GPU\n", "symptom-no-gpu"),
    # asking for the CPU, or about it: not a GPU that goes unused
    ("可以用cpu训练吗？\n", "symptom-cpu-wanted"),
    ("cpu训练要多久\n", None),
    ("是cpu训练还是gpu训练比较快\n", None),
    ("不是cpu训练，是显卡训练\n", None),
])
def test_a_chinese_post_about_training_on_the_cpu_by_itself_is_no_gpu(text, entry_id):
    found = explained(text)
    assert [e.id for e in found] == ([entry_id] if entry_id else [])


# An AMD machine's DirectML package prints a warning about the CPU, then an error gsv-doctor does not know.
DML_WARNING_THEN_UNKNOWN = (
    "D:\\RVC1006AMD_Intel\\infer\\lib\\rmvpe.py:371: UserWarning: The operator 'aten::_weight_norm_interface' is not"
    " currently supported on the DML backend and will fall back to run on the CPU. This may have performance"
    " implications.\n"
    "  x = torch.nn.functional.pad(x, (0, pad))\n"
    "Traceback (most recent call last):\n"
    '  File "D:\\RVC1006AMD_Intel\\gui_v1.py", line 512, in start_vc\n'
    "    self.stream = sd.Stream(\n"
    '  File "D:\\RVC1006AMD_Intel\\runtime\\lib\\site-packages\\sounddevice.py", line 2796, in _check\n'
    "    raise PortAudioError(errormsg, err)\n"
    "sounddevice.PortAudioError: Error starting stream: Invalid sample rate [PaErrorCode -9997]\n"
)


def test_a_library_warning_about_the_cpu_does_not_outweigh_an_unknown_error():
    log = logread.read_log(DML_WARNING_THEN_UNKNOWN.encode())
    found = explain.explain_log(log)
    assert not [e.id for e in found if e.id.startswith("symptom-")], [e.id for e in found]
    assert log.last_exception().startswith("sounddevice.PortAudioError: Error starting stream")
    # the machine told in the post's own words is no cause of that error either
    for words in ("AMD RX 6600 显卡，转换时一直用cpu\n", "RX 6600 user here, it runs on the CPU only\n"):
        found = explained((words + DML_WARNING_THEN_UNKNOWN))
        assert not [e.id for e in found if e.id in ("symptom-amd-gpu", "symptom-mac")], words


def test_a_symptom_in_the_posts_own_words_is_still_read_beside_an_unknown_error():
    log = logread.read_log(("生成的音频没有声音\n" + DML_WARNING_THEN_UNKNOWN).encode())
    assert "symptom-silent-audio" in [e.id for e in explain.explain_log(log)]
    # ... but not from a warning the program printed
    warned = "x:\\tts\\app.py:9: UserWarning: no audio returned for empty text\n  warn()\n"
    log = logread.read_log((warned + DML_WARNING_THEN_UNKNOWN).encode())
    assert "symptom-silent-audio" not in [e.id for e in explain.explain_log(log)]


def test_an_amd_card_with_rocm_torch_on_windows_is_not_told_rocm_is_linux_only():
    # AMD ships preview ROCm wheels of torch for Windows (RX 7000 / 9000): torch sees the card there, and the
    # program may still not use it
    (found,) = explain_real("real_words_amd_rocm_windows.txt")
    en = explain.meaning(found, "en") + explain.manual(found, "en")
    zh = explain.meaning(found, "zh") + explain.manual(found, "zh")
    assert "only through its ROCm build on Linux" not in en and "只能在 Linux 上" not in zh
    assert "preview ROCm" in en and "may not use it" in en and "预览版 ROCm" in zh and "也可能不用它" in zh
    for key in ("amd_no_cuda", "amd_training"):
        texts = explain.MANUALS[key]
        assert "preview ROCm build of torch" in texts["en"] and "WSL 2" in texts["en"], key
        assert "预览版 ROCm torch" in texts["zh"] and "WSL 2" in texts["zh"], key


def test_triton_that_a_library_only_tried_is_not_the_error_before_the_real_one():
    # xformers prints the traceback of its optional `import triton` at start-up; the program runs on
    log = logread.read_log(b"No module named 'triton'\n"
                           b"Traceback (most recent call last):\n"
                           b'  File "C:\\GPT-SoVITS\\runtime\\lib\\site-packages\\xformers\\__init__.py", line 55, in'
                           b" _is_triton_available\n    import triton\n"
                           b"ModuleNotFoundError: No module named 'triton'\n"
                           b"Running on local URL:  http://0.0.0.0:9874\n"
                           b"torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 MiB\n")
    assert [e.id for e in explain.explain_log(log)] == ["cuda-out-of-memory"]


def test_so_vits_svc_fork_settings_name_its_own_command_and_config():
    log = logread.read_log(b'  File "/v/lib/python3.10/site-packages/so_vits_svc_fork/inference/core.py", line 3, in infer\n'
                           b"RuntimeError: Found no NVIDIA driver on your system.\n")
    (found,) = explain.explain_log(log)
    assert found.project == "so-vits-svc-fork"
    for lang in ("en", "zh"):
        texts = " ".join(catalog.SETTINGS[s][lang] for s in found.settings)
        assert "inference_main.py" not in texts and "svc infer -d" in texts
    assert "configs/44k/config.json" in catalog.SETTINGS[logprojects.SO_VITS_SVC_FORK.settings["oom-train"][0]]["en"]


_PIP_FALLBACK = ("  Building wheel for pyworld (setup.py) ... error\n"
                 "  ERROR: Failed building wheel for pyworld\n"
                 "Failed to build pyworld\n"
                 "Installing collected packages: pyworld\n"
                 "  Running setup.py install for pyworld ... {outcome}\n")


@pytest.mark.parametrize("tail, found", [
    ("Successfully installed numpy-1.23.5 pyworld-0.3.2\n", []),  # the legacy install worked: harmless
    ("Successfully installed numpy-1.23.5\n", ["pip-build-failed"]),  # another package, not this one
    ("", ["pip-build-failed"]),
])
def test_a_wheel_that_failed_to_build_is_harmless_when_pip_then_installed_it(tail, found):
    log = _PIP_FALLBACK.format(outcome="done" if tail else "error") + tail
    assert [e.id for e in explained(log)] == found


def test_many_failed_wheels_and_installs_are_read_in_linear_time():
    # each failed wheel looked at every "Successfully installed" line of the 5000 below it: 40 000 lines took 50 s
    import time

    log = "".join("ERROR: Failed building wheel for pkg%d\nSuccessfully installed other%d-1.0\n" % (i, i) for i in range(20_000))
    start = time.perf_counter()
    found = explained(log)
    assert time.perf_counter() - start < 8  # (0.5 s here; was 53 s)
    assert [(e.id, e.count) for e in found] == [("pip-build-failed", 20_000)]
    same = "ERROR: Failed building wheel for pkg\nSuccessfully installed other-1.0\n" * 20_000
    start = time.perf_counter()
    assert [(e.id, e.count) for e in explained(same)] == [("pip-build-failed", 20_000)]
    assert time.perf_counter() - start < 8  # (0.5 s here; was 25 s)
    # a name with a digit after a dash is still read whole
    log = "ERROR: Failed building wheel for foo-2d\nSuccessfully installed bar-1.0 foo-2d-1.0.3\n"
    assert explained(log) == []


def test_many_failed_wheels_without_an_install_are_read_in_linear_time():
    # whether the log holds "Successfully installed" at all was asked again for each failed wheel, a pass over
    # the whole log each time: 40 000 distinct failures took 17 s
    import time

    log = "".join("ERROR: Failed building wheel for pkg%d\n" % i for i in range(40_000))
    start = time.perf_counter()
    found = explained(log)
    assert time.perf_counter() - start < 5  # (0.7 s here)
    assert [(e.id, e.count) for e in found] == [("pip-build-failed", 40_000)]


def test_a_package_name_is_matched_across_its_spellings():
    log = "ERROR: Failed building wheel for pyopenjtalk-plus\nSuccessfully installed pyopenjtalk_plus-0.3.4\n"
    assert explained(log) == []


def test_the_speaker_table_alone_missing_from_a_checkpoint_is_harmless():
    one = "INFO:44k:emb_g.weight is not in the checkpoint\nINFO:44k:Loaded checkpoint './logs/44k/G_0.pth'\n"
    assert explained(one) == []
    more = one + "".join("error, enc_p.encoder.attn_layers.%d.emb_rel_k is not in the checkpoint\n" % i for i in range(3))
    found = explained(more)
    assert [(e.id, e.count) for e in found] == [("checkpoint-keys-mismatch", 3)]


def test_a_download_that_is_tried_again_is_read_only_when_it_finally_fails():
    retry = ("'(ReadTimeoutError(\"HTTPSConnectionPool(host='huggingface.co', port=443): Read timed out. (read timeout=10)\"),"
             " '(Request ID: 1b2c)')' thrown while requesting HEAD https://huggingface.co/openai/whisper-large-v3/resolve/main/config.json"
             " Retrying in 1s [Retry 1/5].\n")
    assert explained(retry) == []
    failed = retry + ("requests.exceptions.ConnectionError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries"
                      " exceeded with url: /openai/whisper-large-v3/resolve/main/config.json\n")
    found = explained(failed)
    assert [(e.id, e.line) for e in found] == [("model-download-failed", 2)]


def test_many_tries_of_a_download_are_read_in_linear_time():
    # each try looked for its own line by stepping over every try above it: 80 000 tries took 12 s
    import time

    log = "HTTPSConnectionPool(host='huggingface.co', port=443): Read timed out. Retrying in 1s [Retry 1/5].\n" * 80_000
    # this process's CPU seconds, which other jobs on a shared machine do not inflate as they do the wall clock
    start = time.process_time()
    assert explained(log) == []
    assert time.process_time() - start < 6  # (1.7 s here)


def test_the_last_try_of_a_download_is_kept_when_the_error_after_it_does_not_name_the_site():
    lines = "".join("'(ReadTimeoutError(\"HTTPSConnectionPool(host='huggingface.co', port=443): Read timed out.\"))'"
                    " thrown while requesting HEAD https://huggingface.co/x/config.json Retrying in %ds [Retry %d/5].\n"
                    % (2 ** n, n) for n in range(1, 6))
    log = lines + "OSError: Cannot find the requested files in the disk cache and outgoing traffic has been disabled.\n"
    assert [(e.id, e.line) for e in explained(log)] == [("model-download-failed", 5)]


def test_a_cuda_error_on_an_amd_card_points_at_the_layer_under_cuda_not_the_nvidia_driver():
    log = ("I have an 7900xtx\nStarting pitch extraction with 16 cores on cuda:0 using rmvpe...\n"
           "An error occurred extracting file C:\\Applio\\logs\\me\\sliced_audios_16k\\0_0_1.wav on cuda:0: CUDA error:"
           " invalid argument\nCompile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n")
    found = explained(log)
    assert [(e.id, e.manual_key) for e in found] == [("cuda-runtime-fault", "amd_cuda_layer")]
    assert "nvidia.driver" not in found[0].settings
    assert "--dml" in explain.manual(found[0], "en") and "DirectML" in explain.manual(found[0], "zh")
    nvidia = explained(log.replace("an 7900xtx", "an RTX 3060"))
    assert nvidia[0].manual_key == "" and "nvidia.driver" in nvidia[0].settings


def test_a_cuda_error_on_an_intel_card_is_not_said_to_be_on_an_amd_card():
    log = "Intel A770 16GB\nRuntimeError: CUDA error: an illegal memory access was encountered\n"
    (found,) = explained(log)
    assert found.manual_key == "amd_cuda_layer"
    assert "Intel" in explain.manual(found, "en") and "Intel" in explain.manual(found, "zh")
    assert "shows an AMD card" not in explain.manual(found, "en") and "日志显示是 AMD 显卡" not in explain.manual(found, "zh")


@pytest.mark.parametrize("specs", ["CPU: AMD Ryzen 7 5800H with Radeon Graphics, GPU: 3070 laptop",
                                   "AMD Ryzen 5 5600G, AMD Radeon(TM) Graphics",
                                   # the built-in graphics named by number (Radeon 680M / 780M / 890M, 8060S)
                                   "CPU: AMD Ryzen 9 7940HS w/ Radeon 780M Graphics",
                                   "AMD Radeon(TM) 680M", "AMD Radeon 8060S Graphics"])
def test_a_cuda_error_beside_an_amd_processors_graphics_is_not_the_amd_layer(specs):
    # a CUDA error shows CUDA runs: a Ryzen's built-in Radeon is no card ZLUDA or ROCm runs it on
    log = specs + "\nRuntimeError: CUDA error: an illegal memory access was encountered\n"
    (found,) = explained(log)
    assert found.id == "cuda-runtime-fault" and found.manual_key != "amd_cuda_layer" and "nvidia.driver" in found.settings
    (zluda,) = explained((specs + ", ZLUDA\n" + log))
    assert zluda.manual_key == "amd_cuda_layer"


@pytest.mark.parametrize("text, card", [("I have an 7900xtx", "7900xtx"), ("my 6700 XT", "6700 XT"),
                                        ("Intel A770 16GB", "Intel A770"), ("Arc B580", "Arc B580"), ("A770", None),
                                        ("rtx5700xt", "rtx5700xt"), ("RTX 3070", None),
                                        ("Ryzen 7 5700X", None), ("5800X3D", None), ("version 1.7900XT", None)])
def test_an_amd_card_named_by_its_number_and_xt(text, card):
    from gsv_doctor import logfacts

    assert logfacts.read_facts(text).amd_card == card


def test_a_macos_metadata_file_read_as_a_model_is_named_with_its_fix():
    log = ("Loading Text2Semantic weights from GPT_weights/._me-e15.ckpt\n"
           "Traceback (most recent call last):\n"
           '  File "E:\\GPT-SoVITS\\GPT_SoVITS\\TTS_infer_pack\\TTS.py", line 590, in init_t2s_weights\n'
           "    dict_s1 = torch.load(weights_path, map_location=self.configs.device)\n"
           '  File "E:\\GPT-SoVITS\\runtime\\lib\\site-packages\\torch\\serialization.py", line 1033, in _legacy_load\n'
           "    magic_number = pickle_module.load(f, **pickle_load_args)\n"
           "_pickle.UnpicklingError: invalid load key, '\\x00'.\n")
    (found,) = explained(log)
    assert found.id == "model-file-corrupt" and found.notes == [("mac_metadata_file", {"file": "._me-e15.ckpt"})]
    plain = explained(log.replace("._me-e15", "me-e15"))
    assert plain[0].notes == []


@pytest.mark.parametrize("text, file", [
    ("Error opening 'dataset_raw/me/.DS_Store': Format not recognised.", ".DS_Store"),
    ("loading D:\\RVC\\assets\\weights\\._voice.pth", "._voice.pth"),
    ("from ._utils import x", None), ("config._data.wav_path", None), ("a.DS_Stores", None),
])
def test_macos_metadata_files_in_a_log(text, file):
    from gsv_doctor import logfacts

    assert logfacts.read_facts(text).mac_metadata_file == file


def test_the_torchmetrics_scatter_error_is_the_version_only_in_its_code():
    tail = "RuntimeError: Index tensor must have the same number of dimensions as self tensor\n"
    theirs = ('[rank0]:   File "/usr/local/lib/python3.9/site-packages/torchmetrics/functional/classification/'
              'stat_scores.py", line 364, in _refine_preds_oh\n[rank0]:     return x.scatter_(-1, r, 1)\n[rank0]: ' + tail)
    assert [e.id for e in explained(("Traceback (most recent call last):\n" + theirs))] \
        == ["torchmetrics-too-new"]
    own = 'Traceback (most recent call last):\n  File "D:\\app\\model.py", line 9, in forward\n    x.scatter_(1, i, 1)\n' + tail
    assert "torchmetrics-too-new" not in [e.id for e in explained(own)]


def test_the_voice_changers_window_that_cannot_start_its_gpu_process_is_told_about_its_folder():
    log = ("[11808:1103/120021.655:FATAL:gpu_data_manager_impl_private.cc(415)] GPU process isn't usable. Goodbye.\n"
           "C:\\Users\\李\\Downloads\\MMVCServerSIO\\MMVCServerSIO.exe\n")
    (found,) = explained(log)
    assert found.id == "electron-gpu-process" and found.settings == ["program.folder"]
    assert [key for key, _ in found.notes] == ["non_ascii_path"]


def test_rvc_started_without_dml_on_an_intel_card_is_told_to_start_with_it():
    log = ("I have an Intel A770 16GB\n"
           "C:\\rvc>runtime\\python.exe infer-web.py --pycmd runtime\\python.exe --port 7897\n"
           "2024-01-17 18:14:13 | INFO | configs.config | No supported Nvidia GPU found\n"
           "2024-01-17 18:14:13 | INFO | configs.config | Use cpu instead\n")
    (found,) = explained(log)
    assert found.project == "rvc" and [key for key, _ in found.notes] == ["amd_start"]
    assert "--dml" in explain.notes(found, "en")[0] and "go-web-dml.bat" in explain.notes(found, "zh")[0]
    with_dml = log.replace("--port 7897", "--port 7897 --dml")
    assert explained(with_dml)[0].notes == []
    nvidia = log.replace("Intel A770 16GB", "RTX 3060")
    assert all(key != "amd_start" for e in explained(nvidia) for key, _ in e.notes)


def test_a_mac_that_cannot_train_is_not_sent_to_the_nvidia_driver():
    log = ('Traceback (most recent call last):\n  File "/Users/me/so-vits-svc/train.py", line 46, in main\n'
           '    assert torch.cuda.is_available(), "CPU training is not allowed."\nAssertionError: CPU training is not allowed.\n')
    (found,) = explained(log)
    assert found.manual_key == "mac_training" and "nvidia.driver" not in found.settings and "machine.gpu" in found.settings


@pytest.mark.parametrize("words, real_time", [
    ("执行 go-realtime-gui.bat，同样的配置，没有声音输出\n", True),
    ("The voice changer runs but there is no sound\n", True),
    ("推理出来的音频没有声音\n", False),
    # the real-time factor of a TTS program's inference is no real-time conversion
    ("GPT-SoVITS inference: the real-time factor is 0.3 but the output has no sound\n", False),
    ("生成的音频没有声音，实时率 0.2\n", False),
    ("实时变声没有声音\n", True), ("RVC real-time voice conversion gives no sound\n", True),
])
def test_silence_in_real_time_conversion_also_names_the_audio_devices(words, real_time):
    (found,) = explained(words)
    assert found.id == "symptom-silent-audio"
    assert (("real_time_devices", {}) in found.notes) == real_time == ("audio.device" in found.settings)
    assert found.settings[0] == "gpu.card"  # the float16 reading stays first


@pytest.mark.parametrize("text, jetson", [("我有一块orin板子，webui检测不到显卡", True), ("Jetson AGX Orin: Torch not compiled with CUDA enabled", True),
                                          ("Xavier said: Torch not compiled with CUDA enabled", False)])
def test_a_jetson_board_is_sent_to_nvidias_own_torch(text, jetson):
    (found,) = explained(text)
    assert (found.manual_key == "jetson_torch") == jetson
    assert ("JetPack" in explain.manual(found, "zh")) == jetson


def test_leaked_semaphores_in_words_read_as_the_computers_memory():
    (found,) = explained(b"it reaches 100% and then gives an error of oom due to leaked semiphores\n")
    assert found.id == "ram-out-of-memory" and found.assumed == "oom due to leaked semiphores"


def test_gradios_schema_error_is_pydantic_only_in_gradio_clients_code():
    tail = "TypeError: argument of type 'bool' is not iterable\n"
    theirs = ('Traceback (most recent call last):\n  File "D:\\GPT-SoVITS\\runtime\\lib\\site-packages\\gradio_client\\utils.py",'
              ' line 863, in get_type\n    if "const" in schema:\n' + tail)
    (found,) = explained(theirs)
    assert found.id == "gradio-pydantic" and "pydantic==2.10.6" in explain.manual(found, "zh")
    own = 'Traceback (most recent call last):\n  File "D:\\app\\webui.py", line 9, in f\n    if "x" in flag:\n' + tail
    assert "gradio-pydantic" not in [e.id for e in explained(own)]


def test_an_empty_model_file_is_read_only_under_torch_load():
    tail = "EOFError: Ran out of input\n"
    load = ('Traceback (most recent call last):\n  File "D:\\RVC\\infer\\modules\\vc\\modules.py", line 9, in get_vc\n'
            '  File "D:\\RVC\\runtime\\lib\\site-packages\\torch\\serialization.py", line 1033, in _legacy_load\n' + tail)
    assert [e.id for e in explained(load)] == ["model-file-empty"]
    spawn = ('Traceback (most recent call last):\n  File "C:\\Python310\\lib\\multiprocessing\\spawn.py", line 126, in _main\n'
             "    self = reduction.pickle.load(from_parent)\n" + tail)
    assert "model-file-empty" not in [e.id for e in explained(spawn)]


def test_ptxas_without_the_cards_arch_gets_the_rtx_50xx_torch():
    (found,) = explained(b"ptxas fatal   : Value 'sm_120' is not defined for option 'gpu-name'\n")
    assert found.id == "torch-compile-triton" and [key for key, _ in found.notes] == ["new_card_torch"]
    (older,) = explained(b"RuntimeError: Cannot find a working triton installation.\n")
    assert older.notes == []


def test_a_device_side_assert_on_a_card_that_computes_nan_in_float16_points_at_half_precision():
    log = "My NVIDIA T1200 Laptop GPU (4GB)\nRuntimeError: CUDA error: device-side assert triggered\n"
    (found,) = explained(log)
    assert found.id == "cuda-device-assert" and [key for key, _ in found.notes] == ["half_nan_card_assert"]
    assert "半精度" in explain.notes(found, "zh")[0]
    (other,) = explained(log.replace("T1200", "RTX 3060"))
    assert other.notes == []


def test_bark_out_of_memory_gets_its_small_models_and_cpu_offload():
    log = ('Traceback (most recent call last):\n  File "C:\\Users\\me\\bark\\bark\\generation.py", line 420, in'
           ' generate_text_semantic\n    logits, kv_cache = model(x_input)\ntorch.cuda.OutOfMemoryError: CUDA out of memory.'
           ' Tried to allocate 16.00 MiB (GPU 0; 8.00 GiB total capacity; 7.33 GiB already allocated)\n')
    (found,) = explained(log)
    assert found.project == "bark" and "SUNO_OFFLOAD_CPU=True" in explain.manual(found, "en")
    assert "SUNO_USE_SMALL_MODELS=True" in explain.manual(found, "zh")


def test_float16_on_the_cpu_beside_an_amd_card_says_why_it_ran_there():
    log = "the program does not see my AMD graphics card\nI have a message \"slow_conv2d_cpu\" not implemented for 'Half'\n"
    (found,) = explained(log)
    assert found.id == "cpu-half-conv" and [key for key, _ in found.notes] == ["amd_on_cpu"]
    assert "ROCm" in explain.notes(found, "zh")[0]
    (nvidia,) = explained(log.replace("AMD", "RTX 3060"))
    assert nvidia.notes == []


_TRAINING_START = ('"D:\\AI\\GPT-SoVITS\\runtime\\python.exe" GPT_SoVITS/s1_train.py --config_file "D:\\AI\\GPT-SoVITS\\TEMP/tmp_s1.yaml"\n'
                   "GPU available: True (cuda), used: True\n[rank: 0] Seed set to 1234\n"
                   "Initializing distributed: GLOBAL_RANK: 0, MEMBER: 1/1\n")


@pytest.mark.parametrize("after, hang", [
    ("然后就一直卡住，没有任何反应\n", True),
    ("distributed_backend=gloo\nAll distributed processes registered. Starting with 1 processes\n", False),
    ("Epoch 0:  12%|#2        | 3/25 [00:04<00:30,  1.40s/it]\n", False),
    ("Traceback (most recent call last):\n  File \"x.py\", line 1, in f\ntorch.cuda.OutOfMemoryError: CUDA out of memory.\n", False),
])
def test_initializing_distributed_is_a_hang_only_when_the_run_stops_there(after, hang):
    found = [e.id for e in explained((_TRAINING_START + after))]
    assert ("distributed-init-hang" in found) == hang


@pytest.mark.parametrize("text, found", [
    ("Adding this: I plan to use it on Linux with ROCm but just wanted to try it on CPU before.\n", []),
    ("我打算以后换A卡，现在先问一下\n", []),
    ("I use ROCm on Linux and it does not find the GPU\n", ["symptom-amd-gpu"]),
])
def test_a_machine_named_as_a_plan_is_not_the_posts_machine(text, found):
    assert [e.id for e in explained(text)] == found


@pytest.mark.parametrize("text, amd", [
    ("It will not detect my AMD card\n", "AMD"), ("I want to use my RX 6800 for training\n", "RX 6800"),
    ("I plan to use it on Linux with ROCm later\n", None), ("以后打算换A卡\n", None),
    # "以后" after a deed is "after it", "later" in a story is what happened: the machine the post is about
    ("更新驱动以后A卡就不识别了\n", "A卡"), ("Two days later my RX 6800 XT stopped working\n", "RX 6800 XT"),
    ("以后再换A卡\n", None), ("Later I will switch to ROCm\n", None),
    # a plan of something else, then the machine in another clause
    ("I'm planning to train later, but my RX 6600 isn't detected now\n", "RX 6600"),
    ("我打算以后训练，现在A卡识别不到\n", "A卡"),
])
def test_a_planned_machine_is_not_read_as_the_posts(text, amd):
    from gsv_doctor import logfacts

    assert logfacts.read_facts(text).amd == amd


def test_a_directml_package_on_a_machine_whose_torch_counts_a_cuda_card_is_an_nvidia_machine():
    log = ("I'm pretty sure my GPU isn't being found.\n"
           '"VoiceChangerV2 Initialized (GPU_NUM(cuda):1, mps_enabled:False, onnx_device:CPU-DML)"\n'
           "I've downloaded the MMVCServerSIO_win_onnxdirectML-cuda_v.1.5.3.14.zip version.\n")
    (found,) = explained(log)
    assert found.id == "symptom-no-gpu" and found.manual_key == "" and [k for k, _ in found.notes] == ["directml_package"]
    (amd,) = explained(log.replace("GPU_NUM(cuda):1", "GPU_NUM(cuda):0"))
    assert amd.id == "symptom-amd-gpu"


def test_no_gpu_on_colab_is_told_to_change_the_runtime():
    (found,) = explained('请问在Colab出现 "CPU training is not allowed."该如何解决\n')
    assert found.id == "cpu-training-not-allowed" and ("colab_runtime", {}) in found.notes
    assert "运行时" in explain.notes(found, "zh")[0]


@pytest.mark.parametrize("text", [
    "It works fine on Colab, but on my own PC it says CUDA is not available\n",
    "Colab是好的，本地运行报错：\nAssertionError: Torch not compiled with CUDA enabled\n",
    "I tried colab before.\n  File \"C:\\RVC\\infer-web.py\", line 1, in <module>\n"
    "AssertionError: Torch not compiled with CUDA enabled\n",
])
def test_colab_named_beside_a_run_on_the_posts_own_computer_gets_no_runtime_advice(text):
    (found,) = explained(text)
    assert "colab_runtime" not in [key for key, _ in found.notes]


def test_colab_with_its_python_in_usr_local_still_gets_the_runtime_advice():
    text = ("on colab:\n  File \"/usr/local/lib/python3.10/dist-packages/torch/cuda/__init__.py\", line 1, in _lazy_init\n"
            "AssertionError: Torch not compiled with CUDA enabled\n")
    (found,) = explained(text)
    assert "colab_runtime" in [key for key, _ in found.notes]


def test_slow_on_an_amd_card_names_miopens_cache():
    (found,) = explained("(已解决) amdgpu训练突然变慢，6800xt 占用只有 10%\n")
    assert found.id == "symptom-amd-gpu" and ("amd_slow", {}) in found.notes
    (plain,) = explained("the webui is very slow on my RTX 3060\n")
    assert plain.id == "symptom-slow" and plain.notes == []



@pytest.mark.parametrize("where", ["", '  File "/x/GPT_SoVITS/inference_webui.py", line 9, in get_tts_wav\n',
                                   '  File "D:\\RVC\\infer\\modules\\vc\\pipeline.py", line 9, in vc\n'])
@pytest.mark.parametrize("error", ["RuntimeError: CUDA error: device-side assert triggered\n",
                                   "RuntimeError: probability tensor contains either `inf`, `nan` or element < 0\n"])
def test_the_half_nan_card_note_ends_its_sentence_once(where, error):
    # the projects' half_off advice ends with its own full stop
    (found,) = explained(("NVIDIA GeForce GTX 1650\n" + where + error))
    index = [key for key, _ in found.notes].index("half_nan_card_assert")
    en, zh = explain.notes(found, "en")[index], explain.notes(found, "zh")[index]
    assert not en.endswith("..") and not zh.endswith("。。") and not zh.endswith(".。")
    if "probability" in error:  # NaN probabilities are sampled, not used as an index
        assert "sampl" in en and "采样" in zh

def test_rvcs_own_traceback_frames_are_not_its_start_line():
    # every RVC traceback has an infer-web.py frame: it says nothing of how the program was started
    log = ("I have an RX 6700 XT\nTraceback (most recent call last):\n"
           '  File "D:\\RVC\\infer-web.py", line 20, in <module>\n    config = Config()\n'
           "D:\\RVC\\infer-web.py:21: UserWarning: x\n"
           "AssertionError: Torch not compiled with CUDA enabled\n")
    (found,) = explained(log)
    assert found.id == "cuda-not-compiled" and all(key != "amd_start" for key, _ in found.notes)
    started = "runtime\\python.exe infer-web.py --pycmd runtime\\python.exe --port 7897 --dml\n" + log
    (found,) = explained(started)
    assert all(key != "amd_start" for key, _ in found.notes)
    without = "runtime\\python.exe infer-web.py --pycmd runtime\\python.exe --port 7897\n" + log
    (found,) = explained(without)
    assert ("amd_start", {"line": "runtime\\python.exe infer-web.py --pycmd runtime\\python.exe --port 7897"}) in found.notes



def test_an_nvidia_card_in_rvcs_amd_intel_package_is_not_told_to_start_it_with_dml():
    log = ("RTX 3060\nD:\\RVC1006AMD_Intel\\runtime\\python.exe infer-web.py --pycmd runtime\\python.exe --port 7897\n"
           "AssertionError: Torch not compiled with CUDA enabled\n")
    (found,) = explained(log)
    assert all(key != "amd_start" for key, _ in found.notes)
    (amd,) = explained(log.replace("RTX 3060", "RX 6600"))
    assert any(key == "amd_start" for key, _ in amd.notes)

def test_a_folder_or_speaker_named_orin_is_not_a_jetson_board():
    # Orin is also a character's name (Touhou's Rin Kaenbyou): a model folder of that name is no board
    log = "D:\\GPT-SoVITS\\logs\\orin\\ on my RTX 3060\nAssertionError: Torch not compiled with CUDA enabled\n"
    (found,) = explained(log)
    assert found.manual_key != "jetson_torch"
    for board in ("Jetson Orin Nano", "an Orin NX", "AGX Orin"):
        (found,) = explained(log.replace("my RTX 3060", board))
        assert found.manual_key == "jetson_torch", board


@pytest.mark.parametrize("places, job", [
    # GPT-SoVITS's inference prepares the text in TextPreprocessor.preprocess: inference, not a dataset step
    (["GPT_SoVITS/TTS_infer_pack/TTS.py run", "GPT_SoVITS/TTS_infer_pack/TextPreprocessor.py preprocess",
      "GPT_SoVITS/TTS_infer_pack/TextPreprocessor.py get_bert_feature"], "infer"),
    (["infer/modules/train/preprocess.py pipeline"], "train"),
    (["preprocess_hubert_f0.py process_one"], "train"),
    (["infer/modules/train/preprocess.py preprocess_trainset"], "train"),
    (["trainset_preprocess_pipeline_print.py pipeline"], "train"),
    (["GPT_SoVITS/inference_webui.py get_tts_wav", "GPT_SoVITS/text/japanese.py preprocess_jap"], "infer"),
    # RVC's model code serves training and inference alike: its folder names say nothing of the job
    (["infer/modules/vc/pipeline.py vc", "infer/lib/infer_pack/models.py forward"], "infer"),
])
def test_the_job_read_from_the_frames(places, job):
    assert logfacts.job_of(places, "") == job


def test_pythons_leaked_semaphore_warning_alone_is_not_the_memory():
    # Python prints it at any shutdown that leaves a semaphore (Ctrl+C, an error in the main process)
    warning = ("/usr/lib/python3.10/multiprocessing/resource_tracker.py:224: UserWarning: resource_tracker: There appear"
               " to be 1 leaked semaphore objects to clean up at shutdown\n")
    ctrl_c = "Running on local URL:  http://0.0.0.0:9874\nKeyboard interruption in main thread... closing server.\n"
    assert [e.id for e in explained((ctrl_c + warning))] == ["python-warning-notice"]  # a warning, read as one
    oom = "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n"
    assert [e.id for e in explained((oom + warning))] == ["cuda-out-of-memory"]
    told = "I had no errors in training. Only the `There appear to be 20 leaked semaphore objects to clean up at shutdown` warning.\n"
    assert [e.id for e in explained(told)] != ["ram-out-of-memory"]


def test_rvcs_no_gpu_to_train_line_is_not_placed_in_gpt_sovits_webui():
    # RVC prints it from infer-web.py (GPT-SoVITS's webui.py did only in early 2024): no one file for every program
    log = "D:\\RVC\\runtime\\python.exe infer-web.py --port 7897\n很遗憾您这没有能用的显卡来支持您训练\n"
    (found,) = explained(log)
    assert found.id == "training-gpu-not-listed" and found.project == "rvc"
    assert found.location is None or found.location.path != "webui.py"


def test_nan_on_a_card_is_turned_off_with_the_programs_gpu_side_setting():
    log = "MMVCServerSIO_win_onnxgpu-cuda_v.1.5.3.8a\nGTX 1660 Super\nthe voice changer runs but there is no sound\n"
    (found,) = explained(log)
    assert found.project == "voice-changer" and found.id == "symptom-silent-audio"
    assert "pick the GPU device" not in explain.manual(found, "en") and "NaN" in explain.manual(found, "en")
    rvc = explained(b"RVC infer-web.py\nGTX 1660\nthe output has no sound\n")
    assert "self.is_half = False" in explain.manual(rvc[0], "en")


def test_a_geforce_named_without_rtx_is_the_machines_card_beside_a_ryzens_radeon():
    log = "It doesn't use my GPU. Ryzen 7 5800H with Radeon Graphics, GeForce 3060 laptop\n"
    (found,) = explained(log)
    assert found.id == "symptom-no-gpu"


def test_docker_asking_for_the_gpu_on_a_mac_is_told_to_leave_the_request_out():
    log = ("我在mac中用docker部署，无法启动\nError response from daemon: could not select device driver \"nvidia\" with"
           " capabilities: [[gpu]]\n")
    (found,) = explained(log)
    assert found.id == "docker-no-gpu-runtime" and found.manual_key == "mac_docker"
    (linux,) = explained(log.replace("mac", "ubuntu"))
    assert linux.manual_key == "" and "nvidia-ctk" in explain.manual(linux, "en")


def test_a_harmless_notice_is_read_only_when_nothing_else_is():
    notice = ("Some weights of HubertModel were not initialized from the model checkpoint at"
              " GPT_SoVITS/pretrained_models/chinese-hubert-base and are newly initialized: ['encoder.pos_conv_embed']\n")
    assert [e.id for e in explained(notice)] == ["weights-newly-initialized"]
    with_error = notice + "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n"
    assert [e.id for e in explained(with_error)] == ["cuda-out-of-memory"]


def test_out_of_memory_advice_is_said_once_where_a_program_gives_one_text_for_both_jobs():
    log = "MMVCServerSIO_win_onnxgpu-cuda_v.1.5.3.8a\ntorch.cuda.OutOfMemoryError: CUDA out of memory.\n"
    (found,) = explained(log)
    assert found.project == "voice-changer"
    text = explain.manual(found, "en")
    assert text.count("chunk size") == 1, text


_NEWLY_INITIALIZED = ("Some weights of HubertModel were not initialized from the model checkpoint at"
                      " TencentGameMate/chinese-hubert-base and are newly initialized: ['encoder.pos_conv_embed.conv.weight_g']\n")


@pytest.mark.parametrize("text, entry_id", [
    (_NEWLY_INITIALIZED, "weights-newly-initialized"),  # nothing else: the notice is what the post shows
    ("The output has no sound at all.\n" + _NEWLY_INITIALIZED, "symptom-silent-audio"),
    ("推理很慢\n" + _NEWLY_INITIALIZED, "symptom-slow"),
    (_NEWLY_INITIALIZED + "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nKeyError: 'speaker'\n",
     "program-error"),
])
def test_a_notice_stands_in_only_for_nothing_else_found(text, entry_id):
    assert [e.id for e in explained(text)] == [entry_id]


def test_a_process_killed_on_a_mac_is_not_told_only_as_the_memory():
    """macOS kills a program whose code signature it rejects with the same "Killed: 9" as for memory."""
    text = ("M1 MacBook: when I ran startHttp5, it exited with 137\n"
            "startHttp5.command: line 19:  4246 Killed: 9               MMVCServerSIO --https off -p 18888\n")
    (found,) = explained(text)
    assert found.id == "ram-out-of-memory" and [k for k, _ in found.notes] == ["mac_killed"]
    assert "Console.app" in explain.notes(found, "en")[0] and "Console.app" in explain.notes(found, "zh")[0]
    (linux,) = explained(b"the container exited with code 137\n")
    assert linux.id == "ram-out-of-memory" and not linux.notes


def test_float16_on_the_cpu_beside_a_ryzens_built_in_graphics_gets_no_amd_card_note():
    log = "Laptop: AMD Ryzen 7 5800H with Radeon Graphics\nRuntimeError: \"slow_conv2d_cpu\" not implemented for 'Half'\n"
    (found,) = explained(log)
    assert found.id == "cpu-half-conv" and found.notes == []


def test_a_client_refused_on_port_9880_is_told_to_start_gpt_sovits_api():
    line = ("ERROR | tts_manager:_process_tts:152 | Error preparing audio payload: HTTPConnectionPool(host='127.0.0.1',"
            " port={port}): Max retries exceeded with url: /tts?text=hello\n")
    (found,) = explained(line.format(port=9880))
    assert found.id == "local-server-not-running" and found.project == "unknown"
    assert [key for key, _ in found.notes] == ["gsv_api_port"] and "api_v2.py" in explain.notes(found, "zh")[0]
    (other,) = explained(line.format(port=8080))
    assert other.notes == [] and "8080" in explain.meaning(other, "en")


def test_a_utf8_decoding_error_of_the_real_time_gui_is_the_audio_devices_names():
    told = "go-realtime-gui.bat 打开后控制台出现 UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc2 in position 6\n"
    (found,) = explained(told)
    assert found.id == "audio-device-names" and "UTF-8" in explain.manual(found, "zh")
    raised = ('Traceback (most recent call last):\n  File "D:\\RVC\\gui_v1.py", line 9, in <module>\n'
              '  File "D:\\RVC\\runtime\\lib\\site-packages\\sounddevice.py", line 564, in query_devices\n'
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xb6 in position 0: invalid start byte\n")
    assert [e.id for e in explained(raised)] == ["audio-device-names"]
    a_file = ('Traceback (most recent call last):\n  File "D:\\RVC\\infer-web.py", line 9, in <module>\n'
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xb6 in position 0: invalid start byte\n")
    assert [e.id for e in explained(a_file)] == ["text-encoding"]


def test_a_bare_assertion_is_a_missing_checkpoint_only_in_load_checkpoint():
    tail = '  File "/content/vits/utils.py", line 66, in {function}\n    assert os.path.isfile(checkpoint_path)\nAssertionError\n'
    head = 'Traceback (most recent call last):\n  File "/content/vits/webui.py", line 380, in <module>\n'
    (found,) = explained((head + tail.format(function="load_checkpoint")))
    assert found.id == "checkpoint-path-missing" and found.location.function == "load_checkpoint"
    elsewhere = explained((head + tail.format(function="check_inputs")))
    assert "checkpoint-path-missing" not in [e.id for e in elsewhere]
    with_message = head + tail.format(function="load_checkpoint").replace("AssertionError", "AssertionError: bad shape")
    assert "checkpoint-path-missing" not in [e.id for e in explained(with_message)]


def test_a_nan_loss_in_training_also_points_at_the_learning_rate_and_the_data():
    trained = ('Traceback (most recent call last):\n  File "C:\\DDSP-SVC\\train.py", line 92, in <module>\n'
               '  File "C:\\DDSP-SVC\\solver.py", line 100, in train\n    raise ValueError(\' [x] nan loss \')\n'
               "ValueError:  [x] nan loss\n\nNan Loss everytime i train\n")
    found = explained(trained)
    # nothing speaks of half precision: the training itself leads, the precision comes last
    assert [e.id for e in found] == ["symptom-nan"] and found[0].manual_key == "nan_training"
    assert "学习率" in explain.manual(found[0], "zh") and found[0].settings[-1] == "any.half"
    (half,) = explained(trained.replace("Nan Loss everytime i train", "Nan Loss everytime i train with fp16_run"))
    assert ("nan_in_training", {}) in half.notes and half.manual_key == ""
    (inferred,) = explained("推理出来的音频全是 nan，用的是 1660\n")
    assert "nan_in_training" not in [key for key, _ in inferred.notes] and inferred.manual_key == ""


def test_a_none_path_is_triton_missing_cuda_path_only_in_tritons_backends():
    def ids_for(path):
        text = ('Traceback (most recent call last):\n  File "C:\\fish\\env\\lib\\site-packages\\%s", line 18, in <module>\n'
                '    library_dir += [os.path.join(os.environ.get("CUDA_PATH"), "lib", "x64")]\n'
                '  File "C:\\fish\\env\\lib\\ntpath.py", line 104, in join\n'
                "TypeError: expected str, bytes or os.PathLike object, not NoneType\n" % path)
        return [e.id for e in explained(text)]
    assert ids_for("triton\\backends\\nvidia\\driver.py") == ["triton-cuda-path"]
    assert "triton-cuda-path" not in ids_for("fish_speech\\webui.py")


def test_a_weights_only_refusal_in_torchs_old_wording_is_the_programs_own_request():
    old = ("_pickle.UnpicklingError: Weights only load failed. Re-running `torch.load` with `weights_only` set to"
           " `False` will likely succeed, but it can result in arbitrary code execution.\n")
    (found,) = explained(old)
    assert found.id == "torch-weights-only" and [key for key, _ in found.notes] == ["weights_only_by_program"]
    new = ("_pickle.UnpicklingError: Weights only load failed. This file can still be loaded, to do so you have two"
           " options, do those steps only if you trust the source of the checkpoint.\n\t(1) In PyTorch 2.6, we changed"
           " the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running"
           " `torch.load` with `weights_only` set to `False` will likely succeed\n")
    (found,) = explained(new)
    assert found.id == "torch-weights-only" and found.notes == []
    # a 2.6 nightly: the two options, before the sentence on 2.6 was added
    nightly = new.replace("(1) In PyTorch 2.6, we changed the default value of the `weights_only` argument in"
                          " `torch.load` from `False` to `True`. Re-running", "(1) Re-running")
    (found,) = explained(nightly)
    assert found.id == "torch-weights-only" and found.notes == []


def test_chattts_optional_text_normalizer_is_said_to_be_optional():
    (found,) = explained("nemo处理英文失败，改用自定义预处理\nNo module named 'nemo_text_processing'\n推理时长: 84.79 秒\n")
    assert found.id == "python-module-missing" and ("optional_text_normalizer", {}) in found.notes
    (other,) = explained("No module named 'pyopenjtalk'\n")
    assert "optional_text_normalizer" not in [key for key, _ in other.notes]


@pytest.mark.parametrize("module, noted", [("torch", True), ("torchaudio", True), ("torch._C", True), ("torchcrepe", False)])
def test_a_missing_torch_is_installed_from_pytorchs_index(module, noted):
    (found,) = explained("Traceback (most recent call last):\n  File \"demo.py\", line 2, in <module>\n"
                         "ModuleNotFoundError: No module named '%s'\n" % module)
    assert found.id == "python-module-missing"
    assert (("torch_from_pytorch", {}) in found.notes) == noted


def test_protobufs_double_negative_message_is_read_as_protobuf_too_new():
    """protobuf 4 printed "Descriptors cannot not be created directly" (sic) for most of its releases."""
    log = ("TypeError: Descriptors cannot not be created directly.\nIf this call came from a _pb2.py file, your"
           " generated code is out of date and must be regenerated with protoc >= 3.19.0.\n")
    assert [e.id for e in explained(log)] == ["protobuf-too-new"]
    assert [e.id for e in explained(log.replace("cannot not", "cannot"))] == ["protobuf-too-new"]


def test_another_error_caught_in_a_dataparallel_replica_is_not_told_as_the_one_gpu_program():
    log = ('Traceback (most recent call last):\n  File "D:\\x\\train.py", line 10, in <module>\n'
           "RuntimeError: Caught RuntimeError in replica 0 on device 0.\nOriginal Traceback (most recent call last):\n"
           '  File "C:\\py\\lib\\site-packages\\torch\\nn\\parallel\\parallel_apply.py", line 64, in _worker\n'
           "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 8.00 GiB total capacity)\n")
    assert [e.id for e in explained(log)] == ["cuda-out-of-memory"]
    stop = log.replace("Caught RuntimeError", "Caught StopIteration").rsplit("RuntimeError: CUDA", 1)[0] + "StopIteration\n"
    assert [e.id for e in explained(stop)][0] == "several-gpus-data-parallel"


@pytest.mark.parametrize("left", ["_TensorMeta", "_GenericAlias", "type"])
def test_a_union_annotation_on_python_3_9_is_python_too_old_and_not_told_3_9_works(left):
    """`torch.Tensor | None` on Python 3.9 names torch's metaclass; the fix must not offer 3.9 again."""
    log = ('Traceback (most recent call last):\n  File "C:\\x\\infer.py", line 3, in <module>\n'
           "    def f(x: torch.Tensor | None = None):\n"
           "TypeError: unsupported operand type(s) for |: '%s' and 'NoneType'\n" % left)
    (found,) = explained(log)
    assert found.id == "python-too-old-syntax"
    assert "3.9 also works" not in explain.manual(found, "en") and "3.9 也可以" not in explain.manual(found, "zh")
    assert "python=3.10" in explain.manual(found, "en")


def test_a_local_server_that_answered_with_errors_is_not_told_as_not_running():
    log = ("requests.exceptions.RetryError: HTTPConnectionPool(host='127.0.0.1', port=9880): Max retries exceeded with"
           " url: /tts (Caused by ResponseError('too many 500 error responses'))\n")
    assert "local-server-not-running" not in [e.id for e in explained(log)]


def test_chattts_memory_floor_is_told_as_its_own_check_of_the_whole_card():
    """ChatTTS counts the card's total memory (less its own reservation): closing other programs changes nothing, and
    the versions that print it from utils/gpu_utils.py pass 4096 from core.py over the default."""
    (found,) = explained("WARNING:ChatTTS.utils.gpu_utils:GPU 0 has 4095.56 MB memory left. Switching to CPU.\n")
    assert found.id == "gpu-free-memory-floor"
    for lang in ("en", "zh"):
        text = explain.manual(found, lang)
        assert "select_device(4096)" in text and "core.py" in text
    assert "Close other programs" not in explain.manual(found, "en")
    assert "other programs hold" not in explain.meaning(found, "en")


def test_a_utf8_error_a_training_step_raised_stays_text_encoding_beside_words_about_the_real_time_gui():
    log = ("实时变声没问题，但是训练的时候报错：\nTraceback (most recent call last):\n"
           '  File "D:\\RVC\\infer\\modules\\train\\preprocess.py", line 20, in <module>\n'
           "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xb6 in position 0: invalid start byte\n")
    assert [e.id for e in explained(log)] == ["text-encoding"]
    gui = log.replace("infer\\modules\\train\\preprocess.py", "gui_v1.py")
    assert [e.id for e in explained(gui)] == ["audio-device-names"]


def test_a_start_script_that_cannot_find_the_systems_bare_python_is_command_not_found():
    """'python' is not recognized: the script runs the system's python, not a Windows package's runtime."""
    (found,) = explained("webui.bat 找不到 python，显示 'python' 不是内部或外部命令，也不是可运行的程序\n")
    assert found.id == "command-not-found"
    (package,) = explained("go-webui.bat报错未找到python.exe，运行后无反应\n")
    assert package.id == "package-runtime-missing"


def test_rvcs_missing_silent_clip_in_a_printed_windows_path_is_a_missing_file_not_a_failed_step():
    """FileNotFoundError prints a Windows path with doubled backslashes: logs\\\\mute\\\\0_gt_wavs is the package's own clip."""
    log = "FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\RVC\\\\logs\\\\mute\\\\0_gt_wavs\\\\mute40k.wav'\n"
    assert [e.id for e in explained(log)] == ["model-file-missing"]
    step = "FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\RVC\\\\logs\\\\me\\\\0_gt_wavs'\n"
    assert [e.id for e in explained(step)] == ["rvc-dataset-step-missing"]


def test_bashs_job_line_for_a_killed_process_is_the_computers_memory():
    log = "(venv) $ python train.py &\nepoch 1\n[1]+  Killed                  python train.py\n"
    assert [e.id for e in explained(log)] == ["ram-out-of-memory"]


def test_pips_failed_metadata_step_of_a_setup_py_package_is_a_failed_build():
    log = ("Collecting pyworld==0.3.2\n  Downloading pyworld-0.3.2.tar.gz (214 kB)\n"
           "  Preparing metadata (setup.py) ... error\n  error: subprocess-exited-with-error\n")
    assert [e.id for e in explained(log)] == ["pip-build-failed"]
    assert explained(log.replace("... error\n  error: subprocess-exited-with-error", "... done")) == []


def test_soundfiles_hidden_message_also_points_at_a_missing_file():
    """soundfile 0.12 prints '<exception str() failed>' over libsndfile's message, most often its 'System error'."""
    log = ('Traceback (most recent call last):\n  File "D:\\x\\slice_audio.py", line 20, in slice\n'
           '  File "D:\\x\\runtime\\lib\\site-packages\\soundfile.py", line 1216, in _open\n'
           "soundfile.LibsndfileError: <exception str() failed>\n")
    (found,) = explained(log)
    assert found.id == "audio-file-unreadable" and [key for key, _ in found.notes] == ["sndfile_message_hidden"]
    assert "System error" in explain.notes(found, "en")[0] and explain.notes(found, "en")[0].isascii()
    assert "文件" in explain.notes(found, "zh")[0]
    (plain,) = explained("soundfile.LibsndfileError: Error opening 'a.txt': Format not recognised.\n")
    assert plain.notes == []


def test_apple_silicon_is_not_told_as_m1_to_m4_only():
    (found,) = explained("zsh: bad CPU type in executable: ./server\n")
    assert found.id == "mac-wrong-architecture"
    assert "M1 to M4" not in explain.meaning(found, "en") and "M1 到 M4" not in explain.meaning(found, "zh")


def test_gpt_sovits_calling_another_local_server_is_not_told_to_start_its_own_api():
    log = ('Traceback (most recent call last):\n  File "D:\\GPT-SoVITS\\GPT_SoVITS\\inference_webui.py", line 300, in'
           ' get_tts_wav\nrequests.exceptions.ConnectionError: HTTPConnectionPool(host=\'127.0.0.1\', port={port}):'
           " Max retries exceeded with url: /api/generate\n")
    (other,) = explained(log.format(port=11434))
    assert other.id == "local-server-not-running" and other.project == "gpt-sovits"
    assert "api_v2.py" not in explain.manual(other, "en") and "api_v2.py" not in explain.manual(other, "zh")
    assert "Start the server the client calls" in explain.manual(other, "en")
    (own,) = explained(log.format(port=9880))
    assert "api_v2.py" in explain.manual(own, "en")


@pytest.mark.parametrize("line", ["zsh: killed     python webui.py", "[1]  + 4242 killed     python train.py"])
def test_zshs_lines_for_a_killed_process_are_the_computers_memory(line):
    assert [e.id for e in explained("epoch 1\n" + line + "\n")] == ["ram-out-of-memory"]
    assert explained("I killed the web UI and started it again\n") == []


def test_a_programs_logged_no_gpu_notice_beside_its_own_error_is_not_the_posts_complaint():
    notice = "WARNING:ChatTTS.utils.gpu:no GPU found, use CPU instead\n"
    error = ('Traceback (most recent call last):\n  File "D:\\ChatTTS\\webui.py", line 9, in <module>\n'
             '    x = speakers["spk"]\nKeyError: \'spk\'\n')
    assert [e.id for e in explained(notice + error)] == ["program-error"]
    assert [e.id for e in explained(notice)] == ["symptom-no-gpu"]  # the notice alone is what the post shows
    told = "My GPU is not getting used, it runs on the CPU\n"
    assert [e.id for e in explained(told + error)] == ["symptom-no-gpu"]


def test_pynini_that_pip_cannot_build_is_installed_from_conda_forge():
    (found,) = explained("  Building wheel for pynini (pyproject.toml) ... error\n  ERROR: Failed building wheel for pynini\n")
    assert found.id == "pip-build-failed" and ("pynini_conda", {}) in found.notes
    (other,) = explained("  ERROR: Failed building wheel for pyworld\n")
    assert "pynini_conda" not in [key for key, _ in other.notes]


def test_a_dataloader_worker_that_failed_or_crashed_on_its_own_is_not_told_as_the_memory():
    """torch chains its "pid(s) N exited unexpectedly" below the worker's own end: exit code 1 (an exception) or a
    segmentation fault is not memory; "Killed" and "Bus error" are."""
    def log(end):
        return ('Traceback (most recent call last):\n  File "/usr/lib/python3.10/site-packages/torch/utils/data/'
                'dataloader.py", line 1133, in _try_get_data\n    data = self._data_queue.get(timeout=timeout)\n'
                "RuntimeError: DataLoader worker (pid 4242) %s\n\nThe above exception was the direct cause of the"
                ' following exception:\n\nTraceback (most recent call last):\n  File "train.py", line 120, in'
                " <module>\n    for batch in loader:\nRuntimeError: DataLoader worker (pid(s) 4242) exited"
                " unexpectedly\n" % end)
    for end in ("exited unexpectedly with exit code 1. Details are lost due to multiprocessing. Rerunning with"
                " num_workers=0 may give better error trace.", "is killed by signal: Segmentation fault. "):
        assert "dataloader-worker-died" not in [e.id for e in explained(log(end))]
    for end in ("is killed by signal: Killed. ", "is killed by signal: Bus error. "):
        assert [e.id for e in explained(log(end))] == ["dataloader-worker-died"]


def test_poetrys_unsupported_python_is_harmless_when_it_goes_on_with_another():
    warning = ("$ poetry install\nThe currently activated Python version 3.12.1 is not supported by the project"
               " (>=3.10,<3.12).\nTrying to find and use a compatible version. \n")
    assert [e.id for e in explained(warning + "Using python3.10 (3.10.13)\nInstalling dependencies from lock file\n")] == []
    assert [e.id for e in explained(warning + "\nPoetry was unable to find a compatible version. If you have one, you can"
                                    ' explicitly use it via the "env use" command.\n')] == ["python-version-unsupported"]


@pytest.mark.parametrize("notice", ["2024-06-06 17:25:06,816 - modelscope - INFO - no GPU found, use CPU instead",
                                    "2024-06-06 17:25:06.816 | INFO     | tools.gpu:pick:12 - no GPU found, use CPU instead",
                                    "2024-06-06 17:25:06,816 - WARNING - no GPU found, use CPU instead"])
def test_a_dated_logger_line_beside_a_printed_error_is_the_programs_output(notice):
    error = ('Traceback (most recent call last):\n  File "D:\\ChatTTS\\webui.py", line 9, in <module>\n'
             '    x = speakers["spk"]\nKeyError: \'spk\'\n')
    assert [e.id for e in explained(notice + "\n" + error)] == ["program-error"]
    assert [e.id for e in explained(notice + "\n")] == ["symptom-no-gpu"]


def test_a_missing_torch_on_a_mac_is_not_sent_to_a_cuda_index():
    (found,) = explained('Traceback (most recent call last):\n  File "/Users/me/ChatTTS/webui.py", line 3, in <module>\n'
                         "    import torch\nModuleNotFoundError: No module named 'torch'\n")
    assert found.id == "python-module-missing" and "torch_from_pytorch" not in [key for key, _ in found.notes]


def test_cuda_only_code_beside_an_nvidia_card_and_a_cpu_torch_is_told_to_install_the_cuda_build():
    """The program chose cpu because its torch (+cpu) cannot use the card: not a machine without NVIDIA."""
    log = ("torch version: 2.5.1+cpu\nGPU: NVIDIA GeForce RTX 3060\nTraceback (most recent call last):\n"
           '  File "D:\\app\\infer.py", line 20, in <module>\n    model = model.cuda(device)\n'
           "RuntimeError: Invalid device, must be cuda device\n")
    (found,) = explained(log)
    assert found.id == "cuda-only-code"
    assert [key for key, _ in found.notes] == ["cpu_torch_nvidia_card", "cpu_build_shown"]
    assert "torch itself is fine" not in explain.meaning(found, "en")
    (mac,) = explained("ValueError: Expected a cuda device, but got: mps\n")
    assert mac.id == "cuda-only-code" and mac.notes == []


def test_a_pynini_that_cosyvoices_text_normalizer_needs_is_not_told_optional_as_chattts_nemo():
    log = ('Traceback (most recent call last):\n  File "D:\\CosyVoice\\cosyvoice\\cli\\frontend.py", line 33, in <module>\n'
           "    from tn.chinese.normalizer import Normalizer as ZhNormalizer\n"
           '  File "D:\\CosyVoice\\venv\\lib\\site-packages\\tn\\processor.py", line 15, in <module>\n'
           "    from pynini import cdrewrite\nModuleNotFoundError: No module named 'pynini'\n")
    (found,) = explained(log)
    assert found.id == "python-module-missing" and "optional_text_normalizer" not in [key for key, _ in found.notes]
    (nemo,) = explained("Package nemo_text_processing not found!\nNo module named 'pynini'\n")
    assert "optional_text_normalizer" in [key for key, _ in nemo.notes]


def test_a_loss_of_nan_the_program_logs_beside_an_unknown_error_is_still_read():
    log = ("INFO:44k:Losses: [nan, nan, 45.1, 20.3], step: 400\n"
           'Traceback (most recent call last):\n  File "D:\\svc\\train.py", line 9, in <module>\n'
           "    x = speakers['spk']\nKeyError: 'spk'\n")
    assert [e.id for e in explained(log)] == ["symptom-nan"]


def test_an_rvc_training_run_out_of_memory_in_its_shared_model_code_is_training():
    log = ("Extremely low speed in Train (RVC1006Nvidia)\n"
           '  File "P:\\RVC1006Nvidia\\infer\\lib\\infer_pack\\models.py", line 592, in forward\n'
           '  File "P:\\RVC1006Nvidia\\infer\\lib\\infer_pack\\modules.py", line 334, in forward\n'
           "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 4.00 GiB total capacity;"
           " 3.37 GiB already allocated; 0 bytes free; 3.40 GiB reserved in total by PyTorch)\n")
    (found,) = explained(log)
    assert found.id == "cuda-out-of-memory" and "training" in explain.meaning(found, "en")


def test_out_of_memory_on_a_later_card_does_not_name_the_first_card_of_the_post():
    log = ("training on several gpus: rtx3070 8gb, quadro m2000 4gb\n"
           "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU {gpu}; 4.00 GiB total"
           " capacity; 3.21 GiB already allocated; 0 bytes free)\n")
    (later,) = explained(log.format(gpu=2))
    assert "rtx3070" not in explain.meaning(later, "en").lower() and "4 GB" in explain.meaning(later, "en")
    (first,) = explained(log.format(gpu=0))
    assert "rtx3070" in explain.meaning(first, "en").lower()


def test_a_bare_assertion_in_gpt_sovits_data_loader_is_the_unformatted_dataset():
    log = ('Traceback (most recent call last):\n  File "E:\\GPT-SoVITS\\GPT_SoVITS\\s2_train.py", line 85, in run\n'
           '    train_dataset = TextAudioSpeakerLoader(hps.data)\n'
           '  File "E:\\GPT-SoVITS\\GPT_SoVITS\\module\\data_utils.py", line 35, in __init__\n'
           "    assert os.path.exists(self.path2)\nAssertionError\n")
    (found,) = explained(log)
    assert found.id == "gsv-dataset-not-formatted" and "一键三连" in explain.manual(found, "zh")
    other = log.replace("GPT_SoVITS\\module\\data_utils.py", "so-vits-svc\\data_utils.py")
    assert "gsv-dataset-not-formatted" not in [e.id for e in explained(other)]


def test_a_macs_home_folder_in_an_unknown_errors_path_is_not_read_as_the_mac_symptom():
    log = ('Traceback (most recent call last):\n  File "/Users/ann/tts/app.py", line 41, in <module>\n    main()\n'
           "ValueError: cannot read /Users/ann/tts/voices/ref.wav\n")
    assert explained(log) == []


def test_chatttss_unloaded_models_before_its_bare_assertion_are_the_failed_download():
    log = ("download to local path D:\\tts failed.\nWARNING:ChatTTS.core:vocos not initialized.\n"
           "WARNING:ChatTTS.core:gpt not initialized.\nTraceback (most recent call last):\n"
           '  File "D:\\tts\\hello.py", line 10, in <module>\n    wavs = chat.infer(texts)\n'
           '  File "D:\\env\\Lib\\site-packages\\ChatTTS\\core.py", line 360, in _infer\n'
           "    assert self.has_loaded(use_decoder=use_decoder)\nAssertionError\n")
    assert [e.id for e in explained(log)] == ["chattts-models-not-loaded"]
    assert "custom_path" in explain.manual(explained(log)[0], "en")


def test_no_kernel_image_in_a_vllm_program_asks_for_vllms_build_not_torchs():
    log = ("我的 RTX 5090 跑不了\nRuntimeError: CUDA error: no kernel image is available for execution on the device\n")
    (plain,) = explained(log)
    (vllm,) = explained("用 vllm 推理\n" + log)
    assert "vLLM" not in explain.manual(plain, "en") and "vLLM" in explain.manual(vllm, "en")
    assert ("new_card_torch" in [key for key, _ in plain.notes]) and not vllm.notes


def test_a_discriminator_checkpoint_loaded_alone_is_named_but_not_in_a_training_run():
    keys = "".join("INFO:root:flow.flows.%d.post.weight is not in the checkpoint\n" % i for i in range(3))
    (alone,) = explained(keys + "INFO:root:Loaded checkpoint 'logs/44k/D_3000.pth' (iteration 751)\n")
    assert ("discriminator_loaded", {"file": "D_3000.pth"}) in alone.notes
    (training,) = explained("INFO:root:Loaded checkpoint 'logs/44k/G_3000.pth' (iteration 751)\n" + keys
                            + "INFO:root:Loaded checkpoint 'logs/44k/D_3000.pth' (iteration 751)\n")
    assert not training.notes


def test_the_reducer_notice_stands_in_only_when_nothing_else_is_found():
    notice = "INFO:torch.nn.parallel.distributed:Reducer buckets have been rebuilt in this iteration.\n"
    assert [e.id for e in explained("Training gets stuck here:\n" + notice)] == ["training-reducer-notice"]
    oom = "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n"
    assert [e.id for e in explained(notice + oom)] == ["cuda-out-of-memory"]


def test_a_mac_named_alone_is_not_a_symptom_but_the_machine_of_one_told():
    post = "Error when running the official example\nmy MacBook Air, macOS 14\n![image](screenshot.png)\n"
    assert explained(post) == []
    (found,) = explained(post.replace("Error when running the official example", "It is very slow"))
    assert found.id == "symptom-mac" and found.assumed == "very slow"


def test_rvcs_empty_index_input_points_at_the_feature_extraction_step():
    index = "Failed to train index: need at least one array to concatenate\n"
    (rvc,) = explained(index)
    assert ("rvc_index_no_features", {}) in rvc.notes and "3_feature768" in explain.notes(rvc, "en")[0]
    (svc,) = explained('  File "/svc/preprocess_hubert_f0.py", line 80, in <module>\n'
                       "ValueError: need at least one array to concatenate\n")
    assert ("rvc_index_no_features", {}) not in svc.notes


def test_a_module_or_package_standing_in_for_the_programs_own_folder_is_named():
    (single,) = explained("Traceback (most recent call last):\n"
                          '  File "E:\\vc\\gui.py", line 21, in <module>\n    from modules.commons import *\n'
                          "ModuleNotFoundError: No module named 'modules.commons'; 'modules' is not a package\n")
    assert ("not_a_package", {"package": "modules"}) in single.notes
    frames = ('  File "D:\\vc\\app.py", line 5, in <module>\n    from modules.commons import build_model\n'
              '  File "D:\\conda\\envs\\other\\lib\\site-packages\\xpose-1.0-py3.10.egg\\modules\\__init__.py", line 9,'
              " in <module>\n    from .attn import Attn\n")
    (shadowed,) = explained("Traceback (most recent call last):\n" + frames + "ModuleNotFoundError: No module named 'src.utils'\n")
    assert [key for key, _ in shadowed.notes] == ["shadowed_by_package"]
    assert shadowed.notes[0][1]["path"].endswith("xpose-1.0-py3.10.egg\\modules")
    # a library imported from site-packages is where it belongs; so is the program's own folder
    for caller, path in (("import torch", "D:\\env\\lib\\site-packages\\torch\\__init__.py"),
                         ("from modules.commons import x", "D:\\vc\\modules\\__init__.py")):
        log = ("Traceback (most recent call last):\n" + '  File "D:\\vc\\app.py", line 5, in <module>\n    %s\n' % caller
               + '  File "%s", line 9, in <module>\n    from .c import C\n' % path
               + "ModuleNotFoundError: No module named 'src.utils'\n")
        (found,) = explained(log)
        assert found.notes == []


def test_out_of_vram_told_in_words_is_the_cards_memory():
    (found,) = explained("Out of GPU VRAM when launching it\nrtx 2060 super 8gb\n")
    assert found.id == "cuda-out-of-memory"


def test_out_of_memory_where_vllm_is_involved_names_its_memory_share():
    (found,) = explained("vllm 推理，4090 24G显存耗尽\n")
    assert found.id == "symptom-cuda-out-of-memory" or found.id == "cuda-out-of-memory"
    assert ("vllm_reserves_memory", {}) in found.notes
    (plain,) = explained("4090 24G显存耗尽\n")
    assert ("vllm_reserves_memory", {}) not in plain.notes


def test_deepspeeds_cpu_accelerator_line_reads_as_no_gpu():
    (found,) = explained("Setting accelerator to CPU. If you have GPU or other accelerator, we were unable to detect it.\n")
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post, symptom", [
    ("I want to infer with a CPU, because my GPU gives cuda errors, so that RVC does not detect the GPU?\n", "cpu-wanted"),
    ("显卡报错，想用CPU推理，怎么让它识别不到显卡\n", "cpu-wanted"),
    # the GPU not detected, and no wish for the CPU
    ("RVC does not detect the GPU, it runs on the CPU\n", "no-gpu"),
])
def test_a_wish_for_the_cpu_beside_a_gpu_not_detected_is_the_cpu_wanted(post, symptom):
    (found,) = explained(post)
    assert found.id == "symptom-" + symptom


@pytest.mark.parametrize("post", [
    "Runs on CPU and not GPU\nThis runs on the CPU, not the GPU, so it's pretty slow.\n",
    "Takes hours; CPU high, GPU idle. How do I get it to utilize my GPU instead? I have a 3070 Ti\n",
])
def test_a_program_on_the_cpu_instead_of_the_gpu_told_in_words_is_the_gpu_not_used(post):
    (found,) = explained(post)
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post, found_id", [
    ("Feature extraction crashes when loading the HuBERT model checkpoint on PyTorch 2.6+ with a"
     " `_pickle.UnpicklingError`.\n", "torch-weights-only"),
    ("_pickle.UnpicklingError since I moved to torch 2.6\n", "torch-weights-only"),
    # a version and a load without the refusal: nothing to go on
    ("loading the model takes long on torch 2.5\n", None),
])
def test_torch_26s_refusal_told_either_way_round(post, found_id):
    assert [e.id for e in explained(post)] == ([found_id] if found_id else [])


def test_a_cublas_failure_in_training_asks_for_a_smaller_batch_first():
    failure = "RuntimeError: CUDA error: CUBLAS_STATUS_EXECUTION_FAILED when calling `cublasSgemm( handle)`\n"
    (train,) = explained('Traceback (most recent call last):\n  File "D:\\mb\\synthesizer\\train.py", line 201, in train\n'
                         "    loss.backward()\n" + failure)
    assert ("library_failure_training", {}) in train.notes
    (infer,) = explained('Traceback (most recent call last):\n  File "D:\\mb\\inference.py", line 20, in infer\n'
                         "    out = model(x)\n" + failure)
    assert ("library_failure_training", {}) not in infer.notes


@pytest.mark.parametrize("post", [
    "GPU not detected, reverting to CPU (not recommended)\n",
    "the RVC inference is running on cpu despite having a 4090 gpu available\n",
    "无法利用 NVIDIA GeForce GTX 1660 Ti 6GB，切到cpu去了\n",
    "总觉得显卡没有用上\n",
    "windows下运行webui成功了，但是加载cuda会报错，只能用cpu推理\n",
])
def test_a_gpu_left_unused_told_in_words_is_not_a_wish_for_the_cpu(post):
    (found,) = explained(post)
    assert found.id == "symptom-no-gpu"


def test_a_discriminator_loaded_first_by_a_resumed_training_run_is_not_named_for_inference():
    # RVC's and GPT-SoVITS's training resume their D_ checkpoint before their G_ ("loaded D" between): a log that
    # stops before the G_ is loaded is a training run all the same
    keys = "".join("INFO:mi-test:discriminators.%d.convs.0.weight is not in the checkpoint\n" % i for i in range(3))
    log = ("INFO:mi-test:{'train': {'log_interval': 200, 'seed': 1234, 'epochs': 20000}}\n" + keys
           + "INFO:mi-test:Loaded checkpoint 'logs/mi-test/D_2333333.pth' (epoch 12)\nINFO:mi-test:loaded D\n")
    (found,) = explained(log)
    assert found.id == "checkpoint-keys-mismatch" and "discriminator_loaded" not in [key for key, _ in found.notes]


def test_applios_empty_index_input_is_not_told_rvcs_feature_folders():
    # Applio keeps its features in logs/<model>/extracted and has no step 2b nor extract_f0_feature.log
    (found,) = explained("Applio: it fails when I train the index\n"
                         "An error occurred extracting the index: need at least one array to concatenate\n")
    assert ("rvc_index_no_features", {}) not in found.notes


def test_pyopenjtalks_mecab_error_retyped_with_mecabs_own_spelling_is_found():
    assert [e.id for e in explained("RuntimeError: Failed to initialize MeCab\n")] == ["openjtalk-mecab-init"]


@pytest.mark.parametrize("post", ["Inference takes 5 min for one sentence on my 3060\n",
                                  "inference took about 1 hour for a short text\n"])
def test_minutes_or_an_hour_for_one_inference_read_as_slow(post):
    (found,) = explained(post)
    assert found.id == "symptom-slow"


def test_a_programs_cuda_or_mps_not_detected_notice_reads_as_no_gpu_not_as_a_mac():
    assert [e.id for e in explained("Cuda or MPS not detected, using CPU\n")] == ["symptom-no-gpu"]


def test_no_kernel_image_beside_a_vllm_that_is_not_installed_is_not_vllms():
    log = ("WARNING: No module named 'vllm', vllm acceleration disabled\n"
           "RuntimeError: CUDA error: no kernel image is available for execution on the device\n")
    (found,) = explained(log)
    assert found.manual_key != "vllm_no_kernel" and "vLLM" not in explain.manual(found, "en")


def test_the_driver_too_old_on_an_amd_card_runs_the_step_on_the_cpu():
    log = ("RuntimeError: CUDA failed with error CUDA driver version is insufficient for CUDA runtime version\n"
           "GPU: Radeon RX 580 Series\n")
    (found,) = explained(log)
    assert found.manual_key == "amd_driver_library" and "nvidia.driver" not in found.settings
    (nvidia,) = explained(log.replace("Radeon RX 580 Series", "GeForce GTX 1060"))
    assert nvidia.manual_key == ""


def test_out_of_memory_with_the_card_mostly_free_is_not_the_jobs_size():
    oom = ("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.74 GiB (GPU 0; 23.99 GiB total capacity;"
           " 680.75 MiB already allocated; {free} GiB free; 832.00 MiB reserved in total by PyTorch)\n")
    (room,) = explained(oom.format(free="21.56"))
    assert ("oom_with_room", {"free": "21.56", "tried": "4.74 GiB"}) in room.notes
    (full,) = explained(oom.format(free="1.20"))
    assert "oom_with_room" not in [key for key, _ in full.notes]


def test_a_torch_installed_without_gpu_support_told_in_words_is_no_gpu():
    (found,) = explained("Torch installed without gpu support\nGPU: RTX4060 mobile\n")
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post", [
    "It is NOT running on cpu despite the warning, nvidia-smi shows the 3060 busy. The output is robotic though.\n",
    "It isn't running on the cpu, even though the console says so\n",
])
def test_a_program_said_not_to_run_on_the_cpu_is_not_the_gpu_unused(post):
    assert "symptom-no-gpu" not in [e.id for e in explained(post)]


@pytest.mark.parametrize("post", [
    "I don't want to use the CPU, but it says cuda not available\n",
    "I do not want to run it on cpu. torch.cuda.is_available() returns False\n",
    "I want to use GPU not CPU but torch.cuda.is_available() returns False\n",
    "I want the GPU, not force the CPU. GPU not detected.\n",
    "不想用cpu，但是显示 no gpu found\n",
    "不要强制cpu，可是显卡没有用上\n",
])
def test_a_cpu_wish_said_the_other_way_round_leaves_the_gpu_not_used(post):
    (found,) = explained(post)
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post", ["怎么切换到cpu推理\n", "我想切到cpu跑，怎么改\n"])
def test_asking_how_to_switch_to_the_cpu_is_the_cpu_wanted(post):
    (found,) = explained(post)
    assert found.id == "symptom-cpu-wanted"


def test_a_cpu_wish_read_on_a_long_line_of_spaces_stays_linear(assert_no_backtracking_hang):
    assert_no_backtracking_hang(explain._CPU_WISH_WORDS, "want to run" + " " * 60_000 + "x", expect_match=False)


def test_out_of_memory_with_the_room_in_torchs_newer_wording_or_barely_more_free():
    (newer,) = explained("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.74 GiB. GPU 0 has a total capacity"
                         " of 23.99 GiB of which 21.56 GiB is free. Including non-PyTorch memory, this process has 1.2 GiB"
                         " memory in use.\n")
    assert ("oom_with_room", {"free": "21.56", "tried": "4.74 GiB"}) in newer.notes
    # a little more free than asked: the allocator's rounding, another allocation at the same moment; the batch may
    # well be what is too large
    (close,) = explained("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 980.00 MiB (GPU 0; 8.00 GiB"
                         " total capacity; 5.80 GiB already allocated; 1.02 GiB free; 6.10 GiB reserved in total by"
                         " PyTorch)\n")
    assert "oom_with_room" not in [key for key, _ in close.notes]


def test_a_package_standing_in_for_the_programs_folder_named_in_the_import_error_itself():
    (found,) = explained("Traceback (most recent call last):\n"
                         '  File "D:\\seed-vc\\app.py", line 5, in <module>\n    from modules.commons import build_model\n'
                         "ImportError: cannot import name 'build_model' from 'modules.commons'"
                         " (D:\\seed-vc\\venv\\lib\\site-packages\\modules\\commons.py)\n")
    assert ("shadowed_by_package", {"package": "modules", "path": "D:\\seed-vc\\venv\\lib\\site-packages\\modules"}) \
        in found.notes


def test_a_single_module_standing_in_for_the_programs_folder_is_named_with_its_file():
    (found,) = explained("Traceback (most recent call last):\n"
                         '  File "/home/u/vits/infer.py", line 5, in <module>\n    import text\n'
                         '  File "/home/u/conda/lib/python3.10/site-packages/text.py", line 3, in <module>\n'
                         "    import fancy\nModuleNotFoundError: No module named 'fancy'\n")
    assert ("shadowed_by_package", {"package": "text", "path": "/home/u/conda/lib/python3.10/site-packages/text.py"}) \
        in found.notes


@pytest.mark.parametrize("post, found_id", [
    # the card's memory filled as it works is no error: the slowness, the GPU idle, are what is told
    ("推理的时候显存被占满，速度很慢\n", "symptom-slow"),
    ("显存占满了，但是GPU利用率为0%\n", "symptom-no-gpu"),
    ("显存被占满，然后就报错了\n", "cuda-out-of-memory"),
])
def test_the_cards_memory_full_is_out_of_memory_only_beside_a_failure(post, found_id):
    assert [e.id for e in explained(post)] == [found_id]


@pytest.mark.parametrize("post, found_id", [
    ("Loading the model on torch 2.6 is very slow\n", "symptom-slow"),
    ("It crashes when loading the HuBERT model checkpoint on PyTorch 2.6\n", "torch-weights-only"),
    ("loading the model on torch 2.6 fails\n", "torch-weights-only"),
])
def test_a_load_on_torch_26_told_after_the_load_is_its_refusal_only_beside_a_failure(post, found_id):
    assert [e.id for e in explained(post)] == [found_id]


@pytest.mark.parametrize("card, status", [
    # an RTX 40xx beside a torch for CUDA 11.7: cuFFT of that build has no code for the card, whatever the batch
    ("NVIDIA GeForce RTX 4090, torch 1.13.1+cu117\n", "cuFFT error: CUFFT_INTERNAL_ERROR"),
    # bfloat16 on a card without it: not the memory
    ("", "CUDA error: CUBLAS_STATUS_NOT_SUPPORTED when calling `cublasGemmStridedBatchedExFix(handle, CUDA_R_16BF)`"),
])
def test_a_library_failure_in_training_that_is_not_the_memorys_asks_for_no_smaller_batch(card, status):
    (found,) = explained(card + 'Traceback (most recent call last):\n  File "D:\\svc\\train.py", line 201, in train\n'
                         "    loss.backward()\nRuntimeError: " + status + "\n")
    assert found.id == "cuda-library-failure" and ("library_failure_training", {}) not in found.notes


@pytest.mark.parametrize("machine", [
    # a Ryzen's built-in Radeon: such a laptop has an NVIDIA card more often than not, whose driver may well be old
    "CPU: AMD Ryzen 7 5800H with Radeon Graphics\n",
    "My laptop has AMD Radeon graphics and an NVIDIA card\n",
])
def test_the_driver_too_old_beside_a_ryzens_built_in_graphics_is_still_the_nvidia_driver(machine):
    (found,) = explained(machine + "RuntimeError: CUDA failed with error CUDA driver version is insufficient for CUDA"
                                   " runtime version\n")
    assert found.manual_key != "amd_driver_library" and "nvidia.driver" in found.settings


@pytest.mark.parametrize("words", ["After about half an hour of training", "Training Q&amp;A:"])
def test_half_an_hour_or_an_html_ampersand_is_no_half_precision_beside_a_nan_in_training(words):
    (found,) = explained(words + " the loss turns to nan\n"
                         '  File "D:\\so-vits-svc\\train.py", line 201, in train_and_evaluate\n')
    assert found.id == "symptom-nan" and found.manual_key == "nan_training"


@pytest.mark.parametrize("notice", ["vLLM is not installed, falling back to transformers\n",
                                    "WARNING: vllm not available, using the standard inference\n"])
def test_out_of_memory_beside_a_vllm_said_not_installed_is_not_vllms_share(notice):
    (found,) = explained(notice + "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n")
    assert found.id == "cuda-out-of-memory" and ("vllm_reserves_memory", {}) not in found.notes


@pytest.mark.parametrize("oom", [
    "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.99 GiB total capacity; 3.10 GiB"
    " already allocated; 20.10 GiB free; 4.00 GiB allowed; 3.20 GiB reserved in total by PyTorch)\n",
    "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 23.99 GiB of"
    " which 20.10 GiB is free. Including non-PyTorch memory, this process has 3.80 GiB memory in use. 4.00 GiB allowed;"
    " Of the allocated memory 3.10 GiB is allocated by PyTorch\n",
])
def test_out_of_memory_under_a_memory_fraction_is_not_a_card_with_room(oom):
    # the program capped torch's share of the card (set_per_process_memory_fraction): the cap is what ran out
    (found,) = explained(oom)
    assert "oom_with_room" not in [key for key, _ in found.notes]


@pytest.mark.parametrize("post", ["运行时自动切换成cpu了\n", "它自动切换成了cpu\n"])
def test_a_program_switched_to_the_cpu_told_with_huancheng_is_the_gpu_not_used(post):
    (found,) = explained(post)
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post", ["I managed to get it to use my GPU, but the voice sounds robotic now\n",
                                  "I was finally able to get it to use the GPU. Next problem: the web UI will not open\n"])
def test_a_gpu_the_post_got_used_is_not_the_gpu_unused(post):
    assert "symptom-no-gpu" not in [e.id for e in explained(post)]


def test_forcing_the_gpu_over_the_cpu_is_no_wish_for_the_cpu():
    (found,) = explained("I tried to force GPU over CPU but it says cuda not available\n")
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post", ["No GPU detected, using CPU\n", "GPU was not detected\n", "my gpu wasn't detected\n",
                                  "No NVIDIA GPU detected\n"])
def test_a_gpu_not_detected_in_its_other_common_shapes_is_the_gpu_not_used(post):
    (found,) = explained(post)
    assert found.id == "symptom-no-gpu"


@pytest.mark.parametrize("post", ["not enough VRAM to train on my 1650\n", "Insufficient VRAM when I convert a song\n",
                                  "训练时 VRAM不足\n", "it runs out of video memory\n"])
def test_the_cards_memory_too_small_told_in_words_is_out_of_memory(post):
    (found,) = explained(post)
    assert found.id in ("cuda-out-of-memory", "symptom-cuda-out-of-memory")


@pytest.mark.parametrize("post", [
    "training falls back\n>>> import torch\n>>> print(torch.cuda.is_available())\nFalse\n",
    '训练的问题\n> python -c "import torch; print(torch.cuda.is_available(), torch.version.cuda)"\nFalse None\n',
])
def test_is_available_printing_false_on_the_line_under_it_is_no_gpu(post):
    (found,) = explained(post)
    assert found.id == "symptom-no-gpu"


def test_is_available_printing_true_is_no_symptom():
    assert explained(">>> print(torch.cuda.is_available())\nTrue\n") == []


@pytest.mark.parametrize("post, found_id", [
    ("没有显存泄露，但是推理很慢\n", "symptom-slow"),
    ("训练时没有爆显存，也不报错，就是没有声音\n", "symptom-silent-audio"),
    ("训练一会儿就爆显存了\n", "cuda-out-of-memory"),
])
def test_out_of_memory_told_as_not_happening_is_not_read_as_it(post, found_id):
    assert [e.id for e in explained(post)] == [found_id]


def test_out_of_memory_at_a_batch_of_one_on_windows_names_the_drivers_sysmem_fallback():
    oom = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n"
    (windows,) = explained('File "C:\\alltalk\\finetune.py", line 3\nbatch size is already 1\n' + oom)
    assert ("sysmem_fallback", {}) in windows.notes
    (larger,) = explained('File "C:\\alltalk\\finetune.py", line 3\nbatch size 16\n' + oom)
    assert ("sysmem_fallback", {}) not in larger.notes
    (sixteen,) = explained("-32 epoch, 16 batch size, 1 grad acc steps\n" + oom)
    assert ("sysmem_fallback", {}) not in sixteen.notes
    (one,) = explained("CUDA out of memory on any batch size, even on batch size 1\n" + oom)
    assert ("sysmem_fallback", {}) in one.notes
    (linux,) = explained('File "/home/u/alltalk/finetune.py", line 3\nbatch_size=1\n' + oom)
    assert ("sysmem_fallback", {}) not in linux.notes


def test_a_false_alarm_under_is_available_is_no_answer_of_it():
    assert explained(">>> print(torch.cuda.is_available())\nFalse alarm, it prints True now\n") == []


# Shapes of posts from VITS's descendants and the TTS programs that share their libraries (own reproductions).
@pytest.mark.parametrize("post, found_id, fix_words", [
    # told in a sentence after the build looked fine; and the build's own complaint on Linux
    ("在 monotonic_align 目录下运行了 python setup.py build_ext --inplace，然后训练时出现：No module named"
     " 'monotonic_align.monotonic_align'\n", "vits-monotonic-align-not-built", "mkdir monotonic_align"),
    ("running build_ext\nerror: could not create 'monotonic_align/core.cpython-38-x86_64-linux-gnu.so':"
     " No such file or directory\n", "vits-monotonic-align-not-built", "build_ext --inplace"),
    ('  File "C:\\tts\\venv\\lib\\site-packages\\transformers\\tokenization_utils_fast.py", line 115, in __init__\n'
     "    fast_tokenizer = TokenizerFast.from_file(fast_tokenizer_file)\n"
     "Exception: data did not match any variant of untagged enum PyPreTokenizerTypeWrapper at line 69 column 3\n",
     "tokenizers-too-old", "tokenizers"),
    ("  > Text splitted to sentences.\nAttributeError: 'GPT2InferenceModel' object has no attribute 'generate'\n",
     "transformers-api-removed", "transformers<4.50"),
    ("docker compose up, then generating:\nRuntimeError: Failed to find C compiler. Please specify via CC environment"
     " variable or set triton.knobs.build.impl.\n", "triton-no-c-compiler", "build-essential"),
])
def test_errors_of_the_programs_libraries_name_the_library_and_its_fix(post, found_id, fix_words):
    (found,) = explained(post)
    assert found.id == found_id and not found.assumed
    assert fix_words in explain.manual(found, "en") and fix_words in explain.manual(found, "zh")


def test_a_monotonic_align_built_into_the_wrong_folder_is_told_where_the_import_looks():
    # VITS imports .monotonic_align.core, some descendants .core: the manual names both places
    (found,) = explained("ModuleNotFoundError: No module named 'monotonic_align.core'\n")
    assert found.id == "vits-monotonic-align-not-built"
    for lang in ("en", "zh"):
        assert "monotonic_align\\monotonic_align" in explain.manual(found, lang)
        assert "No module named 'monotonic_align.core'" in explain.manual(found, lang)


def test_a_compile_notice_beside_a_named_card_is_the_answer_not_the_card():
    post = ("Softmax warning on RTX 5070 Ti, torch 2.7.1+cu126\n"
            "  0%|          | 0/7600 [00:00<?, ?it/s]C:\\app\\venv\\Lib\\site-packages\\torch\\_inductor\\lowering.py:7007:"
            " UserWarning:\nOnline softmax is disabled on the fly since Inductor decides to\nsplit the reduction.\n")
    assert [e.id for e in explained(post)] == ["inductor-online-softmax-notice"]
    # the card alone, with nothing printed, is still read as the likely cause
    assert [e.id for e in explained("Nothing works on my RTX 5070 Ti with torch 2.7.1+cu126\n")] == ["cuda-no-kernel-image"]


@pytest.mark.parametrize("post, found_id", [
    ("更新到新版本后提示No module named 'tn'，pynini 已经装了\n", "python-module-missing"),
    ("when I start it, it says No module named 'librosa'\n", "python-module-missing"),
    ("running svc pre-resample it uses up all my RAM and then stops\n", "ram-out-of-memory"),
    ("训练时把batch调到很小，cpu还是爆炸，内存也不够\n", "ram-out-of-memory"),
    ("No GPU being used.\n\nEven though CUDA and torch are installed\n", "symptom-no-gpu"),
])
def test_what_posts_tell_in_a_sentence_is_read(post, found_id):
    assert [e.id for e in explained(post)] == [found_id]


@pytest.mark.parametrize("post, not_id", [
    # the card's memory as Windows' Task Manager names it is no RAM
    ("推理的时候专用GPU内存占满了，然后就卡住不动\n", "ram-out-of-memory"),
    ("训练时共享GPU内存满了\n", "ram-out-of-memory"),
    # a sentence that says the opposite
    ("Training is slow but it doesn't use up all my RAM, only 6 GB of 32.\n", "ram-out-of-memory"),
    # a question of when, not a card that does not work
    ("显卡不工作的时候风扇也会转吗\n", "symptom-no-gpu"),
])
def test_what_posts_tell_the_other_way_round_is_not_read(post, not_id):
    assert not_id not in [e.id for e in explained(post)]


def test_a_library_notice_of_a_missing_optional_module_is_still_no_error():
    assert explained("WARNING: xformers: No module named 'triton'\nINFO: loaded\n") == []
    assert explained("DEBUG: optional backend: No module named 'sox'\n") == []
    # a program's notice in Chinese words that it goes on without the module (the words of a post are read, these not)
    assert explained("警告：No module named 'xformers'，将使用默认的注意力实现\nRunning on local URL\n") == []
    assert explained("2024-05-01 12:00:00 | WARNING | 加载失败：No module named 'pyopenjtalk'\n") == []
    assert explained("加速不可用No module named 'onnxruntime'，使用torch推理\n") == []
    assert explained("Optional: flash_attn not installed (it says No module named 'flash_attn'), falling back\n") == []
    # the error's own line stays the error, whatever the logger's level
    assert [e.id for e in explained("| WARNING | ModuleNotFoundError: No module named 'pyworld'\n")] == [
        "python-module-missing"]


def test_the_notice_words_of_a_missing_module_are_read_in_bounded_time(assert_no_backtracking_hang):
    # a long line of a notice's words: read from the line's start, not tried at each of them
    notice = explain._harmless_regex(catalog.BY_ID["python-module-missing"].harmless[0][1])
    assert_no_backtracking_hang(notice, "警告" * 1_000_000 + "x", expect_match=False)


def test_wetextprocessings_module_names_pynini_first():
    (found,) = explained("ModuleNotFoundError: No module named 'tn'\n")
    assert ("wetext_pynini", {}) in found.notes
    assert "WeTextProcessing --no-deps" in " ".join(explain.notes(found, "zh"))


def test_the_command_typed_says_which_program_ran_more_than_the_folder():
    post = ("E:\\so-vits-svc-4.0\\my voice>svc pre-resample\nPreprocessing: 100%|####| 36/36\n"
            "it uses up all my RAM and then errors out\n")
    (found,) = explained(post)
    assert found.project == "so-vits-svc-fork" and "svc pre-resample -n" in explain.manual(found, "en")
    assert explained("E:\\so-vits-svc-4.0>python inference_main.py\nCUDA out of memory\n")[0].project == "so-vits-svc"


def test_a_model_file_that_torch_cannot_map_is_read_as_a_damaged_file_not_the_missing_gpu():
    post = ("Starting...\nno GPU found, use CPU instead\nTraceback (most recent call last):\n"
            '  File "/srv/chattts-ui/ChatTTS/core.py", line 244, in _load\n'
            "    torch.load(vocos_ckpt_path, weights_only=True, mmap=True)\n"
            'RuntimeError: mmap can only be used with files saved with `torch.save(/srv/chattts-ui/asset/Vocos.pt,'
            " _use_new_zipfile_serialization=True), please torch.save your checkpoint with this option in order to use"
            " mmap.\n")
    assert [e.id for e in explained(post)] == ["model-file-corrupt"]


def test_a_cudnn_that_cannot_load_the_drivers_libcuda_is_told_about_the_driver_not_cudnn():
    (found,) = explained("On WSL2:\nCould not load library libcudnn_cnn_infer.so.8. Error: libcuda.so: cannot open shared"
                         " object file: No such file or directory\n")
    assert found.id == "cudnn-library-missing" and found.manual_key == "libcuda_missing"
    for lang in ("en", "zh"):
        assert "/usr/lib/wsl/lib" in explain.manual(found, lang) and "libcudnn_cnn_infer.so.8" in explain.manual(found, lang)
        # WSL mounts /usr/lib/wsl/lib read-only, and ldconfig's "is not a symbolic link" is only a warning: the fix is
        # the library path, not replacing the driver's files there
        assert "LD_LIBRARY_PATH=/usr/lib/wsl/lib" in explain.manual(found, lang) and "sudo rm" not in explain.manual(found, lang)
    (plain,) = explained("Could not load library libcudnn_cnn_infer.so.8. Error: libcudnn_cnn_infer.so.8: cannot open"
                         " shared object file: No such file or directory\n")
    assert plain.manual_key == ""


def test_gpt_sovits_training_that_dropped_every_clip_says_why_not_that_formatting_is_missing():
    traceback = ("skipped_phone:  212 , skipped_dur:  0\ntotal left:  0\nTraceback (most recent call last):\n"
                 '  File "D:\\GPT-SoVITS\\GPT_SoVITS\\s2_train.py", line 91, in run\n'
                 "    train_dataset = TextAudioSpeakerLoader(hps.data)\n"
                 '  File "D:\\GPT-SoVITS\\GPT_SoVITS\\module\\data_utils.py", line 105, in __init__\n'
                 "    assert len(audiopaths_sid_text_new) > 1  # 至少能凑够batch size，这里todo\nAssertionError\n")
    (found,) = explained(traceback)
    assert found.id == "gsv-dataset-all-skipped" and "skipped_phone" in explain.manual(found, "zh")
    missing = traceback.replace("    assert len(audiopaths_sid_text_new) > 1  # 至少能凑够batch size，这里todo",
                                "    assert os.path.exists(self.path2)").replace("line 105", "line 29")
    assert [e.id for e in explained(missing)] == ["gsv-dataset-not-formatted"]
    told = "训练时报了AssertionError，报在`assert len(audiopaths_sid_text_new) > 1`，标注是德语\n"
    assert [e.id for e in explained(told)] == ["gsv-dataset-all-skipped"]


def test_a_list_line_without_its_four_fields_is_read_only_where_a_dataset_step_raised_it():
    step = ('Traceback (most recent call last):\n  File "D:\\GPT-SoVITS\\GPT_SoVITS\\prepare_datasets\\1-get-text.py",'
            ' line 117, in <module>\n    wav_name, spk_name, language, text = line.split("|")\n'
            "ValueError: not enough values to unpack (expected 4, got 1)\n")
    assert [e.id for e in explained(step)] == ["gsv-dataset-list-fields"]
    told = "一键三连的时候会报ValueError: not enough values to unpack (expected 4, got 1)\n"
    assert [e.id for e in explained(told)] == ["gsv-dataset-list-fields"]
    # a tensor's shape in model code, and the bare message with nothing around it
    model = ('Traceback (most recent call last):\n  File "D:\\app\\models\\unet.py", line 40, in forward\n'
             "    b, c, h, w = x.shape\nValueError: not enough values to unpack (expected 4, got 3)\n")
    assert "gsv-dataset-list-fields" not in [e.id for e in explained(model)]
    # Python before 3.12 words too many fields without the count: nothing is left unfilled
    (many,) = explained(step.replace("not enough values to unpack (expected 4, got 1)",
                                     "too many values to unpack (expected 4)"))
    assert many.id == "gsv-dataset-list-fields" and "{" not in explain.meaning(many, "en") + explain.meaning(many, "zh")
    # ... also where the program's folder is named *webui (TTS-WebUI), and in another program's post of its dataset
    assert "gsv-dataset-list-fields" not in [e.id for e in explained(model.replace("D:\\app", "X:\\tts-webui"))]
    assert "gsv-dataset-list-fields" not in [e.id for e in explained(
        "Training my RVC model on a dataset of 20 minutes, then:\nValueError: too many values to unpack (expected 4)\n")]
    assert "gsv-dataset-list-fields" not in [e.id for e in explained("ValueError: not enough values to unpack"
                                                                     " (expected 4, got 3)\n")]


@pytest.mark.parametrize("post, found_id", [
    ("python3.10\n Building wheel for ctc-segmentation (setup.py) ... error\n  Building wheel for pyworld (PEP 517)"
     " ... error\n", "pip-build-failed"),
    ("[ONNXRuntimeError] : 3 : NO_SUCHFILE : Load model from E:\\tts\\data\\G2PWModel\\g2pW.onnx failed:Load model"
     " E:\\tts\\data\\G2PWModel\\g2pW.onnx failed. File doesn't exist\n", "model-file-missing"),
    # a retyped message that lost its closing quote
    ("FileNotFoundError: [Errno 2] No such file or directory: 'GPT_SoVITS/pretrained_models/s2G2333k.pth\n"
     "how do I download it?\n", "model-file-missing"),
    ("GPU不参与训练，CPU跑到100% GPU没进行运算\n", "symptom-no-gpu"),
    ("flow 用 fp16 生成的语音是无法播放的\n", "symptom-silent-audio"),
])
def test_more_shapes_posts_show(post, found_id):
    assert [e.id for e in explained(post)] == [found_id]


@pytest.mark.parametrize("post, found_id, note", [
    ("AttributeError: module 'torch' has no attribute 'xpu'\n", "python-package-version", "torch_too_old_for"),
    ('OSError: [WinError 126] 找不到指定的模块。 Error loading "C:\\py\\Lib\\site-packages\\torch\\lib\\fbgemm.dll"'
     " or one of its dependencies.\n", "windows-dll-load", "fbgemm_libomp_if_240"),
    ('torch 2.4.0+cu121\nOSError: [WinError 126] Error loading "C:\\py\\Lib\\site-packages\\torch\\lib\\fbgemm.dll"'
     " or one of its dependencies.\n", "windows-dll-load", "fbgemm_libomp"),
    ("FileNotFoundError: Could not find module 'C:\\Python310\\Lib\\site-packages\\torchaudio\\lib\\libtorchaudio.pyd'"
     " (or one of its dependencies). Try using the full path with constructor syntax.\n", "torch-packages-mismatch", None),
    ('  File "C:\\Users\\晓星\\.conda\\envs\\cv\\lib\\site-packages\\tn\\english\\rules\\decimal.py", line 24, in <module>\n'
     "    quantities = pynini.string_file(\n_pywrapfst.FstIOError: Read failed\n", "pynini-read-failed", None),
])
def test_torch_install_shapes_and_their_notes(post, found_id, note):
    (found,) = explained(post)
    assert found.id == found_id
    assert note is None or note in [key for key, _ in found.notes]


def test_torch_too_old_is_said_of_torch_itself_with_the_release_that_brought_the_name():
    (xpu,) = explained("AttributeError: module 'torch' has no attribute 'xpu'\n")
    # torch 2.3 has torch.xpu (transformers' is_torch_xpu_available fails on 2.2 and older only)
    assert "torch 2.3" in " ".join(explain.notes(xpu, "en")) and "torch 2.3" in " ".join(explain.notes(xpu, "zh"))
    for other in ("AttributeError: module 'torch.version' has no attribute 'xpu'\n",
                  "AttributeError: module 'torch._dynamo' has no attribute 'compiler'\n"):
        (found,) = explained(other)
        assert found.id == "python-package-version" and "torch_too_old_for" not in [key for key, _ in found.notes]


def test_the_fbgemm_note_is_for_torch_2_4_0_only():
    post = ('torch 2.5.1+cu121\nOSError: [WinError 126] Error loading "C:\\py\\Lib\\site-packages\\torch\\lib\\fbgemm.dll"'
            " or one of its dependencies.\n")
    (found,) = explained(post)
    assert found.id == "windows-dll-load" and not [key for key, _ in found.notes if key.startswith("fbgemm_libomp")]


@pytest.mark.parametrize("post, found_id, fix_words", [
    ('It says "ValueError: 40000 SR doesn\'t match target 48000 SR", I already switched to 48k\n',
     "dataset-sample-rate-mismatch", "40k"),
    ("training my RVC model:\nRuntimeError: The size of tensor a (28) must match the size of tensor b (33) at"
     " non-singleton dimension 2\n", "tensor-size-mismatch", "40k"),
])
def test_data_that_does_not_fit_the_training_config(post, found_id, fix_words):
    (found,) = explained(post)
    assert found.id == found_id
    assert fix_words in explain.manual(found, "en") and fix_words in explain.manual(found, "zh")


def test_a_warning_alone_is_told_as_a_warning_and_gives_way_to_anything_else():
    warning = ("C:\\py\\Lib\\site-packages\\torch\\nn\\utils\\weight_norm.py:143: FutureWarning:"
               " `torch.nn.utils.weight_norm` is deprecated in favor of `torch.nn.utils.parametrizations.weight_norm`.\n"
               "  WeightNorm.apply(module, name, dim)\n")
    up = "* Running on local URL:  http://0.0.0.0:7860\n"
    (alone,) = explained("python webui.py 后出现这个错误\n" + warning + up)
    assert alone.id == "python-warning-notice" and "Running on local URL" in explain.manual(alone, "zh")
    # a symptom told in words, and an error the catalog does not know, both come before a warning
    assert [e.id for e in explained(warning + "合成出来没有声音\n")] == ["symptom-silent-audio"]
    crash = ('Traceback (most recent call last):\n  File "D:\\tts\\webui.py", line 80, in synth\n'
             "    spk = speakers[name]\nKeyError: 'speaker_7'\n")
    assert [e.id for e in explained(warning + crash)] == [catalog.PROGRAM_ERROR.id]


def test_refinements_from_the_second_look():
    # a Windows package's own runtime: torch and torchaudio came as one set
    packaged = ("FileNotFoundError: Could not find module 'E:\\GPT-SoVITS-beta\\runtime\\Lib\\site-packages\\torchaudio"
                "\\lib\\libtorchaudio.pyd' (or one of its dependencies). Try using the full path with constructor syntax.\n")
    assert "torch-packages-mismatch" not in [e.id for e in explained(packaged)]
    # RAM told by how full it got is no out-of-memory of the RAM
    assert explained("The RAM fills up to 12 GB out of 16 and this error pops up\n") == []
    assert [e.id for e in explained("the RAM fills up and it crashes\n")] == ["ram-out-of-memory"]
    # a length of 512 beside another: BERT's limit, the text is too long
    (bert,) = explained("RuntimeError: The size of tensor a (1924) must match the size of tensor b (512) at"
                        " non-singleton dimension 1\n")
    assert ("text_over_512_tokens", {}) in bert.notes
    (other,) = explained("RuntimeError: The size of tensor a (28) must match the size of tensor b (33) at"
                         " non-singleton dimension 2\n")
    assert other.notes == []


def test_numba_asking_for_a_newer_numpy_is_numpy_too_old():
    # (numpy.dtype's "Expected 96 from C header, got 88" is numpy 1.x's dtype under numpy 2: numpy-abi-mismatch)
    (numba,) = explained("ImportError: Numba needs NumPy 1.22 or greater. Got NumPy 1.21.\n")
    assert numba.id == "numpy-too-old"
    (usual,) = explained("A module that was compiled using NumPy 1.x cannot be run in NumPy 2.1.3 as it may crash.\n")
    assert usual.id == "numpy-abi-mismatch" and "numpy<2" in explain.manual(usual, "en")


@pytest.mark.parametrize("post, key", [
    ("Ubuntu 22.04\n  Building wheel for pyworld (pyproject.toml) ... error\nERROR: Failed building wheel for pyworld\n",
     "pip_build_linux"),
    ("installing on google colab\n### Platform\nmac\nERROR: Failed building wheel for pyworld\n", "pip_build_linux"),
    ("Windows 11, D:\\AI\\RVC\nERROR: Failed building wheel for pyworld\n", ""),
    # Linux named from a Windows machine ("works on Linux, not here") is not the machine
    ("it works on Linux but here D:\\AI\\RVC fails\nERROR: Failed building wheel for pyworld\n", ""),
])
def test_a_failed_build_on_linux_gets_linux_build_tools(post, key):
    (found,) = explained(post)
    assert found.id == "pip-build-failed" and found.manual_key == key
    if key:
        assert "build-essential" in explain.manual(found, "en") and "build-essential" in explain.manual(found, "zh")


@pytest.mark.parametrize("post", [
    '为什么G2PWModel_1.1.zip下载不了，显示{"code":"AccessDenied","message":"Access Denied."}\n',
    'G2PWModel_1.1.zip的链接挂了\n\nhttps://example.invalid/g2p/G2PWModel_1.1.zip\n\n返回\n{\n  "code": "NoSuchKey",\n}\n',
])
def test_the_old_g2pw_download_server_is_named(post):
    (found,) = explained(post)
    assert found.id == "gsv-g2pw-download-gone" and "G2PWModel" in explain.manual(found, "zh")
    (gsv,) = explained("D:\\GPT-SoVITS\\go-webui.bat\n" + post)
    assert gsv.project == "gpt-sovits" and "GPT_SoVITS/text" in explain.manual(gsv, "zh")


def test_a_g2pw_model_named_without_the_servers_answer_is_no_download_error():
    assert "gsv-g2pw-download-gone" not in [e.id for e in explained("G2PWModel_1.1.zip 已经解压到 GPT_SoVITS/text 了\n")]


def test_a_module_of_the_program_that_lacks_a_name_points_at_a_shadowing_package():
    log = ('Traceback (most recent call last):\n  File "/root/GPT-SoVITS/GPT_SoVITS/prepare_datasets/3-get-semantic.py",'
           " line 42, in <module>\n    hps = utils.get_hparams_from_file(s2config_path)\n"
           "AttributeError: module 'utils' has no attribute 'get_hparams_from_file'\n")
    (found,) = explained(log)
    assert found.id == "python-package-version" and ("own_module_shadowed", {}) in found.notes
    assert "pip uninstall utils" in " ".join(explain.notes(found, "en"))
    # a library's name is no module of the program
    (library,) = explained(log.replace("'utils'", "'librosa'"))
    assert ("own_module_shadowed", {}) not in library.notes


def test_a_warning_heading_alone_is_a_warning_and_gives_way_to_the_message_below_it():
    # Python prints "path:line: UserWarning:" and, when the message starts with a newline, the message below it
    heading = "C:\\app\\venv\\Lib\\site-packages\\torch\\_inductor\\lowering.py:7007: UserWarning:"
    for ending in ("", " ", "\n"):
        (alone,) = explained(heading + ending)
        assert alone.id == "python-warning-notice" and alone.entry.regex.search(alone.message)
    below = explained(heading + "\nOnline softmax is disabled on the fly since Inductor decides to\n")
    assert [(e.id, e.line) for e in below] == [("inductor-online-softmax-notice", 2)]
    # an error line that ends the line above another entry's is not a heading: both are told
    told = explained("start.sh: line 22: hostname: command not found\n"
                     "docker: Error response from daemon: could not select device driver \"\" with capabilities: [[gpu]].\n")
    assert [e.id for e in told] == ["command-not-found", "docker-no-gpu-runtime"]


def test_a_module_missing_in_a_notebook_says_to_install_into_the_kernel_and_restart_it():
    cell = ("ModuleNotFoundError                       Traceback (most recent call last)\n"
            "Cell In[2], line 1\n----> 1 from TTS.api import TTS\n\nModuleNotFoundError: No module named 'TTS'\n")
    (found,) = explained(cell)
    assert found.id == "python-module-missing" and [key for key, _ in found.notes] == ["notebook_kernel"]
    assert "%pip install" in explain.notes(found, "en")[0] and "%pip install" in explain.notes(found, "zh")[0]
    # told by the install line of the cell, with Python's own traceback
    python = ('!pip install TTS\nTraceback (most recent call last):\n  File "/content/run.py", line 1, in <module>\n'
              "    from TTS.api import TTS\nModuleNotFoundError: No module named 'TTS'\n")
    assert [key for key, _ in explained(python)[0].notes] == ["notebook_kernel"]
    # not from a console
    console = python.replace("!pip install TTS\n", "pip install TTS\n")
    assert explained(console)[0].notes == []


def test_a_part_missing_from_the_programs_own_package_names_both_ways_it_happens():
    post = ('Traceback (most recent call last):\n  File "D:\\AI\\ChatTTS\\examples\\web\\funcs.py", line 12, in <module>\n'
            "    from ChatTTS.tools.audio import load_audio\nModuleNotFoundError: No module named 'ChatTTS.tools'\n")
    (found,) = explained(post)
    assert found.id == "program-module-missing"
    assert found.notes == [("own_package_shadowed", {"package": "ChatTTS", "part": "tools"})]
    for lang in ("en", "zh"):
        assert "pip uninstall ChatTTS" in explain.notes(found, lang)[0]
    # the whole package missing: nothing was found under that name, no note
    (whole,) = explained(post.replace("'ChatTTS.tools'", "'ChatTTS'"))
    assert whole.id == "program-module-missing" and whole.notes == []


def test_a_division_by_zero_while_training_points_at_an_empty_or_small_dataset():
    def crash(path, function):
        return ('Traceback (most recent call last):\n  File "%s", line 133, in %s\n'
                "    loss = total / len(items)\nZeroDivisionError: division by zero\n" % (path, function))
    (training,) = explained(crash("D:\\vr\\train.py", "train_epoch"))
    assert training.id == "program-error" and [key for key, _ in training.notes] == ["training_set_empty"]
    (inference,) = explained(crash("D:\\vr\\inference.py", "separate"))
    assert inference.id == "program-error" and inference.notes == []


@pytest.mark.parametrize("words, symptom", [
    ("My generation in the WebUI only gets generated by the CPU. I have a 3060 12gb card.\n", "symptom-no-gpu"),
    ("Inference is just done on the CPU, no load on my GPU at all\n", "symptom-no-gpu"),
    ("Training on the GPU works; only the slicing is done on the CPU, as expected.\n", None),
])
def test_generation_told_as_done_by_the_cpu_is_the_no_gpu_symptom(words, symptom):
    assert [e.id for e in explained(words)] == ([symptom] if symptom else [])


def test_a_pyworld_build_failure_gets_the_build_isolation_and_release_advice():
    post = ("Building wheel for pyworld (pyproject.toml) ... error\n  error: subprocess-exited-with-error\n"
            "ERROR: Failed building wheel for pyworld\n")
    (found,) = explained(post)
    assert found.id == "pip-build-failed" and "pyworld_build" in [key for key, _ in found.notes]
    for lang in ("en", "zh"):
        assert "--no-build-isolation" in " ".join(explain.notes(found, lang))
    (other,) = explained(post.replace("pyworld", "pyopenjtalk"))
    assert "pyworld_build" not in [key for key, _ in other.notes]


def test_a_bash_variable_run_by_cmd_is_told_as_bash_syntax():
    post = ("> DOCKER_BUILDKIT=1 docker build -f docker/Dockerfile . -t vcclient\n"
            "'DOCKER_BUILDKIT' is not recognized as an internal or external command,\noperable program or batch file.\n")
    (found,) = explained(post)
    assert found.id == "command-not-found" and [key for key, _ in found.notes] == ["bash_variable_in_cmd"]
    for lang in ("en", "zh"):
        assert "set DOCKER_BUILDKIT=1" in explain.notes(found, lang)[0]
    # a program of that name, not set anywhere in the post, is a program missing
    (program,) = explained("'FFPROBE_X' is not recognized as an internal or external command,\n")
    assert program.notes == []


@pytest.mark.parametrize("words, symptom", [
    ("合成结果是胡言乱语\n", "symptom-garbled-audio"),
    ("推理出来全是杂音，换了参考音频也一样\n", "symptom-garbled-audio"),
    ("mps Infer result is incorrect, it's noise. But it's ok in cpu infer.\n", "symptom-garbled-audio"),
    ("the app is only creating a noise, device is cuda\n", "symptom-garbled-audio"),
    ("the output consists only of squeaks and noise\n", "symptom-garbled-audio"),
    ("生成的音频很卡顿，而且有严重的爆破音\n", "symptom-garbled-audio"),  # before slowness
    ("合成没有声音，只有一点杂音\n", "symptom-silent-audio"),  # silence is read first: float16's NaN
    # the input's noise settings, a denoiser, ChatTTS's organisation and garbled text are no garbled audio
    ("I set noise_scale to 0.5 and noise reduction on, how do I export?\n", None),
    ("Downloaded from huggingface.co/2Noise/ChatTTS, how to use the API?\n", None),
    ("接口返回一大串乱码\n", None),
    # a sound wanted, not a fault
    ("电音效果怎么调？想要那种机器人的声音\n", None),
    ("How do I get a robotic voice on purpose, like a vocoder effect?\n", None),
    ("想做电音特效\n", None),
    ("I want to add a robotic effect to the output\n", None),
    # ... but 效果 is most often the result, and an effect heard is a complaint
    ("合成效果全是电音\n", "symptom-garbled-audio"),
    ("推理出来的效果有很重的电音\n", "symptom-garbled-audio"),
    ("加载模型后合成效果全是电音\n", "symptom-garbled-audio"),  # (加载: loading, nothing added)
    ("The effect is all robotic noise\n", "symptom-garbled-audio"),
])
def test_garbled_output_told_in_words_is_its_own_symptom(words, symptom):
    assert [e.id for e in explained(words)] == ([symptom] if symptom else [])


def test_the_garbled_audio_fix_starts_with_versions_and_names_an_rtx_50_build():
    (found,) = explained("GPT-SoVITS inference gives only noise on my RTX 5070 Ti\n")
    assert found.id == "symptom-garbled-audio" and found.assumed == "only noise"
    for lang, reference in (("en", "reference clip"), ("zh", "参考音频")):
        text = explain.manual(found, lang)
        assert "transformers" in text and text.index("requirements.txt") < text.index(reference)  # versions first
    assert "new_card_torch" in [key for key, _ in found.notes]


@pytest.mark.parametrize("words, symptom", [
    ("运行go-realtime-gui.bat后卡住无响应\n", "symptom-realtime-devices"),
    ("go-realtime-gui is crashing when i press \"start conversation\"\n", "symptom-realtime-devices"),
    ("打开gui启动后卡在读取音频设备的流程，控制台无输出\n", "symptom-realtime-devices"),
    # a hang elsewhere is no audio device's, and a GUI that will not start is no hang
    ("one-click training is stuck at the first step\n", None),
    ("Real-time GUI won't start, a message appears\n", None),
])
def test_a_real_time_converter_that_hangs_is_read_as_its_audio_devices(words, symptom):
    found = explained(words)
    assert [e.id for e in found] == ([symptom] if symptom else [])
    if symptom:
        for lang in ("en", "zh"):
            assert "MME" in explain.manual(found[0], lang) and "sounddevice" in explain.manual(found[0], lang)


def test_a_line_gpt_sovits_prints_is_placed_in_its_file_only_in_its_logs():
    lines = "0_17.wav-contains nan\nnow-17,all-6,0_17.wav,(184, 768)\n"
    rvc = ("runtime\\python.exe infer/modules/train/extract_feature_print.py cuda:0 1 0 0 D:\\RVC/logs/mi-test v2\n"
           "load model(s) from assets/hubert/hubert_base.pt\n" + lines)
    (found,) = explained(rvc)
    assert (found.id, found.project, found.location) == ("nan-hubert-features", "rvc", None)
    (found,) = explained(lines)  # no program known: GPT-SoVITS's step prints it
    assert found.location.path == "GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py"


def test_a_missing_program_that_python_was_asked_to_start_is_ffmpeg_only_where_ffmpeg_was_started():
    def started(function, code):
        return ('Traceback (most recent call last):\n'
                '  File "P:\\AI\\lib\\site-packages\\transformers\\pipelines\\audio_utils.py", line 34, in %s\n'
                "    %s\n"
                '  File "P:\\AI\\lib\\subprocess.py", line 1438, in _execute_child\n'
                "    hp, ht, pid, tid = _winapi.CreateProcess(executable, args,\n"
                "FileNotFoundError: [WinError 2] The system cannot find the file specified\n" % (function, code))
    (found,) = explained(started("ffmpeg_read", "with subprocess.Popen(ffmpeg_command) as ffmpeg_process:"))
    assert found.id == "ffmpeg-not-runnable"
    for lang in ("en", "zh"):
        assert "winget install ffmpeg" in explain.manual(found, lang)
    # another program started (git, a compiler): not ffmpeg's
    assert [e.id for e in explained(started("run_git", "subprocess.Popen(['git', 'pull'])"))] != ["ffmpeg-not-runnable"]


def test_distutils_missing_on_python_312_names_the_build_of_an_old_package():
    post = ("Collecting numpy==1.25.2\n  Installing build dependencies ... done\n"
            "ModuleNotFoundError: No module named 'distutils'\n")
    (found,) = explained(post)
    assert found.id == "python-module-missing" and [key for key, _ in found.notes] == ["distutils_removed"]
    assert "setuptools" in explain.notes(found, "zh")[0]


def test_a_native_crash_is_the_amd_cards_where_the_log_shows_rocm_and_the_macs_faiss_on_a_mac():
    crash = "python infer-web.py\nRunning on local URL:  http://0.0.0.0:7865\nSegmentation fault (core dumped)\n"
    (plain,) = explained(crash)
    assert plain.id == "native-crash"
    (rocm,) = explained("torch 2.1.0+rocm5.6, Radeon RX 6600\n" + crash)
    assert rocm.id == "symptom-amd-gpu"
    (mac,) = explained(crash.replace("Segmentation fault (core dumped)", "zsh: segmentation fault  python infer-web.py")
                       + "(base) user@Mac-mini Retrieval-based-Voice-Conversion-WebUI %\n")
    assert mac.id == "native-crash" and "conda-forge faiss-cpu" in explain.manual(mac, "en")


def test_a_pynini_build_named_by_its_extension_gets_the_conda_forge_note():
    post = ("building '_pywrapfst' extension\n"
            "error: Microsoft Visual C++ 14.0 or greater is required. Get it with \"Microsoft C++ Build Tools\"\n")
    (found,) = explained(post)
    assert found.id == "pip-build-failed" and "pynini_conda" in [key for key, _ in found.notes]


def test_hostile_lines_against_the_new_patterns_stay_fast():
    import time
    # a failing code line of many closing brackets (read by the notebook's empty-search note)
    start = time.perf_counter()
    explain._FIRST_FOUND.search("x = sorted(glob(" + ")" * 300_000)
    assert time.perf_counter() - start < 0.5  # (was 2 s)
    # a line of many "Model folder" (model-file-missing's wording of a folder that is not there)
    entry = catalog.BY_ID["model-file-missing"]
    start = time.perf_counter()
    entry.regex.search("Model folder " * 40_000)
    assert time.perf_counter() - start < 0.5  # (was 1.2 s)
    assert entry.regex.search("Model folder saved_models/default doesn't exist.").group("path14") == "saved_models/default"
    assert entry.regex.search("Model folder 'D:\\My Models\\v2' does not exist").group("path12") == "D:\\My Models\\v2"


def test_a_bash_variable_run_by_cmd_is_set_to_the_value_the_post_gives_it():
    # CUDA_VISIBLE_DEVICES=1 would pick another card than the line meant
    post = ("> CUDA_VISIBLE_DEVICES=0 python webui.py\n"
            "'CUDA_VISIBLE_DEVICES' is not recognized as an internal or external command,\n")
    (found,) = explained(post)
    assert found.notes == [("bash_variable_in_cmd", {"value": "0"})]
    for lang in ("en", "zh"):
        text = explain.notes(found, lang)[0]
        assert "set CUDA_VISIBLE_DEVICES=0" in text and "=1" not in text


@pytest.mark.parametrize("words, symptom", [
    # noise in the input, not in the output: a question about cleaning a clip, a dataset, a microphone
    ("Is there a way to remove noise from the input? The output is fine.\n", None),
    ("参考音频有噪音，需要先降噪吗？\n", None),
    ("训练集有杂音怎么处理\n", None),
    ("is white noise in the dataset a problem?\n", None),
    ("the audio is distorted when I record with my mic\n", None),
    # the output's noise beside the input's words in another clause is still read
    ("I removed the noise from the reference, but the output is just noise\n", "symptom-garbled-audio"),
])
def test_noise_told_of_the_input_is_no_garbled_output(words, symptom):
    assert [e.id for e in explained(words)] == ([symptom] if symptom else [])


@pytest.mark.parametrize("words", [
    "the realtime gui works fine, but training hangs at epoch 3\n",
    "使用实时变声，效果很好。训练时卡在第一步\n",
    "sounddevice installed. pip install hangs at building wheel\n",
    "go-web.bat stuck at loading, I never used the realtime gui\n",
])
def test_a_hang_of_another_step_in_a_post_about_the_real_time_gui_is_not_its_devices(words):
    assert [e.id for e in explained(words)] == []


@pytest.mark.parametrize("words", [
    "Slicing only runs on the CPU, as expected\n",
    "Preprocessing is only done on the CPU which is expected\n",
])
def test_a_step_that_runs_on_the_cpu_by_design_is_no_gpu_symptom(words):
    assert [e.id for e in explained(words)] == []


def test_the_notebook_and_distutils_notes_give_advice_that_works_where_they_are_read():
    cell = ("ModuleNotFoundError                       Traceback (most recent call last)\n"
            "Cell In[2], line 1\n----> 1 from TTS.api import TTS\n\nModuleNotFoundError: No module named 'TTS'\n")
    (found,) = explained(cell)
    for lang in ("en", "zh"):  # Colab has no Kernel menu
        assert "Runtime > Restart session" in explain.notes(found, lang)[0]
    # a pip build of an old numpy on 3.12: setuptools beside it does not reach pip's isolated build
    post = ("Collecting numpy==1.25.2\n  Installing build dependencies ... done\n"
            "ModuleNotFoundError: No module named 'distutils'\n")
    (found,) = explained(post)
    en, zh = explain.notes(found, "en")[0], explain.notes(found, "zh")[0]
    assert "wheels for Python 3.12" in en and "isolated build" in en and "3.12 预编译包" in zh and "隔离构建" in zh


def test_the_kv_cache_advice_raises_the_memory_share_above_vllms_default():
    (found,) = explained("ValueError: The model's max seq len (131072) is larger than the maximum number of tokens that"
                         " can be stored in KV cache (126208). Try increasing `gpu_memory_utilization`\n")
    assert found.id == "vllm-kv-cache-too-small"
    # 0.9 is vLLM's default: telling it as "more" changes nothing for a program that keeps the default
    assert "default is 0.9" in explain.manual(found, "en") and "默认是 0.9" in explain.manual(found, "zh")
    assert "=0.9 (below 1)" not in explain.manual(found, "en")


def test_a_missing_path_that_is_no_model_is_told_as_a_path_with_its_backslashes_read_once():
    windows = ("Traceback (most recent call last):\n"
               '  File "E:\\voice\\GPT-SoVITS\\tools\\subfix_webui.py", line 244, in b_load_list\n'
               "    with open(g_load_file, 'r', encoding=\"utf-8\") as source:\n"
               "FileNotFoundError: [Errno 2] No such file or directory: 'E:\\\\voice\\\\output\\\\asr_opt\\\\denoise.list'\n")
    (found,) = explained(windows)
    assert (found.id, found.line) == ("path-not-found", 4)
    assert found.params["path"] == "E:\\voice\\output\\asr_opt\\denoise.list" and found.notes == []
    for lang in ("en", "zh"):
        assert "E:\\voice\\output\\asr_opt\\denoise.list" in explain.meaning(found, lang)
    # a model file keeps its own entry; a command line run as one file name is no path
    assert [e.id for e in explained(windows.replace("denoise.list", "s2G488k.pth"))] == ["model-file-missing"]
    command = "FileNotFoundError: [Errno 2] No such file or directory: 'tensorboard --logdir \"logs/x\" --port 6006'\n"
    assert "path-not-found" not in [e.id for e in explained(command)]
    # a Windows path opened on Linux: the backslashes are part of the name there
    linux = ("Traceback (most recent call last):\n"
             '  File "/home/me/MockingBird/web/ui.py", line 31, in render\n'
             "    logo = Image.open('.\\\\web\\\\static\\\\logo.png')\n"
             "FileNotFoundError: [Errno 2] No such file or directory: '.\\\\web\\\\static\\\\logo.png'\n")
    (found,) = explained(linux)
    assert found.id == "path-not-found" and [key for key, _ in found.notes] == ["windows_path_on_posix"]
    assert " / " in explain.notes(found, "en")[0] and "/ " in explain.notes(found, "zh")[0]
    # Python's own [WinError 3], in Chinese Windows' words
    (found,) = explained("FileNotFoundError: [WinError 3] 系统找不到指定的路径。: 'D:\\\\TTS\\\\outputs\\\\2024-05-01'\n")
    assert found.id == "path-not-found" and found.params["path"] == "D:\\TTS\\outputs\\2024-05-01"


def test_cmds_own_path_not_found_under_a_start_script_is_the_install_or_the_folder_it_runs_in():
    (found,) = explained("D:\\fish-speech>start.bat\nThe system cannot find the path specified.\n")
    assert (found.id, found.line) == ("script-path-not-found", 2)
    assert found.settings[0] == "program.install"
    for lang, words in (("en", "administrator"), ("zh", "管理员")):
        assert words in explain.manual(found, lang)
    # told in a post's words beside the .bat; in Chinese Windows' words on a line of its own
    told = explained('I ran ./urvc.bat run from Git Bash and got "The system cannot find the path specified"\n')
    assert [e.id for e in told] == ["script-path-not-found"]
    assert [e.id for e in explained("D:\\tts>go.bat\n系统找不到指定的路径。\n")] == ["script-path-not-found"]
    # the package's missing runtime names the path itself: one reading of the two lines, not two
    runtime = "D:\\GSV>runtime\\python.exe webui.py zh_CN\nThe system cannot find the path specified.\n"
    assert [e.id for e in explained(runtime)] == ["package-runtime-missing"]
    # Python's [WinError 3] with its path is no cmd line, nor is the sentence inside other words
    assert [e.id for e in explained("OSError: [WinError 3] The system cannot find the path specified: 'TEMP'\n")] == [
        "path-not-found"]
    assert explained("It said the system cannot find the path specified when I moved the folder.\n") == []


def test_an_unpickling_error_cut_off_before_its_message_is_torch_26s_refusal_and_a_message_below_wins():
    heading = ("UnpicklingError                           Traceback (most recent call last)\n"
               "Cell In[3], line 1\n"
               "----> 1 tts = TTS(model_name=\"tts_models/multilingual/multi-dataset/xtts_v2\").to(device)\n")
    (found,) = explained("Loading the model on a fresh install:\n" + heading)
    assert (found.id, found.line) == ("torch-weights-only", 2)
    assert [e.id for e in explained("_pickle.UnpicklingError\n")] == ["torch-weights-only"]
    # the message, where it was pasted, says which it is
    assert [e.id for e in explained(heading + "\nUnpicklingError: invalid load key, '<'.\n")] == ["model-file-corrupt"]
    assert [e.id for e in explained(heading + "\nUnpicklingError: Weights only load failed.\n")] == ["torch-weights-only"]
    # the name inside a sentence is no cut-off error
    assert explained("Is an UnpicklingError expected here?\n") == []


def test_a_script_run_from_inside_the_programs_own_package_is_told_to_set_pythonpath():
    def run(path):
        return ("Traceback (most recent call last):\n"
                '  File "%s", line 28, in <module>\n'
                "    from tts.modules.ar_dur.commons.nar_tts_modules import LengthRegulator\n"
                "ModuleNotFoundError: No module named 'tts'\n" % path)
    (found,) = explained(run("E:\\voice\\MegaTTS3\\tts\\gradio_api.py"))
    assert found.id == "program-module-missing" and [key for key, _ in found.notes] == ["script_inside_package"]
    for lang in ("en", "zh"):
        text = explain.notes(found, lang)[0]
        assert "set PYTHONPATH=E:\\voice\\MegaTTS3`" in text and "python -m tts.gradio_api" in text
        assert "export" not in text
    (linux,) = explained(run("/home/me/MegaTTS3/tts/gradio_api.py"))
    assert "`export PYTHONPATH=/home/me/MegaTTS3`" in explain.notes(linux, "en")[0]
    # a script beside the package (the top folder's own) finds it: no such note
    (beside,) = explained(run("E:\\voice\\MegaTTS3\\gradio_api.py"))
    assert "script_inside_package" not in [key for key, _ in beside.notes]


@pytest.mark.parametrize("words, symptom", [
    # Traditional Chinese, read by the same words as Simplified
    ("推理出來全是雜音\n", "symptom-garbled-audio"),
    ("合成沒有聲音\n", "symptom-silent-audio"),
    ("訓練模型時GPU占用低，顯存幾乎全滿\n", "symptom-slow"),
    # the card barely used, and "is this speed normal?"
    ("训练时显卡利用率很低，一个epoch要十分钟\n", "symptom-slow"),
    ("Training shows low GPU usage, 5% at most\n", "symptom-slow"),
    ("4090的显卡,这个速度正常吗?\n", "symptom-slow"),
    # a value that stays is no hang
    ("realtime gui: the sample rate is stuck at 44100 and I cannot change it\n", None),
    ("realtime gui is stuck at 100%\n", "symptom-realtime-devices"),
])
def test_more_ways_of_telling_a_symptom(words, symptom):
    found = explained(words)
    assert [e.id for e in found] == ([symptom] if symptom else [])
    if symptom:  # shown as the post wrote it
        assert found[0].message == words.strip() and found[0].assumed in words


def test_deepspeeds_workspace_is_told_beside_out_of_memory_only_where_deepspeed_is_used():
    (found,) = explained("Deepspeed RuntimeError: Workspace can't be allocated, no enough memory.\n")
    assert found.id == "cuda-out-of-memory" and "deepspeed_workspace" in [key for key, _ in found.notes]
    for lang in ("en", "zh"):
        assert "--deepspeed" in " ".join(explain.notes(found, lang))
    oom = "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n"
    assert "deepspeed_workspace" in [key for key, _ in explained("python app.py --deepspeed\n" + oom)[0].notes]
    # a notice that DeepSpeed is missing is no DeepSpeed in use
    assert "deepspeed_workspace" not in [
        key for key, _ in explained("DeepSpeed not found, falling back to the default\n" + oom)[0].notes]


@pytest.mark.parametrize("words, symptom", [
    ("voice changer: when I speak the response is very delayed, and a lower chunk makes it choppy\n",
     "symptom-realtime-choppy"),
    ("实时变声延迟很高，声音断断续续的\n", "symptom-realtime-choppy"),
    ("RVC realtime gui: i got 900 ms and my voice stutters\n", "symptom-realtime-choppy"),
    # the same words outside a real-time converter, and a driver's name
    ("Training is choppy and delayed on my laptop\n", None),
    ("voice changer closes at start, a box says something about low latency ASIO\n", None),
])
def test_a_late_or_choppy_real_time_converter_is_told_as_its_speed(words, symptom):
    found = explained(words)
    assert [e.id for e in found] == ([symptom] if symptom else [])
    if symptom:
        for lang, word in (("en", "block"), ("zh", "分块")):
            assert word in explain.manual(found[0], lang)


def test_a_choppy_real_time_converter_on_an_amd_card_is_the_cards_with_dio():
    (found,) = explained("voice changer on my RX 6600 is stuttering and lagging with crepe\n")
    assert found.id == "symptom-amd-gpu" and [key for key, _ in found.notes] == ["amd_realtime"]
    for lang in ("en", "zh"):
        assert "dio" in explain.notes(found, lang)[0] and "DirectML" in explain.notes(found, lang)[0]
    # the voice changer's issue form names the Mac edition on every post: no Mac
    form = ("- [ ] If you use mac edition, client is not launched automatically.\n"
            "voice changer output is choppy in Discord\n")
    assert [e.id for e in explained(form)] == ["symptom-realtime-choppy"]


@pytest.mark.parametrize("words", [
    "I am wondering if I can make it use GPU instead of CPU. It seems to default to using CPU and it's slow.\n",
    "The program defaults to the CPU on my RTX 4070\n",
])
def test_a_program_that_falls_back_to_the_cpu_is_read_as_the_gpu_not_used(words):
    assert [e.id for e in explained(words)] == ["symptom-no-gpu"]


@pytest.mark.parametrize("words, read", [
    ("Python3.11 compatibility\nIs it possible with a fork of fairseq?\n", True),
    ("使用py3.11问题\npython3.11会各种报错，fairseq不支持3.11\n", True),
    ("Python 3.12 fails to install the requirements\n", True),
    # a version that works, a version beside a failure of something else, another program's version
    ("python 3.11 works fine here, only the model is missing\n", False),
    ("已安装Python3.11.4，完成后运行go-web.bat报错\n", False),
    ("CUDA 3.11 not supported\n", False),
])
def test_a_python_too_new_told_in_words_is_read_as_that(words, read):
    found = [e.id for e in explained(words)]
    assert ("python-version-unsupported" in found) is read


def test_a_command_missing_in_a_notebook_points_to_the_install_cell_not_to_an_environment():
    (found,) = explained("Colab notebook: the training cell gives /bin/bash: svc: command not found\n")
    assert found.id == "command-not-found" and [key for key, _ in found.notes] == ["notebook_command_missing"]
    for lang in ("en", "zh"):
        assert "`svc`" in explain.notes(found, lang)[0]
    (local,) = explained("bash: svc: command not found\n")
    assert local.notes == []


def test_a_hang_stuck_at_a_long_number_with_a_percent_sign_stays_linear(assert_no_backtracking_hang):
    # "stuck at <number>" (a value that stays) is tried at each length of the number where a % follows it: a
    # hostile line of digits and a % was quadratic (20,000 digits: 2 s; 100,000: a minute)
    line = "realtime gui stuck at " + "1" * 100_000 + "%"
    assert_no_backtracking_hang(explain._HANG_WORDS, line, expect_match=True)
    # the readings it was made for stay
    assert explain._HANG_WORDS.search("the sample rate is stuck at 44100") is None
    assert explain._HANG_WORDS.search("stuck at 100%") and explain._HANG_WORDS.search("stuck at 99.5 %")


@pytest.mark.parametrize("words, symptom", [
    # Japanese writes 鳴 as Traditional does: the translation to Simplified must not hide the words' own Japanese
    ("推論しても音が鳴らない\n", "symptom-silent-audio"),
    # Traditional forms of the characters the words hold (嗎, 佔, 極, 獨, 裡)
    ("4090的顯卡，這個速度正常嗎？\n", "symptom-slow"),
    ("訓練時GPU佔用極低\n", "symptom-slow"),
    ("端口被佔用了\n", "port-in-use"),
    # a card planned, in Traditional (將來, 以後): not the machine the post ran on
    ("推理很慢。將來想換RX 7900\n", "symptom-slow"),
    ("以後會換RX 7900，現在推理很慢\n", "symptom-slow"),
    # a post about a real-time converter, told in Traditional: the gate reads the post the way the words do
    ("實時變聲一直卡住\n", "symptom-realtime-devices"),
])
def test_traditional_chinese_and_japanese_are_read_by_the_words_after_the_translation(words, symptom):
    assert [e.id for e in explained(words)] == [symptom]


def test_no_word_read_after_the_translation_holds_a_character_the_translation_replaces():
    # such a character can never be found in a translated line (鳴 of Japanese's 音が鳴らない was)
    replaced = {chr(code) for code in explain._SIMPLIFIED}
    for described in explain._DESCRIBED:
        for regex in (described.words, described.not_in_clause, described.only_about):
            if regex is not None:
                assert not replaced & set(regex.pattern), (described.name, sorted(replaced & set(regex.pattern)))


def test_no_sound_out_of_a_real_time_converter_told_in_traditional_gets_its_devices_note():
    (silent,) = explained("實時變聲沒有聲音\n")
    assert silent.id == "symptom-silent-audio" and "real_time_devices" in [key for key, _ in silent.notes]


def test_the_pythonpath_note_writes_a_drives_root_and_quotes_what_the_shell_would_split():
    def run(path, name="tts"):
        return ("Traceback (most recent call last):\n"
                '  File "%s", line 3, in <module>\n'
                "    from %s.utils import load\n"
                "ModuleNotFoundError: No module named '%s'\n" % (path, name, name))

    def note(path, name="tts"):
        (found,) = explained(run(path, name))
        return dict(found.notes)["script_inside_package"]["setting"]
    # "C:" alone is the current folder of drive C, not its root
    assert "set PYTHONPATH=C:\\`" in note("C:\\tts\\infer.py") and "PYTHONPATH=C:`" not in note("C:\\tts\\infer.py")
    # a space splits bash's export in two (PYTHONPATH=/home/me/my and a variable named voice), $ expands in "..."
    assert "`export PYTHONPATH='/home/me/my voice'`" in note("/home/me/my voice/tts/infer.py")
    assert "`export PYTHONPATH='/srv/$x'`" in note("/srv/$x/tts/infer.py")
    assert "`export PYTHONPATH='/srv/it'\"'\"'s'`" in note("/srv/it's/tts/infer.py")
    # PowerShell expands $ and ` inside "...": its single quotes keep the path as it is
    assert "`$env:PYTHONPATH='D:\\AI\\$dollar'`" in note("D:\\AI\\$dollar\\tts\\infer.py")
    assert "`set \"PYTHONPATH=D:\\R&D\"`" in note("D:\\R&D\\tts\\infer.py")  # (cmd would run "D" after &)
    # a script whose name is no module name cannot be run with -m
    (found,) = explained(run("D:\\AI\\tools\\infer-web.py", "tools"))
    text = explain.notes(found, "en")[0]
    assert "set PYTHONPATH=D:\\AI`" in text and "python -m" not in text
    assert "python -m" not in explain.notes(found, "zh")[0] and "PYTHONPATH" in explain.notes(found, "zh")[0]


@pytest.mark.parametrize("line, entry_id", [
    # a model's folder (downloaded, not made by a step) keeps the missing model's reading
    ("FileNotFoundError: [Errno 2] No such file or directory: 'GPT_SoVITS/pretrained_models/chinese-hubert-base'",
     "model-file-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'assets/uvr5_weights'", "model-file-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'tools/asr/models/faster-whisper-large-v3'",
     "model-file-missing"),
    ("FileNotFoundError: [WinError 3] The system cannot find the path specified: 'D:\\\\RVC\\\\assets\\\\weights'",
     "model-file-missing"),
    # a program Python ran (subprocess on Linux names it bare) is no file an earlier step makes
    ("FileNotFoundError: [Errno 2] No such file or directory: 'git'", None),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'nvidia-smi'", None),
    # Windows' copies of a folder ("RVC - Copy", "GPT-SoVITS - 副本") are paths, a command line's options are not
    ("FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\RVC - Copy\\\\logs\\\\exp1\\\\filelist.txt'",
     "path-not-found"),
    ("FileNotFoundError: [WinError 3] 系统找不到指定的路径。: 'D:\\\\GPT-SoVITS - 副本\\\\output\\\\slicer_opt'",
     "path-not-found"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'python -u tools/slice_audio.py in out'", None),
    # Traditional Chinese Windows' words
    ("FileNotFoundError: [WinError 3] 系統找不到指定的路徑。: 'D:\\\\TTS\\\\outputs'", "path-not-found"),
    # ffmpeg named by its path is still ffmpeg
    ("FileNotFoundError: [Errno 2] No such file or directory: '/usr/bin/ffmpeg'", "ffmpeg-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\GSV\\\\ffprobe.exe'", "ffmpeg-missing"),
])
def test_a_missing_path_is_told_as_what_it_is(line, entry_id):
    assert [e.id for e in explained(line + "\n")] == ([entry_id] if entry_id else [])


def test_cmds_own_path_not_found_in_traditional_chinese_windows_words():
    assert [e.id for e in explained("D:\\GSV>go-webui.bat\n系統找不到指定的路徑。\n")] == ["script-path-not-found"]


def test_a_windows_drive_path_in_a_linux_log_is_not_told_to_swap_its_backslashes():
    # "D:/GSV/output/x.list" is a relative folder named "D:" on Linux: a drive's path needs the file's Linux path
    linux = ("Traceback (most recent call last):\n"
             '  File "/home/me/GPT-SoVITS/tools/subfix_webui.py", line 244, in b_load_list\n'
             "    with open(g_load_file) as f:\n"
             "FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\GSV\\\\output\\\\asr_opt\\\\denoise.list'\n")
    (found,) = explained(linux)
    assert [key for key, _ in found.notes] == ["windows_drive_on_posix"]
    for lang in ("en", "zh"):
        text = explain.notes(found, lang)[0]
        assert "/mnt/d" in text and "D:" in text
    # a relative one keeps the note that swaps them
    (relative,) = explained(linux.replace("D:\\\\GSV\\\\", ".\\\\"))
    assert [key for key, _ in relative.notes] == ["windows_path_on_posix"]


@pytest.mark.parametrize("url, repo", [
    ("https://huggingface.co/api/models/lj1995/GPT-SoVITS/revision/main", "lj1995/GPT-SoVITS"),
    # a dataset's or a Space's address names its kind before the repository
    ("https://huggingface.co/datasets/amphion/Emilia-Dataset/resolve/main/README.md", "amphion/Emilia-Dataset"),
    ("https://huggingface.co/api/datasets/amphion/Emilia-Dataset/revision/main", "amphion/Emilia-Dataset"),
    ("https://hf-mirror.com/spaces/someone/some-demo/resolve/main/app.py", "someone/some-demo"),
])
def test_the_hubs_refusal_names_the_repository_not_its_kind(url, repo):
    (found,) = explained("requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: %s\n" % url)
    assert (found.id, found.params["repo"]) == ("huggingface-unauthorized", repo)


@pytest.mark.parametrize("words", [
    "I already tried without --deepspeed, same error\n",
    "python webui.py --deepspeed False\n",
    "use_deepspeed = False\n",
])
def test_deepspeed_turned_off_is_no_deepspeed_in_use(words):
    oom = "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n"
    (found,) = explained(words + oom)
    assert found.id == "cuda-out-of-memory" and "deepspeed_workspace" not in [key for key, _ in found.notes]


def test_index_tts_use_deepspeed_option_is_deepspeed_in_use():
    oom = "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n"
    (found,) = explained("uv run webui.py --use_deepspeed\n" + oom)
    assert "deepspeed_workspace" in [key for key, _ in found.notes]
    # its inference engine's frames
    (found,) = explained("Traceback (most recent call last):\n"
                         '  File "/x/site-packages/deepspeed/inference/engine.py", line 3, in forward\n'
                         "    outputs = self.module(*inputs)\n" + oom)
    assert "deepspeed_workspace" in [key for key, _ in found.notes]


def test_a_weights_only_refusal_stays_where_another_unpickling_error_follows_it():
    # the message below wins over a cut-off name only: not over torch's own words, printed in full
    refused = ("Traceback (most recent call last):\n"
               '  File "/x/torch/serialization.py", line 1470, in load\n'
               "    raise pickle.UnpicklingError(_get_wo_message(str(e))) from None\n"
               "_pickle.UnpicklingError: Weights only load failed. This file can still be loaded, to do so you have"
               " two options\n"
               "\tWeightsUnpickler error: Unsupported global: GLOBAL fairseq.data.dictionary.Dictionary\n")
    other = ("Traceback (most recent call last):\n"
             '  File "/x/torch/serialization.py", line 1470, in load\n'
             "    magic_number = pickle_module.load(f)\n"
             "_pickle.UnpicklingError: invalid load key, '<'.\n")
    found = [e.id for e in explained(refused + "\nI downloaded the other model again and now:\n" + other)]
    assert found == ["torch-weights-only", "model-file-corrupt"]


def test_cmds_path_line_before_a_web_ui_that_started_is_no_reading():
    # a broken AutoRun or conda hook prints it in every console; the web UI came up after it all the same
    log = ("The system cannot find the path specified.\n"
           "(gsv) D:\\GSV>python webui.py zh_CN\n"
           "Running on local URL:  http://0.0.0.0:9874\n"
           "Traceback (most recent call last):\n"
           '  File "D:\\GSV\\GPT_SoVITS\\inference_webui.py", line 3, in get_tts_wav\n'
           "    x = model(y)\n"
           "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\n")
    assert [e.id for e in explained(log)] == ["cuda-out-of-memory"]
    # where nothing started after it, it stays
    assert [e.id for e in explained("D:\\fish-speech>start.bat\nThe system cannot find the path specified.\n"
                                    "Press any key to continue . . .\n")] == ["script-path-not-found"]


def test_a_missing_model_named_in_pythons_quotes_shows_its_backslashes_once():
    (found,) = explained("FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\RVC\\\\assets\\\\weights'\n")
    assert (found.id, found.params["path"]) == ("model-file-missing", "D:\\RVC\\assets\\weights")
    (found,) = explained("FileNotFoundError: [Errno 2] No such file or directory: "
                         "'D:\\\\GSV\\\\GPT_SoVITS\\\\pretrained_models\\\\s2G488k.pth'\n")
    assert found.params["path"] == "D:\\GSV\\GPT_SoVITS\\pretrained_models\\s2G488k.pth"
    assert "D:\\GSV\\GPT_SoVITS\\pretrained_models\\s2G488k.pth" in explain.meaning(found, "en")
    # a path the post typed itself is read as written
    (typed,) = explained("can't find file logs\\mute\\0_gt_wavs\\mute40k.wav\n")
    assert typed.params["path"] == "logs\\mute\\0_gt_wavs\\mute40k.wav"


def test_a_windows_traceback_in_a_post_that_names_a_mac_is_no_path_from_a_mac():
    # the frames say where it ran: D:\GSV\... is Windows, whatever other machine the post names
    log = ("Works on my Mac, fails on the Windows PC:\n"
           "Traceback (most recent call last):\n"
           '  File "D:\\GSV\\tools\\subfix_webui.py", line 244, in b_load_list\n'
           "    with open(g_load_file) as f:\n"
           "FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\GSV\\\\output\\\\asr_opt\\\\denoise.list'\n")
    (found,) = explained(log)
    assert found.id == "path-not-found" and found.notes == []


@pytest.mark.parametrize("log", [
    # DeepSpeed's training engine (ZeRO) saves memory: leaving it out would need more, not less
    "python train.py --deepspeed ds_config.json\n",
    "python train.py --deepspeed=configs/zero2.json\n",
    "Traceback (most recent call last):\n"
    '  File "/x/site-packages/deepspeed/runtime/zero/stage_1_and_2.py", line 3, in step\n'
    "    self.optimizer.step()\n",
])
def test_deepspeeds_training_engine_gets_no_inference_workspace_note(log):
    oom = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\n"
    (found,) = explained(log + oom)
    assert found.id == "cuda-out-of-memory" and "deepspeed_workspace" not in [key for key, _ in found.notes]


@pytest.mark.parametrize("words, read", [
    # (review10) a setting's value in ms, a client's timeout, a label of the GUI, a bug called a glitch: no lag told
    ("w-okada voice changer: I set the chunk to 1024 ms and the server says 2048 ms buffer, but the output device"
     " list is empty\n", None),
    ("w-okada voice changer: the client shows AxiosError: timeout of 30000ms exceeded when I upload a model\n", None),
    ("voice changer gui glitch: the window is blank white and nothing can be clicked\n", None),
    ("实时变声：声音全是电音，算法延迟(ms)：300\n", "symptom-garbled-audio"),
    ("realtime gui: after selecting devices, nothing happens. Latency setting is 0.3\n", "symptom-realtime-devices"),
    # the lag itself, in numbers and in words, still
    ("voice changer: the latency is 800 ms, way too much\n", "symptom-realtime-choppy"),
    ("RVC realtime gui: the delay is about 1500ms even with rmvpe\n", "symptom-realtime-choppy"),
    ("voice changer output has audio glitches every second\n", "symptom-realtime-choppy"),
])
def test_a_setting_in_ms_or_a_timeout_in_a_real_time_post_is_no_lag(words, read):
    assert [e.id for e in explained(words)] == ([read] if read else [])


@pytest.mark.parametrize("words", [
    # (review10) the failure is another step's, or a Python already left behind
    "GPT-SoVITS on python 3.11: the webui fails to open in the browser\n",
    "I use python 3.11 and training fails at step 1, no error shown\n",
    "RVC: I downgraded from Python 3.12 to 3.10 because fairseq fails to build on 3.12, now my RX 6700 is not used\n",
])
def test_a_python_version_beside_another_failure_is_not_read_as_too_new(words):
    assert "python-version-unsupported" not in [e.id for e in explained(words)]


def test_nvidia_smi_missing_in_colab_is_the_cpu_runtime_not_an_install_cell():
    # (review10) Colab's CPU runtime has no nvidia-smi: no cell installs it
    (found,) = explained("Colab: running !nvidia-smi gives\n/bin/bash: line 1: nvidia-smi: command not found\n")
    assert found.id == "command-not-found" and [key for key, _ in found.notes] == ["colab_runtime"]


def test_a_cpu_default_told_as_the_programs_design_is_no_gpu_left_unused():
    # (review10) "defaults to CPU if no device is given" says what the program does, not what went wrong
    found = explained("The docs say the api defaults to CPU if no device is given; I passed -d cuda and now the"
                      " output is garbled noise\n")
    assert [e.id for e in found] == ["symptom-garbled-audio"]


@pytest.mark.parametrize("log, path", [
    # (review10) a retyped path's sentence end, Chinese punctuation or words after it are no part of it
    ("FileNotFoundError: [Errno 2] No such file or directory: logs/mi-test/2-name2text.txt，怎么解决\n",
     "logs/mi-test/2-name2text.txt"),
    ("FileNotFoundError: [Errno 2] No such file or directory: logs/mi-test/2-name2text.txt.\n",
     "logs/mi-test/2-name2text.txt"),
    ("FileNotFoundError: [Errno 2] No such file or directory: GPT_SoVITS/pretrained_models/s2G488k.pth.\n",
     "GPT_SoVITS/pretrained_models/s2G488k.pth"),
    ("训练时报错 No such file or directory: logs/xx/G_2333.pth请问怎么办\n", "logs/xx/G_2333.pth"),
    ("启动时提示：没有找到文件“GPT_SoVITS/configs/tts_infer.yaml”，怎么办\n", "GPT_SoVITS/configs/tts_infer.yaml"),
])
def test_a_retyped_path_ends_where_the_sentence_goes_on(log, path):
    (found,) = explained(log)
    assert found.params["path"] == path


@pytest.mark.parametrize("words", [
    # (review10) a TTS's streaming latency is no real-time voice converter's block size or pitch extractor
    "GPT-SoVITS api_v2 streaming_mode: the first chunk has a 3 second delay, how can I make it real-time?\n",
    "GPT-SoVITS 流式推理做实时对话，首包延迟有2秒多，怎么优化\n",
    "CosyVoice streaming: latency is 1500 ms for the first packet, not usable for real-time chat\n",
])
def test_a_tts_streaming_delay_is_not_a_real_time_converters(words):
    assert "symptom-realtime-choppy" not in [e.id for e in explained(words)]


def test_a_programs_caught_import_that_goes_on_with_another_backend_is_no_error():
    # (review10) "import failed: No module named X" is read since beebb13; the program's own "using Y instead" after
    # it, with the web UI up, is a notice
    assert explained("onnxruntime import failed: No module named 'onnxruntime', using torch instead\n"
                     "Running on local URL:  http://0.0.0.0:9872\n") == []
    assert [e.id for e in explained("import failed: No module named 'misaki'\n")] == ["python-module-missing"]


@pytest.mark.parametrize("line", [
    "voice changer chunk 1234 ms, " * 4000,  # every match beside a setting, a clause each
    "voice changer " + "1234 ms " * 14000 + "chunk",  # one clause of 100k characters, its setting at the end
])
def test_words_read_clause_by_clause_stay_linear_on_a_long_line(line):
    # (review10) each match's clause was found by a pass over the whole line: 116k characters took 21 s
    import time
    start = time.perf_counter()
    explained(line + "\n")
    assert time.perf_counter() - start < 5


def test_training_that_stutters_is_slow_not_a_real_time_converter_and_an_api_error_naming_0000_is_no_browser():
    # a GPT-SoVITS post that names RVC too: the training's 卡顿 is its speed, not a converter's lag
    post = "以前用RVC没问题。gpt训练卡顿，并且进度条不显示，占用率100%\n"
    assert [e.id for e in explained(post)] == ["symptom-slow"]
    api = ("Server error: 500 - [address=0.0.0.0:41795, pid=968] ('Invalid argument to class x.LM', "
           "\"LM.__init__() missing 1 required positional argument: 'sampling'\")\n")
    assert "browser-wildcard-address" not in [e.id for e in explained(api)]
