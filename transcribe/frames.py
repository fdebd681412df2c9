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


def frame_at(path: str | os.PathLike[str], seconds: float) -> np.ndarray | None:
    """The BGR frame shown at `seconds` (OpenCV applies the file's rotation flag), or None past the end."""
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return None
        capture.set(cv2.CAP_PROP_POS_MSEC, max(0.0, seconds) * 1000)
        ok, frame = capture.read()
        return frame if ok and frame is not None else None
    finally:
        capture.release()


def frame_png(path: str | os.PathLike[str], seconds: float) -> bytes | None:
    """The frame at `seconds` as PNG bytes at full size (the app draws on-screen text boxes over it)."""
    frame = frame_at(path, seconds)
    return _encode_png(frame, frame.shape[1]) if frame is not None else None


def boxed_crop(path: str | os.PathLike[str], seconds: float, box: tuple[int, int, int, int],
               width: int = 240, colour: tuple[int, int, int] = (40, 40, 230)) -> bytes | None:
    """A thumbnail of the frame around `box` (x, y, w, h) with the box outlined: where on-screen text was seen.

    The crop keeps some of the picture around the box (half its height, at least 10% of the frame), so the
    reader sees the text in its place, not only the text.
    """
    frame = frame_at(path, seconds)
    if frame is None:
        return None
    height, frame_width = frame.shape[:2]
    x, y, w, h = box
    margin = max(h // 2, min(height, frame_width) // 10)
    x0, y0 = max(0, x - margin), max(0, y - margin)
    x1, y1 = min(frame_width, x + w + margin), min(height, y + h + margin)
    thickness = max(2, round(min(height, frame_width) / 240))
    cv2.rectangle(frame, (x, y), (x + w, y + h), colour, thickness)
    crop = frame[y0:y1, x0:x1]
    return _encode_png(crop, min(width, crop.shape[1])) if crop.size else None


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
