"""Pictures of a video: a thumbnail and a strip of evenly spaced keyframes, as PNG bytes (OpenCV)."""

from __future__ import annotations

import os

import cv2
import numpy as np

from transcribe.errors import MediaError


def _encode_png(frame: np.ndarray, width: int) -> bytes:
    height = max(1, round(frame.shape[0] * width / frame.shape[1]))
    resized = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".png", resized)
    if not ok:
        raise MediaError("could not encode a thumbnail image; the video frames may be corrupt")
    return data.tobytes()


def keyframes(path: str | os.PathLike[str], count: int = 6, width: int = 240) -> list[bytes]:
    """PNG bytes of `count` evenly spaced frames (skipping the very first and last), for strips and reports.

    Audio-only files have no pictures, so they get an empty list rather than an error.
    """
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return []
        total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        if total <= 0:
            return []
        images: list[bytes] = []
        for index in range(count):
            position = int(total * (index + 0.5) / count)
            capture.set(cv2.CAP_PROP_POS_FRAMES, min(position, total - 1))
            ok, frame = capture.read()
            if ok and frame is not None:
                images.append(_encode_png(frame, width))
        return images
    finally:
        capture.release()


def thumbnail(path: str | os.PathLike[str], width: int = 320) -> bytes | None:
    """One representative frame (a tenth of the way in, past any fade-in), or None for audio-only files."""
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return None
        total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
        if total > 0:
            capture.set(cv2.CAP_PROP_POS_FRAMES, total // 10)
        ok, frame = capture.read()
        return _encode_png(frame, width) if ok and frame is not None else None
    finally:
        capture.release()


def frames_at(path: str | os.PathLike[str], seconds: list[float], width: int = 320) -> list[bytes | None]:
    """PNG bytes of the frame shown at each of `seconds` (one open of the file for all of them).

    None where there is no picture (audio-only files, or a time past the end).
    """
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return [None] * len(seconds)
        images: list[bytes | None] = []
        for moment in seconds:
            capture.set(cv2.CAP_PROP_POS_MSEC, max(0.0, moment) * 1000.0)
            ok, frame = capture.read()
            images.append(_encode_png(frame, width) if ok and frame is not None else None)
        return images
    finally:
        capture.release()
