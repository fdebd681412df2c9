"""The review CLI: every command with --db, its messages and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from tests.fakes import fake_services


@pytest.fixture
def reviewed(tmp_path: Path, clips: dict[str, Path]) -> tuple[Path, int]:
    """A database holding one transcribed and checked video (fake transcriber)."""
    db = tmp_path / "r.db"
    services = fake_services(db)
    from reviewer.review.workflow import import_media

    video_id = import_media(services.store, clips["english"], "Kempen Raya", creator="@aina").video_id
    transcribe_and_check(services, video_id)
    services.store.close()
    return db, video_id


def test_import_list_show(run_cli, tmp_path: Path, clips: dict[str, Path]) -> None:
    db = tmp_path / "r.db"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(clips["english"], folder / "a.mp4")
    (folder / "notes.mp4").write_text("a text file, not a video\n", encoding="utf-8")
    code, out, err = run_cli("--db", db, "import", folder, "--campaign", "Kempen", "--creator", "@aina")
    assert code == 2  # one file could not be imported...
    assert "a.mp4: imported as video 1" in out  # ...but the rest went on
    assert "not a readable video or audio file" in err
    code, out, _ = run_cli("--db", db, "import", folder / "a.mp4", "--campaign", "Kempen")
    assert "already imported as video 1" in out
    code, out, _ = run_cli("list", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert [(r["id"], r["status"], r["creator"]) for r in rows] == [(1, "pending", "@aina")]


def test_decisions_comments_findings(run_cli, reviewed) -> None:
    db, video_id = reviewed
    code, out, _ = run_cli("--db", db, "show", video_id, "--format", "json")
    detail = json.loads(out)
    finding_id = detail["findings"][0]["id"]
    assert run_cli("--db", db, "finding", finding_id, "--dismiss", "--reason", "quoted from the guideline",
                   "--reviewer", "Aina")[0] == 0
    assert run_cli("--db", db, "comment", video_id, "--at", "2.5", "--text", "Potong bahagian ini",
                   "--reviewer", "Aina")[0] == 0
    code, out, _ = run_cli("--db", db, "review", video_id, "--decision", "approved_with_changes", "--reviewer",
                           "Aina", "--org", "WAO", "--note", "Tukar ayat kedua")
    assert code == 0
    assert "status now Approved with changes" in out
    code, out, _ = run_cli("--db", db, "show", video_id)
    assert "dismissed: quoted from the guideline" in out
    assert "comment at 2.5s by Aina: Potong bahagian ini" in out
    assert "decision by Aina (WAO): approved_with_changes — Tukar ayat kedua" in out
    code, out, _ = run_cli("--db", db, "audit", "verify")
    assert code == 0
    assert "audit log intact" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("show", "99"), "no video with ID 99"),
    (("review", "1", "--decision", "maybe", "--reviewer", "A"), "unknown decision 'maybe'"),
    (("comment", "1", "--at", "999", "--text", "x", "--reviewer", "A"), "outside the video"),
    (("finding", "777", "--confirm", "--reviewer", "A"), "no finding with ID 777"),
    (("finding", "1", "--confirm"), "say who is deciding: --reviewer NAME"),  # QA F2: no nameless opinions
    (("finding", "1", "--confirm", "--reviewer", " "), "say who is deciding: --reviewer NAME"),
    (("finding", "1", "--dismiss", "--reason", "quoted", "--reviewer", "\u200b"), "say who is deciding"),
    (("review", "1", "--decision", "approved", "--reviewer", "\u200b\u2060"), "say who is deciding"),
    (("comment", "1", "--at", "1", "--text", "x", "--reviewer", "\u200b"), "say who is commenting"),
    (("list", "--status", "done"), "unknown status 'done'"),
])
def test_refusals_are_one_line(run_cli, reviewed, argv, message: str) -> None:
    db, _ = reviewed
    code, out, err = run_cli("--db", db, *argv)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_audit_verify_reports_tampering(run_cli, reviewed) -> None:
    import sqlite3

    db, _ = reviewed
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM audit WHERE id = 2")
    code, _, err = run_cli("--db", db, "audit", "verify")
    assert code == 1
    assert "audit log broken at entry 3" in err


def test_recheck_after_a_term_list_change(run_cli, reviewed) -> None:
    from reviewer.checking.terms import Term
    from reviewer.store.connection import Store
    from reviewer.store.term_lists import active_lists, save_list

    db, video_id = reviewed
    with Store(db) as store:
        harassment = next(lst for lst in active_lists(store) if lst.name == "harassment-insults")
        save_list(store, harassment.with_terms([*harassment.terms, Term("fikir", "test", "low", "ms")]))
    code, out, _ = run_cli("--db", db, "show", video_id, "--format", "json")
    assert json.loads(out)["stale_term_lists"] is True
    assert "[checked against an older term list: re-check it]" in run_cli("--db", db, "list")[1]  # QA 21
    code, out, _ = run_cli("--db", db, "recheck", "--campaign", "Kempen Raya")
    assert code == 0
    assert "re-checked 1 video" in out
    detail = json.loads(run_cli("--db", db, "show", video_id, "--format", "json")[1])
    assert detail["stale_term_lists"] is False
    assert "fikir" in {f["term"] for f in detail["findings"]}
    assert "older term list" not in run_cli("--db", db, "list")[1]


def test_approving_over_open_serious_findings_needs_saying_so(run_cli, tmp_path: Path, clips) -> None:
    """The app asks first; the CLI wants --despite-open-findings (QA 14). A missing file is warned about (QA 15)."""
    db = tmp_path / "r.db"
    services = fake_services(db, {"a.mp4": "Kill yourself, loser."})
    from reviewer.review.workflow import import_media

    clip = tmp_path / "a.mp4"
    shutil.copy(clips["english"], clip)
    video_id = import_media(services.store, clip, "Kempen").video_id
    transcribe_and_check(services, video_id)
    services.store.close()
    code, out, err = run_cli("--db", db, "review", video_id, "--decision", "approved", "--reviewer", "Aina")
    assert code == 2
    assert "1 high or critical finding(s) still open (kill yourself)" in err
    assert "decision recorded" not in out
    code, _, _ = run_cli("--db", db, "review", video_id, "--decision", "changes_required", "--reviewer", "Aina")
    assert code == 0  # asking for changes needs no such care
    clip.rename(tmp_path / "elsewhere.mp4")
    code, out, err = run_cli("--db", db, "review", video_id, "--decision", "approved", "--reviewer", "Bala",
                             "--despite-open-findings")
    assert code == 0
    assert "the file of video 1 is missing" in err
