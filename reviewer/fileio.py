"""Atomic file writes: a temp file in the target folder, fsync, then rename.

A crash, a full disk or a cancelled export never leaves a half-written file under the target name.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reviewer.errors import UserError


def _explain(target: Path, exc: OSError) -> UserError:
    """Say what actually went wrong: only a full disk is about disk space."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(f"cannot write {target}: {exc.strerror} (the disk is full); free some disk space or pick "
                         "another path")
    if exc.errno == errno.ENAMETOOLONG:
        return UserError(f"cannot write {target}: the file name is too long for this file system "
                         f"({len(target.name.encode())} bytes); pick a shorter name")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"cannot write {target}: {exc.strerror}; pick a folder you can write to")
    return UserError(f"cannot write {target}: {exc.strerror}; pick another path")


def write_atomic(target: str | os.PathLike[str], produce: Callable[[BinaryIO], None]) -> Path:
    """Call `produce(handle)` to fill a temp file, then move it over `target` in one step.

    The temp name is short and fixed in length (not derived from the target's), so any name the file system
    accepts for the target also works for the temp file.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"cannot write {target}: folder {folder} does not exist; create it or pick another path")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tt-", suffix=".part")
    except OSError as exc:
        raise _explain(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            produce(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise _explain(target, exc) from None
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
