"""The app's File menu for reviews across organisations: import a package, required reviewers shown in the
library, export my review bundle, locate media. Real widgets and databases; paths passed instead of dialogs."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.review.bundle_export import export_package  # noqa: E402
from reviewer.review.workflow import add_review, set_disposition  # noqa: E402
from reviewer.store.connection import Store  # noqa: E402
from tests.bundle_helpers import CAMPAIGN, lead_database  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")


def finish(qtbot, window, start) -> str:
    with qtbot.waitSignal(window.bundles.done, timeout=20_000) as signal:
        start()
    return signal.args[0]


def test_import_review_export_and_locate_from_the_app(qtbot, make_window, clips, tmp_path: Path) -> None:
    lead, media = lead_database(tmp_path / "lead", clips)
    with Store(lead) as store:
        export_package(store, CAMPAIGN, tmp_path / "kempen.ttpkg")
    window = make_window()
    assert [a.text() for a in window.file_menu.actions()[1:5]] == [
        "Import &bundle…", "E&xport my review bundle…", "&Locate media…", "Campaign &reviewers…"]
    message = finish(qtbot, window, lambda: window.bundles.import_bundle(str(tmp_path / "kempen.ttpkg"), str(media)))
    assert "Imported kempen.ttpkg" in message
    window.library.refresh_campaigns()
    window.library.campaign.setCurrentIndex(window.library.campaign.findData(CAMPAIGN))
    assert len(window.library.model.rows) == 2
    window.bundles.edit_reviewers(["Aina (WAO)", "Nurul Huda (MIASA)"])
    window.library.refresh()
    status = window.library.model.index(0, 1).data()
    assert "0 of 2 decided, waiting for WAO, MIASA" in status
    video_id = window.library.model.rows[0]["id"]
    add_review(window.services.store, video_id, "Aina", "approved", "WAO")
    window.library.refresh()
    row = next(r for r in window.library.model.rows if r["id"] == video_id)
    assert row["decided"] == "1 of 2 decided, waiting for MIASA"
    finding = window.services.store.query("SELECT id FROM findings WHERE video_id = ? ORDER BY id DESC LIMIT 1",
                                          (video_id,))[0]["id"]
    set_disposition(window.services.store, finding, "confirmed", "", "Aina", "WAO")
    set_disposition(window.services.store, finding, "dismissed", "a quotation", "Nurul Huda", "MIASA")
    window.review.open_video(video_id)
    model = window.review.findings.model
    assert model.value(model.rows[0], "Disposition") == (
        "disagreement (Aina (WAO); Nurul Huda (MIASA)): a quotation")
    window.grab().save(str(tmp_path / "library.png"))
    message = finish(qtbot, window, lambda: window.bundles.export_my_review(str(tmp_path / "aina.ttreview")))
    assert "Saved" in message
    with zipfile.ZipFile(tmp_path / "aina.ttreview") as archive:
        assert json.loads(archive.read("manifest.json"))["reviewer"] == {"name": "Aina", "organisation": "WAO"}
    # the videos move: the library says so, and Locate media finds them again by content
    moved = tmp_path / "moved"
    shutil.move(str(media), str(moved))
    window.library.refresh()
    assert all(r["file"] == "missing" for r in window.library.model.rows)
    assert window.library.model.index(0, 1).data().startswith("File missing (recorded:")
    message = finish(qtbot, window, lambda: window.bundles.locate(str(tmp_path)))
    assert "Found 2 videos" in message
    window.library.refresh()
    assert {r["file"] for r in window.library.model.rows} == {"ok"}
