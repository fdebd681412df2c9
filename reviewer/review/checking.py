"""The checker for the front ends: the script editor checks as the creator types, the CLI checks files.

Re-exported from reviewer/checking so the UI and the CLI depend on the review layer only.
"""

from __future__ import annotations

import gc

from reviewer.checking.checker import (
    Checker,
    CheckResult,
    Finding,
    IncrementalChecker,
    context,
    guess_language,
    transcript_text,
)
from reviewer.checking.normalize import has_visible_text

__all__ = ["CheckResult", "Checker", "Finding", "IncrementalChecker", "context", "freeze_long_lived",
           "guess_language", "has_visible_text", "transcript_text"]


def freeze_long_lived() -> None:
    """Take what exists now (word lists, a compiled checker: ~200k objects) out of the cyclic GC's sight.

    They live as long as the process, and every collection would rescan them: measured on a 10k-word check,
    57 ms with them in view, 18 ms frozen. Only entry points call this, once the checker is built (a library
    constructor must not change the whole process's GC, and tests build many checkers).
    """
    gc.freeze()
