"""English or Simplified Chinese, picked from the locale; --lang overrides."""
from __future__ import annotations

import locale
import os
import sys
from typing import Mapping, Optional

LANGUAGES = ("en", "zh")
LANG_KEY = "gsv_doctor.lang"  # where --lang is remembered in click's shared context meta


def _normalise(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    value = value.strip().lower().replace("-", "_")
    if value.startswith("zh") or value.startswith("chinese"):
        return "zh"
    if value in ("c", "posix"):
        return "en"
    return "en" if value[:2].isalpha() else None


def _windows_ui_language() -> Optional[str]:
    try:
        import ctypes

        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except Exception:
        return None
    return "zh" if (lang_id & 0x3FF) == 0x04 else "en"  # 0x04: LANG_CHINESE


def pick_language(override: Optional[str] = None, environ: Optional[Mapping[str, str]] = None) -> str:
    """`override` first, then GSV_DOCTOR_LANG, LC_ALL, LC_MESSAGES, LANG, LANGUAGE, then the OS."""
    if override:
        chosen = _normalise(override)
        return chosen if chosen in LANGUAGES else "en"
    environ = os.environ if environ is None else environ
    for name in ("GSV_DOCTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        chosen = _normalise(environ.get(name, "").split(":")[0])
        if chosen:
            return chosen
    if sys.platform == "win32":
        return _windows_ui_language() or "en"
    try:
        return _normalise(locale.getlocale()[0]) or "en"
    except ValueError:
        return "en"
