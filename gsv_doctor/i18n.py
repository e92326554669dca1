"""English or Simplified Chinese: which one (the locale; --lang overrides), and the one way
every text is looked up and filled.

A table maps a key to {"en": template, "zh": template}. `text` looks a key up: a key or a
language missing from its table raises KeyError, a bug that tests/test_i18n.py finds for
every registered table (so no raw key is ever shown). `fill` puts params into a template:
a param that is missing or None reads "?", since params come from measured data.

A registered table is the core's texts followed by the same-named table of every project
family (a family module's TEXTS, see gsv_doctor.families): RVC's findings are looked up in
"findings" like GPT-SoVITS's, and nothing is copied into the core's tables.
"""
from __future__ import annotations

import locale
import os
import sys
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

LANGUAGES = ("en", "zh")
LANG_KEY = "gsv_doctor.lang"  # where --lang is remembered in click's shared context meta

Table = Mapping[str, Mapping[str, str]]
TABLES: Dict[str, Table] = {}  # every table, by name: what the tests check


class Layered(Mapping):
    """The core's table `name`, then the families' tables of that name (looked up on first need:
    the families import the core, not the other way round)."""

    def __init__(self, name: str, core: Table) -> None:
        self.name, self.core = name, core
        self._families: Optional[List[Table]] = None

    def layers(self) -> List[Table]:
        if self._families is None:
            from gsv_doctor import families

            self._families = families.texts(self.name)
        return [self.core] + self._families

    def __getitem__(self, key: str) -> Mapping[str, str]:
        if key in self.core:
            return self.core[key]
        for layer in self.layers()[1:]:
            if key in layer:
                return layer[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(key for layer in self.layers() for key in layer))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def register(name: str, table: Table) -> Layered:
    """Record `table` under `name` (with the families' tables of that name) so the tests check
    it; returns the table to look texts up in."""
    TABLES[name] = Layered(name, table)
    return TABLES[name]


def parts(table: Mapping[str, Mapping[str, Tuple[str, ...]]], names: Sequence[str]) -> Dict[str, Dict[str, str]]:
    """{id: {lang: (text, text, ...)}} as a table of one entry per part: "<id>.<name>"."""
    return {f"{key}.{name}": {lang: texts[index] for lang, texts in by_lang.items()}
            for key, by_lang in table.items() for index, name in enumerate(names)}


class _Unknown(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def fill(template: str, params: Optional[Mapping[str, Any]] = None) -> str:
    """`template` with its {fields} from `params`; a missing or None one reads "?"."""
    return template.format_map(_Unknown({k: ("?" if v is None else v) for k, v in (params or {}).items()}))


def text(table: Table, key: str, lang: str, params: Optional[Mapping[str, Any]] = None, **more: Any) -> str:
    """The text of `key` in `lang` (English for a language gsv-doctor does not speak), filled;
    a param that is Said is said in `lang` too."""
    params = {name: say(value, lang) for name, value in {**(params or {}), **more}.items()}
    return fill(table[key][lang if lang in LANGUAGES else "en"], params)


class Said(str):
    """A text already filled in English that can be said again in another language: the key of a
    registered table and its params (a DoctorError's message kept in a project's facts, say).
    Wherever a str goes (JSON, logs, comparisons) it is the English."""

    def __new__(cls, table: str, key: str, params: Mapping[str, Any]) -> "Said":
        said = super().__new__(cls, text(TABLES[table], key, "en", params))
        said.table, said.key, said.params = table, key, dict(params)
        return said

    def __getnewargs__(self):  # copy and dataclasses.asdict rebuild it from these
        return self.table, self.key, self.params

    def in_language(self, lang: str) -> str:
        return text(TABLES[self.table], self.key, lang, self.params)


def say(value: Any, lang: str) -> Any:
    """`value` in `lang` when it is Said; as it is otherwise."""
    return value.in_language(lang) if isinstance(value, Said) else value


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
