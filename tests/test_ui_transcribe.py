"""The transcription window: background work with progress, and Cancel that really stops the child."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from ui.transcribe_window import TranscribeWindow  # noqa: E402

pytestmark = pytest.mark.slow


def test_window_transcribes_in_background(qtbot, clips: dict[str, Path]) -> None:
    window = TranscribeWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.progress.valueChanged, timeout=30_000):
        window.start(str(clips["english"]))
    assert window.busy
    assert not window.open_button.isEnabled()
    qtbot.waitUntil(lambda: window.transcript is not None, timeout=60_000)
    assert "twice" in window.text.toPlainText().lower()
    assert window.progress.value() == window.progress.maximum()
    assert not window.busy


def test_cancel_returns_the_window_to_idle(qtbot, clips: dict[str, Path]) -> None:
    window = TranscribeWindow()
    qtbot.addWidget(window)
    window.start(str(clips["malay"]))
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=30_000)
    window.cancel_button.click()
    qtbot.waitUntil(lambda: not window.busy, timeout=2_000)
    assert window.transcript is None
    assert window.status.text() == "Cancelled."
    assert window.open_button.isEnabled()
