"""The transcript view shades the words the recogniser was unsure of, and says when there was no speech."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from transcribe.types import NO_SPEECH, Segment, Transcript, Word  # noqa: E402
from ui.transcript_view import TranscriptText  # noqa: E402


def heard(*words: tuple[str, float]) -> Transcript:
    timed = tuple(Word(text, i * 0.5, i * 0.5 + 0.4, p) for i, (text, p) in enumerate(words))
    return Transcript("ms", 1.0, 5.0, (Segment(1, 0.0, 4.0, " ".join(w for w, _ in words), timed),))


def test_unsure_words_are_shaded_darker_the_less_sure(qtbot) -> None:
    view = TranscriptText()
    qtbot.addWidget(view)
    view.show_transcript(heard(("Ada", 0.95), ("yang", 0.9), ("panggil", 0.45), ("orang", 0.9), ("pelasong", 0.1)),
                         [])
    assert view.doubtful_words() == ["panggil", "pelasong"]
    alphas = [s.format.background().color().alpha() for s in view.extraSelections()]
    assert alphas[1] > alphas[0]
    assert "listen to check" in view.extraSelections()[1].format.toolTip()
    view.follow(0.1)  # the playback highlight is added on top, the shading stays
    assert len(view.extraSelections()) == 3


def test_no_speech_says_so_instead_of_an_empty_box(qtbot) -> None:
    view = TranscriptText()
    qtbot.addWidget(view)
    view.show_transcript(Transcript("ms", 0.0, 12.0, (), note=NO_SPEECH), [])
    assert view.toPlainText() == ""
    assert view.placeholderText().startswith("No speech found")
    view.show_transcript(heard(("Hai", 0.9)), [])
    assert view.placeholderText() == ""


def test_words_heard_again_are_underlined_and_say_what_was_heard_first(qtbot) -> None:
    from dataclasses import replace

    view = TranscriptText()
    qtbot.addWidget(view)
    transcript = heard(("Ada", 0.95), ("yang", 0.9), ("panggil", 0.9), ("orang", 0.9), ("pelacur", 0.3))
    words = list(transcript.segments[0].words)
    words[4] = replace(words[4], heard="pelasong")
    view.show_transcript(replace(transcript, segments=(replace(transcript.segments[0], words=tuple(words)),)), [])
    assert view.words_heard_again() == ["pelacur"]
    assert view.doubtful_words() == ["pelacur"]  # still unsure as first heard: both say so
    offset = view.toPlainText().index("pelacur") + 2
    tip = view.tooltip_at(offset)
    assert "first pass heard 'pelasong'" in tip
    assert "listen to check" in tip
    assert view.tooltip_at(0) == ""
