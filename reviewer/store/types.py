"""The store's value types: the words a column may hold (as `Literal`s), and what a row is.

The tuples are derived from the `Literal`s, so each word is written once. The 0001 migration's CHECK
constraints were generated from these tuples: adding a word here needs a migration too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypedDict, get_args

Row = dict[str, Any]  # one row from sqlite-utils; typed rows that cross a layer are TypedDicts below
Params = Sequence[object] | Mapping[str, object]

Status = Literal["pending", "in_review", "approved", "approved_with_changes", "changes_required", "rejected"]
Decision = Literal["approved", "approved_with_changes", "changes_required", "rejected"]
Disposition = Literal["open", "confirmed", "dismissed"]
JobState = Literal["queued", "running", "done", "failed", "cancelled"]
Source = Literal["transcript", "caption"]  # where a finding's words came from

class Job(TypedDict):
    """A transcription job, as the store hands it to the use case that runs it (reviewer/review/batch.py)."""

    id: int
    video_id: int
    kind: str
    state: JobState
    error: str
    attempts: int
    pid: int | None
    created_at: str
    started_at: str | None
    finished_at: str | None


STATUSES: tuple[Status, ...] = get_args(Status)
DECISIONS: tuple[Decision, ...] = get_args(Decision)
DISPOSITIONS: tuple[Disposition, ...] = get_args(Disposition)
JOB_STATES: tuple[JobState, ...] = get_args(JobState)
SOURCES: tuple[Source, ...] = get_args(Source)
