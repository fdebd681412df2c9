"""Add or edit one term; the list is validated (as an import is) before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from reviewer.errors import UserError
from reviewer.review.term_lists import LANGUAGES, SEVERITIES, Term, TermListError, as_severity
from reviewer.review.vocabulary import QT_TR_NOOP
from ui.dialogs import ERROR_STYLE
from ui.i18n import tr


class TermDialog(QDialog):
    """Add or edit one term. OK runs `save`; if the list would be invalid the dialog stays open with the reason."""

    def __init__(self, parent: QWidget, term: Term | None = None, save: Callable[[Term], None] | None = None,
                 categories: list[str] | None = None) -> None:
        """`categories`: the ones the lists use already, offered as the category is typed."""
        super().__init__(parent)
        self.save = save
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.setWindowTitle(tr("Edit term") if term else tr("Add term"))
        self.fields = {name: QLineEdit() for name in ("term", "category", "variants", "exceptions", "suggestion",
                                                       "note")}
        self.severity, self.language = QComboBox(), QComboBox()
        self.severity.addItems(SEVERITIES)
        self.language.addItems(LANGUAGES)
        form = QFormLayout(self)
        labels = {"term": QT_TR_NOOP("Term"), "category": QT_TR_NOOP("Category"),
                  "variants": QT_TR_NOOP("Variants (|-separated)"),
                  "exceptions": QT_TR_NOOP("Exceptions (|-separated)"),
                  "suggestion": QT_TR_NOOP("Kinder wording"), "note": QT_TR_NOOP("Note")}
        for name, widget in self.fields.items():
            widget.setAccessibleName(tr(labels[name]))
            form.addRow(tr(labels[name]), widget)
        form.insertRow(2, tr("Severity"), self.severity)
        form.insertRow(3, tr("Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(buttons)
        if term:
            for name in ("term", "category", "suggestion", "note"):
                self.fields[name].setText(getattr(term, name))
            self.fields["variants"].setText(" | ".join(term.variants))
            self.fields["exceptions"].setText(" | ".join(term.exceptions))
            self.severity.setCurrentText(term.severity)
            self.language.setCurrentText(term.language)
        self.original = term
        completer = QCompleter(sorted(set(categories or ())), self)  # the known categories, as one types
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.fields["category"].setCompleter(completer)

    def accept(self) -> None:
        try:
            term = self.term()
            if self.save is not None:
                self.save(term)
        except UserError as exc:
            self.show_error(exc)
            return
        super().accept()

    def show_error(self, exc: UserError) -> None:
        reasons = [e.reason for e in exc.errors] if isinstance(exc, TermListError) else [str(exc)]
        self.error.setText("\n".join(reasons))
        self.error.setAccessibleName(tr("Problem"))
        self.error.show()

    def term(self) -> Term:
        split = lambda text: tuple(p.strip() for p in text.split("|") if p.strip())  # noqa: E731
        values = {name: " ".join(w.text().split()) for name, w in self.fields.items()}
        if not values["term"] or not values["category"]:
            raise UserError(tr("A term needs its words and a category."))
        return Term(values["term"], values["category"], as_severity(self.severity.currentText()) or "medium",
                    self.language.currentText(),
                    split(values["variants"]), split(values["exceptions"]), values["suggestion"], values["note"],
                    self.original.enabled if self.original else True, self.original.list_name if self.original else "")
