"""On-screen text in the review record: stored with the video, checked with the transcript, shown by the CLI.

Most tests use the scripted screen reader (tests/fakes.py) for speed; the CLI tests at the end run the real OCR
and the real speech model on a generated video.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.screen import stored_track
from reviewer.review.workflow import import_media, record_check
from reviewer.store import queries
from tests.fakes import fake_services


def _services(tmp_path: Path, clip: Path, lines: list[tuple[str, float, float, float]], **kwargs):
    services = fake_services(tmp_path / "review.db", screen={clip.name: lines})
    for key, value in kwargs.items():
        services = services.__class__(**{**services.__dict__, key: value})
    video_id = import_media(services.store, clip, "Kempen").video_id
    return services, video_id


def _screen_findings(services, video_id: int) -> list[dict]:
    detail = queries.show(services.store, video_id)
    return [f for f in detail["findings"] if f["source"] == "screen"]


def test_a_term_on_screen_becomes_a_stored_finding_with_time_box_and_confidence(tmp_path: Path, clips) -> None:
    services, video_id = _services(tmp_path, clips["english"], [("Jom balik", 0.5, 2.0, 0.97),
                                                                ("tongsan sekarang", 0.5, 2.0, 0.95)])
    transcribe_and_check(services, video_id)
    (finding,) = _screen_findings(services, video_id)
    assert finding["term"] == "balik tongsan"  # a phrase across the caption's two lines
    assert (finding["time_start"], finding["time_end"]) == (0.5, 2.0)
    assert json.loads(finding["box"]) == [20, 40, 200, 86]  # both lines' boxes
    assert finding["ocr_confidence"] == 0.95
    assert finding["verification"] == ""
    assert queries.show(services.store, video_id)["check"]["screen_text"] == "read"
    assert [line.text for line in stored_track(services.store, video_id).lines] == ["Jom balik", "tongsan sekarang"]


def test_clean_on_screen_text_adds_no_finding(tmp_path: Path, clips) -> None:
    services, video_id = _services(tmp_path, clips["english"], [("Fikir dahulu sebelum kongsi", 0.5, 2.0, 0.99)])
    transcribe_and_check(services, video_id)
    assert _screen_findings(services, video_id) == []


def test_low_confidence_reading_asks_the_reviewer_to_look(tmp_path: Path, clips) -> None:
    services, video_id = _services(tmp_path, clips["english"], [("jangan jadi bodoh", 1.0, 3.0, 0.55)])
    transcribe_and_check(services, video_id)
    (finding,) = _screen_findings(services, video_id)
    assert finding["verification"] == "look"
    assert finding["confidence"] == 0.55
    assert finding["disposition"] == "open"


def test_switched_off_the_check_says_so_and_reads_nothing(tmp_path: Path, clips) -> None:
    services, video_id = _services(tmp_path, clips["english"], [("balik tongsan", 0.5, 2.0, 0.97)],
                                   screen_text=False)
    transcribe_and_check(services, video_id)
    assert services.screen_reader.calls == []
    assert queries.show(services.store, video_id)["check"]["screen_text"] == "off"
    assert _screen_findings(services, video_id) == []


def test_a_failed_reading_is_recorded_not_passed_off_as_clean(tmp_path: Path, clips) -> None:
    from transcribe.errors import MediaError

    def broken(*_args, **_kwargs):
        raise MediaError("clip.mp4 could not be decoded")

    services, video_id = _services(tmp_path, clips["english"], [], screen_reader=broken)
    transcribe_and_check(services, video_id)
    assert queries.show(services.store, video_id)["check"]["screen_text"] == "failed: clip.mp4 could not be decoded"


def test_recheck_keeps_screen_findings_and_their_dispositions_and_reads_once(tmp_path: Path, clips) -> None:
    from reviewer.review.workflow import set_disposition

    services, video_id = _services(tmp_path, clips["english"], [("balik tongsan", 0.5, 2.0, 0.97)])
    transcribe_and_check(services, video_id)
    (finding,) = _screen_findings(services, video_id)
    set_disposition(services.store, finding["id"], "confirmed", actor="Aina")
    record_check(services.store, video_id, services.checker())
    (again,) = _screen_findings(services, video_id)
    assert again["id"] != finding["id"]
    assert again["disposition"] == "confirmed"
    assert services.screen_reader.calls == ["english.mp4"]  # the stored track was reused


def test_audio_only_files_have_no_picture_to_read(tmp_path: Path, clips) -> None:
    services, video_id = _services(tmp_path, clips["wav"], [("balik tongsan", 0.5, 2.0, 0.97)])
    transcribe_and_check(services, video_id)
    assert services.screen_reader.calls == []
    assert queries.show(services.store, video_id)["check"]["screen_text"] == "no video"


def test_migration_keeps_old_findings_and_accepts_screen_ones(tmp_path: Path, clips) -> None:
    from reviewer.store.connection import Store
    from reviewer.store.migrations import migrations

    path = tmp_path / "old.db"
    database = __import__("sqlite_utils").Database(path)
    migrations.apply(database, stop_before="0007_screen_text")
    database.conn.close()
    services = fake_services(path)  # opening the store applies 0007 (after a backup)
    video_id = import_media(services.store, clips["english"], "Kempen").video_id
    transcribe_and_check(services, video_id)
    store = Store(path)
    store.db.execute("INSERT INTO findings (check_id, video_id, source, term, category, severity, language, kind, "
                     "confidence, start, \"end\", matched, fingerprint) SELECT check_id, video_id, 'screen', term, "
                     "category, severity, language, kind, confidence, start, \"end\", matched, 'x' FROM findings "
                     "LIMIT 1")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE findings SET source = 'elsewhere'")
    names = {row["name"] for row in store.db.query("SELECT name FROM sqlite_master WHERE tbl_name = 'findings'")}
    assert {"findings_check", "findings_video", "findings_uid", "findings_new_uid"} <= names
    assert list(tmp_path.glob("old.db.bak-*"))


# The real thing: OCR and speech model on a generated video, through the command line.

@pytest.fixture(scope="module")
def sticker_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import numpy as np

    from tests.mediagen import silence, speak
    from tests.screengen import Overlay, write_video

    speech = np.concatenate([silence(0.3), speak("Hello everyone, be kind online.", "en-us"), silence(1.0)])
    overlays = [Overlay("Pergi balik tongsan", 0.5, 3.0, y=0.3, size=24), Overlay("Jaga diri", 1.0, 3.0, y=0.7)]
    return write_video(tmp_path_factory.mktemp("sticker") / "sticker.mp4", overlays, seconds=len(speech) / 16_000,
                       size=(360, 640), fps=10, background="moving", audio=speech)


def test_cli_check_reports_the_sticker_and_ocr_prints_the_track(sticker_clip: Path, run_cli, tmp_path: Path) -> None:
    code, out, err = run_cli("--db", tmp_path / "db.sqlite", "check", sticker_clip, "--format", "json",
                             "--language", "en")
    assert code == 1, err
    payload = json.loads(out)
    assert payload["screen_text"] == "read"
    (finding,) = payload["screen"]["findings"]
    assert finding["term"] == "balik tongsan"
    assert finding["box"]
    assert finding["time_start"] < 1.0
    assert not [f for f in payload["findings"] if f["term"] == "balik tongsan"]  # it was never said

    code, out, err = run_cli("ocr", sticker_clip, "--format", "srt")
    assert code == 0, err
    assert "Pergi balik tongsan" in out
    assert "Jaga diri" in out
    assert "-->" in out

    code, out, _ = run_cli("--db", tmp_path / "db.sqlite", "check", sticker_clip, "--no-screen-text",
                           "--language", "en")
    assert code == 0
    assert "on-screen text: not read (off)" in out


def test_cli_ocr_refuses_audio_only_files_in_one_line(clips, run_cli) -> None:
    code, _, err = run_cli("ocr", clips["wav"])
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "no video track" in err


def test_approval_report_shows_each_screen_finding_with_a_boxed_thumbnail(tmp_path: Path, clips) -> None:
    import subprocess

    from reports.video_report import render_video_report
    from reviewer.review.report_data import report_fonts, video_report_data

    services, video_id = _services(tmp_path, clips["english"], [("balik tongsan", 0.5, 2.0, 0.97),
                                                                ("jangan jadi bodoh", 3.0, 4.0, 0.6)])
    transcribe_and_check(services, video_id)
    data = video_report_data(services.store, video_id)
    screen_rows = [row for row in data.findings if row.source == "screen"]
    assert [row.term for row in screen_rows] == ["balik tongsan", "bodoh"]
    assert all(row.thumbnail and row.thumbnail.startswith(b"\x89PNG") for row in screen_rows)
    assert [row.look for row in screen_rows] == [False, True]
    assert data.screen_text.startswith("read with fake, 2 lines")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_video_report(data, report_fonts()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert text.count("screen") >= 3  # each finding's time says "on screen" (the cell wraps), and provenance
    assert "(look to" in text  # the low-confidence reading asks to look (the cell wraps)
    assert "On-screen text: read with fake" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) - 2 >= 5 + 2  # the keyframe strip and one thumbnail per screen finding
