"""Keyboard-first review: one action per key, listed in the menus and on the F1 page, plus a visible focus ring.

A reviewer goes through 20-50 videos a day, so the whole loop (play, step through findings, confirm or dismiss,
comment, decide, next video) works without the mouse. Single-letter keys are window shortcuts; a text field
that has focus takes its typed letters first (Qt's shortcut override), and the review keys are switched off
on the other tabs, so typing a comment or searching a term list never triggers them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui.i18n import follow_language, tr

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Entry = tuple[object, str, Callable[[], object]]  # label (marked for translation), keys, what it does

# A strong focus ring everywhere: 2 px, high-contrast blue, on every control that can take the keyboard.
FOCUS_STYLE = """
QPushButton { border: 1px solid #8c959f; border-radius: 4px; padding: 4px 10px; background: #f6f8fa; }
QPushButton:hover { background: #eaeef2; }
QPushButton:pressed { background: #d0d7de; }
QPushButton:disabled { color: #8c959f; }
QPushButton:focus { border: 2px solid #0b57d0; padding: 3px 9px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QAbstractItemView:focus, QSlider:focus { border: 2px solid #0b57d0; }
QRadioButton:focus, QCheckBox:focus { border: 2px solid #0b57d0; border-radius: 3px; padding: 1px; }
"""


ARROWS = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓"}


class ReviewKeys(QObject):
    """The review shortcuts of a main window (its `review`, `library` and `tabs`), as menu actions."""

    def __init__(self, window: MainWindow, playback_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        review, player = window.review, window.review.player
        findings = review.findings
        self.playback: list[Entry] = [
            (QT_TR_NOOP("Back 10 seconds"), "J", lambda: player.seek(player.seconds - 10)),
            (QT_TR_NOOP("Forward 10 seconds"), "L", lambda: player.seek(player.seconds + 10)),
            (QT_TR_NOOP("Back 5 seconds"), "Left", lambda: player.seek(player.seconds - 5)),
            (QT_TR_NOOP("Forward 5 seconds"), "Right", lambda: player.seek(player.seconds + 5)),
        ]
        self.reviewing: list[Entry] = [
            (QT_TR_NOOP("Next finding"), "N", lambda: self._findings(lambda: findings.step(1))),
            (QT_TR_NOOP("Previous finding"), "P", lambda: self._findings(lambda: findings.step(-1))),
            (QT_TR_NOOP("Confirm finding"), "C", lambda: self._findings(lambda: findings.dispose("confirmed"))),
            (QT_TR_NOOP("Dismiss finding…"), "D", lambda: self._findings(lambda: findings.dispose("dismissed"))),
            (QT_TR_NOOP("Comment at the current time"), "M", self.comment),
            (QT_TR_NOOP("Approved"), "Ctrl+1", lambda: self.choose("approved")),
            (QT_TR_NOOP("Approved with changes"), "Ctrl+2", lambda: self.choose("approved_with_changes")),
            (QT_TR_NOOP("Changes required"), "Ctrl+3", lambda: self.choose("changes_required")),
            (QT_TR_NOOP("Rejected"), "Ctrl+4", lambda: self.choose("rejected")),
            (QT_TR_NOOP("Submit decision"), "Ctrl+Return", self.submit),
            (QT_TR_NOOP("Next video"), "Alt+Down", lambda: self.next_video(1)),
            (QT_TR_NOOP("Previous video"), "Alt+Up", lambda: self.next_video(-1)),
        ]
        self.review_menu = window.menuBar().addMenu("")
        self.help_menu = window.menuBar().addMenu("")
        self.actions: dict[str, QAction] = {}
        for menu, table in ((playback_menu, self.playback), (self.review_menu, self.reviewing)):
            for label, keys, slot in table:
                action = QAction(window)
                action.setShortcuts([QKeySequence(keys)] + ([QKeySequence("Ctrl+Enter")] if keys == "Ctrl+Return"
                                                            else []))
                action.triggered.connect(slot)
                menu.addAction(action)
                self.actions[str(label)] = action
        self.help_action = QAction(window, shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(self.show_help)
        self.help_menu.addAction(self.help_action)
        window.tabs.currentChanged.connect(self._follow_tab)
        window.setStyleSheet(FOCUS_STYLE)
        for view in window.findChildren(QAbstractItemView):
            view.setTabKeyNavigation(False)  # Tab leaves a table instead of walking its cells
        follow_language(self, self.retranslate)
        self.retranslate()
        self._follow_tab(window.tabs.currentIndex())

    def retranslate(self) -> None:
        self.review_menu.setTitle(tr("&Review"))
        self.help_menu.setTitle(tr("&Help"))
        self.help_action.setText(tr("Keyboard shortcuts"))
        for label, action in self.actions.items():
            action.setText(tr(label))

    def _follow_tab(self, index: int) -> None:
        """The review keys act only where the review is shown, so letters stay letters on the other pages."""
        for action in self.actions.values():
            action.setEnabled(index == 0)

    def _findings(self, action: Callable[[], object]) -> None:
        self.window.review.tabs.setCurrentWidget(self.window.review.findings)
        action()

    def comment(self) -> None:
        """Pause where we are and type: Enter adds the comment at the moment playback stopped."""
        review = self.window.review
        getattr(review.player, "pause", lambda: None)()
        review.tabs.setCurrentWidget(review.comments)
        review.comments.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def choose(self, decision: str) -> None:
        panel = self.window.review.decision
        self.window.review.tabs.setCurrentWidget(panel)
        button = next(b for key, b in panel.buttons.items() if key == decision)
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def submit(self) -> None:
        self.window.review.tabs.setCurrentWidget(self.window.review.decision)
        self.window.review.decision.submit_decision()

    def next_video(self, delta: int) -> None:
        self.window.library.step(delta)

    def rows(self) -> list[tuple[str, str]]:
        """(what it does, its keys) for every shortcut in the window's menus, in menu order."""
        found = []
        for menu in self.window.menuBar().findChildren(QMenu):
            for action in menu.actions():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                for name, arrow in ARROWS.items():
                    keys = keys.replace(name, arrow)
                if keys and action.text():
                    found.append((action.text().replace("&", ""), keys))
        return found

    def show_help(self) -> QDialog:
        """F1: every shortcut, read from the actions themselves so the page can never be out of date."""
        dialog = QDialog(self.window)
        dialog.setWindowTitle(tr("Keyboard shortcuts"))
        rows = self.rows()
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([tr("Action"), tr("Keys")])
        table.setAccessibleName(tr("Keyboard shortcuts"))
        for number, (text, keys) in enumerate(rows):
            table.setItem(number, 0, QTableWidgetItem(text))
            table.setItem(number, 1, QTableWidgetItem(keys))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(520, 560)
        dialog.open()
        return dialog
