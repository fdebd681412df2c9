"""The text track's merging and the change gate, on plain data and drawn frames (no OCR, fast)."""

from __future__ import annotations

import cv2
import numpy as np

from tests.screengen import Overlay, frames
from transcribe.text_gate import ChangeGate
from transcribe.text_track import Reading, ScreenLine, TextTrack, TrackBuilder

BOX = (10, 100, 200, 30)


def test_a_line_on_consecutive_samples_is_one_entry_with_mean_confidence() -> None:
    builder = TrackBuilder(step=0.5, duration=20.0)
    for index in range(20):
        builder.add(1.0 + index * 0.5, [Reading("Sila baca", BOX, 0.9 if index % 2 else 0.8)])
    builder.add(11.0, [])
    (line,) = builder.finish()
    assert (line.text, line.start, line.end, line.at) == ("Sila baca", 0.75, 10.75, 1.0)
    assert abs(line.confidence - 0.85) < 1e-6


def test_a_misread_letter_does_not_split_the_entry_and_the_better_reading_wins() -> None:
    builder = TrackBuilder(step=0.5, duration=5.0)
    builder.add(0.5, [Reading("fikir dahuIu", BOX, 0.7)])
    builder.add(1.0, [Reading("fikir dahulu", (11, 101, 199, 30), 0.95)])
    builder.add(1.5, [], carried=[Reading("fikir dahulu", BOX, 0.95)])
    (line,) = builder.finish()
    assert line.text == "fikir dahulu"
    assert line.end == 1.75
    assert abs(line.confidence - 0.825) < 1e-6  # carried samples add no score


def test_the_same_words_elsewhere_or_later_are_separate_entries() -> None:
    builder = TrackBuilder(step=0.5, duration=10.0)
    builder.add(0.5, [Reading("jom", BOX, 0.9), Reading("jom", (10, 500, 200, 30), 0.9)])
    builder.add(1.0, [])
    builder.add(3.0, [Reading("jom", BOX, 0.9)])
    lines = builder.finish()
    assert [(line.start, line.box[1]) for line in lines] == [(0.25, 100), (0.25, 500), (2.75, 100)]


def test_extend_back_moves_the_start_to_the_earlier_sample() -> None:
    builder = TrackBuilder(step=0.5, duration=10.0)
    builder.add(2.0, [Reading("baru", BOX, 0.9)])
    builder.extend_back("baru", 1.5)
    (line,) = builder.finish()
    assert (line.start, line.at) == (1.25, 1.5)


def test_track_round_trips_through_a_dict() -> None:
    track = TextTrack(12.0, 720, 1280, (ScreenLine("a b", 1.0, 2.0, (1, 2, 3, 4), 0.9, 1.25),), frames_sampled=24,
                      frames_read=3)
    assert TextTrack.from_dict(track.to_dict()) == track
    assert track.text == "a b"


def _drawn(overlays: list[Overlay], seconds: float, background: str) -> list[np.ndarray]:
    """BGR frames at 2 a second, scaled as frame_sampler scales them for the gate (480 px long side)."""
    return [cv2.resize(image[:, :, ::-1], (270, 480), interpolation=cv2.INTER_AREA)
            for image in frames(overlays, seconds, (360, 640), 2, background)]


def _feed(gate: ChangeGate, image: np.ndarray) -> None:
    gate.update(image, 0.75)


def test_gate_ignores_a_moving_background_and_sees_text_come_and_go() -> None:
    video = _drawn([Overlay("Jangan buli", 2.0, 4.0, y=0.3, size=30)], 6.0, "moving")
    gate = ChangeGate()
    fired = []
    for index, frame in enumerate(video):
        _feed(gate, frame)
        if index == 0 or gate.changed():
            fired.append(index / 2)
            gate.accept()
    assert 2.5 in fired  # the text is steady from its second sample
    assert 4.0 in fired  # and its going is seen at once
    assert len(fired) <= 5  # the first frame, the text's arrival and its going, and at most two scene changes


def test_gate_locates_the_change_in_a_band() -> None:
    video = _drawn([Overlay("Baris atas", 0.0, 9.0, y=0.1, size=30), Overlay("Baris bawah", 1.0, 9.0, y=0.8, size=30)],
                   2.0, "static")
    gate = ChangeGate()
    _feed(gate, video[0])
    _feed(gate, video[1])
    gate.accept()
    _feed(gate, video[2])
    assert not gate.changed()  # the lower line has just appeared: not steady yet
    _feed(gate, video[3])
    assert gate.changed()
    (band,) = gate.changed_bands(640)
    assert band[0] < 0.8 * 640 < band[1]
    assert band[1] - band[0] < 200
    assert gate.touches((40, 520, 280, 40))
    assert not gate.touches((40, 64, 280, 40))
