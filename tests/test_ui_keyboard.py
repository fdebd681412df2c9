"""Keyboard-first review (issue 16): a whole video reviewed without the mouse, and the F1 shortcuts page."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.fakes import fake_services  # noqa: E402
from tests.helpers import imported  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")

SCRIPT = "Hai semua. Jangan jadi bodoh di media sosial. Dia memang bangang. Fikir dahulu sebelum menulis."
Key = Qt.Key


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a user's would be."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def typed(qtbot, window, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_a_whole_review_from_the_keyboard(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = make_window(lambda: fake_services(tmp_path / "review.db", scripts={"english.mp4": SCRIPT}))
    first = imported(qtbot, window, clips["english"])
    second = imported(qtbot, window, clips["malay"])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.library.table.setFocus()
    review = window.review
    ordered = [row["id"] for row in window.library.model.rows]
    press(qtbot, window, Key.Key_Home)  # the library has the focus: the top video opens
    assert review.video_id == ordered[0] == second
    press(qtbot, window, Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next video, wherever the focus is
    assert review.video_id == first
    terms = [row["term"] for row in review.findings.model.rows]
    assert terms == ["bodoh", "bangang"]
    press(qtbot, window, Key.Key_N)  # the first finding: selected, and played from its start
    bodoh = review.findings.selected()
    assert bodoh["term"] == "bodoh"
    assert review.comments.current == pytest.approx(bodoh["time_start"])
    press(qtbot, window, Key.Key_D)  # dismiss asks why; an empty reason is refused in the dialog
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["reason"])
    press(qtbot, window, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    typed(qtbot, window, "quoting the creator's critic")
    press(qtbot, window, Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is window)
    press(qtbot, window, Key.Key_N)
    assert review.findings.selected()["term"] == "bangang"
    press(qtbot, window, Key.Key_C)
    assert [r["disposition"] for r in review.findings.model.rows] == ["dismissed", "confirmed"]
    press(qtbot, window, Key.Key_P)  # back to the first
    assert review.findings.selected()["term"] == "bodoh"
    press(qtbot, window, Key.Key_M)
    assert QApplication.focusWidget() is review.comments.entry
    typed(qtbot, window, "Potong ayat ini")
    press(qtbot, window, Key.Key_Return)
    assert [c["text"] for c in review.detail["comments"]] == ["Potong ayat ini"]
    assert review.detail["comments"][0]["at_seconds"] == pytest.approx(bodoh["time_start"])
    press(qtbot, window, Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # approved with changes
    press(qtbot, window, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert review.detail["status"] == "approved_with_changes"
    press(qtbot, window, Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # and on to the next video
    assert review.video_id == second
    assert review.decision.chosen() is None


def test_tab_leaves_the_tables_and_f1_lists_the_shortcuts(qtbot, make_window) -> None:
    window = make_window()
    table = window.review.findings.table
    assert not table.tabKeyNavigation()
    assert not window.library.table.tabKeyNavigation()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.keys.show_help()
    dialog = QApplication.activeModalWidget()
    rows = dict(window.keys.rows())
    assert rows["Next finding"] == "N"
    assert rows["Submit decision"].startswith("Ctrl+Return")
    assert rows["Keyboard shortcuts"] == "F1"
    from PySide6.QtWidgets import QTableWidget

    assert dialog.findChild(QTableWidget).rowCount() == len(rows) > 15
    dialog.reject()
    window.tabs.setCurrentIndex(2)  # on another page the review keys are off: letters stay letters
    assert not window.keys.actions["Next finding"].isEnabled()


def test_ctrl_enter_submits_from_inside_the_note(qtbot, make_window, clips) -> None:
    window = make_window()
    video = imported(qtbot, window, clips["english"])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    review = window.review
    review.open_video(video)
    press(qtbot, window, Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    review.decision.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.decision.note)
    typed(qtbot, window, "Tukar ayat ini")
    press(qtbot, window, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert review.detail["status"] == "approved_with_changes"
    assert review.decision.note.toPlainText() == "Tukar ayat ini"  # submitted, no newline typed into the note
