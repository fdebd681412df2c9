"""The creator loop in the app: versions compared side by side, comment threads and ranges, feedback export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.review.batch import transcribe_and_check  # noqa: E402
from reviewer.review.comments import threads  # noqa: E402
from reviewer.review.workflow import import_media  # noqa: E402
from tests.fakes import fake_services  # noqa: E402
from tests.helpers import imported  # noqa: E402
from ui.compare_view import CompareView  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")

SCRIPTS = {"english.mp4": "Jangan jadi bodoh. Dia memang bangang.", "v2.mp4": "Jangan jadi bodoh. Kita semua kawan."}


def two_versions(qtbot, make_window, clips, tmp_path: Path):
    window = make_window(lambda: fake_services(tmp_path / "review.db", SCRIPTS))
    first = imported(qtbot, window, clips["english"])
    second_clip = tmp_path / "v2.mp4"
    shutil.copy(clips["malay"], second_clip)
    second = import_media(window.services.store, second_clip, "Kempen", version_of=first).video_id
    transcribe_and_check(window.services, second)
    window.library.refresh()
    return window, first, second


def test_compare_view_marks_resolved_new_and_unchanged_and_seeks_its_own_version(qtbot, make_window, clips,
                                                                               tmp_path: Path) -> None:
    window, first, second = two_versions(qtbot, make_window, clips, tmp_path)
    window.review.open_video(first)
    assert window.review.compare_button.isHidden()  # version 1: nothing earlier
    window.review.open_video(second)
    assert not window.review.compare_button.isHidden()
    assert window.review.compare_button.text() == "Compare with v1"
    window.review.compare_button.click()
    views = window.findChildren(CompareView)
    assert len(views) == 1
    view = views[0]
    qtbot.addWidget(view)
    assert view.comparison.counts() == {"resolved": 1, "new": 0, "unchanged": 1}
    left_items = [view.lists[0].item(i).text() for i in range(view.lists[0].count())]
    assert any("bangang" in text and "resolved" in text for text in left_items)
    assert any("bodoh" in text and "unchanged" in text for text in left_items)
    assert "1 resolved · 0 new · 1 unchanged" in view.summary.text()

    bangang = next(f for f in view.comparison.earlier.findings if f.term == "bangang")
    row = [f.term for f in view.comparison.earlier.findings].index("bangang")
    view.sync.setChecked(False)
    view.lists[0].itemClicked.emit(view.lists[0].item(row))
    assert view.players[0].timeline.position == pytest.approx(bangang.time_start)  # seeks in its own version
    assert view.players[1].timeline.position == 0  # not synchronised: the other stays
    view.sync.setChecked(True)
    view.players[0].seek(1.0)
    assert view.players[1].timeline.position == pytest.approx(1.0)  # synchronised on request
    view.close()


def test_comment_threads_ranges_and_resolution_in_the_app(qtbot, make_window, clips) -> None:
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    page = window.review
    page.open_video(video_id)
    panel = page.comments
    panel.set_time(0.5)
    panel.mark_in()
    panel.set_time(1.5)
    panel.mark_out()
    assert panel.add_button.text() == "Comment at 00:00–00:01"
    panel.entry.setText("Muzik terlalu kuat")
    panel.add_button.click()
    panel.internal.setChecked(True)
    panel.entry.setText("Nota dalaman")
    panel.add_button.click()
    rows = threads(window.services.store, video_id)
    assert rows[0]["end_seconds"] == pytest.approx(1.5)  # a range, drawn as a span on the timeline
    assert rows[1]["internal"] == 1
    assert any(marker.end is not None for marker in page.player.timeline.markers)
    assert window.library.model.rows[0]["open_comments"] == 2

    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    panel.entry.setText("Setuju")
    panel.reply_button.click()
    assert panel.list.topLevelItem(0).childCount() == 1  # the reply sits in its thread
    panel.ask_text = lambda _title, _text: "Muzik terlalu kuat di awal video"  # the edit dialog's answer
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    panel.edit_button.click()
    assert threads(window.services.store, video_id)[0]["text"] == "Muzik terlalu kuat di awal video"
    panel.list.setCurrentItem(panel.list.topLevelItem(0).child(0))  # resolving from a reply resolves the thread
    panel.resolve_button.click()
    assert threads(window.services.store, video_id)[0]["resolved"] == 1
    window.library.refresh()
    assert window.library.model.rows[0]["open_comments"] == 1
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    assert panel.resolve_button.text() == "Reopen"


def test_send_feedback_from_the_app(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    out = tmp_path / "maklum-balas.html"
    with qtbot.waitSignal(window.exporter.done, timeout=20_000):
        window.send_feedback(str(out), language="ms", fmt="html")
    html = out.read_text(encoding="utf-8")
    assert 'lang="ms"' in html
    assert "Mengapa ia penting" in html
    assert "bodoh" in html
    pdf = tmp_path / "report-ms.pdf"
    with qtbot.waitSignal(window.exporter.done, timeout=20_000):
        window.export_video_report(str(pdf), language="ms")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_poster_frame_shows_before_play(qtbot, make_window, clips) -> None:
    """Issue 16: no blank player until Play; the stored thumbnail stands in, then the video takes over."""
    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    player = window.review.player
    assert player.screen_stack.currentWidget() is player.poster
    assert not player.poster.image.isNull()
    assert player.time_label.text().startswith("00:00 / ")
    assert not player.time_label.text().endswith("00:00")  # this video's length, known before playing
    player.toggle_play()
    qtbot.waitUntil(lambda: player.screen_stack.currentWidget() is player.video, timeout=5_000)
    player.toggle_play()


def test_review_page_looks_at_the_file_before_showing_a_status(qtbot, make_window, clips, tmp_path: Path) -> None:
    """Issue 10: a missing file never reads as approved, on the review page too."""
    window = make_window()
    clip = tmp_path / "moved.mp4"
    shutil.copy(clips["english"], clip)
    video_id = imported(qtbot, window, clip)
    window.review.open_video(video_id)
    window.review.decision.buttons["approved"].setChecked(True)
    window.review.decision.submit.click()
    assert "Approved" in window.review.title.text()
    clip.unlink()
    window.review.reload()
    assert "File missing (recorded: Approved)" in window.review.title.text()


def test_dashboard_looks_at_the_files(qtbot, make_window, clips, tmp_path: Path) -> None:
    """Issue 10: the dashboard's counts follow the files, and a missing file is said so."""
    window = make_window()
    clip = tmp_path / "gone.mp4"
    shutil.copy(clips["english"], clip)
    imported(qtbot, window, clip)
    clip.unlink()
    window.dashboard.refresh()
    assert "1 files missing" in window.dashboard.title.text()


def test_a_version_nobody_checked_is_not_compared(qtbot, make_window, clips, tmp_path: Path, run_cli) -> None:
    """v2 imported but never transcribed: its findings are unknown, so nothing is 'resolved' (QA 3)."""
    window = make_window(lambda: fake_services(tmp_path / "review.db", SCRIPTS))
    first = imported(qtbot, window, clips["english"])
    second_clip = tmp_path / "v2.mp4"
    shutil.copy(clips["malay"], second_clip)
    second = import_media(window.services.store, second_clip, "Kempen", version_of=first).video_id
    window.library.refresh()
    window.review.open_video(second)
    window.review.compare_button.click()
    view = window.findChildren(CompareView)[0]
    qtbot.addWidget(view)
    assert not view.comparison.compared
    assert view.comparison.counts()["resolved"] == 0
    assert "Not compared" in view.summary.text()
    assert view.lists[1].item(0).text() == "Not checked yet"
    view.close()
    db = str(tmp_path / "review.db")
    code, out, err = run_cli("--db", db, "compare", str(second))
    assert code == 2
    assert "has not been checked yet" in err
    assert "resolved" not in out
    report = tmp_path / "v2.pdf"
    assert run_cli("--db", db, "report", str(second), "-o", str(report))[0] == 0
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text() for page in PdfReader(report).pages).split())
    assert "Not compared: this version or v1 has not been checked yet" in text
