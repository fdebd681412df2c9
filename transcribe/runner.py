"""Run a transcription in a child process and talk to it by messages.

Why a process and not a thread: Cancel must be instant (we kill the child; decoding cannot be interrupted
from inside), and a crash inside native decoding code must become an error result, not a dead app. The
child sends `Progress` messages as a fraction of the media's duration, then exactly one `Finished` or
`Failed`. We use the "spawn" start method so the child never inherits a GUI's threads or locks.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from transcribe.errors import Cancelled, TranscribeError, TranscriptionFailed
from transcribe.types import TranscribeOptions, Transcript

CRASH_HINT = "try again; if it keeps happening, try another model (--model) or re-export the video"


@dataclass(frozen=True)
class Progress:
    fraction: float
    stage: str


@dataclass(frozen=True)
class Finished:
    transcript: Transcript
    seconds: float
    peak_rss_mb: float


@dataclass(frozen=True)
class Failed:
    message: str
    kind: str = "error"  # error | crash | cancelled
    detail: str = field(default="", compare=False)  # a traceback, for the log file only


Message = Progress | Finished | Failed


def _child_main(conn: Connection, media: str, options: dict) -> None:
    """Entry point of the child process. Never raises: every outcome becomes a message."""
    from tqdm import tqdm

    from transcribe.engine import transcribe_file  # heavy imports happen in the child only

    # faster-whisper builds a (disabled) tqdm bar, which by default allocates a multiprocessing semaphore;
    # a child killed on Cancel would leak it. A thread lock does the same job inside one process.
    tqdm.set_lock(threading.RLock())

    started = time.perf_counter()
    try:
        transcript = transcribe_file(media, TranscribeOptions.from_dict(options),
                                     progress=lambda fraction, stage: conn.send(("progress", fraction, stage)))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(("finished", transcript.to_dict(), time.perf_counter() - started, peak))
    except TranscribeError as exc:
        conn.send(("failed", str(exc), "error", ""))
    except Exception as exc:  # an unexpected bug must still come back as a message, with its traceback
        conn.send(("failed", f"transcription failed ({type(exc).__name__}: {exc}); {CRASH_HINT}", "crash",
                   traceback.format_exc()))
    finally:
        conn.close()


class TranscriptionJob:
    """One transcription in one child process. Use `messages()` to follow it, `cancel()` to stop it."""

    def __init__(self, media: str | os.PathLike[str], options: TranscribeOptions | None = None) -> None:
        self.media = os.fspath(media)
        self.options = options or TranscribeOptions()
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._outcome: Finished | Failed | None = None

    @property
    def outcome(self) -> Finished | Failed | None:
        return self._outcome

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> TranscriptionJob:
        receiver, sender = self._context.Pipe(duplex=False)
        self._process = self._context.Process(target=_child_main, args=(sender, self.media, self.options.to_dict()),
                                              name="thinktwice-transcribe", daemon=True)
        self._process.start()
        sender.close()  # only the child holds the sending end, so its death shows up as EOF here
        self._conn = receiver
        return self

    def poll(self, timeout: float = 0.1) -> Message | None:
        """The next message, or None if nothing arrived within `timeout` seconds."""
        if self._outcome is not None:
            return None
        if self._conn is None:
            raise RuntimeError("start() the job first")
        try:
            if not self._conn.poll(timeout):
                return None
            raw = self._conn.recv()
        except (EOFError, OSError):
            return self._finish(self._crash_message())
        kind = raw[0]
        if kind == "progress":
            return Progress(float(raw[1]), str(raw[2]))
        if kind == "finished":
            return self._finish(Finished(Transcript.from_dict(raw[1]), float(raw[2]), float(raw[3])))
        return self._finish(Failed(raw[1], raw[2], raw[3]))

    def messages(self, poll_interval: float = 0.1) -> Iterator[Message]:
        """Yield every message until the job ends; the last one is `Finished` or `Failed`."""
        while self._outcome is None:
            message = self.poll(poll_interval)
            if message is not None:
                yield message

    def cancel(self) -> None:
        """Stop now. Killing is safe: the child writes nothing to disk except the model cache, atomically."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self._reap()
        if self._outcome is None:
            self._outcome = Failed("cancelled", "cancelled")

    def _crash_message(self) -> Failed:
        assert self._process is not None
        self._process.join(timeout=5)
        code = self._process.exitcode
        reason = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return Failed(f"the transcription process stopped unexpectedly ({reason}); {CRASH_HINT}", "crash")

    def _finish(self, outcome: Finished | Failed) -> Finished | Failed:
        self._outcome = outcome
        self._reap()
        return outcome

    def _reap(self) -> None:
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process.close()
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def run_transcription(media: str | os.PathLike[str], options: TranscribeOptions | None = None,
                      on_progress: Callable[[Progress], None] | None = None,
                      should_cancel: Callable[[], bool] | None = None) -> Finished:
    """Blocking helper: run a job to the end, raising TranscribeError (or Cancelled) on failure."""
    job = TranscriptionJob(media, options).start()
    try:
        while True:
            if should_cancel is not None and should_cancel():
                job.cancel()
                raise Cancelled("transcription cancelled")
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
