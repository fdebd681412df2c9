"""On-screen text in the desktop app: the "On screen" track, the box over the frame, the marker, the switch."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tests.fakes import fake_services  # noqa: E402
from tests.helpers import imported  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")

TRACK = {"english.mp4": [("Jom balik tongsan", 1.0, 3.0, 0.96), ("Fikir dahulu", 4.0, 6.0, 0.99)]}


def _window(make_window, tmp_path: Path):
    db = tmp_path / "review.db"
    return make_window(lambda: fake_services(db, screen=TRACK))


def test_on_screen_track_lists_lines_and_seeks(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = _window(make_window, tmp_path)
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    panel = window.review.screen_text
    assert [panel.lines.item(i).text() for i in range(panel.lines.count())] == ["00:01  Jom balik tongsan",
                                                                                 "00:04  Fikir dahulu"]
    assert "2" in panel.title.text()
    with qtbot.waitSignal(panel.seek_requested) as seek:
        panel.lines.itemClicked.emit(panel.lines.item(1))
    assert seek.args == [4.0]


def test_selecting_a_screen_finding_draws_its_box_over_the_frame(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = _window(make_window, tmp_path)
    video_id = imported(qtbot, window, clips["english"])
    page = window.review
    page.open_video(video_id)
    rows = page.findings.model.rows
    screen_row = next(i for i, row in enumerate(rows) if row["source"] == "screen")
    assert rows[screen_row]["term"] == "balik tongsan"
    assert page.findings.model.value(rows[screen_row], "Time").endswith("on screen")
    (marker,) = [m for m in page.player.timeline.markers if m.shape == "box"]
    assert marker.seconds == 1.0
    page.findings.table.selectRow(screen_row)
    overlay = page.frame_overlay
    assert overlay.isVisible()
    assert overlay.box == (20, 40, 200, 36)
    assert overlay.frame_rect().contains(overlay.box_rect())
    assert overlay.seconds == 1.5
    speech_row = next(i for i, row in enumerate(rows) if row["source"] == "transcript")
    page.findings.table.selectRow(speech_row)
    assert not overlay.isVisible()


def test_switching_on_screen_text_off_in_settings_reaches_the_check(qtbot, make_window, clips,
                                                                    tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui.settings import AppSettings
    from ui.settings_dialog import SettingsDialog

    window = _window(make_window, tmp_path)
    dialog = SettingsDialog(window, window.settings)
    qtbot.addWidget(dialog)
    assert dialog.screen_text.isChecked()
    dialog.screen_text.setChecked(False)
    chosen = dialog.result_settings()
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    chosen.save(qsettings)
    assert AppSettings.load(qsettings).screen_text is False
    window.apply_settings(chosen)
    video_id = imported(qtbot, window, clips["english"])
    window.review.open_video(video_id)
    assert window.services.screen_reader.calls == []
    assert "off" in window.review.screen_text.title.text()
    assert all(row["source"] != "screen" for row in window.review.findings.model.rows)


def test_a_silent_video_is_checked_and_a_second_look_shows(qtbot, make_window, tmp_path: Path) -> None:
    """A video with no audio track imports and is checked by its on-screen text; the transcript pane says why
    it is empty, and a doubtful finding the second look confirmed says so."""
    from dataclasses import replace

    from tests.screengen import Overlay, write_video

    clip = write_video(tmp_path / "slideshow.mp4", [Overlay("Jom balik tongsan", 0.3, 2.0, size=24)], seconds=2.0,
                       background="static")
    db = tmp_path / "review.db"

    def confirm_all(checker, result, media, on_progress=None, should_cancel=None):
        return replace(result, findings=tuple(replace(f, verification="confirmed") for f in result.findings))

    window = make_window(lambda: replace(fake_services(db, screen={"slideshow.mp4": [("Jom balik tongsan", 0.5, 2.0,
                                                                                      0.6)]}),
                                         screen_verifier=confirm_all))
    video_id = imported(qtbot, window, clip)
    page = window.review
    page.open_video(video_id)
    assert "No audio track" in page.transcript.text.placeholderText()
    (row,) = page.findings.model.rows
    assert (row["source"], row["term"]) == ("screen", "balik tongsan")
    assert page.findings.model.value(row, "Kind") == "exact, confirmed on a second look"
