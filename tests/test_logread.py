import io

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import TESTS
from gsv_doctor import explain, logread
from gsv_doctor.errors import DoctorError

LOGS = TESTS / "logs"
CONV = '"slow_conv2d_cpu" not implemented for \'Half\''
TRACE = (
    "Traceback (most recent call last):\n"
    '  File "D:\\AI\\GPT-SoVITS\\GPT_SoVITS\\feature_extractor\\cnhubert.py", line 84, in forward\n'
    '    feats = self.model(input_values)["last_hidden_state"]\n'
    '  File "D:\\AI\\GPT-SoVITS\\runtime\\lib\\site-packages\\torch\\nn\\modules\\conv.py", line 306, in _conv_forward\n'
    "    return F.conv1d(input, weight, bias, self.stride,\n"
    "RuntimeError: " + CONV + "\n"
)


def test_gbk_log_decodes_as_gbk_with_chinese_intact():
    log = logread.read_log((LOGS / "gbk_console_prepare_conv.log").read_bytes())
    assert log.encoding == "gbk"
    assert "当前使用的是 CPU 推理" in log.text
    assert "一键三连失败" in log.text
    assert log.tracebacks[0].exception == "RuntimeError: " + CONV


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_bom_and_utf16_logs(encoding):
    data = ("界面日志\n" + TRACE).encode(encoding)
    log = logread.read_log(data)
    assert "界面日志" in log.text
    assert log.tracebacks[0].exception == "RuntimeError: " + CONV


def test_utf8_cut_inside_a_character_stays_utf8():
    data = ("推理失败 " * 20 + "\n" + TRACE).encode("utf-8") + "中".encode("utf-8")[:2]
    log = logread.read_log(data)
    assert log.encoding != "gbk"
    assert "推理失败" in log.text


def test_mixed_utf8_and_gbk_lines_decode_each_line_right():
    data = "UTF-8 行：模型加载\n".encode("utf-8") + "GBK 行：进程已结束\n".encode("gbk") + TRACE.encode()
    log = logread.read_log(data)
    assert "模型加载" in log.text and "进程已结束" in log.text
    assert len(log.tracebacks) == 1


def test_ansi_codes_crlf_and_progress_bars_are_cleaned():
    data = ("\x1b[31m" + TRACE.replace("\n", "\r\n") + "\x1b[0m" + " 10%|#   | 1/10\r 20%|##  | 2/10\r\n").encode()
    log = logread.read_log(data)
    assert "\x1b" not in log.text and "\r" not in log.text
    assert log.tracebacks[0].exception == "RuntimeError: " + CONV
    assert " 20%|##  | 2/10" in log.text.splitlines()


def test_rank_docker_and_quote_prefixes_are_stripped():
    for prefix in ("[rank0]: ", "gpt-sovits-1  | ", "> "):
        text = "".join(prefix + line + "\n" for line in TRACE.splitlines())
        log = logread.read_log(text.encode())
        assert log.tracebacks[0].exception == "RuntimeError: " + CONV, prefix
        assert log.tracebacks[0].frames[0].path.endswith("cnhubert.py")


def test_repr_escaped_quotes_and_curly_quotes_are_undone():
    lines = logread.clean_lines("gradio.exceptions.Error: 'RuntimeError: \"bmm\" not implemented for \\'Half\\''\n"
                                "RuntimeError: \u201cbmm\u201d not implemented for \u2018Half\u2019")
    assert lines[0].endswith("\"bmm\" not implemented for 'Half''")
    assert lines[1] == "RuntimeError: \"bmm\" not implemented for 'Half'"


def test_frames_windows_and_posix_paths_and_source_lines():
    log = logread.read_log((LOGS / "linux_inference_gradio_layernorm.log").read_bytes())
    (traceback,) = log.tracebacks
    project = [f for f in traceback.frames if not f.is_library]
    assert [f.posix.split("GPT-SoVITS/")[1] for f in project] == [
        "GPT_SoVITS/inference_webui.py", "GPT_SoVITS/AR/models/t2s_model.py", "GPT_SoVITS/AR/models/t2s_model.py"]
    assert project[-1].line == 142 and project[-1].function == "process_prompt"
    assert project[-1].code.startswith("x = F.layer_norm(")
    assert project[-1].path_and_function.endswith("GPT_SoVITS/AR/models/t2s_model.py process_prompt")
    windows = logread.read_log((LOGS / "win_package_prepare_hubert_conv.log").read_bytes())
    first = windows.tracebacks[0]
    assert first.frames[0].path.startswith("D:\\AI\\GPT-SoVITS-v2pro-20250604\\GPT_SoVITS\\prepare_datasets")
    assert [f.is_library for f in first.frames] == [False, False, True, True, True, True]
    assert windows.tracebacks[1].exception.startswith("FileNotFoundError")


@pytest.mark.parametrize("path, library", [
    ("D:\\GSV\\runtime\\lib\\site-packages\\torch\\nn\\functional.py", True),
    ("D:\\GSV\\runtime\\lib\\threading.py", True),
    ("C:\\Users\\a\\AppData\\Local\\Programs\\Python\\Python310\\lib\\runpy.py", True),
    ("/usr/lib/python3.10/threading.py", True),
    ("/root/miniconda3/envs/gsv/lib/python3.10/site-packages/gradio/queueing.py", True),
    ("/home/u/GPT-SoVITS/.venv/lib/python3.10/site-packages/torch/cuda/__init__.py", True),
    ("<frozen importlib._bootstrap>", True),
    ("<string>", True),
    ("D:\\GSV\\GPT_SoVITS\\TTS_infer_pack\\TTS.py", False),
    ("/home/u/GPT-SoVITS/api.py", False),
    ("/Users/lin/GPT-SoVITS/tools/uvr5/webui.py", False),
])
def test_library_paths(path, library):
    assert logread.is_library_path(path) is library


def test_project_root_and_relative_paths():
    paths = ["D:\\GSV\\runtime\\lib\\site-packages\\gradio\\utils.py", "D:\\GSV\\api.py",
             "D:\\GSV\\GPT_SoVITS\\module\\models.py"]
    root = logread.project_root_of(paths)
    assert root == "D:/GSV"
    assert logread.relative_to(paths[2], root) == "GPT_SoVITS/module/models.py"
    assert logread.project_root_of(["/srv/app/main.py", "/srv/app/lib/x.py"]) == "/srv/app"


def test_chained_tracebacks_are_linked():
    log = logread.read_log((LOGS / "chained_groupnorm_gradio_error.log").read_bytes())
    assert len(log.tracebacks) == 2
    assert log.tracebacks[1].chained_from == 0
    assert log.tracebacks[1].exception_type == "gradio.exceptions.Error"


def test_multi_line_exception_message_is_kept():
    log = logread.read_log((LOGS / "rtx5090_no_kernel_image.log").read_bytes())
    traceback = log.tracebacks[0]
    assert traceback.exception == "RuntimeError: CUDA error: no kernel image is available for execution on the device"
    assert "For debugging consider passing CUDA_LAUNCH_BLOCKING=1." in traceback.more
    assert traceback.wrapped == []  # its lines are short: a multi-line message, not a wrapped one


def test_hard_wrapped_exception_line_is_joined():
    message = "RuntimeError: " + "x" * 60 + ' "slow_conv2d_cpu" not implemented for \'Half\''
    wrapped = "\n".join(message[i:i + 80] for i in range(0, len(message), 80))
    log = logread.read_log((TRACE.rsplit("RuntimeError", 1)[0] + wrapped + "\nnext log line\n").encode())
    assert log.tracebacks[0].full_exception == message


def test_indented_traceback_keeps_its_exception_line():
    for indent in ("    ", "\t"):
        text = "".join(indent + line + "\n" for line in TRACE.splitlines()) + "next\n"
        (traceback,) = logread.read_log(text.encode()).tracebacks
        assert traceback.exception == "RuntimeError: " + CONV
        assert [f.line for f in traceback.frames] == [84, 306]
        assert traceback.frames[0].code == 'feats = self.model(input_values)["last_hidden_state"]'


def test_headless_traceback_fragment_is_parsed():
    log = logread.read_log((LOGS / "dtype_expected_scalar_float.log").read_bytes())
    (traceback,) = log.tracebacks
    assert traceback.frames[0].line == 213
    assert traceback.exception == "RuntimeError: expected scalar type Float but found Half"


def test_last_exception_without_traceback():
    log = logread.read_log(b"starting\nValueError: bad sample rate 0\nbye\n")
    assert log.last_exception() == "ValueError: bad sample rate 0"
    assert logread.read_log(b"all fine\n").last_exception() is None


def test_read_source_file_stdin_and_errors(tmp_path):
    path = tmp_path / "a.log"
    path.write_bytes(b"x")
    assert logread.read_source(str(path)) == (b"x", str(path))
    assert logread.read_source("-", stdin=io.BytesIO(b"pasted")) == (b"pasted", "<stdin>")
    with pytest.raises(DoctorError, match="no such file"):
        logread.read_source(str(tmp_path / "missing.log"))
    with pytest.raises(DoctorError, match="folder"):
        logread.read_source(str(tmp_path))


def _check_invariants(log):
    assert isinstance(log.text, str)
    for traceback in log.tracebacks:
        assert traceback.start_line >= 1
        assert traceback.exception_line == 0 or traceback.exception_line > traceback.start_line - 1
    log.last_exception()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_fuzz_random_bytes_never_crash(data):
    _check_invariants(logread.read_log(data))


_CORPUS = [p.read_bytes() for p in sorted(LOGS.iterdir())]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_CORPUS), st.integers(0, 10 ** 6), st.integers(0, 10 ** 6), st.binary(max_size=40))
def test_fuzz_truncated_and_spliced_logs_never_crash(data, cut, at, junk):
    truncated = data[: cut % (len(data) + 1)]
    position = at % (len(truncated) + 1)
    _check_invariants(logread.read_log(truncated[:position] + junk + truncated[position:]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Traceback (most recent call last):", '  File "x.py", line 1, in f', '  File "', "    code", "",
    "RuntimeError: " + CONV, "During handling of the above exception, another exception occurred:",
    "\x1b[31m", "[rank0]: ", "  ^^^^", "\r", "中文", "File \"a\", line 9999999999999999999999",
]), max_size=60))
def test_fuzz_traceback_shaped_noise_never_crashes(parts):
    _check_invariants(logread.read_log("\n".join(parts).encode("utf-8")))


# A traceback photographed or copied from a narrow window: "File" alone, the path broken over lines,
# source lines flush left, a frame misread by text recognition.
WRAPPED = (
    "点了转换就报错\n"
    "Traceback (most recent call last):\n"
    "File\n"
    '"E:\\voice\\RVC0528\\runtime\\lib\\site-packages\\torch\\nn\\modu\n'
    'les\\module.py", line 1532, in _call_impl\n'
    "return forward_call(*args, **kwargs)\n"
    'File "E:\\voice\\RVC0528\\infer\\modules\\vc\\pipeline.py", line 301, in\n'
    "get_f0\n"
    "f0 = self.model_rmvpe.infer_from_audio(x, thred=0.03)\n"
    'file EvoiceRVC0528 infer lib rmvpe.py",line\n'
    "377, in decode\n"
    "center = np.argmax(salience, axis=1)\n"
    "NameError: name 'salience' is not defined\n"
)


def test_a_wrapped_traceback_ends_at_its_exception_line_with_its_frames_joined():
    log = logread.read_log(WRAPPED.encode())
    (traceback,) = log.tracebacks
    assert traceback.exception == "NameError: name 'salience' is not defined"
    assert log.last_exception() == "NameError: name 'salience' is not defined"
    assert [(f.posix.rsplit("/", 1)[1], f.line, f.function) for f in traceback.frames] == [
        ("module.py", 1532, "_call_impl"), ("pipeline.py", 301, "get_f0")]
    assert traceback.frames[1].code == "f0 = self.model_rmvpe.infer_from_audio(x, thred=0.03)"


def test_a_traceback_that_lost_its_indentation_keeps_code_and_exception_apart():
    text = ('Traceback (most recent call last):\nFile "D:\\svc\\inference_main.py", line 40, in <module>\n'
            'main()\nFile "D:\\svc\\inference\\infer_tool.py", line 210, in main\nspk = spk_list[0]\n'
            "IndexError: list index out of range\n\nany idea?\n")
    (traceback,) = logread.read_log(text.encode()).tracebacks
    assert traceback.exception == "IndexError: list index out of range"
    assert [f.code for f in traceback.frames] == ["main()", "spk = spk_list[0]"]


def test_a_traceback_cut_off_inside_a_frame_has_no_exception_line():
    text = ('Traceback (most recent call last):\n  File "/srv/gsv/webui.py", line 9, in <module>\n    run()\n'
            'Traceback (most recent call last):\n  File "/srv/gsv/GPT_SoVITS/s1_train.py", line 3, in <mod\n')
    log = logread.read_log(text.encode())
    assert [t.exception for t in log.tracebacks] == ["", ""]
    assert log.last_exception() is None



def test_a_code_block_closed_before_the_exception_line_is_a_cut_traceback():
    text = ("it eats all my memory and stops\n```\nTraceback (most recent call last):\n```\n"
            '  File "C:\\svc\\Lib\\site-packages\\joblib\\parallel.py", line 288, in __call__\n'
            "    return [func(*args, **kwargs)\n```\n![image](https://example.invalid/shot.png)\n")
    log = logread.read_log(text.encode())
    (traceback,) = log.tracebacks
    assert traceback.exception == "" and len(traceback.frames) == 1
    assert log.last_exception() is None


@pytest.mark.parametrize("between", ["```\n", "```\n\n```\n", "```\n```python\n"])
def test_an_exception_line_pasted_just_below_the_closing_fence_is_still_the_tracebacks(between):
    text = ("```\nTraceback (most recent call last):\n"
            '  File "D:\\GPT-SoVITS\\GPT_SoVITS\\s2_train.py", line 91, in run\n'
            "    train_dataset = TextAudioSpeakerLoader(hps.data)\n" + between + "AssertionError\n")
    (traceback,) = logread.read_log(text.encode()).tracebacks
    assert traceback.exception == "AssertionError" and len(traceback.frames) == 1

# A log pasted from a web page that shows it as a table: the traceback's lines joined into one, a
# separator row, the exception glued to the timestamp of its row.
TABLE = (
    "inference container stops at start\n\n"
    'Traceback (most recent call last): File "/srv/app/GPT_SoVITS/inference_webui.py", line 88, in <module>'
    " from AR.models.t2s_lightning_module import Text2SemanticLightningModule\n"
    "-- | --\n"
    "  | 2025-03-02T17:45:10.882ZModuleNotFoundError: No module named 'AR'\n\n"
    "the module is there in the image\n"
)


def test_an_exception_glued_to_a_timestamp_in_a_pasted_table_is_found():
    log = logread.read_log(TABLE.encode())
    (traceback,) = log.tracebacks
    assert traceback.exception == "ModuleNotFoundError: No module named 'AR'"
    assert [(f.posix, f.line, f.function) for f in traceback.frames] == [
        ("/srv/app/GPT_SoVITS/inference_webui.py", 88, "<module>")]
    assert log.last_exception() == "ModuleNotFoundError: No module named 'AR'"
    one_line = logread.read_log(b'Traceback (most recent call last): File "/srv/api.py", line 4, in <module>'
                                b" import x ModuleNotFoundError: No module named 'x'\nthanks\n")
    assert one_line.tracebacks[0].exception == "ModuleNotFoundError: No module named 'x'"


@pytest.mark.parametrize("line, exception", [
    ("启动推理界面时好像是RuntimeError: Error(s) in loading state_dict for SynthesizerTrn这种报错，求助",
     "RuntimeError: Error(s) in loading state_dict for SynthesizerTrn"),
    ("報錯大概是 ImportError: DLL load failed while importing _C 之類的", "ImportError: DLL load failed while importing _C"),
    ("the console shows `ValueError: n_fft must be positive` every time", "ValueError: n_fft must be positive"),
    ('it says "AttributeError: \'HParams\' object has no attribute \'n_speakers\'", then exits',
     "AttributeError: 'HParams' object has no attribute 'n_speakers'"),
    ("[2024-11-05 08:12:33,120] main.py:88: torch.cuda.OutOfMemoryError: CUDA out of memory.",
     "torch.cuda.OutOfMemoryError: CUDA out of memory."),
])
def test_an_exception_named_inside_a_sentence_or_after_a_prefix_is_found(line, exception):
    assert logread.read_log(("我的整合包\n" + line + "\n").encode()).last_exception() == exception


@pytest.mark.parametrize("line", [
    "F:\\rvc\\gui_v1.py:12: UserWarning: the operator is not supported and will run on the CPU",
    "Error handling is poor in this tool",
    "这个报错 Error 看不懂",
])
def test_warnings_and_the_word_error_in_prose_are_no_exception_line(line):
    assert logread.read_log((line + "\n").encode()).last_exception() is None


def test_a_message_in_chinese_after_the_exception_is_kept_whole():
    log = logread.read_log("OSError: [WinError 126] 找不到指定的模块。\n".encode())
    assert log.last_exception() == "OSError: [WinError 126] 找不到指定的模块。"


@pytest.mark.parametrize("exception", [
    "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 3.41 GiB for an array with shape (1190000, 768)",
    "socket.timeout: The read operation timed out",
    "cv2.error: OpenCV(4.8.0) error: (-215:Assertion failed) !_src.empty() in function 'cvtColor'",
])
def test_an_exception_class_with_an_underscore_or_lower_case_name_ends_its_traceback(exception):
    # the program's output goes on below it; a line of that output is not the exception
    text = ('Traceback (most recent call last):\n  File "D:\\RVC\\infer-web.py", line 700, in train_index\n'
            "    big_npy = np.concatenate(npys, 0)\n" + exception + "\nLoading model\nDone\n")
    log = logread.read_log(text.encode())
    assert [(t.exception, t.exception_line) for t in log.tracebacks] == [(exception, 4)]
    if "_ArrayMemoryError" in exception:  # read as a frame line, the error explain knows was hidden
        assert [e.id for e in explain.explain_log(log)] == ["ram-out-of-memory"]


@pytest.mark.parametrize("line, error", [
    ("RuntimeError: CUDA error: out of memory", True), ("  torch.cuda.OutOfMemoryError: CUDA out of memory.", True),
    ("gradio.exceptions.Error: 'x'", False), ("Error: no sound", False), ("UserWarning: x", False),
    ("RuntimeError:", False), ("KeyboardInterrupt", False), ("the RuntimeError: x happens", False),
])
def test_an_error_line_by_itself(line, error):
    assert logread.is_error_line(line) == error


# IPython's traceback (Colab, Jupyter) in its three shapes: IPython 7 as printed, as Colab renders it (each path a
# Markdown link), and IPython 8's "File path:line, in function" and "Cell In[n], line m"
_NOTEBOOK_TRACEBACKS = {
    "ipython7": ("KeyError                                  Traceback (most recent call last)\n"
                 "<ipython-input-4-0a1b2c3d4e5f> in <module>\n"
                 "      7 speaker = 'alto'\n"
                 "----> 8 model = load(speaker)\n"
                 "\n"
                 "/content/so-vits-svc/infer_tool.py in load(name)\n"
                 "     40     table = read_table()\n"
                 "---> 41     return table[name]\n"
                 "\n"
                 "KeyError: 'alto'\n"),
    "colab": ("---------------------------------------------------------------------------\n"
              "KeyError                                  Traceback (most recent call last)\n"
              "[<ipython-input-4-0a1b2c3d4e5f>](https://localhost:8080/#) in <module>\n"
              "----> 8 model = load(speaker)\n"
              "[/content/so-vits-svc/infer_tool.py](https://localhost:8080/#) in load(name)\n"
              "     40     table = read_table()\n"
              "---> 41     return table[name]\n"
              "KeyError: 'alto'\n"),
    "ipython8": ("KeyError                                  Traceback (most recent call last)\n"
                 "Cell In[4], line 8\n"
                 "      7 speaker = 'alto'\n"
                 "----> 8 model = load(speaker)\n"
                 "\n"
                 "File /content/so-vits-svc/infer_tool.py:41, in load(name)\n"
                 "     40     table = read_table()\n"
                 "---> 41     return table[name]\n"
                 "\n"
                 "KeyError: 'alto'\n"),
}


@pytest.mark.parametrize("shape", sorted(_NOTEBOOK_TRACEBACKS))
def test_notebook_tracebacks_are_read_with_their_frames(shape):
    log = logread.read_log(_NOTEBOOK_TRACEBACKS[shape].encode())
    (traceback,) = log.tracebacks
    assert traceback.exception == "KeyError: 'alto'"
    assert log.lines[traceback.exception_line - 1] == "KeyError: 'alto'"
    first, last = traceback.frames
    assert first.path.startswith("<") and first.is_library  # the notebook's cell, not a file of the program
    assert (last.path, last.line, last.function, last.code) == (
        "/content/so-vits-svc/infer_tool.py", 41, "load", "return table[name]")
    assert not last.is_library


def test_a_notebook_traceback_beside_a_python_one_keeps_the_chain_links():
    python = ('Traceback (most recent call last):\n  File "a.py", line 1, in <module>\n    f()\nValueError: first\n'
              "\nDuring handling of the above exception, another exception occurred:\n\n"
              'Traceback (most recent call last):\n  File "a.py", line 3, in <module>\n    g()\nKeyError: second\n\n')
    log = logread.read_log((_NOTEBOOK_TRACEBACKS["ipython8"] + "\n" + python).encode())
    assert [t.exception for t in log.tracebacks] == ["KeyError: 'alto'", "ValueError: first", "KeyError: second"]
    assert log.tracebacks[2].chained_from == 1
    # a heading of that shape with no frames and no exception below it is no traceback
    prose = logread.read_log(b"Error                 Traceback (most recent call last)\nthen nothing like a frame\n" * 3)
    assert prose.tracebacks == []
    cut = logread.read_log(_NOTEBOOK_TRACEBACKS["colab"].encode()[:-len("KeyError: 'alto'\n")] + _NOTEBOOK_TRACEBACKS["ipython7"].encode())
    assert [(t.exception, len(t.frames)) for t in cut.tracebacks] == [("", 2), ("KeyError: 'alto'", 2)]
