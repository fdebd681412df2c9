"""Layout and feedback (issue 16): the jobs panel, warnings where they are seen, inline questions, term lists."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reviewer.review.term_lists import Term  # noqa: E402
from tests.fakes import fake_services  # noqa: E402
from tests.helpers import imported  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")


def test_jobs_panel_says_what_happened_and_offers_the_next_step(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = make_window(lambda: fake_services(tmp_path / "review.db", delay=5.0))
    queue = window.queue
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.import_files([str(clips["english"])], "Kempen")
    qtbot.waitUntil(lambda: len(queue.rows) == 2, timeout=5_000)
    process = max(queue.rows)
    _row, name, bar, eta, button = queue.rows[process]
    width = button.width()
    queue._progress(process, 1.0, "transcribing", 0.0)  # the last batch is in, the job is not over yet
    assert bar.value() < 1000
    assert eta.text() == "transcribing · finishing…"
    eta.setText("x" * 2000)  # a very long message never widens the window
    assert queue.sizeHint().width() < 800
    with qtbot.waitSignal(window.work.task_failed, timeout=5_000):
        button.click()  # Cancel
    assert button.text() == "Transcribe again"
    assert button.isEnabled()
    assert button.width() == width  # the button did not move or resize under the pointer
    with qtbot.waitSignal(window.work.task_added, timeout=5_000) as added:
        button.click()
    assert added.args[1].startswith("Transcribe and check english.mp4")
    window.work.cancel(added.args[0])
    qtbot.waitUntil(lambda: window.work.tasks[added.args[0]].state.finished, timeout=10_000)
    window.queue.clear_button.click()
    assert queue.rows == {}


def test_reimport_says_already_there_and_recheck_is_labelled_so(qtbot, make_window, clips) -> None:
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    with qtbot.waitSignal(window.work.task_done, timeout=20_000) as done:
        window.import_files([str(clips["english"])], "Kempen")
    _row, _name, _bar, eta, _button = window.queue.rows[done.args[0]]
    assert eta.text() == "done · already in the library"
    window.review.open_video(video_id)
    page = window.terms
    page.list_view.setCurrentRow(next(i for i, lst in enumerate(page.lists) if lst.name == "harassment-insults"))
    page._save([*page.current.terms, Term("fikir", "test", "low", "ms")], "Term added")
    window.library.refresh()
    status = window.library.model.index(0, 1)
    assert window.library.model.data(status, Qt.ItemDataRole.DecorationRole) is not None  # the stale icon
    assert "older term list" in window.library.model.data(status, Qt.ItemDataRole.ToolTipRole)
    assert not window.review.stale_box.isHidden()  # above the player, not only on the Decision tab
    with qtbot.waitSignal(window.work.task_added, timeout=5_000) as added:
        window.review.stale_button.click()
    assert added.args[1] == "Re-check english.mp4"
    qtbot.waitUntil(lambda: window.work.tasks[added.args[0]].state.finished, timeout=20_000)
    window.review.reload()
    assert window.review.stale_box.isHidden()


def test_first_launch_asks_who_is_reviewing(qtbot, make_window) -> None:
    window = make_window(reviewer="")
    dialog = window.identity
    assert dialog is not None
    assert dialog.isVisible()
    dialog.accept()  # empty name: refused in the dialog
    assert dialog.isVisible()
    assert dialog.error.text() == "Your name is needed."
    dialog.fields["name"].setText("Siti Aminah")
    dialog.fields["organisation"].setText("Befrienders")
    dialog.accept()
    assert window.settings.reviewer == "Siti Aminah"
    assert window.qsettings.value("reviewer/name") == "Siti Aminah"
    assert "Siti Aminah (Befrienders)" in window.review.decision.identity.text()
    window.review.decision.submit_decision()  # and a decision without a choice says so where it is made
    assert window.review.decision.error.text() == "Choose a decision first."


def test_import_dialog_reuses_a_campaign_whatever_the_case(qtbot) -> None:
    from ui.dialogs import ImportDialog

    dialog = ImportDialog(None, ["Kempen Raya", "Minda Sihat"], None, 3)
    qtbot.addWidget(dialog)
    dialog.campaign.setCurrentText("  kempen   RAYA ")
    dialog.fields["creator"].setText("@aina")
    assert dialog.chosen_campaign() == "Kempen Raya"
    assert dialog.values()["creator"] == "@aina"
    dialog.campaign.setCurrentText("")
    dialog.accept()
    assert dialog.error.text() == "Campaign name is needed."


def test_core_import_reuses_a_campaign_whatever_the_case(tmp_path: Path, clips) -> None:
    from reviewer.review.workflow import import_media

    services = fake_services(tmp_path / "review.db")
    first = import_media(services.store, clips["english"], "Kempen Raya")
    second = import_media(services.store, clips["malay"], "kempen RAYA")
    rows = services.store.query("SELECT name FROM campaigns")
    assert rows == [{"name": "Kempen Raya"}]
    assert services.store.query("SELECT campaign_id FROM videos WHERE id = ?", (second.video_id,)) == \
        services.store.query("SELECT campaign_id FROM videos WHERE id = ?", (first.video_id,))
    services.store.close()


def test_script_draft_survives_and_open_asks_first(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    window.script.editor.setPlainText("Draf skrip saya")
    qtbot.waitUntil(lambda: not window.script._autosave.isActive(), timeout=5_000)
    script = tmp_path / "script.txt"
    script.write_text("Skrip dari fail", encoding="utf-8")
    window.script.confirm_replace = lambda: False
    window.script.open_file(str(script))
    assert window.script.editor.toPlainText() == "Draf skrip saya"
    window.close()
    again = make_window()
    assert again.script.editor.toPlainText() == "Draf skrip saya"
    again.script.confirm_replace = lambda: True
    again.script.open_file(str(script))
    assert again.script.editor.toPlainText() == "Skrip dari fail"


def test_player_labels_follow_the_opened_video(qtbot, make_window, clips) -> None:
    window = make_window()
    first = imported(qtbot, window, clips["english"])
    player = window.review.player
    window.review.open_video(first)
    duration = window.review.detail["video"]["duration"]
    assert player.time_label.text() == f"00:00 / 00:{int(duration):02d}"


def test_terms_search_every_list_merge_and_export_with_a_bom(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    page = window.terms
    page.list_view.setCurrentRow(next(i for i, lst in enumerate(page.lists) if lst.name != "harassment-insults"))
    page.search.setText("bangang")
    found = [page.proxy.index(r, 7).data() for r in range(page.proxy.rowCount())]
    assert "harassment-insults" in found  # found in another list than the selected one
    page.search.clear()
    assert "Harassment and Bullying" in page.categories()
    extra = tmp_path / "extra.csv"
    extra.write_text("term,category,severity,language\nhalimunan,test,low,ms\nbangang,Harassment and Bullying,"
                     "critical,ms\n", encoding="utf-8")
    before = {lst.name: lst for lst in page.lists}["harassment-insults"]
    assert page.merge_csv(str(extra), "harassment-insults")
    after = {lst.name: lst for lst in page.lists}["harassment-insults"]
    assert len(after.terms) == len(before.terms) + 1  # one new term; bangang took the file's version
    assert {t.term: t.severity for t in after.terms}["bangang"] == "critical"
    assert [lst.name for lst in page.lists].count("extra") == 0
    exported = tmp_path / "out.csv"
    page.export_csv(str(exported))
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(("top", "axis"), [(0, (1, 1)), (3, (3, 1)), (7, (8, 2)), (13, (15, 5)), (100, (100, 20))])
def test_count_axes_have_whole_ticks_on_gridlines(top: int, axis: tuple[int, int]) -> None:
    from reviewer.review.vocabulary import count_axis

    assert count_axis(top) == axis


def test_dashboard_has_its_own_campaign_and_horizontal_whole_number_charts(qtbot, make_window, clips) -> None:
    from PySide6.QtCharts import QHorizontalStackedBarSeries, QValueAxis

    window = make_window()
    imported(qtbot, window, clips["english"], campaign="Kempen Raya")
    dashboard = window.dashboard
    window.library.campaign.setCurrentIndex(window.library.campaign.findData("Kempen Raya"))
    assert dashboard.campaign is None  # the library's filter does not move the lead's view
    dashboard.picker.setCurrentIndex(dashboard.picker.findData("Kempen Raya"))
    assert dashboard.campaign == "Kempen Raya"
    chart = dashboard.category_chart.chart()
    assert isinstance(chart.series()[0], QHorizontalStackedBarSeries)
    counts = next(a for a in chart.axes() if isinstance(a, QValueAxis))
    assert (counts.max() - counts.min()) / (counts.tickCount() - 1) == int(counts.max()) // (counts.tickCount() - 1)
