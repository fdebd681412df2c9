"""The core services a front end (CLI or GUI) is handed, with the one seam tests replace: the transcriber.

`transcriber` turns a media file into a Transcript; the real one runs the bundled model in a warm child
process that serves every job of the session (transcribe/warm.py). `verifier` settles fuzzy findings by a
targeted re-decode in that same child. `screen_reader` reads the text burned into the frames (OCR, in its
own child process), and `screen_verifier` reads doubtful on-screen findings again there. Tests pass fakes for
these, and still exercise everything else for real: database, checker, workflow.

`Services` is immutable: a front end that changes its options makes a new value with `with_options`, and a
background thread gets its own connection to the same database with `for_thread` (an sqlite3 connection
belongs to the thread that opened it), keeping the same transcriber, verifier and options.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reviewer.checking.checker import Checker, CheckResult
from reviewer.checking.terms import TermListRef
from reviewer.review.media_check import verify_fuzzy
from reviewer.review.screen import ScreenReader, child_process_screen_reader
from reviewer.review.screen_look import ScreenVerifier, second_look
from reviewer.store.connection import Store
from reviewer.store.term_lists import active_lists, active_refs
from transcribe.runner import Progress, run_transcription
from transcribe.types import TranscribeOptions, Transcript
from transcribe.warm import shared_worker

ProgressCallback = Callable[[float, str], None]
Transcriber = Callable[[str, TranscribeOptions, ProgressCallback | None, Callable[[], bool] | None], Transcript]
Verifier = Callable[[Checker, CheckResult, str, TranscribeOptions, Transcript | None], CheckResult]


def child_process_transcriber(media: str, options: TranscribeOptions, on_progress: ProgressCallback | None = None,
                              should_cancel: Callable[[], bool] | None = None) -> Transcript:
    def forward(progress: Progress) -> None:
        if on_progress is not None:
            on_progress(progress.fraction, progress.stage)

    finished = run_transcription(media, options, on_progress=forward, should_cancel=should_cancel,
                                 worker=shared_worker())  # one model load for the whole batch or session
    assert finished.transcript is not None
    return finished.transcript


def no_verification(checker: Checker, result: CheckResult, media: str, options: TranscribeOptions,
                    transcript: Transcript | None = None) -> CheckResult:
    return result


class _CheckerCache:
    """The compiled checker, shared by copies of one Services (compiling the lists costs tens of ms)."""

    def __init__(self) -> None:
        self.checker: Checker | None = None


@dataclass(frozen=True)
class Services:
    store: Store
    transcriber: Transcriber = child_process_transcriber
    verifier: Verifier = verify_fuzzy
    options: TranscribeOptions = field(default_factory=TranscribeOptions)
    screen_reader: ScreenReader = child_process_screen_reader  # reads on-screen text (OCR child process)
    screen_text: bool = True  # read and check on-screen text (Settings, --no-screen-text)
    screen_verifier: ScreenVerifier = second_look  # reads doubtful on-screen findings again (OCR child process)
    _cache: _CheckerCache = field(default_factory=_CheckerCache, repr=False, compare=False)

    def checker(self) -> Checker:
        """The checker for the lists in force now; lists are parsed and compiled again only when one changed."""
        cached = self._cache.checker
        if cached is None or cached.refs != active_refs(self.store):
            cached = self._cache.checker = Checker(active_lists(self.store))
        return cached

    def term_list_refs(self) -> tuple[TermListRef, ...]:
        """Name, version and hash of the lists in force, read from the store without building the matcher
        (what 'checked against an older list' banners and reports need)."""
        return active_refs(self.store)

    def with_options(self, options: TranscribeOptions, screen_text: bool | None = None) -> Services:
        """The same services transcribing with other options, and reading on-screen text or not when `screen_text`
        is given (a task carries the Settings chosen when it was queued)."""
        return replace(self, options=options, screen_text=self.screen_text if screen_text is None else screen_text)

    def for_thread(self) -> Services:
        """The same services over a new connection to the same database, for use in another thread."""
        return replace(self, store=Store(self.store.path))

    @classmethod
    def open(cls, db_path: str | os.PathLike[str] | None = None, **kwargs) -> Services:
        return cls(Store(db_path), **kwargs)
