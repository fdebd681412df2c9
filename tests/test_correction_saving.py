"""A reviewer's transcript correction is saved in the background and checked like any transcript: re-listening
settles its doubtful words, so a sound-alike it rejected does not come back, and what re-listening wrote in
keeps its trail when she only changes punctuation or capitals."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.checking.checker import Checker, CheckResult
from reviewer.review.batch import save_correction, transcribe_and_check
from reviewer.review.lookups import first_heard, show
from reviewer.review.workflow import latest_transcript, set_disposition
from tests.fakes import fake_services
from tests.helpers import import_copy
from transcribe.types import TranscribeOptions, Transcript

SCRIPT = "Ada yang panggil orang pelasong. Jangan jadi bodok di media sosial."


def relistening(checker: Checker, result: CheckResult, media: str, options: TranscribeOptions,
                transcript: Transcript | None = None) -> CheckResult:
    """What re-listening does here: 'pelasong' is confirmed as 'pelacur'; the doubtful 'bodok' is rejected."""
    kept = [f for f in result.findings if f.kind != "fuzzy"]
    if "pelasong" in result.text:
        start = result.text.index("pelasong")
        sure = next(f for f in checker.find("pelacur"))
        kept.append(replace(sure, start=start, end=start + len("pelasong"), heard="pelasong", confidence=0.9,
                            verification="confirmed", time_start=1.0, time_end=1.5))
    return replace(result, findings=tuple(sorted(kept, key=lambda f: f.start)))


@pytest.fixture
def checked(tmp_path: Path, clips: dict[str, Path]):
    services = replace(fake_services(tmp_path / "r.db", {"komen.mp4": SCRIPT}), verifier=relistening)
    video_id = import_copy(services, clips["malay"], "komen.mp4")
    transcribe_and_check(services, video_id)
    yield services, video_id
    services.store.close()


def terms(services, video_id: int) -> dict[str, dict]:
    return {f["term"]: f for f in show(services.store, video_id)["findings"]}


def test_the_first_check_wrote_the_confirmed_word_and_dropped_the_rejected_one(checked) -> None:
    services, video_id = checked
    assert set(terms(services, video_id)) == {"pelacur"}
    assert "orang pelacur." in latest_transcript(services.store.db, video_id)[1].text


def test_a_punctuation_fix_keeps_the_trail_the_decision_and_the_rejection(checked) -> None:
    services, video_id = checked
    set_disposition(services.store, terms(services, video_id)["pelacur"]["id"], "confirmed", actor="Aisyah")
    text = latest_transcript(services.store.db, video_id)[1].text
    save_correction(services, video_id, text.replace("orang pelacur.", "orang pelacur!"), "Nurul", "MIASA")
    _, transcript = latest_transcript(services.store.db, video_id)
    assert "orang pelacur!" in transcript.text
    found = terms(services, video_id)
    assert set(found) == {"pelacur"}, "the rejected 'bodok' stays out: the correction was checked with re-listening"
    assert first_heard(found["pelacur"]) == "pelasong"
    assert found["pelacur"]["disposition"] == "confirmed"
    revision = show(services.store, video_id)["transcript"]
    assert (revision["revision"], revision["author"]) == (2, "Nurul")


def test_the_app_saves_a_correction_in_the_background(qtbot, make_window, tmp_path: Path, clips) -> None:
    from tests.helpers import imported

    window = make_window(lambda: replace(fake_services(tmp_path / "review.db", {"komen.mp4": SCRIPT}),
                                         verifier=relistening))
    clip = tmp_path / "komen.mp4"
    shutil.copy(clips["malay"], clip)
    video_id = imported(qtbot, window, clip)
    page = window.review
    page.open_video(video_id)
    panel = page.transcript
    panel.toggle_edit()
    panel.text.setPlainText(panel.text.toPlainText().replace("sosial.", "sosial!"))
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        panel.save_button.click()
    assert panel.text.isReadOnly()
    assert "sosial!" in latest_transcript(window.services.store.db, video_id)[1].text
    assert [row["term"] for row in page.findings.model.rows] == ["pelacur"]
    assert "saved as a new revision and re-checked" in window.statusBar().currentMessage()


def test_the_app_saves_with_the_settings_in_force(qtbot, make_window, tmp_path: Path, clips) -> None:
    """On-screen text switched off in Settings stays off for the check after a correction, as for Re-check."""
    from tests.helpers import imported

    window = make_window(lambda: replace(fake_services(tmp_path / "review.db", {"komen.mp4": SCRIPT}),
                                         verifier=relistening))
    clip = tmp_path / "komen.mp4"
    shutil.copy(clips["malay"], clip)
    window.settings.screen_text = False
    video_id = imported(qtbot, window, clip)
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.save_correction(video_id, "komen.mp4", SCRIPT.replace("sosial.", "sosial!"))
    assert window.services.screen_reader.calls == []
    assert show(window.services.store, video_id)["check"]["screen_text"] == "off"



def test_a_correction_while_the_file_is_away_is_checked_without_re_listening(checked) -> None:
    """The video sits on a drive that is not plugged in: the correction is saved and checked, and a doubtful
    word it still holds stays "listen to confirm" (re-listening needs the sound), instead of the whole check
    failing with a message about decoding audio."""
    services, video_id = checked

    def must_not_listen(*_args, **_kwargs) -> CheckResult:
        raise AssertionError("re-listened to a file that is not there")

    Path(show(services.store, video_id)["video"]["path"]).unlink()
    text = latest_transcript(services.store.db, video_id)[1].text.replace("bodok", "bodok,")
    save_correction(replace(services, verifier=must_not_listen), video_id, text, "Nurul", "MIASA")
    detail = show(services.store, video_id)
    assert detail["transcript"]["revision"] == 2
    found = {f["term"]: f for f in detail["findings"]}
    assert found["bodoh"]["kind"] == "fuzzy"  # "listen to confirm"
    assert first_heard(found["pelacur"]) == "pelasong"  # the trail is in the words, no listening needed
