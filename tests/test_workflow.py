"""The review record end to end with a fake transcriber: imports, versions, checks, decisions, audit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.checking.terms import Term
from reviewer.errors import UserError
from reviewer.review.batch import transcribe_and_check
from reviewer.review.workflow import (
    add_comment,
    add_review,
    add_transcript,
    import_media,
    latest_transcript,
    relink,
    set_disposition,
    set_required_reviewers,
)
from reviewer.store import audit, queries
from reviewer.store.term_lists import active_lists, save_list
from tests.fakes import fake_services, transcript_of


@pytest.fixture
def services(tmp_path: Path):
    services = fake_services(tmp_path / "review.db", {"v2.mp4": "Hai semua. Fikir dahulu sebelum menulis."})
    yield services
    services.store.close()


@pytest.fixture
def video(tmp_path: Path, clips: dict[str, Path]) -> Path:
    target = tmp_path / "media" / "aina.mp4"
    target.parent.mkdir()
    shutil.copy(clips["english"], target)
    return target


def status(services, video_id: int) -> str:
    return services.store.query("SELECT status FROM videos WHERE id = ?", (video_id,))[0]["status"]


def test_import_stores_metadata_and_recognises_duplicates(services, video: Path) -> None:
    first = import_media(services.store, video, "Kempen", creator="@aina", caption="Jom #fikirdulu")
    again = import_media(services.store, video, "Kempen")
    assert again.duplicate
    assert again.video_id == first.video_id
    row = services.store.query("SELECT * FROM videos WHERE id = ?", (first.video_id,))[0]
    assert (row["creator"], row["caption"], row["width"], row["height"], row["has_audio"]) == (
        "@aina", "Jom #fikirdulu", 320, 240, 1)
    assert row["thumbnail"].startswith(b"\x89PNG")
    assert len(row["sha256"]) == 64
    assert row["duration"] > 5
    assert services.store.query("SELECT count(*) AS n FROM videos")[0]["n"] == 1


def test_moved_file_is_relinked_by_hash(services, video: Path, tmp_path: Path) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    moved = tmp_path / "renamed.mp4"
    video.rename(moved)
    result = import_media(services.store, moved, "Kempen")
    assert (result.video_id, result.relinked) == (video_id, True)
    assert services.store.query("SELECT path FROM videos WHERE id = ?", (video_id,))[0]["path"] == str(moved)
    other = tmp_path / "other.mp4"
    shutil.copy(video.parent.parent / "renamed.mp4", other)
    other.write_bytes(other.read_bytes() + b"extra")
    with pytest.raises(UserError, match="not the same content"):
        relink(services.store, video_id, other)


def test_full_review_flow_and_status(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen", caption="Jangan bodoh #think").video_id
    assert status(services, video_id) == "pending"
    transcribe_and_check(services, video_id)
    assert status(services, video_id) == "in_review"
    detail = queries.show(services.store, video_id, list(services.checker().refs))
    sources = sorted(f["source"] for f in detail["findings"])
    assert sources == ["caption", "transcript"]  # 'bodoh' said in the clip and written in the caption
    spoken = next(f for f in detail["findings"] if f["source"] == "transcript")
    assert spoken["time_start"] > 0
    set_disposition(services.store, spoken["id"], "confirmed", actor="Aina")
    add_comment(services.store, video_id, 2.5, "Tukar perkataan ini", "Aina")
    add_review(services.store, video_id, "Aina", "changes_required", "Women's Aid", "Please reword")
    assert status(services, video_id) == "changes_required"
    add_review(services.store, video_id, "Aina", "approved", "Women's Aid")
    assert status(services, video_id) == "approved"
    assert audit.verify(services.store.db).ok


def test_required_reviewers(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, video_id)
    set_required_reviewers(services.store, "Kempen", ["Aina", "Bala"])
    add_review(services.store, video_id, "Aina", "approved")
    assert status(services, video_id) == "in_review"
    add_review(services.store, video_id, "Bala", "approved")
    assert status(services, video_id) == "approved"


def test_a_required_reviewer_needs_a_visible_name(services) -> None:
    """An invisible name (zero-width characters) would be a required reviewer nobody can ever be."""
    from reviewer.review.awaiting import required_reviewers

    set_required_reviewers(services.store, "Kempen", ["Aina", "\u200b\u2060", " "])
    assert required_reviewers(services.store, "Kempen") == ["Aina"]


def test_approval_is_bound_to_the_content(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, video_id)
    add_review(services.store, video_id, "Aina", "approved")
    with open(video, "ab") as handle:
        handle.write(b"\0" * 16)  # the creator swapped in a different cut under the same name
    from reviewer.review.workflow import refresh_content

    assert refresh_content(services.store, video_id)
    row = services.store.query("SELECT status, changed_since_review FROM videos WHERE id = ?", (video_id,))[0]
    assert (row["status"], row["changed_since_review"]) == ("pending", 1)  # its transcript is of the old cut
    with pytest.raises(UserError, match="the file changed since it was transcribed"):
        add_review(services.store, video_id, "Aina", "approved")
    transcribe_and_check(services, video_id)  # the new cut is transcribed and checked: now it can be decided
    add_review(services.store, video_id, "Aina", "approved")
    row = services.store.query("SELECT status, changed_since_review FROM videos WHERE id = ?", (video_id,))[0]
    assert (row["status"], row["changed_since_review"]) == ("approved", 0)


def test_recheck_keeps_dispositions_and_flags_stale_lists(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, video_id)
    finding = queries.show(services.store, video_id)["findings"][0]
    set_disposition(services.store, finding["id"], "dismissed", "quoting the guideline", "Aina")
    lists = active_lists(services.store)
    harassment = next(lst for lst in lists if lst.name == "harassment-insults")
    edited = save_list(services.store, harassment.with_terms([*harassment.terms, Term("fikir", "test", "low", "ms")]))
    assert int(edited.version) == int(harassment.version) + 1
    detail = queries.show(services.store, video_id, list(services.checker().refs))
    assert detail["stale_term_lists"]
    transcribe_and_check(services, video_id)  # re-check against the edited lists
    detail = queries.show(services.store, video_id, list(services.checker().refs))
    assert not detail["stale_term_lists"]
    by_term = {f["term"]: f for f in detail["findings"]}
    assert by_term["bodoh"]["disposition"] == "dismissed"
    assert by_term["bodoh"]["reason"] == "quoting the guideline"
    assert by_term["fikir"]["disposition"] == "open"


def test_transcript_correction_is_a_new_revision(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, video_id)
    add_transcript(services.store, video_id, transcript_of("Hai semua, fikir dahulu.", 7.0), author="Aina")
    revisions = services.store.query("SELECT revision, author FROM transcripts WHERE video_id = ? ORDER BY revision",
                                     (video_id,))
    assert revisions == [{"revision": 1, "author": ""}, {"revision": 2, "author": "Aina"}]
    assert latest_transcript(services.store.db, video_id)[1].text == "Hai semua, fikir dahulu."


def test_versions_compare(services, video: Path, tmp_path: Path, clips: dict[str, Path]) -> None:
    v1 = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, v1)
    cut2 = tmp_path / "v2.mp4"
    shutil.copy(clips["malay"], cut2)
    v2 = import_media(services.store, cut2, "Kempen", version_of=v1).video_id
    transcribe_and_check(services, v2)
    assert services.store.query("SELECT version, piece_id FROM videos WHERE id = ?", (v2,))[0] == {
        "version": 2, "piece_id": v1}
    comparison = queries.compare_versions(services.store, v2)
    assert [f["term"] for f in comparison["resolved"]] == ["bodoh"]
    assert comparison["new"] == []
    with pytest.raises(UserError, match="version 1"):
        queries.compare_versions(services.store, v1)


def test_search_and_filters(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen", creator="@aina").video_id
    transcribe_and_check(services, video_id)
    assert [r["id"] for r in queries.list_videos(services.store, search="sosial")] == [video_id]
    assert [r["id"] for r in queries.list_videos(services.store, search='"unbalanced AND')] == []
    assert [r["id"] for r in queries.list_videos(services.store, "Kempen", "in_review")] == [video_id]
    assert queries.list_videos(services.store, status="approved") == []
    with pytest.raises(UserError, match="unknown status"):
        queries.list_videos(services.store, status="great")


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, v: add_review(s, v, "Aina", "looks fine"), "unknown decision 'looks_fine'"),
    (lambda s, v: add_review(s, 999, "Aina", "approved"), "no video with ID 999"),
    (lambda s, v: add_comment(s, v, 500.0, "late", "Aina"), "outside the video"),
    (lambda s, v: set_disposition(s, 12345, "confirmed", actor="Aina"), "no finding with ID 12345"),
    (lambda s, v: set_disposition(s, 1, "dismissed", "", "Aina"), "say why"),
    (lambda s, v: set_disposition(s, 1, "confirmed"), "say who is deciding"),  # QA F2: no nameless opinions
    (lambda s, v: set_disposition(s, 1, "dismissed", "quoted", " \u200b"), "say who is deciding"),
])
def test_refusals(services, video: Path, call, message: str) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, video_id)
    before = services.store.query("SELECT count(*) AS n FROM audit")[0]["n"]
    with pytest.raises(UserError, match=message):
        call(services.store, video_id)
    assert services.store.query("SELECT count(*) AS n FROM audit")[0]["n"] == before


def test_audit_chain_detects_hand_edits(services, video: Path) -> None:
    video_id = import_media(services.store, video, "Kempen").video_id
    transcribe_and_check(services, video_id)
    add_review(services.store, video_id, "Aina", "rejected")
    report = audit.verify(services.store.db)
    assert report.ok
    assert report.entries >= 5
    decision = services.store.query("SELECT id FROM audit WHERE action = 'decision'")[0]["id"]
    services.store.db.execute("UPDATE audit SET details = replace(details, 'rejected', 'approved') WHERE id = ?",
                              [decision])
    services.store.db.conn.commit()
    broken = audit.verify(services.store.db)
    assert broken.broken_at == decision
    assert "changed" in broken.reason


def test_video_without_speech_is_checked_and_says_no_speech(tmp_path: Path, clips: dict[str, Path]) -> None:
    """A dance video: no speech, so the transcript is empty, the caption is still checked and the status moves on."""
    services = fake_services(tmp_path / "review.db", {"dance.mp4": ""})
    target = tmp_path / "dance.mp4"
    shutil.copy(clips["english"], target)
    video_id = import_media(services.store, target, "Kempen", caption="Jangan jadi bodoh").video_id
    transcribe_and_check(services, video_id)
    detail = queries.show(services.store, video_id, list(services.checker().refs))
    assert detail["transcript_gap"].startswith("no speech found")
    assert [f["term"] for f in detail["findings"]] == ["bodoh"]
    assert status(services, video_id) != "pending"
    services.store.close()


def test_invisible_characters_never_make_a_look_alike_campaign_or_reviewer(tmp_path: Path, clips) -> None:
    """'K\\u200b8' prints as 'K8': it must be K8, not a second campaign that a report by name leaves out (QA 11)."""
    import shutil

    from reviewer.review.lookups import campaign_video_ids
    from reviewer.store import events

    services = fake_services(tmp_path / "r.db")
    first, second = tmp_path / "a.mp4", tmp_path / "b.mp4"
    shutil.copy(clips["english"], first)
    shutil.copy(clips["malay"], second)
    import_media(services.store, first, "K8", creator="@ali")
    import_media(services.store, second, "\u202eK\u200b8\ufeff", creator="@ali\u200b")
    assert len(campaign_video_ids(services.store, "K8")) == 2
    assert {r["creator"] for r in services.store.query("SELECT creator FROM videos")} == {"@ali"}
    assert events.clean("Nurul\u200b Huda\u2060") == "Nurul Huda"
    assert events.clean("Aida \U0001f469\u200d\u2695\ufe0f") == "Aida \U0001f469\u200d\u2695\ufe0f"  # emoji kept whole
    services.store.close()
