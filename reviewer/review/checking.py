"""The checker for the front ends: the script editor checks as the creator types, the CLI checks files.

Re-exported from reviewer/checking so the UI and the CLI depend on the review layer only.
"""

from __future__ import annotations

from reviewer.checking.checker import (
    Checker,
    CheckResult,
    Finding,
    IncrementalChecker,
    context,
    guess_language,
    transcript_text,
)

__all__ = ["CheckResult", "Checker", "Finding", "IncrementalChecker", "context", "guess_language",
           "transcript_text"]
