"""The transcript, following playback: current word highlighted, flagged terms coloured by severity.

The text is exactly `reviewer.checking.checker.transcript_text(...)`, the text the findings' offsets point into,
so highlighting a finding is a character range and clicking a word finds its time by offset.
Edit mode lets a reviewer fix a mishearing; saving is handled by the page (new revision + re-check).
Words the recogniser was unsure of are shaded, darker the less sure, so the reviewer knows where to listen; words
a second listen corrected ("bodok" heard again as "bodoh") have a dotted underline. Both explain themselves in a
tooltip.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reviewer.review.checking import heard_first, transcript_text
from reviewer.review.lookups import FindingRow
from reviewer.review.vocabulary import SEVERITY_COLOURS
from transcribe.types import Transcript
from ui.i18n import follow_language, tr

DOUBT_BELOW = 0.5  # Whisper's word probability under which a word is shaded
DOUBT_COLOUR = (120, 144, 156)  # blue-grey, distinct from the severity colours and the playback highlight


class TranscriptText(QPlainTextEdit):
    word_clicked = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.spans: list[tuple[int, int, float, float, float | None]] = []
        self._starts: list[int] = []
        self._times: list[float] = []
        self._current_index: int | None = None
        self._finding_selections: list[QTextEdit.ExtraSelection] = []
        self._doubt_selections: list[QTextEdit.ExtraSelection] = []
        self._heard_selections: list[QTextEdit.ExtraSelection] = []
        self._current: QTextEdit.ExtraSelection | None = None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self.isReadOnly() and event.button() == Qt.MouseButton.LeftButton and self.spans:
            offset = self.cursorForPosition(event.position().toPoint()).position()
            index = max(0, bisect.bisect_right(self._starts, offset) - 1)
            self.word_clicked.emit(self.spans[index][2])

    def show_transcript(self, transcript: Transcript | None, findings: list[FindingRow],
                        has_audio: bool = True) -> None:
        """`has_audio` False: the video has no audio track, so its speech was not checked (say so, not "no speech")."""
        text, self.spans = transcript_text(transcript) if transcript else ("", [])
        self._starts = [s[0] for s in self.spans]
        self._times = [s[2] for s in self.spans]
        self._current_index = None
        self.setPlainText(text)
        if not has_audio:
            self.setPlaceholderText(tr("No audio track: speech was not checked, only the on-screen text and the "
                                       "caption."))
        else:
            self.setPlaceholderText(tr("No speech found: the audio is music, noise or silence.")
                                    if transcript is not None and transcript.no_speech else "")
        self._doubt_selections = [self._doubt(start, end, probability) for start, end, _, _, probability in self.spans
                                  if probability is not None and probability < DOUBT_BELOW]
        first = heard_first(transcript) if transcript else []
        self._heard_selections = [self._heard_again(span[0], span[1], heard)
                                  for span, heard in zip(self.spans, first, strict=True) if heard]
        self._finding_selections = []
        for finding in findings:
            if finding["source"] != "transcript" or finding["disposition"] == "dismissed":
                continue
            fmt = QTextCharFormat()
            colour = QColor(SEVERITY_COLOURS[finding["severity"]])
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            fmt.setForeground(colour)
            fmt.setFontWeight(700)
            self._finding_selections.append(self._selection(finding["start"], finding["end"], fmt))
        self._current = None
        self._apply()

    def follow(self, seconds: float) -> int | None:
        """Highlight the word being spoken at `seconds`; returns its index (or None between words).

        Called on every position tick, so it does nothing unless the current word changed."""
        found = bisect.bisect_right(self._times, seconds) - 1
        index = None if found < 0 or seconds > self.spans[found][3] + 0.3 else found
        if index == self._current_index:
            return index
        self._current_index = index
        if index is None:
            self._current = None
            self._apply()
            return None
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fff176"))
        self._current = self._selection(self.spans[index][0], self.spans[index][1], fmt)
        self._apply()
        if self.isReadOnly():
            self.setTextCursor(QTextCursor(self._current.cursor.block()))
            self.ensureCursorVisible()
        return index

    def _doubt(self, start: int, end: int, probability: float) -> QTextEdit.ExtraSelection:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(*DOUBT_COLOUR, int(40 + 120 * (1 - probability / DOUBT_BELOW))))
        fmt.setToolTip(tr("Unsure word (probability {p:.0%}): listen to check").format(p=probability))
        return self._selection(start, end, fmt)

    def _heard_again(self, start: int, end: int, heard: str) -> QTextEdit.ExtraSelection:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(*DOUBT_COLOUR))
        fmt.setToolTip(tr("Heard again: the first pass heard '{heard}' here").format(heard=heard))
        return self._selection(start, end, fmt)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        """The characters [start, end) drawn with `fmt` on top of the text."""
        selection = QTextEdit.ExtraSelection()
        selection.format = fmt
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection

    def tooltip_at(self, offset: int) -> str:
        """What the shading or underline at this character says (extra selections' tooltips are not shown by Qt)."""
        return "\n".join(s.format.toolTip() for s in self._doubt_selections + self._heard_selections
                         if s.cursor.selectionStart() <= offset < s.cursor.selectionEnd() and s.format.toolTip())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(self.cursorForPosition(self.viewport().mapFrom(self, event.pos())).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def doubtful_words(self) -> list[str]:
        """The shaded words, in order (for tests and accessibility)."""
        return self._words(self._doubt_selections)

    def words_heard_again(self) -> list[str]:
        """The words a second listen corrected, in order."""
        return self._words(self._heard_selections)

    def _words(self, selections: list[QTextEdit.ExtraSelection]) -> list[str]:
        text = self.toPlainText()
        return [text[s.cursor.selectionStart():s.cursor.selectionEnd()] for s in selections]

    def _apply(self) -> None:
        self.setExtraSelections(self._doubt_selections + self._heard_selections + self._finding_selections
                                + ([self._current] if self._current else []))


class TranscriptPanel(QWidget):
    """Transcript text with a find bar (Ctrl+F) and Edit / Save correction buttons."""

    save_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.text = TranscriptText()
        self.find_box = QLineEdit()
        self.find_box.setClearButtonEnabled(True)
        self.edit_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.find_box, 1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        self.find_box.returnPressed.connect(self.find_next)
        self.edit_button.clicked.connect(self.toggle_edit)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.text.toPlainText()))
        shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.focus_find)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.find_box.setPlaceholderText(tr("Search the transcript (Ctrl+F)"))
        self.find_box.setAccessibleName(tr("Search the transcript"))
        self.edit_button.setText(tr("Stop editing") if not self.text.isReadOnly() else tr("Edit transcript"))
        self.save_button.setText(tr("Save correction"))
        self.text.setAccessibleName(tr("Transcript"))

    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> bool:
        needle = self.find_box.text().strip()
        if not needle:
            return False
        if self.text.find(needle):
            return True
        self.text.moveCursor(QTextCursor.MoveOperation.Start)  # wrap around
        return self.text.find(needle, QTextDocument.FindFlag(0))

    def toggle_edit(self) -> None:
        editing = self.text.isReadOnly()
        self.text.setReadOnly(not editing)
        self.save_button.setEnabled(editing)
        self.retranslate()

    def stop_editing(self) -> None:
        if not self.text.isReadOnly():
            self.toggle_edit()
