"""The Comments tab: threads at a moment or over a range, replies, edits by the author, resolve and reopen.

The panel only shows and asks; the review page turns its signals into the core's comment use cases.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.review.lookups import Comment
from reviewer.review.vocabulary import QT_TR_NOOP
from ui.i18n import follow_language, tr
from ui.models import clock

FLAG_LABELS = {"resolved": QT_TR_NOOP("resolved"), "internal": QT_TR_NOOP("internal"), "edited": QT_TR_NOOP("edited")}
ID_ROLE = Qt.ItemDataRole.UserRole
TIME_ROLE = Qt.ItemDataRole.UserRole + 1


class CommentsPanel(QWidget):
    seek_requested = Signal(float)
    comment_requested = Signal(str)  # text; the range and the internal flag are read from the panel
    reply_requested = Signal(int, str)  # comment id, text
    edit_requested = Signal(int, str)  # comment id, new text
    resolve_requested = Signal(int, bool)  # comment id, resolved (False: reopen)

    def __init__(self) -> None:
        super().__init__()
        self.list = QTreeWidget()
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(True)
        self.entry = QLineEdit()
        self.add_button = QPushButton()
        self.reply_button, self.edit_button, self.resolve_button = QPushButton(), QPushButton(), QPushButton()
        self.in_button, self.out_button, self.clear_range_button = QPushButton(), QPushButton(), QPushButton()
        self.range_label = QLabel()
        self.internal = QCheckBox()
        self.current = 0.0
        self.range_start: float | None = None
        self.range_end: float | None = None
        self._rows: dict[int, Comment] = {}
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        range_row = QHBoxLayout()
        for widget in (self.in_button, self.out_button, self.clear_range_button, self.range_label):
            range_row.addWidget(widget)
        range_row.addStretch(1)
        range_row.addWidget(self.internal)
        thread_row = QHBoxLayout()
        thread_row.addStretch(1)
        for widget in (self.reply_button, self.edit_button, self.resolve_button):
            thread_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(thread_row)
        layout.addLayout(range_row)
        layout.addLayout(entry_row)
        self.add_button.clicked.connect(self._add)
        self.entry.returnPressed.connect(self._add)
        self.reply_button.clicked.connect(self._reply)
        self.edit_button.clicked.connect(self._edit)
        self.resolve_button.clicked.connect(self._resolve)
        self.in_button.clicked.connect(self.mark_in)
        self.out_button.clicked.connect(self.mark_out)
        self.clear_range_button.clicked.connect(self.clear_range)
        self.list.itemClicked.connect(self._seek)
        self.list.itemActivated.connect(self._seek)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(tr("Comment at the current moment…"))
        self.entry.setAccessibleName(tr("New comment"))
        self.list.setAccessibleName(tr("Comments"))
        self.reply_button.setText(tr("Reply"))
        self.edit_button.setText(tr("Edit"))
        self.in_button.setText(tr("Mark in"))
        self.out_button.setText(tr("Mark out"))
        self.clear_range_button.setText(tr("Clear range"))
        self.internal.setText(tr("Internal (not sent to the creator)"))
        self._show_range()
        self._update_buttons()

    # the moment and the range -------------------------------------------------------------------------------
    def set_time(self, seconds: float) -> None:
        self.current = seconds
        self._show_range()

    def mark_in(self) -> None:
        self.range_start = self.current
        if self.range_end is not None and self.range_end <= self.current:
            self.range_end = None
        self._show_range()

    def mark_out(self) -> None:
        if self.range_start is None or self.current <= self.range_start:
            self.range_start = self.range_start if self.range_start is not None else 0.0
        if self.current > self.range_start:
            self.range_end = self.current
        self._show_range()

    def clear_range(self) -> None:
        self.range_start = self.range_end = None
        self._show_range()

    @property
    def start(self) -> float:
        """Where a new comment goes: the range's in point, else the current moment."""
        return self.range_start if self.range_start is not None and self.range_end is not None else self.current

    def _show_range(self) -> None:
        ranged = self.range_start is not None and self.range_end is not None
        self.range_label.setText(f"{clock(self.range_start)}–{clock(self.range_end)}" if ranged
                                 else (f"{clock(self.range_start)}–…" if self.range_start is not None else ""))
        self.clear_range_button.setVisible(self.range_start is not None)
        when = f"{clock(self.range_start)}–{clock(self.range_end)}" if ranged else clock(self.current)
        self.add_button.setText(tr("Comment at {time}", time=when))

    # the threads ---------------------------------------------------------------------------------------------
    def set_comments(self, comments: list[Comment]) -> None:
        """`comments` in thread order (each thread's replies right after it), as the core returns them."""
        self.list.clear()
        self._rows = {row["id"]: row for row in comments}
        threads: dict[str, QTreeWidgetItem] = {}
        for row in comments:
            parent = threads.get(row["parent_uid"] or "")
            item = QTreeWidgetItem([self._label(row)])
            item.setData(0, ID_ROLE, row["id"])
            item.setData(0, TIME_ROLE, row["at_seconds"])
            if row["resolved"]:
                item.setForeground(0, QBrush(QColor("#757575")))
            if parent is not None:
                parent.addChild(item)
            else:
                self.list.addTopLevelItem(item)
                if row["uid"]:
                    threads[row["uid"]] = item
        self.list.expandAll()
        self._update_buttons()

    def count(self) -> int:
        return self.list.topLevelItemCount()

    def _label(self, row: Comment) -> str:
        if row["parent_uid"]:
            return f"↳ {row['reviewer']}: {row['text']}"
        when = clock(row["at_seconds"]) + (f"–{clock(row['end_seconds'])}" if row["end_seconds"] is not None
                                           else "")
        present = {"resolved": row["resolved"], "internal": row["internal"], "edited": row["edited_at"]}
        flags = [tr(label) for flag, label in FLAG_LABELS.items() if present[flag]]
        return f"{when}  {row['reviewer']}: {row['text']}" + (f"  [{', '.join(flags)}]" if flags else "")

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def _thread_row(self) -> Comment | None:
        item = self.list.currentItem()
        if item is None:
            return None
        root = item.parent() or item
        return self._rows.get(int(root.data(0, ID_ROLE)))

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.reply_button, self.edit_button, self.resolve_button):
            button.setEnabled(chosen)
        thread = self._thread_row()
        self.resolve_button.setText(tr("Reopen") if thread and thread["resolved"] else tr("Resolve"))

    def _seek(self, item: QTreeWidgetItem) -> None:
        seconds = item.data(0, TIME_ROLE)
        if seconds is not None:
            self.seek_requested.emit(float(seconds))

    def _add(self) -> None:
        if self.entry.text().strip():
            self.comment_requested.emit(self.entry.text().strip())
            self.entry.clear()
            self.clear_range()

    def _reply(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        text = self.entry.text().strip() or self.ask_text(tr("Reply"), "")
        if text:
            self.reply_requested.emit(chosen, text)
            self.entry.clear()

    def _edit(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        text = self.ask_text(tr("Edit comment"), self._rows[chosen]["text"])
        if text and text != self._rows[chosen]["text"]:
            self.edit_requested.emit(chosen, text)

    def _resolve(self) -> None:
        thread = self._thread_row()
        if thread is not None:
            self.resolve_requested.emit(int(thread["id"]), not thread["resolved"])

    def ask_text(self, title: str, text: str) -> str:
        """Ask for a comment's text (a seam: tests answer it)."""
        answer, ok = QInputDialog.getText(self, title, tr("Comment"), QLineEdit.EchoMode.Normal, text)
        return answer.strip() if ok else ""
