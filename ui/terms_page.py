"""Term lists: view, search, add, edit, disable terms; import and export CSV. Every change bumps the version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import UserError
from reviewer.review.services import Services
from reviewer.review.term_lists import (
    ListExistsError,
    Term,
    TermList,
    TermListError,
    active_lists,
    import_list,
    invalid_lists,
    load_term_list,
    repair_lists,
    save_list,
    to_csv,
)
from reviewer.review.vocabulary import QT_TR_NOOP
from ui.i18n import follow_language, tr
from ui.models import TermsTableModel
from ui.term_dialog import TermDialog


class TermsPage(QWidget):
    lists_changed = Signal()
    message = Signal(str)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.lists: list[TermList] = []
        self.list_view = QListWidget()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.model = TermsTableModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)  # variants can be long: cap them
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the suggestion gets the room left
        self.table.setColumnWidth(4, 200)
        self.info = QLabel()
        self.broken = QLabel()  # lists disabled because they fail validation, with a way back
        self.broken.setWordWrap(True)
        self.broken.setStyleSheet("background:#fff3e0; color:#bf360c; padding:6px; border-radius:4px;")
        self.repair_button = QPushButton()
        self.repair_button.clicked.connect(self.repair)
        self.buttons = {key: QPushButton() for key in ("add", "edit", "toggle", "import", "merge", "export")}
        side = QVBoxLayout()
        side.addWidget(self.list_view, 1)
        side.addWidget(self.buttons["import"])
        side.addWidget(self.buttons["merge"])
        side.addWidget(self.buttons["export"])
        right = QVBoxLayout()
        warning = QHBoxLayout()
        warning.addWidget(self.broken, 1)
        warning.addWidget(self.repair_button)
        right.addLayout(warning)
        right.addWidget(self.info)
        right.addWidget(self.search)
        right.addWidget(self.table, 1)
        row = QHBoxLayout()
        for key in ("add", "edit", "toggle"):
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        right.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 1)
        layout.addLayout(right, 3)
        self.search.textChanged.connect(self._search)
        self.list_view.currentRowChanged.connect(self._show_list)
        self.table.doubleClicked.connect(lambda _: self.edit_term())
        self.buttons["add"].clicked.connect(self.add_term)
        self.buttons["edit"].clicked.connect(self.edit_term)
        self.buttons["toggle"].clicked.connect(self.toggle_term)
        self.buttons["import"].clicked.connect(lambda: self.import_csv())
        self.buttons["export"].clicked.connect(lambda: self.export_csv())
        self.buttons["merge"].clicked.connect(lambda: self.merge_csv())
        follow_language(self, self.retranslate)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        labels = {"add": QT_TR_NOOP("Add term…"), "edit": QT_TR_NOOP("Edit term…"),
                  "toggle": QT_TR_NOOP("Disable / enable"), "import": QT_TR_NOOP("Import CSV…"),
                  "merge": QT_TR_NOOP("Merge CSV into…"),
                  "export": QT_TR_NOOP("Export CSV…")}
        for key, button in self.buttons.items():
            button.setText(tr(labels[key]))
            button.setAccessibleName(tr(labels[key]))
        self.repair_button.setText(tr("Repair"))
        self.repair_button.setAccessibleName(tr("Repair invalid term lists"))
        self.search.setPlaceholderText(tr("Search terms"))
        self.search.setAccessibleName(tr("Search terms"))
        self.table.setAccessibleName(tr("Terms"))
        self.list_view.setAccessibleName(tr("Term lists"))
        self.model.retranslate()
        self._show_info()
        self._show_broken()

    def _show_broken(self) -> None:
        self.invalid = invalid_lists(self.services.store)
        self.broken.setText(tr("Disabled because they are invalid: {names}. Repair drops the bad rows "
                               "(a duplicate keeps its first row).", names=", ".join(self.invalid)))
        self.broken.setVisible(bool(self.invalid))
        self.repair_button.setVisible(bool(self.invalid))

    def repair(self) -> None:
        report = repair_lists(self.services.store)
        self.reload()
        self.lists_changed.emit()
        self.message.emit(tr("Repaired: {names}.", names=", ".join(n for n in report if n not in self.invalid))
                          if report else tr("All term lists are valid."))

    def reload(self, select: str | None = None) -> None:
        current = select or (self.current.name if self.current else None)
        self.lists = active_lists(self.services.store)
        self.list_view.blockSignals(True)
        self.list_view.clear()
        for term_list in self.lists:
            self.list_view.addItem(f"{term_list.name}  v{term_list.version}  ({len(term_list.terms)})")
        self.list_view.blockSignals(False)
        names = [lst.name for lst in self.lists]
        self.list_view.setCurrentRow(names.index(current) if current in names else 0)
        self._show_list(self.list_view.currentRow())
        self._show_broken()

    @property
    def current(self) -> TermList | None:
        row = self.list_view.currentRow() if hasattr(self, "list_view") else -1
        return self.lists[row] if 0 <= row < len(self.lists) else None

    def _show_list(self, row: int) -> None:
        """The selected list's terms; while searching, the terms of every list (the List column says which)."""
        searching = bool(self.search.text().strip())
        if searching:
            self.model.set_rows([term for term_list in self.lists for term in term_list.terms])
        else:
            self.model.set_rows(self.lists[row].terms if 0 <= row < len(self.lists) else [])
        self.table.setColumnHidden(len(self.model.columns) - 1, not searching)  # the List column
        self._show_info()

    def _search(self, text: str) -> None:
        self._show_list(self.list_view.currentRow())
        self.proxy.setFilterFixedString(text.strip())

    def _focus_list(self, term: Term) -> None:
        """Edits apply to the term's own list, which a search across all lists may not have selected."""
        names = [lst.name for lst in self.lists]
        if term.list_name in names and self.current is not None and term.list_name != self.current.name:
            self.list_view.setCurrentRow(names.index(term.list_name))

    def categories(self) -> list[str]:
        return sorted({term.category for term_list in self.lists for term in term_list.terms})

    def _show_info(self) -> None:
        current = self.current
        self.info.setText(tr("{name} · version {version} · {count} terms · SHA-256 {sha}", name=current.name,
                             version=current.version, count=len(current.terms), sha=current.sha256[:12])
                          if current else "")

    def _current_terms(self) -> tuple[Term, ...]:
        return self.current.terms if self.current is not None else ()

    def _selected_term(self) -> Term | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _save(self, terms: list[Term], what: str) -> None:
        current = self.current
        if current is None:
            return
        saved = save_list(self.services.store, current.with_terms(terms))
        self.reload(saved.name)
        self.lists_changed.emit()
        self.message.emit(tr("{what}: {name} is now version {version}.", what=what, name=saved.name,
                             version=saved.version))

    def _check_unique(self, term: Term, replacing: Term | None = None) -> None:
        key = term.term.casefold()
        if self.current is not None and any(t.term.casefold() == key for t in self.current.terms
                                            if t is not replacing):
            raise UserError(tr("'{term}' is already in {name}: edit that term instead.", term=term.term,
                               name=self.current.name))

    def add_term(self) -> TermDialog | None:
        if self.current is None:
            return None

        def save(term: Term) -> None:
            self._check_unique(term)
            self._save([*self._current_terms(), term], tr("Term added"))

        dialog = TermDialog(self, save=save, categories=self.categories())
        dialog.open()
        return dialog

    def edit_term(self) -> TermDialog | None:
        term = self._selected_term()
        if term is None:
            return None
        self._focus_list(term)
        term = next((t for t in self._current_terms() if t.term == term.term), term)

        def save(edited: Term) -> None:
            self._check_unique(edited, term)
            self._save([edited if t is term else t for t in self._current_terms()], tr("Term edited"))

        dialog = TermDialog(self, term, save=save, categories=self.categories())
        dialog.open()
        return dialog

    def toggle_term(self) -> None:
        term = self._selected_term()
        if term is not None:
            self._focus_list(term)
            term = next((t for t in self._current_terms() if t.term == term.term), term)
            flipped = replace(term, enabled=not term.enabled)
            try:
                self._save([flipped if t is term else t for t in self._current_terms()],
                           tr("Term enabled") if flipped.enabled else tr("Term disabled"))
            except UserError as exc:
                self.message.emit(str(exc))

    def import_csv(self, path: str | None = None) -> bool:
        """Import a whole list; any invalid row means nothing is imported, and every bad row is shown."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import term list"), "", "CSV (*.csv)")
        if not path:
            return False
        try:
            term_list = load_term_list(path)
        except TermListError as exc:
            self.last_errors = [str(e) for e in exc.errors]
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Nothing was imported"),
                              tr("{path} has {n} problems. Fix them and import again.", path=Path(path).name,
                                 n=len(exc.errors)), parent=self)
            box.setDetailedText("\n".join(self.last_errors))
            box.open()
            self.message.emit(tr("Nothing was imported: {n} invalid rows.", n=len(exc.errors)))
            return False
        except UserError as exc:
            self.message.emit(str(exc))
            return False
        try:
            saved = import_list(self.services.store, term_list)
        except ListExistsError:  # never replace a list silently: ask first
            box = QMessageBox(QMessageBox.Icon.Question, tr("Replace term list?"),
                              tr("A list named {name} already exists. Replace it with this file (as a new "
                                 "version)?", name=term_list.name),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
            def answered(answer: int) -> None:
                if answer == QMessageBox.StandardButton.Yes:
                    self._imported(import_list(self.services.store, term_list, replace=True))

            box.finished.connect(answered)
            self.replace_box = box
            box.open()
            self.message.emit(tr("Nothing was imported yet: a list named {name} already exists.",
                                 name=term_list.name))
            return False
        self._imported(saved)
        return True

    def merge_csv(self, path: str | None = None, target: str | None = None) -> bool:
        """Add a CSV's terms to an existing list instead of making a new one; a term in both takes the file's
        version. The merged list is validated as an import is."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Merge CSV into…"), "", "CSV (*.csv)")
        names = [lst.name for lst in self.lists]
        if not path or not names:
            return False
        try:
            incoming = load_term_list(path)
            if target is None:
                target, ok = QInputDialog.getItem(self, tr("Merge CSV into…"), tr("Add the terms of {file} to:",
                                                  file=Path(path).name), names, self.list_view.currentRow(), False)
                if not ok:
                    return False
            into = self.lists[names.index(target)]
            keys = {t.term.casefold() for t in incoming.terms}
            merged = [t for t in into.terms if t.term.casefold() not in keys] + \
                [replace(t, list_name=into.name) for t in incoming.terms]
            saved = save_list(self.services.store, into.with_terms(merged))
        except UserError as exc:
            self.message.emit(str(exc))
            return False
        self.reload(saved.name)
        self.lists_changed.emit()
        self.message.emit(tr("Merged {n} terms into {name} (now version {version}).", n=len(incoming.terms),
                             name=saved.name, version=saved.version))
        return True

    def _imported(self, saved: TermList) -> None:
        self.reload(saved.name)
        self.lists_changed.emit()
        self.message.emit(tr("Imported {name} ({n} terms).", name=saved.name, n=len(saved.terms)))

    def export_csv(self, path: str | None = None) -> None:
        if self.current is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export term list"), f"{self.current.name}.csv",
                                                  "CSV (*.csv)")
        if path:
            from reviewer.fileio import write_text_atomic

            write_text_atomic(path, "\ufeff" + to_csv(self.current))  # a BOM: spreadsheets then read UTF-8
            self.message.emit(tr("Exported {name} to {path}.", name=self.current.name, path=path))
