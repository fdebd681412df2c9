"""Decide, for almost nothing, whether a frame's text can have changed since we last read one.

Detection costs ~0.5 s a frame on two cores; this costs ~2 ms. Plain frame differences fail on the videos that
matter (a panning phone camera changes every pixel), so we compare what burned-in text is made of: sharp
edges that stay put. A frame's *steady edges* are the strong colour edges it shares with the sample before it;
a moving background contributes almost none, static text all of its strokes (and a static scene all of its
outlines, which is fine: they stay the same too). When the steady edges differ from those of the last frame we
read, in any cell of a coarse grid, the frame is read again.

Text that appears shows up in the steady edges one sample late (it needs two frames to be steady), so the
pipeline looks one sample back for a new line; text that disappears is noticed on its first frame.
"""

from __future__ import annotations

import cv2
import numpy as np

from transcribe.text_track import Box

MIN_STEADY_SHARE = 0.03


class ChangeGate:
    """Feed frames in order with `update`; `changed` says whether to read it; `accept` after reading it."""

    def __init__(self, cell: int = 12, edge_threshold: int = 48, min_changed: float = 0.12) -> None:
        self.cell = cell
        self.edge_threshold = edge_threshold
        self.min_changed = int(cell * cell * min_changed)  # changed steady-edge pixels that make a cell "changed"
        self._kernel = np.ones((3, 3), np.uint8)
        self._scale = 1.0
        self._edges: np.ndarray | None = None
        self._steady: np.ndarray | None = None
        self._reference: np.ndarray | None = None
        self._cells: np.ndarray | None = None

    def _edge_map(self, image: np.ndarray) -> np.ndarray:
        # Per-channel morphological gradient, strongest channel: yellow on white is faint in grey, strong in blue.
        gradient = cv2.morphologyEx(image, cv2.MORPH_GRADIENT, self._kernel)
        if gradient.ndim == 3:
            blue, green, red = cv2.split(gradient)
            gradient = cv2.max(cv2.max(blue, green), red)
        return (gradient >= self.edge_threshold).astype(np.uint8)

    def update(self, image: np.ndarray, scale: float = 1.0) -> None:
        """The next sample: `image` is the frame scaled by `scale` (frame_sampler gives ~480 px long side)."""
        self._scale = scale
        edges = self._edge_map(image)
        if self._edges is None or self._edges.shape != edges.shape:
            self._steady = edges  # no earlier frame: treat everything as steady, so the first read sees it all
        else:
            self._steady = edges & self._edges
        self._edges = edges
        self._cells = None

    def changed(self) -> bool:
        """True if the steady edges differ from those of the last accepted frame in at least one cell."""
        if self._steady is None:
            raise RuntimeError("update() the gate with a frame first")
        if self._reference is None or self._reference.shape != self._steady.shape:
            return True
        return bool(self.changed_cells().any())

    def changed_cells(self) -> np.ndarray:
        """Boolean grid (rows x columns of `cell` pixels) of cells whose steady edges changed."""
        if self._cells is None:
            assert self._steady is not None
            assert self._reference is not None
            grown_now = cv2.dilate(self._steady, self._kernel)
            grown_then = cv2.dilate(self._reference, self._kernel)
            # Tolerate a pixel of jitter (compression noise) either way; count what is new or gone.
            difference = (self._steady & (1 - grown_then)) | (self._reference & (1 - grown_now))
            rows, cols = -(-difference.shape[0] // self.cell), -(-difference.shape[1] // self.cell)
            padded = np.zeros((rows * self.cell, cols * self.cell), np.int32)
            padded[:difference.shape[0], :difference.shape[1]] = difference
            counts = padded.reshape(rows, self.cell, cols, self.cell).sum(axis=(1, 3))
            self._cells = counts >= self.min_changed
        return self._cells

    def touches(self, box: Box) -> bool:
        """Whether a changed cell overlaps `box` (full-resolution pixels): its line must be read again."""
        if self._reference is None or self._reference.shape != self._steady.shape:  # type: ignore[union-attr]
            return True
        cells = self.changed_cells()
        size = self.cell / self._scale
        x0, y0 = int(box[0] // size), int(box[1] // size)
        x1, y1 = int((box[0] + box[2]) // size) + 1, int((box[1] + box[3]) // size) + 1
        return bool(cells[max(0, y0):y1, max(0, x0):x1].any())

    def changed_bands(self, height: int) -> list[tuple[int, int]]:
        """Horizontal bands (top, bottom in full-resolution pixels) holding every changed cell, a cell of margin
        each side. Lines are horizontal, so a full-width band never cuts one in two sideways."""
        if self._reference is None or self._reference.shape != self._steady.shape:  # type: ignore[union-attr]
            return [(0, height)]
        rows = np.flatnonzero(self.changed_cells().any(axis=1))
        size = self.cell / self._scale
        bands: list[tuple[int, int]] = []
        for row in rows:
            top, bottom = max(0, int((row - 1) * size)), min(height, int((row + 2) * size) + 1)
            if bands and top <= bands[-1][1]:
                bands[-1] = (bands[-1][0], max(bands[-1][1], bottom))
            else:
                bands.append((top, bottom))
        return bands

    def steady_share(self, box: Box) -> float:
        """Share of `box` (full-resolution pixels) covered by steady edges: burned-in text scores well above
        MIN_STEADY_SHARE; a ball rolling across the frame, read as "O", scores near zero."""
        assert self._steady is not None
        x0, y0 = int(box[0] * self._scale), int(box[1] * self._scale)
        x1, y1 = int((box[0] + box[2]) * self._scale) + 1, int((box[1] + box[3]) * self._scale) + 1
        region = self._steady[max(0, y0):y1, max(0, x0):x1]
        return float(region.mean()) if region.size else 0.0

    def accept(self) -> None:
        """The current frame was read: later frames are compared with it."""
        self._reference = self._steady
        self._cells = None
