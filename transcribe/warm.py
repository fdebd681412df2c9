"""One warm transcription worker for a batch or a whole app session: the model loads once, not per video.

Starting a child and loading the model costs seconds per job; for a batch of 20 short clips that was most of
the time. A `WarmWorker` keeps one `python -m transcribe.worker --warm` alive and hands it job after job over
the same JSON-lines protocol. The runner's guarantees hold: Cancel kills the child at once (the next job
starts a fresh one), a crash becomes a `Failed` message and never takes the next job down, and the child exits
when this process dies (kill -9 included; see worker.exit_with_parent). One job at a time: while the worker is
busy, another job runs in its own one-shot child instead of waiting.
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import subprocess
import sys
import tempfile
import threading
from typing import IO

from transcribe.runner import Failed, Finished, TranscriptionJob, _child_env
from transcribe.worker_errors import CRASH_HINT


class WarmWorker:
    """The long-lived child process. Use it as a context manager, or `close()` it when the batch is done."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._busy = threading.Lock()
        self.spawned = 0  # how many processes it has started (1 unless a job was cancelled or crashed)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._process.poll() is None else None

    def acquire(self) -> subprocess.Popen[bytes] | None:
        """The running child, started if need be; None when another job is using it."""
        if not self._busy.acquire(blocking=False):
            return None
        if self._process is None or self._process.poll() is not None:
            self._discard_process()
            self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the process)
            self._process = subprocess.Popen([sys.executable, "-m", "transcribe.worker", "--warm"],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                             env=_child_env())
            self.spawned += 1
        return self._process

    def release(self, keep: bool) -> None:
        """The job is over; `keep=False` after a cancel or a crash, so the next job gets a fresh child."""
        if not keep:
            self._discard_process()
        self._busy.release()

    def stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read()[-20_000:].decode("utf-8", "replace")

    def _discard_process(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def close(self) -> None:
        """Let the child finish (closing its stdin ends its loop); kill it if it does not go in 5 s."""
        with self._busy:
            if self._process is not None and self._process.poll() is None:
                try:
                    self._process.stdin.close()  # type: ignore[union-attr]
                    self._process.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._discard_process()

    def __enter__(self) -> WarmWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class WarmJob(TranscriptionJob):
    """A TranscriptionJob served by a WarmWorker (or by its own child when the worker is busy)."""

    def __init__(self, media, options=None, windows=None, worker: WarmWorker | None = None) -> None:
        super().__init__(media, options, windows)
        self.worker = worker
        self._warm = False

    def start(self) -> TranscriptionJob:
        process = self.worker.acquire() if self.worker is not None else None
        if process is None:
            return super().start()
        self._warm = True
        self._process = process
        request = {"media": os.path.abspath(self.media), "options": self.options.to_dict(), "windows": self.windows}
        try:
            process.stdin.write(json.dumps(request).encode() + b"\n")  # type: ignore[union-attr]
            process.stdin.flush()  # type: ignore[union-attr]
        except OSError:  # the child died between jobs; reading its stdout reports the crash
            pass
        assert process.stdout is not None
        self._selector = selectors.DefaultSelector()
        self._selector.register(process.stdout, selectors.EVENT_READ)
        return self

    def _crash_message(self) -> Failed:
        if not self._warm:
            return super()._crash_message()
        assert self._process is not None
        code = self._process.wait(timeout=5)
        reason = f"signal {-code}" if code < 0 else f"exit code {code}"
        return Failed(f"the transcription process stopped unexpectedly ({reason}); {CRASH_HINT}", "crash",
                      self.worker.stderr_tail() if self.worker else "")

    def _reap(self) -> None:
        if not self._warm:
            super()._reap()
            return
        if self._process is None:
            return
        if self._selector is not None:
            self._selector.close()
        outcome = self._outcome
        keep = isinstance(outcome, Finished) or (isinstance(outcome, Failed) and outcome.kind == "error")
        self._process = self._selector = None
        self.worker.release(keep and not self._buffer.strip())  # type: ignore[union-attr]


_shared: WarmWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> WarmWorker:
    """This process's warm worker (created on first use, closed at exit): the app session's and the CLI's."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = WarmWorker()
            atexit.register(_shared.close)
        return _shared


__all__ = ["WarmJob", "WarmWorker", "shared_worker"]
