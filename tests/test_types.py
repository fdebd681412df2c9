"""Types are checked, not hoped for: mypy over the packages, strict for reviewer/checking and reviewer/store.

The strictness lives in pyproject.toml ([tool.mypy]); this runs the same `mypy` a developer or CI runs.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_mypy_finds_no_errors() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout

