"""Streaming SHA-256: constant memory, so a 1 GB video hashes at disk speed without being read whole."""

from __future__ import annotations

import hashlib
import os

CHUNK_SIZE = 1 << 20


def sha256_file(path: str | os.PathLike[str], chunk_size: int = CHUNK_SIZE) -> str:
    digest = hashlib.sha256()
    buffer = bytearray(chunk_size)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while read := handle.readinto(buffer):
            digest.update(view[:read])
    return digest.hexdigest()
