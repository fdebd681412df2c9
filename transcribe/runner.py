"""Run a transcription in a child process and follow it by messages.

Why a process and not a thread: Cancel must be instant (we kill the child; native decoding cannot be
interrupted from inside), and a crash inside decoding must become an error result, not a dead app.
The child is a plain `python -m transcribe.worker` speaking JSON lines on its stdout, so it inherits no
GUI threads or locks and never re-imports the caller's `__main__` (as multiprocessing's spawn would).
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from transcribe.errors import Cancelled, TranscribeError, TranscriptionFailed
from transcribe.types import TranscribeOptions, Transcript
from transcribe.worker import PARENT_ENV
from transcribe.worker_errors import CRASH_HINT

_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)  # so the child finds us even from a checkout


@dataclass(frozen=True)
class Progress:
    fraction: float
    stage: str


@dataclass(frozen=True)
class Finished:
    transcript: Transcript | None  # None for a window re-decode, which returns `texts` instead
    seconds: float
    peak_rss_mb: float
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failed:
    message: str
    kind: str = "error"  # error | crash | cancelled
    detail: str = field(default="", compare=False)  # a traceback or the child's stderr, for the log file only


Message = Progress | Finished | Failed


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env[PARENT_ENV] = str(os.getpid())  # the worker exits if this process dies, even before it has started
    return env


class TranscriptionJob:
    """One transcription in one child process. Use `messages()` to follow it, `cancel()` to stop it.

    Not thread-safe: create, poll and cancel it from one thread (the GUI uses a worker thread for that).
    Subclasses run another worker module over the same protocol (ocr_runner.ScreenTextJob).
    """

    worker_module = "transcribe.worker"
    label = "transcription"

    def __init__(self, media: str | os.PathLike[str], options: TranscribeOptions | None = None,
                 windows: list[dict] | None = None) -> None:
        self.media = os.fspath(media)
        self.options = options or TranscribeOptions()
        self.windows = windows  # when given: re-decode these {start, end, hotwords} windows only
        self._process: subprocess.Popen[bytes] | None = None
        self._selector: selectors.BaseSelector | None = None
        self._stderr: IO[bytes] | None = None
        self._buffer = b""
        self._pending: list[Message] = []
        self._outcome: Finished | Failed | None = None

    @property
    def outcome(self) -> Finished | Failed | None:
        return self._outcome

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> TranscriptionJob:
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the job; closed in _reap)
        self._process = subprocess.Popen([sys.executable, "-m", self.worker_module], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._stderr, env=_child_env())
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(json.dumps(self._request()).encode() + b"\n")
        self._process.stdin.close()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._process.stdout, selectors.EVENT_READ)
        return self

    def _request(self) -> dict:
        return {"media": os.path.abspath(self.media), "options": self.options.to_dict(), "windows": self.windows}

    def poll(self, timeout: float = 0.1) -> Message | None:
        """The next message, or None if nothing arrived within `timeout` seconds (or the job is over)."""
        if self._pending:
            return self._pending.pop(0)
        if self._outcome is not None:
            return None
        if self._process is None or self._selector is None:
            raise RuntimeError("start() the job first")
        if not self._selector.select(timeout):
            return None
        chunk = os.read(self._process.stdout.fileno(), 1 << 16)  # type: ignore[union-attr]
        if not chunk:
            return self._finish(self._crash_message())
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if line.strip():
                self._pending.append(self._parse(json.loads(line)))
        return self._pending.pop(0) if self._pending else None

    def _parse(self, raw: dict) -> Message:
        if raw["type"] == "progress":
            return Progress(float(raw["fraction"]), str(raw["stage"]))
        if raw["type"] == "finished":
            transcript = Transcript.from_dict(raw["transcript"]) if raw.get("transcript") else None
            return self._finish(Finished(transcript, float(raw["seconds"]), float(raw["peak_rss_mb"]),
                                         tuple(raw.get("texts") or ())))
        return self._finish(Failed(raw["message"], raw.get("kind", "error"), raw.get("detail", "")))

    def messages(self, poll_interval: float = 0.1) -> Iterator[Message]:
        """Yield every message until the job ends; the last one is `Finished` or `Failed`."""
        while self._outcome is None or self._pending:
            message = self.poll(poll_interval)
            if message is not None:
                yield message

    def cancel(self) -> None:
        """Stop now. Killing is safe: the child writes nothing to disk except the model cache, atomically."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        self._reap()
        if self._outcome is None:
            self._outcome = Failed("cancelled", "cancelled")

    def _crash_message(self) -> Failed:
        assert self._process is not None
        code = self._process.wait(timeout=5)
        reason = f"signal {-code}" if code < 0 else f"exit code {code}"
        detail = b""
        if self._stderr is not None:
            self._stderr.seek(0)
            detail = self._stderr.read()[-20_000:]
        return Failed(f"the {self.label} process stopped unexpectedly ({reason}); {CRASH_HINT}", "crash",
                      detail.decode("utf-8", "replace"))

    def _finish(self, outcome: Finished | Failed) -> Finished | Failed:
        if self._outcome is None:
            self._outcome = outcome
        self._reap()
        return outcome

    def _reap(self) -> None:
        if self._process is not None:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._selector is not None:
                self._selector.close()
            self._process.stdout.close()  # type: ignore[union-attr]
            self._process = self._selector = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def run_transcription(media: str | os.PathLike[str], options: TranscribeOptions | None = None,
                      on_progress: Callable[[Progress], None] | None = None,
                      should_cancel: Callable[[], bool] | None = None, windows: list[dict] | None = None,
                      worker=None) -> Finished:
    """Blocking helper: run a job to the end, raising TranscribeError (or Cancelled) on failure.

    With a `worker` (warm.WarmWorker) the job runs in that long-lived child, whose model is already loaded."""
    if worker is not None:
        from transcribe.warm import WarmJob

        job: TranscriptionJob = WarmJob(media, options, windows, worker)
    else:
        job = TranscriptionJob(media, options, windows)
    return follow(job, on_progress, should_cancel)


def follow(job: TranscriptionJob, on_progress: Callable[[Progress], None] | None = None,
           should_cancel: Callable[[], bool] | None = None) -> Finished:
    """Start `job` and run it to the end, raising TranscribeError (or Cancelled) on failure."""
    job.start()
    try:
        while True:
            if should_cancel is not None and should_cancel():
                job.cancel()
                raise Cancelled(f"{job.label} cancelled")
            message = job.poll(0.1)
            if isinstance(message, Progress):
                if on_progress is not None:
                    on_progress(message)
            elif isinstance(message, Finished):
                return message
            elif isinstance(message, Failed):
                error = TranscriptionFailed if message.kind == "crash" else TranscribeError
                raise error(message.message)
    finally:
        job.cancel()


__all__ = ["Failed", "Finished", "Message", "Progress", "TranscriptionJob", "follow", "run_transcription"]
