"""Static reading of GPT-SoVITS's root config.py: where `is_half` and `infer_device` are set,
which shape of the file this is, and what it gives on a machine (without running it).

Standard library only. Offsets are character offsets into the decoded text (BOM removed).
"""
from __future__ import annotations

import ast
import bisect
import codecs
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

from gsv_doctor.errors import DoctorError

NAMES = ("is_half", "infer_device")

# Lines gsv-doctor inserts into config.py are fenced by these comments (the fix plan writes
# them; the reader recognises them so a second fix is a no-op).
GUARD_BEGIN = "# >>> gsv-doctor"
GUARD_END = "# <<< gsv-doctor"
GUARD_FUNCTION = "_gsv_doctor_guard"

# Tried in this order when the file has no BOM and no coding cookie. Each must round-trip
# the bytes exactly, so a later write gives back the same bytes outside the edits.
FALLBACK_ENCODINGS = ("utf-8", "gbk", "big5", "shift_jis", "cp1252")

_NEWLINE = re.compile(r"\r\n|\r|\n")
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_GPU_NAME_STRINGS = {"P40", "P10", "1060", "1070", "1080", "16"}


@dataclass
class Assignment:
    name: str  # "is_half" or "infer_device"
    line: int  # 1-based first line of the whole statement
    end_line: int
    start: int  # offsets of the whole statement in the decoded text
    end: int
    value_source: str  # source text of the assigned value
    kind: str  # "literal" | "env" | "detect" | "helper" | "other"
    literal: object  # bool/str when kind == "literal", else None
    conditional: bool  # inside an if/try/for/with block rather than top level
    value_start: int = 0  # offsets of the value expression in the decoded text
    value_end: int = 0
    condition: Optional[str] = None  # source of the innermost enclosing `if` test, if any
    in_guard: bool = False  # inside gsv-doctor's own inserted block
    top_statement: int = 0  # index of the enclosing module-level statement


@dataclass
class ConfigFacts:
    path: str
    encoding: str  # "utf-8", "utf-8-sig", "gbk", ... (what decoding succeeded)
    newline: str  # "\n", "\r\n" or "mixed"
    shape: str  # "constants" | "env" | "detect" | "helper" | "unknown"
    assignments: List[Assignment]
    cpu_guard: bool  # a statement turns is_half off when infer_device is the CPU
    gpu_name_rule: bool  # the project's own GPU-name rule ("16" in name, P40, 1060...)
    env_default: Optional[str]  # the default text of an `is_half` env read ("True"), when present
    patched: bool  # gsv-doctor's own guard is already in the file
    insert_after: int = 0  # offset just after the last module-level statement setting a name
    insert_line: int = 0  # 1-based line that statement ends on
    has_bom: bool = False
    unknown_reason: Optional[str] = None  # why the shape is "unknown"

    # Not dataclass fields, so asdict()/JSON of the facts stay small and serialisable;
    # set by parse_config.
    text = ""  # the decoded text (no BOM)
    raw = b""  # the bytes as read

    def last(self, name: str, top_level_only: bool = False) -> Optional[Assignment]:
        found = [a for a in self.assignments if a.name == name and not a.in_guard
                 and (not top_level_only or not a.conditional)]
        return found[-1] if found else None


# ---------------------------------------------------------------- decoding

def decode(raw: bytes, path: str = "config.py") -> Tuple[str, str]:
    """Return (text, encoding); the text encodes back to exactly `raw`."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    candidates: List[str] = []
    for line in raw.splitlines()[:2]:
        match = _COOKIE.match(line)
        if match:
            try:
                info = codecs.lookup(match.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                break
            # rot13, hex, base64, zlib, uu, punycode...: codecs, but not text encodings Python would read
            if getattr(info, "_is_text_encoding", True):
                candidates.append(info.name)
            break
    candidates.extend(FALLBACK_ENCODINGS)
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except (UnicodeError, LookupError):  # punycode, idna: UnicodeError, not UnicodeDecodeError
            continue
        if text.encode(encoding) == raw and "\x00" not in text:
            return text, encoding
    raise DoctorError.of("file.undecodable", path=path, encodings=", ".join(FALLBACK_ENCODINGS))


def newline_style(text: str) -> str:
    kinds = set(_NEWLINE.findall(text))
    if not kinds:
        return "\n"
    if len(kinds) == 1:
        return kinds.pop()
    return "mixed"


class _Offsets:
    """Maps ast (line, UTF-8 byte column) positions to offsets in the decoded text.

    Linear in the file: a line is measured once, so a config.py written as one long line
    (megabytes, thousands of statements) costs no more than the same code on many lines."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        for match in _NEWLINE.finditer(text):
            self.starts.append(match.end())
        self._wide: Dict[int, Tuple[List[int], List[int]]] = {}  # line -> (byte positions, extra bytes so far)

    def _wide_chars(self, line: int) -> Tuple[List[int], List[int]]:
        """Where the multi-byte characters of a line start (in UTF-8 bytes), and how many bytes
        beyond one per character come before and with each."""
        if line not in self._wide:
            start = self.starts[line - 1]
            end = self.starts[line] if line < len(self.starts) else len(self.text)
            positions: List[int] = []
            extra: List[int] = []
            chars = self.text[start:end]
            if not chars.isascii():
                total = 0
                for index, char in enumerate(chars):
                    if char > "\x7f":
                        size = len(char.encode("utf-8", "surrogatepass"))
                        positions.append(index + total)
                        total += size - 1
                        extra.append(total)
            self._wide[line] = (positions, extra)
        return self._wide[line]

    def __call__(self, line: int, col_bytes: int) -> int:
        start = self.starts[line - 1]
        positions, extra = self._wide_chars(line)
        before = bisect.bisect_left(positions, col_bytes)  # wide characters that start before the column
        return start + col_bytes - (extra[before - 1] if before else 0)

    def line_end(self, line: int) -> int:
        """Offset just after line `line` (including its line ending)."""
        return self.starts[line] if line < len(self.starts) else len(self.text)


# ---------------------------------------------------------------- reading

def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _is_env_read(node: ast.AST) -> bool:
    if isinstance(node, ast.Call):
        name = _dotted(node.func)
        return name.endswith(("environ.get", "getenv"))
    if isinstance(node, ast.Subscript):
        return _dotted(node.value).endswith("environ")
    return False


def _env_default(node: ast.AST) -> Optional[str]:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _is_env_read(sub) and len(sub.args) >= 2:
            default = sub.args[1]
            if isinstance(default, ast.Constant):
                return str(default.value)
            return ast.unparse(default) if hasattr(ast, "unparse") else None
    return None


def _mentions_torch_detection(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _dotted(sub.func).endswith("is_available"):
            return True
    return False


def _classify(value: ast.AST, local_functions: set, env_names: set) -> Tuple[str, object]:
    if isinstance(value, ast.Constant) and isinstance(value.value, (bool, str)):
        return "literal", value.value
    for sub in ast.walk(value):
        if _is_env_read(sub) or (isinstance(sub, ast.Name) and sub.id in env_names):
            return "env", None
    for sub in ast.walk(value):
        dotted = _dotted(sub) if isinstance(sub, (ast.Attribute, ast.Name)) else ""
        if dotted.endswith(("float16", "torch.device")):
            return "helper", None
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in local_functions:
            return "helper", None
    if _mentions_torch_detection(value):
        return "detect", None
    return "other", None


def _mentions_cpu_test(test: ast.AST) -> bool:
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    strings = {n.value for n in ast.walk(test) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return "infer_device" in names and any(s.lower().startswith("cpu") for s in strings)


def _sets_half_false(body: List[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and stmt.value.value is False:
            if any(isinstance(t, ast.Name) and t.id == "is_half" for t in stmt.targets):
                return True
    return False


def _sets_device_cpu(body: List[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and stmt.value.value == "cpu":
            if any(isinstance(t, ast.Name) and t.id == "infer_device" for t in stmt.targets):
                return True
    return False


def _guard_span(text: str) -> Optional[Tuple[int, int]]:
    begin = text.find(GUARD_BEGIN)
    if begin < 0:
        return None
    end = text.find(GUARD_END, begin)
    return begin, (len(text) if end < 0 else end + len(GUARD_END))


def read_config(path) -> ConfigFacts:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DoctorError.of("config.missing", path=path)
    except IsADirectoryError:
        raise DoctorError.of("config.is-folder", path=path)
    except OSError as error:
        raise DoctorError.of("file.unreadable", path=path, error=error.strerror or error)
    return parse_config(raw, str(path))


def parse_config(raw: bytes, path: str = "config.py") -> ConfigFacts:
    text, encoding = decode(raw, path)
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        raise DoctorError.of("config.syntax", path=path, line=error.lineno, error=error.msg)
    offsets = _Offsets(text)
    guard = _guard_span(text)
    local_functions = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    # The mid-2025 helper: a module-level function that builds torch.device / dtype tuples.
    helper_defined = any(
        _dotted(sub).endswith(("float16", "torch.device"))
        for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        for sub in ast.walk(n) if isinstance(sub, ast.Attribute))
    # Module-level names holding an environment read (`is_half_str = os.environ.get(...)`).
    env_values = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign)
                  for t in n.targets if isinstance(t, ast.Name) and t.id not in NAMES
                  and any(_is_env_read(sub) for sub in ast.walk(n.value))}
    assignments: List[Assignment] = []
    facts = ConfigFacts(path=path, encoding=encoding, newline=newline_style(text), shape="unknown",
                        assignments=assignments, cpu_guard=False, gpu_name_rule=False, env_default=None,
                        patched=guard is not None, has_bom=encoding == "utf-8-sig")
    facts.text, facts.raw = text, raw

    def visit(stmts: List[ast.stmt], top: Optional[int], conditional: bool, condition: Optional[str]) -> None:
        for index, stmt in enumerate(stmts):
            top_index = index if top is None else top
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            targets: List[ast.AST] = []
            value = None
            if isinstance(stmt, ast.Assign):
                targets, value = stmt.targets, stmt.value
            elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)) and stmt.value is not None:
                targets, value = [stmt.target], stmt.value
            for target in targets:
                names = [target] if isinstance(target, ast.Name) else (
                    list(target.elts) if isinstance(target, (ast.Tuple, ast.List)) else [])
                for name in names:
                    if not (isinstance(name, ast.Name) and name.id in NAMES):
                        continue
                    start = offsets(stmt.lineno, stmt.col_offset)
                    if len(names) == 1 and isinstance(stmt, ast.Assign):
                        kind, literal = _classify(value, local_functions, set(env_values))
                        if kind == "other" and helper_defined:
                            kind = "helper"
                    else:
                        kind, literal = "other", None
                    assignments.append(Assignment(
                        name=name.id, line=stmt.lineno, end_line=stmt.end_lineno,
                        start=start, end=offsets(stmt.end_lineno, stmt.end_col_offset),
                        value_source=text[offsets(value.lineno, value.col_offset):
                                          offsets(value.end_lineno, value.end_col_offset)],
                        kind=kind, literal=literal if kind == "literal" else None,
                        conditional=conditional,
                        value_start=offsets(value.lineno, value.col_offset),
                        value_end=offsets(value.end_lineno, value.end_col_offset),
                        condition=condition,
                        in_guard=bool(guard and guard[0] <= start < guard[1]),
                        top_statement=top_index,
                    ))
            if isinstance(stmt, ast.If):
                test = text[offsets(stmt.test.lineno, stmt.test.col_offset):
                            offsets(stmt.test.end_lineno, stmt.test.end_col_offset)]
                if _mentions_cpu_test(stmt.test) and _sets_half_false(stmt.body):
                    facts.cpu_guard = True
                if _sets_device_cpu(stmt.body) and _sets_half_false(stmt.body):
                    facts.cpu_guard = True
                if _sets_device_cpu(stmt.orelse) and _sets_half_false(stmt.orelse):
                    facts.cpu_guard = True
                visit(stmt.body, top_index, True, test)
                visit(stmt.orelse, top_index, True, "not (%s)" % test)
            elif isinstance(stmt, (ast.For, ast.While, ast.AsyncFor)):
                visit(stmt.body, top_index, True, condition)
                visit(stmt.orelse, top_index, True, condition)
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):
                visit(stmt.body, top_index, True, condition)
            elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
                visit(stmt.body, top_index, True, condition)
                for handler in stmt.handlers:
                    visit(handler.body, top_index, True, condition)
                visit(stmt.orelse, top_index, True, condition)
                visit(stmt.finalbody, top_index, True, condition)

    visit(tree.body, None, False, None)

    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in _GPU_NAME_STRINGS:
            if node.value != "16" or _inside_in_compare(tree, node):
                facts.gpu_name_rule = True
                break
    for a in assignments:
        if a.name == "is_half" and a.kind == "env" and not a.in_guard:
            value = _value_node(tree, a)
            facts.env_default = _env_default(value)
            for sub in ast.walk(value):
                if facts.env_default is None and isinstance(sub, ast.Name) and sub.id in env_values:
                    facts.env_default = _env_default(env_values[sub.id])
            break

    own = [a for a in assignments if not a.in_guard]
    if own:
        last_top = tree.body[max(a.top_statement for a in own)]
        facts.insert_line = last_top.end_lineno
        facts.insert_after = offsets.line_end(last_top.end_lineno)
    facts.shape, facts.unknown_reason = _shape(facts)
    return facts


def _inside_in_compare(tree: ast.AST, constant: ast.Constant) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and node.left is constant and isinstance(node.ops[0], (ast.In, ast.NotIn)):
            return True
    return False


def _value_node(tree: ast.AST, assignment: Assignment) -> ast.AST:
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and node.lineno == assignment.line and any(
                isinstance(t, ast.Name) and t.id == assignment.name for t in node.targets):
            return node.value
    return ast.Constant(value=None)


def _shape(facts: ConfigFacts) -> Tuple[str, Optional[str]]:
    own = [a for a in facts.assignments if not a.in_guard]
    half = [a for a in own if a.name == "is_half"]
    device = [a for a in own if a.name == "infer_device"]
    if not half or not device:
        missing = " and ".join(n for n, found in (("is_half", half), ("infer_device", device)) if not found)
        return "unknown", f"no module-level assignment of {missing}"
    if any(a.kind == "other" for a in own if a is (half[-1]) or a is device[-1]):
        return "unknown", "the last assignment of is_half or infer_device is an expression gsv-doctor does not recognise"
    kinds = {a.kind for a in own}
    if "helper" in kinds:
        return "helper", None
    if any(a.conditional or a.kind == "detect" for a in device):
        return "detect", None
    if "env" in {a.kind for a in half}:
        return "env", None
    if all(a.kind == "literal" for a in own) and not half[-1].conditional and not device[-1].conditional:
        return "constants", None
    return "unknown", "is_half or infer_device is set in a way gsv-doctor does not recognise"


# ---------------------------------------------------------------- prediction

class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class Device:
    """Stands for a torch.device during static prediction."""

    type: str
    index: Optional[int] = None

    def __str__(self) -> str:
        return self.type if self.index is None else f"{self.type}:{self.index}"


class _Module:
    def __init__(self, name: str):
        self.name = name


# torch.cuda calls that raise when CUDA cannot be used ("Torch not compiled with CUDA enabled",
# "Found no NVIDIA driver"): config.py then dies on import.
CUDA_QUERIES = ("torch.cuda.get_device_name", "torch.cuda.get_device_capability", "torch.cuda.get_device_properties",
                "torch.cuda.current_device", "torch.cuda.set_device", "torch.cuda.mem_get_info")


class _Crashed(Exception):
    pass


class _Predictor:
    def __init__(self, cuda_available: bool, environ: Mapping[str, str], mps_available: bool = False):
        self.cuda = cuda_available
        self.mps = mps_available
        self.environ: Dict[str, str] = dict(environ)
        self.store: Dict[str, Any] = {}
        self.uncertain = 0  # > 0 inside a branch that may not run or a try that catches
        self.crash: Optional[Tuple[int, Optional[str]]] = None  # (line, error or None for a CUDA query) that raises
        self.never_bound: set = set()  # names the whole file never binds (set by predict_run)

    def fail(self, node: ast.AST, error: Optional[str]) -> Any:
        """The statement raises here, if it surely runs; otherwise its value is unknown."""
        if self.uncertain:
            return UNKNOWN
        self.crash = (getattr(node, "lineno", 0), error)
        raise _Crashed()

    # expressions -------------------------------------------------------
    def dotted(self, node: ast.AST) -> str:
        """Resolve `alias.attr.attr` to a dotted name of a real module path."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name) and isinstance(self.store.get(node.id), _Module):
            parts.append(self.store[node.id].name)
            return ".".join(reversed(parts))
        return ""

    def eval(self, node: ast.AST) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in self.store and node.id in self.never_bound:
                return self.fail(node, f"NameError: name '{node.id}' is not defined")
            return self.store.get(node.id, UNKNOWN)
        if isinstance(node, ast.BoolOp):
            is_and = isinstance(node.op, ast.And)
            result: Any = None
            for value_node in node.values:
                result = self.eval(value_node)
                if result is UNKNOWN:
                    return UNKNOWN
                if is_and and not result:
                    return result
                if not is_and and result:
                    return result
            return result
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            value = self.eval(node.operand)
            return UNKNOWN if value is UNKNOWN else (not value)
        if isinstance(node, ast.IfExp):
            test = self.eval(node.test)
            if test is UNKNOWN:
                return UNKNOWN
            return self.eval(node.body if test else node.orelse)
        if isinstance(node, ast.Compare):
            left = self.eval(node.left)
            for op, right_node in zip(node.ops, node.comparators):
                right = self.eval(right_node)
                if left is UNKNOWN or right is UNKNOWN:
                    return UNKNOWN
                try:
                    ok = _compare(op, left, right)
                except TypeError:
                    return UNKNOWN
                if ok is UNKNOWN or not ok:
                    return ok
                left = right
            return True
        if isinstance(node, ast.Attribute):
            owner = self.eval(node.value)
            if isinstance(owner, Device) and node.attr in ("type", "index"):
                return getattr(owner, node.attr)
            return UNKNOWN
        if isinstance(node, ast.Subscript):
            if self.dotted(node.value) == "os.environ":
                key = self.eval(node.slice)
                if isinstance(key, str) and key not in self.environ and isinstance(node.ctx, ast.Load):
                    return self.fail(node, f"KeyError: '{key}'")  # a variable nobody set
                return self.environ.get(key, UNKNOWN) if isinstance(key, str) else UNKNOWN
            return UNKNOWN
        if isinstance(node, ast.Call):
            return self.call(node)
        return UNKNOWN

    def call(self, node: ast.Call) -> Any:
        args = [self.eval(a) for a in node.args]
        for keyword in node.keywords:
            self.eval(keyword.value)  # only for what it raises (os.environ["language"] nobody set)
        if isinstance(node.func, ast.Attribute):
            name = self.dotted(node.func)
            if name in ("os.environ.get", "os.getenv"):
                if not args or not isinstance(args[0], str):
                    return UNKNOWN
                return self.environ.get(args[0], args[1] if len(args) > 1 else None)
            if name == "torch.cuda.is_available":
                return self.cuda
            if name in CUDA_QUERIES and not self.cuda:
                return self.fail(node, None)
            if name == "torch.backends.mps.is_available":
                return self.mps
            if name == "torch.device":
                return _device(args)
            if name:
                return UNKNOWN
            owner = self.eval(node.func.value)
            if isinstance(owner, str) and node.func.attr in ("lower", "upper", "strip") and not args:
                return getattr(owner, node.func.attr)()
            if isinstance(owner, str) and node.func.attr in ("startswith", "endswith") and args \
                    and isinstance(args[0], str):
                return getattr(owner, node.func.attr)(args[0])
            return UNKNOWN
        if isinstance(node.func, ast.Name):
            if any(a is UNKNOWN for a in args):
                return UNKNOWN
            if node.func.id == "eval" and len(args) == 1 and isinstance(args[0], str):
                text = args[0].strip()
                return {"True": True, "False": False}.get(text, UNKNOWN)
            if node.func.id == "eval" and len(args) == 1 and not isinstance(args[0], (str, bytes)):
                return self.fail(node, "TypeError: eval() arg 1 must be a string, bytes or code object")
            if node.func.id == "str" and len(args) == 1:
                return str(args[0])
            if node.func.id == "bool" and len(args) == 1:
                return bool(args[0])
        return UNKNOWN

    # statements ---------------------------------------------------------
    def run(self, stmts: List[ast.stmt]) -> None:
        for stmt in stmts:
            self.statement(stmt)

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    self.store[alias.asname] = _Module(alias.name)
                else:
                    top = alias.name.split(".")[0]
                    self.store[top] = _Module(top)
        elif isinstance(stmt, ast.ImportFrom):
            for alias in stmt.names:
                full = f"{stmt.module}.{alias.name}" if stmt.module else alias.name
                self.store[alias.asname or alias.name] = _Module(full)
        elif isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value)
            for target in stmt.targets:
                self.assign(target, value)
        elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
            if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                self.assign(stmt.target, self.eval(stmt.value))
            else:
                self.assign(stmt.target, UNKNOWN)
        elif isinstance(stmt, ast.If):
            test = self.eval(stmt.test)
            if test is UNKNOWN:
                self.both(stmt.body, stmt.orelse)
            else:
                self.run(stmt.body if test else stmt.orelse)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            # The guarded blocks of config.py are imports of torch, which succeed in the
            # world predict() describes; handlers are not taken.
            self.uncertain += bool(stmt.handlers)
            try:
                self.run(stmt.body)
            finally:
                self.uncertain -= bool(stmt.handlers)
            self.run(stmt.orelse)
            self.run(stmt.finalbody)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            self.run(stmt.body)
        elif isinstance(stmt, (ast.For, ast.While, ast.AsyncFor)):
            for node in ast.walk(stmt):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    self.store[node.id] = UNKNOWN
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.store[stmt.name] = UNKNOWN
        elif isinstance(stmt, ast.Expr):
            pass
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    self.store.pop(target.id, None)

    def assign(self, target: ast.AST, value: Any) -> None:
        if isinstance(target, ast.Name):
            self.store[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            if target.elts and isinstance(target.elts[0], ast.Name) and \
                    isinstance(value, tuple) and len(value) == len(target.elts):
                for element, item in zip(target.elts, value):
                    self.assign(element, item)
            else:
                for element in target.elts:
                    self.assign(element, UNKNOWN)
        elif isinstance(target, ast.Subscript) and self.dotted(target.value) == "os.environ":
            key = self.eval(target.slice)
            if isinstance(key, str) and isinstance(value, str):
                self.environ[key] = value

    def both(self, first: List[ast.stmt], second: List[ast.stmt]) -> None:
        before = dict(self.store)
        self.uncertain += 1
        try:
            self.run(first)
            after_first = self.store
            self.store = dict(before)
            self.run(second)
        finally:
            self.uncertain -= 1
        for key in set(after_first) | set(self.store):
            a, b = after_first.get(key, UNKNOWN), self.store.get(key, UNKNOWN)
            if not (type(a) is type(b) and a == b):
                self.store[key] = UNKNOWN


def _compare(op: ast.cmpop, left: Any, right: Any) -> Any:
    if isinstance(op, ast.Eq):
        return left == right
    if isinstance(op, ast.NotEq):
        return left != right
    if isinstance(op, ast.In):
        return left in right
    if isinstance(op, ast.NotIn):
        return left not in right
    if isinstance(op, ast.Is):
        return left is right
    if isinstance(op, ast.IsNot):
        return left is not right
    return UNKNOWN


def _device(args: List[Any]) -> Any:
    if not args or not isinstance(args[0], str):
        return UNKNOWN
    kind, _, index = args[0].partition(":")
    if len(args) > 1:
        index = args[1]
    if index in ("", None):
        return Device(kind)
    try:
        return Device(kind, int(index))
    except (TypeError, ValueError):
        return UNKNOWN


def guard_outcome(device: Any, half: Any, cuda_available: bool) -> Tuple[Any, Any]:
    """What gsv-doctor's inserted guard does, as far as it is decidable without a card:
    CUDA not usable -> CPU; CPU -> no float16. On a usable card the card rules decide
    (unknown here unless float16 was already off)."""
    if device is UNKNOWN:
        return UNKNOWN, (False if half is False else UNKNOWN)
    kind = device.type if isinstance(device, Device) else str(device).split(":")[0].strip().lower()
    if kind == "cuda":
        if not cuda_available:
            device = Device("cpu") if isinstance(device, Device) else "cpu"
            kind = "cpu"
        elif half is not False:
            half = UNKNOWN
    if kind == "cpu":
        half = False
    return device, half


def predict(facts: ConfigFacts, cuda_available: bool, environ: Mapping[str, str],
            mps_available: bool = False) -> Tuple[Optional[bool], Optional[str]]:
    """(is_half, infer_device) the file gives on such a machine; None where a value cannot be
    decided statically (a helper that asks the card, a test gsv-doctor cannot evaluate).
    `mps_available`: what torch.backends.mps.is_available() answers there (Apple's MPS)."""
    is_half, device, _crash = predict_run(facts, cuda_available, environ, mps_available)
    return is_half, device


def predict_run(facts: ConfigFacts, cuda_available: bool, environ: Mapping[str, str],
                mps_available: bool = False) -> Tuple[Optional[bool], Optional[str], Optional[Tuple[int, str]]]:
    """predict(), and (line, call) when the file raises on import there (a CUDA query that is
    not guarded by torch.cuda.is_available(), on a machine without CUDA)."""
    tree, never_bound = _parsed(facts.text)
    predictor = _Predictor(cuda_available, environ, mps_available)
    predictor.never_bound = set(never_bound)
    try:
        _predict_statements(facts, tree, predictor, cuda_available)
    except _Crashed:
        return None, None, predictor.crash
    half = predictor.store.get("is_half", UNKNOWN)
    device = predictor.store.get("infer_device", UNKNOWN)
    is_half = half if isinstance(half, bool) else None
    infer_device = str(device) if isinstance(device, (str, Device)) else None
    return is_half, infer_device, None


@functools.lru_cache(maxsize=8)
def _parsed(text: str) -> Tuple[ast.Module, frozenset]:
    """config.py's tree and its never-bound names, once per text (predicted for every entry point
    and environment). The tree is only read."""
    tree = ast.parse(text)
    return tree, frozenset(_never_bound(tree))


def _never_bound(tree: ast.Module) -> set:
    """Names read at module level that nothing in the file binds and that are no builtins:
    reading one raises NameError (no `from x import *`, which could bind anything)."""
    import builtins

    if any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names) for n in ast.walk(tree)):
        return set()
    bound = set(dir(builtins)) | {"__file__", "__name__", "__doc__", "__builtins__", "__spec__", "__loader__"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    loaded = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return loaded - bound


def run_statements(stmts: List[ast.stmt], cuda_available: bool, environ: Mapping[str, str],
                   names: Tuple[str, ...]) -> Dict[str, Any]:
    """Evaluate a script's own deciding lines statically: {name: value or None}; a crash
    or an undecidable value gives None."""
    predictor = _Predictor(cuda_available, environ)
    predictor.store["torch"] = _Module("torch")
    predictor.store["os"] = _Module("os")
    try:
        predictor.run(stmts)
    except _Crashed:
        return {name: None for name in names}
    values = {}
    for name in names:
        value = predictor.store.get(name, UNKNOWN)
        values[name] = str(value) if isinstance(value, Device) else (None if value is UNKNOWN else value)
    return values


def _predict_statements(facts: ConfigFacts, tree: ast.Module, predictor: "_Predictor", cuda_available: bool) -> None:
    guard = _guard_span(facts.text)
    offsets = _Offsets(facts.text)
    for stmt in tree.body:
        start = offsets(stmt.lineno, stmt.col_offset)
        if guard and guard[0] <= start < guard[1]:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and \
                    isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == GUARD_FUNCTION:
                device, half = guard_outcome(predictor.store.get("infer_device", UNKNOWN),
                                             predictor.store.get("is_half", UNKNOWN), cuda_available)
                predictor.store["infer_device"], predictor.store["is_half"] = device, half
            continue
        predictor.statement(stmt)
