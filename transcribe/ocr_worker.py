"""The on-screen text child process: `python -m transcribe.ocr_worker`.

Same protocol as the transcription worker (worker.py): one JSON request line on stdin, JSON lines out: progress
messages, then one "finished" or "failed" (worker_errors.py). A request {"media": ..., "options": {...}} reads
the whole video into a text track; one with "regions" ([{"box": ..., "times": [...]}, ...]) reads just those
boxes again at full size (the second look at doubtful findings, screen_reread.py). OCR runs here and not in the
app so Cancel is a kill and a crash in onnxruntime is a message. Only ocr_runner.py should start it.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

from transcribe.worker import exit_with_parent
from transcribe.worker_errors import failure, finished, send


def _answer(request: dict[str, Any], stdout: TextIO) -> dict[str, Any]:
    from transcribe.screen_reread import Region, reread_regions, rereads_to_json
    from transcribe.screen_text import read_screen_text
    from transcribe.text_track import ScreenTextOptions

    def progress(fraction: float, stage: str) -> None:
        send(stdout, {"type": "progress", "fraction": fraction, "stage": stage})

    if request.get("regions") is not None:
        regions = [Region.from_dict(region) for region in request["regions"]]
        return {"rereads": rereads_to_json(reread_regions(request["media"], regions, progress))}
    track = read_screen_text(request["media"], ScreenTextOptions.from_dict(request.get("options") or {}), progress)
    return {"track": track.to_dict()}


def serve(stdin: TextIO, stdout: TextIO) -> None:
    started = time.perf_counter()
    try:
        send(stdout, finished(_answer(json.loads(stdin.readline()), stdout), started))
    except Exception as exc:  # every outcome becomes a message; an unexpected bug comes back with its traceback
        send(stdout, failure(exc, "reading on-screen text"))


if __name__ == "__main__":
    exit_with_parent()
    serve(sys.stdin, sys.stdout)
