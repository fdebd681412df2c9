"""RapidOCR, set up for burned-in video text and kept offline.

rapidocr 3.x ships its PP-OCR detection and recognition ONNX models inside the wheel and runs them with
onnxruntime, so nothing is fetched at run time (tests/test_screen_text.py runs it with the network cut off).
Detection is split from recognition so the pipeline can skip recognising lines it has already read.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from transcribe.errors import TranscribeError
from transcribe.text_track import Box, Reading

ENGINE_NAME = "rapidocr"
MIN_LETTERS = 2


def _quiet_params(extra: dict[str, Any]) -> dict[str, Any]:
    # Overlays are upright, so the 180-degree classifier only costs time; stickers tilted a little still read.
    return {"Global.log_level": "error", "Global.use_cls": False, **extra}


class OcrEngine:
    """Detect text lines in a frame, and recognise a line from its box.

    `long_side` scales detection so the frame's long side is at most that many pixels (0 = the frame's own
    size). Recognition always crops from the full-resolution frame, so small text stays sharp.
    """

    def __init__(self, long_side: int = 960, min_confidence: float = 0.5) -> None:
        try:
            from rapidocr import RapidOCR
            from rapidocr.utils.process_img import get_rotate_crop_image
        except ImportError as exc:  # a broken install, not a user error we can fix at run time
            raise TranscribeError(f"the OCR engine is not installed ({exc}); reinstall ThinkTwice Review") from None
        # We scale frames ourselves (so a band of a frame is scaled like the whole frame); RapidOCR must not.
        params = {"Global.max_side_len": 100_000, "Global.text_score": min_confidence,
                  "Det.limit_type": "max", "Det.limit_side_len": 100_000}
        self._ocr = RapidOCR(params=_quiet_params(params))
        self._crop = get_rotate_crop_image
        self.long_side = long_side
        self.min_confidence = min_confidence
        self.version = _version()

    def detect(self, frame: np.ndarray, band: tuple[int, int] | None = None) -> list[np.ndarray]:
        """Quadrilaterals (4x2 float arrays, frame pixels) around each text line, top to bottom.

        With `band` (top, bottom), only that full-width strip of the frame is searched, at the same scale.
        """
        height, width = frame.shape[:2]
        top, bottom = band or (0, height)
        scale = min(1.0, self.long_side / max(height, width)) if self.long_side else 1.0
        image = frame[top:bottom]
        if scale < 1.0:
            image = cv2.resize(image, (max(1, round(width * scale)), max(1, round((bottom - top) * scale))),
                               interpolation=cv2.INTER_AREA)
        result = self._ocr(image, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(result, "boxes", None)
        if boxes is None or len(boxes) == 0:
            return []
        offset = np.array((0, top), dtype=np.float32)
        quads = [np.asarray(quad, dtype=np.float32) / scale + offset for quad in boxes]
        return sorted(quads, key=lambda quad: (float(quad[:, 1].min()), float(quad[:, 0].min())))

    def recognize(self, frame: np.ndarray, quad: np.ndarray) -> Reading | None:
        """Read one line from its quadrilateral; None when nothing legible is there."""
        crop = self._crop(frame, quad.copy())
        if crop.size == 0 or min(crop.shape[:2]) < 4:
            return None
        result = self._ocr(crop, use_det=False, use_cls=False, use_rec=True)
        texts, scores = getattr(result, "txts", None), getattr(result, "scores", None)
        if not texts or sum(char.isalnum() for char in texts[0]) < MIN_LETTERS:
            return None  # a dot, a bullet or a round object read as "O": not text anyone wrote
        score = float(scores[0]) if scores else 0.0
        if score < self.min_confidence:
            return None
        return Reading(texts[0].strip(), box_of(quad), score)

    def read(self, frame: np.ndarray) -> list[Reading]:
        """Every line on the frame: detection, then recognition of each line."""
        readings = (self.recognize(frame, quad) for quad in self.detect(frame))
        return [reading for reading in readings if reading is not None]


def box_of(quad: np.ndarray) -> Box:
    x0, y0 = np.floor(quad.min(axis=0)).astype(int)
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
    return int(x0), int(y0), int(max(1, x1 - x0)), int(max(1, y1 - y0))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{ENGINE_NAME} {version('rapidocr')}"
    except PackageNotFoundError:
        return ENGINE_NAME
