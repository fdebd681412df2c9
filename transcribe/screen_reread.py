"""A second look at doubtful on-screen text: read a few boxes again, on a few frames, at the video's full size.

The first pass detects on frames scaled down for speed, reads each line once per change and averages what it
read. A line it was unsure of is worth a closer look: its box, padded so a letter the first box clipped is back
in, is read again at native resolution (no downscale) on two or three frames spread over the time it was up.
What the text says is decided by the caller (reviewer.checking.screen_look); this only reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from transcribe.frame_sampler import frames_at_times
from transcribe.ocr_engine import OcrEngine, box_of
from transcribe.text_track import Box, Reading

STAGE = "reading doubtful on-screen text again"
PAD_SHARE = 0.35  # of the box's height, added on every side of a box of several lines before detecting in it
LINE_PAD_ACROSS, LINE_PAD_DOWN = 0.5, 0.2  # the same for one line, read whole: a clipped letter is back in
MIN_PAD = 8  # pixels


@dataclass(frozen=True)
class Region:
    """A box to read again (frame pixels, as the track gives it), the moments (seconds) to read it at, and how
    many lines of text the first pass saw in it."""

    box: Box
    times: tuple[float, ...]
    lines: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"box": list(self.box), "times": list(self.times), "lines": self.lines}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Region:
        x, y, w, h = (int(v) for v in data["box"])
        return cls((x, y, w, h), tuple(float(t) for t in data["times"]), int(data.get("lines", 1)))


# Per region, per moment: the lines read in the padded box, or None when that frame could not be had.
Rereads = list[list[list[Reading] | None]]


def _padded(frame: np.ndarray, box: Box, across: float, down: float) -> tuple[int, int, int, int]:
    height, width = frame.shape[:2]
    x, y, w, h = box
    pad_x, pad_y = max(MIN_PAD, round(h * across)), max(MIN_PAD // 2, round(h * down))
    return max(0, x - pad_x), max(0, y - pad_y), min(width, x + w + pad_x), min(height, y + h + pad_y)


def read_box(engine: OcrEngine, frame: np.ndarray, box: Box, lines: int = 1) -> list[Reading]:
    """The text in `box` padded a little, read from the full-resolution frame; boxes in frame pixels.

    One line is read whole, as one crop: measured on busy backgrounds, detection inside a small crop often
    splits or clips the line ("n jadi budak") where reading the crop whole gets it all. Several lines are
    detected first, then each is read.
    """
    if lines == 1:
        x0, y0, x1, y1 = _padded(frame, box, LINE_PAD_ACROSS, LINE_PAD_DOWN)
        if x1 - x0 >= 4 and y1 - y0 >= 4:
            whole = engine.recognize(frame, np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32))
            if whole is not None:
                return [whole]
    x0, y0, x1, y1 = _padded(frame, box, PAD_SHARE, PAD_SHARE)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return []
    crop = np.ascontiguousarray(frame[y0:y1, x0:x1])
    offset = np.array((x0, y0), dtype=np.float32)
    readings = []
    for quad in engine.detect(crop):
        reading = engine.recognize(crop, quad)
        if reading is not None:
            readings.append(Reading(reading.text, box_of(quad + offset), reading.score))
    return readings


def reread_regions(path: str | os.PathLike[str], regions: list[Region],
                   progress: Callable[[float, str], None] | None = None, engine: OcrEngine | None = None) -> Rereads:
    """What each region holds at each of its moments. Raises MediaError for a file without readable video."""
    engine = engine or OcrEngine(long_side=0)  # 0: detection at the frame's own size
    rereads: Rereads = []
    for index, region in enumerate(regions):
        frames = frames_at_times(path, list(region.times))
        rereads.append([None if frame is None else read_box(engine, frame, region.box, region.lines)
                        for frame in frames])
        if progress is not None:
            progress((index + 1) / len(regions), STAGE)
    return rereads


def rereads_to_json(rereads: Rereads) -> list:
    return [[None if reads is None else [{"text": r.text, "box": list(r.box), "score": r.score} for r in reads]
             for reads in region] for region in rereads]


def rereads_from_json(data: list) -> Rereads:
    return [[None if reads is None else [Reading(str(r["text"]), tuple(int(v) for v in r["box"]),  # type: ignore[arg-type]
                                                 float(r["score"])) for r in reads]
             for reads in region] for region in data]
