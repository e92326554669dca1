import re

from gsv_doctor import fixmessages, messages
from gsv_doctor.families.rvc import texts

FIELD = re.compile(r"\{(\w+)\}")


def test_every_text_has_both_languages_with_the_same_fields():
    for code, entry in list(texts.FINDINGS.items()) + list(texts.FIX_TEXTS.items()):
        assert set(entry) == {"en", "zh"}, code
        en, zh = entry["en"], entry["zh"]
        en, zh = ("\n".join(en), "\n".join(zh)) if isinstance(en, tuple) else (en, zh)
        assert set(FIELD.findall(en)) == set(FIELD.findall(zh)), code


def test_the_core_looks_the_family_texts_up_without_copying_them():
    for code in texts.FINDINGS:
        assert code not in messages.FINDINGS
        assert messages.FINDING_TEXTS[code + ".title"]["en"] == texts.FINDINGS[code]["en"][0]
    assert "rvc.syntax" in messages.ERRORS and "rvc.syntax" not in messages.ERRORS.core
    assert fixmessages.text("reason.rvc-json-fp16", "zh", {"path": "configs/v1/40k.json"}).startswith("configs/v1")
    filled = messages.finding_texts("rvc-config-half-on-cpu", {"config": "configs/config.py", "entries": "infer-web.py",
                                                               "outcome": "crash"}, "en")
    assert filled["title"] == "configs/config.py gives float16 on the CPU (crash)"
