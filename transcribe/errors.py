"""Errors a user can act on. Each message is one line: what is wrong and what to do about it."""

from __future__ import annotations


class TranscribeError(Exception):
    """Base for problems we explain to the user instead of showing a traceback."""


class MediaError(TranscribeError):
    """The media file is missing, unreadable, corrupt or has nothing to transcribe."""


class ModelError(TranscribeError):
    """The speech model is missing, incomplete or not a CTranslate2 Whisper model."""


class TranscriptionFailed(TranscribeError):
    """Decoding failed or the worker process died."""


class Cancelled(TranscribeError):
    """The user cancelled the run."""
