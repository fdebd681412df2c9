"""A term settled by re-listening keeps its trail: what the first pass heard shows in the app and in the PDF.

The verifier is the seam here (the real re-listening runs in tests/test_phonetic.py with the model): it confirms
the word the fake transcriber "heard" as 'pelasong' to be the term 'pelacur', as sound_alike.confirm does.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from reviewer.checking.checker import Checker, CheckResult
from reviewer.review.batch import transcribe_and_check
from reviewer.review.lookups import first_heard, show
from reviewer.review.workflow import import_media
from tests.fakes import fake_services
from transcribe.types import TranscribeOptions, Transcript

SCRIPT = "Ada yang panggil orang pelasong dan itu tidak baik."


def relistening_verifier(checker: Checker, result: CheckResult, media: str, options: TranscribeOptions,
                         transcript: Transcript | None = None) -> CheckResult:
    """Confirms 'pelasong' as 'pelacur', placed where the first pass heard it (what sound_alike.confirm returns)."""
    start = result.text.index("pelasong")
    sure = next(f for f in checker.find("pelacur"))
    confirmed = replace(sure, start=start, end=start + len("pelasong"), matched="pelasong", time_start=1.0,
                        time_end=1.5, confidence=0.9, verification="confirmed")
    return replace(result, findings=(*result.findings, confirmed))


@pytest.fixture
def checked(tmp_path: Path, clips: dict[str, Path]):
    services = replace(fake_services(tmp_path / "r.db", {"komen.mp4": SCRIPT}), verifier=relistening_verifier)
    clip = tmp_path / "komen.mp4"
    shutil.copy(clips["malay"], clip)
    video_id = import_media(services.store, clip, "Kempen").video_id
    transcribe_and_check(services, video_id)
    yield services, video_id
    services.store.close()


def test_the_stored_finding_keeps_what_was_heard(checked) -> None:
    services, video_id = checked
    finding = next(f for f in show(services.store, video_id)["findings"] if f["term"] == "pelacur")
    assert finding["verification"] == "confirmed"
    assert first_heard(finding) == "pelasong"


def test_a_sure_first_pass_has_no_trail(checked) -> None:
    services, video_id = checked
    findings = show(services.store, video_id)["findings"]
    assert findings, "the fake verifier's finding was stored"
    unsettled = [f for f in findings if f["verification"] != "confirmed"]
    assert all(first_heard(f) == "" for f in unsettled)


def test_the_app_shows_the_trail(qtbot, checked) -> None:
    from ui.models import FindingsTableModel

    services, video_id = checked
    rows = show(services.store, video_id)["findings"]
    model = FindingsTableModel(rows, "")
    row = next(r for r in rows if r["term"] == "pelacur")
    assert model.value(row, "Kind") == "confirmed on re-listening"
    assert model.value(row, "Second check") == "heard as 'pelasong', confirmed 'pelacur' on re-listening"
    tooltip = model.data(model.index(rows.index(row), 0), 3)  # Qt.ToolTipRole
    assert "heard as 'pelasong'" in tooltip


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "heard as 'pelasong', confirmed on re-listening"),
    ("ms", "didengar sebagai 'pelasong', disahkan selepas didengar semula"),
])
def test_the_approval_report_shows_the_trail(run_cli, checked, tmp_path: Path, language: str, expected: str) -> None:
    services, video_id = checked
    out = tmp_path / f"report_{language}.pdf"
    code, _, err = run_cli("report", str(video_id), "-o", str(out), "--language", language,
                           "--db", str(services.store.path))
    assert code == 0, err
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert expected in text
