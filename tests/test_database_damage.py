"""A damaged database file (QA F6): `audit verify` never calls it intact, and a write that meets a damaged page is
the one-line "damaged" message, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.workflow import add_review, import_media
from tests.fakes import fake_services


@pytest.fixture
def damaged(tmp_path: Path, clips: dict[str, Path]) -> Path:
    """A reviewed video's database with the audit table's page overwritten (the rest of the file is sound)."""
    db = tmp_path / "review.db"
    services = fake_services(db)
    video_id = import_media(services.store, clips["english"], "Kempen").video_id
    transcribe_and_check(services, video_id)
    add_review(services.store, video_id, "Aina", "approved")
    services.store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit'").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM dbstat WHERE name = 'audit'").fetchone()[0] == 1  # one page
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes([0x5A]) * page_size)
    return db


def test_audit_verify_fails_on_a_damaged_file(run_cli, damaged: Path) -> None:
    code, out, err = run_cli("--db", damaged, "audit", "verify")
    assert code == 1  # like a broken chain: the record fails verification
    assert out == ""
    assert err.startswith("thinktwice: the database file is damaged (SQLite: ")
    assert "restore a backup (review.db.bak-*)" in err
    assert err.count("\n") == 1


def test_a_write_that_meets_a_damaged_page_says_so_in_one_line(run_cli, damaged: Path) -> None:
    code, out, err = run_cli("--db", damaged, "list")
    assert code == 0  # reads that never touch the damaged page still work
    for argv in (("review", "1", "--decision", "rejected", "--reviewer", "X"),
                 ("comment", "1", "--at", "1", "--text", "x", "--reviewer", "X")):
        code, out, err = run_cli("--db", damaged, *argv)
        assert code == 2, argv
        assert "(or it is damaged); pass another --db file or restore a backup" in err
        assert err.count("\n") == 1
        assert "Traceback" not in err
        assert "unexpected error" not in err
    with sqlite3.connect(damaged) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1  # nothing was half-saved
