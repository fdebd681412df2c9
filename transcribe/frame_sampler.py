"""Frames of a video at a steady rate, decoded once: a small copy for the change gate, the full one on demand.

Only about one sample in five is ever read by OCR, so the full-resolution BGR copy is made only when asked for;
the gate's small copy comes straight from FFmpeg's scaler (2 ms, where full conversion plus OpenCV's resize
cost 7 ms a frame).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

import av
import numpy as np

from transcribe.errors import MediaError
from transcribe.media import check_readable

NO_VIDEO_MESSAGE = "has no video track, so there is no on-screen text to read"
GATE_LONG_SIDE = 480


def _turns(frame: av.VideoFrame) -> int:
    """Quarter turns that make a frame upright (phones store portrait video sideways with a rotation flag)."""
    return round((getattr(frame, "rotation", 0) or 0) / 90) % 4


def _rotate(image: np.ndarray, turns: int) -> np.ndarray:
    return np.ascontiguousarray(np.rot90(image, turns)) if turns else image


class Sample:
    """One sampled frame as a player shows it: `small` for the gate, `full` (BGR, made when first used)."""

    def __init__(self, seconds: float, frame: av.VideoFrame, long_side: int = GATE_LONG_SIDE) -> None:
        self.seconds = seconds
        self._frame = frame
        self.scale = min(1.0, long_side / max(frame.width, frame.height))
        width, height = max(1, round(frame.width * self.scale)), max(1, round(frame.height * self.scale))
        small = frame.reformat(width, height, format="bgr24", interpolation="AREA").to_ndarray() \
            if self.scale < 1.0 else frame.to_ndarray(format="bgr24")
        self.small = _rotate(small, _turns(frame))

    @cached_property
    def full(self) -> np.ndarray:
        return _rotate(self._frame.to_ndarray(format="bgr24"), _turns(self._frame))


def _unreadable(name: str) -> MediaError:
    return MediaError(f"{os.path.basename(name)} is not a readable video; export it again as MP4")


@dataclass(frozen=True)
class Timing:
    base: Fraction  # seconds per pts tick
    origin: float  # the stream's start time, seconds
    slack: float  # half a frame, seconds

    def seconds(self, pts: int) -> float:
        return float(pts * self.base) - self.origin


@contextmanager
def _video_stream(name: str) -> Iterator[tuple[av.container.InputContainer, av.video.stream.VideoStream, Timing]]:
    """The file's first video stream with its clock, closed afterwards; MediaError for a file without one, or one
    that cannot be read or decoded."""
    try:
        container = av.open(name, metadata_errors="ignore")
    except av.error.FFmpegError:
        raise _unreadable(name) from None
    try:
        if not container.streams.video:
            raise MediaError(f"{os.path.basename(name)} {NO_VIDEO_MESSAGE}")
        stream = container.streams.video[0]
        base = stream.time_base or Fraction(1, 90_000)
        origin = float(stream.start_time * base) if stream.start_time is not None and base else 0.0
        yield container, stream, Timing(base, origin, 0.5 / float(stream.average_rate or 30))  # slack: half a frame
    except av.error.FFmpegError as exc:
        raise MediaError(f"{os.path.basename(name)} could not be decoded ({exc.strerror}); "
                         "export it again as MP4 (H.264)") from None
    finally:
        container.close()


def sample_frames(path: str | os.PathLike[str], fps: float) -> Iterator[Sample]:
    """Samples at `fps` a second: the first decoded frame at or after each sample time."""
    with _video_stream(os.fspath(path)) as (container, stream, timing):
        stream.thread_type = "AUTO"
        step, due = 1.0 / fps, 0.0
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            seconds = max(0.0, timing.seconds(frame.pts))
            if seconds + timing.slack < due:
                continue
            yield Sample(seconds, frame)
            while due <= seconds + timing.slack:
                due += step


def video_geometry(path: str | os.PathLike[str]) -> tuple[float, int, int]:
    """(duration in seconds, width, height) as stored, or MediaError."""
    check_readable(path)
    name = os.fspath(path)
    try:
        with av.open(name, metadata_errors="ignore") as container:
            if not container.streams.video:
                raise MediaError(f"{os.path.basename(name)} {NO_VIDEO_MESSAGE}")
            stream = container.streams.video[0]
            duration = float(container.duration / av.time_base) if container.duration else 0.0
            if not duration and stream.duration and stream.time_base:
                duration = float(stream.duration * stream.time_base)
            return duration, int(stream.codec_context.width), int(stream.codec_context.height)
    except av.error.FFmpegError:
        raise _unreadable(name) from None


def frames_at_times(path: str | os.PathLike[str], times: list[float]) -> list[np.ndarray | None]:
    """The full-resolution upright BGR frame shown at each of `times` (seconds), None past the end.

    Seeks to the keyframe before each time and decodes forward, so a few moments of a long video cost a few
    GOPs, not the whole file. Raises MediaError for a file without readable video.
    """
    found: list[np.ndarray | None] = []
    with _video_stream(os.fspath(path)) as (container, stream, timing):
        for moment in times:
            found.append(None)
            container.seek(int((max(0.0, moment) + timing.origin) / timing.base), stream=stream, backward=True)
            for frame in container.decode(stream):
                if frame.pts is not None and timing.seconds(frame.pts) + timing.slack >= moment:
                    found[-1] = _rotate(frame.to_ndarray(format="bgr24"), _turns(frame))
                    break
    return found
