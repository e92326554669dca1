"""The one JSON envelope of every `--json` output, errors included.

Every document has `schema` ("gsv-doctor/<command>"), `schema_version`, `gsv_doctor` (the
version that wrote it), `language`, `exit_code` and `errors` (a list, empty when the command
ran: each error is {"code", "params", "text", "exit_code"}); the command's own keys come beside
them. A run that fails before it has anything to report prints the envelope alone. The README
documents it ("JSON output"); tests/test_envelope.py validates every --json output with `problems`.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Sequence

from gsv_doctor import __version__

# Each --json command's schema name and version; a version grows when a key changes meaning
# or goes away (new keys do not change it).
SCHEMAS = {
    "check": ("gsv-doctor/check", 1),
    "fix": ("gsv-doctor/fix", 1),
    "explain": ("gsv-doctor/explain", 1),
    "hook status": ("gsv-doctor/hook-status", 1),
}
KEYS = {"schema": str, "schema_version": int, "gsv_doctor": str, "language": str, "exit_code": int, "errors": list}
ERROR_KEYS = {"code": (str, type(None)), "params": dict, "text": str, "exit_code": int}


def envelope(command: str, lang: str, exit_code: int, body: Optional[Mapping[str, Any]] = None,
             errors: Sequence[Mapping[str, Any]] = ()) -> Dict[str, Any]:
    """`body` (the command's own keys) inside the envelope of `command`."""
    schema, version = SCHEMAS[command]
    document: Dict[str, Any] = {"schema": schema, "schema_version": version, "gsv_doctor": __version__,
                                "language": lang, "exit_code": exit_code, "errors": list(errors)}
    for key, value in (body or {}).items():
        if key not in document:
            document[key] = value
    return document


def dumps(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


def problems(document: Any) -> List[str]:
    """What makes `document` not an envelope (empty when it is one)."""
    if not isinstance(document, dict):
        return ["not a JSON object"]
    found = []
    for key, kind in KEYS.items():
        if not isinstance(document.get(key), kind) or (kind is int and isinstance(document.get(key), bool)):
            found.append(f"{key}: missing or not {kind.__name__}")
    if document.get("schema") not in {schema for schema, _ in SCHEMAS.values()}:
        found.append(f"schema: unknown {document.get('schema')!r}")
    if document.get("language") not in ("en", "zh"):
        found.append("language: not en or zh")
    for error in document.get("errors") or []:
        for key, kind in ERROR_KEYS.items():
            if not isinstance(error, dict) or not isinstance(error.get(key), kind):
                found.append(f"errors[].{key}: missing or of the wrong type")
    if isinstance(document.get("exit_code"), int) and document.get("errors") and document["exit_code"] == 0:
        found.append("exit_code: 0 with errors")
    return found
