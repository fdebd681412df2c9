"""Shared fixtures: generated speech clips (once per session) and an isolated user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.mediagen import standard_clips

    return standard_clips(tmp_path_factory.mktemp("clips"))


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config folders, so no test touches (or depends on) the real user's data
    or audit key."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("THINKTWICE_DATA_DIR", str(folder))
    monkeypatch.setenv("THINKTWICE_CONFIG_DIR", str(tmp_path / "userconfig"))
    return folder


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process and return (exit code, stdout, stderr)."""
    from reviewer.cli import main

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def python_cli(*argv: str, **kwargs):
    """Run `python -m reviewer.cli` in a fresh interpreter (for isolation from this process's state)."""
    import subprocess

    return subprocess.run([sys.executable, "-m", "reviewer.cli", *map(str, argv)], capture_output=True,
                          text=True, cwd=REPO, **kwargs)


@pytest.fixture
def ui_hygiene():
    """For Qt tests: the language goes back to English, and no work-queue thread outlives its window."""
    yield
    from ui.i18n import LANGUAGE
    from ui.work_queue import LIVE_QUEUES

    LANGUAGE.set("en")
    running = [q for q in LIVE_QUEUES if q.running]
    assert not running, "a work-queue thread outlived its window"


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    """A main window on a fresh database with the fake transcriber; closed (threads stopped) after the test."""
    from PySide6.QtCore import QSettings

    from tests.fakes import fake_services
    from ui.app import build_window
    from ui.settings import AppSettings

    windows = []

    def make(factory=None, reviewer: str = "Aina"):
        db = tmp_path / "review.db"
        qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(str(db), AppSettings(reviewer=reviewer, organisation="WAO"), qsettings,
                              factory() if factory else fake_services(db))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
