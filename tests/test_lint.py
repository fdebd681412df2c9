"""Ruff (rules E, F, W, I, UP, B, SIM, PT, configured in pyproject.toml) passes on the whole tree."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(REPO / ".venv" / "bin"))
    if ruff is None:
        try:
            import ruff as ruff_module  # noqa: F401
        except ImportError:
            pytest.skip("ruff is not installed (it comes with the test extra)")
        command = [sys.executable, "-m", "ruff"]
    else:
        command = [ruff]
    result = subprocess.run([*command, "check", "."], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
