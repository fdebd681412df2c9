"""Tamper evidence: every way of rewriting the record that used to pass `audit verify` is now caught."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.workflow import add_comment, add_review, import_media, set_disposition
from reviewer.store import audit
from reviewer.store.audit_key import key_path
from tests.fakes import fake_services


@pytest.fixture
def record(tmp_path: Path, clips: dict[str, Path]) -> Path:
    """One video with a dismissed finding, a comment and a decision."""
    db = tmp_path / "r.db"
    services = fake_services(db, {clips["english"].name: "Jangan jadi bodoh, dasar sial, pergi mampus."})
    video_id = import_media(services.store, clips["english"], "Kempen").video_id
    transcribe_and_check(services, video_id)
    findings = services.store.query("SELECT id FROM findings")
    assert len(findings) >= 2
    finding = findings[0]["id"]
    set_disposition(services.store, finding, "dismissed", "quoted", "Aina")
    add_comment(services.store, video_id, 1.0, "Potong ini", "Aina")
    add_review(services.store, video_id, "Aina", "changes_required", "WAO", "Tukar ayat")
    services.store.close()
    return db


def _recompute_chain(conn: sqlite3.Connection, sign) -> None:
    """What a tamperer with database access does: rewrite every hash so the links agree again."""
    prev = audit.GENESIS
    for row in conn.execute("SELECT id, at, actor, action, video_id, details FROM audit ORDER BY id").fetchall():
        entry_hash = audit._digest(prev, *row[1:])
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ?, mac = ?, key_id = ? WHERE id = ?",
                     [prev, entry_hash, *sign(entry_hash), row[0]])
        prev = entry_hash


def _forge_key(entry_hash: str) -> tuple[str, str]:
    import hmac

    return hmac.new(b"guessed", entry_hash.encode(), hashlib.sha256).hexdigest(), "0123456789abcdef"


TAMPERING = [
    ("edit the reviews table", "UPDATE reviews SET decision = 'approved'", "reviews row 1"),
    ("edit a comment", "UPDATE comments SET text = 'Bagus'", "comments row 1 (video 1) differs"),
    ("delete a comment", "DELETE FROM comments", "records comment 1 on video 1, which is missing"),
    ("add an unlogged decision", "INSERT INTO reviews (video_id, reviewer, decision, content_sha256, created_at) "
     "SELECT 1, 'Ghost', 'approved', sha256, 'now' FROM videos", "has no audit entry"),
    ("undo a dismissal", "UPDATE findings SET disposition = 'open', reason = ''",
     "stored as open but its reviewers' dispositions make it dismissed"),
    ("dismiss without the log", "UPDATE findings SET disposition = 'dismissed', reason = 'x' WHERE disposition = "
     "'open'", "stored as dismissed but its reviewers' dispositions make it open"),
    ("edit a reviewer's disposition", "UPDATE dispositions SET disposition = 'confirmed', reason = ''",
     "dispositions row 1 (video 1) differs from audit entry"),
    ("add an unlogged disposition", "INSERT INTO dispositions (video_id, fingerprint, reviewer, seq, disposition, "
     "created_at) SELECT video_id, fingerprint, 'Ghost', 99, 'confirmed', 'now' FROM findings LIMIT 1",
     "(video 1, confirmed by Ghost) has no audit entry"),
    ("set a status by hand", "UPDATE videos SET status = 'approved'", "stored as approved but its recorded"),
]


@pytest.mark.parametrize(("label", "sql", "message"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_rows_the_log_does_not_explain_are_named(run_cli, record: Path, label: str, sql: str, message: str) -> None:
    assert run_cli("--db", record, "audit", "verify")[0] == 0
    with sqlite3.connect(record) as conn:
        conn.execute(sql)
    code, _, err = run_cli("--db", record, "audit", "verify")
    assert code == 1, label
    assert message in err


@pytest.mark.parametrize(("sign", "message"), [
    (lambda h: ("", ""), "carry no signature"),
    (_forge_key, "signed by another install's key (0123456789abcdef)"),
], ids=["unsigned", "another key"])
def test_recomputing_the_whole_chain_needs_the_key(run_cli, record: Path, sign, message: str) -> None:
    with sqlite3.connect(record) as conn:
        conn.execute("UPDATE audit SET details = replace(details, 'Tukar ayat', 'Lulus') WHERE action = 'decision'")
        conn.execute("UPDATE reviews SET note = 'Lulus'")
        _recompute_chain(conn, sign)
    code, _, err = run_cli("--db", record, "audit", "verify")
    assert code == 1
    assert message in err


def test_a_recomputed_chain_with_a_copied_key_id_fails_the_signature(run_cli, record: Path) -> None:
    with sqlite3.connect(record) as conn:
        key_id = conn.execute("SELECT key_id FROM audit LIMIT 1").fetchone()[0]
        _recompute_chain(conn, lambda h: (_forge_key(h)[0], key_id))
    code, _, err = run_cli("--db", record, "audit", "verify")
    assert code == 1
    assert "signature does not match this install's key" in err


@pytest.mark.parametrize("fmt", ["pdf", "csv", "json", "vtt"])
def test_deleting_the_newest_entries_shows_against_an_issued_document(run_cli, record: Path, tmp_path: Path,
                                                                       fmt: str) -> None:
    issued = tmp_path / f"issued.{fmt}"
    command = ("report", "1") if fmt == "pdf" else ("export", "1", "--format", fmt)
    assert run_cli("--db", record, *command, "-o", issued)[0] == 0
    head = audit.ChainHead.parse(issued.read_bytes().decode("latin-1"))
    with sqlite3.connect(record) as conn:
        assert head.entries == conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert run_cli("--db", record, "audit", "verify", "--against", issued)[0] == 0
    with sqlite3.connect(record) as conn:  # drop the decision and its entry: the chain itself stays valid
        conn.execute("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)")
        conn.execute("DELETE FROM reviews")
        conn.execute("UPDATE videos SET status = 'in_review'")
    assert run_cli("--db", record, "audit", "verify")[0] == 0  # without an anchor this cannot be seen...
    code, _, err = run_cli("--db", record, "audit", "verify", "--against", issued)
    assert code == 1  # ...with the head printed on any document issued before, it can
    assert f"no longer holds audit-head {head.entries}:{head.hash}" in err
    code, _, err = run_cli("--db", record, "audit", "verify", "--head", f"{head.entries}:{head.hash}")
    assert code == 1


def test_the_key_lives_outside_the_database_and_is_private(record: Path) -> None:
    path = key_path()
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not path.is_relative_to(record.parent / "userdata")
    secret = path.read_text().strip()
    with sqlite3.connect(record) as conn:
        dump = "\n".join(conn.iterdump())
    assert secret not in dump
    os.chmod(path, 0o644)  # widened by someone: narrowed again on the next use
    from reviewer.store import audit_key

    audit_key._cache.clear()
    audit_key.load_key()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_entries_written_before_signing_are_signed_by_the_upgrade(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from reviewer.store import migrations as schema
    from reviewer.store.connection import Store

    db = Database(tmp_path / "old.db")
    schema.initial(db)
    db["_sqlite_migrations"].insert({"migration_set": "thinktwice", "name": "0001_initial", "applied_at": "x"})
    prev = audit.GENESIS
    for number in range(3):
        details = json.dumps({"n": number})
        entry_hash = audit._digest(prev, "t", "", "old", None, details)
        db["audit"].insert({"at": "t", "actor": "", "action": "old", "video_id": None, "details": details,
                            "prev_hash": prev, "hash": entry_hash})
        prev = entry_hash
    db.close()
    with Store(tmp_path / "old.db") as store:
        report = audit.verify(store.db)
        assert report.ok
        assert report.entries == 3
