"""What people see in a terminal: the progress bar (percent and ETA) and coloured check output."""

from __future__ import annotations

import io
import sys

import pytest

from reviewer.checking.checker import Checker
from reviewer.checking.terms import load_bundled_lists
from reviewer.cli.check import RESET, SEVERITY_COLOURS, format_text
from reviewer.cli.progress import fraction_bar


def test_progress_bar_shows_percent_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    with fraction_bar("transcribing", enabled=True, min_interval=0) as update:
        update(0.25, "decoding audio")
        update(0.5, "transcribing")
    shown = stream.getvalue()
    assert "50%" in shown
    assert "ETA" in shown
    assert "transcribing" in shown


def test_progress_bar_is_silent_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()  # StringIO.isatty() is False, like a pipe or a CI log
    monkeypatch.setattr(sys, "stderr", stream)
    with fraction_bar("transcribing") as update:
        update(0.5, "transcribing")
    assert stream.getvalue() == ""


def test_text_output_is_coloured_only_on_request() -> None:
    result = Checker(load_bundled_lists()).check_text("jangan bodoh\nmereka mahu bunuh diri", "script.txt")
    plain, coloured = format_text(result, colour=False), format_text(result, colour=True)
    assert "\033[" not in plain
    assert f"{SEVERITY_COLOURS['high']}HIGH{RESET}" in coloured
    assert "line 2: [HIGH] bunuh diri" in plain
    assert plain.strip().endswith("script.txt: 1 high, 1 medium")
