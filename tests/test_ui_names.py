"""Names stay readable: background work rows name their video first, the library elides long names in the middle
(keeping the extension), and an emoji in a name is drawn with the bundled emoji font, not a tofu box."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextLayout  # noqa: E402
from PySide6.QtWidgets import QStyleOptionViewItem  # noqa: E402

from tests.fakes import fake_services  # noqa: E402
from ui.i18n import LANGUAGE, translations  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")
LONG = "english_kind_long_name_for_a_campaign_video_final_v2.mp4"


def test_background_rows_name_their_video_first(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = make_window(lambda: fake_services(tmp_path / "review.db", delay=3.0))
    clip = tmp_path / LONG
    shutil.copy(clips["english"], clip)
    queue = window.queue
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.import_files([str(clip)], "Kempen")
    qtbot.waitUntil(lambda: len(queue.rows) == 2, timeout=5_000)
    (imported, process) = sorted(queue.rows)
    for key, action in ((imported, "Import"), (process, "Transcribe and check")):
        _row, name, _bar, _eta, _button = queue.rows[key]
        assert name.text() == LONG  # the video's name, not "Import englis…"
        assert name.elideMode() == Qt.TextElideMode.ElideMiddle
        name.setFixedWidth(120)
        shown = name._elidedText()
        assert shown.startswith("english")
        assert shown.endswith("v2.mp4")  # the end of the name (its version, its extension) stays
        label = queue.action_labels[key]
        assert label.text() == action
        assert name.mapTo(queue, name.rect().topLeft()).x() <= label.mapTo(queue, label.rect().topLeft()).x()
    LANGUAGE.set("ms")
    assert queue.action_labels[process].text() == translations("ms")["Transcribe and check"]
    window.work.cancel(process)
    qtbot.waitUntil(lambda: window.work.tasks[process].state.finished, timeout=10_000)


def test_library_elides_long_names_in_the_middle_with_the_whole_name_in_the_tooltip(qtbot, make_window, clips,
                                                                                       tmp_path: Path) -> None:
    from tests.helpers import imported

    window = make_window()
    clip = tmp_path / LONG
    shutil.copy(clips["english"], clip)
    imported(qtbot, window, clip)
    library = window.library
    index = library.model.index(0, 0)
    assert library.model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(LONG)
    option = QStyleOptionViewItem()
    library.table.itemDelegateForColumn(0).initStyleOption(option, index)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    status = QStyleOptionViewItem()
    library.table.itemDelegate().initStyleOption(status, library.model.index(0, 1))
    assert library.table.textElideMode() == Qt.TextElideMode.ElideRight  # statuses keep their start


def glyph_runs(text: str, font) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_an_emoji_in_the_reviewer_name_is_drawn(qtbot, make_window) -> None:
    window = make_window(reviewer="Nurul Huda 🌙")
    label = window.review.decision.identity
    assert "🌙" in label.text()
    runs = glyph_runs("🌙", label.font())
    assert runs
    assert all(family == "Noto Emoji" and 0 not in glyphs for family, glyphs in runs), runs  # no tofu (glyph 0)


def test_the_decision_tab_starts_at_the_top(qtbot, make_window) -> None:
    """The status line sits under the tab, not floating at mid-height over a blank area; the note takes the room."""
    window = make_window()
    window.resize(1600, 1000)
    window.review.tabs.setCurrentWidget(window.review.decision)
    panel = window.review.decision
    panel.set_status("Current status: In review")
    qtbot.waitUntil(lambda: panel.height() > 400)
    assert panel.status.geometry().top() < 60
    assert panel.note.height() > panel.height() / 3


def test_a_finished_row_follows_a_later_language_switch(qtbot, make_window, clips) -> None:
    """'already in the library' was translated once, when the job ended: after a switch to Malay it stayed English."""
    from tests.helpers import imported

    window = make_window()
    imported(qtbot, window, clips["english"])
    with qtbot.waitSignal(window.work.task_done, timeout=20_000) as done:
        window.import_files([str(clips["english"])], "Kempen")
    eta = window.queue.rows[done.args[0]][3]
    assert eta.text() == "done · already in the library"
    LANGUAGE.set("ms")
    malay = translations("ms")
    assert eta.text() == f"{malay['done']} · {malay['already in the library']}"


def test_a_failed_import_says_failed_not_zero_percent(qtbot, make_window, tmp_path: Path) -> None:
    """QA 16: a failed row looked like a job that had not started (0 %, no word, reason elided)."""
    window = make_window(lambda: fake_services(tmp_path / "review.db"))
    broken = tmp_path / "trunc.mp4"
    broken.write_text("a text file, not a video\n", encoding="utf-8")
    queue = window.queue
    with qtbot.waitSignal(window.work.task_failed, timeout=20_000):
        window.import_files([str(broken)], "Kempen")
    (key,) = queue.rows
    _row, _name, bar, state, _button = queue.rows[key]
    assert state.text().startswith("failed: ")
    assert "not a readable video" in state.toolTip()
    assert bar.format() == "failed"
    assert "c62828" in state.styleSheet()
