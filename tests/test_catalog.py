import re

import pytest

from gsv_doctor import catalog, logprojects, probe
from gsv_doctor.explain import COMPUTED, NOTES, REASONS

ALL = catalog.ENTRIES + list(catalog.SYMPTOMS.values()) + list(catalog.DERIVED)
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_ids_are_unique():
    ids = [entry.id for entry in ALL]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("entry", catalog.ENTRIES, ids=lambda e: e.id)
def test_example_holds_a_key_and_matches_the_pattern(entry):
    assert any(key in entry.example for key in entry.keys), "the fast scan would never find it"
    assert entry.regex.search(entry.example)


@pytest.mark.parametrize("entry", ALL, ids=lambda e: e.id)
def test_texts_exist_in_both_languages_and_use_only_known_params(entry):
    groups = {name.rstrip("0123456789") for name in entry.regex.groupindex}
    known = groups | set(logprojects.SLOTS) | set(COMPUTED)
    for text in (entry.meaning, entry.manual) + ((entry.manual_any,) if entry.manual_any else ()):
        assert set(text) == {"en", "zh"}
        assert text["en"].strip() and text["zh"].strip()
        assert text["en"].isascii(), "English texts stay ASCII (a cp1252 console prints them)"
        assert re.search(r"[\u4e00-\u9fff]", text["zh"]), "the zh text is not Chinese"
        for lang in ("en", "zh"):
            assert set(PLACEHOLDER.findall(text[lang])) <= known
        assert set(PLACEHOLDER.findall(text["en"])) == set(PLACEHOLDER.findall(text["zh"]))
    assert entry.settings and all(s in catalog.SETTINGS for s in entry.settings)
    assert all(c.startswith("gsv-doctor ") for c in entry.fix_commands), "gsv-doctor commands first"


@pytest.mark.parametrize("entry", [e for e in catalog.ENTRIES if e.check == catalog.CHECK_CPU_OP], ids=lambda e: e.id)
def test_cpu_op_entries_name_ops_the_probe_measures(entry):
    import torch

    measured = set(probe._op_catalog(torch))
    assert entry.ops and set(entry.ops) <= measured
    assert entry.dtype in probe.DTYPES


# Every kernel message of shared/reference/cpu-half-facts.md, exactly as measured.
FACTS = {
    '"slow_conv2d_cpu" not implemented for \'Half\'': "cpu-half-conv",
    '"slow_conv_transpose2d_out_cpu" not implemented for \'Half\'': "cpu-half-conv-transpose",
    '"addmm_impl_cpu_" not implemented for \'Half\'': "cpu-half-linear",
    '"LayerNormKernelImpl" not implemented for \'Half\'': "cpu-half-layer-norm",
    '"GroupNormKernelImpl" not implemented for \'Half\'': "cpu-half-group-norm",
    '"GeluKernelImpl" not implemented for \'Half\'': "cpu-half-gelu",
    '"softmax_lastdim_kernel_impl" not implemented for \'Half\'': "cpu-half-softmax",
    '"bmm" not implemented for \'Half\'': "cpu-half-bmm",
    '"cos_vml_cpu" not implemented for \'Half\'': "cpu-half-stft-window",
    '"reflection_pad1d" not implemented for \'BFloat16\'': "cpu-bf16-stft-pad",
    "MKL FFT doesn't support tensors of type: Half": "cpu-half-mkl-fft",
    "MKL FFT doesn't support tensors of type: BFloat16": "cpu-half-mkl-fft",
}


@pytest.mark.parametrize("message, entry_id", sorted(FACTS.items()))
def test_every_measured_cpu_message_has_its_entry(message, entry_id):
    matching = [e.id for e in catalog.ENTRIES if not e.generic and e.regex.search("RuntimeError: " + message)]
    assert matching == [entry_id]


def test_emulated_old_torch_messages_match_the_catalog():
    import old_torch

    for kernel in set(old_torch.HALF_KERNELS.values()):
        message = old_torch.message(kernel)
        assert [e for e in catalog.ENTRIES if not e.generic and e.regex.search(message)], message


@pytest.mark.parametrize("message, entry_id", [
    ("Input type (torch.FloatTensor) and weight type (torch.HalfTensor) should be the same", "dtype-input-weight"),
    ("Input type (CUDABFloat16Type) and weight type (torch.cuda.FloatTensor) should be the same", "dtype-input-weight"),
    ("Input type (float) and bias type (c10::Half) should be the same", "dtype-input-bias"),
    ("expected mat1 and mat2 to have the same dtype, but got: c10::Half != float", "dtype-mat1-mat2"),
    ("self and mat2 must have the same dtype, but got Half and Float", "dtype-mat1-mat2"),
    ("expected scalar type Float but found Half", "dtype-expected-scalar"),
    ("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 MiB", "cuda-out-of-memory"),
    ("NameError: name 'False ' is not defined", None),
    ("NameError: name 'FALSE' is not defined", "is-half-env-eval"),
    ("expected scalar type Long but found Int", None),
    ('"addmm_cuda" not implemented for \'BFloat16\'', "half-kernel-other"),
    # families: one entry takes every wording of its cause
    ("RuntimeError: CUDA error: out of memory", "cuda-out-of-memory"),
    ("torch.OutOfMemoryError: HIP out of memory. Tried to allocate 1.2 GiB", "cuda-out-of-memory"),
    ("RuntimeError: MPS backend out of memory (MPS allocated: 17.8 GB, other allocations: 1.2 GB)", "cuda-out-of-memory"),
    ("CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`", "cuda-out-of-memory"),
    ("Fail: [ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Failed to allocate memory for requested buffer of size 4194304",
     "cuda-out-of-memory"),
    ("RuntimeError: upsample_nearest1d_out_frame not implemented for half", "half-kernel-other"),
    ("\"index_add_cpu_\" not implemented for 'ComplexHalf'", "half-kernel-other"),
    ("the feature is not implemented for this model", None),
    ("librosa.util.exceptions.ParameterError: Audio buffer is not finite everywhere", "nan-audio"),
    ("RuntimeError: CUDA error: CUBLAS_STATUS_EXECUTION_FAILED when calling `cublasSgemm( handle, opa, opb)`",
     "cuda-library-failure"),
    ("RuntimeError: cuFFT error: CUFFT_INTERNAL_ERROR", "cuda-library-failure"),
    ("RuntimeError: The GPU device does not support Double (Float64) operations!", "gpu-float64"),
    ("RuntimeError: GET was unable to find an engine to execute this computation", "cudnn-failure"),
    ("RuntimeError: Attempting to deserialize object on CUDA device 1 but torch.cuda.device_count() is 1", None),
    ("RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False.",
     "load-device-missing"),
    ("训练到一半就 OOM 了", "cuda-out-of-memory"),
    ("the ROOM is quiet", None),
    ("显存溢出，推理失败", "cuda-out-of-memory"),
    ("error: this kernel is for sm_90a, but was built for sm_80", "cuda-no-kernel-image"),
    ("RuntimeError: CUDA error: invalid device function", "cuda-no-kernel-image"),
    ("RuntimeError: Unable to find a valid cuDNN algorithm to run convolution", "cudnn-failure"),
    ("Status Message: CUDNN error executing cudnnFindConvolutionForwardAlgorithmEx( s_.handle )", "cudnn-failure"),
    ("RuntimeError: cuFFT only supports dimensions whose sizes are powers of two when computing in half precision,"
     " but got a signal size of[40, 1000]", "cuda-cufft-half"),
    # system and torch-version failures people post next to the GPU ones
    ("OSError: [WinError 1455] 页面文件太小，无法完成操作。 Error loading \"D:\\rvc\\runtime\\lib\\site-packages"
     "\\torch\\lib\\cudnn_adv_infer64_8.dll\" or one of its dependencies.", "windows-paging-file"),
    ("OSError: [WinError 1455] The paging file is too small for this operation to complete", "windows-paging-file"),
    ("RuntimeError: use_libuv was requested but PyTorch was build without libuv support", "torch-libuv"),
    ("RuntimeError: Distributed package doesn't have NCCL built in", "torch-no-nccl"),
    ("UserWarning: CUDA initialization: The NVIDIA driver on your system is too old (found version 11040). Please update"
     " your GPU driver", "cuda-driver-insufficient"),
    ("RuntimeError: CUDA error: unspecified launch failure", "cuda-runtime-fault"),
    ("torch.AcceleratorError: CUDA error: an illegal memory access was encountered", "cuda-runtime-fault"),
    ("RuntimeError: CUDA error: device-side assert triggered", "cuda-device-assert"),
    ("../aten/src/ATen/native/cuda/Indexing.cu:1141: indexSelectLargeIndex: block: [0,0,0], thread: [0,0,0] Assertion"
     " `srcIndex < srcSelectDimSize` failed.", "cuda-device-assert"),
    ("OSError: [WinError 126] 找不到指定的模块。 Error loading \"E:\\GPT-SoVITS\\runtime\\lib\\site-packages"
     "\\torch\\lib\\fbgemm.dll\" or one of its dependencies.", "windows-dll-load"),
    ("ImportError: DLL load failed while importing _C: 找不到指定的模块。", "windows-dll-load"),
    ("RuntimeError: Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling"
     " NumCudaDevices() that might have already set an error? Error 804: forward compatibility was attempted on non"
     " supported HW", "cuda-init-failure"),
    ("_pickle.UnpicklingError: Weights only load failed. This file can still be loaded", "torch-weights-only"),
    ("ValueError: Due to a serious vulnerability issue in `torch.load`, even with `weights_only=True`, we now require"
     " users to upgrade torch to at least v2.6 in order to use the function.", "transformers-needs-newer-torch"),
    ("RuntimeError: cutlassF: no kernel found to launch!", "cuda-bf16-unsupported"),
    ("NotImplementedError: Output channels > 65536 not supported at the MPS device.", "mps-unsupported"),
    ("2025-02-24 08:38:04.381 [E:onnxruntime:Default, provider_bridge_ort.cc:1744 TryGetProviderInfo_CUDA] Failed to load"
     " library libonnxruntime_providers_cuda.so with error: libcublasLt.so.11: cannot open shared object file",
     "onnxruntime-cuda-provider"),
    ("ValueError: Requested float16 compute type, but the target device or backend do not support efficient float16"
     " computation.", "ctranslate2-float16"),
    ("RuntimeError: Library cublas64_12.dll is not found or cannot be loaded", "ctranslate2-cuda-library"),
    ("RuntimeError: The detected CUDA version (12.1) mismatches the version that was used to compile PyTorch (11.8).",
     "cuda-toolkit-mismatch"),
    ("RuntimeError: CUDA error: no CUDA-capable device is detected", "cuda-no-gpus"),
    ("RuntimeError: CUDA error: CUDA-capable device(s) is/are busy or unavailable", "cuda-init-failure"),
    # retyped, translated, cut short: the kernel's name and the dtype on one line are enough
    ("报错 addmm_impl_cpu_ 没有实现 Half", "cpu-half-linear"),
    ("got: LayerNormKernelImpl not implemented for half", "cpu-half-layer-norm"),
    ("cuda error out of memory", "cuda-out-of-memory"),
    ("it ends with no kernel image", "cuda-no-kernel-image"),
    ("cuDNN version: C:\\Program Files\\NVIDIA GPU Computing Toolkit\\CUDA\\v11.7\\bin\\cudnn_ops_train64_8.dll", None),
    ("Please make sure cudnn_cnn_infer64_8.dll is in your library path!", "cudnn-library-missing"),
    ("ImportError: libcudnn.so.8: cannot open shared object file: No such file or directory", "cudnn-library-missing"),
    ("Could not locate cublasLt64_12.dll. Please make sure it is in your library path!", "cuda-library-missing"),
    ("OSError: libcudart.so.11.0: cannot open shared object file: No such file or directory", "cuda-library-missing"),
    ("[Voice Changer] post_update_settings ex: cuDNN version incompatibility: PyTorchwas compiled  against (8, 7, 0) but"
     " found runtime version (8, 6, 0).", "cudnn-version-mismatch"),
    ("RuntimeError: Detected that PyTorch and TorchAudio were compiled with different CUDA versions.",
     "torch-packages-mismatch"),
    ("RuntimeError: Could not load libtorchcodec. libtorchcodec_core8.so: undefined symbol: torch_from_blob",
     "torch-packages-mismatch"),
    ("RuntimeError: operator torchvision::nms does not exist", "torch-packages-mismatch"),
    ("ERROR: No matching distribution found for torch==2.0.1+cu118", "torch-install-not-found"),
    ("RuntimeError: HIP error: invalid device function", "cuda-no-kernel-image"),
    ("AssertionError: Only GPU training is allowed", "cpu-training-not-allowed"),
    ("AssertionError: If capturable=False, state_steps should not be CUDA tensors.", "torch-adam-capturable"),
    # an optimizer printed with its defaults is not the assertion
    ("optimizer: AdamW (amsgrad: False, capturable=False, differentiable=False, eps: 1e-09)", None),
    # the program's packages, pip, the machine's audio and network, model files of another version
    ("ImportError: A module that was compiled using NumPy 1.x cannot be run in NumPy 2.2.6 as it may crash.",
     "numpy-abi-mismatch"),
    ("AttributeError: _ARRAY_API not found", "numpy-abi-mismatch"),
    ("ImportError: numpy._core.multiarray failed to import", "numpy-abi-mismatch"),
    ("ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from"
     " PyObject", "numpy-abi-mismatch"),
    ("SystemError: initialization of _internal failed without raising an exception", "numpy-abi-mismatch"),
    ("ImportError: Numba needs NumPy 1.23 or less. Got NumPy 1.26.", "numpy-abi-mismatch"),
    ("RuntimeError: module compiled against ABI version 0x1000009 but this version of numpy is 0x2000000",
     "numpy-abi-mismatch"),
    # a package built for a newer numpy than the installed one: numpy is too old, not too new
    ("RuntimeError: module compiled against API version 0x10 but this version of numpy is 0xf", "numpy-too-old"),
    ("ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 88 from C header, got 80"
     " from PyObject", "numpy-too-old"),
    # the same refusal in the wording of a package built with numpy 2's headers
    ("RuntimeError: module was compiled against NumPy C-API version 0x10 (NumPy 1.23) but the running NumPy has C-API"
     " version 0xf. Check the section C-API incompatibility at the Troubleshooting ImportError section", "numpy-too-old"),
    ("numpy 1.26.4 is installed, numba 0.58.1", None),
    ("  ERROR: Failed building wheel for pyworld", "pip-build-failed"),
    ("RuntimeError: [enforce fail at inline_container.cc:595] . unexpected pos 2165088128 vs 2165088016", "disk-full"),
    ("ModuleNotFoundError: No module named 'matcha'", "cosyvoice-matcha-missing"),
    ("ModuleNotFoundError: No module named 'matplotlib'", "python-module-missing"),
    ("ImportError: cannot import name 'add_safe_globals' from 'torch.serialization'", "torch-too-old-safe-globals"),
    ("ImportError: DLL load failed while importing onnx_cpp2py_export: 动态链接库(DLL)初始化例程失败。", "onnx-dll-load"),
    ("ImportError: DLL load failed while importing _sqlite3", "windows-dll-load"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'logs/me/6-name2semantic.tsv'", "gsv-dataset-step-missing"),
    ("NVIDIA GeForce MX450的显卡，训练这里无法识别，很遗憾您这没有能用的显卡来支持您训练。", "training-gpu-not-listed"),
    ("Unfortunately, there is no compatible GPU available to support your training.", "training-gpu-not-listed"),
    ("docker: Error response from daemon: could not select device driver \"\" with capabilities: [[gpu]].",
     "docker-no-gpu-runtime"),
    ("RuntimeError: `ptxas` failed with error code 4294967295:", "torch-compile-triton"),
    ("[E] 1: [stdArchiveReader.cpp::stdArchiveReaderInitCommon::42] Error Code 1: Serialization (Serialization assertion"
     " safeVersionRead == kSAFE_SERIALIZATION_VERSION failed.Version tag does not match. Note: Current Version: 0,"
     " Serialized Engine Version: 239)", "tensorrt-engine-mismatch"),
    ("[TRT] [E] 6: The engine plan file is generated on an incompatible device, expecting compute 8.6 got compute 8.9,"
     " please rebuild.", "tensorrt-engine-mismatch"),
    ("AssertionError: failed to load trt pretrained_models/CosyVoice2-0.5B/flow.decoder.estimator.fp32.mygpu.plan",
     "tensorrt-engine-mismatch"),
    ("INFO input frame 120, load_trt=False", None),
    ("TypeError: Descriptors cannot be created directly.", "protobuf-too-new"),
    ("Killed", "ram-out-of-memory"),
    ("TypeError: Attention.__init__() takes from 2 to 23 positional arguments but 24 were given", "python-call-mismatch"),
    ("RuntimeError: Calculated padded input size per channel: (4). Kernel size: (5). Kernel size can't be greater than"
     " actual input size", "input-too-short"),
    ("RuntimeError: Cannot install on Python version 3.11.4; only versions >=3.7,<3.11 are supported.",
     "python-version-unsupported"),
    # a 2-d convolution's sizes; Python 3.9's __init__ without its class; a worker's own error (exit code 1) is no memory's
    ("RuntimeError: Calculated padded input size per channel: (2 x 80). Kernel size: (3 x 3). Kernel size can't be"
     " greater than actual input size", "input-too-short"),
    ("TypeError: __init__() takes from 2 to 23 positional arguments but 24 were given", "python-call-mismatch"),
    ("TypeError: forward() takes 2 positional arguments but 3 were given", None),
    ("RuntimeError: DataLoader worker (pid 4242) exited unexpectedly with exit code 1. Details are lost due to"
     " multiprocessing. Rerunning with num_workers=0 may give better error trace.", None),
    ("The currently activated Python version 3.11.3 is not supported by the project (^3.8,<3.11).",
     "python-version-unsupported"),
    ("RuntimeError: DataLoader worker (pid(s) 1234, 5678) exited unexpectedly", "dataloader-worker-died"),
    ("RuntimeError: DataLoader worker (pid(s) " + ", ".join(str(p) for p in range(1234560, 1234576)) + ") exited"
     " unexpectedly", "dataloader-worker-died"),  # 16 workers
    ("RuntimeError: DataLoader worker (pid 4821) is killed by signal: Bus error. It is possible that dataloader's"
     " workers are out of shared memory.", "dataloader-worker-died"),
    ('error loading   "D:\\fish\\env\\lib\\site-packages\\torch\\lib\\fbgemm.dll" or one of its dependencies.',
     "windows-dll-load"),
    # the runtime folder missing, told at a sentence's start or after the folder
    ("No runtime folder found after unzipping", "package-runtime-missing"),
    ("The runtime folder is missing", "package-runtime-missing"),
    ("解压后runtime文件夹不见了", "package-runtime-missing"),
    ("没有找到runtime文件夹", "package-runtime-missing"),
    ("semantic_data_len: 0", "input-empty"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'ffprobe'", "ffmpeg-missing"),
    ("RuntimeError: torchaudio.backend.soundfile_backend.info requires soundfile, but we failed to import it.",
     "torchaudio-no-backend"),
    ("使用dockerfile build后的镜像 onnxruntime无法使用CUDAExecutionProvider。", "onnxruntime-no-cuda-provider"),
    ("onnxruntime uses CUDAExecutionProvider and the CPU", None),
    ("AttributeError: torch._inductor.config.fx_graph_cache does not exist", "python-package-version"),
    ("404 Client Error: Not Found for url: http://127.0.0.1:9880/set_sovits_weights?weights_path=a.pth",
     "gsv-api-endpoint-missing"),
    ('INFO:     127.0.0.1:50212 - "GET /set_gpt_weights?weights_path=a.ckpt HTTP/1.1" 200 OK', None),
    ("RuntimeError: Invalid device, must be cuda device", "cuda-only-code"),
    ("ValueError: Expected a cuda device, but got: mps", "cuda-only-code"),
    ("semantic_data_len: 0, phoneme_data_len: 0", "input-empty"),
    ("semantic_data_len: 120", None),
    ("StopIteration: Caught StopIteration in replica 0 on device 0.", "several-gpus-data-parallel"),
    ("  Installing build dependencies ... error", "pip-build-failed"),
    ("  Installing build dependencies ... done", None),
    ("> Please install Python3 or 3.10 manually.", "python-version-unsupported"),
    ("RuntimeError: PyTorch version mismatch! DeepSpeed ops were compiled and installed with a different version than"
     " what is being used at runtime.", "deepspeed-torch-mismatch"),
    ("WARNING:ChatTTS.utils.gpu_utils:GPU 0 has 1843.2 MB memory left. Switching to CPU.", "gpu-free-memory-floor"),
    ("This application failed to start because no Qt platform plugin could be initialized. Reinstalling the application"
     " may fix this problem.", "qt-platform-plugin"),
    ("zsh: bad CPU type in executable: ./MMVCServerSIO", "mac-wrong-architecture"),
    ("startHttp.command: line 21: MMVCServerSIO.app/Contents/MacOS/MMVCServerSIO: Bad CPU type in executable",
     "mac-wrong-architecture"),
    ("soundfile.LibsndfileError: <exception str() failed>", "audio-file-unreadable"),
    ("size mismatch for ddsp_model.window: copying a param with shape torch.size([1024]) from checkpoint, the shape in"
     " current model is torch.size([2048])", "checkpoint-size-mismatch"),
    ("FileNotFoundError: [WinError 3] The system cannot find the path specified: 'C:\\\\Users\\\\me\\\\OneDrive\\\\my voice\\\\RVC"
     "/logs/me/0_gt_wavs'", "rvc-dataset-step-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: './logs/exp1/3_feature768'", "rvc-dataset-step-missing"),
    ("loading D:/RVC/logs/exp1/3_feature768/a.npy", None),
    ("go-webui.bat报错未找到python.exe，运行后无反应", "package-runtime-missing"),
    ("when I start go-web.bat it can't find runtime\\python.exe", "package-runtime-missing"),
    ("go-web.bat opens and python.exe uses 100% CPU", None),
    ("解压后没有runtime文件夹", "package-runtime-missing"),
    ("There is no runtime folder in the zip I downloaded", "package-runtime-missing"),
    ("ImportError: cannot import name 'setLangfilters' from 'LangSegment.LangSegment' (C:\\py\\LangSegment\\LangSegment.py)",
     "langsegment-withdrawn"),
    ("AttributeError: module 'LangSegment' has no attribute 'setfilters'", "langsegment-withdrawn"),
    ("ERROR: No matching distribution found for LangSegment>=0.3.5", "langsegment-withdrawn"),
    ("Install LangSegment(0.3.3) failed.", "langsegment-withdrawn"),
    ("from text.LangSegmenter import LangSegmenter", None),
    ("huggingface_hub.errors.HFValidationError: Repo id must be in the form 'repo_name' or 'namespace/repo_name':"
     " 'GPT_SoVITS/pretrained_models/chinese-roberta-wwm-ext-large'. Use `repo_type` argument if needed.",
     "model-file-missing"),
    ("requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=9880): Max retries exceeded with url:"
     " /tts (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new"
     " connection: [Errno 111] Connection refused'))", "local-server-not-running"),
    ("aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host localhost:9880 ssl:default [Connect call"
     " failed ('127.0.0.1', 9880)]", "local-server-not-running"),
    ("requests.exceptions.ProxyError: HTTPConnectionPool(host='127.0.0.1', port=7860): Max retries exceeded with url: /"
     " (Caused by ProxyError('Unable to connect to proxy'))", "localhost-proxy"),
    ("HTTPConnectionPool(host='192.168.1.5', port=9880): Max retries exceeded with url: /tts", None),
    ("/bin/bash: line 1:  2417 Killed                  python3 preprocess_hubert_f0.py --f0_predictor rmvpe",
     "ram-out-of-memory"),
    ("Killed the web UI with Ctrl+C and started it again", None),
    ("TypeError: 'type' object is not subscriptable", "python-too-old-syntax"),
    ("TypeError: unsupported operand type(s) for |: 'types.GenericAlias' and 'NoneType'", "python-too-old-syntax"),
    ("TypeError: unsupported operand type(s) for |: 'int' and 'str'", None),
    ("TypeError: 'NoneType' object is not subscriptable", None),
    ("ImportError: TorchCodec is required for save_with_torchcodec. Please install torchcodec to use this function.",
     "torchaudio-needs-torchcodec"),
    ("RuntimeError: Couldn't find appropriate backend to handle uri D:\\GPT-SoVITS\\ref.wav and format None.",
     "torchaudio-no-backend"),
    ("ptxas fatal   : Value 'sm_120' is not defined for option 'gpu-name'", "torch-compile-triton"),
    ("torchaudio 2.3.1+cu121 requires torch==2.3.1, but you have torch 2.7.0.dev20250312+cu128 which is incompatible.",
     "torch-packages-mismatch"),
    ("RuntimeError: Couldn't load custom C++ ops. This can happen if your PyTorch and torchvision versions are"
     " incompatible", "torch-packages-mismatch"),
    ("RuntimeError: Numpy is not available", "numpy-abi-mismatch"),
    ("RuntimeError: stft requires the return_complex parameter be given for real inputs, and will further require",
     "torch-too-new-stft"),
    ("TypeError: pad_center() takes 1 positional argument but 2 were given", "librosa-too-new"),
    ("TypeError: forward() takes 2 positional arguments but 3 were given", None),
    ("OSError: cannot load library 'libsndfile.so': libsndfile.so: cannot open shared object file", "sndfile-library-missing"),
    ("torch.OutOfMemoryError: Allocation on device 0 would exceed allowed memory. (out of memory)", "cuda-out-of-memory"),
    ("/usr/lib/python3.10/multiprocessing/resource_tracker.py:224: UserWarning: resource_tracker: There appear to be 6"
     " leaked semaphore objects to clean up at shutdown",
     "python-warning-notice"),  # at any shutdown, not only after a kill: a warning, read as one
    ("CalledProcessError: Command '['pip', 'install', '--upgrade', 'fairseq']' returned non-zero exit status 1.",
     "pip-build-failed"),
    ("Command '['git', 'clone', 'x']' returned non-zero exit status 128.", None),
    ("soundfile.LibsndfileError: Error opening 'D:\\data\\a.m4a': Format not recognised.", "audio-file-unreadable"),
    ("RuntimeError: Error opening 'x.wav': File contains data in an unknown format.", "audio-file-unreadable"),
    ("audioread.exceptions.NoBackendError", "audio-file-unreadable"),
    ("ValueError: File format b'ID3\\x04' not understood. Only 'RIFF' and 'RIFX' supported.", "audio-file-unreadable"),
    ("The format of this image is not recognised", None),
    ("[9916:0613/101010.100:FATAL:gpu_data_manager_impl_private.cc(448)] GPU process isn't usable. Goodbye.",
     "electron-gpu-process"),
    ("AttributeError: 'FigureCanvasAgg' object has no attribute 'tostring_rgb'. Did you mean: 'tostring_argb'?",
     "matplotlib-too-new"),
    ("AttributeError: 'FigureCanvasAgg' object has no attribute 'renderer'", None),
    ("ERROR: Could not build wheels for pyopenjtalk, which is required to install pyproject.toml-based projects",
     "pip-build-failed"),
    ("ERROR: Failed to build installable wheels for some pyproject.toml based projects (pyopenjtalk)", "pip-build-failed"),
    ("ERROR: Failed to build 'pyopenjtalk' when getting requirements to build wheel", "pip-build-failed"),
    ("  × Getting requirements to build wheel did not run successfully.", "pip-build-failed"),
    ("      error: Microsoft Visual C++ 14.0 or greater is required. Get it with \"Microsoft C++ Build Tools\":"
     " https://visualstudio.microsoft.com/visual-cpp-build-tools/", "pip-build-failed"),
    ("Failed to build the index for this speaker, retrying with fewer clusters", None),
    ("Successfully built pyopenjtalk", None),
    ("        Compatibility with CMake < 3.5 has been removed from CMake.", "cmake-too-new"),
    ("CMake Deprecation Warning: Compatibility with CMake < 3.10 will be removed from a future version of", None),
    ("  Resource averaged_perceptron_tagger_eng not found.", "nltk-resource-missing"),
    ("  Resource [93mcmudict[0m not found.", "nltk-resource-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'D:\\\\GPT-SoVITS-v2pro\\\\runtime\\\\nltk_data\\\\taggers"
     "\\\\averaged_perceptron_tagger_eng\\\\averaged_perceptron_tagger_eng.weights.json'", "nltk-resource-missing"),
    ("BlockingIOError: [Errno 11] Resource temporarily unavailable", None),
    ("KeyError: Resource 'speaker_map.json' not found in the archive", None),
    ("    - 'C:\\\\Users\\\\me\\\\AppData\\\\Roaming\\\\nltk_data'", None),
    ("OSError: PortAudio library not found", "portaudio-library-missing"),
    ("sounddevice.PortAudioError: Error opening Stream: Unanticipated host error [PaErrorCode -9999]: '' [MME error 11]",
     "audio-device-error"),
    ("sounddevice.PortAudioError: Error opening InputStream: Invalid device [PaErrorCode -9996]", "audio-device-error"),
    ("sounddevice.PortAudioError: Error querying device -1", "audio-device-error"),
    ("OSError: [Errno -9997] Invalid sample rate", "audio-device-error"),
    ("OSError: [Errno -9981] Input overflowed", None),
    ("ValueError: When localhost is not accessible, a shareable link must be created. Please set share=True or check"
     " your proxy settings to allow access to localhost.", "localhost-proxy"),
    ("Exception: Couldn't start the app because 'http://127.0.0.1:9874/gradio_api/startup-events' failed (code 502)."
     " Check your network or proxy settings to ensure localhost is accessible.", "localhost-proxy"),
    ("httpx.HTTPStatusError: Server error '502 Bad Gateway' for url 'http://127.0.0.1:9880/tts'", "localhost-proxy"),
    ("requests.exceptions.ProxyError: HTTPConnectionPool(host='127.0.0.1', port=9880): Max retries exceeded with url:"
     " /tts (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 502 Bad Gateway')))",
     "localhost-proxy"),
    # the share tunnel, and a proxy in the way of a download from the internet, are other troubles
    ("Could not create share link. Please check your internet connection or our status page: https://status.gradio.app.",
     None),
    ("requests.exceptions.ProxyError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with"
     " url: /api/models (Caused by ProxyError('Unable to connect to proxy'))", "model-download-failed"),  # not localhost
    ("httpx.HTTPStatusError: Server error '502 Bad Gateway' for url 'https://api.gradio.app/v2/tunnel-request'", None),
    ("\tsize mismatch for enc_p.emb_phone.weight: copying a param with shape torch.Size([192, 768]) from checkpoint, the"
     " shape in current model is torch.Size([192, 256]).", "checkpoint-size-mismatch"),
    ("\tMissing key(s) in state_dict: \"enc_q.pre.weight\", \"enc_q.pre.bias\".", "checkpoint-keys-mismatch"),
    ("_IncompatibleKeys(missing_keys=[], unexpected_keys=['enc_q.pre.weight'])", None),
    ("Could not load symbol cublasGetSmCountTarget from cublas64_11.dll. Error code 127", None),
    ("RuntimeError: Unsupported type byte size: ComplexFloat", "mps-unsupported"),
    ("RuntimeError: [enforce fail at alloc_cpu.cpp:114] data. DefaultCPUAllocator: not enough memory: you tried to"
     " allocate 1073741824 bytes.", "ram-out-of-memory"),
    ("onnxruntime.capi.onnxruntime_pybind11_state.Fail: [ONNXRuntimeError] : 1 : FAIL : Load model from g2pW.onnx"
     " failed:bad allocation", "ram-out-of-memory"),
    ("Exceptions.DeviceCannotSupportHalfPrecisionException: 'Device cannot support half precision.'",
     "gpu-half-unsupported"),
    # TensorFlow's loader warning about its own CUDA libraries is not this program's failure
    ("W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library"
     " 'libcudart.so.11.0'; dlerror: libcudart.so.11.0: cannot open shared object file", None),
    ("UserWarning: Specified provider 'CUDAExecutionProvider' is not in available provider names.Available providers:"
     " 'AzureExecutionProvider, CPUExecutionProvider'", "onnxruntime-no-cuda-provider"),
    ("RuntimeError: MPS does not support half precision", "mps-unsupported"),  # a Mac, not a small NVIDIA card
    # a program asking for DirectML first, on an onnxruntime-gpu that offers CUDA: a harmless warning
    ("UserWarning: Specified provider 'DmlExecutionProvider' is not in available provider names.Available providers:"
     " 'TensorrtExecutionProvider, CUDAExecutionProvider, CPUExecutionProvider'", "python-warning-notice"),
    ("[W:onnxruntime:Default, onnxruntime_pybind_state.cc:1641 onnxruntime::python::CreateInferencePybindStateModule]"
     " Init provider bridge failed.", "onnxruntime-no-cuda-provider"),
    # errors outside the GPU
    ("FileNotFoundError: [WinError 3] 系统找不到指定的路径。: 'D:\\RVC\\logs\\mute\\0_gt_wavs\\mute40k.wav'",
     "model-file-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'configs/32k.json'", "model-file-missing"),
    # a folder an earlier step writes, not a model file
    ("FileNotFoundError: [WinError 3] 系统找不到指定的路径。: 'D:\\RVC\\logs\\exp1\\0_gt_wavs'", "rvc-dataset-step-missing"),
    ("OSError: Can't load tokenizer for 'GPT_SoVITS/pretrained_models/chinese-roberta-wwm-ext-large'.",
     "model-file-missing"),
    ("_pickle.UnpicklingError: invalid load key, '<'.", "model-file-corrupt"),
    ("safetensors_rust.SafetensorError: Error while deserializing header: HeaderTooLarge", "model-file-corrupt"),
    ("'ffmpeg' is not recognized as an internal or external command,", "ffmpeg-missing"),
    ("Requirement already satisfied: ffmpeg-python in d:\\gsv\\runtime\\lib\\site-packages (0.2.0)", None),
    ("RuntimeError: Failed to load audio: ffmpeg error (see stderr output for detail)", "audio-load-failed"),
    ("RuntimeError: Failed to load audio: module 'ffmpeg' has no attribute 'input'", "ffmpeg-wrong-package"),
    ("AttributeError: module 'torch.backends' has no attribute 'mps'", "python-package-version"),
    ("AttributeError: 'NoneType' object has no attribute 'dtype'", None),
    ("ModuleNotFoundError: No module named 'tools.i18n'", "python-module-missing"),
    ("No module named 'pyopenjtalk'", "python-module-missing"),  # retyped alone
    ("import failed: No module named 'misaki'", "python-module-missing"),
    # a shell script with Windows line endings, in bash's words
    ("/bin/sh: ./run.sh: /bin/bash^M: bad interpreter: No such file or directory", "script-crlf-line-endings"),
    ("./install.sh: line 2: $'\\r': command not found", "script-crlf-line-endings"),
    ("/usr/bin/env: 'bash\\r': No such file or directory", "script-crlf-line-endings"),
    # (review10) a Python script's first line, too
    ("/usr/bin/env: 'python3\\r': No such file or directory", "script-crlf-line-endings"),
    # an optional module's absence that a library only mentions (xformers' own words: a notice)
    ("WARNING:xformers:A matching Triton is not available, some optimizations will not be enabled. Error caught was:"
     " No module named 'triton'", "triton-missing-notice"),
    ("No module named 'triton'", None),  # alone at start-up, before training or inference runs on
    ("ModuleNotFoundError: No module named 'triton'", None),  # the end of a traceback xformers caught
    ("ValueError: Input signal length=0 is too small to resample from 44100->16000", "input-empty"),
    ("ValueError: n_samples=7180 should be >= n_clusters=10000.", "too-few-samples"),
    ("TypeError: forward() got an unexpected keyword argument 'use_cache'", "python-call-mismatch"),
    # a number read from the command line of another program, with no traceback of its steps: not a split path
    ("ValueError: invalid literal for int() with base 10: 'abc'", None),
    ("'runtime\\python.exe' 不是内部或外部命令，也不是可运行的程序", "package-runtime-missing"),
    ("OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files",
     "model-download-failed"),
    ("Downloading: https://hf-mirror.com/lj1995/GPT-SoVITS/resolve/main/s2G488k.pth 100%", None),  # it worked
    ("PermissionError: [WinError 5] 拒绝访问。: 'D:\\Program Files\\GPT-SoVITS\\TEMP'", "permission-denied"),
    ("OSError: [Errno 28] No space left on device", "disk-full"),
    ("ValueError: X has 768 features, but KMeans is expecting 256 features as input.", "feature-size-mismatch"),
    ("INFO:44k:enc_p.emb.weight is not in the checkpoint", "checkpoint-keys-mismatch"),
    ("error: can't find file logs/mute/0_gt_wavs/mute40k.wav", "model-file-missing"),
    ("I can't find the file explorer", None),
    ("TypeError: Invalid file: None", "audio-not-chosen"),
    ("OSError: Incorrect path_or_model_id: 'GPT_SoVITS/pretrained_models/chinese-hubert-base'. Please provide either the"
     " path to a local folder or the repo_id of a model on the Hub.", "model-file-missing"),
    ("RuntimeError: Given groups=1, weight of size [192, 768, 5], expected input[1, 256, 1032] to have 768 channels, but"
     " got 256 channels instead", "feature-size-mismatch"),
    ("ERROR: Ignored the following versions that require a different python version: 1.23.5 Requires-Python"
     " >=3.8,<3.11", "python-version-unsupported"),
    ("'svcg' is not recognized as an internal or external command,", "command-not-found"),
    ("bash: svc: command not found", "command-not-found"),
    ("svcg : The term 'svcg' is not recognized as the name of a cmdlet, function, script file, or operable program.",
     "command-not-found"),
    ("OSError: Model file not found: hubert_base.pt", "model-file-missing"),
    ("NotADirectoryError: [WinError 267] The directory name is invalid: 'D:\\\\rvc_models\\\\alto.pth'",
     "not-a-directory"),
    ("ValueError: mutable default <class 'fairseq.dataclass.configs.CommonConfig'> for field common is not allowed:"
     " use default_factory", "python-too-new-dataclass"),
    ("Exception: 参考音频在3~10秒范围外，请更换！", "reference-audio-length"),
    ("ImportError: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.29' not found", "glibc-too-old"),
    ("RuntimeError: Error in faiss::FileIOWriter::FileIOWriter(const char*) at io.cpp:98: Error: 'f' failed: could not"
     " open logs/王/trained_IVF256_Flat_nprobe_1_王_v2.index for writing: Illegal byte sequence", "faiss-index-unreadable"),
    ("svcg : 无法将“svcg”项识别为 cmdlet、函数、脚本文件或可运行程序的名称。", "command-not-found"),
    ("ERROR: omegaconf 2.0.5 has invalid metadata: Expected end or semicolon. Please use pip<24.1 if you need to use"
     " this version.", "pip-too-new-metadata"),
    ("InvalidArgument: [ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Invalid Feed Input Name:rnd", "onnx-inputs-mismatch"),
    ("bash: install.sh: No such file or directory", "script-not-found"),
    ("找不到install.sh文件，bash install.sh没办法运行", "script-not-found"),
    ("OSError: [WinError 123] The filename, directory name, or volume label syntax is incorrect: 'D:\\out\" -l zh'",
     "path-syntax"),
    ("OSError: [WinError 127] 找不到指定的程序。", "windows-dll-load"),
    ("Microsoft Visual C++ Redistributable is not installed, this may lead to the DLL load failure.",
     "windows-dll-load"),
    ("TypeError: AutoModel.generate() missing 1 required positional argument: 'input'", "python-call-mismatch"),
    ("UnicodeDecodeError: 'gbk' codec can't decode byte 0xae in position 41: illegal multibyte sequence",
     "text-encoding"),
    ("OSError: [WinError 10048] 通常每个套接字地址(协议/网络地址/端口)只允许使用一次。", "port-in-use"),
    ("ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 9880): address already in use",
     "port-in-use"),
    # ChatTTS without its models; conda's torch beside MKL 2024.1 (not the torch-packages mismatch); macOS's dlopen
    ("WARNING:ChatTTS.core:vocos not initialized.", "chattts-models-not-loaded"),
    ("ERROR:ChatTTS.core:download to local path D:\\tts failed.", "chattts-models-not-loaded"),
    ("AssertionError: Missing spk_stat.pt: models/asset/spk_stat.pt", "chattts-models-not-loaded"),
    ("RuntimeError: CUDA driver not initialized.", None),
    ("ImportError: /env/lib/python3.10/site-packages/torch/lib/libtorch_cpu.so: undefined symbol: iJIT_NotifyEvent",
     "torch-mkl-mismatch"),
    ("OSError: dlopen(/env/lib/python3.10/site-packages/torchaudio/lib/libtorchaudio.so, 0x0006): Symbol not found:"
     " __ZN2at4_ops6conv1d4callERKNS_6TensorE", "torch-packages-mismatch"),
    ("ImportError: dlopen(/env/lib/python3.10/site-packages/_sounddevice.so, 0x0002): Symbol not found: _Pa_Abort", None),
    # torch's source line quoted in a traceback; a retyped lower-case module error
    ("raise RuntimeError(\"Distributed package doesn't have NCCL \" \"built in\")", "torch-no-nccl"),
    ("no module named 'matcha.models'.", "cosyvoice-matcha-missing"),
    ("RuntimeError: GlooDeviceFactory::makeUVDevice(): interface or hostname can't be empty", "gloo-hostname-empty"),
    ("'sox' is not recognized as an internal or external command,", "sox-missing"),
    ("RuntimeError: Windows not yet supported for torch.compile", "torch-compile-windows"),
    ("RuntimeError: Could not allocate tensor with 295289856 bytes. There is not enough GPU video memory available!",
     "cuda-out-of-memory"),
    ("Workspace can't be allocated, no enough memory.", "cuda-out-of-memory"),
    # told as not happening
    ("训练时没有爆显存，但是速度很慢", None),
    ("NotImplementedError: Could not run 'aten::empty_strided' with arguments from the 'CUDA' backend.",
     "load-device-missing"),
    ("NotImplementedError: Could not run 'torchvision::nms' with arguments from the 'CUDA' backend.",
     "torch-packages-mismatch"),
    ("CUDAExecutionProvider missing from available providers in ONNX Runtime", "onnxruntime-no-cuda-provider"),
    ("CUDAExecutionProvider is not available in the list of execution providers", "onnxruntime-no-cuda-provider"),
    ("when the training starts, it tries to access the '3_feature768' folder... which is not generated.",
     "rvc-dataset-step-missing"),
    ("训练时报错，logs里的3_feature768没有生成", "rvc-dataset-step-missing"),
    ("TypeError: can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory"
     " first.", "cuda-tensor-to-numpy"),
    ("TypeError: can't convert mps:0 device type tensor to numpy.", "cuda-tensor-to-numpy"),
    ("/bin/sh: 1: sox: not found", "sox-missing"),
    ("'soxi' is not recognized as an internal or external command,", "command-not-found"),
    ("rvc  | A module that was compiled using NumPy 1.x cannot be run in", "numpy-abi-mismatch"),
    ("nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver to a newer"
     " version, or use an earlier cuda container: unknown.", "cuda-driver-insufficient"),
    ("AttributeError: 'Dropdown' object has no attribute 'select'", "gradio-version-mismatch"),
    # a Tk or PySimpleGUI program's Button is no gradio component
    ("AttributeError: 'Button' object has no attribute 'select'", None),
    ("RuntimeError: Failed to initalize Mecab", "openjtalk-mecab-init"),
    ("INFO:torch.nn.parallel.distributed:Reducer buckets have been rebuilt in this iteration.",
     "training-reducer-notice"),
    ("Exception: No encoder models found in encoder/saved_models", "model-file-missing"),
    (">> DeepSpeed加载失败，回退到标准推理: [WinError 2] 系统找不到指定的文件。", "deepspeed-optional-fallback"),
    (">> Failed to load custom CUDA kernel for BigVGAN. Falling back to torch.", "bigvgan-cuda-kernel-fallback"),
    ("No GPU found, models found in cache", None),
    # IndexTTS2 (infer_v2.py) words its DeepSpeed fallback in English
    (">> Failed to load DeepSpeed. Falling back to normal inference. Error: No module named 'deepspeed'",
     "deepspeed-optional-fallback"),
    # pyopenjtalk's message retyped with MeCab's own spelling, or in lower case
    ("RuntimeError: Failed to initialize MeCab", "openjtalk-mecab-init"),
    ("failed to initalize mecab", "openjtalk-mecab-init"),
    # torchaudio without FFmpeg's shared libraries (the ffmpeg program alone is another entry)
    ("RuntimeError: Unsupported backend 'ffmpeg' specified; please select one of ['sox', 'soundfile'] instead.",
     "torchaudio-no-ffmpeg"),
    ("RuntimeError: Failed to intialize FFmpeg extension. Tried versions: [6, 5, 4, '']", "torchaudio-no-ffmpeg"),
    ("OSError: libtorio_ffmpeg6.so: cannot open shared object file: No such file or directory", "torchaudio-no-ffmpeg"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg'", "ffmpeg-missing"),
    # a packaged .exe's own Python, in PyInstaller 5's and 6's words
    ("Error loading Python DLL 'D:\\tts\\_internal\\python310.dll'.", "packaged-app-incomplete"),
    ("[PYI-10240:ERROR] Failed to load Python DLL 'C:\\vc\\_internal\\python311.dll'.", "packaged-app-incomplete"),
    ("Error loading Python DLL: python3.dll", None),  # no Python of a version: not the launcher's words
    # text front ends: fugashi without a dictionary (pyopenjtalk's own MeCab failure is another entry), phonemizer
    # without eSpeak NG or the fork's method, a transformers that brought a model type vLLM registers too
    ("Failed initializing MeCab. Please see the README for possible solutions:", "mecab-dictionary-missing"),
    ("RuntimeError: Failed to initalize Mecab", "openjtalk-mecab-init"),
    ("RuntimeError: espeak not installed on your system", "espeak-not-found"),
    ("AttributeError: type object 'EspeakWrapper' has no attribute 'set_data_path'. Did you mean: 'data_path'?",
     "espeak-not-found"),
    ("ValueError: 'aimv2' is already used by a Transformers config, pick another name.", "transformers-name-taken"),
    ("OSError: /lib/x86_64-linux-gnu/libm.so.6: version GLIBC_2.29' not found (required by /x/libopencc.so.1.1)",
     "glibc-too-old"),  # retyped without the opening quote
    # a reply that was no JSON (a proxy's page, a server's error page), in a client's words or json's
    ("[core.connection] - ERROR - TTS 任务出错: Expecting value: line 1 column 1 (char 0)", "reply-not-json"),
    ("json.decoder.JSONDecodeError: Expecting value: line 3 column 5 (char 20)", None),  # a file with a mistake in it
    # faster-whisper's CTranslate2 without CUDA (a Mac's), vLLM's cache reserved at start, a file another process holds
    ("ValueError: This CTranslate2 package was not compiled with CUDA support", "ctranslate2-no-cuda"),
    ("AssertionError: Torch not compiled with CUDA enabled", "cuda-not-compiled"),
    ("ValueError: The model's max seq len (131072) is larger than the maximum number of tokens that can be stored in KV"
     " cache (126208). Try increasing `gpu_memory_utilization`", "vllm-kv-cache-too-small"),
    ("启动线程失败:[WinError 32]另一个程序正在使用此文件，进程无法访问。: 'F:\\tts\\xtts_v2\\hash.md5'", "file-in-use"),
    ("PermissionError: [WinError 32] The process cannot access the file because it is being used by another process",
     "file-in-use"),
    # onnxruntime offering the CPU alone, as a program prints it
    ("DEBUG    [__init__.py:54] Providers: ['CPUExecutionProvider']", "onnxruntime-no-cuda-provider"),
    ("Providers: ['CUDAExecutionProvider', 'CPUExecutionProvider']", None),
    # python -m's own words for a missing module
    ("python.exe: No module named xtts_api_server", "python-module-missing"),
    # a program's own words for its missing models
    ("Exception: Model folder saved_models/default doesn't exist.", "model-file-missing"),
    ("Error: Model files not found. Please download the models", "model-file-missing"),
    # pip 24.1+ skipping omegaconf 2.0.x silently, then reporting fairseq's pin as a conflict
    ("    fairseq 0.12.2 depends on omegaconf<2.1", "pip-too-new-metadata"),
    # a CUDA torchaudio beside a torch without CUDA; a retold deserialize message
    ("OSError: libtorch_cuda.so: cannot open shared object file: No such file or directory", "torch-packages-mismatch"),
    ("tortoise/api_fast.py attempts to deserialize object on a CUDA device but torch.cuda.is_available() is False",
     "load-device-missing"),
    # the input/weight mismatch retold in a post's title
    ('"Input Type (torch.cuda.FloatTensor) and Weight Type (torch.cuda.HalfTensor) Mismatch"', "dtype-input-weight"),
    # FlashAttention 2 asked for without flash-attn; eSpeak NG's library not found by a C++ front end
    ("ImportError: FlashAttention2 has been toggled on, but it cannot be used due to", "flash-attn-missing"),
    ("Could not load eSpeak-ng; install the shared library or provide its path", "espeak-not-found"),
    # ChatTTS asked for a part its failed load step never set
    ("AttributeError: 'Chat' object has no attribute 'tokenizer'", "chattts-models-not-loaded"),
    ("AttributeError: 'Chat' object has no attribute 'infer_stream'", None),
    # a crash inside compiled code, in the words of Linux, macOS and Windows
    ("zsh: segmentation fault  python infer-web.py", "native-crash"),
    ("Segmentation fault (core dumped)", "native-crash"),
    ("torch.multiprocessing.spawn.ProcessExitedException: process 0 terminated with exit code 3221225477", "native-crash"),
    ("Exception code: 0xc0000005", "native-crash"),
    ("exit code 32212254770", None),
    # a program's own check of a model file, naming it by what it is
    ("AssertionError: HifiGAN model file is not found!", "model-file-missing"),
    ("the model file is not found in the list", None),
    # a missing path that is no model; cmd's own line under a start script (not Python's, which names the path)
    ("FileNotFoundError: [Errno 2] No such file or directory: 'output/asr_opt/slicer_opt.list'", "path-not-found"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'tensorboard --logdir logs'", None),
    ("The system cannot find the path specified.", "script-path-not-found"),
    ("OSError: [WinError 3] The system cannot find the path specified: 'TEMP'", "path-not-found"),
    # gradio 4 under a new Starlette; the Hub's refusals; pip leaving a package out by its marker
    ("TypeError: Jinja2Templates.TemplateResponse() missing 1 required positional argument: 'name'",
     "gradio-starlette-too-new"),
    ("Cannot access gated repo for url https://huggingface.co/pyannote/speaker-diarization-3.1/resolve/main/config.yaml.",
     "huggingface-unauthorized"),
    ("401 Client Error: Unauthorized for url: https://example.com/api", None),
    ("Repository Not Found for url: https://huggingface.co/api/models/someone/private-voice/revision/main.",
     "huggingface-unauthorized"),
    # retyped without quotes: a model file, another path; a packaged program's DLL named bare
    ("get_hparams_from_fileFileNotFoundError: [Errno 2] No such file or directory: ./finetune-speaker.json![2] Failed",
     "model-file-missing"),
    ("FileNotFoundError: [Errno 2] No such file or directory: ./dataset/32k", "path-not-found"),
    ("Error loading Python DLL python39.dll", "packaged-app-incomplete"),
    ("实时变声打开后 PySimpleGUI 要求输入许可证密钥", "pysimplegui-licence"),
    # the web page's own words when it lost the program
    ('Gradio: "Something went wrong: connection errored out" when using Harvest', "gradio-connection-errored"),
    # a model file torch.jit or a post's Chinese words name as missing
    ("ValueError: The provided filename pretrained_models/x/flow.encoder.fp32.zip does not exist", "model-file-missing"),
    ("运行后提示没有找到文件 models/ChatTTS/config/path.yaml", "model-file-missing"),
    ("启动时找不到模型文件 pretrained/s1.ckpt", "model-file-missing"),
    ("找不到文件夹里的音频", None),
    # xformers' Triton notice; the listening address opened in a browser
    ("This is just a warning: No module named 'triton'", "triton-missing-notice"),
    ("Running on local URL: http://0.0.0.0:9874 but the page can't be opened", "browser-wildcard-address"),
    ("Running on local URL:  http://0.0.0.0:7860", None),
    # (review10) the server that cannot listen there, a page that opens, an API that answers: no browser's address
    ("uvicorn: could not bind on 0.0.0.0:9880, is another api.py running?", None),
    ("Running on local URL:  http://0.0.0.0:7860 -- the page opens, but the TTS button does not work", None),
    ("我用 http://0.0.0.0:9880/tts?text=你好 调用接口，返回 400，不能合成", None),
    ("Can't open http://0.0.0.0:7860 in Chrome", "browser-wildcard-address"),
    # (review10) a retyped path with a sentence's full stop or Chinese words after it; a Chinese post's quoted file
    ("FileNotFoundError: [Errno 2] No such file or directory: GPT_SoVITS/pretrained_models/s2G488k.pth.",
     "model-file-missing"),
    ("训练时报错 No such file or directory: logs/xx/G_2333.pth请问怎么办", "model-file-missing"),
    ('启动时提示：没有找到文件"GPT_SoVITS/configs/tts_infer.yaml"，怎么办', "model-file-missing"),

    ("pip install PySimpleGUI sounddevice noisereduce", None),
    ("Ignoring torch: markers 'sys_platform == \"darwin\"' don't match your environment", "pip-marker-skipped"),
])
def test_variants(message, entry_id):
    # (an entry that needs its code in the traceback never matches a line alone: see test_explain_real)
    matching = [e.id for e in catalog.ENTRIES if e.regex.search(message) and not e.frames]
    specific = [i for i in matching if not catalog.BY_ID[i].generic]
    # a generic entry takes a line only when no specific one does; among generics, the first in the catalog
    assert (specific or matching[:1]) == ([entry_id] if entry_id else [])


@pytest.mark.parametrize("entry_id, line", [
    ("nltk-resource-missing", "Errno 2 " * 6000),
    ("nltk-resource-missing", "Resource " + "a" * 40_000),
    ("pip-build-failed", "Building wheel for " * 2000),
    ("pip-build-failed", "ERROR: Failed to build " + "a" * 40_000 + " x"),
    ("audio-device-error", "Error opening Stream: " * 2000),
    ("localhost-proxy", "host='127.0.0.1' " * 2500),
    ("checkpoint-size-mismatch", "size mismatch for a: copying a param with shape torch.Size([" + "1, " * 13_000),
    ("checkpoint-keys-mismatch", "Missing key(s) in state_dict: " + "\"a.b\", " * 6000),
    ("numpy-abi-mismatch", "Numba needs NumPy " + "1." * 20_000),
    ("model-file-missing", "No such file or directory " + "a" * 100_000),  # was 1 s: a 10 MB line, 90 s
    # a name of up to 100 characters tried at every character (a 10 MB line: 20 s); now from a word's start
    ("modelscope-registry", "a" * 500_000 + " registry group"),
    ("pip-too-new-metadata", "a" * 500_000 + " invalid metadata"),
    ("local-server-not-running", "HTTPConnectionPool(host='127.0.0.1', port=9880): Max retries exceeded " * 1500),
    ("rvc-dataset-step-missing", "No such file or directory: '" + "a/" * 50_000),
    # a model's folder, the path-not-found paths: each quote's lazy path tried against the folder names
    ("model-file-missing", ("No such file or directory: '" + "x/models/" * 33 + ".") * 300),
    ("model-file-missing", ("No such file or directory: '" + "a/" * 150) * 300),
    ("ffmpeg-missing", ("No such file or directory: '" + "a/" * 200) * 100),
    ("path-not-found", ("FileNotFoundError: [Errno 2] No such file or directory: 'a" + " -" * 200) * 200),
    ("script-path-not-found", ".bat " + "cannot find the path specifie " * 3000),
    ("python-call-mismatch", "a" * 1_500_000 + " positional arguments but"),  # was 8 s (x4)
    ("ram-out-of-memory", "line 1: " * 20_000),
    # a torch library's name, then its missing symbol somewhere later on the line (Linux's and macOS's wording)
    ("torch-packages-mismatch", "libtorch.dylib " * 2500),
    ("torch-packages-mismatch", "libtorch_cpu.so: undefined symbol: iJIT_NotifyEvent " * 800),
])
def test_the_patterns_outside_the_gpu_stay_linear_on_a_long_hostile_line(entry_id, line, assert_no_backtracking_hang):
    assert_no_backtracking_hang(catalog.BY_ID[entry_id].regex, line * 4)


@pytest.mark.parametrize("line, found", [
    ("TypeError: load() takes 1 positional argument but 2 were given", True),
    ("TypeError: mel() takes 0 positional arguments but 5 were given", True),
    # a method of the program's own (Python 3.10 names its class): not librosa's load
    ("TypeError: Model.load() takes 1 positional argument but 2 were given", False),
    ("TypeError: SynthesizerTrn.load() takes 1 positional argument but 3 were given", False),
])
def test_librosas_keyword_only_functions_are_not_any_method_of_that_name(line, found):
    assert bool(catalog.BY_ID["librosa-too-new"].regex.search(line)) == found


@pytest.mark.parametrize("line, package", [
    ("Command '['pip', 'install', '-q', 'pyworld']' returned non-zero exit status 1.", "pyworld"),
    # an option's value is not the package: a requirements file, a target folder
    ("Command '['pip', 'install', '-r', 'requirements.txt']' returned non-zero exit status 1.", None),
    ("Command '['pip', 'install', '--target', 'libs', 'pyworld']' returned non-zero exit status 1.", None),
])
def test_a_failed_pip_command_names_its_package_not_an_options_value(line, package):
    match = catalog.BY_ID["pip-build-failed"].regex.search(line)
    assert (match.group("package6") if match else None) == package


def test_a_keys_mismatch_with_shapes_below_is_told_by_the_size_mismatch():
    keys = catalog.BY_ID["checkpoint-keys-mismatch"].regex
    assert keys.search('\tMissing key(s) in state_dict: "enc_q.pre.weight".\n\tUnexpected key(s) in state_dict: "x".')
    assert not keys.search('\tMissing key(s) in state_dict: "enc_q.pre.weight".\n\tsize mismatch for enc_p.emb_phone.weight:'
                           " copying a param with shape torch.Size([192, 768]) from checkpoint, the shape in current"
                           " model is torch.Size([192, 256]).")


def test_machine_reason_texts_exist_in_both_languages():
    for reason, texts in REASONS.items():
        assert set(texts) == {"en", "zh"}, reason
        assert set(PLACEHOLDER.findall(texts["en"])) == set(PLACEHOLDER.findall(texts["zh"])), reason


@pytest.mark.parametrize("message, total", [
    ("CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 2.00 GiB total capacity; 1.60 GiB already allocated)",
     "2.00"),
    ("CUDA out of memory. Tried to allocate 64.00 MiB. GPU 0 has a total capacity of 3.81 GiB of which 0 bytes is free.",
     "3.81"),
    ("CUDA out of memory.", None),
])
def test_out_of_memory_reads_the_card_size(message, total):
    from gsv_doctor.explain import _params

    params = _params(catalog.BY_ID["cuda-out-of-memory"].regex.search(message))
    assert params.get("total") == total


def test_the_library_and_dll_patterns_stay_linear_on_a_long_hostile_line(assert_no_backtracking_hang):
    n = 160_000  # the quadratic forms took 1 to 3 s at 40,000 characters: 16 to 48 s here
    for entry_id, line in (("windows-dll-load", 'Error loading "' + "a" * n + " or one of its dependencies"),
                           ("cuda-library-missing", "error " + "cublas" * (n // 6)),
                           ("cudnn-library-missing", "error " + "cudnn_ops" * (n // 9))):
        assert_no_backtracking_hang(catalog.BY_ID[entry_id].regex, line, expect_match=False)
    # the names they are for still match
    assert catalog.BY_ID["windows-dll-load"].regex.search(
        'Error loading "C:\\AI\\venv\\Lib\\site-packages\\torch\\lib\\fbgemm.dll" or one of its dependencies.'
    ).group("dll") == "fbgemm.dll"
    assert catalog.BY_ID["cuda-library-missing"].regex.search(
        "Could not load library cudart64_110.dll. Error code 126").group("major") == "11"
    assert catalog.BY_ID["cudnn-library-missing"].regex.search(
        "Could not locate cudnn_ops_infer64_8.dll. Please make sure it is in your library path!").group("major") == "8"


def test_the_readme_lists_every_entry_and_symptom():
    from conftest import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### What it recognises"):readme.index("### Exit codes", readme.index("### What it recognises"))]
    # the CPU kernels share one row: `cpu-half-conv`, `-linear`, ...
    listed = [e.id for e in ALL if f"`{e.id}`" in section or (e.id.startswith("cpu-half-") and f"`-{e.id[9:]}`" in section)]
    assert [e.id for e in ALL if e.id not in listed] == []
    assert [name for name in catalog.SYMPTOMS if f"`symptom-{name}`" not in section] == []


def test_the_cards_named_as_not_on_the_web_uis_training_list_are_not_on_it():
    # RVC's infer-web.py (and GPT-SoVITS's webui.py, Jan-Mar 2024, the only months it printed the message) keep a card
    # whose upper-cased name holds one of these; a GT 1030 or GT 730 holds "10" / "30"
    listed = ("10", "16", "20", "30", "40", "A2", "A3", "A4", "P4", "A50", "500", "A60", "70", "80", "90", "M4", "T4",
              "TITAN", "L", "4060")
    entry = catalog.BY_ID["training-gpu-not-listed"]
    texts = " ".join(entry.meaning.values()) + " " + " ".join(entry.manual.values())
    for card in ("GT 1030", "GT 730"):
        assert any(value in ("NVIDIA GeForce " + card).upper() for value in listed)
    assert "GT" not in texts.replace("GPT", "")
    for card in ("MX450", "MX550"):
        assert card in entry.meaning["en"] and card in entry.meaning["zh"]
        assert not any(value in ("NVIDIA GeForce " + card).upper() for value in listed)
    # later GPT-SoVITS trains on the CPU instead of printing it: its 4 GB floor never shows this message
    assert "2025" not in texts


@pytest.mark.parametrize("line, path", [
    ("Exception: No encoder models found in encoder/saved_models", "encoder/saved_models"),
    # a sentence's full stop is not part of the folder; a quoted folder keeps its spaces
    ("Exception: No encoder models found in encoder/saved_models.", "encoder/saved_models"),
    ('No models found in "C:\\Users\\John Smith\\RVC\\weights"', "C:\\Users\\John Smith\\RVC\\weights"),
    # a folder told in words names no path ("the" is none)
    ("No models found in the weights folder, please download them", None),
])
def test_a_model_folder_told_empty_is_named_by_its_path_not_by_a_word(line, path):
    match = catalog.BY_ID["model-file-missing"].regex.search(line)
    found = [v for k, v in match.groupdict().items() if k.startswith("path") and v] if match else []
    assert found == ([path] if path else [])


@pytest.mark.parametrize("log, found", [
    ("Stuck at go-web.bat\nThe system cannot find the path specified.", True),
    ("D:\\GPT-SoVITS>go-web.bat\n\n系统找不到指定的路径。", True),
    ("go-web.bat says The system cannot find the path specified", True),
    # Python's own [WinError 3] about a folder of the program's, printed a line or two below: not cmd's message
    ("D:\\GPT-SoVITS>go-web.bat\nFileNotFoundError: [WinError 3] The system cannot find the path specified: 'TEMP'",
     False),
    ("D:\\RVC>go-web.bat\nINFO:infer-web:Use Language: en_US\nOSError: [WinError 3] 系统找不到指定的路径。: 'logs/a/0_gt_wavs'",
     False),
])
def test_go_web_bat_above_cmds_own_path_message_is_the_missing_runtime(log, found):
    assert bool(catalog.BY_ID["package-runtime-missing"].regex.search(log)) == found


def test_gloos_empty_hostname_is_not_said_to_be_a_name_that_does_not_resolve():
    # torch's gloo binds the loopback address when the computer's name does not resolve: only a blank name fails
    meaning = catalog.BY_ID["gloo-hostname-empty"].meaning
    assert "resolve" not in meaning["en"] and "解析" not in meaning["zh"]


def test_numpy_too_olds_manual_does_not_offer_numpy_below_2_for_a_package_built_for_numpy_2():
    manual = catalog.BY_ID["numpy-too-old"].manual
    # C API 0x11 is numpy 1.25 and 1.26; 0x12 and newer only numpy 2 has, which "numpy<2" cannot install
    assert "0x11 1.25 and 1.26" in manual["en"] and "0x11 是 1.25 和 1.26" in manual["zh"]
    assert "numpy>=2" in manual["en"] and "numpy>=2" in manual["zh"]


@pytest.mark.parametrize("line, step", [
    # the step told missing is the one the words are about, not one named before it as there
    ("0_gt_wavs and 1_16k_wavs were created, but 3_feature768 doesn't exist", "3_feature768"),
    ("The 2a_f0 folder was created fine, but the added index is not generated", None),
    ("3_feature768 has 200 files but the index file is not created", None),
    ("3_feature768文件夹有文件，但是索引没有生成", None),
    # "has not been" / "hasn't been": the same told in the perfect
    ("the 3_feature768 folder has not been generated", "3_feature768"),
    ("2a_f0 hasn't been created after step 2b", "2a_f0"),
])
def test_a_step_folder_told_missing_in_words_is_the_one_the_words_are_about(line, step):
    found = catalog.BY_ID["rvc-dataset-step-missing"].regex.search(line)
    assert (found and (found.group("step") or found.group("step2"))) == step


@pytest.mark.parametrize("line, where", [
    ("RuntimeError: Windows not yet supported for torch.compile", "Windows"),
    # the same refusal of the same option by a torch older than the Python it runs on (3.11 before torch 2.1, 3.12
    # before 2.4)
    ("RuntimeError: Python 3.12+ not yet supported for torch.compile", "Python 3.12+"),
])
def test_torch_compile_refused_by_this_torch_is_found_with_where(line, where):
    found = catalog.BY_ID["torch-compile-windows"].regex.search(line)
    assert found and found.group("where") == where


def test_words_that_stand_in_for_frames_say_which_programs_posts_they_are_read_in():
    known = {project.id for project in logprojects.PROJECTS} | {logprojects.UNKNOWN.id}
    for entry in catalog.ENTRIES:
        if entry.untraced_words:
            assert entry.frames and entry.untraced_projects, entry.id
        assert set(entry.untraced_projects) <= known, entry.id


def test_gradio_4s_template_error_is_told_as_starlette_1s_removal():
    # Starlette kept TemplateResponse(name, context) beside the new form up to 0.52 (FastAPI 0.115.7 takes Starlette
    # < 0.46); Starlette 1.0 removed it, and only FastAPI 0.133 and newer take Starlette 1.x
    entry = catalog.BY_ID["gradio-starlette-too-new"]
    assert "Starlette 1.0" in entry.meaning["en"] and "Starlette 1.0" in entry.meaning["zh"]
    assert "0.133" in entry.meaning["en"] and "0.133" in entry.meaning["zh"]
    assert "FastAPI 0.115.7 and newer bring" not in entry.meaning["en"]
    # the pin still holds it below Starlette 1.0 (FastAPI 0.115.6 takes Starlette < 0.42)
    assert '"fastapi<0.115.7"' in entry.manual["en"]


def test_the_hubs_login_advice_names_the_hf_command_that_huggingface_hub_1_still_has():
    # huggingface_hub 1.0 removed the huggingface-cli command; `hf auth login` is there from 0.34 on
    entry = catalog.BY_ID["huggingface-unauthorized"]
    for lang in ("en", "zh"):
        assert "`hf auth login`" in entry.manual[lang] and "`hf auth logout`" in entry.manual[lang]
        assert "huggingface-cli" not in entry.manual[lang].replace("`huggingface-cli login`", "")


def test_the_pysimplegui_pattern_stays_linear_on_a_long_hostile_line(assert_no_backtracking_hang):
    # (review10) "subscri\w*" ran to the word's end and gave it back one character at a time, each time trying the
    # 120 characters after it: 2,000 of them on a line took 40 s
    assert_no_backtracking_hang(catalog.BY_ID["pysimplegui-licence"].regex,
                                "PySimpleGUI" + " " * 200 + "subscri" * 2000, expect_match=False)
