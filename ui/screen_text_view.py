"""On-screen text in the review page: the "On screen" track under the transcript, and the box over the frame.

The track lists each line of burned-in text with its time; clicking one seeks there. When an on-screen finding
is selected, `FrameOverlay` shows that moment's frame (decoded by the core, so it is exactly the paused frame)
with the text's box drawn on it, over the video, until playback moves on.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from transcribe.text_track import TextTrack
from ui.i18n import follow_language, tr
from ui.models import clock

BOX_COLOUR = "#e53935"


class ScreenTextPanel(QWidget):
    """The "On screen" track: one row per line of burned-in text; emits `seek_requested(seconds)` on a click."""

    seek_requested = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.lines = QListWidget()
        self.lines.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        self.lines.itemClicked.connect(self._clicked)
        self._state = ""
        self._count = 0
        follow_language(self, self.retranslate)
        self.retranslate()

    def _clicked(self, item: QListWidgetItem) -> None:
        self.seek_requested.emit(float(item.data(Qt.ItemDataRole.UserRole)))

    def retranslate(self) -> None:
        self.lines.setAccessibleName(tr("On screen"))
        if self._state == "read":
            self.title.setText(tr("On screen ({count} lines)", count=self._count))
        elif self._state:
            self.title.setText(tr("On screen: not read ({why})", why=self._state))
        else:
            self.title.setText(tr("On screen"))

    def show_track(self, track: TextTrack | None, status: str) -> None:
        """`status` is the latest check's on-screen status (read, off, no video, not read, failed: …)."""
        self.lines.clear()
        self._state, self._count = (status or ("read" if track else "")), len(track.lines) if track else 0
        for line in track.lines if track else ():
            item = QListWidgetItem(f"{clock(line.at)}  {line.text}")
            item.setData(Qt.ItemDataRole.UserRole, line.at)
            item.setToolTip(tr("{start} to {end}, read with confidence {confidence}", start=clock(line.start),
                               end=clock(line.end), confidence=f"{line.confidence:.2f}"))
            self.lines.addItem(item)
        self.retranslate()


class FrameOverlay(QWidget):
    """A still frame with a box drawn on it, laid over the video surface; clicks pass through to the player."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.pixmap: QPixmap | None = None
        self.box: tuple[int, int, int, int] | None = None
        self.seconds = 0.0
        self.hide()

    def show_frame(self, png: bytes, box: tuple[int, int, int, int], seconds: float) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(png):
            return
        self.pixmap, self.box, self.seconds = pixmap, box, seconds
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def frame_rect(self) -> QRectF:
        """Where the frame sits in the overlay: scaled to fit, centred (as the player shows video)."""
        assert self.pixmap is not None
        scale = min(self.width() / self.pixmap.width(), self.height() / self.pixmap.height())
        width, height = self.pixmap.width() * scale, self.pixmap.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def box_rect(self) -> QRectF:
        assert self.pixmap is not None
        assert self.box is not None
        frame = self.frame_rect()
        scale = frame.width() / self.pixmap.width()
        x, y, w, h = self.box
        return QRectF(frame.left() + x * scale, frame.top() + y * scale, w * scale, h * scale)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.pixmap is None or self.box is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        painter.drawPixmap(self.frame_rect().toRect(), self.pixmap)
        painter.setPen(QPen(QColor(BOX_COLOUR), 3))
        painter.drawRect(self.box_rect().adjusted(-3, -3, 3, 3))
        painter.end()
