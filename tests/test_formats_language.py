"""Subtitle formats and the candidate-restricted language choice (pure functions, no model)."""

from __future__ import annotations

import json
import re

import pytest

from transcribe.formats import MAX_LINE_CHARS, cues, render, timestamp, to_srt, to_txt, to_vtt
from transcribe.language import choose_by_likelihood, choose_language
from transcribe.types import Segment, Transcript, Word


def make_transcript(long: bool = False) -> Transcript:
    text = ("Sila fikir dahulu sebelum anda menulis apa-apa di media sosial kerana kata-kata boleh menyakitkan "
            "hati orang lain dan kekal lama di internet") if long else "Hello everyone."
    tokens = text.split()
    words = tuple(Word(t, 1.0 + i * 0.5, 1.0 + i * 0.5 + 0.4, 0.9) for i, t in enumerate(tokens))
    seg = Segment(1, 1.0, words[-1].end, text, words)
    return Transcript("ms", 0.9, 60.0, (seg, Segment(2, 3725.5, 3727.25, "Terima kasih.")))


def test_timestamps_follow_each_format() -> None:
    assert timestamp(3725.5) == "01:02:05,500"
    assert timestamp(3725.5, ".") == "01:02:05.500"
    assert timestamp(0.0004) == "00:00:00,000"


def test_srt_cues_are_numbered_and_lines_are_short() -> None:
    srt = to_srt(make_transcript(long=True))
    blocks = srt.strip().split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [str(i) for i in range(1, len(blocks) + 1)]
    for block in blocks:
        lines = block.splitlines()
        assert re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", lines[1])
        assert 1 <= len(lines[2:]) <= 2
        assert all(len(line) <= MAX_LINE_CHARS for line in lines[2:])
    assert len(blocks) > 2  # the long segment was split at word boundaries


def test_split_cues_keep_every_word_in_order_and_time() -> None:
    transcript = make_transcript(long=True)
    produced = cues(transcript)
    assert " ".join(c.text for c in produced) == " ".join(s.text for s in transcript.segments)
    assert all(a.end <= b.start for a, b in zip(produced, produced[1:], strict=False))
    assert all(c.end - c.start <= 7.0 for c in produced)


def test_vtt_has_header_and_dot_millis() -> None:
    vtt = to_vtt(make_transcript())
    assert vtt.startswith("WEBVTT\n\n00:00:01.000 --> ")
    assert "01:02:05.500 --> 01:02:07.250\nTerima kasih." in vtt


def test_txt_and_json() -> None:
    transcript = make_transcript()
    assert to_txt(transcript) == "Hello everyone.\nTerima kasih.\n"
    assert Transcript.from_dict(json.loads(render(transcript, "json"))) == transcript
    with pytest.raises(ValueError, match="unknown transcript format"):
        render(transcript, "docx")


def test_language_choice_ignores_languages_outside_the_candidates() -> None:
    measured = [("th", 0.41), ("km", 0.18), ("en", 0.044), ("ms", 0.024)]  # a synthetic Malay clip
    choice = choose_language(measured, ("ms", "en"))
    assert choice.language in {"ms", "en"}
    assert choice.unrestricted_top == "th"
    assert not choice.confident  # the candidates hold under half of the belief


def test_language_choice_confident_when_candidates_dominate() -> None:
    choice = choose_language([("ms", 0.7), ("id", 0.2), ("en", 0.05)], ("ms", "en"))
    assert (choice.language, choice.confident) == ("ms", True)
    assert choice.probability == pytest.approx(0.7 / 0.75, abs=1e-3)


def test_likelihood_second_opinion() -> None:
    unsure = choose_language([("th", 0.8), ("en", 0.1), ("ms", 0.1)], ("ms", "en"))
    assert choose_by_likelihood(unsure, {"ms": -1.1, "en": -3.4}, ("ms", "en")).language == "ms"
    assert choose_by_likelihood(unsure, {"ms": -2.0, "en": -0.2}, ("ms", "en")).language == "en"
    tie = choose_by_likelihood(unsure, {"ms": -1.007, "en": -1.005}, ("ms", "en"))
    assert tie.language == "ms"
    assert tie.method == "likelihood"
