"""Read the text burned into a video's frames: sample, skip what hasn't changed, read, merge into a track.

Frames are sampled at a steady rate (2 a second by default). The change gate (text_gate.py) passes only frames
whose text can have changed; on those, lines are detected at a reduced resolution, and only lines that are new
or whose place on screen changed are recognised again (from the full-resolution frame). A new line is also
looked for one sample back, where the gate could not yet see it. Readings are merged into entries with times
and a box (text_track.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import numpy as np

from transcribe.frame_sampler import Sample, sample_frames, video_geometry
from transcribe.ocr_engine import OcrEngine, box_of
from transcribe.text_gate import MIN_STEADY_SHARE, ChangeGate
from transcribe.text_track import Reading, ScreenTextOptions, TextTrack, TrackBuilder, iou, same_line

ProgressCallback = Callable[[float, str], None]
STAGE = "reading on-screen text"
REUSE_IOU = 0.7  # a line detected where a read line was, in a cell the gate saw unchanged, keeps its text
BAND_MARGIN = 8  # pixels around a known line when its band is widened to hold all of it
FULL_FRAME_SHARE = 0.6


def _same_there(engine: OcrEngine, sample: Sample, reading: Reading, quad: np.ndarray) -> bool:
    """Whether `sample` shows the same line in the same place."""
    before = engine.recognize(sample.full, quad)
    return before is not None and same_line(before, reading)


def _crosses(box: tuple[int, int, int, int], band: tuple[int, int]) -> bool:
    return box[1] < band[1] and box[1] + box[3] > band[0]


class _Reader:
    """The de-duplicating read loop's state between samples."""

    def __init__(self, engine: OcrEngine, builder: TrackBuilder) -> None:
        self.engine, self.builder = engine, builder
        self.gate = ChangeGate()
        self.current: list[Reading] = []
        self.previous: Sample | None = None
        self.reads = 0

    def step(self, sample: Sample) -> None:
        self.gate.update(sample.small, sample.scale)
        previous, self.previous = self.previous, sample
        if previous is None:  # steadiness needs two frames: read from the second one, looking back here
            return
        if not self.gate.changed():
            self.builder.add(sample.seconds, [], carried=self.current)
            return
        self.reads += 1
        frame = sample.full
        bands = self._bands(frame.shape[0])
        carried = [r for r in self.current if not any(_crosses(r.box, band) for band in bands)]
        fresh: list[Reading] = []
        earlier: list[Reading] = []
        for band in bands:
            for quad in self.engine.detect(frame, band):
                box = box_of(quad)
                known = next((r for r in self.current if iou(r.box, box) >= REUSE_IOU), None)
                if known is not None and not self.gate.touches(box):
                    carried.append(Reading(known.text, box, known.score))
                    continue
                if self.gate.steady_share(box) < MIN_STEADY_SHARE:
                    continue  # not burned in: something in the scene that moves and looks like a letter
                reading = self.engine.recognize(frame, quad)
                if reading is None:
                    continue
                fresh.append(reading)
                if not any(same_line(reading, old) for old in self.current) and \
                        _same_there(self.engine, previous, reading, quad):
                    earlier.append(reading)  # the gate sees new text one sample late: it may have been there
        self.gate.accept()
        self.builder.add(sample.seconds, fresh, carried=carried)
        for reading in earlier:
            self.builder.extend_back(reading.text, previous.seconds)
        self.current = fresh + carried

    def _bands(self, height: int) -> list[tuple[int, int]]:
        """Where to detect again: the gate's changed bands, widened to whole known lines they cut through."""
        bands = self.gate.changed_bands(height)
        for reading in self.current:
            for index, (top, bottom) in enumerate(bands):
                if _crosses(reading.box, (top, bottom)):
                    bands[index] = (max(0, min(top, reading.box[1] - BAND_MARGIN)),
                                    min(height, max(bottom, reading.box[1] + reading.box[3] + BAND_MARGIN)))
        merged: list[tuple[int, int]] = []
        for top, bottom in sorted(bands):
            if merged and top <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
            else:
                merged.append((top, bottom))
        if sum(bottom - top for top, bottom in merged) > FULL_FRAME_SHARE * height:
            return [(0, height)]  # one pass over the frame is cheaper than several strips covering most of it
        return merged



def read_screen_text(path: str | os.PathLike[str], options: ScreenTextOptions | None = None,
                     progress: ProgressCallback | None = None, engine: OcrEngine | None = None) -> TextTrack:
    """The video's on-screen text track. Raises MediaError for files without readable video."""
    options = options or ScreenTextOptions()
    duration, width, height = video_geometry(path)
    engine = engine or OcrEngine(options.long_side, options.min_confidence)
    builder = TrackBuilder(1.0 / options.fps, duration)
    reader = _Reader(engine, builder)
    sampled = 0
    for sample in sample_frames(path, options.fps):
        sampled += 1
        if options.dedupe:
            reader.step(sample)
        else:
            reader.reads += 1
            builder.add(sample.seconds, engine.read(sample.full))
        if (sample.small.shape[1] > sample.small.shape[0]) != (width > height):  # rotated: the size as shown
            width, height = height, width
        if progress is not None and duration:
            progress(min(1.0, sample.seconds / duration), STAGE)
    return TextTrack(duration=round(duration, 3), width=width, height=height, lines=builder.finish(),
                     engine=engine.version, options=options.to_dict(), frames_sampled=sampled,
                     frames_read=reader.reads)
