"""A file replaced in place (same path, other bytes) is transcribed again before anything vouches for it.

QA F7: after `cp other.mp4 clip.mp4`, the old transcript and check were re-checked, approved and printed in a
report as "Approved, verified against the file, Findings (0)" with the new file's hash and the old duration.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

from reviewer.review.report_data import video_report_data
from reviewer.store import migrations as schema
from reviewer.store.connection import Store
from reviewer.store.jobs import GAP_SENTENCES
from tests.fakes import fake_services
from transcribe.media import probe

STALE = GAP_SENTENCES["stale_content"]


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The CLI's services with the fake transcriber; the test changes the script when it changes the file."""
    scripts = {"clip.mp4": "Hello everyone. Please be kind to other people online."}
    import reviewer.cli.review as cli_review

    monkeypatch.setattr(cli_review, "_services", lambda args: fake_services(args.db, scripts))
    return scripts


def test_a_file_replaced_in_place_is_transcribed_again_before_it_is_checked_or_decided(
        run_cli, tmp_path: Path, clips: dict[str, Path], scripted: dict[str, str]) -> None:
    folder, db = tmp_path / "media", tmp_path / "review.db"
    folder.mkdir()
    clip = folder / "clip.mp4"
    shutil.copy(clips["english"], clip)
    code, out, err = run_cli("--db", db, "batch", folder, "--campaign", "K3")
    assert code == 0, err
    assert "1 transcribed, 1 checked" in out
    assert run_cli("--db", db, "review", "1", "--decision", "approved", "--reviewer", "Nurul Huda")[0] == 0

    shutil.copy(clips["malay"], clip)  # other speech, other length, same path
    scripted["clip.mp4"] = "Hello everyone, you are so stupid and ugly. Please be kind online."
    new = probe(clip)

    code, out, _ = run_cli("--db", db, "show", "1")
    assert code == 0
    assert STALE.partition(":")[0].upper() + ":" + STALE.partition(":")[2] in out
    assert f"{new.duration:.1f} s, sha256 {new.sha256}" in out  # the new file's facts, never the old duration
    detail = json.loads(run_cli("--db", db, "show", "1", "--format", "json")[1])
    assert detail["status"] == "pending"  # nothing of this content was checked
    assert detail["stale_transcript"] is True
    assert detail["video"]["duration"] == new.duration
    code, out, _ = run_cli("--db", db, "list")
    assert f"[{STALE}]" in out

    code, out, err = run_cli("--db", db, "recheck", "1")
    assert code == 2
    assert "video 1: the file changed since it was transcribed; transcribe it again with " \
           "'thinktwice recheck 1 --transcribe'" in err
    assert err.count("\n") == 1
    assert "re-checked 0 videos" in out

    code, out, err = run_cli("--db", db, "review", "1", "--decision", "approved", "--reviewer", "Nurul Huda")
    assert code == 2
    assert "the file changed since it was transcribed" in err
    assert err.count("\n") == 1
    assert out == ""

    with Store(db) as store:
        data = video_report_data(store, 1, with_keyframes=False)
    assert data.status == "pending"
    assert data.sha256 == new.sha256
    assert data.duration == new.duration
    assert data.transcript_gap == STALE
    assert (data.transcript, data.findings) == ("", [])  # the old words are not this file's
    assert data.file_state == "changed"
    assert run_cli("--db", db, "report", "1", "-o", tmp_path / "r.pdf")[0] == 0

    code, out, err = run_cli("--db", db, "batch", folder, "--campaign", "K3")  # batch picks it up again
    assert code == 0, err
    assert "0 imported, 1 already known, 1 transcribed, 1 checked" in out
    detail = json.loads(run_cli("--db", db, "show", "1", "--format", "json")[1])
    assert detail["stale_transcript"] is False
    assert detail["transcript_gap"] == ""
    assert detail["status"] == "in_review"
    assert {"stupid", "ugly"} <= {f["term"] for f in detail["findings"]}
    assert run_cli("--db", db, "review", "1", "--decision", "rejected", "--reviewer", "Nurul Huda")[0] == 0
    assert run_cli("--db", db, "audit", "verify")[0] == 0


def test_recheck_transcribe_and_import_of_a_replaced_file(run_cli, tmp_path: Path, clips: dict[str, Path],
                                                         scripted: dict[str, str]) -> None:
    folder, db = tmp_path / "media", tmp_path / "review.db"
    folder.mkdir()
    clip = folder / "clip.mp4"
    shutil.copy(clips["english"], clip)
    assert run_cli("--db", db, "batch", folder, "--campaign", "K3")[0] == 0
    shutil.copy(clips["malay"], clip)
    scripted["clip.mp4"] = "jangan jadi bodoh"
    code, out, _ = run_cli("--db", db, "import", clip, "--campaign", "K3")  # the same video, not a second one
    assert code == 0
    assert "already imported as video 1 (its content changed since" in out
    code, out, err = run_cli("--db", db, "recheck", "1", "--transcribe")
    assert code == 0, err
    detail = json.loads(run_cli("--db", db, "show", "1", "--format", "json")[1])
    assert [f["term"] for f in detail["findings"]] == ["bodoh"]
    assert len(json.loads(run_cli("--db", db, "list", "--format", "json")[1])) == 1


def test_existing_transcripts_are_bound_to_their_videos_current_content(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="0009_transcript_content")
    db["campaigns"].insert({"id": 1, "name": "Kempen", "created_at": "2026-01-01"})
    db["videos"].insert({"id": 1, "campaign_id": 1, "piece_id": 1, "path": "/gone.mp4", "original_name": "a.mp4",
                         "sha256": "a" * 64, "size": 10, "duration": 9.0, "has_audio": 1, "imported_at": "2026-01-01"})
    db["transcripts"].insert({"video_id": 1, "revision": 1, "engine": "fake", "model": "fake", "language": "ms",
                              "language_probability": 1.0, "duration": 9.0, "segments": "[]", "text": "hai",
                              "created_at": "2026-01-01"})
    db.close()
    with Store(path) as store:
        rows = store.query("SELECT content_sha256 FROM transcripts")
        assert rows == [{"content_sha256": "a" * 64}]
        with store.write() as conn:  # a transcript inserted without one (a review bundle) is of the content now
            conn["transcripts"].insert({"video_id": 1, "revision": 2, "engine": "fake", "model": "fake",
                                        "language": "ms", "language_probability": 1.0, "duration": 9.0,
                                        "segments": "[]", "text": "hai", "created_at": "2026-01-02"})
        assert store.query("SELECT content_sha256 FROM transcripts WHERE revision = 2") == [
            {"content_sha256": "a" * 64}]


def test_the_apps_decision_panel_says_why_a_replaced_file_cannot_be_decided(qtbot, make_window, clips,
                                                                           tmp_path: Path, ui_hygiene) -> None:
    from tests.helpers import imported

    clip = tmp_path / "clip.mp4"
    shutil.copy(clips["english"], clip)
    window = make_window()
    video_id = imported(qtbot, window, clip)
    shutil.copy(clips["malay"], clip)  # replaced in place while the app is open
    review = window.review
    review.open_video(video_id)
    assert "changed since it was transcribed: nothing in its new content was checked" in review.decision.banner.text()
    assert not review.decision.submit.isEnabled()
    assert not review.decision.recheck.isHidden()
    assert review.decision.recheck.text() == "Transcribe and check the new content"
    calls = len(window.services.transcriber.calls)
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        review.decision.recheck.click()
    qtbot.waitUntil(lambda: all(task.state.finished for task in window.work.tasks.values()), timeout=20_000)
    assert len(window.services.transcriber.calls) == calls + 1  # the new content was transcribed
    review.reload()
    assert review.decision.submit.isEnabled()
    assert "transcribed" not in review.decision.banner.text()


def test_a_file_overwritten_with_another_videos_content_is_missing_not_a_database_error(
        run_cli, tmp_path: Path, clips: dict[str, Path]) -> None:
    """Two videos of a campaign cannot hold the same content: the first one's own content is gone from its path."""
    db = tmp_path / "review.db"
    first, second = tmp_path / "a.mp4", tmp_path / "b.mp4"
    shutil.copy(clips["english"], first)
    shutil.copy(clips["malay"], second)
    assert run_cli("--db", db, "import", first, second, "--campaign", "K")[0] == 0
    shutil.copy(second, first)
    code, out, err = run_cli("--db", db, "list", "--format", "json")
    assert (code, err) == (0, "")
    assert {row["id"]: row["file"] for row in json.loads(out)} == {1: "missing", 2: "ok"}
    code, out, err = run_cli("--db", db, "show", "1")
    assert (code, err) == (0, "")
    assert "FILE MISSING" in out
    assert run_cli("--db", db, "audit", "verify")[0] == 0


def test_a_database_that_already_checked_old_words_is_flagged_when_upgraded(tmp_path: Path) -> None:
    """QA's databases: the file changed after it was transcribed (the audit log says when); the upgrade binds the
    transcript to the content before the change, so the video shows it and is pending again."""
    from reviewer.store import audit

    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="0009_transcript_content")
    db["campaigns"].insert({"id": 1, "name": "Kempen", "created_at": "2026-01-01"})
    db["videos"].insert({"id": 1, "campaign_id": 1, "piece_id": 1, "path": "/gone.mp4", "original_name": "a.mp4",
                         "sha256": "b" * 64, "size": 10, "duration": 9.0, "has_audio": 1, "imported_at": "2026-01-01",
                         "status": "approved"})
    db["transcripts"].insert({"video_id": 1, "revision": 1, "engine": "fake", "model": "fake", "language": "ms",
                              "language_probability": 1.0, "duration": 9.0, "segments": "[]", "text": "hai",
                              "created_at": "2026-01-01T00:00:00.000+00:00"})
    audit.append(db, "content-changed", "", 1, old_sha256="a" * 64, new_sha256="b" * 64)
    db.close()
    with Store(path) as store:
        assert store.query("SELECT content_sha256 FROM transcripts") == [{"content_sha256": "a" * 64}]
        assert store.query("SELECT status FROM videos") == [{"status": "pending"}]
        from reviewer.store.jobs import transcript_gap

        assert transcript_gap(store, 1) == STALE


def test_no_check_is_recorded_on_the_words_of_an_earlier_content(tmp_path: Path, clips: dict[str, Path]) -> None:
    from reviewer.errors import UserError
    from reviewer.review.batch import transcribe_and_check
    from reviewer.review.workflow import import_media, record_check

    clip = tmp_path / "clip.mp4"
    shutil.copy(clips["english"], clip)
    services = fake_services(tmp_path / "review.db")
    video_id = import_media(services.store, clip, "K").video_id
    transcribe_and_check(services, video_id)
    shutil.copy(clips["malay"], clip)
    with pytest.raises(UserError, match="the file changed since it was transcribed"):
        transcribe_and_check(services, video_id, transcribe_changed=False)
    with pytest.raises(UserError, match="the file changed since it was transcribed"):
        record_check(services.store, video_id, services.checker())  # e.g. after a correction of the old words
    assert services.store.query("SELECT count(*) AS n FROM checks")[0]["n"] == 1


def test_a_transcript_travels_in_bundles_with_the_content_it_was_made_from(tmp_path: Path) -> None:
    from reviewer.store import bundle_store

    with Store(tmp_path / "review.db") as store, store.write() as db:
        db["campaigns"].insert({"id": 1, "name": "Kempen", "created_at": "2026-01-01"})
        db["videos"].insert({"id": 1, "campaign_id": 1, "piece_id": 1, "path": "", "original_name": "a.mp4",
                             "sha256": "b" * 64, "size": 10, "duration": 9.0, "has_audio": 1,
                             "imported_at": "2026-01-01"})
        row = {"uid": "t-1", "parent_uid": None, "engine": "fake", "model": "fake", "language": "ms",
               "language_probability": 1.0, "duration": 9.0, "segments": "[]", "text": "hai", "author": "",
               "organisation": "", "seq": None, "created_at": "2026-01-01", "content_sha256": "a" * 64}
        bundle_store.insert_transcript(db, 1, row)
        old_bundle = {k: v for k, v in row.items() if k != "content_sha256"} | {"uid": "t-2"}
        bundle_store.insert_transcript(db, 1, old_bundle)  # a bundle from before: bound to the content here
        assert [r["content_sha256"] for r in db.query("SELECT content_sha256 FROM transcripts ORDER BY id")] == [
            "a" * 64, "b" * 64]
        assert "content_sha256" in bundle_store.transcripts(db, 1)[0]


def test_the_app_transcribes_a_replaced_file_again_when_it_is_imported_again(qtbot, make_window, clips,
                                                                            tmp_path: Path, ui_hygiene) -> None:
    from tests.helpers import imported

    clip = tmp_path / "clip.mp4"
    shutil.copy(clips["english"], clip)
    window = make_window()
    video_id = imported(qtbot, window, clip)
    shutil.copy(clips["malay"], clip)
    calls = len(window.services.transcriber.calls)
    assert imported(qtbot, window, clip) == video_id  # the same video, picked up as needing processing
    assert len(window.services.transcriber.calls) == calls + 1
    assert window.library.model.rows[0]["has_transcript"] == 1
    assert len(window.library.model.rows) == 1
