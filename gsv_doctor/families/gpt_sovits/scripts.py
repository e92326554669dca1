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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from gsv_doctor.families.gpt_sovits.pyfiles import own_lines, read_tree

SCRIPT_DIR = "GPT_SoVITS"
# A float16 option (add_argument("--no-half", ...)) or a module-level is_half line.
_MAY_BE_TOOL = re.compile(rb"add_argument\([^)]*half|^is_half\s*=", re.MULTILINE)


@dataclass
class ScriptRead:
    path: str  # relative to the project root
    half_switch: Optional[str]  # the option that turns float16 on or off ("--no-half"); None: own lines
    switch_turns_off: bool
    half_default: Optional[bool]  # is_half without the switch (None: other options decide)
    device_option: Optional[str]  # "--device"; None: the script's own lines decide
    device_default: Optional[str]  # the option's default as written; evaluated with the probe's CUDA
    # The condition the switch's line runs under, as written ("args.version in ['v2Pro']"), with
    # the options it can read: {option string: (dest, takes a value)}, and their plain defaults.
    half_when: Optional[str] = None
    options: Dict[str, Tuple[str, bool]] = field(default_factory=dict)
    defaults: Dict[str, Any] = field(default_factory=dict)
    half_line: Optional[int] = None  # no switch: the line of its own that sets is_half
    imports: Tuple[str, ...] = ()  # the modules it imports at its top (inference_webui: that UI's own is_half)


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


def _assignments(body: List[ast.stmt], conditions: Tuple[Optional[ast.expr], ...] = ()):
    """(assignment, the conditions it runs under other than `__name__ == "__main__"`; None: one
    that cannot be told from the options, such as an except clause)."""
    for node in body:
        if isinstance(node, ast.Assign):
            yield node, conditions
        elif isinstance(node, ast.If):
            main = _is_main_test(node.test)
            yield from _assignments(node.body, conditions if main else conditions + (node.test,))
            yield from _assignments(node.orelse, conditions + (None if main else ast.UnaryOp(ast.Not(), node.test),))
        elif isinstance(node, (ast.FunctionDef, ast.With, ast.For, ast.While, ast.Try)):
            for name in ("body", "orelse", "finalbody"):
                yield from _assignments(getattr(node, name, []) or [], conditions)
            for handler in getattr(node, "handlers", []):
                yield from _assignments(handler.body, conditions + (None,))


def _half_from_args(tree: ast.Module, dest: str) -> Tuple[bool, bool, Optional[str]]:
    """(found, the switch turns float16 off, the condition its line runs under or "" for none):
    `is_half = not args.<dest>` turns it off, `is_half = args.<dest>` on. export_torch_script.py
    halves only for some --version: its condition is read, and judged with the command line."""
    for node, conditions in _assignments(tree.body):
        if not any(isinstance(t, ast.Name) and t.id == "is_half" for t in node.targets):
            continue
        value = node.value
        negated = isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not)
        inner = value.operand if negated else value
        if isinstance(inner, ast.Attribute) and inner.attr == dest:
            if None in conditions:
                return True, negated, "None"
            namespace = inner.value.id if isinstance(inner.value, ast.Name) else None
            return True, negated, " and ".join(f"({ast.unparse(_options_named(c, namespace))})" for c in conditions)
    return False, False, None


_OPTIONS = "__options__"  # the parsed options' name in a stored condition ("args" in the script)


def _options_named(condition: ast.expr, namespace: Optional[str]) -> ast.expr:
    """A copy of the condition where `<namespace>.x` (args.version) reads `__options__.x`, so that
    only the options are put in later, never `torch.version` or `sys.platform`."""
    copy = ast.parse(ast.unparse(condition), mode="eval").body
    for node in ast.walk(copy):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == namespace:
            node.value.id = _OPTIONS
    return copy


def _constant(node: Optional[ast.expr]) -> Any:
    """A default as plain data (a string, number, bool or None); _UNKNOWN for anything else."""
    try:
        value = None if node is None else ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return _UNKNOWN
    return value if value is None or isinstance(value, (str, int, float, bool)) else _UNKNOWN


_UNKNOWN = object()  # never stored: the facts go into check's JSON
# What a condition may contain once the options are put in: constants, containers, comparisons.
_SAFE_NODES = (ast.Expression, ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Load, ast.Compare, ast.BoolOp,
               ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Eq, ast.NotEq, ast.In, ast.NotIn, ast.Is, ast.IsNot)


def _condition_holds(condition: str, values: Dict[str, Any]) -> Optional[bool]:
    """The condition with `__options__.<dest>` replaced by the option's value; None when it reads
    anything else."""
    try:
        tree = ast.parse(condition, mode="eval")
    except SyntaxError:
        return None

    class Put(ast.NodeTransformer):
        def visit_Attribute(self, node):
            if not (isinstance(node.value, ast.Name) and node.value.id == _OPTIONS):
                return node
            value = values.get(node.attr, _UNKNOWN)
            return node if value is _UNKNOWN else ast.copy_location(ast.Constant(value), node)

    tree = ast.fix_missing_locations(Put().visit(tree))
    if not all(isinstance(node, _SAFE_NODES) for node in ast.walk(tree)):
        return None
    try:
        return bool(eval(compile(tree, "<condition>", "eval"), {"__builtins__": {}}))  # noqa: S307  constants only
    except Exception:  # a comparison the values do not support
        return None


def read_script(root: Path, relative: str) -> Optional[ScriptRead]:
    tree = read_tree(root / relative)
    if tree is None:
        return None
    switch, switch_off, half_when, device_option, device_default = None, False, None, None, None
    options: Dict[str, Tuple[str, bool]] = {}
    defaults: Dict[str, Any] = {}
    for names, keywords in _options(tree):
        action = keywords.get("action")
        store_true = isinstance(action, ast.Constant) and action.value == "store_true"
        dest = _constant(keywords.get("dest"))
        long_names = [n for n in names if n.startswith("--")]
        if long_names or isinstance(dest, str):
            dest = dest if isinstance(dest, str) else _dest(long_names[0])
            default = False if store_true and "default" not in keywords else _constant(keywords.get("default"))
            takes_value = action is None or (isinstance(action, ast.Constant) and action.value in ("store", "append"))
            options.update({name: (dest, takes_value) for name in names})
            if default is not _UNKNOWN:
                defaults[dest] = default
        half_name = next((n for n in names if n.startswith("--") and "half" in n), None)
        if half_name and store_true and switch is None:
            found, turns_off, when = _half_from_args(tree, _dest(half_name))
            if found:
                switch, switch_off, half_when = half_name, turns_off, when
        if "--device" in names:
            default = keywords.get("default")
            device_option, device_default = "--device", None if default is None else ast.unparse(default)
    imports = tuple(_imports(tree))
    if switch is not None:
        read = ScriptRead(relative, switch, switch_off, None, device_option, device_default, half_when or None,
                          options, defaults, imports=imports)
        read.half_default = command_line(read, [])[0]
        return read
    lines = own_lines(tree)
    sets_half = [n.lineno for n in lines if isinstance(n, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "is_half" for t in n.targets)]
    if sets_half and not any("environ" in ast.dump(n) or "getenv" in ast.dump(n) for n in lines):
        return ScriptRead(relative, None, False, None, None, None, half_line=sets_half[-1], imports=imports)
    return None


def _imports(tree: ast.Module):
    """Module names imported by its top-level lines (`from inference_webui import ...`)."""
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module.split(".")[-1]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[-1] for alias in node.names)


def find_scripts(root: Path, known: List[str]) -> List[ScriptRead]:
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
        if not _MAY_BE_TOOL.search(text):  # most files: no parse
            continue
        read = read_script(root, relative)
        if read is not None:
            found.append(read)
    return found


def command_line(read: ScriptRead, args: List[str]):
    """(is_half, device or None) a command line gives: device None when it does not say; is_half
    None when the switch's line may not run (its condition false or unknown) and the switch
    does not turn float16 off."""
    values = dict(read.defaults)
    switched = False
    device = None
    index = 0
    while index < len(args):
        arg = args[index]
        name, equals, attached = arg.partition("=")
        option = read.options.get(name)
        if read.device_option and name == read.device_option and option is None:
            option = ("device", True)
        if arg == read.half_switch:
            switched = True
        if option is not None and option[1]:  # an option with a value: --version v2Pro, --version=v2Pro
            value = attached if equals else (args[index + 1] if index + 1 < len(args) else None)
            index += 0 if equals else 1
            values[option[0]] = value
            if name == read.device_option and value is not None:
                device = value
        elif option is not None:
            values[option[0]] = True
        index += 1
    is_half = read.switch_turns_off != switched
    if read.switch_turns_off and switched:
        return False, device  # whether or not its line runs, this switch gives no float16
    holds = True if read.half_when is None else _condition_holds(read.half_when, values)
    return (is_half if holds else None), device
