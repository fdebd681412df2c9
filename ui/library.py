"""The library pane: campaigns, their videos (thumbnail, status badge, finding counts), filter and search."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.review import lookups
from reviewer.review.listing import library_rows
from reviewer.review.lookups import STATUSES, thumbnail
from reviewer.review.services import Services
from reviewer.review.status import STATUS_LABELS
from ui.i18n import follow_language, tr
from ui.models import VideoTableModel


class MiddleElided(QStyledItemDelegate):
    """A long file name loses its middle, not its end: "english_kind_lo…final_v2.mp4" keeps the extension and
    the version the creator put last (the full name is in the tooltip)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: N802 (Qt API)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class LibraryPane(QWidget):
    video_selected = Signal(int)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.campaign = QComboBox()
        self.status = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.model = VideoTableModel(thumbnails=self._thumbnail)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(46)
        self.table.setIconSize(QSize(72, 40))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        # Status and Findings get fixed widths and wrap onto a second line, so a long status ("Approved with
        # changes", "Diluluskan dengan pindaan") never squeezes the video names out of view.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets what is left
        for column, width in ((1, 108), (2, 96)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(0, MiddleElided(self.table))
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.campaign, self.status, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.campaign.currentIndexChanged.connect(lambda _: self.refresh())
        self.status.currentIndexChanged.connect(lambda _: self.refresh())
        self._shown: int | None = None  # the video last announced, so a refresh re-selecting it does not reload
        self.table.clicked.connect(lambda index: self._announce(index.row(), force=True))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._announce(current.row()))
        follow_language(self, self.retranslate)
        self.retranslate()
        self.refresh_campaigns()

    def _announce(self, row: int, force: bool = False) -> None:
        """Open the video of the current row, whether it became current by click or by keyboard."""
        if 0 <= row < len(self.model.rows):
            video_id = self.model.row(row)["id"]
            if force or video_id != self._shown:
                self._shown = video_id
                self.video_selected.emit(video_id)

    def _thumbnail(self, video_id: int) -> bytes | None:
        return thumbnail(self.services.store, video_id)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("Search names, creators, captions and transcripts"))
        self.search.setAccessibleName(tr("Search videos"))
        self.campaign.setAccessibleName(tr("Campaign"))
        self.status.setAccessibleName(tr("Filter by status"))
        self.table.setAccessibleName(tr("Videos"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(tr("All statuses"), None)
        for status in STATUSES:
            self.status.addItem(tr(STATUS_LABELS[status]), status)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)
        if self.campaign.count():
            self.campaign.setItemText(0, tr("All campaigns"))
        self.model.retranslate()
        self._show_count()

    def refresh_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItem(tr("All campaigns"), None)
        for campaign in lookups.campaigns(self.services.store):
            self.campaign.addItem(f"{campaign['name']} ({campaign['videos']})", campaign["name"])
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))
        self.campaign.blockSignals(False)
        self.refresh()

    @property
    def current_campaign(self) -> str | None:
        return self.campaign.currentData()

    def refresh(self) -> None:
        selected = self.selected_id()
        rows = library_rows(self.services.store, self.campaign.currentData(), self.status.currentData(),
                            self.search.text(), list(self.services.term_list_refs()))  # files looked at, lists
        self.model.set_rows(rows)
        self._show_count()
        if selected is not None:
            for number, row in enumerate(rows):
                if row["id"] == selected:
                    self.table.selectRow(number)
                    break

    def _show_count(self) -> None:
        self.count.setText(tr("{n} videos", n=len(self.model.rows)))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(rows[0].row())["id"] if rows else None

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) video; it opens, as with the arrow keys."""
        if self.model.rows:
            current = self.table.currentIndex().row()
            target = 0 if current < 0 else max(0, min(len(self.model.rows) - 1, current + delta))
            self.table.selectRow(target)
            self.table.scrollTo(self.model.index(target, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def select(self, video_id: int) -> None:
        for number, row in enumerate(self.model.rows):
            if row["id"] == video_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0), QAbstractItemView.ScrollHint.EnsureVisible)
                return

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 600)

