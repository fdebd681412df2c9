"""Shared set-up for the bundle tests: a lead's database with a checked campaign, and database copies."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.workflow import import_media
from reviewer.store import bundle_store
from reviewer.store.connection import Store
from tests.fakes import fake_services

CAMPAIGN = "Kempen Fikir Dulu"


def lead_database(folder: Path, clips: dict[str, Path]) -> tuple[Path, Path]:
    """A lead's database with two checked videos (fake transcriber); returns (database, media folder)."""
    media = folder / "lead-media"
    media.mkdir(parents=True)
    shutil.copy(clips["english"], media / "aina.mp4")
    shutil.copy(clips["malay"], media / "bala.mp4")
    db = folder / "lead.db"
    services = fake_services(db)
    for clip in sorted(media.iterdir()):
        video_id = import_media(services.store, clip, CAMPAIGN, creator=f"@{clip.stem}").video_id
        transcribe_and_check(services, video_id)
    services.store.close()
    return db, media


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy (SQLite's backup API: the WAL is included)."""
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def snapshot(path: Path) -> dict[str, list[tuple]]:
    with Store(path) as store:
        return bundle_store.snapshot(store.db)


def audit_count(path: Path) -> int:
    with Store(path) as store:
        return store.query("SELECT count(*) AS n FROM audit")[0]["n"]


def in_one_install(root: Path, build: Callable[[Path, Callable[..., None]], dict[str, Path]]) -> dict[str, Path]:
    """Run `build(root, cli)` with every laptop sharing one data and config folder under `root` (one audit key; each
    laptop has its own in real life), `cli(*argv)` asserting each command succeeds. Returns what `build` did,
    plus `root`."""
    from reviewer.cli import main

    def cli(*argv: object) -> None:
        assert main([str(a) for a in argv]) == 0, argv

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THINKTWICE_DATA_DIR", str(root / "userdata"))
        patch.setenv("THINKTWICE_CONFIG_DIR", str(root / "userconfig"))
        return {"root": root} | build(root, cli)
