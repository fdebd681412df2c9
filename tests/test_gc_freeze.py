"""Building a checker leaves the process's garbage collector alone; entry points freeze once they built theirs."""

from __future__ import annotations

import gc

from reviewer.checking.checker import Checker
from reviewer.checking.terms import load_bundled_lists


def test_a_checker_does_not_freeze_the_process() -> None:
    before = gc.get_freeze_count()
    Checker(load_bundled_lists())
    assert gc.get_freeze_count() == before


def test_the_check_command_freezes_its_checker(run_cli, tmp_path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("Jangan jadi bodoh.", encoding="utf-8")
    before = gc.get_freeze_count()
    try:
        code, out, _ = run_cli("--db", tmp_path / "review.db", "check", script)
        assert code == 1  # a finding
        assert "bodoh" in out
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
