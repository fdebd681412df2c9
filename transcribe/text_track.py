"""The on-screen text track: lines read from the frames, merged over time into entries with times and a box.

Plain data with dicts in and out (like types.py), so a track crosses the OCR child process, lands in JSON and
in the database unchanged. `TrackBuilder` turns per-frame readings into entries: the same line on consecutive
samples is one entry, so a caption that stays up for 10 s is one line of the track, not 20.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz

Box = tuple[int, int, int, int]  # x, y, width, height in the video's own pixels

# Two readings of one caption often differ by a letter ("dahulu" / "dahuIu"); above this similarity (0-100)
# and with overlapping boxes they are the same line, and the better-read text wins.
SAME_LINE_SIMILARITY = 80.0
SAME_PLACE_IOU = 0.3


@dataclass(frozen=True)
class ScreenTextOptions:
    """How frames are sampled and read. The defaults are the speed/accuracy trade measured in ocr_bench.py."""

    fps: float = 2.0
    long_side: int = 960  # detection runs with the frame's long side scaled down to this (0 = native size)
    min_confidence: float = 0.5  # lines read with less confidence than this are dropped as noise
    dedupe: bool = True  # False reads every sampled frame in full (the benchmark's baseline)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScreenTextOptions:
        return cls(**data)


@dataclass(frozen=True)
class ScreenLine:
    """One line of text that stayed on screen from `start` to `end` (seconds).

    `at` is a moment at which it was actually seen (start and end are half a sampling step wide of the samples,
    to centre the error): seek there to see the text. `confidence` is the mean recognition score (0-1).
    """

    text: str
    start: float
    end: float
    box: Box
    confidence: float
    at: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScreenLine:
        return cls(text=str(data["text"]), start=float(data["start"]), end=float(data["end"]),
                   box=tuple(int(v) for v in data["box"]), confidence=float(data["confidence"]),  # type: ignore[arg-type]
                   at=float(data.get("at", data["start"])))


@dataclass(frozen=True)
class TextTrack:
    duration: float
    width: int
    height: int
    lines: tuple[ScreenLine, ...]
    engine: str = "rapidocr"
    options: dict[str, Any] = field(default_factory=dict)
    frames_sampled: int = 0
    frames_read: int = 0  # how many sampled frames went through full detection (the rest were unchanged)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextTrack:
        return cls(duration=float(data["duration"]), width=int(data.get("width", 0)), height=int(data.get("height", 0)),
                   lines=tuple(ScreenLine.from_dict(line) for line in data.get("lines") or ()),
                   engine=str(data.get("engine", "rapidocr")), options=dict(data.get("options") or {}),
                   frames_sampled=int(data.get("frames_sampled", 0)), frames_read=int(data.get("frames_read", 0)))


@dataclass(frozen=True)
class Reading:
    """One line as read on one frame."""

    text: str
    box: Box
    score: float


def normalise_line(text: str) -> str:
    """Case and spacing folded: what 'the same line' means across frames (and in the benchmark's recall)."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def iou(a: Box, b: Box) -> float:
    ax2, ay2, bx2, by2 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    width = min(ax2, bx2) - max(a[0], b[0])
    height = min(ay2, by2) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    return inter / float(a[2] * a[3] + b[2] * b[3] - inter)


def same_line(a: Reading, b: Reading) -> bool:
    if iou(a.box, b.box) < SAME_PLACE_IOU:
        return False
    left, right = normalise_line(a.text), normalise_line(b.text)
    return left == right or fuzz.ratio(left, right) >= SAME_LINE_SIMILARITY


@dataclass
class _Open:
    best: Reading
    first: float
    last: float
    scores: list[float]


class TrackBuilder:
    """Feed it each sampled frame's readings in time order; `finish()` returns the merged entries."""

    def __init__(self, step: float, duration: float) -> None:
        self.step = step
        self.duration = duration
        self._open: list[_Open] = []
        self._done: list[ScreenLine] = []

    def add(self, time: float, readings: list[Reading], carried: list[Reading] | None = None) -> None:
        """Lines seen at `time`: `readings` were read on this frame, `carried` are known lines not read again
        (they extend their entries but add no score)."""
        still_open: list[_Open] = []
        unmatched = list(self._open)
        for reading, fresh in [*((r, True) for r in readings), *((r, False) for r in carried or ())]:
            match = next((entry for entry in unmatched if same_line(entry.best, reading)), None)
            if match is None:
                still_open.append(_Open(reading, time, time, [reading.score] if fresh else []))
                continue
            unmatched.remove(match)
            match.last = time
            if fresh:
                match.scores.append(reading.score)
                if reading.score > match.best.score:
                    match.best = Reading(reading.text, match.best.box, reading.score)
            still_open.append(match)
        for entry in unmatched:
            self._close(entry)
        self._open = still_open

    def extend_back(self, text: str, time: float) -> None:
        """The line that just appeared was already there at `time` (checked by the caller)."""
        for entry in self._open:
            if normalise_line(entry.best.text) == normalise_line(text):
                entry.first = min(entry.first, time)

    def _close(self, entry: _Open) -> None:
        half = self.step / 2
        score = sum(entry.scores) / len(entry.scores) if entry.scores else entry.best.score
        self._done.append(ScreenLine(
            text=entry.best.text.strip(), start=round(max(0.0, entry.first - half), 3),
            end=round(min(self.duration, entry.last + half), 3) if self.duration else round(entry.last + half, 3),
            box=entry.best.box, confidence=round(score, 4), at=round(entry.first, 3)))

    def finish(self) -> tuple[ScreenLine, ...]:
        for entry in self._open:
            self._close(entry)
        self._open = []
        return tuple(sorted(self._done, key=lambda line: (line.start, line.box[1], line.box[0])))
