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
