"""Use case: a second look at the on-screen findings the OCR was unsure of, before they are shown or stored.

Doubtful speech is re-decoded in a targeted window (media_check.py); doubtful on-screen text is read again:
every doubtful finding's box, on two or three frames, at the video's full size, in one job of the OCR child
process. The decision is reviewer.checking.screen_look's. If the second look cannot be had (the child crashed,
the file went away), every finding stays as it was: asked to be looked at, never dropped. Cancel is raised.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from reviewer.checking.checker import Checker, CheckResult
from reviewer.checking.screen_look import apply_second_look, doubtful, first_read, moments
from transcribe.errors import Cancelled
from transcribe.ocr_runner import run_screen_reread
from transcribe.runner import Progress
from transcribe.screen_reread import Region, Rereads

ProgressCallback = Callable[[float, str], None]
ShouldCancel = Callable[[], bool]
Rereader = Callable[[str, list[Region], ProgressCallback | None, ShouldCancel | None], Rereads]
ScreenVerifier = Callable[[Checker, CheckResult, str, ProgressCallback | None, ShouldCancel | None], CheckResult]
log = logging.getLogger(__name__)


def child_process_rereader(media: str, regions: list[Region], on_progress: ProgressCallback | None = None,
                           should_cancel: ShouldCancel | None = None) -> Rereads:
    def forward(progress: Progress) -> None:
        if on_progress is not None:
            on_progress(progress.fraction, progress.stage)

    return run_screen_reread(media, regions, on_progress=forward, should_cancel=should_cancel)


def second_look(checker: Checker, result: CheckResult, media: str | os.PathLike[str],
                on_progress: ProgressCallback | None = None, should_cancel: ShouldCancel | None = None,
                rereader: Rereader = child_process_rereader) -> CheckResult:
    """`result` (on-screen findings) with its doubtful findings confirmed, dropped or left to look at."""
    findings = doubtful(result)
    if not findings:
        return result
    regions = [Region(f.box, moments(f), first_read(result, f).count("\n") + 1) for f in findings
               if f.box is not None]
    try:
        rereads = rereader(os.fspath(media), regions, on_progress, should_cancel)
    except Cancelled:
        raise
    except Exception as exc:  # any failure of the second look leaves the findings to a person, never drops one
        log.warning("second look at on-screen text failed, %d finding(s) stay 'look': %s", len(findings), exc)
        return result
    return apply_second_look(checker, result, findings, rereads)


def no_second_look(checker: Checker, result: CheckResult, media: str | os.PathLike[str],
                   on_progress: ProgressCallback | None = None, should_cancel: ShouldCancel | None = None
                   ) -> CheckResult:
    """For tests and tools that must not start the OCR child: doubtful findings stay "look"."""
    return result
