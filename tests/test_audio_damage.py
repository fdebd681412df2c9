"""Audio that is partly undecodable (QA F16): counted, placed, kept out of "clean", and later words keep their times.

The clips are real (espeak-ng speech in an H.264/AAC MP4) and damaged as a bad copy does: the payload of every audio
packet in a time range overwritten with random bytes. The workflow tests use the scripted transcriber; the tests
marked slow run the real model.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from reviewer.review.batch import run_batch
from reviewer.review.workflow import add_review
from reviewer.store import queries
from tests.fakes import fake_services
from tests.mediagen import damage_audio, silence, speak, write_mp4
from transcribe.audio_decode import SAMPLE_RATE, decode_audio
from transcribe.errors import MediaError
from transcribe.types import Transcript, damage_matters, damage_note, mark_damage

LINE = "Hello everyone. Please think twice before you post. You are so stupid."
DAMAGE = (1.4, 3.0)  # "Please think twice": the insult after it must still be heard, at its own time


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("damage")
    clean = write_mp4(folder / "clean.mp4", np.concatenate([silence(0.5), speak(LINE, "en-us"), silence(0.5)]),
                      label="clean")
    made = {"clean": clean}
    for name, (start, end) in {"middle": DAMAGE, "click": (2.0, 2.05), "end": (5.5, 99.0), "insult": (4.3, 5.6),
                               "all": (-1.0, 99.0)}.items():
        assert damage_audio(clean, folder / f"{name}.mp4", start, end) > 0
        made[name] = folder / f"{name}.mp4"
    return made


def test_decoding_counts_and_places_the_damage(clips: dict[str, Path]) -> None:
    clean, damaged = decode_audio(clips["clean"]), decode_audio(clips["middle"])
    assert damaged.failed_packets > 60
    assert clean.failed_packets == 0
    assert clean.damaged == ()
    [(start, end)] = damaged.damaged
    assert start == pytest.approx(DAMAGE[0], abs=0.1)
    assert end == pytest.approx(DAMAGE[1], abs=0.1)
    assert len(damaged.samples) == len(clean.samples)  # silence stands in: nothing after it moves
    after = slice(int((end + 0.1) * SAMPLE_RATE), None)
    # the same sound at the same sample (the AAC decoder, restarting after the damage, differs in the last bits)
    np.testing.assert_allclose(damaged.samples[after], clean.samples[after], atol=0.02)
    assert np.abs(damaged.samples[after][1:] - clean.samples[after][:-1]).max() > 0.05  # one sample off would show
    assert not damaged.samples[int((start + 0.01) * SAMPLE_RATE):int((end - 0.01) * SAMPLE_RATE)].any()  # silence


def test_an_undamaged_clip_decodes_exactly_as_faster_whisper_did(clips: dict[str, Path]) -> None:
    from faster_whisper import decode_audio as theirs

    np.testing.assert_array_equal(decode_audio(clips["clean"]).samples, theirs(str(clips["clean"])))


def test_damage_up_to_the_end_is_silence_up_to_the_end(clips: dict[str, Path]) -> None:
    clean, damaged = decode_audio(clips["clean"]), decode_audio(clips["end"])
    [(start, end)] = damaged.damaged
    assert start == pytest.approx(5.5, abs=0.1)
    assert end == pytest.approx(clean.duration, abs=0.1)
    assert abs(len(damaged.samples) - len(clean.samples)) < SAMPLE_RATE // 20


def test_a_click_is_negligible_but_kept(clips: dict[str, Path]) -> None:
    decoded = decode_audio(clips["click"])
    assert decoded.damaged
    assert not damage_matters(decoded.damaged, decoded.duration)
    transcript = mark_damage(Transcript("en", 1.0, decoded.duration, ()), decoded.damaged, 0.0, decoded.duration)
    assert transcript.note == ""
    assert not transcript.partial
    assert Transcript.from_dict(json.loads(json.dumps(transcript.to_dict()))).damaged == decoded.damaged


def test_audio_that_is_all_damaged_is_one_error(clips: dict[str, Path]) -> None:
    with pytest.raises(MediaError, match=r"could not decode the audio of all\.mp4 .*export it again"):
        decode_audio(clips["all"])


def test_the_note_names_the_places_and_the_share() -> None:
    assert damage_note(((1.509, 5.503),), 6.4) == ("audio damaged from 1.5 s to 5.5 s (62% of the audio): speech there "
                                                   "was not checked; export the video again")
    assert damage_note(((1.0, 1.1),), 60.0) == ""  # 0.1 s of a minute: a click
    assert damage_note(((1.0, 1.1),), 5.0).startswith("audio damaged")  # 2% of the clip: not a click
    clipped = mark_damage(Transcript("en", 1.0, 4.0, (), note="no speech found"), ((1.0, 3.0), (8.0, 9.0)), 2.0, 6.0)
    assert clipped.damaged == ((2.0, 3.0),)  # only the damage inside the transcribed window
    assert clipped.note.startswith("audio damaged from 2.0 s to 3.0 s (25% of the audio)")  # not "no speech found"


def _partial_json(tmp_path: Path, text: str) -> Path:
    words = text.split()
    segment = {"id": 1, "start": 0.2, "end": 1.4, "text": text,
               "words": [{"text": w, "start": 0.2 + i * 0.3, "end": 0.4 + i * 0.3, "probability": 0.9}
                         for i, w in enumerate(words)]}
    path = tmp_path / "partial.json"
    path.write_text(json.dumps({"language": "en", "language_probability": 1.0, "duration": 6.4, "segments": [segment],
                                "note": damage_note(((1.5, 5.5),), 6.4), "damaged": [[1.5, 5.5]]}))
    return path


def test_check_of_a_partial_transcript_is_never_clean(run_cli, tmp_path: Path) -> None:
    code, out, _ = run_cli("check", _partial_json(tmp_path, "Hello everyone."))
    assert code == 2
    assert "audio damaged from 1.5 s to 5.5 s (62% of the audio): speech there was not checked" in out
    assert "no findings" not in out
    code, out, _ = run_cli("check", _partial_json(tmp_path, "you are stupid"))
    assert code == 1
    assert "stupid" in out
    assert out.rstrip().endswith("export the video again; in the rest: 1 medium")


def _damaged_services(db: Path, spans: tuple[tuple[float, float], ...]):
    services = fake_services(db, {"talk.mp4": "Hai semua. Jangan jadi bodoh."})
    scripted = services.transcriber

    def transcriber(media: str, options, on_progress=None, should_cancel=None) -> Transcript:
        transcript = scripted(media, options, on_progress, should_cancel)
        return mark_damage(transcript, spans, 0.0, transcript.duration)

    return replace(services, transcriber=transcriber)


def test_show_list_batch_and_report_say_the_audio_was_damaged(run_cli, tmp_path: Path, clips) -> None:
    from reviewer.review.report_data import video_report_data

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clips["middle"], folder / "talk.mp4")
    services = _damaged_services(tmp_path / "r.db", ((1.5, 5.5),))
    report = run_batch(services, folder, "Kempen")
    assert (report.transcribed, report.checked, report.damaged, report.failed) == (1, 1, 1, [])
    video_id = report.video_ids[0]
    gap = queries.show(services.store, video_id)["transcript_gap"]
    assert gap.startswith("audio damaged from 1.5 s to 5.5 s (")
    assert gap.endswith("speech there was not checked; export the video again")
    add_review(services.store, video_id, "Aina", "approved")  # allowed: the reviewer may have listened
    services.store.close()
    code, out, _ = run_cli("--db", tmp_path / "r.db", "show", video_id)
    assert code == 0
    assert "AUDIO DAMAGED from 1.5 s to 5.5 s (" in out  # the label stands out, the seconds stay seconds
    assert "[audio damaged: speech partly not checked]" in run_cli("--db", tmp_path / "r.db", "list")[1]
    with fake_services(tmp_path / "r.db").store as store:
        data = video_report_data(store, video_id, with_keyframes=False)
        malay = video_report_data(store, video_id, with_keyframes=False, language="ms")
    assert data.transcript_gap == gap
    assert data.partial_audio
    assert malay.transcript_gap.startswith("audio rosak dari 1.5 s hingga 5.5 s (")
    assert data.findings  # "bodoh" was heard in the part that could be decoded, and is still reported
    assert run_cli("--db", tmp_path / "r.db", "report", video_id, "-o", tmp_path / "r.pdf")[0] == 0
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages).split())
    assert "Combined status: Approved" in text
    assert "Audio damaged from 1.5 s to 5.5 s (" in text  # the banner under the approval


def test_a_click_leaves_show_and_list_quiet(run_cli, tmp_path: Path, clips) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clips["click"], folder / "talk.mp4")
    services = _damaged_services(tmp_path / "r.db", ((2.02, 2.07),))
    report = run_batch(services, folder, "Kempen")
    assert report.damaged == 0
    assert queries.show(services.store, report.video_ids[0])["transcript_gap"] == ""


@pytest.mark.slow
def test_later_words_keep_their_true_times(clips: dict[str, Path]) -> None:
    from transcribe.engine import transcribe_file
    from transcribe.types import TranscribeOptions

    options = TranscribeOptions(language="en")

    def last_word(transcript: Transcript):
        return next(w for w in reversed(transcript.words()) if "stupid" in w.text.lower())

    clean, damaged = transcribe_file(clips["clean"], options), transcribe_file(clips["middle"], options)
    assert damaged.partial
    assert damaged.note.startswith("audio damaged from 1.4 s to 3.0 s")
    assert last_word(damaged).start == pytest.approx(last_word(clean).start, abs=0.1)
    assert last_word(damaged).end == pytest.approx(last_word(clean).end, abs=0.1)
    assert clean.damaged == ()


@pytest.mark.slow
def test_check_end_to_end_on_a_damaged_video(run_cli, clips: dict[str, Path]) -> None:
    code, out, _ = run_cli("check", clips["insult"], "--no-screen-text", "--language", "en")
    assert code == 2  # the insult was in the damaged part: nothing found, and not clean either
    assert "audio damaged from 4.3 s to 5.6 s" in out
    assert "no findings" not in out
    code, out, _ = run_cli("check", clips["middle"], "--no-screen-text", "--language", "en")
    assert code == 1
    assert "stupid" in out
    assert "audio damaged from 1.4 s to 3.0 s" in out
    code, _, err = run_cli("check", clips["all"], "--no-screen-text", "--language", "en")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "could not decode the audio" in err


def test_batch_with_a_damaged_video_is_not_a_clean_run(run_cli, tmp_path: Path, clips: dict[str, Path]) -> None:
    """The real decoder and model: the damaged video is transcribed and checked in the part that could be heard,
    and the run says so and exits 2, as `check` does."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clips["middle"], folder / "talk.mp4")
    code, out, err = run_cli("--db", tmp_path / "r.db", "--create", "batch", folder, "--campaign", "Kempen",
                             "--language", "en", "--no-screen-text")
    assert code == 2, err
    assert "1 transcribed, 1 checked, 0 failed, 1 with damaged audio (speech partly not checked)" in out
    shown = run_cli("--db", tmp_path / "r.db", "show", "1")[1]
    assert "AUDIO DAMAGED from 1.4 s to 3.0 s" in shown
    assert "stupid" in shown  # heard in the part that could be decoded, and stored


def test_a_campaign_package_carries_the_damage(run_cli, tmp_path: Path, clips) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clips["middle"], folder / "talk.mp4")
    services = _damaged_services(tmp_path / "lead.db", ((1.5, 5.5),))
    video_id = run_batch(services, folder, "Kempen").video_ids[0]
    services.store.close()
    assert run_cli("--db", tmp_path / "lead.db", "bundle", "export", "--campaign", "Kempen",
                   "-o", tmp_path / "k.ttpkg")[0] == 0
    assert run_cli("--db", tmp_path / "reviewer.db", "bundle", "import", tmp_path / "k.ttpkg",
                   "--media-folder", folder)[0] == 0
    gap = json.loads(run_cli("--db", tmp_path / "reviewer.db", "show", video_id, "--format", "json")[1])
    assert gap["transcript_gap"].startswith("audio damaged from 1.5 s to 5.5 s")


def test_probe_says_what_of_the_audio_cannot_be_decoded(run_cli, clips: dict[str, Path]) -> None:
    code, out, _ = run_cli("probe", clips["middle"])
    assert code == 0
    assert "audio      aac — damaged: " in out
    assert "from 1.4 s to 3.0 s" in out
    assert "damaged" not in run_cli("probe", clips["clean"])[1]
    assert "undecodable: could not decode the audio" in run_cli("probe", clips["all"], "--format", "json")[1]


def test_the_library_marks_a_partial_transcript(qapp) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtCore import Qt

    from ui.models import VideoTableModel

    row = {"id": 1, "original_name": "talk.mp4", "creator": "", "version": 1, "status": "in_review",
           "changed_since_review": 0, "findings_critical": 0, "findings_high": 0, "findings_medium": 1,
           "findings_low": 0, "has_transcript": 1, "audio_damaged": True}
    model = VideoTableModel([row], thumbnails=lambda vid: None)
    assert "audio damaged" in model.data(model.index(0, 1))
    assert "could not be decoded" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    whole = VideoTableModel([row | {"audio_damaged": False}], thumbnails=lambda vid: None)
    assert "audio damaged" not in whole.data(whole.index(0, 1))


def test_the_review_page_says_the_audio_was_damaged(qtbot, make_window, tmp_path: Path, clips, ui_hygiene) -> None:
    pytest.importorskip("PySide6")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clips["middle"], folder / "talk.mp4")
    services = _damaged_services(tmp_path / "review.db", ((1.5, 5.5),))  # the database the window opens
    video_id = run_batch(services, folder, "Kempen").video_ids[0]
    services.store.close()
    window = make_window()
    window.library.refresh()
    assert [row["audio_damaged"] for row in window.library.model.rows] == [True]
    window.review.open_video(video_id)
    assert "audio damaged: speech partly not checked" in window.review.title.text()
