"""Atomic file writes: a temp file in the target folder, fsync, then rename.

A crash, a full disk or a cancelled export never leaves a half-written file under the target name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reviewer.errors import UserError


def write_atomic(target: str | os.PathLike[str], produce: Callable[[BinaryIO], None]) -> Path:
    """Call `produce(handle)` to fill a temp file, then move it over `target` in one step."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"cannot write {target}: folder {folder} does not exist; create it or pick another path")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}; pick a writable folder") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            produce(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}; free some disk space or pick another path") \
            from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def write_text_atomic(target: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    data = text.encode(encoding)
    return write_bytes_atomic(target, data)


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> Path:
    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomic(target, write)
