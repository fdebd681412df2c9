"""A term settled by re-listening is written into the transcript and keeps its trail: what the first pass heard
shows in the app and in the PDF, and survives a re-check.

The verifier is the seam here (the real re-listening runs in tests/test_phonetic.py with the model): it confirms
the word the fake transcriber "heard" as 'pelasong' to be the term 'pelacur', as sound_alike.confirm does.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from reviewer.checking.checker import Checker, CheckResult
from reviewer.review.batch import transcribe_and_check
from reviewer.review.lookups import first_heard, show
from tests.fakes import fake_services
from tests.helpers import import_copy
from transcribe.types import TranscribeOptions, Transcript

SCRIPT = "Ada yang panggil orang pelasong dan itu tidak baik."


def relistening_verifier(checker: Checker, result: CheckResult, media: str, options: TranscribeOptions,
                         transcript: Transcript | None = None) -> CheckResult:
    """Confirms 'pelasong' as 'pelacur', placed where the first pass heard it (what sound_alike.confirm returns)."""
    start = result.text.index("pelasong")
    sure = next(f for f in checker.find("pelacur"))
    confirmed = replace(sure, start=start, end=start + len("pelasong"), heard="pelasong", time_start=1.0,
                        time_end=1.5, confidence=0.9, verification="confirmed")
    return replace(result, findings=(*result.findings, confirmed))


@pytest.fixture
def checked(tmp_path: Path, clips: dict[str, Path]):
    services = replace(fake_services(tmp_path / "r.db", {"komen.mp4": SCRIPT}), verifier=relistening_verifier)
    video_id = import_copy(services, clips["malay"], "komen.mp4")
    transcribe_and_check(services, video_id)
    yield services, video_id
    services.store.close()


def test_the_stored_finding_keeps_what_was_heard(checked) -> None:
    services, video_id = checked
    finding = next(f for f in show(services.store, video_id)["findings"] if f["term"] == "pelacur")
    assert finding["verification"] == "confirmed"
    assert first_heard(finding) == "pelasong"


def test_the_transcript_holds_the_confirmed_word_and_what_was_heard_first(checked) -> None:
    from reviewer.review.workflow import latest_transcript

    services, video_id = checked
    _, transcript = latest_transcript(services.store.db, video_id)
    assert "orang pelacur dan" in transcript.text
    assert "pelasong" not in transcript.text
    assert [(w.text, w.heard) for w in transcript.words() if w.heard] == [("pelacur", "pelasong")]
    detail = show(services.store, video_id)
    assert detail["transcript"]["revision"] == 1, "written into the new transcript, not a second revision"
    entry = next(services.store.db.query("SELECT details FROM audit WHERE action = 're-listening'"))
    assert '["pelasong", "pelacur"]' in entry["details"]


def test_a_recheck_keeps_the_trail(checked) -> None:
    """With nothing to re-listen to (the fake verifier confirms only 'pelasong', no longer in the text), the
    re-check reads the trail from the transcript's words."""
    from reviewer.review.workflow import set_disposition

    services, video_id = checked
    before = next(f for f in show(services.store, video_id)["findings"] if f["term"] == "pelacur")
    set_disposition(services.store, before["id"], "confirmed", actor="Aisyah")
    transcribe_and_check(replace(services, verifier=lambda c, r, *_: r), video_id)
    finding = next(f for f in show(services.store, video_id)["findings"] if f["term"] == "pelacur")
    assert finding["id"] != before["id"], "a new check"
    assert (finding["verification"], finding["heard"], finding["matched"]) == ("confirmed", "pelasong", "pelacur")
    assert first_heard(finding) == "pelasong"
    assert finding["disposition"] == "confirmed", "the same finding to the reviewer: her decision is kept"


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


def test_a_campaign_package_carries_the_trail(checked, tmp_path: Path) -> None:
    """A reviewer's laptop gets the lead's check through the package: the trail (and the other settled-by-a-second-
    look fields) must arrive with it, or a confirmed finding would read as an ordinary one there."""
    from reviewer.review.bundle_export import export_package
    from reviewer.review.bundle_import import import_bundle
    from reviewer.store.connection import Store

    services, video_id = checked
    export_package(services.store, "Kempen", tmp_path / "kempen.ttpkg")
    with Store(tmp_path / "reviewer.db") as store:
        import_bundle(store, tmp_path / "kempen.ttpkg")
        (video,) = list(store.db.query("SELECT id FROM videos"))
        finding = next(f for f in show(store, video["id"])["findings"] if f["term"] == "pelacur")
    assert (finding["verification"], finding["heard"], finding["matched"]) == ("confirmed", "pelasong", "pelacur")


def test_the_migration_moves_an_older_trail_into_its_column(tmp_path: Path) -> None:
    """Before 0012 a confirmed finding kept the first-pass words as `matched`; after it, they are its `heard`."""
    import sqlite_utils

    from reviewer.store.connection import Store
    from reviewer.store.migrations import migrations

    path = tmp_path / "old.db"
    database = sqlite_utils.Database(path)
    migrations.apply(database, stop_before="0012_finding_heard")
    assert database.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # the findings alone will do
    for source, matched, term, verification in (("transcript", "pelasong", "pelacur", "confirmed"),
                                                 ("transcript", "bodoh", "bodoh", "confirmed"),
                                                 ("transcript", "bodok", "bodoh", ""),
                                                 ("screen", "tongsan", "balik tongsan", "confirmed")):
        database.execute("INSERT INTO findings (check_id, video_id, source, term, category, severity, language, "
                         "kind, confidence, start, \"end\", matched, fingerprint, verification) VALUES (1, 1, ?, ?, "
                         "'hate', 'high', 'ms', 'exact', 1, 0, 1, ?, 'f', ?)", [source, term, matched, verification])
    database.conn.close()
    with Store(path) as store:
        rows = [(r["matched"], r["heard"]) for r in store.db.query("SELECT matched, heard FROM findings ORDER BY id")]
    assert rows == [("pelasong", "pelasong"), ("bodoh", ""), ("bodok", ""), ("tongsan", "")]


def test_show_and_the_export_say_what_was_heard_first(run_cli, checked, tmp_path: Path) -> None:
    import csv

    services, video_id = checked
    code, out, err = run_cli("--db", str(services.store.path), "show", str(video_id))
    assert code == 0, err
    line = next(line for line in out.splitlines() if "] pelacur (" in line)
    assert "heard as 'pelasong', confirmed on re-listening) 'pelacur'" in line
    code, _, err = run_cli("--db", str(services.store.path), "export", str(video_id), "-o", str(tmp_path / "f.csv"))
    assert code == 0, err
    rows = list(csv.DictReader((tmp_path / "f.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {(r["term"], r["matched"], r["heard_first"]) for r in rows if r.get("term")} >= {
        ("pelacur", "pelacur", "pelasong")}


def test_a_run_resumed_after_a_crash_still_writes_the_confirmed_word(tmp_path: Path, clips) -> None:
    """The process died between storing the transcript and checking it: the next run finds a transcript nobody
    has read, and writes the confirmed word in as an uninterrupted run would have."""
    from transcribe.errors import TranscriptionFailed

    def crashing(*_args, **_kwargs) -> CheckResult:
        raise TranscriptionFailed("worker died")

    services = replace(fake_services(tmp_path / "r.db", {"komen.mp4": SCRIPT}), verifier=crashing)
    video_id = import_copy(services, clips["malay"], "komen.mp4")
    with pytest.raises(TranscriptionFailed):
        transcribe_and_check(services, video_id)
    transcribe_and_check(replace(services, verifier=relistening_verifier), video_id)
    from reviewer.review.workflow import latest_transcript

    assert "orang pelacur dan" in latest_transcript(services.store.db, video_id)[1].text
    services.store.close()


def test_a_confirmation_on_a_transcript_already_checked_stays_on_its_words(checked) -> None:
    """A later re-check (new lists, say) that confirms a word does not rewrite a transcript reviewers have read:
    the stored finding is on the words as they stand, and says what re-listening heard."""
    from reviewer.review.workflow import latest_transcript

    services, video_id = checked
    _, transcript = latest_transcript(services.store.db, video_id)
    spot = transcript.text.index("tidak")

    def confirms_tidak_as_tipu(checker: Checker, result: CheckResult, *_args) -> CheckResult:
        sure = next(f for f in checker.find("tipu"))
        return replace(result, findings=(*result.findings, replace(
            sure, start=spot, end=spot + 5, heard="tidak", verification="confirmed", confidence=0.9)))

    transcribe_and_check(replace(services, verifier=confirms_tidak_as_tipu), video_id)
    assert latest_transcript(services.store.db, video_id)[1].text == transcript.text
    tipu = next(f for f in show(services.store, video_id)["findings"] if f["term"] == "tipu")
    assert (tipu["matched"], tipu["heard"]) == ("tidak", "tidak")
    assert transcript.text[tipu["start"]:tipu["end"]] == tipu["matched"]


def test_two_versions_misheard_differently_are_the_same_finding_in_compare(tmp_path: Path, clips) -> None:
    """Each version's first pass misheard 'gemuk' its own way; re-listening wrote 'gemuk' into both, so compare
    says unchanged, not 'resolved' beside 'new'."""
    from reviewer.review.lookups import compare_versions
    from reviewer.review.versions import compare_with_previous

    def hears_gemuk(checker: Checker, result: CheckResult, *_args) -> CheckResult:
        first = "ke mohon" if "ke mohon" in result.text else "gemob"
        start = result.text.index(first)
        sure = next(f for f in checker.find("gemuk"))
        return replace(result, findings=(*result.findings, replace(
            sure, start=start, end=start + len(first), heard=first, verification="confirmed", confidence=0.9)))

    services = replace(fake_services(tmp_path / "r.db", {"v1.mp4": "Orang kata saya ke mohon di media.",
                                                        "v2.mp4": "Orang kata saya gemob di media."}),
                       verifier=hears_gemuk)
    first = import_copy(services, clips["malay"], "v1.mp4")
    transcribe_and_check(services, first)
    second = import_copy(services, clips["english"], "v2.mp4", version_of=first)
    transcribe_and_check(services, second)
    compared = compare_versions(services.store, second)
    assert (compared["resolved"], compared["new"]) == ([], [])
    assert compared["unchanged"] == [{"source": "transcript", "term": "gemuk", "matched": "gemuk"}]
    assert compare_with_previous(services.store, second).counts() == {"resolved": 0, "new": 0, "unchanged": 1}
    services.store.close()



def test_a_version_checked_before_re_listening_wrote_words_in_still_matches(tmp_path: Path, clips) -> None:
    """The earlier version's finding stands on the first-pass words ('bodok': checked by an older app, or
    confirmed on a transcript people had read); the later one's on the written-in 'bodoh'. Same term: unchanged."""
    from reviewer.review.lookups import compare_versions

    def confirms_bodoh(checker: Checker, result: CheckResult, *_args) -> CheckResult:
        start = result.text.index("bodok")
        sure = next(f for f in checker.find("bodoh"))
        settled = [f for f in result.findings if f.kind != "fuzzy"]  # the doubtful 'bodok', settled here
        return replace(result, findings=(*settled, replace(
            sure, start=start, end=start + 5, heard="bodok", verification="confirmed", confidence=0.9)))

    scripts = {"v1.mp4": "Jangan jadi bodok di media.", "v2.mp4": "Jangan jadi bodok di media sosial."}
    services = replace(fake_services(tmp_path / "r.db", scripts), verifier=confirms_bodoh)
    first = import_copy(services, clips["malay"], "v1.mp4")
    transcribe_and_check(replace(services, verifier=lambda c, r, *_: r), first)  # the first pass only
    transcribe_and_check(services, first)  # a re-check confirms it on the words people have read
    second = import_copy(services, clips["english"], "v2.mp4", version_of=first)
    transcribe_and_check(services, second)  # written in: 'bodoh'
    compared = compare_versions(services.store, second)
    assert (compared["resolved"], compared["new"]) == ([], [])
    assert compared["unchanged"] == [{"source": "transcript", "term": "bodoh", "matched": "bodoh"}]
    services.store.close()
