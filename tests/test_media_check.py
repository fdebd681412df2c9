"""Checking a real video: findings carry times; doubtful (fuzzy) findings are settled by a targeted re-decode."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from reviewer.checking.checker import Checker
from reviewer.checking.terms import load_bundled_lists
from reviewer.review.media_check import check_media, verify_fuzzy
from tests.mediagen import silence, speak, write_mp4
from transcribe.types import Segment, TranscribeOptions, Transcript, Word

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def insult_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    speech = speak("Hello everyone. You are so stupid. Please think twice before you post.", "en-us")
    return write_mp4(tmp_path_factory.mktemp("check") / "insult.mp4",
                     np.concatenate([silence(0.5), speech, silence(0.5)]), label="check")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_bundled_lists())


def test_media_findings_carry_times(checker: Checker, insult_clip: Path) -> None:
    transcript, result = check_media(checker, insult_clip, TranscribeOptions(language="en"))
    stupid = [f for f in result.findings if f.term == "stupid"]
    assert len(stupid) == 1
    finding = stupid[0]
    assert result.text[finding.start:finding.end] == finding.matched
    word = next(w for w in transcript.words() if "stupid" in w.text.lower())
    assert finding.time_start == pytest.approx(word.start)
    assert finding.time_end == pytest.approx(word.end)
    assert 0 < finding.time_start < finding.time_end <= transcript.duration


def _with_word_replaced(transcript: Transcript, old: str, new: str) -> Transcript:
    segments = []
    for segment in transcript.segments:
        words = tuple(replace(w, text=new, probability=0.3) if old in w.text.lower() else w for w in segment.words)
        segments.append(Segment(segment.id, segment.start, segment.end, " ".join(w.text for w in words), words))
    return replace(transcript, segments=tuple(segments))


def test_targeted_redecode_confirms_a_real_mishearing_and_rejects_a_false_one(checker: Checker,
                                                                               insult_clip: Path) -> None:
    transcript, _ = check_media(checker, insult_clip, TranscribeOptions(language="en"))
    misheard = _with_word_replaced(_with_word_replaced(transcript, "stupid", "stupit"), "twice", "stupit")
    result = checker.check_transcript(misheard, str(insult_clip))
    assert [f.kind for f in result.findings] == ["fuzzy", "fuzzy"]
    settled = verify_fuzzy(checker, result, insult_clip, TranscribeOptions(language="en"))
    assert len(settled.findings) == 1  # the window where "twice" was said does not contain the term
    (confirmed,) = settled.findings
    assert confirmed.kind != "fuzzy"
    assert confirmed.verification == "confirmed"
    assert confirmed.time_start == pytest.approx(result.findings[0].time_start)


def test_cli_check_on_media(run_cli, insult_clip: Path) -> None:
    code, out, _ = run_cli("check", insult_clip, "--language", "en", "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert payload["language"] == "en"
    assert any(f["term"] == "stupid" and f["time_start"] > 0 for f in payload["findings"])


def test_transcript_text_maps_words_to_times(checker: Checker) -> None:
    transcript = Transcript("ms", 1.0, 10.0, (
        Segment(1, 0.0, 2.0, "Hai semua", (Word("Hai", 0.0, 0.5, 0.9), Word("semua", 0.6, 1.0, 0.9))),
        Segment(2, 3.0, 5.0, "jangan bunuh diri", (Word("jangan", 3.0, 3.4, 0.9), Word("bunuh", 3.5, 3.9, 0.9),
                                                   Word("diri", 4.0, 4.5, 0.9))),
    ))
    (finding,) = checker.check_transcript(transcript).findings
    assert (finding.term, finding.time_start, finding.time_end) == ("bunuh diri", 3.5, 4.5)


def test_cli_batch_with_the_real_model_resumes(run_cli, tmp_path: Path, insult_clip: Path,
                                               clips: dict[str, Path]) -> None:
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(insult_clip, folder / "insult.mp4")
    (folder / "notes.mp4").write_text("a text file, not a video\n", encoding="utf-8")
    db = tmp_path / "r.db"
    code, out, err = run_cli("--db", db, "batch", folder, "--campaign", "Kempen", "--language", "en")
    assert code == 2  # the broken file failed...
    assert "1 imported, 0 already known, 1 transcribed, 1 checked, 1 failed" in out
    assert "not a readable video or audio file" in err
    code, out, _ = run_cli("--db", db, "show", "1", "--format", "json")
    detail = json.loads(out)
    assert detail["status"] == "in_review"
    assert detail["transcript"]["model"] == "whisper-base"
    assert any(f["term"] == "stupid" and f["time_start"] > 0 for f in detail["findings"])
    code, out, _ = run_cli("--db", db, "batch", folder, "--campaign", "Kempen", "--language", "en")
    assert "0 imported, 1 already known, 0 transcribed, 0 checked, 1 failed" in out
