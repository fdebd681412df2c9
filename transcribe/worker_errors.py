"""What the child processes say when a job ends: one shared shape for "finished" and for each way of failing.

The transcription worker (worker.py) and the OCR worker (ocr_worker.py) speak the same JSON-lines protocol to
the runner (runner.py); keeping the outcome messages here keeps the two from drifting apart.
"""

from __future__ import annotations

import json
import resource
import time
import traceback
from typing import Any, TextIO

CRASH_HINT = "try again; if it keeps happening, try another model (--model) or re-export the video"


def send(stream: TextIO, message: dict[str, Any]) -> None:
    stream.write(json.dumps(message, ensure_ascii=False) + "\n")
    stream.flush()


def finished(payload: dict[str, Any], started: float) -> dict[str, Any]:
    """The "finished" message: the job's payload plus its time and the process's peak memory."""
    return {"type": "finished", **payload, "seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    """This process's own peak resident memory. Linux keeps `ru_maxrss` across exec, so a worker started from a
    1 GB app would report the app's size; the memory map's high-water mark (VmHWM) starts afresh at exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def failure(exc: Exception, what: str) -> dict[str, Any]:
    """The "failed" message for an exception: a user error as it is, anything else as a crash with its traceback
    (for the log) and a hint. `what` names the job ("transcription", "reading on-screen text")."""
    from transcribe.errors import TranscribeError

    if isinstance(exc, TranscribeError):
        return {"type": "failed", "kind": "error", "message": str(exc)}
    return {"type": "failed", "kind": "crash", "detail": traceback.format_exc(),
            "message": f"{what} failed ({type(exc).__name__}: {exc}); {CRASH_HINT}"}
