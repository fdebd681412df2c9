"""Progress between batch results: estimated, capped by the running batch, never backwards."""

from __future__ import annotations

import threading

import pytest

from transcribe.errors import Cancelled
from transcribe.heartbeat import Heartbeat


def test_estimates_are_capped_by_the_running_batch() -> None:
    beat = Heartbeat(lambda f, s: None, duration=600.0, batch_size=2, prior_rate=10.0)
    start = beat._confirmed_at
    assert beat.estimate(start + 1) == pytest.approx(10.0)  # prior rate until something is measured
    assert beat.estimate(start + 1000) == pytest.approx(0.95 * 60)  # at most what one batch of 2 x 30 s covers


def test_reports_rise_between_results_and_never_go_back() -> None:
    seen: list[float] = []
    ticked = threading.Event()

    def report(fraction: float, stage: str) -> None:
        seen.append(fraction)
        if len(seen) >= 3:
            ticked.set()

    with Heartbeat(report, duration=600.0, batch_size=6, interval=0.01, prior_rate=50.0) as beat:
        assert ticked.wait(5)  # estimates arrive while no real result has come yet
        beat.confirm(1.0)  # a real result behind the estimate must not pull the bar back
        beat.confirm(120.0)
    assert seen == sorted(seen)
    assert seen[-1] >= 0.03 + 0.97 * 120 / 600 - 1e-9
    assert max(seen) <= 0.99


def test_an_error_in_the_callback_reaches_the_decoding_thread() -> None:
    def report(fraction: float, stage: str) -> None:
        raise Cancelled("transcription cancelled")

    with Heartbeat(report, duration=600.0, batch_size=6, interval=0.01) as beat:
        beat._stop.wait(0.2)
        with pytest.raises(Cancelled):
            beat.confirm(5.0)
