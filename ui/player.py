"""The video player: Qt Multimedia with play/pause, ±5 s, speed and volume, over the timeline of markers.

Only `ui.player_notice.open_player` imports this module: without Qt Multimedia's system libraries the import
fails, and the review page gets a notice in its place (everything else keeps working).
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import follow_language, tr
from ui.models import clock
from ui.timeline import Timeline

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


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
        # Until the first Play, a stopped QMediaPlayer shows nothing (and pausing it to get a frame deadlocked its
        # stop() on close under load), so the video's stored thumbnail stands in as a poster.
        self.poster = Poster()
        self.screen_stack = QStackedWidget()
        self.screen_stack.addWidget(self.video)
        self.screen_stack.addWidget(self.poster)
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
        for control in (self.speed_label, self.speed, self.volume_label, self.volume):
            controls.addWidget(control)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.screen_stack, 1)
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
        self.player.playbackStateChanged.connect(self._show_video_when_playing)
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
        """The loaded file's length; until the player knows it, the length the library recorded (never the
        previous video's)."""
        return (self.player.duration() / 1000 if self.ready else 0) or self.timeline.duration

    def load(self, path: str, duration: float, poster: bytes | None = None) -> None:
        """Open `path`; `poster` (PNG bytes, the library's thumbnail) shows until playback starts."""
        self.player.setSource(QUrl.fromLocalFile(path))  # stops what played before; see `_invoke` for why no stop()
        shown = self.poster.set_image(poster)
        self.screen_stack.setCurrentWidget(self.poster if shown else self.video)
        self.timeline.set_markers(duration, self.timeline.markers)
        self._on_position(0)  # the labels start at 00:00 / this video's length, not the last one's

    def unload(self) -> None:
        self.player.setSource(QUrl())  # an empty source stops playback and all I/O
        self.poster.set_image(None)
        self.screen_stack.setCurrentWidget(self.video)

    def _show_video_when_playing(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self.screen_stack.setCurrentWidget(self.video)

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

    def pause(self) -> None:
        self._invoke("pause")

    @Slot()
    def toggle_play(self) -> None:
        self._invoke("pause" if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState else "play")

    def _invoke(self, slot: str) -> None:
        """Run a QMediaPlayer slot from the event loop instead of calling it from Python.

        PySide holds the GIL through `stop()`, `play()` and `pause()` (only `setSource` releases it). Meanwhile
        the FFmpeg backend's thread may be deleting one of its objects, and telling our Python-made player that a
        connection went away needs the GIL, under a lock these calls wait for: both threads stop for good (seen
        on window close). A queued call runs in C++ from the event loop, which has released the GIL."""
        QMetaObject.invokeMethod(self.player, slot, Qt.ConnectionType.QueuedConnection)

    def _on_position(self, millis: int) -> None:
        seconds = millis / 1000
        self.timeline.set_position(seconds)
        self.time_label.setText(f"{clock(seconds)} / {clock(self.duration)}")
        self.position_changed.emit(seconds)


class Poster(QWidget):
    """A still frame drawn to fit (letterboxed on black), standing in for the video surface before Play."""

    def __init__(self) -> None:
        super().__init__()
        self.image = QPixmap()
        self.setMinimumSize(320, 180)

    def set_image(self, png: bytes | None) -> bool:
        """Show `png`; False (and nothing shown) when there is no picture, e.g. an audio-only file."""
        self.image = QPixmap()
        loaded = bool(png) and self.image.loadFromData(png or b"")
        self.update()
        return loaded

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if not self.image.isNull():
            scaled = self.image.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            painter.drawPixmap((self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled)
        painter.end()
