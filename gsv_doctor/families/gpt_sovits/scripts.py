"""GPT-SoVITS's stand-alone tools (the export and stream scripts in GPT_SoVITS/) that decide
device and precision themselves, read from their own code:

- a command line: `is_half = not args.no_half` with a `--no-half` switch, and a `--device`
  option whose default is read from its add_argument (stream_v2pro.py, export_torch_script.py);
- their own module-level lines: `is_half = True` and `device = "cuda" if ... else "cpu"`
  (export_torch_script_v3v4.py), which the probe child runs as it runs the inference UIs' lines.

Neither webui.py nor config.py is involved: these are started by hand.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

SCRIPT_DIR = "GPT_SoVITS"


@dataclass
class ScriptRead:
    path: str  # relative to the project root
    half_switch: Optional[str]  # the option that turns float16 on or off ("--no-half"); None: own lines
    switch_turns_off: bool
    half_default: Optional[bool]  # is_half without the switch (None: other options decide)
    device_option: Optional[str]  # "--device"; None: the script's own lines decide
    device_default: Optional[str]  # the option's default as written; evaluated with the probe's CUDA


def _option_call(node: ast.AST) -> Optional[ast.Call]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument":
        return node
    return None


def _options(tree: ast.Module):
    """(option strings, keywords) of every add_argument call."""
    for node in ast.walk(tree):
        call = _option_call(node)
        if call is None:
            continue
        names = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        yield names, {k.arg: k.value for k in call.keywords if k.arg}


def _dest(option: str) -> str:
    return option.lstrip("-").replace("-", "_")


def _is_main_test(test: ast.AST) -> bool:
    return "__name__" in ast.dump(test) and "__main__" in ast.dump(test)


def _assignments(body: List[ast.stmt], conditional: bool = False):
    """(assignment, whether it depends on a condition other than `__name__ == "__main__"`)."""
    for node in body:
        if isinstance(node, ast.Assign):
            yield node, conditional
        elif isinstance(node, ast.If):
            inner = conditional or not _is_main_test(node.test)
            yield from _assignments(node.body, inner)
            yield from _assignments(node.orelse, True)
        elif isinstance(node, (ast.FunctionDef, ast.With, ast.For, ast.While, ast.Try)):
            for field in ("body", "orelse", "finalbody"):
                yield from _assignments(getattr(node, field, []) or [], conditional)
            for handler in getattr(node, "handlers", []):
                yield from _assignments(handler.body, True)


def _half_from_args(tree: ast.Module, dest: str) -> Tuple[bool, bool, Optional[bool]]:
    """(found, the switch turns float16 off, is_half without the switch): `is_half = not args.<dest>`
    gives (True, True, True), `is_half = args.<dest>` (True, False, False); is_half is None when that
    line runs only under another condition (export_torch_script.py halves only for some --version)."""
    for node, conditional in _assignments(tree.body):
        if not any(isinstance(t, ast.Name) and t.id == "is_half" for t in node.targets):
            continue
        value = node.value
        negated = isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not)
        inner = value.operand if negated else value
        if isinstance(inner, ast.Attribute) and inner.attr == dest:
            return True, negated, None if conditional else negated
    return False, False, None


def read_script(root: Path, relative: str, own_lines) -> Optional[ScriptRead]:
    try:
        tree = ast.parse((root / relative).read_bytes(), filename=relative)
    except (OSError, SyntaxError, ValueError):
        return None
    switch, switch_off, half_default, device_option, device_default = None, False, None, None, None
    for names, keywords in _options(tree):
        action = keywords.get("action")
        store_true = isinstance(action, ast.Constant) and action.value == "store_true"
        half_name = next((n for n in names if n.startswith("--") and "half" in n), None)
        if half_name and store_true and switch is None:
            found, turns_off, default = _half_from_args(tree, _dest(half_name))
            if found:
                switch, switch_off, half_default = half_name, turns_off, default
        if "--device" in names:
            default = keywords.get("default")
            device_option, device_default = "--device", None if default is None else ast.unparse(default)
    if switch is not None:
        return ScriptRead(relative, switch, switch_off, half_default, device_option, device_default)
    lines = own_lines(tree)
    sets_half = any(isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "is_half"
                                                      for t in n.targets) for n in lines)
    if sets_half and not any("environ" in ast.dump(n) or "getenv" in ast.dump(n) for n in lines):
        return ScriptRead(relative, None, False, None, None, None)
    return None


def find_scripts(root: Path, known: List[str], own_lines) -> List[ScriptRead]:
    """The tools in GPT_SoVITS/ (top level) that are not one of the `known` entry points."""
    folder = root / SCRIPT_DIR
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.py")):
        relative = f"{SCRIPT_DIR}/{path.name}"
        if relative in known:
            continue
        try:
            text = path.read_bytes()
        except OSError:
            continue
        if b"is_half" not in text:
            continue
        read = read_script(root, relative, own_lines)
        if read is not None:
            found.append(read)
    return found


def command_line(read: ScriptRead, args: List[str]):
    """(is_half, device or None) a command line gives: device None when it does not say."""
    is_half = read.half_default
    device = None
    index = 0
    while index < len(args):
        arg = args[index]
        if read.half_switch and arg == read.half_switch:
            is_half = not read.switch_turns_off
        elif read.device_option and arg == read.device_option and index + 1 < len(args):
            device = args[index + 1]
            index += 1
        elif read.device_option and arg.startswith(read.device_option + "="):
            device = arg.split("=", 1)[1]
        index += 1
    return is_half, device
