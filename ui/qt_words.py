"""Qt's own words, in our translations: Qt ships no Malay (no qtbase_ms), so its standard buttons and its file
dialog would stay English in a Malay interface.

Qt asks for these in its own translation contexts (QPlatformTheme, QGnomeTheme, QFileDialog, QFileSystemModel).
Marking them here puts those contexts in assets/i18n/thinktwice_ms.ts (lupdate reads this file), and our
QTranslator then answers Qt too: every QDialogButtonBox, QMessageBox, QInputDialog and (non-native) QFileDialog we
create speaks the interface language, with no per-dialog code.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _text(text: object) -> str:
    """QT_TRANSLATE_NOOP returns its text untyped."""
    return str(text)


# The standard buttons, keyed by their StandardButton name (tests/test_ui_malay.py checks every one we use is here).
STANDARD_BUTTONS: dict[str, str] = {
    "Ok": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "OK")),
    "Save": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Save")),
    "SaveAll": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Save All")),
    "Open": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Open")),
    "Yes": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")),
    "YesToAll": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All")),
    "No": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "&No")),
    "NoToAll": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All")),
    "Abort": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Abort")),
    "Retry": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")),
    "Ignore": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")),
    "Close": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Close")),
    "Cancel": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")),
    "Discard": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")),
    "Help": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Help")),
    "Apply": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")),
    "Reset": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")),
    "RestoreDefaults": _text(QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")),
}
# GNOME's theme words a few of them its own way (with mnemonics).
GNOME_BUTTONS = (_text(QT_TRANSLATE_NOOP("QGnomeTheme", "&OK")), _text(QT_TRANSLATE_NOOP("QGnomeTheme", "&Save")),
                 _text(QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel")),
                 _text(QT_TRANSLATE_NOOP("QGnomeTheme", "&Close")),
                 _text(QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving")))
# Qt's own file dialog (used where the platform offers none, e.g. a bare X11 session) and its file list's headers.
FILE_DIALOG_WORDS = (
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "File &name:")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Directory:")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&Open")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&Save")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&Choose")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Back")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Forward")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "List View")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Detail View")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&Rename")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&Delete")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "&New Folder")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "New Folder")),
    _text(QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)")),
    _text(QT_TRANSLATE_NOOP("QFileSystemModel", "Computer")),
    _text(QT_TRANSLATE_NOOP("QFileSystemModel", "Name")),
    _text(QT_TRANSLATE_NOOP("QFileSystemModel", "Size")),
    _text(QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified")),
)


def file_type_header() -> str:
    """The file list's "Type" header: Qt asks for it with a disambiguation, which only a real translate() call
    carries to lupdate."""
    return QCoreApplication.translate("QFileSystemModel", "Type", "All other platforms")
