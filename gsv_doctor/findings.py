"""What the diagnosis returns: findings with a severity, and the exit code they imply."""
from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Iterable, List, Optional

from gsv_doctor.errors import EXIT_FINDINGS, EXIT_OK


class Severity(str, enum.Enum):
    ERROR = "error"  # the launch will crash or give silent / NaN audio
    WARNING = "warning"  # works, but slow or fragile
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


# How a finding was raised: measured by the probe, from a GPU name/capability rule,
# or read from the project's files and environment.
MEASURED = "measured"
RULE = "rule"
PROJECT = "project"


@dataclass
class Finding:
    """One diagnosis. Texts come from gsv_doctor.messages by `id`, filled with `params`."""

    id: str
    severity: Severity
    source: str = PROJECT
    params: Dict[str, Any] = field(default_factory=dict)
    entry_points: List[str] = field(default_factory=list)  # the entry points it affects (none: every launch)
    device: Optional[str] = None
    error_text: Optional[str] = None  # the exact error the user sees (or would see)
    fix_command: Optional[str] = None  # the gsv-doctor command that fixes it

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def worst(findings: Iterable[Finding]) -> Optional[Severity]:
    ranked = sorted((f.severity for f in findings), key=lambda s: s.rank, reverse=True)
    return ranked[0] if ranked else None


def exit_code(findings: Iterable[Finding]) -> int:
    return EXIT_FINDINGS if worst(findings) is Severity.ERROR else EXIT_OK


def sort_findings(findings: Iterable[Finding]) -> List[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.id, f.device or ""))
