"""Small dialogs that validate inline: OK stays available, and a missing answer is said in the dialog itself."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ui.i18n import tr

ERROR_STYLE = "color:#b71c1c; font-weight:600;"


class FormDialog(QDialog):
    """Line edits in a form; `accept` refuses (with the reason under the fields) while a required one is empty."""

    def __init__(self, parent: QWidget | None, title: str, fields: dict[str, tuple[str, bool]]) -> None:
        """`fields`: key → (label, required)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = {key: QLineEdit() for key in fields}
        self.required = {key for key, (_label, needed) in fields.items() if needed}
        self.labels = {key: label for key, (label, _needed) in fields.items()}
        form = self.form = QFormLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        form.addRow(self.intro)
        for key, edit in self.fields.items():
            edit.setAccessibleName(self.labels[key])
            form.addRow(self.labels[key], edit)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def values(self) -> dict[str, str]:
        return {key: " ".join(edit.text().split()) for key, edit in self.fields.items()}

    def accept(self) -> None:
        empty = [key for key in self.fields if key in self.required and not self.values()[key]]
        if empty:
            self.error.setText(tr("{field} is needed.", field=self.labels[empty[0]]))
            self.error.show()
            self.fields[empty[0]].setFocus()
            return
        super().accept()


def dismiss_dialog(parent: QWidget, term: str) -> FormDialog:
    return FormDialog(parent, tr("Dismiss finding"),
                      {"reason": (tr("Why is '{term}' a false positive here?", term=term), True)})


def identity_dialog(parent: QWidget | None, name: str = "", organisation: str = "") -> FormDialog:
    """Asked on first launch: decisions, comments and the audit log carry the reviewer's name."""
    dialog = FormDialog(parent, tr("Who is reviewing?"), {"name": (tr("Your name"), True),
                                                          "organisation": (tr("Organisation"), False)})
    dialog.set_intro(tr("Your name and organisation go on your decisions and comments, and on the reports "
                        "partners receive. You can change them later in Settings."))
    dialog.fields["name"].setText(name)
    dialog.fields["organisation"].setText(organisation)
    return dialog


def matching_campaign(typed: str, existing: list[str]) -> str:
    """The existing campaign a typed name means, ignoring case and spacing; else the typed name, tidied."""
    tidy = " ".join(typed.split())
    return next((name for name in existing if name.casefold() == tidy.casefold()), tidy)


class ImportDialog(FormDialog):
    """Which campaign the files join (an existing one, matched whatever the case), and optionally who made
    them and their caption."""

    def __init__(self, parent: QWidget | None, campaigns: list[str], current: str | None, files: int) -> None:
        super().__init__(parent, tr("Import videos"), {"creator": (tr("Creator (optional)"), False),
                                                       "caption": (tr("Caption (optional)"), False)})
        self.campaigns = campaigns
        self.campaign = QComboBox()
        self.campaign.setEditable(True)
        self.campaign.addItems(campaigns)
        self.campaign.setCurrentText(current or "")
        self.campaign.setAccessibleName(tr("Campaign name"))
        self.campaign.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.form.insertRow(1, tr("Campaign name"), self.campaign)
        self.set_intro(tr("{n} files to import.", n=files))

    def chosen_campaign(self) -> str:
        return matching_campaign(self.campaign.currentText(), self.campaigns)

    def accept(self) -> None:
        if not self.chosen_campaign():
            self.error.setText(tr("{field} is needed.", field=tr("Campaign name")))
            self.error.show()
            self.campaign.setFocus()
            return
        super().accept()
