"""Comments that can be discussed: ranges, replies, author-only edits kept in the audit log, resolve and reopen."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.errors import UserError
from reviewer.review.comments import add_comment, edit_comment, reply, resolve, threads
from reviewer.review.feedback import feedback_data
from reviewer.store import audit
from reviewer.store.queries import list_videos
from tests.fakes import fake_services


@pytest.fixture
def video(tmp_path: Path, clips: dict[str, Path]):
    services = fake_services(tmp_path / "r.db")
    clip = tmp_path / "v.mp4"
    shutil.copy(clips["english"], clip)
    from reviewer.review.workflow import import_media

    video_id = import_media(services.store, clip, "Kempen").video_id
    yield services, video_id, tmp_path / "r.db"
    services.store.close()


def open_comments(services, video_id: int) -> int:
    return next(row["open_comments"] for row in list_videos(services.store) if row["id"] == video_id)


def test_range_reply_edit_resolve_round_trip(video) -> None:
    services, video_id, _ = video
    store = services.store
    first = add_comment(store, video_id, 1.0, "Muzik terlalu kuat di sini", "Aina", "WAO", end_seconds=3.5)
    second = add_comment(store, video_id, 2.0, "Nota dalaman: semak dengan peguam", "Bala", internal=True)
    answer = reply(store, first, "Setuju, perlahankan muzik", "Bala", "MIASA")
    assert open_comments(services, video_id) == 2  # threads, not replies
    rows = threads(store, video_id)
    assert [row["id"] for row in rows] == [first, answer, second]  # each reply right after its thread
    assert rows[0]["end_seconds"] == 3.5
    assert rows[1]["parent_uid"] == rows[0]["uid"]

    edit_comment(store, first, "Muzik terlalu kuat dari 00:01 hingga 00:03", "aina")  # the author, any case
    with pytest.raises(UserError, match="only Aina can edit"):
        edit_comment(store, first, "hijacked", "Bala")
    edits = store.query("SELECT details FROM audit WHERE action = 'comment-edited'")
    assert json.loads(edits[0]["details"])["previous_text"] == "Muzik terlalu kuat di sini"  # earlier text kept

    resolve(store, answer, "Aina")  # a reply's ID resolves its thread
    assert open_comments(services, video_id) == 1
    assert threads(store, video_id)[0]["resolved"] == 1
    resolve(store, first, "Aina", resolved=False)
    assert open_comments(services, video_id) == 2
    assert audit.verify(store.db).ok  # the replay still explains every row, edits included


def test_feedback_leaves_out_internal_resolved_and_replies(video) -> None:
    services, video_id, _ = video
    store = services.store
    shown = add_comment(store, video_id, 1.0, "Potong bahagian ini", "Aina")
    add_comment(store, video_id, 1.5, "Dalaman sahaja", "Aina", internal=True)
    done = add_comment(store, video_id, 2.0, "Sudah dibetulkan", "Aina")
    reply(store, shown, "Balasan antara penyemak", "Bala")
    resolve(store, done, "Aina")
    quotes = [item.quote for item in feedback_data(services, video_id, "ms", with_thumbnails=False).items
              if item.kind == "comment"]
    assert quotes == ["Potong bahagian ini"]


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, v: add_comment(s, v, 2.0, "x", "Aina", end_seconds=1.0), "must end after it starts"),
    (lambda s, v: add_comment(s, v, 1.0, "x", "Aina", end_seconds=999.0), "within the video"),
    (lambda s, v: reply(s, 9999, "x", "Aina"), "no comment with ID 9999"),
    (lambda s, v: add_comment(s, v, 1.0, "   ", "Aina"), "needs some text"),
    (lambda s, v: resolve(s, 9999, "Aina"), "no comment with ID 9999"),
])
def test_bad_comment_requests_are_refused(video, call, message) -> None:
    services, video_id, _ = video
    with pytest.raises(UserError, match=message):
        call(services.store, video_id)


def test_comment_commands(run_cli, video) -> None:
    _, video_id, db = video
    code, out, err = run_cli("--db", db, "comment", video_id, "--at", "1", "--to", "2.5", "--text", "Julat ini",
                             "--reviewer", "Aina")
    assert code == 0, err
    assert "1–2.5 s" in out
    comment_id = int(out.split()[1])
    assert run_cli("--db", db, "reply", comment_id, "--text", "Baik", "--reviewer", "Bala")[0] == 0
    assert run_cli("--db", db, "comment-edit", comment_id, "--text", "Julat ini (dikemas kini)",
                   "--reviewer", "Aina")[0] == 0
    assert run_cli("--db", db, "resolve", comment_id, "--reviewer", "Bala")[0] == 0
    code, out, _ = run_cli("--db", db, "comments", video_id)
    assert code == 0
    assert "00:01–00:02" in out
    assert "↳ reply" in out
    assert "[resolved, edited]" in out
    code, _, err = run_cli("--db", db, "comment-edit", comment_id, "--text", "x", "--reviewer", "Bala")
    assert code == 2
    assert "only Aina can edit" in err
