"""The transcription child process: `python -m transcribe.worker`.

Reads one JSON request line on stdin ({"media": ..., "options": {...}}) and writes JSON lines on stdout:
any number of {"type": "progress"}, then exactly one {"type": "finished"} or {"type": "failed"}.
With `--warm` it then waits for the next request (the model stays loaded) until stdin is closed.
It never raises: every outcome becomes a message. Only the runner (runner.py) should start it.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import TextIO

from transcribe.worker_errors import failure, finished
from transcribe.worker_errors import send as _send

PARENT_ENV = "THINKTWICE_PARENT_PID"


def exit_with_parent(interval: float = 0.5) -> threading.Thread:
    """Stop this worker as soon as the app that started it is gone (crash, kill -9): no orphan keeps decoding.

    When the parent dies the child is re-parented, so os.getppid() changes; polling it is portable on POSIX.
    The runner passes its PID in THINKTWICE_PARENT_PID, so a parent that dies before this even starts counts too.
    """
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(3)

    watchdog = threading.Thread(target=watch, name="parent-watchdog", daemon=True)
    watchdog.start()
    return watchdog


def serve(stdin: TextIO, stdout: TextIO, keep_warm: bool = False) -> None:
    """Answer one request, or (`keep_warm`) every request until stdin closes, keeping the model loaded."""
    from tqdm import tqdm

    # faster-whisper builds a (disabled) tqdm bar, which by default allocates a multiprocessing semaphore;
    # a worker killed on Cancel would leak it. A thread lock does the same job inside one process.
    tqdm.set_lock(threading.RLock())
    while True:
        line = stdin.readline()
        if not line.strip():
            return
        handle(line, stdout)
        if not keep_warm:
            return


def handle(line: str, stdout: TextIO) -> None:
    """One request in, its messages out. Never raises: every outcome becomes a message."""
    from transcribe.engine import decode_windows, transcribe_file
    from transcribe.types import TranscribeOptions

    started = time.perf_counter()
    try:
        request = json.loads(line)
        if request.get("windows") is not None:
            texts = decode_windows(request["media"], request["windows"],
                                   TranscribeOptions.from_dict(request.get("options") or {}))
            _send(stdout, finished({"texts": texts}, started))
            return
        transcript = transcribe_file(
            request["media"], TranscribeOptions.from_dict(request.get("options") or {}),
            progress=lambda fraction, stage: _send(stdout, {"type": "progress", "fraction": fraction, "stage": stage}),
        )
        _send(stdout, finished({"transcript": transcript.to_dict()}, started))
    except Exception as exc:  # a user error as it is, an unexpected bug with its traceback for the log
        _send(stdout, failure(exc, "transcription"))


if __name__ == "__main__":
    exit_with_parent()
    serve(sys.stdin, sys.stdout, keep_warm="--warm" in sys.argv[1:])
