"""Atomic file writes shared by every stage: a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write `data` to a temporary file in the target's folder, then rename it over `path`.

    A crash or Ctrl-C midway leaves the previous file intact. Text is written as UTF-8 with
    newlines unchanged, so output is byte-for-byte deterministic across platforms.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
