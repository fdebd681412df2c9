"""`thinktwice show 1 | head -5` (QA F14): a reader that stops reading ends the command quietly, exit 141."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.review.batch import transcribe_and_check
from reviewer.review.workflow import import_media
from tests.conftest import REPO
from tests.fakes import fake_services


def _with_closed_stdout(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with its standard output a pipe whose reader has already gone (deterministic, unlike head)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "reviewer.cli", *argv], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=120)
    finally:
        os.close(write_end)


@pytest.fixture
def db(tmp_path: Path, clips: dict[str, Path]) -> Path:
    path = tmp_path / "review.db"
    services = fake_services(path)
    transcribe_and_check(services, import_media(services.store, clips["english"], "Kempen").video_id)
    services.store.close()
    return path


@pytest.mark.parametrize("argv", [("show", "1"), ("show", "1", "--format", "json"), ("list",), ("comments", "1"),
                                  ("export", "1", "--format", "csv"), ("terms", "list")])
def test_a_closed_output_ends_the_command_quietly(db: Path, argv: tuple[str, ...]) -> None:
    done = _with_closed_stdout("--db", str(db), *argv)
    assert done.returncode == 141, done.stderr
    assert done.stderr == ""  # no "unexpected error", no "Exception ignored ... BrokenPipeError"


def test_help_into_a_closed_pipe_is_quiet(db: Path) -> None:
    done = _with_closed_stdout("--help")  # argparse swallows the write error itself: exit 0, nothing on stderr
    assert (done.returncode, done.stderr) == (0, "")
