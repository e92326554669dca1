"""What a family's fix plan is made of (family-neutral): file edits with their reasons, and
notes. Families build plans (gsv_doctor.families.<name>); gsv_doctor.edits writes them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


@dataclass
class Reason:
    """One change of an edit, for the user: a gsv_doctor.fixmessages code ("reason.guard", ...)."""
    code: str
    params: Dict[str, Any] = field(default_factory=dict)


@dataclass
class FileEdit:
    path: str  # absolute path of the file to change
    old_text: str  # decoded text as read (no BOM)
    new_text: str
    reasons: List[Reason]  # one per change
    kind: str = "config"  # "config" or "tts_infer"
    encoding: str = "utf-8"
    has_bom: bool = False
    old_bytes: bytes = field(default=b"", repr=False)  # exactly what was read; write refuses if it changed

    def new_bytes(self) -> bytes:
        data = self.new_text.encode(self.encoding)
        if self.has_bom and not data.startswith(b"\xef\xbb\xbf"):
            data = b"\xef\xbb\xbf" + data
        return data


@dataclass
class Note:
    id: str  # "entry-point", "api-half-flag", "env-is-half-invalid", "already-fixed", "tts-infer-missing"
    params: Dict[str, Any] = field(default_factory=dict)  # its text is fixmessages "note.<id>"
    command: Optional[str] = None
    severity: str = "info"  # "error" when what it describes still fails after the edits


@dataclass
class FixPlan:
    edits: List[FileEdit] = field(default_factory=list)
    notes: List[Note] = field(default_factory=list)
    answered: List[str] = field(default_factory=list)  # finding ids the edits answer

    @property
    def unresolved_errors(self) -> bool:
        return any(note.severity == "error" for note in self.notes)
