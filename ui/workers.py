"""Bridges from the Qt-free core to the GUI thread.

A `TranscriptionWorker` lives on a QThread and follows a `TranscriptionJob` (a child process) by polling
its pipe; results and progress cross to the GUI thread as queued signals. Cancel kills the child at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal, Slot

from transcribe.runner import Failed, Finished, Progress, TranscriptionJob
from transcribe.types import TranscribeOptions, Transcript


class TranscriptionWorker(QObject):
    progress = Signal(float, str, float)  # fraction, stage, eta seconds (-1 while unknown)
    finished = Signal(object)  # Transcript
    failed = Signal(str, str)  # message, kind (error | crash | cancelled)

    def __init__(self, media: str, options: TranscribeOptions | None = None) -> None:
        super().__init__()
        self._job = TranscriptionJob(media, options)
        self._cancelled = False

    @Slot()
    def run(self) -> None:
        started = time.monotonic()
        self._job.start()
        while not self._cancelled:
            message = self._job.poll(0.05)
            if isinstance(message, Progress):
                self.progress.emit(message.fraction, message.stage, _eta(started, message.fraction))
            elif isinstance(message, Finished):
                self.finished.emit(message.transcript)
                return
            elif isinstance(message, Failed):
                self.failed.emit(message.message, message.kind)
                return
        self._job.cancel()
        self.failed.emit("cancelled", "cancelled")

    def cancel(self) -> None:
        """Thread-safe: flips a flag; the polling loop sees it within 50 ms and kills the child itself
        (the job object is only ever touched from the worker's thread)."""
        self._cancelled = True


def _eta(started: float, fraction: float) -> float:
    if fraction < 0.05:
        return -1.0
    elapsed = time.monotonic() - started
    return elapsed * (1 - fraction) / fraction


__all__ = ["Transcript", "TranscriptionWorker"]
