"""The on-screen text child process: `python -m transcribe.ocr_worker`.

Same protocol as the transcription worker (worker.py): one JSON request line on stdin
({"media": ..., "options": {...}}), JSON lines out: progress messages, then one "finished" (with the text
track) or "failed". OCR runs here and not in the app so Cancel is a kill and a crash in onnxruntime is a
message. Only ocr_runner.py should start it.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import traceback
from typing import TextIO

from transcribe.worker import CRASH_HINT, _send, exit_with_parent


def serve(stdin: TextIO, stdout: TextIO) -> None:
    from transcribe.errors import TranscribeError
    from transcribe.screen_text import read_screen_text
    from transcribe.text_track import ScreenTextOptions

    started = time.perf_counter()
    try:
        request = json.loads(stdin.readline())
        track = read_screen_text(
            request["media"], ScreenTextOptions.from_dict(request.get("options") or {}),
            progress=lambda fraction, stage: _send(stdout, {"type": "progress", "fraction": fraction, "stage": stage}),
        )
        _send(stdout, {"type": "finished", "track": track.to_dict(), "seconds": time.perf_counter() - started,
                       "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
    except TranscribeError as exc:
        _send(stdout, {"type": "failed", "kind": "error", "message": str(exc)})
    except Exception as exc:  # an unexpected bug still comes back as a message, with its traceback for the log
        _send(stdout, {"type": "failed", "kind": "crash", "detail": traceback.format_exc(),
                       "message": f"reading on-screen text failed ({type(exc).__name__}: {exc}); {CRASH_HINT}"})


if __name__ == "__main__":
    exit_with_parent()
    serve(sys.stdin, sys.stdout)
