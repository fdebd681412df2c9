"""Finding a moment in the first pass's kept encoder windows (no model)."""

from __future__ import annotations

import numpy as np

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
