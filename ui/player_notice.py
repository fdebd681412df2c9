"""The player, or a notice in its place when Qt Multimedia cannot load on this computer.

Without Qt Multimedia's system libraries (libpulse.so.0 on a minimal Debian) importing it fails. A reviewer can
still read the transcript, confirm findings, comment, decide and print reports, so the app starts anyway:
the video area says why there is no playback and how to fix it, and the timeline still follows clicks.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.i18n import follow_language, tr
from ui.models import clock
from ui.timeline import Timeline


class PlayerNotice(QWidget):
    """Stands in for `ui.player.PlayerPanel`: same signal and methods, no playback."""

    position_changed = Signal(float)

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.detail = QLabel(problem)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("font-family: monospace;")
        self.timeline = Timeline()
        self.time_label = QLabel("00:00")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.timeline)
        layout.addWidget(self.time_label)
        self.timeline.seek_requested.connect(self.seek)
        self._seconds = 0.0
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("No video playback on this computer: Qt Multimedia cannot load. Everything else "
                              "works: transcript, findings, comments, decisions and reports. To get playback, "
                              "install the missing system library:"))
        self.setAccessibleName(tr("Video playback unavailable"))

    @property
    def seconds(self) -> float:
        return self._seconds

    @property
    def duration(self) -> float:
        return self.timeline.duration

    def load(self, path: str, duration: float, poster: bytes | None = None) -> None:
        self.timeline.set_markers(duration, self.timeline.markers)

    def unload(self) -> None:
        self.seek(0.0)

    @Slot(float)
    def seek(self, seconds: float) -> None:
        """No playback, but the transcript and timeline still move to the moment (where a finding is)."""
        self._seconds = max(0.0, min(seconds, self.duration or seconds))
        self.timeline.set_position(self._seconds)
        self.time_label.setText(clock(self._seconds))
        self.position_changed.emit(self._seconds)

    @Slot()
    def toggle_play(self) -> None:
        """Space does nothing here; the notice already says why."""


def open_player(problem: str | None = None) -> QWidget:
    """The real player, unless `problem` (from the start-up check) says it cannot work, or its import fails."""
    if problem is None:
        try:
            from ui.player import PlayerPanel
        except ImportError as exc:  # the start-up check could not see it (no ldd): same notice, Qt's words
            problem = f"Qt Multimedia cannot load: {exc}"
        else:
            return PlayerPanel()
    logging.getLogger("thinktwice").warning("video player replaced by a notice: %s", problem)
    return PlayerNotice(problem)
