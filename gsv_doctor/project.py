"""The family-neutral model of a project: which family it belongs to, its entry points, and
where each entry point's device and precision come from.

A project family (gsv_doctor.families) fills this model; check, fix, preflight, run and
explain work on it and never on one family's files directly.
"""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from gsv_doctor.errors import DoctorError

# How a setting was found out.
EXECUTED = "executed"  # the project's own code ran in the target interpreter
STATIC = "static"  # read from the files
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Source:
    """Where a setting comes from, for people: a key of the text table "sources" (the core's
    and each family's, see gsv_doctor.i18n) and its params; report.py puts it into words."""

    key: str  # "file", "tts-yaml-section", "env-unset", ...
    params: Dict[str, Any] = field(default_factory=dict)


def file_source(path: str) -> Source:
    """A file, or several joined by commas, named as they are in every language."""
    return Source("file", {"path": path})


@dataclass
class Setting:
    """The device and precision an entry point ends up with on this machine."""

    device: Optional[str]  # "cuda", "cuda:1", "cpu", "mps"; None when unknown
    is_half: Optional[bool]
    source: Source  # where they come from
    how: str = STATIC  # EXECUTED, STATIC or UNKNOWN
    error: Optional[str] = None  # the entry point dies while deciding (e.g. config.py raises on import)
    where: Optional[str] = None  # "config.py:32": the line that raised
    note: Optional[str] = None  # a short fact about the deciding code ("falls back to the CPU")


@dataclass
class EntryPoint:
    name: str  # a path relative to the project root: "webui.py", "GPT_SoVITS/inference_webui.py"
    setting: Setting
    started_by: Optional[str] = None  # the entry point that starts this one (webui.py's children)
    present: bool = True  # the file exists (False: an entry point every version has, assumed)


@dataclass
class Project:
    family: str  # the registry name, e.g. "gpt-sovits"
    root: str
    facts: Any  # the family's own reading of its files (a dataclass)

    @property
    def module(self):
        from gsv_doctor import families

        return families.get(self.family)


def locate_project(project: Optional[str], cwd: Optional[str] = None) -> Optional[Project]:
    """The project of --project (which must be one) or of cwd or a parent (None when there is none)."""
    found = _locate(project, cwd)
    return None if found is None else Project(found[0], str(found[1]), None)


def _locate(project: Optional[str], cwd: Optional[str]):
    from gsv_doctor import families

    if project is not None:
        path = Path(project).expanduser()
        if not path.exists():
            raise DoctorError.of("project.no-such-folder", project=project)
        if not path.is_dir():
            raise DoctorError.of("project.not-a-folder", project=project)
        name = families.detect(path)
        if name is None:
            raise DoctorError.of("project.not-gsv", project=project)
        return name, path.resolve()
    here = Path(cwd or os.getcwd()).resolve()
    for candidate in [here] + list(here.parents):
        name = families.detect(candidate)
        if name is not None:
            return name, candidate
    return None


def locate(project: Optional[str], cwd: Optional[str] = None) -> Optional[Path]:
    """The project root (see locate_project)."""
    found = _locate(project, cwd)
    return None if found is None else found[1]


def read(root: Path, environ: Optional[Mapping[str, str]] = None) -> Any:
    """The facts of the project at root, as its family reads them (statically)."""
    from gsv_doctor import families

    name = families.detect(root)
    if name is None:
        raise DoctorError.of("project.not-gsv", project=str(root))
    return families.get(name).read(root, os.environ if environ is None else environ)


def open_project(root: Path, environ: Optional[Mapping[str, str]] = None) -> Project:
    from gsv_doctor import families

    name = families.detect(root)
    if name is None:
        raise DoctorError.of("project.not-gsv", project=str(root))
    return Project(name, str(root), families.get(name).read(root, os.environ if environ is None else environ))


_BULKY = ("text", "raw")  # the file's own contents: not for a report


def to_dict(facts: Any) -> Optional[Dict]:
    if facts is None:
        return None
    data = asdict(facts) if is_dataclass(facts) else dict(facts)
    for value in data.values():
        if isinstance(value, dict):
            for key in _BULKY:
                value.pop(key, None)
    return data


def entry_to_dict(entry: EntryPoint) -> Dict[str, Any]:
    return asdict(entry)


def names(entries: List[EntryPoint]) -> List[str]:
    return [e.name for e in entries]


def launched_script(command: Sequence[str], root: Path, known: Sequence[str] = ()) -> Optional[Tuple[str, List[str]]]:
    """(script, its arguments) a command line starts: the first argument ending in .py (or the file
    of the module after -m, when the project has it), as a path
    relative to the project root when it names a file there (or one of `known`), else its file
    name; None when no argument is a .py file. Families use it for their `launched`."""
    for index, arg in enumerate(command):
        if arg == "-m" and index + 1 < len(command):  # python -m GPT_SoVITS.tool: the module's file
            module = command[index + 1].replace(".", "/") + ".py"
            found = launched_script([module] + list(command[index + 2:]), root, known)
            return found if found and (Path(module).is_file() or (Path(root) / module).is_file()) else None
        if not arg.endswith(".py"):
            continue
        for candidate in (Path(arg), Path(root) / arg):
            try:
                relative = Path(os.path.realpath(candidate)).relative_to(os.path.realpath(root)).as_posix()
            except ValueError:
                continue
            if (Path(root) / relative).is_file() or relative in known:
                return relative, list(command[index + 1:])
        return re.split(r"[\\/]", arg)[-1], list(command[index + 1:])
    return None
