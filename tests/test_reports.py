"""PDF reports and exports, parsed back and checked: content, fonts, Unicode, escaping, injection, atomicity."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.tabular import neutralise, to_csv
from reviewer.errors import UserError
from reviewer.fileio import write_atomic
from reviewer.review.batch import transcribe_and_check
from reviewer.review.workflow import add_comment, add_review, import_media, set_disposition
from tests.fakes import fake_services

SCRIPT = "Hai semua. Jangan jadi bodoh. If you feel low and someone says kill yourself, talk to someone."
NOTE = "Nota: <b>bold</b> & 'quote' > less — 请修改 — திருத்தவும் — sila ubah"


@pytest.fixture
def campaign(tmp_path: Path, clips: dict[str, Path]):
    db = tmp_path / "r.db"
    services = fake_services(db, {"aina.mp4": SCRIPT})
    clip = tmp_path / "aina.mp4"
    shutil.copy(clips["english"], clip)
    video_id = import_media(services.store, clip, "Kempen Raya", creator="@தமிழ்_செல்வி 李明",
                            caption="=HYPERLINK(\"http://evil\") #bodoh").video_id
    transcribe_and_check(services, video_id)
    findings = services.store.query("SELECT id, term, source FROM findings ORDER BY id")
    caption = next(f for f in findings if f["source"] == "caption")
    set_disposition(services.store, caption["id"], "dismissed", "-1+1 looks like a formula", "Aina")
    add_comment(services.store, video_id, 2.0, "@everyone remove this", "陈伟")
    add_review(services.store, video_id, "Nur Aisyah", "changes_required", "MMHA", NOTE)
    add_review(services.store, video_id, "Bala", "approved", "Content Forum")
    yield services, video_id, db
    services.store.close()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def fonts_in(path: Path) -> list[tuple[str, bool]]:
    found = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return sorted(found.items())


def test_video_report_content(run_cli, campaign, tmp_path: Path) -> None:
    services, video_id, db = campaign
    out = tmp_path / "report.pdf"
    code, _, err = run_cli("--db", db, "report", video_id, "-o", out)
    assert code == 0, err
    text = pdf_text(out)
    sha = services.store.query("SELECT sha256 FROM videos WHERE id = ?", (video_id,))[0]["sha256"]
    for expected in (sha, "bodoh", "kill yourself", "Nur Aisyah", "Bala", "MMHA", "Changes required",
                     "Befrienders KL", "15555", "Talian Kasih", "@everyone remove this", "page 1 of",
                     "fake", "harassment-insults", "Campaign lead"):
        assert expected in text, expected
    assert "<b>bold</b> & 'quote' > less" in text  # user markup printed literally, not interpreted


def test_fonts_are_embedded_and_unicode_round_trips(run_cli, campaign, tmp_path: Path) -> None:
    services, video_id, db = campaign
    out = tmp_path / "report.pdf"
    run_cli("--db", db, "report", video_id, "-o", out)
    fonts = fonts_in(out)
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts
    names = " ".join(name for name, _ in fonts)
    assert "NotoSans" in names
    assert "NotoSansTamil" in names
    assert "DroidSansFallback" in names
    extracted = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for sample in ("@தமிழ்_செல்வி 李明", "请修改", "திருத்தவும்", "sila ubah", "陈伟"):
        assert sample in extracted, sample


def test_campaign_summary(run_cli, campaign, tmp_path: Path) -> None:
    _, _, db = campaign
    out = tmp_path / "summary.pdf"
    code, _, _ = run_cli("--db", db, "report", "--campaign", "Kempen Raya", "-o", out)
    assert code == 0
    text = pdf_text(out)
    for expected in ("Campaign summary: Kempen Raya", "Videos by status", "Findings by category",
                     "Findings by severity", "aina.mp4", "Changes required", "Reviewer workload", "Nur Aisyah"):
        assert expected in text, expected
    assert all(embedded for _, embedded in fonts_in(out))
    code, _, err = run_cli("--db", db, "report", "--campaign", "Nope", "-o", out)
    assert code == 2
    assert "no campaign named 'Nope'" in err


def test_csv_export_is_excel_friendly_and_injection_safe(run_cli, campaign, tmp_path: Path) -> None:
    _, video_id, db = campaign
    out = tmp_path / "findings.csv"
    assert run_cli("--db", db, "export", "--campaign", "Kempen Raya", "--format", "csv", "-o", out)[0] == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    decisions = [r for r in rows if r["record"] == "decision"]
    assert {r["reviewer"] for r in decisions} == {"Nur Aisyah", "Bala"}
    assert any("திருத்தவும்" in r["note"] for r in decisions)
    assert next(r for r in rows if r["source"] == "caption")["reason"] == "'-1+1 looks like a formula"
    assert all(not value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values() if value)


@pytest.mark.parametrize(("value", "expected"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-cmd", "'-cmd"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("safe", "safe"), ("a=b", "a=b"), (12, 12), (None, None),
])
def test_neutralise(value, expected) -> None:
    assert neutralise(value) == expected


def test_csv_sections() -> None:
    data = to_csv([{"term": "=bad"}], [{"reviewer": "Aina"}]).decode("utf-8-sig")
    assert data.splitlines() == ["record,term,reviewer", "finding,'=bad,", "decision,,Aina"]


def test_json_and_transcript_exports(run_cli, campaign, tmp_path: Path) -> None:
    _, video_id, db = campaign
    code, out, _ = run_cli("--db", db, "export", video_id, "--format", "json")
    payload = json.loads(out)
    assert payload["scope"] == f"video {video_id}"
    assert {f["term"] for f in payload["findings"]} >= {"bodoh", "kill yourself"}
    srt = tmp_path / "t.srt"
    assert run_cli("--db", db, "export", video_id, "--format", "srt", "-o", srt)[0] == 0
    assert srt.read_text(encoding="utf-8").startswith("1\n00:00:")
    code, out, _ = run_cli("--db", db, "export", video_id, "--format", "vtt")
    assert out.startswith("WEBVTT")
    code, _, err = run_cli("--db", db, "export", "--campaign", "Kempen Raya", "--format", "srt")
    assert code == 2
    assert "one video's transcript" in err


def test_writes_are_atomic(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous report")

    def failing(handle) -> None:
        handle.write(b"%PDF-1.4 half a report")
        raise OSError(28, "No space left on device")

    with pytest.raises(UserError, match="No space left"):
        write_atomic(target, failing)
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temp file left behind
    with pytest.raises(UserError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "x.pdf", lambda h: h.write(b"x"))


def test_report_refusals(run_cli, campaign, tmp_path: Path) -> None:
    _, _, db = campaign
    code, _, err = run_cli("--db", db, "report", "999", "-o", tmp_path / "x.pdf")
    assert code == 2
    assert "no video with ID 999" in err
    code, _, err = run_cli("--db", db, "report", "-o", tmp_path / "x.pdf")
    assert code == 2
    assert "pass a video ID or --campaign" in err
    assert not (tmp_path / "x.pdf").exists()


def test_emoji_in_names_are_visible_in_reports(run_cli, tmp_path: Path, clips: dict[str, Path]) -> None:
    """Issue 15 #16: emoji in file, campaign and creator names used to vanish from the PDF."""
    db = tmp_path / "r.db"
    services = fake_services(db)
    clip = tmp_path / "raya 🌙 final 🎉.mp4"
    shutil.copy(clips["english"], clip)
    video_id = import_media(services.store, clip, "Kempen ✨ Raya", creator="@aina 😀\ue000").video_id
    transcribe_and_check(services, video_id)
    services.store.close()
    for argv, name in ((("report", video_id), "video.pdf"), (("report", "--campaign", "Kempen ✨ Raya"), "sum.pdf")):
        pdf = tmp_path / name
        assert run_cli("--db", db, *argv, "-o", pdf)[0] == 0
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for emoji in ("🌙", "🎉", "✨", "😀"):
            assert emoji in text, (name, emoji)
        assert "[U+E000]" in text  # no font has it: its code point is printed, it does not vanish
        assert ("+NotoEmoji-Regular", True) in [(n[7:], e) for n, e in fonts_in(pdf)]  # embedded (subset)
