"""A project's Python files as Python itself reads them: parsed once per version of the file,
refused where Python refuses them, and a script's own lines that decide is_half and device."""
from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from typing import Dict, List, Optional


def _stored(node: ast.AST) -> set:
    return {sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)}


def _mentions(node: ast.AST, names) -> bool:
    return any(isinstance(sub, ast.Name) and sub.id in names for sub in ast.walk(node))


def own_lines(tree: ast.Module) -> List[ast.stmt]:
    """A script's module-level statements that set only is_half and/or device, and those of the
    first branch of a module-level `if` doing the work, whose test is about the data, not torch
    or float16 (the same selection the child runs)."""
    picked: List[ast.stmt] = []
    for node in tree.body:
        if not isinstance(node, (ast.Assign, ast.If)):
            continue
        names = _stored(node)
        if names and names <= {"is_half", "device"}:
            picked.append(node)
        elif isinstance(node, ast.If) and not _mentions(node.test, ("torch", "is_half", "device")):
            picked.extend(sub for sub in node.body if isinstance(sub, (ast.Assign, ast.If))
                          and _stored(sub) and _stored(sub) <= {"is_half", "device"})
    return picked


_TREES: Dict[tuple, ast.Module] = {}


def read_tree(path: Path) -> Optional[ast.Module]:
    """The script's syntax tree, parsed once per version of the file (a start script's preflight
    reads the same large UI files several times). Callers must not change it."""
    try:
        stat = Path(path).stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _TREES:
            if len(_TREES) > 64:
                _TREES.clear()
            _TREES[key] = _parse(Path(path))
        return _TREES[key]
    except (OSError, SyntaxError, ValueError):
        return None


def _parse(path: Path) -> ast.Module:
    """ast.parse as Python runs the file: ast.parse alone accepts bytes that are not in the
    file's encoding inside a comment, which Python refuses at start ("Non-UTF-8 code")."""
    raw = path.read_bytes()
    try:
        importlib.util.decode_source(raw)
    except (UnicodeDecodeError, LookupError) as error:
        start = getattr(error, "start", 0)
        raise SyntaxError(f"(unicode error) {error}", (str(path), raw[:start].count(b"\n") + 1, None, None)) from None
    try:
        return ast.parse(raw, filename=str(path))
    except ValueError as error:  # null bytes: ValueError before Python 3.12, where Python itself says SyntaxError
        raise SyntaxError(str(error), (str(path), 1, None, None)) from None


def syntax_error(path: Path) -> Optional[SyntaxError]:
    """Why Python refuses the file, or None (it parses, or cannot be read)."""
    try:
        _parse(Path(path))
    except SyntaxError as error:
        return error
    except (OSError, ValueError):
        pass
    return None
