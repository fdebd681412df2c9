"""Table models over plain rows from the core (lists of dicts). No widgets here, so they test on their own.

The library model loads thumbnails lazily: a view only asks for the rows it shows, so a 10,000-video library
opens as fast as a 10-video one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from reviewer.review.checking import context
from reviewer.review.lookups import FindingRow, first_heard
from reviewer.review.term_lists import Term
from reviewer.review.vocabulary import QT_TR_NOOP, SEVERITY_COLOURS, STATUS_COLOURS, STATUS_LABELS, clock
from ui.i18n import category, suggestion, tr

Index = QModelIndex | QPersistentModelIndex




RowT = TypeVar("RowT")
Row = dict[str, Any]


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """Shared plumbing: rows are records (dicts from the core, or Terms); subclasses say which columns and how."""

    columns: tuple[str, ...] = ()

    def __init__(self, rows: Sequence[RowT] = ()) -> None:
        super().__init__()
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> RowT:
        return self._rows[index]

    @property
    def rows(self) -> list[RowT]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.columns[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


class VideoTableModel(RowsModel[Row]):
    columns = (QT_TR_NOOP("Video"), QT_TR_NOOP("Status"), QT_TR_NOOP("Findings"))

    def __init__(self, rows: Sequence[Row] = (), thumbnails: Callable[[int], bytes | None] | None = None) -> None:
        super().__init__(rows)
        self._thumbnails = thumbnails
        self._pixmaps: dict[int, QPixmap | None] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._pixmaps.clear()
        super().set_rows(rows)

    def thumbnail(self, video_id: int) -> QPixmap | None:
        if video_id not in self._pixmaps:
            data = self._thumbnails(video_id) if self._thumbnails else None
            pixmap = QPixmap()
            self._pixmaps[video_id] = pixmap.scaledToHeight(40) if data and pixmap.loadFromData(data) else None
        return self._pixmaps[video_id]

    @staticmethod
    def counts(row: Row) -> str:
        parts = [f"{row[f'findings_{s}']} {tr(s)}" for s in ("critical", "high", "medium", "low")
                 if row[f"findings_{s}"]]
        return ", ".join(parts) or tr("none")

    @staticmethod
    def status_text(row: Row) -> str:
        """A missing file is never shown as approved (the core looked at each file before listing)."""
        label = tr(STATUS_LABELS[row["status"]])
        return tr("File missing (recorded: {status})", status=label) if row.get("file") == "missing" else label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"Video": f"{row['original_name']}\nv{row['version']} · {row['creator'] or '—'}",
                    "Status": self.status_text(row) + (" ⚠" if row["changed_since_review"] else "")
                    + (" · " + tr("{n} new", n=row["new_findings"]) if row.get("new_findings") else "")
                    + ("" if row.get("has_transcript", True) else "\n" + tr("no transcript"))
                    + ("\n⚠ " + tr("audio damaged") if row.get("audio_damaged") else "")
                    + ("\n" + row["decided"] if row.get("decided") else ""),
                    "Findings": (self.counts(row) if row.get("has_transcript", True) else tr("not checked")) + (
                        "\n" + tr("{n} unresolved comments", n=row["open_comments"]) if row.get("open_comments")
                        else "")}[column]
        if role == Qt.ItemDataRole.DecorationRole and column == "Video":
            return self.thumbnail(row["id"])
        if role == Qt.ItemDataRole.ToolTipRole and column == "Video":  # the whole name, however it is elided
            return row["original_name"] + (f"\n{row['creator']}" if row["creator"] else "")
        if role == Qt.ItemDataRole.DecorationRole and column == "Status" and row.get("stale"):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        if role == Qt.ItemDataRole.ForegroundRole and column == "Status":
            return QBrush(QColor(STATUS_COLOURS[row["status"]]))
        if role == Qt.ItemDataRole.ToolTipRole and column == "Status":
            tips = [tr("Changed since review: needs a new decision")] if row["changed_since_review"] else []
            if not row.get("has_transcript", True):
                tips.append(tr("No transcript: nothing this video says was checked"))
            if row.get("audio_damaged"):
                tips.append(tr("Audio damaged: part of what this video says could not be decoded, so it was not "
                               "checked"))
            if row.get("new_findings"):
                tips.append(tr("{n} new findings since the decision", n=row["new_findings"]))
            if row.get("file") == "missing":
                tips.append(tr("The file is missing: this status cannot be verified. Use File → Locate media…"))
            if row.get("stale"):
                tips.append(tr("Checked against an older term list: re-check before deciding."))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class FindingsTableModel(RowsModel[FindingRow]):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Term"), QT_TR_NOOP("Severity"), QT_TR_NOOP("Kind"),
               QT_TR_NOOP("Disposition"))
    # shown for the selected finding, below the table
    detail_columns = (QT_TR_NOOP("Category"), QT_TR_NOOP("Context"), QT_TR_NOOP("Suggestion"),
                      QT_TR_NOOP("Second check"))

    def __init__(self, rows: Sequence[FindingRow] = (), text: str = "") -> None:
        super().__init__(rows)
        self.text = text

    def set_findings(self, rows: Sequence[FindingRow], text: str) -> None:
        self.text = text
        self.set_rows(rows)

    def value(self, row: FindingRow, column: str) -> str:
        """The text of one cell; also used for the detail columns of the selected finding."""
        if column == "Time":
            where = " " + tr("on screen") if row["source"] == "screen" else ""
            if row["time_start"] is not None:
                return clock(row["time_start"]) + where
            return tr("caption") if row["source"] == "caption" else ""
        if column == "Context":
            return context(self.text, row["start"], row["end"], 40) if row["source"] == "transcript" \
                else row["matched"]
        if column == "Second check":  # empty unless a targeted second listen or look settled the term
            heard = first_heard(row)
            if not heard:
                return ""
            if row["source"] == "screen":
                return tr("read as '{heard}', confirmed '{term}' on a second look", heard=heard, term=row["term"])
            return tr("heard as '{heard}', confirmed '{term}' on re-listening", heard=heard, term=row["term"])
        if column == "Kind":
            if first_heard(row):
                return tr("confirmed on a second look") if row["source"] == "screen" \
                    else tr("confirmed on re-listening")
            if row.get("verification") == "look" or (row["kind"] == "fuzzy" and row.get("source") == "screen"):
                return tr("look to confirm")
            if row.get("verification") == "confirmed" and row.get("source") == "screen":
                return tr("{kind}, confirmed on a second look", kind=tr(row["kind"]))
            return tr("listen to confirm") if row["kind"] == "fuzzy" else tr(row["kind"])
        if column == "Disposition":
            if row.get("disagreement"):  # reviewers disagree: open until they agree
                return tr("disagreement ({who})", who=row["disposition_by"]) + (
                    f": {row['reason']}" if row.get("reason") else "")
            return tr(row["disposition"]) + (f": {row['reason']}" if row["reason"] else "")
        if column == "Severity":
            return tr(row["severity"])
        return {"Term": row["term"], "Category": category(row["category"]),
                "Suggestion": suggestion(row["suggestion"])}[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "Severity":
            return QBrush(QColor(SEVERITY_COLOURS[row["severity"]]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{tr(c)}: {value}" for c in self.detail_columns if (value := self.value(row, c)))
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class TermsTableModel(RowsModel[Term]):
    columns = (QT_TR_NOOP("Term"), QT_TR_NOOP("Category"), QT_TR_NOOP("Severity"), QT_TR_NOOP("Language"),
               QT_TR_NOOP("Variants"), QT_TR_NOOP("Suggestion"), QT_TR_NOOP("Enabled"), QT_TR_NOOP("List"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        term, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"Term": term.term, "Category": category(term.category), "Severity": tr(term.severity),
                    "Language": term.language, "Variants": " | ".join(term.variants),
                    "Suggestion": suggestion(term.suggestion),
                    "Enabled": tr("yes") if term.enabled else tr("no"), "List": term.list_name}[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if not term.enabled:
                return QBrush(QColor("#9e9e9e"))
            if column == "Severity":
                return QBrush(QColor(SEVERITY_COLOURS[term.severity]))
        return None
