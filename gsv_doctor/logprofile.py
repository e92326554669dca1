"""How one program shows in a pasted log, and where it keeps the settings explain's advice
names: the profile a project family (gsv_doctor/families) or a cousin without a family
(gsv_doctor/logprojects) gives explain.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

Text = Dict[str, str]

UNSET = "<unset>"  # a setting's value now, for an environment variable that is not set

# Kinds of advice an entry can ask a project for (placeholders in catalog texts).
SLOTS = ("half_off", "to_cpu", "to_gpu", "oom_train", "oom_infer", "cudnn", "update", "card_small", "card_small_train",
         "workers", "models", "packages", "amd_start", "half_off_gpu")


@dataclass(frozen=True)
class LogProject:
    id: str
    name: str
    path_markers: Tuple[str, ...]  # lower-case pieces of a POSIX-style path (frames, command lines)
    text_markers: Tuple[str, ...]  # lower-case words anywhere in the log
    settings: Dict[str, Tuple[str, ...]]  # kind of cause -> setting ids, likeliest first
    advice: Dict[str, Text]  # slot -> text
    # lower-case commands only this program has, typed at a prompt or told: they say which program ran, more than
    # the folder it ran in (a so-vits-svc-4.0 folder where `svc pre-resample` runs) or a word
    command_markers: Tuple[str, ...] = ()
    gsv_doctor_fixes: bool = False  # `gsv-doctor fix` / `run` know this project's files
    # otherwise: the catalog checks (gsv_doctor.catalog.CHECK_*) whose errors `gsv-doctor fix --write`, run in
    # the project's folder, resolves
    fix_checks: Tuple[str, ...] = ()
    # the top-level modules of the program's own code ("No module named 'tools.my_utils'" is then not a package)
    own_modules: Tuple[str, ...] = ()
    # a start line of the program that leaves out the option its AMD / Intel (DirectML) mode needs
    amd_start_without: str = ""
