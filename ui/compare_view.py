"""Two versions of a video side by side: two players (synchronised on request) and each version's findings,
marked resolved, new or unchanged. A click on a finding seeks in its own version.

The comparison itself is the core's (`reviewer.review.versions`); this window only shows it.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.review.services import Services
from reviewer.review.versions import ComparedFinding, VersionComparison, VersionSide, compare_with_previous
from reviewer.review.vocabulary import QT_TR_NOOP, clock
from ui.i18n import follow_language, tr
from ui.player_notice import open_player
from ui.timeline import Marker

CHANGE_LABELS = {"resolved": QT_TR_NOOP("resolved"), "new": QT_TR_NOOP("new"), "unchanged": QT_TR_NOOP("unchanged")}
# Colour-blind-safe pair (blue/orange) plus grey; the word is always shown too, never colour alone.
CHANGE_COLOURS = {"resolved": "#1565c0", "new": "#e65100", "unchanged": "#616161"}
SYNC_TOLERANCE = 0.35  # seconds of drift allowed before the follower is moved


class CompareView(QDialog):
    """`Compare with vN`: the earlier version on the left, this one on the right."""

    def __init__(self, services: Services, video_id: int, parent: QWidget | None = None,
                 players: tuple[QWidget, QWidget] | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.comparison: VersionComparison = compare_with_previous(services.store, video_id)
        made = players or (open_player(), open_player())
        self.players: tuple[Any, Any] = cast(tuple[Any, Any], made)  # PlayerPanel or its notice (duck-typed)
        self.sync = QCheckBox()
        self.sync.setChecked(True)
        self.summary = QLabel()
        self.headings = (QLabel(), QLabel())
        self.lists = (QListWidget(), QListWidget())
        grid = QGridLayout()
        sides = (self.comparison.earlier, self.comparison.later)
        for column, (side, player, heading, findings) in enumerate(zip(sides, self.players, self.headings, self.lists,
                                                                       strict=True)):
            heading.setStyleSheet("font-weight: 600;")
            grid.addWidget(heading, 0, column)
            grid.addWidget(player, 1, column)
            grid.addWidget(findings, 2, column)
            self._fill(findings, side)
            findings.itemActivated.connect(lambda item, p=player: self._seek(p, item))
            findings.itemClicked.connect(lambda item, p=player: self._seek(p, item))
            player.timeline.set_markers(side.duration, markers(side))
            player.load(side.path, side.duration)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.sync)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self._following = False
        self.players[0].position_changed.connect(lambda seconds: self._follow(self.players[1], seconds))
        self.players[1].position_changed.connect(lambda seconds: self._follow(self.players[0], seconds))
        self.resize(1200, 760)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        earlier, later = self.comparison.earlier, self.comparison.later
        self.setWindowTitle(tr("Compare v{old} with v{new}", old=earlier.version, new=later.version))
        self.sync.setText(tr("Synchronise players"))
        counts = self.comparison.counts()
        if self.comparison.compared:
            self.summary.setText(tr("{resolved} resolved · {new} new · {unchanged} unchanged", **counts))
        else:  # never "everything resolved" about a version nobody has checked
            self.summary.setText(tr("Not compared: a version has not been checked yet, so its findings are unknown"))
        for heading, side in zip(self.headings, (earlier, later), strict=True):
            heading.setText(f"v{side.version} · {side.name}")
        for findings, side in zip(self.lists, (earlier, later), strict=True):
            self._fill(findings, side)

    def _fill(self, findings: QListWidget, side: VersionSide) -> None:
        findings.clear()
        if not side.checked:
            findings.addItem(tr("Not checked yet"))
        elif not side.findings:
            findings.addItem(tr("No findings"))
        for finding in side.findings:
            item = QListWidgetItem(describe(finding))
            item.setData(Qt.ItemDataRole.UserRole, finding.time_start)
            item.setForeground(QBrush(QColor(CHANGE_COLOURS[finding.change])))
            findings.addItem(item)

    @staticmethod
    def _seek(player: Any, item: QListWidgetItem) -> None:
        seconds = item.data(Qt.ItemDataRole.UserRole)
        if seconds is not None:
            player.seek(float(seconds))

    def _follow(self, other: Any, seconds: float) -> None:
        """Keep the other player at the same moment while synchronised (and never echo back and forth)."""
        if not self.sync.isChecked() or self._following or abs(other.seconds - seconds) < SYNC_TOLERANCE:
            return
        self._following = True
        try:
            other.seek(seconds)
        finally:
            self._following = False

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        for player in self.players:
            if hasattr(player, "unload"):
                player.unload()
        super().closeEvent(event)


def describe(finding: ComparedFinding) -> str:
    when = clock(finding.time_start) if finding.time_start is not None else tr("caption")
    return f"{when}  {finding.term} — “{finding.matched}” · {tr(CHANGE_LABELS[finding.change])}"


def markers(side: VersionSide) -> list[Marker]:
    return [Marker(f.time_start, CHANGE_COLOURS[f.change], f"{f.term} ({f.change})")
            for f in side.findings if f.time_start is not None]
