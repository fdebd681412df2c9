"""Make videos with text burned into the frames, for the on-screen text tests and benchmark.

Overlays are drawn with Pillow and the bundled Noto fonts (Latin, so Malay and English), in chosen sizes and
colours, with or without an outline or a caption box, over a static, moving (panning texture with a sharp
shape crossing it) or noisy background; speech from mediagen can go underneath. Every overlay's times are
known, so tests can compare the text track with the truth.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import av
import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.mediagen import _encode_audio

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
BACKGROUNDS = ("static", "moving", "noisy")


@dataclass(frozen=True)
class Overlay:
    """One line of burned-in text shown from `start` to `end` seconds; `y` is its top, as a share of the height."""

    text: str
    start: float
    end: float
    y: float = 0.4
    size: int = 40
    color: tuple[int, int, int] = (255, 255, 255)
    outline: tuple[int, int, int] | None = (0, 0, 0)
    box: tuple[int, int, int] | None = None  # a caption box behind the text, like TikTok's "text background"
    x: float | None = None  # left edge as a share of the width; None centres the line
    bold: bool = True
    opacity: float = 1.0  # below 1 the text is faint, like a watermark: the OCR reads it with less confidence


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")), size)


def _render(overlay: Overlay) -> np.ndarray:
    """The overlay as a tight RGBA image (premultiplied later by the compositor)."""
    font = _font(overlay.size, overlay.bold)
    stroke = max(2, overlay.size // 14) if overlay.outline else 0
    left, top, right, bottom = font.getbbox(overlay.text, stroke_width=stroke)
    pad = overlay.size // 3 if overlay.box else 2
    image = Image.new("RGBA", (right - left + 2 * pad, bottom - top + 2 * pad), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if overlay.box:
        draw.rounded_rectangle((0, 0, image.width - 1, image.height - 1), radius=pad, fill=(*overlay.box, 230))
    draw.text((pad - left, pad - top), overlay.text, font=font, fill=(*overlay.color, 255), stroke_width=stroke,
              stroke_fill=(*overlay.outline, 255) if overlay.outline else None)
    return np.asarray(image)


class _Background:
    """Frames of one background kind, cheap enough to make 1,800 of them at 720x1280."""

    def __init__(self, kind: str, size: tuple[int, int], fps: int, seed: int) -> None:
        if kind not in BACKGROUNDS:
            raise ValueError(f"background must be one of {BACKGROUNDS}")
        self.kind, self.fps = kind, fps
        self.width, self.height = size
        rng = np.random.default_rng(seed)
        margin = 400
        coarse = rng.integers(30, 226, ((self.height + margin) // 70 + 2, (self.width + margin) // 70 + 2, 3))
        texture = cv2.resize(coarse.astype(np.uint8), (self.width + margin, self.height + margin),
                             interpolation=cv2.INTER_CUBIC)
        fine = rng.integers(-12, 13, texture.shape, dtype=np.int16)  # film grain that pans with the scene
        self.texture = np.clip(texture.astype(np.int16) + fine, 0, 255).astype(np.uint8)
        self.grain = [rng.integers(-45, 46, (self.height, self.width, 3), dtype=np.int16) for _ in range(6)]
        self.base = np.full((self.height, self.width, 3), (70, 110, 150), dtype=np.uint8)
        cv2.rectangle(self.base, (self.width // 5, self.height // 6), (self.width // 2, self.height // 3),
                      (200, 180, 60), -1)

    def frame(self, index: int) -> np.ndarray:
        if self.kind == "static":
            return self.base.copy()
        if self.kind == "noisy":
            return np.clip(self.base.astype(np.int16) + self.grain[index % len(self.grain)], 0, 255).astype(np.uint8)
        seconds = index / self.fps
        dx, dy = int(40 * seconds) % 400, int(25 * seconds) % 400  # a panning camera
        image = self.texture[dy:dy + self.height, dx:dx + self.width].copy()
        x = int((seconds * 0.3 % 1.0) * self.width)  # a sharp-edged object crossing the frame
        cv2.circle(image, (x, self.height // 2), self.width // 8, (250, 250, 250), -1)
        return image


def _place(overlay: Overlay, sprite: np.ndarray, size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    if sprite.shape[1] > width or sprite.shape[0] > height:
        raise ValueError(f"overlay {overlay.text!r} is larger than the {width}x{height} frame; use a smaller size")
    x = (width - sprite.shape[1]) // 2 if overlay.x is None else int(overlay.x * width)
    y = int(overlay.y * height)
    return min(max(0, x), width - sprite.shape[1]), min(max(0, y), height - sprite.shape[0])


def overlay_boxes(overlays: Sequence[Overlay], size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Where each overlay lands: (x, y, width, height) in frame pixels, for tests that check boxes."""
    boxes = []
    for overlay in overlays:
        sprite = _render(overlay)
        x, y = _place(overlay, sprite, size)
        boxes.append((x, y, sprite.shape[1], sprite.shape[0]))
    return boxes


def frames(overlays: Sequence[Overlay], seconds: float, size: tuple[int, int], fps: int, background: str,
           seed: int = 0) -> Iterator[np.ndarray]:
    """RGB frames with the overlays composited at their times."""
    source = _Background(background, size, fps, seed)
    sprites = []
    for overlay in overlays:
        sprite = _render(overlay)
        x, y = _place(overlay, sprite, size)
        alpha = sprite[:, :, 3:4].astype(np.float32) / 255.0 * overlay.opacity
        sprites.append((overlay, x, y, sprite[:, :, :3].astype(np.float32) * alpha, 1.0 - alpha))
    for index in range(int(round(seconds * fps))):
        image = source.frame(index)
        now = index / fps
        for overlay, x, y, colour, keep in sprites:
            if overlay.start <= now < overlay.end:
                region = image[y:y + colour.shape[0], x:x + colour.shape[1]]
                region[:] = (region.astype(np.float32) * keep + colour).astype(np.uint8)
        yield image


def write_video(path: Path, overlays: Sequence[Overlay], *, seconds: float, size: tuple[int, int] = (360, 640),
                fps: int = 15, background: str = "moving", audio: np.ndarray | None = None, seed: int = 0,
                crf: int = 26) -> Path:
    """An H.264 (+ AAC when `audio` is given) MP4 of the overlays; `size` is (width, height)."""
    path = Path(path)
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = size[0], size[1], "yuv420p"
        video.options = {"preset": "ultrafast", "crf": str(crf)}
        audio_stream = None
        if audio is not None:
            audio_stream = out.add_stream("aac", rate=44_100)
            audio_stream.layout = "mono"
        for image in frames(overlays, seconds, size, fps, background, seed):
            out.mux(video.encode(av.VideoFrame.from_ndarray(image, format="rgb24")))
        out.mux(video.encode(None))
        if audio_stream is not None:
            _encode_audio(out, audio_stream, audio)
    return path
