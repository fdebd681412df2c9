"""Export options asked at export time: the document's language (the interface language unless changed) and,
for creator feedback, PDF or a self-contained HTML page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from ui.i18n import LANGUAGE, tr

LANGUAGE_CHOICES = (("en", "English"), ("ms", "Bahasa Melayu"))  # each named in its own language, never translated


@dataclass(frozen=True)
class ExportChoice:
    language: str
    fmt: str = "pdf"


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, with_format: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.language = QComboBox()
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(LANGUAGE.code)))
        self.format = QComboBox()
        self.format.addItem(tr("PDF document"), "pdf")
        self.format.addItem(tr("Web page for phones (HTML)"), "html")
        form = QFormLayout(self)
        form.addRow(tr("Language of the document"), self.language)
        if with_format:
            form.addRow(tr("Format"), self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> ExportChoice:
        return ExportChoice(str(self.language.currentData()), str(self.format.currentData()))


def ask_export_choice(parent: QWidget | None, title: str, with_format: bool = False) -> ExportChoice | None:
    dialog = ExportDialog(parent, title, with_format)
    return dialog.choice() if dialog.exec() else None
