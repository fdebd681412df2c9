"""`show` says where each finding is and what each comment is (QA F13); the CSV export says who disposed of a
finding and that reviewers disagree (QA F15). Both say what the record says."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.comments import add_comment
from reviewer.review.workflow import import_media, set_disposition
from reviewer.store.queries import show
from tests.fakes import fake_services


@pytest.fixture
def recorded(tmp_path: Path, clips: dict[str, Path]) -> Path:
    db = tmp_path / "review.db"
    services = fake_services(db, screen={"english.mp4": [("Jangan jadi bodoh", 3.0, 4.0, 0.95)]})
    video_id = import_media(services.store, clips["english"], "Kempen", caption="jangan bodoh").video_id
    transcribe_and_check(services, video_id)
    spoken = next(f for f in show(services.store, video_id)["findings"] if f["source"] == "transcript")
    set_disposition(services.store, spoken["id"], "confirmed", actor="Aina", organisation="WAO")
    set_disposition(services.store, spoken["id"], "dismissed", "quoting a bully, educational", "Nurul Huda", "MIASA")
    add_comment(services.store, video_id, 1.0, "Potong bahagian ini", "Aina", "WAO", end_seconds=4.0, internal=True)
    services.store.close()
    return db


def test_show_says_where_each_finding_is_and_what_each_comment_is(run_cli, recorded: Path) -> None:
    code, out, _ = run_cli("--db", recorded, "show", "1")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("  finding ") and "caption [medium] bodoh" in line for line in lines), out
    assert any("on screen at 00:03 [medium] bodoh" in line for line in lines), out
    assert "comment at 1.0–4.0s by Aina: Potong bahagian ini  (#1, internal: not sent to the creator)" in out


def test_csv_export_says_who_disposed_and_that_reviewers_disagree(run_cli, recorded: Path) -> None:
    code, out, _ = run_cli("--db", recorded, "export", "1", "--format", "csv")
    assert code == 0
    rows = [row for row in csv.DictReader(io.StringIO(out.lstrip("\ufeff"))) if row["record"] == "finding"]
    spoken = next(row for row in rows if row["source"] == "transcript")
    assert spoken["disposition"] == "disagreement"  # not "open" with a dismissal reason
    assert spoken["disposed_by"] == "Aina (WAO); Nurul Huda (MIASA)"
    assert spoken["opinions"] == ("confirmed by Aina (WAO); dismissed by Nurul Huda (MIASA): quoting a bully, "
                                  "educational")
    untouched = next(row for row in rows if row["source"] == "caption")
    assert (untouched["disposition"], untouched["disposed_by"], untouched["opinions"]) == ("open", "", "")
    code, out, _ = run_cli("--db", recorded, "export", "1", "--format", "json")
    exported = next(f for f in json.loads(out)["findings"] if f["source"] == "transcript")
    assert (exported["disposition"], exported["disposed_by"]) == ("disagreement", "Aina (WAO); Nurul Huda (MIASA)")
