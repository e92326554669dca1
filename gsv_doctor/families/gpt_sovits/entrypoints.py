"""GPT-SoVITS's entry points and where each one's device and precision come from, on this
machine: from the project's own code run in the probe child when it ran, read statically
otherwise (and the report says which).

- webui.py imports config.py, and starts the inference UIs and the dataset scripts with the
  variable is_half set to str(config.is_half) ("True"/"False") and uvr5 with config's
  infer_device and is_half on its command line;
- api.py takes config.py's values, which -d/--device, -fp and -hp override;
- api_v2.py builds TTS_Config from tts_infer.yaml (whose fallbacks depend on the version);
- the inference UIs started directly read the is_half variable and pick their device
  themselves (inference_cli.py and inference_gui.py import inference_webui.py).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any, List, Mapping, Optional, Tuple

from gsv_doctor.families.gpt_sovits import configpy, scripts
from gsv_doctor.families.gpt_sovits.facts import (
    API, API_V2, UVR5, WEBUI, ProjectFacts)
from gsv_doctor.families.gpt_sovits.pyfiles import own_lines, read_tree, syntax_error
from gsv_doctor.diagnose import no_cuda_error
from gsv_doctor.probereport import ProbeReport
from gsv_doctor.project import EXECUTED, STATIC, UNKNOWN, EntryPoint, Setting, Source, file_source

# The mid-2025 config.py helper keeps a card on the GPU when (memory in GiB + 0.4) >= 4
# (a 4 GB card reports about 3.8 GiB), at compute capability 5.3 or more; float32 at 6.1
# and for a GTX 16xx at 7.5; float16 above 6.1. infer_device is the best card by
# (capability, memory); is_half is on when any card gets float16.
MEMORY_ALLOWANCE_GB = 0.4
CONFIG = file_source("config.py")


def _truthy(value: Any) -> Optional[bool]:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes")


def _cuda(report: Optional[ProbeReport]) -> bool:
    return bool(report is not None and report.cuda_available)


def _mps(report: Optional[ProbeReport]) -> bool:
    return bool(report is not None and report.mps_available)


def helper_rule(report: Optional[ProbeReport]) -> Tuple[bool, str]:
    """(is_half, infer_device) of the mid-2025 helper on the probed cards."""
    cards = []
    for device in (report.devices if _cuda(report) else ()):
        if device.kind != "cuda" or not device.capability:
            continue
        major, minor = device.capability[:2]
        sm = major + minor / 10.0
        memory = (device.total_memory_gb or 0.0) + MEMORY_ALLOWANCE_GB
        name = device.name or ""
        if memory < 4 or sm < 5.3:
            cards.append(("cpu", False, 0.0, 0.0))
        elif sm == 6.1 or (re.search(r"16\d{2}", name) and sm == 7.5):
            cards.append((device.id, False, sm, memory))
        elif sm > 6.1:
            cards.append((device.id, True, sm, memory))
        else:
            cards.append(("cpu", False, 0.0, 0.0))
    if not cards:
        cards.append(("cpu", False, 0.0, 0.0))
    best = max(cards, key=lambda card: (card[2], card[3]))
    return any(card[1] for card in cards), best[0]


def config_setting(facts: ProjectFacts, result: Optional[Mapping[str, Any]], report: Optional[ProbeReport],
                   environ: Mapping[str, str], for_webui: bool = False) -> Optional[Setting]:
    """What config.py gives (webui.py, api.py and every script importing it); `for_webui`: as
    imported by webui.py, after the variables it sets first."""
    config = facts.config
    if config is None:
        return None
    ran = (result or {}).get("config")
    if for_webui and facts.webui_env:
        environ = dict(environ, **facts.webui_env)
        ran = (result or {}).get("config_webui") or ran
    if ran is not None:
        if ran.get("error"):
            return Setting(None, None, CONFIG, EXECUTED, error=ran["error"], where=ran.get("where"))
        return Setting(_device_text(ran.get("infer_device")), _truthy(ran.get("is_half")), CONFIG, EXECUTED)
    is_half, device, crash = configpy.predict_run(config, _cuda(report), environ, mps_available=_mps(report))
    if crash:
        error = crash[1] or (no_cuda_error(report) if report is not None else "AssertionError: Torch not compiled"
                                                                                " with CUDA enabled")
        return Setting(None, None, CONFIG, STATIC, error=error,
                       where=f"config.py:{crash[0]}")
    if config.shape == "helper" and not config.patched:
        is_half, device = helper_rule(report)
        return Setting(device, is_half, CONFIG, STATIC, note="helper")
    how = STATIC if (is_half is not None or device is not None) else UNKNOWN
    return Setting(device, is_half, CONFIG, how)


def _device_text(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _ran_setting(got: Mapping[str, Any], source: Source) -> Setting:
    """A script's own lines as the probe child ran them: their values, or the error they raised."""
    if got.get("error"):
        return Setting(None, None, source, EXECUTED, error=got["error"], where=got.get("where"))
    return Setting(_device_text(got.get("device")), _truthy(got.get("is_half")), source, EXECUTED)


def env_setting(facts: ProjectFacts, path: str, value: Optional[str], result: Optional[Mapping[str, Any]],
                report: Optional[ProbeReport], source: Source) -> Optional[Setting]:
    """A script's own is_half / device lines with the is_half variable at `value` (None: unset)."""
    read = next((r for r in facts.entry_reads if r.path == path), None)
    if read is None:
        return None
    ran = ((result or {}).get("env_reads") or {}).get(path)
    if ran is not None and "values" in ran:
        key = "now" if value == facts.env_is_half else value
        got = ran["values"].get(key) if key else None
        if got is not None:
            return _ran_setting(got, source)
    cuda = _cuda(report)
    environ = {} if value is None else {"is_half": value}
    tree = read_tree(Path(facts.root, path))
    if tree is None:
        error = syntax_error(Path(facts.root, path))
        if error is not None:  # Python refuses the file: the script dies before anything
            return Setting(None, None, source, STATIC, error=f"SyntaxError: {error.msg}",
                           where=f"{Path(path).name}:{error.lineno or 1}")
        return Setting(None, None, source, UNKNOWN)
    if value is not None and value.strip() not in ("True", "False", "0", "1"):
        name = value.strip() or "''"
        error = f"NameError: name '{name}' is not defined" if name.isidentifier() else "SyntaxError: invalid syntax"
        return Setting(None, None, source, STATIC, error=error, where=f"{Path(path).name}:{read.lines[0] if read.lines else '?'}")
    got = configpy.run_statements(own_lines(tree), cuda, environ, ("is_half", "device"))
    device = got.get("device")
    if device is None and not any(isinstance(n, ast.If) or "device" in ast.dump(n) for n in own_lines(tree)):
        device = "cuda" if cuda else "cpu"  # the usual `cuda if available else cpu`, not in this copy's lines
    half = got.get("is_half")
    how = STATIC if (half is not None) else UNKNOWN
    return Setting(_device_text(device), half if isinstance(half, bool) else None, source, how)


def tts_setting(facts: ProjectFacts, result: Optional[Mapping[str, Any]], report: Optional[ProbeReport]) -> Optional[Setting]:
    """TTS_Config on tts_infer.yaml (api_v2.py)."""
    tts = facts.tts_infer
    if tts is None or not tts.sections:
        return None
    section = "custom" if "custom" in tts.sections else sorted(tts.sections)[0]
    source = Source("tts-yaml-section", {"section": section})
    ran = (result or {}).get("tts_config")
    if ran is not None and ran.get("ran"):
        return Setting(_device_text(ran.get("device")), _truthy(ran.get("is_half")), source, EXECUTED,
                       note=_tts_note(facts))
    if ran is not None and ran.get("error") and facts.tts_config is not None and facts.tts_config.found:
        return Setting(None, None, source, EXECUTED, error=ran["error"], where=ran.get("where"))
    values = tts.sections[section]
    device = values.get("device")
    is_half = values.get("is_half")
    tts_config = facts.tts_config
    cuda = _cuda(report)
    if tts_config is not None and tts_config.device_fallback and "cuda" in str(device or "") and not cuda:
        device = "cpu"
    if tts_config is not None and tts_config.half_fallback and str(device) == "cpu":
        is_half = False
    return Setting(device, is_half, source, STATIC, note=_tts_note(facts))


def _tts_note(facts: ProjectFacts) -> Optional[str]:
    tts_config = facts.tts_config
    if tts_config is None or not tts_config.found:
        return None
    return "fallback:" + ",".join(name for name, on in (("device", tts_config.device_fallback),
                                                        ("is_half", tts_config.half_fallback)) if on)


def _half_from_config(own: Setting, config: Setting) -> Setting:
    """A script that takes is_half from config.py (`from config import is_half`), its device itself;
    an is_half its own lines set after that import wins."""
    if config.error:
        return Setting(None, None, CONFIG, config.how, error=config.error, where=config.where)
    if own.is_half is not None:
        return Setting(own.device, own.is_half, CONFIG, own.how)
    return Setting(own.device, config.is_half, CONFIG, config.how)


def entry_points(facts: ProjectFacts, result: Optional[Mapping[str, Any]], report: Optional[ProbeReport],
                 environ: Mapping[str, str]) -> List[EntryPoint]:
    entries: List[EntryPoint] = []
    present = set(facts.present)
    config = api_config = config_setting(facts, result, report, environ)
    if config is not None:
        entries.append(EntryPoint(API, config, present=API in present))
        config = config_setting(facts, result, report, environ, for_webui=True)  # what webui.py and its children get
        entries.insert(0, EntryPoint(WEBUI, config, present=WEBUI in present))
        exported = None if config.is_half is None else str(bool(config.is_half))
        for read in facts.entry_reads:
            if config.error or not read.started_by_webui:
                continue
            child = env_setting(facts, read.path, exported, result, report, Source("env-from-webui", {"value": exported}))
            if child is not None and read.from_config:
                child = _half_from_config(child, config)
            if child is not None and exported is not None:
                if child.device and child.device.startswith("cuda") and config.device and config.device.startswith("cuda"):
                    child.device = config.device  # webui.py hands its children the card it picked
                entries.append(EntryPoint(read.path, child, started_by=WEBUI))
        if UVR5 in present and not config.error:
            entries.append(EntryPoint(UVR5, Setting(config.device, config.is_half, Source("webui-command-line"),
                                                    config.how), started_by=WEBUI))
    tts = tts_setting(facts, result, report)
    if tts is not None:
        entries.append(EntryPoint(API_V2, tts, present=API_V2 in present))
    for read in facts.entry_reads:
        if not read.direct:
            continue
        now = environ.get("is_half")
        source = Source("env-unset", {"default": read.env_default}) if now is None else Source("env-set", {"value": now})
        setting = env_setting(facts, read.path, now, result, report, source)
        if setting is None:
            continue
        if read.from_config and api_config is not None:
            setting = _half_from_config(setting, api_config)
        if api_config is not None and api_config.error and read.path in facts.imports_config:
            # started directly, it imports config.py without the variables webui.py sets first
            setting = Setting(None, None, CONFIG, api_config.how, error=api_config.error, where=api_config.where)
        entries.append(EntryPoint(read.path, setting))
        for importer, imported in facts.importers.items():
            if imported == read.path and importer in present:
                entries.append(EntryPoint(importer, setting))
    for tool in facts.tools:
        entries.append(EntryPoint(tool.path, tool_setting(facts, tool, result, report)))
    return entries


def tool_setting(facts: ProjectFacts, read: scripts.ScriptRead, result: Optional[Mapping[str, Any]],
                 report: Optional[ProbeReport]) -> Setting:
    """An export / stream tool started by hand: its command line's defaults when it has one,
    else its own lines (run in the probe child when it ran)."""
    if read.half_switch is None:
        source = Source("tool-own-lines")
        ran = ((result or {}).get("env_reads") or {}).get(read.path)
        got = (ran or {}).get("values", {}).get("now")
        if got is not None:
            return _ran_setting(got, source)
        tree = read_tree(Path(facts.root, read.path))
        if tree is None:
            return Setting(None, None, source, UNKNOWN)
        got = configpy.run_statements(own_lines(tree), _cuda(report), {}, ("is_half", "device"))
        half = got.get("is_half")
        return Setting(_device_text(got.get("device")), half if isinstance(half, bool) else None, source,
                       STATIC if isinstance(half, bool) else UNKNOWN)
    is_half, device = read.half_default, None
    if read.device_default is not None:
        try:
            default = ast.parse(f"device = {read.device_default}").body
        except SyntaxError:
            default = []
        device = _device_text(configpy.run_statements(default, _cuda(report), {}, ("device",)).get("device"))
    return Setting(device, is_half, Source("tool-defaults", {"switch": read.half_switch}),
                   STATIC if device is not None and is_half is not None else UNKNOWN)


def tool_flags(read: scripts.ScriptRead, args: List[str], current: Optional[Setting]) -> Optional[Setting]:
    """A tool's command line over its defaults; None when it has no command line of its own."""
    if read.half_switch is None or current is None:
        return None
    is_half, device = scripts.command_line(read, args)
    device = device or current.device
    return Setting(device, is_half, Source("tool-command-line"),
                   STATIC if device is not None and is_half is not None else UNKNOWN)


def api_flags(args: List[str], config: Optional[Setting]) -> Optional[Setting]:
    """api.py's -d/--device, -fp/--full_precision and -hp/--half_precision over config.py."""
    if config is None or config.error:
        return None
    device, is_half = config.device, config.is_half
    full = half = False
    changed = False
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("-d", "--device") and index + 1 < len(args):
            device, changed = args[index + 1], True
            index += 1
        elif arg.startswith("--device="):
            device, changed = arg.split("=", 1)[1], True
        elif arg in ("-fp", "--full_precision"):
            full, changed = True, True
        elif arg in ("-hp", "--half_precision"):
            half, changed = True, True
        index += 1
    if not changed:
        return None
    if full != half:
        is_half = half
    return Setting(device, is_half, Source("api-command-line"), config.how)
