"""Project families: the registry (name -> module). Core code asks here, never a family by name.

A family module lives in its own package here and provides:

- ``NAME`` (the registry key) and ``TITLE`` (for people);
- ``detect(path) -> bool``: is this folder the top of such a project?
- ``read(root, environ) -> facts``: its files, read without running anything (a dataclass);
- ``child_code(root, facts) -> (source, args) | None``: code that runs the project's own deciding code
  in the probe child (standard library + torch, Python 3.9, ASCII), printing one marker line
  with section "family";
- ``entry_points(facts, family_result, report, environ) -> [project.EntryPoint]``: every entry
  point and the device / precision it gets on this machine, from the child's result when there
  is one, statically otherwise;
- ``findings(facts, verdicts, devices, report, environ, probed_python, launched) -> [Finding]``:
  the family's findings, each naming the entry points it affects (`launched`: the entry point a
  launch line starts, for preflight and run; None in check);
- ``launched(command, root) -> (entry point name, setting override or None) | None``: which entry
  point a command line starts (for preflight and run);
- ``override(name, args, entries, facts) -> EntryPoint | None``: the entry point as its arguments
  change it;
- ``default_entry(facts) -> name``: what a start script launches;
- ``plan_fix(findings, facts, pin, all_sections, config_values_known) -> fixplan.FixPlan``: the
  edits (edits.py writes them); raises fixmessages.FixError when the files cannot be edited;
- ``file_lines(facts, effective, lang) -> [line]``: the report's lines about its files;
- ``HOOK_COVERS`` (optional): ids of its findings that the hook resolves (float16 computed on
  the CPU), so ``run`` starts the program with the hook instead of refusing.

- ``LOG_PROJECT``: how the project's logs show and where it keeps its settings, for explain
  (gsv_doctor.logprofile.LogProject);
- ``settings_now(facts, config_run, environ) -> {setting id: value}`` (optional): the values
  explain shows next to the settings an error names ("[now: ...]");
- ``PROBE_RUNS_CONFIG`` (optional, default False): the probe's ``--config`` runs the folder's
  config.py as this family's (is_half, infer_device), for explain's verdicts and "[now: ...]";
- ``TEXTS`` (optional): the family's own text tables, ``{table name: {key: {"en": ..., "zh": ...}}}``
  ("findings", "fix", "errors", "sources", ...); gsv_doctor.i18n looks a key up in the core's
  table of that name first, then in these.

Advice is derived by the core from each finding's ``fix_command``.

Adding a family: a package here and one line in FAMILIES.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Mapping, Optional

from gsv_doctor.families import gpt_sovits, rvc

FAMILIES: Dict[str, object] = {
    gpt_sovits.NAME: gpt_sovits,
    rvc.NAME: rvc,
}


def get(name: str):
    return FAMILIES[name]


def detect(path: Path) -> Optional[str]:
    """The name of the family whose project has its top folder at path, or None."""
    for name, module in FAMILIES.items():
        if module.detect(Path(path)):
            return name
    return None


def hook_covers() -> frozenset:
    """Finding ids, of every family, that `gsv-doctor run` resolves by starting with the hook."""
    return frozenset(id_ for module in FAMILIES.values() for id_ in getattr(module, "HOOK_COVERS", ()))


def log_projects() -> list:
    """Every family's log profile, in registry order (gsv_doctor.logprofile.LogProject)."""
    return [module.LOG_PROJECT for module in FAMILIES.values()]


def settings_now(name: Optional[str], facts: object, config_run: Optional[Mapping[str, object]],
                 environ: Optional[Mapping[str, str]]) -> Dict[str, str]:
    """The settings' values now as family `name` reads them (None: no folder, the first family);
    {} for a family that does not say."""
    module = FAMILIES[name] if name else next(iter(FAMILIES.values()))
    reader = getattr(module, "settings_now", None)
    return reader(facts, config_run, environ) if reader else {}


def probe_runs_config(name: Optional[str]) -> bool:
    """Does the probe's `--config` read family `name`'s config.py (None: no folder)?"""
    return bool(name) and bool(getattr(FAMILIES[name], "PROBE_RUNS_CONFIG", False))


def texts(table: str) -> List[Mapping[str, Mapping[str, str]]]:
    """Every family's text table named `table` (for gsv_doctor.i18n)."""
    return [module.TEXTS[table] for module in FAMILIES.values() if table in getattr(module, "TEXTS", {})]


def described() -> str:
    return " or ".join(module.TITLE for module in FAMILIES.values())
