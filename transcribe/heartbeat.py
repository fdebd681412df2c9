"""Progress between batch results, so a long decode never looks stuck.

The batched pipeline only yields when a whole batch (several 30 s chunks) is done, which on a 10-minute
video means the bar would sit still for many seconds. Between real results we report an estimate from the
decoding rate measured so far (a conservative prior before the first batch), never beyond what the running
batch can cover, and never backwards. Real results always win.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

CHUNK_SECONDS = 30.0
PRIOR_RATE = 8.0  # audio seconds decoded per wall second before we have measured anything (base, int8, 2 cores)
START, SPAN = 0.03, 0.97  # the "transcribing" stage covers fractions 0.03 .. 1.0 (earlier stages take 0 .. 0.03)


class Heartbeat:
    def __init__(self, report: Callable[[float, str], None], duration: float, batch_size: int,
                 interval: float = 1.0, prior_rate: float = PRIOR_RATE) -> None:
        self._report = report
        self._duration = max(duration, 1e-6)
        self._batch_span = batch_size * CHUNK_SECONDS
        self._interval = interval
        self._rate = prior_rate
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._started = self._confirmed_at = time.monotonic()
        self._done_audio = 0.0
        self._last_fraction = 0.0
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="progress-heartbeat", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def confirm(self, audio_end: float) -> None:
        """A real result reached `audio_end` seconds of the media."""
        with self._lock:
            if self._error is not None:
                raise self._error  # e.g. Cancelled raised by the callback on the heartbeat thread
            now = time.monotonic()
            if audio_end > self._done_audio:
                self._done_audio = audio_end
                self._confirmed_at = now
                self._rate = max(self._done_audio / max(now - self._started, 1e-3), 0.1)
            self._emit(audio_end)

    def estimate(self, now: float | None = None) -> float:
        """Audio seconds probably done by now: measured rate since the last result, capped by the batch."""
        now = time.monotonic() if now is None else now
        guess = self._done_audio + self._rate * (now - self._confirmed_at)
        return min(guess, self._done_audio + 0.95 * self._batch_span, self._duration * 0.99)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            with self._lock:
                try:
                    self._emit(self.estimate())
                except BaseException as exc:  # hand it to the decoding thread at its next confirm()
                    self._error = exc
                    return

    def _emit(self, audio_seconds: float) -> None:
        fraction = min(0.99, START + SPAN * audio_seconds / self._duration)
        if fraction > self._last_fraction:
            self._last_fraction = fraction
            self._report(fraction, "transcribing")
