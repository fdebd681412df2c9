"""Global IDs, reviewers as name + organisation with their own sequence, per-reviewer dispositions."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

from reviewer.review.batch import transcribe_and_check
from reviewer.review.status import RequiredReviewer, awaited, waiting_label
from reviewer.review.workflow import (
    add_comment,
    add_review,
    add_transcript,
    import_media,
    set_disposition,
    set_required_reviewers,
)
from reviewer.store import migrations as schema
from reviewer.store import queries
from reviewer.store.connection import Store
from tests.fakes import fake_services, transcript_of

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture
def checked(tmp_path: Path, clips: dict[str, Path]):
    services = fake_services(tmp_path / "review.db")
    media = tmp_path / "aina.mp4"
    shutil.copy(clips["english"], media)
    video_id = import_media(services.store, media, "Kempen").video_id
    transcribe_and_check(services, video_id)
    yield services, video_id
    services.store.close()


def test_every_shared_row_gets_a_uuid(checked) -> None:
    services, video_id = checked
    add_comment(services.store, video_id, 1.0, "ok", "Aina", "WAO")
    add_review(services.store, video_id, "Aina", "approved", "WAO")
    finding = queries.show(services.store, video_id)["findings"][0]
    set_disposition(services.store, finding["id"], "confirmed", actor="Aina", organisation="WAO")
    for table in schema.SHARED_TABLES:
        uids = [row["uid"] for row in services.store.query(f"SELECT uid FROM {table}")]
        assert uids, table
        assert all(UUID.match(uid) for uid in uids), table
        assert len(set(uids)) == len(uids)


def test_an_existing_database_is_upgraded_with_its_history(tmp_path: Path, clips: dict[str, Path]) -> None:
    """A database made before global IDs: rows get UUIDs, events get sequence numbers in the order they
    happened, and dispositions move to the per-reviewer table without changing what anyone sees."""
    path = tmp_path / "old.db"
    old = schema.Migrations("thinktwice")
    old(name="0001_initial")(schema.initial)
    old.apply(Database(path))
    with Database(path) as db:
        db["campaigns"].insert({"id": 1, "name": "Kempen", "created_at": "2026-01-01"})
        db["videos"].insert({"id": 1, "campaign_id": 1, "piece_id": 1, "path": "/gone.mp4", "original_name": "a.mp4",
                             "sha256": "a" * 64, "size": 10, "duration": 9.0, "has_audio": 1,
                             "imported_at": "2026-01-01", "status": "in_review"})
        for revision, author in ((1, ""), (2, "Aina")):
            db["transcripts"].insert({"video_id": 1, "revision": revision, "engine": "e", "model": "m",
                                      "language": "ms", "language_probability": 1.0, "duration": 9.0,
                                      "segments": "[]", "text": f"text {revision}", "author": author,
                                      "created_at": f"2026-01-0{revision + 1}"})
        db["checks"].insert({"id": 1, "video_id": 1, "transcript_id": 2, "term_lists": "[]",
                             "created_at": "2026-01-03"})
        db["findings"].insert({"check_id": 1, "video_id": 1, "source": "transcript", "term": "bodoh",
                               "category": "c", "severity": "high", "language": "ms", "kind": "exact",
                               "confidence": 1.0, "start": 0, "end": 5, "matched": "bodoh", "fingerprint": "fp",
                               "disposition": "dismissed", "reason": "quote", "disposition_by": "Aina",
                               "disposition_at": "2026-01-05"})
        db["reviews"].insert({"video_id": 1, "reviewer": "Aina", "organisation": "", "decision": "rejected",
                              "content_sha256": "a" * 64, "created_at": "2026-01-06"})
        db["reviews"].insert({"video_id": 1, "reviewer": "Aina", "organisation": "", "decision": "approved",
                              "content_sha256": "a" * 64, "created_at": "2026-01-07"})
    with Store(path) as store:
        assert all(UUID.match(r["uid"]) for r in store.query("SELECT uid FROM videos UNION ALL SELECT uid FROM "
                                                             "reviews UNION ALL SELECT uid FROM transcripts"))
        assert [r["seq"] for r in store.query("SELECT seq FROM reviews ORDER BY id")] == [3, 4]
        assert store.query("SELECT reviewer, seq, disposition, reason FROM dispositions") == [
            {"reviewer": "Aina", "seq": 2, "disposition": "dismissed", "reason": "quote"}]
        first, second = store.query("SELECT uid, parent_uid, seq FROM transcripts ORDER BY revision")
        assert (first["parent_uid"], second["parent_uid"], second["seq"]) == (None, first["uid"], 1)
        assert list(tmp_path.glob("old.db.bak-*"))  # backed up before the upgrade
        # later events continue Aina's sequence
        add_comment(store, 1, 1.0, "more", "Aina")
        assert store.query("SELECT seq FROM comments")[0]["seq"] == 5


def test_latest_decision_is_by_the_reviewers_own_sequence_not_the_clock(checked) -> None:
    services, video_id = checked
    add_review(services.store, video_id, "Nurul Huda", "rejected", "MIASA")
    add_review(services.store, video_id, "Nurul Huda", "approved", "MIASA")
    # her laptop's clock was wrong: the later decision carries an earlier time
    services.store.db.execute("UPDATE reviews SET created_at = '2000-01-01' WHERE decision = 'approved'")
    services.store.db.conn.commit()
    with services.store.write() as db:
        from reviewer.review.workflow import recompute

        recompute(db, video_id)
    assert services.store.query("SELECT status FROM videos")[0]["status"] == "approved"


def test_same_name_in_two_organisations_are_two_reviewers(checked) -> None:
    services, video_id = checked
    set_required_reviewers(services.store, "Kempen", ["Aina (WAO)", "Aina (MIASA)"])
    add_review(services.store, video_id, "Aina", "approved", "WAO")
    assert services.store.query("SELECT status FROM videos")[0]["status"] == "in_review"
    add_review(services.store, video_id, "aina", "approved", "miasa")
    assert services.store.query("SELECT status FROM videos")[0]["status"] == "approved"


def test_dispositions_are_per_reviewer_and_disagreement_keeps_a_finding_open(checked) -> None:
    services, video_id = checked
    finding = queries.show(services.store, video_id)["findings"][0]
    set_disposition(services.store, finding["id"], "confirmed", actor="Aina", organisation="WAO")
    after = queries.show(services.store, video_id)["findings"][0]
    assert (after["disposition"], after["disagreement"]) == ("confirmed", 0)
    set_disposition(services.store, finding["id"], "dismissed", "a quotation", "Nurul Huda", "MIASA")
    after = queries.show(services.store, video_id)["findings"][0]
    assert (after["disposition"], after["disagreement"]) == ("open", 1)
    assert "Aina (WAO)" in after["disposition_by"]
    assert "Nurul Huda (MIASA)" in after["disposition_by"]
    assert services.store.query("SELECT open_findings FROM videos")[0]["open_findings"] >= 1
    set_disposition(services.store, finding["id"], "dismissed", "agreed, a quotation", "Aina", "WAO")
    after = queries.show(services.store, video_id)["findings"][0]
    assert (after["disposition"], after["disagreement"]) == ("dismissed", 0)


def test_a_correction_records_the_revision_it_replaces(checked) -> None:
    services, video_id = checked
    add_transcript(services.store, video_id, transcript_of("Hai semua.", 7.0), "Aina", "WAO")
    first, second = services.store.query("SELECT uid, parent_uid, author, organisation, seq FROM transcripts "
                                         "ORDER BY revision")
    assert second["parent_uid"] == first["uid"]
    assert (second["author"], second["organisation"], second["seq"]) == ("Aina", "WAO", 1)


def test_required_reviewer_labels() -> None:
    assert RequiredReviewer.parse(" Nurul  Huda (MIASA) ") == RequiredReviewer("Nurul Huda", "MIASA")
    assert str(RequiredReviewer.parse("Bala")) == "Bala"
    from reviewer.review.status import Decision

    sha = "a" * 64
    required = ["Aina (WAO)", "Bala (Forum)", "Nurul Huda (MIASA)"]
    decisions = [Decision("Aina", "approved", sha, "WAO", 1), Decision("Bala", "rejected", sha, "Forum", 1)]
    waiting = awaited(required, decisions, sha)
    assert waiting == ["Nurul Huda (MIASA)"]
    assert waiting_label(required, waiting) == "2 of 3 decided, waiting for MIASA"
    assert waiting_label([], []) == ""
