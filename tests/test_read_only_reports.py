"""QA F9: a report is a read. On a read-only database (an archived copy, read-only media) the PDF report, the creator
feedback and the exports work, record nothing, and say nothing that depends on a write having happened."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.exports import export_bytes, feedback_bytes, video_pdf
from reviewer.review.report_data import video_report_data
from reviewer.review.services import Services
from reviewer.review.workflow import add_review, import_media
from reviewer.store.connection import Store
from tests.fakes import fake_services
from tests.helpers import run_as_nobody


@pytest.fixture
def archived(clips: dict[str, Path]) -> Iterator[Path]:
    """An approved video's database in a folder nobody may write (its media readable by all)."""
    folder = Path(tempfile.mkdtemp(prefix="thinktwice-ro-"))  # under /tmp, so 'nobody' can reach it
    media = folder / "clip.mp4"
    shutil.copy(clips["english"], media)
    path = folder / "review.db"
    services = fake_services(path)
    video_id = import_media(services.store, media, "Kempen").video_id
    transcribe_and_check(services, video_id)
    add_review(services.store, video_id, "Aina", "approved")
    services.store.close()
    os.chmod(media, 0o644)
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    yield path
    os.chmod(folder, 0o755)
    shutil.rmtree(folder)


def _read_everything(path: Path) -> str:
    services = Services(Store(path))
    assert services.store.read_only
    pdf = video_pdf(services, 1)
    data = video_report_data(services.store, 1, with_keyframes=False)
    csv = export_bytes(services, 1, None, "csv").decode()
    html = feedback_bytes(services, 1, fmt="html").decode()
    return " | ".join([pdf[:4].decode(), data.status, data.file_state, data.transcript_gap, str(len(data.findings)),
                       str("english.mp4" in csv or "clip.mp4" in csv), str("<html" in html.lower())])


def test_report_feedback_and_export_work_on_a_read_only_database(archived: Path) -> None:
    message = run_as_nobody(lambda: _read_everything(archived))
    assert " | " in message, message  # not an error such as "the database … is read-only"
    pdf, status, file_state, gap, _findings, csv, html = message.split(" | ")
    assert (pdf, status, file_state, gap, csv, html) == ("%PDF", "approved", "ok", "", "True", "True"), message


def test_a_changed_file_under_a_read_only_database_is_not_vouched_for(archived: Path) -> None:
    media = archived.parent / "clip.mp4"
    os.chmod(archived.parent, 0o755)
    with open(media, "ab") as handle:
        handle.write(b"\0" * 64)  # another cut under the same name; the record cannot be told
    os.chmod(archived.parent, 0o555)
    message = run_as_nobody(lambda: _read_everything(archived))
    assert " | " in message, message  # not an error such as "the database … is read-only"
    pdf, status, file_state, gap, findings, _csv, _html = message.split(" | ")
    assert (pdf, status, file_state, findings) == ("%PDF", "pending", "changed", "0"), message
    assert gap.startswith("the transcript is of an earlier version of the file")


def test_list_and_show_say_a_changed_file_was_not_recorded(archived: Path) -> None:
    from reviewer.cli import main

    media = archived.parent / "clip.mp4"
    os.chmod(archived.parent, 0o755)
    with open(media, "ab") as handle:
        handle.write(b"\0" * 64)
    os.chmod(archived.parent, 0o555)

    def listing() -> str:
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            codes = (main(["--db", str(archived), "list"]), main(["--db", str(archived), "show", "1"]))
        return f"{codes} {out.getvalue()}"

    message = run_as_nobody(listing)
    assert message.startswith("(0, 0) "), message
    assert "File changed (recorded: Approved)" in message
    assert "FILE CHANGED since it was recorded (this database is read-only" in message
