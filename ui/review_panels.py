"""The panels beside the player: findings (confirm / dismiss), timecoded comments, and the decision."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.review.lookups import DECISIONS, FindingRow
from reviewer.review.vocabulary import DECISION_LABELS
from ui.dialogs import ERROR_STYLE, FormDialog, dismiss_dialog
from ui.i18n import follow_language, tr
from ui.models import FindingsTableModel


class FindingsPanel(QWidget):
    seek_requested = Signal(float)
    disposition_requested = Signal(int, str, str)  # finding id, confirmed|dismissed, reason

    def __init__(self) -> None:
        super().__init__()
        self.model = FindingsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.title = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setStyleSheet("background:#f5f5f5; padding:6px; border-radius:4px;")
        self.detail.setMinimumHeight(70)
        self.confirm_button, self.dismiss_button = QPushButton(), QPushButton()
        self.title.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not from cell to cell
        self._restoring = False
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._current_changed(current.row()))
        self.confirm_button.clicked.connect(lambda: self.dispose("confirmed"))
        self.dismiss_button.clicked.connect(lambda: self.dispose("dismissed"))
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        sure = sum(r["kind"] != "fuzzy" and r.get("verification") != "look" for r in self.model.rows)
        fuzzy = len(self.model.rows) - sure
        self.title.setText(tr("Findings: {sure} sure, {fuzzy} to confirm by listening", sure=sure, fuzzy=fuzzy))
        self.confirm_button.setText(tr("Confirm"))
        self.dismiss_button.setText(tr("Dismiss…"))
        self.table.setAccessibleName(tr("Findings"))
        self.detail.setAccessibleName(tr("Selected finding"))
        self.model.retranslate()
        if hasattr(self, "detail"):
            self._show_detail()

    def set_findings(self, rows: list[FindingRow], text: str) -> None:
        """Show `rows`, keeping the selected finding selected (so N/P carry on from it after a confirm)."""
        kept = self.selected()
        self.model.set_findings(rows, text)
        if kept is not None:
            self._restoring = True
            for number, row in enumerate(rows):
                if row["id"] == kept["id"]:
                    self.table.selectRow(number)
            self._restoring = False
        self.retranslate()
        self._show_detail()

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) finding; selecting seeks."""
        if not self.model.rows:
            return
        current = self.table.currentIndex().row() if self.selected() is not None else (-1 if delta > 0 else 0)
        self.table.selectRow(max(0, min(len(self.model.rows) - 1, current + delta)))

    def _take_focus_back(self) -> None:
        """After the dismiss dialog the keyboard is back on the findings, ready for N, P, C or D."""
        self.window().activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_changed(self, number: int) -> None:
        """Keyboard or mouse: a finding that becomes current is played from its start."""
        if not self._restoring and 0 <= number < len(self.model.rows):
            self._clicked(self.model.index(number, 0))

    def _show_detail(self) -> None:
        from html import escape

        row = self.selected()
        if row is None:
            self.detail.setText(tr("Select a finding to see its context and a kinder way to say it."))
            return
        lines = [f"<b>{escape(tr(c))}:</b> {escape(value)}" for c in self.model.detail_columns
                 if (value := self.model.value(row, c))]
        self.detail.setText("<br>".join(lines))

    def selected(self) -> FindingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _clicked(self, index) -> None:
        row = self.model.row(index.row())
        if row["time_start"] is not None:
            self.seek_requested.emit(row["time_start"])

    def dispose(self, disposition: str) -> FormDialog | None:
        """Confirm at once; dismiss asks why (the dialog refuses an empty reason) and returns that dialog."""
        row = self.selected()
        if row is None:
            return None
        if disposition != "dismissed":
            self.disposition_requested.emit(row["id"], disposition, "")
            return None
        dialog = dismiss_dialog(self, row["matched"])
        dialog.accepted.connect(lambda: self.disposition_requested.emit(row["id"], disposition,
                                                                        dialog.values()["reason"]))
        dialog.finished.connect(lambda _: self._take_focus_back())
        dialog.open()
        return dialog


class DecisionPanel(QWidget):
    decision_requested = Signal(str, str)  # decision, note
    recheck_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3e0; color:#bf360c; padding:6px; border-radius:4px;")
        self.banner.hide()
        self.recheck = QPushButton()
        self.recheck.hide()
        self.recheck.clicked.connect(self.recheck_requested)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons = {d: QRadioButton() for d in DECISIONS}
        self.note = QPlainTextEdit()  # takes the room left, so the status sits at the top, not at mid-height
        self.note.setMinimumHeight(70)
        self.identity = QLabel()
        self.identity.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.submit = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.recheck)
        layout.addWidget(self.status)
        grid = QHBoxLayout()
        column_a, column_b = QVBoxLayout(), QVBoxLayout()
        for number, (decision, button) in enumerate(self.buttons.items()):
            self.group.addButton(button)
            (column_a if number < 2 else column_b).addWidget(button)
            button.setProperty("decision", decision)
        grid.addLayout(column_a)
        grid.addLayout(column_b)
        layout.addLayout(grid)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.identity, 1)
        row.addWidget(self.submit)
        layout.addLayout(row)
        self.submit.clicked.connect(self.submit_decision)
        self.reviewer = ""
        self.organisation = ""
        self._flags: tuple[bool, bool, int, bool] = (False, False, 0, False)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        for decision, button in self.buttons.items():
            button.setText(tr(DECISION_LABELS[decision]))
            button.setAccessibleName(tr(DECISION_LABELS[decision]))
        self.note.setPlaceholderText(tr("Note for the creator"))
        self.note.setAccessibleName(tr("Note for the creator"))
        self.submit.setText(tr("Submit decision"))
        self.recheck.setText(tr("Transcribe and check the new content") if self._flags[3]
                             else tr("Re-check with the current term lists"))
        self.identity.setText(tr("Deciding as {name} ({org})", name=self.reviewer or tr("(set your name in Settings)"),
                                 org=self.organisation or "-"))
        self.set_flags(*self._flags)

    def set_identity(self, reviewer: str, organisation: str) -> None:
        self.reviewer, self.organisation = reviewer, organisation
        self.retranslate()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def set_flags(self, changed: bool, stale: bool, new_findings: int = 0, content_changed: bool = False) -> None:
        """Banners over the form. `content_changed`: the file was replaced since it was transcribed, so nothing in
        its new content was checked; deciding is refused (the core refuses it too) until it is transcribed again."""
        self._flags = (changed, stale, new_findings, content_changed)
        messages = []
        if content_changed:
            messages.append(tr("The file changed since it was transcribed: nothing in its new content was checked. "
                               "Transcribe and check it again before deciding."))
        if new_findings:
            messages.append(tr("{n} new findings since the decision: the decision did not consider them. "
                               "Look at them and decide again.", n=new_findings))
        if changed:
            messages.append(tr("The file changed since it was reviewed: earlier decisions no longer count. "
                               "Watch it again and decide."))
        if stale:
            messages.append(tr("Checked against an older term list: re-check before deciding."))
        self.banner.setText("\n".join(messages))
        self.banner.setVisible(bool(messages))
        self.recheck.setText(tr("Transcribe and check the new content") if content_changed
                             else tr("Re-check with the current term lists"))
        self.recheck.setVisible(stale or content_changed)
        self.submit.setEnabled(not content_changed)

    def show_decision(self, decision: str | None, note: str = "") -> None:
        """Fill the form with this reviewer's current decision on the video, or clear it (a new video)."""
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == decision)
        self.group.setExclusive(True)
        self.note.setPlainText(note)
        self.error.hide()

    def chosen(self) -> str | None:
        button = self.group.checkedButton()
        return button.property("decision") if button is not None else None

    def submit_decision(self) -> None:
        """Send the decision; what is missing (a choice, the reviewer's name) is said here, not in the status bar."""
        problem = (tr("Choose a decision first.") if self.chosen() is None else
                   tr("Set your name in Settings (Ctrl+,) before deciding.") if not self.reviewer else "")
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if not problem:
            self.decision_requested.emit(self.chosen(), self.note.toPlainText().strip())
