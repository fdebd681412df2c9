"""Offline speech-to-text for creator videos: model provisioning, media probing, transcription.

This package is Qt-free and imports nothing else of ours, so the CLI, the desktop app and the tests
all share it. Importing it switches every Hugging Face client into offline mode before faster-whisper
is loaded: the app must never reach for the network at run time.
"""

from __future__ import annotations

import os

for _switch in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
    os.environ.setdefault(_switch, "1")

from transcribe.errors import MediaError, ModelError, TranscribeError, TranscriptionFailed  # noqa: E402
from transcribe.types import Segment, TranscribeOptions, Transcript, Word  # noqa: E402

__all__ = [
    "MediaError",
    "ModelError",
    "Segment",
    "TranscribeError",
    "TranscribeOptions",
    "Transcript",
    "TranscriptionFailed",
    "Word",
]
