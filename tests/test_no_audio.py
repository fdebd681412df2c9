"""Videos with no audio track (silent slideshows, text-only clips) are checked by what is on the screen.

The scripted screen reader (tests/fakes.py) stands in for OCR in the workflow tests; the CLI tests at the end read
a generated silent video for real.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.errors import UserError
from reviewer.review.batch import run_batch, transcribe_and_check
from reviewer.review.workflow import import_media
from reviewer.store import queries
from reviewer.store.jobs import NO_AUDIO_GAP
from tests.fakes import fake_services
from tests.screengen import Overlay, write_video

TERM_LINE = [("Jangan jadi bodoh", 0.5, 2.5, 0.97)]


@pytest.fixture(scope="module")
def silent_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3 s video with no audio stream and a term in a big overlay."""
    return write_video(tmp_path_factory.mktemp("silent") / "slideshow.mp4",
                       [Overlay("Jangan jadi bodoh", 0.3, 3.0, y=0.4, size=32)], seconds=3.0, size=(360, 640),
                       fps=10, background="static")


def test_a_silent_video_is_imported_and_checked_by_its_on_screen_text(tmp_path: Path, silent_clip: Path) -> None:
    services = fake_services(tmp_path / "r.db", screen={silent_clip.name: TERM_LINE})
    video_id = import_media(services.store, silent_clip, "Kempen").video_id
    outcome = transcribe_and_check(services, video_id)
    assert outcome.checked
    assert not outcome.transcribed  # nothing to transcribe: the empty transcript says why
    assert services.transcriber.calls == []
    detail = queries.show(services.store, video_id)
    assert detail["status"] == "in_review"
    assert detail["transcript_gap"] == NO_AUDIO_GAP
    assert detail["check"]["screen_text"] == "read"
    assert [(f["source"], f["term"]) for f in detail["findings"]] == [("screen", "bodoh")]


def test_a_silent_video_with_screen_text_off_and_no_caption_is_refused(tmp_path: Path, silent_clip: Path) -> None:
    services = replace(fake_services(tmp_path / "r.db", screen={silent_clip.name: TERM_LINE}), screen_text=False)
    video_id = import_media(services.store, silent_clip, "Kempen").video_id
    with pytest.raises(UserError, match="no audio track and on-screen text reading is off"):
        transcribe_and_check(services, video_id)
    assert queries.show(services.store, video_id)["check"] is None  # never recorded as a clean check


def test_a_silent_video_with_screen_text_off_is_checked_by_its_caption(tmp_path: Path, silent_clip: Path) -> None:
    services = replace(fake_services(tmp_path / "r.db"), screen_text=False)
    video_id = import_media(services.store, silent_clip, "Kempen", caption="jangan jadi bodoh").video_id
    transcribe_and_check(services, video_id)
    detail = queries.show(services.store, video_id)
    assert [(f["source"], f["term"]) for f in detail["findings"]] == [("caption", "bodoh")]
    assert detail["check"]["screen_text"] == "off"


def test_a_silent_video_whose_screen_text_fails_is_not_passed_as_clean(tmp_path: Path, silent_clip: Path) -> None:
    from transcribe.errors import MediaError

    def broken(*_args, **_kwargs):
        raise MediaError("slideshow.mp4 could not be decoded")

    services = replace(fake_services(tmp_path / "r.db"), screen_reader=broken)
    video_id = import_media(services.store, silent_clip, "Kempen").video_id
    with pytest.raises(UserError, match="its on-screen text was not read"):
        transcribe_and_check(services, video_id)
    assert queries.show(services.store, video_id)["check"] is None


def test_batch_moves_a_silent_video_on(tmp_path: Path, silent_clip: Path, clips) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(silent_clip, folder / "slideshow.mp4")
    shutil.copy(clips["english"], folder / "talk.mp4")
    services = fake_services(tmp_path / "r.db", screen={"slideshow.mp4": TERM_LINE})
    report = run_batch(services, folder, "Kempen")
    assert (report.imported, report.transcribed, report.checked, report.failed) == (2, 1, 2, [])
    assert services.transcriber.calls == ["talk.mp4"]


def test_the_report_says_speech_was_not_checked(tmp_path: Path, silent_clip: Path) -> None:
    from reviewer.review.report_data import video_report_data

    services = fake_services(tmp_path / "r.db", screen={silent_clip.name: TERM_LINE})
    video_id = import_media(services.store, silent_clip, "Kempen").video_id
    transcribe_and_check(services, video_id)
    data = video_report_data(services.store, video_id, with_keyframes=False)
    assert data.no_audio
    assert data.transcript_gap == NO_AUDIO_GAP


# The real thing: OCR of a generated silent video through the command line.

def test_cli_check_finds_the_term_on_screen_of_a_silent_video(run_cli, silent_clip: Path) -> None:
    code, out, err = run_cli("check", silent_clip, "--format", "json")
    assert code == 1, err
    payload = json.loads(out)
    assert payload["note"] == "no audio track"
    assert payload["findings"] == []
    assert payload["screen_text"] == "read"
    assert [f["term"] for f in payload["screen"]["findings"]] == ["bodoh"]
    code, out, _ = run_cli("check", silent_clip)
    assert code == 1
    assert "no audio track, so speech was not checked" in out
    assert "on screen at" in out


def test_cli_check_of_a_silent_video_with_screen_text_off_exits_2(run_cli, silent_clip: Path) -> None:
    code, out, err = run_cli("check", silent_clip, "--no-screen-text")
    assert code == 2
    assert out == ""
    assert "no audio track and on-screen text reading is off" in err
    assert err.count("\n") == 1


def test_cli_import_batch_show_of_a_silent_video(run_cli, tmp_path: Path, silent_clip: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(silent_clip, folder / "slideshow.mp4")
    db = tmp_path / "r.db"
    code, out, err = run_cli("--db", db, "batch", folder, "--campaign", "Kempen")
    assert code == 0, err
    assert "1 imported, 0 already known, 0 transcribed, 1 checked, 0 failed" in out
    code, out, _ = run_cli("--db", db, "show", "1")
    assert "NO AUDIO TRACK: speech was not checked" in out
    assert "on screen at 00:00 [medium] bodoh (exact) 'bodoh'" in out
    code, out, _ = run_cli("--db", db, "list", "--format", "json")
    assert json.loads(out)[0]["status"] == "in_review"
