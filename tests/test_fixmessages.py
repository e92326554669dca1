import ast
import re
import string
from pathlib import Path

import pytest

from gsv_doctor import fixmessages
from gsv_doctor.errors import DoctorError
from gsv_doctor.fixmessages import TEXTS, FixError

PACKAGE = Path(fixmessages.__file__).resolve().parent
FIX_MODULES = [PACKAGE / "fixplan.py", PACKAGE / "edits.py", PACKAGE / "commands" / "fix.py"]


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_every_text_in_both_languages_with_the_same_placeholders(code):
    assert set(TEXTS[code]) == {"en", "zh"}
    en, zh = TEXTS[code]["en"], TEXTS[code]["zh"]
    assert en.strip() and zh.strip()
    assert en.isascii(), "English texts stay ASCII (a cp1252 console prints them)"
    assert not zh.isascii() and zh != en, "the Chinese text is missing (a copy of the English one)"
    assert fields(en) == fields(zh)


def test_every_error_hint_belongs_to_an_error():
    for code in TEXTS:
        if code.endswith(".hint"):
            assert code[: -len(".hint")] in TEXTS


def _string_literals(path):
    return {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_every_code_the_fix_modules_name_has_a_text():
    pattern = re.compile(r"^(reason|note|out|usage|error)\.[a-z0-9-]+$")
    named = {literal for path in FIX_MODULES for literal in _string_literals(path) if pattern.match(literal)}
    assert len(named) > 20
    assert named <= set(TEXTS), named - set(TEXTS)


def test_the_fix_modules_raise_only_translatable_errors():
    """A bare DoctorError would reach the user in English whatever --lang says."""
    for path in FIX_MODULES:
        calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "DoctorError"]
        assert not calls, path


def test_text_fills_params_and_falls_back():
    assert fixmessages.text("out.restored", "zh", {"path": "a", "backup": "b", "saved": "c"}).startswith("已从 b 恢复 a（备份于 c")
    assert fixmessages.text("out.restored", "fr", {"path": "a", "backup": "b", "saved": "c"}).startswith(
        "restored a from b (saved c")
    assert fixmessages.text("out.restored", "en", {"path": None}).startswith("restored ? from ? (saved ?")


def test_action_param_is_a_code_in_the_chosen_language():
    params = {"action": "write", "path": "config.py"}
    assert fixmessages.text("error.disk-full", "en", params).startswith("Writing config.py failed")
    assert fixmessages.text("error.disk-full", "zh", params).startswith("写入 config.py 失败")


def test_fix_error_is_english_until_rendered():
    error = FixError("error.read-only", {"path": "/p/config.py"}, exit_code=2)
    assert isinstance(error, DoctorError) and error.exit_code == 2
    assert error.message == "/p/config.py is read-only; gsv-doctor changed nothing." and "chmod" in error.hint
    zh = error.in_language("zh")
    assert "只读" in zh.message and "/p/config.py" in zh.message and "chmod" in zh.hint and zh.exit_code == 2
    assert FixError("error.config-unfixable", {"error": "x"}).in_language("zh").hint is None
