"""Small dialogs that validate inline: OK stays available, and a missing answer is said in the dialog itself."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

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
        form = QFormLayout(self)
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
