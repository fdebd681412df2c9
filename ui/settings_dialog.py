"""Settings: who is reviewing, UI language, transcription language candidates, model and data folders, and whether
on-screen text is read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ui.i18n import LANGUAGES, tr
from ui.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget, settings: AppSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.reviewer = QLineEdit(settings.reviewer)
        self.organisation = QLineEdit(settings.organisation)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.candidates = QLineEdit(",".join(settings.candidates))
        self.model_folder = QLineEdit(settings.model_folder)
        self.data_folder = QLineEdit(settings.data_folder)
        self.screen_text = QCheckBox(tr("Read and check text shown on screen (OCR)"))
        self.screen_text.setChecked(settings.screen_text)
        self.screen_text.setToolTip(tr("Captions, stickers and title cards burned into the video are read offline "
                                       "and checked like speech. Off: only what is said is checked."))
        form = QFormLayout(self)
        form.addRow(tr("Your name"), self.reviewer)
        form.addRow(tr("Organisation"), self.organisation)
        form.addRow(tr("Interface language"), self.language)
        form.addRow(tr("Languages spoken in videos"), self.candidates)
        form.addRow(tr("Speech model folder (empty: bundled)"), self._with_browse(self.model_folder))
        form.addRow(tr("Data folder (after restart)"), self._with_browse(self.data_folder))
        form.addRow(tr("On-screen text"), self.screen_text)
        for widget, name in ((self.reviewer, tr("Your name")), (self.organisation, tr("Organisation")),
                             (self.language, tr("Interface language")),
                             (self.candidates, tr("Languages spoken in videos")),
                             (self.model_folder, tr("Speech model folder")), (self.data_folder, tr("Data folder")),
                             (self.screen_text, tr("On-screen text"))):
            widget.setAccessibleName(name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _with_browse(self, field: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(tr("Browse…"))
        button.clicked.connect(lambda: field.setText(QFileDialog.getExistingDirectory(self, "", field.text())
                                                     or field.text()))
        row.addWidget(button)
        return box

    def result_settings(self) -> AppSettings:
        candidates = tuple(c.strip().lower() for c in self.candidates.text().split(",") if c.strip())
        return AppSettings(self.reviewer.text().strip(), self.organisation.text().strip(),
                           self.language.currentData(), candidates or ("ms", "en"), self.model_folder.text().strip(),
                           self.data_folder.text().strip(), screen_text=self.screen_text.isChecked())
