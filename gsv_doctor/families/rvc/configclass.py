"""Read RVC's config statically: `class Config` and its `device_config()` (the `self.`
assignments), or the module-level variables of the first versions.

The static reading predicts the machine without CUDA or MPS (the branch a CPU-only machine
takes) and finds where `fix` puts its guard: right after the if/elif/else that picks the
device, so the x_pad/x_query/... choice that follows sees float32 on the CPU too."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from gsv_doctor.errors import DoctorError

GUARD_MARK = "# gsv-doctor: float32 on the CPU"
_FP32_REWRITERS = ("use_fp32_config", "config_file_change_fp32")


@dataclass
class Assignment:
    name: str  # "is_half" or "device"
    line: int
    value: str  # the right-hand side as written
    branch: str  # "default", "cuda", "mps", "cpu", "after"


@dataclass
class ConfigFacts:
    path: str  # relative to the project root
    shape: str  # "class" (Config.device_config) or "module" (top-level variables)
    assignments: List[Assignment] = field(default_factory=list)
    cpu_is_half: Optional[bool] = None  # what a machine without CUDA or MPS gets; None: unknown
    cpu_line: Optional[int] = None  # where that value is set
    mps_is_half: Optional[bool] = None
    cpu_rewrites_json: bool = False  # the CPU branch turns fp16_run off in the json files
    rewrites_files: bool = False  # use_fp32_config() or an inline json/preprocess rewrite
    argv_parsed: bool = False  # argparse on sys.argv (at import or in Config())
    guard_after_line: Optional[int] = None  # fix inserts its guard after this line
    guard_indent: str = ""
    guard_body_indent: str = ""
    guarded: bool = False  # our guard is already there
    mps_branch: bool = False  # an MPS branch exists (else a Mac takes the CPU path)
    mps_device: Optional[str] = None  # the device that branch sets ("mps"; one version keeps "cpu")
    newline: str = "\n"
    encoding: str = "utf-8"
    has_bom: bool = False
    text: str = field(default="", repr=False)
    raw: bytes = field(default=b"", repr=False)

    @property
    def prefix(self) -> str:
        return "self." if self.shape == "class" else ""


def _decode(raw: bytes, path: Path) -> Tuple[str, str, bool]:
    bom = raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:] if bom else raw
    for encoding in ("utf-8", "gbk"):
        try:
            return body.decode(encoding), encoding, bom
        except UnicodeDecodeError:
            continue
    raise DoctorError.of("rvc.undecodable", path=path)


def _source(text: str, node: ast.AST) -> str:
    return (ast.get_source_segment(text, node) or "").strip()


def _target_name(target: ast.AST, prefix: str) -> Optional[str]:
    if prefix and isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
            and target.value.id == "self":
        return target.attr
    if not prefix and isinstance(target, ast.Name):
        return target.id
    return None


def _assigned(statements: List[ast.stmt], prefix: str, text: str, branch: str) -> List[Assignment]:
    found = []
    for statement in statements:
        for node in ast.walk(statement):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
            for target in targets:
                name = _target_name(target, prefix)
                if name in ("is_half", "device"):
                    found.append(Assignment(name, node.lineno, _source(text, node.value), branch))
    return found


def _is_cuda_test(test: ast.AST, text: str) -> bool:
    source = _source(text, test)
    return "cuda.is_available" in source or ".type" in source and "cuda" in source


def _negated(test: ast.AST, text: str) -> bool:
    source = _source(text, test).replace(" ", "")
    return source.startswith("not") or "==False" in source or "isFalse" in source


def _is_mps_test(test: ast.AST, text: str) -> bool:
    return "mps" in _source(text, test).lower()


def _branches(chain: ast.If, text: str) -> List[Tuple[str, List[ast.stmt]]]:
    """(label, statements) of the device-picking if/elif/else."""
    def split_no_cuda(statements: List[ast.stmt]) -> List[Tuple[str, List[ast.stmt]]]:
        if len(statements) >= 1 and isinstance(statements[0], ast.If) and _is_mps_test(statements[0].test, text):
            inner = statements[0]
            return [("mps", inner.body), ("cpu", inner.orelse + statements[1:])]
        if len(statements) == 1 and isinstance(statements[0], ast.If) and statements[0].orelse:
            # an elif for Ascend (NPU), Intel (XPU) or DirectML first: not a CPU or Mac machine's path
            return split_no_cuda(statements[0].orelse)
        return [("cpu", statements)]

    if _negated(chain.test, text):
        return split_no_cuda(chain.body) + ([("cuda", chain.orelse)] if chain.orelse else [])
    out = [("cuda", chain.body)]
    if not chain.orelse:
        return out + [("cpu", [])]
    return out + split_no_cuda(chain.orelse)


def _calls(statements: List[ast.stmt], names: Tuple[str, ...]) -> bool:
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name in names:
                    return True
    return False


def _body(tree: ast.Module) -> Tuple[str, List[ast.stmt], List[ast.stmt]]:
    """(shape, the statements before the device choice's function, the function's body)."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Config":
            methods = {m.name: m for m in node.body if isinstance(m, ast.FunctionDef)}
            init = methods.get("__init__")
            config = methods.get("device_config")
            if config is not None:
                return "class", init.body if init else [], config.body
    return "module", [], tree.body


def read_config(path: Path, relative: str) -> ConfigFacts:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DoctorError.of("rvc.unreadable", path=path, error=error.strerror or error)
    text, encoding, bom = _decode(raw, path)
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        raise DoctorError.of("rvc.syntax", path=path, line=error.lineno, error=error.msg)
    shape, init, body = _body(tree)
    facts = ConfigFacts(path=relative, shape=shape, encoding=encoding, has_bom=bom, text=text, raw=raw,
                        newline="\r\n" if "\r\n" in text else "\n")
    prefix = facts.prefix
    facts.argv_parsed = "parse_args(" in text
    facts.rewrites_files = any(name in text for name in _FP32_REWRITERS) or ".replace(\"true\", \"false\")" in text
    facts.guarded = GUARD_MARK in text

    chain_index = next((i for i, s in enumerate(body) if isinstance(s, ast.If) and _is_cuda_test(s.test, text)),
                       None)
    before = init if shape == "class" else []
    before = before + (body[:chain_index] if chain_index is not None else [])
    defaults = _assigned(before, prefix, text, "default")
    facts.assignments.extend(defaults)
    if chain_index is None:
        facts.assignments.extend(_assigned(body, prefix, text, "after"))
        return facts
    chain = body[chain_index]
    branches = _branches(chain, text)
    for label, statements in branches:
        facts.assignments.extend(_assigned(statements, prefix, text, label))
    facts.assignments.extend(_assigned(body[chain_index + 1:], prefix, text, "after"))

    def half_in(label: str) -> Tuple[Optional[bool], Optional[int]]:
        value, line = None, None
        for item in defaults + [a for a in facts.assignments if a.branch == label]:
            if item.name == "is_half":
                value = {"True": True, "False": False}.get(item.value)
                line = item.line
        return value, line

    facts.cpu_is_half, facts.cpu_line = half_in("cpu")
    if facts.guarded:  # our guard after the device choice: float32 whenever the device is the CPU
        facts.cpu_is_half = False
        facts.cpu_line = next(i + 1 for i, line in enumerate(text.splitlines()) if GUARD_MARK in line)
    # Without an MPS branch a Mac takes the CPU path.
    facts.mps_branch = any(label == "mps" for label, _ in branches)
    facts.mps_is_half = half_in("mps")[0] if facts.mps_branch else facts.cpu_is_half
    devices = [a.value.strip("\"'") for a in facts.assignments if a.branch == "mps" and a.name == "device"]
    facts.mps_device = devices[-1] if devices else None
    cpu_statements = next((s for label, s in branches if label == "cpu"), [])
    facts.cpu_rewrites_json = _calls(cpu_statements, _FP32_REWRITERS)

    lines = text.splitlines()
    facts.guard_after_line = chain.end_lineno
    first = lines[chain.lineno - 1]
    facts.guard_indent = first[: len(first) - len(first.lstrip())]
    inner = lines[chain.body[0].lineno - 1]
    facts.guard_body_indent = inner[: len(inner) - len(inner.lstrip())]
    return facts


class _Unknown(Exception):
    pass


def _value(node: ast.AST, env: Dict[str, Any], prefix: str) -> Any:
    """A tiny evaluator for the card-name rules; _Unknown for anything else."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [_value(element, env, prefix) for element in node.elts]
    name = _target_name(node, prefix)
    if name is not None:
        if name in env:
            return env[name]
        raise _Unknown(name)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("upper", "lower") and not node.args:
            value = _value(node.func.value, env, prefix)
            if isinstance(value, str):
                return getattr(value, node.func.attr)()
        if node.func.attr == "has_xpu":  # Intel XPU: not a CUDA machine's path
            return False
        raise _Unknown(node.func.attr)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _value(node.operand, env, prefix)
    if isinstance(node, ast.BoolOp):
        unknown = False
        for operand in node.values:
            try:
                value = _value(operand, env, prefix)
            except _Unknown:
                unknown = True
                continue
            if isinstance(node.op, ast.And) and not value:
                return False
            if isinstance(node.op, ast.Or) and value:
                return True
        if unknown:
            raise _Unknown("bool")
        return isinstance(node.op, ast.And)
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right = _value(node.left, env, prefix), _value(node.comparators[0], env, prefix)
        op = node.ops[0]
        try:
            if isinstance(op, ast.In):
                return left in right
            if isinstance(op, ast.NotIn):
                return left not in right
        except TypeError:
            raise _Unknown("in")
        if isinstance(op, (ast.Eq, ast.Is)):
            return left == right
        if isinstance(op, (ast.NotEq, ast.IsNot)):
            return left != right
    raise _Unknown(type(node).__name__)


def _sets_half(statements: List[ast.stmt], prefix: str) -> bool:
    return any(_target_name(t, prefix) == "is_half" for s in statements for n in ast.walk(s)
               for t in (n.targets if isinstance(n, ast.Assign) else []))


def _run(statements: List[ast.stmt], env: Dict[str, Any], prefix: str) -> bool:
    """Follow the statements for is_half; False when a `return` ends the function."""
    for statement in statements:
        if isinstance(statement, ast.Return):
            return False
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                name = _target_name(target, prefix)
                if name == "is_half":
                    env["is_half"] = _value(statement.value, env, prefix)  # _Unknown when computed
                elif name == "device" and isinstance(statement.value, ast.Constant):
                    env["device"] = statement.value.value
        elif isinstance(statement, ast.If):
            try:
                taken = statement.body if _value(statement.test, env, prefix) else statement.orelse
            except _Unknown:
                if _sets_half(statement.body + statement.orelse, prefix):
                    raise
                continue
            if not _run(taken, env, prefix):
                return False
        elif _sets_half([statement], prefix):
            raise _Unknown("is_half set in a loop, with or try")
    return True


def gpu_is_half(facts: ConfigFacts, gpu_name: str) -> Optional[bool]:
    """is_half on a machine whose first CUDA card is `gpu_name`, from the card-name rules of the
    CUDA branch and what follows it; None when the config decides otherwise (the capability
    rule of 2025 on, a value computed at run time) or a flag would be needed."""
    shape, init, body = _body(ast.parse(facts.text))
    prefix = facts.prefix
    env: Dict[str, Any] = {"gpu_name": gpu_name, "device": "cuda:0", "is_half": True, "dml": False,
                           "gpu_mem": None, "instead": ""}
    chain_index = next((i for i, s in enumerate(body) if isinstance(s, ast.If) and _is_cuda_test(s.test, facts.text)),
                       None)
    if chain_index is None:
        return None
    chain = body[chain_index]
    cuda = next((s for label, s in _branches(chain, facts.text) if label == "cuda"), [])
    try:
        if _run(init if shape == "class" else body[:chain_index], env, prefix) and _run(cuda, env, prefix):
            _run(body[chain_index + 1:], env, prefix)
    except _Unknown:
        return None
    value = env["is_half"]
    return value if isinstance(value, bool) else None


def guard_lines(facts: ConfigFacts) -> List[str]:
    p = facts.prefix
    return [f'{facts.guard_indent}if str({p}device).startswith("cpu"):  {GUARD_MARK}',
            f"{facts.guard_body_indent}{p}is_half = False"]


def with_guard(facts: ConfigFacts) -> str:
    """The config's text with the guard after the device choice (same newline style)."""
    if facts.guard_after_line is None:
        raise ValueError("no place for the guard")
    lines = facts.text.splitlines(keepends=True)
    at = facts.guard_after_line
    block = "".join(line + facts.newline for line in guard_lines(facts))
    if at > len(lines):
        at = len(lines)
    if at and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += facts.newline
    return "".join(lines[:at]) + block + "".join(lines[at:])
