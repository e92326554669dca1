"""Replace a file of gsv-doctor's own (probe cache, installed hook) so a reader never sees half of it.

User files go through gsv_doctor.edits, which adds backups, fsync and its own messages.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional


def write_bytes(path: Path, data: bytes, mode: Optional[int] = None) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`.
    `mode`: permission bits for the result (a temporary file starts as 0600). OSError propagates."""
    handle, temporary = tempfile.mkstemp(dir=str(path.parent), prefix="." + path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, str(path))
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
