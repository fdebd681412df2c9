"""The desktop app under pytest-qt (offscreen): real widgets, real database, fake transcriber at its seam."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCharFormat  # noqa: E402

from tests.fakes import fake_services  # noqa: E402
from tests.helpers import imported  # noqa: E402
from ui.i18n import LANGUAGE  # noqa: E402
from ui.settings import AppSettings  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")


def wait_for_status(qtbot, window, status: str, timeout: int = 20_000) -> None:
    def done() -> bool:
        window.library.refresh()
        return any(row["status"] == status for row in window.library.model.rows)

    qtbot.waitUntil(done, timeout=timeout)


def test_import_runs_in_background_and_review_flow(qtbot, make_window, clips) -> None:
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    rows = window.review.findings.model.rows
    assert [r["term"] for r in rows] == ["bodoh"]  # from the fake transcript
    assert "bodoh" in window.review.transcript.text.toPlainText()
    markers = window.review.player.timeline.markers
    assert len(markers) == 1
    assert markers[0].seconds == rows[0]["time_start"]
    window.review.comments.entry.setText("Ubah ayat ini")
    window.review.comments.add_button.click()
    assert window.review.comments.count() == 1
    window.review.decision.buttons["approved_with_changes"].setChecked(True)
    window.review.decision.submit.click()
    assert window.library.model.rows[0]["status"] == "approved_with_changes"
    assert window.dashboard.summary["status_counts"]["approved_with_changes"] == 1


def test_library_filter_and_search(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = make_window()
    imported(qtbot, window, clips["english"])
    index = window.library.status.findData("approved")
    window.library.status.setCurrentIndex(index)
    assert window.library.model.rowCount() == 0
    window.library.status.setCurrentIndex(0)
    window.library.search.setText("sosial")  # in the (fake) transcript
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1)
    window.library.search.setText("tiada-perkataan-ini")
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 0)


def test_cancel_a_queued_task(qtbot, make_window, clips, tmp_path: Path) -> None:
    db = tmp_path / "review.db"
    window = make_window(lambda: fake_services(db, delay=5.0))
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.import_files([str(clips["english"])], "Kempen")
    qtbot.waitUntil(lambda: len(window.queue.rows) == 2, timeout=5_000)  # the import, then its processing
    process_key = max(window.queue.rows)
    qtbot.waitUntil(lambda: window.queue.rows[process_key][2].value() > 0, timeout=5_000)
    with qtbot.waitSignal(window.work.task_failed, timeout=5_000) as blocker:
        window.queue.rows[process_key][4].click()
    assert blocker.args[2] is True  # cancelled
    status = window.services.store.query("SELECT state FROM jobs")[0]["state"]
    assert status == "cancelled"


def test_script_editor_highlights_a_typed_term(qtbot, make_window) -> None:
    window = make_window()
    editor = window.script.editor
    qtbot.keyClicks(editor, "Jangan panggil dia bodoh ok")
    block = editor.document().firstBlock()
    formats = [f for f in block.layout().formats() if f.format.underlineStyle() ==
               QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert [(f.start, f.length) for f in formats] == [(19, 5)]
    finding = window.script.editor.highlighter.finding_at(editor.cursorForPosition(editor.cursorRect().center()))
    assert finding is None or finding.term == "bodoh"
    qtbot.waitUntil(lambda: window.script.summary.text() == "1 medium", timeout=2_000)
    from ui.script_checker import replacement_for

    (only,) = window.script.findings
    assert replacement_for(only) == "saya tak setuju sebab"
    editor.replace_finding(0, only, replacement_for(only))
    assert "bodoh" not in editor.toPlainText()


def test_switching_to_malay_changes_visible_strings(qtbot, make_window) -> None:
    window = make_window()
    assert window.tabs.tabText(0) == "Review videos"
    LANGUAGE.set("ms")
    assert window.tabs.tabText(0) == "Semak video"
    assert window.review.decision.submit.text() == "Hantar keputusan"
    assert window.review.player.playing_text == "Main"
    assert window.review.player.play_button.accessibleName() == "Main atau jeda (Space)"
    assert window.library.status.itemText(0) == "Semua status"
    assert window.script.summary.text() == "Tiada perkataan bermasalah"
    assert LANGUAGE.missing("ms") == set()  # every string the app asked for has a translation


def test_term_list_import_all_or_nothing(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    page = window.terms
    before = [lst.name for lst in page.lists]
    bad = tmp_path / "partner.csv"
    bad.write_text("term,category,severity,language\nok,x,low,ms\n,x,low,ms\nbad,x,huge,ms\n", encoding="utf-8")
    assert not page.import_csv(str(bad))
    assert page.last_errors == ["line 3: empty term", "line 4: unknown severity 'huge' (use low|medium|high|critical)"]
    assert [lst.name for lst in page.lists] == before
    good = tmp_path / "partner_ok.csv"
    good.write_text("# version: 1\nterm,category,severity,language\nhalimunan,test,low,ms\n", encoding="utf-8")
    assert page.import_csv(str(good))
    assert page.current.name == "partner_ok"
    exported = tmp_path / "out.csv"
    page.export_csv(str(exported))
    assert "halimunan" in exported.read_text(encoding="utf-8")
    window.script.editor.setPlainText("ada halimunan di sini")
    assert [f.term for f in window.script.live.check(window.script.editor.toPlainText())] == ["halimunan"]


def test_term_list_import_never_replaces_a_list_silently(qtbot, make_window, tmp_path: Path) -> None:
    """Issue 15 #2: a list with the name of an existing one is imported only after the user says Replace."""
    from PySide6.QtWidgets import QMessageBox

    page = make_window().terms
    harassment = next(lst for lst in page.lists if lst.name == "harassment-insults")
    one = tmp_path / "harassment-insults.csv"
    one.write_text("term,category,severity,language\nhalimunan,test,low,ms\n", encoding="utf-8")
    assert not page.import_csv(str(one))
    assert len(next(lst for lst in page.lists if lst.name == "harassment-insults").terms) == len(harassment.terms)
    page.replace_box.done(QMessageBox.StandardButton.Yes)
    replaced = next(lst for lst in page.lists if lst.name == "harassment-insults")
    assert [t.term for t in replaced.terms] == ["halimunan"]
    assert int(replaced.version) > int(harassment.version)


def test_geometry_is_remembered(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    window.resize(1250, 700)
    window.close()
    again = make_window()
    saved = again.qsettings.value("window/geometry")
    assert saved  # written on close...
    assert again.restoreGeometry(saved)  # ...and a valid geometry to restore (the small offscreen screen clamps it)


def test_drop_files_imports(qtbot, make_window, clips, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window()
    window.library.campaign.addItem("Kempen Drop", "Kempen Drop")
    window.library.campaign.setCurrentIndex(window.library.campaign.count() - 1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(clips["english"]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.dropEvent(event)
    assert window.services.store.query("SELECT name FROM campaigns")[0]["name"] == "Kempen Drop"


@pytest.mark.slow
def test_end_to_end_with_the_real_model(qtbot, make_window, tmp_path: Path) -> None:
    """Import a generated speech clip, transcribe it with the bundled model, review it, approve it."""
    import numpy as np

    from reviewer.review.services import Services
    from tests.mediagen import silence, speak, write_mp4

    clip = write_mp4(tmp_path / "creator.mp4", np.concatenate([silence(0.5), speak(
        "Hello everyone. You are so stupid. Please think twice before you post.", "en-us"), silence(0.5)]))
    db = tmp_path / "review.db"

    def real() -> Services:
        return Services.open(db)

    window = make_window(real)
    window.settings.candidates = ("en",)  # the task carries what Settings says: English only
    with qtbot.waitSignal(window.work.task_done, timeout=30_000):
        window.import_files([str(clip)], "Kempen")
    wait_for_status(qtbot, window, "in_review", timeout=180_000)  # transcription and on-screen text, both real
    video_id = window.library.model.rows[0]["id"]
    window.library.select(video_id)
    window.review.open_video(video_id)
    findings = window.review.findings
    stupid = next(i for i, r in enumerate(findings.model.rows) if r["term"] == "stupid")
    target = findings.model.rows[stupid]["time_start"]
    rect = findings.table.visualRect(findings.model.index(stupid, 1))
    qtbot.mouseClick(findings.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(window.review.player.seconds - target) < 0.3, timeout=5_000)
    window.review.decision.buttons["approved"].setChecked(True)
    window.review.decision.submit.click()
    assert window.library.model.rows[0]["status"] == "approved"
    assert "Approved" in window.review.title.text()


def test_transcript_correction_and_changed_file_banner(qtbot, make_window, clips, tmp_path: Path) -> None:
    clip = tmp_path / "cut.mp4"
    shutil.copy(clips["english"], clip)
    window = make_window()
    video_id = imported(qtbot, window, clip)
    window.review.open_video(video_id)
    panel = window.review.transcript
    panel.edit_button.click()
    assert not panel.text.isReadOnly()
    panel.text.setPlainText(panel.text.toPlainText().replace("bodoh", "silap"))
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):  # saved and re-checked in the background
        panel.save_button.click()
    revisions = window.services.store.query("SELECT revision, author FROM transcripts WHERE video_id = ? "
                                            "ORDER BY revision", (video_id,))
    assert revisions == [{"revision": 1, "author": ""}, {"revision": 2, "author": "Aina"}]
    assert window.review.findings.model.rows == []  # re-checked: the insult is gone
    assert panel.text.isReadOnly()
    window.review.decision.buttons["approved"].setChecked(True)
    window.review.decision.submit.click()
    assert window.review.decision.banner.isHidden()
    with open(clip, "ab") as handle:
        handle.write(b"\0" * 32)  # the creator swaps in another cut under the same name
    from reviewer.review.workflow import refresh_content

    refresh_content(window.services.store, video_id)
    window.review.reload()
    assert not window.review.decision.banner.isHidden()
    assert "changed since it was reviewed" in window.review.decision.banner.text()


def test_controls_have_accessible_names(qtbot, make_window) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QLineEdit, QPlainTextEdit

    window = make_window()
    unnamed = [w for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView)
               for w in window.findChildren(kind)
               if w.isVisibleTo(window) and not isinstance(w, QHeaderView)  # headers belong to their table
               and not (w.accessibleName() or getattr(w, "text", lambda: "")())]
    assert unnamed == []


def test_reports_export_off_the_gui_thread(qtbot, make_window, clips, tmp_path: Path) -> None:
    from pypdf import PdfReader

    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    report = tmp_path / "video.pdf"
    with qtbot.waitSignal(window.exporter.done, timeout=30_000):
        window.export_video_report(str(report))
    assert "Approval report" in PdfReader(report).pages[0].extract_text()
    summary, table = tmp_path / "summary.pdf", tmp_path / "all.csv"
    with qtbot.waitSignal(window.exporter.done, timeout=30_000):
        window.export_campaign_pdf(window.library.current_campaign, str(summary))
    with qtbot.waitSignal(window.exporter.done, timeout=30_000):
        window.export_campaign_csv(None, str(table))
    assert summary.read_bytes().startswith(b"%PDF")
    assert table.read_bytes().startswith(b"\xef\xbb\xbfrecord,")


def test_recheck_button_after_a_term_list_change(qtbot, make_window, clips) -> None:
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    assert window.review.decision.recheck.isHidden()
    page = window.terms
    page.list_view.setCurrentRow(next(i for i, lst in enumerate(page.lists) if lst.name == "harassment-insults"))
    from reviewer.checking.terms import Term

    page._save([*page.current.terms, Term("fikir", "test", "low", "ms")], "Term added")
    assert not window.review.decision.recheck.isHidden()  # the open video now shows it is stale
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        window.review.decision.recheck.click()
    window.review.reload()
    assert window.review.decision.recheck.isHidden()
    assert "fikir" in {r["term"] for r in window.review.findings.model.rows}


def test_script_hover_describes_the_finding(qtbot, make_window) -> None:
    from PySide6.QtGui import QTextCursor

    window = make_window()
    editor = window.script.editor
    editor.setPlainText("Dia cakap bunuh diri semalam")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(12)  # inside "bunuh diri"
    finding = editor.highlighter.finding_at(cursor)
    assert finding is not None
    assert finding.term == "bunuh diri"
    tip = editor.describe(finding)
    assert "Suicide and Self-Harm" in tip
    assert "15555" in tip  # the kinder wording carries the helplines
    cursor.setPosition(2)
    assert editor.highlighter.finding_at(cursor) is None


def test_settings_reach_the_background_transcriber(qtbot, make_window, clips, tmp_path: Path) -> None:
    """The worker thread transcribes with the options Settings holds now, and audits the reviewer's name."""
    from ui.settings import AppSettings

    window = make_window()
    models = tmp_path / "models"
    chosen = AppSettings(reviewer="Siti", organisation="WAO", language="ms", candidates=("en", "ta"),
                         model_folder=str(models))
    window.apply_settings(chosen)
    video_id = imported(qtbot, window, clips["english"])
    options = window.services.transcriber.options
    assert [(o.candidates, o.model_path) for o in options] == [(("en", "ta"), str(models))]
    window.review.open_video(video_id)
    window.review.comments.entry.setText("Semak ayat ini")
    window.review.comments.add_button.click()
    authors = window.services.store.query("SELECT reviewer FROM comments WHERE video_id = ?", (video_id,))
    assert authors == [{"reviewer": "Siti"}]  # the name from Settings, not a word in the interface language
    actors = {r["actor"] for r in window.services.store.query("SELECT actor FROM audit")}
    assert "Siti" in actors
    assert "Penyemak" not in actors


def test_one_queue_for_every_job_with_typed_states_and_pruning(qtbot, make_window) -> None:
    """Imports, transcription and exports share one mechanism; finished tasks are pruned, states are enums."""
    from ui.work_queue import KEEP_FINISHED, TaskKind, TaskState

    window = make_window()
    work = window.work

    def job(_services, report, _cancel) -> str:
        report(0.5, "exporting")
        return "ok"

    def broken(_services, _report, _cancel) -> str:
        raise OSError("disk unplugged")

    keys = []
    for index in range(KEEP_FINISHED + 2):
        with qtbot.waitSignal(work.task_done, timeout=10_000):
            keys.append(work.submit(TaskKind.EXPORT, f"job {index}", job))
    with qtbot.waitSignal(work.task_failed, timeout=10_000) as failure:
        failing = work.submit(TaskKind.EXPORT, "broken", broken)
    assert failure.args == [failing, "disk unplugged", False]
    assert list(work.tasks) == [*keys, failing][-KEEP_FINISHED:]  # the oldest finished tasks are gone
    assert sorted(window.queue.rows) == sorted(work.tasks)  # and so are their rows
    assert [t.state for t in work.tasks.values()] == [TaskState.DONE] * (KEEP_FINISHED - 1) + [TaskState.FAILED]
    window.apply_settings(AppSettings(reviewer="Aina", language="ms"))  # the state label follows the language
    assert window.queue.rows[keys[-1]][3].text() == "selesai"
