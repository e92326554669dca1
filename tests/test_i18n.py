import pytest

from gsv_doctor.i18n import pick_language


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "zh_CN:en"}, "zh"),
    ({"GSV_DOCTOR_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
])
def test_language_from_environment(environ, expected):
    assert pick_language(environ=environ) == expected


def test_override_wins_and_unknown_falls_back_to_english():
    assert pick_language("zh-CN", environ={"LANG": "en_US.UTF-8"}) == "zh"
    assert pick_language("en", environ={"LANG": "zh_CN.UTF-8"}) == "en"
    assert pick_language("fr", environ={"LANG": "zh_CN.UTF-8"}) == "en"
