"""The creators' script checker: type, paste or open a script, and see problem words as you type.

QSyntaxHighlighter re-highlights only the blocks (paragraphs) that changed, and the compiled checker caches
per word, so a keystroke in a 2,000-word script costs well under a frame. Hover shows the category and the
kinder suggestion; right-click offers "Replace with suggestion".
"""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reviewer.fileio import write_text_atomic
from reviewer.paths import data_dir
from reviewer.review.checking import Checker, Finding, IncrementalChecker
from reviewer.review.term_lists import SEVERITIES
from reviewer.review.vocabulary import SEVERITY_COLOURS
from transcribe.formats import parse_subtitles
from ui.i18n import category, follow_language, suggestion, tr


def tint(colour: str, strength: float = 0.18) -> QColor:
    """A pale wash of `colour` (mixed with white) behind serious words; black text stays readable on it."""
    base = QColor(colour)
    mix = [round(255 - (255 - c) * strength) for c in (base.red(), base.green(), base.blue())]
    return QColor(*mix)


def draft_path() -> Path:
    return data_dir() / "script-draft.txt"


QUOTED = re.compile(r"[\"“](.+?)[\"”]")


def replacement_for(finding: Finding) -> str | None:
    """The kinder words to put in place: the first quoted phrase of the suggestion, if it has one."""
    match = QUOTED.search(finding.suggestion)
    return match.group(1).rstrip("…").strip() if match else None


class ScriptHighlighter(QSyntaxHighlighter):
    """Underlines findings block by block; remembers them for tooltips and the context menu."""

    def __init__(self, document: QTextDocument, checker: Checker) -> None:
        super().__init__(document)
        self.checker = checker
        self.blocks: dict[int, list[Finding]] = {}
        self.formats = {}
        for severity in SEVERITIES:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(SEVERITY_COLOURS[severity]))
            if severity != "low":  # a wash that deepens with severity, so medium is not faint either
                fmt.setBackground(tint(SEVERITY_COLOURS[severity], {"medium": 0.1, "high": 0.16, "critical": 0.22}
                                       [severity]))
            self.formats[severity] = fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt API)
        findings = self.checker.find(text) if text.strip() else []
        self.blocks[self.currentBlock().blockNumber()] = findings
        for finding in findings:
            fmt = QTextCharFormat(self.formats[finding.severity])
            if finding.kind == "fuzzy":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            self.setFormat(finding.start, finding.end - finding.start, fmt)

    def finding_at(self, cursor: QTextCursor) -> Finding | None:
        block = cursor.block()
        offset = cursor.position() - block.position()
        for finding in self.blocks.get(block.blockNumber(), []):
            if finding.start <= offset <= finding.end:
                return finding
        return None


class ScriptEditor(QPlainTextEdit):
    def __init__(self, checker: Checker) -> None:
        super().__init__()
        self.highlighter = ScriptHighlighter(self.document(), checker)
        self.setMouseTracking(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            finding = self.highlighter.finding_at(self.cursorForPosition(event.pos()))
            if finding is not None:
                QToolTip.showText(event.globalPos(), self.describe(finding), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    @staticmethod
    def describe(finding: Finding) -> str:
        sure = "" if finding.kind != "fuzzy" else " (" + tr("possible misspelling") + ")"
        kinder = tr("Kinder wording")
        return (f"<b>{finding.term}</b> · {category(finding.category)} · {tr(finding.severity)}{sure}"
                + (f"<br>{kinder}: {suggestion(finding.suggestion)}" if finding.suggestion else ""))

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.context_menu(event.pos()).exec(event.globalPos())

    def context_menu(self, pos) -> QMenu:
        """The standard menu, with the finding under `pos` (if any) and its replacement on top."""
        menu = self.createStandardContextMenu()
        cursor = self.cursorForPosition(pos)
        finding = self.highlighter.finding_at(cursor)
        if finding is not None:
            replacement = replacement_for(finding)
            first = menu.actions()[0] if menu.actions() else None
            if replacement:
                action = menu.addAction(tr("Replace with suggestion: {words}", words=replacement))
                action.triggered.connect(lambda: self.replace_finding(cursor.block().position(), finding, replacement))
                if first is not None:
                    menu.insertAction(first, action)
            info = menu.addAction(suggestion(finding.suggestion) or category(finding.category))
            info.setEnabled(False)
            if first is not None:
                menu.insertAction(first, info)
                menu.insertSeparator(first)
        return menu

    def replace_finding(self, block_position: int, finding: Finding, replacement: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(block_position + finding.start)
        cursor.setPosition(block_position + finding.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)


class ScriptCheckPage(QWidget):
    message = Signal(str)

    def __init__(self, checker: Checker) -> None:
        super().__init__()
        self.checker = checker
        self.live = IncrementalChecker(checker)
        self.editor = ScriptEditor(checker)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self.open_button = QPushButton()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.list)
        splitter.setSizes([700, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.findings: list[Finding] = []
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh_summary)
        self.editor.textChanged.connect(self._debounce.start)
        self._autosave = QTimer(self, singleShot=True, interval=1000)
        self._autosave.timeout.connect(self._save_draft)
        self.restore_draft()
        self.editor.textChanged.connect(self._autosave.start)
        self.open_button.clicked.connect(self.open_file)
        self.list.itemClicked.connect(self._jump)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.editor.setPlaceholderText(tr("Type or paste your script here. Problem words are underlined as you "
                                          "type; hover for a kinder way to say it."))
        self.editor.setAccessibleName(tr("Script"))
        self.open_button.setText(tr("Open script…"))
        self.list.setAccessibleName(tr("Findings in the script"))
        self.refresh_summary()

    def set_checker(self, checker: Checker) -> None:
        self.checker = checker
        self.live = IncrementalChecker(checker)
        self.editor.highlighter.checker = checker
        self.editor.highlighter.rehighlight()
        self.refresh_summary()

    def refresh_summary(self) -> None:
        self.findings = self.live.check(self.editor.toPlainText())
        counts = {s: sum(f.severity == s for f in self.findings) for s in reversed(SEVERITIES)}
        parts = [f"{n} {tr(s)}" for s, n in counts.items() if n]
        self.summary.setText(", ".join(parts) if parts else tr("No problem words found"))
        self.list.clear()
        for finding in self.findings:
            kinder = suggestion(finding.suggestion) or finding.term
            item = QListWidgetItem(f"[{tr(finding.severity)}] {finding.matched} → {kinder}")
            item.setForeground(QColor(SEVERITY_COLOURS[finding.severity]))
            item.setData(Qt.ItemDataRole.UserRole, finding.start)
            item.setToolTip(suggestion(finding.suggestion))
            self.list.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(item.data(Qt.ItemDataRole.UserRole))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def confirm_replace(self) -> bool:
        """Opening a file replaces the typed text: ask first (a seam: tests answer it)."""
        answer = QMessageBox.question(self, tr("Open script"), tr("Replace the script you typed with the file?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _save_draft(self) -> None:
        """The draft survives a restart: written (atomically) a moment after typing stops."""
        try:
            draft_path().parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(draft_path(), self.editor.toPlainText())
        except OSError:
            logging.getLogger("thinktwice").warning("cannot save the script draft", exc_info=True)

    def restore_draft(self) -> None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            self.editor.setPlainText(draft_path().read_text(encoding="utf-8"))

    def open_file(self, path: str | None = None) -> None:
        if self.editor.toPlainText().strip() and not self.confirm_replace():
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Open script"), "", "Scripts (*.txt *.srt *.vtt)")
        if not path:
            return
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
            if path.lower().endswith((".srt", ".vtt")):
                text = "\n".join(s.text for s in parse_subtitles(text).segments)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            self.message.emit(tr("Cannot open {path}: {error}", path=path, error=exc))
            return
        self.editor.setPlainText(text)
