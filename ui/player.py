"""The video player: Qt Multimedia with play/pause, ±5 s, speed and volume, over a timeline of markers.

The timeline draws a coloured marker at each finding (by severity) and each comment; clicking near a
marker seeks to it, clicking elsewhere seeks to that moment.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QStyle, QVBoxLayout, QWidget

from reviewer.review.vocabulary import SEVERITY_COLOURS
from ui.i18n import follow_language, tr
from ui.models import clock

COMMENT_COLOUR = "#00897b"
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


@dataclass(frozen=True)
class Marker:
    seconds: float
    colour: str
    label: str


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
            painter.setPen(QPen(QColor(marker.colour), 3))
            x = self.x_of(marker.seconds)
            painter.drawLine(int(x), 3, int(x), self.height() - 3)
        painter.end()


class PlayerPanel(QWidget):
    """QMediaPlayer + video surface + controls + timeline. `seek(seconds)` is the one way to move."""

    position_changed = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setMinimumSize(320, 180)
        self.player.setVideoOutput(self.video)
        self.timeline = Timeline()
        icons = self.style()
        self.play_button = QPushButton()
        self.back_button = QPushButton(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward), "5 s")
        self.forward_button = QPushButton(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward), "5 s")
        self.speed = QComboBox()
        self.speed.addItems([f"{s:g}×" for s in SPEEDS])
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(110)
        self.volume.setMinimumWidth(50)
        self.time_label = QLabel("00:00 / 00:00")
        controls = QHBoxLayout()
        for widget in (self.play_button, self.back_button, self.forward_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.speed_label, self.volume_label = QLabel(), QLabel()
        for widget in (self.speed_label, self.speed, self.volume_label, self.volume):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        strip = QHBoxLayout()
        strip.addWidget(self.timeline, 1)
        strip.addWidget(self.time_label)
        layout.addLayout(strip)
        layout.addLayout(controls)
        self.play_button.clicked.connect(self.toggle_play)
        self.back_button.clicked.connect(lambda: self.seek(self.seconds - 5))
        self.forward_button.clicked.connect(lambda: self.seek(self.seconds + 5))
        self.speed.currentIndexChanged.connect(lambda i: self.player.setPlaybackRate(SPEEDS[i]))
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.audio.setVolume(0.8)
        self.timeline.seek_requested.connect(self.seek)
        self.player.positionChanged.connect(self._on_position)
        self._pending_seek: float | None = None
        self.player.mediaStatusChanged.connect(self._on_media_status)
        self.player.playbackStateChanged.connect(lambda _: self.retranslate())
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText("")
        self.playing_text = tr("Pause") if playing else tr("Play")
        self.play_button.setAccessibleName(tr("Play or pause (Space)"))
        self.play_button.setToolTip(tr("Play or pause (Space)"))
        self.back_button.setAccessibleName(tr("Back 5 seconds"))
        self.back_button.setToolTip(tr("Back 5 seconds"))
        self.forward_button.setAccessibleName(tr("Forward 5 seconds"))
        self.forward_button.setToolTip(tr("Forward 5 seconds"))
        self.speed_label.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward).pixmap(14))
        self.speed.setAccessibleName(tr("Playback speed"))
        self.speed.setToolTip(tr("Playback speed"))
        self.volume_label.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(14))
        self.volume.setAccessibleName(tr("Volume"))
        self.volume.setToolTip(tr("Volume"))
        self.timeline.setAccessibleName(tr("Timeline with findings and comments"))

    @property
    def seconds(self) -> float:
        return self.player.position() / 1000

    @property
    def duration(self) -> float:
        return self.player.duration() / 1000 or self.timeline.duration

    def load(self, path: str, duration: float) -> None:
        self.player.stop()
        self.player.setSource(QUrl.fromLocalFile(path))
        self.timeline.set_markers(duration, self.timeline.markers)

    def unload(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())

    @property
    def ready(self) -> bool:
        status = self.player.mediaStatus()
        return status not in (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia)

    @Slot(float)
    def seek(self, seconds: float) -> None:
        """Move to `seconds`; while the file is still loading, the seek waits and happens once it has loaded."""
        seconds = max(0.0, min(seconds, self.duration or seconds))
        if not self.ready:
            self._pending_seek = seconds
        else:
            self.player.setPosition(int(seconds * 1000))
        self._on_position(int(seconds * 1000))

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._pending_seek is not None and self.ready:
            self.player.setPosition(int(self._pending_seek * 1000))
            self._pending_seek = None

    @Slot()
    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _on_position(self, millis: int) -> None:
        seconds = millis / 1000
        self.timeline.set_position(seconds)
        self.time_label.setText(f"{clock(seconds)} / {clock(self.duration)}")
        self.position_changed.emit(seconds)


def markers_for(findings: list[dict], comments: list[dict]) -> list[Marker]:
    return ([Marker(f["time_start"], SEVERITY_COLOURS[f["severity"]], f"{f['term']} ({tr(f['severity'])})")
             for f in findings if f.get("time_start") is not None and f["disposition"] != "dismissed"]
            + [Marker(c["at_seconds"], COMMENT_COLOUR, f"{c['reviewer']}: {c['text']}") for c in comments])
