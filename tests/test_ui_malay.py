"""The app in Bahasa Melayu says what the Malay PDF says: guideline areas and kinder wording come from the core's
vocabulary, and Qt's standard dialog buttons (OK, Cancel, Yes…) speak Malay through our own translations."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCharts import QBarCategoryAxis  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox  # noqa: E402

from reviewer.review.vocabulary import kinder_wording, vocabulary  # noqa: E402
from tests.conftest import REPO  # noqa: E402
from tests.helpers import imported  # noqa: E402
from ui.i18n import LANGUAGE, translations  # noqa: E402
from ui.qt_words import STANDARD_BUTTONS  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")
BULLYING = "Harassment and Bullying"


def chart_categories(view) -> list[str]:
    return [name for axis in view.chart().axes() if isinstance(axis, QBarCategoryAxis) for name in axis.categories()]


def test_malay_app_names_categories_and_suggestions_as_the_malay_pdf_does(qtbot, make_window, clips) -> None:
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    window.review.findings.table.selectRow(0)
    pdf = vocabulary("ms")  # what the Malay report prints
    malay = pdf.category(BULLYING)
    assert malay == "Gangguan dan buli"
    LANGUAGE.set("ms")
    assert malay in chart_categories(window.dashboard.category_chart)
    assert BULLYING not in chart_categories(window.dashboard.category_chart)
    finding = window.review.findings.model.rows[0]
    assert finding["category"] == BULLYING
    model = window.review.findings.model
    assert model.value(finding, "Category") == malay
    assert model.value(finding, "Suggestion") == kinder_wording(finding["suggestion"], "ms")
    assert model.value(finding, "Suggestion") != finding["suggestion"]
    assert malay in window.review.findings.detail.text()
    page = window.terms
    page.list_view.setCurrentRow(next(number for number, term_list in enumerate(page.lists)
                                      if any(t.suggestion == "Remove the slur" for t in term_list.terms)))
    terms = page.model
    shown = {(terms.index(r, 1).data(), terms.index(r, 5).data()) for r in range(terms.rowCount())}
    categories = {term.category for term in page.current.terms}
    assert {category for category, _ in shown} == {pdf.category(category) for category in categories}
    assert not categories & {category for category, _ in shown}  # "Hate Speech and Hateful Behavior" is gone
    assert not any(suggestion == "Remove the slur" for _, suggestion in shown)
    assert kinder_wording("Remove the slur", "ms") in {s for _, s in shown}
    editor = window.script.editor
    editor.setPlainText("Jangan jadi bodoh")
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(editor.document())
    cursor.setPosition(13)
    described = editor.describe(editor.highlighter.finding_at(cursor))
    assert malay in described
    assert BULLYING not in described
    LANGUAGE.set("en")  # and back: the lists' own words
    assert BULLYING in chart_categories(window.dashboard.category_chart)
    assert model.value(finding, "Category") == BULLYING
    assert model.value(finding, "Suggestion") == finding["suggestion"]


def standard_buttons_used() -> set[str]:
    """Every QDialogButtonBox/QMessageBox standard button our code asks Qt for."""
    return {name for path in (REPO / "ui").glob("*.py")
            for name in re.findall(r"StandardButton\.(\w+)", path.read_text(encoding="utf-8"))}


def test_every_standard_button_we_use_has_malay_text(qtbot) -> None:
    used = standard_buttons_used()
    assert {"Ok", "Cancel", "Yes", "No", "Close"} <= used
    assert used <= set(STANDARD_BUTTONS), "add the button to ui.i18n.STANDARD_BUTTONS and translate it"
    LANGUAGE.set("ms")
    malay = translations("ms")
    for name in used:
        button = getattr(QMessageBox.StandardButton, name)
        box = QMessageBox(QMessageBox.Icon.Question, "t", "q", button)
        qtbot.addWidget(box)
        assert box.button(button).text() == malay[STANDARD_BUTTONS[name]], name
    cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(cancel)
    assert [b.text() for b in cancel.buttons()] == ["OK", "Batal"]


def test_our_dialogs_show_malay_buttons(qtbot, make_window) -> None:
    from ui.dialogs import dismiss_dialog, identity_dialog
    from ui.export_dialog import ExportDialog
    from ui.settings import AppSettings
    from ui.settings_dialog import SettingsDialog
    from ui.term_dialog import TermDialog

    window = make_window()
    LANGUAGE.set("ms")
    dialogs = [SettingsDialog(window, AppSettings(reviewer="Aina")), identity_dialog(window),
               dismiss_dialog(window, "bodoh"), ExportDialog(window, "Eksport"), TermDialog(window),
               window.keys.show_help()]
    english = {"OK", "Cancel", "&Yes", "&No", "Close", "Save", "Yes", "No"} - {"OK"}
    for dialog in dialogs:
        texts = [button.text() for box in dialog.findChildren(QDialogButtonBox) for button in box.buttons()]
        assert texts, dialog
        assert not set(texts) & english, (type(dialog).__name__, texts)
        dialog.close()
    assert {"Batal", "Tutup"} <= {button.text() for dialog in dialogs for box in dialog.findChildren(QDialogButtonBox)
                                  for button in box.buttons()}


def test_qts_own_file_dialog_speaks_malay(qtbot) -> None:
    """Where the platform has no file dialog of its own (a bare X11 session), Qt's widget dialog shows; in Malay
    its labels, buttons, tool tips and column headers are Malay too."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QFileDialog, QLabel, QWidget

    from ui.qt_words import FILE_DIALOG_WORDS, file_type_header

    english = {*FILE_DIALOG_WORDS, "Type", "Cancel"}
    LANGUAGE.set("ms")
    assert file_type_header() == "Jenis"
    for mode, file_mode in ((QFileDialog.AcceptMode.AcceptOpen, QFileDialog.FileMode.ExistingFiles),
                            (QFileDialog.AcceptMode.AcceptSave, QFileDialog.FileMode.AnyFile),
                            (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.FileMode.Directory)):
        dialog = QFileDialog(None, "t")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.setFileMode(file_mode)
        dialog.show()
        shown = {text for widget in dialog.findChildren(QWidget) for text in (
            widget.text() if isinstance(widget, QLabel | QAbstractButton) else "", widget.toolTip()) if text}
        shown |= {str(view.model().headerData(column, Qt.Orientation.Horizontal))
                  for view in dialog.findChildren(QAbstractItemView) if view.model() is not None
                  for column in range(view.model().columnCount())}
        assert {"&Buka", "Batal"} & shown or "&Simpan" in shown or "&Pilih" in shown, shown
        assert not shown & english, (mode, file_mode, sorted(shown & english))
        dialog.close()
