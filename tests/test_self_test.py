"""The self-test support asks partners to run: offline, headless, one line per step, exit 0 only when all passed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

NO_QT = ("import importlib.abc, sys\n"
         "class NoQt(importlib.abc.MetaPathFinder):\n"
         "    def find_spec(self, name, path=None, target=None):\n"
         "        if name.split('.')[0] == 'PySide6': raise ImportError('no Qt here')\n"
         "sys.meta_path.insert(0, NoQt())\n")


def offline_prefix() -> list[str]:
    """`unshare -n`: a network namespace with no interfaces at all, so any network use would fail."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        pytest.skip("unshare -n is not available here (needs root or user namespaces)")
    return ["unshare", "-n"]


@pytest.mark.slow
def test_gui_self_test_passes_offline_without_display_or_qt(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["TMPDIR"] = str(tmp_path)
    code = NO_QT + "from ui.app import run\nsys.exit(run(['--self-test']))\n"
    result = subprocess.run([*offline_prefix(), sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    steps = [line for line in lines if line.startswith(("✓", "✗"))]
    assert [line.split("  ")[0][2:].strip() for line in steps] == [
        "speech model", "database and term lists", "transcribe and check the clip", "PDF report"]
    assert all(line.startswith("✓") for line in steps)
    assert all(" s  " in line for line in steps)  # each step shows its time
    assert "found 'ugly'" in steps[2]
    assert lines[-1].startswith("self-test passed in ")
    reports = list(tmp_path.glob("thinktwice-self-test-*/self-test-report.pdf"))
    assert len(reports) == 1
    assert reports[0].read_bytes().startswith(b"%PDF")


def test_cli_self_test_failure_is_a_clear_line_and_exit_1(run_cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the model cache folder should be")
    monkeypatch.setenv("THINKTWICE_CACHE_DIR", str(blocker))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    code, out, err = run_cli("self-test")
    assert code == 1
    lines = out.splitlines()
    assert lines[1].startswith("✗ speech model")
    assert "cannot write the speech model" in lines[1]
    assert lines[-1].startswith("self-test FAILED at 'speech model': cannot write the speech model")
    assert not any(line.startswith("✓") for line in lines)  # it stopped at the first failure
