"""Finding a moment in the first pass's kept encoder windows; hearing it again with the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transcribe.relisten import SAMPLE_RATE, Heard, _speech_time, heard_from


def test_speech_time_cuts_the_silence_between_vad_stamps() -> None:
    stamps = [{"start": 1 * SAMPLE_RATE, "end": 3 * SAMPLE_RATE}, {"start": 10 * SAMPLE_RATE, "end": 12 * SAMPLE_RATE}]
    assert _speech_time(stamps, 2.0) == 1.0
    assert _speech_time(stamps, 11.0) == 3.0
    assert _speech_time(stamps, 5.0) == 2.0  # in a pause: where the next speech starts
    assert _speech_time(stamps, 20.0) == 4.0


def test_a_moment_is_found_in_the_window_that_heard_it() -> None:
    first, second = np.zeros((1, 2, 2)), np.ones((1, 2, 2))
    heard = Heard(("clip",), [{"start": 0, "end": 100 * SAMPLE_RATE}], {0: first, 2800: second})
    found = heard.locate(10.0)
    assert found is not None
    assert found[0] is first
    assert found[1] == 10.0
    found = heard.locate(40.0)
    assert found is not None
    assert found[0] is second
    assert abs(found[1] - 12.0) < 1e-9
    assert heard.locate(80.0) is None  # past every kept window: the caller encodes afresh


def test_outputs_pair_with_windows_only_when_every_window_gave_a_segment() -> None:
    outputs = [np.zeros((1, 2, 2)), np.ones((1, 2, 2))]
    assert heard_from(("clip",), [], outputs, [0, 0, 2800]) is not None
    assert heard_from(("clip",), [], outputs, [0, 0]) is None  # one window yielded nothing: cannot pair for sure


@pytest.mark.slow
def test_a_moment_is_heard_again_from_the_kept_pass_or_a_fresh_one(tmp_path: Path) -> None:
    """The sequential pass keeps its encoder output; re-listening from the words before a word hears that word
    (and what follows) the same way whether it reuses that output or encodes the audio afresh."""
    from tests.mediagen import speech_clip
    from transcribe import engine
    from transcribe.types import TranscribeOptions

    clip = speech_clip(tmp_path / "insult.mp4", "Hello everyone. You are so stupid. Please think twice.", "en-us", 150)
    options = TranscribeOptions(language="en")
    transcript = engine.transcribe_file(clip, options)
    assert engine._heard is not None
    assert engine._heard.windows
    words = transcript.words()
    target = next(i for i, w in enumerate(words) if "stupid" in w.text.lower())
    moment = {"at": words[target - 2].start, "prefix": " ".join(w.text for w in words[target - 2:target]),
              "start": 0.0, "end": 1.0, "hotwords": "stupid"}
    kept = engine.decode_windows(clip, [moment], options)
    engine._heard = None
    fresh = engine.decode_windows(clip, [moment], options)
    for text in kept + fresh:
        assert text.lower().startswith("stupid")
        assert "please" in text.lower()
