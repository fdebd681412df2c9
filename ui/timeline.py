"""The timeline under the video: a strip the length of the video with a coloured marker per finding and comment.

Clicking near a marker seeks to it, clicking elsewhere seeks to that moment. Plain QtWidgets (no Qt
Multimedia), so the review page keeps it even when the video player cannot load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reviewer.review.lookups import Comment, FindingRow
from reviewer.review.vocabulary import SEVERITY_COLOURS
from ui.i18n import tr
from ui.models import clock

COMMENT_COLOUR = "#00897b"


@dataclass(frozen=True)
class Marker:
    seconds: float
    colour: str
    label: str
    end: float | None = None  # a range comment: drawn as a span from `seconds` to `end`
    shape: str = "line"  # "line": said (or a comment); "box": shown on screen

class Timeline(QWidget):
    """A strip the length of the video with markers; emits `seek_requested(seconds)`."""

    seek_requested = Signal(float)
    HIT_PIXELS = 6

    def __init__(self) -> None:
        super().__init__()
        self.duration = 0.0
        self.position = 0.0
        self.markers: list[Marker] = []
        self.setMinimumHeight(28)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("Timeline with findings and comments"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 28)

    def set_markers(self, duration: float, markers: list[Marker]) -> None:
        self.duration, self.markers = duration, sorted(markers, key=lambda m: m.seconds)
        self.update()

    def set_position(self, seconds: float) -> None:
        self.position = seconds
        self.update()

    def x_of(self, seconds: float) -> float:
        return 4 + (self.width() - 8) * (seconds / self.duration if self.duration else 0)

    def marker_near(self, x: float) -> Marker | None:
        near = [m for m in self.markers if abs(self.x_of(m.seconds) - x) <= self.HIT_PIXELS]
        return min(near, key=lambda m: abs(self.x_of(m.seconds) - x)) if near else None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self.duration:
            return
        x = event.position().x()
        marker = self.marker_near(x)
        seconds = marker.seconds if marker else max(0.0, min(self.duration, (x - 4) / max(1, self.width() - 8)
                                                             * self.duration))
        self.seek_requested.emit(seconds)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        marker = self.marker_near(event.position().x())
        self.setToolTip(f"{clock(marker.seconds)} {marker.label}" if marker else "")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(4, self.height() / 2 - 3, self.width() - 8, 6)
        painter.fillRect(bar, QColor("#cfd8dc"))
        if self.duration:
            painter.fillRect(QRectF(bar.left(), bar.top(), self.x_of(self.position) - bar.left(), bar.height()),
                             QColor("#607d8b"))
        for marker in self.markers:
            if marker.end is not None and self.duration:
                span = QColor(marker.colour)
                span.setAlpha(90)
                painter.fillRect(QRectF(self.x_of(marker.seconds), 4, self.x_of(marker.end) - self.x_of(marker.seconds),
                                        self.height() - 8), span)
            painter.setPen(QPen(QColor(marker.colour), 3 if marker.shape == "line" else 2))
            x = self.x_of(marker.seconds)
            if marker.shape == "box":  # on-screen text: a small framed square, like the box drawn over the frame
                side = min(12.0, self.height() - 6.0)
                painter.setBrush(QColor("white"))
                painter.drawRect(QRectF(x - side / 2, (self.height() - side) / 2, side, side))
            else:
                painter.drawLine(int(x), 3, int(x), self.height() - 3)
        painter.end()


def markers_for(findings: Sequence[FindingRow], comments: Sequence[Comment]) -> list[Marker]:
    return ([Marker(f["time_start"], SEVERITY_COLOURS[f["severity"]],
                    f"{f['term']} ({tr(f['severity'])})" + (" · " + tr("on screen") if f["source"] == "screen" else ""),
                    shape="box" if f["source"] == "screen" else "line")
             for f in findings if f["time_start"] is not None and f["disposition"] != "dismissed"]
            + [Marker(c["at_seconds"], COMMENT_COLOUR, f"{c['reviewer']}: {c['text']}", c["end_seconds"])
               for c in comments if not c["parent_uid"] and not c["resolved"]])
