"""The bundle container: a zip holding `manifest.json` (SHA-256 and size of every other member) and the members.

A zip because any tool can open it and every way of moving files (USB stick, email, a messaging app, Syncthing)
carries it unchanged. Reading verifies everything before anything is imported: the zip's structure, the
manifest, each member's hash and size, no member missing or added, and a format and schema this app knows.
A hand-edited, truncated or damaged bundle is refused with one line.

What the manifest alone cannot stop: someone who edits a member and recomputes the manifest. So the manifest is
signed (`signature.json`, Ed25519, see `bundle_signing`): a recomputed manifest no longer matches its signature,
and a bundle signed with another key than its sender's is refused on import.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from reviewer.errors import UserError
from reviewer.fileio import write_atomic
from reviewer.review.bundle_signing import verify

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"  # Ed25519 signature of the manifest's bytes, with the signer's public key
DATA = "data.json"
KINDS = ("package", "review")
CHUNK = 1 << 20


def _sha256_stream(handle: IO[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while block := handle.read(CHUNK):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size


def sha256_path(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as handle:
        return _sha256_stream(handle)[0]


@dataclass(frozen=True)
class Member:
    """One file in the bundle: bytes in memory, or a file on disk (media, copied without loading it)."""

    name: str
    data: bytes | None = None
    path: Path | None = None
    compress: bool = True


def write_bundle(target: str | os.PathLike[str], header: dict[str, Any], members: Iterable[Member],
                 sign: Callable[[bytes], dict[str, str]] | None = None) -> str:
    """Write the zip atomically, its manifest signed by `sign`; returns the SHA-256 of the whole file (the
    bundle's identity)."""
    entries: dict[str, dict[str, Any]] = {}

    def produce(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w") as archive:
            for member in members:
                method = zipfile.ZIP_DEFLATED if member.compress else zipfile.ZIP_STORED
                info = zipfile.ZipInfo(member.name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = method
                if member.data is not None:
                    archive.writestr(info, member.data, compress_type=method, compresslevel=6)
                    entries[member.name] = {"sha256": hashlib.sha256(member.data).hexdigest(),
                                            "size": len(member.data)}
                else:
                    assert member.path is not None
                    with open(member.path, "rb") as source, archive.open(info, "w", force_zip64=True) as sink:
                        digest, size = hashlib.sha256(), 0
                        while block := source.read(CHUNK):
                            digest.update(block)
                            size += len(block)
                            sink.write(block)
                    entries[member.name] = {"sha256": digest.hexdigest(), "size": size}
            manifest = json.dumps(header | {"format": FORMAT, "files": entries}, ensure_ascii=False, indent=1,
                                  sort_keys=True).encode("utf-8")
            archive.writestr(MANIFEST, manifest)
            if sign is not None:
                archive.writestr(SIGNATURE, json.dumps(sign(manifest), sort_keys=True))

    write_atomic(target, produce)
    return sha256_path(target)


@dataclass
class Bundle:
    """A verified bundle, open for reading its members."""

    path: Path
    sha256: str
    manifest: dict[str, Any]
    archive: zipfile.ZipFile
    signer: str | None = None  # the public key (hex) that signed the manifest; None for an unsigned bundle

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    def read(self, name: str) -> bytes:
        return self.archive.read(name)

    def data(self) -> dict[str, Any]:
        try:
            return json.loads(self.read(DATA))
        except (ValueError, UnicodeDecodeError):
            raise UserError(f"{self.path.name} has unreadable content; ask for a new export") from None

    def members(self, prefix: str) -> list[str]:
        return [name for name in self.manifest["files"] if name.startswith(prefix)]

    def extract(self, name: str, target: Path) -> None:
        tmp = target.with_name(f".{target.name}.part")
        with self.archive.open(name) as source, open(tmp, "wb") as sink:
            shutil.copyfileobj(source, sink, CHUNK)
        os.replace(tmp, target)

    def close(self) -> None:
        self.archive.close()


def open_bundle(path: str | os.PathLike[str], known_schema: Iterable[str]) -> Bundle:
    """Open and verify a bundle; any problem is one UserError line and nothing has been imported."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise UserError(f"no bundle at {path}; check the path")
    try:
        file_sha = sha256_path(path)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise UserError(f"{name} is not a ThinkTwice bundle, or it is damaged or truncated; "
                        "ask for a new export — nothing was imported") from None
    try:
        manifest = json.loads(archive.read(MANIFEST))
        if not isinstance(manifest, dict) or manifest.get("app") != "thinktwice-review":
            raise ValueError
    except (KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError, EOFError):
        archive.close()
        raise UserError(f"{name} is not a ThinkTwice bundle (no valid manifest); nothing was imported") from None
    try:
        _check_version(name, manifest, set(known_schema))
        _check_members(name, archive, manifest)
        signer = _signer(name, archive)
    except BaseException:
        archive.close()
        raise
    return Bundle(path, file_sha, manifest, archive, signer)


def _signer(name: str, archive: zipfile.ZipFile) -> str | None:
    """The key that signed the manifest's exact bytes (a bundle from before signing has none)."""
    if SIGNATURE not in archive.namelist():
        return None
    try:
        signature = json.loads(archive.read(SIGNATURE))
        if not isinstance(signature, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError, EOFError):
        raise UserError(f"{name} has a damaged signature; ask for a new export — nothing was imported") from None
    return verify(name, archive.read(MANIFEST), signature)


def _check_version(name: str, manifest: dict[str, Any], known: set[str]) -> None:
    newer = sorted(set(manifest.get("schema", [])) - known)
    if not isinstance(manifest.get("format"), int) or manifest["format"] > FORMAT or newer:
        raise UserError(f"{name} was made by a newer version of ThinkTwice Review"
                        + (f" (schema {newer[-1]})" if newer else "") + "; update the app to import it — "
                        "nothing was imported")
    if manifest.get("kind") not in KINDS:
        raise UserError(f"{name} is not a campaign package or a review bundle; nothing was imported")


def _check_members(name: str, archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    listed = manifest.get("files")
    present = {info.filename for info in archive.infolist()} - {MANIFEST, SIGNATURE}
    if not isinstance(listed, dict) or set(listed) != present:
        raise UserError(f"{name} has files added or removed since it was made (it does not match its manifest); "
                        "nothing was imported")
    for member, expected in listed.items():
        try:
            with archive.open(member) as handle:
                digest, size = _sha256_stream(handle)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise UserError(f"{name} is damaged or truncated ({member} cannot be read); ask for a new export — "
                            "nothing was imported") from None
        if (digest, size) != (expected.get("sha256"), expected.get("size")):
            raise UserError(f"{name} was changed after it was made ({member} does not match its SHA-256 in the "
                            "manifest); nothing was imported")


def pack_json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def peek_manifest(data: bytes) -> dict[str, Any]:
    """The manifest of a bundle held in memory (tests and the app's preview)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return json.loads(archive.read(MANIFEST))
