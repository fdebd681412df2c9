"""Comment edits, resolutions and reopenings as events: the derivation rule, the upgrade of old databases, and
`audit verify` over them."""

from __future__ import annotations

import itertools
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from reviewer.review.audit_check import check_audit
from reviewer.review.comment_rules import comment_state
from reviewer.review.comments import add_comment, edit_comment, reply, resolve, threads
from reviewer.store import audit
from reviewer.store import migrations as schema
from reviewer.store.connection import Store
from tests.fakes import fake_services

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
COMMENT = {"reviewer": "Aina", "organisation": "WAO", "original_text": "Asal"}


def event(kind: str, reviewer: str = "Aina", organisation: str = "WAO", seq: int = 1, clock: int = 0,
          at: str = "2026-12-01T10:00", uid: str = "", text: str | None = None) -> dict:
    return {"kind": kind, "reviewer": reviewer, "organisation": organisation, "seq": seq, "clock": clock,
            "created_at": at, "uid": uid or f"{kind}-{reviewer}-{seq}-{clock}", "text": text}


def test_only_the_authors_latest_edit_by_her_own_sequence_counts() -> None:
    events = [event("edit", seq=5, at="2026-12-01T09:00", text="kedua"),  # her clock was behind
              event("edit", seq=2, at="2026-12-01T11:00", text="pertama"),
              event("edit", "Aina", "Forum", seq=9, text="another Aina"),  # same name, another organisation
              event("edit", "Bala", "MIASA", seq=9, text="not hers")]
    for order in itertools.permutations(events):
        state = comment_state(COMMENT, order)
        assert (state.text, state.edited_at) == ("kedua", "2026-12-01T09:00")
    assert comment_state(COMMENT, events[2:]).text == "Asal"


def test_a_resolution_made_after_seeing_another_wins_whatever_the_clocks_say() -> None:
    resolved = event("resolve", "Nurul", "MIASA", clock=1, at="2026-12-01T12:00")
    reopened = event("reopen", "Aida", "WAO", clock=2, at="2026-12-01T08:00")  # she saw it; her laptop is behind
    again = event("resolve", "Nurul", "MIASA", seq=2, clock=3, at="2026-12-01T07:00")
    for history, expected in (([resolved], True), ([resolved, reopened], False), ([resolved, reopened, again], True)):
        for order in itertools.permutations(history):
            state = comment_state(COMMENT, order)
            assert state.resolved is expected
    state = comment_state(COMMENT, [again, resolved, reopened])
    assert (state.resolved_by, state.resolved_at) == ("Nurul", "2026-12-01T07:00")


def test_concurrent_resolve_and_reopen_leave_the_thread_open() -> None:
    first = event("resolve", "Nurul", "MIASA", clock=1)
    concurrent = [event("resolve", "Farah", "Forum", clock=2, at="2026-12-01T13:00"),
                  event("reopen", "Aida", "WAO", clock=2, at="2026-12-01T12:00")]
    for order in itertools.permutations([first, *concurrent]):
        assert comment_state(COMMENT, order).resolved is False
    both_resolve = [first, concurrent[0], event("resolve", "Bala", "WAO", clock=2, at="2026-12-01T14:00")]
    assert {comment_state(COMMENT, order).resolved_by for order in itertools.permutations(both_resolve)} == {"Bala"}


@pytest.fixture
def video(tmp_path: Path, clips: dict[str, Path]):
    services = fake_services(tmp_path / "r.db")
    clip = tmp_path / "v.mp4"
    shutil.copy(clips["english"], clip)
    from reviewer.review.workflow import import_media

    video_id = import_media(services.store, clip, "Kempen").video_id
    yield services.store, video_id, tmp_path / "r.db"
    services.store.close()


def test_local_actions_are_events_and_the_row_follows_them(video) -> None:
    store, video_id, _ = video
    first = add_comment(store, video_id, 1.0, "Asal", "Aina", "WAO")
    answer = reply(store, first, "Setuju", "Bala", "MIASA")
    edit_comment(store, first, "Baru", "aina")
    resolve(store, answer, "Bala", organisation="MIASA")
    resolve(store, first, "Aina", resolved=False, organisation="WAO")
    resolve(store, first, "Aina", resolved=False, organisation="WAO")  # already open: no event
    rows = store.query("SELECT kind, reviewer, organisation, seq, clock, text FROM comment_events ORDER BY id")
    assert [(r["kind"], r["reviewer"], r["organisation"], r["seq"], r["clock"], r["text"]) for r in rows] == [
        ("edit", "Aina", "WAO", 2, 0, "Baru"), ("resolve", "Bala", "MIASA", 2, 1, None),
        ("reopen", "Aina", "WAO", 3, 2, None)]
    uids = [r["uid"] for r in store.query("SELECT uid FROM comment_events")]
    assert all(UUID.match(uid) for uid in uids)
    assert len(set(uids)) == 3
    thread = threads(store, video_id)[0]
    assert (thread["text"], thread["resolved"], bool(thread["edited_at"])) == ("Baru", 0, True)
    assert store.query("SELECT original_text FROM comments WHERE id = ?", (first,))[0]["original_text"] == "Asal"
    assert check_audit(store).ok, check_audit(store).unexplained


TAMPERING = [
    ("edit an event's text", "UPDATE comment_events SET text = 'Lain'", "comment_events row 1 (video 1) differs "
     "from audit entry"),
    ("show other text", "UPDATE comments SET text = 'Lain' WHERE parent_uid IS NULL",
     "comments row 1 (video 1) differs from its recorded edits and resolutions: it shows 'Lain'"),
    ("change the creation text", "UPDATE comments SET original_text = 'Lain' WHERE parent_uid IS NULL",
     "comments row 1 (video 1) differs from audit entry"),
    ("unresolve by hand", "UPDATE comments SET resolved = 0", "is stored as open but its resolutions make it resolved"),
    ("delete the resolution", "DELETE FROM comment_events WHERE kind = 'resolve'",
     "records comment event 2 on video 1, which is missing from the comment_events table"),
    ("add an unlogged reopen", "INSERT INTO comment_events (video_id, comment_uid, kind, reviewer, seq, clock, "
     "created_at) SELECT video_id, uid, 'reopen', 'Ghost', 1, 9, 'now' FROM comments WHERE id = 1",
     "(video 1, reopen by Ghost) has no audit entry"),
]


@pytest.mark.parametrize(("label", "sql", "message"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_a_tampered_event_or_comment_is_named(run_cli, video, label: str, sql: str, message: str) -> None:
    store, video_id, db = video
    first = add_comment(store, video_id, 1.0, "Asal", "Aina", "WAO")
    edit_comment(store, first, "Baru", "Aina")
    resolve(store, first, "Bala", organisation="MIASA")
    assert run_cli("--db", db, "audit", "verify")[0] == 0
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    code, _, err = run_cli("--db", db, "audit", "verify")
    assert code == 1, label
    assert message in err


def test_an_old_database_turns_its_edits_and_resolutions_into_events(tmp_path: Path) -> None:
    """A database from before comment events: each comment keeps the text it was written with (from its audit
    entry), its latest edit and its resolution become events, and nothing anyone sees changes."""
    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="0008_comment_events")
    db["campaigns"].insert({"id": 1, "name": "Kempen", "created_at": "2026-01-01"})
    db["videos"].insert({"id": 1, "campaign_id": 1, "piece_id": 1, "path": "/gone.mp4", "original_name": "a.mp4",
                         "sha256": "a" * 64, "size": 10, "duration": 9.0, "has_audio": 1, "imported_at": "2026-01-01"})
    for comment_id, (who, org, seq, text) in enumerate((("Aina", "WAO", 1, "Asal"), ("Bala", "", 1, "Kedua")), 1):
        db["comments"].insert({"id": comment_id, "video_id": 1, "at_seconds": 1.0, "text": text, "reviewer": who,
                               "organisation": org, "seq": seq, "created_at": "2026-01-02"})
        audit.append(db, "comment", who, 1, comment_id=comment_id, at=1.0, text=text, end=None, internal=False)
    db["reviewer_sequences"].insert_all([{"reviewer": "Aina", "organisation": "WAO", "last_seq": 1},
                                         {"reviewer": "Bala", "organisation": "", "last_seq": 1}])
    for previous, text in (("Asal", "Tengah"), ("Tengah", "Baru")):  # what edit_comment did then
        db.execute("UPDATE comments SET text = ?, edited_at = '2026-01-03' WHERE id = 1", [text])
        audit.append(db, "comment-edited", "aina", 1, comment_id=1, previous_text=previous, text=text)
    db.execute("UPDATE comments SET resolved = 1, resolved_by = 'Bala', resolved_at = '2026-01-04' WHERE id = 1")
    audit.append(db, "comment-resolved", "Bala", 1, comment_id=1)
    for action in ("comment-resolved", "comment-reopened"):  # the second thread: resolved, then reopened
        audit.append(db, action, "Bala", 1, comment_id=2)
    db.execute("UPDATE videos SET open_comments = 1")
    db.conn.commit()
    db.close()
    with Store(path) as store:
        rows = store.query("SELECT id, text, original_text, edited_at, resolved, resolved_by, resolved_at "
                           "FROM comments ORDER BY id")
        assert rows == [
            {"id": 1, "text": "Baru", "original_text": "Asal", "edited_at": "2026-01-03", "resolved": 1,
             "resolved_by": "Bala", "resolved_at": "2026-01-04"},
            {"id": 2, "text": "Kedua", "original_text": "Kedua", "edited_at": None, "resolved": 0,
             "resolved_by": "", "resolved_at": None}]
        events = store.query("SELECT kind, text, reviewer, organisation, seq, clock FROM comment_events ORDER BY id")
        assert [tuple(e.values()) for e in events] == [("edit", "Baru", "Aina", "WAO", 2, 0),
                                                      ("resolve", None, "Bala", "", 2, 1)]
        assert not [p for p in check_audit(store).unexplained if "comment" in p]
        resolve(store, 1, "Aina", resolved=False, organisation="WAO")  # continues the thread's clock
        edit_comment(store, 1, "Terkini", "Aina")
        assert store.query("SELECT clock FROM comment_events WHERE kind = 'reopen'")[0]["clock"] == 2
        assert store.query("SELECT text, resolved FROM comments WHERE id = 1")[0] == {"text": "Terkini", "resolved": 0}
        assert store.query("SELECT open_comments FROM videos")[0]["open_comments"] == 2
        assert not [p for p in check_audit(store).unexplained if "comment" in p]
